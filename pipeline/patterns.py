"""Layout patterns (``data/layout.yaml``): captions, notes, datelines, bylines, publications."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

import yaml

from . import rx, yamlfile
from .errors import DataError


#: places an outlet's name may open with (香港文匯報; 澳門日報 is a name of its own)
_OUTLET_PLACES = ("香港", "澳門", "台灣", "臺灣")


@dataclass(frozen=True)
class LayoutPatterns:
    caption: tuple[re.Pattern, ...]
    note: tuple[re.Pattern, ...]
    link_list: tuple[re.Pattern, ...]
    inline_note: tuple[re.Pattern, ...]
    dateline: tuple[re.Pattern, ...]
    byline_prefix: tuple[re.Pattern, ...]
    heading_markers: tuple[re.Pattern, ...]
    lead_prefix: tuple[re.Pattern, ...]
    list_item: tuple[re.Pattern, ...]
    name_affiliation_separator: re.Pattern
    affiliation_words: tuple[str, ...]
    not_affiliation_words: tuple[str, ...]
    publications: frozenset[str]
    publication_suffixes: tuple[str, ...]
    column_labels: tuple[str, ...] = ()
    record_header_fields: frozenset[str] = frozenset()
    record_roles: tuple[str, ...] = ()
    headline_verbs: tuple[str, ...] = ()  # what a headline does and a job title never (接見, 宣布)
    title_tail_nouns: tuple[str, ...] = ()  # what a title's last words end in (…安全的意涵, …的挑戰)
    publication_suffix_english: tuple[tuple[str, str], ...] = ()  # longest ending first
    outlet_english: dict[str, str] = field(default_factory=dict)  # outlets whose names are ordinary words
    #: a byline label (or a reporter's 記者) after a space: where a byline starts on a line that begins
    #: with the publication or a date (風傳媒　文／李大維, 聯合報 記者王小明／台北即時報導)
    label_after_space: re.Pattern = rx.compile(r"(?!)")

    # Patterns are written in Traditional characters; Simplified text is matched through its
    # length-preserving Traditional form, so offsets of a match are offsets in the text itself.

    def ends_like_a_title(self, text: str) -> bool:
        """Does the line end in a noun titles end in (…安全的意涵, 日韓關係的挑戰)?"""
        return _traditional(text.strip()).endswith(self.title_tail_nouns) if self.title_tail_nouns else False

    def is_caption(self, text: str) -> bool:
        return len(text) <= _CAPTION_MAX and _any(self.caption, _head(text))

    def is_note(self, text: str) -> bool:
        head = _head(text)[:_PREFIX]
        return _any(self.note, head) or _any(self.link_list, head) or self._bare_label(head)  # 【延伸閱讀】 as well as 延伸閱讀

    def is_link_list(self, text: str) -> bool:
        """A label before a list of related articles (延伸閱讀), after which the article may go on."""
        return _any(self.link_list, _head(text)[:_PREFIX])

    def is_inline_note(self, text: str) -> bool:
        """A note after which the article goes on (關鍵詞：…, a column's label on a line of its own),
        not the start of its back matter."""
        head = _head(text)[:_PREFIX]
        return _any(self.inline_note, head) or self._bare_label(head)

    def _bare_label(self, head: str) -> bool:
        """A column's label alone on its line (社論, 評論: a page's label or button, not a heading)."""
        return len(head) <= 4 and head.strip() in self.column_labels

    def match_dateline(self, text: str) -> re.Match | None:
        return _first_match(self.dateline, text)

    def match_byline(self, text: str) -> re.Match | None:
        return _first_match(self.byline_prefix, text)

    def labels_after_space(self, text: str) -> list[re.Match]:
        """Each place in ``text`` where a space is followed by a byline label (offsets into ``text``)."""
        return list(self.label_after_space.finditer(_traditional(text)))

    def block_start(self, text: str) -> bool:
        """Does this line begin a block of its own (caption, note, dateline, labelled byline, list item)?"""
        t = _head(text)
        if len(text) <= _CAPTION_MAX and _any(self.caption, t):
            return True
        head = t[:_PREFIX]
        return any(p.match(head) for group in (self.note, self.dateline, self.byline_prefix, self.list_item) for p in group)

    def is_publication(self, text: str) -> bool:
        t = _traditional(text.strip())
        if t.startswith(_OUTLET_PLACES) and t[2:] in self.publications:
            return True  # 香港文匯報: a known outlet under the place it publishes in
        return t in self.publications or (len(t) <= 12 and t.endswith(self.publication_suffixes))

    def column_label_at(self, name: str) -> int | None:
        """Where a column label after an outlet's name begins (聯合報／社論 → 3, 經濟日報社論 → 4),
        else None."""
        m = re.search(r"\s*[／/╱|｜]\s*(\S+)$", name)
        if m:
            return m.start() if _traditional(m.group(1)) in self.column_labels else None
        t = _traditional(name)
        for label in self.column_labels:
            if t.endswith(label) and len(t) > len(label) and self.is_publication(name[: len(name) - len(label)]):
                return len(name) - len(label)
        return None

    def is_affiliation(self, text: str) -> bool:
        t = _traditional(text)
        for w in self.not_affiliation_words:  # 記者會: a press conference, not a reporter
            t = t.replace(w, "\x00")
        if any(w in t for w in self.headline_verbs):
            return False  # 總統接見美國參議員訪團: a headline about a senator, not a senator's title
        return any(w in t for w in self.affiliation_words)

    def heading_marker(self, text: str) -> bool:
        return _any(self.heading_markers, _head(text))  # the markers are anchored at the start

    def match_lead(self, text: str) -> re.Match | None:
        return _first_match(self.lead_prefix, text)


#: emoji and pictographs, and what may follow one (skin tones, variation selectors, joiners, flags): posts
#: copied from social media
EMOJI = "[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF\u203C\u2049]"
EMOJI_TAIL = "[\U0001F3FB-\U0001F3FF\uFE0F\u200D\U0001F1E6-\U0001F1FF\U0001F000-\U0001FAFF\u2600-\u27BF]*"


def _any(patterns: tuple[re.Pattern, ...], text: str) -> bool:
    return any(p.search(text) for p in patterns)


#: Captions are short; notes, datelines, bylines and leads are recognised by how a line begins,
#: so only that much of a long line is looked at (and converted).
_CAPTION_MAX, _PREFIX = 200, 80


def _first_match(patterns: tuple[re.Pattern, ...], text: str) -> re.Match | None:
    t = _head(text)[:_PREFIX]
    for p in patterns:
        m = p.match(t)
        if m:
            return m
    return None


def _head(text: str) -> str:
    """The Traditional form of the first ``_CAPTION_MAX`` characters, converted once per line for
    every kind of line start that is checked (each conversion is a call into OpenCC)."""
    return _traditional(text[:_CAPTION_MAX])


@lru_cache(maxsize=4096)
def _traditional_cached(text: str) -> str:
    return s2t_converter().convert(text)


@cache
def s2t_converter():
    """One length-preserving Simplified→Traditional converter for the process (layout patterns,
    and the readers of Japanese and Hong Kong names)."""
    from .segment import Converter

    return Converter("s2t")


@cache
def t2s_converter():
    """One length-preserving Traditional→Simplified converter for the process (dates in the front
    matter are read on Simplified text, as the stages read them on the shadow)."""
    from .segment import Converter

    return Converter("t2s")


@cache
def _simplified_chars() -> re.Pattern:
    """Characters that the Traditional conversion changes on their own (for, 们, 台 …), and any
    character outside the Basic Multilingual Plane; found with one call into OpenCC, once per
    OpenCC version (cached: a Traditional article then never loads the conversion)."""
    from .cache import cached_marshal, key_of, package_version

    key = key_of("simplified-chars", 1, package_version("opencc"))
    changed = cached_marshal("simplified-chars", key, _chars_traditional_conversion_changes)
    return rx.compile(f"[{re.escape(changed)}\U00010000-\U0010FFFF]")


def _chars_traditional_conversion_changes() -> str:
    bmp = [chr(c) for c in range(0x3400, 0xA000)] + [chr(c) for c in range(0xF900, 0xFB00)]
    out = s2t_converter().convert("\n".join(bmp)).split("\n")
    return "".join(c for c, t in zip(bmp, out) if c != t) if len(out) == len(bmp) else "".join(bmp)


def _traditional(text: str) -> str:
    """The text in Traditional characters, same length.  Text with no character the conversion
    changes (ASCII, an article already in Traditional characters) is returned as it is."""
    if text.isascii() or not _simplified_chars().search(text):
        return text
    return _traditional_cached(text)


def _traditional_layout(source) -> dict:
    """``layout.yaml`` with every pattern and word in Traditional characters, as the text it is
    matched against is normalised (Simplified ones get their Traditional form).  Cached per file
    and OpenCC version: the conversion loads OpenCC's s2t, which a Traditional article never needs."""
    from .cache import cached_marshal, file_stamp, key_of, package_version

    def build() -> dict:
        t = _traditional
        data = yamlfile.safe_load(source.read_text(encoding="utf-8"))
        out = {}
        for key, value in data.items():
            if key == "name_affiliation_separator":  # a pattern of separators, no words
                out[key] = value
            elif isinstance(value, list):
                out[key] = [t(v) if isinstance(v, str) else v for v in value]
            elif isinstance(value, dict):
                out[key] = {t(str(k)): v for k, v in value.items()}
            else:
                out[key] = value
        return out

    try:
        key = key_of("layout", 1, file_stamp(str(source)), package_version("opencc"))
    except (OSError, ValueError):
        return build()
    return cached_marshal("layout", key, build)


@cache
def layout_patterns() -> LayoutPatterns:
    source = resources.files("pipeline").joinpath("data/layout.yaml")
    try:
        data = _traditional_layout(source)
        flags = re.IGNORECASE
        t = str  # (the data is in Traditional characters already)
        labels = "|".join(re.escape(t(w)) for w in sorted(data.get("byline_labels", []), key=len, reverse=True))
        comp = lambda key: tuple(rx.compile(t(p).replace("{labels}", labels), flags)  # noqa: E731
                                 for p in data.get(key, []))
        return LayoutPatterns(
            caption=comp("caption"),
            note=comp("note") + comp("inline_note"),  # an inline note is a note the article goes on after
            link_list=comp("link_list"),
            inline_note=comp("inline_note"),
            dateline=comp("dateline"),
            byline_prefix=comp("byline_prefix"),
            label_after_space=rx.compile(rf"\s(?=(?:{labels})\s*[／/╱：:]|記者)"),
            heading_markers=comp("heading_markers"),
            lead_prefix=comp("lead_prefix"),
            list_item=comp("list_item"),
            name_affiliation_separator=rx.compile(data["name_affiliation_separator"]),
            affiliation_words=tuple(t(w) for w in data.get("affiliation_words", [])),
            not_affiliation_words=tuple(t(w) for w in data.get("not_affiliation_words", [])),
            publications=frozenset(t(w) for w in data.get("publications", [])),
            publication_suffixes=tuple(t(w) for w in data.get("publication_suffixes", [])),
            column_labels=tuple(t(w) for w in data.get("column_labels", [])),
            record_header_fields=frozenset(t(w) for w in data.get("record_header_fields", [])),
            record_roles=tuple(t(w) for w in data.get("record_roles", [])),
            headline_verbs=tuple(t(w) for w in data.get("headline_verbs", [])),
            title_tail_nouns=tuple(t(w) for w in data.get("title_tail_nouns", [])),
            outlet_english={t(str(k)): str(v) for k, v in (data.get("outlet_english") or {}).items()},
            publication_suffix_english=tuple(sorted(((t(k), str(v)) for k, v in (data.get("publication_suffix_english") or {}).items()),
                                                    key=lambda kv: -len(kv[0]))),
        )
    except (yaml.YAMLError, re.error, KeyError, TypeError) as exc:
        raise DataError(f"bad layout pattern file ({exc})", "fix the YAML or regular expression", where=str(source))
