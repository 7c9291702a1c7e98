"""Japanese names written in kanji: their Japanese reading in English, and when a name is read so."""

from __future__ import annotations

import pytest

from pipeline.japanese import JapaneseNames
from pipeline.kb import KnowledgeBase

from .test_entities import ents, one


@pytest.fixture(scope="module")
def japanese():
    return JapaneseNames.load()


@pytest.mark.parametrize("name, english", [
    ("森山裕", "Hiroshi Moriyama"),
    ("齋藤健", "Ken Saito"),            # a Traditional form (齋) and a long vowel written once
    ("村上誠一郎", "Seiichiro Murakami"),  # セー is 'sei'
    ("安倍晉三", "Shinzo Abe"),         # 晉 is Japan's 晋
    ("滨田靖一", "Seiichi Hamada"),     # Simplified 滨 is Japan's 浜 (the man is Yasukazu: a guess)
    ("麻生太郎", "Taro Aso"),           # アソウ: no doubled vowel
])
def test_english(japanese, name, english):
    assert japanese.english(name) == english


def test_not_a_japanese_name(japanese):
    assert japanese.english("陳玉明") is None
    assert japanese.english("井上") is None  # a surname alone
    assert japanese.english("鈴木馨祐") is None  # a given name read only in pieces would be wrong


def test_name_at_finds_where_the_name_ends(japanese):
    parts = japanese.name_at("森山裕指出")
    assert parts is not None and parts.length == 3


def test_agreement_with_the_knowledge_base(japanese):
    """The Japanese people of the KB: a reading for most, right letter for letter for most of
    those (given names are often ambiguous: 文雄 is Fumio, UniDic says Bunyu)."""
    entries = [e for e in KnowledgeBase.load() if e.type == "PERSON" and e.country == "jp"]
    assert len(entries) >= 80
    read = [(e, japanese.english(e.zh[0])) for e in entries]
    read = [(e, en) for e, en in read if en]
    exact = sum(en == e.en for e, en in read)
    assert len(read) / len(entries) >= 0.8
    assert exact / len(read) >= 0.8


# -- in the entity stage ----------------------------------------------------------------------------
def test_unknown_japanese_person_after_a_japanese_institution(resources):
    es = ents("東京大學教授松田康博指出，日本應謹慎。", resources)
    e = one(es, "松田康博")
    assert (e.en, e.extra.get("reading"), e.extra.get("romanized")) == ("Yasuhiro Matsuda", "ja", True)


def test_title_then_a_name_jieba_cut(resources):
    es = ents("日本防衛研究所研究員佐竹知彥表示，日方將加強與美國合作。", resources)
    assert one(es, "佐竹知彥").en == "Tomohiko Satake"
    es = ents("日本众议院议员长岛昭久表示支持。", resources)
    assert one(es, "长岛昭久").en == "Akihisa Nagashima"


def test_chinese_name_in_a_japanese_clause_stays_chinese(resources):
    es = ents("日本華僑總會會長陳玉明表示支持。", resources)
    e = one(es, "陳玉明")
    assert e.en == "Chen Yu-ming" and "reading" not in e.extra


def test_a_country_studied_is_not_the_persons(resources):
    """社科院日本研究所研究员: a Chinese researcher of Japan, read in pinyin (Lü, not Lv)."""
    es = ents("中国社会科学院日本研究所研究员吕耀东表示，日韩两国存在共同利益。", resources)
    e = one(es, "吕耀东")
    assert e.en == "Lü Yaodong" and "reading" not in e.extra


def test_a_given_name_mecab_splits_in_context(resources):
    """細谷|雄|一 in context; 雄一 alone is one given name, Yuichi."""
    es = ents("慶應大學教授細谷雄一指出，日本應謹慎。", resources)
    assert one(es, "細谷雄一").en == "Yuichi Hosoya"


def test_a_name_is_not_cut_inside_a_word(japanese, resources):
    """加藤馨祐: UniDic reads only 加藤馨 (Kaoru Kato); the name does not end there."""
    assert japanese.name_at("加藤馨祐表示").length == 3
    es = ents("日本經濟學者加藤馨祐表示，日本將加強與美國合作。", resources)
    e = one(es, "加藤馨祐")  # the whole name, though UniDic reads only 加藤馨: its surname in English
    assert (e.en, e.extra.get("reading")) == ("Kato", "ja")
    es = ents("日本學者神保謙則指出，日本應謹慎。", resources)  # jieba glued 則 to the name
    assert one(es, "神保謙").en == "Ken Jinbo"


def test_a_japanese_surname_alone(resources):
    es = ents("日本豐田汽車社長佐藤恒治說，日本將投資美國。", resources)
    # the given name's reading is UniDic's guess (he writes Koji); the surname is what matters here
    assert [e.en for e in es if e.text.startswith("佐藤")][0].endswith("Sato")


def test_a_title_only_japan_uses(resources):
    """防衛大臣 with no country named: the name after it is read as Japanese."""
    es = ents("防衛大臣佐竹知彥表示將訪台。", resources)
    assert one(es, "佐竹知彥").en == "Tomohiko Satake"
