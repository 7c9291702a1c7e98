"""The one data model passed through every stage.

A :class:`Document` holds the cleaned text of one article and its :class:`Unit` list (one unit per
sentence-like record).  Every offset refers to the cleaned *original* text (Traditional Chinese, or
whatever script the article was written in); unit-level fields (tokens, entities, cues) are relative
to the unit's own ``text``.  Records (../CONTRACT) are produced by :meth:`Unit.to_record`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

#: Unit kinds, in the order they usually appear in an article.
KINDS = ("publication", "title", "byline", "affiliation", "lead", "caption", "heading", "body", "note")


@dataclass(slots=True)
class Token:
    text: str
    start: int  # relative to the unit text
    end: int
    pos: str = "x"
    gloss: str | None = None
    norm: str = ""  # the Simplified-shadow form of the token, used for dictionary look-ups

    def to_record(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "pos": self.pos, "gloss": self.gloss}


@dataclass(slots=True)
class Entity:
    text: str
    start: int  # relative to the unit text
    end: int
    label: str
    kb_id: str | None = None
    en: str | None = None
    source: str = "kb"  # kb | rule | model
    members: list[dict[str, Any]] | None = None  # country clusters: [{kb_id, en}, ...]
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. {"value": "2024-04"}, {"romanized": True}

    def to_record(self) -> dict[str, Any]:
        rec: dict[str, Any] = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "kb_id": self.kb_id,
            "en": self.en,
            "source": self.source,
        }
        if self.members is not None:
            rec["members"] = self.members
        rec.update(self.extra)
        return rec


def empty_stance() -> dict[str, Any]:
    return {"bearing": False, "types": [], "holder": None, "targets": [], "cues": [], "score": 0.0}


@dataclass(slots=True)
class Unit:
    n: int
    kind: str
    start: int  # offsets in Document.text
    end: int
    text: str
    section: str | None = None
    id: str = ""
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    stance: dict[str, Any] = field(default_factory=empty_stance)
    gloss_en: str = ""
    translation_en: str | None = None
    quoted: bool = False  # the source sets it off as a quotation (a Markdown blockquote); not in the record
    speaker: dict[str, Any] | None = None  # who the label opening it (林：, 答：) names; not in the record

    def to_record(self, doc_id: str) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc_id": doc_id,
            "n": self.n,
            "kind": self.kind,
            "section": self.section,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "tokens": [t.to_record() for t in self.tokens],
            "entities": [e.to_record() for e in self.entities],
            "stance": self.stance,
            "gloss_en": self.gloss_en,
            "translation_en": self.translation_en,
        }


@dataclass(slots=True)
class Document:
    doc_id: str
    text: str  # the cleaned text; every Unit.start/end points into it
    source: str = ""  # where it was read from (path or URL)
    shadow: str = ""  # Simplified shadow of ``text``, same length, char-aligned
    units: list[Unit] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)  # title, author, date, encoding, format, sha256 ...

    def assign_ids(self) -> None:
        """Give every unit its position and a stable id.

        The id depends on the document id, the unit's text and how many identical units precede it,
        not on its position, so inserting a paragraph elsewhere in the article keeps the other ids.
        """
        seen: dict[str, int] = {}
        for n, unit in enumerate(self.units):
            unit.n = n
            k = seen.get(unit.text, 0)
            seen[unit.text] = k + 1
            digest = hashlib.sha1(f"{self.doc_id}\x1f{unit.text}\x1f{k}".encode("utf-8")).hexdigest()
            unit.id = f"{self.doc_id}:{digest[:12]}"

    def records(self) -> list[dict[str, Any]]:
        return [u.to_record(self.doc_id) for u in self.units]

    @property
    def body(self) -> list[Unit]:
        return [u for u in self.units if u.kind == "body"]
