"""Korean names written in hanja: their Korean reading in English, and when a name is read so."""

from __future__ import annotations

import pytest
import yaml

from pipeline.korean import KoreanNames
from pipeline.kb import KnowledgeBase

from .test_entities import ents, one


@pytest.fixture(scope="module")
def korean():
    return KoreanNames.load()


@pytest.mark.parametrize("name, english", [
    ("朴元浩", "Park Won-ho"),          # surname as Koreans spell it, given name hyphenated
    ("朴赞大", "Park Chan-dae"),        # Simplified characters read the same
    ("金寬鎮", "Kim Kwan-jin"),         # Taiwan's 鎮 has no reading of its own: Korea's 鎭 gives it
    ("金在龍", "Kim Jae-ryong"),        # 룡 inside the given name keeps its ㄹ
    ("南宮龍", "Namgung Yong"),         # two-character surname; 룡 -> 용 at the start of the given name
    ("趙兌烈", "Cho Tae-yeol"),         # 렬 -> 열 after a vowel
    ("韓民律", "Han Min-yul"),          # 률 -> 율 after ㄴ
    ("姜勋植", "Kang Hoon-sik"),
])
def test_romanize(korean, name, english):
    assert korean.romanize(name) == english


def test_not_a_name(korean):
    assert korean.romanize("李") is None  # one character
    assert korean.romanize("李abc") is None  # a character with no Korean reading


def test_agreement_with_the_knowledge_base(korean):
    """Every South Korean in the KB: the reading gives the surname they use in nearly every case
    and the whole name as they write it in about half (people choose their own spellings:
    Yoon Suk Yeol, Ban Ki-moon's Ki; the reading gives Seok-yeol, Ki)."""
    entries = [e for e in KnowledgeBase.load() if e.type == "PERSON" and e.country == "kr"]
    assert len(entries) >= 50

    def letters(name: str) -> str:
        return "".join(c for c in name.lower() if c.isalpha())

    same_surname = same_name = 0
    for e in entries:
        en = korean.romanize(e.zh[0])
        assert en is not None, e.zh[0]
        same_surname += en.split()[0] == e.en.split()[0]
        same_name += letters(en) == letters(e.en)
    assert same_surname / len(entries) >= 0.75
    assert same_name / len(entries) >= 0.4


def test_tables_are_whole():
    from importlib import resources

    data = yaml.safe_load(resources.files("pipeline").joinpath("data/korean/romanization.yaml").read_text("utf-8"))
    assert (len(data["initials"]), len(data["medials"]), len(data["finals"])) == (19, 21, 28)


# -- in the entity stage ----------------------------------------------------------------------------
def test_korean_context_reads_a_name_as_korean(resources):
    es = ents("南韓外交部發言人李在雄說，韓方將持續溝通。", resources)
    e = one(es, "李在雄")
    assert (e.en, e.extra.get("reading"), e.extra.get("romanized")) == ("Lee Jae-ung", "ko", True)
    assert one(es, "外交部").kb_id == "kr-mofa"  # the ministry of the country named right before it


def test_institution_before_a_title_makes_the_name_korean(resources):
    es = ents("首爾大學教授李大明表示，韓日關係難以改善。", resources)
    assert one(es, "李大明").en == "Lee Dae-myung"


def test_a_surname_only_koreans_bear(resources):
    es = ents("朴元浩教授指出，朴元浩的看法與王緝思不同。", resources)
    assert {e.en for e in es if e.text == "朴元浩"} == {"Park Won-ho"}


def test_the_last_country_before_the_name_decides(resources):
    es = ents("韓國外長趙顯與中國學者王小明會談。", resources)
    e = one(es, "王小明")
    assert e.en == "Wang Xiaoming" and "reading" not in e.extra  # a Chinese scholar: pinyin, not Korean


def test_korean_name_jieba_cut_short_gets_its_third_character(resources):
    es = ents("北韓外務省發言人金成南說，美國是威脅。", resources)
    assert one(es, "金成南").en == "Kim Sung-nam"


def test_korean_name_with_a_word_glued_on(resources):
    es = ents("共同民主黨黨魁朴贊大則批評日本。", resources)
    assert one(es, "朴贊大").en == "Park Chan-dae"


def test_country_named_before_a_body_the_kb_knows_only_elsewhere(resources):
    es = ents("菲律賓總統府發言人表示，將持續溝通。", resources)
    e = one(es, "總統府")
    assert (e.label, e.kb_id, e.en, e.extra.get("country")) == ("ORG", None, "Office of the President", "ph")
    es = ents("韓國總統府發言人姜勋植表示，韓方將持續溝通。", resources)  # the KB knows this one
    assert one(es, "韓國總統府").kb_id == "kr-presidential-office"
    assert one(ents("賴清德在總統府接見外賓。", resources), "總統府").kb_id == "tw-presidential-office"


def test_a_name_after_a_title_split_by_jieba_before_an_adverb(resources):
    es = ents("立法會議員田北辰則認為，港府應加強與東盟國家的經貿聯繫。", resources)
    assert one(es, "田北辰").label == "PERSON"


def test_a_posting_is_not_a_nationality(resources):
    """駐韓代表 is Taiwan's representative in Korea; 旅日學者 lives in Japan: neither is read as a
    Korean or Japanese name, nor as the country named earlier in the clause."""
    es = ents("駐韓代表處代表姚金祥指出，台韓經貿密切。", resources)
    assert "reading" not in one(es, "姚金祥").extra
    es = ents("韓國總統李在明會見旅日學者林泉忠。", resources)
    assert "reading" not in one(es, "林泉忠").extra


def test_a_korean_name_after_a_title_jieba_split_at_a_function_character(resources):
    es = ents("南韓三星電子會長李在鎔表示。", resources)
    assert one(es, "李在鎔").en == "Lee Jae-yong"


def test_a_korean_name_in_simplified_characters_and_that_party_s_leader(resources):
    """张东赫 in a Simplified article is read from its Traditional hanja (Jang Dong-hyuk, not Zhang
    Donghe), and so is the leader of 该党 (that party) when the party named before is Korean."""
    es = ents("韩国国民力量党代表张东赫表示反对。", resources)
    assert one(es, "张东赫").en == "Jang Dong-hyuk"
    es = ents("韩国最大在野党国民力量党则批评政府“亲中”。该党代表张东赫在国会发言时警告，政府不应牺牲国家安全。", resources)
    assert one(es, "张东赫").en == "Jang Dong-hyuk"
