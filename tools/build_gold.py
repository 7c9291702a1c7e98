#!/usr/bin/env python3
"""Build the entity gold files ``annotations/gold/<doc_id>.jsonl`` from hand-written sources.

Each document has a source file ``annotations/gold/src/<doc_id>.yaml``::

    doc_id: 000_cc32bebfc7b73164
    source: corpus/000_cc32bebfc7b73164.txt
    units:
    - n: 7
      text: 先是歐巴馬於 2012 年提出「亞太再平衡」戰略，...
      entities:
      - [歐巴馬, PERSON, us-barack-obama]             # en taken from the knowledge base
      - [2012 年, DATE, null, '2012']                 # not in the KB: write the English
      - [美日韓, GPE, null, {members: [us, jp, kr]}]  # a cluster: members in order
      - [美國, GPE, us, {occ: 2}]                     # the second 美國 of the unit

An entity is ``[surface, LABEL, kb_id]`` or ``[surface, LABEL, kb_id, English]``, optionally
followed by a mapping with ``occ`` (which occurrence of the surface in the unit, from 1),
``members`` (cluster member ids) or ``note`` (a remark; it also silences ``--suggest``, e.g. for a
name the KB gives to someone else).  Without ``occ``, entities are read in text order:
each is the first occurrence at or after the end of the previous one.  ``en`` defaults to the KB's
English name; a cluster's ``en`` joins its members' short names with an en dash (US–Japan).

The unit list (ids, texts, offsets, kinds, sections) comes from running the pipeline's reading,
cleaning and structure stages on the source article, so gold and predictions share ids.  The build
fails loudly — naming file, unit and entity — when a unit text no longer matches the pipeline's,
a surface is not found, two entities overlap, a label is unknown, a kb_id is not in the KB, or a
KB entry's type differs from the label.

    python3 tools/build_gold.py                 # every src/*.yaml
    python3 tools/build_gold.py --check         # verify only, write nothing
    python3 tools/build_gold.py --suggest       # also list null kb_ids the KB now knows
    python3 tools/build_gold.py --init corpus/ntrex_bbc.381736.txt   # a new skeleton
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.model import empty_stance  # noqa: E402

GOLD = ROOT / "annotations" / "gold"
SRC = GOLD / "src"
LABELS = ("PERSON", "GPE", "LOC", "ORG", "POLICY", "EVENT", "DATE", "PERCENT")
#: English short names used in a cluster's ``en`` (as pipeline/data/entity_rules.yaml cluster_names).
CLUSTER_NAMES = {"us": "US", "gb": "UK", "eu": "EU", "su": "USSR", "kr": "South Korea", "kp": "North Korea"}


class GoldError(Exception):
    pass


def _yaml():
    import yaml

    return yaml


def pipeline_units(source: Path, doc_id: str) -> list[dict[str, Any]]:
    """The records of ``source`` after reading, cleaning and structure (no word-level stages)."""
    from pipeline.annotate import annotate_raw
    from pipeline.readers import read_article
    from pipeline.resources import Resources

    raw = read_article(source)
    doc = annotate_raw(raw, doc_id, Resources(), source=str(source), stages=[])
    return doc.records()


def load_kb():
    from pipeline.kb import KnowledgeBase

    return KnowledgeBase.load()


def _parse_entity(item: Any, where: str) -> dict[str, Any]:
    if not isinstance(item, list) or len(item) < 3:
        raise GoldError(f"{where}: an entity is [surface, LABEL, kb_id, (English), ({{occ, members}})], got {item!r}")
    opts: dict[str, Any] = {}
    if isinstance(item[-1], dict):
        opts = dict(item[-1])
        item = item[:-1]
    if len(item) not in (3, 4):
        raise GoldError(f"{where}: an entity is [surface, LABEL, kb_id, (English), ({{options}})], got {item!r}")
    surface, label, kb_id = item[0], item[1], item[2]
    en = item[3] if len(item) == 4 else opts.pop("en", None)
    unknown = set(opts) - {"occ", "members", "note", "en"}
    if unknown:
        raise GoldError(f"{where}: entity {surface!r}: unknown option(s) {', '.join(sorted(unknown))} (allowed: occ, members, note)")
    if not isinstance(surface, str) or not surface:
        raise GoldError(f"{where}: entity surface must be a non-empty string, got {surface!r}")
    return {"surface": str(surface), "label": label, "kb_id": kb_id, "en": en, **opts}


def build_document(src: Path, kb, *, suggest: bool = False) -> tuple[list[dict[str, Any]], list[str]]:
    """Records for one source file, and a list of suggestions (null kb_ids the KB could fill)."""
    data = _yaml().safe_load(src.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "doc_id" not in data or "source" not in data:
        raise GoldError(f"{src}: needs doc_id, source and units")
    doc_id = data["doc_id"]
    source = ROOT / data["source"]
    records = pipeline_units(source, doc_id)
    units = data.get("units") or []
    if len(units) != len(records):
        raise GoldError(f"{src}: {len(units)} units but the pipeline finds {len(records)} in {data['source']} "
                        "— the segmentation changed; update the unit list (tools/build_gold.py --init shows the new one)")
    suggestions: list[str] = []
    for unit, rec in zip(units, records):
        where = f"{src.name}: unit {rec['n']}"
        if unit.get("n") != rec["n"] or unit.get("text") != rec["text"]:
            raise GoldError(f"{where}: text differs from the pipeline's unit — expected {rec['text']!r}, "
                            f"source has {unit.get('text')!r}")
        text = rec["text"]
        placed: list[dict[str, Any]] = []
        cursor = 0
        for item in unit.get("entities") or []:
            ent = _parse_entity(item, where)
            s = ent["surface"]
            if "occ" in ent:
                pos, k = -1, 0
                while k < int(ent["occ"]):
                    pos = text.find(s, pos + 1)
                    if pos < 0:
                        break
                    k += 1
            else:
                pos = text.find(s, cursor)
            if pos < 0:
                raise GoldError(f"{where}: entity {s!r} not found"
                                + (f" (occurrence {ent['occ']})" if "occ" in ent else " after the previous entity")
                                + f" in {text!r}")
            start, end = pos, pos + len(s)
            cursor = end
            if ent["label"] not in LABELS:
                raise GoldError(f"{where}: entity {s!r}: label {ent['label']!r} is not one of {', '.join(LABELS)}")
            kb_id, en = ent["kb_id"], ent["en"]
            members = None
            if kb_id is not None:
                entry = kb.get(kb_id)
                if entry is None:
                    raise GoldError(f"{where}: entity {s!r}: kb_id {kb_id!r} is not in the knowledge base")
                if entry.type != ent["label"]:
                    raise GoldError(f"{where}: entity {s!r}: label {ent['label']} but KB entry {kb_id} is {entry.type}")
                en = en or entry.en
            if "members" in ent:
                members = []
                shorts = []
                for mid in ent["members"]:
                    entry = kb.get(mid)
                    if entry is None:
                        raise GoldError(f"{where}: cluster {s!r}: member {mid!r} is not in the knowledge base")
                    members.append({"kb_id": mid, "en": entry.en})
                    shorts.append(CLUSTER_NAMES.get(mid, entry.en))
                en = en or "–".join(shorts)
            if not en:
                raise GoldError(f"{where}: entity {s!r}: no English name (give it as the fourth element)")
            for other in placed:
                if start < other["end"] and other["start"] < end:
                    raise GoldError(f"{where}: entity {s!r} [{start}:{end}] overlaps {other['text']!r} "
                                    f"[{other['start']}:{other['end']}]")
            record: dict[str, Any] = {"text": s, "start": start, "end": end, "label": ent["label"],
                                      "kb_id": kb_id, "en": str(en), "source": "gold"}
            if members is not None:
                record["members"] = members
            placed.append(record)
            if suggest and kb_id is None and members is None and ent["label"] not in ("DATE", "PERCENT") \
                    and "note" not in ent:  # a note explains why the KB entry is not this one
                hits = [e for e in kb.lookup(_t2s(s)) if e.type == ent["label"]]
                if hits:
                    suggestions.append(f"{where}: {s!r} ({ent['label']}) kb_id null, but the KB has "
                                       + ", ".join(e.id for e in hits))
        placed.sort(key=lambda e: (e["start"], e["end"]))
        rec["tokens"] = []
        rec["entities"] = placed
        rec["stance"] = empty_stance()
        rec["gloss_en"] = ""
        rec["translation_en"] = None
    return records, suggestions


_T2S = None


def _t2s(s: str) -> str:
    global _T2S
    if _T2S is None:
        from opencc import OpenCC

        _T2S = OpenCC("t2s").convert
    return _T2S(s)


def skeleton(source: Path) -> str:
    """A new source file for ``source``: every unit with an empty entity list."""
    from pipeline.annotate import doc_id_for

    doc_id = doc_id_for(source)
    records = pipeline_units(source, doc_id)
    out = ["# Hand-made entity gold; format and guidelines in annotations/gold/README.md; build with tools/build_gold.py.",
           f"doc_id: {doc_id}", f"source: {source.resolve().relative_to(ROOT).as_posix()}", "units:"]
    if doc_id.startswith("ntrex_"):
        out.insert(1, "# Text from NTREX-128 (Federmann et al., 2022), CC BY-SA 4.0; "
                      "these annotations are shared under the same licence.")
    for r in records:
        out.append(f"- n: {r['n']}  # {r['kind']}")
        out.append(f"  text: {json.dumps(r['text'], ensure_ascii=False)}")
        out.append("  entities:")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Build annotations/gold/*.jsonl from annotations/gold/src/*.yaml.")
    ap.add_argument("sources", nargs="*", type=Path, help="source files (default: every annotations/gold/src/*.yaml)")
    ap.add_argument("--check", action="store_true", help="verify only; write nothing")
    ap.add_argument("--suggest", action="store_true", help="list null kb_ids whose surface the KB now knows")
    ap.add_argument("--init", type=Path, metavar="ARTICLE", help="print a skeleton source file for ARTICLE")
    args = ap.parse_args(argv)

    if args.init:
        sys.stdout.write(skeleton(args.init))
        return 0
    sources = args.sources or sorted(SRC.glob("*.yaml"))
    if not sources:
        print(f"Error: {SRC}: no gold source files", file=sys.stderr)
        return 1
    kb = load_kb()
    failed = 0
    for src in sources:
        try:
            records, suggestions = build_document(src, kb, suggest=args.suggest)
        except GoldError as exc:
            print(f"Error: {exc}", file=sys.stderr)
            failed += 1
            continue
        for line in suggestions:
            print(f"suggest: {line}")
        n_ent = sum(len(r["entities"]) for r in records)
        if not args.check:
            out = GOLD / f"{records[0]['doc_id']}.jsonl"
            out.write_text("".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records),
                           encoding="utf-8", newline="\n")
        print(f"{src.name}: {len(records)} units, {n_ent} entities" + ("" if args.check else " written"))
    if not args.check and not failed:
        # the entity build writes the stance placeholder; put the hand-made stance gold back
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import build_stance_gold

        return build_stance_gold.main([])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
