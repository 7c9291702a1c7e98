"""spaCy sees exactly our tokens, sentences and entities."""

from __future__ import annotations

import spacy
from spacy.matcher import Matcher

from pipeline.model import Entity, Token, Unit
from pipeline.spacy_bridge import ZhglossTokenizer, make_nlp, to_spacy, unit_to_spacy


def test_tokenizer_reproduces_segmentation(resources):
    nlp = make_nlp(resources.segmenter)
    text = "美國國務卿 Antony Blinken 今天抵達台北，討論 2.0 版的合作。"
    doc = nlp(text)
    assert doc.text == text
    ours = [t.text for t in resources.segmenter.tokens(text)]
    assert [t.text for t in doc if not t.is_space] == ours
    assert all(t.tag_ for t in doc)


def test_matcher_on_our_tokens(resources):
    nlp = make_nlp(resources.segmenter)
    matcher = Matcher(nlp.vocab)
    matcher.add("PASS_BUDGET", [[{"TEXT": "通過"}, {"TEXT": "國防預算"}]])
    doc = nlp("立法院今天通過國防預算。")
    assert [doc[a:b].text for _, a, b in matcher(doc)] == ["通過國防預算"]


def test_tokenizer_registered_for_configs():
    from spacy.util import registry

    factory = registry.tokenizers.get("zhgloss.Tokenizer.v1")
    tok = factory()(spacy.blank("zh"))
    assert isinstance(tok, ZhglossTokenizer)


def test_unit_doc_with_entities():
    unit = Unit(0, "body", 0, 7, "川普訪問 日本。", tokens=[
        Token("川普", 0, 2, "nr"), Token("訪問", 2, 4, "v"), Token("日本", 5, 7, "ns"),
    ])
    unit.text = "川普訪問 日本"
    unit.entities = [Entity("川普", 0, 2, "PERSON", "us-trump", "Donald Trump"), Entity("日本", 5, 7, "GPE", "jp", "Japan")]
    doc = unit_to_spacy(unit, spacy.blank("zh").vocab)
    assert doc.text == unit.text
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [("川普", "PERSON", "us-trump"), ("日本", "GPE", "jp")]


def test_document_doc_text_and_sentences(seed_doc):
    doc = to_spacy(seed_doc)
    assert doc.text == seed_doc.text
    sents = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sents == [u.text for u in seed_doc.units]
