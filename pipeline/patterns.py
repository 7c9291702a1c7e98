"""Layout patterns (``data/layout.yaml``): captions, notes, datelines, bylines, publications."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from .errors import DataError


@dataclass(frozen=True)
class LayoutPatterns:
    caption: tuple[re.Pattern, ...]
    note: tuple[re.Pattern, ...]
    dateline: tuple[re.Pattern, ...]
    byline_prefix: tuple[re.Pattern, ...]
    heading_markers: tuple[re.Pattern, ...]
    lead_prefix: tuple[re.Pattern, ...]
    name_affiliation_separator: re.Pattern
    affiliation_words: tuple[str, ...]
    publications: frozenset[str]
    publication_suffixes: tuple[str, ...]

    def is_caption(self, text: str) -> bool:
        return _any(self.caption, text)

    def is_note(self, text: str) -> bool:
        return _any(self.note, text)

    def match_dateline(self, text: str) -> re.Match | None:
        for p in self.dateline:
            m = p.match(text)
            if m:
                return m
        return None

    def match_byline(self, text: str) -> re.Match | None:
        for p in self.byline_prefix:
            m = p.match(text)
            if m:
                return m
        return None

    def block_start(self, text: str) -> bool:
        """Does this line begin a block of its own (caption, note, dateline, labelled byline)?"""
        return self.is_caption(text) or self.is_note(text) or bool(self.match_dateline(text)) or bool(self.match_byline(text))

    def is_publication(self, text: str) -> bool:
        t = text.strip()
        return t in self.publications or (len(t) <= 12 and t.endswith(self.publication_suffixes))

    def is_affiliation(self, text: str) -> bool:
        return any(w in text for w in self.affiliation_words)

    def heading_marker(self, text: str) -> bool:
        return _any(self.heading_markers, text)

    def match_lead(self, text: str) -> re.Match | None:
        for p in self.lead_prefix:
            m = p.match(text)
            if m:
                return m
        return None


def _any(patterns: tuple[re.Pattern, ...], text: str) -> bool:
    return any(p.search(text) for p in patterns)


@cache
def layout_patterns() -> LayoutPatterns:
    source = resources.files("pipeline").joinpath("data/layout.yaml")
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        flags = re.IGNORECASE
        comp = lambda key: tuple(re.compile(p, flags) for p in data.get(key, []))  # noqa: E731
        return LayoutPatterns(
            caption=comp("caption"),
            note=comp("note"),
            dateline=comp("dateline"),
            byline_prefix=comp("byline_prefix"),
            heading_markers=comp("heading_markers"),
            lead_prefix=comp("lead_prefix"),
            name_affiliation_separator=re.compile(data["name_affiliation_separator"]),
            affiliation_words=tuple(data.get("affiliation_words", [])),
            publications=frozenset(data.get("publications", [])),
            publication_suffixes=tuple(data.get("publication_suffixes", [])),
        )
    except (yaml.YAMLError, re.error, KeyError, TypeError) as exc:
        raise DataError(f"bad layout pattern file ({exc})", "fix the YAML or regular expression", where=str(source))
