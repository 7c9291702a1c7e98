#!/usr/bin/env python3
"""Merge the hand-made stance gold into the gold records ``annotations/gold/<doc_id>.jsonl``.

The entity gold (``tools/build_gold.py``) writes every record with an empty placeholder stance.
The stance gold lives in separate sources, one per document, ``annotations/gold/stance/<doc_id>.yaml``::

    doc_id: 000_cc32bebfc7b73164
    units:
    - {n: 7, text: 先是歐巴馬於 2012 年, bearing: false}
    - {n: 30, text: 然而，聯盟的形成, types: [evaluation], certainty: neutral, holder: AUTHOR,
       targets: [[中國, cn, negative]]}
    - {n: 25, text: 尹政府對北韓, types: [attributed, question], holder: [李在明, kr-lee-jae-myung],
       targets: [[日本, jp, negative]]}

``n`` is the unit's position; ``text`` is the beginning of the unit text (checked, so a changed
segmentation fails loudly).  ``bearing`` defaults to true when ``types`` are given.  ``holder`` is
``AUTHOR`` or ``[text, kb_id]`` (the speaker of a quote may be named in a neighbouring unit); a target is ``[text, kb_id, polarity]``.  ``en`` is filled from
the unit's gold entity of the same text or kb_id, else from the knowledge base.  Every body unit of
the document must be listed.  The merged stance carries ``"source": "gold"`` so that evaluation
scores only documents whose stance gold exists.

Re-runnable and idempotent: the stance field is recomputed from the sources each time; nothing
else in the records changes.  Run it again after ``tools/build_gold.py``, which resets stance.

    python3 tools/build_stance_gold.py            # every stance/*.yaml
    python3 tools/build_stance_gold.py --check    # verify only, write nothing
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.model import empty_stance  # noqa: E402

GOLD = ROOT / "annotations" / "gold"
TYPES = ("evaluation", "prediction", "prescription", "attributed", "question")
POLARITIES = ("positive", "negative", "neutral")
CERTAINTY = ("hedged", "neutral", "certain")


class GoldError(Exception):
    pass


def _kb():
    try:
        from pipeline.kb import KnowledgeBase

        return KnowledgeBase.load()
    except Exception:  # noqa: BLE001 - en then comes from the gold entities only
        return None


def _en(text: str, kb_id: str | None, rec: dict, kb) -> str | None:
    for e in rec.get("entities") or []:
        if e.get("text") == text and (kb_id is None or e.get("kb_id") == kb_id):
            return e.get("en")
    if kb_id:
        for e in rec.get("entities") or []:
            if e.get("kb_id") == kb_id:
                return e.get("en")
        entry = kb.get(kb_id) if kb is not None else None
        if entry is not None:
            return entry.en
    return None


def stance_of(item: dict, rec: dict, kb, where: str) -> dict:
    types = list(item.get("types") or [])
    bearing = bool(item.get("bearing", bool(types)))
    st = empty_stance()
    st["source"] = "gold"
    if not bearing:
        st["certainty"] = None
        return st
    bad = [t for t in types if t not in TYPES]
    if bad or not types:
        raise GoldError(f"{where}: types must be a non-empty list of {', '.join(TYPES)} (got {types})")
    certainty = item.get("certainty", "neutral")
    if certainty not in CERTAINTY:
        raise GoldError(f"{where}: certainty must be one of {', '.join(CERTAINTY)}")
    holder = item.get("holder", "AUTHOR")
    if holder != "AUTHOR":
        if not (isinstance(holder, list) and len(holder) == 2):
            raise GoldError(f"{where}: holder must be AUTHOR or [text, kb_id]")
        holder = {"text": holder[0], "kb_id": holder[1], "en": _en(holder[0], holder[1], rec, kb)}
    targets = []
    for t in item.get("targets") or []:
        if not (isinstance(t, list) and len(t) == 3 and t[2] in POLARITIES):
            raise GoldError(f"{where}: a target is [text, kb_id, positive|negative|neutral], got {t}")
        if t[0] not in rec["text"]:
            raise GoldError(f"{where}: target {t[0]!r} is not in the unit text")
        targets.append({"text": t[0], "kb_id": t[1], "en": _en(t[0], t[1], rec, kb), "polarity": t[2]})
    st.update(bearing=True, types=[t for t in TYPES if t in types], holder=holder, targets=targets,
              score=1.0, certainty=certainty)
    return st


def merge(src: Path, kb) -> tuple[Path, list[dict]]:
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    doc_id = data.get("doc_id") if isinstance(data, dict) else None
    if doc_id != src.stem:
        raise GoldError(f"{src}: doc_id must be {src.stem!r}")
    path = GOLD / f"{doc_id}.jsonl"
    if not path.is_file():
        raise GoldError(f"{src}: no entity gold {path} — build it with tools/build_gold.py first")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_n = {r["n"]: r for r in records}
    listed = set()
    for item in data.get("units") or []:
        n = item.get("n")
        where = f"{src.name}: unit {n}"
        rec = by_n.get(n)
        if rec is None:
            raise GoldError(f"{where}: no such unit in {path.name}")
        if not rec["text"].startswith(str(item.get("text", ""))):
            raise GoldError(f"{where}: text {item.get('text')!r} does not begin the unit {rec['text'][:30]!r}…")
        if rec["kind"] != "body":
            raise GoldError(f"{where}: unit is a {rec['kind']}, stance gold is for body units")
        rec["stance"] = stance_of(item, rec, kb, where)
        listed.add(n)
    missing = [r["n"] for r in records if r["kind"] == "body" and r["n"] not in listed]
    if missing:
        raise GoldError(f"{src.name}: body units without stance gold: {missing}")
    for r in records:
        if r["kind"] != "body":
            r["stance"] = empty_stance()
    return path, records


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="verify only; write nothing")
    ap.add_argument("docs", nargs="*", help="document ids (default: every stance/*.yaml)")
    args = ap.parse_args(argv)
    srcs = sorted((GOLD / "stance").glob("*.yaml"))
    if args.docs:
        srcs = [s for s in srcs if s.stem in args.docs]
    kb = _kb()
    try:
        for src in srcs:
            path, records = merge(src, kb)
            bearing = sum(bool(r["stance"]["bearing"]) for r in records)
            body = sum(r["kind"] == "body" for r in records)
            if not args.check:
                text = "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records)
                if path.read_text(encoding="utf-8") != text:
                    path.write_text(text, encoding="utf-8")
            print(f"{src.stem}: {bearing}/{body} body units stance-bearing")
    except GoldError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
