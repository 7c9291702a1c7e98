"""English words and stance cues, shared by :mod:`pipeline.english` and the comparison: the data
tables of ``pipeline/data/english/``, VADER's lexicon, the rule-based lemmatiser and the cue scorer.

* :func:`lemma` — irregular forms from ``irregular.tsv``, then inflection suffixes (-ies, -es, -s,
  -ed, -ing); :func:`match_key` goes further and conflates derivations (*cooperation*,
  *cooperate*, *cooperative*) for matching Chinese glosses with English words;
* :func:`content_words` — lowercase words without spaCy's English stop words, numbers without
  thousands separators, clitics split off;
* :func:`score_cues` — VADER valences (corrected by ``valence_overrides.tsv``) flipped by a negator
  up to three words before, plus the reporting verbs, modals and hedges of ``cues.tsv``; the score
  is VADER's ``x / sqrt(x² + 15)``; :func:`english_stance` builds a record's ``stance`` object.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DataError, MissingDependency

DATA = Path(__file__).resolve().parent.parent / "data" / "english"
ACTOR_LABELS = ("PERSON", "GPE", "LOC", "ORG", "POLICY", "EVENT", "NORP", "FAC")

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*%?")
_VOWEL = re.compile(r"[aeiouy]")
_CLITIC = re.compile(r"(?:n't|'s|'re|'ll|'ve|'d|'m)$")


# --------------------------------------------------------------------------------- data files
def read_table(name: str, columns: int) -> list[list[str]]:
    """Rows of a TAB-separated data file in ``data/english`` (``#`` comments, blank lines skipped)."""
    path = DATA / name
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataError(f"cannot read data file ({exc.strerror})", "reinstall zhgloss", where=str(path))
    for k, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) < columns:
            raise DataError(f"line {k}: expected {columns} TAB-separated columns", "fix the line", where=str(path))
        rows.append([x.strip() for x in f])
    return rows


def vader_lexicon() -> dict[str, float]:
    """VADER's word → valence table (-4..4), from the installed ``vaderSentiment`` package."""
    try:
        from importlib.resources import files

        text = files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    except (ImportError, ModuleNotFoundError, FileNotFoundError):
        raise MissingDependency("vaderSentiment", "English stance cues")
    out = {}
    for line in text.splitlines():
        f = line.split("\t")
        if len(f) >= 2:
            try:
                out[f[0]] = float(f[1])
            except ValueError:
                continue
    return out


@dataclass
class Lexicons:
    irregular: dict[str, str]
    cues: dict[str, tuple[str, str]]  # word -> (kind, polarity)
    demonyms: dict[str, str]
    capitals: dict[str, str]
    valence: dict[str, float]
    stopwords: frozenset[str]
    titles: frozenset[str] = frozenset()

    @classmethod
    def load(cls) -> "Lexicons":
        from spacy.lang.en.stop_words import STOP_WORDS

        return cls(
            irregular={f[0]: f[1] for f in read_table("irregular.tsv", 2)},
            cues={f[0]: (f[1], f[2]) for f in read_table("cues.tsv", 3)},
            demonyms={f[0]: f[1] for f in read_table("demonyms.tsv", 2)},
            capitals={f[0]: f[1] for f in read_table("capitals.tsv", 2)},
            valence={**vader_lexicon(), **{f[0]: float(f[1]) for f in read_table("valence_overrides.tsv", 2)}},
            stopwords=frozenset(STOP_WORDS) | {"'s", "’s", "s", "t", "'", "mr", "mrs", "ms"},
            titles=frozenset(f[0] for f in read_table("titles.tsv", 1)),
        )


# ------------------------------------------------------------------------------- lemmatiser
_IRREGULAR: dict[str, str] | None = None


def _irregular() -> dict[str, str]:
    global _IRREGULAR
    if _IRREGULAR is None:
        _IRREGULAR = {f[0]: f[1] for f in read_table("irregular.tsv", 2)}
    return _IRREGULAR


_LOOKUP: Any = None


def _spacy_lookup():
    """spaCy's English lemma look-up table when the ``spacy-lookups-data`` package is installed
    (it is optional and never downloaded); else empty, and the rules below do the work."""
    global _LOOKUP
    if _LOOKUP is None:
        _LOOKUP = {}
        import importlib.util

        if importlib.util.find_spec("spacy_lookups_data") is not None:
            try:
                from spacy.lookups import load_lookups

                _LOOKUP = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")  # keyed by hash; .get(str)
            except Exception:  # an incompatible version: keep the rules
                _LOOKUP = {}
    return _LOOKUP


def lemma(word: str) -> str:
    """Lemma of an English word, lowercased: irregular table, spaCy's look-up table if
    ``spacy-lookups-data`` is installed, then rules for -ies/-es/-s/-ed/-ing."""
    w = word.lower().replace("’", "'")
    irr = _irregular().get(w)
    if irr:
        return irr
    table = _spacy_lookup()
    if table:
        hit = table.get(w)
        if isinstance(hit, str) and hit:
            return hit.lower()
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ied") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "xes", "ches", "shes", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")):
        return w[:-1]
    for suf in ("ing", "ed"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            stem = w[: -len(suf)]
            if not _VOWEL.search(stem):
                return w
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                return stem[:-1]  # planned -> plan
            return stem
    return w


_DERIVATION = (("ational", "ate"), ("ative", "ate"), ("ization", "ize"), ("isation", "ize"), ("ation", "ate"), ("ition", ""),
               ("ement", ""), ("ment", ""), ("ness", ""), ("ity", ""), ("ly", ""), ("ive", ""), ("ion", ""))


def match_key(word: str) -> str:
    """A coarser key than :func:`lemma` for matching glosses with English words: derivational
    suffixes and a final -e/-ate/-ize dropped (*cooperation*, *cooperate*, *cooperative* → *cooper*)."""
    w = lemma(word)
    if not w.isalpha() or len(w) <= 4:
        return w.rstrip("e") if len(w) > 3 and w.isalpha() else w
    for suf, rep in _DERIVATION:
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            w = w[: -len(suf)] + rep
            break
    for suf in ("ate", "ize", "ise"):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            w = w[: -len(suf)]
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    if w.endswith("i") and len(w) > 4:
        w = w[:-1] + "y"
    return w


def content_words(text: str, stopwords: frozenset[str]) -> list[str]:
    """Lowercase content words of English text (numbers without thousands commas, no stopwords)."""
    out = []
    for m in _WORD.finditer(text):
        w = m.group(0).lower().strip("'’-.,")
        if not w:
            continue
        if w[0].isdigit():
            out.append(w.replace(",", "").rstrip("%."))
            continue
        for part in w.split("-"):
            part = part.replace("’", "'")
            part = _CLITIC.sub("", part)  # Russia's, weren't, they'll
            if len(part) > 1 and part not in stopwords:
                out.append(part)
    return out


# ---------------------------------------------------------------------------------- stance
def _lookup(table: dict, word: str):
    """``table[word]``, else under its lemma, else the lemma plus a lost -e (pledged → pledge)."""
    hit = table.get(word)
    if hit is None:
        base = lemma(word)
        hit = table.get(base)
        if hit is None and base != word and word.endswith(("ed", "ing")):
            hit = table.get(base + "e")
    return hit


def score_cues(words: list[tuple[str, int, int]], lex: Lexicons,
               skip: list[tuple[int, int]] = ()) -> tuple[float, list[dict[str, Any]]]:
    """Sentiment score of a word sequence and its cues.  ``words`` are (word, start, end); words
    inside a ``skip`` span (names: *United* States, Security *Council*) are not cues."""
    total = 0.0
    if skip:
        words = [w for w in words if not any(a <= w[1] and w[2] <= b for a, b in skip)]
    cues: list[dict[str, Any]] = []
    lowered = [w.lower().replace("’", "'") for w, _a, _b in words]
    for i, (w, a, b) in enumerate(words):
        low = lowered[i]
        cue = _lookup(lex.cues, low)
        val = _lookup(lex.valence, low)
        if cue is not None and cue[0] != "negation":
            cues.append({"text": w, "start": a, "end": b, "kind": cue[0]})
            if cue[0] == "report" and cue[1] in "+-" and val is None:
                val = 1.5 if cue[1] == "+" else -1.5
        if not val or low in lex.stopwords and cue is None or cue is not None and cue[0] == "negation":
            continue  # a negator flips the next sentiment word; it is not negative itself ("no change")
        if any(lex.cues.get(x, ("",))[0] == "negation" for x in lowered[max(0, i - 3): i]):
            val *= -0.74  # VADER's negation factor
        total += val
        cues.append({"text": w, "start": a, "end": b, "kind": "positive" if val > 0 else "negative", "valence": round(val, 2)})
    score = total / math.sqrt(total * total + 15) if total else 0.0
    return round(score, 4), cues


_QUOTE_BEFORE = re.compile(r"""[,.!?]?["”]\s*$""")


def _subject_gap(between: str) -> bool:
    """Can an actor followed by ``between`` be the subject of the next word?  ("Beijing | condemned",
    "China's foreign ministry | said", "The United States unequivocally | reaffirms"; not across
    a comma or more than three words.)"""
    return not re.search(r"[,;:()]", between) and len(between.split()) <= 3


def polarity(score: float) -> str:
    return "positive" if score > 0.05 else "negative" if score < -0.05 else "neutral"


#: Marks that end a clause, in English and Chinese (、 separates clauses as well as list items).
CLAUSE_MARKS = ",;:，；：、"


#: a preposition right before a name, marking what a negative word is aimed at (threat to, aggression against)
_PATIENT_BEFORE = re.compile(r"\s(?:to|against|toward|towards|on)\s+(?:the\s+)?$")


def clause_polarity(text: str, cues: list[dict[str, Any]], start: int, end: int) -> str:
    """Polarity for an actor at ``text[start:end]``: the valence cues of its own clause, else of the
    first following clause that has any (list items share the predicate that follows them:
    "Japan, Korea, and the US are determined"), else neutral — never an earlier clause's, so in
    "as China expands its threat, the US moves its focus" the US is not negative."""
    m = _PATIENT_BEFORE.search(text, max(0, start - 40), start)
    if m is not None and any(c.get("valence", 0) < 0 and 0 <= m.start() - c["end"] <= 2 for c in cues):
        return "neutral"  # a threat to Taiwan, aggression against Ukraine: what is done to it, not its doing
    a = max(text.rfind(ch, 0, start) for ch in CLAUSE_MARKS) + 1
    while a < len(text):
        ends = [k for k in (text.find(ch, max(a, end)) for ch in CLAUSE_MARKS) if k >= 0]
        b = min(ends) if ends else len(text)
        vals = [c["valence"] for c in cues if "valence" in c and a <= c["start"] < b]
        if vals:
            x = sum(vals)
            return polarity(x / math.sqrt(x * x + 15))
        a = b + 1
    return "neutral"


def english_stance(text: str, entities: list[dict[str, Any]], lex: Lexicons,
                   words: list[tuple[str, int, int]] | None = None) -> dict[str, Any]:
    """The stance object of one English sentence (same shape as the Chinese records')."""
    if words is None:
        words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
    score, cues = score_cues(words, lex, [(e["start"], e["end"]) for e in entities])
    actors = [e for e in entities if e.get("label") in ACTOR_LABELS]
    holder: Any = "AUTHOR"
    report = next((c for c in cues if c["kind"] == "report"), None)
    if report is not None:
        before = [e for e in actors if e["end"] <= report["start"] and e.get("label") in ("PERSON", "ORG", "GPE")
                  and _subject_gap(text[e["end"]: report["start"]])]
        # "…," said a State Department spokesperson: after a quotation the speaker follows the verb
        after = [e for e in actors if e["start"] >= report["end"] and e.get("label") in ("PERSON", "ORG", "GPE")
                 and _subject_gap(text[report["end"]: e["start"]])] if _QUOTE_BEFORE.search(text, 0, report["start"]) else []
        if before or after:
            h = before[-1] if before else after[0]
            holder = {"text": h["text"], "kb_id": h.get("kb_id"), "en": h.get("en")}
    targets = []
    for e in actors:
        if isinstance(holder, dict) and e["text"] == holder["text"]:
            continue
        targets.append({"text": e["text"], "kb_id": e.get("kb_id"), "en": e.get("en"),
                        "polarity": clause_polarity(text, cues, e["start"], e["end"])})
    bearing = any(c["kind"] in ("positive", "negative", "report") for c in cues)
    types = sorted({"evaluation" if c["kind"] in ("positive", "negative") else c["kind"] for c in cues})
    return {"bearing": bearing, "types": types, "holder": holder if bearing else None,
            "targets": targets if bearing else [], "cues": cues, "score": score}
