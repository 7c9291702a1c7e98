"""What every export format shares: the dataset being exported, splits by article, and the words and
entity spans of a record in a form the training formats can use.

Offsets are Python string indices (code points) into the record ``text``, as in the record itself.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import ZhglossError

SPLIT_NAMES = ("train", "dev", "test")
ALL = "all"  # the split name used when the export is not split
#: Review statuses whose annotation a human validated; ``rejected`` records are left out of the
#: training formats (conll, spacy), their machine annotation was judged wrong and no correction given.
VALIDATED = ("accepted", "edited")
BEARING, NOT_BEARING = "BEARING", "NOT_BEARING"

_SPACE = re.compile(r"\s+")


class ExportError(ZhglossError):
    """The export cannot be made as asked."""


@dataclass
class Article:
    doc_id: str
    title: str | None = None
    source: str | None = None  # the article file annotate read (from <doc_id>.meta.json) or the JSONL path
    licence: str | None = None
    licence_from: str | None = None  # where the licence was read
    origin: str | None = None  # "source" column of the corpus README (where the text came from)
    pipeline_version: str | None = None
    split: str = ALL
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Dataset:
    """The records of one export, in article and document order, with their split."""

    records: list[dict[str, Any]]
    articles: dict[str, Article]
    splits: tuple[str, ...] = (ALL,)  # split names in order
    ratios: tuple[float, ...] | None = None
    seed: int = 1
    source: str = ""  # human description of where the records came from
    only: str = "all"
    reviewer: str | None = None
    agreement: list[dict[str, Any]] = field(default_factory=list)
    decisions: dict[str, dict[str, int]] = field(default_factory=dict)  # every reviewer in the database: {accept, edit, reject}
    notes: list[str] = field(default_factory=list)  # lines for the card (dropped spans ...)

    def split_of(self, record: dict[str, Any]) -> str:
        return self.articles[record["doc_id"]].split

    def by_split(self) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {s: [] for s in self.splits}
        for r in self.records:
            out[self.split_of(r)].append(r)
        return out

    def labels(self) -> list[str]:
        return sorted({e["label"] for r in self.records for e in (r.get("entities") or []) if isinstance(e.get("label"), str)})


# ---------------------------------------------------------------------------------------------------
# Splits


def parse_split(spec: str | None) -> tuple[float, ...] | None:
    """``"80/10/10"`` → ``(0.8, 0.1, 0.1)``; two parts are train/dev.  None or ``""`` → None."""
    if spec is None or not str(spec).strip():
        return None
    parts = str(spec).replace(":", "/").replace(",", "/").split("/")
    try:
        nums = [float(p) for p in parts]
    except ValueError:
        nums = []
    if not 2 <= len(nums) <= 3 or any(n < 0 for n in nums) or sum(nums) <= 0 or nums[0] <= 0:
        raise ExportError(f"cannot read the split {spec!r}",
                          "give train/dev[/test] percentages such as --split 80/10/10", where="--split")
    total = sum(nums)
    return tuple(n / total for n in nums)


def assign_splits(doc_ids: list[str], ratios: tuple[float, ...] | None, seed: int) -> dict[str, str]:
    """Deterministic split by article: shuffle the sorted ids with ``seed``, then cut by ``ratios``.

    Counts are rounded by largest remainder; a split with a non-zero share gets at least one article
    when there are enough articles (train first, then dev, then test).
    """
    ids = sorted(set(doc_ids))
    if ratios is None:
        return {d: ALL for d in ids}
    names = SPLIT_NAMES[: len(ratios)]
    n = len(ids)
    raw = [r * n for r in ratios]
    counts = [int(x) for x in raw]
    for k in sorted(range(len(raw)), key=lambda k: (-(raw[k] - counts[k]), k))[: n - sum(counts)]:
        counts[k] += 1
    for k, r in enumerate(ratios):
        if r > 0 and counts[k] == 0:
            donor = max(range(len(counts)), key=lambda j: (counts[j], -j))
            if counts[donor] > 1:
                counts[donor] -= 1
                counts[k] += 1
    rng = random.Random(seed)
    rng.shuffle(ids)
    out: dict[str, str] = {}
    pos = 0
    for name, c in zip(names, counts):
        for d in ids[pos: pos + c]:
            out[d] = name
        pos += c
    return out


# ---------------------------------------------------------------------------------------------------
# Entities and words of a record


def clean_entities(record: dict[str, Any], overlaps: bool = False) -> tuple[list[dict[str, Any]], int]:
    """Entities usable as spans: offsets inside the text, whitespace trimmed and, unless ``overlaps``,
    no two overlapping (the longest wins, as in spaCy's ``filter_spans``).  Returns ``(entities, dropped)``."""
    text = record.get("text") or ""
    good = []
    dropped = 0
    for e in record.get("entities") or []:
        a, b, label = e.get("start"), e.get("end"), e.get("label")
        if not (isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(text) and isinstance(label, str) and label):
            dropped += 1
            continue
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a == b:
            dropped += 1
            continue
        good.append({**e, "start": a, "end": b, "text": text[a:b]})
    if overlaps:
        return sorted(good, key=lambda e: (e["start"], e["end"])), dropped
    good.sort(key=lambda e: (-(e["end"] - e["start"]), e["start"]))
    kept: list[dict[str, Any]] = []
    taken: set[int] = set()
    for e in good:
        span = set(range(e["start"], e["end"]))
        if span & taken:
            dropped += 1
            continue
        taken |= span
        kept.append(e)
    kept.sort(key=lambda e: (e["start"], e["end"]))
    return kept, dropped


def words(record: dict[str, Any], entities: list[dict[str, Any]] | None = None) -> list[tuple[int, int, bool]]:
    """The record's words as ``(start, end, space_after)``, covering the text exactly as spaCy needs.

    Words are the record's tokens, cut further at every entity boundary (so each entity is whole
    words), plus any text between tokens.  A single space after a word is that word's
    ``space_after``; other whitespace becomes a word of its own (spaCy's convention).
    """
    text = record.get("text") or ""
    if entities is None:
        entities, _ = clean_entities(record)
    cuts = {0, len(text)}
    for t in record.get("tokens") or []:
        a, b = t.get("start"), t.get("end")
        if isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(text):
            cuts.update((a, b))
    for e in entities:
        cuts.update((e["start"], e["end"]))
    bounds = sorted(cuts)
    pieces: list[tuple[int, int]] = []
    for a, b in zip(bounds, bounds[1:]):
        # split each piece into whitespace and non-whitespace runs
        pos = a
        for m in _SPACE.finditer(text, a, b):
            if m.start() > pos:
                pieces.append((pos, m.start()))
            pieces.append((m.start(), m.end()))
            pos = m.end()
        if pos < b:
            pieces.append((pos, b))
    # merge adjacent whitespace pieces (a token boundary inside a run of spaces)
    merged: list[tuple[int, int]] = []
    for a, b in pieces:
        if merged and text[a].isspace() and text[merged[-1][0]].isspace() and merged[-1][1] == a:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    out: list[tuple[int, int, bool]] = []
    for a, b in merged:
        if text[a].isspace():
            if out and not out[-1][2] and not text[out[-1][0]].isspace() and text[a] == " ":
                out[-1] = (out[-1][0], out[-1][1], True)
                a += 1
                if a == b:
                    continue
            out.append((a, b, False))
        else:
            out.append((a, b, False))
    return out


def is_space(text: str, word: tuple[int, int, bool]) -> bool:
    return text[word[0]: word[1]].isspace()


def bio_tags(spans: list[tuple[int, int]], entities: list[dict[str, Any]]) -> list[str]:
    """BIO tag of each ``(start, end)`` span, given entities aligned to span boundaries."""
    tags = ["O"] * len(spans)
    for e in entities:
        first = True
        for i, (a, b) in enumerate(spans):
            if a >= e["start"] and b <= e["end"]:
                tags[i] = ("B-" if first else "I-") + e["label"]
                first = False
    return tags


def bearing(record: dict[str, Any]) -> bool:
    return bool((record.get("stance") or {}).get("bearing"))


def trainable(record: dict[str, Any]) -> bool:
    """Whether a record's annotation may be used as training data (not rejected by its reviewer)."""
    return record.get("review_status") != "rejected"
