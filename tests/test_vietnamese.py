"""Vietnamese names in Han characters, read in their Sino-Vietnamese readings (pipeline/vietnamese.py)."""

from __future__ import annotations

import pytest

from pipeline.annotate import annotate_text
from pipeline.vietnamese import VietnameseNames, plain


@pytest.fixture(scope="module")
def names():
    return VietnameseNames.load()


@pytest.mark.parametrize("han,en", [
    ("范明政", "Pham Minh Chinh"), ("阮富仲", "Nguyen Phu Trong"), ("蘇林", "To Lam"), ("苏林", "To Lam"),
    ("潘文江", "Phan Van Giang"), ("武文賞", "Vo Van Thuong"), ("阮春福", "Nguyen Xuan Phuc"),
    ("裴青山", "Bui Thanh Son"), ("何氏美蘭", "Ha Thi My Lan"), ("鄧黎阮強", "Dang Le Nguyen Cuong"),
])
def test_names_read_as_vietnamese_write_them_in_english(names, han, en):
    assert names.romanize(han) == en


def test_diacritics_kept_on_request_and_unreadable_names_refused(names):
    assert names.vietnamese("范明政") == "Phạm Minh Chính"
    assert plain("Đặng Nguyễn") == "Dang Nguyen"
    assert names.romanize("阮") is None and names.romanize("阮a") is None


def test_the_knowledge_base_s_vietnamese_agree(names, resources):
    """Every Vietnamese person in the knowledge base is spelled as the reading gives it."""
    people = [e for e in resources.kb if e.type == "PERSON" and e.country == "vn"]
    assert people
    assert [(e.zh[0], names.romanize(e.zh[0])) for e in people] == [(e.zh[0], e.en) for e in people]


@pytest.mark.parametrize("sentence,name,en", [
    ("越南副總理陳紅河上月訪問吉隆坡。", "陳紅河", "Tran Hong Ha"),
    ("越南副總理黎明凱與美國官員會面。", "黎明凱", "Le Minh Khai"),  # jieba reads 黎明 "dawn"
    ("越南国防部长潘文江表示反对。", "潘文江", "Phan Van Giang"),
])
def test_a_vietnamese_clause_reads_the_name_in_vietnamese(resources, sentence, name, en):
    doc = annotate_text("前言。\n\n" + sentence, "v", resources)
    found = {e.text: e for e in doc.units[-1].entities}
    assert found[name].en == en and found[name].extra == {"romanized": True, "reading": "vi"}


def test_dawn_is_no_name(resources):
    doc = annotate_text("前言。\n\n越南在黎明時分發射飛彈。", "v", resources)
    assert not [e for e in doc.units[-1].entities if e.label == "PERSON"]
