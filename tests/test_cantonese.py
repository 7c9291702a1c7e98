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
