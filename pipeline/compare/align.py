"""Related passages: which sentences of the other text go with each sentence of the first.

Each unit becomes a sparse vector of

* **actors** (``e:<actor key>``, weight :data:`ACTOR_WEIGHT`), from :mod:`.actors`;
* **words** (``w:<match key>``): for Chinese the English gloss of every token not inside an actor
  (plus, at half weight, the token's other dictionary senses, so 合作 meets *cooperation* as well
  as *cooperate*), for English its own words; both normalised alike — lowercase, spaCy's English
  stop list removed, :func:`pipeline.compare.lexicon.match_key` (rule-based lemma with derivations
  conflated), numbers without thousands separators.

When both texts are Chinese the tokens themselves are features too (``z:<word>``).
Features are IDF-weighted over the units of both texts and compared by cosine.  Then a monotonic
alignment (dynamic programming, like a weighted longest common subsequence: each unit pairs with at
most one unit of the other text, in order) is computed; when the texts look near-parallel — the
alignment pairs most units and mostly agrees with each unit's best raw match — the aligned pair
gets :data:`ALIGN_BONUS`, so a translation lines up one to one even where a sentence's words
alone are ambiguous; a unit the alignment skipped between two aligned neighbours gets it too for
the unit opposite the gap (:func:`fill_gaps`).  For unrelated texts (an essay against a joint statement) no bonus is given and
the raw similarity ranks.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .actors import ActorIndex

ACTOR_WEIGHT = 1.5
SENSE_WEIGHT = 0.5
ALIGN_BONUS = 0.3
_MAX_SENSES = 6


@dataclass
class Features:
    vec: dict[str, float] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)  # feature -> a readable form
    topical: set[str] = field(default_factory=set)  # word features that can name a topic (nouns)


class Featurizer:
    def __init__(self, actors: ActorIndex, glosser=None, chinese_words: bool = False):
        from .lexicon import Lexicons

        self.actors = actors
        self.glosser = glosser
        lex = Lexicons.load()
        self.stop = lex.stopwords | {w.lower() for w in getattr(glosser, "hidden", ())}
        self.cue_words = set(lex.cues)
        self.chinese_words = chinese_words  # both texts Chinese: match the words themselves too
        self._sense_memo: dict[str, list[str]] = {}

    def words(self, text: str) -> list[tuple[str, str]]:
        """(match key, word) for the content words of English text."""
        from .lexicon import content_words, match_key

        return [(match_key(w), w) for w in content_words(text, self.stop)]

    def senses(self, word: str) -> list[str]:
        """Every English sense the glossary's dictionary has for a Chinese word (may be empty)."""
        hit = self._sense_memo.get(word)
        if hit is not None:
            return hit
        out: list[str] = []
        table = getattr(self.glosser, "_cedict", None)  # the glosser's CC-CEDICT, prepared senses
        raw = table.get(word) if isinstance(table, dict) else None
        if raw:
            parts = raw.split("\t")
            senses = parts[1] if len(parts) > 1 else ""
            out = [s[1:] for s in senses.split("/") if s[:1] in ("t", "n")][:_MAX_SENSES]
        self._sense_memo[word] = out
        return out

    def features(self, rec: dict[str, Any]) -> Features:
        f = Features()
        covered: list[tuple[int, int]] = []
        for m in self.actors.mentions(rec):
            key = "e:" + m.key
            f.vec[key] = ACTOR_WEIGHT
            f.shown.setdefault(key, self.actors.name(m.key, m.form))
            covered.append((m.start, m.end))
        lang = rec.get("lang", "zh")
        for t in rec.get("tokens") or []:
            if any(a <= t.get("start", 0) and t.get("end", 0) <= b for a, b in covered):
                continue
            if lang == "en":
                for key, w in self.words(t["text"]):
                    f.vec.setdefault("w:" + key, 1.0)
                    f.shown.setdefault("w:" + key, w)
                    if not w.endswith("ly") and t.get("lemma", w) not in self.cue_words:
                        f.topical.add("w:" + key)
                continue
            gloss = t.get("gloss")
            if not gloss:
                continue
            noun = (t.get("pos") or "x")[:1] == "n" or t.get("pos") == "vn"
            if self.chinese_words and gloss.lower() not in self.stop:
                f.vec["z:" + t["text"]] = 1.0
                f.shown.setdefault("z:" + t["text"], t["text"])
            for key, w in self.words(gloss.lstrip("~")):
                f.vec["w:" + key] = 1.0
                f.shown.setdefault("w:" + key, w)
                if noun:
                    f.topical.add("w:" + key)
            for sense in self.senses(t["text"]):
                for key, w in self.words(sense):
                    if "w:" + key not in f.vec:
                        f.vec["w:" + key] = SENSE_WEIGHT
                        f.shown.setdefault("w:" + key, w)
        return f


def idf_table(*groups: list[Features]) -> dict[str, float]:
    df: Counter = Counter()
    n = 0
    for group in groups:
        for f in group:
            n += 1
            df.update(f.vec.keys())
    return {k: math.log((n + 1) / (v + 1)) + 1.0 for k, v in df.items()}


def _weighted(f: Features, idf: dict[str, float]) -> tuple[dict[str, float], float]:
    vec = {k: v * idf.get(k, 1.0) for k, v in f.vec.items()}
    return vec, math.sqrt(sum(x * x for x in vec.values())) or 1.0


def similarity_matrix(a: list[Features], b: list[Features], idf: dict[str, float]) -> list[list[float]]:
    wa = [_weighted(f, idf) for f in a]
    wb = [_weighted(f, idf) for f in b]
    out = []
    for va, na in wa:
        row = []
        for vb, nb in wb:
            small, large = (va, vb) if len(va) < len(vb) else (vb, va)
            dot = sum(x * large[k] for k, x in small.items() if k in large)
            row.append(dot / (na * nb))
        out.append(row)
    return out


def monotonic_alignment(sim: list[list[float]], floor: float = 0.05) -> list[tuple[int, int]]:
    """Pairs (i, j), increasing in both, maximising the summed similarity (pairs below ``floor``
    are never worth taking)."""
    m = len(sim)
    n = len(sim[0]) if m else 0
    dp = [[0.0] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]  # 0 diag, 1 up (skip i), 2 left (skip j)
    for i in range(1, m + 1):
        row, prev = dp[i], dp[i - 1]
        for j in range(1, n + 1):
            s = sim[i - 1][j - 1]
            best, move = prev[j], 1
            if row[j - 1] > best:
                best, move = row[j - 1], 2
            if s >= floor and prev[j - 1] + s > best:
                best, move = prev[j - 1] + s, 0
            row[j] = best
            back[i][j] = move
    pairs = []
    i, j = m, n
    while i > 0 and j > 0:
        move = back[i][j]
        if move == 0:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif move == 1:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]


def near_parallel(sim: list[list[float]], pairs: list[tuple[int, int]]) -> bool:
    """Do the texts look like translations of each other (or near-parallel versions)?"""
    m = len(sim)
    n = len(sim[0]) if m else 0
    if not pairs or min(m, n) == 0 or not 0.5 <= m / n <= 2.0:
        return False
    if len(pairs) < 0.6 * min(m, n):
        return False
    agree = 0
    for i, j in pairs:
        row_best = max(range(n), key=lambda k: sim[i][k])
        col_best = max(range(m), key=lambda k: sim[k][j])
        agree += row_best == j or col_best == i
    return agree >= 0.5 * len(pairs)


def fill_gaps(sim: list[list[float]], pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pairs for units the alignment skipped, between two aligned anchors: runs of equal length on
    both sides pair in order (a sentence whose words did not match, between two that did); a single
    unit with no free unit opposite (one sentence split in two) joins the neighbour it is more
    similar to."""
    m = len(sim)
    n = len(sim[0]) if m else 0
    anchors = [(-1, -1), *pairs, (m, n)]
    extra = []
    for (i0, j0), (i1, j1) in zip(anchors, anchors[1:]):
        gi, gj = list(range(i0 + 1, i1)), list(range(j0 + 1, j1))
        if not gi:
            continue
        if len(gi) == len(gj):
            extra += list(zip(gi, gj))
        elif len(gi) == 1 and not gj:
            near = [j for j in (j0, j1) if 0 <= j < n]
            if near:
                extra.append((gi[0], max(near, key=lambda j: sim[gi[0]][j])))
    return extra


@dataclass
class Link:
    i: int  # index in the first text's units
    j: int  # index in the other text's units
    score: float  # ranking score (similarity, plus the alignment bonus when aligned)
    similarity: float
    aligned: bool
    shared_actors: list[str]
    shared_words: list[str]


@dataclass
class Alignment:
    sim: list[list[float]]
    pairs: list[tuple[int, int]]
    parallel: bool
    ranked: list[list[Link]]  # for each unit of the first text, links best first


def align(fa: list[Features], fb: list[Features], bonus: bool = True) -> Alignment:
    idf = idf_table(fa, fb)
    sim = similarity_matrix(fa, fb, idf)
    pairs = monotonic_alignment(sim) if sim and sim[0] else []
    parallel = bonus and near_parallel(sim, pairs)
    on_path = set(pairs) | set(fill_gaps(sim, pairs)) if parallel else set()
    ranked = []
    for i, row in enumerate(sim):
        links = []
        for j, s in enumerate(row):
            aligned = (i, j) in on_path
            if s <= 0 and not aligned:
                continue
            shared = [k for k in fa[i].vec if k in fb[j].vec]
            shared.sort(key=lambda k: -idf.get(k, 1.0))
            links.append(Link(i, j, s + (ALIGN_BONUS if aligned else 0.0), s, aligned,
                              [fa[i].shown.get(k, k) for k in shared if k.startswith("e:")],
                              [fb[j].shown.get(k, k) for k in shared if not k.startswith("e:")]))
        links.sort(key=lambda l: (-l.score, l.j))
        ranked.append(links)
    return Alignment(sim, pairs, parallel, ranked)


_TERM_OK = re.compile(r"^[a-z][a-z\-]+$")


def topic_terms(fa: list[Features], fb: list[Features], top: int = 15) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """Words used at least twice in one text and never in the other, most frequent first: what one
    text talks about and the other does not.  Chinese: glosses of nouns (jieba POS n…, vn);
    English: words that are not cue words (reporting verbs, modals) or -ly adverbs."""
    ca: Counter = Counter(k for f in fa for k in f.topical)
    cb: Counter = Counter(k for f in fb for k in f.topical)
    anyb = {k for f in fb for k in f.vec}
    anya = {k for f in fa for k in f.vec}
    shown = {}
    for f in [*fa, *fb]:
        for k, s in f.shown.items():
            shown.setdefault(k, s)

    def only(c: Counter, other: set[str]) -> list[tuple[str, int]]:
        items = [(shown.get(k, k[2:]), v) for k, v in c.most_common() if v >= 2 and k not in other]
        return [(w, v) for w, v in items if _TERM_OK.match(w)][:top]

    return only(ca, anyb), only(cb, anya)
