"""Article metadata from front matter (title, author, affiliation, date) and the rules behind it:
reporter names in datelines, name-only bylines, numeric dates.  The articles are made up, in the
layouts of several Taiwanese and mainland outlets."""

from __future__ import annotations

import pytest

from pipeline.annotate import annotate_text
from pipeline.numex import find_dates

WIRE = """美日澳印外長會談 聚焦南海情勢
2026/11/26 22:15
（中央社記者陳韻聿東京26日專電）美國、日本、澳洲與印度今天在東京舉行外長會議，會後發表聯合聲明。
日本外務大臣表示，四國將持續合作。
（編輯：林克倫）1151126
"""

LOCAL = """國防部：共機擾台頻率創新高
〔記者吳書緯／台北報導〕國防部今（27）日公布，偵獲共機32架次在台海周邊活動。
國防部長表示，國軍已嚴密監控。
"""

MAINLAND = """外交部：美方应停止向台湾出售武器
新华社北京11月27日电（记者董雪）外交部发言人27日在例行记者会上说，中方对此坚决反对。
据报道，美国国务院日前批准向台湾出售武器。
（责任编辑：王坤）
"""

OPINION = """觀點投書：台灣安全的困境
林大明
國立政治大學外交學系副教授
川普重返白宮後，美國的印太戰略出現明顯調整，華府要求盟國大幅提高國防預算。
筆者認為，台灣政府應提出具體的防衛構想。
（作者為國立政治大學外交學系副教授；本文僅代表作者觀點）
"""


def people(doc, kind: str = "byline") -> list[str]:
    return [e.text for u in doc.units if u.kind == kind for e in u.entities if e.label == "PERSON"]


def test_wire_story(resources):
    doc = annotate_text(WIRE, "wire", resources)
    assert doc.meta["title"] == "美日澳印外長會談 聚焦南海情勢"
    assert doc.meta["date"] == "2026-11-26"  # from the date line, not taken for an author
    assert doc.meta["author"] == "陳韻聿"  # the whole name, up to the place (jieba cuts 陳韻|聿)
    assert people(doc) == ["陳韻聿"]
    assert [u.kind for u in doc.units][-1] == "note"
    today = next(e for u in doc.units for e in u.entities if e.text == "今天")
    assert today.label == "DATE"


def test_local_paper_byline(resources):
    doc = annotate_text(LOCAL, "local", resources)
    assert doc.meta["author"] == "吳書緯"
    assert "date" not in doc.meta  # 今（27）日 has no month: no article date is made up


def test_mainland_dateline_and_editor_note(resources):
    doc = annotate_text(MAINLAND, "mainland", resources)
    assert doc.meta["author"] == "董雪"
    assert doc.units[-1].kind == "note" and doc.units[-1].text == "（责任编辑：王坤）"


def test_opinion_byline_and_affiliation(resources):
    doc = annotate_text(OPINION, "op", resources)
    assert doc.meta["author"] == "林大明"
    assert people(doc) == ["林大明"]
    assert doc.meta["affiliation"] == "國立政治大學外交學系副教授"


def test_byline_rules_leave_non_names_alone(resources):
    doc = annotate_text("標題在此\n記者會現場\n美國今天表示，將持續合作。\n", "t", resources)
    assert people(doc) == []
    doc = annotate_text("標題在此\n文／編輯部\n美國今天表示，將持續合作。\n", "t2", resources)
    assert people(doc) == []  # 編 is not a surname


def test_source_metadata_wins(resources):
    from pipeline.annotate import annotate_raw
    from pipeline.readers import RawArticle

    raw = RawArticle(text=WIRE, format="html", hints={"author": "Staff", "date": "2026-11-25"})
    doc = annotate_raw(raw, "h", resources)
    assert doc.meta["author"] == "Staff" and doc.meta["date"] == "2026-11-25"


@pytest.mark.parametrize("text, value", [
    ("2026/11/26 22:15", "2026-11-26"),
    ("发布时间：2026-11-26", "2026-11-26"),
    ("2026.1.5", "2026-01-05"),
])
def test_numeric_dates(text, value):
    assert [x[2]["value"] for x in find_dates(text)] == [value]


@pytest.mark.parametrize("text", ["3.85亿美元", "版本1.2.3", "2026-13-01", "20261126", "12/25/2024", "2026/11/26/7"])
def test_numbers_that_are_not_dates(text):
    assert find_dates(text) == []


BULLETIN = """國防安全雙週報 第 98 期
2026年11月20日
中共「聯合利劍」演習對台海安全之意涵
國防安全研究院
國家安全研究所
助理研究員 張 育 瑋
壹、新聞重點
中共東部戰區於 2026 年 11 月 10 日宣布在台灣周邊展開
「聯合利劍-2026C」演習，動員海空兵力對台灣進行封
鎖演練。美國國務院發言人隨即表示「深表關切」，並
呼籲北京保持克制。
貳、安全意涵
一、演習規模擴大，常態化趨勢明顯
相較於 2024 年的演習，此次中共出動的艦艇與軍機數量
均明顯增加，顯示解放軍已具備對台實施聯合封鎖的能
力。筆者認為，國軍應強化韌性，並與美日等盟邦深化
情報分享。
國防安全雙週報                                         7
二、灰色地帶手段多元化
中國海警船艦多次進入金門限制水域，企圖模糊執法與
軍事行動的界線。
"""


def test_pdf_bulletin_layout(resources):
    """A think-tank bulletin as PDF text: series name and issue on top, a letter-spaced author
    after the job title, numbered headings inside wrapped text, a footer with a page number."""
    doc = annotate_text(BULLETIN, "bulletin", resources)
    kinds = [(u.kind, u.text) for u in doc.units]
    assert doc.meta["title"] == "中共「聯合利劍」演習對台海安全之意涵"  # not joined to the next line
    assert doc.meta["publication"] == "國防安全雙週報"
    assert doc.meta["date"] == "2026-11-20"
    assert doc.meta["author"] == "張育瑋" and ("byline", "張育瑋") in kinds
    headings = [t for k, t in kinds if k == "heading"]
    assert headings == ["壹、新聞重點", "貳、安全意涵", "一、演習規模擴大，常態化趨勢明顯", "二、灰色地帶手段多元化"]
    assert not any("雙週報" in t for k, t in kinds if k in ("body", "heading"))  # the footer is gone
    assert any(t.startswith("相較於 2024 年的演習") for k, t in kinds if k == "body")
    pub = next(u for u in doc.units if u.kind == "publication")
    assert [e.text for e in pub.entities] == ["國防安全雙週報"]  # the name, not the issue number


@pytest.mark.parametrize("byline, name", [
    ("【上報快訊／記者李文儀報導】", "李文儀"),  # the name ends where 報導 begins
    ("文字：王穎芝", "王穎芝"),
    ("（中央社記者黃麗芸台北27日電）", "黃麗芸"),
    ("記者 王小明／綜合報導", "王小明"),
])
def test_reporter_names(resources, byline, name):
    doc = annotate_text(f"美國宣布新制裁措施\n{byline}\n美國今天宣布對俄羅斯實施新的制裁措施，以回應其持續的軍事行動。\n", "r", resources)
    assert doc.meta["author"] == name


def test_html_author_with_affiliation(resources, tmp_path):
    """The page's author, as the HTML reader finds it in the byline, is '陳文甲（國防大學戰略研究所教授'
    (cut at the bracket): the byline becomes name + affiliation, and the author is the name."""
    from pipeline.annotate import annotate_file

    page = tmp_path / "op.html"
    page.write_text(
        '<html><head><meta charset="utf-8"><title>北約東京辦事處的啟示 | 風傳媒</title>'
        '<meta property="og:site_name" content="風傳媒"><meta name="author" content="陳文甲">'
        "<script>var tracking = 1;</script></head><body><nav><a href='/'>首頁</a></nav><article>"
        "<h1>北約東京辦事處的啟示</h1><div class='byline'>陳文甲（國防大學戰略研究所教授）</div>"
        "<p>北約原本計畫在東京設立聯絡辦事處，卻因法國總統馬克宏反對而作罷。這件事凸顯歐洲國家對印太事務的分歧。</p>"
        "<p>馬克宏認為，北約應該專注於北大西洋地區，不應擴張到亞洲。然而日本與南韓都希望與北約建立更緊密的關係。</p>"
        "<p>筆者以為，台灣應積極參與相關的安全對話，爭取國際支持。</p></article></body></html>",
        encoding="utf-8",
    )
    doc = annotate_file(page, resources)
    assert doc.meta["author"] == "陳文甲"
    assert doc.meta["affiliation"] == "國防大學戰略研究所教授"
    assert doc.meta["publication"] == "風傳媒"


def test_references_are_back_matter(resources):
    doc = annotate_text("美中科技競爭\n陳明德\n美國持續對中國實施出口管制，並推動友岸外包政策。\n參考文獻\n[1] 經濟部，《半導體產業白皮書》，2023 年。\n", "ref", resources)
    assert [u.kind for u in doc.units][-2:] == ["note", "note"]


def test_interview_headline_with_a_job_title(resources):
    """專訪前國安會秘書長：… is the title (秘書長 does not make it an affiliation line), and
    記者張文華／專訪 is a byline."""
    doc = annotate_text("專訪前國安會秘書長：台灣必須做好最壞打算\n記者張文華／專訪\n問：您如何看待當前的台海局勢？\n答：我認為情勢比過去更加危險。\n", "qa", resources)
    assert doc.meta["title"] == "專訪前國安會秘書長：台灣必須做好最壞打算"
    assert doc.meta["author"] == "張文華"


def test_several_reporters_in_one_dateline(resources):
    doc = annotate_text("日韩关系回暖\n新华社北京8月25日电（记者 李明 张伟）韩国总统李在明23日抵达东京。\n", "x", resources)
    assert people(doc) == ["李明", "张伟"]
    doc = annotate_text("國防預算創新高\n〔記者吳書緯、林小華／台北報導〕國防部今日公布預算。\n", "l", resources)
    assert people(doc) == ["吳書緯", "林小華"]


def test_date_then_outlet_publication_line(resources):
    """聯合報's layout: the date and time before the outlet's name."""
    doc = annotate_text("社論／台灣不能只當棋子\n2025-04-10 00:05 聯合報\n美國總統川普宣布課徵關稅。\n", "udn", resources)
    assert [u.kind for u in doc.units][:2] == ["title", "publication"]
    assert (doc.meta["date"], doc.meta["publication"]) == ("2025-04-10", "聯合報")


def test_credits_line_names_the_writer_and_the_photographer(resources):
    """文／林珮萱　攝影／楊煥世: both are people; the author is the writer, the photographer is marked."""
    doc = annotate_text("天下雜誌 第812期\n台積電的美國課題\n文／林珮萱　攝影／楊煥世\n台積電在亞利桑那州設廠。\n", "cw", resources)
    found = {e.text: e for u in doc.units if u.kind == "byline" for e in u.entities}
    assert set(found) == {"林珮萱", "楊煥世"} and found["楊煥世"].extra.get("credit") == "photo"
    assert doc.meta["author"] == "林珮萱"


def test_outlet_and_byline_on_one_line(resources):
    """風傳媒's layout: date, time, outlet and the writer's credit on one line."""
    doc = annotate_text("台美關稅談判的三個盲點\n2025-08-05 06:30 風傳媒　文／李明哲\n美國總統川普宣布課徵關稅。\n", "storm", resources)
    assert [u.kind for u in doc.units][:3] == ["title", "publication", "byline"]
    assert (doc.meta["date"], doc.meta["publication"], doc.meta["author"]) == ("2025-08-05", "風傳媒", "李明哲")


@pytest.mark.parametrize("line", ["2025-11-29 03:30 聯合報／ 陳煥中", "聯合報／陳煥中", "2025-11-29 聯合報 陳煥中"])
def test_outlet_then_writer_without_a_label(resources, line):
    """聯合報's web layout: date, time, outlet, then the writer with no label; a section name after
    the outlet (聯合報 國際) is no writer."""
    doc = annotate_text(f"國防特別預算該怎麼花\n{line}\n賴清德總統本週宣布，將提出國防特別預算。\n", "udn", resources)
    assert [u.kind for u in doc.units][:3] == ["title", "publication", "byline"]
    assert (doc.meta["publication"], doc.meta["author"]) == ("聯合報", "陳煥中")
    doc = annotate_text("國防特別預算該怎麼花\n2025-11-29 聯合報 國際\n賴清德總統本週宣布，將提出國防特別預算。\n", "udn", resources)
    assert "author" not in doc.meta


def test_masthead_with_a_column_and_a_date_line_with_its_weekday(resources):
    """明報's layout: 明報 ｜ 社評 is the outlet and its column, 2025年11月29日 星期六 the date, and the
    headline after them the title; an outlet in Hong Kong makes a bare 外交部 China's."""
    doc = annotate_text("明報 ｜ 社評\n\n2025年11月29日 星期六\n\n中日交惡外溢 港人宜冷靜應對\n\n"
                        "外交部副部長孫衛東13日召見日本駐華大使，提出嚴正交涉。\n", "mp", resources)
    assert [u.kind for u in doc.units][:3] == ["publication", "publication", "title"]
    assert (doc.meta["publication"], doc.meta["date"]) == ("明報", "2025-11-29")
    mofa = next(e for u in doc.units for e in u.entities if e.text == "外交部")
    assert mofa.kb_id == "cn-mfa"


def test_site_breadcrumb_share_bar_and_menu_are_notes(resources):
    """A copied web page: the site's menu of sections, a breadcrumb that starts with the site's
    name, a bar of share buttons; a date labelled 发布/ still dates the article."""
    doc = annotate_text("即時 熱門 政治 社會 生活 健康 國際 地方 財經 娛樂 體育 評論\n联合早报 > 言论 > 评论\n\n"
                        "菲律宾接棒东盟主席 南中国海准则还有戏吗？\n\n郑立言\n发布/2025年11月30日 05:00\n分享 | 列印 | 字級：小 中 大\n\n"
                        "明年1月起，菲律宾将从马来西亚手中接过东盟轮值主席国。\n", "zb", resources)
    assert [u.kind for u in doc.units][:7] == ["note", "note", "title", "byline", "publication", "note", "body"]
    assert (doc.meta["date"], doc.meta["author"]) == ("2025-11-30", "郑立言")


def test_byline_with_the_date_after_it(resources):
    doc = annotate_text("川普2.0的印太棋局\n文／張郁雯（獨立研究者） 2025年11月26日\n美國國防部長在香格里拉對話發表演說。\n", "o", resources)
    assert [u.kind for u in doc.units][:4] == ["title", "byline", "affiliation", "publication"]
    assert (doc.meta["author"], doc.meta["affiliation"], doc.meta["date"]) == ("張郁雯", "獨立研究者", "2025-11-26")


def test_ministry_press_release_page(resources):
    """外交部's page: the site's header (Chinese and English name), a breadcrumb, the release's
    headline as the title, its date and number; at the end the signing date, related links and
    page buttons are notes."""
    doc = annotate_text("外交部 Ministry of Foreign Affairs, Republic of China (Taiwan)\n首頁 > 新聞與公告 > 新聞稿\n\n"
                        "外交部嚴正譴責中國對日本施加經濟脅迫\n\n發布日期：2025-11-20\n編號：第 412 號\n\n"
                        "外交部指出，日本政府依其憲法及相關法制，就國家安全事務表達立場，乃主權國家之正當權利。\n\n"
                        "中華民國114年11月20日\n\n相關連結：\n外交部發言人例行記者會（114年11月20日）\n\n列印 | 回上一頁 | 回首頁\n",
                        "mofa", resources)
    kinds = [u.kind for u in doc.units]
    assert kinds[:5] == ["publication", "note", "title", "publication", "note"]
    assert kinds[5] == "body" and set(kinds[6:]) == {"note"}
    assert (doc.meta["title"], doc.meta["date"]) == ("外交部嚴正譴責中國對日本施加經濟脅迫", "2025-11-20")


def test_journal_paper_front_matter_and_running_headers(resources):
    """A journal paper copied from a PDF: the issue line (學報 第58期（2025年12月），頁61-88) is the
    publication, the paper's name the title, 林書瑋＊ the writer (without the mark of the note),
    摘要 a heading; after a page number the next page's header with its number (62　國際關係學報
    第58期, …比較分析　63) is dropped."""
    text = ("國際關係學報 第58期（2025年12月），頁61-88\n\n小多邊主義與印太安全架構：\nAUKUS與Quad的比較分析\n\n林書瑋＊\n\n摘 要\n\n"
            "本文以小多邊主義為分析架構，比較澳英美三方安全夥伴與四方安全對話的制度韌性。\n\n壹、前言\n\n"
            "冷戰時期美國在亞太地區建立軸輻體系，以美國為中心，與日本、南韓、澳洲等國\n\n— 61 —\n\n62　國際關係學報 第58期\n\n"
            "分別締結雙邊同盟。學界普遍以小多邊主義描述此一趨勢。\n\n— 62 —\n\n小多邊主義與印太安全架構：AUKUS與Quad的比較分析　63\n\n"
            "貳、AUKUS\n\nAUKUS於2021年9月宣布成立。\n")
    doc = annotate_text(text, "jr", resources)
    kinds = [(u.kind, u.text) for u in doc.units]
    assert [k for k, _ in kinds][:5] == ["publication", "title", "byline", "heading", "body"]
    assert (doc.meta["publication"], doc.meta["author"]) == ("國際關係學報", "林書瑋")
    assert not any("國際關係學報 第58期" in t or t.endswith("63") for k, t in kinds[1:])
    assert any(e.text == "林書瑋" and e.label == "PERSON" for u in doc.units for e in u.entities)


def test_social_media_post_layout(resources):
    """A Facebook post copied as text: the writer and title on top, the post's time (11月29日 下午3:42
    · 🌏), lines that open or close with an emoji are prose (no headings), and the reaction counts
    and buttons at the end are notes."""
    doc = annotate_text("葉家豪 立法委員\n11月29日 下午3:42 · 🌏\n\n【1.25兆不是小數目，但不能是空白支票‼️】\n\n"
                        "今天質詢顧立雄部長，問了三個很簡單的問題，部長一個都答不出來。\n但很遺憾，部長一個都答不出來😮‍💨\n"
                        "✅ 召開公聽會，讓國防、財政專家與民間一起檢視\n\n#國防特別預算 #拒絕空白支票\n\n"
                        "👍❤️😡 2.3萬　　1,842則留言　356次分享\n\n讚　　留言　　分享\n最相關 ▾\n", "fb", resources)
    kinds = [u.kind for u in doc.units]
    assert kinds[:4] == ["byline", "affiliation", "publication", "title"]
    assert (doc.meta["author"], doc.meta["affiliation"]) == ("葉家豪", "立法委員")
    assert "heading" not in kinds
    assert kinds[-4:] == ["note", "note", "note", "note"]


def test_date_then_interview_credits(resources):
    """2025-11-21　採訪整理／林郁庭　攝影／黃柏勳: the date, then the writer and the photographer."""
    doc = annotate_text("【專訪】晶片管制不會鬆綁\n2025-11-21\u3000採訪整理／林郁庭\u3000攝影／黃柏勳\n"
                        "美國總統川普與中國國家主席習近平在釜山會面。\n", "iv", resources)
    assert [u.kind for u in doc.units][:3] == ["title", "publication", "byline"]
    assert (doc.meta["date"], doc.meta["author"]) == ("2025-11-21", "林郁庭")


def test_more_outlets_front_and_back_matter(resources):
    """VOA: 最後更新: 2025年11月19日 上午11:42 dates the article and 打印 under it is a button; BBC: 圖像來源，… and
    圖像加註文字，… are captions; 端傳媒: 特約撰稿人 梁凱晴 發自香港 names the writer and 端傳媒 Initium Media
    is the outlet; 人民日報: 钟声 under the title is the byline and the edition line a note; 韓聯社: a
    reporter's e-mail address and the copyright notice are notes."""
    doc = annotate_text("美參院通過台灣保證實施法\n最後更新: 2025年11月19日上午11:42\n美國之音\n記者 葉蘭亭\n打印\n"
                        "華盛頓 — 美國國會參議院本週二以無異議同意方式通過法案。\n", "voa", resources)
    assert (doc.meta["date"], doc.meta["author"]) == ("2025-11-19", "葉蘭亭") and doc.units[4].kind == "note"
    doc = annotate_text("分析：太平洋岛国的台湾选择\nBBC中文记者\n邵安琪\n2025年9月14日\n图像来源，Getty Images\n"
                        "图像加注文字，太平洋岛国论坛领导人会议9月在霍尼亚拉举行。\n在南太平洋一年一度的会议上，东道主拒绝台湾代表出席。\n", "bbc", resources)
    assert [u.kind for u in doc.units][4:6] == ["caption", "caption"]
    doc = annotate_text("端傳媒 Initium Media\n\n評論｜當香港成為中美談判桌上的一張紙\n\n特約撰稿人 梁凱晴 發自香港\n\n"
                        "當華盛頓與北京在釜山握手休兵，香港卻仍然是雙方都不願放手的籌碼。\n", "im", resources)
    assert (doc.meta["author"], doc.units[0].kind) == ("梁凱晴", "publication")
    doc = annotate_text("日本当政者必须立即收回错误言论\n钟声\n日本首相近日在国会公然发表涉台错误言论。\n"
                        "《 人民日报 》（ 2025年11月20日 03 版）\n", "rm", resources)
    assert doc.meta["author"] == "钟声" and doc.units[-1].kind == "note"
    doc = annotate_text("韩防长：核潜艇将在韩国国内建造\n韩联社首尔11月26日电 韩国国防部长官安圭伯26日表示，核潜艇将在韩国建造。\n"
                        "kimhn@yna.co.kr\n【版权归韩联社所有，未经授权严禁转载复制】\n", "yh", resources)
    assert [u.kind for u in doc.units][-2:] == ["note", "note"]


def test_hong_kong_commentary_front_matter(resources):
    """撰文：區家明 (a Hong Kong surname) and a page's 發佈日期 / 最後更新日期 lines."""
    doc = annotate_text("中美休戰只有一年期限\n\n撰文：區家明\n\n發佈日期：2025-11-12 18:30\n最後更新日期：2025-11-12 18:45\n\n"
                        "特朗普與習近平10月30日在釜山會面。\n", "hk", resources)
    assert [u.kind for u in doc.units] == ["title", "byline", "publication", "publication", "body"]
    assert (doc.meta["author"], doc.meta["date"]) == ("區家明", "2025-11-12")


def test_web_page_buttons_labels_and_a_writer_before_the_date(resources):
    """中時: a two-level breadcrumb, the column's label alone, 字級設定 and a share bar are notes, the
    title keeps its column label only in the text; 上報: the writer's name, then the date; 自由時報: its
    share bar and its app's advertisement are notes."""
    doc = annotate_text("中時新聞網\n言論 ＞ 社論\n社論\n2025/11/27 04:10\n社論／1.25兆國防特別預算 不能是空白支票\n中時新聞網\n"
                        "字級設定：小　中　大　特大\n分享　LINE　Facebook　X　複製連結\n\n賴清德總統上週三在總統府召開記者會。\n",
                        "ct", resources)
    assert [u.kind for u in doc.units] == ["publication", "note", "note", "publication", "title", "publication",
                                           "note", "note", "body"]
    assert doc.meta["title"] == "1.25兆國防特別預算 不能是空白支票"
    doc = annotate_text("高市早苗的「存亡危機事態」\n黃柏鈞　2025-11-24 07:00:00\n\n日本首相高市早苗11月7日在眾議院答詢。\n",
                        "up", resources)
    assert [u.kind for u in doc.units] == ["title", "byline", "publication", "body"]
    assert (doc.meta["author"], doc.meta["date"]) == ("黃柏鈞", "2025-11-24")
    doc = annotate_text("自由廣場》金門的灰色地帶\n◎ 陳志雄\n2026/01/06 05:30\n分享 留言 列印 字級\n"
                        "不用抽 不用搶 現在用APP看新聞 保證天天中獎 點我下載APP 按我看活動辦法\n去年12月29日清晨，中共宣布演習。\n",
                        "ltn", resources)
    assert [u.kind for u in doc.units] == ["title", "byline", "publication", "note", "note", "body"]


def test_wire_page_magazine_interview_and_xinhua_front_matter(resources):
    """中央社 CNA atop the page is the outlet and the date line may say when it was updated; a magazine's
    issue (天下雜誌　840期), the section (國際・兩岸) and two labels (採訪／撰文：); 新華網's prompt
    under the title and a wire story's end mark （完）; a title's second line that goes on with it."""
    doc = annotate_text("中央社 CNA\n政治\n美眾院聽證聚焦印太嚇阻\n2025/11/21 08:12（11/21 09:05 更新）\n"
                        "（中央社記者張欣瑜華盛頓20日專電）美國聯邦眾議院軍事委員會今天舉行聽證會。\n", "cna", resources)
    assert [u.kind for u in doc.units][:4] == ["publication", "note", "title", "publication"]
    assert doc.meta["date"] == "2025-11-21"
    doc = annotate_text("天下雜誌　840期\n國際・兩岸\n退役海軍中將林正崑：台灣最缺的不是武器\n採訪／撰文：吳佳蓉\n2026-01-14\n\n"
                        "過去一年，台灣的國防議題從未如此密集地占據新聞版面。\n", "cw", resources)
    assert [u.kind for u in doc.units][:4] == ["publication", "note", "title", "byline"]
    assert doc.meta["author"] == "吳佳蓉"
    doc = annotate_text("新华时评｜停止玩火\n扫一扫在手机打开当前页\n新华社北京11月20日电（记者 王珂）日本首相日前发表错误言论。\n"
                        "日方必须立即停止玩火。否则，玩火者必自焚。（完）\n编辑：刘畅\n", "xh", resources)
    assert [u.kind for u in doc.units] == ["title", "note", "byline", "body", "body", "body", "note", "note"]
    doc = annotate_text("美日韓與美菲安全合作之制度化發展\n及其對臺海情勢之意涵\n王怡婷\n壹、前言\n川普重返白宮後，外界普遍擔憂。\n",
                        "ib", resources)
    assert doc.meta["title"] == "美日韓與美菲安全合作之制度化發展及其對臺海情勢之意涵"


def test_datelines_sections_and_bars(resources):
    """台北／華盛頓，2026年1月21日 atop a page; 联合早报 | 言论 and a date with AM; the outlet with its
    sections (天下雜誌｜產業・科技｜封面故事) and a byline with the outlet and date after bars; a date with
    its Japanese era in brackets; a writer, a bar and the date (許立衡｜2025年12月14日｜閱讀時間約 8 分鐘)."""
    doc = annotate_text("台北／華盛頓，2026年1月21日\n\n川普4月訪北京在即\n\n美國總統川普預計今年4月訪問北京，與中國國家主席習近平舉行峰會。\n",
                        "dw", resources)
    assert [u.kind for u in doc.units] == ["publication", "title", "body"] and doc.meta["date"] == "2026-01-21"
    doc = annotate_text("联合早报 | 言论\n\n菲律宾接棒东盟主席　南中国海能否降温？\n\n林志豪\n\n发布 / 2025年12月15日 5:00 AM\n\n"
                        "明年1月1日起，菲律宾将从马来西亚手中接过东盟轮值主席国的棒子。\n", "zb", resources)
    assert [u.kind for u in doc.units] == ["publication", "title", "byline", "publication", "body"]
    doc = annotate_text("天下雜誌｜產業・科技｜封面故事\n\n232條款大刀落下前，台積電能替台灣換來什麼？\n\n"
                        "文／王曉涵　｜　天下雜誌 第837期　｜　2025-11-26\n\n鳳凰城北郊的索諾蘭沙漠，午後氣溫仍有攝氏28度。\n", "cw", resources)
    assert [u.kind for u in doc.units][:4] == ["publication", "title", "byline", "publication"]
    assert (doc.meta["author"], doc.meta["date"]) == ("王曉涵", "2025-11-26")
    doc = annotate_text("高市政權的安保轉向\n\n作者：中村雅人\n2025.12.03（令和7年12月3日）\n\n令和7年10月21日，高市早苗勝出。\n",
                        "nc", resources)
    assert doc.units[2].kind == "publication" and doc.meta["date"] == "2025-12-03"
    doc = annotate_text("一句話為何讓北京動怒\n\n許立衡｜2025年12月14日｜閱讀時間約 8 分鐘\n\n過去一個多月，東亞最受矚目的是日本首相的答詢。\n",
                        "md", resources)
    assert (doc.meta["author"], doc.meta["date"]) == ("許立衡", "2025-12-14")


def test_a_printed_record_with_spaced_out_fields(resources):
    """立法院公報: the gazette's issue line is its publication, the meeting's name the title, 時　　間
    and 主　　席 fields with no colon are header notes, and the date comes from 時間."""
    doc = annotate_text("立法院公報　第114卷　第98期　委員會紀錄\n\n立法院第11屆第4會期外交及國防委員會第15次全體委員會議紀錄\n\n"
                        "時　　間　中華民國114年12月24日（星期三）9時2分至12時51分\n地　　點　本院紅樓101會議室\n主　　席　陳召集委員冠廷\n\n"
                        "主席（陳委員冠廷）：現在開會。\n\n顧部長立雄：主席、各位委員，早安。\n\n王委員定宇：部長，軍售案規模很大。\n\n"
                        "顧部長立雄：報告委員，大部分已納入。\n\n王委員定宇：我也要提醒國民黨的同仁，鄭麗文主席說「和平不是靠軍購買來的」，但這不是靠喊和平就會停止的。\n",
                        "ly", resources)
    kinds = [u.kind for u in doc.units]
    assert kinds[:5] == ["publication", "title", "note", "note", "note"] and doc.meta["date"] == "2025-12-24"
    last = doc.units[-1]
    assert last.stance["holder"]["text"] == "王委員定宇"  # his 提醒 frames what 鄭麗文 said


def test_journal_paper_front_and_a_post_under_its_writers_name(resources):
    """問題與研究: the issue line with the paper's pages is the publication, the DOI a note, an English
    title set on three lines one lead, two names with their notes' marks the byline and their names in
    English too (not 'Shan Lee'); a Facebook post: the writer's name, then when it went up, and no title."""
    doc = annotate_text("問題與研究　第64卷　第4期（2025年12月），1-38頁\nDOI: 10.30390/ISC.202512_64(4).0001\n\n"
                        "交易型霸權與同盟負擔重分配：\n川普第二任期的印太安全架構\n\n"
                        "Transactional Hegemony and the Redistribution of Alliance\nBurdens: The Indo-Pacific Security Architecture under\n"
                        "Trump's Second Term\n\n張文彥＊　　李佩珊＊＊\nWen-Yen Chang　　Pei-Shan Lee\n\n摘　要\n\n"
                        "　　川普於2025年1月20日重返白宮後，以關稅、駐軍與軍售作為談判籌碼，要求盟國大幅提高國防支出。\n", "ps", resources)
    assert [u.kind for u in doc.units][:6] == ["publication", "note", "title", "lead", "byline", "byline"]
    assert doc.meta["author"] == "張文彥、李佩珊"
    assert [e.text for e in doc.units[5].entities] == ["Wen-Yen Chang", "Pei-Shan Lee"]
    doc = annotate_text("吳政諺\n8月24日 下午9:42 · 🌏\n\n好，823第二波也結束了。\n比數大家都看到了，不用我再講一次😮‍💨\n\n"
                        "先講結論，三點：\n👉 罷免失敗是事實，要認，不要找藉口。\n", "fb", resources)
    assert [u.kind for u in doc.units][:3] == ["byline", "publication", "body"] and "title" not in doc.meta
    assert doc.meta["author"] == "吳政諺"


def test_a_publication_line_with_the_pages_buttons(resources):
    doc = annotate_text("来源：新华网　2025-11-17 07:02:15　【字号：大 中 小】　【打印】　【关闭】\n\n"
                        "玩火必自焚——日本当政者必须立即收回涉台错误言论\n\n钟　声\n\n日本首相高市早苗日前在国会答辩时公然宣称，台湾有事可能构成存立危机事态。\n",
                        "xh", resources)
    assert [u.kind for u in doc.units][:3] == ["publication", "title", "byline"]
    assert (doc.meta["date"], doc.meta["author"]) == ("2025-11-17", "钟声")


def test_a_newspapers_page_number_is_no_outlet(resources):
    """人民日报 2025年12月20日 第03版: the paper, the date and its page (no ORG 第03版)."""
    doc = annotate_text("美方售台武器严重违背一个中国原则\n\n人民日报 2025年12月20日 第03版\n\n近日，美国政府宣布向台湾出售武器。\n",
                        "rm", resources)
    pub = doc.units[1]
    assert pub.kind == "publication" and [e.text for e in pub.entities if e.label == "ORG"] == ["人民日报"]


def test_global_times_dateline_with_its_reporters(resources):
    doc = annotate_text("美批准对台军售\n来源：环球时报 2025-11-28 06:48\n【环球时报报道 记者陈思远 环球时报驻美国特约记者萧达】"
                        "台湾地区领导人赖清德本周宣布，将推动特别预算。\n", "gt", resources)
    assert [u.kind for u in doc.units] == ["title", "publication", "byline", "body"]
    assert doc.meta["author"] == "陈思远、萧达"


def test_source_label_in_publication_line(resources):
    """联合早报's layout: 来源： before the outlet; a (马尼拉讯) dateline names a place, not the author."""
    doc = annotate_text("南海问题不会影响菲中经贸关系\n2025年05月20日 10:15　来源：联合早报\n"
                        "（马尼拉讯）菲律宾总统小马科斯19日表示，将继续捍卫主权。\n", "zb", resources)
    kinds = [u.kind for u in doc.units]
    assert kinds[:4] == ["title", "publication", "byline", "body"] and doc.units[2].text == "（马尼拉讯）"
    assert (doc.meta["date"], doc.meta["publication"]) == ("2025-05-20", "联合早报")
    assert "author" not in doc.meta


def test_series_header_with_institute_and_issue(resources):
    doc = annotate_text("國防安全研究院　國防安全簡報　第 112 期\n解放軍演習之觀察\n作者：林大明\n中共東部戰區舉行演習。\n", "ib", resources)
    assert doc.units[0].kind == "publication"
    assert doc.meta["publication"] == "國防安全研究院 國防安全簡報" and doc.meta["author"] == "林大明"


def test_affiliation_from_the_authors_note(resources):
    """An op-ed names the writer's post only in its closing note."""
    doc = annotate_text("台美關稅談判的三個盲點\n文／李明哲\n美國總統川普宣布課徵關稅。\n"
                        "（作者為淡江大學國際事務與戰略研究所副教授，本文僅代表作者個人觀點）\n", "op", resources)
    assert doc.meta["affiliation"] == "淡江大學國際事務與戰略研究所副教授"
    doc = annotate_text(OPINION, "o", resources)
    assert doc.meta["affiliation"] == "國立政治大學外交學系副教授"  # the affiliation line comes first


def test_editor_in_the_closing_note_is_credited(resources):
    """（編輯：林克倫）: the editor is a person marked `credit: editor`, not the author."""
    doc = annotate_text(WIRE, "w", resources)
    note = next(u for u in doc.units if u.kind == "note")
    assert [(e.text, e.extra.get("credit")) for e in note.entities if e.label == "PERSON"] == [("林克倫", "editor")]
    assert doc.meta["author"] == "陳韻聿"


def test_editors_credited_on_their_own_lines(resources):
    """責任編輯：朱家儀 and 核稿編輯：翁世航 closing a web article (no brackets), or both on one line
    with a bar between: each editor is a person credited as editor, and neither is the author."""
    text = "標題在這裡\n\n作者：張馨文\n\n台灣的國防預算今年增加，政府表示將持續強化防衛能力。\n\n" \
           "責任編輯：朱家儀\n核稿編輯：翁世航\n責任編輯：林克倫｜核稿編輯：王坤\n"
    doc = annotate_text(text, "web", resources)
    credited = [(e.text, e.extra.get("credit")) for u in doc.units if u.kind == "note" for e in u.entities]
    assert credited == [("朱家儀", "editor"), ("翁世航", "editor"), ("林克倫", "editor"), ("王坤", "editor")]
    assert doc.meta["author"] == "張馨文"


def test_wire_agency_in_the_publication_line(resources):
    """韩联社 (Yonhap) after the date: a publication line; its date places 23日."""
    doc = annotate_text("韩国总统李在明会见日本首相石破茂\n2025-08-24 15:30 韩联社\n据韩联社报道，韩国总统李在明23日在东京与日本首相举行会谈。\n", "yh", resources)
    assert (doc.meta["publication"], doc.meta["date"]) == ("韩联社", "2025-08-24")
    assert [e.extra["value"] for u in doc.units for e in u.entities if e.text == "23日"] == ["2025-08-23"]


def test_liberty_times_op_ed_byline_with_a_circle(resources):
    """自由時報's op-eds: ◎ before the writer's name, the post in the closing note."""
    doc = annotate_text("自由廣場》中共軍演的真正目標\n\n◎ 蘇紫雲\n\n中共近日在台灣周邊舉行大規模軍演。\n\n"
                        "（作者為國防安全研究院國防資源與產業研究所所長）\n", "ltn", resources)
    assert [u.kind for u in doc.units][:3] == ["title", "byline", "body"]
    assert (doc.meta["author"], doc.meta["affiliation"]) == ("蘇紫雲", "國防安全研究院國防資源與產業研究所所長")
    assert doc.meta["title"] == "中共軍演的真正目標"  # without the column's label


@pytest.mark.parametrize("title, meta", [
    ("观点：日韩政局变化与东北亚安全新格局", "日韩政局变化与东北亚安全新格局"),
    ("【社論】別讓北京定義台海現狀", "別讓北京定義台海現狀"),
    ("【專題】川習會後的台海變局", "川習會後的台海變局"),
    ("專訪：台灣必須提高國防預算", "專訪：台灣必須提高國防預算"),  # 專訪 is no column
])
def test_the_column_label_before_a_title(resources, title, meta):
    doc = annotate_text(f"{title}\n\n王小明\n\n美國與日本近年持續強化同盟關係，這是很重要的發展。\n", "t", resources)
    assert doc.meta["title"] == meta


def test_reporter_before_a_report_word(resources):
    """新頭殼's byline: the outlet, a separator, the reporter and 綜合報導."""
    doc = annotate_text("美日菲聯合巡航\n新頭殼newtalk | 黃建豪 綜合報導\n美國、日本與菲律賓三國海軍在南海舉行聯合巡航。\n", "nt", resources)
    assert doc.meta["author"] == "黃建豪"


def test_a_four_character_title_is_no_name_and_full_width_dates(resources):
    """美日峰會 has four characters like a name, but no surname first: the title; full-width digits
    in the publication line still give the date."""
    doc = annotate_text("美日峰會\n２０２５年５月２０日　來源：聯合報\n美國總統川普１９日表示，將訪問日本。\n", "fw", resources)
    assert [u.kind for u in doc.units][:2] == ["title", "publication"]
    assert (doc.meta["title"], doc.meta["date"], doc.meta["publication"]) == ("美日峰會", "2025-05-20", "聯合報")
    assert [e.extra["value"] for u in doc.units for e in u.entities if e.text == "１９日"] == ["2025-05-19"]


def test_editorial_column_and_a_closing_remark(resources):
    """聯合報／社論 after the date: the publication is 聯合報 (the label is its column); a closing
    remark in brackets is a note, not a heading the last paragraphs fall under."""
    doc = annotate_text("社論／日本的台海發言\n\n2025-11-20 00:10 聯合報／社論\n\n日本首相在國會答詢時表示，台海有事就是日本有事。\n\n"
                        "我們認為，政府應審慎因應。\n\n（本文部分內容來自路透社）\n", "ed", resources)
    assert [u.kind for u in doc.units] == ["title", "publication", "body", "body", "note"]
    assert (doc.meta["publication"], doc.meta["date"]) == ("聯合報", "2025-11-20")


def test_outlet_dispatch_gives_the_publication_and_its_place(resources):
    """【明報專訊】: Ming Pao's own report, so its people the KB lacks are read in Cantonese;
    （明報記者） at the end is a note."""
    doc = annotate_text("港府回應美國制裁\n\n【明報專訊】美國財政部上周五宣布制裁6名香港官員。\n\n"
                        "副教授陳家洛稱，制裁象徵意義大於實際作用。\n\n（明報記者）\n", "mp", resources)
    assert doc.meta["publication"] == "明報"
    assert [e.en for u in doc.units for e in u.entities if e.text == "陳家洛"] == ["Chan Ka-lok"]
    assert doc.units[-1].kind == "note"


def test_press_release_title_with_quotes_and_a_release_date(resources):
    """A title quoting a committee's name is no affiliation line; 發布日期： is a date, not the author."""
    doc = annotate_text("總統接見「美國聯邦參議院軍事委員會」訪團\n\n發布日期：2025-08-28\n\n"
                        "賴清德總統今（28）日上午接見訪團，感謝美國國會長期以來的支持。\n", "pr", resources)
    assert doc.meta["title"] == "總統接見「美國聯邦參議院軍事委員會」訪團"
    assert doc.meta["date"] == "2025-08-28" and "author" not in doc.meta
    assert [e.extra["value"] for u in doc.units for e in u.entities if e.label == "DATE"] == ["2025-08-28", "2025-08-28"]


def test_any_name_after_a_source_label_is_the_publication(resources):
    """2025-04-08 09:12:33 来源：环球网: 环球网 is no known outlet, but the label says it is one."""
    doc = annotate_text("韩国国会弹劾案通过后 朝鲜半岛局势走向何方\n\n2025-04-08 09:12:33 来源：环球网\n\n"
                        "【环球网报道】韩国宪法法院4日作出裁决，维持国会对尹锡悦的弹劾案。\n", "hq", resources)
    assert (doc.meta["publication"], doc.meta["date"]) == ("环球网", "2025-04-08")
    assert [e.extra["value"] for u in doc.units for e in u.entities if e.text == "4日"] == ["2025-04-04"]


def test_an_outlet_the_kb_lacks_is_translated_from_its_ending(resources):
    """遠景論壇 → Prospect Forum (its first word's gloss and the ending's English, `translated`);
    鳴人堂 has no such ending and is romanised."""
    for name, en, mark in (("遠景論壇", "Prospect Forum", "translated"), ("海峽週刊", "Strait Weekly", "translated"),
                           ("鳴人堂", "Mingrentang", "romanized")):
        doc = annotate_text(f"{name}\n\n美日峰會登場\n\n美國與日本今日舉行峰會。\n", "o", resources)
        e = doc.units[0].entities[0]
        assert (doc.units[0].kind, e.en, e.extra.get(mark)) == ("publication", en, True)


def test_a_date_line_is_a_publication_line_without_an_outlet(resources):
    """2025年12月19日 07:45 under the title says when the article was published: a publication
    unit (not a byline), with no ORG entity and no outlet in the metadata."""
    doc = annotate_text("美國國務院批准對台軍售\n\n2025年12月19日 07:45\n美國之音\n記者：鍾辰芳\n\n美國國務院星期四宣布批准軍售。\n",
                        "voa", resources)
    assert [u.kind for u in doc.units][:4] == ["title", "publication", "publication", "byline"]
    assert [e.label for e in doc.units[1].entities] == ["DATE"]
    assert (doc.meta["date"], doc.meta["publication"], doc.meta["author"]) == ("2025-12-19", "美國之音", "鍾辰芳")


def test_a_labelled_date_line_with_a_clock_names_no_outlet(resources):
    """時間：2025年10月13日上午9時 is when, not who: no publication, no ORG 上午9時."""
    doc = annotate_text("美日峰會\n時間：2025年10月13日上午9時\n美國與日本今日舉行峰會。\n", "clk", resources)
    assert doc.units[1].kind == "publication" and "publication" not in doc.meta
    assert doc.meta["date"] == "2025-10-13" and not [e for e in doc.units[1].entities if e.label == "ORG"]


def test_a_writer_named_in_latin_letters(resources):
    doc = annotate_text("六項保證的意義\n作者：Michael Chen（喬治城大學研究生）\n\n美國政府在1982年提出六項保證。\n", "t", resources)
    assert doc.meta["author"] == "Michael Chen"
    assert people(doc) == ["Michael Chen"]


@pytest.mark.parametrize("line, author, publication", [
    ("張志豪／經濟日報社論", "張志豪", "經濟日報"),  # a writer, the outlet and its column
    ("王小明/聯合報", "王小明", "聯合報"),
    ("張志豪／台北報導", "張志豪", None),  # a reporter without 記者
])
def test_writer_slash_outlet_or_report(resources, line, author, publication):
    doc = annotate_text(f"對等關稅下的台灣\n{line}\n\n美國今天表示，將持續合作，這是很重要的事情。\n", "t", resources)
    assert doc.meta["author"] == author
    assert doc.meta.get("publication") == publication


def test_an_outlet_whose_name_is_an_ordinary_word(resources):
    """上報 ("report to a superior") cannot be a KB name; layout.yaml gives its English."""
    doc = annotate_text("上報\n\n美日峰會登場\n\n美國與日本今日舉行峰會。\n", "o", resources)
    e = doc.units[0].entities[0]
    assert (doc.units[0].kind, e.en) == ("publication", "Up Media") and not e.extra
    doc = annotate_text("標題\n\n地方政府應立即上報疫情。\n", "o", resources)
    assert not any(e.text == "上報" for u in doc.units for e in u.entities)


@pytest.mark.parametrize("line, affiliation", [
    ("作者為國立台灣大學政治學系教授", "國立台灣大學政治學系教授"),  # no brackets
    ("本文作者為國防安全研究院副研究員", "國防安全研究院副研究員"),
    ("（本文作者為前國安會副秘書長）", "前國安會副秘書長"),
    ("*作者為台灣大學政治系教授，本文僅代表作者個人意見", "台灣大學政治系教授"),
    ("作者為何要這樣寫，值得討論。", None),  # 為何 "why": a sentence
])
def test_the_author_note_at_the_end(resources, line, affiliation):
    doc = annotate_text(f"美日同盟的新階段\n\n文／王小明\n\n美國與日本近年持續強化同盟關係，這是很重要的發展。\n\n{line}\n", "a", resources)
    assert doc.meta.get("affiliation") == affiliation
    assert doc.units[-1].kind == ("note" if affiliation else "body")


@pytest.mark.parametrize("line, meta", [
    ("民國114年11月20日", {"date": "2025-11-20"}),  # a Republic of China date line
    ("聯合報 記者王小明／台北即時報導", {"publication": "聯合報", "author": "王小明"}),  # outlet, then a reporter's dateline
])
def test_more_front_matter_lines(resources, line, meta):
    doc = annotate_text(f"美日同盟的新階段\n{line}\n\n美國與日本近年持續強化同盟關係，這是很重要的發展。\n", "f", resources)
    assert {k: doc.meta.get(k) for k in meta} == meta


REPORTER_CREDITS = """黃岩島對峙之後：菲律賓為何向台灣靠攏？

文字｜李雪莉
攝影｜余志偉
責任編輯｜楊惠君

2025年8月，中國海警船在黃岩島附近以水砲攻擊菲律賓海岸防衛隊船隻，造成兩名菲律賓人員受傷。

菲律賓總統小馬可仕隨後表示，菲國「不會讓出一寸領土」。
"""


def test_credits_under_the_title_start_no_back_matter(resources):
    doc = annotate_text(REPORTER_CREDITS, "r", resources)
    assert [u.kind for u in doc.units] == ["title", "byline", "caption", "note", "body", "body"]
    assert doc.meta["author"] == "李雪莉"


def test_an_editor_note_opening_the_article_starts_no_back_matter(resources):
    text = "美日同盟的新階段\n\n文／王小明\n\n編按：本文為系列報導的第二篇。\n\n美國與日本近年持續強化同盟關係，這是很重要的發展。\n"
    doc = annotate_text(text, "e", resources)
    assert [u.kind for u in doc.units][-1] == "body"


@pytest.mark.parametrize("closing, note", [
    ("中方對此堅決反對。（編輯：陳承功）1141127", "（編輯：陳承功）1141127"),  # a wire story's last paragraph
    ("中方對此堅決反對。（責任校對：洪銓駿）", "（責任校對：洪銓駿）"),
    ("中方對此堅決反對。（中新社）", None),  # a closing remark inside the paragraph is no credit
])
def test_the_editors_credit_ending_the_last_paragraph(resources, closing, note):
    doc = annotate_text(f"日相發言引發爭議\n\n（中央社記者楊明珠東京27日專電）日本首相今天表示，台灣有事可能構成存立危機事態。\n\n{closing}\n", "c", resources)
    notes = [u.text for u in doc.units if u.kind == "note"]
    assert notes == ([note] if note else [])
    assert any(u.kind == "body" and u.text == "中方對此堅決反對。" for u in doc.units)


def test_an_affiliation_set_above_the_name(resources):
    text = "國防安全週報 第 128 期\n中共軍演對我海上交通線之威脅\n國防戰略與資源研究所\n舒孝煌\n壹、新聞重點\n中共東部戰區宣布在台灣周邊海域舉行聯合演習。\n"
    doc = annotate_text(text, "w", resources)
    assert (doc.meta["author"], doc.meta["affiliation"]) == ("舒孝煌", "國防戰略與資源研究所")


def test_a_post_without_a_title(resources):
    text = ("今天看到新聞，日本首相高市早苗在國會說台灣有事就是日本有事。\n\n說真的，我覺得高市這次講得很清楚，也很勇敢。\n\n"
            "但是我們自己呢？立法院還在卡國防預算，藍白一直杯葛，這樣怎麼讓國際社會相信台灣有決心保護自己？\n\n#台灣有事 #高市早苗 #國防預算\n")
    doc = annotate_text(text, "post", resources)
    assert "title" not in doc.meta  # two sentences of the post are no headline
    assert [u.kind for u in doc.units] == ["body"] * 4 + ["note"]  # the hashtags are a note


def test_a_press_release_number_is_a_note(resources):
    text = "外交部誠摯感謝美國聯邦參議院通過法案\n\n發布時間：2025-11-20 18:30\n新聞稿編號：第 398 號\n\n外交部長林佳龍表示，此法案展現美國國會對台灣的堅定支持。\n"
    doc = annotate_text(text, "p", resources)
    assert [u.kind for u in doc.units] == ["title", "publication", "note", "body"]
    assert doc.units[-1].section is None  # the number is no heading over the body


def test_the_publishers_name_as_the_writers_affiliation_and_superscript_notes(resources):
    text = ("國防安全研究院                                   國防安全簡訊 第 142 期\n\n南韓戒嚴風波後的政局演變\n\n吳明杰\n國防安全研究院\n"
            "中共政軍與作戰概念研究所助理研究員\n\n2024 年 12 月 3 日深夜，南韓總統尹錫悅宣布緊急戒嚴。憲法法院並於 2025 年 4 月 4 日裁定罷免。¹\n\n"
            "李在明政府上台後強調務實外交。²\n\n¹ 〈南韓憲法法院裁定罷免尹錫悅〉，《中央社》，2025 年 4 月 4 日。\n"
            "² 同前註。\n\n國防安全研究院\n")
    doc = annotate_text(text, "b", resources)
    kinds = [(u.kind, u.text) for u in doc.units]
    assert ("affiliation", "國防安全研究院") in kinds  # the affiliation under the name is no page header
    assert kinds[-1] == ("note", "² 同前註。")  # the page header at the end is gone
    body = [t for k, t in kinds if k == "body"]
    assert body[1].endswith("裁定罷免。") and body[2] == "李在明政府上台後強調務實外交。"  # markers dropped
    assert [t[:1] for k, t in kinds if k == "note"] == ["¹", "²"]
    # a superscript after a Latin letter is no note marker
    doc = annotate_text("標題\n\n面積約 36,000 km²，人口兩千三百萬。\n", "k", resources)
    assert any("km²" in u.text for u in doc.units)


def test_a_published_on_line_with_a_reading_time_dates_the_article(resources):
    doc = annotate_text("仁愛礁的對峙\n\n發布於 2025年6月18日 · 閱讀時間 5 分鐘\n\n作者：林子揚\n\n今年以來，菲律賓與中國多次發生衝突。\n", "m", resources)
    assert [u.kind for u in doc.units] == ["title", "publication", "byline", "body"]
    assert doc.meta["date"] == "2025-06-18"
    assert [e.extra.get("value") for u in doc.units if u.kind == "body" for e in u.entities if e.label == "DATE"] == ["2025"]


def test_an_issuer_and_a_date_under_the_title(resources):
    doc = annotate_text("中共解放軍臺海周邊海、空域動態\n\n國防部 114年12月3日\n\n國軍運用聯合情監偵掌握，並派遣任務機、艦應處。\n", "m", resources)
    assert [u.kind for u in doc.units] == ["title", "publication", "body"]
    assert doc.meta["date"] == "2025-12-03"


def test_magazine_deck_above_its_credits_and_a_web_byline_with_outlet_and_time(resources):
    """A magazine's standfirst under the title, then 文字：…｜攝影：… and the date with the outlet:
    lead, byline (the photographer credited, not the author) and publication; a web page's 作者 X |
    outlet | 發布於 date line: byline then publication (發布於 is no outlet); captions credit their
    photographers (（資料照，顏麟宇攝）, （攝影／黃鼎翔）)."""
    doc = annotate_text("專訪國防安全研究院林彥廷：台海最大的風險不是開戰\n\n"
                        "川習釜山會後，美中關係看似降溫，北京對台軍事壓力卻未見減少。日本首相高市早苗一句「台灣有事」引爆中日外交風暴。\n\n"
                        "文字：陳怡婷｜攝影：黃鼎翔\n2025-11-18　天下雜誌\n\n"
                        "10月30日，美國總統川普與中國國家主席習近平在韓國釜山會面，雙方宣布調降部分關稅。\n\n"
                        "圖說：林彥廷認為，台灣必須證明自己是有價值的夥伴。（攝影／黃鼎翔）\n", "cw", resources)
    assert [u.kind for u in doc.units][:5] == ["title", "lead", "lead", "byline", "publication"]
    assert doc.meta["author"] == "陳怡婷" and doc.meta["date"] == "2025-11-18"
    byline = doc.units[3]
    assert [(e.text, e.extra.get("credit")) for e in byline.entities] == [("陳怡婷", None), ("黃鼎翔", "photo")]
    caption = doc.units[-1]
    assert caption.kind == "caption" and caption.entities[-1].text == "黃鼎翔" and caption.entities[-1].label == "PERSON"
    doc = annotate_text("觀點投書：高市早苗打破的不是模糊，而是默契\n（資料照，顏麟宇攝）\n作者 許承霖 | 風傳媒 | 發布於 2025-11-21 07:00\n\n"
                        "日本首相高市早苗11月7日在眾議院預算委員會答詢時表示，可能構成存立危機事態。\n", "storm", resources)
    assert [u.kind for u in doc.units][:4] == ["title", "caption", "byline", "publication"]
    assert doc.meta["author"] == "許承霖" and doc.meta["date"] == "2025-11-21"
    assert [e.text for e in doc.units[1].entities] == ["顏麟宇"] and doc.units[1].tokens[1].gloss == "file photo"
    assert [e.label for e in doc.units[3].entities] == ["ORG", "DATE"]  # 風傳媒, the date; not 發布於


def test_a_file_photo_caption_and_the_state_department_abbreviated(resources):
    """資料照：… with its date in brackets is one caption; 美國務院 is the U.S. State Department."""
    doc = annotate_text("美國務院：對日安全承諾「堅定不移」\n\n資料照：美國國務卿魯比歐在國務院舉行記者會。（2025年11月18日）\n\n"
                        "華盛頓 — 美國國務院星期五表示，美國對日本防衛的承諾「堅定不移」。\n", "voa", resources)
    assert [u.kind for u in doc.units] == ["title", "caption", "body"]
    assert doc.units[0].entities[0].kb_id == "us-state-department"


NEWSLETTER = """*本文原載於作者電子報「印太觀察筆記」，經授權轉載*

# 1.25兆之後：華府要的不是數字，而是「拒止」能力

## 從《台灣關係法》到「台灣之盾」，台灣的國防辯論該換個問法了

吳承翰 ｜ 2025年11月28日

賴清德總統11月26日正式宣布，將提出總額**新台幣1.25兆元（約400億美元）**的國防特別預算。

立法院審查特別預算時，我認為至少要問清楚三件事。

戰爭部長赫格塞斯（Pete Hegseth）今年5月在香格里拉對話上說：

> "The threat China poses is real. And it could be imminent."

美國駐日大使格拉斯公開聲援日本。

---

感謝閱讀「印太觀察筆記」！免費訂閱以收到每週新文章。
"""


def test_a_newsletter_post_in_markdown(tmp_path, resources):
    """A reprint note above the title is a note; 吳承翰 ｜ 2025年11月28日 the byline and the date;
    bold CommonMark leaves next to Chinese punctuation loses its asterisks; 我認為 outside quotation
    marks is the writer; an English blockquote after 赫格塞斯…說： is his; the sign-off is a note."""
    from pipeline.annotate import annotate_file

    path = tmp_path / "post.md"
    path.write_text(NEWSLETTER, encoding="utf-8")
    doc = annotate_file(path, resources)
    kinds = [(u.kind, u.text[:8]) for u in doc.units]
    assert kinds[:5] == [("note", "本文原載於作者電"), ("title", "1.25兆之後："), ("lead", "從《台灣關係法》"),
                         ("byline", "吳承翰"), ("publication", "2025年11月")]
    assert doc.meta["author"] == "吳承翰"
    body = {u.text[:6]: u for u in doc.units if u.kind == "body"}
    assert "**" not in doc.text and "新台幣1.25兆元（約400億美元）的" in doc.text
    assert body["立法院審查特"].stance["holder"] == "AUTHOR"
    quote = next(u for u in doc.units if u.text.startswith('"The threat'))
    assert quote.stance["holder"]["kb_id"] == "us-pete-hegseth"
    assert body["美國駐日大使"].entities[-2].kb_id == "us-george-glass"
    assert [u.kind for u in doc.units][-2:] == ["note", "note"]


def test_a_paper_title_over_its_writer_and_abstract_and_a_readers_letter(resources):
    """A PDF essay: a title nearly a full line wide, then 陳柏宇 / 東海大學政治學系副教授 — title,
    byline, affiliation (not one block); the abstract under 摘要 is one paragraph (its first line no
    title).  A reader's letter: 2025-11-22 00:18 聯合報／ 王志遠（台北市） is the publication and the
    writer with their city; a caption with its credit on the line (…答詢。圖／美聯社) is a caption;
    二○一五年 is 2015."""
    doc = annotate_text("遠景論壇  第87期\n\n「存立危機事態」的再詮釋：高市政府台海論述的轉向與限制\n"
                        "陳柏宇 / 東海大學政治學系副教授\n\n摘要\n"
                        "2025年11月7日，日本首相高市早苗於眾議院答詢時明言，台\n"
                        "海若發生伴隨戰艦與武力行使的事態，可能構成「存立危機事態」，\n"
                        "為日本現任首相首次公開將台海情境與集體自衛權行使相連結。本文\n"
                        "認為，此一發言並非政策斷裂，而是安倍晉三以來安保法制逐步擴張\n"
                        "的延續。\n\n關鍵詞：台海安全、日本\n", "pf", resources)
    assert [u.kind for u in doc.units][:5] == ["publication", "title", "byline", "affiliation", "heading"]
    assert doc.meta["author"] == "陳柏宇" and doc.meta["affiliation"] == "東海大學政治學系副教授"
    assert doc.units[5].text.startswith("2025年11月7日") and "台海若發生" in doc.units[5].text
    doc = annotate_text("台海若有事 台灣不能只當別人的棋子\n2025-11-22 00:18 聯合報／ 王志遠（台北市）\n"
                        "日本首相高市早苗本月7日在眾議院答詢。圖／美聯社\n\n"
                        "首先必須釐清，「存立危機事態」是日本依據二○一五年安保法制所設計的法律概念。\n", "udn", resources)
    assert [u.kind for u in doc.units][:5] == ["title", "publication", "byline", "caption", "body"]
    assert doc.meta["author"] == "王志遠"
    assert ("二○一五年", "2015") in [(e.text, e.en) for e in doc.units[4].entities]


def test_web_news_furniture_and_a_correspondents_line(resources):
    """（記者羅正宏攝） credits 羅正宏 (not 羅正宏攝); an app advertisement (不用抽 不用搶 現在用APP看新聞
    保證天天中獎) and a reading time (閱讀時間：4 分鐘) are notes; 端傳媒記者 沈亦舟 發自台北 | 2025-11-27
    is the byline and the date."""
    doc = annotate_text("1.25兆國防特別預算 顧立雄：不是空白支票\n2025/11/27 12:35\n"
                        "國防部長顧立雄今日出席立法院外交及國防委員會。（記者羅正宏攝）\n〔記者羅正宏／台北報導〕行政院會今日通過特別條例草案。\n\n"
                        "不用抽 不用搶 現在用APP看新聞 保證天天中獎\n點我下載APP\n", "ltn", resources)
    caption = next(u for u in doc.units if u.kind == "caption")
    assert [e.text for e in caption.entities if e.label == "PERSON"][-1] == "羅正宏"
    assert doc.units[-2].kind == "note" and doc.units[-2].text.startswith("不用抽")
    doc = annotate_text("川習通話之後，印太盟友各自盤算\n\n從東京、首爾到馬尼拉，美國的盟友正在學會一件事。\n\n"
                        "端傳媒記者 沈亦舟 發自台北 | 2025-11-27\n閱讀時間：4 分鐘\n\n一｜釜山之後\n\n10月30日，川普與習近平在釜山會面。\n", "init", resources)
    assert [u.kind for u in doc.units][:5] == ["title", "lead", "byline", "publication", "note"]
    assert doc.meta["author"] == "沈亦舟" and doc.meta["date"] == "2025-11-27"


def test_html_headline_under_a_column_title_and_a_byline_with_its_date_taken(resources, tmp_path):
    """The page's title adds a column (觀點／…) and the headline is the page's <h1>: the headline is
    the title, not also a paragraph; the byline's date, which the HTML reader takes away, leaves
    no bar behind in the author (沈有忠（東海大學政治學系教授）｜2025-11-03)."""
    from pipeline.annotate import annotate_file

    page = tmp_path / "col.html"
    page.write_text(
        '<html><head><meta charset="utf-8"><title>觀點／川習會後的台灣：籌碼還是棋子？ - 鳴人堂</title>'
        '<meta property="og:title" content="觀點／川習會後的台灣：籌碼還是棋子？"></head><body><article>'
        "<h1>川習會後的台灣：籌碼還是棋子？</h1><div class='byline'>沈有忠（東海大學政治學系教授）｜2025-11-03</div>"
        "<p>美國總統川普與中國國家主席習近平10月30日在南韓釜山會面，這是雙方六年來首次面對面會談。</p>"
        "<p>值得注意的是，雙方公開的會談紀要都沒有提到台灣。白宮發言人李威特事後表示，台灣議題沒有被討論。</p>"
        "<p>筆者以為，川普的交易型外交讓台灣處境更加微妙，台灣應深化與日本、歐洲等民主夥伴的合作。</p>"
        "</article></body></html>", encoding="utf-8")
    doc = annotate_file(page, resources)
    assert [u.text for u in doc.units if u.kind == "title"] == ["川習會後的台灣：籌碼還是棋子？"]
    assert not any(u.text.startswith("川習會後") for u in doc.units if u.kind == "body")
    assert (doc.meta["author"], doc.meta["affiliation"], doc.meta["date"]) == ("沈有忠", "東海大學政治學系教授", "2025-11-03")


def test_front_matter_in_english_and_a_marked_byline(resources):
    """By 李大衛 David Lee: the writer, with the English name he gives; November 19, 2025: the date;
    an Editor's note at the end is a note.  ■ 吳明杰 right under a title is the writer, not a heading."""
    text = ("菲律賓的「透明化倡議」對台北的意義\nBy 李大衛 David Lee\nNovember 19, 2025\n"
            "菲律賓海巡署發言人塔瑞拉在X平台上發布影片，顯示中國海警船以水砲攻擊菲律賓公務船。\n"
            "Editor's note: This article was first published in English by the Taiwan Security Monitor.\n")
    doc = annotate_text(text, "en", resources)
    assert [u.kind for u in doc.units][:3] == ["title", "byline", "publication"] and doc.units[-1].kind == "note"
    assert (doc.meta["author"], doc.meta["date"]) == ("李大衛", "2025-11-19")
    assert [(e.text, e.en) for e in doc.units[1].entities][0] == ("李大衛", "David Lee")
    doc = annotate_text("【時評】美日同盟強化 北京為何坐立難安\n■ 吳明杰\n2025年11月22日 星期六\n"
                        "日本首相高市早苗上任不到一個月，就因台灣有事發言與北京爆發外交風暴。\n", "op", resources)
    assert [u.kind for u in doc.units][:3] == ["title", "byline", "publication"]
    assert (doc.meta["author"], doc.meta["date"]) == ("吳明杰", "2025-11-22")


def test_a_press_conference_is_no_reporter(resources):
    """外交部发言人毛宁主持例行记者会: a transcript's title (记者会 is no reporter's affiliation), so
    the date under it is its date."""
    text = "外交部发言人毛宁主持例行记者会\n\n2025年11月20日\n\n法新社记者：中方对此有何回应？\n\n毛宁：我们已经多次表明严正立场。\n"
    doc = annotate_text(text, "mfa", resources)
    assert [u.kind for u in doc.units][:2] == ["title", "publication"] and doc.meta["date"] == "2025-11-20"


def test_dated_outlet_then_a_correspondent_and_a_closing_reporter_credit(resources):
    """2025-11-25 10:42 聯合新聞網／ 東京特派員蔡佩芳／即時報導: the publication line, then the
    correspondent; 美國之音記者李逸華華盛頓報導 closing the story is its byline."""
    doc = annotate_text("小泉防衛大臣視察與那國島\n2025-11-25 10:42 聯合新聞網／ 東京特派員蔡佩芳／即時報導\n"
                        "日本防衛大臣小泉進次郎23日視察沖繩縣與那國島的陸上自衛隊駐地。\n", "udn", resources)
    assert [u.kind for u in doc.units][:3] == ["title", "publication", "byline"]
    assert (doc.meta["author"], doc.meta["date"], doc.meta["publication"]) == ("蔡佩芳", "2025-11-25", "聯合新聞網")
    assert [e.en for u in doc.units if u.kind == "title" for e in u.entities if e.label == "PERSON"] == ["Koizumi"]
    doc = annotate_text("越南在南沙擴建島礁 速度超越中國\nVOA 美國之音\n越南外交部發言人范秋姮表示，越南的建設活動完全正當合法。\n"
                        "中國外交部發言人郭嘉昆則回應說，中方堅決反對。\n美國之音記者李逸華華盛頓報導\n", "voa", resources)
    assert doc.units[-1].kind == "byline" and doc.meta["author"] == "李逸華"


def test_an_interviewee_named_in_the_title_holds_the_answers_in_english(resources):
    """專訪／前國安會秘書長：…: the answers are the interviewee's, whose English comes from the
    title's glosses."""
    text = ("專訪／前國安會秘書長：台灣需要的是全社會防衛韌性\n天下雜誌 第820期\n文字：林惠琴\n"
            "問：您如何看待全社會防衛韌性？\n答：方向是對的。但我認為，這也是台灣強化自我防衛的契機。\n"
            "問：兩岸關係的前景呢？\n答：台灣必須做好最壞的準備。\n")
    doc = annotate_text(text, "cw", resources)
    held = [u.stance["holder"] for u in doc.units if u.stance.get("bearing") and isinstance(u.stance["holder"], dict)]
    assert held and all(h["text"] == "前國安會秘書長" and "secretary-general" in (h["en"] or "") for h in held)


def test_a_wire_storys_closing_code_dates_it_and_a_post_without_its_audience_icon(resources):
    """（中央社記者游凱翔台北28日電）… （編輯：林克倫）1141128: the closing code is the date (2025-11-28);
    a post copied as 賴清德 Lai Ching-te / 11月26日 下午8:15 · (the audience icon lost) has its writer."""
    doc = annotate_text("共機18架次擾台 國防部嚴密監控\n（中央社記者游凱翔台北28日電）國防部今天表示，偵獲共機18架次。\n"
                        "國防部指出，國軍嚴密監控應處。（編輯：林克倫）1141128\n", "cna", resources)
    assert doc.meta["date"] == "2025-11-28"
    doc = annotate_text("賴清德 Lai Ching-te\n11月26日 下午8:15 ·\n今天我宣布，政府將提出國防特別預算。\n\n和平不能靠對方的善意。\n", "fb", resources)
    assert [u.kind for u in doc.units][:2] == ["byline", "publication"] and doc.meta["author"] == "賴清德"


def test_a_reporter_credit_under_the_title_and_references_one_note_each(resources):
    """自由亚洲电台记者王允报道 under the title is the byline; each bibliography entry after 參考文獻 is
    one note, not cut at every full stop."""
    doc = annotate_text("中国海警登检台湾渔船 台海紧张再升级\n自由亚洲电台记者王允报道\n2025-11-27\n"
                        "中国海警周三在金门附近海域登检一艘台湾渔船。\n", "rfa", resources)
    assert doc.units[1].kind == "byline" and doc.meta["author"] == "王允"
    doc = annotate_text("攻勢現實主義看台海\n吳冠昇\n大國會不斷追求區域霸權，因此中國崛起必然與美國發生衝突。\n參考文獻\n"
                        "Allison, Graham. 2017. Destined for War. Boston: Houghton Mifflin Harcourt.\n"
                        "Mearsheimer, John J. 2014. The Tragedy of Great Power Politics. New York: W. W. Norton.\n", "ref", resources)
    notes = [u.text for u in doc.units if u.kind == "note"]
    assert notes[-2:] == ["Allison, Graham. 2017. Destined for War. Boston: Houghton Mifflin Harcourt.",
                          "Mearsheimer, John J. 2014. The Tragedy of Great Power Politics. New York: W. W. Norton."]


def test_a_bracketed_reporter_credit_closing_a_report_is_its_author(resources):
    """【明報專訊】 at the top names no one; （記者 陳嘉欣） at the end is the byline, and its name the
    author, read in Cantonese in a Ming Pao report.  （記者會上發言） is no reporter."""
    doc = annotate_text("港府回應英國批評\n\n【明報專訊】保安局局長鄧炳強昨日回應時稱，英國政府「雙重標準」。\n\n"
                        "現居英國的羅冠聰在社交媒體發文批評港府。\n\n（記者 陳嘉欣）\n", "mp2", resources)
    assert doc.units[-1].kind == "byline" and doc.meta["author"] == "陳嘉欣"
    assert [e.en for e in doc.units[-1].entities] == ["Chan Ka-yan"]
    assert [(e.text, e.kb_id) for u in doc.units for e in u.entities if e.label == "PERSON"][-2:] == \
        [("羅冠聰", "cn-nathan-law"), ("陳嘉欣", None)]
    doc = annotate_text("港府回應英國批評\n\n保安局局長鄧炳強昨日回應時稱，英國政府「雙重標準」。\n\n（記者會上發言）\n", "mp3", resources)
    assert doc.units[-1].kind == "note" and not doc.meta.get("author")


def test_a_marked_byline_with_the_affiliation_in_brackets(resources):
    doc = annotate_text("觀點投書：李在明的「實用外交」能走多遠？\n\n■ 張文彥（政治大學國際關係研究中心助理研究員）\n\n"
                        "南韓總統李在明上任以來高舉「實用外交」大旗。筆者認為，這樣的路線恐怕難以兩全。\n", "op", resources)
    assert doc.units[1].kind == "byline" and doc.meta["author"] == "張文彥"


def test_a_series_issue_number_is_no_title(resources):
    """遠景基金會 政策評論 / 第 47 期 / the paper's title: the issue line is publication matter."""
    doc = annotate_text("遠景基金會 政策評論\n第 47 期\n\n美菲演習擴大與台海安全的連動\n\n吳明傑\n遠景基金會 研究員\n\n"
                        "2025 年 4 月，美國與菲律賓舉行年度聯合軍事演習，參演兵力達 1 萬 7 千人。\n", "series", resources)
    assert doc.meta["title"] == "美菲演習擴大與台海安全的連動"
    assert doc.meta["publication"] == "遠景基金會 政策評論"
    issue = next(u for u in doc.units if u.text == "第 47 期")
    assert issue.kind == "publication" and not issue.entities


def test_an_author_note_that_ends_with_the_name_gives_author_and_affiliation(resources):
    """作者為國立政治大學外交學系副教授林子恆 (no byline): jieba cuts 林子|恆 at the line's end; the
    name is the author, the rest the affiliation."""
    doc = annotate_text("觀點投書：第一島鏈的裂縫\n\n作者為國立政治大學外交學系副教授林子恆\n\n"
                        "2024年7月，日本與菲律賓簽署《相互准入協定》。\n", "note-author", resources)
    assert doc.meta["author"] == "林子恆"
    assert doc.meta["affiliation"] == "國立政治大學外交學系副教授"


def test_a_press_release_line_is_the_publication(resources):
    doc = annotate_text("總統接見美國參議員訪團\n\n總統府新聞稿\n發布日期：2025-08-22\n\n"
                        "賴清德總統今日上午接見美國聯邦參議員訪團，感謝美國國會長期支持台灣。\n\n"
                        "總統致詞時表示，台灣將持續提升國防預算，展現自我防衛的決心。\n\n"
                        "包括美國在台協會處長谷立言等人也陪同接見。\n", "release", resources)
    assert doc.meta["publication"] == "總統府新聞稿" and doc.meta["date"] == "2025-08-22"


@pytest.mark.parametrize("label", ["快訊／", "獨家》", "社論／"])
def test_a_column_label_before_the_title_is_left_out_of_it(resources, label):
    doc = annotate_text(f"{label}中國宣布對台軍演\n\n中國人民解放軍東部戰區今天宣布在台灣周邊舉行聯合演習。\n", "flash", resources)
    assert doc.meta["title"] == "中國宣布對台軍演"


def test_an_outlet_heading_the_title_is_the_publication(resources):
    doc = annotate_text("美國在台協會新聞稿：美國國務院批准對台軍售\n\n2025年11月14日\n\n"
                        "美國國務院今日批准一項可能對台灣出售F-16戰機零附件的軍售案，總價值約3.3億美元。\n\n"
                        "中華民國外交部對此表示誠摯感謝。\n", "ait", resources)
    assert doc.meta["title"] == "美國國務院批准對台軍售"
    assert doc.meta["publication"] == "美國在台協會新聞稿"
    doc = annotate_text("國防部：共機32架次逾越中線\n\n國防部今天表示，偵獲共機45架次在台海周邊活動。\n\n國軍嚴密監控應處。\n", "mnd", resources)
    assert doc.meta["title"] == "國防部：共機32架次逾越中線"  # a ministry heading its news, no outlet


def test_a_translators_credit_from_the_wires_is_a_byline(resources):
    doc = annotate_text("美對台承諾堅如磐石\n編譯 王小明／綜合外電\n\n美國國務院今天表示，美方對台灣的承諾堅如磐石。\n\n"
                        "國防部對此表示感謝。\n", "wires", resources)
    assert doc.units[1].kind == "byline" and doc.meta["author"] == "王小明"


@pytest.mark.parametrize("line, kind", [("（記者王小明／台北報導）", "byline"), ("BBC News 中文", "publication")])
def test_a_bracketed_reporters_credit_and_an_outlet_with_latin_words(resources, line, kind):
    doc = annotate_text(f"美對台承諾堅如磐石\n{line}\n\n美國國務院今天表示，美方對台灣的承諾堅如磐石。\n\n"
                        "國防部對此表示感謝。\n", "credit", resources)
    assert doc.units[1].kind == kind


def test_two_sentences_with_a_full_stop_are_no_title(resources):
    """A short paragraph of two sentences (陸委會昨天發表聲明。朱立倫說，…？) is body, however short:
    a full stop never ends a part of a headline."""
    doc = annotate_text("前言。\n\n陸委會昨天發表聲明。朱立倫說，政府難道可以視而不見？\n", "t", resources)
    assert "title" not in [u.kind for u in doc.units]


def test_an_outlets_bracketed_label_opening_the_first_paragraph(resources):
    doc = annotate_text("麻生太郎力挺高市早苗\n\n[Newtalk新聞] 中國外交部發言人郭嘉昆今日主持例行記者會。\n", "nt", resources)
    assert [(u.kind, u.text) for u in doc.units][1:3] == [("byline", "[Newtalk新聞]"),
                                                          ("body", "中國外交部發言人郭嘉昆今日主持例行記者會。")]


def test_an_outlet_a_pen_name_and_the_date_on_one_line(resources):
    doc = annotate_text("韓國政壇6小時風波\n\nyam蕃薯藤新聞/凱爺 2024.12.04 09:00\n\n2024年12月3日晚，韓國總統尹錫悅宣布戒嚴。\n", "y", resources)
    assert [(u.kind, u.text) for u in doc.units][1:4] == [("publication", "yam蕃薯藤新聞"), ("byline", "凱爺"),
                                                          ("publication", "2024.12.04 09:00")]
    assert doc.meta["author"] == "凱爺" and doc.meta["date"] == "2024-12-04"


def test_an_outlet_the_writer_and_the_date_between_bars(resources):
    doc = annotate_text("【新頭殼觀點】印太安全網越織越密，台灣在哪裡？\n新頭殼newtalk | 林思妤 | 發布 2025.11.24 | 13:30\n\n"
                        "過去談到印太安全，多數人第一個想到的是四方安全對話。\n\n但近兩年，真正在南海發揮作用的是另一個組合。\n", "nt2", resources)
    assert doc.meta["author"] == "林思妤" and doc.meta["date"] == "2025-11-24"


@pytest.mark.parametrize("line, name", [
    ("澳門日報 A02版｜澳聞", "澳門日報"),  # the page and the section (｜澳聞 was an ORG)
    ("明報新聞網 即時新聞 港聞", "明報新聞網"),
    ("TVBS新聞網 ＞ 政治 ＞ 2025/11/27 19:12", "TVBS新聞網"),
    ("遠景基金會 政策評論", "遠景基金會 政策評論"),  # an institute and its series
    ("nippon.com 中文版 > 政治外交 > 安全保障", "nippon.com"),  # a site's domain and its breadcrumb
    ("美國之音中文網 > 亞太", "美國之音中文網"),
])
def test_the_outlet_s_name_in_a_publication_line_with_sections(line, name):
    from pipeline.structure import publication_name

    assert publication_name(line) == name


def test_an_agency_s_headline_again_with_its_writer_and_a_page_s_hits_after_the_date(resources):
    """中評社╱題：…　作者：中評社記者 鄭文博 (the agency, its headline again, the writer; it was an
    affiliation) under a breadcrumb with the site's name; 更新 2025-11-24 9:32 PM 人氣 2187 is a date line
    and names no outlet."""
    doc = annotate_text("中國評論新聞網　首頁 > 兩岸 > 台灣時局\n\n學者：賴當局天價軍購「以武謀獨」 只會把台灣推向險境\n\n2025-11-26 00:13:28\n"
                        "中評社╱題：學者：賴當局天價軍購「以武謀獨」 只會把台灣推向險境　作者：中評社記者 鄭文博\n\n"
                        "（中評社　香港11月26日電）針對賴清德宣布將推出國防特別預算，陳孝儒接受中評社訪問時表示反對。\n\n"
                        "陳孝儒指出，這筆預算最終大部分流向美國軍火商。\n", "crn", resources)
    assert doc.meta["author"] == "鄭文博" and doc.meta["publication"] == "中評社"
    assert doc.meta["title"].startswith("學者：賴當局天價軍購")
    doc = annotate_text("大紀元時報 > 新聞 > 中國 > 政治\n\n何衛東苗華案持續發酵 美專家：中共軍中清洗已觸及習近平核心圈\n\n更新 2025-11-24 9:32 PM 人氣 2187\n\n"
                        "【大紀元2025年11月24日訊】中共宣布開除何衛東、苗華等九名上將的黨籍。\n\n多位美國中國問題專家認為，這場清洗暴露出習近平的不信任。\n",
                        "et", resources)
    assert doc.meta["date"] == "2025-11-24" and doc.meta.get("publication") != "更新 2025-11-24 9:32 PM 人氣 2187"


def test_a_writer_s_name_with_a_profile_link(resources):
    doc = annotate_text("nippon.com 中文版 > 政治外交 > 安全保障\n\n日本自卫队改革进入“深水区”\n\n政治外交 2025.11.18\n佐野达也 【Profile】\n\n"
                        "2025年3月，日本防卫省新设“统合作战司令部”。\n\n本文梳理这场改革的来龙去脉。\n", "nip", resources)
    assert doc.meta["author"] == "佐野达也"


def test_a_page_s_sections_above_the_title_and_an_outlet_s_english_name_first(resources):
    """國際 ｜ 日本 ｜ 深度 under 端傳媒 Initium Media is no title (the headline after it is); Taiwan News
    台灣英文新聞 is the publication; 攝：Kyodo via Reuters after a picture's description is its credit."""
    doc = annotate_text("端傳媒 Initium Media\n國際 ｜ 日本 ｜ 深度\n\n專訪川島真：高市早苗的「台灣有事」發言，是失言，還是日本的新常態？\n\n"
                        "端傳媒記者 鄭雅文 發自東京\n刊登於 2025-11-21\n\n2025年11月7日，日本東京，首相高市早苗在眾議院答詢。攝：Kyodo via Reuters/達志影像\n\n"
                        "11月7日，日本首相高市早苗在眾議院預算委員會答詢時表示，台灣有事可能構成存立危機事態。\n\n北京隨即強烈反彈。\n", "ini", resources)
    kinds = [u.kind for u in doc.units]
    assert doc.meta["title"].startswith("專訪川島真") and kinds[1] == "note" and "caption" in kinds
    doc = annotate_text("Taiwan News 台灣英文新聞\n\n美國務卿 Rubio 回應軍演：只會升高緊張\n\n台灣英文新聞／政治組 綜合報導\n\n"
                        "美國國務卿 Marco Rubio 4日在 Brussels 出席會議後召開記者會。\n\n他說中國的軍事恫嚇只會升高緊張。\n", "tn", resources)
    assert doc.units[0].kind == "publication" and doc.meta["title"].startswith("美國務卿")


def test_a_tv_site_s_kicker_headline_and_desk_byline_and_editions_with_sections(resources):
    """三立新聞網 SETN.com ｜ 首頁 > 政治 > 軍事, then 共艦又來！山東艦… (a kicker before the headline: the
    title, it was body) and 政治中心／陳冠宇報導 (the desk and the reporter); 南華早報 中文版 ｜ 中國 > 外交 and
    美國之音 粵語 ｜ 港澳 (an edition, then sections) are publication lines; 小字號 is a button."""
    doc = annotate_text("三立新聞網 SETN.com ｜ 首頁 > 政治 > 軍事\n\n共艦又來！山東艦航艦編隊穿越巴士海峽　國防部：全程掌握、適切應處\n\n"
                        "2025/12/08 14:32\n政治中心／陳冠宇報導\n\n中國解放軍海軍山東號航空母艦編隊8日清晨再度現蹤我國周邊海域。國防部今日下午發布新聞稿指出，國軍全程掌握。\n\n"
                        "國防部也強調，中共近期軍事活動頻繁，明顯企圖以灰色地帶手段施壓台灣。\n", "setn", resources)
    assert doc.meta["title"].startswith("共艦又來！山東艦") and doc.meta["author"] == "陳冠宇"
    from pipeline.structure import publication_name

    assert publication_name("南華早報 中文版 ｜ 中國 > 外交") == "南華早報" and publication_name("美國之音 粵語 ｜ 港澳") == "美國之音"


def test_a_date_with_an_hour_in_characters_then_a_latin_outlet(resources):
    """2025年7月15日 17時20分 NHK: the publication line (it was the lead: 17時20分 read as a name, NHK as
    that name's Latin form)."""
    doc = annotate_text("日本防衛白皮書首度點名中國為「最大戰略挑戰」\n\n2025年7月15日 17時20分 NHK\n\n"
                        "日本政府15日在內閣會議上通過2025年版《防衛白皮書》。\n", "nhk", resources)
    assert [u.kind for u in doc.units[:3]] == ["title", "publication", "body"]


def test_an_asterisk_footnote_to_the_author_is_a_note(resources):
    """張國城* … * 台北醫學大學通識教育中心副教授。: the footnote the author's asterisk points to (it was body)."""
    doc = annotate_text("論美日同盟的制度化\n\n張國城*\n\n本文探討2015年以來美日同盟在制度層面的變化。\n\n"
                        "* 台北醫學大學通識教育中心副教授。\n\n1 參見 Michael J. Green, Line of Advantage, p. 45.\n", "paper", resources)
    last = [u for u in doc.units if "副教授" in u.text]
    assert last and last[0].kind == "note"
    assert [e.en for e in last[0].entities] == ["Taipei Medical University"]


def test_a_live_page_s_update_times_are_notes(resources):
    """09:45 更新 between the entries of a live page: a note (it was a heading)."""
    doc = annotate_text("【即時】中共軍機擾台\n\n國防部今日上午公布，偵獲共機42架次。\n\n09:45 更新\n總統府發言人郭雅慧表示，中共持續的軍事擾台行為無助於兩岸關係。\n", "live", resources)
    assert next(u for u in doc.units if u.text == "09:45 更新").kind == "note"


def test_a_date_then_where_the_story_was_filed_and_a_release_number(resources):
    """2025年7月2日 華盛頓 is a publication line naming no outlet (it was the lead); 大陸委員會 新聞稿
    發布日期：… 編號：第045號 is one naming the council (編號： was read as a name, and the line a lead)."""
    from pipeline.structure import publication_name

    doc = annotate_text("Quad外長會議：四國重申維護自由開放的印太\n\n2025年7月2日 華盛頓\n\n美國、日本、澳洲與印度四國外長1日在華盛頓舉行外長會議。\n", "quad", resources)
    assert doc.units[1].kind == "publication" and publication_name("2025年7月2日 華盛頓") == ""
    doc = annotate_text("陸委會：中共對台「法律戰」升級\n\n大陸委員會 新聞稿 發布日期：2025-06-26 編號：第045號\n\n"
                        "大陸委員會今（26）日表示，中共近期持續以「法律戰」恐嚇台灣民眾。\n", "mac", resources)
    assert doc.units[1].kind == "publication"
    assert publication_name("2025-03-12 中央社／台北") == "中央社"


def test_a_magazine_s_issue_and_date_then_a_labelled_byline(resources):
    """天下雜誌 第835期 2025/10/28 文／林奕榮: the publication line, then the byline (文／林奕榮 was an ORG in
    the publication line); 2026/01/09 06:48 國際新聞中心／綜合報導 stays a desk's credit."""
    doc = annotate_text("台積電赴美投資與「矽盾」的未來\n\n天下雜誌 第835期 2025/10/28 文／林奕榮\n\n"
                        "美國總統川普今年3月宣布，台積電將在亞利桑那州追加投資。\n", "cw", resources)
    assert [u.kind for u in doc.units[:3]] == ["title", "publication", "byline"] and doc.meta["author"] == "林奕榮"
    from pipeline.structure import _is_date_line

    assert not _is_date_line("2026/01/09 06:48 國際新聞中心／綜合報導") and _is_date_line("2025-03-12 路透／馬尼拉")


def test_a_correspondent_s_name_then_their_post(resources):
    """張茂森／東京特派員 under the title: the byline and the post (it was a lead with no person)."""
    doc = annotate_text("公明黨退出執政聯盟 日本政局進入多黨時代\n\n張茂森／東京特派員\n\n"
                        "日本公明黨黨魁齊藤鐵夫10月10日宣布，結束與自民黨長達26年的聯合執政關係。\n", "lt", resources)
    assert [u.kind for u in doc.units[:3]] == ["title", "byline", "affiliation"] and doc.meta["author"] == "張茂森"


def test_a_writer_after_the_outlet_s_label_before_the_place(resources):
    """日本經濟新聞（中文版：日經中文網）高橋浩之 東京: the writer is a person (no entity, and the author
    was 高橋浩之 東京), read as a Japanese name; in Simplified too."""
    for text in ("中國限制稀土出口\n\n日本經濟新聞（中文版：日經中文網）高橋浩之 東京\n\n2025/10/15\n\n中國商務部10月9日宣布。\n",
                 "中国限制稀土出口\n\n日本经济新闻（中文版：日经中文网）高桥浩之 东京\n\n2025/10/15\n\n中国商务部10月9日宣布。\n"):
        doc = annotate_text(text, "nk", resources)
        assert [e.en for e in doc.units[1].entities if e.label == "PERSON"] == ["Hiroyuki Takahashi"]
        assert doc.meta["author"] in ("高橋浩之", "高桥浩之")


def test_a_bilingual_title_is_no_site_header(resources):
    """台灣的民主韌性 Taiwan's Democratic Resilience: a title and its translation (it read as a site's
    name and its English, so the article had no title and its byline was a heading); 國防部 Ministry
    of National Defense, R.O.C. stays the issuer's line."""
    doc = annotate_text("台灣的民主韌性 Taiwan's Democratic Resilience\n\n作者：林夏如 Lin Hsia-ju\n\n"
                        "面對中國的認知作戰，台灣社會展現了驚人的韌性。\n", "b", resources)
    assert [u.kind for u in doc.units[:2]] == ["title", "byline"] and doc.meta["author"].startswith("林夏如")
    doc = annotate_text("國防部 Ministry of National Defense, R.O.C.\n\n共機擾台\n\n國防部今日表示，共機擾台。\n", "m", resources)
    assert [u.kind for u in doc.units[:2]] == ["publication", "title"]
