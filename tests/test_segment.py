"""Word segmentation on the Simplified shadow, with offsets in the original text."""

from __future__ import annotations

import pytest

from pipeline.errors import DataError
from pipeline.segment import Converter, Segmenter, UserWord, load_user_dict, merge_spans


@pytest.fixture(scope="module")
def seg(resources):
    return resources.segmenter


def test_shadow_is_length_preserving_with_fallback():
    conv = Converter()
    text = "臺灣的國會議員說：「這是歷史性的一刻。」"
    assert len(conv.convert(text)) == len(text)
    assert conv.convert(text).startswith("台湾")

    class Expanding(Converter):
        def convert(self, text):  # an OpenCC config that changes length forces the fallback
            out = text.replace("臺灣", "台湾地区")
            return out if len(out) == len(text) else self.convert_chars(text)

    fallback = Expanding().convert(text)
    assert len(fallback) == len(text) and fallback[0] == "台"


def test_tokens_cover_the_original_text(seg):
    text = "美國國務卿布林肯今天抵達馬尼拉，與菲律賓外長會談 2 小時，討論南海局勢。"
    toks = seg.tokens(text)
    assert "".join(t.text for t in toks) == text.replace(" ", "")
    for t in toks:
        assert text[t.start : t.end] == t.text
        assert len(t.norm) == len(t.text)
    assert toks[0].text == "美國" and toks[0].norm == "美国"


def test_simplified_input_works_the_same(seg):
    trad = [t.text for t in seg.tokens("臺灣的國防預算大幅增加")]
    simp = [t.text for t in seg.tokens("台湾的国防预算大幅增加")]
    assert len(trad) == len(simp)


def test_numbers_latin_words_and_acronyms_are_single_tokens(seg):
    text = "川普 2.0 時代，88.5%的 U.S. 民眾支持 Indo-Pacific 戰略，AUKUS 成立"
    words = [t.text for t in seg.tokens(text)]
    for expected in ("2.0", "88.5%", "U.S.", "Indo-Pacific", "AUKUS"):
        assert expected in words
    tags = {t.text: t.pos for t in seg.tokens(text)}
    assert tags["2.0"] == "m" and tags["U.S."] == "eng"


def test_user_dictionary_keeps_words_whole():
    s = Segmenter([UserWord("鋌而走險", tag="i"), UserWord("反介入", tag="n")])
    words = [t.text for t in s.tokens("解放軍的反介入能力")]
    assert "反介入" in words
    assert {t.text: t.pos for t in s.tokens("他鋌而走險")}["鋌而走險"] == "i"


def test_user_dictionary_errors(tmp_path):
    bad = tmp_path / "dict.txt"
    bad.write_text("好詞 100 n\n壞 行 ！\n", encoding="utf-8")
    with pytest.raises(DataError, match="line 2"):
        load_user_dict(bad)
    with pytest.raises(DataError, match="cannot read"):
        load_user_dict(tmp_path / "missing.txt")


def test_retokenize_forces_spans(seg):
    text = "日韓國內情勢"
    shadow = seg.shadow(text)
    toks = seg.tokens(text, shadow)
    forced = seg.retokenize(text, shadow, toks, [(0, 2)])
    assert [t.text for t in forced][:2] == ["日韓", "國內"]
    for t in forced:
        assert text[t.start : t.end] == t.text


def test_merge_spans_rules():
    text = "ab cd ef"
    tokens = [(0, 2), (3, 5), (6, 8)]
    assert merge_spans(tokens, [(1, 4)], text) == [(0, 1), (1, 2), (3, 4), (4, 5), (6, 8)]  # has a space: edges only
    assert merge_spans([(0, 1), (1, 2), (2, 3)], [(0, 2)], "abc") == [(0, 2), (2, 3)]
    assert merge_spans([(0, 1), (1, 2), (2, 3)], [(0, 2), (1, 3), (0, 3)], "abc") == [(0, 3)]  # longest wins


def test_pinned_jieba_output(seg):
    # jieba's literal output on a fixed sentence: an upgrade that changes it shows up here
    words = [t.text for t in seg.tokens("政府發言人表示，將採取必要措施維護國家主權，並呼籲各方保持克制。")]
    assert words == ["政府", "發言人", "表示", "，", "將", "採取", "必要措施", "維護", "國家主權", "，", "並", "呼籲", "各方", "保持", "克制", "。"]


LONGER_NAMES = {"臺灣海峽"}  # names that contain one of the checked names


def test_seed_names_stay_whole(seed_doc):
    """No token boundary falls inside any occurrence of these names (a longer name such as
    臺灣海峽 may contain one)."""
    for name in ("安倍晉三", "川普", "岩屋毅", "習近平", "王毅", "石破茂", "尹錫悅", "李在明", "田中角榮", "戒嚴", "臺灣"):
        found = 0
        for unit in seed_doc.units:
            inner = {t.start for t in unit.tokens} | {t.end for t in unit.tokens}
            start = unit.text.find(name)
            while start >= 0:
                found += 1
                token = next(t.text for t in unit.tokens if t.start <= start < t.end)
                assert token == name or token in LONGER_NAMES, (name, token)
                assert not any(start < b < start + len(name) for b in inner), (name, unit.text)
                start = unit.text.find(name, start + 1)
        assert found > 0, name


def test_backends_give_identical_tokens_on_the_corpus():
    """rjieba (jieba-rs) is used only because it cuts exactly like jieba: checked on every corpus
    article, and on the NTREX-128 Chinese when the shared corpus is beside the repository."""
    pytest.importorskip("rjieba")
    from pipeline.readers import read_article
    from pipeline.resources import Resources

    from .conftest import ROOT

    words = Resources().segmenter  # the production word list (user dictionary + knowledge base)
    user = [UserWord(w, None, t) for w, t in words._user_tags.items()]
    a = Segmenter(user, backend="jieba")
    b = Segmenter(user, backend="rjieba")
    texts = [read_article(p).text for p in sorted((ROOT / "corpus").glob("*.txt"))]
    ntrex = ROOT.parent / "shared" / "corpus" / "ntrex-128" / "newstest2019-ref.zho-TW.txt"
    if ntrex.exists():
        texts.append(ntrex.read_text(encoding="utf-8"))
    compared = 0
    for text in texts:
        for line in text.splitlines():
            if line.strip():
                ta = [(t.start, t.end, t.pos) for t in a.tokens(line)]
                tb = [(t.start, t.end, t.pos) for t in b.tokens(line)]
                assert ta == tb, line
                compared += 1
    assert compared > 50


def test_a_tagged_user_word_keeps_its_tag_beside_a_glossary_headword():
    """The same word from the user dictionary (賴政府 n) and as a glossary headword (no tag, only if
    jieba lacks it): the tagged entry wins, whatever the sort order of the tags."""
    s = Segmenter([UserWord("賴政府", if_absent=True), UserWord("賴政府", tag="n")])
    assert [(t.text, t.pos) for t in s.tokens("並呼籲賴政府提出覆議。") if t.text == "賴政府"] == [("賴政府", "n")]


@pytest.mark.parametrize("sentence, pos", [
    ("美國將日本視為盟友。", "p"),  # a name after it: its object
    ("中國將這些叛逃者視為非法移民。", "p"),  # a pronoun
    ("台灣將國防預算提高至GDP的3%。", "p"),  # a noun, then a verb and its complement
    ("川普政府將「嚇阻中國」置於歐洲安全之上。", "p"),  # a quoted object
    ("日本將持續增加國防預算。", "d"),  # will
    ("美國將於明年撤軍。", "d"),
    ("這將重創這個中美洲國家。", "d"),  # a noun-tagged verb, no complement
    ("美國將如何回應？", "d"),  # an interrogative is no object
    ("去年曾要脅將「徹底毀滅」北韓。", "d"),
])
def test_jiang_as_object_marker_or_will(seg, sentence, pos):
    from pipeline.segment import mark_disposal

    tokens = seg.tokens(sentence)
    mark_disposal(tokens)
    assert [t.pos for t in tokens if t.text == "將"] == [pos]


def test_jiang_before_quoted_objects_joined_by_a_conjunction(seg):
    from pipeline.segment import mark_disposal

    tokens = seg.tokens("眾議院首度將「台灣關係法」與「六項保證」並列為美台關係的基石。")
    mark_disposal(tokens)
    assert [t.pos for t in tokens if t.text == "將"] == ["p"]


@pytest.mark.parametrize("sentence, words", [
    ("在灰色地帶的競爭中將處於被動。", ["中", "將"]),  # the end of 在…中, then "will"
    ("在國防上將投入更多資源。", ["上", "將"]),
    ("陸軍中將王小明出席典禮。", ["中將"]),  # a lieutenant general: no 在 before
    ("美軍上將帕帕羅表示，中國威脅升高。", ["上將"]),
])
def test_zhong_jiang_closes_an_adverbial_or_is_a_rank(seg, sentence, words):
    from pipeline.segment import split_adverbial_ends

    tokens = split_adverbial_ends(seg, sentence, seg.shadow(sentence), seg.tokens(sentence))
    assert [t.text for t in tokens if t.text in ("中", "上", "將", "中將", "上將")] == words
    assert "".join(t.text for t in tokens) == sentence


def test_backends_agree_on_dictionary_tags_and_words():
    """The rjieba backend asks jieba-rs for a word's tag and keeps a table only for the dictionary
    words it cuts apart when asked alone; the jieba backend reads jieba's whole table.  Both answer
    alike for those words, for a sample of the rest, for user words and for non-words."""
    pytest.importorskip("rjieba")
    from pipeline.segment import _jieba_tag_table

    user = [UserWord("反介入", tag="n"), UserWord("賴政府"), UserWord("中華")]
    a = Segmenter(user, backend="jieba")
    b = Segmenter(user, backend="rjieba")
    assert len(b._split_tags) > 1000  # low-frequency words such as 一一列举 come out in pieces
    table = _jieba_tag_table()
    words = list(b._split_tags) + list(table)[::97] + ["反介入", "赖政府", "中华", "林颖佑", "ABC", "2024", "，"]
    for w in words:
        assert (a.tag(w), a.is_word(w)) == (b.tag(w), b.is_word(w)), w
    assert b.tag("反介入") == "n" and b.is_word("赖政府") and not b.is_word("林颖佑")


def test_de_hua_is_words_unless_it_ends_a_condition(resources):
    """總統的話很重要: 的 + 話 "words"; 如果美國介入的話，…: 的話 "if"."""
    from pipeline.annotate import annotate_text

    def cut(sentence):
        doc = annotate_text("美國的壓力\n\n" + sentence + "\n", "t", resources)
        return [t.text for u in doc.units[1:] for t in u.tokens]

    assert "話" in cut("總統的話很重要，美國的做法並不妥當。")
    assert "的話" in cut("如果美國介入的話，中國會怎麼做？")
    assert "的話" in cut("真要打仗的話，台灣撐得住嗎？")


def test_a_councils_meeting_and_passing_a_bill(resources):
    """行政院會27日通過…草案: 會 is the cabinet's meeting (a noun, not "will") and 通過 the verb "pass";
    通過外交管道解決 keeps the preposition "through"; 行政院會提出 keeps "will"."""
    from pipeline.annotate import annotate_text

    def toks(s):
        return {t.text: (t.pos, t.gloss) for t in annotate_text("前言。\n\n" + s + "\n", "t", resources).units[-1].tokens}

    t = toks("行政院會27日通過「強化防衛韌性及不對稱戰力計畫採購特別條例」草案。")
    assert t["會"] == ("n", "meeting") and t["通過"] == ("v", "pass")
    assert toks("雙方同意通過外交管道解決爭端。")["通過"][0] == "p"
    assert toks("行政院會提出新的方案。")["會"][0] == "v"
    assert toks("立法院會今天三讀通過。")["會"][0] == "n"


def test_a_country_s_army_cut_out_of_military_affairs(resources):
    """中|俄軍|事合作: jieba took the KB's 俄軍 (the Russian army) out of 軍事; it is 俄 and 軍事."""
    from pipeline.annotate import annotate_text

    doc = annotate_text("標題\n\n總統李在明政府也對朝俄軍事合作保持警惕。\n", "a", resources)
    words = [t.text for t in doc.units[-1].tokens]
    assert "軍事" in words and "俄軍" not in words


def test_a_locative_is_not_glued_to_the_adverb_after_it(seg):
    """選舉中恐陷入苦戰: jieba's HMM made 中恐 one word, hiding the hedge 恐; a locative and a
    predicate adverb no dictionary has as one word are two (中將 'lieutenant general' stays whole)."""
    assert [t.text for t in seg.tokens("自民黨在下次眾議院選舉中恐陷入苦戰。")][-5:-1] == ["中", "恐", "陷入", "苦戰"]
    assert "中將" in [t.text for t in seg.tokens("解放軍中將表示。")]
    toks = seg.tokens("会议中也讨论了。")
    assert [(t.text, t.start, t.end) for t in toks][1:3] == [("中", 2, 3), ("也", 3, 4)]


def test_a_country_s_one_character_name_is_not_glued_to_its_verb(seg):
    """美擬對…: jieba's HMM made 美擬 one word ('beautiful plan to'); a country's one-character name
    and a verb or adverb after it, two characters no dictionary has, are two words (在聲明中稱 too)."""
    assert [t.text for t in seg.tokens("美擬對半導體課徵關稅")][:3] == ["美", "擬", "對"]
    assert [t.text for t in seg.tokens("東部戰區發言人在聲明中稱，演習是懲戒。")][4:6] == ["中", "稱"]
