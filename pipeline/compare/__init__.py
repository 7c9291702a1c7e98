"""``zhgloss compare``: line up a Chinese commentary with other commentary.

The other text is English (any article: .txt, .md, .html, .pdf) or Chinese (raw, annotated on the
fly, or an annotations ``.jsonl``).  For each pair (the first text against each other one) the
comparison holds

* **actors** — entities linked across languages through the knowledge base (:mod:`.actors`);
* **stance by actor** — per shared actor, each text's polarity and the sentences that carry it, and
  whether the texts agree (:mod:`.stance`);
* **related passages** — for each sentence of the first text, the most related sentences of the
  other, with a score (:mod:`.align`);
* **coverage** — actors and topic words one text has and the other lacks.

:func:`compare_files` writes ``index.html`` (self-contained) and CSV tables (:mod:`.report`).
Library use::

    from pipeline.compare import Loader, compare
    loader = Loader()
    result = compare(loader.load(Path("annotations/x.jsonl")), loader.load(Path("other.md")), loader)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .actors import Actor, ActorIndex
from .align import Alignment, Featurizer, align, topic_terms
from .stance import ActorStance, agreement, stance_by_actor
from .texts import Loader, Text

__all__ = ["Comparison", "Loader", "Text", "compare", "compare_files"]


@dataclass
class Comparison:
    first: Text
    other: Text
    actors_first: dict[str, Actor]
    actors_other: dict[str, Actor]
    stance_first: dict[str, ActorStance]
    stance_other: dict[str, ActorStance]
    stance_source: tuple[str, str]
    alignment: Alignment
    terms_only: tuple[list[tuple[str, int]], list[tuple[str, int]]]

    @property
    def shared(self) -> list[str]:
        """Actor keys both texts mention, most mentioned first."""
        keys = [k for k in self.actors_first if k in self.actors_other]
        return sorted(keys, key=lambda k: -(self.actors_first[k].count + self.actors_other[k].count))

    def only(self, which: str) -> list[Actor]:
        mine, theirs = (self.actors_first, self.actors_other) if which == "first" else (self.actors_other, self.actors_first)
        return sorted((a for k, a in mine.items() if k not in theirs), key=lambda a: (-a.count, a.name))

    def agreement(self, key: str) -> str:
        return agreement(self.stance_first.get(key), self.stance_other.get(key))

    def unmatched(self, which: str, below: float = 0.08) -> list[int]:
        """Positions (in ``units``) of one text's sentences whose best similarity to any sentence
        of the other stays below ``below``: passages the other text has no counterpart for."""
        sim = self.alignment.sim
        if which == "first":
            return [i for i, row in enumerate(sim) if not row or max(row) < below]
        n = len(self.other.units)
        return [j for j in range(n) if not sim or max(row[j] for row in sim) < below]

    def name(self, key: str) -> str:
        a = self.actors_first.get(key) or self.actors_other.get(key)
        return a.name if a else key


def compare(first: Text, other: Text, loader: Loader | None = None) -> Comparison:
    """Compare two loaded texts (see the module docstring)."""
    loader = loader or Loader()
    res = loader.res
    index = ActorIndex(res.kb)
    feat = Featurizer(index, res.glosser, chinese_words=first.lang == other.lang == "zh")
    ua, ub = first.units, other.units
    fa = [feat.features(r) for r in ua]
    fb = [feat.features(r) for r in ub]
    sa, src_a = stance_by_actor(ua, first.lang, index)
    sb, src_b = stance_by_actor(ub, other.lang, index)
    return Comparison(first, other, index.actors(ua), index.actors(ub), sa, sb, (src_a, src_b),
                      align(fa, fb), topic_terms(fa, fb))


def compare_files(first: Path, others: list[Path], outdir: Path, loader: Loader | None = None) -> Path:
    """Load the texts, compare the first with each other one, write the report; return index.html."""
    from ..errors import InputError
    from ..records import ensure_writable_dir
    from .report import write_report

    if not others:
        raise InputError("nothing to compare with", "name at least one other article after the first", where="compare")
    loader = loader or Loader()
    ensure_writable_dir(outdir)
    a = loader.load(Path(first))
    if a.lang != "zh":
        raise InputError("the first text must be Chinese (annotations .jsonl or a Chinese article)",
                         "put the Chinese text first: zhgloss compare annotations/<doc_id>.jsonl OTHER...",
                         where=str(first))
    results = [compare(a, loader.load(Path(p)), loader) for p in others]
    return write_report(results, outdir)
