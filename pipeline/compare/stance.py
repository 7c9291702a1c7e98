"""Stance by actor: for each actor, the sentences of a text that take a stance toward it.

Where the polarity comes from:

* a record whose ``stance`` object is filled (the Chinese stance stage, or :mod:`pipeline.english`)
  gives each target its own ``polarity``; a target is linked to its actor like any entity;
* a Chinese text whose records carry no stance at all (annotated before the stance stage existed)
  is scored the English way on its token glosses: VADER valences and the cue table applied to the
  gloss words, each actor taking the polarity of its clause
  (:func:`~pipeline.compare.lexicon.clause_polarity`; ``source: gloss-lexicon``).  The cue
  points at the Chinese token, so the report shows 威脅 *threat* as the cue.

A sentence whose holder is an actor (*Beijing condemned …*) is also listed as something the actor
*says*; it does not count toward the stance toward that actor.

Per text and actor the summary counts positive, negative and neutral sentences; the actor's
overall polarity is *positive* or *negative* when that side outweighs the other by at least a
third of its stance-bearing sentences, *mixed* when both occur otherwise, *neutral* when none is
signed.  Two texts **disagree** on an actor when one is positive and the other negative, and
**differ** when one is signed and the other neutral or mixed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .actors import ActorIndex


@dataclass
class StanceItem:
    n: int
    text: str
    gloss: str
    polarity: str
    score: float
    cues: list[str]
    holder: str
    source: str


@dataclass
class ActorStance:
    key: str
    items: list[StanceItem] = field(default_factory=list)  # sentences taking a stance toward the actor
    said: list[StanceItem] = field(default_factory=list)  # stance-bearing sentences the actor holds

    def counts(self) -> dict[str, int]:
        c = {"positive": 0, "negative": 0, "neutral": 0}
        for it in self.items:
            c[it.polarity] = c.get(it.polarity, 0) + 1
        return c

    @property
    def overall(self) -> str:
        c = self.counts()
        pos, neg = c["positive"], c["negative"]
        if not pos and not neg:
            return "neutral"
        if pos - neg >= max(1, (pos + neg) / 3):
            return "positive"
        if neg - pos >= max(1, (pos + neg) / 3):
            return "negative"
        return "mixed"


def has_stance_layer(records: list[dict[str, Any]]) -> bool:
    return any((r.get("stance") or {}).get("bearing") or (r.get("stance") or {}).get("cues") for r in records)


def gloss_stance(rec: dict[str, Any], lex) -> tuple[float, list[dict[str, Any]], list[str]]:
    """Score a Chinese record through its token glosses with the English lexicons: the score, the
    cues (offsets of the Chinese tokens) and the cues as shown (``威脅 threat (negative)``)."""
    from .lexicon import score_cues

    words = []
    for t in rec.get("tokens") or []:
        g = t.get("gloss")
        if g and not g.startswith("~"):
            for w in g.replace("-", " ").split():
                words.append((w.strip(".,;:“”\"'()"), t.get("start", 0), t.get("end", 0)))
    ents = [(e.get("start", 0), e.get("end", 0)) for e in rec.get("entities") or []]
    score, cues = score_cues([w for w in words if w[0]], lex, ents)
    tok = {(t.get("start"), t.get("end")): t.get("text", "") for t in rec.get("tokens") or []}
    shown = [f"{tok.get((c['start'], c['end']), '')} {c['text']} ({c['kind']})".strip() for c in cues]
    return score, cues, shown


def stance_by_actor(units: list[dict[str, Any]], lang: str, actors: ActorIndex, lex=None) -> tuple[dict[str, ActorStance], str]:
    """Stance items per actor key, and where the polarities came from."""
    from .lexicon import clause_polarity, polarity as to_polarity

    use_layer = lang == "en" or has_stance_layer(units)
    source = ("english-lexicon" if lang == "en" else "stance-stage") if use_layer else "gloss-lexicon"
    if not use_layer and lex is None:
        from .lexicon import Lexicons

        lex = Lexicons.load()
    out: dict[str, ActorStance] = {}
    for rec in units:
        st = rec.get("stance") or {}
        gloss = rec.get("gloss_en", "") if lang == "zh" else ""
        if use_layer:
            if not st.get("bearing"):
                continue
            holder = st.get("holder")
            holder_name = holder if isinstance(holder, str) else (holder or {}).get("en") or (holder or {}).get("text", "")
            cues = [f"{c.get('text', '')} ({c.get('kind', '')})" for c in st.get("cues") or []]
            score = float(st.get("score") or 0.0)
            tpols = {t.get("polarity", "neutral") for t in st.get("targets") or []}
            if source == "stance-stage":  # its score is a strength; the sign is in the targets
                held = tpols.pop() if len(tpols) == 1 else "mixed" if {"positive", "negative"} <= tpols else \
                    "negative" if "negative" in tpols else "positive" if "positive" in tpols else "neutral"
            else:
                held = to_polarity(score)
            if isinstance(holder, dict):
                for hkey in actors.keys_for(holder, rec):
                    said = out.setdefault(hkey, ActorStance(hkey)).said
                    if not any(it.n == rec.get("n", 0) for it in said):
                        said.append(StanceItem(rec.get("n", 0), rec.get("text", ""), gloss, held,
                                               score, cues, holder_name or "", source))
            for tgt in st.get("targets") or []:
                for key in actors.keys_for(tgt, rec):
                    item = StanceItem(rec.get("n", 0), rec.get("text", ""), gloss, tgt.get("polarity", "neutral"),
                                      score, cues, holder_name or "", source)
                    _add(out, key, item)
        else:
            score, raw_cues, cues = gloss_stance(rec, lex)
            if not cues:
                continue
            for m in actors.mentions(rec):
                pol = clause_polarity(rec.get("text", ""), raw_cues, m.start, m.end)
                _add(out, m.key, StanceItem(rec.get("n", 0), rec.get("text", ""), gloss, pol, score, cues, "AUTHOR", source))
    return out, source


def _add(out: dict[str, ActorStance], key: str, item: StanceItem) -> None:
    st = out.setdefault(key, ActorStance(key))
    if not any(it.n == item.n for it in st.items):  # one item per sentence and actor
        st.items.append(item)


def agreement(a: ActorStance | None, b: ActorStance | None) -> str:
    """``agree``, ``disagree``, ``differ`` or ``one-sided`` (only one text takes a stance)."""
    if a is None or b is None or not a.items or not b.items:
        return "one-sided"
    x, y = a.overall, b.overall
    if x == y:
        return "agree"
    if {x, y} == {"positive", "negative"}:
        return "disagree"
    return "differ"
