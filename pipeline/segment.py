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
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Sequence

from . import cache, rx, yamlfile
from .errors import DataError, MissingDependency
from .model import Token

# Model designations (F-16V, M1A2T, MQ-9B, COVID-19, G7), Latin words (with inner hyphens or
# apostrophes; 's when a name was cut from Taiwan's), dotted acronyms, numbers with decimals and percent.
_DESIGNATION = r"[A-Z][A-Za-z]{0,4}-?\d{1,4}(?:[A-Za-z]{1,3}\d{0,4})*(?:-\d{1,3}[A-Za-z]?)?(?![A-Za-z0-9])"
_ATOMIC = rx.compile(
    _DESIGNATION + r"|(?:[A-Za-z]\.){2,}|[A-Za-z]+(?:[-'’][A-Za-z]+)*|(?<=[A-Za-z])['’][A-Za-z]{1,2}(?![A-Za-z])"
    r"|\d+(?:[.,:]\d+)*[%％]?|[０-９]+(?:[．.][０-９]+)*[%％]?"
)
_PUNCT_TAG = "x"
_UNKNOWN_WORD_TAGS = frozenset({"x", "m", "eng"})  # what jieba-rs's tag gives a word its dictionary lacks
#: jieba's HMM glues a locative after a noun to the adverb that opens the predicate (選舉中|恐陷入 came
#: out 選舉|中恐|陷入): two characters no dictionary has, a locative then one of these (shadow forms), are
#: two words
_LOCATIVES = frozenset("中上下内外后前时里间")
_PREDICATE_ADVERBS = frozenset("恐将也已则均皆仍却才就都又曾正再亦并便须应会")
#: … and a country's one-character name glued to the verb after it (美拟 came out of 美|擬對…: "beautiful
#: plan to"), shadow forms
_COUNTRY_CHARS = frozenset("美中日韩俄台英法德菲越印澳朝欧泰")
_COUNTRY_PREDICATES = _PREDICATE_ADVERBS | frozenset("拟称要对与")
_SPLIT = "\x00"  # the tag of a piece that is cut in two (see _plain_tokens)
_DEFAULT_USER_FREQ = 3000


class Converter:
    """OpenCC Traditional→Simplified conversion that never changes length."""

    def __init__(self, config: str = "t2s"):
        self.config = config
        self._cc = opencc_for(config)
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


@lru_cache(maxsize=None)
def opencc_for(config: str):
    """One OpenCC converter per configuration for the process (each loads its dictionaries:
    about 15 ms)."""
    import opencc

    return opencc.OpenCC(config)


@dataclass(frozen=True)
class UserWord:
    word: str  # as written in the source (Traditional or Simplified)
    freq: int | None = None
    tag: str | None = None
    if_absent: bool = False  # add only if jieba's dictionary lacks the word (glossary headwords)


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
    """jieba + OpenCC shadow segmentation with a user dictionary.  Create once, reuse.

    Two interchangeable backends cut the shadow text: ``rjieba`` (jieba-rs, the same dictionary and
    algorithm compiled, about 20× faster) when it is installed, else ``jieba``; choose with
    ``backend=`` or ``$ZHGLOSS_SEGMENTER``.  The test suite checks that both give identical tokens on
    the corpus.  Both get the same user words with the same frequencies (a user word never lowers
    the frequency jieba's dictionary gives it), and POS tags come from the same place for both:
    jieba's dictionary, the user dictionary, then :func:`hmm_tag`.  jieba-rs holds jieba's
    dictionary with its tags, so the ``rjieba`` backend asks it (its ``tag`` cuts exactly as ``cut``
    does); only the few thousand dictionary words it would cut apart when asked alone keep a table
    of their own.  The ``jieba`` backend reads jieba's whole tag table (350,000 words).  The user
    words' final frequencies, those tables and, for the ``jieba`` backend, jieba's prefix dictionary
    with the user words added are built once and cached on disk (:mod:`pipeline.cache`).
    """

    def __init__(self, user_words: Iterable[UserWord] = (), converter: Converter | None = None, backend: str | None = None):
        self.converter = converter or Converter()
        self._oov_tags: dict[str, str] = {}
        self._strings: dict[str, str] = {}
        self._known: dict[str, tuple[str, str]] = {}  # shadow word -> (the one string for it, its tag)
        raw = [(w.word, w.freq or 0, w.tag or "", w.if_absent) for w in user_words if w.word.strip()]

        def final() -> list[tuple[str, int, str]]:
            # a word's plain entries before its if_absent ones (a glossary headword), and tagged
            # entries before untagged ones, whatever the tags
            convert = self.converter.convert
            words = sorted({(convert(w), freq, tag, if_absent) for w, freq, tag, if_absent in raw},
                           key=lambda w: (w[0], w[3], w[1], w[2] == "", w[2]))
            return _final_user_words(words)

        # jieba itself is imported only to build the caches or to cut with it (its import costs 0.1 s+)
        stamp = _jieba_dict_stamp()
        key = cache.key_of("lexicon", 5, stamp, self.converter.config, raw)
        final_words = cache.cached_marshal("lexicon", key, final)
        self._tags_key = cache.key_of("tags", 1, stamp)
        self._tag_table: dict[str, str] | None = None  # jieba's whole table, loaded when needed
        self._user_tags: dict[str, str] = {w: t for w, _f, t in final_words if t}
        self._user_words: set[str] = {w for w, _f, _t in final_words}
        self.backend = _choose_backend(backend)
        if self.backend == "rjieba":
            import rjieba

            self._rj = rjieba.Jieba()
            for w, freq, tag in final_words:
                self._rj.add_word(w, freq, tag or None)
            self._cut = self._rj.cut
            self._cut_tagged = self._rj.tag
            skey = cache.key_of("split-tags", 1, key, cache.package_version("rjieba"))
            self._split_tags: dict[str, str] = cache.cached_marshal("split-tags", skey, self._words_cut_apart)
        else:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            self._jieba = jieba.Tokenizer()
            jkey = cache.key_of("jieba-prefix", 2, key)
            freq, total = cache.cached_marshal("jieba", jkey, lambda: _jieba_prefix_dict(final_words))
            self._jieba.FREQ, self._jieba.total, self._jieba.initialized = freq, total, True
            self._cut = lambda text: self._jieba.lcut(text, HMM=True)
            self._cut_tagged = lambda text: [(w, None) for w in self._jieba.lcut(text, HMM=True)]

    # -- dictionary ------------------------------------------------------------------------------
    def add_words(self, words: Iterable[UserWord]) -> None:
        """Add words after start-up (not cached: pass them to the constructor to cache them).
        An explicit frequency is used as given; without one, the word gets at least the default."""
        for uw in words:
            w = self.converter.convert(uw.word)
            if not w.strip():
                continue
            freq = uw.freq or _DEFAULT_USER_FREQ
            if self.backend == "rjieba":
                self._rj.add_word(w, freq, uw.tag or None)
            else:
                _add_jieba_word(self._jieba, w, uw.freq or max(self._jieba.FREQ.get(w, 0), _DEFAULT_USER_FREQ))
            self._user_words.add(w)
            if uw.tag:
                self._user_tags[w] = uw.tag
        self._known.clear()

    # -- segmentation ----------------------------------------------------------------------------
    def shadow(self, text: str) -> str:
        return self.converter.convert(text)

    def tokens(self, text: str, shadow: str | None = None) -> list[Token]:
        """Tokens of ``text`` (offsets relative to it), segmented on its shadow."""
        if shadow is None:
            shadow = self.shadow(text)
        assert len(shadow) == len(text), "shadow must be char-aligned with the text"
        pieces = self._cut_tagged(shadow)
        out = self._plain_tokens(text, pieces)
        atomic = [(m.start(), m.end()) for m in _ATOMIC.finditer(text)]
        if atomic:
            spans = [(t.start, t.end) for t in out]
            merged = merge_spans(spans, [(a, b) for a, b in atomic if not text[a:b].isspace()], text)
            if merged is not spans:
                old = {(t.start, t.end): t for t in out}
                token = self._token
                out = [old.get(span) or token(text, shadow, *span) for span in merged]
        return out

    def _plain_tokens(self, text: str, pieces: list[tuple[str, str | None]]) -> list[Token]:
        """One token per non-space piece of the segmenter's output, ``(piece, its tag from jieba-rs
        or None)`` (the hot loop of the pipeline: each distinct word is looked up once, see
        :meth:`_token`)."""
        known_get, known, strings = self._known.get, self._known, self._strings
        out = []
        pos = 0
        for w, cut_tag in pieces:  # pieces are slices of the shadow: each is its own norm
            end = pos + len(w)
            k = known_get(w)
            if k is None:
                if w.isspace():
                    pos = end
                    continue
                split = len(w) == 2 and (w[0] in _LOCATIVES and w[1] in _PREDICATE_ADVERBS
                                         or w[0] in _COUNTRY_CHARS and w[1] in _COUNTRY_PREDICATES) and not self.is_word(w)
                k = known[w] = (w, _SPLIT if split else self._piece_tag(w, cut_tag))
            if k[1] is _SPLIT:  # 中|恐
                for i, ch in enumerate(w):
                    out.append(Token(strings.setdefault(text[pos + i], text[pos + i]), pos + i, pos + i + 1, self.tag(ch), None, ch))
                pos = end
                continue
            word = text[pos:end]
            if word == w:
                word = k[0]
            else:
                word = strings.setdefault(word, word)
            out.append(Token(word, pos, end, k[1], None, k[0]))
            pos = end
        return out

    def _token(self, text: str, shadow: str, start: int, end: int) -> Token:
        # Words repeat (Zipf): one string object and one tag look-up per distinct word keeps big
        # documents small and fast.  _plain_tokens inlines these same steps for its hot loop:
        # change both together.
        norm = shadow[start:end]
        known = self._known.get(norm)
        if known is None:
            known = self._known[norm] = (norm, self.tag(norm))
        word = text[start:end]
        if word == known[0]:
            word = known[0]
        else:
            word = self._strings.setdefault(word, word)
        return Token(text=word, start=start, end=end, pos=known[1], norm=known[0])

    def is_word(self, norm: str) -> bool:
        """Is ``norm`` (shadow form) a word of the dictionary: jieba's, the user dictionary or the
        knowledge base's names?"""
        if norm in self._user_words:
            return True
        if self.backend == "rjieba":
            return self._rj.has_word(norm)
        return norm in self._jieba_tags()

    def tag(self, norm: str) -> str:
        tag = self._user_tags.get(norm) or self._dictionary_tag(norm)
        if tag:
            return tag
        return self._unknown_tag(norm)

    def _piece_tag(self, norm: str, cut_tag: str | None) -> str:
        """:meth:`tag` of a piece of the cut, given the tag jieba-rs gave it there: the record's
        tag for a dictionary word ("" for a user word without one), else x, m or eng."""
        if cut_tag is None:
            return self.tag(norm)
        tag = self._user_tags.get(norm)
        if tag:
            return tag
        if cut_tag and (cut_tag not in _UNKNOWN_WORD_TAGS or self._rj.has_word(norm)):
            return cut_tag
        return self._unknown_tag(norm)

    def _dictionary_tag(self, norm: str) -> str | None:
        """The tag jieba's dictionary gives ``norm``, or None."""
        if self.backend != "rjieba":
            return self._jieba_tags().get(norm)
        if not self._rj.has_word(norm):
            return None
        tag = self._split_tags.get(norm)
        if tag is None:
            pairs = self._rj.tag(norm, False)
            tag = pairs[0][1] if len(pairs) == 1 else ""
        return tag or None

    def _jieba_tags(self) -> dict[str, str]:
        if self._tag_table is None:
            self._tag_table = cache.cached_marshal("tags", self._tags_key, _jieba_tag_table)
        return self._tag_table

    def _words_cut_apart(self) -> dict[str, str]:
        """Dictionary words (with their tags) that jieba-rs, with the user words added, cuts into
        more than one piece when asked about the word alone."""
        tag = self._rj.tag
        return {w: t for w, t in _jieba_tag_table().items() if len(tag(w, False)) != 1}

    def _unknown_tag(self, norm: str) -> str:
        tag = self._oov_tags.get(norm)
        if tag is None:
            tag = self._oov_tag(norm)
            self._oov_tags[norm] = tag
        return tag

    def _oov_tag(self, word: str) -> str:
        if word.isdigit() or _ATOMIC.fullmatch(word) and word[0].isdigit():
            return "m"
        if re.fullmatch(r"[A-Za-z.'’\-]+", word) or re.fullmatch(_DESIGNATION, word):
            return "eng"
        if not any("\u3400" <= c <= "\u9fff" for c in word):
            return _PUNCT_TAG
        return hmm_tag(word)

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
            pieces = []
            for w in self._cut(shadow[a:b]):
                if not w.isspace():
                    lead = len(w) - len(w.lstrip())
                    pieces.append((pos + lead, pos + len(w.rstrip())))
                pos += len(w)
            atomic = [m.span() for m in _ATOMIC.finditer(text, a, b)]  # (the look-behind sees before a)
            out += merge_spans(pieces, atomic, text) if atomic else pieces  # 's cut from Taiwan's stays one piece
            k = j
        return out


def _choose_backend(backend: str | None) -> str:
    backend = backend or os.environ.get("ZHGLOSS_SEGMENTER") or "auto"
    if backend not in ("auto", "jieba", "rjieba"):
        raise DataError(f"unknown segmenter backend {backend!r}", "use jieba, rjieba or auto", where="ZHGLOSS_SEGMENTER")
    if backend in ("auto", "rjieba"):
        try:
            import rjieba  # noqa: F401
        except ImportError:
            if backend == "rjieba":
                raise MissingDependency("rjieba", "the rjieba segmenter backend")
            return "jieba"
        return "rjieba"
    return "jieba"


def _jieba_dir() -> Path:
    """jieba's package folder (its dictionary, its HMM tables), found without importing jieba."""
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise MissingDependency("jieba", "word segmentation")
    return Path(spec.origin).parent


def _jieba_dict_stamp() -> tuple:
    """jieba's version and its dictionary file's size and time, without importing jieba."""
    return (cache.package_version("jieba"), cache.file_stamp(_jieba_dir() / "dict.txt"))


def _final_user_words(words: list[tuple[str, int, str, bool]]) -> list[tuple[str, int, str]]:
    """User words with their final frequency (never below jieba's own).  Words marked
    ``if_absent`` are left out when jieba's dictionary already has them."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    final, seen = [], set()
    for w, freq, tag, if_absent in words:  # sorted: the plain entry of a word comes before its if_absent one
        if w in seen or (if_absent and tk.FREQ.get(w, 0) > 0):
            continue
        seen.add(w)
        final.append((w, freq or max(tk.FREQ.get(w, 0), _DEFAULT_USER_FREQ), tag))
    return final


def _jieba_tag_table() -> dict[str, str]:
    """word -> POS tag, from jieba's dictionary file."""
    tags: dict[str, str] = {}
    with open(_jieba_dir() / "dict.txt", encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags


def _jieba_prefix_dict(final_words: list[tuple[str, int, str]]):
    """jieba's prefix dictionary (FREQ) with the user words added, and its total."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    for w, freq, _tag in final_words:
        _add_jieba_word(tk, w, freq)
    return tk.FREQ, tk.total


def _add_jieba_word(tk, word: str, freq: int) -> None:
    """jieba's add_word, but replacing a word's frequency also replaces its share of the total —
    as jieba-rs does — so the two backends score every cut the same."""
    old = tk.FREQ.get(word, 0)
    tk.add_word(word, freq)
    tk.total -= old


def hmm_tag(word: str) -> str:
    """POS tag of a word jieba's dictionary does not know, from a character HMM: jieba-rs's tagger
    when rjieba is installed (microseconds), else jieba.posseg's (milliseconds per word).

    jieba.posseg's HMM tables are read from its files directly: importing ``jieba.posseg`` would also
    load its own copy of the whole dictionary's tag table, which costs more than half a second.
    """
    tagger = _rjieba_tagger()
    pairs = tagger.tag(word) if tagger is not None else None
    if pairs and not (len(pairs) == 1 and pairs[0][1] == _PUNCT_TAG):  # (jieba-rs gives 林颖佑 "x": ask the HMM)
        if len(pairs) == 1:
            return pairs[0][1]
        spans = [tag for _w, tag in pairs]
    else:
        tables = _posseg_hmm()
        _, route = tables["viterbi"](word, tables["char_state"], tables["start"], tables["trans"], tables["emit"])
        spans = [tag for state, tag in route if state in ("B", "S")]  # a word starts at B or S
        if len(spans) == 1:
            return spans[0]
    for name_tag in ("nr", "ns", "nt", "nz"):
        if spans and spans[0].startswith(name_tag):
            return name_tag
    return "n" if len(word) > 1 else (spans[0] if spans else "x")


@lru_cache(maxsize=1)
def _rjieba_tagger():
    """rjieba's module-level functions: they use the instance rjieba makes at its import, with jieba's
    dictionary and nothing added (the segmenter adds its words to an instance of its own), so no
    third copy of the dictionary is built (0.15 s)."""
    try:
        import rjieba
    except ImportError:
        return None
    return rjieba


@lru_cache(maxsize=1)
def _posseg_hmm() -> dict:
    import importlib.util
    import pickle

    folder = _jieba_dir() / "posseg"
    spec = importlib.util.spec_from_file_location("_zhgloss_jieba_viterbi", folder / "viterbi.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    tables = {"viterbi": module.viterbi}
    for key, name in (("char_state", "char_state_tab"), ("start", "prob_start"), ("trans", "prob_trans"), ("emit", "prob_emit")):
        with open(folder / f"{name}.p", "rb") as f:
            tables[key] = pickle.load(f)
    return tables


@lru_cache(maxsize=1)
def _grammar() -> dict:
    import yaml

    try:
        data = yamlfile.safe_load(resources.files("pipeline").joinpath("data/grammar.yaml").read_text(encoding="utf-8"))
        rules, ends, topic = data["disposal"], data["adverbial_ends"], data["topic_markers"]
        return {"markers": frozenset(rules["markers"]), "object_tags": frozenset(rules["object_tags"]),
                "topic_markers": frozenset(topic["markers"]), "topic_next_tags": frozenset(topic["next_tags"]),
                "not_objects": frozenset(rules["not_objects"]), "noun_tags": frozenset(rules["noun_tags"]),
                "complements": frozenset(rules["complements"]),
                "openers": frozenset(ends["openers"]), "end_words": frozenset(ends["words"]),
                "end_next_tags": frozenset(ends["next_tags"]),
                "local_units": frozenset(data["local_heads"]["units"]), "local_heads": frozenset(data["local_heads"]["heads"]),
                "conditional_words": frozenset(data["conditional_words"]["words"]),
                "conditional_openers": frozenset(data["conditional_words"]["openers"]),
                "verb_prepositions": frozenset(data["verb_prepositions"]["words"]),
                "meeting_word": data["meetings"]["word"], "meeting_bodies": tuple(data["meetings"]["body_ends"]),
                "meeting_next_tags": frozenset(data["meetings"]["next_tags"]),
                "meeting_next_words": frozenset(data["meetings"]["next_words"])}
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise DataError(f"cannot read the grammar rules ({exc})", "reinstall zhgloss or fix the file",
                        where="pipeline/data/grammar.yaml") from exc


def disposal_markers() -> frozenset[str]:
    """The object markers :func:`mark_disposal` tags ``p`` (将, in the shadow script)."""
    return _grammar()["markers"]


def split_adverbial_ends(seg: "Segmenter", text: str, shadow: str, tokens: list[Token]) -> list[Token]:
    """中將 and 上將 as the end of an adverbial and the modal "will" (在灰色地帶的競爭中將處於被動 →
    中|將), not "lieutenant general" and "general", when 在 or 於 opens the clause before them and a
    verb follows.  The words and tags are in ``data/grammar.yaml``."""
    rules = _grammar()
    return _split_first_character(
        seg, text, shadow, tokens, rules["end_words"], rules["openers"],
        lambda i, opened: opened and i + 1 < len(tokens) and tokens[i + 1].pos in rules["end_next_tags"])


def split_conditional_words(seg: "Segmenter", text: str, shadow: str, tokens: list[Token]) -> list[Token]:
    """的話 as 的 + 話 "words" (總統的話很重要), not "if", when no conditional opener (如果, 若) comes
    before it in its clause and the clause goes on after it (``data/grammar.yaml``)."""
    rules = _grammar()
    return _split_first_character(
        seg, text, shadow, tokens, rules["conditional_words"], rules["conditional_openers"],
        lambda i, opened: not opened and i + 1 < len(tokens) and tokens[i + 1].pos != _PUNCT_TAG
        and tokens[i + 1].norm not in ("就", "则", "那", "那么", "便"))


def _split_first_character(seg: "Segmenter", text: str, shadow: str, tokens: list[Token], words: frozenset[str],
                           openers: frozenset[str], split_here: Callable[[int, bool], bool]) -> list[Token]:
    """Tokens among ``words`` cut after their first character where ``split_here(index, opened)``
    says so; ``opened``: one of ``openers`` came before in the token's clause (and after the last cut)."""
    if not any(w in shadow for w in words):
        return tokens
    spans = []
    opened = False
    for i, t in enumerate(tokens):
        if t.pos == _PUNCT_TAG:
            opened = False
        elif t.norm in openers:
            opened = True
        elif t.norm in words and split_here(i, opened):
            spans += [(t.start, t.start + 1), (t.start + 1, t.end)]
            opened = False
    return seg.retokenize(text, shadow, tokens, spans) if spans else tokens


def split_local_heads(seg: "Segmenter", text: str, shadow: str, tokens: list[Token]) -> list[Token]:
    """金門縣|長 → 金門|縣長: a county or city the dictionary knows whole, then 長 as a word of its
    own (or glued to the name after it, as no word), is the place and the title of its head
    (``data/grammar.yaml``); so is a country's ministry and 長 where the ministry's head is a word
    (美國戰爭部|長 → 美國|戰爭部長); and 軍 cut out of 軍事 by a country's army (朝|俄軍|事 → 朝|俄|軍事)."""
    rules = _grammar()
    heads = rules["local_heads"]
    if not any(h in shadow for h in heads) and "军事" not in shadow:
        return tokens
    units = rules["local_units"]
    spans = []
    for t, nxt in zip(tokens, tokens[1:]):
        if t.end - t.start == 2 and t.norm[1] == "军" and nxt.norm[:1] == "事" and nxt.start == t.end:
            # 中|俄軍|事合作 → 中|俄|軍事|合作: a country's army (a KB name) cut out of 軍事
            spans += [(t.start, t.start + 1), (t.start + 1, nxt.start + 1)] + ([(nxt.start + 1, nxt.end)] if nxt.end > nxt.start + 1 else [])
        elif t.end - t.start >= 3 and t.norm[-1] in units and nxt.norm[0] in heads:
            if nxt.norm in heads:
                spans += [(t.start, t.end - 1), (t.end - 1, nxt.end)]
            elif not seg.is_word(nxt.norm):  # 嘉義市|長黃|敏惠: 長 glued to the name after it
                spans += [(t.start, t.end - 1), (t.end - 1, nxt.start + 1)]
        elif t.norm[-1:] == "部" and nxt.norm == "长" and t.end - t.start >= 4:
            # 美國戰爭部|長 → 美國|戰爭部長: a country's ministry the dictionary knows whole, then 長
            n = next((n for n in (3, 2) if n < t.end - t.start and seg.is_word(t.norm[-n:] + "长")), 0)
            if n:
                spans += [(t.start, t.end - n), (t.end - n, nxt.end)]
    return seg.retokenize(text, shadow, tokens, spans) if spans else tokens


def mark_disposal(tokens: Sequence[Token], shadow: str | None = None) -> None:
    """Tag 將 ``p`` where it marks the object of the verb that follows (美國將日本視為盟友,
    將國防預算提高至…) rather than meaning "will" (日本將持續增加…), 就 where it means "on" before
    a noun phrase (雙方就關稅問題達成協議) rather than "then", and 通過 ``v`` where it is the verb "pass"
    (三讀通過), not the preposition "through".  The rules are in ``data/grammar.yaml``;
    the dictionary tags every 將 and 就 as an adverb.  ``shadow``, the tokens' text in the shadow
    script, lets a unit without a marker be skipped at once."""
    rules = _grammar()
    markers, topic = rules["markers"], rules["topic_markers"]
    if shadow is None or any(m in shadow for m in rules["verb_prepositions"]):
        for i, t in enumerate(tokens):
            if t.pos == "p" and t.norm in rules["verb_prepositions"] and not _verb_follows(tokens, i + 1) \
                    and i and tokens[i - 1].text not in _CLAUSE_ENDS:  # (通過與美韓的合作，日本…: "through")
                t.pos = "v"
    if shadow is None or any(m in shadow for m in topic):
        for i, t in enumerate(tokens[:-1]):
            if t.norm in topic and tokens[i + 1].pos in rules["topic_next_tags"]:
                t.pos = "p"
    if shadow is not None and not any(m in shadow for m in markers):
        return
    for i, t in enumerate(tokens):
        if t.norm not in markers or i + 1 >= len(tokens):
            continue
        nxt = tokens[i + 1]
        if nxt.pos in rules["object_tags"]:
            if nxt.norm not in rules["not_objects"]:
                t.pos = "p"
        elif nxt.pos in rules["noun_tags"] and _complement_follows(tokens, i + 2, rules["complements"]):
            t.pos = "p"
        elif nxt.text in _OPENING_QUOTES:  # 將「嚇阻中國」置於…: a quoted object (將「徹底毀滅」北韓: will)
            close = next((k for k in range(i + 2, len(tokens)) if tokens[k].text in _CLOSING_QUOTES), None)
            if close is not None and _complement_follows(tokens, close + 1, rules["complements"]):
                t.pos = "p"


def mark_meetings(tokens: Sequence[Token]) -> None:
    """Tag 會 ``n`` where it is the meeting of the body named before it (行政院|會|27日|通過…), not the
    modal "will" (行政院會提出…): the body's name ends in 院 and a day, a time or a verb of deciding
    follows (``data/grammar.yaml``, meetings).  Run once names are tokens of their own."""
    rules = _grammar()
    word, bodies = rules["meeting_word"], rules["meeting_bodies"]
    for i in range(1, len(tokens) - 1):
        t, before, nxt = tokens[i], tokens[i - 1], tokens[i + 1]
        if t.norm == word and len(before.norm) >= 3 and before.norm.endswith(bodies) \
                and (nxt.pos in rules["meeting_next_tags"] or nxt.norm in rules["meeting_next_words"] or nxt.norm[:1].isdigit()):
            t.pos = "n"


_CLAUSE_ENDS = frozenset("，,。；;：:！!？?、")
_OPENING_QUOTES = frozenset("「『“")
_CLOSING_QUOTES = frozenset("」』”")


def _verb_follows(tokens: Sequence[Token], k: int) -> bool:
    """Does the clause from token ``k`` on hold a verb outside quotation marks (a quoted name's
    words are no verb of the clause: 通過「強化防衛韌性…特別條例」草案)?"""
    quoted = 0
    for t in tokens[k:]:
        if t.text in _OPENING_QUOTES or t.text in _CLOSING_QUOTES:
            quoted += 1 if t.text in _OPENING_QUOTES else -1
        elif t.text in _CLAUSE_ENDS and not quoted:
            return False
        elif (t.pos[:1] == "v" and t.pos != "vn" or t.pos == "i") and quoted <= 0:
            return True  # (an idiom is a predicate: 通過對話|和平解決)
    return False


def _complement_follows(tokens: Sequence[Token], k: int, complements: frozenset[str]) -> bool:
    """Does the clause from token ``k`` on reach a verb with a resultative complement?"""
    prev = None
    for t in tokens[k:]:
        if t.text in _OPENING_QUOTES or t.text in _CLOSING_QUOTES:
            continue  # 將「台灣關係法」與「六項保證」並列為…
        if t.pos == _PUNCT_TAG:
            return False
        if t.pos[:1] == "v" and len(t.norm) > 1 and t.norm[-1] in complements:
            return True  # 视为, 列为, 置于, 移至
        if t.norm in complements and prev is not None and prev.pos[:1] == "v":
            return True  # 提高|至, 集中|于
        prev = t
    return False


def merge_spans(tokens: list[tuple[int, int]], forced: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Re-cut token spans so that every forced span is exactly one token.

    Token boundaries strictly inside a forced span are removed; tokens that straddle a forced span's
    edge are cut there.  Forced spans that overlap each other are resolved longest first.  Whitespace
    never becomes part of a token; a forced span containing whitespace only splits at its edges.
    """
    if not forced:
        return tokens
    token_set = set(tokens)
    if all(span in token_set for span in forced):
        return tokens  # the usual case: every forced span is already a token
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
