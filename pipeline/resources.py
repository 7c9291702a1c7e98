"""Everything the stages load from disk, loaded once and shared: segmenter, knowledge base,
dictionaries.  Nothing is read at import time; each resource loads on first use."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path


@dataclass
class Options:
    """User choices that change what the stages load."""

    user_dicts: tuple[Path, ...] = ()  # extra jieba user dictionaries
    glossaries: tuple[Path, ...] = ()  # extra glossaries (TSV: headword, gloss[, POS tags])
    kb_files: tuple[Path, ...] = ()  # extra knowledge-base YAML files
    max_bytes: int = 50 * 1024 * 1024
    ner_model: Path | None = None  # a trained spaCy NER pipeline directory (--ner-model)
    stance_model: Path | None = None  # a trained spaCy textcat with a BEARING label (--stance-model)
    translate: str = "none"  # translation backend spec (--translate): none, openai:URL[#MODEL], argos:PATH
    extra: dict = field(default_factory=dict)


class Resources:
    def __init__(self, options: Options | None = None):
        self.options = options or Options()

    @cached_property
    def kb(self):
        """The bilingual knowledge base, or None while the package ships none."""
        try:
            from .kb import KnowledgeBase
        except ImportError:
            return None
        return KnowledgeBase.load(self.options.kb_files)

    @cached_property
    def ner(self):
        """The spaCy pipeline of ``options.ner_model``, or None when no model is configured."""
        if self.options.ner_model is None:
            return None
        from .entities import load_ner_model

        return load_ner_model(Path(self.options.ner_model))

    @cached_property
    def stance_lexicon(self):
        """The stance lexicons of ``pipeline/data/stance/``, indexed by their Simplified forms."""
        from .stance import Lexicon

        return Lexicon.load(self.segmenter.shadow)

    @cached_property
    def stance_model(self):
        """The stance classifier of ``options.stance_model``, or None when no model is configured."""
        if self.options.stance_model is None:
            return None
        from .stance import StanceModel

        return StanceModel.load(Path(self.options.stance_model))

    @cached_property
    def translator(self):
        """The translation backend of ``options.translate`` (cached per text), or None for ``none``."""
        from .translate import load_translator

        return load_translator(self.options.translate)

    @cached_property
    def glosser(self):
        from .gloss import Glosser

        return Glosser.load(self.options.glossaries)

    @cached_property
    def segmenter(self):
        from .segment import Segmenter, UserWord, load_user_dict

        words = load_user_dict()
        for path in self.options.user_dicts:
            words += load_user_dict(path)
        if self.kb is not None:
            words += [UserWord(form, None, tag) for form, tag in kb_user_words(self.kb)]
        from .gloss import glossary_headwords

        words += [UserWord(w, if_absent=True) for w in glossary_headwords(self.options.glossaries)]
        from .stance_lexicon import cue_words

        words += [UserWord(w, None, "v", if_absent=True) for w in cue_words()]  # not a guessed tag (大讚 as a name)
        return Segmenter(words)


_TYPE_TAGS = {"PERSON": "nr", "GPE": "ns", "LOC": "ns", "ORG": "nt", "POLICY": "nz", "EVENT": "nz"}


def kb_user_words(kb) -> list[tuple[str, str]]:
    """(shadow form, POS tag) for every knowledge-base name of two or more characters."""
    out = []
    for form, ids in kb.forms().items():
        if len(form) < 2:
            continue
        entry = kb.get(ids[0])
        out.append((form, _TYPE_TAGS.get(entry.type, "nz")))
    return out
