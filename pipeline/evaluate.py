"""Evaluation of predicted records against hand-made gold records (``annotations/gold/``).

Everything here returns plain dicts; the ``zhgloss evaluate`` command only formats them.

1. **Loading** (:func:`load_documents`): for every gold file ``<doc_id>.jsonl`` the prediction file
   of the same name is read from the prediction folder; a missing one is a :class:`DataError`
   telling the user to run ``zhgloss annotate`` first.
2. **Alignment** (:func:`align_document`): a gold unit and a predicted unit are the same unit when
   they have the same ``id`` (stable for the same article and text) and the same text, or, failing
   that, the same text (the article was renamed, so every id changed).  Gold units left over are
   aligned by *document* character offsets to the left-over predicted units they overlap
   (segmentation or clean-up changed the text); a gold unit that overlaps none is *unaligned*.
   Entities of units with the same text are compared on unit offsets, the others on document
   offsets (``unit.start + entity.start``).
3. **Metrics by layer** (:data:`LAYERS`): each layer is a function ``f(docs, kb=None) -> dict``
   over a list of :class:`AlignedDocument`; :func:`evaluate` runs the requested layers per
   document group and overall, and :func:`format_text` prints each with its formatter.
   ``entities`` is the only layer so far.  A stance layer (bearing P/R/F1, type F1, target
   polarity P/R) uses the same unit pairs::

       def stance_metrics(docs, kb=None):
           for doc in docs:
               for pair in doc.pairs:            # every gold unit, aligned or not
                   gold = pair.gold["stance"]
                   pred = pair.pred["stance"] if pair.pred else None
                   ...
           return {"bearing": {...}, "types": {...}, "targets": {...}}

       register_layer("stance", stance_metrics, formatter=lambda m: ["stance", ...])

Entity metrics (:func:`entity_metrics`):

* precision, recall and F1 per label and overall, for **exact** spans (same start, end and label)
  and **overlapping** spans (same label, at least one shared character; one-to-one, each gold and
  each predicted entity used at most once);
* on **exactly matched spans** (same start and end, any label): accuracy of ``en`` (compared
  ignoring case, accents and punctuation; any English form the knowledge base gives for the gold
  ``kb_id`` also counts when a knowledge base is given: an alias, the form for a particular Chinese
  name, the attributive or people form — ``KBEntry.english_names()``), of ``kb_id`` (equal, null included; and separately over gold entities
  that have a ``kb_id``), and of cluster ``members`` (the same member ids in the same order, over
  gold clusters).
"""

from __future__ import annotations

import glob
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from .errors import DataError
from .records import read_jsonl

#: Entity labels of the contract, in report order.
LABELS = ("PERSON", "GPE", "LOC", "ORG", "POLICY", "EVENT", "DATE", "PERCENT")


# -- data ----------------------------------------------------------------------------------------
@dataclass
class UnitPair:
    """One gold unit and what it was aligned to: ``how`` is ``id``, ``text``, ``offset`` or ``None``."""

    gold: dict[str, Any]
    preds: list[dict[str, Any]] = field(default_factory=list)
    how: str | None = None

    @property
    def pred(self) -> dict[str, Any] | None:
        """The predicted unit (for offset alignment: the one sharing most characters)."""
        if not self.preds:
            return None
        if len(self.preds) == 1:
            return self.preds[0]
        g = self.gold
        return max(self.preds, key=lambda p: min(g["end"], p["end"]) - max(g["start"], p["start"]))


@dataclass
class AlignedDocument:
    doc_id: str
    gold: list[dict[str, Any]]
    pred: list[dict[str, Any]]
    pairs: list[UnitPair]
    unaligned_pred: list[dict[str, Any]]  # predicted units matched to no gold unit

    def counts(self) -> dict[str, int]:
        return {
            "units": len(self.gold),
            "by_id": sum(p.how == "id" for p in self.pairs),
            "by_text": sum(p.how == "text" for p in self.pairs),
            "by_offset": sum(p.how == "offset" for p in self.pairs),
            "unaligned_gold": sum(p.how is None for p in self.pairs),
            "unaligned_pred": len(self.unaligned_pred),
        }


# -- loading -------------------------------------------------------------------------------------
def gold_files(gold_dir: Path, docs: Sequence[str] | None = None) -> list[Path]:
    """The gold files to evaluate, by document id; unknown ids are a :class:`DataError`."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise DataError("gold folder not found", "pass the folder of gold <doc_id>.jsonl files with --gold",
                        where=str(gold_dir))
    available = {p.stem: p for p in sorted(gold_dir.glob("*.jsonl"))}
    if not available:
        raise DataError("no gold <doc_id>.jsonl files in this folder", "pass the gold folder with --gold",
                        where=str(gold_dir))
    if not docs:
        return list(available.values())
    missing = [d for d in docs if d not in available]
    if missing:
        raise DataError(f"no gold file for document {', '.join(missing)}",
                        f"choose among: {', '.join(available)}", where=str(gold_dir))
    return [available[d] for d in docs]


def _source_hint(doc_id: str) -> str:
    """The article a prediction file comes from, for the error message (``corpus/<doc_id>.txt``)."""
    for folder in (Path("corpus"), Path(".")):
        for path in sorted(folder.glob(f"{glob.escape(doc_id)}.*")):
            if path.suffix in (".txt", ".md", ".html", ".htm", ".pdf"):
                return str(path)
    return "the article"


def load_documents(gold_dir: Path, pred_dir: Path, docs: Sequence[str] | None = None) -> list[tuple[str, list, list]]:
    """``(doc_id, gold records, predicted records)`` for every gold file (or those in ``docs``)."""
    out = []
    for gpath in gold_files(gold_dir, docs):
        doc_id = gpath.stem
        ppath = Path(pred_dir) / gpath.name
        if not ppath.is_file():
            raise DataError(f"no predictions for gold document {doc_id}",
                            f"run zhgloss annotate {_source_hint(doc_id)} -o {pred_dir} first", where=str(ppath))
        out.append((doc_id, read_jsonl(gpath), read_jsonl(ppath)))
    return out


# -- alignment -----------------------------------------------------------------------------------
def align_document(doc_id: str, gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> AlignedDocument:
    """Pair gold units with predicted units: by id (and equal text), else by equal text, else by
    document offsets."""
    by_id = {r.get("id"): r for r in pred}
    used: set[int] = set()
    pairs: list[UnitPair] = []
    for g in gold:
        p = by_id.get(g.get("id"))
        if p is not None and p.get("text") == g.get("text") and id(p) not in used:
            used.add(id(p))
            pairs.append(UnitPair(g, [p], "id"))
        else:
            pairs.append(UnitPair(g))
    by_text: dict[str, list[dict[str, Any]]] = {}
    for p in pred:
        if id(p) not in used:
            by_text.setdefault(p.get("text", ""), []).append(p)
    for pair in pairs:  # same text, other id (e.g. the article was renamed): first unused, in order
        if pair.how is None and by_text.get(pair.gold.get("text", "")):
            p = by_text[pair.gold["text"]].pop(0)
            used.add(id(p))
            pair.preds, pair.how = [p], "text"
    rest = [p for p in pred if id(p) not in used]
    touched: set[int] = set()
    for pair in pairs:
        if pair.how is not None:
            continue
        g = pair.gold
        hits = [p for p in rest if p["start"] < g["end"] and g["start"] < p["end"]]
        if hits:
            pair.preds, pair.how = hits, "offset"
            touched.update(id(p) for p in hits)
    unaligned_pred = [p for p in rest if id(p) not in touched]
    return AlignedDocument(doc_id, gold, pred, pairs, unaligned_pred)


# -- entity metrics ------------------------------------------------------------------------------
def _mentions(doc: AlignedDocument) -> tuple[list[dict], list[dict]]:
    """Gold and predicted entities with a comparable key: ``(doc, unit id or '#doc', start, end)``."""
    gold_m: list[dict] = []
    pred_m: list[dict] = []
    offset_preds: dict[int, dict] = {}
    for pair in doc.pairs:
        g = pair.gold
        if pair.how in ("id", "text"):  # the same text: unit offsets
            key = g["id"]
            gold_m += [{**e, "_k": (doc.doc_id, key), "_s": e["start"], "_e": e["end"], "_n": g.get("n")}
                       for e in g.get("entities", [])]
            p = pair.preds[0]
            pred_m += [{**e, "_k": (doc.doc_id, key), "_s": e["start"], "_e": e["end"], "_n": g.get("n")}
                       for e in p.get("entities", [])]
        else:  # offset-aligned or unaligned: document offsets
            gold_m += [{**e, "_k": (doc.doc_id, "#doc"), "_s": g["start"] + e["start"], "_e": g["start"] + e["end"],
                        "_n": g.get("n")} for e in g.get("entities", [])]
            for p in pair.preds:
                offset_preds[id(p)] = p
    for p in offset_preds.values():
        pred_m += [{**e, "_k": (doc.doc_id, "#doc"), "_s": p["start"] + e["start"], "_e": p["start"] + e["end"],
                    "_n": _gold_n_at(doc, p["start"] + e["start"])} for e in p.get("entities", [])]
    return gold_m, pred_m


def _gold_n_at(doc: AlignedDocument, offset: int) -> int | None:
    """The number of the gold unit containing a document offset (for error listings)."""
    for g in doc.gold:
        if g["start"] <= offset < g["end"]:
            return g.get("n")
    return None


def english_key(name: Any) -> str:
    import unicodedata

    if not name:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(name))
    return "".join(ch for ch in decomposed.casefold() if ch.isalnum())


def _prf(tp_p: int, n_pred: int, tp_r: int, n_gold: int) -> dict[str, Any]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"gold": n_gold, "pred": n_pred, "tp": tp_r, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _acc(correct: int, total: int) -> dict[str, Any]:
    return {"correct": correct, "total": total, "accuracy": round(correct / total, 4) if total else None}


def _overlap_matches(gold_m: list[dict], pred_m: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one matching of same-label overlapping spans; larger overlaps first, then text order."""
    cands = []
    by_key: dict[tuple, list[dict]] = {}
    for p in pred_m:
        by_key.setdefault((p["_k"], p.get("label")), []).append(p)
    for gi, g in enumerate(gold_m):
        for pi, p in enumerate(by_key.get((g["_k"], g.get("label")), ())):
            ov = min(g["_e"], p["_e"]) - max(g["_s"], p["_s"])
            if ov > 0:
                cands.append((-ov, g["_s"], p["_s"], gi, id(p), g, p))
    cands.sort(key=lambda c: c[:3])
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, _, _, gi, pid, g, p in cands:
        if gi in used_g or pid in used_p:
            continue
        used_g.add(gi)
        used_p.add(pid)
        out.append((g, p))
    return out


def entity_metrics(docs: Iterable[AlignedDocument], kb=None) -> dict[str, Any]:
    """Entity P/R/F1 (exact and overlapping spans, per label and overall) and link accuracies."""
    gold_m: list[dict] = []
    pred_m: list[dict] = []
    invalid = 0
    for doc in docs:
        g, p = _mentions(doc)
        gold_m += g
        pred_m += p
        invalid += _invalid_entities(doc)
    labels = list(LABELS) + sorted({m.get("label") for m in gold_m + pred_m} - set(LABELS) - {None})

    # exact: same span and label (a span predicted twice with the same label counts once)
    pred_exact = {}
    for p in pred_m:
        pred_exact.setdefault((p["_k"], p["_s"], p["_e"], p.get("label")), p)
    exact_hits = [g for g in gold_m if (g["_k"], g["_s"], g["_e"], g.get("label")) in pred_exact]
    overlap = _overlap_matches(gold_m, pred_m)

    def by_label(label: str | None) -> dict[str, Any]:
        sel = (lambda m: True) if label is None else (lambda m: m.get("label") == label)
        n_gold = sum(1 for m in gold_m if sel(m))
        n_pred = sum(1 for m in pred_m if sel(m))
        tp = sum(1 for m in exact_hits if sel(m))
        tp_o = sum(1 for g, _ in overlap if sel(g))
        return {"exact": _prf(tp, n_pred, tp, n_gold), "overlap": _prf(tp_o, n_pred, tp_o, n_gold)}

    per_label = {lab: by_label(lab) for lab in labels}
    per_label = {lab: v for lab, v in per_label.items() if v["exact"]["gold"] or v["exact"]["pred"]}

    # link accuracies on exactly matched spans (label ignored)
    pred_span: dict[tuple, dict] = {}
    for p in pred_m:
        pred_span.setdefault((p["_k"], p["_s"], p["_e"]), p)
    en_ok = kb_ok = kb_linked = kb_linked_ok = mem_total = mem_ok = spans = 0
    en_label: dict[str, list[int]] = {}
    for g in gold_m:
        p = pred_span.get((g["_k"], g["_s"], g["_e"]))
        if p is None:
            continue
        spans += 1
        right = _en_correct(g, p, kb)
        en_ok += right
        tally = en_label.setdefault(g.get("label"), [0, 0])
        tally[0] += right
        tally[1] += 1
        if g.get("kb_id") == p.get("kb_id"):
            kb_ok += 1
        if g.get("kb_id") is not None:
            kb_linked += 1
            kb_linked_ok += g.get("kb_id") == p.get("kb_id")
        if g.get("members"):
            mem_total += 1
            gm = [m.get("kb_id") for m in g["members"]]
            pm = [m.get("kb_id") for m in (p.get("members") or [])]
            mem_ok += gm == pm
    return {
        "labels": per_label,
        "all": by_label(None),
        "matched_spans": spans,
        "en": _acc(en_ok, spans),
        "en_by_label": {lab: _acc(*en_label[lab]) for lab in labels if lab in en_label},
        "kb_id": _acc(kb_ok, spans),
        "kb_id_linked": _acc(kb_linked_ok, kb_linked),
        "members": _acc(mem_ok, mem_total),
        "invalid_pred": invalid,
    }


def _invalid_entities(doc: AlignedDocument) -> int:
    """Predicted entities (of aligned units) whose offsets do not give their ``text``."""
    seen: dict[int, dict] = {}
    for pair in doc.pairs:
        for p in pair.preds:
            seen[id(p)] = p
    bad = 0
    for p in seen.values():
        text = p.get("text", "")
        for e in p.get("entities", []):
            s, t = e.get("start"), e.get("end")
            if not (isinstance(s, int) and isinstance(t, int) and 0 <= s < t <= len(text) and text[s:t] == e.get("text")):
                bad += 1
    return bad


def _en_correct(g: dict, p: dict, kb) -> bool:
    want, got = english_key(g.get("en")), english_key(p.get("en"))
    if not got:
        return False
    if got == want:
        return True
    if kb is not None and g.get("kb_id"):
        entry = kb.get(g["kb_id"])
        if entry is not None:
            names = entry.english_names() if hasattr(entry, "english_names") else (entry.en, *entry.en_aliases)
            return got in {english_key(n) for n in names}
    return False


def entity_errors(docs: Iterable[AlignedDocument], kb=None) -> list[dict[str, Any]]:
    """Every disagreement between gold and predicted entities, in document order.

    ``type`` is ``missed`` (a gold entity nothing overlaps with its label and no prediction has its
    span), ``spurious`` (the converse), ``label`` (same span, other label), ``boundary`` (same label,
    overlapping span), or, on exactly matched spans, ``kb_id``, ``en`` or ``members``.
    """
    out: list[dict[str, Any]] = []

    def brief(m: dict | None) -> dict | None:
        if m is None:
            return None
        b = {k: m.get(k) for k in ("text", "start", "end", "label", "kb_id", "en")}
        if m.get("members") is not None:
            b["members"] = [x.get("kb_id") for x in m["members"]]
        return b

    for doc in docs:
        gold_m, pred_m = _mentions(doc)
        pred_span = {}
        for p in pred_m:
            pred_span.setdefault((p["_k"], p["_s"], p["_e"]), p)
        gold_span = {(g["_k"], g["_s"], g["_e"]) for g in gold_m}
        used: set[int] = set()
        overlap = {id(g): p for g, p in _overlap_matches(gold_m, pred_m)}
        for g in gold_m:
            p = pred_span.get((g["_k"], g["_s"], g["_e"]))
            if p is not None:
                used.add(id(p))
                kinds = []
                if p.get("label") != g.get("label"):
                    kinds.append("label")
                if p.get("kb_id") != g.get("kb_id"):
                    kinds.append("kb_id")
                if not _en_correct(g, p, kb):
                    kinds.append("en")
                if g.get("members") and [m.get("kb_id") for m in g["members"]] != [m.get("kb_id") for m in p.get("members") or []]:
                    kinds.append("members")
                for kind in kinds:
                    out.append({"doc_id": doc.doc_id, "n": g["_n"], "type": kind, "gold": brief(g), "pred": brief(p)})
            elif id(g) in overlap:
                p = overlap[id(g)]
                used.add(id(p))
                out.append({"doc_id": doc.doc_id, "n": g["_n"], "type": "boundary", "gold": brief(g), "pred": brief(p)})
            else:
                out.append({"doc_id": doc.doc_id, "n": g["_n"], "type": "missed", "gold": brief(g), "pred": None})
        for p in pred_m:
            if id(p) not in used and (p["_k"], p["_s"], p["_e"]) not in gold_span:
                out.append({"doc_id": doc.doc_id, "n": p["_n"], "type": "spurious", "gold": None, "pred": brief(p)})
    out.sort(key=lambda e: (e["doc_id"], e["n"] if e["n"] is not None else -1,
                            (e["gold"] or e["pred"])["start"]))
    return out


def format_errors(errors: list[dict[str, Any]]) -> str:
    """One line per disagreement: ``doc #n type  gold → pred``."""
    def show(m: dict | None) -> str:
        if m is None:
            return "—"
        extra = f" {m['members']}" if m.get("members") else ""
        return f"{m['label']} {m['text']} [{m['kb_id'] or '-'} | {m['en'] or '-'}]{extra}"

    lines = [f"{e['doc_id']} #{e['n']} {e['type']:<8} {show(e['gold'])} → {show(e['pred'])}" for e in errors]
    return "\n".join(lines) + ("\n" if lines else "")


# -- layers and the whole evaluation -------------------------------------------------------------
Layer = Callable[..., dict]

#: Metric layers by name, in report order.  Each takes ``(docs, kb=None)`` and returns a dict.
LAYERS: dict[str, Layer] = {"entities": entity_metrics}
#: Text formatters by layer name: ``f(metrics) -> list of lines``; layers without one print as a dict.
FORMATTERS: dict[str, Callable[[dict], list[str]]] = {}


def register_layer(name: str, fn: Layer, formatter: Callable[[dict], list[str]] | None = None) -> None:
    """Add a metric layer (e.g. ``stance``) computed over the same aligned documents."""
    LAYERS[name] = fn
    if formatter is not None:
        FORMATTERS[name] = formatter


def group_of(doc_id: str) -> str:
    """Document group: ``seed`` for the seed essay (``000_*``), else the id's prefix (``ntrex``)."""
    if doc_id.startswith("000_"):
        return "seed"
    return doc_id.split("_", 1)[0] if "_" in doc_id else "other"


def evaluate(gold_dir: Path, pred_dir: Path, docs: Sequence[str] | None = None, *, by: str = "group",
             layers: Sequence[str] | None = None, kb=None, errors: bool = False) -> dict[str, Any]:
    """Compare the predictions in ``pred_dir`` with the gold in ``gold_dir``.

    ``by`` is ``group`` (seed vs the other gold articles, :func:`group_of`) or ``doc``.  The result
    has ``documents`` (alignment counts per document), ``alignment`` (totals), ``groups``
    (``{name: {"documents": [...], layer: metrics}}``) and ``overall`` (``{layer: metrics}``);
    with ``errors``, also ``errors``: every entity disagreement (:func:`entity_errors`), and with the
    stance layer ``stance_errors`` (:func:`~pipeline.evaluate_stance.stance_errors`).
    """
    layers = list(LAYERS) if layers is None else list(layers)
    unknown = [name for name in layers if name not in LAYERS]
    if unknown:
        raise DataError(f"unknown metric layer {', '.join(unknown)}", f"choose among: {', '.join(LAYERS)}")
    if by not in ("group", "doc"):
        raise DataError(f"unknown grouping '{by}'", "use group or doc")
    aligned = [align_document(d, g, p) for d, g, p in load_documents(gold_dir, pred_dir, docs)]
    return evaluate_aligned(aligned, by=by, layers=layers, kb=kb, errors=errors,
                            meta={"gold": str(gold_dir), "pred": str(pred_dir)})


def evaluate_aligned(aligned: list[AlignedDocument], *, by: str = "group", layers: Sequence[str] = ("entities",),
                     kb=None, meta: dict | None = None, errors: bool = False) -> dict[str, Any]:
    """:func:`evaluate` on documents already loaded and aligned (for library users and tests)."""
    groups: dict[str, list[AlignedDocument]] = {}
    for doc in aligned:
        groups.setdefault(group_of(doc.doc_id) if by == "group" else doc.doc_id, []).append(doc)
    totals = {k: 0 for k in ("units", "by_id", "by_text", "by_offset", "unaligned_gold", "unaligned_pred")}
    documents = []
    for doc in aligned:
        c = doc.counts()
        row = {"doc_id": doc.doc_id, "group": group_of(doc.doc_id), **c}
        if "entities" in layers:  # a one-line summary per document
            row["entities"] = entity_metrics([doc], kb=kb)["all"]
        documents.append(row)
        for k in totals:
            totals[k] += c[k]
    result: dict[str, Any] = {**(meta or {}), "documents": documents, "alignment": totals, "groups": {}, "overall": {}}
    for name, members in groups.items():
        entry: dict[str, Any] = {"documents": [d.doc_id for d in members]}
        for layer in layers:
            entry[layer] = LAYERS[layer](members, kb=kb)
        result["groups"][name] = entry
    for layer in layers:
        result["overall"][layer] = LAYERS[layer](aligned, kb=kb)
    if errors:
        result["errors"] = entity_errors(aligned, kb=kb)
        if "stance" in layers:
            result["stance_errors"] = stance_errors(aligned)
    return result


# -- text report ---------------------------------------------------------------------------------
def format_text(result: dict[str, Any]) -> str:
    """A plain-text report of :func:`evaluate`'s result (what ``zhgloss evaluate`` prints)."""
    a = result["alignment"]
    lines = [
        f"gold: {result.get('gold', '?')}  predictions: {result.get('pred', '?')}  documents: {len(result['documents'])}",
        f"alignment: {a['units']} gold units — {a['by_id']} by id, {a['by_text']} by text, {a['by_offset']} by offsets, "
        f"{a['unaligned_gold']} not aligned; {a['unaligned_pred']} predicted units not aligned",
    ]
    if any("entities" in d for d in result["documents"]):
        lines += ["", "per document (entities)",
                  f"{'document':<28} {'units':>5} {'by id':>5} {'gold':>5} {'pred':>5} {'exact F1':>8} {'overlap F1':>10}"]
        for d in result["documents"]:
            e = d["entities"]
            lines.append(f"{d['doc_id']:<28} {d['units']:>5} {d['by_id']:>5} {e['exact']['gold']:>5} {e['exact']['pred']:>5}"
                         f" {e['exact']['f1']:>8.3f} {e['overlap']['f1']:>10.3f}")
    sections = [(f"{name} ({len(g['documents'])} document{'s' if len(g['documents']) != 1 else ''})", g)
                for name, g in result["groups"].items()]
    sections.append(("overall", result["overall"]))
    for title, block in sections:
        lines.append("")
        lines.append(f"== {title} ==")
        for layer, metrics in block.items():
            if layer == "documents":
                continue
            formatter = FORMATTERS.get(layer)
            lines += formatter(metrics) if formatter else [f"{layer}: {metrics}"]
    if "errors" in result:
        lines += ["", f"== entity disagreements ({len(result['errors'])}) =="]
        lines.append(format_errors(result["errors"]).rstrip("\n"))
    if "stance_errors" in result:
        lines += ["", f"== stance disagreements ({len(result['stance_errors'])}) =="]
        lines.append(format_stance_errors(result["stance_errors"]).rstrip("\n"))
    return "\n".join(lines) + "\n"


def entity_table(m: dict[str, Any]) -> list[str]:
    head = f"{'label':<8} {'gold':>5} {'pred':>5}   {'exact P':>7} {'R':>6} {'F1':>6}   {'overlap P':>9} {'R':>6} {'F1':>6}"
    out = ["entities", head]

    def row(name: str, v: dict) -> str:
        e, o = v["exact"], v["overlap"]
        return (f"{name:<8} {e['gold']:>5} {e['pred']:>5}   {e['precision']:>7.3f} {e['recall']:>6.3f} {e['f1']:>6.3f}"
                f"   {o['precision']:>9.3f} {o['recall']:>6.3f} {o['f1']:>6.3f}")

    for label, v in m["labels"].items():
        out.append(row(label, v))
    out.append(row("ALL", m["all"]))

    def acc(name: str, v: dict) -> str:
        value = "n/a" if v["accuracy"] is None else f"{v['accuracy']:.3f}"
        return f"{name:<34} {value:>6} ({v['correct']}/{v['total']})"

    out.append(f"on exactly matched spans ({m['matched_spans']}):")
    out.append("  " + acc("en", m["en"]))
    if m.get("en_by_label"):
        out.append("    by label: " + ", ".join(f"{lab} {v['correct']}/{v['total']}" for lab, v in m["en_by_label"].items()))
    out.append("  " + acc("kb_id", m["kb_id"]))
    out.append("  " + acc("kb_id (gold entities with a kb_id)", m["kb_id_linked"]))
    out.append("  " + acc("cluster members", m["members"]))
    if m.get("invalid_pred"):
        out.append(f"warning: {m['invalid_pred']} predicted entities have offsets that do not match their text")
    return out


FORMATTERS["entities"] = entity_table

from .evaluate_stance import format_stance_errors, stance_errors, stance_metrics, stance_table  # noqa: E402  (the stance layer)

register_layer("stance", stance_metrics, stance_table)
