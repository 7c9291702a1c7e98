"""Records of speaker turns: the Legislative Yuan's minutes, press-conference transcripts."""

from __future__ import annotations

from pipeline.annotate import annotate_text
from pipeline.transcript import header_field, is_speaker, is_transcript, speaker_label

RECORD = """立法院外交及國防委員會第5次全體委員會議紀錄

時間：中華民國114年10月13日（星期一）上午9時
地點：本院紅樓202會議室
主席：王委員定宇

主席：現在開會。請國防部顧部長立雄報告。

顧部長立雄：主席、各位委員。共軍近期在台灣周邊實施聯合演訓，國軍已嚴密監控。

主席：請馬委員文君發言。

馬委員文君：部長，國防部事前完全沒有掌握嗎？我認為國防部的情報研判明顯失準，這是非常嚴重的問題。

顧部長立雄：委員，我們事前已經掌握相關徵候，並沒有失準的問題。我們樂觀其成，也會與美方保持密切溝通。

主席：好。
"""


def test_speaker_labels():
    for label in ("主席", "顧部長立雄", "馬委員文君", "部長顧立雄", "法新社記者", "外交部發言人", "林劍", "发言人"):
        assert is_speaker(label), label
    for label in ("時間", "地點", "出席委員", "他說", "總統表示", "川普說", "美方", "結論"):
        assert not is_speaker(label), label
    assert speaker_label("主席：現在開會。") == "主席"
    assert speaker_label("他說：「我們會檢討。」") is None
    assert header_field("地點：本院紅樓202會議室") == "地點" and header_field("主席：現在開會。") is None


def test_a_transcript_needs_turns_of_two_speakers():
    assert is_transcript(["主席：現在開會。", "林劍：中方堅決反對。", "主席：請繼續。"])
    assert not is_transcript(["川普說：「我們會贏。」", "他表示：台灣很重要。", "一、前言"])
    assert not is_transcript(["日本：支持。", "韓國：反對。", "美國：觀望。"])  # no one speaks twice


def test_record_header_speakers_and_their_stances(resources):
    doc = annotate_text(RECORD, "ly", resources)
    kinds = [u.kind for u in doc.units]
    assert kinds[:4] == ["title", "note", "note", "note"] and set(kinds[4:]) == {"body"}  # 主席：好。 is no heading
    assert doc.meta["date"] == "2025-10-13" and "author" not in doc.meta
    people = {e.text: (e.kb_id, e.en, e.extra.get("name")) for u in doc.units for e in u.entities if e.label == "PERSON"}
    assert people["顧部長立雄"] == ("tw-wellington-koo", "Wellington Koo", "顧立雄")
    assert people["馬委員文君"][1:] == ("Ma Wen-chun", "馬文君")
    assert people["王委員定宇"][2] == "王定宇"
    by_text = {u.text: u.stance for u in doc.units if u.kind == "body"}
    assert by_text["馬委員文君：部長，國防部事前完全沒有掌握嗎？"]["holder"]["text"] == "馬委員文君"
    st = by_text["我認為國防部的情報研判明顯失準，這是非常嚴重的問題。"]  # the turn goes on after its first sentence
    assert st["bearing"] and st["holder"]["en"] == "Ma Wen-chun"
    st = by_text["我們樂觀其成，也會與美方保持密切溝通。"]
    assert st["holder"]["kb_id"] == "tw-wellington-koo"
    assert all(t["kb_id"] != "tw-wellington-koo" for t in st["targets"])  # the speaker is no target


def test_an_article_with_quoted_colons_is_no_transcript(resources):
    doc = annotate_text("川普談台灣\n\n川普說：「台灣很重要。」\n\n他又說：「我們會支持台灣。」\n\n分析人士認為，這是重大轉變。\n", "q", resources)
    assert [u.kind for u in doc.units][0] == "title"
    assert all(u.stance.get("holder") != "AUTHOR" or u.text.startswith("分析") for u in doc.units if u.stance.get("bearing"))


def test_press_conference_speaker_label_is_no_holder_or_target_and_the_title_dates_it(resources):
    """毛宁：… in a ministry's transcript: Mao Ning speaks; the label's entity is neither a holder nor
    a target inside the turn; the date at the start of the title dates the record."""
    doc = annotate_text("2025年11月20日外交部发言人毛宁主持例行记者会\n\n法新社记者：中方对此有何回应？\n\n"
                        "毛宁：我们敦促日方立即纠正错误，停止在涉台问题上越线玩火。\n\n彭博社记者：中方是否会反制？\n\n"
                        "毛宁：中方坚决反对，已向日方提出严正交涉。\n", "mfa", resources)
    assert doc.meta["date"] == "2025-11-20"
    first, second = [u.stance for u in doc.units if u.kind == "body" and u.text.startswith("毛宁")]
    assert first["bearing"] and first["holder"]["kb_id"] == "cn-mao-ning"  # 我们敦促: the speaker's "we"
    assert second["holder"]["kb_id"] == "cn"  # 中方坚决反对: China, as the speaker reports it
    assert all(t["kb_id"] != "cn-mao-ning" for st in (first, second) for t in st["targets"])


def test_questions_from_the_floor_and_the_spokespersons_answers(resources):
    """问：… 毛宁：… (no 答): a press conference; the answers are Mao Ning's, the questions the
    questioner's."""
    doc = annotate_text("2025年11月21日外交部发言人毛宁主持例行记者会\n\n问：日本首相拒绝撤回涉台言论，中方将采取什么措施？\n\n"
                        "毛宁：日方错误言论严重损害中日关系的政治基础。我们敦促日方立即撤回错误言论。\n\n"
                        "问：有报道称，中方暂停进口日本水产品，你能否证实？\n\n毛宁：中方的立场是一贯的。\n", "mfa2", resources)
    by_text = {u.text: u.stance for u in doc.units if u.kind == "body"}
    assert by_text["我们敦促日方立即撤回错误言论。"]["holder"]["kb_id"] == "cn-mao-ning"
    assert by_text["问：有报道称，中方暂停进口日本水产品，你能否证实？"]["holder"]["en"] == "the questioner"


def test_a_role_label_is_the_person_the_header_describes(resources):
    """主持人：外交部發言人蕭光偉 in the header: the turns labelled 發言人 are his."""
    doc = annotate_text("外交部例行記者會紀要\n\n時間：114年11月20日上午10時\n主持人：外交部發言人蕭光偉\n\n"
                        "發言人：各位媒體朋友大家早。\n\n記者問：中國海警近日在金門海域巡查，外交部怎麼看？\n\n"
                        "發言人：中國的灰色地帶脅迫行為嚴重破壞區域和平，我們嚴正譴責。\n\n記者問：有何後續？\n\n"
                        "發言人：我們將持續與理念相近國家密切合作。\n", "mofa", resources)
    by_text = {u.text: u.stance for u in doc.units if u.kind == "body"}
    holder = by_text["發言人：中國的灰色地帶脅迫行為嚴重破壞區域和平，我們嚴正譴責。"]["holder"]
    assert holder["text"] == "蕭光偉" and holder["mention"] == "發言人"


SPACED_RECORD = """立法院第11屆第4會期外交及國防委員會第12次全體委員會議紀錄
時　　間：中華民國114年11月19日（星期三）9時1分至13時
地　　點：本院紅樓202會議室
主　　席：王委員定宇
出席委員：王定宇　陳永康　馬文君　陳冠廷
列席官員：國防部部長　顧立雄
　　　　　國防部軍備局局長　（略）

主席：現在開會。請顧部長報告。
（宣讀上次會議議事錄，無異議，確定）
顧部長立雄：主席、各位委員。國軍持續監控台海情勢。
主席：請陳委員永康發言。
陳委員永康：部長，特別預算規模是不是新台幣1.25兆元？
顧部長立雄：報告委員，行政院還在核定。
（在場委員發言）
主席：請委員不要在台下發言，讓陳委員繼續詢答。
沈委員伯洋：部長，高市早苗首相的發言之後，北京對日本祭出旅遊、留學提醒，這是典型的經濟脅迫。
主席：謝謝陳委員、沈委員。
"""


def test_spaced_field_names_a_roster_and_stage_directions(resources):
    """時　　間： with its colon is a header field; the roster's names (spaced apart) are people, the
    indented line under 列席官員 goes on with the header, a bracketed stage direction is a note, and
    陳委員 is the 陳委員永康 who speaks (not the other 陳 on the roster)."""
    assert header_field("時　　間：中華民國114年11月19日") == "時間"
    assert header_field("我　　們：好") is None
    doc = annotate_text(SPACED_RECORD, "ly", resources)
    kinds = {u.text: u.kind for u in doc.units}
    assert kinds["時間：中華民國114年11月19日（星期三）9時1分至13時"] == "note"
    assert kinds["主席：王委員定宇"] == "note" and kinds["國防部軍備局局長 （略）"] == "note"
    assert kinds["（宣讀上次會議議事錄，無異議，確定）"] == "note" and kinds["（在場委員發言）"] == "note"
    roster = next(u for u in doc.units if u.text.startswith("出席委員"))
    assert roster.text == "出席委員：王定宇 陳永康 馬文君 陳冠廷"  # the wide gaps stay
    assert [e.text for e in roster.entities if e.label == "PERSON"] == ["王定宇", "陳永康", "馬文君", "陳冠廷"]
    chair = next(u for u in doc.units if u.text.startswith("主席：請委員不要"))
    assert [(e.text, e.en) for e in chair.entities] == [("陳", "Chen Yung-kang")]
    thanks = doc.units[-1]
    assert [(e.text, e.kb_id) for e in thanks.entities] == [("陳", None), ("沈", "tw-puma-shen")]
    shen = next(u for u in doc.units if u.text.startswith("沈委員伯洋"))
    assert shen.stance["holder"]["kb_id"] == "tw-puma-shen"  # not 高市早苗, whose remarks are a noun


def test_a_surname_label_is_glossed_as_its_speaker(resources):
    """In an interview with turns labelled by the outlet and the interviewee's surname (天下：, 林：),
    the labels are glossed as who speaks, not as words ('land under heaven', 'woods')."""
    doc = annotate_text("專訪林彥廷：台海最大的風險\n\n長期研究解放軍的國防安全研究院副研究員林彥廷接受天下專訪。\n\n"
                        "天下：川習會後，外界擔心台灣會被當成籌碼。你怎麼看？\n\n林：我認為這種擔心可以理解。\n\n"
                        "天下：怎麼證明？\n\n林：最直接的就是國防投入。\n", "cw", resources)
    answers = [u for u in doc.units if u.text.startswith("林：")]
    assert answers and all(u.gloss_en.startswith("Lin Yen-ting:") for u in answers)
    assert all(u.gloss_en.startswith("the interviewer:") for u in doc.units if u.text.startswith("天下："))


def test_answers_marked_da_are_the_spokespersons_in_the_title(resources):
    """问：… 答：… under a title naming the spokesperson: the answers are Lin Jian's, and a question
    after a report in the same turn is not the reported person's."""
    doc = annotate_text("2025年4月8日外交部发言人林剑主持例行记者会\n\n问：据报道，菲律宾总统马科斯日前表示，菲方将继续开展补给行动。"
                        "中方对此有何评论？\n\n答：菲方违背承诺，不断挑衅滋事。我们敦促菲方立即停止侵权挑衅。\n\n"
                        "问：日方有何回应？\n\n答：中方对此强烈不满。\n", "mfa3", resources)
    by_text = {u.text: u.stance for u in doc.units if u.kind == "body"}
    assert by_text["中方对此有何评论？"]["holder"] == "AUTHOR"
    answer = by_text["答：菲方违背承诺，不断挑衅滋事。"]
    assert answer["holder"]["kb_id"] == "cn-lin-jian"
    assert [(t["text"], t["polarity"]) for t in answer["targets"]] == [("菲", "negative")]
