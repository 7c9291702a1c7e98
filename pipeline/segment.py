"""Word segmentation: jieba on a Simplified "shadow" of the text, offsets in the original.

jieba's dictionary and HMM are trained on Simplified Chinese; on Traditional text it splits names
(岩屋|毅應, 連習|近平) and runs its POS tagger far slower.  So each document gets a *shadow*: the
same text converted by OpenCC ``t2s``.  OpenCC's phrase conversion is length-preserving for nearly
all text; :func:`shadow` verifies that per document and falls back to converting character by
character (which always preserves length) when it is not, so a shadow offset is always an offset
in the original.  Tokens keep the original characters in ``text`` and the shadow form in ``norm``.

Part-of-speech tags come from jieba's dictionary (and the user dictionary) by word; words jieba
made up with its HMM get their tag from ``jieba.posseg`` run on that word alone.  Numbers, Latin
words and acronyms (U.S., 88.5%, 2.0) are always single tokens; :func:`retokenize` lets later
stages force other spans (knowledge-base names) to be whole tokens.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

from .errors import DataError
from .model import Token

# Latin words (with inner hyphens/apostrophes), dotted acronyms, numbers with decimals and percent.
_ATOMIC = re.compile(
    r"(?:[A-Za-z]\.){2,}|[A-Za-z]+(?:[-'’][A-Za-z]+)*|\d+(?:[.,:]\d+)*[%％]?|[０-９]+(?:[．.][０-９]+)*[%％]?"
)
_PUNCT_TAG = "x"
_DEFAULT_USER_FREQ = 3000


class Converter:
    """OpenCC Traditional→Simplified conversion that never changes length."""

    def __init__(self, config: str = "t2s"):
        import opencc

        self._cc = opencc.OpenCC(config)
        self._char_cache: dict[str, str] = {}

    def convert(self, text: str) -> str:
        out = self._cc.convert(text)
        if len(out) == len(text):
            return out
        return self.convert_chars(text)

    def convert_chars(self, text: str) -> str:
        cache = self._char_cache
        chars = []
        for ch in text:
            c = cache.get(ch)
            if c is None:
                c = self._cc.convert(ch)
                if len(c) != 1:
                    c = ch
                cache[ch] = c
            chars.append(c)
        return "".join(chars)


@dataclass(frozen=True)
class UserWord:
    word: str  # as written in the source (Traditional or Simplified)
    freq: int | None = None
    tag: str | None = None


def load_user_dict(path: Path | None = None) -> list[UserWord]:
    """Read a jieba-style user dictionary: ``word [freq] [tag]`` per line, ``#`` comments."""
    source = resources.files("pipeline").joinpath("data/userdict.txt") if path is None else path
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataError(f"cannot read user dictionary ({exc})", "check the path", where=str(source))
    words = []
    for k, line in enumerate(lines, 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        freq = None
        tag = None
        for extra in parts[1:]:
            if extra.isdigit():
                freq = int(extra)
            elif re.fullmatch(r"[a-z]{1,4}", extra):
                tag = extra
            else:
                raise DataError(
                    f"line {k}: '{line}' is not 'word [freq] [tag]'",
                    "write one word per line, optionally followed by a number and a POS tag",
                    where=str(source),
                )
        words.append(UserWord(parts[0], freq, tag))
    return words


class Segmenter:
    """jieba + OpenCC shadow segmentation with a user dictionary.  Create once, reuse."""

    def __init__(self, user_words: Iterable[UserWord] = (), converter: Converter | None = None):
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self.converter = converter or Converter()
        self._jieba = jieba.Tokenizer()
        self._jieba.initialize()
        self._user_tags: dict[str, str] = {}
        self._oov_tags: dict[str, str] = {}
        self.add_words(user_words)

    # -- dictionary ------------------------------------------------------------------------------
    def add_words(self, words: Iterable[UserWord]) -> None:
        freq_table = self._jieba.FREQ
        for uw in words:
            w = self.converter.convert(uw.word)
            if not w.strip():
                continue
            freq = uw.freq or max(freq_table.get(w, 0), _DEFAULT_USER_FREQ)
            self._jieba.add_word(w, freq)
            if uw.tag:
                self._user_tags[w] = uw.tag

    @cached_property
    def _tag_table(self) -> dict[str, str]:
        """word → POS tag from jieba's main dictionary."""
        table: dict[str, str] = {}
        with self._jieba.get_dict_file() as f:
            for raw in f:
                parts = raw.decode("utf-8").split()
                if len(parts) == 3:
                    table[parts[0]] = parts[2]
        return table

    @cached_property
    def _pos_tokenizer(self):
        import jieba.posseg

        return jieba.posseg.POSTokenizer(self._jieba)

    # -- segmentation ----------------------------------------------------------------------------
    def shadow(self, text: str) -> str:
        return self.converter.convert(text)

    def tokens(self, text: str, shadow: str | None = None) -> list[Token]:
        """Tokens of ``text`` (offsets relative to it), segmented on its shadow."""
        if shadow is None:
            shadow = self.shadow(text)
        assert len(shadow) == len(text), "shadow must be char-aligned with the text"
        pieces = self._jieba.lcut(shadow, HMM=True)
        spans: list[tuple[int, int]] = []
        pos = 0
        for w in pieces:
            end = pos + len(w)
            if not w.isspace():
                spans.append((pos, end))
            pos = end
        atomic = [(m.start(), m.end()) for m in _ATOMIC.finditer(text)]
        if atomic:
            spans = merge_spans(spans, [(a, b) for a, b in atomic if not text[a:b].isspace()], text)
        return [self._token(text, shadow, a, b) for a, b in spans]

    def _token(self, text: str, shadow: str, start: int, end: int) -> Token:
        norm = shadow[start:end]
        return Token(text=text[start:end], start=start, end=end, pos=self.tag(norm), norm=norm)

    def tag(self, norm: str) -> str:
        tag = self._user_tags.get(norm) or self._tag_table.get(norm)
        if tag:
            return tag
        tag = self._oov_tags.get(norm)
        if tag is None:
            tag = self._oov_tag(norm)
            self._oov_tags[norm] = tag
        return tag

    def _oov_tag(self, word: str) -> str:
        if word.isdigit() or _ATOMIC.fullmatch(word) and word[0].isdigit():
            return "m"
        if re.fullmatch(r"[A-Za-z.'’\-]+", word):
            return "eng"
        if not any("\u3400" <= c <= "\u9fff" for c in word):
            return _PUNCT_TAG
        pairs = self._pos_tokenizer.lcut(word, HMM=True)
        if len(pairs) == 1:
            return pairs[0].flag
        flags = [p.flag for p in pairs]
        for name_tag in ("nr", "ns", "nt", "nz"):
            if flags[0].startswith(name_tag):
                return name_tag
        return "n" if len(word) > 1 else flags[0]

    def retokenize(self, text: str, shadow: str, tokens: Sequence[Token], spans: Iterable[tuple[int, int]]) -> list[Token]:
        """Make each of ``spans`` (offsets relative to ``text``) a single token."""
        current = [(t.start, t.end) for t in tokens]
        forced = set(spans)
        merged = merge_spans(current, list(forced), text)
        if merged == current:
            return list(tokens)
        merged = self._recut_fragments(text, shadow, merged, set(current), forced)
        old = {(t.start, t.end): t for t in tokens}
        return [old.get((a, b)) or self._token(text, shadow, a, b) for a, b in merged]

    def _recut_fragments(self, text, shadow, spans, old, forced) -> list[tuple[int, int]]:
        """Pieces left over where a forced span cut a token (韓|國 of 韓國 in 日韓國內) are
        segmented again together with the tokens that follow them, up to the next forced span."""
        out: list[tuple[int, int]] = []
        k = 0
        while k < len(spans):
            span = spans[k]
            if span in old or span in forced:
                out.append(span)
                k += 1
                continue
            j = k
            while j < len(spans) and spans[j] not in forced:
                j += 1
            a, b = spans[k][0], spans[j - 1][1]
            pos = a
            for w in self._jieba.lcut(shadow[a:b], HMM=True):
                if not w.isspace():
                    lead = len(w) - len(w.lstrip())
                    out.append((pos + lead, pos + len(w.rstrip())))
                pos += len(w)
            k = j
        return out


def merge_spans(tokens: list[tuple[int, int]], forced: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Re-cut token spans so that every forced span is exactly one token.

    Token boundaries strictly inside a forced span are removed; tokens that straddle a forced span's
    edge are cut there.  Forced spans that overlap each other are resolved longest first.  Whitespace
    never becomes part of a token; a forced span containing whitespace only splits at its edges.
    """
    if not forced:
        return tokens
    chosen: list[tuple[int, int]] = []
    for a, b in sorted(forced, key=lambda s: (-(s[1] - s[0]), s[0])):
        if a < b and all(b <= c or a >= d for c, d in chosen):
            chosen.append((a, b))
    chosen.sort()
    bounds: set[int] = set()
    for a, b in tokens:
        bounds.add(a)
        bounds.add(b)
    solid = []
    for a, b in chosen:
        bounds.add(a)
        bounds.add(b)
        if not any(ch.isspace() for ch in text[a:b]):
            solid.append((a, b))
    for a, b in solid:
        bounds.difference_update(range(a + 1, b))
    covered = sorted(bounds)
    out = []
    for a, b in zip(covered, covered[1:]):
        piece = text[a:b]
        if piece.strip() and not piece.isspace():
            # drop whitespace at the edges of a piece (between tokens)
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            out.append((a + lead, b - trail))
    return out
