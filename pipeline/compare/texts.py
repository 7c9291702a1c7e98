"""Loading the texts to compare: annotated Chinese (.jsonl), raw Chinese (annotated on the fly) or
English (analysed by :mod:`pipeline.english`).  Every text becomes a :class:`Text` of plain record
dicts, so the rest of the comparison does not care which language a record came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, NotChineseError

#: Units that carry the article's argument; front and back matter (bylines, captions, notes) are
#: kept in the records but not compared.
ANALYSIS_KINDS = ("title", "lead", "heading", "body")


@dataclass
class Text:
    doc_id: str
    lang: str  # zh | en
    records: list[dict[str, Any]]
    source: str = ""
    title: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def units(self) -> list[dict[str, Any]]:
        """The records that are compared (title, lead, headings, body)."""
        return [r for r in self.records if r.get("kind") in ANALYSIS_KINDS and r.get("text", "").strip()]

    @property
    def label(self) -> str:
        return f"{self.doc_id} ({'Chinese' if self.lang == 'zh' else 'English'})"


class Loader:
    """Loads texts with shared resources: one pipeline ``Resources`` and one :class:`English`."""

    def __init__(self, res=None, english=None):
        from ..resources import Resources

        self.res = res or Resources()
        self._english = english

    @property
    def english(self):
        if self._english is None:
            from ..english import English

            self._english = English(self.res.kb)
        return self._english

    def load(self, path: Path, lang: str | None = None) -> Text:
        """A text from ``path``: ``.jsonl`` records, or an article whose language is detected
        (Chinese when it passes the annotate stage's Chinese check) unless ``lang`` is given."""
        path = Path(path)
        if not path.exists():
            raise InputError("no such file", "check the path", where=str(path))
        if path.is_dir():
            raise InputError("is a folder", "name one article or one annotations .jsonl file", where=str(path))
        if path.suffix.lower() == ".jsonl":
            return self._jsonl(path)
        from ..annotate import annotate_raw, doc_id_for
        from ..readers import check_chinese, read_article

        if lang is None:
            raw = read_article(path, max_bytes=self.res.options.max_bytes)
            try:
                check_chinese(raw.text)
                lang = "zh"
            except NotChineseError:
                lang = "en"
        if lang == "zh":
            raw = read_article(path, max_bytes=self.res.options.max_bytes)
            doc = annotate_raw(raw, doc_id_for(path), self.res, source=str(path))
            return Text(doc.doc_id, "zh", doc.records(), str(path), doc.meta.get("title", ""), dict(doc.meta))
        records, meta = self.english.analyse_file(path)
        return Text(records[0]["doc_id"], "en", records, str(path), meta.get("title", ""), meta)

    def _jsonl(self, path: Path) -> Text:
        from ..records import read_jsonl

        records = read_jsonl(path)
        if not records:
            raise InputError("the annotations file has no records", "re-run zhgloss annotate on the article", where=str(path))
        if not all(isinstance(r, dict) and "text" in r and "entities" in r for r in records):
            raise InputError("not a zhgloss annotations file (records need text and entities)",
                             "give a file written by zhgloss annotate", where=str(path))
        lang = records[0].get("lang", "zh")
        title = next((r["text"] for r in records if r.get("kind") == "title"), "")
        meta: dict[str, Any] = {}
        meta_path = path.with_name(path.stem + ".meta.json")  # written next to it by zhgloss annotate
        if meta_path.is_file():
            import json

            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
                meta.pop("text", None)
            except (OSError, ValueError):
                meta = {}
        source = f"{path} (from {meta['source']})" if meta.get("source") else str(path)
        return Text(records[0].get("doc_id", path.stem), lang, records, source, title, meta)

    def from_records(self, records: list[dict[str, Any]], lang: str, doc_id: str | None = None) -> Text:
        return Text(doc_id or records[0].get("doc_id", "text"), lang, records)
