"""Clean-up and structure recovery on hand-made layouts (and the seed's own layout rules)."""

from __future__ import annotations

import pytest

from pipeline.clean import _join, clean_blocks, tidy_spaces
from pipeline.structure import recover_structure


def kinds(text: str, hints=None) -> list[tuple[str, str]]:
    cleaned, paras = recover_structure(clean_blocks(text), hints)
    for p in paras:
        assert cleaned[p.start : p.end] == p.text
    return [(p.kind, p.text) for p in paras]


# A PDF-like extraction: fixed-width lines, a blank line after every line, trailing space at
# paragraph ends, page number and running header between pages.
PDF_LIKE = (
    "國防安全雙週報 \n\n \n\n"
    "台灣海峽的灰色地帶衝突 \n\n \n\n"
    "王大明 \n\n"
    "國防安全研究院助理研究員 \n\n \n\n"
    "近年來，中國海警船頻繁進入金門限制水域，並以執法名義登檢台灣漁船，這種\n\n"
    "灰色地帶行動的目的，在於逐步改變現狀而不觸發軍事衝突。台灣政府因此必須強\n\n"
    "化海巡能量。 \n\n"
    "\f國防安全雙週報 \n\n- 2 -\n\n"
    "一、中國的戰略意圖 \n\n"
    "北京希望透過長期消耗，使台灣社會對主權爭議感到疲乏，同時測試美國的反應，\n\n"
    "這也是解放軍在 2024 年多次舉行聯合演習的背景。 \n\n"
    "\f國防安全雙週報 \n\n- 3 -\n\n"
    "（作者為國防安全研究院助理研究員） \n"
)


def test_pdf_like_layout():
    got = kinds(PDF_LIKE)
    assert got[0] == ("publication", "國防安全雙週報")
    assert got[1] == ("title", "台灣海峽的灰色地帶衝突")
    assert got[2] == ("byline", "王大明")
    assert got[3] == ("affiliation", "國防安全研究院助理研究員")
    body = [t for k, t in got if k == "body"]
    assert body[0].endswith("台灣政府因此必須強化海巡能量。")  # joined across lines, no space
    assert "這種灰色地帶行動" in body[0]
    assert ("heading", "一、中國的戰略意圖") in got
    assert "解放軍在 2024 年" in body[1]  # spaces around numbers kept, as in the source
    assert got[-1][0] == "note"
    assert not any("- 2 -" in t or "- 3 -" in t for _, t in got)
    assert sum(1 for _, t in got if t == "國防安全雙週報") == 1  # running header kept once at the top


def test_newspaper_dateline_splits_from_body():
    got = kinds("川普宣布對中國加徵關稅\n【張翠蘭╱綜合外電報導】美國總統川普今天宣布，將對中國商品加徵關稅。北京隨即表示將反制。\n外交部發言人表示，中方堅決反對。\n")
    assert got[0] == ("title", "川普宣布對中國加徵關稅")
    assert got[1] == ("byline", "【張翠蘭╱綜合外電報導】")
    assert got[2][0] == "body" and got[2][1].startswith("美國總統川普")


def test_cna_dateline_and_name_with_affiliation():
    got = kinds("美日同盟的新局\n宋鎮照／成功大學政治系教授\n日本首相訪問華府，與美國總統舉行會談，雙方同意強化同盟。這是重要的發展。\n")
    assert got[:3] == [("title", "美日同盟的新局"), ("byline", "宋鎮照"), ("affiliation", "成功大學政治系教授")]
    got = kinds("（中央社記者王小明台北27日電）行政院今天通過國防預算，總額創下新高。\n")
    assert got[0] == ("byline", "（中央社記者王小明台北27日電）")
    assert got[1] == ("body", "行政院今天通過國防預算，總額創下新高。")


def test_labelled_byline_with_parenthesised_affiliation():
    got = kinds("南海情勢的轉折\n文／林小華（台灣大學政治學系教授）\n菲律賓與中國在南海的對峙持續升高，雙方船隻多次發生碰撞。美國表示將依條約協防。\n")
    assert ("byline", "文／林小華") in got
    assert ("affiliation", "台灣大學政治學系教授") in got


def test_already_clean_text_without_headings():
    text = "美國國務卿今天訪問北京，與中國外長會談。雙方同意維持溝通管道。\n\n會談後，美方表示對台海情勢表達關切。中方則重申其立場。\n"
    got = kinds(text)
    assert [k for k, _ in got] == ["body", "body"]
    assert got[0][1] == "美國國務卿今天訪問北京，與中國外長會談。雙方同意維持溝通管道。"


def test_single_paragraph_with_title_line():
    got = kinds("北韓再度試射飛彈\n北韓今天清晨朝日本海方向發射一枚彈道飛彈，日本政府隨即提出抗議。\n")
    assert got == [("title", "北韓再度試射飛彈"), ("body", "北韓今天清晨朝日本海方向發射一枚彈道飛彈，日本政府隨即提出抗議。")]


def test_captions_inside_body_and_editor_note():
    text = (
        "美國與菲律賓舉行聯合軍演，規模為歷年最大。\n"
        "（圖／路透社）\n"
        "▲菲律賓士兵參加演習。（圖／美聯社）\n"
        "此次演習包括實彈射擊，中國外交部對此表示不滿。\n"
        "編按：本文作者為自由撰稿人。\n"
    )
    got = kinds(text)
    assert [k for k, _ in got] == ["body", "caption", "caption", "body", "note"]


def test_html_hints_become_title_and_byline():
    got = kinds("國防部今天公布新的兵役制度，役期恢復為一年。\n", {"title": "兵役恢復一年", "author": "李四"})
    assert got[0] == ("title", "兵役恢復一年")
    assert got[1] == ("byline", "李四")
    assert got[2][0] == "body"


def test_spacing_policy():
    # no space at a join between two Chinese characters, one between Chinese and a number when the
    # document spaces them, none when it does not
    spaced = "這是一個很長的句子，用來測試換行後的處理方式，以及在 2024 年的情況，是否\n正確地接起來，而且在文字中間換行的時候也能處理好，這一行要夠長，並且在\n2025 年也一樣，行寬大致相同，這一行也很長，用來讓判斷成立，這一行也很長\n很長很長，直到句子結束為止，這是最後的部分，還有更多的文字在這裡。\n也就是說，行寬大致相同，這一行也很長，用來讓判斷成立，這一行也很長很長很長。\n"
    cleaned, _ = recover_structure(clean_blocks(spaced))
    assert "是否正確地" in cleaned and "並且在 2025 年" in cleaned
    tight = spaced.replace(" 2024 ", "2024").replace("\n2025 ", "\n2025")
    cleaned, _ = recover_structure(clean_blocks(tight))
    assert "並且在2025年" in cleaned
    assert tidy_spaces("美國  總統 Joe  Biden 表示") == "美國總統 Joe Biden 表示"


def test_nothing_left_is_nothing():
    assert recover_structure(clean_blocks("")) == ("", [])
    assert recover_structure(clean_blocks("- 1 -\n\f- 2 -\n")) == ("", [])


def test_online_news_layout_with_site_date_and_reporter():
    text = (
        "川普再度威脅對台灣半導體課稅　賴清德：將審慎因應\n風傳媒 2025-03-01 10:20\n記者 王小明\n\n"
        "美國總統川普（Donald Trump）1日再度表示，將對台灣生產的半導體課徵高額關稅。總統賴清德隨即回應，政府將審慎因應。\n\n"
        "經濟部長指出，台積電赴美投資已超過 650 億美元，「台灣是美國可靠的夥伴」。\n\n"
        "■ 在野黨批評政府應對失當\n\n國民黨主席朱立倫則批評，政府事前毫無準備。\n"
    )
    got = kinds(text)
    assert got[:3] == [("title", "川普再度威脅對台灣半導體課稅 賴清德：將審慎因應"), ("publication", "風傳媒 2025-03-01 10:20"), ("byline", "記者 王小明")]
    assert ("heading", "■ 在野黨批評政府應對失當") in got
    assert [k for k, _ in got[3:]] == ["body", "body", "heading", "body"]


def test_liberty_times_dateline_keeps_original_characters():
    got = kinds("〔記者林小華／台北報導〕國防部今（3）日公布最新共機動態，共偵獲共機 25 架次。\n國防部表示，國軍嚴密監控應處。\n")
    assert got[0] == ("byline", "〔記者林小華／台北報導〕")  # 台 stays 台 although patterns are matched in 臺-normalised form
    assert got[1] == ("body", "國防部今（3）日公布最新共機動態，共偵獲共機 25 架次。")


def test_simplified_xinhua_dateline():
    got = kinds("中方回应美日韩峰会联合声明\n新华社北京8月19日电（记者 王小明）外交部发言人19日表示，中方坚决反对。\n发言人说，亚太地区不欢迎冷战思维。\n")
    assert got[0] == ("title", "中方回应美日韩峰会联合声明")
    assert got[1] == ("byline", "新华社北京8月19日电（记者 王小明）")
    assert got[2] == ("body", "外交部发言人19日表示，中方坚决反对。")


def test_long_headline_with_a_job_title_is_still_the_title():
    got = kinds("美國可能會使用海軍「封鎖」以妨礙俄羅斯能源出口—內政部長稱\n據報導，美國內政部長表示，華盛頓可能採用海軍活動。\n")
    assert got[0] == ("title", "美國可能會使用海軍「封鎖」以妨礙俄羅斯能源出口—內政部長稱")


# A report copied out of a PDF without its page breaks: the masthead comes back as a page header,
# the title is set on two lines, and numbered notes have their superscript markers flattened into
# the text.
REPORT = """國防安全雙週報                                        第 98 期

中國對菲律賓灰色地帶行動之
發展與影響

林大明
壹、前言
2024 年 6 月 17 日，中國海警在仁愛礁對菲律賓補給船隊發動攻擊，造成一名菲律賓海軍士兵斷
指。1此事件顯示中國的灰色地帶行動已經升級，美國國務院隨即發表聲明譴責中國的危險行為2，並
重申條約適用於菲律賓武裝部隊在南海任何地方遭受的武裝攻擊。到 2025 年 1 月，雙方又對峙了
12 次。
國防安全雙週報
貳、結語
筆者認為，中國的灰色地帶策略短期內不會改變，我國應密切關注南海情勢的發展與各國的反應。
1 “Philippine sailor loses thumb in clash with China,” Reuters, June 19, 2024.
2 林大明，〈菲律賓外交政策轉向〉，《問題與研究》，第 63 卷第 2 期（2024 年 6 月），頁 1-30。
"""


def test_report_title_header_and_footnotes():
    got = kinds(REPORT)
    assert got[0] == ("publication", "國防安全雙週報 第 98 期")
    assert got[1] == ("title", "中國對菲律賓灰色地帶行動之發展與影響")  # one title on two lines
    assert sum(1 for _, t in got if t == "國防安全雙週報") == 0  # the page header is gone
    body = [t for k, t in got if k == "body"]
    assert "斷指。此事件顯示" in body[0] and "危險行為，並重申" in body[0]  # markers 1 and 2 dropped
    assert "2025 年 1 月" in body[0] and "12 次" in body[0]  # numbers that are no markers stay
    notes = [t for k, t in got if k == "note"]
    assert [t[:2] for t in notes] == ["1 ", "2 "]


def test_numbered_line_without_marker_or_citation_is_text():
    text = "標題在此\n\n王大明\n\n一、前言\n\n美國與中國在2024年達成協議，雙方承諾降低關稅。\n\n2 國元首隨後會面，並發表聯合聲明。\n"
    assert ("note", "2 國元首隨後會面，並發表聯合聲明。") not in kinds(text)


def test_bracketed_note_markers():
    text = ("印太地區的小多邊合作\n\n王明\n\n近年來，美國推動小多邊合作機制。[1]這些機制的特點是靈活、務實，但引發了地區國家的擔憂。[2]\n\n"
            "[1] 參見張潔：《美國印太戰略的演進》，《國際問題研究》2023年第4期。\n\n"
            "[2] Evan Medeiros, \"The Changing Fundamentals of US-China Relations,\" The Washington Quarterly, 2019.\n")
    got = kinds(text)
    body = [t for k, t in got if k == "body"]
    assert body == ["近年來，美國推動小多邊合作機制。這些機制的特點是靈活、務實，但引發了地區國家的擔憂。"]
    assert [t[:3] for k, t in got if k == "note"] == ["[1]", "[2]"]


def test_related_links_in_the_middle_of_an_article():
    """延伸閱讀 and its list of headlines are notes; the article's paragraph after them is body again."""
    text = ("美日菲聯合巡航\n\n美國、日本與菲律賓三國海軍2日在南海舉行聯合巡航，中國海警船全程尾隨監視，但未發生衝突。\n\n"
            "延伸閱讀：\n\n- 菲律賓擬增購潛艦 專家：恐難抗衡中國\n\n- 美菲肩並肩軍演登場\n\n"
            "中國外交部則回應，菲方勾連域外國家在南海滋事，破壞地區和平穩定，中方將採取必要措施。\n\n"
            "責任編輯：王小明\n\n本報記者日前在馬尼拉採訪時發現，當地民眾普遍支持政府的南海政策與美菲同盟。\n")
    got = kinds(text)
    assert [k for k, _ in got] == ["title", "body", "note", "note", "note", "body", "note", "note"]


def test_article_opening_with_a_dateline_has_no_title_and_bracketed_link_label():
    """No headline: a paragraph opening with 〔記者…報導〕 starts the body, so no later line is the
    title; 【延伸閱讀】 (bracketed) labels a list of links as 延伸閱讀 does."""
    text = ("〔記者林哲宇／台北報導〕菲律賓海警船隻本月17日在仁愛暗沙附近執行運補任務時，遭中國海警船以水砲攻擊。"
            "菲律賓總統小馬可仕18日嚴厲譴責中方的行為。\n\n"
            "美國國務院發言人隨即發表聲明，重申《美菲共同防禦條約》適用於南海。\n\n"
            "【延伸閱讀】\n\n．菲律賓擬擴大美軍使用基地　北京批「引狼入室」\n\n．南海仲裁案9周年　外交部：盼各方尊重國際法\n")
    got = kinds(text)
    assert [k for k, _ in got] == ["byline", "body", "body", "note", "note", "note"]
    assert got[0][1] == "〔記者林哲宇／台北報導〕"


def test_dateline_line_before_the_first_paragraph_and_bulleted_headlines_at_the_end():
    """【聯合報／記者…報導】 alone on the first line, then paragraphs: no title, all body; the
    bulleted headlines after the last paragraph list related articles (notes, not headings)."""
    text = ("【聯合報／記者陳佩琪／台北即時報導】\n\n"
            "立法院今天三讀通過國防特別條例，未來八年將編列新台幣1.25兆元特別預算，用於採購無人機。\n\n"
            "國防部長顧立雄表示，特別預算將大幅提升國軍的不對稱作戰能力。\n\n"
            "▪ 賴清德：國防預算2030年達GDP 5%\n▪ 特別預算審查　藍白要求逐項說明\n")
    assert [k for k, _ in kinds(text)] == ["byline", "body", "body", "note", "note"]


def test_a_web_pages_breadcrumb_and_share_buttons_are_notes():
    """A page copied as text: 首頁 > 國際 > 亞太 is no title, 分享到 Facebook and 加入LINE好友 no headings."""
    text = ("首頁 > 國際 > 亞太\n\n中菲南海對峙升溫　黃岩島成新熱點\n\n2025/11/12 18:30\n分享到 Facebook\n加入LINE好友\n\n"
            "（中央社記者陳亦偉馬尼拉12日專電）菲律賓海警發言人塔瑞拉今天表示，中國海警船昨天在黃岩島附近以水砲驅離菲律賓船隻。\n")
    got = kinds(text)
    assert [k for k, _ in got] == ["note", "title", "publication", "note", "note", "byline", "body"]


def test_a_papers_section_labels_are_no_title():
    """摘要 above the abstract, Abstract and 壹、前言 are headings, none of them the title."""
    text = ("摘要\n\n本文探討南韓尹錫悅政府時期對日政策的轉變及其國內政治基礎。\n\n關鍵詞：日韓關係、尹錫悅\n\n"
            "Abstract\n\nThis article examines the shift in South Korea's Japan policy.\n\n壹、前言\n\n"
            "2023年3月，南韓政府宣布由財團代為支付賠償金。\n")
    got = kinds(text)
    assert "title" not in [k for k, _ in got]
    assert [t for k, t in got if k == "heading"] == ["摘要", "Abstract", "壹、前言"]


def test_interview_keeps_its_headline_and_reporter():
    """Questions and answers (問：/答：) make a transcript, whose header lines are notes; but a
    headline with a colon (【專訪】前國安會秘書長：…) stays the title and 記者：張家豪 the byline."""
    text = ("【專訪】前國安會秘書長：兩岸不會在2027年開戰，但灰色地帶衝突將升高\n\n記者：張家豪\n\n"
            "問：您怎麼看戴維森窗口？\n\n答：我認為它被過度解讀了。\n\n問：川普可靠嗎？\n\n答：坦白說，他是交易型的總統。\n")
    got = kinds(text)
    assert [k for k, _ in got][:2] == ["title", "byline"]
    assert [k for k, _ in got][2:] == ["body"] * 4


def test_ibid_note_is_a_note_and_its_marker_is_dropped():
    text = ("美國的國防戰略\n\n王明\n\n赫格塞斯在香格里拉對話發表演說，警告中國的威脅迫在眉睫。[1]他強調，美國不會被逼退。[2]\n\n"
            "[1] “Remarks by Secretary of Defense Pete Hegseth,” U.S. Department of Defense, May 31, 2025.\n"
            "[2] 同前註。\n")
    got = kinds(text)
    assert [t for k, t in got if k == "body"] == ["赫格塞斯在香格里拉對話發表演說，警告中國的威脅迫在眉睫。他強調，美國不會被逼退。"]
    assert [t for k, t in got if k == "note"][1] == "[2] 同前註。"  # its own note, not the end of [1]


def test_a_paragraph_broken_by_a_pdf_in_text_with_blank_lines_between_paragraphs():
    """Paragraphs are one line each with a blank line between, but one was broken twice with no
    blank line (…美國總統川普 / 在峰會上… / 外界譁然。): one paragraph; a heading right above a
    paragraph stays apart."""
    text = ("北約峰會之後 歐洲能否自立？\n\n作者：林宗弘\n\n"
            "北約海牙峰會於6月下旬落幕，成員國同意在2035年前將國防開支提高至GDP的5%。美國總統川普\n"
            "在峰會上獲得他想要的承諾，秘書長呂特甚至在私人訊息中稱川普為「爸爸」，引起\n"
            "外界譁然。\n\n"
            "歐洲終於意識到不能再把安全外包給華府\n"
            "俄羅斯對烏克蘭的全面入侵已進入第四年，普丁顯然沒有停戰的誠意，而美國的支持卻時斷時續。\n\n"
            "西班牙總理桑切斯拒絕接受5%的目標，認為這將損害西班牙的福利國家。\n\n"
            "對台灣而言，北約峰會的啟示相當明確：美國期待盟友與夥伴承擔更多責任。\n")
    body = [t for k, t in kinds(text) if k == "body"]
    assert body[0].endswith("美國總統川普在峰會上獲得他想要的承諾，秘書長呂特甚至在私人訊息中稱川普為「爸爸」，引起外界譁然。")
    assert not any(t.startswith("歐洲終於意識到不能再把安全外包給華府俄羅斯") for t in body)


def test_an_indented_paragraph_broken_by_a_pdf_in_unwrapped_text():
    """Paragraphs start with 　　 and are one line each, but one was broken mid-sentence (北韓可能 /
    在朝鮮半島…, even inside a word: 北 / 京): the unindented lines go on with it."""
    text = ("俄朝同盟的影響\n\n吳明杰\n\n"
            "　　2024年10月，南韓國家情報院證實北韓已派遣約1萬2千名士兵前往俄羅斯，部署於庫斯克地區。\n"
            "　　2024年6月，普丁訪問平壤，與金正恩簽署條約，一方遭受武裝攻擊時，另一方應提供軍事援助。\n"
            "　　筆者認為，俄朝軍事同盟的深化，意味著東北亞可能出現衝突風險。一旦台海有事，北韓可能\n"
            "在朝鮮半島製造緊張，牽制駐韓美軍的兵力。台灣應密切關注平壤與北\n"
            "京之間的互動。\n"
            "　　這是一個新的階段，台灣必須做好準備。\n")
    body = [t for k, t in kinds(text) if k == "body"]
    assert len(body) == 4
    assert body[2].endswith("北韓可能在朝鮮半島製造緊張，牽制駐韓美軍的兵力。台灣應密切關注平壤與北京之間的互動。")


def test_line_cut_short_before_a_latin_word_is_wrapped():
    # hard-wrapped at 70 columns; the second line stops at 61 because "Hegseth），" did not fit
    lines = [
        "美國國防部長赫格塞斯於五月三十一日在新加坡香格里拉對話發表演說，他的",
        "英文全名是彼特．赫格塞斯，曾任福斯新聞的節目主持人，拼作 Pete",
        "Hegseth），此人曾是福斯新聞主持人，並在國民兵服役多年。赫格塞斯在演",
        "說中警告中國的威脅，他說美國不會退讓，盟國也應該提高國防預算以為因應。",
        "他又說，盟國應該提高國防預算。美國國防部長赫格塞斯於五月三十一日在新加",
        "坡香格里拉對話發表演說，他警告中國對台灣的威脅可能迫在眉睫，呼籲盟友。",
    ]
    body = [t for k, t in kinds("標題在這裡\n\n" + "\n".join(lines) + "\n") if k == "body"]
    assert any("拼作 Pete Hegseth），此人" in t for t in body), body
    assert len(body) == 1


def test_a_table_is_notes_and_captions_not_headings():
    text = ("國防預算的變化\n\n王明\n\n台灣的國防預算逐年增加，這是好事，但仍不夠。\n\n表一　近五年國防預算（新台幣億元）\n\n"
            "年度　預算　成長率\n\n2021　4,534　4.4%\n\n2022　4,717　4.0%\n\n資料來源：行政院主計總處\n\n"
            "二、結論\n\n政府應持續增加國防預算。\n")
    got = kinds(text)
    assert [k for k, t in got if t.startswith(("表一", "資料來源"))] == ["caption", "caption"]
    assert [k for k, t in got if t.startswith(("年度", "2021", "2022"))] == ["note", "note", "note"]
    assert ("heading", "二、結論") in got


def test_a_sentence_broken_by_a_page_break_goes_on():
    # hard-wrapped at 76 columns; the page breaks after 發生衝突， with a blank line after its number
    text = ("國防安全雙週報\n\n菲律賓的戰略轉向與台灣的機會\n\n林明德\n國防安全研究院助理研究員\n\n"
            "菲律賓總統小馬可仕（Ferdinand Marcos Jr.）自2022年上任以來，積極強化與美國的\n"
            "同盟關係，不僅擴大《強化防衛合作協議》（EDCA）的基地數量，也允許美軍部署中程\n"
            "飛彈系統「堤豐」（Typhon）。這些舉措引發北京強烈反彈，中國外交部多次批評菲\n"
            "方「引狼入室」。\n\n"
            "對台灣而言，菲律賓北部的巴丹群島距離蘭嶼不到一百五十公里，一旦台海發生衝突，\n"
            "\f國防安全雙週報\n- 2 -\n\n"
            "呂宋海峽將成為關鍵的戰略通道。因此，台菲之間的海巡與漁業合作，應被視為台灣\n"
            "國家安全的一環。\n")
    body = [t for k, t in kinds(text) if k == "body"]
    assert any("發生衝突，呂宋海峽將成為" in t for t in body), body


def test_a_photo_caption_in_the_body():
    text = ("美日同盟的新階段\n\n記者王小明／綜合報導\n\n美國與日本近年持續強化同盟關係，這是很重要的發展。\n\n"
            "日本首相高市早苗（左）與美國總統川普會面。（記者王小明攝）\n\n川普在會後表示，美日同盟是印太和平的基石（記者會上的說法）。\n")
    got = kinds(text)
    assert ("caption", "日本首相高市早苗（左）與美國總統川普會面。（記者王小明攝）") in got
    assert got[-1][0] == "body"


JOURNAL = """美日同盟強化對臺海安全之影響：
以2015年新安保法制為中心*
The Impact of the Strengthening U.S.-Japan Alliance on Cross-Strait Security
陳冠宇
國立政治大學國際事務學院博士候選人
摘要
本文探討美日同盟在西太平洋的角色轉變，及其對臺海安全之意涵。本文認為，集體自衛權的解禁使日本
得以協防美軍。
關鍵詞：美日同盟、集體自衛權、臺海安全
壹、前言
2015年9月，日本國會通過《和平安全法制》，允許自衛隊行使集體自衛權。1 此一立法被視為戰後日本安保
政策最重大的轉折。美國國務院隨即表示歡迎，認為此舉有助於強化美日同盟的嚇阻能力。筆者認為，北京必須
把日本納入其對臺作戰的計算。2
貳、結論
美日同盟的強化無疑提高了臺海的嚇阻力，但日本能否在危機中迅速作出決定，仍取決於其國內政治，而國內政
治的分歧短期內難以消除。
* 本文初稿曾發表於2024年台灣政治學會年會，作者感謝兩位匿名審查人的寶貴意見。
1 《和平安全法制》包括《自衛隊法》等十項法律的修正案。
2 Richard J. Samuels, Securing Japan (Ithaca: Cornell University Press, 2007), p. 45.
"""


def test_journal_paper_front_matter_keywords_and_notes():
    got = kinds(JOURNAL)
    assert got[0] == ("title", "美日同盟強化對臺海安全之影響：以2015年新安保法制為中心*")  # title and subtitle
    assert got[1] == ("lead", "The Impact of the Strengthening U.S.-Japan Alliance on Cross-Strait Security")
    assert got[2:4] == [("byline", "陳冠宇"), ("affiliation", "國立政治大學國際事務學院博士候選人")]
    assert ("note", "關鍵詞：美日同盟、集體自衛權、臺海安全") in got
    assert ("heading", "壹、前言") in got  # the keywords start no back matter
    body = [t for k, t in got if k == "body"]
    # the markers 1 and 2, after a space and at the paragraph's end, are dropped with the space
    assert "集體自衛權。此一立法" in body[1] and body[1].endswith("對臺作戰的計算。")
    notes = [t for k, t in got if k == "note"]
    assert [t[:2] for t in notes[-3:]] == ["* ", "1 ", "2 "]


def test_journal_title_meta_drops_the_note_mark(resources):
    from pipeline.annotate import annotate_text

    doc = annotate_text(JOURNAL, "j", resources)
    assert doc.meta["title"] == "美日同盟強化對臺海安全之影響：以2015年新安保法制為中心"
    assert (doc.meta["author"], doc.meta["affiliation"]) == ("陳冠宇", "國立政治大學國際事務學院博士候選人")
    assert doc.units[-1].text.endswith("p. 45.")  # p. is no sentence end


def test_a_title_line_ending_in_a_colon_before_a_date_is_no_title():
    got = kinds("專訪：\n2025年3月1日\n\n美國與日本近年持續強化同盟關係，這是很重要的發展，也影響了台海的安全。\n")
    assert ("title", "專訪：2025年3月1日") not in got


@pytest.mark.parametrize("left, right, joined", [
    ("簽署《晶片與科學法》（CHIPS and Sci-", "ence Act），以 527 億美元補貼", "（CHIPS and Science Act）"),  # a typesetter's break
    ("強化 national secu-", "rity policy 的討論", "national security policy"),
    ("國營 state-", "owned firms 的角色", "state-owned firms"),  # a compound keeps its hyphen
    ("the U.S.-", "Japan alliance 的演進", "the U.S.-Japan alliance"),
])
def test_a_word_broken_at_the_line_end(left, right, joined):
    assert joined in _join(left, right, True)


@pytest.mark.parametrize("left, right, joined", [
    ("（Enhanced Defense Cooperation Agreeme", "nt, EDCA）向美軍開放", "Agreement, EDCA"),
    ("日菲兩國《相互准入協定》（Recip", "rocal Access Agreement, RAA）", "Reciprocal Access"),
    ("the Republic of Kore", "a, and the United States", "Korea, and"),
    ("a Multilateral", "maritime activity", "Multilateral maritime"),  # two words
])
def test_a_latin_word_cut_by_fixed_width_wrapping(left, right, joined):
    assert joined in _join(left, right, True, True)


def test_the_whole_first_line_repeated_after_a_page_number_is_a_running_header():
    text = ("國防安全研究院　國防安全雙週報　第128期\n美日韓與美菲安全合作\n王怡婷\n壹、前言\n"
            "　　2025年1月川普重返白宮後，外界普遍擔憂其路線將削弱同盟網絡。\n\n23\n"
            "國防安全研究院　國防安全雙週報　第128期\n（一）演訓常態化\n　　美日韓演習自2024年6月首度舉行。\n")
    texts = [b.text for b in clean_blocks(text)]
    assert sum("雙週報" in t for t in texts) == 1 and texts[0].startswith("國防安全研究院")


@pytest.mark.parametrize("line", [
    "國防部長顧立雄。（資料照）",
    "圖為海軍拉法葉艦。（圖：國防部提供）",
    "菲律賓海軍巡防艦參與聯合巡航。（路透）",
    "圖為美軍與菲律賓陸戰隊在巴拉望島聯合演習",
    "(AAP/路透社)",
    "（法新社檔案照）",
    "（Getty）",
    "美國國務院敦促北京停止對台灣軍事施壓。圖為共軍東部戰區實彈射擊畫面。（路透）",
    "高市早苗與川普在東京會面。（美聯社／法新社）",
])
def test_photo_captions_by_their_credit_or_their_opening(line):
    text = f"國軍將強化無人機戰力\n\n國防部長今天在立法院表示，國軍將在明年大幅增加無人機採購。\n\n{line}\n\n顧立雄指出，無人機很重要，國軍必須加快建軍步伐。\n"
    assert ("caption", line) in kinds(text)


def test_a_table_of_contents_and_a_year_month_date_line():
    text = ("印太區域安全情勢報告\n2025年12月\n\n目錄\n壹、前言 ........................ 1\n貳、美中戰略競爭 ................ 3\n\n"
            "壹、前言\n2025年，印太地區的安全情勢持續緊張，區域國家被迫在兩強之間選邊。\n"
            "貳、美中戰略競爭\n川普政府對中國加徵關稅。筆者認為，美中競爭短期內不會緩和。\n")
    got = kinds(text)
    assert got[1] == ("publication", "2025年12月")
    assert [k for k, t in got if "......" in t or t == "目錄"] == ["note"] * 3  # not headings, and no back matter
    assert [t for k, t in got if k == "heading"] == ["壹、前言", "貳、美中戰略競爭"]
    assert got[-1][0] == "body"


@pytest.mark.parametrize("text, expected", [
    ("北約秘書長表示,中國持續支持俄羅斯,已構成威脅. 他說:北約必須合作!", "北約秘書長表示，中國持續支持俄羅斯，已構成威脅。他說：北約必須合作！"),
    ('呂特指出,"如果我們今天不面對挑戰,明天可能看到同樣的情況."', "呂特指出，“如果我們今天不面對挑戰，明天可能看到同樣的情況。”"),
    ("營養力量大使崔西.阿奇博爾德說。", "營養力量大使崔西.阿奇博爾德說。"),  # a name's separator
    ("占GDP的3.32%，U.S. policy, as \"they\" said. 等等...", "占GDP的3.32%，U.S. policy, as \"they\" said. 等等..."),
    ("呂特(Mark Rutte)表示", "呂特(Mark Rutte)表示"),
])
def test_ascii_punctuation_in_chinese_becomes_full_width(text, expected):
    from pipeline.clean import fullwidth_punctuation

    assert fullwidth_punctuation(text) == expected


def test_footnotes_at_a_page_foot_move_after_the_text():
    """A PDF page's footnotes, between a rule and the page number, are moved after the text (one
    note each, wrapped lines joined), so that the paragraph the page broke joins up again."""
    text = ("壹、前言\n\n"
            "冷戰時期美國在亞太地區建立的軸輻體系，以美國為中心分別與日本、南韓締結\n"
            "雙邊同盟，盟友之間的橫向連結相當有限。1然而自二〇一〇年代中期以降，隨著\n"
            "中國軍事力量快速擴張，美國逐步推動盟友間的網絡化合作，包括美日澳、美日\n"
            "——————————\n"
            "＊ 國立政治大學外交學系博士候選人。\n"
            "1 Victor D. Cha, Powerplay: The Origins of the American Alliance System\n"
            "in Asia (Princeton: Princeton University Press, 2016).\n\n"
            "— 61 —\n\n"
            "62　國際關係學報 第58期\n\n"
            "印、美日菲等三邊對話，以及本文聚焦的新興機制，這是過去十年最重要的變化。\n")
    blocks = clean_blocks(text)
    assert [b.footnote for b in blocks] == [False, False, True, True]
    assert "美日印、美日菲" in blocks[1].text and "1然而" not in blocks[1].text
    assert blocks[3].text.startswith("1 Victor D. Cha") and "System in Asia" in blocks[3].text
    assert not any("國際關係學報" in b.text or "——" in b.text for b in blocks)


REPORT_PDF = """國防安全研究院  國防安全即時評析

中國對日施壓之戰略意圖
作者：林彥廷（國防安全研究院國家安全研究所助理研究員）
2025年11月20日

一、前言
日本首相高市早苗於11月7日在眾議院答詢時，針對「台灣有事」表示
可能構成存立危機事態。1中國外交部副部長孫衛東隨即召見日本駐中國
大使金杉憲治，要求日方撤回相關言論。2中國外交部發言人林劍仍為其
辯護，稱該言論係針對日本領導人之回應。3日本政府則以「極不恰當」
向中方提出強烈抗議。

- 2 -

國防安全研究院  國防安全即時評析

參考資料
1 〈高市首相、台湾有事「存立危機事態になり得る」〉，《日本經濟新
聞》，2025年11月7日，https://www.nikkei.com/article/DGXZQOUA073FN0
X01C25A1000000/。
2 〈孫衛東就日本領導人涉台錯誤言論向日方提出嚴正交涉〉，中華人
民共和國外交部，2025年11月14日，https://www.mfa.gov.cn/wjbxw_new
/202511/t20251114_11754321.shtml。
3 〈2025年11月10日外交部發言人林劍主持例行記者會〉，中華人民共
和國外交部，2025年11月10日，https://www.mfa.gov.cn/fyrbt_6730
21/202511/t20251110_11751234.shtml。
4 "Fact Sheet: President Donald J. Trump Strikes Deal on Economic an
d Trade Relations with China," The White House, November 1, 2025.

- 3 -
"""


def test_footnotes_numbered_like_the_page_and_addresses_cut_by_the_wrapping():
    """A footnote whose number is the page's (2 〈…〉 after '- 2 -') is no running header and loses
    no line; a marker before 日本 (。3日本政府) is a marker, not a date; a web address and a Latin word
    the wrapping cut are joined up (…FN0|X01C…, h|ttps://, an|d)."""
    blocks = clean_blocks(REPORT_PDF)
    texts = [b.text for b in blocks]
    notes = [t for t, b in zip(texts, blocks) if b.footnote]
    assert [n[:1] for n in notes] == ["1", "2", "3"]
    assert "https://www.nikkei.com/article/DGXZQOUA073FN0X01C25A1000000/。" in notes[0]
    assert "https://www.mfa.gov.cn/wjbxw_new/202511/t20251114_11754321.shtml" in notes[1]
    assert "，https://www.mfa.gov.cn/fyrbt_673021/202511/" in notes[2] and "Economic and Trade" in texts[-1]
    assert _join("November 1, 2025, h", "ttps://www.whitehouse.gov/", True, True) == "November 1, 2025, https://www.whitehouse.gov/"
    body = next(t for t in texts if t.startswith("日本首相"))
    assert "。中國外交部副部長" in body and "。日本政府則以" in body and "。2" not in body
    text, paragraphs = recover_structure(blocks)
    assert paragraphs[0].kind == "publication" and text.startswith("國防安全研究院 國防安全即時評析")
    assert _join("請見 https://www.mofa.gov.tw", "for details", True, True) == "請見 https://www.mofa.gov.tw for details"


def test_brief_with_a_two_line_title_an_edge_header_and_superscript_footnotes():
    """A think tank's brief: the institute and the series set at the page's two edges atop every
    page (dropped on page 2), a title set on two lines (joined: the second opens with 與), the unit
    and the writer under it, and footnotes numbered in superscripts, one note each."""
    head = "國防安全研究院" + " " * 40 + "國防安全即時評析"
    text = (f"{head}\n\n高市早苗政府的防衛政策走向\n與對台海安全的意涵\n\n戰略與資源研究所\n王尊彥\n\n壹、新聞重點\n\n"
            "日本首相高市早苗於2025年10月21日就任後，旋即宣示將提前達成防衛經費占GDP 2%的目標。¹ 此外，高市亦\n"
            "表示將修訂「安保三文件」。²\n\n" + " " * 40 + "1\n\f"
            f"{head}\n\n貳、安全意涵\n\n中國外交部發言人林劍批評高市的言論。\n\n"
            "___________________\n¹ 〈高市首相所信表明演説〉，首相官邸，2025年10月24日。\n"
            "² 〈非核三原則見直し検討〉，《讀賣新聞》，2025年11月3日。\n\n" + " " * 40 + "2\n")
    got = kinds(text)
    assert got[:4] == [("publication", "國防安全研究院 國防安全即時評析"), ("title", "高市早苗政府的防衛政策走向與對台海安全的意涵"),
                       ("affiliation", "戰略與資源研究所"), ("byline", "王尊彥")]
    assert sum(1 for _, t in got if t.startswith("國防安全研究院")) == 1
    assert [t[:1] for k, t in got if k == "note"] == ["¹", "²"]
    assert not any("²" in t for k, t in got if k == "body")


def test_a_pdf_brief_title_ending_on_its_own_line_and_the_masthead_after_a_footer():
    """A title broken before 之意涵; the series' name atop page 2, right after the footer that
    carries page 1's number, is a running header, not a heading."""
    text = ("國防安全即時評析\n菲律賓強化北部島嶼防務對台海情勢\n之意涵\n李冠成\n國家安全研究所\n壹、新聞重點\n"
            "2025年11月18日，菲律賓國防部長宣布，菲國將在巴丹群島增設海軍前進基地。\n"
            "財團法人國防安全研究院                                    1\n"
            "國防安全即時評析\n貳、安全意涵\n巴丹群島扼守巴士海峽，是共軍潛艦進出西太平洋的重要通道。\n"
            "財團法人國防安全研究院                                    2\n")
    got = kinds(text)
    assert ("title", "菲律賓強化北部島嶼防務對台海情勢之意涵") in got
    assert [t for k, t in got].count("國防安全即時評析") == 1
    assert not any("財團法人" in t for k, t in got)


def test_a_footer_of_three_columns_with_the_page_number_between():
    """國防安全研究院 / 1 / 2025 年 9 月 19 日 set in three columns at a page's foot is page furniture
    (it was a heading, twice)."""
    text = ("國防安全即時評析\n日菲協定生效之意涵\n林彥宏\n壹、新聞重點\n日本與菲律賓簽署的協定正式生效。\n\n"
            "國防安全研究院                        1                    2025 年 9 月 19 日\n\n"
            "二、中國的反應\n中國外交部批評日菲拉幫結派。\n\n"
            "國防安全研究院                        2                    2025 年 9 月 19 日\n")
    got = kinds(text)
    assert not any(t.startswith("國防安全研究院") for k, t in got)
    assert ("heading", "二、中國的反應") in got


def test_a_narrow_abstract_in_the_front_matter_and_a_running_header_between_pages():
    """A title set on two lines, the second opening with a quoted term: one title; 摘 要：… broken into
    lines narrower than the body's: one paragraph (a comma ends no line of a title); 国际问题研究
    2025年第3期 between two pages is a note, not a heading."""
    text = ("中美战略竞争背景下的东盟\n\n张明华\n\n摘 要：近年来，随着中美战略竞争日趋激\n烈，东盟国家普遍采取“大国平衡”策略，\n"
            "既不愿在中美之间选边站，又希望从双方获取\n经济与安全利益。\n\n一、引言\n\n"
            "2017年以来，美国先后推出“印太战略”和“印太经济框\n架”（IPEF），试图拉拢东盟国家制衡中国。然而，东盟\n"
            "国家对此反应冷淡。新加坡总理李显龙曾多次表示，东盟不\n希望被迫在中美之间作出选择。\n\n国际问题研究 2025年第3期\n\n"
            "二、东盟“大国平衡”的表现\n\n印尼、马来西亚等国一方面深化与中国的经贸合作，另一方面\n也与美国开展联合军演。菲律宾则在小马科斯上台后明显倒向\n"
            "美国，成为东盟中的例外。\n")
    text = text.replace("中美战略竞争背景下的东盟\n", "中美战略竞争背景下的东盟\n“大国平衡”外交\n", 1)  # the title on two lines
    blocks = clean_blocks(text)
    assert blocks[0].text == "中美战略竞争背景下的东盟“大国平衡”外交"
    assert any(b.text.startswith("摘要：近年来") and b.text.endswith("经济与安全利益。") for b in blocks)
    _, paragraphs = recover_structure(blocks, {})
    kinds = {p.text: p.kind for p in paragraphs}
    assert kinds["国际问题研究 2025年第3期"] == "note"


def test_an_acronym_in_brackets_ending_a_short_line_is_no_credit():
    text = "國軍將強化無人機戰力\n\n國防部長今天在立法院表示，國軍將在明年大幅增加無人機採購。\n\n北大西洋公約組織（NATO）\n\n顧立雄指出，無人機很重要。\n"
    assert ("caption", "北大西洋公約組織（NATO）") not in kinds(text)


def test_a_date_then_an_agency_and_where_it_reports_from():
    """2025-03-12 中央社／台北: the date, the agency and its place are the publication line (was a lead)."""
    got = kinds("杜特蒂遭國際刑事法院逮捕\n\n2025-03-12 中央社／台北\n\n菲律賓前總統杜特蒂11日遭拘捕。\n")
    assert ("publication", "2025-03-12 中央社／台北") in got


def test_a_title_whose_last_words_stand_on_a_line_of_their_own():
    """菲律賓與日本《相互准入協定》生效對區域 / 安全的意涵 / 林彥宏: one title (the second line was a lead);
    a masthead line with its issue number (國防安全簡報　第 112 期) takes no title after it."""
    got = kinds("菲律賓與日本《相互准入協定》生效對區域\n安全的意涵\n林彥宏\n國家安全研究所\n壹、新聞重點\n"
                "日本與菲律賓簽署的協定正式生效。\n")
    assert ("title", "菲律賓與日本《相互准入協定》生效對區域安全的意涵") in got
    got = kinds("國防安全研究院　國防安全簡報　第 112 期\n解放軍演習之觀察\n作者：林大明\n中共東部戰區舉行演習。\n")
    assert ("title", "解放軍演習之觀察") in got


def test_lines_wrapped_after_a_count_of_characters():
    """A text export that cuts every 35 characters, digits and Latin letters counted like Chinese
    ones: the lines are one paragraph though their display widths differ; an acronym (APE / C) and a
    number (1, / 500) the cut split are joined up.  (The paragraph was cut after the first line and
    after the line with Latin words, which are narrower.)"""
    text = ("一、前言\n"
            "　南韓總統李在明於2025年10月29日在慶州亞太經濟合作會議（APE\n"
            "C）期間與美國總統川普舉行會談，公開請求美方同意供應核動力潛艦所需燃料\n"
            "。川普隔日即在社群平台表示，已批准南韓建造核動力潛艦，並稱將在韓華集團\n"
            "收購的美國費城造船廠建造。11月14日，韓美雙方發布聯合情況說明書（J\n"
            "oint Fact Sheet），美方確認支持南韓建造核動力潛艦，並將\n"
            "就燃料取得等問題進行協商；南韓則承諾對美投資3,500億美元，其中1,\n"
            "500億美元用於造船合作。\n"
            "二、安全意涵\n"
            "　北韓於2023年公開「金君玉英雄號」戰術核攻擊潛艦，今年3月又公布建造中的\n"
            "核動力潛艦。首爾認為傳統柴電潛艦受限於續航力，難以長時間追蹤北韓潛艦動\n"
            "態，核動力潛艦將大幅強化其反潛與嚇阻能力。\n")
    paras = [t for k, t in kinds(text) if k == "body"]
    assert len(paras) == 2
    assert "（APEC）期間" in paras[0] and "（Joint Fact Sheet）" in paras[0] and "其中1,500億美元" in paras[0]
    assert "並將就燃料" in paras[0]


def test_a_closing_byline_with_its_label():
    """作者：鄭宇辰（國防安全研究院…助研究員） at the end of a brief: the writer and the affiliation
    (it was a heading)."""
    text = ("標題在此\n\n一、前言\n\n本文第一段。這是內容。\n\n二、結論\n\n第二段也是內容。\n\n"
            "作者：鄭宇辰（國防安全研究院國家安全研究所助研究員）\n")
    got = kinds(text)
    assert ("byline", "作者：鄭宇辰") in got and ("affiliation", "國防安全研究院國家安全研究所助研究員") in got


def test_an_outlet_and_column_in_brackets_above_the_title():
    """【聯合報／社論】 on the first line is the publication; the headline under it the title (it was
    the title, and the headline a lead)."""
    got = kinds("【聯合報／社論】\n\n關稅未解先送神山　賴政府還要自我感覺良好多久？\n\n2025-11-26 00:10\n\n"
                "美國總統川普的對等關稅上路已三個多月。\n\n台灣至今仍掛著20%的暫時稅率。\n")
    assert got[0] == ("publication", "【聯合報／社論】") and got[1][0] == "title"


def test_a_byline_with_the_name_in_latin_letters():
    """BBC中文's credits: 李凱琳 (Karen Li) / BBC中文記者，悉尼 / the date (a lead and two headings)."""
    got = kinds("AUKUS核潛艇「全速前進」？澳洲的豪賭與北京的警惕\n\n李凱琳 (Karen Li)\nBBC中文記者，悉尼\n"
                "2025年11月25日\n\n今年6月，美國國防部宣布對AUKUS進行全面審查時，坎培拉一度陷入焦慮。\n")
    assert [k for k, _ in got[:4]] == ["title", "byline", "affiliation", "publication"]


def test_a_report_error_button_and_the_editor_in_brackets():
    """新華網's 【纠错】 【责任编辑：刘阳】 at the end is a note (it was a heading)."""
    got = kinds("外交部：敦促菲方停止挑衅\n\n新华社北京11月20日电\n\n林剑表示，黄岩岛是中国固有领土。\n\n"
                "中方对此坚决反对。\n\n【纠错】 【责任编辑：刘阳】\n")
    assert got[-1][0] == "note"


def test_a_press_release_header_and_its_back_matter():
    """美國在台協會 / American Institute in Taiwan / 新聞稿 / 編號 / 日期 / headline: the English name is
    the outlet's, the headline the title (the English name was the title); ### and the press office's
    contact lines are notes (they were headings); 發布單位： is a field and （E） an end mark."""
    got = kinds("美國在台協會\nAmerican Institute in Taiwan\n新聞稿\n編號：PR-25-073\n日期：2025年11月14日\n\n"
                "美國國務院發言人就台海和平穩定及對台軍售發表聲明\n\n美國國務院今天批准一項可能的對台軍售案。\n\n"
                "美國反對任何一方以武力或脅迫方式片面改變現狀。\n\n###\n\n美國在台協會新聞組\n電話：(02) 2162-2000\n"
                "網址：www.ait.org.tw\n")
    assert got[1] == ("publication", "American Institute in Taiwan")
    assert ("title", "美國國務院發言人就台海和平穩定及對台軍售發表聲明") in got
    assert [k for k, _ in got[-4:]] == ["note"] * 4
    got = kinds("中華民國外交部 新聞稿\n發布日期：中華民國114年11月21日\n新聞稿編號：第 418 號\n發布單位：亞東太平洋司\n\n"
                "外交部嚴正譴責中國政府持續打壓我太平洋友邦\n\n外交部發言人蕭光偉今日表示，中國此舉破壞區域和平。\n\n"
                "外交部對此表達嚴正抗議。\n\n（E）\n")
    assert got[3] == ("note", "發布單位：亞東太平洋司") and got[4][0] == "title" and got[-1] == ("note", "（E）")


def test_a_web_pages_header_with_buttons_and_sections():
    """關鍵評論網: the breadcrumb one level per line, the date with its sections, the share buttons
    one per line, the summary box's label and a 文：name line (headings and leads before)."""
    got = kinds("關鍵評論網 The News Lens\n首頁\n國際\n兩岸\n評論\n\n海纜一斷再斷，台灣準備好面對中國的「灰色地帶」了嗎？\n\n"
                "2025/11/27, 政治, 評論\nPhoto Credit: Reuters / 達志影像\n\n分享\nFacebook\nLine\nTwitter\n複製連結\n\n"
                "我們想讓你知道的是\n今年以來，台灣周邊海底電纜接連遭到損壞，北京的灰色地帶策略正在測試台灣。\n\n文：陳柏諺\n\n"
                "今年1月3日，一艘貨輪被懷疑在基隆外海拖錨損壞台灣對外的國際海纜。\n")
    assert got[1] == ("note", "首頁") and got[5][0] == "title" and got[6][0] == "publication" and got[6][1].startswith("2025/11/27")
    assert all(k == "note" for k, t in got if t in ("Facebook", "Line", "Twitter", "複製連結", "我們想讓你知道的是"))
    assert ("byline", "文：陳柏諺") in got


def test_an_outlet_with_its_latin_name_and_a_date_with_its_update():
    """上報 UP MEDIA ｜ 評論 is the publication (it was the title, UP and MEDIA two ORGs), the headline
    under it the title; 2025-11-28 07:00:00 更新：2025-11-28 09:12:45 a date line (an affiliation);
    2025/11/29 05:30 / 東京: the place under the date is where it was written (a heading)."""
    got = kinds("上報 UP MEDIA ｜ 評論\n\n林晉德觀點：鄭麗文的兩岸路線，考驗的不是北京，而是台灣選民\n\n作者：林晉德\n"
                "2025-11-28 07:00:00 更新：2025-11-28 09:12:45\n\n國民黨主席鄭麗文11月1日正式上任至今未滿一個月。\n\n她多次表示不排除會面。\n")
    assert [k for k, _ in got[:4]] == ["publication", "title", "byline", "publication"]
    got = kinds("日經中文網 > 政治外交\n\n日本防衛費提前達GDP的2%　補充預算案獲內閣通過\n\n2025/11/29 05:30\n東京\n\n"
                "日本政府11月28日在內閣會議上通過了補充預算案。\n\n其中，防衛相關經費追加約1.1兆日圓。\n")
    assert got[3] == ("byline", "東京")


def test_a_date_and_credits_a_bar_apart():
    """2025年11月3日 | 作者：鄭嘉明 (a lead) and a blog's 發表於 … ｜ 作者：… ｜ 分類：… ｜ 標籤：… (body):
    the date, the writer, the other fields as notes; a numbered heading that asks (一、什麼是「戰略模糊」？)."""
    got = kinds("中美元首釜山會晤穩大局　「倚外謀獨」注定碰壁\n\n2025年11月3日 | 作者：鄭嘉明\n\n"
                "10月30日，國家主席習近平與美國總統特朗普在韓國釜山舉行會晤。\n\n這是首次面對面會談。\n")
    assert got[1:3] == [("publication", "2025年11月3日"), ("byline", "作者：鄭嘉明")]
    got = kinds("戰略模糊已死？從拜登到川普，美國對台政策的「清晰化」迷思\n\n"
                "發表於 2025年12月2日 ｜ 作者：何承恩 ｜ 分類：國際關係、台海安全 ｜ 標籤：戰略模糊、台灣關係法\n\n"
                "上週在系上的研討課，有位研究生問我：「老師，美國到底會不會協防台灣？」\n\n一、什麼是「戰略模糊」？\n\n"
                "所謂戰略模糊，就是美國刻意不明說是否會出兵。\n")
    assert [k for k, _ in got[1:5]] == ["publication", "byline", "note", "note"]
    assert ("heading", "一、什麼是「戰略模糊」？") in got


def test_a_post_with_a_writer_and_title_line_and_a_headline_that_asks():
    """A Facebook post under 程宏毅 立法委員: no title among its lines (👉 這件事…？ was the title, the
    lines before it leads), and the reactions' icons and count are a note; an Initium headline that
    asks and goes on (「外國勢力」無處不在？23條…) over 端傳媒記者 … 發自香港 is the title."""
    got = kinds("程宏毅 立法委員\n11月26日 下午3:42 · 🌏\n\n1.25兆。\n你沒看錯，是「兆」。😳\n\n賴總統今天宣布要編1.25兆的國防特別預算。\n"
                "👉 這件事，立法院是什麼時候知道的？\n\n國民黨支持國防，這點從來沒變過。\n\n👍❤️😡 2.3萬\n1,842則留言 356次分享\n")
    assert [k for k, _ in got[:3]] == ["byline", "affiliation", "publication"] and "title" not in [k for k, _ in got]
    assert got[-2] == ("note", "👍❤️😡 2.3萬")
    got = kinds("「外國勢力」無處不在？23條立法一年半，香港的國安敘事如何改寫日常\n\n端傳媒記者 葉朗晴 發自香港\n2025-10-09\n\n"
                "2024年3月19日，香港立法會全票通過《維護國家安全條例》。\n\n特區政府當時承諾，新法只針對極少數人。\n")
    assert [k for k, _ in got[:3]] == ["title", "byline", "publication"]


def test_a_journal_issue_line_footnotes_and_a_table():
    """A journal article: 遠景基金會季刊 第二十六卷 第四期 … is the issue line (it was the title), the
    running header 88 遠景基金會季刊 第26卷 第4期 is dropped, the notes under the last rule are notes and
    their markers leave the text (改善。2, 省。3 2025年); a table's rows (日本 兆日圓 6.8 7.9, 日本 553
    南韓 476) are notes, its title a caption, a list item (－ …) is prose."""
    text = ("遠景基金會季刊 第二十六卷 第四期 2025年10月 頁87-126\n\n台菲安全合作的發展與侷限\n\n何承澤\n\n壹、前言\n\n"
            "菲律賓總統曾坦言，若台海爆發戰爭，菲律賓將無可避免被捲入。1 此一說法反映了地理上的現實。\n\n"
            "台菲之間曾因事件關係緊繃，直到2015年簽署漁業執法合作協定後才逐步改善。2\n\n"
            "美菲宣布新增四處據點，其中三處位於伊莎貝拉省。3\n2025年「肩並肩」演習期間，美軍部署飛彈。\n\n"
            "88 遠景基金會季刊 第26卷 第4期\n\n北京則多次警告菲方不要玩火。\n\n──────────\n"
            "1 小馬可仕2025年8月訪問印度期間接受媒體專訪之發言。\n2 Agreement concerning Fisheries Matters, signed November 5,\n"
            "2015.\n3 分別為卡加揚省聖安娜海軍基地。\n")
    got = kinds(text)
    assert got[0][0] == "publication" and got[1] == ("title", "台菲安全合作的發展與侷限")
    body = " ".join(t for k, t in got if k == "body")
    assert "88" not in body and "改善。2" not in body and "3 2025" not in body
    assert [t[:1] for k, t in got if k == "note"] == ["1", "2", "3"]
    got = kinds("國防預算比較\n\n面對中國軍力擴張與朝鮮半島情勢，印太地區國家近年紛紛調高國防支出，各國國防預算近年都在成長。\n\n"
                "根據各國國防部公布的預算數據，日本、南韓、台灣與菲律賓的國防預算近三年均呈現成長。\n\n"
                "表：印太四國國防預算比較\n\n國家 單位 2023年 2024年 2025年\n"
                "日本 兆日圓 6.8 7.9 8.7\n南韓 兆韓元 57.0 59.4 61.2\n\n日本 553 南韓 476 台灣 165\n\n"
                "國民黨團認為政府應先交代：\n\n－ 已付款但尚未交貨的軍購案件，應列表向立法院報告\n")
    kinds_of = dict((t.replace(" ", ""), k) for k, t in got)  # (a space between two Han characters goes)
    assert kinds_of["表：印太四國國防預算比較"] == "caption" and kinds_of["日本兆日圓6.87.98.7"] == "note"
    assert kinds_of["日本553南韓476台灣165"] == "note"
    assert [k for k, t in got if t.startswith("－")] == ["body"]


def test_pen_names_bylines_and_link_labels():
    """鍾聲 above 《人民日報》（… 03 版） is the byline (a heading); 鏡週刊記者／吳品萱 is a byline (a lead);
    （譯者：…／核稿：…）1141118 is a note; ▸ 相關新聞 opens a list of links."""
    got = kinds("菲方挑釁滋事注定徒勞無功\n\n菲律賓方面多次派遣公務船隻擅闖黃岩島鄰近海域。\n\n美方並非南海問題當事方。\n\n鍾　聲\n\n"
                "《人民日報》（ 2025年09月18日 03 版）\n")
    assert got[-2][0] == "byline"
    got = kinds("鄭麗文坐上黨主席大位\n\n鏡週刊記者／吳品萱\n2025.11.24 19:30\n\n國民黨主席鄭麗文上任將近一個月。\n\n黨中央表面一片和氣。\n")
    assert got[1] == ("byline", "鏡週刊記者／吳品萱")
    got = kinds("美晶片管制忽緊忽鬆\n\n（中央社記者陳彥廷綜合外電報導）美國對中國的晶片管制數度轉向。\n\n"
                "輝達隨後認列相關費用。\n\n（譯者：劉文傑／核稿：張佩芝）1141118\n")
    assert got[-1][0] == "note"
    got = kinds("雙航艦同闖太平洋\n\n記者 陳柏翰 報導\n\n中國兩艘航空母艦首度同時在西太平洋活動。\n\n▸ 相關新聞\n\n遼寧艦航經宮古海峽 共機起降逾百架次\n\n"
                "更讓日方不滿的是，戰機兩度異常接近巡邏機，最近距離僅約45公尺。\n")
    assert [k for k, t in got[3:5]] == ["note", "note"]


def test_a_date_label_without_colon_an_outlet_tag_and_a_filed_section():
    """日期 2025年11月21日 is a date line (its label was an ORG); （德國之聲中文網） opening a paragraph is
    the dateline; 國際｜韓國 over the headline is where the story is filed (it was the title); 國防部
    發言人室 at the end is the release's signature."""
    got = kinds("歐中關係陷拉鋸\n\n日期 2025年11月21日\n\n（德國之聲中文網）今年7月，歐中在北京舉行峰會。\n\n"
                "歐盟執委會主席馮德萊恩當時直言，歐中關係已走到轉折點。\n\n國防部發言人室\n")
    assert got[1] == ("publication", "日期 2025年11月21日") and got[2] == ("byline", "（德國之聲中文網）")
    assert got[-1] == ("note", "國防部發言人室")
    got = kinds("國際｜韓國\n\n李在明的「實用外交」能走多遠？\n\n天下雜誌 2025-12-03\n\n上任滿半年，李在明把實用外交掛在嘴邊。\n\n他先訪東京。\n")
    assert got[0] == ("note", "國際｜韓國") and got[1][0] == "title"


def test_a_government_release_s_end_mark_date_and_hour_are_notes():
    """A Hong Kong government press release ends 完 / 2025年11月28日（星期五） / 香港時間21時30分."""
    text = ("特區政府強烈反對英國報告\n\n特區政府今日強烈反對英國政府發表的報告。\n\n發言人說，報告顛倒是非。\n\n"
            "完\n\n2025年11月28日（星期五）\n香港時間21時30分\n")
    got = kinds(text)
    assert got[-3:] == [("note", "完"), ("note", "2025年11月28日（星期五）"), ("note", "香港時間21時30分")]


def test_a_date_with_an_hour_in_characters_is_the_publication_line():
    got = kinds("日本2025年版《防衛白皮書》出爐\n\n2025年7月15日 12時10分\n\n日本政府15日在內閣會議上通過了白皮書。\n")
    assert got[1] == ("publication", "2025年7月15日 12時10分")


def test_a_release_s_issue_date_labelled_fa_gao_is_the_publication_line():
    got = kinds("立法委員國會辦公室新聞稿\n\n發稿日期：2025年11月27日\n\n主旨：要求國防部提出專案報告\n\n"
                "委員今日表示，軍購交運進度落後，國防部迄今未說明。\n")
    assert ("publication", "發稿日期：2025年11月27日") in got


def test_a_writer_s_role_in_brackets_above_the_editors_credits_is_a_note():
    got = kinds("國際銳評丨懸崖勒馬還來得及\n\n日本首相日前在國會答辯時公然宣稱台灣有事。\n\n悬崖勒马，为时未晚！\n\n"
                "（总台国际锐评评论员）\n\n编辑：许一凡 责任编辑：赵晨阳\n")
    assert got[-2][1] == "（总台国际锐评评论员）" and [k for k, _ in got[-2:]] == ["note", "note"]


def test_a_copyright_line_opening_with_ben_wen_is_a_note():
    got = kinds("標題在此\n\n第一段說明韓美協商的結果。\n\n本文版权归朝鲜日报所有，未经授权，不得转载。\n")
    assert got[-1] == ("note", "本文版权归朝鲜日报所有，未经授权，不得转载。")


def test_a_byline_behind_a_square_bullet():
    """■ 文／龐立行: 文匯報's and 大公報's commentaries mark the byline with a bullet (it was a heading)."""
    got = kinds("和平統一大勢不可逆\n\n■ 文／龐立行\n\n今年是台灣光復80周年。全國人大常委會10月決定設立紀念日。\n\n這一決定確認歷史事實。\n")
    assert got[1] == ("byline", "■ 文／龐立行")


def test_a_radio_station_s_page_share_bar_photo_marker_and_credit():
    """Rti's page: 分享 列印 A+ A- is a button bar (it was the byline's affiliation); ［照片］… opens a
    caption; （圖取自X@…） is its credit."""
    got = kinds("菲中船艦再爆衝突\n\n2025-06-17 15:42\n\n記者 何宜臻／綜合報導\n\n分享 列印 A+ A-\n\n"
                "［照片］菲律賓海岸防衛隊公布的影片畫面顯示，中國海警船對菲律賓公務船發射水砲。\n\n（圖取自X@jaytaryela）\n\n"
                "菲律賓海岸防衛隊17日指控，中國海警船16日在斯卡伯勒淺灘附近海域發射水砲。\n\n他說，中方行為危險。\n")
    assert [k for k, _ in got[3:6]] == ["note", "caption", "caption"]


def test_an_outlet_with_its_latin_name_and_column_then_a_name_with_date_bar_and_hour():
    """新頭殼newtalk ｜ 新頭殼觀點 is the publication line (it was the title, and the headline body);
    陳彥廷　2025.09.23 | 10:30 發布 is the writer and the date."""
    got = kinds("新頭殼newtalk　｜　新頭殼觀點\n首頁 > 觀點 > 政治\n\n【觀點】藍委北京行　誰授權他們替台灣「表態」？\n\n"
                "陳彥廷　2025.09.23 | 10:30 發布\n\n大罷免落幕不到兩個月，藍委又前往北京。\n\n問題不在於交流本身。\n")
    assert [k for k, _ in got[:5]] == ["publication", "note", "title", "byline", "publication"]


def test_an_outlet_and_its_sections_after_spaces_and_a_reporter_credit_above_related_links():
    """明報新聞網 即時新聞 港聞 is the publication line (it was the title); （明報記者） above 相關新聞 and
    its ▲ links is a note (it was a heading); 明報新聞網 版權所有 不得轉載 is a note; 字號 is a button."""
    got = kinds("明報新聞網 即時新聞 港聞\n2025年11月18日 星期二 13:05\n\n網民發布煽動帖文囚14個月\n\n字號\n\n【明報專訊】一名男子被判監禁。\n\n"
                "特首李家超今早回應稱，香港是法治社會。\n\n（明報記者）\n\n相關新聞\n▲ 國安處拘兩男涉網上煽動\n▲ 英國國會報告批港人權狀況\n\n"
                "明報新聞網 版權所有 不得轉載\n")
    assert got[0] == ("publication", "明報新聞網 即時新聞 港聞") and got[2][0] == "title"
    assert ("note", "字號") in got and ("note", "（明報記者）") in got and got[-1][0] == "note"


def test_a_policy_brief_laid_out_like_a_pdf_with_full_width_page_numbers():
    """遠景基金會　政策簡析　No. 2025-08 is the publication line; the title over two lines (ending in a
    colon, then its second half) is the title; － 1 － is a page number between pages, and the
    sentence it cut (…北京 / 隨即強烈反彈) is one paragraph again."""
    text = ("遠景基金會　政策簡析　　　　　　　　　　　　No. 2025-08\n\n中共「海峽雷霆-2025A」演習後的灰色地帶脅迫：\n趨勢評估與政策建議\n\n"
            "林郁翔（財團法人遠景基金會助理研究員）\n2025年5月\n\n一、前言\n"
            "　　2025年3月13日，賴清德總統召開國安高層會議後，宣布將中國定位\n為《反滲透法》所稱之「境外敵對勢力」，並提出17項國安因應策略。北京\n\n"
            "－ 1 －\n\f遠景基金會　政策簡析　　　　　　　　　　　　No. 2025-08\n\n"
            "隨即強烈反彈，國台辦發言人批評此舉為「赤裸裸的台獨挑釁」。不到三週後\n，解放軍即展開對臺聯合演習，其政治意涵相當明顯。\n")
    got = kinds(text)
    assert [k for k, _ in got[:5]] == ["publication", "title", "byline", "affiliation", "publication"]
    assert got[1][1] == "中共「海峽雷霆-2025A」演習後的灰色地帶脅迫：趨勢評估與政策建議"
    assert any(k == "body" and "北京隨即強烈反彈" in t for k, t in got) and not any("－" in t for _, t in got)


def test_a_correspondent_s_byline_with_a_space():
    got = kinds("南中國海行為準則仍卡在法律約束力\n\n本报驻吉隆坡特派员 黄振业\n\n（吉隆坡讯）第47届东盟峰会星期二在吉隆坡落幕。\n\n各方仍有分歧。\n")
    assert got[1] == ("byline", "本报驻吉隆坡特派员 黄振业")


def test_voa_s_front_matter_with_an_update_time_and_the_writer_s_name_alone():
    """2025年10月27日 20:15 最後更新：2025年10月28日 03:40 is the date line (it was the title), 鍾嘉琪
    alone above the headline the writer; 經濟日報｜產業．財經 A3版 an outlet, its section and page."""
    got = kinds("美國之音中文網 > 亞太\n\n2025年10月27日 20:15 最後更新：2025年10月28日 03:40\n\n鍾嘉琪\n\n"
                "美日菲三方峰會發表聯合聲明 重申反對以武力改變現狀\n\n華盛頓 — 美國、日本和菲律賓三國領導人星期一舉行三方會談。\n\n聲明重申仲裁案裁決具有法律約束力。\n")
    assert [k for k, _ in got[:4]] == ["publication", "publication", "byline", "title"]
    got = kinds("經濟日報｜產業．財經 A3版\n\n美擴大AI晶片出口管制 台積電接單受矚目\n\n美國商務部17日公布新一輪半導體出口管制規定。\n\n市場關注台積電接單。\n")
    assert got[0][0] == "publication" and got[1][0] == "title"


def test_a_long_form_feature_s_header_with_credits_by_space():
    """報導者 The Reporter ｜ 深度報導 ｜ 國際兩岸: the outlet (深度報導 is a section, no reporter's
    credit); 文字 許芷寧 the writer; 攝影 黃冠霖 a photo credit; a date with the reading time."""
    got = kinds("報導者 The Reporter ｜ 深度報導 ｜ 國際兩岸\n\n「海警船就停在那裡」──常態化巡查下，金門人的日常與不安\n\n"
                "文字 許芷寧\n攝影 黃冠霖\n責任編輯 王韻如\n2025/9/15 閱讀時間 25 分鐘\n\n凌晨4點，63歲的陳金水已經在料羅漁港整理漁網。\n\n他在這片海捕魚超過40年。\n")
    assert [k for k, _ in got[:6]] == ["publication", "title", "byline", "caption", "note", "publication"]


def test_a_translated_statement_s_end_mark_the_release_number_and_media_contact():
    """新聞稿 編號：PR-25-019 is a field (it was the title); （聲明譯文完） ends the statement, not the
    article (the director's words after it are body); 媒體聯絡： is a contact line."""
    got = kinds("美國在台協會 American Institute in Taiwan\n新聞稿 編號：PR-25-019\n2025年4月2日\n\n美國國務院發言人關於中國軍事演習之聲明\n\n"
                "中國再次以具侵略性的軍事活動威脅台灣。\n\n美國反對任何一方單方面改變現狀。\n\n（聲明譯文完）\n\n"
                "美國在台協會處長谷立言同日表示，美台夥伴關係堅若磐石。\n\n媒體聯絡：美國在台協會新聞組\n")
    assert got[1][0] == "note" and got[3][0] == "title"
    assert ("note", "（聲明譯文完）") in got and got[-2][0] == "body" and got[-1][0] == "note"


def test_a_date_then_a_known_outlet_under_its_city():
    got = kinds("文匯論壇\n\n和平統一大勢不可逆\n\n■ 文／龐立行\n\n2025-11-24　香港文匯報\n\n今年是台灣光復80周年。北京隆重舉行紀念大會。\n\n這一決定確認歷史事實。\n")
    assert got[3] == ("publication", "2025-11-24 香港文匯報")


def test_the_presidential_office_s_page_header():
    got = kinds("中華民國總統府\n首頁 > 新聞與活動 > 總統府新聞\n\n總統接見「美國聯邦參議院跨黨派訪問團」\n\n發布日期：2025-12-05\n\n"
                "賴清德總統今日上午接見訪問團。\n\n總統致詞時表示，感謝美國國會支持。\n")
    assert [k for k, _ in got[:4]] == ["publication", "note", "title", "publication"]


def test_a_ministry_s_header_with_its_english_name_and_a_broadcaster_s_boilerplate():
    """國防部 Ministry of National Defense, R.O.C. is the publication line (it was the title);
    （路透社、德新社、法新社） and DW's boilerplate under the article are notes."""
    got = kinds("國防部 Ministry of National Defense, R.O.C.\n\n中共解放軍臺海周邊海、空域動態\n\n發布日期：114年12月14日 09:00\n\n"
                "本日偵獲共機31架次。\n\n國防部將持續公布動態。\n")
    assert [k for k, _ in got[:3]] == ["publication", "title", "publication"]
    got = kinds("德國護衛艦再穿越台灣海峽\n\n德國海軍護衛艦週四駛經台灣海峽。\n\n北京批評德方。\n\n（路透社、德新社、法新社）\n\n"
                "DW中文有Instagram！歡迎搜尋dw.chinese。\n\n德國之聲致力於為您提供客觀中立的新聞報導。\n")
    assert [k for k, _ in got[-3:]] == ["note"] * 3


def test_xinhua_s_dateline_with_the_headline_again_its_reporters_and_a_picture_credit():
    """新華社北京7月15日電　題：… (the headline again is a note, not the first paragraph); 新華社記者劉宇軒
    鄭曉彤 (two reporters, a space between) is the byline; 這是黃岩島（無人機照片）。新華社記者 張麗芸 攝 a caption."""
    got = kinds("新华时评：菲律宾甘当“马前卒”只会自食其果\n\n新华社北京7月15日电　题：菲律宾甘当“马前卒”只会自食其果\n"
                "　　新华社记者刘宇轩　郑晓彤\n\n　　这是黄岩岛（无人机照片）。新华社记者 张丽芸 摄\n\n"
                "　　近期，菲律宾频频派遣船只闯入中国黄岩岛邻近海域。\n\n　　这条路走不通。\n")
    assert [k for k, _ in got[:6]] == ["title", "byline", "note", "byline", "caption", "body"]


def test_rfa_s_date_with_a_time_zone_a_picture_from_the_archive_and_credits_above_related_links():
    got = kinds("南韓國情院：北韓再向俄增派數千兵力\n\n2025.09.18 14:25 EDT\n\n資料圖片：2025年8月，北韓領導人金正恩在平壤出席紀念活動。（朝中社/路透社）\n\n"
                "南韓國家情報院週四表示，北韓再向俄羅斯派出約6000名工兵。\n\n國情院估計傷亡已超過4000人。\n\n"
                "記者：金善雅 責編：何平 網編：瑞哲\n\n相關新聞\n・北韓戰俘要求投奔南韓\n・金正恩首度承認向俄派兵\n")
    assert [k for k, _ in got[:3]] == ["title", "publication", "caption"]
    assert ("byline", "記者：金善雅 責編：何平 網編：瑞哲") in got


def test_an_outlet_s_breadcrumb_with_the_date_and_a_byline_labelled_bao_dao():
    got = kinds("东方日报 ＞ 国内 ＞ 2025年11月05日 18:42\n\n安华访华获逾千亿投资意向　国盟轰南海立场“软弱”\n\n报道：陈慧敏（北京特派员）、郑家豪\n\n"
                "（北京5日讯）首相拿督斯里安华今日在北京人民大会堂与中国国家主席习近平会面，双方签署多项合作备忘录，涵盖数字经济、绿色能源与农业等领域。\n\n"
                "安华在会后记者会上表示，马来西亚奉行独立自主的外交政策，南海问题应通过对话与外交途径处理。\n\n"
                "国盟批评政府在南海问题上立场软弱，要求首相向国会说明访华成果。\n")
    assert [k for k, _ in got[:3]] == ["publication", "title", "byline"]


def test_cna_s_page_a_two_part_headline_its_picture_credit_and_site_notice():
    """中央社 CNA (publication); 美眾院聽證會聚焦… 跨黨派議員促… is the title (its 議員 made it read as
    an affiliation); …中央社記者賴彥廷華盛頓攝　114年11月25日 a caption; 本網站之文字… a note."""
    got = kinds("中央社 CNA\n首頁 > 政治\n\n美眾院聽證會聚焦對台軍售積壓 跨黨派議員促加速交付\n\n2025/11/25 08:12（11/25 10:36 更新）\n字級　列印　分享\n\n"
                "美國聯邦眾議院外交委員會主席馬斯特24日主持聽證會，兩黨議員對交付延宕表達不滿。中央社記者賴彥廷華盛頓攝　114年11月25日\n\n"
                "（中央社記者賴彥廷華盛頓25日專電）美國聯邦眾議院外交委員會24日就對台軍售舉行聽證會，兩黨議員表達不滿。\n\n"
                "民主黨首席議員米克斯指出，兩黨在這個議題上沒有分歧。\n\n本網站之文字、圖片及影音，非經授權，不得轉載。\n")
    kinds_ = [k for k, _ in got]
    assert kinds_[:4] == ["publication", "note", "title", "publication"] and "caption" in kinds_ and kinds_[-1] == "note"


def test_a_korean_paper_s_chinese_edition_header_with_an_edit_time():
    got = kinds("中央日报中文网 | Korea JoongAng Daily 中文版\n首页 > 政治 > 外交\n\n李在明与高市早苗东京会谈 同意深化“穿梭外交”\n\n"
                "2025.12.19 17:05 修改 2025.12.19 19:42\n字号 打印 分享\n\n韩国总统李在明19日在东京与日本首相高市早苗举行首脑会谈。\n\n双方同意深化合作。\n")
    assert [k for k, _ in got[:5]] == ["publication", "note", "title", "publication", "note"]


def test_where_an_editorial_ran_and_an_archive_picture_s_credit_are_no_headings():
    got = kinds("社論／關稅「暫時」二成 政府別再拿話術搪塞國人\n\n美國總統川普簽署行政命令，台灣被課徵百分之二十。\n\n（資料照，新華社）\n\n"
                "執政者面對逆境，最忌自我感覺良好。\n\n【2025-08-02／聯合報／A2版／社論】\n")
    assert ("caption", "（資料照，新華社）") in got and got[-1] == ("note", "【2025-08-02／聯合報／A2版／社論】")


def test_a_press_contact_heading_with_a_bullet_is_a_note():
    got = kinds("標題在此\n\n本協會將持續與台灣相關單位密切合作，確保各界善款妥善運用。\n\n■新聞聯絡人\n\n電話：（02）2713-8000\n")
    assert got[-2] == ("note", "■新聞聯絡人")


def test_a_weibo_post_s_source_line_topics_pictures_and_comments():
    got = kinds("中国驻日本大使馆 V\n11-14 20:36 来自 微博网页版　已编辑\n\n【吴江浩大使就日本领导人涉台错误言论提出严正交涉】#台湾问题#\n\n"
                "11月14日，吴江浩大使约见日本外务省高级官员，提出严正交涉。\n\n中方再次严正敦促日方恪守一个中国原则。🙏\n\n"
                "#中日关系# #一个中国原则#\n\n📷 图片 ×4\n\n热门评论\n\n@长安晚风不语：大使说得好！👍 2.1万\n\n转发 1.3万 | 评论 9876 | 赞 8.2万\n")
    assert got[1][0] == "publication" and [k for k, _ in got[-5:]] == ["note"] * 5


def test_a_mainland_journal_s_first_page():
    """国际问题研究 2025年第5期 and its English name with the issue are publication lines (the English
    was the title); 【关键词】, 【作者简介】, 【中图分类号】 and · 46 · (a page's running header) are notes."""
    got = kinds("国际问题研究 2025年第5期\nCHINA INTERNATIONAL STUDIES (Chinese Edition) No.5, 2025\n\n"
                "美国“印太战略”调整背景下的对台军售：动因、路径与影响\n\n张昊　李雯\n\n"
                "【摘要】特朗普第二任期以来，美国对台军售呈现规模扩大、节奏加快的新趋势。美国国会通过立法施压。\n\n"
                "【关键词】美国；对台军售；印太战略\n\n【作者简介】张昊，中国国际问题研究院美国研究所助理研究员\n\n"
                "【中图分类号】D822.371.2 【文献标识码】A\n\n· 46 · 国际问题研究 2025年第5期\n\n一、美国对台军售政策的新动向\n\n"
                "2025年以来，美国对台军售在数量与质量上均出现明显变化。\n")
    kinds_ = [k for k, _ in got]
    assert kinds_[:3] == ["publication", "publication", "title"] and kinds_[5:9] == ["note"] * 4


def test_a_poll_s_figures_in_a_list_are_no_headings():
    got = kinds("台灣民意基金會民調\n\n本會最新全國性民調發現，對賴清德總統的施政，41.3%贊同，47.8%不贊同。\n\n二、是否支持國防特別預算\n\n"
                "．非常支持：22.6%\n．還算支持：21.4%\n．不太支持：18.9%\n\n整體而言，支持者合計44.0%，反對者合計44.6%。\n")
    assert [k for k, t in got if t.startswith("．")] == ["note"] * 3


def test_a_speech_s_salutation_ending_in_a_colon_is_no_title_line():
    """各位國人同胞、各位貴賓，大家好： then the speech, a blank line after every paragraph: the
    salutation stays its own paragraph (it was read as a title going on into the next line)."""
    text = ("總統國慶演說全文\n\n2025年10月10日\n\n各位國人同胞、各位貴賓，大家好：\n\n"
            "今天，我們齊聚在總統府前，慶祝國慶。（掌聲）\n\n過去一年，台灣從未退縮。我要感謝全體國軍。\n\n"
            "最後，我要感謝美國、日本、歐盟等理念相近的夥伴，對台灣的支持\n\n謝謝大家。\n")
    assert "各位國人同胞、各位貴賓，大家好：" in [b.text for b in clean_blocks(text)]


def test_each_bulleted_line_is_a_block_of_its_own():
    """重點摘要： then three bulleted lines with no punctuation at their ends: three items (the label
    and two items were one block)."""
    text = ("美菲聯合軍演登場 首度部署反艦飛彈\n\n記者鍾詠翔／綜合報導\n\n重點摘要：\n"
            "• 今年演習規模創新高，約1萬7千名官兵參與\n• 美軍首度在巴丹群島部署NMESIS反艦飛彈系統\n"
            "• 日本自衛隊首度以正式參演國身分加入\n\n美國與菲律賓年度聯合軍演21日在菲律賓北部展開，為期三週。\n")
    texts = [b.text for b in clean_blocks(text)]
    assert "• 今年演習規模創新高，約1萬7千名官兵參與" in texts and "• 美軍首度在巴丹群島部署NMESIS反艦飛彈系統" in texts
