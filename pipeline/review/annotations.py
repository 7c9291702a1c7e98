"""Contract records as the review store reads them, and reviewers' corrections checked against them.

``read_annotations`` reads the JSONL files ``zhgloss annotate`` writes; ``clean_annotation``
validates a corrected ``{"entities", "stance"}`` against its record; ``record_sha`` hashes the fields
a reviewer judges, so a re-import can tell which reviews went stale.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline.errors import DataError, ZhglossError

#: The record fields a reviewer judges.  A re-import that changes one of them makes reviews stale;
#: a change of position only (``n``, ``start``, ``end``, ``section``) does not.
REVIEWED_FIELDS = ("kind", "text", "entities", "stance", "gloss_en")
POLARITIES = ("positive", "negative", "neutral")
_LABEL_RE = re.compile(r"^[A-Z][A-Z_]{0,31}$")


class ReviewError(ZhglossError):
    """A review cannot be stored as sent."""


class InvalidReview(ReviewError):
    """The decision or corrected annotation is malformed."""


def canonical_json(obj: Any) -> str:
    """Key-sorted compact JSON, for hashing and comparing."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def record_json(obj: Any) -> str:
    """JSON of a record as stored: key order as written by annotate."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def record_sha(record: dict[str, Any]) -> str:
    """Hash of the reviewed fields of a contract record."""
    part = {k: record.get(k) for k in REVIEWED_FIELDS}
    return hashlib.sha1(canonical_json(part).encode("utf-8")).hexdigest()


def machine_annotation(record: dict[str, Any]) -> dict[str, Any]:
    """The part of a record a reviewer can correct."""
    return {"entities": record.get("entities") or [], "stance": record.get("stance") or {}}


# ---------------------------------------------------------------------------------------------------
# Reading annotation files


def read_annotations(paths: Iterable[Path]) -> dict[str, dict[str, Any]]:
    """Read JSONL files (or folders of them) into ``{doc_id: {"records": [...], "source", "title"}}``."""
    files: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            files.extend(sorted(q for q in p.glob("*.jsonl") if q.is_file()))
        elif p.is_file():
            files.append(p)
        else:
            raise DataError("no such file or folder", "give annotation folders or .jsonl files made by `zhgloss annotate`", str(p))
    if not files:
        raise DataError("no .jsonl annotation files found", "run `zhgloss annotate INPUT -o DIR` first, then `zhgloss review DIR`",
                        ", ".join(str(p) for p in paths) or None)
    docs: dict[str, dict[str, Any]] = {}
    for f in files:
        seen_here: set[str] = set()
        try:
            lines = f.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise DataError(f"cannot read: {exc}", "annotation files are UTF-8 JSONL", str(f)) from exc
        for lineno, line in enumerate(lines, 1):
            if not line.strip():
                continue
            where = f"{f}:{lineno}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DataError(f"not valid JSON ({exc.msg})", "each line must be one record as written by `zhgloss annotate`", where) from exc
            _check_record(rec, where)
            doc = docs.setdefault(rec["doc_id"], {"records": [], "source": str(f), "title": None, "files": set()})
            if rec["doc_id"] not in seen_here and doc["files"]:
                raise DataError(f"article {rec['doc_id']!r} also appears in {sorted(doc['files'])[0]}",
                                "import each article from one file only", where)
            seen_here.add(rec["doc_id"])
            doc["files"].add(str(f))
            doc["records"].append(rec)
        meta = f.with_name(f.name[: -len(".jsonl")] + ".meta.json") if f.name.endswith(".jsonl") else None
        if meta is not None and meta.is_file() and len(seen_here) == 1:
            try:
                info = json.loads(meta.read_text(encoding="utf-8"))
                title = info.get("title") if isinstance(info, dict) else None
                if isinstance(title, str) and title.strip():
                    docs[next(iter(seen_here))]["title"] = title.strip()
            except (OSError, ValueError):
                pass  # the meta file is optional; the title then comes from the records
    for doc_id, doc in docs.items():
        ids: set[str] = set()
        for rec in doc["records"]:
            if rec["id"] in ids:
                raise DataError(f"record id {rec['id']!r} appears twice in article {doc_id!r}",
                                "re-run `zhgloss annotate`; ids must be unique", doc["source"])
            ids.add(rec["id"])
        doc["records"].sort(key=lambda r: r["n"])
        if doc["title"] is None:
            doc["title"] = next((r["text"] for r in doc["records"] if r.get("kind") == "title"), None)
        del doc["files"]
    return docs


def _check_record(rec: Any, where: str) -> None:
    if not isinstance(rec, dict):
        raise DataError("a record must be a JSON object", "each line must be one record as written by `zhgloss annotate`", where)
    for key, typ in (("id", str), ("doc_id", str), ("n", int), ("kind", str), ("text", str)):
        if not isinstance(rec.get(key), typ) or (typ is str and not rec[key]):
            raise DataError(f"record field {key!r} is missing or not a {typ.__name__}",
                            "each line must be one record as written by `zhgloss annotate`", where)
    if not isinstance(rec.get("entities", []), list) or not isinstance(rec.get("stance", {}) or {}, dict):
        raise DataError("record fields 'entities' (list) or 'stance' (object) are malformed",
                        "each line must be one record as written by `zhgloss annotate`", where)


# ---------------------------------------------------------------------------------------------------
# Validating corrected annotations


def clean_annotation(record: dict[str, Any], annotation: Any) -> dict[str, Any]:
    """Check a corrected annotation against its record and return it normalised.

    Entity ``text`` is recomputed from the offsets, so the stored span always matches the sentence.
    """
    text = record["text"]
    if not isinstance(annotation, dict):
        raise InvalidReview("the annotation must be an object with 'entities' and 'stance'", "send {\"entities\": [...], \"stance\": {...}}")
    ents_in = annotation.get("entities", [])
    if not isinstance(ents_in, list):
        raise InvalidReview("'entities' must be a list", "send a list of {start, end, label, kb_id, en}")
    entities = []
    seen = set()
    for i, e in enumerate(ents_in):
        if not isinstance(e, dict):
            raise InvalidReview(f"entity {i} is not an object", "send {start, end, label, kb_id, en}")
        start, end, label = e.get("start"), e.get("end"), e.get("label")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            raise InvalidReview(f"entity {i} has offsets {start!r}..{end!r} outside the sentence (length {len(text)})",
                                "offsets are character positions in the sentence text, start < end")
        if not (isinstance(label, str) and _LABEL_RE.match(label)):
            raise InvalidReview(f"entity {i} has label {label!r}", "labels are upper-case names such as PERSON, GPE, ORG")
        if (start, end, label) in seen:
            continue
        seen.add((start, end, label))
        ent = {k: v for k, v in e.items() if k not in ("start", "end", "label", "text")}
        for key in ("kb_id", "en"):
            val = ent.get(key)
            if val is not None and not isinstance(val, str):
                raise InvalidReview(f"entity {i} field {key!r} must be text or null", "send a string or null")
            ent[key] = val.strip() if isinstance(val, str) and val.strip() else None
        ent.setdefault("source", "review")
        entities.append({"text": text[start:end], "start": start, "end": end, "label": label, **ent})
    entities.sort(key=lambda e: (e["start"], e["end"], e["label"]))

    st_in = annotation.get("stance", {})
    if not isinstance(st_in, dict):
        raise InvalidReview("'stance' must be an object", "send {bearing, holder, targets, ...}")
    machine = record.get("stance") or {}
    stance = dict(machine)
    stance.update(st_in)
    if not isinstance(stance.get("bearing", False), bool):
        raise InvalidReview("stance 'bearing' must be true or false", "send a boolean")
    stance["bearing"] = bool(stance.get("bearing", False))
    holder = stance.get("holder")
    if holder is not None and holder != "AUTHOR":
        if not isinstance(holder, dict) or not all(v is None or isinstance(v, str) for k, v in holder.items() if k != "members") \
                or not _valid_members(holder.get("members", [])):
            raise InvalidReview("stance 'holder' must be \"AUTHOR\", null or {text, kb_id, en}", "send one of those")
        stance["holder"] = {k: (holder.get(k) or None) for k in ("text", "kb_id", "en")} | {
            k: v for k, v in holder.items() if k not in ("text", "kb_id", "en")}
    targets = stance.get("targets") or []
    if not isinstance(targets, list):
        raise InvalidReview("stance 'targets' must be a list", "send [{text, kb_id, en, polarity}]")
    clean_targets = []
    for i, t in enumerate(targets):
        if not isinstance(t, dict) or t.get("polarity") not in POLARITIES:
            raise InvalidReview(f"stance target {i} needs a polarity", "polarity is positive, negative or neutral")
        for key in ("text", "kb_id", "en"):
            if t.get(key) is not None and not isinstance(t.get(key), str):
                raise InvalidReview(f"stance target {i} field {key!r} must be text or null", "send a string or null")
        clean_targets.append({**t, **{k: (t.get(k) or None) for k in ("text", "kb_id", "en")}})
    stance["targets"] = clean_targets
    for key in ("types", "cues"):
        if not isinstance(stance.get(key) or [], list):
            raise InvalidReview(f"stance {key!r} must be a list", "send a list")
        stance[key] = stance.get(key) or []
    stance["score"] = machine.get("score", stance.get("score"))  # the machine's confidence stays the machine's
    return {"entities": entities, "stance": stance}


def apply_annotation(record: dict[str, Any], annotation: dict[str, Any] | None) -> dict[str, Any]:
    out = dict(record)
    if annotation:
        out["entities"] = annotation.get("entities", record.get("entities", []))
        out["stance"] = annotation.get("stance", record.get("stance"))
    return out


def _valid_members(members) -> bool:
    """A holder's ``members`` (several named together): a list of {kb_id, en} with text or null."""
    return isinstance(members, list) and all(
        isinstance(m, dict) and all(v is None or isinstance(v, str) for v in m.values()) for m in members)
