"""Sentence segmentation."""

from __future__ import annotations

import pytest

from pipeline.sentences import split_sentences


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("台灣是民主國家。中國不是！真的嗎？", ["台灣是民主國家。", "中國不是！", "真的嗎？"]),
        ("他問「美國會協防台灣嗎？」外界議論紛紛。", ["他問「美國會協防台灣嗎？」", "外界議論紛紛。"]),
        ("他說：「我們不會退讓。我們會堅持。」隨後離席。", ["他說：「我們不會退讓。我們會堅持。」", "隨後離席。"]),
        ("日本執政黨失去多數；韓國則陷入政治動盪。", ["日本執政黨失去多數；韓國則陷入政治動盪。"]),
        ("局勢如何演變……仍待觀察。接下來呢", ["局勢如何演變……仍待觀察。", "接下來呢"]),
        ("談判破裂了……", ["談判破裂了……"]),
        ("怎麼會這樣？！沒人知道。", ["怎麼會這樣？！", "沒人知道。"]),
        ("根據報導（消息來源未證實。）雙方已接觸。", ["根據報導（消息來源未證實。）", "雙方已接觸。"]),
        ("川普 2.0 時代，88.5%的民眾支持。", ["川普 2.0 時代，88.5%的民眾支持。"]),
        ("「引號沒有關上。這句仍要分開。", ["「引號沒有關上。", "這句仍要分開。"]),
        (
            "The U.S. and Japan met at 3 p.m. today. Mr. Kim did not attend! Why? 隨後中方回應。",
            ["The U.S. and Japan met at 3 p.m. today.", "Mr. Kim did not attend!", "Why?", "隨後中方回應。"],
        ),
        ("President J. Biden spoke at 2.5 percent growth. Then he left.", ["President J. Biden spoke at 2.5 percent growth.", "Then he left."]),
        ("  前後有空白。  ", ["前後有空白。"]),
        ("他提到：「方案就是替代燃料。」，並指出俄國勢單力薄。", ["他提到：「方案就是替代燃料。」，並指出俄國勢單力薄。"]),
    ],
)
def test_split(text, expected):
    assert split(text) == expected


def test_a_footnote_mark_stays_with_its_sentence():
    text = "美國持續實施出口管制。¹吸引企業赴美設廠。[2]日本也跟進。"
    assert [text[a:b] for a, b in split_sentences(text)] == ["美國持續實施出口管制。¹", "吸引企業赴美設廠。[2]", "日本也跟進。"]


def test_straight_quotes_pair_and_a_bracket_after_a_quote_goes_on():
    """"We must prepare for the worst."（我們必須做最壞的準備）: the English period inside straight
    quotes and the translation after them stay in the Chinese sentence; a bracket after a plain
    。 still starts the next one."""
    t = '國防部長曾說："We must prepare for the worst."（我們必須做最壞的準備）。然而一年過去。這是第一句。（註1）第二句。'
    assert [t[a:b] for a, b in split_sentences(t)] == [
        '國防部長曾說："We must prepare for the worst."（我們必須做最壞的準備）。', "然而一年過去。", "這是第一句。", "（註1）第二句。"]
    odd = '他說"好。然後離開。'  # an unpaired straight quote changes nothing
    assert [odd[a:b] for a, b in split_sentences(odd)] == ['他說"好。', "然後離開。"]


def test_a_list_items_number_is_no_sentence():
    text = "1. 本土防衛優先。新戰略將美國本土列為首要任務。"
    assert [text[a:b] for a, b in split_sentences(text)] == ["1. 本土防衛優先。", "新戰略將美國本土列為首要任務。"]
    text = "He finished 1. Then he left."
    assert len(split_sentences(text)) == 2  # only at the start of the paragraph


def test_an_emoji_after_the_end_stays_with_its_sentence():
    """A post's emoji after ？！。 (😡, ❌, 🔥, a flag 🇹🇼) close the sentence; the next starts after them."""
    t = "進度到底怎麼了？😡 美方一再延宕。這樣的答案無法接受！❌ 台灣的防衛不能建立在別人的時間表上。不能再拖了！💪🇹🇼"
    assert [t[a:b] for a, b in split_sentences(t)] == [
        "進度到底怎麼了？😡", "美方一再延宕。", "這樣的答案無法接受！❌", "台灣的防衛不能建立在別人的時間表上。", "不能再拖了！💪🇹🇼"]


def test_a_pull_quote_keeps_its_dash_credit():
    """「……。」——美國國務卿魯比歐 ending the paragraph is one sentence; a dash followed by a longer
    sentence, or a list after a semicolon, is not a credit."""
    t = "「我們不會拿台灣做交易。」——美國國務卿魯比歐"
    assert [t[a:b] for a, b in split_sentences(t)] == [t]
    t = "「我們不會拿台灣做交易。」——這句話在華府引起廣泛討論，也讓北京高度警惕，更讓東京開始重新思考自身的處境。"
    assert len(split_sentences(t)) == 2
