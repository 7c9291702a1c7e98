"""Structure recovery: which block is the title, the byline, a heading, a caption, body text …

Input: the :class:`~pipeline.clean.Block` list of one article, plus metadata hints from the source
format.  Output: the article's cleaned text (one block per line) and its :class:`Paragraph` s, each
with a kind from :data:`pipeline.model.KINDS` and offsets into the cleaned text.  Sentence splitting
happens later, on ``lead``, ``body`` and ``note`` paragraphs.

The article is read in three regions:

* **front matter** — everything before the first prose paragraph that follows the title:
  publication name, lead/deck, image credits, title, byline, affiliation, dateline;
* **body** — prose paragraphs, headings (short stand-alone lines without final punctuation, or
  numbered lines such as 一、…), captions;
* **back matter** — editor's notes and boilerplate (編按：…, 本文僅代表…, 延伸閱讀 …) and what follows.

What counts as a caption, note, dateline, byline label or publication name lives in
``data/layout.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import rx
from .clean import HAN as _HAN
from .clean import _YEAR, Block, display_width, tidy_spaces
from .patterns import EMOJI, EMOJI_TAIL, LayoutPatterns, _traditional, layout_patterns
from .numex import ENGLISH_DATE
from .transcript import header_field, is_speaker, is_transcript, speaker_label, surnames

_NAME = rf"(?:[{_HAN}]{{2,4}}|[{_HAN}]{{1,8}}[·‧・．•][{_HAN}·‧・．•]{{1,16}}|[A-Z][a-zA-Z'.\-]+(?: [A-Z][a-zA-Z'.\-]+){{1,3}})"
_NAME_LIST = rx.compile(rf"^{_NAME}[＊*†‡]{{0,2}}(?:\s*[、，,和與及&]\s*{_NAME}[＊*†‡]{{0,2}})*$")  # 林書瑋＊: a note's mark after it
#: names a space apart, each with a note's mark (張文彥＊　　李佩珊＊＊)
_MARKED_NAMES = rx.compile(r"^[\u4e00-\u9fff]{2,4}[＊*†‡]{1,3}(?:[ \t\u3000]+[\u4e00-\u9fff]{2,4}[＊*†‡]{1,3})+$")
_ENDS_SENTENCE = rx.compile(r"[。！？!?…；;，,、：:][」』”’）)〕】》\"']*$")
_SENTENCE_PUNCT = rx.compile(r"[。！？!?]")
# the second line of a title set on two opens with a connective (與對台海安全的意涵); a first line
# that ends with one proves nothing (何去何從, 國際參與, 趨於緩和)
_TITLE_CONTINUATION = rx.compile(r"^(?:與|和|及|暨|以及|兼論|兼談|並論|之|的)(?![：:、，,\s])[^：:]*$")
_QUOTES = rx.compile(r"[「」『』“”《》]")
_PAREN_LINE = rx.compile(r"[（(][^（）()]{1,60}[）)]")
_DATE_LINE = rx.compile(
    r"^(?:(?:發布|發佈|发布|發表|发表|更新|最後更新|最后更新|刊登|出版)(?:於\s*|\s*[/／:：]\s*|\s+(?=\d)))?"  # 發布於 2025年6月18日 · 閱讀時間 5 分鐘, 发布/2025年11月30日
    r"(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{4}\s*年\s*\d{1,2}\s*月|(?:(?:中華)?民國\s*\d{2,3}|1[01]\d)\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|(?:發布|發佈|发布|發稿|发稿|更新|最後更新|最后更新|出版)?(?:時間|日期|时间)\s*(?:[：:]|\s(?=\s*\d))\s*.{4,40}|\d{1,2}\s*[A-Za-z]{3,9}\s*\d{4}"
    r"|\d{1,2}\s*月\s*\d{1,2}\s*日(?=\s*(?:上午|下午|中午|晚上|凌晨)?\s*\d{1,2}:\d{2}))"  # a post's 11月29日 下午3:42
    r"(?:\s*[（(]?\s*(?:星期|週|周|礼拜|禮拜)[一二三四五六日天]\s*[）)]?)?"  # 2025年11月29日 星期六
    r"(?:\s*[（(](?:令和|平成|民國|民国)[^（）()]{1,14}[）)])?"  # 2025.12.03（令和7年12月3日）
    r"(?:\s*(?:[|｜]\s*)?(?:上午|下午|中午|晚上|凌晨)?\s*(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?|\d{1,2}\s*[時时點点]\s*\d{1,2}\s*分)"
    r"(?:\s*(?:EDT|EST|PDT|PST|GMT|UTC|HKT|JST|KST|CST)(?:\s*[+-]\s*\d{1,2})?)?(?:\s*(?:發布|發佈|发布))?)?"  # 5:00 AM, 12時10分, 2025.09.23 | 10:30 發布, 14:25 EDT
    r"(?:\s*[（(][^（）()]{0,20}(?:更新|更新時間|更新时间)[^（）()]{0,20}[）)])?"  # 2025/11/21 08:12（11/21 09:05 更新）
    r"(?:\s*(?:更新|最後更新|最后更新|修改)\s*[：:]?\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)?"  # … 更新：2025-11-28 09:12:45
    r"(?:\s*[·‧•|｜]?\s*(?:閱讀時間|阅读时间|閱讀|阅读)\s*[:：]?\s*(?:約\s*)?\d{1,3}\s*分鐘)?"
    r"(?:\s*(?:人氣|人气|瀏覽|浏览|點閱|点阅)\s*[:：]?\s*\d[\d,]*)?"  # 更新 2025-11-24 9:32 PM 人氣 2187
    f"(?:\\s*[·‧•]\\s*(?:{EMOJI}{EMOJI_TAIL})*)?\\s*$"  # 11月29日 下午3:42 · 🌏 (who may see the post; the icon may be lost)
)
#: a Weibo post's time and where it was sent from: 11-14 20:36 來自微博網頁版已編輯
_POST_SOURCE = rx.compile(r"^(?:\d{4}-)?\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}\s*(?:來自|来自)\s*\S{1,16}(?:\s+\S{1,6})?$")
# 國防部 114年12月3日; a dateline's places, then the date (台北／華盛頓，2026年1月21日)
_ISSUER_DATE = rx.compile(r"^[\u4e00-\u9fffA-Za-z]{2,12}(?:[／/][\u4e00-\u9fff]{2,8})*(?:[ \t\u3000]+|\s*[，,]\s*)(\S.*)$")


# November 19, 2025; Wednesday, 19 November 2025 10:30 (front matter in English)
_ENGLISH_DATE_LINE = rx.compile(rf"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:{ENGLISH_DATE.pattern})(?:,?\s+\d{{1,2}}:\d{{2}}(?:\s*[AaPp]\.?[Mm]\.?)?)?\s*$")


def _is_date_line(t: str) -> bool:
    """A line that says when the article was published: a date (and time), a labelled one
    (發布時間：…), or one after its issuer's name (國防部 114年12月3日)."""
    if _DATE_LINE.match(t) or _ENGLISH_DATE_LINE.match(t) or _ISSUE_LINE.match(t) or _POST_SOURCE.match(t):
        return True
    m = _ISSUER_DATE.match(t)
    if m is not None and _DATE_LINE.match(m.group(1)) is not None:
        return True
    m = _DATE_THEN_PLACE.match(t)  # 2025年7月2日 華盛頓: the date, then where the story was filed
    return m is not None and _DATE_LINE.match(m.group(1)) is not None \
        and not layout_patterns().match_byline(t[m.end(1):].strip())  # (not …06:48 國際新聞中心／綜合報導: a desk's credit)


_DATE_THEN_PLACE = rx.compile(r"^(.+?)[ \t\u3000]+[\u4e00-\u9fff]{2,6}(?:[／/][\u4e00-\u9fff]{2,6})*$")


#: an issue's number in Chinese (第 47 期, 第64卷第4期)
_ISSUE_NUMBER = r"第\s*(?:\d{1,4}|[一二三四五六七八九十百〇]{1,5})\s*[期卷號号](?:\s*第\s*(?:\d{1,4}|[一二三四五六七八九十百〇]{1,5})\s*[期號号])?"
#: a line with only a series' issue number (第 47 期, Vol. 12, No. 3), maybe with its date
_ISSUE_LINE = rx.compile(r"^\s*(?:" + _ISSUE_NUMBER + r"|(?:Vol|No|Issue)\.?\s*\d{1,4}(?:\s*[,，]?\s*No\.?\s*\d{1,4})?)"
                         r"(?:\s*[（(]?\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*(?:[-/.月]\s*(?:\d{1,2}\s*日?)?)?\s*[）)]?)?\s*$")
_INNER_SENTENCE_END = rx.compile(r"[。！？!?][」』”’）)]*(?=\S)")
_LATIN_TITLE = rx.compile(r"[A-Z][\w'’,:;&()\-–—]*(?:\s+[\w'’,:;&()\-–—.]+){2,30}(?<![.!?])")
_PAREN_AFFILIATION = rx.compile(r"^(?P<name>.+?)\s*[（(](?P<aff>[^（）()]{2,60})[）)]\s*$")

PROSE_KINDS = ("lead", "body", "note")


@dataclass
class Paragraph:
    kind: str
    text: str
    start: int  # offsets in the cleaned text
    end: int


@dataclass
class _Piece:
    kind: str
    text: str
    gap: str = ""  # text between this piece and the next one on the same line (kept in the cleaned text)


def recover_structure(blocks: list[Block], hints: dict[str, str] | None = None) -> tuple[str, list[Paragraph]]:
    """Classify blocks; return (cleaned text, paragraphs).  The cleaned text has one block per line."""
    hints = hints or {}
    pat = layout_patterns()
    blocks = _with_hints(blocks, hints)
    lines = _classify(blocks, pat, post=hints.get("layout") == "post")
    text_parts: list[str] = []
    paragraphs: list[Paragraph] = []
    offset = 0
    for pieces in lines:
        line_start = offset
        for piece in pieces:
            if piece.kind in PROSE_KINDS or piece.kind == "caption":
                piece.text = tidy_spaces(piece.text, keep_wide=piece.kind == "note")
            else:  # in titles, headings and bylines a space between words is meant: 課稅　賴清德
                piece.text = " ".join(piece.text.split())
            if piece.text:
                paragraphs.append(Paragraph(piece.kind, piece.text, offset, offset + len(piece.text)))
                text_parts.append(piece.text)
                offset += len(piece.text)
            if piece.gap:
                text_parts.append(piece.gap)
                offset += len(piece.gap)
        if offset > line_start:
            text_parts.append("\n")
            offset += 1
    return "".join(text_parts), paragraphs


_META_PUBLICATION, _META_BYLINE = -2, -1  # Block.heading_level of lines made from metadata


def _with_hints(blocks: list[Block], hints: dict[str, str]) -> list[Block]:
    """Put metadata the source format gave (site name and date, title, author) at the top as
    blocks, in the usual order: publication, title, byline."""
    blocks = list(blocks)
    head: list[Block] = []
    publication = hints.get("publication", "")
    if publication and not any(publication in b.text for b in blocks[:4]):
        line = f"{publication} {hints['date']}" if hints.get("date") else publication
        head.append(Block(text=line, standalone=True, heading_level=_META_PUBLICATION))
    title = hints.get("title", "")
    if title:
        first = " ".join(blocks[0].text.split()) if blocks else ""
        if first == title or (len(first) >= 6 and first in title and _is_short(blocks[0])):
            # the page's own headline; the title the page gave may add a column or the site's name
            # (觀點／川習會後的台灣：… - 鳴人堂)
            blocks[0].heading_level = 1
            head.append(blocks.pop(0))
        else:
            head.append(Block(text=title, standalone=True, heading_level=1))
    author = hints.get("author", "")
    if author and not any(author in b.text for b in blocks[:8]):
        head.append(Block(text=author, standalone=True, heading_level=_META_BYLINE))
    return head + blocks


def _classify(blocks: list[Block], pat: LayoutPatterns, post: bool = False) -> list[list[_Piece]]:
    """Each block's pieces.  In a forum ``post`` the front matter is what the header gave and a
    line is a heading only when marked as one (1. 錢 vs 交貨), not for being short."""
    n = len(blocks)
    out: list[list[_Piece] | None] = [None] * n
    social = _post_time_line(blocks)
    post = post or social is not None
    title_idx = _find_title(blocks, pat) if social is None else _post_headline(blocks, social)
    body_start = 0

    if title_idx is not None:
        for i in range(title_idx):
            out[i] = _front_before_title(blocks[i], i, pat)
        out[title_idx] = [_Piece("title", blocks[title_idx].text)]
        body_start = title_idx + 1
        if body_start < n and _title_continues(blocks[title_idx].text, blocks[body_start]):
            out[title_idx][0].text += blocks[body_start].text  # 高市早苗政府的防衛政策走向 / 與對台海安全的意涵
            out[body_start] = []
            body_start += 1
        prev_kind = "title"
        while body_start < n:
            if post and blocks[body_start].heading_level not in (_META_BYLINE, _META_PUBLICATION):
                break
            pieces = _front_after_title(blocks[body_start], prev_kind, pat)
            if pieces is None and prev_kind == "title" and _standfirst(blocks, body_start, pat):
                pieces = [_Piece("lead", blocks[body_start].text)]  # a magazine's deck above its credits
            if pieces is None:
                break
            out[body_start] = pieces
            prev_kind = pieces[-1].kind
            body_start += 1
        _affiliation_before_name(out, title_idx + 1, body_start, blocks, pat)
    else:
        # No title: only datelines and labelled bylines can precede the body.
        while body_start < n:
            b = blocks[body_start]
            if b.heading_level == _META_PUBLICATION:
                out[body_start] = [_Piece("publication", b.text)]
                body_start += 1
            elif _is_date_line(b.text) and b.heading_level != _META_BYLINE:
                out[body_start] = [_Piece("publication", b.text)]  # 2025年12月19日 07:45: when it was published
                body_start += 1
            elif b.heading_level == _META_BYLINE or (pat.match_byline(b.text) and _is_short(b)) \
                    or (social is not None and body_start < social and (_NAME_LIST.match(b.text) or _NAME_AND_LATIN.match(b.text)
                                                                        or _name_then_affiliation(b.text, pat))
                        and _starts_with_surname(b.text)):
                out[body_start] = _byline_pieces(b.text, pat)  # (吳政諺 above the time of the post)
                body_start += 1
            elif _is_short(b) and (pieces := _publication_then_byline(b.text, pat)) is not None:
                out[body_start] = pieces
                body_start += 1
            else:
                break

    in_back_matter = links = False
    seen_body = False  # a note before the first paragraph (編按 opening the article) starts no back matter
    for i in range(body_start, n):
        b = blocks[i]
        text = b.text
        if links and _is_prose(b) and len(text) > 30 and not pat.is_note(text):
            links = False  # the article goes on after a list of related links (延伸閱讀 in the middle of a web page)
        if in_back_matter or links or b.footnote:
            out[i] = [_Piece("note", text)]
        elif seen_body and i >= n - 2 and _BRACKETED_REPORTER.match(_traditional(text)):
            out[i] = [_Piece("byline", text)]  # （記者 陳嘉欣）, （記者陳嘉欣／香港報導）: the reporter, at the end
        elif pat.is_note(text):
            out[i] = [_Piece("note", text)]
            if pat.is_link_list(text):
                links = True
            elif seen_body and not pat.is_inline_note(text):
                in_back_matter = True
        elif pat.is_caption(text) and len(text) <= 200:
            out[i] = [_Piece("caption", text)]
        elif i > body_start and _PAREN_LINE.fullmatch(text) and _only_notes_after(blocks, i, pat):
            # a closing remark, perhaps above the editors' credits or links: （明報記者）, （本文部分內容來自路透社）,
            # （總台國際銳評評論員）
            out[i] = [_Piece("note", text)]
        elif (m := pat.match_dateline(text)) is not None:
            rest = text[m.end():]
            pieces = [_Piece("byline", text[: m.end()])]
            if rest.strip():
                lead_ws = rest[: len(rest) - len(rest.lstrip())]
                pieces[0].gap = lead_ws
                # (新華社北京7月15日電　題：…: the headline again, after the dateline)
                pieces.append(_Piece("note" if _HEADLINE_AGAIN.match(rest.strip()) else "body", rest.strip()))
            out[i] = pieces
        elif seen_body and _is_date_line(text):
            out[i] = [_Piece("note", text)]  # the date a press release is signed (中華民國114年11月20日)
        elif seen_body and _is_short(b) and _RUNNING_HEADER.match(text):
            out[i] = [_Piece("note", text)]  # a journal's running header between pages (国际问题研究 2025年第3期)
        elif seen_body and i >= n - 2 and _is_short(b) and _REPORTER_CREDIT.match(_traditional(text)):
            out[i] = [_Piece("byline", text)]  # 美國之音記者李逸華華盛頓報導: the reporter's credit at the end
        elif seen_body and (i >= n - 2 or _only_notes_after(blocks, i, pat)) and _is_short(b) \
                and pat.match_byline(text) and not _SENTENCE_PUNCT.search(text):
            out[i] = _byline_pieces(text, pat)  # 作者：鄭宇辰（國防安全研究院…助研究員）: a brief's writer, at its end
        elif seen_body and i == n - 2 and _PEN_NAME.fullmatch(text) and pat.is_note(blocks[i + 1].text):
            out[i] = [_Piece("byline", text)]  # 鍾聲 above 《人民日報》（… 03 版）: the commentary's pen name
        elif _is_short(b) and (m := pat.match_byline(text)) is not None \
                and _NAME_LIST.match(re.sub(r"[\s\u3000]+", "、", text[m.end():].strip())):
            out[i] = _byline_pieces(text, pat)  # 文：陳柏諺 under a web page's summary box, before the article;
            # 新華社記者劉宇軒　鄭曉彤 under the dateline
        elif _is_table_row(text) or _is_table_row(text, header=True) and i + 1 < n and _is_table_row(blocks[i + 1].text):
            out[i] = [_Piece("note", text)]  # a row of a table (2023 5,863 24.3%) or its header row
        elif _is_heading(b, pat) and (not post or b.heading_level > 0 or pat.heading_marker(text)):
            out[i] = [_Piece("heading", text)]
        else:
            out[i] = _closing_credit(text, pat) or [_Piece("body", text)]
        seen_body = seen_body or any(p.kind == "body" for p in out[i] or ())
    _trailing_headline_list(blocks, out, body_start)
    _transcript_kinds(blocks, out)
    return [p for p in out if p is not None]


def _only_notes_after(blocks: list[Block], i: int, pat: LayoutPatterns) -> bool:
    """Are the blocks after ``i`` notes and captions only, or notes up to a list of related links
    (相關新聞 and its items)?"""
    for b in blocks[i + 1:]:
        if pat.is_note(b.text):
            if pat.is_link_list(b.text):
                return True
        elif not pat.is_caption(b.text):
            return False
    return True


def _title_continues(title: str, b: Block) -> bool:
    """Is ``b`` the rest of a title set on two lines (高市早苗政府的防衛政策走向 / 與對台海安全的意涵,
    菲律賓強化北部島嶼防務對台海情勢 / 之意涵): a short line with no sentence in it that opens
    with a connective or a possessive (之, 的), under a title that ends no sentence?"""
    t = b.text
    return b.heading_level >= 0 and _is_short(b) and len(t) <= 24 and not _SENTENCE_PUNCT.search(t) \
        and not _ENDS_SENTENCE.search(t) and not _SENTENCE_PUNCT.search(title[-1:]) \
        and _TITLE_CONTINUATION.match(t) is not None and not _is_date_line(t)


def _affiliation_before_name(out: list[list[_Piece] | None], start: int, end: int, blocks: list[Block], pat: LayoutPatterns) -> None:
    """A deck line right before a byline that reads as an affiliation is the writer's affiliation,
    set above the name (國防戰略與資源研究所 / 舒孝煌)."""
    for i in range(start, end - 1):
        pieces, after = out[i], out[i + 1]
        if pieces and after and len(pieces) == 1 and pieces[0].kind == "lead" and after[0].kind == "byline" \
                and _looks_like_affiliation_line(blocks[i].text, pat):
            out[i] = [_Piece("affiliation", pieces[0].text)]


def _closing_credit(text: str, pat: LayoutPatterns) -> list[_Piece] | None:
    """A paragraph that ends with the editor's credit, as a wire story does (…堅決反對。（編輯：陳承功）
    1141127): the paragraph, then the credit as a note."""
    m = _CLOSING_CREDIT.search(text)
    if m is None or m.start() == 0 or not pat.is_note(m.group().strip()):
        return None
    body = text[: m.start()]
    stripped = body.rstrip()
    return [_Piece("body", stripped, gap=body[len(stripped):]), _Piece("note", m.group().strip())]


_HEADLINE_AGAIN = rx.compile(r"[題题]\s*[：:]")
_OUTLET_HEADLINE_CREDIT = rx.compile(r"(?P<outlet>[^╱／/\s]{2,10})[╱／/](?P<head>[題题]\s*[：:].*?)(?:[\s\u3000]+(?P<credit>作者\s*[：:].+))?$")
_CLOSING_CREDIT = rx.compile(r"(?<=[。！？!?」』”])\s*[（(][^（）()]{2,30}[）)]\s*\d{0,8}\s*$")


#: a pen name alone on its line (鍾聲, 國紀平)
_PEN_NAME = rx.compile(r"[\u4e00-\u9fff][\s\u3000]*[\u4e00-\u9fff]{1,3}")
#: a list item's bullet (• ·－ - – * ・ ▪ ● ○ ◦), then a space
_BULLET = rx.compile(r"^[•·－\-–*・▪●○◦]\s+\S")
_NUMERIC_CELL = rx.compile(r"(?:約|约|逾|近)?[-+−]?[\d,.]+\s*[%％]?|[-—–]|(?:19|20)\d\d\s*年(?:度)?(?:[（(][^）)]{1,4}[）)])?")


def _is_table_row(text: str, header: bool = False) -> bool:
    """A line of two to twelve short cells separated by spaces, all numbers but perhaps one label
    (2021 4,534 4.4%, 日本 1.8% 2.0%); with ``header``, any short cells (年度 預算 成長率)."""
    cells = text.split()
    if not 2 <= len(cells) <= 12 or any(len(c) > 12 for c in cells) or _SENTENCE_PUNCT.search(text):
        return False
    numeric = sum(1 for c in cells if _NUMERIC_CELL.fullmatch(c))
    # (日本 兆日圓 6.8 7.9 8.7 8.8: a label and a unit; 日本 553 南韓 476: labels and numbers taking turns)
    return header or numeric >= max(2, len(cells) - 1) or len(cells) >= 4 and numeric >= max(3, len(cells) // 2)


#: a record's stage direction, a whole paragraph in brackets: （宣讀上次會議議事錄，無異議，確定）
_STAGE_DIRECTION = rx.compile(r"[（(][^（()）]{1,60}[）)]")


def _transcript_kinds(blocks: list[Block], out: list[list[_Piece] | None]) -> None:
    """In a record of speaker turns (see :mod:`pipeline.transcript`), the header lines before the
    first turn (時間：…, 地點：…, 主席：王委員定宇) are notes, and every turn is body text, however
    short (主席：好。 is no heading)."""
    texts = [b.text for b in blocks]
    if not is_transcript(texts):
        return
    first = next((i for i, t in enumerate(texts) if speaker_label(t) and _SENTENCE_PUNCT.search(t)), len(texts))
    fields = layout_patterns().record_header_fields
    titled = in_header = False
    for i, pieces in enumerate(out):
        if pieces is None or len(pieces) != 1:
            in_header = False
            continue
        kind = pieces[0].kind
        if kind == "title":
            titled = True
        if i < first and (label := header_field(texts[i])) is not None and kind != "byline" \
                and (kind != "title" or _traditional(label) in fields or is_speaker(label)):
            out[i] = [_Piece("note", texts[i])]  # 時間：…; not 記者：張家豪, nor a headline 【專訪】前國安會秘書長：…
            in_header = True
        elif i < first and in_header and _is_short(blocks[i]) and not _SENTENCE_PUNCT.search(texts[i]):
            out[i] = [_Piece("note", texts[i])]  # 列席官員：國防部部長　顧立雄 /　　　國防部軍備局局長　（略）
        elif i >= first and _STAGE_DIRECTION.fullmatch(texts[i].strip()):
            out[i] = [_Piece("note", texts[i])]  # （宣讀上次會議議事錄，無異議，確定）, （在場委員發言）
        elif i < first and not titled and kind in ("lead", "affiliation", "heading") and _is_short(blocks[i]):
            out[i] = [_Piece("title", texts[i])]  # the record's name (…委員會會議紀錄 is no affiliation line)
            titled = True
        elif i >= first and pieces[0].kind == "heading" and speaker_label(texts[i]):
            out[i] = [_Piece("body", texts[i])]


#: a bullet before a related article's headline (▪ 賴清德：國防預算2030年達GDP 5%); not ■, which marks headings
_HEADLINE_BULLET = rx.compile(r"^[▪•●◆▸►‧．・]\s*\S")


def _trailing_headline_list(blocks: list[Block], out: list[list[_Piece] | None], body_start: int) -> None:
    """Two or more bulleted headlines at the end of an article (before any closing notes) list
    related articles: notes, not headings."""
    end = len(out)
    while end > body_start and out[end - 1] is not None and all(p.kind == "note" for p in out[end - 1]):
        end -= 1
    k = end
    while k > body_start and _HEADLINE_BULLET.match(blocks[k - 1].text) and _is_short(blocks[k - 1]) \
            and not _ENDS_SENTENCE.search(blocks[k - 1].text):
        k -= 1
    if end - k >= 2:
        for i in range(k, end):
            out[i] = [_Piece("note", blocks[i].text)]


def _is_short(b: Block) -> bool:
    return b.standalone or display_width(b.text) <= 60


def _is_titleish(b: Block, pat: LayoutPatterns) -> bool:
    t = b.text
    if b.heading_level < 0:
        return False
    if b.heading_level == 1:
        return True
    if not (_is_short(b) or b.lines == 2 and display_width(t) <= 90 and not _SENTENCE_PUNCT.search(t) and not re.search("[，,；;]", t)) or len(t) < 4 or len(t) > 60:
        return False  # (a PDF's title over two lines: 中共「海峽雷霆-2025A」演習後的灰色地帶脅迫： / 趨勢評估與政策建議)
    if _ENDS_SENTENCE.search(t) and not re.search(r"[？?！!][」』”’）)]*$", t):
        return False
    if (len(t) > 30 or "。" in t) and _INNER_SENTENCE_END.search(_KICKER.sub("", t)):  # (共艦又來！山東艦…: a kicker)
        return False  # two sentences of a post (但是我們自己呢？立法院還在卡國防預算…？), not a headline (a 。 never ends a headline's part)
    if pat.is_caption(t) or pat.is_note(t) or pat.match_dateline(t) or pat.match_byline(t):
        return False
    if _section_label(t, pat) or pat.heading_marker(t):
        return False  # 摘要, Abstract, 壹、前言: a paper's section, not its title
    if _RECORD_NAME.search(t) and not (_ISSUE.search(t) and _publication_line(t, pat)):
        return True  # 外交部例行記者會紀要, …委員會會議紀錄: a record's name, though a ministry's (not 立法院公報 第98期 委員會紀錄)
    if _publication_line(t, pat) or _is_date_line(t) or _publication_then_byline(t, pat) or _site_header(t, pat):
        return False
    if _NAME_LIST.match(t) and (len(t) < 4 or _starts_with_surname(t)):
        return False  # 林大明: a byline; but 美日峰會 (no surname first) may be a title
    if _looks_like_affiliation_line(t, pat):
        return False
    return True


#: a paper's section labels in English, alone on their line
_SECTION_LABEL = rx.compile(r"(?:Abstract|Summary|Keywords?|Introduction|Conclusions?|References)\s*[:：]?", re.I)


def _section_label(t: str, pat: LayoutPatterns) -> bool:
    """A paper's section label alone on its line: 摘要, 內容提要, Abstract, Keywords."""
    m = pat.match_lead(t)
    return bool(_SECTION_LABEL.fullmatch(t)) or (m is not None and not t[m.end():].strip())


#: a correspondent's line: 特約撰稿人梁凱晴發自香港
_SENT_FROM = rx.compile(r"^(?:[\u4e00-\u9fff]{2,6}?(?:特約撰稿人|特約記者|撰稿人|記者|特派員|特约撰稿人|特约记者|记者)\s*|(?:特約撰稿人|特約記者|撰稿人|記者|特派員|特约撰稿人|特约记者|记者))?"
                        r"[\u4e00-\u9fff]{2,4}\s*(?:發自|发自)\s*[\u4e00-\u9fff]{2,8}(?:\s*[|｜]\s*\d{4}[-/.年].{0,20})?$")  # (端傳媒記者 沈亦舟 發自台北 | 2025-11-27)
#: people's names in Latin letters, two spaces or a comma apart (Wen-Yen Chang　　Pei-Shan Lee)
_LATIN_NAMES = rx.compile(r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2}"
                          r"(?:(?:[ \t\u3000]{2,}|\s*[,，、&]\s*|\s+and\s+)[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2})*")
#: a line of capitalised Latin words (an outlet's English name under its Chinese one)
#: a date, then the sections an article is filed under (2025/11/27, 政治, 評論)
_DATE_THEN_SECTIONS = rx.compile(r"^(.{6,24}?)\s*[,，・·]\s*[\u4e00-\u9fff]{2,4}(?:\s*[,，、・·]\s*[\u4e00-\u9fff]{2,4}){0,3}\s*$")  # (2025/11/04 ・評論・國際)
#: a place alone on a line (東京)
_PLACE_LINE = rx.compile(r"[\u4e00-\u9fff]{2,4}")
#: a short line of Latin words only (American Institute in Taiwan)
# (a journal's English name with its issue: CHINA INTERNATIONAL STUDIES (Chinese Edition) No.5, 2025)
_LATIN_WORDS_LINE = rx.compile(r"[A-Z][A-Za-z&'.\-]*(?: [A-Za-z&'.\-]+){0,7}(?: \([A-Za-z ]{2,30}\))?(?:,? (?:No\.|Vol\.) ?\d{1,4}(?:, \d{4})?)?")
_LATIN_NAME_LINE = rx.compile(r"[A-Z][A-Za-z&'.]*(?: [A-Z][A-Za-z&'.]*){0,5}")
#: a site's header: its Chinese name, then its English one (外交部 Ministry of Foreign Affairs, Republic of China (Taiwan))
_SITE_HEADER = rx.compile(r"^[\u4e00-\u9fff]{2,16}\s+[A-Z][A-Za-z]+(?:[ ,.&'()\-]+[A-Za-z()]+){1,12}\s*$")
_OUTLET_THEN_LATIN = rx.compile(r"^(?P<pub>[\u4e00-\u9fff]{2,16})\s+[A-Z][A-Za-z]*(?:[ .&\-]+[A-Za-z]+){0,3}\s*$")


def _site_header(t: str, pat: LayoutPatterns) -> bool:
    """A site's name with its English: 外交部 Ministry of Foreign Affairs, or a known outlet with its
    short Latin name (中央社 CNA)."""
    if _SITE_HEADER.match(t) and "的" not in t:
        return True  # (not 台灣的民主韌性 Taiwan's Democratic Resilience: a title and its translation)
    m = _OUTLET_THEN_LATIN.match(t)
    return m is not None and pat.is_publication(m.group("pub"))

#: the end of a record's name: minutes, a transcript
_RECORD_NAME = rx.compile(r"(?:紀要|紀錄|記錄|实录|實錄|逐字稿|纪要|纪录|记录)$")


def _starts_with_surname(t: str) -> bool:
    """The line starts as a Chinese name does: a surname from entity_rules.yaml (in either
    script), or Latin letters."""
    tt, known = _traditional(t), surnames()
    return t[:1].isascii() or tt[:1] in known or tt[:2] in known or t[:1] in known or t[:2] in known


def _is_prose(b: Block) -> bool:
    return bool(_SENTENCE_PUNCT.search(b.text)) and (b.lines > 1 or display_width(b.text) > 60)


#: when a social-media post went up and who may see it: 8月24日 下午9:42 · 🌏
_POST_TIME = rx.compile(rf"\s*[·‧•]\s*(?:{EMOJI}{EMOJI_TAIL})*\s*$")


#: a writer's name in Chinese, then in Latin letters (賴清德 Lai Ching-te, 李大衛 David Lee)
_NAME_AND_LATIN = rx.compile(r"^[\u3400-\u9fff]{2,4}\s+[A-Z][a-z]+(?:[ \-][A-Z]?[a-z]+){1,3}$")
#: a writer's name with its Latin form in brackets (李凱琳 (Karen Li), BBC中文's byline)
_NAME_WITH_LATIN = rx.compile(r"^[\u3400-\u9fff]{2,4}\s*[（(][A-Z][a-z]+(?:[ \-][A-Z]?[a-z]+){1,3}[)）]$")


def _post_headline(blocks: list[Block], social: int) -> int | None:
    """A post's own headline: the line right after its time, in 【】 (【1.25兆不是小數目，但不能是空白支票‼️】);
    a post's other lines are its prose."""
    i = social + 1
    return i if i < len(blocks) and _is_short(blocks[i]) and re.fullmatch(r"【[^【】]{2,60}】", blocks[i].text.strip()) else None


def _post_time_line(blocks: list[Block]) -> int | None:
    """The index of a social-media post's time line among its first lines, after its writer's
    name (吳政諺 / 8月24日 下午9:42 · 🌏): such a post has no title."""
    for i, b in enumerate(blocks[:3]):
        if _POST_TIME.search(b.text) and _DATE_LINE.match(b.text):
            return i if all((_NAME_LIST.match(x.text) or _NAME_AND_LATIN.match(x.text) or _name_then_affiliation(x.text, layout_patterns()))
                            and _starts_with_surname(x.text) for x in blocks[:i]) else None  # 吳政諺, 賴清德 Lai Ching-te, 程宏毅 立法委員
    return None


def _question_headline(b: Block, blocks: list[Block], pat: LayoutPatterns) -> bool:
    """A first line that asks, then goes on, with the writer's credit under it (「外國勢力」無處不在？23條
    立法一年半，… / 端傳媒記者 葉朗晴 發自香港): a headline and its second part, not two sentences of a post."""
    t = b.text
    return len(blocks) > 1 and _is_short(b) and len(t) <= 60 and "。" not in t and not _ENDS_SENTENCE.search(t) \
        and re.search(r"[？?！!]", t) is not None and (_SENT_FROM.match(blocks[1].text) is not None
                                                      or pat.match_byline(blocks[1].text) is not None)


def _sections_only(t: str, pat: LayoutPatterns) -> bool:
    """國際 ｜ 日本 ｜ 深度: the sections a page files the article under, with no outlet's name."""
    parts = re.split(r"\s*[｜|・·]\s*", t.strip())
    return len(parts) >= 2 and all(re.fullmatch(r"[\u4e00-\u9fff]{2,4}", p) and not pat.is_publication(p) for p in parts) \
        and any(_traditional(p) in pat.column_labels for p in parts)


def _find_title(blocks: list[Block], pat: LayoutPatterns) -> int | None:
    """The title is the first title-like line near the top, before any long prose paragraph
    (a one- or two-sentence deck may precede it)."""
    for i, b in enumerate(blocks[:10]):
        if _sections_only(b.text, pat):
            continue
        if i and _LATIN_WORDS_LINE.fullmatch(b.text) and (_publication_line(blocks[i - 1].text, pat) or i == 1 and (
                len(blocks[0].text) <= 16 and not _SENTENCE_PUNCT.search(blocks[0].text))):
            continue  # 美國在台協會 / American Institute in Taiwan: the outlet's English name under it
        if _is_titleish(b, pat) or i == 0 and _question_headline(b, blocks, pat):
            return i
        if pat.match_dateline(b.text) is not None and i + 1 < len(blocks) and not _is_titleish(blocks[i + 1], pat):
            # 〔記者林哲宇／台北報導〕菲律賓…, or 【聯合報／記者陳佩琪／台北即時報導】 on its own line
            # before a paragraph: the dateline starts the body; no line after it is the title
            return None
        if _is_prose(b) and (len(_SENTENCE_PUNCT.findall(b.text)) > 2 or len(b.text) > 160):
            return None
    return None


_ISSUE = rx.compile(_ISSUE_NUMBER + r"|(?<![\d年月])\d{1,4}\s*期(?![間间])|(?:Vol|No|Issue)\.?\s*\d{1,4}(?:[-–]\d{1,3})?")  # (No. 2025-08)
# what a publication line has besides the outlet's name: dates, clock times, issue numbers, a
# "source:" or "published:" label
_PUBLICATION_EXTRAS = rx.compile(
    r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}\s*[時时點点]\s*\d{1,2}\s*分"  # 17時20分
    r"|(?:發布|發佈|发布|更新|出版)?(?:時間|时间|日期)\s*(?:[：:]|(?=\s+\d{4}))|(?:編號|编号|文號|文号)\s*[：:]|(?:發布|發佈|发布|更新|出版|刊登)(?:於|于)|(?:資料|资料)?(?:來源|来源|出處|出处)\s*[：:]|" + _ISSUE.pattern
    # a journal's issue line: 第58期（2025年12月），頁61-88; pp. 61-88
    + r"|[（(]\s*\d{4}\s*年(?:\s*\d{1,2}\s*月)?\s*[）)]|[，,；;]|(?:頁|页|pp?\.)\s*\d{1,4}\s*[-–~～]\s*\d{1,4}"
    # a newspaper's page: 第03版, A12版, 03版
    + r"|第\s*\d{1,3}\s*版|\b[A-Z]\d{1,2}\s*版|(?<![\w])\d{1,3}\s*版(?![\w])"
    # a page's buttons beside them: 【字号：大 中 小】 【打印】 【关闭】
    + r"|【\s*(?:字号|字號|字體|字体)\s*[：:][^】]{0,12}】|【\s*(?:打印|列印|关闭|關閉|纠错|糾錯|分享|收藏)\s*】"
)


_SEPARATORS = frozenset("|｜/／╱·‧•")
_BRACKETS = frozenset("【】［］[]")


def _publication_names(line: str) -> tuple[list[tuple[int, int]], bool]:
    """Where the outlet's name is in a line, and whether the rest is only dates, times, an issue
    number, labels and a column: '自由時報 2025年3月1日', '2025-04-10 00:05 聯合報／社論', '2025年05月20日 10:15
    来源：联合早报', '國防安全研究院　國防安全簡報　第 112 期' (two names: institute and series)."""
    extras = list(_PUBLICATION_EXTRAS.finditer(line))
    blank = [" " if ch in _BRACKETS else ch for ch in line]  # 【聯合報／社論】: the brackets only frame it
    for m in extras:
        blank[m.start():m.end()] = " " * (m.end() - m.start())
    pat = layout_patterns()
    names = []
    for m in re.finditer(r"[^\s|｜/／╱·‧•]\S*", "".join(blank)):  # (A02版｜澳聞: no separator opens a name)
        if m.group() in _SEPARATORS or _traditional(m.group()) in pat.column_labels:
            continue  # 明報 ｜ 社評: a separator and a column on their own
        if names and m.group().isascii() and m.group().isalpha():
            continue  # 上報 UP MEDIA ｜ 評論: the outlet's name in Latin letters after its own
        cut = pat.column_label_at(m.group())  # 聯合報／社論: the outlet, then its column
        slash = re.match(r"[^／/]+(?=[／/])", m.group())
        if not cut and slash is not None and pat.is_publication(slash.group()):
            cut = slash.end()  # 中央社／台北: the agency, then where it reports from
        names.append((m.start(), m.start() + cut) if cut else m.span())
    return names, bool(names) and len(names) <= 2 and (bool(extras) or len(names) == 1)


def publication_spans(line: str) -> list[tuple[int, int]]:
    """Offsets of the outlet's name(s) in a publication line (the whole line when it has no date
    or issue number; none when it is only a date: 發布日期：2025-08-28)."""
    if _DATE_LINE.match(line.strip()) or _ISSUE_LINE.match(line):
        return []  # a date line (or an issue's number: 第 47 期) names no outlet, whatever its label or clock leaves (時間：…上午9時)
    stripped = line.strip()
    if not stripped:
        return []
    a = line.index(stripped)
    pat = layout_patterns()
    m = _DATE_THEN_PLACE.match(stripped)
    if m is not None and _DATE_LINE.match(m.group(1)) \
            and not any(pat.is_publication(w) for w in re.split(r"[／/]", stripped[m.end(1):].strip())):
        return []  # 2025年7月2日 華盛頓: where the story was filed, no outlet
    parts = re.findall(r"[^\s｜|＞>›»]+", stripped)
    if len(parts) > 1 and not pat.is_publication(stripped) \
            and (pat.is_publication(parts[0]) or pat.is_publication(_LATIN_TAIL.sub("", parts[0]) or "-")
                 or _SITE_DOMAIN.match(parts[0])) \
            and (re.search(r"[＞>›»]", stripped)  # (a breadcrumb's sections: nippon.com 中文版 > 政治外交 > 安全保障)
                 or all(_traditional(p) in pat.column_labels or not _PUBLICATION_EXTRAS.sub("", p).strip() for p in parts[1:])):
        # 明報新聞網 即時新聞 港聞, 澳門日報 A02版｜澳聞: the outlet, then its sections and page (not 遠景基金會
        # 政策評論, an institute and its series)
        return [(a, a + len(parts[0]))]
    names, dated = _publication_names(line)
    if dated:
        return names
    cut = pat.column_label_at(stripped)  # 經濟日報社論: the outlet, then its column
    return [(a, a + (cut or len(stripped)))]


def publication_name(line: str) -> str:
    """The name in a publication line: '聯合早報 2026年11月25日' → '聯合早報', '國防安全雙週報 第 98 期'
    → '國防安全雙週報'; a line without a date or issue number is all name."""
    return " ".join(line[a:b] for a, b in publication_spans(line))


def _publication_line(t: str, pat: LayoutPatterns) -> bool:
    """'風傳媒', '風傳媒 2025-03-01 10:20', '自由時報 2025年3月1日', '國防安全雙週報 第 98 期',
    '2025-04-08 09:12:33 来源：环球网' (any name after a source label), '天下雜誌｜產業・科技｜封面故事'
    (the outlet, then the sections the article is filed under, also after spaces: 明報新聞網 即時新聞 港聞;
    新頭殼newtalk ｜ 新頭殼觀點, its Latin name after it)."""
    if _JOURNAL_ISSUE.match(t) or _RUNNING_HEADER.match(t):
        # 問題與研究　第64卷　第4期（2025年12月），1-38頁: a journal's issue and the paper's pages;
        # 国际问题研究 2025年第5期: its name and issue atop the paper
        return True
    if pat.is_publication(t.strip()):
        return True  # BBC News 中文: a known outlet whose name has spaces in it
    head = _LATIN_TAIL.sub("", t.strip())
    if head != t.strip() and (pat.is_publication(head) or re.fullmatch(r"[\u4e00-\u9fff]{2,12}", head)
                              and len(t.strip()) - len(head) >= 12 and "的" not in head):
        return True  # 國防部 Ministry of National Defense, R.O.C.: the issuer and its English name
    tail = re.sub(r"^[A-Za-z][A-Za-z .&'\-]{1,30}\s+(?=[\u4e00-\u9fff])", "", t.strip())
    if tail != t.strip() and pat.is_publication(tail):
        return True  # Taiwan News 台灣英文新聞: the English name first
    parts = re.split(r"\s*[｜|＞>›»]\s*", t.strip())
    if len(parts) >= 2 and " " in parts[0] and all(_traditional(w) in pat.column_labels for w in parts[0].split()[1:]):
        parts = parts[0].split() + parts[1:]  # 南華早報 中文版 ｜ 中國 > 外交, 美國之音 粵語 ｜ 港澳: the edition, then sections
    if len(parts) == 1 and not pat.match_byline(t.strip().split(maxsplit=1)[-1]) \
            and not any(len(p) == 3 and _starts_with_surname(p) for p in t.split()[1:]):
        parts = t.split()  # 明報新聞網 即時新聞 港聞: the sections after spaces (not 美國之音 記者 周文浩, 中央社 王小明)
    if len(parts) >= 2 and (pat.is_publication(parts[0]) or pat.is_publication(_LATIN_TAIL.sub("", parts[0]) or "-")
                            or _SITE_DOMAIN.search(parts[0])) \
            and all(p and (len(_PUBLICATION_EXTRAS.sub("", p).strip()) <= 8 or _LATIN_OUTLET.fullmatch(p))
                    and not re.search(r"[，,。：:！？「」]", _PUBLICATION_EXTRAS.sub("", p))
                    and not (pat.match_byline(p) and (" " in p or len(p) > 5 or "／" in p or "/" in p))  # (文／林奕榮)
                    and not (len(p) == 3 and _starts_with_surname(p)) for p in parts[1:]):
        # (經濟日報｜產業．財經 A3版: with its page; 報導者 The Reporter ｜ 深度報導: a section, not a reporter's credit)
        return True
    names, dated = _publication_names(t)
    if len(names) == 2 and not dated and all(pat.is_publication(t[a:b]) for a, b in names):
        return True  # 國防安全研究院  國防安全即時評析: the institute and its series
    return dated and any(pat.is_publication(t[a:b]) or _SOURCE_LABEL.search(t, 0, a) for a, b in names) and \
        all(b - a <= 16 and not pat.match_byline(t[a:b]) for a, b in names)


#: a journal's name and issue, as a page's running header repeats it: 国际问题研究 2025年第3期,
#: 問題與研究 第64卷第4期
_RUNNING_HEADER = rx.compile(r"^[\u4e00-\u9fff]{2,16}[ \t\u3000]*(?:(?:19|20)\d\d\s*年\s*)?第\s*\d{1,4}\s*[卷期](?:\s*第\s*\d{1,3}\s*期)?"
                             r"(?:\s*[（(][^）)]{1,16}[）)])?\s*$")
#: a journal's name, its volume and issue, and the paper's pages
_JOURNAL_ISSUE = rx.compile(r"^[\u4e00-\u9fff]{2,16}[ \t\u3000]*第\s*\d{1,4}\s*卷[ \t\u3000]*第\s*\d{1,3}\s*期.{0,20}?"
                            r"(?:\d{1,4}\s*[-–~～]\s*\d{1,4}\s*頁|頁\s*\d{1,4}\s*[-–~～]\s*\d{1,4})\s*$")
#: a site's name that is its domain (nippon.com 中文版)
_SITE_DOMAIN = rx.compile(r"^[A-Za-z0-9][\w\-]*\.(?:com|net|org|tw|hk|jp|kr|cn|sg|co|io|news)\b")
#: an outlet's Latin name after its Chinese one (新頭殼newtalk)
_LATIN_TAIL = rx.compile(r"(?<=[\u4e00-\u9fff])\s*[A-Za-z][A-Za-z .,'&()]{1,60}$")
_SOURCE_LABEL = rx.compile(r"(?:來源|来源|出處|出处)\s*[：:]\s*$")


def _publication_then_byline(t: str, pat: LayoutPatterns) -> list[_Piece] | None:
    """A publication line or a date line followed, on the same line, by a labelled byline, or by a
    reporter's credit after a slash (2025-11-25 10:42 聯合新聞網／ 東京特派員蔡佩芳／即時報導)."""
    for m in pat.labels_after_space(t):
        left, right = t[: m.start()].rstrip(), t[m.end():]
        if not left or not (pat.match_byline(right) or pat.match_dateline(right)):
            continue  # 文／李明哲, or a reporter's dateline: 聯合報 記者王小明／台北即時報導
        if _publication_line(left, pat) or _DATE_LINE.match(left):
            return [_Piece("publication", left, gap=t[len(left): m.end()]), *_byline_pieces(right, pat)]
    for m in re.finditer(r"[／/]", t):
        left, right = t[: m.start()].rstrip(), t[m.end():].strip()
        if left and _REPORTER_CREDIT.match(_traditional(right)) and _publication_line(left, pat):
            return [_Piece("publication", left, gap=t[len(left): len(t) - len(right)]), _Piece("byline", right)]
    return None


#: a reporter's credit: where the reporter is and who (東京特派員蔡佩芳), then 報導 after a slash or
#: the place (美國之音記者李逸華華盛頓報導)
_REPORTER_CREDIT = rx.compile(r"^[\u4e00-\u9fff]{0,8}(?:記者|特派員|特約記者|駐站記者)\s*[\u4e00-\u9fff]{2,4}\s*"
                              r"(?:[／/]\s*[\u4e00-\u9fff]{0,6}|[\u4e00-\u9fff]{0,6})(?:即時報導|綜合報導|報導|報道|專電)$")


#: a reporter's credit in brackets closing a report (（記者 陳嘉欣）, （本報記者陳嘉欣／香港報導）)
_BRACKETED_REPORTER = rx.compile(r"^[（(]\s*(?:本報|本台)?(?:記者(?!會)|特派員|特約記者)\s*[\u4e00-\u9fff]{2,4}"
                                 r"(?:\s*[／/、]\s*[\u4e00-\u9fff]{0,6}(?:報導|報道|專電|綜合報導)?)?\s*[）)]$")


def _front_before_title(b: Block, i: int, pat: LayoutPatterns) -> list[_Piece]:
    t = b.text
    if b.heading_level == _META_PUBLICATION:
        return [_Piece("publication", t)]
    if b.heading_level == _META_BYLINE:
        return _byline_pieces(t, pat)
    if pat.is_caption(t):
        return [_Piece("caption", t)]
    if pat.is_inline_note(t) or _sections_only(t, pat):
        return [_Piece("note", t)]  # a web page's breadcrumb (首頁 > 國際 > 亞太), share buttons, its sections
    if pat.is_note(t) and not _ENDS_SENTENCE.search(t) and len(t) <= 80:
        return [_Piece("note", t)]  # 本文原載於作者電子報「印太觀察筆記」，經授權轉載 atop the title
    if _section_label(t, pat):
        return [_Piece("heading", t)]  # 摘要 above a paper's abstract
    if (pieces := _publication_then_name(t, pat)) is not None:
        return pieces
    if _is_short(b) and _name_then_affiliation(t, pat) and _starts_with_surname(t):
        return _byline_pieces(t, pat)  # a post's writer atop it: 葉家豪 立法委員
    if _publication_line(t, pat) or (i == 0 and _is_short(b) and not _SENTENCE_PUNCT.search(t) and len(t) <= 12) \
            or _site_header(t, pat) or (i > 0 and len(t) <= 40 and _LATIN_NAME_LINE.fullmatch(t)) \
            or (i == 1 and _LATIN_WORDS_LINE.fullmatch(t)):  # 美國在台協會 / American Institute in Taiwan
        return [_Piece("publication", t)]
    if _is_date_line(t):
        return [_Piece("publication", t)]  # a date line: when it was published
    if pat.match_dateline(t) or pat.match_byline(t):
        return _byline_pieces(t, pat)
    if i > 0 and _is_short(b) and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", t) and _starts_with_surname(t) \
            and not pat.is_publication(t):
        return [_Piece("byline", t)]  # 鍾嘉琪 alone under the date, above the headline: the writer
    return _publication_then_byline(t, pat) or _name_then_publication(t, pat) or [_Piece("lead", t)]


_BRACKETED_TAIL = rx.compile(r"\s*[（(]([^（）()]{2,40})[）)]\s*$")


def _front_after_title(b: Block, prev_kind: str, pat: LayoutPatterns) -> list[_Piece] | None:
    """Kind of a block between the title and the body, or None where the body begins."""
    t = b.text
    if b.heading_level == _META_BYLINE:
        return _byline_pieces(t, pat)
    if b.heading_level == _META_PUBLICATION:
        return [_Piece("publication", t)]
    if pat.heading_marker(t) and not (pat.match_byline(t) and _is_short(b)):
        mark = next((m for p in pat.heading_markers if (m := p.match(t))), None)
        rest = t[mark.end():].strip() if mark else t
        tail = _BRACKETED_TAIL.search(rest)
        name = rest[: tail.start()] if tail and _looks_like_affiliation_line(tail.group(1), pat) else rest
        if prev_kind == "title" and mark and _NAME_LIST.match(name) and _starts_with_surname(name):
            return [_Piece("byline", t)]  # ■ 吳明杰, ■ 張文彥（政治大學…助理研究員） right under the title: the writer
        return None  # 壹、前言: the body's first heading (◎ 蘇紫雲 is a byline)
    if pat.is_caption(t) and len(t) <= 200:
        return [_Piece("caption", t)]
    if _HEADLINE_AGAIN.match(t):
        return [_Piece("note", t)]  # 題：…: the headline again
    if (m := _OUTLET_HEADLINE_CREDIT.match(t)) is not None:
        # 中評社╱題：…　作者：中評社記者 鄭文博: the agency, its headline again, then the writer
        pieces = [_Piece("publication", m.group("outlet"), gap=t[m.end("outlet"):m.start("head")]), _Piece("note", m.group("head"))]
        if m.group("credit"):
            pieces[-1].gap = t[m.end("head"):m.start("credit")]
            pieces += _byline_pieces(m.group("credit"), pat)
        return pieces
    if _is_short(b) and not _SENTENCE_PUNCT.search(t) and pat.is_note(t) and not pat.is_link_list(t):
        return [_Piece("note", t)]  # a credit among the bylines: 責任編輯｜楊惠君
    if pat.match_dateline(t):
        m = pat.match_dateline(t)
        rest = t[m.end():]
        if _HEADLINE_AGAIN.match(rest.strip()):  # 新華社北京7月15日電　題：…: the headline again
            return [_Piece("byline", t[: m.end()], gap=rest[: len(rest) - len(rest.lstrip())]), _Piece("note", rest.strip())]
        if rest.strip():
            return None  # a dateline that opens the first paragraph: the body starts here
        return [_Piece("byline", t)]
    if _section_label(t, pat):
        return None  # 摘要 above a paper's abstract: the body's first heading
    if pat.match_lead(t):
        return [_Piece("lead", t)]
    if _is_short(b) and _REPORTER_CREDIT.match(_traditional(t)):
        return [_Piece("byline", t)]  # 自由亚洲电台记者王允报道 under the title
    if prev_kind == "title" and _LATIN_TITLE.fullmatch(t) and not pat.match_byline(t) and not pat.is_publication(t.strip()):
        # (BBC News 中文: an outlet, though Latin words open it)
        return [_Piece("lead", t)]  # the title in English, under the Chinese one
    if not _is_short(b):
        return None
    if (pieces := _name_then_publication(t, pat) or _publication_then_name(t, pat)) is not None:
        return pieces
    if prev_kind == "byline" and _looks_like_affiliation_line(t, pat) and not _YEAR.search(t):
        return [_Piece("affiliation", t)]  # 吳明杰 / 國防安全研究院: the writer's, though it publishes too
    if _name_then_date(t, pat):
        return _byline_pieces(t, pat)  # 黃柏鈞 2025-11-24 07:00:00: the writer, then when
    if (pieces := _outlet_name_date(t, pat)) is not None:
        return pieces  # 新頭殼newtalk | 林思妤 | 發布 2025.11.24 | 13:30
    if _publication_line(t, pat):
        return [_Piece("publication", t)]
    if (pieces := _publication_then_byline(t, pat)) is not None:
        return pieces
    if _is_date_line(t) or (m := _DATE_THEN_SECTIONS.match(t)) and _is_date_line(m.group(1)):
        return [_Piece("publication", t)]  # a date line: when it was published (2025/11/27, 政治, 評論: and where filed)
    if prev_kind == "publication" and _PLACE_LINE.fullmatch(t) and _traditional(t) not in pat.column_labels:
        return [_Piece("byline", t)]  # 2025/11/29 05:30 / 東京: where it was written, under the date
    if (pieces := _date_then_credits(t, pat)) is not None:
        return pieces  # 2025年11月3日 | 作者：鄭嘉明; 發表於 2025年12月2日 ｜ 作者：何承恩 ｜ 分類：… ｜ 標籤：…
    first = re.split(r"\s*[｜|]\s*", t, maxsplit=1)[0]
    if first != t and pat.match_byline(first) and _NAME_LIST.match(first[pat.match_byline(first).end():].strip()):
        return _byline_pieces(t, pat)  # 作者 許承霖 | 風傳媒 | 發布於 2025-11-21 07:00
    if pat.match_byline(t) or (_NAME_LIST.match(t) and (len(t) > 2 or _starts_with_surname(t))) or _MARKED_NAMES.match(t) \
            or _name_then_affiliation(t, pat) or _SENT_FROM.match(t) or _NAME_WITH_LATIN.match(t) and _starts_with_surname(t):
        return _byline_pieces(t, pat)  # (評論, 打印 under a headline: buttons, no name)
    if prev_kind == "publication" and _LATIN_NAME_LINE.fullmatch(t):
        return [_Piece("publication", t)]  # 端傳媒 / Initium Media: the outlet's English name
    if prev_kind == "byline" and _LATIN_NAMES.fullmatch(t):
        return [_Piece("byline", t)]  # 張文彥＊　　李佩珊＊＊ / Wen-Yen Chang　　Pei-Shan Lee: the names in English
    if (m := _affiliation_then_name(t, pat)) is not None:  # 助理研究員 張育瑋
        return [_Piece("affiliation", m.group("aff"), gap=t[m.end("aff"):m.start("name")]), _Piece("byline", m.group("name"))]
    if prev_kind in ("byline", "affiliation", "publication") and not _SENTENCE_PUNCT.search(t) and (
        prev_kind == "byline" or _looks_like_affiliation_line(t, pat)
    ):
        return [_Piece("affiliation", t)]
    if prev_kind == "title" and not _SENTENCE_PUNCT.search(t) and not _ENDS_SENTENCE.search(t):
        return [_Piece("lead", t)]  # a subtitle / deck line
    return None


def _outlet_name_date(t: str, pat: LayoutPatterns) -> list[_Piece] | None:
    """'新頭殼newtalk | 林思妤 | 發布 2025.11.24 | 13:30': the outlet, the writer, then when, between
    bars: a publication line, a byline and the date (a publication line again)."""
    segs = [m for m in re.finditer(r"[^｜|]+", t) if m.group().strip()]
    if len(segs) < 3:
        return None
    spans = [(m.start() + len(m.group()) - len(m.group().lstrip()), m.end() - len(m.group()) + len(m.group().rstrip())) for m in segs]
    outlet, name = t[spans[0][0]:spans[0][1]], t[spans[1][0]:spans[1][1]]
    when = t[spans[2][0]:spans[-1][1]]
    if not (pat.is_publication(outlet) or pat.is_publication(_LATIN_TAIL.sub("", outlet) or "-")) \
            or not (re.fullmatch(r"[\u4e00-\u9fff]{2,4}", name) and _starts_with_surname(name)) \
            or not _is_date_line(re.sub(r"\s*[｜|]\s*", " ", when)):
        return None
    return [_Piece("publication", outlet, gap=t[spans[0][1]:spans[1][0]]), _Piece("byline", name, gap=t[spans[1][1]:spans[2][0]]),
            _Piece("publication", when)]


def _date_then_credits(t: str, pat: LayoutPatterns) -> list[_Piece] | None:
    """A line of fields a bar apart that opens with the date and names the writer (2025年11月3日 |
    作者：鄭嘉明, a blog's 發表於 … ｜ 作者：… ｜ 分類：… ｜ 標籤：…): the date, the byline, and the other
    fields as notes; None for any other line."""
    cells = [m for m in re.finditer(r"[^｜|]+", t) if m.group().strip()]
    if len(cells) < 2 or not _is_date_line(cells[0].group().strip()):
        return None
    kinds = ["publication"]
    for m in cells[1:]:
        cell = m.group().strip()
        label = pat.match_byline(cell)
        kinds.append("byline" if label is not None and _NAME_LIST.match(cell[label.end():].strip()) else "note")
    if "byline" not in kinds:
        return None
    pieces = []
    for k, (m, kind) in enumerate(zip(cells, kinds)):
        a = m.start() + len(m.group()) - len(m.group().lstrip())
        b = m.start() + len(m.group().rstrip())
        nxt = cells[k + 1].start() + len(cells[k + 1].group()) - len(cells[k + 1].group().lstrip()) if k + 1 < len(cells) else b
        pieces.append(_Piece(kind, t[a:b], gap=t[b:nxt]))
    return pieces


def _standfirst(blocks: list[Block], i: int, pat: LayoutPatterns) -> bool:
    """Is the paragraph at ``i``, right under the title, a standfirst: a short paragraph followed by
    the writers' credits or the date line (a magazine's deck: title / 川習釜山會後，…自處？ / 文字：陳怡婷
    ｜攝影：黃鼎翔 / 2025-11-18　天下雜誌)?"""
    if i + 1 >= len(blocks) or len(blocks[i].text) > 200 or pat.heading_marker(blocks[i].text):
        return False
    after = _front_after_title(blocks[i + 1], "lead", pat)
    return after is not None and after[0].kind in ("byline", "publication")


def _name_then_date(t: str, pat: LayoutPatterns) -> bool:
    """'黃柏鈞 2025-11-24 07:00:00', '許立衡｜2025年12月14日｜閱讀時間約 8 分鐘': a writer's name (not an
    outlet's), a space or a bar, then a date line."""
    m = re.match(rf"^(?P<name>{_NAME})(?:\s*[｜|]\s*|\s+)(?P<date>\S.*)$", t)
    return m is not None and _DATE_LINE.match(m.group("date")) is not None and _starts_with_surname(m.group("name")) \
        and not pat.is_publication(m.group("name")) and not _publication_line(m.group("name"), pat)


def _looks_like_affiliation_line(t: str, pat: LayoutPatterns) -> bool:
    # a colon makes a headline (專訪前國安會秘書長：台灣必須…), not a job title
    # and a quotation makes a headline (總統接見「美國聯邦參議院軍事委員會」訪團)
    # and so do two phrases a space sets apart (美眾院聽證會聚焦對台軍售積壓 跨黨派議員促加速交付)
    return len(t) <= 25 and not _SENTENCE_PUNCT.search(t) and "：" not in t and not _QUOTES.search(t) \
        and not _TWO_PART_HEADLINE.search(t) and pat.is_affiliation(t)


#: an outlet's name in Latin letters, maybe with its edition (Korea JoongAng Daily 中文版)
_LATIN_OUTLET = rx.compile(r"[A-Za-z][A-Za-z .'&\-]{2,40}(?:\s*中文[版網网]?)?")
#: a headline's kicker, a short exclamation before it (共艦又來！)
_KICKER = rx.compile(r"^[^。！？!?「」]{2,8}[！!]")
_TWO_PART_HEADLINE = rx.compile(r"[\u4e00-\u9fff]{6,}[ \u3000]+[\u4e00-\u9fff]{6,}")


def _name_then_publication(t: str, pat: LayoutPatterns) -> list[_Piece] | None:
    """'張志豪／經濟日報社論', '王小明／聯合報': a writer, then the outlet (with its column)."""
    m = re.match(rf"^(?P<name>{_NAME})\s*[／/╱]\s*(?P<pub>\S{{2,20}})$", t)
    if m is None:
        return None
    pub = m.group("pub")
    if not (pat.is_publication(pub) or pat.column_label_at(pub)):
        return None
    return [_Piece("byline", t[: m.end("name")], gap=t[m.end("name"): m.start("pub")]), _Piece("publication", pub)]


def _publication_then_name(t: str, pat: LayoutPatterns) -> list[_Piece] | None:
    """'聯合報／陳煥中', '2025-11-29 03:30 聯合報／ 陳煥中', '2025-11-29 聯合報 陳煥中': the outlet (after
    its date), then the writer, whose name starts with a surname (聯合報 國際 is a section); or the
    outlet, a slash, a writer's pen name and the date (yam蕃薯藤新聞/凱爺 2024.12.04 09:00)."""
    dated = re.match(rf"^(?P<pub>\S.{{1,40}}?)\s*[／/╱]\s*(?P<name>[{_HAN}]{{2,4}})(?P<gap>\s+)(?P<date>\S.*)$", t)
    if dated and _DATE_LINE.match(dated.group("date")) \
            and (pat.is_publication(dated.group("pub")) or _publication_line(dated.group("pub"), pat)):
        return [_Piece("publication", dated.group("pub"), gap=t[dated.end("pub"): dated.start("name")]),
                _Piece("byline", dated.group("name"), gap=dated.group("gap")), _Piece("publication", dated.group("date"))]
    m = re.match(rf"^(?P<pub>\S.{{1,40}}?)\s*(?:[／/╱]\s*|\s+)(?P<name>{_NAME})(?P<note>\s*[（(][^（）()]{{1,20}}[）)])?$", t)
    if m is None or pat.labels_after_space(t):
        return None  # 上報 文／黃子軒: a labelled byline (_publication_then_byline)
    pub, name = m.group("pub"), m.group("name")
    if name.isascii() and not t[m.end("pub"): m.start("name")].strip():
        return None  # 端傳媒 Initium Media: the outlet's English name
    if not (pat.is_publication(pub) or _publication_line(pub, pat)) or not _starts_with_surname(name) \
            or pat.is_publication(name) or pat.column_label_at(t) is not None or pat.is_affiliation(name):
        return None
    return [_Piece("publication", pub, gap=t[m.end("pub"): m.start("name")]), _Piece("byline", t[m.start("name"):])]  # (王志遠（台北市）: a reader and their city)


def _name_then_affiliation(t: str, pat: LayoutPatterns) -> re.Match | None:
    """'宋鎮照／成功大學政治系教授', '李明峻 新台灣國策智庫研發長', '王小明（中研院研究員）'."""
    m = re.match(rf"^(?P<name>{_NAME})\s*(?:{pat.name_affiliation_separator.pattern}|\s)\s*(?P<aff>\S.{{1,60}})$", t)
    if m and pat.is_affiliation(m.group("aff")):
        return m
    m = _PAREN_AFFILIATION.match(t)
    if m and _NAME_LIST.match(m.group("name")) and pat.is_affiliation(m.group("aff")):
        return m
    return None


def _affiliation_then_name(t: str, pat: LayoutPatterns) -> re.Match | None:
    """'助理研究員 張育瑋', '政治大學外交系教授 林大明': a job title, a space, a Chinese name."""
    m = re.match(rf"^(?P<aff>\S.{{1,40}}?)\s+(?P<name>[{_HAN}]{{2,4}})$", t)
    if m and pat.is_affiliation(m.group("aff")) and not pat.is_affiliation(m.group("name")):
        return m
    return None


def _byline_pieces(t: str, pat: LayoutPatterns) -> list[_Piece]:
    """A byline line, split into name and affiliation where it carries both, and from the date
    after them (文／張郁雯（獨立研究者） 2025年11月26日)."""
    for m in re.finditer(r"\s*[｜|]\s*|\s+", t):
        if m.start() and _DATE_LINE.match(t[m.end():]):
            head = _byline_pieces(t[: m.start()], pat)
            head[-1].gap += m.group()
            return [*head, _Piece("publication", t[m.end():])]
        # 文／王曉涵　｜　天下雜誌 第837期 (a date after it is split off at the next bar, above)
        if m.start() and m.group().strip() and _publication_line(t[m.end():], pat):
            head = _byline_pieces(t[: m.start()], pat)
            head[-1].gap += m.group()
            return [*head, _Piece("publication", t[m.end():])]
    label = pat.match_byline(t)
    body = t[label.end():] if label else t
    if (mark := _PROFILE_MARK.search(t)) is not None and mark.start():
        return [_Piece("byline", t[: mark.start()], gap=mark.group())]  # 佐野達也 【Profile】: a link to the writer's profile
    m = _name_then_affiliation(body.strip(), pat)
    if m is None:
        return [_Piece("byline", t)]
    prefix = t[: len(t) - len(body.strip()) - (len(body) - len(body.rstrip()))]  # label incl. spaces
    name_end = len(prefix) + m.end("name")
    aff_start = len(prefix) + m.start("aff")
    aff_end = len(prefix) + m.end("aff")
    return [
        _Piece("byline", t[:name_end], gap=t[name_end:aff_start]),
        _Piece("affiliation", t[aff_start:aff_end], gap=t[aff_end:]),
    ]


_PROFILE_MARK = rx.compile(r"\s*【Profile】\s*$")
#: an emoji opening or closing a line: a post's line (👇, ✅ 召開公聽會), no heading
_EMOJI_EDGE = rx.compile(f"^\\s*{EMOJI}|{EMOJI}{EMOJI_TAIL}\\s*$")


def _is_heading(b: Block, pat: LayoutPatterns) -> bool:
    t = b.text
    if b.heading_level > 0:
        return True
    if _BULLET.match(t):
        return False  # － 已付款但尚未交貨的軍購案件，應列表…: an item of a list, prose
    if _EMOJI_EDGE.search(t):
        return False
    if pat.heading_marker(t) and len(t) <= 60 and not _ENDS_SENTENCE.search(t):
        return True
    if pat.heading_marker(t) and len(t) <= 40 and t.rstrip()[-1:] in ("？", "?") and len(_SENTENCE_PUNCT.findall(t)) == 1:
        return True  # 一、什麼是「戰略模糊」？: a numbered heading that asks
    return (
        b.lines == 1
        and _is_short(b)
        and 2 <= len(t) <= 40
        and not _ENDS_SENTENCE.search(t)
        and not _SENTENCE_PUNCT.search(t)
    )
