"""PTT posts saved as text: header and news-repost template as metadata, replies, pushes."""

from __future__ import annotations

from pipeline.annotate import annotate_file
from pipeline.ptt import parse_ptt

RULE = "─" * 39

NEWS = f"""作者 Baudelaire (波特萊爾) 看板 Gossiping
標題 [新聞] 美眾院通過台灣國際團結法案
時間 Thu Nov 27 09:15:22 2025
{RULE}

1.媒體來源:
中央社

2.記者署名:
記者 鍾佑貞 華盛頓

3.完整新聞標題:
美眾院通過台灣國際團結法案 駁斥中國扭曲聯大決議

4.完整新聞內文:
美國聯邦眾議院今天通過「台灣國際團結法案」，法案駁斥中國扭曲聯合國大會第2758號決議，
並要求美國政府反對北京阻撓台灣參與國際組織。外交部對此表達誠摯感謝。

5.完整新聞連結 (或短網址)不可用YAHOO、LINE、MSN等轉載媒體:
https://www.cna.com.tw/news/aipl/202511270012.aspx

6.備註:
美國還是挺台灣的啦

--
※ 發信站: 批踢踢實業坊(ptt.cc), 來自: 1.160.23.45 (臺灣)
※ 文章網址: https://www.ptt.cc/bbs/Gossiping/M.1764206124.A.1F2.html
推 kuso5566: 美國爸爸讚                                    11/27 09:16
噓 redcat: 又在自嗨                                        11/27 09:17
"""

REPLY = f"""作者 seadog (海狗) 看板 Military
標題 Re: [討論] 國軍無人機採購進度落後？
時間 Mon Nov 24 21:03:45 2025
{RULE}
※ 引述《abc (路人)》之銘言：
: 聽說國防部的無人機採購又延宕了
: 是真的嗎

國防部今年編列的無人機預算執行率偏低，主要是因為國內廠商產能不足。
我認為國防部應該放寬採購規範，讓更多民間業者參與。

--
※ 發信站: 批踢踢實業坊(ptt.cc), 來自: 111.240.1.2 (臺灣)
推 tank: 同意                                              11/24 21:10
"""


def test_a_news_repost_gives_the_news_and_its_metadata(tmp_path, resources):
    path = tmp_path / "post.txt"
    path.write_text(NEWS, encoding="utf-8")
    doc = annotate_file(path, resources)
    meta = doc.meta
    assert meta["format"] == "ptt" and meta["title"] == "美眾院通過台灣國際團結法案 駁斥中國扭曲聯大決議"
    assert (meta["author"], meta["publication"], meta["date"]) == ("鍾佑貞", "中央社", "2025-11-27")
    assert meta["url"] == "https://www.cna.com.tw/news/aipl/202511270012.aspx"
    kinds = [(u.kind, u.text) for u in doc.units]
    body = [t for k, t in kinds if k == "body"]
    assert body[0].startswith("美國聯邦眾議院今天通過") and body[0].endswith("參與國際組織。")  # wrapped line joined
    assert "媒體來源" not in doc.text and "完整新聞" not in doc.text  # the template's labels are gone
    notes = [t for k, t in kinds if k == "note"]
    assert notes[0] == "※ 備註：美國還是挺台灣的啦"  # the poster's remark
    assert notes[-2:] == ["推 kuso5566: 美國爸爸讚 11/27 09:16", "噓 redcat: 又在自嗨 11/27 09:17"]
    assert all(u.stance.get("bearing") is not True for u in doc.units if u.kind == "note")


def test_a_reply_quotes_the_earlier_post_in_one_note():
    text, hints = parse_ptt(REPLY)
    assert hints == {"title": "國軍無人機採購進度落後？", "author": "seadog (海狗)", "publication": "PTT Military",
                     "date": "2025-11-24", "layout": "post"}
    lines = [ln for ln in text.split("\n") if ln]
    assert lines[0] == "※ 引述《abc (路人)》之銘言：  : 聽說國防部的無人機採購又延宕了  : 是真的嗎"
    assert lines[1].startswith("國防部今年") and lines[-1].startswith("推 tank")


def test_other_text_is_no_post():
    assert parse_ptt("作者：王小明\n\n美日同盟的未來\n\n第一段。\n") is None
    assert parse_ptt("標題 美日同盟\n時間 2025年\n第一段。\n") is None  # no 作者 line


def test_a_post_s_lines_are_body_not_front_matter_or_headings(tmp_path, resources):
    """A forum post's front matter is its header: 先貼新聞 under the title is the post's first line,
    not a publication, and its unpunctuated lines are prose, not headlines."""
    post = (f"作者 hsinchu_tank (新竹M41退休車長)\n看板 Military\n標題 [討論] 1.25兆特別預算 這樣真的夠嗎？\n"
            f"時間 Fri Nov 28 10:22:31 2025\n{RULE}\n\n先貼新聞\n\n心得：\n\n"
            "現在對美軍購積壓據說還有200多億鎂沒交，F-16V到現在才剛開始交機\n"
            "1.25兆如果大部分又是排隊買美國貨，說真的短期戰力提升有限\n\n"
            "美日菲那條線如果穩，台灣的位置其實比十年前好很多\n\n--\n※ 發信站: 批踢踢實業坊(ptt.cc)\n")
    path = tmp_path / "post.txt"
    path.write_text(post, encoding="utf-8")
    doc = annotate_file(path, resources)
    kinds = [u.kind for u in doc.units]
    assert kinds[:4] == ["publication", "title", "byline", "body"] and doc.units[3].text == "先貼新聞"
    assert "heading" not in kinds and doc.meta["layout"] == "post"


def test_a_post_saved_with_the_pages_title_above_its_header():
    """[新聞] … - 看板 Gossiping - 批踢踢實業坊, then the header: the same post; a title line that
    names another post, or none, leaves the text alone."""
    page = "[新聞] 美眾院通過台灣國際團結法案 - 看板 Gossiping - 批踢踢實業坊\n\n" + NEWS
    text, hints = parse_ptt(page)
    assert hints["title"] == parse_ptt(NEWS)[1]["title"] and "美國聯邦眾議院今天通過" in text
    assert parse_ptt("美日同盟的未來\n\n" + NEWS) is None
