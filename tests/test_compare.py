"""pipeline.compare: actors across languages, stance by actor, related passages, coverage, report
and the CLI, on short texts written for these tests (not from the corpus)."""

from __future__ import annotations

import csv
import json

import pytest

from pipeline.compare import Loader, compare, compare_files
from pipeline.compare.actors import ActorIndex
from pipeline.compare.align import fill_gaps, monotonic_alignment, near_parallel
from pipeline.compare.stance import agreement, stance_by_actor

ZH = ("石破茂首相與南韓總統李在明在首爾會談，雙方同意強化安全合作。\n\n"
      "北韓再次試射飛彈，日本政府強烈譴責。\n\n"
      "美國表示支持日韓兩國的合作。\n")
EN = ("Prime Minister Shigeru Ishiba and South Korean President Lee Jae-myung met in Seoul and agreed to "
      "strengthen security cooperation. North Korea test-fired another missile, and the Japanese government "
      "strongly condemned the launch. The United States said it supports cooperation between the two countries.\n")
UNRELATED = ("Grain prices in Argentina rose sharply this spring. Farmers blamed the drought. "
             "Exporters expect a weak harvest in Brazil as well.\n")


@pytest.fixture(scope="module")
def loader(resources):
    return Loader(resources)


@pytest.fixture(scope="module")
def texts(loader, tmp_path_factory):
    d = tmp_path_factory.mktemp("texts")
    (d / "summit-zh.txt").write_text(ZH, encoding="utf-8")
    (d / "summit-en.txt").write_text(EN, encoding="utf-8")
    (d / "grain-en.txt").write_text(UNRELATED, encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def pair(loader, texts):
    return compare(loader.load(texts / "summit-zh.txt"), loader.load(texts / "summit-en.txt"), loader)


# -- loading ------------------------------------------------------------------------------------
def test_language_is_detected_and_jsonl_is_read(loader, texts, tmp_path):
    zh = loader.load(texts / "summit-zh.txt")
    en = loader.load(texts / "summit-en.txt")
    assert (zh.lang, en.lang) == ("zh", "en")
    assert [r["kind"] for r in zh.units] == ["body"] * 3 and len(en.units) == 3
    path = tmp_path / "summit-zh.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in zh.records), encoding="utf-8")
    again = loader.load(path)
    assert again.lang == "zh" and again.records == zh.records


# -- actors -------------------------------------------------------------------------------------
def test_actors_meet_across_languages(pair):
    shared = set(pair.shared)
    assert {"jp-shigeru-ishiba", "kr-lee-jae-myung", "kr", "kp", "jp", "us"} <= shared
    assert pair.actors_first["jp-shigeru-ishiba"].forms["石破茂"] == 1
    assert pair.actors_other["jp-shigeru-ishiba"].forms["Shigeru Ishiba"] == 1
    # demonyms count for the country, and the forms seen are kept
    assert pair.actors_other["jp"].forms["Japanese"] == 1
    assert pair.actors_other["kr"].forms["South Korean"] == 1


def test_capitals_fold_into_their_country_and_clusters_count_each_member(resources):
    index = ActorIndex(resources.kb)
    rec = {"entities": [
        {"text": "北京", "start": 0, "end": 2, "label": "GPE", "kb_id": "city-beijing", "en": "Beijing"},
        {"text": "美日", "start": 3, "end": 5, "label": "GPE", "kb_id": None, "en": "US–Japan",
         "members": [{"kb_id": "us", "en": "United States"}, {"kb_id": "jp", "en": "Japan"}]},
        {"text": "2031年", "start": 6, "end": 11, "label": "DATE", "kb_id": None, "en": "2031"},
        {"text": "王小明", "start": 12, "end": 15, "label": "PERSON", "kb_id": None, "en": "~Wang Xiaoming"},
    ]}
    assert [m.key for m in index.mentions(rec)] == ["cn", "us", "jp", "name:wangxiaoming"]
    actors = index.actors([{**rec, "n": 0}])
    assert actors["cn"].name == "China" and actors["cn"].forms == {"北京": 1}
    assert actors["name:wangxiaoming"].name == "~Wang Xiaoming"


# -- related passages ---------------------------------------------------------------------------
def test_translation_aligns_one_to_one(pair):
    al = pair.alignment
    assert al.parallel
    assert [links[0].j for links in al.ranked] == [0, 1, 2]
    assert all(links[0].aligned for links in al.ranked)
    top = al.ranked[0][0]
    assert "Shigeru Ishiba" in top.shared_actors and "cooperation" in top.shared_words


def test_unrelated_texts_are_not_parallel(loader, texts):
    c = compare(loader.load(texts / "summit-zh.txt"), loader.load(texts / "grain-en.txt"), loader)
    assert not c.alignment.parallel
    assert not c.shared
    assert all(not l.aligned for links in c.alignment.ranked for l in links)


def test_monotonic_alignment_and_parallel_test():
    sim = [[0.9, 0.1, 0.0], [0.2, 0.1, 0.8], [0.0, 0.7, 0.1]]
    assert monotonic_alignment(sim) == [(0, 0), (1, 2)]
    assert near_parallel(sim, [(0, 0), (1, 2)])
    assert monotonic_alignment([[0.01, 0.0]]) == []
    assert not near_parallel([[0.5] * 5], [(0, 0)])  # one sentence against five: not parallel


# -- stance -------------------------------------------------------------------------------------
def _rec(n, text, kb_id, pol, lang="zh"):
    return {"n": n, "text": text, "kind": "body", "lang": lang, "gloss_en": "", "tokens": [],
            "entities": [{"text": text, "start": 0, "end": len(text), "label": "GPE", "kb_id": kb_id, "en": kb_id}],
            "stance": {"bearing": True, "types": ["evaluation"], "holder": "AUTHOR",
                       "targets": [{"text": text, "kb_id": kb_id, "en": kb_id, "polarity": pol}],
                       "cues": [{"text": "x", "start": 0, "end": 1, "kind": "evaluation"}], "score": 0.5}}


def test_stance_layer_is_used_when_present_and_disagreement_found(resources):
    index = ActorIndex(resources.kb)
    za, src_a = stance_by_actor([_rec(0, "北韓", "kp", "negative"), _rec(1, "平壤", "city-pyongyang", "negative")], "zh", index)
    eb, src_b = stance_by_actor([_rec(0, "DPRK", "kp", "positive", "en")], "en", index)
    assert src_a == "stance-stage" and src_b == "english-lexicon"
    assert za["kp"].overall == "negative" and len(za["kp"].items) == 2  # Pyongyang counts for North Korea
    assert eb["kp"].overall == "positive"
    assert agreement(za["kp"], eb["kp"]) == "disagree"
    assert agreement(za["kp"], None) == "one-sided"


def without_stance(text):
    """The text as annotated before the stance stage existed (every stance object empty)."""
    from pipeline.compare import Text
    from pipeline.model import empty_stance

    return Text(text.doc_id, text.lang, [{**r, "stance": empty_stance()} for r in text.records], text.source)


def test_stance_stage_targets_and_holders(pair):
    assert pair.stance_source == ("stance-stage", "english-lexicon")
    assert pair.stance_first["kp"].overall == "negative" and pair.stance_other["kp"].overall == "negative"
    assert pair.agreement("kp") == "agree"
    # 美國表示支持日韓兩國的合作: the cluster target 日韓 counts for Japan and South Korea
    last = pair.first.units[2]["n"]
    assert {(it.n, it.polarity) for it in pair.stance_first["jp"].items} >= {(last, "positive")}
    assert {(it.n, it.polarity) for it in pair.stance_first["kr"].items} >= {(last, "positive")}
    # … and the US holds it, as in English "The United States said it supports …"
    assert [(it.n, it.polarity) for it in pair.stance_first["us"].said] == [(last, "positive")]
    said = pair.stance_other["us"].said
    assert [it.n for it in said] == [2] and said[0].polarity == "positive"


def test_gloss_lexicon_stance_when_records_have_none(loader, pair):
    c = compare(without_stance(pair.first), pair.other, loader)
    assert c.stance_source == ("gloss-lexicon", "english-lexicon")
    kp = c.stance_first["kp"].items[0]
    assert kp.polarity == "negative" and any("譴責" in cue for cue in kp.cues)
    assert c.agreement("kp") == "agree"


# -- report and CLI -----------------------------------------------------------------------------
def test_report_files_and_escaping(loader, texts, tmp_path):
    evil = texts / "evil-en.txt"
    evil.write_text("Japan said <script>alert(1)</script> & “more” about Seoul.\n", encoding="utf-8")
    out = tmp_path / "report"
    html_path = compare_files(texts / "summit-zh.txt", [texts / "summit-en.txt", evil], out, loader)
    html = html_path.read_text(encoding="utf-8")
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    for section in ("actors", "stance", "passages", "coverage"):
        assert f'id="{section}-1"' in html and f'id="{section}-2"' in html
    assert "http://" not in html and "https://" not in html and "<link" not in html
    with (out / "actors.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    ishiba = next(r for r in rows if r["actor_key"] == "jp-shigeru-ishiba" and r["other"] == "summit-en")
    assert ishiba["in"] == "both" and ishiba["count_first"] == ishiba["count_other"] == "1"
    with (out / "passages.csv").open(encoding="utf-8") as f:
        firsts = [r for r in csv.DictReader(f) if r["rank"] == "1" and r["other"] == "summit-en"]
    assert [r["other_n"] for r in firsts] == ["0", "1", "2"]
    for name in ("stance", "coverage"):
        assert (out / f"{name}.csv").read_text(encoding="utf-8").startswith("first,other,")


def test_cli_compare_and_errors(texts, tmp_path, capsys):
    from pipeline.cli import main

    out = tmp_path / "rep"
    assert main(["compare", str(texts / "summit-zh.txt"), str(texts / "summit-en.txt"), "-o", str(out)]) == 0
    assert (out / "index.html").is_file()
    capsys.readouterr()
    missing = tmp_path / "nope.md"
    assert main(["compare", str(texts / "summit-zh.txt"), str(missing), "-o", str(out)]) == 1
    assert capsys.readouterr().err.strip() == f"Error: {missing}: no such file — check the path"
    assert main(["compare", str(texts / "summit-en.txt"), str(texts / "summit-zh.txt"), "-o", str(out)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"Error: {texts / 'summit-en.txt'}: the first text must be Chinese")


def test_chinese_against_chinese_matches_words_too(loader, texts, tmp_path):
    edited = tmp_path / "summit-zh-edited.txt"
    edited.write_text(ZH.replace("北韓再次試射飛彈，日本政府強烈譴責。\n\n", ""), encoding="utf-8")
    c = compare(loader.load(texts / "summit-zh.txt"), loader.load(edited), loader)
    assert c.other.lang == "zh" and c.alignment.parallel
    assert c.alignment.pairs == [(0, 0), (2, 1)]
    assert "強化" in c.alignment.ranked[0][0].shared_words  # the Chinese word itself


def test_english_html_article(loader, tmp_path):
    page = tmp_path / "column.html"
    page.write_text(
        "<html><head><title>Harbour diplomacy</title><script>var x = 1;</script></head><body>"
        "<nav>Home | World | Opinion</nav><article><h1>Harbour diplomacy</h1>"
        "<p>Japan and the Philippines signed a reciprocal access agreement in Manila on Monday, "
        "letting their troops train on each other's soil for the first time.</p>"
        "<p>China's foreign ministry criticised the pact, warning that outside powers should not "
        "stir up trouble in the South China Sea.</p>"
        "<p>Officials in Tokyo said the agreement was not aimed at any third country.</p>"
        "</article><footer>Copyright</footer></body></html>", encoding="utf-8")
    text = loader.load(page)
    assert text.lang == "en" and text.title == "Harbour diplomacy"
    bodies = [r["text"] for r in text.units if r["kind"] == "body"]
    assert bodies[0].startswith("Japan and the Philippines") and not any("var x" in b for b in bodies)
    keys = {e["kb_id"] for r in text.units for e in r["entities"]}
    assert {"jp", "ph", "city-manila", "cn", "loc-south-china-sea", "city-tokyo"} <= keys


def test_gaps_between_aligned_sentences_are_filled():
    sim = [[0.9, 0.0, 0.0, 0.0], [0.0, 0.01, 0.0, 0.0], [0.0, 0.0, 0.0, 0.8], [0.0, 0.0, 0.0, 0.1]]
    pairs = monotonic_alignment(sim)
    assert pairs == [(0, 0), (2, 3)]
    # unit 1 sits between anchors 0->0 and 2->3 with two free units opposite: no one-to-one gap;
    # unit 3 after the last anchor has none, and joins the neighbour it resembles (3)
    assert fill_gaps(sim, pairs) == [(3, 3)]
    sim2 = [[0.9, 0.0, 0.0], [0.0, 0.02, 0.0], [0.0, 0.0, 0.8]]
    assert fill_gaps(sim2, [(0, 0), (2, 2)]) == [(1, 1)]  # a sentence whose words did not match


def test_gloss_stance_follows_clauses(loader, tmp_path):
    path = tmp_path / "drills-zh.txt"
    path.write_text("隨著中國擴大軍事威脅，日本決定加強國防。\n", encoding="utf-8")
    text = without_stance(loader.load(path))
    st, source = stance_by_actor(text.units, "zh", ActorIndex(loader.res.kb))
    assert source == "gloss-lexicon"
    assert st["cn"].items[0].polarity == "negative" and st["jp"].items[0].polarity == "positive"


def test_countries_named_inside_organisations_and_events(resources):
    index = ActorIndex(resources.kb)
    assert index.countries_named_in("俄羅斯入侵烏克蘭") == ["ru", "ua"]
    assert index.countries_named_in("Chinese Foreign Ministry") == ["cn"]
    assert index.countries_named_in("Korean War") == []  # whole words only
    rec = {"entities": [{"text": "中國外交部", "start": 0, "end": 5, "label": "ORG", "kb_id": "cn-mfa", "en": "x"},
                        {"text": "南海", "start": 6, "end": 8, "label": "LOC", "kb_id": "loc-south-china-sea", "en": "x"}]}
    assert [m.key for m in index.mentions(rec)] == ["cn-mfa", "cn", "loc-south-china-sea"]


def test_passages_without_counterpart(pair, loader, texts):
    assert pair.unmatched("first") == [] and pair.unmatched("other") == []
    c = compare(loader.load(texts / "summit-zh.txt"), loader.load(texts / "grain-en.txt"), loader)
    assert c.unmatched("first") == [0, 1, 2] and c.unmatched("other") == [0, 1, 2]


def test_cluster_targets_and_holders_resolve_to_members(resources):
    index = ActorIndex(resources.kb)
    rec = {"n": 0, "text": "美國表示支持日韓合作", "kind": "body", "gloss_en": "", "tokens": [],
           "entities": [{"text": "美國", "start": 0, "end": 2, "label": "GPE", "kb_id": "us", "en": "United States"},
                        {"text": "日韓", "start": 6, "end": 8, "label": "GPE", "kb_id": None, "en": "Japan–South Korea",
                         "members": [{"kb_id": "jp", "en": "Japan"}, {"kb_id": "kr", "en": "South Korea"}]}],
           "stance": {"bearing": True, "types": ["attributed"], "score": 0.6, "cues": [],
                      "holder": {"text": "美國", "kb_id": "us", "en": "United States"},
                      "targets": [{"text": "日韓", "kb_id": None, "en": "Japan–South Korea", "polarity": "positive"}]}}
    assert index.keys_for(rec["stance"]["targets"][0], rec) == ["jp", "kr"]
    st, source = stance_by_actor([rec], "zh", index)
    assert source == "stance-stage"
    assert st["jp"].overall == st["kr"].overall == "positive"
    assert [it.polarity for it in st["us"].said] == ["positive"] and not st["us"].items


def test_a_holder_of_several_gives_each_member_as_an_actor(resources):
    index = ActorIndex(resources.kb)
    holder = {"text": "美國、日本與南韓", "kb_id": None, "en": "U.S., Japan and South Korea",
              "members": [{"kb_id": "us", "en": "U.S."}, {"kb_id": "jp", "en": "Japan"}, {"kb_id": "kr", "en": "South Korea"}]}
    assert index.keys_for(holder, {"entities": []}) == ["us", "jp", "kr"]


def test_what_a_negative_word_is_aimed_at_is_no_doer_in_english(resources):
    from pipeline.compare.lexicon import english_stance
    from pipeline.entities import tagger_for

    lex = tagger_for(resources).english.lex
    text = "China is a dangerous threat to Taiwan."
    ents = [{"text": "China", "start": 0, "end": 5, "label": "GPE", "kb_id": "cn", "en": "China"},
            {"text": "Taiwan", "start": 31, "end": 37, "label": "GPE", "kb_id": "tw", "en": "Taiwan"}]
    got = {t["kb_id"]: t["polarity"] for t in english_stance(text, ents, lex)["targets"]}
    assert got == {"cn": "negative", "tw": "neutral"}
