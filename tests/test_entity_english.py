"""English of linked entities: per-form English, attributive and people forms, display names,
ambiguous short forms resolved by the article's countries, English name order.

The articles are made up for these tests (none is from the seed essay or NTREX-128).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from pipeline.annotate import annotate_text
from pipeline.errors import DataError
from pipeline.kb import KnowledgeBase

ROOT = Path(__file__).resolve().parents[1]


def entities(text: str, res) -> list:
    doc = annotate_text(text, "t", res)
    return [e for u in doc.units for e in u.entities]


def first(es, text):
    hits = [e for e in es if e.text == text]
    assert hits, (text, [(e.text, e.label, e.kb_id) for e in es])
    return hits[0]


def every(es, text):
    return [e for e in es if e.text == text]


# -- the English for the form written ------------------------------------------------------------
def test_abbreviation_gets_english_abbreviation(resources):
    es = entities("歐盟外長會議昨天在布魯塞爾召開，歐洲聯盟將討論制裁。", resources)
    assert first(es, "歐盟").en == "EU" and first(es, "歐盟").kb_id == "eu"
    assert first(es, "歐洲聯盟").en == "European Union"


def test_single_character_abbreviation_is_us(resources):
    es = entities("總理下月將訪美，與美方討論關稅。", resources)
    assert [(e.kb_id, e.en) for e in every(es, "美")] == [("us", "U.S."), ("us", "U.S.")]


def test_literal_older_name(resources):
    es = entities("馬其頓與希臘達成協議，北馬其頓將加入北約。", resources)
    assert first(es, "馬其頓").en == "Macedonia" and first(es, "馬其頓").kb_id == "mk"
    assert first(es, "北馬其頓").en == "North Macedonia"


def test_display_names_not_disambiguated_titles(resources):
    es = entities("華府與北京的談判在紐約舉行，土耳其也派員出席。", resources)
    assert first(es, "華府").en == "Washington"
    assert first(es, "紐約").en == "New York"
    assert first(es, "土耳其").en == "Turkey"
    kb = resources.kb
    assert "Washington, D.C." in kb.get("city-washington-dc").en_aliases
    assert "Türkiye" in kb.get("tr").en_aliases


def test_acronym_written_in_the_text_stays(resources):
    es = entities("FBI已對此展開調查，聯邦調查局拒絕評論。", resources)
    assert first(es, "FBI").en == "FBI" and first(es, "FBI").kb_id == "us-fbi"
    assert first(es, "聯邦調查局").en == "Federal Bureau of Investigation"


# -- attributive and people forms ------------------------------------------------------------------
def test_attributive_before_title_and_group_noun(resources):
    es = entities("美國總統與英國政府官員會面，美國仍是最大的盟友，英國則保持距離。", resources)
    assert [e.en for e in every(es, "美國")] == ["U.S.", "U.S."]  # the news name, noun or attribute
    assert [e.en for e in every(es, "英國")] == ["British", "UK"]
    assert first(es, "美國").kb_id == "us"


def test_party_attributive_and_people(resources):
    es = entities("共和黨參議員表示反對，但多數共和黨人支持，民主黨則批評此案。", resources)
    rep = every(es, "共和黨")
    assert [e.en for e in rep] == ["Republican", "Republicans"]
    assert all(e.kb_id == "us-party-republican" for e in rep)
    assert first(es, "民主黨").en == "Democratic Party"


def test_people_form(resources):
    es = entities("許多美國人認為經濟正在好轉。", resources)
    assert first(es, "美國").en == "Americans"


def test_entity_without_attributive_keeps_en(resources):
    es = entities("澳洲總理表示將增加國防預算。", resources)
    assert first(es, "澳洲").en == "Australian"
    es = entities("紐西蘭總理表示將增加國防預算。", resources)
    assert first(es, "紐西蘭").en == "New Zealand"  # no attributive form in the KB


# -- ambiguous short forms: the article's countries decide ----------------------------------------
AU_ARTICLE = """工黨贏得大選

澳洲大選週六舉行，工黨在坎培拉擊敗執政聯盟。

澳洲總理表示，工黨政府將優先處理生活成本問題，澳洲選民期待改變。
"""

UK_ARTICLE = """工黨贏得大選

英國大選週四舉行，工黨在倫敦大勝保守黨。

英國首相表示，工黨政府將改革英國的公共服務。
"""


def test_labour_in_an_australian_article_is_labor(resources):
    es = entities(AU_ARTICLE, resources)
    labour = every(es, "工黨")
    assert labour and all(e.kb_id == "au-party-labor" for e in labour)  # the headline too
    assert labour[0].en == "Labor"
    assert "Labor" in {e.en for e in labour[1:]}


def test_labour_in_a_british_article_is_labour(resources):
    es = entities(UK_ARTICLE, resources)
    labour = every(es, "工黨")
    assert labour and all(e.kb_id == "gb-party-labour" for e in labour)
    assert labour[0].en == "Labour"


def test_labour_without_context_stays_unlinked(resources):
    es = entities("工黨今天召開記者會。", resources)
    e = first(es, "工黨")
    assert e.kb_id is None and e.en is None
    assert set(e.extra["candidates"]) == {"gb-party-labour", "au-party-labor"}


def test_senate_in_a_japanese_article(resources):
    es = entities("日本參議院選舉將於七月舉行，自民黨希望在參議院保住多數。石破茂表示有信心。", resources)
    senate = every(es, "參議院")
    assert senate and senate[0].kb_id == "jp-house-of-councillors" and senate[0].en == "House of Councillors"


def test_senate_in_an_american_article(resources):
    es = entities("參議院將在下週表決。川普在白宮表示，美國需要這位法官。", resources)
    e = first(es, "參議院")
    assert e.kb_id == "us-senate" and e.en == "Senate"


def test_bare_ministry_is_taiwans_unless_the_article_is_about_another_country(resources):
    es = entities("財政部今天公布台灣的出口數據。", resources)
    assert first(es, "財政部").kb_id == "tw-mof"
    es = entities("英國財政大臣表示，財政部將在倫敦公布預算，英國經濟仍然疲弱。", resources)
    e = first(es, "財政部")
    assert e.kb_id == "gb-treasury" and e.en == "Treasury"


def test_a_ministry_the_kb_lacks_is_left_unlinked(resources):
    # an article about Australia: 財政部 is neither Taiwan's ministry nor a guess among the others
    es = entities("澳洲總理艾班尼斯今天表示，工黨政府將增加國防預算，反對黨批評財政部的預測。", resources)
    e = first(es, "財政部")
    assert e.kb_id is None and "tw-mof" in e.extra["candidates"]
    assert first(es, "工黨").kb_id == "au-party-labor"


def test_taiwanese_commentary_on_china_keeps_its_own_foreign_ministry(resources):
    # 中國 is named far more often than 臺灣, yet the bare 外交部 of a Taiwanese article is Taiwan's
    es = entities("中國軍機頻繁擾台，中國官方稱這是例行演習。外交部表示將持續關注。"
                  "北京持續對臺灣施壓，中國與美國關係緊張，中國海警也在金門海域巡邏。", resources)
    assert first(es, "外交部").kb_id == "tw-mofa"
    # an explicit 中國外交部 earlier makes the later bare form China's
    es = entities("中國外交部發言人今天表示反對。外交部並呼籲美國停止對臺灣軍售。", resources)
    assert every(es, "外交部")[0].kb_id == "cn-mfa"


# -- the KB data format ---------------------------------------------------------------------------
def test_en_forms_are_loaded_and_keyed_by_shadow():
    kb = KnowledgeBase.load(cache=False)
    eu = kb.get("eu")
    assert eu.english_for("歐盟") == eu.english_for("欧盟") == "EU"
    assert eu.english_for("歐洲聯盟") == "European Union"
    us = kb.get("us")
    assert us.en_attributive == "U.S." and us.en_people == "Americans"
    assert {"United States", "U.S.", "Americans"} <= set(us.english_names())
    assert kb.get("kp").name_order == "family-first"


def test_en_forms_key_must_be_a_name_of_the_entry(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {id: jp, en_forms: {美國: America}}\n", encoding="utf-8")
    with pytest.raises(DataError, match="en_forms"):
        KnowledgeBase.load([bad], cache=False)


def test_user_file_adds_en_forms_and_name_order(tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("- {id: jp, en_forms: {日本: Nippon}, en_attributive: Japanese}\n"
                     "- {id: sg, name_order: family-first}\n", encoding="utf-8")
    kb = KnowledgeBase.load([extra], cache=False)
    assert kb.get("jp").english_for("日本") == "Nippon"
    assert kb.get("sg").name_order == "family-first"
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {id: sg, name_order: surname-last}\n", encoding="utf-8")
    with pytest.raises(DataError, match="name_order"):
        KnowledgeBase.load([bad], cache=False)


# -- the benchmark's family-name rule --------------------------------------------------------------
def test_benchmark_family_name_follows_kb_name_order(resources):
    sys.path.insert(0, str(ROOT))
    from benchmarks.ntrex_entities_en import family_first, found, norm

    kb = resources.kb
    kim = {"label": "PERSON", "kb_id": "kp-kim-jong-un", "en": "Kim Jong Un"}
    if kb.get("kp-kim-jong-un") is None:
        pytest.skip("no Kim Jong Un entry")
    assert family_first(kim, kb)
    assert found("Kim Jong Un", norm("Both Kim and Trump want a second summit."), "PERSON", True)
    trump = {"label": "PERSON", "kb_id": "us-donald-trump", "en": "Donald Trump"}
    assert not family_first(trump, kb)
    assert found("Donald Trump", norm("Trump said so."), "PERSON", False)
    assert not found("Donald Trump", norm("Donald said so."), "PERSON", False)
    ishiba = {"label": "PERSON", "kb_id": "jp-shigeru-ishiba", "en": "Shigeru Ishiba"}
    assert not family_first(ishiba, kb)  # English writes Japanese names given name first
    assert family_first({"label": "PERSON", "kb_id": None, "en": "Li Qiang", "romanized": True}, kb)


def test_our_countrys_ministry_is_the_writers_own(resources):
    """我國外交部 is the writer's own ministry even right after another country's (中國外交部):
    Taiwan's in Traditional text, China's in Simplified text."""
    trad = annotate_text("中國外交部發言人今天表示反對。我國外交部則對聲明表示歡迎。\n", "t", resources)
    simp = annotate_text("美国国务院发言人今天表示关切。我国外交部对此坚决反对。\n", "s", resources)
    ids = [e.kb_id for u in trad.units for e in u.entities if e.text.endswith("外交部")]
    assert ids == ["cn-mfa", "tw-mofa"]
    ids = [e.kb_id for u in simp.units for e in u.entities if e.text.endswith("外交部")]
    assert ids == ["cn-mfa"]


def test_bare_ministry_is_the_writers_own(resources):
    """A bare 外交部: China's in a Simplified (Mainland) article about Korea and Japan (the article
    names neither China nor Taiwan before it); 南韓外交部 is South Korea's even in an article whose
    bare 外交部 is Taiwan's."""
    simp = annotate_text("韩国总统李在明抵达东京，同日本首相石破茂举行会谈。外交部发言人毛宁表示，中方乐见其成。\n", "s", resources)
    trad = annotate_text("南韓總統李在明抵達東京，與日本首相石破茂會談。台灣的外交部表示樂見其成。南韓外交部則未回應。\n", "t", resources)
    assert [e.kb_id for u in simp.units for e in u.entities if e.text == "外交部"] == ["cn-mfa"]
    assert [e.kb_id for u in trad.units for e in u.entities if e.text.endswith("外交部")] == ["tw-mofa", "kr-mofa"]


def test_technology_companies_and_ministers(resources):
    """Chip-war commentary: companies by their Taiwan and Mainland names, ministers glossed as such."""
    doc = annotate_text("前言。\n經濟部長郭智輝表示，輝達與英偉達是同一家公司，華為與中芯國際則持續突破。\n", "t", resources)
    body = next(u for u in doc.units if u.text.startswith("經濟部長"))
    found = {e.text: (e.kb_id, e.en) for e in body.entities}
    assert found["輝達"] == found["英偉達"] == ("us-nvidia", "NVIDIA")
    assert found["華為"][0] == "cn-huawei" and found["中芯國際"] == ("cn-smic", "SMIC")
    assert found["郭智輝"] == ("tw-kuo-jyh-huei", "Kuo Jyh-huei")
    assert body.gloss_en.startswith("economy minister | Kuo Jyh-huei")


def test_hong_kong_bodies_and_a_sister_body_elsewhere(resources):
    """特區政府 and 立法會 are Hong Kong's; 澳門特區政府 is Macau's own, unlinked, in English without
    Hong Kong's name."""
    doc = annotate_text("特區政府發言人表示，立法會將審議。澳門特區政府則未回應。\n", "t", resources)
    found = [(e.text, e.kb_id, e.en, e.extra.get("country")) for u in doc.units for e in u.entities if e.label == "ORG"]
    assert found == [("特區政府", "hk-government", "Hong Kong SAR Government", None),
                     ("立法會", "hk-legco", "Legislative Council of Hong Kong", None),
                     ("特區政府", None, "SAR Government", "mo")]


def test_a_company_after_a_country_keeps_its_link(resources):
    """美國台積電 is TSMC (its US plant), not some American body: only kinds of body every country
    has (總統府, 外交部, 民主黨) become that country's own."""
    doc = annotate_text("美國台積電廠今天開工。韓國民主黨表示歡迎。\n", "t", resources)
    found = {e.text: (e.kb_id, e.extra.get("country")) for u in doc.units for e in u.entities}
    assert found["台積電"] == ("tw-tsmc", None)
    assert found["民主黨"] == (None, "kr")


def test_republic_of_china_is_named_as_written(resources):
    """中華民國 and 中華人民共和國 keep their formal English (Lai's 互不隸屬 is about the two states)."""
    from pipeline.annotate import annotate_text

    doc = annotate_text("前言。\n\n賴清德表示，中華民國與中華人民共和國互不隸屬，台灣願意與中國交流。", "x", resources)
    en = {e.text: e.en for e in doc.units[-1].entities}
    assert en["中華民國"] == "Republic of China" and en["中華人民共和國"] == "People's Republic of China"
    assert en["台灣"] == "Taiwan" and en["中國"] == "China"


def test_a_chamber_is_that_of_the_one_candidate_country_its_sentence_names(resources):
    """In an article naming the US far more often than Japan, 日本首相…在眾議院答詢 is Japan's
    House of Representatives; a sentence naming no candidate country keeps the article's."""
    text = ("美國國會通過法案\n\n美國眾議院與美國參議院本週通過法案，美國總統川普將簽署。美方表示，美國支持台灣。\n\n"
            "日本首相高市早苗本月七日在眾議院答詢。\n\n眾議院議長強生表示歡迎。\n")
    es = every(entities(text, resources), "眾議院")
    assert [e.kb_id for e in es] == ["jp-house-of-representatives", "us-house"]


def test_title_case_english_that_is_no_person(resources):
    """Capitalised English terms in brackets or before Chinese (Joint Fact Sheet, Taiwan Security
    Monitor) are no people."""
    from pipeline.annotate import annotate_text

    doc = annotate_text("前言。\n\n李在明指出，本月14日公布的韩美首脑会谈联合情况说明书（Joint Fact Sheet）是成果。"
                        "根據Taiwan Security Monitor 的對台軍售積壓追蹤，金額超過200億美元。", "t", resources)
    assert not [e.text for u in doc.units for e in u.entities if e.label == "PERSON" and e.text.isascii()]
