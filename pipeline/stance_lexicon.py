"""Stance lexicons and cue matching: the TSV files of ``pipeline/data/stance/`` indexed by the
Simplified shadow of their terms, and the longest non-overlapping matches in a unit.

The files and their columns are described in ``pipeline/data/stance/README.md``.  A term listed in
several files keeps the reading of the first file loaded (reporting verbs before evaluative words).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

DATA = Path(__file__).parent / "data" / "stance"


@dataclass(slots=True)
class Entry:
    term: str  # Traditional form as written in the lexicon
    kind: str  # evaluative | modal | hedge | reporting | negation | intensifier | question | mask
    polarity: str | None = None  # positive | negative | None
    weight: float = 1.0  # strength, weight or factor
    role: str = "subject"  # evaluative: subject | object; reporting: object when it has a polarity
    type: str | None = None  # modal: prediction | prescription; reporting: say | belief | stance | demand;
    # negation: prediction (不會) | presupposes (停止)
    certainty: str | None = None
    scope: int = 0  # negation
    conduct: bool = False  # reporting: a demand verb that is conduct, not speech (堅持, 爭取)
    quote: bool = False  # reporting: a speech verb only right before a colon, comma or quotation (Cantonese 話：「…」)
    raises: bool = False  # reporting: a belief verb whose negation denies what follows (不認為…會, 不相信…會遵守)
    opening: bool = False  # modal: only opening a clause before a verb (第二，要加強…; 我們要…), else "want"
    partner: bool = False  # reporting: a stance taken with someone named after 與 (與菲律賓站在一起)


@dataclass
class Lexicon:
    """Every stance lexicon, indexed by the Simplified shadow of its terms."""

    multi: dict[str, list[tuple[str, Entry]]] = field(default_factory=dict)  # first two chars → [(shadow, entry)]
    single: dict[str, Entry] = field(default_factory=dict)
    roles: tuple[str, ...] = ()  # role nouns (roles.tsv), Simplified: 專家, 發言人 …
    size: int = 0

    def add(self, shadow: str, entry: Entry) -> None:
        self.size += 1
        if len(shadow) == 1:
            self.single.setdefault(shadow, entry)
            return
        bucket = self.multi.setdefault(shadow[:2], [])
        if not any(s == shadow for s, _ in bucket):  # the first file that lists a term wins
            bucket.append((shadow, entry))
            bucket.sort(key=lambda x: -len(x[0]))

    @classmethod
    def load(cls, to_shadow: Callable[[str], str], folder: Path = DATA) -> "Lexicon":
        lex = cls()
        # order matters: a term listed in several files keeps its first reading
        for name, make in (("reporting.tsv", _reporting), ("negation.tsv", _negation), ("modality.tsv", _modal),
                           ("questions.tsv", _question), ("evaluative.tsv", _evaluative), ("intensifiers.tsv", _intens),
                           ("masks.tsv", _mask)):
            for row in _rows(folder / name):
                entry = make(row)
                lex.add(to_shadow(entry.term), entry)
        lex.roles = tuple(to_shadow(w) for w in role_words(folder))
        return lex


def role_words(folder: Path = DATA) -> list[str]:
    """Role nouns that stand for a holder (roles.tsv, Traditional): 專家, 發言人 …"""
    return [row[0] for row in _rows(folder / "roles.tsv")]


def cue_words(folder: Path = DATA) -> list[str]:
    """The reporting and attitude verbs of two or more characters, for the segmenter: a verb jieba
    glues to the next word (大讚金 for 大讚|金) cannot be matched.  (Evaluative entries are often
    phrases, 和平穩定, 重大轉變, and so is a negated verb, 不喜歡: they stay two words and match
    across tokens.)"""
    return [row[0] for row in _rows(folder / "reporting.tsv") if len(row[0]) >= 2 and row[0][0] not in "不沒没未非無无"]


def _rows(path: Path) -> Iterable[list[str]]:
    with open(path, encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if row and row[0] and not row[0].startswith("#"):
                yield [c.strip() for c in row]


def _evaluative(r: list[str]) -> Entry:
    return Entry(r[0], "evaluative", r[1], float(r[2]), r[3] if len(r) > 3 else "subject")


def _modal(r: list[str]) -> Entry:
    return Entry(r[0], r[1], None, float(r[4]), type=None if r[2] == "-" else r[2], certainty=r[3],
                 opening=len(r) > 5 and r[5] == "opening")


def _reporting(r: list[str]) -> Entry:
    pol = None if r[2] == "-" else r[2]
    flag = r[4] if len(r) > 4 else ""
    return Entry(r[0], "reporting", pol, float(r[3]), role="object", type=r[1], conduct=flag == "conduct",
                 quote=flag == "quote", raises=flag == "raises", partner=flag == "partner")


def _negation(r: list[str]) -> Entry:
    weight = float(r[2]) if len(r) > 2 and r[2] else 0.0
    presupposes = len(r) > 4 and r[4] == "presupposes"
    return Entry(r[0], "negation", None, weight, type="prediction" if weight else ("presupposes" if presupposes else None),
                 certainty=r[3] if len(r) > 3 and r[3] else "neutral", scope=int(r[1]))


def _mask(r: list[str]) -> Entry:
    return Entry(r[0], "mask", weight=0.0)


def _intens(r: list[str]) -> Entry:
    return Entry(r[0], "intensifier", weight=float(r[1]))


def _question(r: list[str]) -> Entry:
    return Entry(r[0], "question", weight=float(r[2]), type="rhetorical" if r[1] == "yes" else None)


@dataclass(slots=True)
class Cue:
    start: int
    end: int
    entry: Entry
    tok: int  # index of the token the cue starts in
    polarity: str | None = None  # after negation
    factor: float = 1.0
    negated: bool = False
    denied: bool = False  # denied (not X but Y) or supposed (若…以為): weighs, but names no one's act


# -- matching ----------------------------------------------------------------------------------------------
_QUOTE_AFTER = frozenset("：:，,「“\"『")  # what follows a speech verb marked "quote" in reporting.tsv

def find_cues(text: str, shadow: str, tokens, lex: Lexicon, skip: Sequence[tuple[int, int]] = ()) -> list[Cue]:
    n = len(shadow)
    multi, single = lex.multi, lex.single
    found: list[tuple[int, int, Entry]] = []
    # a match starts at a token start, or inside a token of three or more characters
    positions: list[int] = []
    for k, t in enumerate(tokens):
        a, b = t.start, t.end
        if b - a >= 3:
            positions += [k for k in range(a, b - 1) if shadow[k : k + 2] in multi]
        elif shadow[a : a + 2] in multi:
            positions.append(a)
        if b - a == 1:
            entry = single.get(shadow[a])
            if entry is not None and not (entry.kind == "modal" and t.pos in ("p", "n")) \
                    and not (entry.quote and (shadow[b:b + 1] not in _QUOTE_AFTER or shadow[a - 1:a] in "句的番段些")) \
                    and not (entry.opening and not _opens_before_verb(tokens, k)):
                # 將 before its object, 會 a body's meeting; 這句話，… and 他的話，… are words, not speech
                found.append((a, b, entry))
    if not positions and not found:
        return []  # most sentences: nothing to index
    starts = {t.start: i for i, t in enumerate(tokens)}
    ends = {t.end for t in tokens}
    tok_at = [0] * (n + 1)
    for i, t in enumerate(tokens):
        tok_at[t.start : t.end] = [i] * (t.end - t.start)
    for i in positions:
        bucket = multi[shadow[i : i + 2]]
        for form, entry in bucket:
            j = i + len(form)
            if j > n or shadow[i:j] != form:
                continue
            if not _aligned(i, j, starts, ends, tokens, tok_at):
                continue
            if entry.quote and shadow[j : j + 1] not in _QUOTE_AFTER:
                continue  # 談及日本，…: a topic, not speech (邱垂正談及，…)
            found.append((i, j, entry))
            break  # the longest at this position
    found.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
    taken = [False] * (n + 1)
    out: list[Cue] = []
    for a, b, entry in found:
        if any(taken[a:b]) or skip and any(s <= a and b <= e for s, e in skip):
            continue
        for k in range(a, b):
            taken[k] = True
        if entry.kind == "mask":
            continue  # 精準打擊: a weapon's name holds 打擊 and takes no position
        out.append(Cue(a, b, entry, tok_at[a] if a < len(tok_at) else 0, entry.polarity))
    out.sort(key=lambda c: c.start)
    return out


#: what may open a clause before a modal marked "opening" (我們要…, 大家要…), shadow forms
_OPENING_SUBJECTS = frozenset({"我们", "大家", "咱们"})
_CLAUSE_OPEN = frozenset("，,：:；;。！？!?「“『（(")


def _opens_before_verb(tokens, k: int) -> bool:
    """Does token ``k`` open its clause (or follow 我們 opening it) and come before a verb?"""
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if nxt is None or not nxt.pos.startswith("v") or nxt.start != tokens[k].end:
        return False
    j = k - 1
    if j >= 0 and tokens[j].norm in _OPENING_SUBJECTS:
        j -= 1
    return j < 0 or tokens[j].norm[-1:] in _CLAUSE_OPEN


def _aligned(i: int, j: int, starts, ends, tokens, tok_at) -> bool:
    if i in starts and j in ends:
        return True
    if j - i >= 3:
        return i in starts or j in ends
    tok = tokens[tok_at[i]] if tokens else None  # inside one long compound token (公開批評, 強制遣返)
    if tok is not None and i == tok.start and j == tok.end - 1 and tok.text.endswith("性"):
        return True  # 挑釁性, 侵略性: the word and the suffix making it a quality
    return tok is not None and tok.end - tok.start >= 4 and tok.start <= i and j <= tok.end and (i in starts or j in ends)
