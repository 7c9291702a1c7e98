"""Stance metrics: the ``stance`` layer of ``zhgloss evaluate`` (registered in :mod:`pipeline.evaluate`).

Only gold units whose stance was annotated by hand (``"source": "gold"``, written by
``tools/build_stance_gold.py``) are scored; the placeholder stance of the entity gold says nothing.

* **bearing**: precision, recall and F1 of ``bearing`` over the annotated body units, and the
  accuracy on the gold non-bearing units (how many the pipeline leaves alone);
* **types**: micro precision/recall/F1 over (unit, type) pairs, and F1 per type;
* **targets**: precision/recall/F1 over (unit, entity, polarity) triples, the entity being its
  ``kb_id`` or, without one, its text; also ``target_entities`` ignoring polarity;
* **certainty**: accuracy on units that both sides call bearing;
* **holder**: accuracy on units that both sides call bearing — the same referent (``AUTHOR``; the
  gold holder's ``kb_id`` when it has one, else its English when both give one, else its text),
  and, more leniently, the same referent or the same words (北韓的外交部長 found but not linked to
  Ri Yong Ho; a gold 他 that the pipeline resolved to the person it names; several named together,
  中國和俄羅斯, among whom is the gold's one).

An unaligned gold unit counts as predicted non-bearing.  :func:`stance_errors` lists the units
where the two sides disagree (``zhgloss evaluate --errors``).
"""

from __future__ import annotations

from typing import Any, Iterable

TYPES = ("evaluation", "prediction", "prescription", "attributed", "question")


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "pred": n_pred, "gold": n_gold, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _key(t: dict) -> str:
    return t.get("kb_id") or (t.get("text") or "").strip()


def stance_metrics(docs: Iterable, kb=None) -> dict[str, Any]:
    """Stance scores over aligned documents (:class:`pipeline.evaluate.AlignedDocument`)."""
    n_units = n_docs = 0
    b_tp = b_pred = b_gold = 0
    nb_total = nb_right = 0
    type_counts = {t: [0, 0, 0] for t in TYPES}  # tp, pred, gold
    t_tp = t_pred = t_gold = 0
    e_tp = 0
    c_total = c_right = 0
    h_right = h_loose = 0
    for doc in docs:
        scored = False
        for pair in doc.pairs:
            gold = pair.gold.get("stance") or {}
            if gold.get("source") != "gold" or pair.gold.get("kind") != "body":
                continue
            scored = True
            n_units += 1
            pred = (pair.pred or {}).get("stance") or {} if pair.pred else {}
            g, p = bool(gold.get("bearing")), bool(pred.get("bearing"))
            b_tp += g and p
            b_pred += p
            b_gold += g
            if not g:
                nb_total += 1
                nb_right += not p
            gt = set(gold.get("types") or []) if g else set()
            pt = set(pred.get("types") or []) if p else set()
            for t in TYPES:
                type_counts[t][0] += t in gt and t in pt
                type_counts[t][1] += t in pt
                type_counts[t][2] += t in gt
            gtar = {(_key(t), t.get("polarity")) for t in gold.get("targets") or []} if g else set()
            ptar = {(_key(t), t.get("polarity")) for t in pred.get("targets") or []} if p else set()
            t_tp += len(gtar & ptar)
            t_pred += len(ptar)
            t_gold += len(gtar)
            e_tp += len({k for k, _ in gtar} & {k for k, _ in ptar})
            if g and p:
                c_total += 1
                c_right += gold.get("certainty") == pred.get("certainty")
                same, loose = _same_holder(gold.get("holder"), pred.get("holder"))
                h_right += same
                h_loose += loose
        n_docs += scored
    tp, pp, gg = (sum(v[i] for v in type_counts.values()) for i in range(3))
    return {
        "documents": n_docs,
        "units": n_units,
        "bearing": _prf(b_tp, b_pred, b_gold),
        "non_bearing_accuracy": {"correct": nb_right, "total": nb_total,
                                 "accuracy": round(nb_right / nb_total, 4) if nb_total else None},
        "types": {**_prf(tp, pp, gg), "by_type": {t: _prf(*v) for t, v in type_counts.items()}},
        "targets": _prf(t_tp, t_pred, t_gold),
        "target_entities": _prf(e_tp, t_pred, t_gold),
        "certainty": {"correct": c_right, "total": c_total,
                      "accuracy": round(c_right / c_total, 4) if c_total else None},
        "holder": {"correct": h_right, "correct_or_same_words": h_loose, "total": c_total,
                   "accuracy": round(h_right / c_total, 4) if c_total else None,
                   "accuracy_same_words": round(h_loose / c_total, 4) if c_total else None},
    }


def stance_errors(docs: Iterable) -> list[dict[str, Any]]:
    """Every annotated body unit where the prediction disagrees with the gold: ``missed`` (gold
    bearing, predicted not), ``spurious`` (the reverse), ``holder`` (not the same referent), and
    ``targets`` (the (entity, polarity) pairs only one side has), each with the unit's text."""
    out: list[dict[str, Any]] = []
    for doc in docs:
        for pair in doc.pairs:
            gold = pair.gold.get("stance") or {}
            if gold.get("source") != "gold" or pair.gold.get("kind") != "body":
                continue
            pred = ((pair.pred or {}).get("stance") or {}) if pair.pred else {}
            g, p = bool(gold.get("bearing")), bool(pred.get("bearing"))
            base = {"doc_id": doc.doc_id, "n": pair.gold.get("n"), "text": pair.gold.get("text", "")}
            if g != p:
                out.append({**base, "type": "missed" if g else "spurious",
                            "gold": _brief_holder(gold.get("holder")) if g else None,
                            "pred": _brief_holder(pred.get("holder")) if p else None})
                continue
            if not g:
                continue
            if gold.get("holder") != pred.get("holder") and not _same_holder(gold.get("holder"), pred.get("holder"))[0]:
                out.append({**base, "type": "holder", "gold": _brief_holder(gold.get("holder")),
                            "pred": _brief_holder(pred.get("holder"))})
            gtar = {(_key(t), t.get("polarity")): t for t in gold.get("targets") or []}
            ptar = {(_key(t), t.get("polarity")): t for t in pred.get("targets") or []}
            if gtar.keys() != ptar.keys():
                out.append({**base, "type": "targets",
                            "gold": [f"{gtar[k].get('text')}:{k[1]}" for k in gtar if k not in ptar],
                            "pred": [f"{ptar[k].get('text')}:{k[1]}" for k in ptar if k not in gtar]})
    return out


def _brief_holder(h) -> str | None:
    if isinstance(h, dict):
        return h.get("text") or h.get("en")
    return h


def format_stance_errors(errors: list[dict[str, Any]]) -> str:
    """One line per disagreement: ``doc #n type  gold → pred  | text``; for targets, the pairs
    only the gold has (−) and only the prediction has (+)."""
    lines = []
    for e in errors:
        if e["type"] == "targets":
            what = " ".join([f"−{t}" for t in e["gold"]] + [f"+{t}" for t in e["pred"]])
        else:
            what = f"{e['gold'] or '—'} → {e['pred'] or '—'}"
        text = e["text"] if len(e["text"]) <= 60 else e["text"][:59] + "…"
        lines.append(f"{e['doc_id']} #{e['n']} {e['type']:<8} {what}  | {text}")
    return "\n".join(lines) + ("\n" if lines else "")


def _same_holder(gold, pred) -> tuple[bool, bool]:
    """(the same referent, the same referent or the same words) of two holders: ``"AUTHOR"`` or
    ``{"text", "kb_id", …}``."""
    if not isinstance(gold, dict) or not isinstance(pred, dict):
        same = gold == pred == "AUTHOR"
        return same, same
    text = (gold.get("text") or "").strip()
    words = text in ((pred.get("text") or "").strip(), pred.get("mention"))  # 他 resolved to a name: its words
    # 中國和俄羅斯 found where the gold names 中國: one of the holders (leniently)
    words = words or bool(gold.get("kb_id")) and any(m.get("kb_id") == gold["kb_id"] for m in pred.get("members") or ())
    if gold.get("kb_id"):
        same = gold["kb_id"] == pred.get("kb_id")
    elif gold.get("en") and pred.get("en"):  # an unlinked person the gold names in English (Terry Branstad)
        same = gold["en"].casefold() == pred["en"].casefold()
    else:
        same = text == (pred.get("text") or "").strip()
    return same, same or words


def stance_table(m: dict[str, Any]) -> list[str]:
    """Lines for the text report."""
    if not m["units"]:
        return ["stance: no hand-made stance gold in these documents (tools/build_stance_gold.py)"]

    def row(name: str, v: dict) -> str:
        return f"{name:<22} {v['gold']:>5} {v['pred']:>5} {v['tp']:>5}   {v['precision']:>6.3f} {v['recall']:>6.3f} {v['f1']:>6.3f}"

    nb = m["non_bearing_accuracy"]
    cert = m["certainty"]
    out = [f"stance ({m['units']} annotated body units in {m['documents']} document(s))",
           f"{'':<22} {'gold':>5} {'pred':>5} {'tp':>5}   {'P':>6} {'R':>6} {'F1':>6}",
           row("bearing", m["bearing"]), row("types (micro)", m["types"])]
    for t, v in m["types"]["by_type"].items():
        out.append(row(f"  {t}", v))
    out.append(row("targets + polarity", m["targets"]))
    out.append(row("target entities", m["target_entities"]))
    acc = "n/a" if nb["accuracy"] is None else f"{nb['accuracy']:.3f}"
    out.append(f"non-bearing accuracy   {acc} ({nb['correct']}/{nb['total']})")
    acc = "n/a" if cert["accuracy"] is None else f"{cert['accuracy']:.3f}"
    out.append(f"certainty accuracy     {acc} ({cert['correct']}/{cert['total']}, units bearing on both sides)")
    h = m.get("holder")
    if h and h["accuracy"] is not None:
        out.append(f"holder accuracy        {h['accuracy']:.3f} ({h['correct']}/{h['total']}, the same referent; "
                   f"{h['accuracy_same_words']:.3f} counting the same words)")
    return out
