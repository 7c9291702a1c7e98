"""The entity stage: KB names, clusters, unknown names, short references, dates, percents, NER merge.

Every rule family is tested on sentences that are *not* in the seed essay; the seed test at the end
checks the essay's clusters and people in every sentence where they occur.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.annotate import annotate_text
from pipeline.resources import Options, Resources

DATA = Path(__file__).resolve().parent / "data"


def ents(text: str, res) -> list:
    """All entities of a short text, as (text, label, kb_id, en) plus the entity objects."""
    doc = annotate_text(text, "t", res)
    out = []
    for u in doc.units:
        for e in u.entities:
            out.append(e)
        for e in u.entities:  # every entity is whole tokens
            starts = {t.start for t in u.tokens}
            ends = {t.end for t in u.tokens}
            assert e.start in starts and e.end in ends, (e, [t.text for t in u.tokens])
    return out


def find(es, text):
    return [e for e in es if e.text == text]


def one(es, text):
    hits = find(es, text)
    assert len(hits) == 1, (text, [(e.text, e.label) for e in es])
    return hits[0]


@pytest.fixture(scope="module")
def res_fixture_kb():
    return Resources(Options(kb_files=(DATA / "entities_kb.yaml",)))


# -- knowledge base ---------------------------------------------------------------------------------
def test_kb_longest_match_wins(resources):
    es = ents("美國國務院發言人表示，雙方將繼續對話。", resources)
    e = one(es, "美國國務院")
    assert e.label == "ORG" and e.kb_id == "us-state-department" and e.source == "kb"
    assert not find(es, "美國")


def test_simplified_input_links_to_same_id(resources):
    trad = one(ents("川普表示將提高關稅。", resources), "川普")
    simp = one(ents("特朗普表示将提高关税。", resources), "特朗普")
    assert trad.kb_id == simp.kb_id == "us-donald-trump"
    assert simp.en == "Donald Trump"


def test_names_do_not_fire_inside_ordinary_words(resources):
    es = ents("他們在市中心見面，過著美好的生活，韓流席捲全球。這是合法國家的做法。", resources)
    assert [e.text for e in es] == []


def test_country_inside_nationality_word_is_tagged(resources):
    # documented decision: 日本 in 日本人 is the country (GPE); 人 stays outside the entity
    e = one(ents("許多日本人赴海外旅遊。", resources), "日本")
    assert e.kb_id == "jp"


def test_ambiguous_form_null_then_resolved_by_country(res_fixture_kb):
    e = one(ents("陳偉表示反對。", res_fixture_kb), "陳偉")
    assert e.label == "PERSON" and e.kb_id is None
    assert sorted(e.extra["candidates"]) == ["test-chen-wei-cn", "test-chen-wei-tw"]
    es = ents("臺灣的立法院開會。陳偉表示反對。", res_fixture_kb)
    assert one(es, "陳偉").kb_id == "test-chen-wei-tw"


# -- country clusters ---------------------------------------------------------------------------------
CLUSTERS = {
    "美日韓": ["us", "jp", "kr"], "美日印澳": ["us", "jp", "in", "au"], "澳英美": ["au", "gb", "us"],
    "日韓澳紐": ["jp", "kr", "au", "nz"], "美日菲": ["us", "jp", "ph"], "美日": ["us", "jp"],
    "日中": ["jp", "cn"], "中日": ["cn", "jp"], "日韓": ["jp", "kr"], "美中": ["us", "cn"],
    "韓美": ["kr", "us"], "中日韓": ["cn", "jp", "kr"], "日美": ["jp", "us"],
}


@pytest.mark.parametrize("sentence,cluster", [
    ("美日韓三國外長在紐約會晤。", "美日韓"),
    ("美日印澳領袖峰會將於明年舉行。", "美日印澳"),
    ("澳英美三國宣布新的潛艦計畫。", "澳英美"),
    ("日韓澳紐四國領袖再度受邀。", "日韓澳紐"),
    ("美日菲海上演習今天登場。", "美日菲"),
    ("美日領袖發表共同聲明。", "美日"),
    ("日中兩國外長通電話。", "日中"),
    ("中日關係持續緊張。", "中日"),
    ("日韓兩國領袖會談。", "日韓"),
    ("日韓國內政局動盪。", "日韓"),
    ("美中貿易談判破局。", "美中"),
    ("韓美聯合軍演將擴大。", "韓美"),
    ("中日韓自由貿易協定談判重啟。", "中日韓"),
    ("他被視為親美日派的代表。", "美日"),
    ("雙方領袖重申韓美、美日合作。", "韓美"),
])
def test_clusters_expand(resources, sentence, cluster):
    e = one(ents(sentence, resources), cluster)
    assert e.label == "GPE" and e.kb_id is None
    assert [m["kb_id"] for m in e.members] == CLUSTERS[cluster]
    assert all(m["en"] for m in e.members)
    assert "–" in e.en


@pytest.mark.parametrize("sentence,name,label,members", [
    # a named treaty relationship stays one POLICY and lists its countries (documented decision)
    ("兩國重申日美同盟的重要性。", "日美同盟", "POLICY", ["jp", "us"]),
    ("外界質疑美日安保的效力。", "美日安保", "POLICY", ["us", "jp"]),
    # a cluster before an event name joins it
    ("中美貿易戰持續升溫。", "中美貿易戰", "EVENT", ["cn", "us"]),
    # named clusters without abbreviation characters
    ("兩韓之間的關係改善。", "兩韓", "GPE", ["kp", "kr"]),
    ("南北韓之間的關係改善。", "南北韓", "GPE", ["kr", "kp"]),
])
def test_cluster_inside_names(resources, sentence, name, label, members):
    e = one(ents(sentence, resources), name)
    assert e.label == label and [m["kb_id"] for m in e.members] == members


def test_cluster_split_from_organisation(resources):
    es = ents("美日印澳四方安全對話今年在東京舉行。", resources)
    assert [m["kb_id"] for m in one(es, "美日印澳").members] == ["us", "jp", "in", "au"]
    assert one(es, "四方安全對話").kb_id == "org-quad"


def test_cluster_english(resources):
    e = one(ents("美日韓三方峰會落幕。", resources), "美日韓")
    assert e.en == "US–Japan–South Korea"


@pytest.mark.parametrize("sentence", [
    "日本經濟持續成長。", "這是美好的一天。", "市中心人潮洶湧。", "韓流在亞洲很受歡迎。",
    "中國經濟放緩。", "美國大選即將登場。", "今日美國報導了這則新聞。", "以朝努力的方向前進。",
    "政府將加以檢討。", "日新月異的科技。",
])
def test_no_cluster_inside_ordinary_words(resources, sentence):
    assert [e.text for e in ents(sentence, resources) if e.members] == []


def test_single_abbreviation_only_after_a_verb(resources):
    es = ents("外相下月訪日，並計劃赴美，加強對中關係；中方表示歡迎。", resources)
    assert one(es, "日").kb_id == "jp"
    assert one(es, "美").kb_id == "us"
    assert [e.kb_id for e in es if e.text == "中"] == ["cn", "cn"]  # 對中, and 中 of 中方 (方 outside)
    assert not [e for e in ents("他在一次媒體採訪中表示，高中派對中很吵。", resources) if e.text == "中"]


# -- unknown names -------------------------------------------------------------------------------------
def test_person_after_title_is_romanised(resources):
    es = ents("外交部發言人林志明表示，雙方將持續溝通。", resources)
    e = one(es, "林志明")
    assert e.label == "PERSON" and e.kb_id is None and e.source == "rule"
    assert e.en == "Lin Chih-ming" and e.extra["romanized"] is True  # as Taiwan writes names in English


def test_mainland_names_are_romanised_in_pinyin(resources):
    e = one(ents("外交部发言人林志明表示，双方将持续沟通。", resources), "林志明")
    assert e.en == "Lin Zhiming" and e.extra["romanized"] is True


def test_person_before_speech_verb_and_title_rules_are_conservative(resources):
    assert not [e for e in ents("他的顧客很多，洪水也帶來危險。", resources) if e.label == "PERSON"]


def test_title_rule_skips_common_words_and_glued_prepositions(resources):
    # 保守派 (conservatives) and 對梅 (to May) are tagged nr by jieba, right next to a title
    for text in ("她擔心保守派法官的裁決。", "在對梅首相發出的明確訊息中，她還提到承諾。"):
        assert not [e for e in ents(text, resources) if e.label == "PERSON"], text
    assert one(ents("外交部發言人毛寧表示反對。", resources), "毛寧").label == "PERSON"


def test_transliterated_name_and_its_short_reference(resources):
    es = ents("美國參議員伊莉莎白·華倫表示反對。華倫隨後離開會場。", resources)
    full = one(es, "伊莉莎白·華倫")
    assert full.label == "PERSON" and full.kb_id is None and full.extra["romanized"] is True
    assert full.en == "Elizabeth Hualun"  # 伊莉莎白 is Elizabeth in the dictionary; 華倫 only pinyin
    short = one(es, "華倫")
    assert short.en == full.en and short.extra.get("short_ref")


def test_transliterated_name_known_to_kb(resources):
    e = one(ents("美國總統唐納·川普發表演說。", resources), "唐納·川普")
    assert e.kb_id == "us-donald-trump"


def test_latin_acronyms(resources):
    es = ents("緬甸的NLD與USDP都參加了選舉，AUKUS 也表示關注，GDP 則下滑。", resources)
    assert one(es, "NLD").label == "ORG" and one(es, "NLD").en == "NLD"
    assert one(es, "USDP").kb_id is None
    assert one(es, "AUKUS").kb_id == "org-aukus"
    assert not find(es, "GDP")


def test_dictionary_places_and_stop_lists(resources):
    es = ents("颶風為鹽湖城帶來暴雨，距離海岸約 40 英里。", resources)
    assert one(es, "鹽湖城").label == "GPE" and one(es, "鹽湖城").en == "Salt Lake City"
    assert not find(es, "英里")


# -- short references -----------------------------------------------------------------------------------
def test_short_reference_after_full_name(res_fixture_kb):
    es = ents("星野健太出席會議。星野隨後表示支持。", res_fixture_kb)
    assert one(es, "星野健太").kb_id == "test-hoshino-kenta"
    ref = one(es, "星野")
    assert ref.kb_id == "test-hoshino-kenta" and ref.en == "Kenta Hoshino"


def test_one_character_surname_needs_earlier_name_and_a_follower(resources):
    es = ents("尹錫悅發表談話。尹政府隨即回應。", resources)
    assert one(es, "尹").kb_id == "kr-yoon-suk-yeol"
    assert not find(ents("尹政府隨即回應。", resources), "尹")


def test_surname_of_western_name_is_not_a_reference(resources):
    es = ents("德國總理梅克爾抵達倫敦。梅首相隨即與她會面。", resources)
    assert not [e for e in es if e.text == "梅" and e.kb_id and "merkel" in e.kb_id]


# -- dates and percents --------------------------------------------------------------------------------
@pytest.mark.parametrize("text,span,value", [
    ("早在 2012 年就提出。", "2012 年", "2012"),
    ("預計於 2025 年 2、3 月間訪問。", "2025 年 2、3 月", "2025-02/2025-03"),
    ("自去（2023）年開始。", "去（2023）年", "2023"),
    ("2023 年 5 月 20 日就職。", "2023 年 5 月 20 日", "2023-05-20"),
    ("民國113年5月20日就職。", "民國113年5月20日", "2024-05-20"),
    ("1990 年代的政治。", "1990 年代", "1990s"),
    ("2020–2024 年間。", "2020–2024 年", "2020/2024"),
])
def test_dates(resources, text, span, value):
    e = one(ents(text, resources), span)
    assert e.label == "DATE" and e.extra["value"] == value and e.source == "rule"


@pytest.mark.parametrize("text,span,extra", [
    ("他們在 7 年前見過面。", "7 年前", {"value": "P7Y", "mod": "BEFORE"}),
    ("過去五個月的談判。", "過去五個月", {"value": "P5M", "mod": "PAST"}),
    ("三個多月以來。", "三個多月", {"value": "P3M", "mod": "MORE_THAN"}),
    ("上星期三發表談話。", "上星期三", {"value": "XXXX-WXX-3", "relative": "-1W"}),
    ("預計下個月訪問。", "下個月", {"value": "XXXX-XX", "relative": "+1M"}),
    ("他禮拜六抵達。", "禮拜六", {"value": "XXXX-WXX-6"}),
    ("雙方在 9 月中會面。", "9 月中", {"value": "XXXX-09", "mod": "MID"}),
    ("5% 至 10% 的關稅。", "5% 至 10%", {"value": 0.05, "max": 0.1}),
    ("第七艦隊今日表示。", "今日", {"value": "XXXX-XX-XX", "relative": "+0D"}),  # the formal 今日, 昨日
    ("李家超昨日出席會議。", "昨日", {"value": "XXXX-XX-XX", "relative": "-1D"}),
])
def test_relative_dates_durations_and_ranges(resources, text, span, extra):
    e = one(ents(text, resources), span)
    assert e.extra == extra


@pytest.mark.parametrize("text,span,value,en", [
    ("菲律賓總統19日在馬尼拉表示。", "19日", "XXXX-XX-19", "the 19th"),
    ("演習於 4 月 1 日至 2 日舉行。", "4 月 1 日至 2 日", "XXXX-04-01/XXXX-04-02", "April 1–2"),
    ("2025 年 4 月 1 日至 2 日舉行。", "2025 年 4 月 1 日至 2 日", "2025-04-01/2025-04-02", "April 1–2, 2025"),
    ("會議將於 1日至3日 舉行。", "1日至3日", "XXXX-XX-01/XXXX-XX-03", "the 1st–3rd"),
])
def test_day_of_the_month(resources, text, span, value, en):
    """News dates the day alone (19日 ‘on the 19th’), and a range of days."""
    e = one(ents(text, resources), span)
    assert (e.label, e.extra["value"], e.en) == ("DATE", value, en)


@pytest.mark.parametrize("text", ["五國將在 5日後 表態。", "近10日來雙方交火。", "比賽第3日。", "每1日檢查。", "在19日本企業中。",
                                  "時至今日仍未改變。", "前日本首相安倍晉三。"])
def test_numbers_of_days_are_not_dates(resources, text):
    assert not [e for e in ents(text, resources) if e.label == "DATE"]


def test_day_of_the_month_takes_the_nearest_month_of_the_article(resources):
    """19日 in an article dated 20 May is 19 May; 29日 in one dated 2 May is 29 April."""
    doc = annotate_text("菲律宾总统谈南海\n2025年05月20日 10:15　来源：联合早报\n小马科斯19日表示，将于25日访问日本。\n", "z", resources)
    dates = {e.text: e for u in doc.units for e in u.entities if e.label == "DATE"}
    assert (dates["19日"].extra["value"], dates["19日"].en) == ("2025-05-19", "May 19")
    assert dates["25日"].extra["value"] == "2025-05-25"
    doc = annotate_text("國防部公布\n2025-05-02 10:00 聯合報\n國防部今（2）日表示，共機29日擾台。\n", "u", resources)
    dates = {e.text: e for u in doc.units for e in u.entities if e.label == "DATE"}
    assert dates["29日"].extra["value"] == "2025-04-29"
    assert dates["今（2）日"].extra == {"value": "2025-05-02", "relative": "+0D"} and dates["今（2）日"].en == "today (May 2)"
    # a day ahead counts three times a day behind: news reports what has happened
    doc = annotate_text("中日交惡\n2025年11月29日 星期六\n外交部副部長13日召見日本大使，雙方將於30日再談。\n", "m", resources)
    dates = {e.text: e.extra["value"] for u in doc.units for e in u.entities if e.label == "DATE"}
    assert (dates["13日"], dates["30日"]) == ("2025-11-13", "2025-11-30")


def test_year_election_is_an_event(resources):
    es = ents("執政黨在 2022 年大選失去多數。", resources)
    e = one(es, "2022 年大選")
    assert e.label == "EVENT" and e.extra["value"] == "2022" and e.en == "2022 general election"
    assert one(ents("2026年地方選舉將是關鍵。", resources), "2026年地方選舉").en == "2026 local elections"
    assert not [x for x in ents("大選將至。", resources) if x.label == "EVENT"]


def test_latin_name_in_brackets_is_the_same_entity(resources):
    es = ents("北韓外相李容浩 (Ri Yong Ho) 表示，李隨後離開。", resources)
    latin = one(es, "Ri Yong Ho")
    assert latin.label == "PERSON" and latin.kb_id == one(es, "李容浩").kb_id == "kp-ri-yong-ho"
    assert one(es, "李").kb_id == "kp-ri-yong-ho"
    es = ents("參議員傑夫·弗萊克 (Jeff Flake) 表示反對。弗萊克隨後離開。", resources)
    assert one(es, "傑夫·弗萊克").en == "Jeff Flake" and "romanized" not in one(es, "傑夫·弗萊克").extra
    assert one(es, "弗萊克").en == "Jeff Flake"


def test_relative_year_uses_the_article_anchor(resources):
    es = ents("自去（2023）年開始，情勢改變。去年五月發生政變。", resources)
    assert one(es, "去年五月").extra["value"] == "2023-05"
    e = one(ents("去年五月發生政變。", resources), "去年五月")
    assert e.extra == {"value": "XXXX-05", "relative": "-1Y"}


def test_a_county_head_and_the_name_after_the_title(resources):
    """金門縣|長 is 金門|縣長 (the dictionary knows 金門縣 whole); a surname and a two-character word
    after a title are a name before an adverb, a time or what people do (多次, 昨天, 會晤)."""
    es = ents("金門縣長陳福海多次呼籲兩岸降溫。嘉義市長黃敏惠表示支持。台灣代表林信義會晤。", resources)
    assert one(es, "陳福海").en == "Chen Fu-hai" and one(es, "金門").kb_id == "prov-kinmen"
    assert one(es, "黃敏惠").label == "PERSON" and one(es, "林信義").label == "PERSON"
    assert not find(ents("部長陳述也很清楚。", resources), "陳述")


def test_wade_giles_syllables_spelled_as_in_pinyin(resources):
    """海 hai and 來 lai stay so (the converter's table had them as hei, lei)."""
    es = ents("市長王福海表示。議員李來希說。", resources)
    assert (one(es, "王福海").en, one(es, "李來希").en) == ("Wang Fu-hai", "Li Lai-hsi")


def test_a_court_named_by_its_place(resources):
    assert one(ents("台南地方法院去年判處王姓船長徒刑。", resources), "台南地方法院").en == "Tainan District Court"


def test_a_country_after_a_travel_verb_then_another_country(resources):
    """赴日中國旅客: 赴|日 and 中國, not the pair 日中."""
    es = ents("今年前9個月赴日中國旅客超過700萬人次。", resources)
    assert (one(es, "日").kb_id, one(es, "中國").kb_id) == ("jp", "cn") and not find(es, "日中")


def test_the_sender_of_an_ambassador_is_his_country(resources):
    """日本駐中國大使金杉憲治: a Japanese name, read as one."""
    assert one(ents("中國外交部召見日本駐中國大使金杉憲治。", resources), "金杉憲治").en == "Kenji Kanasugi"


def test_surnames_that_are_words_only_in_bylines(resources):
    """區 begins a name in a byline (撰文：區家明), not in a sentence (主教區委派的人士)."""
    doc = annotate_text("中美休戰只有一年期限\n撰文：區家明\n另一些為由主教區委派的人士。\n", "hk", resources)
    people = [e.text for u in doc.units for e in u.entities if e.label == "PERSON"]
    assert people == ["區家明"] and doc.meta["author"] == "區家明"


def test_japanese_era_years(resources):
    es = ents("令和7年10月，高市早苗勝出。自平成11年以來的合作，依平成27年通過的法制。令和元年開始。", resources)
    assert [(e.text, e.extra.get("value")) for e in es if e.label == "DATE"] == [
        ("令和7年10月", "2025-10"), ("平成11年", "1999"), ("平成27年", "2015"), ("令和元年", "2019")]


def test_credits_sections_and_a_japanese_writer(resources):
    """A photographer before the agency is a person; a page's sections joined by ・ are no
    transliterated name; 作者：中村雅人 is read as a Japanese name."""
    doc = annotate_text("nippon.com 中文版｜政治・外交｜評論\n\n高市政權的安保轉向\n\n作者：中村雅人（東京大學教授）\n\n"
                        "圖片來源：Evelyn Hockstein/REUTERS\n\n高市早苗在外交上的轉向，引發政治與外交的討論。\n", "jp", resources)
    people = {e.text: e for u in doc.units for e in u.entities if e.label == "PERSON"}
    assert people["中村雅人"].en == "Masato Nakamura" and doc.meta["author"] == "中村雅人"
    assert people["Evelyn Hockstein"].extra.get("credit") == "photo"
    assert not any("・" in name or name in ("外交", "政治") for name in people)
    assert doc.units[0].kind == "publication"


def test_the_chair_of_a_record_by_surname_title_and_given_name(resources):
    """主席（陳委員冠廷）： and 主席 陳召集委員冠廷 name the chair; 台灣之盾 is T-Dome."""
    es = ents("主席（陳委員冠廷）：現在開會。", resources)
    assert one(es, "陳委員冠廷").en == "Chen Kuan-ting"
    assert one(ents("國防部將建構「台灣之盾」（T-Dome）防空系統。", resources), "台灣之盾").kb_id == "policy-t-dome"


def test_day_after_tomorrow_in_a_dated_article(resources):
    doc = annotate_text("2025年11月20日\n今天巡一圈就走，明天登檢漁船，後天就要求我方船舶接受檢查。\n", res=resources)
    dates = {e.text: e.en for u in doc.units for e in u.entities if e.label == "DATE"}
    assert dates["後天"] == "the day after tomorrow (November 22)"
    assert dates["明天"] == "tomorrow (November 21)"


@pytest.mark.parametrize("text,span,value", [
    ("支持度達 63.5%。", "63.5%", 0.635),
    ("將近八成的民眾反對。", "八成", 0.8),
    ("約三成選民未表態。", "三成", 0.3),
    ("百分之五十的人同意。", "百分之五十", 0.5),
    ("七成五的受訪者支持。", "七成五", 0.75),
])
def test_percents(resources, text, span, value):
    e = one(ents(text, resources), span)
    assert e.label == "PERCENT" and e.extra["value"] == pytest.approx(value)


def test_not_percents(resources):
    assert not [e for e in ents("政策一成不變，他八成是忘了。", resources) if e.label == "PERCENT"]


# -- NER model merge ---------------------------------------------------------------------------------
class _StubNER:
    """A stand-in spaCy pipeline whose only pipe marks fixed character spans."""

    def __init__(self, spans):
        from spacy.vocab import Vocab

        self.vocab = Vocab()
        self.spans = spans
        self.pipeline = [("ner", self._pipe)]

    def _pipe(self, doc):
        out = []
        for a, b, label in self.spans:
            span = doc.char_span(a, b, label=label, alignment_mode="contract")
            if span is not None:
                out.append(span)
        doc.ents = out
        return doc


def test_model_spans_merge_kb_wins(resources):
    from pipeline.annotate import segment_stage
    from pipeline.entities import EntityTagger, Rules
    from pipeline.model import Document

    text = "星光研究會與美國國務院合作。"
    doc = annotate_text(text, "t", resources)  # for units
    doc = Document("t", doc.text, units=doc.units)
    segment_stage(doc, resources)
    # the model claims 星光研究會 (new) and 美國 (inside the KB's 美國國務院, longer)
    stub = _StubNER([(0, 5, "ORG"), (6, 8, "GPE"), (6, 12, "ORG")])
    rules = Rules.load(resources.segmenter.converter.convert)
    EntityTagger(resources.kb, resources.segmenter, rules, glosser=resources.glosser, ner=stub).tag(doc)
    es = doc.units[0].entities
    model = [e for e in es if e.source == "model"]
    assert [(e.text, e.label) for e in model] == [("星光研究會", "ORG")]
    assert model[0].kb_id is None and model[0].extra.get("romanized")
    assert one(es, "美國國務院").source == "kb"


def test_trained_ner_model_option(tmp_path, resources):
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Doc
    from spacy.training import Example

    spacy.util.fix_random_seed(0)
    seg = resources.segmenter
    train = ["星光研究會發表報告。", "星光研究會今天批評政府。", "學者引述星光研究會的數據。",
             "星光研究會主張加強國防。", "記者訪問星光研究會。"]
    nlp = spacy.blank("zh")
    nlp.add_pipe("ner").add_label("ORG")
    examples = []
    for text in train:
        toks = seg.tokens(text)
        doc = Doc(nlp.vocab, words=[t.text for t in toks], spaces=[False] * len(toks))
        a = text.index("星光研究會")
        examples.append(Example.from_dict(doc, {"entities": [(a, a + 5, "ORG")]}))
    opt = nlp.initialize(lambda: examples)
    for _ in range(30):
        nlp.update(examples, sgd=opt, drop=0.0)
    path = tmp_path / "ner"
    nlp.to_disk(path)

    res = Resources(Options(ner_model=path))
    res.__dict__["kb"], res.__dict__["segmenter"], res.__dict__["glosser"] = \
        resources.kb, resources.segmenter, resources.glosser  # share the loaded resources
    doc = annotate_text("星光研究會發表新報告，美國表示關注。", "t", res)
    es = doc.units[0].entities
    model = [e for e in es if e.source == "model"]
    assert [(e.text, e.label) for e in model] == [("星光研究會", "ORG")]
    assert one(es, "美國").source == "kb"


def test_ner_model_bad_path(tmp_path):
    from pipeline.errors import DataError
    from pipeline.entities import load_ner_model

    with pytest.raises(DataError) as exc:
        load_ner_model(tmp_path / "missing")
    assert "not a spaCy pipeline directory" in exc.value.line()


# -- the seed essay ---------------------------------------------------------------------------------
SEED_PEOPLE = {
    "安倍晉三": ("jp-shinzo-abe", "Shinzo Abe"), "川普": ("us-donald-trump", "Donald Trump"),
    "岩屋毅": ("jp-takeshi-iwaya", "Takeshi Iwaya"), "習近平": ("cn-xi-jinping", "Xi Jinping"),
    "王毅": ("cn-wang-yi", "Wang Yi"), "石破茂": ("jp-shigeru-ishiba", "Shigeru Ishiba"),
    "尹錫悅": ("kr-yoon-suk-yeol", "Yoon Suk Yeol"), "李在明": ("kr-lee-jae-myung", "Lee Jae-myung"),
    "田中角榮": ("jp-kakuei-tanaka", "Kakuei Tanaka"),
}
SEED_CLUSTERS = {k: v for k, v in CLUSTERS.items()}


def test_seed_clusters_expand_everywhere(seed_doc, resources):
    abbr = resources.kb.abbreviations()
    conv = resources.segmenter.converter.convert
    seen = set()
    for u in seed_doc.units:
        sh = conv(u.text)
        clusters = {(e.start, e.end): e for e in u.entities if e.members and e.label == "GPE"}
        for m in re.finditer(f"[{''.join(abbr)}]{{2,}}", sh):
            text = u.text[m.start():m.end()]
            if text not in SEED_CLUSTERS:
                continue
            seen.add(text)
            e = clusters.get(m.span())
            if e is None:  # inside a treaty name that lists its members (日美同盟, 美日安保)
                e = next((x for x in u.entities if x.start == m.start() and x.end > m.end() and x.members), None)
                assert e is not None and e.label == "POLICY", (text, u.text)
            else:
                tok = [t for t in u.tokens if (t.start, t.end) == m.span()]
                assert tok, (text, [t.text for t in u.tokens])
            assert [x["kb_id"] for x in e.members] == SEED_CLUSTERS[text]
        for e in clusters.values():  # no other clusters
            assert e.text in SEED_CLUSTERS, (e.text, u.text)
        for e in u.entities:  # members always in written order
            if e.members:
                assert [x["kb_id"] for x in e.members] == [abbr[c] for c in conv(e.text)[:len(e.members)]]
    assert seen == set(SEED_CLUSTERS)


def test_seed_people_everywhere(seed_doc):
    found = {name: 0 for name in SEED_PEOPLE}
    for u in seed_doc.units:
        by_span = {(e.start, e.end): e for e in u.entities}
        for name, (kb_id, en) in SEED_PEOPLE.items():
            for m in re.finditer(name, u.text):
                if name == "川普" and u.text[m.start() - 1:m.start()] == "·":
                    continue
                e = by_span.get(m.span())
                assert e is not None, (name, u.text, [(x.text, x.label) for x in u.entities])
                assert (e.label, e.kb_id, e.en) == ("PERSON", kb_id, en)
                assert any((t.start, t.end) == m.span() for t in u.tokens), (name, [t.text for t in u.tokens])
                found[name] += 1
    assert all(found.values()), found


def test_seed_dates_and_percents(seed_doc):
    values = {(e.text, e.label): e.extra.get("value") for u in seed_doc.units for e in u.entities
              if e.label in ("DATE", "PERCENT")}
    assert values[("去（2024）年", "DATE")] == "2024"
    assert values[("去年四月", "DATE")] == "2024-04"
    assert values[("2025 年 2、3 月", "DATE")] == "2025-02/2025-03"
    assert values[("1972 年", "DATE")] == "1972"
    assert values[("九成", "PERCENT")] == 0.9
    assert values[("88.5%", "PERCENT")] == pytest.approx(0.885)


# -- more unknown-name rules and English renderings ---------------------------------------------------
def test_latin_name_after_title_and_its_surname(resources):
    es = ents("馬其頓總理 Zoran Zaev 表示支持。Zaev 隨後離開。", resources)
    e = one(es, "Zoran Zaev")
    assert e.label == "PERSON" and e.en == "Zoran Zaev" and e.kb_id is None
    assert one(es, "Zaev").en == "Zoran Zaev"
    assert not [x for x in ents("他在 Lee 縣工作。", resources) if x.label == "PERSON"]


def test_transliteration_before_bracketed_latin_name(resources):
    es = ents("她指控福特博士 (Christine Blasey Ford) 說謊。福特隨後作證。", resources)
    assert [e.en for e in find(es, "福特")] == ["Christine Blasey Ford"] * 2  # the name, then a reference
    assert one(es, "Christine Blasey Ford").label == "PERSON"
    assert not find(es, "福特博士")


@pytest.mark.parametrize("text,span,en", [
    ("自去（2024）年開始。", "去（2024）年", "last year (2024)"),
    ("預計 2025 年 2、3 月間訪問。", "2025 年 2、3 月", "February–March 2025"),
    ("他們在 7 年前見過面。", "7 年前", "seven years ago"),
    ("19 世紀的歐洲。", "19 世紀", "the 19th century"),
    ("上星期三發表談話。", "上星期三", "last Wednesday"),
    ("甚至可能在夏天訪問。", "夏天", "summer"),
])
def test_date_english(resources, text, span, en):
    assert one(ents(text, resources), span).en == en


def test_percent_english(resources):
    es = ents("將近九成的民眾與 88.5% 的選民。", resources)
    assert one(es, "九成").en == "90%" and one(es, "88.5%").en == "88.5%"


def test_simplified_dates_and_clusters(resources):
    es = ents("去年四月，美日韩三国外长会面，将近九成民众支持。", resources)
    assert one(es, "去年四月").extra["value"] == "XXXX-04"
    assert [m["kb_id"] for m in one(es, "美日韩").members] == ["us", "jp", "kr"]
    assert one(es, "九成").extra["value"] == 0.9


def test_picture_credit_and_publication_names(resources):
    es = ents("（圖片來源：Shutterstock）", resources)
    e = one(es, "Shutterstock")
    assert e.label == "ORG" and e.en == "Shutterstock"
    doc = annotate_text("展望週刊\n\n標題在此\n\n本文討論美國政策。", "t", resources)
    pub = [u for u in doc.units if u.kind == "publication"]
    if pub:  # the structure stage decides what a publication line is
        assert [(e.text, e.label) for e in pub[0].entities] == [("展望週刊", "ORG")]


def test_seed_publication_and_credit(seed_doc):
    pub = next(u for u in seed_doc.units if u.kind == "publication")
    assert [(e.text, e.label) for e in pub.entities] == [("遠景論壇", "ORG")]
    cap = next(u for u in seed_doc.units if u.kind == "caption")
    assert [(e.text, e.label) for e in cap.entities] == [("Depositphotos", "ORG")]


def test_cli_ner_model_option(tmp_path, capsys):
    from pipeline.cli import main

    from .conftest import SEED

    rc = main(["annotate", str(SEED), "-o", str(tmp_path / "out"), "--ner-model", str(tmp_path / "nope")])
    err = capsys.readouterr().err.strip()
    assert rc == 1
    assert err == (f"Error: {tmp_path / 'nope'}: not a spaCy pipeline directory (no config.cfg) — pass the folder "
                   "written by nlp.to_disk() or 'spacy train' (e.g. output/model-best)")


def test_short_kb_name_inside_a_longer_transliteration(resources):
    assert not [e for e in ents("賈西亞贏球。", resources) if e.text == "西亞"]
    assert not [e for e in ents("萊斯莉在蘇格蘭。", resources) if e.text == "萊斯"]
    assert one(ents("中東和西亞。", resources), "西亞").label == "LOC"


def test_latin_organisations(resources):
    es = ents("根據 Des Moines Register 報導，美國 NBC 新聞也報導了。", resources)
    assert one(es, "Des Moines Register").label == "ORG"
    e = one(es, "NBC 新聞")
    assert e.label == "ORG" and e.en == "NBC News"


def test_rule_name_found_later_tags_the_headline_too(resources):
    doc = annotate_text("羅森斯坦將與川普會面\n\n美國副司法部長羅森斯坦 (Rod Rosenstein) 表示。", "t", resources)
    tagged = [(e.text, e.en) for u in doc.units for e in u.entities if e.text == "羅森斯坦"]
    assert tagged == [("羅森斯坦", "Rod Rosenstein")] * 2


def test_bracketed_english_name_corrects_the_kb_guess(resources):
    es = ents("白宮發言人桑德斯 (Sarah Sanders) 表示。桑德斯隨後離開。", resources)
    names = [(e.text, e.kb_id, e.en) for e in es if e.label == "PERSON"]
    assert names == [("桑德斯", None, "Sarah Sanders"), ("Sarah Sanders", None, "Sarah Sanders"),
                     ("桑德斯", None, "Sarah Sanders")]
    e = one(ents("參議員桑德斯 (Bernie Sanders) 表示。", resources), "桑德斯")
    assert e.kb_id == "us-bernie-sanders"


def test_unknown_place_romanised_without_its_suffix_then_named_by_the_article(resources):
    es = ents("強震襲擊帕盧市 (Palu)。帕盧市居民逃離。", resources)
    assert [(e.text, e.en, "romanized" in e.extra) for e in es if e.text == "帕盧市"] == \
        [("帕盧市", "Palu", False)] * 2


def test_one_character_surname_needs_a_verb_or_government_word_after_it(resources):
    es = ents("北韓領導人金正恩表示。金與川普會面。金、銀價格上漲。", resources)
    assert [e.text for e in es if e.kb_id == "kp-kim-jong-un"] == ["金正恩", "金"]


def test_bracketed_latin_name_completes_a_clipped_name(resources):
    """葛來|儀 (Bonnie Glaser): the Han name reaches the bracket; accented Latin names count too."""
    es = ents("前言。\n美國智庫資深顧問葛來儀（Bonnie Glaser）則認為，北京短期內不太可能動武。\n", resources)
    assert one(es, "葛來儀").en == "Bonnie Glaser" and one(es, "Bonnie Glaser").label == "PERSON"
    assert not find(es, "葛來")
    es = ents("前言。\n菲律賓國家安全顧問阿諾（Eduardo Año）在接受訪問時說。\n", resources)
    assert one(es, "阿諾").en == "Eduardo Año" and one(es, "Eduardo Año").label == "PERSON"


@pytest.mark.parametrize("sentence, name, en", [
    ("國家安全研究所助理研究員表示，情勢嚴峻。", "國家安全研究所", "National Security Institute"),
    ("台灣亞洲交流基金會執行長表示，新南向政策成果豐碩。", "台灣亞洲交流基金會", "Taiwan Asia Exchange Foundation"),
    ("美國國家科學基金會宣布新計畫。", "美國國家科學基金會", "U.S. National Science Foundation"),
])
def test_institutions_the_kb_lacks(resources, sentence, name, en):
    """Nouns before 研究所/基金會/大學 … are one ORG (a country inside it too), in English from
    the words' glosses, marked ``translated``."""
    es = ents(f"前言。\n{sentence}\n", resources)
    e = one(es, name)
    assert (e.label, e.en, e.extra.get("translated")) == ("ORG", en, True)
    assert not [x for x in es if name.startswith(x.text) and x is not e]  # 台灣, 美國 are inside it


@pytest.mark.parametrize("sentence", ["頂尖大學與知名研究院合作。", "美國大學生表示支持。", "這所大學的學生表示支持。"])
def test_descriptions_are_not_institutions(resources, sentence):
    assert not [e for e in ents(f"前言。\n{sentence}\n", resources) if e.label == "ORG"]


def test_latin_organisation_names_link_to_the_kb(resources):
    es = ents("前言。\n根據美國智庫 Pew Research Center 的民調，Brookings Institution 研究員則表示懷疑。\n", resources)
    assert one(es, "Pew Research Center").kb_id == "us-pew"
    assert one(es, "Brookings Institution").kb_id == "us-brookings"


def test_bracketed_english_replaces_a_translated_name(resources):
    es = ents("前言。\n美國國家癌症研究所（US National Cancer Institute）發表報告。\n", resources)
    assert one(es, "美國國家癌症研究所").en == "US National Cancer Institute"


@pytest.mark.parametrize("sentence, name, en", [
    ("經濟部發布《半導體產業白皮書》。", "半導體產業白皮書", "Semiconductor Industry White Paper"),
    ("立法院三讀通過《國家機密保護法》修正案。", "國家機密保護法", None),
    # a word that modifies the next (戰略 → Strategic), a cluster of countries inside
    ("北韓與俄羅斯簽署《全面戰略夥伴關係條約》。", "全面戰略夥伴關係條約", "Comprehensive Strategic Partnership Treaty"),
    ("李在明表示將延續《美日韓大衛營協議》的精神。", "美日韓大衛營協議", "US–Japan–South Korea Camp David Agreement"),
])
def test_titled_documents_are_policies(resources, sentence, name, en):
    """A title in book-title marks ending in 法/白皮書/條例 … is a named document (POLICY)."""
    e = one(ents(f"前言。\n{sentence}\n", resources), name)
    assert e.label == "POLICY" and e.kb_id is None
    assert en is None or (e.en == en and e.extra.get("translated"))


@pytest.mark.parametrize("sentence", ["他寫了《論語》的注釋。", "他閱讀《紐約時報》的報導。"])
def test_other_titles_are_not_policies(resources, sentence):
    assert not [e for e in ents(f"前言。\n{sentence}\n", resources) if e.label == "POLICY"]


def test_a_ministry_name_followed_by_zhang_is_a_title(resources):
    """美國國防部長 is 美國 + the title 國防部長, not the Department of Defense + 長; a Latin name
    right after the title (no space) is the person, linked by its English name."""
    es = ents("美國國防部長Pete Hegseth則在華府強調。", resources)
    assert [e.text for e in es][:2] == ["美國", "Pete Hegseth"]
    assert one(es, "Pete Hegseth").kb_id == "us-pete-hegseth"
    es = ents("澳洲前總理Paul Keating批評這項計畫。", resources)
    assert one(es, "Paul Keating").label == "PERSON"
    assert one(ents("國防部今天表示。", resources), "國防部").kb_id == "tw-mnd"


def test_numbers_joined_by_a_dot_are_no_name_and_verbs_take_taiwan(resources):
    """八·一七 (the communiqué of 17 August) is no transliterated name; 售台, 挺台, 犯台: Taiwan."""
    es = ents("林劍表示，美方違反「八·一七」公報。美國售台武器，中共犯台。", resources)
    assert not [e for e in es if e.text.startswith("八")]
    assert [e.kb_id for e in es if e.text == "台"] == ["tw", "tw"]
    assert one(ents("美方違反八一七公報。", resources), "八一七公報").kb_id == "policy-august-17-communique"


@pytest.mark.parametrize("text,name,en", [
    ("德國工業協會表示反對。", "德國工業協會", "Germany Industry Association"),
    ("美國公民自由聯盟提起訴訟。", "美國公民自由聯盟", "U.S. Citizen Freedom Union"),
    ("參議院司法委員會舉行聽證。", "司法委員會", "Judicial Committee"),
    ("他畢業於西維吉尼亞大學。", "西維吉尼亞大學", "West Virginia University"),
])
def test_associations_unions_and_committees_the_kb_lacks(resources, text, name, en):
    e = one(ents(text, resources), name)
    assert (e.label, e.kb_id, e.en, e.extra.get("translated")) == ("ORG", None, en, True)


@pytest.mark.parametrize("text", ["美日聯盟更加穩固。", "印太區域的安保聯盟逐步強化。", "該委員會表示將調查。", "國會委員會通過法案。"])
def test_descriptions_with_an_institution_head_are_no_names(resources, text):
    assert not [e for e in ents(text, resources) if e.label == "ORG" and e.source == "rule"]


def test_a_dateline_without_a_year_still_places_a_day(resources):
    """新华社北京11月27日电: 27日 is 27 November (year unknown), 28日 the 28th of the same month."""
    doc = annotate_text("外交部：美方应停止\n新华社北京11月27日电（记者董雪）外交部发言人27日说，美方28日的行动令人不满。\n", "x", resources)
    dates = {e.text: e.extra["value"] for u in doc.units for e in u.entities if e.label == "DATE"}
    assert dates["27日"] == "XXXX-11-27" and dates["28日"] == "XXXX-11-28"


@pytest.mark.parametrize("text,name,en", [
    ("蔣經國基金會宣布補助。", "蔣經國基金會", "Chiang Ching-kuo Foundation"),
    ("川普大學被起訴。", "川普大學", "Trump University"),
])
def test_an_institution_named_after_a_person(resources, text, name, en):
    """蔣經國|基金會: the person the institution is named after is part of its name, not a PERSON."""
    es = ents(text, resources)
    assert (one(es, name).label, one(es, name).en) == ("ORG", en) and not [e for e in es if e.label == "PERSON"]


@pytest.mark.parametrize("text,name,en", [
    ("東部戰區新聞發言人施毅宣稱演習是警告。", "施毅", "Shi Yi"),  # a PLA spokesman: pinyin in a Taiwanese article
    ("國台辦發言人陳斌華表示反對。", "陳斌華", "Chen Binhua"),
    ("民進黨立委王定宇表示支持。", "王定宇", "Wang Ting-yu"),  # a Taiwanese legislator: Taiwan's spelling
    ("在中國經商的台商王小明表示。", "王小明", "Wang Hsiao-ming"),  # in China is a posting, not a nationality
])
def test_mainland_people_in_pinyin_taiwanese_in_taiwan_s_spelling(resources, text, name, en):
    assert one(ents(text, resources), name).en == en


def test_chinese_name_before_a_bracketed_english_organisation(resources):
    """美國國防安全合作署（Defense Security Cooperation Agency，DSCA）: one ORG with the text's
    own English; a verb before it (批評) and a descriptor (智庫) stay outside."""
    es = ents("川普批評美國國防安全合作署（Defense Security Cooperation Agency，DSCA），總部位於華府的智庫全球台灣研究中心"
              "（Global Taiwan Institute）也表示關切。", resources)
    assert one(es, "美國國防安全合作署").en == "Defense Security Cooperation Agency"
    assert one(es, "美國國防安全合作署").label == "ORG" and not find(es, "美國")
    assert one(es, "全球台灣研究中心").en == "Global Taiwan Institute"
    assert one(es, "DSCA").label == "ORG"


def test_chinese_name_before_a_bracketed_english_place(resources):
    """半月暗沙（Half Moon Shoal）: a place the KB lacks is one LOC with the text's English; a
    country before a place (菲律賓|巴拉望島) stays a country of its own."""
    es = ents("中國海警船在半月暗沙（Half Moon Shoal）附近對菲律賓巴拉望島（Palawan Island）出發的船隻發射水砲。", resources)
    assert one(es, "半月暗沙").en == "Half Moon Shoal" and one(es, "半月暗沙").label == "LOC"
    assert one(es, "巴拉望島").en == "Palawan Island"
    assert one(es, "菲律賓").kb_id == "ph"


def test_a_place_or_body_named_once_with_its_english_is_found_again(resources):
    """半月暗沙 and 全球台灣研究中心, named once with their English in brackets, are the same
    entities when the article names them again (the second 全球台灣研究中心 whole, not 台灣 in it)."""
    doc = annotate_text("南海對峙\n\n中國海警船在半月暗沙（Half Moon Shoal）附近發射水砲，智庫全球台灣研究中心（Global Taiwan "
                        "Institute）表示關切。菲律賓海警指出，半月暗沙位於專屬經濟區內；全球台灣研究中心則呼籲克制。\n", "d", resources)
    later = {e.text: e for e in doc.units[-1].entities}
    assert later["半月暗沙"].en == "Half Moon Shoal" and later["半月暗沙"].label == "LOC"
    assert later["全球台灣研究中心"].en == "Global Taiwan Institute" and "台灣" not in later


def test_roman_numeral_is_no_acronym_and_a_name_after_a_title_keeps_its_first_character(resources):
    """（Pillar II）: II is a number; 參議員魏克爾（Roger Wicker）: 魏 belongs to the name."""
    es = ents("AUKUS第二支柱（Pillar II）涵蓋人工智慧。聯邦參議員魏克爾（Roger Wicker）率團訪台。", resources)
    assert not find(es, "II")
    assert one(es, "魏克爾").en == "Roger Wicker"


def test_republic_of_china_year_is_a_date(resources):
    """中華民國114年10月13日 is a date (2025-10-13); 中華民國 alone stays the country."""
    es = ents("時間：中華民國114年10月13日上午9時。中華民國是主權獨立的國家。", resources)
    assert one(es, "中華民國114年10月13日").extra["value"] == "2025-10-13"
    assert one(es, "中華民國").kb_id == "tw"


@pytest.mark.parametrize("text, span, value, en", [
    ("行政院通過115年度國防預算。", "115年度", "2026", "2026"),  # a Taiwanese fiscal year
    ("新制自114年11月起實施。", "114年11月", "2025-11", "November 2025"),  # a 民國 year before its month
    ("2025年第4季的共機擾台次數創新高。", "2025年第4季", "2025-Q4", "Q4 2025"),
    ("規劃2023至2027年度防衛費總額約43兆日圓。", "2023至2027年度", "2023/2027", "2023–2027"),  # fiscal years
])
def test_years_of_the_republic_and_quarters(resources, text, span, value, en):
    e = one(ents(text, resources), span)
    assert (e.extra["value"], e.en) == (value, en)


def test_a_hundred_years_is_no_year_of_the_republic(resources):
    assert not [e for e in ents("他活了100年，見證了百年變遷。", resources) if e.label == "DATE" and "100" in e.text]


def test_relative_months_and_weeks_placed_by_the_articles_date(resources):
    doc = annotate_text("美日會談\n2025年11月27日\n上月國防部長表示，本週三美日將舉行會談，下週一發表聲明，上星期雙方已見面。\n", "d", resources)
    got = {e.text: (e.extra["value"], e.en) for u in doc.units for e in u.entities if e.label == "DATE"}
    assert got["上月"] == ("2025-10", "last month (October 2025)")
    assert got["本週三"] == ("2025-11-26", "this Wednesday (November 26)")  # the 27th is a Thursday
    assert got["下週一"] == ("2025-12-01", "next Monday (December 1)")
    assert got["上星期"] == ("2025-W47", "last week")
    doc = annotate_text("國防預算\n2025年8月21日\n總統今天表示，昨天的會議很成功。\n", "d", resources)
    got = {e.text: (e.extra["value"], e.en) for u in doc.units for e in u.entities if e.label == "DATE"}
    assert got["今天"] == ("2025-08-21", "today (August 21)") and got["昨天"] == ("2025-08-20", "yesterday (August 20)")
    undated = {e.text: e.extra["value"] for e in ents("上月國防部長表示，本週三美日將舉行會談。", resources)}
    assert (undated["上月"], undated["本週三"]) == ("XXXX-XX", "XXXX-WXX-3")  # no date to place them by


def test_a_month_of_the_same_year(resources):
    """同年5月: May (the year is the one named before; 同年 keeps its own gloss)."""
    es = [e for e in ents("日本首相岸田文雄隨即表示歡迎，並於同年5月訪問首爾。", resources) if e.label == "DATE"]
    assert [(e.text, e.extra["value"], e.en) for e in es] == [("5月", "XXXX-05", "May")]
    es = [e for e in ents("政府明年度國防預算將達國內生產毛額的3.32%。", resources) if e.label == "DATE"]
    assert [(e.text, e.en) for e in es] == [("明年度", "next year")]  # the fiscal year, one date


def test_a_day_of_this_month(resources):
    """本月17日: the 17th of this month, one date, placed by the article's date when it has one."""
    doc = annotate_text("菲船遇襲\n2025年11月20日\n菲律賓海警船隻本月17日在南海遭到攻擊。\n", "d", resources)
    got = {e.text: (e.extra["value"], e.en) for u in doc.units for e in u.entities if e.label == "DATE"}
    assert got["本月17日"] == ("2025-11-17", "the 17th of this month (November 17)")
    undated = {e.text: (e.extra["value"], e.en) for e in ents("菲律賓海警船隻上月3日遭到攻擊。", resources)
                if e.label == "DATE"}
    assert undated["上月3日"] == ("XXXX-XX-03", "the 3rd of last month")


def test_dates_in_chinese_numerals_and_day_ranges(resources):
    """本月七日 and 本月7日至9日 are days of this month; 今年四月一日至二日 one range of this year;
    二〇二六至二〇三三年 one span of years; 本月中旬 the middle of this month, 旬 included."""
    doc = annotate_text("演習消息\n2025年11月20日\n共軍本月七日與本月7日至9日出動，今年四月一日至二日演習，"
                        "預算橫跨二〇二六至二〇三三年，本月中旬再議。\n", "d", resources)
    got = {e.text: (e.extra["value"], e.en) for u in doc.units for e in u.entities if e.label == "DATE"}
    assert got["本月七日"] == ("2025-11-07", "the 7th of this month (November 7)")
    assert got["本月7日至9日"] == ("2025-11-07/2025-11-09", "the 7th–9th of this month (November 7–9)")
    assert got["今年四月一日至二日"][0] == "2025-04-01/2025-04-02"
    assert got["二〇二六至二〇三三年"] == ("2026/2033", "2026–2033")
    assert got["本月中旬"][1] == "the middle of this month (November 2025)"


def test_surname_and_a_name_token_after_a_title(resources):
    """研究員蘇|紫雲: jieba splits the surname off and tags the given name as a name."""
    es = ents("國防安全研究院研究員蘇紫雲分析，中國在南海的灰色地帶行動與對台施壓手法如出一轍。", resources)
    assert one(es, "蘇紫雲").label == "PERSON"


def test_a_bracketed_english_place_name_is_no_person(resources):
    """仁愛暗沙（Second Thomas Shoal）: the KB's shoal; an English name ending in Shoal, Reef or Strait
    names no person."""
    es = ents("菲律賓船隻在仁愛暗沙（Second Thomas Shoal）附近執行任務。", resources)
    assert one(es, "仁愛暗沙").kb_id == "loc-second-thomas-shoal"
    es = ents("船隻在半月暗沙（Half Moon Shoal）附近遭到攔截。", resources)
    assert not [e for e in es if e.label == "PERSON"]


def test_a_years_election_is_the_kbs_election_of_the_clauses_country(resources):
    """自民黨在2024年大選: the KB's 2024 Japanese general election (the party's country); 大選 is no
    upper-house election; an institution before 選舉 (政治大學|選舉研究中心) makes no election."""
    one_event = lambda s: next(e for e in ents(s, resources) if e.label == "EVENT")  # noqa: E731
    assert one_event("自民黨在2024年大選中失去過半。").kb_id == "event-jp-election-2024"
    assert one_event("川普在2024年大選中勝出。").kb_id == "event-us-election-2024"
    assert one_event("自公執政聯盟在2025年大選失去多數。").kb_id is None  # 2025 was the upper house's
    es = ents("根據政治大學選舉研究中心的長期調查，自認為台灣人的比例超過六成。", resources)
    assert not [e for e in es if e.label == "EVENT"]


def test_japanese_names_after_more_titles(resources):
    """共同代表藤田|文彬: a surname UniDic knows and a given name it cannot read, both jieba names
    (藤田文武 himself is in the knowledge base now); 政治評論家 and 特派員 are titles; 文／林俊宏（東京特派員）:
    a place in the bracket does not stop the byline's name."""
    es = ents("但日本維新會共同代表藤田文彬警告，若自民黨只想利用選舉擴大權力。", resources)
    assert one(es, "藤田文彬").en == "Fujita"
    assert one(ents("共同代表藤田文武警告。", resources), "藤田文武").en == "Fumitake Fujita"
    es = ents("日本政治評論家伊藤惇夫分析，若自民黨能拿下233席以上。", resources)
    assert one(es, "伊藤惇夫").extra.get("reading") == "ja"  # (田崎史郎, who stood here, is in the KB now)
    doc = annotate_text("日本眾議院解散在即\n\n文／林俊宏（東京特派員）\n\n日本首相高市早苗18日召開記者會。\n", "b", resources)
    assert [e.text for u in doc.units if u.kind == "byline" for e in u.entities if e.label == "PERSON"] == ["林俊宏"]


def test_a_school_after_its_university_is_that_universitys(resources):
    """喬治城大學|外交學院: Georgetown's school, not China Foreign Affairs University."""
    es = ents("作者為美國喬治城大學外交學院碩士生。", resources)
    school = one(es, "外交學院")
    assert school.kb_id is None and school.en == "Diplomacy College" and school.extra.get("translated")
    es = ents("新加坡國立大學李光耀公共政策學院副教授莊嘉穎說。", resources)
    assert one(es, "李光耀公共政策學院").kb_id == "sg-lkyspp"  # the KB's own school of that university


def test_a_latin_name_inside_a_latin_word_is_none(resources):
    """SPA (an alias in the KB) is no entity inside C-SPAN."""
    assert not [e for e in ents("其中包括 PBS、C-SPAN 和 Fox 財經頻道。", resources) if e.text == "SPA"]


def test_a_country_before_former_owns_the_body(resources):
    doc = annotate_text("淡江大學助理教授林穎佑認為，北京不會對台動武。\n\n美國前國防部官員馬森警告，美國的承諾可能受到質疑。\n", "f", resources)
    assert [e.kb_id for u in doc.units for e in u.entities if e.text == "國防部"] == ["us-pentagon"]  # not Taiwan's


def test_bureau_chief_title_before_a_name(resources):
    """保安局局長鄧炳強則指: 局長 is a title, so the name after it is a person."""
    es = ents("保安局局長鄧炳強則指，被制裁的官員只是履行職責。", resources)
    assert one(es, "鄧炳強").label == "PERSON"


def test_institution_joining_two_fields(resources):
    """國防資源與產業研究所, 國際事務與戰略研究所: one institution; 台灣與日本學會 joins two
    countries, not two fields, and is not made one."""
    es = ents("（作者為國防安全研究院國防資源與產業研究所所長，曾任淡江大學國際事務與戰略研究所副教授）", resources)
    assert one(es, "國防資源與產業研究所").label == "ORG"
    assert one(es, "國際事務與戰略研究所").en == "International Affairs and Strategy Institute"
    assert not find(ents("台灣與日本學會今日舉行年會。", resources), "台灣與日本學會")


def test_one_latin_word_after_a_closing_quote_speaks(resources):
    """」Kavadarkov 說道: the quotation's speaker; Google 表示 (no quotation) stays no person."""
    es = ents("「我們希望帶有尊嚴地加入，而不是透過退讓勉強加入」Kavadarkov 說道。Google 表示將投資台灣。", resources)
    assert one(es, "Kavadarkov").label == "PERSON"
    assert not [e for e in find(es, "Google") if e.label == "PERSON"]


def test_a_generic_trade_war_is_no_named_event_and_the_district_of_columbia(resources):
    es = ents("北京和華盛頓之間的貿易戰逐漸升溫。中美貿易戰持續。18 個州和哥倫比亞特區提出異議。", resources)
    assert not find(es, "貿易戰") and one(es, "中美貿易戰").kb_id == "event-us-china-trade-war"
    assert one(es, "哥倫比亞特區").en == "District of Columbia" and not find(es, "哥倫比亞")


def test_hong_kong_macau_taiwan_cluster(resources):
    es = ents("港澳台同胞和海外僑胞都應當認清形勢。國務院港澳辦發表聲明。", resources)
    e = one(es, "港澳台")
    assert [m["kb_id"] for m in e.members] == ["hk", "mo", "tw"] and e.en == "Hong Kong, Macau and Taiwan"
    assert not find(es, "港澳")  # 港澳辦 is an office, not the two places
    e = one(ents("港澳居民可以申請。", resources), "港澳")  # Hong Kong and Macau, not Hong Kong and Australia
    assert [m["kb_id"] for m in e.members] == ["hk", "mo"]


def test_bodies_named_together_belong_to_one_government(resources):
    es = ents("美國國務卿表示，國務院正與國防部合作加速交付。台灣外交部與國防部今天表示歡迎。", resources)
    assert [e.kb_id for e in find(es, "國防部")] == ["us-pentagon", "tw-mnd"]


def test_a_body_of_several_countries_is_that_of_the_country_named_last_before_it(resources):
    """美国方面，国务院发言人…中日双方: the US State Department, though China is named later in the
    sentence (and the article is Mainland Chinese)."""
    es = ents("美国方面，国务院发言人表示，美国对日本的防卫承诺坚如磐石，并敦促中日双方通过对话解决分歧。", resources)
    assert one(es, "国务院").kb_id == "us-state-department"
    es = ents("中国方面，国务院将出台新的措施，美国则表示关切。", resources)
    assert one(es, "国务院").kb_id == "cn-state-council"


def test_a_spelling_the_kb_lacks_is_linked_through_the_bracketed_english(resources):
    es = ents("共和黨籍參議員里契（Jim Risch）在聽證會上質疑國務院。", resources)
    assert one(es, "里契").kb_id == "us-jim-risch"


def test_a_ship_is_no_person_and_its_prefix_no_organisation(resources):
    es = ents("菲律賓坐灘的馬德雷山號（BRP Sierra Madre）遭到包圍，美國的勞倫斯號（USS Lawrence）駛過。", resources)
    assert [e.text for e in es if e.label in ("PERSON", "ORG")] == []


def test_ships_and_classes_named_after_people_and_places(resources):
    es = ents("美國將出售維吉尼亞級潛艦，福特級航艦與杜魯門號駛過，山東號也出現在台灣海峽。", resources)
    assert [e.text for e in es if e.label in ("PERSON", "GPE")] == ["美國"]


def test_a_korean_minister_after_jangwan(resources):
    # 部長官 holds the title 長官 (Korean ministers), not 部長 and a stray 官
    es = ents("南韓產業通商資源部長官金正官多次赴華府談判，外交部長官朴振也同行。", resources)
    assert one(es, "產業通商資源部").kb_id == "kr-motie"
    assert one(es, "金正官").label == "PERSON"
    assert one(es, "朴振").label == "PERSON"


def test_a_named_exercise_the_kb_lacks(resources):
    es = ents("解放軍去年底在台灣周邊舉行「正義使命-2025」演習，並回顧聯合利劍-2024A軍演。", resources)
    e = one(es, "正義使命-2025")
    assert (e.label, e.en, e.extra.get("translated")) == ("EVENT", "Justice Mission-2025", True)
    assert one(es, "聯合利劍-2024A").kb_id == "event-joint-sword-2024a"
    es = ents("解放軍舉行海峽利刃-2026演習。", resources)  # a bare name is the word before the dash
    assert one(es, "海峽利刃-2026").en == "Strait Sharp Blade-2026"


def test_a_title_before_a_known_acronym_is_that_entry(resources):
    es = ents("菲律賓不僅擴大《強化防衛合作協議》（EDCA）的基地數量。", resources)
    assert one(es, "強化防衛合作協議").kb_id == one(es, "EDCA").kb_id == "policy-edca"


def test_a_quoted_name_before_its_english_takes_the_english(resources):
    """“法莱皮利联盟”（Falepili Union）: the text's own English replaces a romanisation, after a
    closing quotation mark as after 》."""
    es = ents("图瓦卢与澳大利亚签署的“法莱皮利联盟”（Falepili Union）条约。", resources)
    assert one(es, "法莱皮利联盟").en == "Falepili Union"


def test_a_cluster_after_a_conjunction_the_segmenter_glued_to_it(resources):
    # jieba's HMM cuts 若美|澳英: the cluster is 美澳英 after 若 "if"
    got = [(e.text, e.en) for e in ents("若美澳英無法兌現承諾，北京可能認為西方聯盟並不可靠。", resources)]
    assert ("美澳英", "US–Australia–UK") in got


def test_a_common_noun_ending_like_an_organisation_is_none(resources):
    # jieba tags 新格局 "new landscape" nt; 局 ends organisation names (調查局), not this one
    assert [e.text for e in ents("日韓政局變化與東北亞安全新格局", resources) if e.label == "ORG"] == []


def test_an_exercise_of_a_series_the_kb_knows_takes_the_series_english(resources):
    got = [(e.text, e.label, e.en) for e in ents("中共宣布舉行「海峽雷霆 -2025B」聯合演習。", resources)]
    assert ("海峽雷霆 -2025B", "EVENT", "Strait Thunder-2025B") in got  # the KB holds 海峽雷霆-2025A


def test_codes_and_technical_acronyms_are_no_organisations(resources):
    es = ents("禁止輝達（Nvidia）向中國出售H20晶片，限制艾司摩爾（ASML）出口極紫外光（EUV）設備；G7與G20表示關切。", resources)
    assert not find(es, "H20") and not find(es, "EUV")  # a chip's model, a technique
    assert one(es, "G7").kb_id == "org-g7" and one(es, "ASML").kb_id == "nl-asml"


def test_a_court_and_an_export_bureau(resources):
    es = ents("美國商務部工業與安全局（BIS）公布出口管制規定。", resources)
    assert one(es, "工業與安全局").kb_id == "us-bis" and one(es, "BIS").kb_id == "us-bis"
    doc = annotate_text("黎智英案宣判\n\n【明報專訊】黎智英被控違反《港區國安法》，高等法院昨日裁定罪名成立。\n", "hk", resources)
    assert [e.kb_id for u in doc.units for e in u.entities if e.text == "高等法院"] == ["hk-high-court"]  # a Hong Kong outlet
    assert next(u for u in doc.units if "裁定" in u.text).stance["holder"]["kb_id"] == "hk-high-court"


def test_a_japanese_fiscal_year_and_a_one_character_given_name(resources):
    assert one(ents("日本政府通過2026年度預算案。", resources), "2026年度").extra["value"] == "2026"
    from pipeline.japanese import JapaneseNames

    parts = JapaneseNames.load().name_at("川島真指出")  # 真 is read as a given name only in context
    assert parts is not None and parts.surname == "Kawashima" and parts.length == 3


def test_south_china_sea_names_in_vietnamese_usage(resources):
    es = ents("越南外交部發言人回應，越南對黃沙群島和長沙群島擁有無可爭辯的主權。", resources)
    assert one(es, "黃沙群島").kb_id == "loc-paracel-islands" and one(es, "長沙群島").kb_id == "loc-spratly-islands"
    assert not find(es, "長沙")  # not the city of Changsha
    assert one(es, "越南外交部").kb_id == "vn-mofa"


def test_a_bracketed_month_and_a_day_before_yi(resources):
    doc = annotate_text("法案通過\n發布時間：2025-11-20 18:30\n\n美國聯邦參議院於美東時間本（11）月19日以無異議方式通過法案。\n", "m", resources)
    got = {e.text: (e.label, e.extra.get("value")) for u in doc.units for e in u.entities}
    assert got["本（11）月19日"] == ("DATE", "2025-11-19")
    assert "日以" not in got  # the day of a date, not Japan–Israel


def _dated(text: str, date: str | None, res) -> list:
    from pipeline.annotate import annotate_raw
    from pipeline.readers import RawArticle

    raw = RawArticle(text="標題\n\n" + text, format="txt", hints={"date": date} if date else {})
    return [e for u in annotate_raw(raw, "t", res).units for e in u.entities]


@pytest.mark.parametrize("text, date, expected", [
    ("賴總統今天表示，將持續強化國防。", "2025-06-01", {"賴": "tw-lai-ching-te"}),
    ("卓院長也出席記者會。", "2025-06-01", {"卓": "tw-cho-jung-tai"}),
    ("蔡總統今天表示，將持續強化國防。", "2019-03-01", {"蔡": "tw-tsai-ing-wen"}),  # in office then
    ("馬前總統則批評政府。", "2025-06-01", {"馬": "tw-ma-ying-jeou"}),  # 前: left office before
    ("李總統今天表示歡迎。", "2025-07-01", {"李": "kr-lee-jae-myung"}),  # the one President Lee that year
    ("賴總統表示支持。", None, {"賴": "tw-lai-ching-te"}),  # no date: the only President Lai ever
    ("李總統今天表示歡迎。", None, {}),  # no date, several Presidents Lee: none
    ("我們信賴總統的判斷。", "2025-01-01", {}),  # 信賴: trust
    ("蔡總統今天表示歡迎。", "2025-06-01", {}),  # not in office that year
])
def test_a_surname_before_a_title_names_the_office_holder(resources, text, date, expected):
    es = _dated(text, date, resources)
    assert {e.text: e.kb_id for e in es if e.label == "PERSON"} == expected
    assert all(e.extra.get("short_ref") for e in es if e.label == "PERSON")


def test_the_authors_an_academic_text_cites(resources):
    es = ents("既有研究指出，小國常採取避險策略（Kuik, 2008; Goh, 2016）。Kuik（2016）認為避險是有意不選邊，"
              "而 Lim and Cooper（2015, p. 698）則強調其模糊性；上述研究缺乏比較視角（張登及，2019）。", resources)
    people = [(e.text, e.label) for e in es if e.label == "PERSON"]
    assert people == [("Kuik", "PERSON"), ("Goh", "PERSON"), ("Kuik", "PERSON"), ("Lim", "PERSON"),
                      ("Cooper", "PERSON"), ("張登及", "PERSON")]
    # a document or a word before a year in brackets is no author
    es = ents("白皮書（2019）指出，國防部報告（2021）也提及此事。", resources)
    assert not [e for e in es if e.label == "PERSON"]


def test_the_day_of_a_date_starts_no_name(resources):
    es = ents("高市早苗於10月21日經國會指名出任首相。美國國務院26日表示，日本政府支持。", resources)
    assert [(e.text, e.label) for e in es if e.label in ("ORG", "DATE", "GPE")] == [
        ("10月21日", "DATE"), ("美國國務院", "ORG"), ("26日", "DATE"), ("日本", "GPE")]  # not 日經 (Nikkei)


def test_a_side_before_a_name_jieba_guessed(resources):
    es = ents("有記者問，美方近日宣布新一輪對台軍售，中方有何回應？", resources)
    assert [(e.text, e.kb_id) for e in es] == [("美", "us"), ("中", "cn")]  # not a person 方有何


def test_a_cluster_right_after_the_day_of_a_date(resources):
    """上月30日中美兩國元首: the date ends at 日 (中 is no edge of it) and 中美 is China–US, though
    jieba cut 日中 across them; 美兩國 is no place."""
    es = ents("上月30日中美兩國元首在韓國釜山舉行會晤。", resources)
    assert one(es, "上月30日").extra["value"].endswith("-30")
    assert [m["kb_id"] for m in one(es, "中美").members] == ["cn", "us"]
    assert not find(es, "美兩國")


def test_a_council_named_after_another_country_is_not_taiwan_s(resources):
    """國家安全會議 is Taiwan's NSC in the KB; after 法國 it is France's council (unlinked, generic
    English), after 俄羅斯 the KB's Security Council of Russia."""
    fr = one(ents("法國國家安全會議召開。", resources), "國家安全會議")
    assert fr.kb_id is None and fr.en == "National Security Council" and fr.extra["country"] == "fr"
    ru = one(ents("俄羅斯國家安全會議副主席梅德韋傑夫出席。", resources), "俄羅斯國家安全會議")
    assert ru.kb_id == "ru-security-council"


def test_a_short_form_glued_to_a_function_word(resources):
    """指|高市言論: jieba's guesser glued 指 to the short form 高市 of a person named before."""
    doc = annotate_text("高市早苗發言引發風波\n\n日本首相高市早苗在國會答問。中國代表致函秘書長，指高市言論違反國際法。\n", "t", resources)
    refs = [e for u in doc.units for e in u.entities if e.text == "高市"]
    assert refs and refs[0].kb_id == "jp-sanae-takaichi"


@pytest.mark.parametrize("text, wrong", [
    ("> 韌性強化。賴總統表示：「和平不能靠對手的善意。」", "賴總統表示"),  # surname, title and a speech verb
    ("美國那邊好幾個議員都公開說「擔憂」。", "都公開"),  # 都 the adverb, 公開 no given name
])
def test_no_person_whose_given_name_is_a_verb_or_an_adverb(resources, text, wrong):
    assert not find(ents(text, resources), wrong)


def test_an_acronym_in_brackets_after_a_term_is_no_organisation(resources):
    """海域覺知（MDA）, 人道援助與災難救援（HADR）: a term's abbreviation; after 國際海事組織 (a body the KB
    lacks) or after an entity (美國在台協會（AIT）) the acronym is an organisation."""
    es = ents("雙方建立海域覺知（MDA）與人道援助與災難救援（HADR）合作，國際海事組織（IMO）與美國在台協會（AIT）表示支持。", resources)
    assert not find(es, "MDA") and not find(es, "HADR")
    assert one(es, "IMO").label == "ORG" and one(es, "AIT").kb_id == "us-ait"


def test_a_japanese_town_mayor(resources):
    """與那國町町長糸數健一: the town (Yonaguni), the title 町長 (Japanese) and the mayor's name in
    its Japanese reading."""
    es = ents("與那國町町長糸數健一對部署表示「歡迎」。", resources)
    assert one(es, "與那國町").kb_id == "loc-yonaguni"
    assert one(es, "糸數健一").en == "Kenichi Itokazu"


def test_a_body_right_before_its_officer_is_the_officer_s_country_s(resources):
    """國防部政策次長柯伯吉: the US Department of Defense, in an article that also names Taiwan's
    ministry (a bare 國防部 would be Taiwan's there)."""
    doc = annotate_text("川普的印太棋局\n\n台灣國防部表示，共機持續擾台。根據美國媒體報導，由國防部政策次長柯伯吉（Elbridge Colby）"
                        "主導撰寫新版國防戰略草案。\n", "d", resources)
    mod = [e for u in doc.units for e in u.entities if e.text == "國防部"]
    assert [e.kb_id for e in mod] == ["us-pentagon"]


def test_a_city_before_a_word_opening_with_chang_and_a_transliterated_given_name(resources):
    """台北市|長期以來: 長 opens a word of its own, so 台北市 is the knowledge base's Taipei (not a
    romanised 'Taibei'); 薇琪·佩珀 is one name (薇 is a transliteration character)."""
    from pipeline.annotate import annotate_text

    doc = annotate_text("前言。\n\n台北市長期以來重視防災。英國國防大臣薇琪·佩珀表示支持。", "t", resources)
    ents = [(e.text, e.kb_id) for u in doc.units for e in u.entities]
    assert ("台北市", "city-taipei") in ents and ("薇琪·佩珀", None) in ents


def test_korean_presidential_office_and_a_japanese_name_after_a_bracketed_acronym(resources):
    """總統府 in a Korean wire story is South Korea's presidential office (Taiwan's in a Taiwanese
    article); a name restated in brackets ends no clause, so the researcher of 日本國際問題研究所（JIIA）
    is read as Japanese (佐藤健一, Kenichi Sato; not 佐藤 'Tso Teng')."""
    from pipeline.annotate import annotate_text

    doc = annotate_text("韩联社首尔11月24日电 韩国总统李在明表示支持。陪同总统出访的总统府国家安保室长魏圣洛24日表示将尽快协商。", "yna", resources)
    assert "kr-presidential-office" in [e.kb_id for u in doc.units for e in u.entities]
    doc = annotate_text("前言。\n\n美國議員今天到總統府拜會。總統府發言人郭雅慧表示歡迎。", "t", resources)
    assert "tw-presidential-office" in [e.kb_id for u in doc.units for e in u.entities]
    doc = annotate_text("前言。\n\n日本國際問題研究所（JIIA）研究員佐藤健一接受中央社訪問時認為，美中日三方互動正進入微妙階段。", "t", resources)
    assert ("佐藤健一", "Kenichi Sato") in [(e.text, e.en) for u in doc.units for e in u.entities]


def test_airports(resources):
    """桃園國際機場, 羽田機場: the place and 機場 are one LOC with the place's English and Airport; a
    place no dictionary names in English (金海) is left alone rather than given a guessed reading."""
    from pipeline.annotate import annotate_text

    doc = annotate_text("前言。\n\n賴清德從桃園國際機場出發。川普搭乘空軍一號抵達羽田機場。他抵達金海國際機場後表示。", "t", resources)
    ents = [(e.text, e.label, e.en) for u in doc.units for e in u.entities]
    assert ("桃園國際機場", "LOC", "Taoyuan International Airport") in ents
    assert ("羽田機場", "LOC", "Haneda Airport") in ents
    assert not [e for e in ents if e[0].startswith("金海")]


def test_a_list_of_country_abbreviations(resources):
    """美、日、菲等國: each abbreviation in a list written apart is a country; a list of other words
    (中、小企業) or a weekday (週六、日) is not."""
    from pipeline.annotate import annotate_text

    doc = annotate_text("前言。\n\n政府應加強與美、日、菲等理念相近國家的海上合作。中、小企業受到衝擊。他在週六、日都上班。", "t", resources)
    ents = [(e.text, e.label, e.en) for u in doc.units for e in u.entities]
    assert [x for x in ents if x[1] == "GPE"] == [("美", "GPE", "U.S."), ("日", "GPE", "Japan"), ("菲", "GPE", "Philippines")]
    glosses = [t.gloss for u in doc.units for t in u.tokens if t.text == "日"]
    assert glosses[0] == "Japan"


def test_transliteration_that_begins_with_a_shorter_known_name(resources):
    """穆勒納爾（John Moolenaar）: the whole transliteration before the bracket is the person named in
    it, though its first two characters are a name the KB knows (穆勒, Robert Mueller); 穆勒（Robert
    Mueller） alone stays Mueller."""
    from pipeline.annotate import annotate_text

    doc = annotate_text("前言。\n\n共和黨籍聯邦眾議員穆勒納爾（John Moolenaar）也在聲明中說，北京不可信賴。"
                        "特別檢察官穆勒（Robert Mueller）說。", "t", resources)
    people = [(e.text, e.en) for u in doc.units for e in u.entities if e.label == "PERSON" and not e.text.isascii()]
    assert people == [("穆勒納爾", "John Moolenaar"), ("穆勒", "Robert Mueller")]


def test_a_presidential_office_by_the_president_in_the_sentence(resources):
    """總統李在明則透過總統府發言人…: South Korea's presidential office, though a Taiwanese article names
    Taiwan (總統府 is Taiwan's full name only); its spokesperson is read in Korean (Kang Yu-jung)."""
    from pipeline.annotate import annotate_text

    doc = annotate_text("前言。\n\n總統李在明則透過總統府發言人姜由楨表示，政府尊重法院判決。對台灣而言，韓國的經驗值得借鏡。", "t", resources)
    ents = {e.text: (e.kb_id, e.en) for u in doc.units for e in u.entities}
    assert ents["總統府"][0] == "kr-presidential-office" and ents["姜由楨"][1] == "Kang Yu-jung"
    doc = annotate_text("前言。\n\n賴清德總統今天在總統府接見美國議員。", "t", resources)
    assert [e.kb_id for u in doc.units for e in u.entities if e.text == "總統府"] == ["tw-presidential-office"]


def test_a_name_jieba_cut_before_its_last_character(resources):
    """副部長林中|斌|分析, 立委賴士|葆|批評: the whole name after the title; 教授解釋|道 is no name."""
    from pipeline.annotate import annotate_text

    doc = annotate_text("前言。\n\n前國防部副部長林中斌分析，北京的目的在於消耗台灣。國民黨立委賴士葆批評，政府一味對美讓步。"
                        "Berzofsky 教授解釋道。", "t", resources)
    people = [e.text for u in doc.units for e in u.entities if e.label == "PERSON"]
    assert "林中斌" in people and "賴士葆" in people and not any("解釋" in p for p in people)


def test_a_guessed_name_before_where_and_when_it_spoke(resources):
    """A name jieba guessed is a person when a speech verb ends the clause that a time or place
    phrase opens right after it (羅冠聰在社交媒體發文批評, 王曉明昨日在台北表示), not otherwise."""
    es = ents("王曉明昨日在台北表示，港府打壓言論自由。", resources)
    assert [e.text for e in es if e.label == "PERSON"] == ["王曉明"]
    es = ents("城市大學政治學者葉健民認為，香港與歐美市場的聯繫仍然重要。", resources)
    assert one(es, "城市大學").kb_id == "hk-cityu" and one(es, "歐美").en == "Europe and the US"


def test_a_transliterated_name_whose_first_character_ends_a_titles_token(resources):
    """國防部|長泰|奧|多羅（Gilberto Teodoro Jr.）: the title ends inside a token, the name is 泰奧多羅."""
    es = ents("菲律賓國防部長泰奧多羅（Gilberto Teodoro Jr.）宣布增設基地。泰奧多羅表示，此舉旨在因應中國的脅迫。", resources)
    assert [(e.text, e.kb_id) for e in es if e.label == "PERSON"] == [
        ("泰奧多羅", "ph-gilberto-teodoro"), ("Gilberto Teodoro Jr.", "ph-gilberto-teodoro"), ("泰奧多羅", "ph-gilberto-teodoro")]


def test_ministries_and_media_of_a_report_on_japan_and_china(resources):
    es = ents("中國文化和旅遊部已提醒中國遊客避免前往日本。日本觀光廳統計顯示，東京電視台公布民調。", resources)
    assert [e.kb_id for e in es if e.label == "ORG"] == ["cn-mct", "jp-tourism-agency", "media-tv-tokyo"]


def test_a_funding_initiative_named_in_both_languages_is_a_policy(resources):
    es = ents("授權最高10億美元的「台灣安全合作倡議」（Taiwan Security Cooperation Initiative），用於協助台灣。", resources)
    assert [(e.label, e.kb_id) for e in es if e.label != "GPE"] == [
        ("POLICY", "policy-taiwan-security-cooperation-initiative")] * 2


def test_a_weak_abbreviation_before_fang_is_that_side(resources):
    """歐方, 以方, 法方 (the European, Israeli, French side) are as clear as 中方; 以方便 is no Israel."""
    es = ents("標題\n\n中國商務部對歐方強行推進表示反對，以方與法方呼籲停火。\n\n這是以方便民眾的方式進行。", resources)
    eu = one(es, "歐")
    assert (eu.label, eu.kb_id) == ("ORG", "eu")
    assert one(es, "以").kb_id == "il" and one(es, "法").kb_id == "fr"
    assert len(find(es, "以")) == 1


def test_a_word_for_the_kind_of_body_is_not_part_of_its_name(resources):
    """布魯塞爾智庫|布勒哲爾研究所: the think tank is Bruegel; an unknown one keeps 智庫 outside too,
    and its head in English (… Institute) with the rest in pinyin."""
    es = ents("標題\n\n布魯塞爾智庫布勒哲爾研究所的學者指出，北京可能展開報復。", resources)
    assert one(es, "布勒哲爾研究所").kb_id == "be-bruegel"
    es = ents("標題\n\n比利時智庫維斯塔研究所的學者指出，北京可能展開報復。", resources)
    org = next(e for e in es if e.label == "ORG")
    assert org.text == "維斯塔研究所" and org.en.endswith(" Institute")
    assert org.extra.get("romanized") and org.extra.get("translated")


def test_an_ambiguous_law_is_the_one_of_the_place_its_sentence_names(resources):
    es = ents("標題\n\n香港壹傳媒創辦人黎智英被控違反《國安法》等罪。", resources)
    assert one(es, "國安法").kb_id == "policy-hk-national-security-law"
    es = ents("標題\n\n立法院三讀修正《國安法》，加重共諜刑責。", resources)
    assert one(es, "國安法").kb_id == "policy-tw-national-security-act"


def test_a_us_state_with_its_zhou_is_not_cut_into_another_state(resources):
    es = ents("標題\n\n他於星期一在阿拉斯加州瓦西拉遭到逮捕。", resources)
    assert one(es, "阿拉斯加州").kb_id == "prov-alaska" and not find(es, "加州")


def test_a_side_before_fangxiang_and_a_place(resources):
    """美方向台灣地區出售武器: jieba reads 方向 (direction); before a place it is 美方 + 向."""
    es = ents("標題\n\n我們堅決反對美方向台灣地區出售武器。\n\n美國的方向正確。", resources)
    assert [e.kb_id for e in find(es, "美")] == ["us"]


def test_ships_and_ship_classes_named_after_places(resources):
    """維吉尼亞級核動力潛艦 (a class, words between 級 and the noun), 福建艦 (a carrier) name no place;
    日本艦隊 is Japan's fleet."""
    es = ents("標題\n\n澳洲將取得維吉尼亞級核動力潛艦，中國的福建艦出海，日本艦隊隨即跟監。", resources)
    assert not find(es, "維吉尼亞") and not find(es, "福建") and one(es, "日本").kb_id == "jp"
    es = ents("標題\n\n若將 3 至 5 艘維吉尼亞級（Virginia-class）核潛艦賣給澳洲。", resources)  # the English between
    assert not find(es, "維吉尼亞")


def test_english_names_of_several_words_in_chinese_text_link_to_the_kb(resources):
    """從CHIPS Act到出口管制, 列入 Entity List: the policies; John Howard of John Howard Johnson and
    New York of New York Post are no person and no place."""
    es = ents("標題\n\n拜登政府通過CHIPS Act，並將華為列入 Entity List。\n\n據 New York Post 報導，John Howard Johnson 教士出席。", resources)
    assert one(es, "CHIPS Act").kb_id == "policy-chips-act" and one(es, "CHIPS Act").label == "POLICY"
    assert one(es, "Entity List").kb_id == "policy-us-entity-list"
    assert not find(es, "New York") and not find(es, "John Howard")


def test_hua_after_a_verb_is_china_and_a_mission_is_named_from_its_countries(resources):
    """對華政策, 訪華, 駐華大使: China; 對華為, 對華府: Huawei and Washington; 聯華電子 a company;
    美國駐華大使館: U.S. Embassy in China."""
    es = ents("標題\n\n美國對華政策轉趨強硬，國務卿日前訪華，駐華大使也返回北京。\n\n他對華為的制裁表示支持，並對華府的決定感到失望，"
              "聯華電子則未回應。\n\n美國駐華大使館發表聲明。", resources)
    assert [e.kb_id for e in find(es, "華")] == ["cn", "cn", "cn"]
    assert one(es, "華為").kb_id == "cn-huawei" and one(es, "華府").kb_id == "city-washington-dc"
    assert one(es, "美國駐華大使館").en == "U.S. Embassy in China"


def test_a_document_after_its_countries_is_the_kb_treaty_and_party_colours_are_parties(resources):
    """美菲《共同防禦條約》 is the KB's US–Philippines treaty; 藍白 the KMT and the TPP acting together,
    not the slippers 藍白拖 or a striped 藍白相間."""
    es = ents("標題\n\n美國重申美菲《共同防禦條約》適用於南海，日本則討論《共同防禦條約》。", resources)
    treaties = find(es, "共同防禦條約")
    assert treaties[0].kb_id == "policy-us-ph-mutual-defense-treaty"
    assert treaties[1].kb_id is None and treaties[1].en == "Common Defense Treaty"
    es = ents("標題\n\n藍白兩黨聯手刪減預算。\n\n他穿著藍白拖出門，看到藍白相間的旗幟。", resources)
    blue_white = one(es, "藍白")
    assert blue_white.label == "ORG" and [m["kb_id"] for m in blue_white.members] == ["tw-party-kmt", "tw-party-tpp"]


def test_a_party_branch_is_one_organisation_of_its_party(resources):
    """國民黨金門縣黨部: the KMT's Kinmen branch, not the party and a county; 中央黨部: headquarters."""
    es = ents("標題\n\n國民黨金門縣黨部則呼籲兩岸當局保持克制。\n\n民進黨中央黨部昨天開會。", resources)
    branch = one(es, "國民黨金門縣黨部")
    assert branch.label == "ORG" and branch.en == "KMT Kinmen branch" and branch.extra["part_of"] == "tw-party-kmt"
    assert one(es, "民進黨中央黨部").en == "DPP headquarters" and not find(es, "國民黨")


def test_ministries_of_taiwan_korea_and_japan_by_their_own_names(resources):
    """衛福部, 金管會: Taiwan's; 海洋水產部, 經濟產業省: South Korea's and Japan's; a bare 教育部 is
    Taiwan's in a Taiwanese article and the PRC's in a Xinhua dispatch."""
    es = ents("標題\n\n教育部今天宣布新課綱，衛福部與金管會也表示支持。\n\n南韓海洋水產部強烈抗議，日本經濟產業省宣布新措施。", resources)
    assert [one(es, w).kb_id for w in ("教育部", "衛福部", "金管會", "海洋水產部", "日本經濟產業省")] == \
        ["tw-moe", "tw-mohw", "tw-fsc", "kr-mof", "jp-meti"]
    es = ents("新华社北京11月27日电\n\n教育部今天印发通知。", resources)
    assert one(es, "教育部").kb_id == "cn-moe"


def test_a_word_before_a_companys_english_name_in_brackets_is_the_company(resources):
    """苹果（Apple）: Apple, not a fruit; 我吃蘋果 stays a fruit; FT中文网 is FT Chinese."""
    es = ents("標題\n\n苹果（Apple）、三星（Samsung）等企业把产能转移到印度。\n\n我吃蘋果。\n\nFT中文网报道。", resources)
    assert [e.kb_id for e in es if e.text in ("苹果", "Apple")] == ["us-apple", "us-apple"]
    assert not find(es, "蘋果") and one(es, "FT中文网").kb_id == "media-ft-chinese"
    es = ents("標題\n\n根據智庫研究中心（CSIS）的報告。\n\n根據美國戰略暨國際研究中心（CSIS）的報告。", resources)
    assert not find(es, "中心") and one(es, "美國戰略暨國際研究中心").kb_id == "us-csis"  # (not the last word of a name)


def test_a_party_or_capital_before_a_body_names_its_state(resources):
    """中共國防部 and 北京外交部 are the PRC's, whatever the article's home."""
    es = ents("標題\n\n中共國防部發言人宣稱演習是懲戒。\n\n北京外交部發言人汪文斌表示反對。", resources)
    assert one(es, "國防部").kb_id == "cn-mnd" and one(es, "外交部").kb_id == "cn-mfa"


def test_a_surname_in_one_dictionary_word_with_government(resources):
    """賴政府 after 賴清德: Lai's government (the dictionary has 賴政府 as one word); 依賴政府 is relying."""
    es = ents("標題\n\n賴清德總統上任一年多來，兩岸關係持續惡化。\n\n我們呼籲賴政府放下意識形態。\n\n他依賴政府補助。", resources)
    assert [e.kb_id for e in find(es, "賴")] == ["tw-lai-ching-te"]


def test_a_japanese_only_title_before_a_name_reads_it_in_japanese(resources):
    """海上幕僚長齋藤聰: Satoshi Saito (the title says Japan), not a Mandarin reading."""
    e = one(ents("標題\n\n海上幕僚長齋藤聰日前表示，將強化監視。", resources), "齋藤聰")
    assert e.en == "Satoshi Saito" and e.extra["reading"] == "ja"


def test_an_outlet_in_title_marks_the_kb_lacks_and_its_english_in_brackets(resources):
    """日本《社會新報》發表的社論: a newspaper (ORG, English from its words); 《時代周報》(DIE ZEIT): the
    text's own English; a romanised name with its English in brackets links to the KB entry."""
    es = ents("標題\n\n文章並引用日本《社會新報》發表的社論稱，高市的存在本身就是危機。", resources)
    assert one(es, "社會新報").label == "ORG" and one(es, "社會新報").en.endswith("News")
    es = ents("標題\n\n《時代周報》(DIE ZEIT) 引述軍方發言人的說法。", resources)
    assert one(es, "時代周報").en == "DIE ZEIT" and not find(es, "DIE")
    es = ents("標題\n\n由亞利桑那州參議員傑夫·弗萊克 (Jeff Flake) 主導。", resources)
    assert one(es, "傑夫·弗萊克").kb_id == "us-jeff-flake"


def test_a_transliterated_name_takes_the_names_the_dictionary_gives_its_parts(resources):
    """休·怀特: 怀特 is White in the dictionary, 休 only 'rest' (pinyin); 右翼聯盟夥伴 is no institution;
    日本維新黨 is Nippon Ishin no Kai."""
    es = ents("標題\n\n批評者包括战略政策教授休·怀特以及前工党外交部长加雷斯·埃文斯。", resources)
    assert one(es, "休·怀特").en == "Xiu White" and one(es, "加雷斯·埃文斯").en == "Jialeisi Evans"
    es = ents("標題\n\n這也是高市早苗向右翼联盟伙伴日本维新党释放的政治讯号。", resources)
    assert not find(es, "右翼联盟") and one(es, "日本维新党").kb_id == "jp-party-ishin"


def test_a_list_of_country_abbreviations_and_its_count(resources):
    """美、日、韓三國外長: three countries (not jieba's 韓三國, the Korean Three Kingdoms)."""
    es = ents("標題\n\n在紐約聯合國大會期間，美、日、韓三國外長匆忙舉行會晤。", resources)
    assert [e.kb_id for e in es if e.label == "GPE" and len(e.text) == 1] == ["us", "jp", "kr"]
    assert not find(es, "韓三國")


def test_a_day_counted_from_a_day_the_text_named(resources):
    """北韓前一天試射: the day before the report's day (was 一天, "one day"); 5次日韓會談 and 這次日間
    hold no 次日 ("the next day")."""
    es = ents("標題\n\n朝鮮中央通信社1日報導，北韓前一天成功試射飛彈，隔天又宣布將再試射。", resources)
    assert one(es, "前一天").en == "the day before" and one(es, "隔天").en == "the next day"
    assert one(es, "朝鮮中央通信社").kb_id == "media-kcna"
    es = ents("標題\n\n他已進行多達5次日韓首腦會談，這次日間聽證會也很成功。", resources)
    assert not find(es, "次日")


def test_a_claimant_state_and_names_of_the_region(resources):
    """非聲索國 is "non-claimant state" (索國 was the Solomon Islands); 南洋理工大學 is NTU (was 南洋
    Southeast Asia + 理工大學); 《日韓共同宣言》 is the KB's 1998 declaration (was "Sun South Korea …")."""
    es = ents("標題\n\n新加坡作为非声索国，应继续扮演桥梁角色。", resources)
    assert [e.text for e in es] == ["新加坡"]
    es = ents("標題\n\n作者為南洋理工大學拉惹勒南國際研究院副教授。", resources)
    assert one(es, "南洋理工大學").en == "Nanyang Technological University" and not find(es, "南洋")
    es = ents("標題\n\n石破茂則說，日本政府繼承《日韓共同宣言》的精神。", resources)
    assert one(es, "日韓共同宣言").en == "Japan–South Korea Joint Declaration"


def test_the_us_house_with_its_country_and_czechoslovakia(resources):
    """美國聯邦眾議院 is one ORG (was 美國 + 聯邦眾議院, and 美國 held what the House asked); 捷克斯洛伐克
    is Czechoslovakia (was the Czech Republic and Slovakia)."""
    es = ents("標題\n\n美國聯邦眾議院通過法案，西方曾支援捷克斯洛伐克。", resources)
    assert one(es, "美國聯邦眾議院").kb_id == "us-house" and one(es, "捷克斯洛伐克").en == "Czechoslovakia"


def test_a_press_release_in_a_publication_line_is_no_outlet(resources):
    """美國在台協會 新聞稿 2025年4月2日: AIT is the publisher; 新聞稿 (press release) was an ORG "Xinwengao"."""
    es = ents("美國國務院聲明：譴責中國的軍事演習\n\n美國在台協會 新聞稿 2025年4月2日\n\n美國對此表示譴責。", resources)
    assert one(es, "美國在台協會").kb_id and not find(es, "新聞稿")


def test_american_china_analysts_quoted_in_taiwanese_media(resources):
    """何瑞恩, 卜睿哲, 米爾斯海默 …: the analysts Taiwanese papers quote, by their Taiwanese names (were
    pinyin or nothing); 布魯金斯研究所 is Brookings."""
    es = ents("標題\n\n布魯金斯研究所學者何瑞恩與卜睿哲都認為，芝加哥大學教授米爾斯海默的看法過於悲觀。", resources)
    assert one(es, "布魯金斯研究所").kb_id == "us-brookings"
    assert [one(es, n).en for n in ("何瑞恩", "卜睿哲", "米爾斯海默")] == ["Ryan Hass", "Richard Bush", "John Mearsheimer"]


def test_a_newspapers_page_and_a_japanese_commentator(resources):
    """人民日报 … 03版: the page is no ORG; 田崎史郎 is one name (was 田崎史 + 郎)."""
    es = ents("钟声：美方应停止玩火\n\n人民日报 2025年12月20日 03版\n\n政治評論家田崎史郎分析，公明黨的退出是沉重打擊。", resources)
    assert not find(es, "03版") and one(es, "田崎史郎").en == "Shiro Tazaki"


def test_north_korean_nuclear_sites(resources):
    """寧邊, 豐溪里, 東倉里: the sites reports on North Korea name (were untagged)."""
    es = ents("標題\n\n北韓在寧邊核設施與豐溪里核試場的活動增加，東倉里也有動靜。", resources)
    assert [e.kb_id for e in es if e.label == "LOC"] == ["loc-yongbyon", "loc-punggye-ri", "loc-sohae"]


def test_the_commerce_departments_export_control_bureau(resources):
    """美國商務部工業安全局（BIS）: the bureau (工業安全局 was untagged)."""
    es = ents("標題\n\n美國商務部工業安全局（BIS）宣布擴大對中國半導體的出口管制。", resources)
    assert one(es, "商務部工業安全局").kb_id == "us-bis"


def test_american_and_british_universities(resources):
    """內華達大學, 芝加哥大學 (inside jieba's 大學教授), 麻省理工學院 (was 麻省 Massachusetts), 密西根大學
    (was "Michigan University"): the names the universities use."""
    es = ents("標題\n\n作者為美國內華達大學副教授，曾在芝加哥大學教授課程，並在麻省理工學院與密西根大學研究。", resources)
    assert [one(es, n).en for n in ("內華達大學", "麻省理工學院", "密西根大學")] == \
        ["University of Nevada", "Massachusetts Institute of Technology", "University of Michigan"]
    assert one(es, "芝加哥大學").kb_id == "us-university-of-chicago"


def test_hong_kong_officials_and_the_cambodian_prime_minister(resources):
    """陳國基, 陳茂波, 鄭雁雄, 戴耀廷; 洪瑪奈 beside 洪馬內 (were untagged or read by their pinyin)."""
    es = ents("標題\n\n政務司司長陳國基與財政司司長陳茂波出席，中聯辦主任鄭雁雄也到場；柬埔寨總理洪瑪奈訪港。", resources)
    assert [one(es, n).kb_id for n in ("陳國基", "陳茂波", "鄭雁雄", "洪瑪奈")] == \
        ["cn-eric-chan-kwok-ki", "cn-paul-chan-mo-po", "cn-zheng-yanxiong", "kh-hun-manet"]


def test_a_law_named_in_quotation_marks(resources):
    """行政院會通過「強化防衛韌性及不對稱戰力計畫採購特別條例」草案: a POLICY, so 強化 and 韌性 inside
    judge no one (the Executive Yuan was positive); 演練「符合國際法」 quotes words, no law."""
    doc = annotate_text("前言。\n\n行政院會27日通過「強化防衛韌性及不對稱戰力計畫採購特別條例」草案，規劃8年編列1.25兆元。\n",
                        "t", resources)
    u = doc.units[-1]
    law = next(e for e in u.entities if e.label == "POLICY")
    assert law.text == "強化防衛韌性及不對稱戰力計畫採購特別條例" and law.en.endswith("Act")
    assert not u.stance["bearing"]
    assert not [e for e in ents("前言。\n\n中方堅稱演練「符合國際法」。\n", resources) if e.label == "POLICY"]


def test_a_name_at_the_head_of_a_dictionary_compound(resources):
    """jieba's dictionary keeps 中國海軍艦艇編隊 whole (nt): the PLA Navy, then ship formation (it was an
    ORG "China"); 外資銀行 is words, no name."""
    es = ents("前言。\n\n今年2月，中國海軍艦艇編隊在塔斯曼海進行實彈演練。\n", resources)
    assert one(es, "中國海軍").kb_id == "cn-pla-navy" and one(es, "塔斯曼海").en == "Tasman Sea"
    assert not find(es, "中國海軍艦艇編隊")
    assert not find(ents("前言。\n\n外資銀行已經開始重新評估在香港的業務。\n", resources), "外資銀行")


def test_australia_and_new_zealand_are_two_countries(resources):
    """澳洲與紐西蘭 is CLDR's zh-Hant name of Australasia, but in prose two countries."""
    es = ents("前言。\n\n澳洲與紐西蘭事前幾乎沒有收到通知。\n", resources)
    assert one(es, "澳洲").kb_id == "au" and one(es, "紐西蘭").kb_id == "nz"


def test_an_office_verb_glued_to_the_office_is_no_name(resources):
    """曾任陸軍副司令的退役中將鍾振華: 任陸軍 (jieba's guess after 曾) is no person; 鍾振華 after the
    title 中將, cut 鍾|振華 and followed by a comma, is."""
    es = ents("前言。\n\n風傳媒專訪曾任陸軍副司令的退役中將鍾振華，他直言，國軍最大的敵人是自己的慣性。\n", resources)
    assert not find(es, "任陸軍") and one(es, "鍾振華").label == "PERSON"


def test_an_outlets_latin_name_in_its_publication_line(resources):
    """上報 UP MEDIA ｜ 評論: one ORG, Up Media (UP and MEDIA were ORGs of their own)."""
    es = ents("上報 UP MEDIA ｜ 評論\n\n林晉德觀點：鄭麗文的兩岸路線\n\n國民黨主席鄭麗文正式上任。\n", resources)
    assert [e.text for e in es if e.label == "ORG"][:1] == ["上報"] and not find(es, "UP") and not find(es, "MEDIA")


def test_an_estimate_of_two_neighbouring_numbers(resources):
    """兩三年 is two or three years, 七八個月 seven or eight months (it was '23 years')."""
    es = ents("前言。\n\n福建艦恐怕還需要兩三年的時間，或至少七八個月。\n", resources)
    assert one(es, "兩三年").en == "two or three years" and one(es, "七八個月").en == "seven or eight months"


def test_a_name_after_a_title_and_a_party(resources):
    """立法委員（國民黨）陳永康： and 國防部發言人孫立方： (孫 is tagged zg): people, as soundbite labels."""
    es = ents("前言。\n\n立法委員（國民黨）陳永康：\n\n國防部發言人孫立方：\n", resources)
    assert one(es, "陳永康").label == "PERSON" and one(es, "孫立方").label == "PERSON"


def test_names_in_records_and_interviews(resources):
    """請馬委員尊重發言委員: 尊重 is a verb, no given name (it was 'Ma Tsun-chung'); 韓總統室： is the
    Korean presidential office (it was a person 'Han Shi'); 副研究員鄭子|皓|則認為 and 教授馮|啟明|接受…訪問
    are whole names (鄭子 and nothing before)."""
    assert not [e for e in ents("主席：請馬委員尊重發言委員，等一下輪到您再質詢。\n", resources) if e.label == "PERSON"]
    es = ents("韩总统室：李在明拟明年初访日\n", resources)
    assert one(es, "韩总统室").kb_id == "kr-presidential-office"
    es = ents("前言。\n\n中央研究院政治學研究所副研究員鄭子皓則認為，這套敘事的主要受眾未必是港人。\n\n"
              "香港一所大學公共政策學系教授馮啟明接受端傳媒訪問時說，西方國家也有反干預立法。\n", resources)
    assert one(es, "鄭子皓").label == "PERSON" and one(es, "馮啟明").label == "PERSON"


def test_a_korean_outlets_names_and_ministry(resources):
    """A Yonhap report (韩联社首尔…电): the bare 外交部 is Korea's and an unknown name is read in Korean
    (李在雄: Lee Jae-ung, not Li Zaixiong); a Xinhua report's 外交部 stays China's."""
    es = ents("标题\n\n韩联社首尔11月27日电\n\n外交部发言人李在雄在例行记者会上表示，政府正密切关注。\n", resources)
    assert one(es, "外交部").kb_id == "kr-mofa" and one(es, "李在雄").en == "Lee Jae-ung"
    es = ents("标题\n\n新华社北京11月27日电\n\n外交部发言人林剑在例行记者会上表示，政府正密切关注。\n", resources)
    assert one(es, "外交部").kb_id == "cn-mfa"


def test_pairs_that_are_no_clusters_and_a_party_centre(resources):
    """選舉中以些微過半得票勝出 (中以: "in … by") and 以菲制華 (using the Philippines) are no China–Israel
    or Israel–Philippines pair; 中以關係 is; 黨中央 is whichever party the text is about, no CCP link;
    菲海警 is the Philippine Coast Guard (it was China's)."""
    assert not [e for e in ents("前言。\n\n鄭麗文在10月的黨主席選舉中以些微過半得票勝出。\n", resources) if e.label == "GPE"]
    assert not find(ents("前言。\n\n美方其真實目的無非是以菲制華。\n", resources), "以菲")
    assert one(ents("前言。\n\n中以關係緊張。\n", resources), "中以").members
    assert not find(ents("前言。\n\n國民黨主席鄭麗文上任，黨中央表面一片和氣。\n", resources), "黨中央")
    assert one(ents("前言。\n\n菲海警發言人頻頻炒作所謂中方霸凌。\n", resources), "菲海警").kb_id == "ph-coast-guard"


def test_a_season_and_slang_that_looks_like_an_acronym(resources):
    """冬季 is winter (it was 'week', read as a week number); PO文 is posting, no ORG 'PO'; 馬哈迪 is
    Mahathir and 東姑扎夫魯 Tengku Zafrul (東姑扎 was a person)."""
    es = ents("前言。\n\n中共空飄氣球多在冬季東北季風期間出現。\n\n賴桑跑去吃壽司還PO文說很讚。\n\n"
              "前首相馬哈迪更直言不諱，部長東姑扎夫魯則反駁說協議沒有損害主權。\n", resources)
    assert one(es, "冬季").en == "winter" and not find(es, "PO")
    assert one(es, "馬哈迪").kb_id == "my-mahathir-mohamad" and one(es, "東姑扎夫魯").kb_id == "my-tengku-zafrul"


@pytest.mark.parametrize("text, name", [
    ("中研院學者歐陽志遠表示，北京的施壓不會停止。", "歐陽志遠"),  # after a title, before a speech verb
    ("歐陽志遠則認為北京不會停止。", "歐陽志遠"),  # before 則
    ("司馬文表示，北京的施壓不會停止。", "司馬文"),  # a one-character given name
])
def test_a_name_with_a_two_character_surname_jieba_keeps_apart(resources, text, name):
    """歐陽|志遠, 司馬|文: jieba keeps the two-character surname a word of its own (tagged a place)."""
    assert one(ents(text, resources), name).label == "PERSON"


def test_a_two_character_surname_that_is_also_a_word_names_no_one(resources):
    assert not ents("東方國家表示關切。司馬昭之心，路人皆知。", resources)


def test_malaysian_honorifics_are_titles_and_malaysian_names_are_known(resources):
    """首相拿督斯里安華, 外交部長拿督斯里莫哈末哈山: 拿督斯里 (Datuk Seri) is an honorific, no person
    ('Na Dusili'), and jieba no longer glues it to the name after it (拿督斯里林|冠英); Sarawak, the
    Luconia Shoals and Petronas are in the KB (砂拉越外海南康暗沙 was 海南, Hainan)."""
    es = ents("首相拿督斯里安華強調，外交部長拿督斯里莫哈末哈山透露，中國海警船隻在砂拉越外海南康暗沙一帶出沒，國油照常作業。"
              "部長拿督斯里林冠英表示支持。", resources)
    assert not find(es, "拿督斯里") and not find(es, "海南")
    assert one(es, "安華").kb_id == "my-anwar-ibrahim" and one(es, "莫哈末哈山").kb_id == "my-mohamad-hasan"
    assert one(es, "砂拉越").kb_id == "prov-my-sarawak" and one(es, "南康暗沙").kb_id == "loc-luconia-shoals"
    assert one(es, "國油").kb_id == "my-petronas" and one(es, "林冠英").label == "PERSON"


def test_a_ship_named_in_quotation_marks_is_no_province(resources):
    """中國航空母艦「遼寧」號: the carrier, not Liaoning province, and 號 glosses "(ship)"."""
    doc = annotate_text("標題\n\n中國航空母艦「遼寧」號和「山東」號今年6月首次同時在太平洋活動。\n", "s", resources)
    unit = doc.units[-1]
    assert not [e for e in unit.entities if e.text in ("遼寧", "山東")]
    assert [t.gloss for t in unit.tokens if t.text == "號"] == ["(ship)", "(ship)"]


def test_today_s_date_after_a_name_is_not_part_of_it(resources):
    """委員葉宗翰今（27）日表示: 今 opens the date (the name was 葉宗翰今)."""
    es = ents("立法院外交及國防委員會委員葉宗翰今（27）日表示，軍購交運進度落後。", resources)
    assert one(es, "葉宗翰").label == "PERSON" and not find(es, "葉宗翰今")


def test_a_japanese_name_with_a_two_character_surname_leaves_its_first_character_alone(resources):
    """中谷元: 中谷 refers to him later, 中 (…在GDP中的占比) does not; 菅 still refers to 菅義偉."""
    doc = annotate_text("標題\n\n日本防衛大臣中谷元與前首相菅義偉出席。\n\n美國呼籲盟友提高防務開支在GDP中的占比。"
                        "菅表示支持，中谷則表示反對。\n", "j", resources)
    refs = [(e.text, e.kb_id) for u in doc.units[2:] for e in u.entities if e.label == "PERSON"]
    assert refs == [("菅", "jp-yoshihide-suga"), ("中谷", "jp-gen-nakatani")]


def test_eastern_time_is_no_place(resources):
    assert not find(ents("美國國務院發言人布魯斯16日（美東時間）發表聲明。", resources), "美東時間")


def test_the_yongsan_office_and_a_document_named_with_a_date_in_digits(resources):
    """龍山總統室 is the South Korean presidential office (龍山 was Longshan County); 《9·19韓朝軍事協議》
    is in the KB; a document the KB lacks keeps its digits (9.19 …, it was all pinyin)."""
    es = ents("李在明在龍山總統室主持國務會議，政府研究恢復《9·19韓朝軍事協議》與《9·19韓朝經濟協議》。", resources)
    assert one(es, "龍山總統室").kb_id == "kr-presidential-office"
    assert one(es, "9·19韓朝軍事協議").kb_id == "policy-comprehensive-military-agreement"
    assert one(es, "9·19韓朝經濟協議").en.startswith("9.19 ")


@pytest.mark.parametrize("text, name", [
    ("凌晨4點，63歲的陳金水已經在料羅漁港整理漁網。", "陳金水"),
    ("在金城鎮經營民宿的許雅婷（34歲）說，觀光客感受不到緊張。", "許雅婷"),
])
def test_a_person_s_age_says_the_name_is_a_person_s(resources, text, name):
    assert one(ents(text, resources), name).label == "PERSON"


def test_a_surname_zhou_after_a_title_opens_a_name_not_a_weekday(resources):
    """研究員周一鳴: a person (周一 was Monday); 部長周二將出訪 keeps Tuesday."""
    es = ents("上海國際問題研究院研究員周一鳴指出，北京不會讓步。部長周二將出訪。", resources)
    assert one(es, "周一鳴").label == "PERSON" and one(es, "周二").label == "DATE"


def test_a_japanese_name_found_by_the_rules_is_referred_to_by_its_surname(resources):
    """森田浩二 (read in Japanese, not in the KB), then 森田認為: the same person."""
    doc = annotate_text("標題\n\n慶應義塾大學教授森田浩二在東京接受訪問時說，高市是安倍路線的繼承者。\n\n森田認為，日本政界的認知已根本改變。\n",
                        "m", resources)
    ref = [e for e in doc.units[-1].entities if e.text == "森田"]
    assert ref and ref[0].en == "Koji Morita"


def test_germany_s_defence_ministry_and_the_swp(resources):
    es = ents("據德國國防部發布的消息，德國國際與安全事務研究所（SWP）研究員韋伯表示支持。經濟安保法修訂提上日程。", resources)
    assert one(es, "德國國防部").kb_id == "de-bmvg" and one(es, "德國國際與安全事務研究所").kb_id == "de-swp"
    assert one(es, "經濟安保法").kb_id == "policy-jp-economic-security-promotion-act"


def test_malaysian_opposition_leaders_and_parties(resources):
    es = ents("国会反对党领袖拿督斯里哈姆扎再努丁发文批评首相。国盟主席丹斯里慕尤丁也表示，政府应向国会交代。伊党署理主席端依布拉欣则认为政府过于依赖中国。", resources)
    assert one(es, "哈姆扎再努丁").kb_id == "my-hamzah-zainudin" and one(es, "慕尤丁").kb_id == "my-muhyiddin-yassin"
    assert one(es, "国盟").kb_id == "my-party-pn" and one(es, "伊党").kb_id == "my-party-pas" and not find(es, "哈姆")


def test_an_electoral_system_is_no_election_and_a_filibuster_no_foreign_secretary(resources):
    """2021年選舉|制度改變後: no '2021 election'; 拉布內耗 (filibustering) is not Dominic Raab; 馬斯特 is
    Brian Mast (the KB's), and 麥馬斯特 still H. R. McMaster."""
    es = ents("今次選舉是2021年選舉制度改變後第二次選舉。議會由拉布內耗轉向理性務實。眾議院外委會主席馬斯特與前國安顧問麥馬斯特出席。", resources)
    assert not find(es, "2021年選舉") and not find(es, "拉布")
    assert one(es, "馬斯特").kb_id == "us-brian-mast" and one(es, "麥馬斯特").kb_id == "us-hr-mcmaster"


def test_a_ship_whose_mark_jieba_glued_to_the_next_word_and_a_committee_record(resources):
    """「福建|艦若…」: the carrier, not Fujian; 委員會紀錄 in the gazette's header is no body 'Weiyuanhuijilu';
    鄧振中 is Taiwan's trade negotiator (鄧振|中日 was cut)."""
    es = ents("「福建艦若常態化進出宮古海峽，解放軍就能接近西南諸島。」立法院公報 第114卷第106期 委員會紀錄。總談判代表鄧振中日前坦言。", resources)
    assert not find(es, "福建") and not find(es, "委員會紀錄") and one(es, "鄧振中").kb_id == "tw-john-deng"


def test_a_body_pointed_to_is_no_name_and_a_name_set_in_capitals_no_acronyms(resources):
    """經本|協會 ("through this association") is no ORG 'Classics This Association'; CHINESE
    COMMERCIAL NEWS (an outlet's name in capitals) holds no acronyms; NATO in brackets still is one."""
    es = ents("截至12月18日，經本協會轉交之捐款合計約1億元。菲律賓商報 CHINESE COMMERCIAL NEWS 報導，北約（NATO）表示關切。", resources)
    assert not find(es, "經本協會") and not find(es, "CHINESE") and not find(es, "NEWS") and one(es, "NATO").label == "ORG"


def test_the_japan_taiwan_exchange_association_s_representative_and_his_counterpart(resources):
    doc = annotate_text("片山和之代表向台灣各界致謝\n\n台灣日本關係協會蘇嘉全會長將捐款目錄交予片山和之代表。\n\n"
                        "片山代表表示：「台灣的朋友們總是第一時間伸出援手，我謹代表日本國民，致上由衷的感謝。」\n", "jtea", resources)
    last = doc.units[-1]
    assert last.stance["holder"]["kb_id"] == "jp-kazuyuki-katayama"
    assert [e.kb_id for e in doc.units[1].entities if e.label == "PERSON"] == ["tw-su-jia-chyuan", "jp-kazuyuki-katayama"]


def test_a_latin_name_with_a_nickname_in_brackets_completes_the_name_before_it(resources):
    """參議員戴拉羅薩（Ronald "Bato" dela Rosa）, 副總統莎拉·杜特地（Sara Duterte）: the whole Chinese name
    (戴拉羅 and 莎拉·杜 were cut) with the English in brackets."""
    es = ents('副總統莎拉·杜特地（Sara Duterte）透過影片喊話。參議員戴拉羅薩（Ronald "Bato" dela Rosa）亦發文支持。', resources)
    assert one(es, "莎拉·杜特地").en == "Sara Duterte" and one(es, "戴拉羅薩").en == 'Ronald "Bato" dela Rosa'


def test_an_office_two_countries_share_a_name_for_keeps_the_english_they_share(resources):
    """總統府 in a report on the Philippines: neither Taiwan's nor Korea's (unlinked), but still
    'Office of the President' (it had no English)."""
    doc = annotate_text("標題\n\n小馬科斯總統週日在岷市出席儀式。總統府新聞秘書回應稱，政府尊重民眾和平集會的權利。\n", "ph", resources)
    office = [e for e in doc.units[-1].entities if e.text == "總統府"]
    assert office and office[0].kb_id is None and office[0].en == "Office of the President"


def test_a_temple_is_no_person_and_the_beijing_news(resources):
    es = ents("台下坐著數千名來自台灣的里長、宮廟主委、農漁會幹部。新京報訊（記者王昱）外交部發言人林劍主持例行記者會。", resources)
    assert not find(es, "宮廟") and one(es, "新京報").kb_id == "cn-beijing-news"


def test_a_conditional_after_a_title_is_no_name(resources):
    """賴總統若真有心…: 若真 ("if really") is no person after the title (it was 'Jo Chen')."""
    assert not find(ents("賴總統若真有心「團結」，就應停止對交流者寒蟬恫嚇。", resources), "若真")


def test_a_count_of_times_after_a_title_is_no_name(resources):
    """拜登總統曾四度表示…: 曾 'once' and 四度 'four times' are no person (it was 'Tseng Ssu-tu'),
    nor is 總統曾兩次…; a name that begins with 曾 still is one."""
    assert not find(ents("拜登總統曾四度表示美軍會協防台灣。", resources), "曾四度")
    assert not [e for e in ents("總統曾兩次表示支持。", resources) if e.label == "PERSON"]
    assert one(ents("教授曾一帆表示支持。", resources), "曾一帆").label == "PERSON"


def test_a_mission_of_two_countries_found_apart_is_one_body(resources):
    """中國駐菲律賓大使館: one ORG, the Chinese Embassy in the Philippines (it was China and the
    Philippines); 日本駐香港總領事館 the Japanese Consulate General in Hong Kong."""
    es = ents("中國駐菲律賓大使館隨即發表聲明。日本駐香港總領事館也表示關切。", resources)
    assert one(es, "中國駐菲律賓大使館").en == "Chinese Embassy in the Philippines"
    assert one(es, "日本駐香港總領事館").en == "Japanese Consulate General in Hong Kong"
    assert not find(es, "菲律賓") and not find(es, "中國")


def test_a_relation_between_countries_names_a_weak_abbreviation_too(resources):
    """朝俄合作, 中朝關係: North Korea's 朝 (a weak abbreviation, 'toward') is in the pair before a word
    for what is between the countries (朝俄 had no entity); 朝 'toward' before a country stays no one."""
    assert one(ents("國情院表示，朝俄合作已擴大到太空與潛艦技術。", resources), "朝俄").en == "North Korea–Russia"
    assert one(ents("中朝關係近來升溫。", resources), "中朝").members is not None
    assert not find(ents("他朝美國大使館走去。", resources), "朝美")
    assert one(ents("國務院2月更新美台關係事實清單。", resources), "美台").en == "US–Taiwan"  # 更新: 新 is no Singapore


def test_the_declaration_on_the_conduct_of_parties_and_the_israeli_palestinian_conflict(resources):
    es = ents("越南並不相信中國會遵守《南海各方行為宣言》。以巴衝突與以哈戰爭不同。", resources)
    assert one(es, "南海各方行為宣言").kb_id == "policy-south-china-sea-doc"
    assert one(es, "以巴衝突").kb_id == "event-israeli-palestinian-conflict" and one(es, "以哈戰爭").kb_id == "event-israel-hamas-war"


def test_indonesia_s_foreign_minister_in_simplified_text(resources):
    """印尼外长苏吉奥诺: Sugiono, whole (it was 苏吉奥 'Su Jiao')."""
    assert one(ents("印尼外长苏吉奥诺表示，加入金砖不代表印尼放弃不结盟的外交传统。", resources), "苏吉奥诺").kb_id == "id-sugiono"


def test_japan_s_business_federations_and_their_chairmen(resources):
    """日本經濟團體聯合會（經團連）會長筒井義信 (the holder was 日本), 日本商工會議所會頭小林健 (會頭, the
    chamber's title, was cut 會|頭 and the name lost)."""
    es = ents("日本經濟團體聯合會（經團連）會長筒井義信在記者會上表示。日本商工會議所會頭小林健則表示。", resources)
    assert one(es, "經團連").kb_id == "jp-keidanren" and one(es, "筒井義信").kb_id == "jp-yoshinobu-tsutsui"
    assert one(es, "日本商工會議所").kb_id == "jp-jcci" and one(es, "小林健").label == "PERSON"


def test_a_name_ending_like_a_date_before_a_speech_verb_and_all_not_recalled(resources):
    """研究員劉大年提醒: a name although 年 mostly ends none (it had no name, and the holder was the
    title); 立委全數未被罷免: 全數未 is no person ('Chuan Shu-wei'); 執政八年 stays a span of time."""
    assert one(ents("中華經濟研究院研究員劉大年提醒，關稅威脅仍未解除。", resources), "劉大年").label == "PERSON"
    assert not [e for e in ents("24位國民黨立委全數未被罷免。", resources) if e.label == "PERSON"]
    assert one(ents("總統執政八年表示。", resources), "八年").label == "DATE"


def test_the_hketo_certification_act(resources):
    es = ents("美國國會近日通過所謂的「香港經濟貿易辦事處認證法案」。", resources)
    assert one(es, "香港經濟貿易辦事處認證法案").en == "Hong Kong Economic and Trade Office Certification Act"


def test_the_batanes_in_mainland_spelling(resources):
    assert one(ents("美军把中程导弹系统部署到巴坦群岛，距离台湾仅约200公里。", resources), "巴坦群岛").kb_id == "loc-batanes"


def test_a_place_s_name_opening_a_person_s_after_a_title_before_their_latin_name(resources):
    """菲律賓外長拉薩羅（Theresa Lazaro）: the foreign secretary, not Lhasa and 羅; 拉薩羅則說 later too."""
    doc = annotate_text("標題\n\n越南外長裴青山今天在河內與菲律賓外長拉薩羅（Theresa Lazaro）會談。\n\n拉薩羅則說，兩國有共同責任。\n", "ph", resources)
    assert [(e.text, e.label) for e in doc.units[1].entities if e.text.startswith("拉薩")] == [("拉薩羅", "PERSON")]
    assert [e.en for e in doc.units[2].entities if e.text == "拉薩羅"] == ["Theresa Lazaro"]
    assert one(ents("西藏自治區首府拉薩（Lhasa）海拔很高。", resources), "拉薩").label == "GPE"


def test_a_country_pair_before_a_clause_word_jieba_glued_into_a_name(resources):
    """日韓若能…: jieba cuts 日|韓若能 and tags it a name, glossed 'South Korea if can' (no name's
    gloss): the pair is Japan–South Korea and there is no person; 韓國瑜 and 李開復 stay people."""
    es = ents("日韓若能真正放下歷史包袱，對區域和平穩定無疑是好事。", resources)
    assert not [e for e in es if e.label == "PERSON"]
    assert one(es, "日韓").members
    assert one(ents("李開復表示，韓國瑜說。", resources), "韓國瑜").label == "PERSON"


def test_a_newsroom_byline_names_no_one(resources):
    """By Staff Writer: no person (it was one); By Jane Doe still names her."""
    doc = annotate_text("美韓關稅談判達成協議\n\nBy Staff Writer\n\n美國總統川普表示，協議對雙方有利。\n", "s", resources)
    assert doc.units[1].kind == "byline" and not doc.units[1].entities
    doc = annotate_text("美韓關稅談判達成協議\n\nBy Jane Doe\n\n美國總統川普表示，協議對雙方有利。\n", "s", resources)
    assert [(e.text, e.label) for e in doc.units[1].entities] == [("Jane Doe", "PERSON")]


def test_a_hong_kong_reporter_s_outlet_above_the_name(resources):
    """香港01記者 / 陳嘉欣: a Hong Kong outlet's reporter, so names read in Cantonese (Chan Ka-yan, was
    Chen Chia-hsin) and 民主黨 is Hong Kong's Democratic Party (was the US party); in a Taiwanese
    article 民主黨 stays the American one."""
    doc = annotate_text("李家超：反對外國干預\n\n香港01記者 陳嘉欣\n\n行政長官李家超今日表示，特區政府強烈譴責。\n\n"
                        "民主黨前主席劉慧卿則認為，特區政府應以更開放的態度回應。\n", "hk01", resources)
    people = {e.text: e.en for u in doc.units for e in u.entities if e.label == "PERSON"}
    assert people["陳嘉欣"] == "Chan Ka-yan" and people["劉慧卿"] == "Emily Lau"
    assert [e.kb_id for e in doc.units[-1].entities if e.text == "民主黨"] == ["hk-party-democratic"]
    assert one(ents("民主黨參議員舒默表示反對。", resources), "民主黨").kb_id == "us-party-democratic"


def test_the_us_and_the_west(resources):
    """美西方, a Mainland term for the United States and its Western allies (no entity before)."""
    assert one(ents("美西方炒作中國威脅論。", resources), "美西方").en == "the US and the West"


def test_a_japanese_press_secretary_s_name(resources):
    """日本外務省報道官北村俊博: 報道官 is a title (it was cut 報道|官 and the name lost); 夏佛里 is
    Indonesia's defence minister (it was read as a Chinese name, Hsia Fu-li)."""
    es = ents("日本外務省報道官北村俊博表示，印尼國防部長夏佛里表示。", resources)
    assert one(es, "北村俊博").en == "Toshihiro Kitamura"
    assert one(es, "夏佛里").en == "Sjafrie Sjamsoeddin"


def test_a_latin_name_opening_with_a_known_first_name_and_its_surname_later(resources):
    """Pete Ricketts今天抵台: a person though no title or speech verb is next to it (it was nothing),
    and Ricketts right before Han text later refers to him (a Han character after it was taken for a
    letter of a longer word)."""
    doc = annotate_text("美參議員訪台\n\nPete Ricketts今天抵台。\n\nRicketts在會後受訪時表示，台美關係堅若磐石。\n", "r", resources)
    assert [(e.text, e.en) for e in doc.units[1].entities if e.label == "PERSON"] == [("Pete Ricketts", "Pete Ricketts")]
    assert [(e.text, e.en) for e in doc.units[2].entities if e.label == "PERSON"] == [("Ricketts", "Pete Ricketts")]


def test_ulchi_freedom_shield_and_kbs(resources):
    """乙支自由之盾 is the Ulchi Freedom Shield exercise (its 自由 counted as praise), KBS中文 the KBS
    (its English was 'KBS中文')."""
    es = ents("KBS中文报道，韩美“乙支自由之盾”联合军演今天展开。", resources)
    assert one(es, "乙支自由之盾").en == "Ulchi Freedom Shield" and one(es, "KBS中文").en == "KBS"


def test_a_party_secretary_general_s_name(resources):
    """立憲民主黨幹事長安住淳: 幹事長 is one word (jieba cut 幹事|長安|住淳, Chang'an) and the name is
    Jun Azumi's; 西田實仁 is Makoto Nishida (no reading found it)."""
    assert one(ents("立憲民主黨幹事長安住淳表示反對。", resources), "安住淳").en == "Jun Azumi"
    assert one(ents("公明黨幹事長西田實仁會面。", resources), "西田實仁").en == "Makoto Nishida"


def test_a_japanese_surname_no_chinese_name_begins_with(resources):
    """官房副長官佐藤|啟: jieba leaves 佐藤 alone, and with no country in its clause it was read as a
    Chinese name (Tso Teng); a Japanese surname no Chinese name begins with reads as Japanese."""
    assert one(ents("官房副長官佐藤啟表示。", resources), "佐藤").en == "Sato"
    assert one(ents("記者王小明表示。", resources), "王小明").en == "Wang Hsiao-ming"


def test_a_country_s_one_character_name_opening_a_clause(resources):
    """美擬對半導體課徵關稅 (jieba's 美擬 'beautiful plan to' is cut 美|擬), 日稱將反制, 韓要求撤回: the
    country, subject of a verb, opening a headline or a clause; not 日 of a date after a space
    (9 月 29 日), a weekday's (週六、日都上班) nor 台 of a stage (台上握手、台下滑手機)."""
    es = ents("美擬對半導體課徵關稅，日稱將反制，韓要求撤回。", resources)
    assert [(e.text, e.en) for e in es if len(e.text) == 1] == [("美", "U.S."), ("日", "Japan"), ("韓", "South Korea")]
    assert not [e for e in ents("英國首相在 2018 年 9 月 29 日參加會議。", resources) if e.text == "日"]
    assert not [e for e in ents("交接那天台上握手、台下滑手機。", resources) if e.text == "台"]


def test_two_weak_abbreviations_kept_together_before_a_border(resources):
    """泰柬邊境衝突: Thailand–Cambodia, though 泰 and 柬 alone could be anything (it was glossed 'safe
    card'); 以巴衝突 stays the event."""
    assert one(ents("泰柬邊境衝突升級。", resources), "泰柬").en == "Thailand–Cambodia"
    assert one(ents("以巴衝突持續。", resources), "以巴衝突").label == "EVENT"
