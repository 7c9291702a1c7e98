"""Hong Kong names in Hong Kong's Cantonese spelling, and when an article is written from Hong Kong."""

from __future__ import annotations

import pytest

from pipeline.annotate import annotate_text
from pipeline.cantonese import CantoneseNames

from .test_entities import ents, one


@pytest.fixture(scope="module")
def cantonese():
    return CantoneseNames.load()


@pytest.mark.parametrize("name, english", [
    ("李家超", "Lee Ka-chiu"),
    ("曾蔭權", "Tsang Yam-kuen"),      # surname by table (曾 is not Chang)
    ("黃之鋒", "Wong Chi-fung"),
    ("曾俊華", "Tsang Chun-wah"),      # 華 is Wah
    ("鄧炳強", "Tang Ping-keung"),
    ("司徒華", "Szeto Wah"),           # two-character surname
    ("谢锋", "Tse Fung"),              # Simplified characters read the same
    ("林鄭月娥", "Lam Cheng Yuet-ngo"),  # a married woman's two surnames
    ("范徐麗泰", "Fan Tsui Lai-tai"),   # 范 as written (s2t would make it 範, no surname)
])
def test_romanize(cantonese, name, english):
    assert cantonese.romanize(name) == english


def test_hong_kong_clause(resources):
    es = ents("香港立法會議員田北辰則認為，港府應加強與東盟國家的經貿聯繫。", resources)
    e = one(es, "田北辰")
    assert (e.en, e.extra.get("reading")) == ("Tin Pak-sun", "yue")


HK_EDITORIAL = """社評：東北亞局勢何去何從
明報 2025年8月25日
立法會議員陳小明認為，各方應保持克制。外交部發言人亦表示關注，我國外交部則未回應。
"""


def test_article_from_a_hong_kong_outlet(resources):
    """明報 in the publication line: the writer is in Hong Kong, so a bare 外交部 and 我國外交部 are
    China's, and a name is read in Cantonese."""
    doc = annotate_text(HK_EDITORIAL, "hk", resources)
    assert [e.en for u in doc.units for e in u.entities if e.text == "陳小明"] == ["Chan Siu-ming"]
    assert [e.kb_id for u in doc.units for e in u.entities if e.text.endswith("外交部")] == ["cn-mfa", "cn-mfa"]


def test_the_same_article_from_taiwan(resources):
    doc = annotate_text(HK_EDITORIAL.replace("明報", "自由時報"), "tw", resources)
    assert [e.kb_id for u in doc.units for e in u.entities if e.text.endswith("外交部")] == ["tw-mofa", "tw-mofa"]


def test_cantonese_text_is_told_from_standard_chinese():
    from pipeline.cantonese import is_cantonese

    assert is_cantonese("特首李家超即日回應，話美國嘅做法係卑劣行徑，特區政府絕對唔會因此退縮。佢哋冇乜資產喺美國。")
    assert not is_cantonese("特首李家超今日回應，指美國的做法是卑劣行徑，特區政府絕對不會因此退縮。")
    assert not is_cantonese("他引述港人常說的「唔該」一詞，指出香港社會的變化，並強調政府不會退縮。")  # one word quoted


def test_cantonese_words_are_glossed_as_cantonese_only_in_cantonese(resources):
    yue = annotate_text("特區政府點樣應對制裁？\n\n特首李家超話美國嘅做法係卑劣行徑，特區政府唔會退縮。\n\n"
                        "講真，呢類制裁對官員影響有限，因為佢哋冇乜資產喺美國。\n", "yue", resources)
    gloss = {t.text: t.gloss for u in yue.units for t in u.tokens}
    assert (gloss["話"], gloss["係"], gloss["點樣"], gloss["呢"]) == ("say", "is", "how", "this")
    assert "Lee Ka-chiu" in yue.units[1].gloss_en
    std = annotate_text("美國的壓力\n\n總統的話很重要，美國的做法並不妥當，我們應該冷靜以對。\n", "std", resources)
    assert next(t.gloss for u in std.units for t in u.tokens if t.text == "話") != "say"
