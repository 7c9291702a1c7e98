"""A trained spaCy NER model in the entity stage (``--ner-model``).

Its spans are added where the knowledge base and the rules found nothing (``source: "model"``);
see :mod:`pipeline.entities` for why the KB and rules win on overlap.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .entity_names import _HAN, _same_kind
from .errors import DataError
from .model import Entity, Unit

if TYPE_CHECKING:  # pragma: no cover
    from .entities import _Unit


class ModelMerge:
    """Runs the model's pipes on the unit's own tokens and merges its spans (mixed into EntityTagger)."""

    def _model(self, u: _Unit, unit: Unit) -> None:
        from .spacy_bridge import unit_to_spacy

        nlp = self.ner
        saved, unit.entities = unit.entities, []
        try:
            sdoc = unit_to_spacy(unit, nlp.vocab)
        finally:
            unit.entities = saved
        for _name, proc in nlp.pipeline:
            sdoc = proc(sdoc)
        labels = self.rules.data.get("model_labels", {}) or {}
        for span in sdoc.ents:
            label = labels.get(span.label_)
            a, b = span.start_char, span.end_char
            if not label or not u.free(a, b) or not u.text[a:b].strip():
                continue
            u.add(self._model_entity(u, a, b, label))

    def _model_entity(self, u: _Unit, a: int, b: int, label: str) -> Entity:
        """A model span: linked when the KB knows the name, else English from the dictionary
        (places, organisations) or pinyin (people), with ``romanized`` when romanised."""
        form, text = u.sh[a:b], u.text[a:b]
        ids = self.forms.get(form)
        if ids and self.kb is not None:
            entries = [e for e in map(self.kb.get, ids) if e is not None and _same_kind(e.type, label)]
            if len(entries) == 1:
                return Entity(text, a, b, label, entries[0].id, entries[0].en, "model")
        if not _HAN.search(form):
            return Entity(text, a, b, label, None, text, "model")
        if label not in ("PERSON", "DATE", "PERCENT") and self.glosser is not None:
            en = self.glosser.lookup(text, form, "nt" if label == "ORG" else "ns")
            if en and en[:1].isupper():  # a proper name in the dictionary, not a word-by-word gloss
                return Entity(text, a, b, label, None, en, "model")
        if label in ("DATE", "PERCENT"):
            return Entity(text, a, b, label, None, None, "model")
        if label == "PERSON":
            en, extra = self._person_english(u, a, b)
            return Entity(text, a, b, label, None, en, "model", extra=extra)
        return Entity(text, a, b, label, None, self._pinyin(form, person=False), "model", extra={"romanized": True})


def load_ner_model(path: Path):
    """Load a trained spaCy pipeline directory for ``--ner-model``; it must have an ``ner`` pipe."""
    try:
        import spacy
    except ImportError:  # pragma: no cover - spaCy is a dependency
        from .errors import MissingDependency

        raise MissingDependency("spacy", "--ner-model")
    if not path.is_dir() or not (path / "config.cfg").is_file():
        raise DataError("not a spaCy pipeline directory (no config.cfg)",
                        "pass the folder written by nlp.to_disk() or 'spacy train' (e.g. output/model-best)",
                        where=str(path))
    try:
        nlp = spacy.load(path)
    except (OSError, ValueError, KeyError) as exc:
        raise DataError(f"cannot load the spaCy pipeline ({exc})",
                        "check that it was trained with this spaCy version", where=str(path)) from None
    if "ner" not in nlp.pipe_names and not any(hasattr(p, "moves") for _n, p in nlp.pipeline):
        raise DataError("the spaCy pipeline has no 'ner' component",
                        "train it with an ner pipe (spacy train with a [components.ner] block)", where=str(path))
    return nlp
