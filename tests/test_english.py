"""pipeline.english: the English side of zhgloss compare, on short texts written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.english import (English, Lexicons, content_words, lemma, match_key, paragraphs, polarity,
                              read_english, score_cues)


@pytest.fixture(scope="module")
def english(resources):
    return English(resources.kb)


@pytest.fixture(scope="module")
def lex():
    return Lexicons.load()


def ents(english, text):
    return [(e["text"], e["kb_id"], e["source"]) for e in english.sentence(text)["entities"]]


# -- words -------------------------------------------------------------------------------------
@pytest.mark.parametrize("word,expected", [
    ("countries", "country"), ("said", "say"), ("planned", "plan"), ("threats", "threat"),
    ("talks", "talk"), ("crisis", "crisis"), ("pressing", "press"), ("Alliances", "alliance"),
])
def test_lemma(word, expected):
    assert lemma(word) == expected


def test_match_key_conflates_derivations():
    assert match_key("cooperation") == match_key("cooperate") == match_key("cooperative")
    assert match_key("strengthened") == match_key("strengthen")
    assert match_key("agreement") == match_key("agree")
    assert match_key("defence") != match_key("fence")


def test_content_words_drop_stopwords_and_normalise_numbers(lex):
    words = content_words("The 2,000 troops of the U.S.-led force weren't leaving in 2025.", lex.stopwords)
    assert words == ["2000", "troops", "led", "force", "leaving", "2025"]


# -- entities ----------------------------------------------------------------------------------
def test_kb_names_aliases_and_family_name_order(english):
    found = ents(english, "Prime Minister Shigeru Ishiba met Ishiba Shigeru's critics, and Ishiba stayed calm.")
    assert [k for _t, k, _s in found] == ["jp-shigeru-ishiba"] * 3


def test_lowercase_us_is_not_the_united_states(english):
    assert ents(english, "Let us hope the US keeps its word.") == [("US", "us", "kb")]


def test_hyphenated_pairs_split(english):
    found = ents(english, "The U.S.-Japan and US-ROK alliances held.")
    assert [k for _t, k, _s in found] == ["us", "jp", "us", "kr"]


def test_demonyms_and_capitals(english):
    found = english.sentence("South Korean officials flew to Tokyo while Pyongyang stayed silent.")["entities"]
    by_text = {e["text"]: e for e in found}
    assert by_text["South Korean"]["kb_id"] == "kr" and by_text["South Korean"]["source"] == "demonym"
    assert by_text["Tokyo"]["kb_id"] == "city-tokyo" and by_text["Tokyo"]["metonymy_of"] == "jp"
    assert by_text["Pyongyang"]["metonymy_of"] == "kp"


def test_curly_apostrophe_names(english):
    found = ents(english, "Officials of the People’s Republic of China declined to comment.")
    assert found == [("People’s Republic of China", "cn", "kb")]


def test_capitalised_names_outside_the_kb(english):
    found = english.sentence("Officials said the Coastal Resilience Working Group met on Monday.")["entities"]
    rule = [e for e in found if e["source"] == "rule"]
    assert [(e["text"], e["label"]) for e in rule] == [("Coastal Resilience Working Group", "ORG")]
    person = english.sentence("Analysts quoted Marta Kowalczyk on the matter.")["entities"]
    assert [(e["text"], e["label"], e["kb_id"]) for e in person] == [("Marta Kowalczyk", "PERSON", None)]


@pytest.mark.parametrize("sentence, found", [
    # a known first name (from the KB's people) may open the sentence, and the name may end in -s
    ("Richard J. Samuels, Securing Japan (Ithaca: Cornell University Press, 2007), p. 45.",
     [("Richard J. Samuels", "PERSON"), ("Cornell University Press", "ORG")]),
    ("Analysts quoted Anthony Roberts on the matter.", [("Anthony Roberts", "PERSON")]),
    ("Japan examined Collective Self-Defense again.", []),  # a name cut at a hyphen is none
])
def test_names_outside_the_kb_and_their_labels(english, sentence, found):
    got = [(e["text"], e["label"]) for e in english.sentence(sentence)["entities"] if e["source"] == "rule"]
    assert got == found


# -- stance ------------------------------------------------------------------------------------
def test_stance_polarity_cues_and_holder(english):
    st = english.sentence("Beijing condemned the reckless drills near Taiwan.")["stance"]
    assert st["bearing"] and st["score"] < -0.05
    assert st["holder"]["kb_id"] == "city-beijing"
    assert [t["kb_id"] for t in st["targets"]] == ["tw"] and st["targets"][0]["polarity"] == "negative"
    assert {"condemned": "report"}.items() <= {c["text"]: c["kind"] for c in st["cues"] if c["kind"] == "report"}.items()
    good = english.sentence("Tokyo welcomed the agreement with Manila.")["stance"]
    assert polarity(good["score"]) == "positive"


def test_negation_flips_and_names_are_not_cues(english, lex):
    pos, _ = score_cues([("a", 0, 1), ("threat", 2, 8)], lex)
    neg, _ = score_cues([("not", 0, 3), ("a", 4, 5), ("threat", 6, 12)], lex)
    assert pos < 0 < neg
    st = english.sentence("The United Nations Security Council met.")["stance"]
    assert not st["bearing"] and st["cues"] == []


def test_modals_and_hedges_are_cues(english):
    kinds = {c["kind"] for c in english.sentence("Seoul may perhaps soften its line.")["stance"]["cues"]}
    assert {"modal", "hedge"} <= kinds


# -- articles ----------------------------------------------------------------------------------
ARTICLE = """---
title: "Harbour Talks: A Note"
date: 2031-05-02
---

# Harbour Talks: A Note

Negotiators from Japan and the
Philippines met in Manila. They
praised the progress.

## Next steps

Washington said it will support a
follow-up meeting.
"""


def test_markdown_article_front_matter_and_wrapped_lines(tmp_path, english):
    path = tmp_path / "harbour-talks.md"
    path.write_text(ARTICLE, encoding="utf-8")
    raw = read_english(path)
    assert raw.hints["title"] == "Harbour Talks: A Note" and "2031" not in raw.text
    paras = paragraphs(raw)
    assert [(p.kind, p.text) for p in paras] == [
        ("title", "Harbour Talks: A Note"),
        ("body", "Negotiators from Japan and the Philippines met in Manila. They praised the progress."),
        ("heading", "Next steps"),
        ("body", "Washington said it will support a follow-up meeting."),
    ]
    records, meta = english.analyse_file(path)
    assert meta["title"] == "Harbour Talks: A Note"
    assert [r["kind"] for r in records] == ["title", "body", "body", "heading", "body"]
    assert records[4]["section"] == "Next steps" and records[4]["lang"] == "en"
    assert [e["kb_id"] for e in records[1]["entities"]] == ["jp", "ph", "city-manila"]
    assert len({r["id"] for r in records}) == len(records)


def test_plain_text_and_line_mode(english):
    recs = english.analyse_text("First line. Second sentence.\n\nAnother paragraph.", "t")
    assert [r["text"] for r in recs] == ["First line.", "Second sentence.", "Another paragraph."]
    recs = english.analyse_text("First line. Second sentence.", "t", split=False)
    assert [r["text"] for r in recs] == ["First line. Second sentence."]


def test_vader_lexicon_comes_from_the_installed_package():
    import vaderSentiment

    licence = Path(vaderSentiment.__file__).parent.parent / "vaderSentiment-3.3.2.dist-info" / "LICENSE.txt"
    if licence.exists():
        assert "MIT License" in licence.read_text(encoding="utf-8")
    lex = Lexicons.load()
    assert lex.valence["threat"] < 0 < lex.valence["support"]


def test_holder_must_be_the_subject_of_the_reporting_verb(english):
    st = english.sentence("Our position on Taiwan is unchanged, and we call for a peaceful resolution.")["stance"]
    assert st["holder"] == "AUTHOR" and [t["kb_id"] for t in st["targets"]] == ["tw"]
    st = english.sentence("China's foreign ministry said the drills were a provocation.")["stance"]
    assert st["holder"]["kb_id"] == "cn" and st["score"] < 0


def test_political_register_overrides(lex):
    assert lex.valence["party"] == 0 and lex.valence["provocation"] < 0
    score, cues = score_cues([("the", 0, 3), ("party", 4, 9)], lex)
    assert score == 0 and cues == []


def test_one_paragraph_per_line_when_lines_are_long(english):
    long1 = "Harbour pilots in the northern port went on strike on Tuesday, demanding better pay and shorter shifts"
    long2 = "The port authority said talks would resume next week, but no date has been set for a new round of them."
    recs = english.analyse_text(f"Pilots strike at northern port\n{long1}.\n{long2}", "t")
    assert [r["text"] for r in recs] == ["Pilots strike at northern port", f"{long1}.", long2]


def test_capitalised_name_next_to_a_kb_name(english):
    found = english.sentence("The U.S. Disruptive Technology Strike Force will meet Japanese counterparts.")
    assert [(e["text"], e["source"]) for e in found["entities"]] == [
        ("U.S.", "kb"), ("Disruptive Technology Strike Force", "rule"), ("Japanese", "demonym")]
    assert not any(c["text"] in ("Disruptive", "Strike") for c in found["stance"]["cues"])


def test_titles_are_stripped_and_title_case_headlines_skip_the_name_rule(english):
    found = english.sentence("Officials met Energy Secretary Dana Whitlock and PM Arvo Kask on Friday.")["entities"]
    assert [(e["text"], e["label"]) for e in found] == [("Dana Whitlock", "PERSON"), ("Arvo Kask", "PERSON")]
    head = english.sentence("Harbour Board Weighs Penalizing Ferry Operators Over Delays")["entities"]
    assert head == []


def test_each_actor_takes_its_clause_polarity(english):
    st = english.sentence("As Russia escalates its brutal invasion, Japan and Canada pledged new aid to Kyiv.")["stance"]
    pol = {t["kb_id"]: t["polarity"] for t in st["targets"]}
    assert pol["ru"] == "negative" and pol["jp"] == "positive" and pol["city-kyiv"] == "positive"
    assert st["holder"]["kb_id"] == "ca"  # the subject of "pledged"
    # list items share the predicate that follows them
    st = english.sentence("Japan, Canada, and Australia welcomed the agreement.")["stance"]
    assert {t["polarity"] for t in st["targets"]} == {"positive"}


def test_a_negator_alone_is_not_negative(english):
    st = english.sentence("There is no change in our position on Taiwan.")["stance"]
    assert st["score"] == 0 and not st["bearing"]
