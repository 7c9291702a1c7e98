"""spaCy integration: our segmentation as a spaCy tokenizer, and Documents as spaCy ``Doc`` s.

``make_nlp()`` returns ``spacy.blank("zh")`` whose tokenizer reproduces zhgloss's segmentation, so
spaCy's Matcher, EntityRuler, DocBin, displaCy and trained pipelines see exactly our tokens.  The
tokenizer is registered as ``zhgloss.Tokenizer.v1`` (an entry point) so a training config can name
it.  ``to_spacy(document)`` builds one ``Doc`` over the whole cleaned text — its ``text`` is the
cleaned text, character for character — with sentence boundaries at unit boundaries and entities as
``doc.ents``; ``unit_to_spacy`` does the same for one unit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from .model import Document, Entity, Token, Unit

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab


class ZhglossTokenizer:
    """A spaCy tokenizer that segments with :class:`pipeline.segment.Segmenter`."""

    def __init__(self, vocab: "Vocab", segmenter=None):
        self.vocab = vocab
        self._segmenter = segmenter

    @property
    def segmenter(self):
        if self._segmenter is None:
            from .resources import Resources

            self._segmenter = Resources().segmenter
        return self._segmenter

    def __call__(self, text: str) -> "Doc":
        from spacy.tokens import Doc

        tokens = self.segmenter.tokens(text)
        words, spaces, index = _words_spaces(text, [(t.start, t.end) for t in tokens])
        doc = Doc(self.vocab, words=words, spaces=spaces)
        _set_tags(doc, tokens, index)
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000):
        for text in texts:
            yield self(text)

    # Serialization: the tokenizer has no state of its own worth saving.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "ZhglossTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> "ZhglossTokenizer":
        return self


def create_tokenizer():
    """Factory referenced from a spaCy config as ``@tokenizers = "zhgloss.Tokenizer.v1"``."""

    def make(nlp: "Language") -> ZhglossTokenizer:
        return ZhglossTokenizer(nlp.vocab)

    return make


def make_nlp(segmenter=None) -> "Language":
    import spacy

    nlp = spacy.blank("zh")
    nlp.tokenizer = ZhglossTokenizer(nlp.vocab, segmenter)
    return nlp


def _words_spaces(text: str, spans: list[tuple[int, int]]) -> tuple[list[str], list[bool], list[int]]:
    """spaCy words/spaces covering ``text`` exactly; the third list maps span i → word index."""
    words: list[str] = []
    spaces: list[bool] = []
    index: list[int] = []
    pos = 0

    def gap(a: int, b: int) -> None:
        g = text[a:b]
        if not g:
            return
        if g[0] == " " and words and not spaces[-1]:
            spaces[-1] = True
            g = g[1:]
        if g:
            words.append(g)
            spaces.append(False)

    for a, b in spans:
        gap(pos, a)
        index.append(len(words))
        words.append(text[a:b])
        spaces.append(False)
        pos = b
    gap(pos, len(text))
    return words, spaces, index


def _set_tags(doc: "Doc", tokens: list[Token], word_index: list[int]) -> None:
    for tok, i in zip(tokens, word_index):
        doc[i].tag_ = tok.pos


def _ents(doc: "Doc", entities: Iterable[tuple[int, int, Entity]]) -> None:
    spans = []
    for a, b, ent in entities:
        span = doc.char_span(a, b, label=ent.label, kb_id=ent.kb_id or "", alignment_mode="strict")
        if span is None:
            span = doc.char_span(a, b, label=ent.label, kb_id=ent.kb_id or "", alignment_mode="expand")
        if span is not None:
            spans.append(span)
    from spacy.util import filter_spans

    doc.ents = filter_spans(spans)


def unit_to_spacy(unit: Unit, vocab: "Vocab") -> "Doc":
    from spacy.tokens import Doc

    words, spaces, index = _words_spaces(unit.text, [(t.start, t.end) for t in unit.tokens])
    doc = Doc(vocab, words=words, spaces=spaces)
    _set_tags(doc, unit.tokens, index)
    _ents(doc, ((e.start, e.end, e) for e in unit.entities))
    doc.user_data["zhgloss_unit_id"] = unit.id
    return doc


def to_spacy(document: Document, vocab: "Vocab | None" = None) -> "Doc":
    """One Doc over the document's cleaned text; sentences are the units."""
    from spacy.tokens import Doc

    if vocab is None:
        from spacy.vocab import Vocab

        vocab = Vocab()
    spans: list[tuple[int, int]] = []
    unit_first: list[int] = []
    all_tokens: list[Token] = []
    for unit in document.units:
        unit_first.append(len(spans))
        for t in unit.tokens:
            spans.append((unit.start + t.start, unit.start + t.end))
            all_tokens.append(t)
    words, spaces, index = _words_spaces(document.text, spans)
    starts = set()
    for k, first in enumerate(unit_first):
        if first < len(index) and (k + 1 >= len(unit_first) or unit_first[k + 1] > first):
            starts.add(index[first])
    sent_starts = [True if i == 0 or i in starts else False for i in range(len(words))]
    doc = Doc(vocab, words=words, spaces=spaces, sent_starts=sent_starts)
    _set_tags(doc, all_tokens, index)
    _ents(doc, ((u.start + e.start, u.start + e.end, e) for u in document.units for e in u.entities))
    doc.user_data["zhgloss_doc_id"] = document.doc_id
    return doc
