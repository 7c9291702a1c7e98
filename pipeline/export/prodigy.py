"""Prodigy-style JSONL: one task per sentence, ``<split>.jsonl``.

``{"text", "tokens": [{text, start, end, id, ws[, disabled]}], "spans": [{text, start, end, token_start,
token_end, label, kb_id, en}], "answer", "meta": {...}, "_input_hash", "_task_hash"}``; ``token_end`` is
inclusive, as in Prodigy.  ``answer`` is ``accept`` for accepted or edited sentences and ``reject`` for
rejected ones; unreviewed (or stale) sentences have no ``answer`` — they are suggestions still to be
judged, the way Prodigy reads an input stream.  ``meta.bearing`` carries the stance-bearing flag.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from .common import Dataset, bearing, clean_entities, words

ANSWERS = {"accepted": "accept", "edited": "accept", "rejected": "reject"}


def _hash(s: str) -> int:
    """A signed 32-bit hash, like Prodigy's, but stable across runs and machines."""
    return int.from_bytes(hashlib.sha1(s.encode("utf-8")).digest()[:4], "little", signed=True)


def task(record: dict[str, Any], split: str) -> dict[str, Any]:
    text = record["text"]
    ents, _ = clean_entities(record)
    ws = words(record, ents)
    tokens = [{"text": text[a:b], "start": a, "end": b, "id": i, "ws": s} for i, (a, b, s) in enumerate(ws)]
    for t in tokens:
        if t["text"].isspace():
            t["disabled"] = True  # whitespace of its own (more than one space): not selectable
    first = {a: i for i, (a, _b, _s) in enumerate(ws)}
    last = {b: i for i, (_a, b, _s) in enumerate(ws)}
    spans = [{"text": e["text"], "start": e["start"], "end": e["end"], "token_start": first[e["start"]],
              "token_end": last[e["end"]], "label": e["label"], "kb_id": e.get("kb_id"), "en": e.get("en")}
             for e in ents]
    out: dict[str, Any] = {"text": text, "tokens": tokens, "spans": spans}
    answer = ANSWERS.get(record.get("review_status") or "")
    if answer:
        out["answer"] = answer
    out["meta"] = {"id": record["id"], "doc_id": record["doc_id"], "n": record.get("n"), "kind": record.get("kind"),
                   "split": split, "bearing": bearing(record), "gloss_en": record.get("gloss_en"),
                   "review_status": record.get("review_status"), "reviewer": record.get("reviewer")}
    out["_input_hash"] = _hash(text)
    out["_task_hash"] = _hash(text + "\x1f" + json.dumps([(s["start"], s["end"], s["label"]) for s in spans]))
    return out


def write_prodigy(ds: Dataset, folder: Path) -> list[Path]:
    out = []
    for split, records in ds.by_split().items():
        path = folder / f"{split}.jsonl"
        with path.open("w", encoding="utf-8", newline="\n") as f:
            for r in records:
                f.write(json.dumps(task(r, split), ensure_ascii=False) + "\n")
        out.append(path)
    return out
