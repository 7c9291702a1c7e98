"""Clean-up of extracted text: drop page furniture, re-join wrapped lines, recover paragraphs.

Text extracted from PDFs arrives as fixed-width lines, often with a blank line after every line,
page numbers and running headers between pages, and paragraph ends that show only as a short line,
a trailing space or an indent.  :func:`clean_blocks` turns it into :class:`Block` s — paragraphs and
stand-alone lines (titles, bylines, headings, captions) — without guessing what they are; that is
:mod:`pipeline.structure`'s job.

Spacing policy (the same for every document): lines are re-joined without a space between two
Chinese characters (or Chinese punctuation); where a line break separates Chinese from Latin
letters or digits, one space is inserted if the document itself spaces them (``於 2012 年``) and
none if it does not (``於2012年``); runs of spaces collapse to one; spaces between two Chinese
characters inside a paragraph are removed as extraction artefacts.
"""

from __future__ import annotations

import itertools
import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from . import rx
from .patterns import layout_patterns

_TERMINAL = rx.compile(r"(?:[。！？!?]|……|\.\.\.|[^\W\d_]{2,}\.|\d\.)[」』”’）)〕】》\"']*$")
_PAGE_NUMBER = rx.compile(
    r"^(?:[-–—－]\s*\d{1,4}\s*[-–—－]|\d{1,4}|第\s*\d{1,4}\s*頁|\d{1,4}\s*/\s*\d{1,4}|page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|p\.\s*\d{1,4})$",
    re.IGNORECASE,
)
#: Han characters (CJK Extension A, Unified Ideographs, Compatibility Ideographs), for character classes.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK = r"\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u31a0-\u31bf\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6"
_CJK_CHAR = rx.compile(f"[{_CJK}]")
_ALNUM = rx.compile(r"[A-Za-z0-9]")
_SPACE_BETWEEN_CJK = rx.compile(f"(?<=[{_CJK}]) +(?=[{_CJK}])")
_WIDE_GAP = rx.compile(f"(?<=[{_CJK}])[ \t]*(?:\u3000|[ \t]{{2}})[ \t\u3000]*(?=[{_CJK}])")
_SPACED_MIXED = rx.compile(f"[{_CJK}] [A-Za-z0-9]|[A-Za-z0-9%] [{_CJK}]")
_TIGHT_MIXED = rx.compile("[\u4e00-\u9fff][A-Za-z0-9]|[A-Za-z0-9%][\u4e00-\u9fff]")
_INNER_SPACES = rx.compile(r"[ \t\u00a0\u3000]+")
# a name or title set letter-spaced in a PDF: "張 育 瑋" (single characters, one space apart)
_CJK_INK = _CJK.replace("\\u3000-", "\\u3001-")  # (no ideographic space)
_LETTER_SPACED = rx.compile(f"(?<![{_CJK_INK}])[{_CJK_INK}](?:[ \u3000][{_CJK_INK}]){{1,5}}(?![{_CJK_INK}])")
# a record's field name set letter-spaced before its colon: 時　　間：…, 主　　席：…
_SPACED_FIELD = rx.compile(r"^[\u4e00-\u9fff](?:[ \u3000][\u4e00-\u9fff]){1,3}(?=[ \u3000]?[：:])")
# a running footer or header with its page number at the far end: "國防安全雙週報        7", or in
# the middle of three columns: "國防安全研究院        1        2025 年 9 月 19 日"
_FOOTER_WITH_NUMBER = rx.compile(r"^(?:\S.{0,28}?[ \t\u3000]{3,}\d{1,4}|\d{1,4}[ \t\u3000]{3,}\S.{0,28}"
                                 r"|\S.{0,28}?[ \t\u3000]{3,}\d{1,4}[ \t\u3000]{3,}\S.{0,28})$")
# a running header with its page number, one space apart: 62　國際關係學報 第58期, …比較分析　63
_HEADER_WITH_NUMBER = rx.compile(r"^(?:(?P<a>\d{1,4})[ \t\u3000]+\S.{0,40}|\S.{0,40}?[ \t\u3000]+(?P<b>\d{1,4}))$")


@dataclass
class Block:
    """A paragraph or stand-alone line of the cleaned article."""

    text: str
    lines: int = 1  # source lines joined into this block
    standalone: bool = False  # a short line that was not joined to its neighbours
    heading_level: int = 0  # from the source format (Markdown '#'); 0 when unknown
    footnote: bool = False  # a numbered note whose marker stands in the body (see _footnotes)


@dataclass
class _Line:
    text: str
    trailing_ws: bool
    indent: bool
    break_before: bool  # a hard paragraph break precedes this line
    width: int = 0
    terminal: bool = False  # ends with sentence-final punctuation
    note: bool = False  # a footnote moved after the text
    chars: int = 0  # characters on the line, its indent included
    gap: int = 0  # blank lines before it


_WIDE = rx.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]"
)


def display_width(text: str) -> int:
    """Columns the text takes in a fixed-width layout: East Asian wide characters count two."""
    return len(text) + len(_WIDE.findall(text))


def is_cjk(ch: str) -> bool:
    return bool(_CJK_CHAR.match(ch))


def tidy_spaces(text: str, keep_wide: bool = False) -> str:
    """Collapse space runs and drop spaces between two CJK characters (extraction artefacts).
    With ``keep_wide``, a wide gap (an ideographic space or two spaces and more) between two CJK
    characters stays as one space: it separates the items of a list or headline (出席委員：王定宇　陳永康,
    中日外交風暴延燒　北京再祭水產品禁令)."""
    if keep_wide:
        text = _WIDE_GAP.sub("\x00", text)
    text = _INNER_SPACES.sub(" ", text).strip()
    return _SPACE_BETWEEN_CJK.sub("", text).replace("\x00", " ")


_HALF_AFTER_HAN = rx.compile(r"(?<=[\u4e00-\u9fff」』）)”])(?:([,;:?!])[ \t]?(?=[ \t]*(?:[\u4e00-\u9fff「『“(（]|$))"
                             r"|(\.)(?:[ \t]+(?=[\u4e00-\u9fff「『“(（])|(?=[ \t]*(?:[」』”]|$))))", re.M)
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。"}
_HAN_IN_QUOTES = rx.compile(r'"([^"\n]*[\u4e00-\u9fff][^"\n]*)"')


def fullwidth_punctuation(text: str) -> str:
    """Chinese written with ASCII punctuation (中國,俄羅斯. 他說:"…") gets the full-width marks the
    rest of the pipeline reads: , ; : ? ! after a Chinese character, and . before a space, a closing
    quote or the end of the line (崔西.阿奇博爾德 is a name's separator), and straight double quotes
    around Chinese text become “ ” (“中國威脅論”).  Latin text and numbers (3.32) keep theirs, and
    so do brackets, which every stage reads in both widths."""
    if not (_HALF_AFTER_HAN.search(text) or '"' in text and _HAN_IN_QUOTES.search(text)):
        return text
    text = _HAN_IN_QUOTES.sub(r"“\1”", text)
    return _HALF_AFTER_HAN.sub(lambda m: _FULL[m.group(1) or m.group(2)], text)


def clean_blocks(text: str, headings: dict[str, int] | None = None) -> list[Block]:
    """Split article text into paragraphs and stand-alone lines.  ``text`` may contain form feeds
    between PDF pages.  ``headings`` maps lines the source format marks as headings to a level."""
    headings = headings or {}
    lines = _drop_page_furniture(fullwidth_punctuation(text))
    if not lines:
        return []
    parsed = _parse_lines(lines)
    if not parsed:
        return []
    patterns = layout_patterns()
    text_lines = [ln for ln in parsed if not ln.note]  # (footnotes were joined up already)
    if _wrapped_by_characters(text_lines):
        for ln in parsed:  # a line's width is then its characters, counted as wide ones
            ln.width = 2 * ln.chars
    wrapped, width = _wrapped_width(text_lines)
    spaced = _uses_spaces_around_latin(text_lines)
    trailing_signal = wrapped and _trailing_space_is_signal(text_lines, width)

    # Paragraphs marked by an indent (　　…) in text not wrapped at a fixed width: a line without
    # one after an indented paragraph's unfinished line goes on with it (a paragraph a PDF broke in
    # an otherwise one-paragraph-per-line text: …北韓可能 / 在朝鮮半島製造緊張…)
    indented = not wrapped and sum(1 for ln in text_lines if ln.indent and ln.width >= 20) >= 3
    # Paragraphs marked by blank lines, likewise: two lines with none between them, the first a long
    # one stopping mid-sentence, are one paragraph (…美國總統川普 / 在峰會上獲得他想要的承諾…)
    blank_separated = not wrapped and not indented and sum(1 for ln in text_lines if ln.gap) >= max(3, 0.6 * (len(text_lines) - 1))
    blocks: list[Block] = []
    current: list[_Line] = []

    def flush() -> None:
        if not current:
            return
        joined = current[0].text
        for prev, nxt in zip(current, current[1:]):
            # a Latin word the fixed-width wrapping cut (Kore|a, Agreeme|nt), where no space ended the line
            joined = _join(joined, nxt.text, spaced, wrapped and not prev.trailing_ws)
        standalone = len(current) == 1 and (not wrapped or current[0].width < 0.8 * width)
        level = headings.get(" ".join(joined.split()), 0)
        # a wide gap between two CJK characters separates list items (王定宇　陳永康): one U+3000
        joined = _INNER_SPACES.sub(" ", _WIDE_GAP.sub("\x00", joined)).strip().replace("\x00", "\u3000")
        joined = _SPACED_FIELD.sub(lambda m: re.sub(r"[ \u3000]", "", m.group()), joined)  # 時　　間：
        if len(current) == 1 and (" " in joined or "\u3000" in joined):
            joined = _LETTER_SPACED.sub(lambda m: re.sub("[ \u3000]", "", m.group()), joined)
        blocks.append(Block(text=joined, lines=len(current), standalone=standalone, heading_level=level,
                            footnote=current[0].note))
        current.clear()

    front = True  # no sentence has ended yet: title, byline and affiliation lines
    for i, line in enumerate(parsed):
        if current and (line.break_before or line.note or current[-1].note or not wrapped or _ends_paragraph(current[-1], line, width, trailing_signal, patterns, front)) \
                and not (front and _dangling(current[-1], line, patterns)) \
                and not (indented and _continues_indented(current, line, patterns)) \
                and not (blank_separated and not front and _continues_unbroken(current[-1], parsed[i:], patterns)):
            flush()
        current.append(line)
        front = front and not line.terminal and not _SECTION_LABEL_LINE.match(line.text.strip())  # (摘要: an abstract follows)
    flush()
    return _footnotes(blocks)


def _continues_indented(current: list[_Line], line: _Line, patterns) -> bool:
    """In text whose paragraphs start with an indent: an unindented line after an indented
    paragraph's line that stops mid-sentence (no final or closing punctuation) continues it."""
    prev = current[-1]
    return (current[0].indent and not line.indent and not line.break_before and not prev.terminal
            and prev.width >= 20 and prev.text[-1:] not in "：:" and is_cjk(prev.text[-1:] or " ")
            and not patterns.block_start(line.text) and not patterns.heading_marker(line.text))


def _continues_unbroken(prev: _Line, rest: list[_Line], patterns) -> bool:
    """In text whose paragraphs are set apart by blank lines: a line right under a body line of 30
    characters or more that stops mid-sentence (no final or closing punctuation, no colon), with a
    comma or full stop in it, goes on with it when a sentence ends before the next blank line.
    Headings and captions are shorter or end otherwise; a list of headlines has no sentence."""
    line, end = rest[0], prev.text[-1:]
    run = [rest[0]] + list(itertools.takewhile(lambda ln: not ln.gap, rest[1:]))
    return (not line.gap and not prev.terminal and prev.width >= 60 and (is_cjk(end) or end in "，、；")
            and ("，" in prev.text or "。" in prev.text) and any(ln.terminal for ln in run)
            and end not in "：:" and not patterns.heading_marker(prev.text) and not patterns.is_caption(prev.text)
            and not patterns.block_start(line.text) and not patterns.heading_marker(line.text))


#: characters a title line cannot end with: the title goes on on the next line
#: (中國對菲律賓灰色地帶行動之 / 發展與影響; a main title and its subtitle: …之影響： / 以2015年新安保法制為中心)
_DANGLING = "之的與与及、：:"


def _dangling(prev: _Line, line: _Line, patterns) -> bool:
    """A front-matter line that breaks off after a function character or a colon, followed by a
    short line that is no date, byline, caption or heading: one title set on two lines."""
    end = prev.text[-1:]
    if (_LATIN_OPEN_END.search(prev.text) or prev.text[:1].isupper() and prev.text.isascii() and len(prev.text.split()) >= 3
            and _LATIN_COLON_START.match(line.text)) and line.text[:1].isascii() and line.text[:1].isalpha() \
            and not line.break_before and not line.terminal and len(line.text) <= 80:
        return True  # Transactional Hegemony and the Redistribution of Alliance / Burdens: …under / Trump's Second Term
    if is_cjk(end) and line.text[:1] in "「“『" and len(prev.text) >= 6 and not line.break_before and not line.terminal \
            and len(line.text) <= 20 and not patterns.block_start(line.text) and not patterns.heading_marker(line.text):
        return True  # 中美戰略競爭背景下的東盟 / 「大國平衡」外交: a title going on with a quoted term
    if is_cjk(end) and len(prev.text) >= 12 and not re.search(r"[\s\u3000\d]", prev.text.strip()) \
            and 3 <= len(line.text) <= 10 and not line.break_before and not line.terminal \
            and patterns.ends_like_a_title(line.text) and not patterns.ends_like_a_title(prev.text) \
            and not patterns.block_start(line.text) and not patterns.heading_marker(line.text):
        return True  # …生效對區域 / 安全的意涵: the title's last words on a line of their own
    return (end in _DANGLING and len(prev.text) >= 4 and not line.break_before and not line.terminal
            and len(line.text) <= 30 and not (_YEAR_MONTH if end in "：:" else _YEAR).search(line.text)
            and not patterns.block_start(line.text) and not patterns.heading_marker(line.text)
            and not (end in "：:" and patterns.block_start(prev.text))  # 作者： / 王小明 is a byline
            and not (end in "：:" and "，" in prev.text))  # 各位貴賓，大家好： opens a speech, no title


_YEAR = rx.compile(r"(?:19|20)\d\d")
#: an English title's line that cannot end it: a function word or a word in lower case after capitalised ones
_LATIN_OPEN_END = rx.compile(r"^[A-Z][\w'’\-:]*(?: [\w'’\-:,&]+){2,} (?:of|and|the|a|an|in|on|for|to|under|over|with|"
                             r"between|from|by|at|against|toward|towards|amid|after|before|beyond|versus|vs\.)$")
#: … or that goes on into a line whose first word ends a phrase with a colon (…of Alliance / Burdens: The …)
_LATIN_COLON_START = rx.compile(r"^[A-Z][a-z]+(?: [A-Za-z]+)?: [A-Z]")
_YEAR_MONTH = rx.compile(r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}(?!\d)")


# A numbered note: "1 “Philippine sailor …”, Reuters, 2024.", "註2：…", "[3] …"
_NOTE_LINE = rx.compile(r"^(?:[註注]\s*(\d{1,3})\s*[：:．.、]?\s*|[\[［](\d{1,3})[\]］]\s*|(\d{1,3})(?:\s+|[.．、]\s*)"
                        r"|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s*)(?=\S)")  # ¹ 〈南韓憲法法院…〉: a PDF's superscript kept
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# what a citation has: titles in marks, a year, pages, a link, an English source
_CITATION = rx.compile(r"[《〈“\"「]|(?:19|20)\d\d|[頁页]\s*\d|\bpp?\.\s*\d|https?://|\b(?:Reuters|AP|AFP|Bloomberg|Press|Journal|Times|Post|University)\b"
                       r"|^\S{1,6}\s*(?:同前[註注]|同上[註注]?|同[註注]\s*\d|前揭|[Ii]bid\b|[Oo]p\.\s*cit\b)")  # "[2] 同前註。"
# a note's marker in the body: digits right after a sentence's punctuation and before the next
# word (斷指。1此事件; with one space, 斷指。1 此事件, and the space goes with it; or at the end of the
# paragraph, 的計算。2), right after a word and before its punctuation (斷指1。), or in brackets
# anywhere (合作機制。[1]這些)
_MARKER_AFTER = ("(?<=[。！？；，」』”）)])({n})(?:(?=[\u4e00-\u9fff「『“（(])(?![年月號号時时點点分秒萬万億亿千百十個个位名人次項项條条家]|日(?!本))"
                 "| (?=[\u4e00-\u9fff「『“（(]|(?:19|20)\\d\\d)|(?=\\s*$))")
_MARKER_BEFORE = "(?<=[\u4e00-\u9fff」』”）)])(?<![第約约共近逾達达至到])({n})(?=[。！？；，、])"


def _footnotes(blocks: list[Block]) -> list[Block]:
    """Numbered notes whose numbers stand as markers in the text before them are notes; their
    markers are dropped from the body (the superscripts of a PDF, flattened: 斷指。1此事件 →
    斷指。此事件).  A numbered line without such a marker, or without a citation's marks, is text."""
    notes: dict[int, int] = {}  # note number -> block index
    for k, b in enumerate(blocks):
        m = _NOTE_LINE.match(b.text)
        if m is None or not (_CITATION.search(b.text) or b.footnote):  # (a page's foot note needs no citation's marks)
            continue
        n = int(unicodedata.normalize("NFKC", next(g for g in m.groups() if g)))
        if n in notes or not 1 <= n <= 300:
            continue
        marker = _marker(n)
        if any(marker.search(x.text) for x in blocks[:k] if not x.footnote):
            notes[n] = k
            b.footnote = True
    if not notes:
        return blocks
    markers = {n: _marker(n) for n in notes}
    for k, b in enumerate(blocks):
        if b.footnote:
            continue
        for n, at in notes.items():
            if at > k and (str(n) in b.text or str(n).translate(_SUPERSCRIPT) in b.text):  # (a quick test first)
                b.text = markers[n].sub("", b.text)
    return blocks


_MARKER_BRACKETS = r"[\[［]{n}[\]］]"


@lru_cache(maxsize=512)
def _marker(n: int) -> "re.Pattern[str]":
    sup = str(n).translate(_SUPERSCRIPT)  # a superscript after anything but a Latin letter (km² is no note)
    return rx.compile(f"{_MARKER_AFTER.format(n=n)}|{_MARKER_BEFORE.format(n=n)}|{_MARKER_BRACKETS.format(n=n)}"
                      f"|(?<![A-Za-z⁰¹²³⁴⁵⁶⁷⁸⁹]){sup}(?![⁰¹²³⁴⁵⁶⁷⁸⁹])")


# ---------------------------------------------------------------------------------------- internals


_FRONT_LINES = 12  # the lines of title, byline and affiliation at the top of an article
_SENTENCE_END = rx.compile(r"[。！？]")


class _NoteLine(str):
    """A footnote printed at a page's foot, moved after the text (see _drop_page_furniture)."""


#: the rule a PDF page prints above its footnotes
_FOOTNOTE_RULE = rx.compile(r"[—─━\-_＿–=＝]{5,}")
#: how a footnote starts: its number (a superscript one too) or its mark (1 Victor D. Cha, …; ² 〈…〉;
#: ＊ 國立政治大學…)
_FOOTNOTE_START = rx.compile(r"(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|[＊*†‡])\s*(?=\S)")


def _drop_page_furniture(text: str) -> list[str | None]:
    """Lines of the text with page numbers and running headers/footers replaced by None.

    A removed line is kept as None (not as a blank) so that it does not create a paragraph break.
    The footnotes between a rule (——————) and the page number below it are moved after the text,
    one line each (as :class:`_NoteLine`), so that a paragraph the page broke joins up again.
    """
    pages = text.split("\f")
    stripped_lines = [[ln.strip(" \t\u3000\u00a0") for ln in page.split("\n")] for page in pages]
    # Running headers/footers: a short line repeated at the top or bottom of several pages.
    edge_counts: Counter[str] = Counter()
    if len(pages) > 1:
        for page in stripped_lines:
            content = [ln for ln in page if ln]
            for ln in set(content[:2] + content[-2:]):
                if len(ln) <= 40:
                    edge_counts[ln] += 1
    all_counts = Counter(ln for page in stripped_lines for ln in page if ln)
    running = {ln for ln, c in edge_counts.items() if c >= 2}
    running |= {ln for ln, c in all_counts.items() if c >= 3 and len(ln) <= 20 and not _TERMINAL.search(ln)}
    # the publication's name atop the first page, repeated further down as a page header (a PDF
    # copied without its page breaks): 國防安全雙週報   第 98 期 … 國防安全雙週報
    # (not in the front matter: an author's affiliation may be the publisher, 吳明杰 / 國防安全研究院)
    first = next((ln for page in stripped_lines for ln in page if ln), "")
    masthead = re.split(r"[ \t\u3000]{2,}", first)[0]
    front: set[tuple[int, int]] = set()  # the lines before the first sentence, at most _FRONT_LINES
    for p, i in islice(((p, i) for p, page in enumerate(stripped_lines) for i, ln in enumerate(page) if ln), _FRONT_LINES):
        if _SENTENCE_END.search(stripped_lines[p][i]):
            break
        front.add((p, i))
    later = [(p, i) for p, page in enumerate(stripped_lines) for i, ln in enumerate(page) if ln == masthead and (p, i) not in front]
    again = later if masthead == first else \
        [(p, i) for p, page in enumerate(stripped_lines) for i, ln in enumerate(page) if ln == first and (p, i) not in front]
    if 2 <= len(masthead) <= 20 and not _TERMINAL.search(masthead) and masthead != first and later:
        running.add(masthead)
    elif len(re.sub(r"[ \t\u3000]+", " ", first)) <= 40 and not _TERMINAL.search(first) \
            and (len(again) >= 2 or any(_after_page_number(stripped_lines[p], i) or p and not any(stripped_lines[p][:i])
                                        for p, i in again)):  # again after a page number or atop a page
        # the whole first line atop every page: 國防安全研究院　國防安全雙週報　第128期, or the
        # institute and the series set apart at the page's two edges
        running.add(first)
        masthead = ""
    else:
        masthead = ""

    out: list[str | None] = []
    seen_running: set[str] = set()
    page_no: int | None = None  # the last page number dropped
    notes: list[str] = []  # footnotes, moved after the text
    in_notes = False  # between a page's footnote rule and its page number
    for p, page in enumerate(pages):
        raw_lines = page.split("\n")
        for i, (raw, s) in enumerate(zip(raw_lines, stripped_lines[p])):
            is_number = bool(s) and bool(_PAGE_NUMBER.match(s))
            if in_notes and not is_number:
                if s and (_FOOTNOTE_START.match(s) and _next_note(s, notes) or not notes):
                    notes.append(s)
                elif s:
                    notes[-1] = _join(notes[-1], s, True, not raw.endswith((" ", "\u3000")))  # a note wrapped over lines
                out.append(None)
                continue
            if s and _FOOTNOTE_RULE.fullmatch(s) and (any(_PAGE_NUMBER.match(x) or _next_page_header(x, first)
                                                          for x in stripped_lines[p][i + 1:i + 30])
                                                      or _notes_to_the_end(stripped_lines[p], i)):
                in_notes = True
                out.append(None)
                continue
            in_notes = False
            if s and (is_number or _FOOTER_WITH_NUMBER.match(s) and not _TERMINAL.search(s)):
                out.append(None)
                digits = re.search(r"\d+", s)
                page_no = int(digits.group()) if digits else page_no
            elif s and page_no is not None and (m := _HEADER_WITH_NUMBER.match(s)) \
                    and 0 <= int(m.group("a") or m.group("b")) - page_no <= 1 and not _TERMINAL.search(s) \
                    and _right_after_dropped(out) and not _CITATION.search(s):
                out.append(None)  # — 61 — then 62　國際關係學報 第58期: the next page's running header
            elif s and page_no is None and _next_page_header(s, first):
                out.append(None)  # 2　問題與研究　第64卷　第4期: the journal's line atop the first page, with a page number
                page_no = int(re.search(r"\d+", s).group())
            elif s == masthead and (p, i) in front:
                out.append(raw)
            elif s in running:
                # The first occurrence at the very top of the article may be the publication's name.
                if s not in seen_running and not any(x for x in out if x and x.strip()):
                    out.append(raw)
                else:
                    out.append(None)
                seen_running.add(s)
            else:
                out.append(raw)
    for note in notes:
        out += ["", _NoteLine(note)]
    return out


def _next_note(line: str, notes: list[str]) -> bool:
    """Does ``line`` open the next footnote, not go on with the last one?  A number must be the
    last note's plus one (2015. under 2 Agreement …, signed November 5, is the note's year)."""
    m = re.match(r"(\d{1,3})(?!\d)", line)
    if m is None or not notes:
        return line[:1] not in "0123456789" or not notes  # (a year opening the line goes on with the note)
    last = re.match(r"(\d{1,3})(?!\d)", notes[-1])
    return last is None or int(m.group(1)) == int(last.group(1)) + 1


def _notes_to_the_end(page: list[str], i: int) -> bool:
    """After the rule at line ``i``: only footnotes to the end of the text (1 小馬可仕…, 2 Agreement
    …), the last page's notes with no page number under them."""
    rest = [x for x in page[i + 1:] if x]
    return 0 < len(rest) <= 40 and _FOOTNOTE_START.match(rest[0]) is not None and rest[0][:1] in "1¹＊*†"


def _right_after_dropped(out: list[str | None]) -> bool:
    """Was the last line with text dropped as page furniture (a page number, a running header)?
    A next page's header follows them; a footnote numbered like the page (2 〈…〉，中華人) need not."""
    for x in reversed(out):
        if x is None:
            return True
        if x.strip():
            return False
    return False


def _next_page_header(line: str, first: str) -> bool:
    """A running header with its page number whose words the first line of the text begins with
    (2　問題與研究　第64卷　第4期 under 問題與研究　第64卷　第4期（2025年12月），1-38頁)."""
    m = _HEADER_WITH_NUMBER.match(line)
    if m is None or _TERMINAL.search(line):
        return False
    words = re.sub(r"^\d{1,4}[ \t\u3000]+|[ \t\u3000]+\d{1,4}$", "", line)
    squeeze = lambda x: _arabic_issue(re.sub(r"[ \t\u3000]+", "", x))  # noqa: E731
    return len(squeeze(words)) >= 4 and squeeze(first).startswith(squeeze(words))


def _arabic_issue(text: str) -> str:
    """第二十六卷第四期 as 第26卷第4期, so that a running header in digits matches the first line."""
    from .numex import cn_number

    def arabic(m: re.Match) -> str:
        v = cn_number(m.group(1))
        return f"第{int(v)}{m.group(2)}" if v is not None else m.group()

    return _CN_ISSUE.sub(arabic, text) if "第" in text else text


_CN_ISSUE = rx.compile(r"第([一二三四五六七八九十百〇]{1,5})([卷期號号])")


def _after_page_number(page: list[str], i: int) -> bool:
    """Is the last non-empty line before line ``i`` a page number, alone or in a footer set apart
    from it (財團法人國防安全研究院        1)?"""
    prev = next((ln for ln in reversed(page[:i]) if ln), "")
    return bool(prev) and bool(_PAGE_NUMBER.match(prev) or _FOOTER_WITH_NUMBER.match(prev) and not _TERMINAL.search(prev))


def _parse_lines(lines: list[str | None]) -> list[_Line]:
    """Drop blank lines, remembering which non-blank lines follow a hard paragraph break."""
    runs: list[tuple[int, str]] = []  # (blank lines before, raw line)
    blank = 0
    furniture = False  # a page header or number was dropped since the last line
    for raw in lines:
        if raw is None:
            furniture = True
            continue
        if not raw.strip(" \t\u3000\u00a0"):
            blank += 1
            continue
        if furniture and runs and not _TERMINAL.search(runs[-1][1].rstrip()):
            blank = 0  # a sentence broken by a page break goes on: the blank lines belong to the page furniture
        runs.append((blank, raw))
        blank = 0
        furniture = False
    if not runs:
        return []
    gaps = [b for b, raw in runs[1:] if not isinstance(raw, _NoteLine)]
    # "Double-spaced" extraction: a blank line after (nearly) every line carries no meaning, and a
    # paragraph break shows as two or more blank lines.
    double = bool(gaps) and sum(1 for g in gaps if g >= 1) >= 0.75 * len(gaps)
    threshold = 2 if double else 1
    parsed = []
    for k, (b, raw) in enumerate(runs):
        text = raw.strip(" \t\u3000\u00a0")
        lead = raw[: len(raw) - len(raw.lstrip(" \t\u3000\u00a0"))]
        parsed.append(
            _Line(
                text=text,
                trailing_ws=raw != raw.rstrip(" \t\u3000\u00a0"),
                indent="\u3000" in lead or "\t" in lead or lead.count(" ") >= 2,
                break_before=k > 0 and b >= threshold,
                width=display_width(text),
                terminal=bool(_TERMINAL.search(text)),
                note=isinstance(raw, _NoteLine),
                chars=len(raw.rstrip()),
                gap=b,
            )
        )
    return parsed


def _wrapped_width(lines: list[_Line]) -> tuple[bool, float]:
    """Is the text hard-wrapped (lines broken mid-sentence)?  And its usual full-line width."""
    long_lines = [ln for ln in lines if ln.width >= 20]
    if len(long_lines) < 3:
        return False, 0.0
    open_ended = [ln for ln in long_lines if not ln.terminal]
    if len(open_ended) < 3 or len(open_ended) < 0.4 * len(long_lines):
        return False, 0.0
    # Lines broken at a fixed width share (nearly) the same, largest width: take the widest half of
    # the unpunctuated lines and ask for at least three at that width.  A few long unpunctuated lines
    # of different widths (a headline, a dateline) are not evidence of wrapping.
    widths = sorted((ln.width for ln in open_ended), reverse=True)
    width = float(statistics.median(widths[: max(3, len(widths) // 2)]))
    near = sum(1 for w in widths if abs(w - width) <= 0.15 * width)
    if near < 3 or near < 0.3 * len(widths):
        return False, 0.0
    # In wrapped text the full lines are the longest ones and a paragraph's last line is shorter;
    # in one-paragraph-per-line text the unpunctuated lines (titles, bylines) are the short ones.
    ended = [ln.width for ln in long_lines if ln.terminal]
    if ended and statistics.median(ended) > 1.25 * width:
        return False, 0.0
    return True, width


def _wrapped_by_characters(lines: list[_Line]) -> bool:
    """Were the lines wrapped after a number of characters rather than at a width (a text export
    that cuts every 35 characters, Latin letters and digits counted like Chinese ones)?  So when
    more of the unfinished long lines share one character count than share one display width."""
    open_ended = [ln for ln in lines if ln.width >= 20 and not ln.terminal]
    if len(open_ended) < 4:
        return False
    by_width = Counter(ln.width for ln in open_ended).most_common(1)[0][1]
    by_chars = Counter(ln.chars for ln in open_ended).most_common(1)[0][1]
    return by_chars >= 0.6 * len(open_ended) and by_chars > 1.5 * by_width


def _trailing_space_is_signal(lines: list[_Line], width: float) -> bool:
    """Some extractors end each paragraph's last line with a space.  Is that so here?"""
    continuing = [ln for ln in lines if ln.width >= 0.85 * width and not ln.terminal]
    ending = [ln for ln in lines if ln.width < 0.85 * width and ln.terminal]
    if len(continuing) < 3 or not ending:
        return False
    cont_rate = sum(ln.trailing_ws for ln in continuing) / len(continuing)
    end_rate = sum(ln.trailing_ws for ln in ending) / len(ending)
    return cont_rate <= 0.15 and end_rate >= 0.6


def _uses_spaces_around_latin(lines: list[_Line]) -> bool:
    spaced = sum(len(_SPACED_MIXED.findall(ln.text)) for ln in lines)
    tight = sum(len(_TIGHT_MIXED.findall(ln.text)) for ln in lines)
    return spaced > tight


def _ends_paragraph(prev: _Line, line: _Line, width: float, trailing_signal: bool, patterns, front: bool = False) -> bool:
    if patterns.block_start(line.text) or patterns.is_caption(prev.text):
        return True
    if front and (m := _NAME_SLASH_AFFILIATION.match(line.text)) and patterns.is_affiliation(m.group(1)):
        return True  # a title, then 陳柏宇 / 東海大學政治學系副教授 under it
    if patterns.heading_marker(line.text):
        return True  # 一、 … / 貳、 … begins a heading
    if prev.terminal and _NOTE_LINE.match(line.text) and _CITATION.search(line.text):
        return True  # a numbered note after the end of a sentence: 1 “Philippine sailor …”, Reuters
    if not prev.terminal and _pushed_down(prev, line, width):
        return False  # the next line's first Latin word did not fit on this one (…（Pete / Hegseth）…)
    if prev.text.endswith(("，", "、", "；")) and prev.width >= 0.5 * width:
        return False  # a comma ends no paragraph, title or heading: the sentence goes on
    if not prev.terminal and prev.width < 0.9 * width and (front or patterns.heading_marker(prev.text)):
        return True  # a title or heading shorter than a full line ends there (not a wrapped line)
    terminal = prev.terminal
    if line.indent and terminal:
        return True
    if prev.width < 0.6 * width:  # a short line: a paragraph's end, or a heading/byline on its own
        return True
    if trailing_signal:
        return prev.trailing_ws
    return terminal and prev.width < 0.85 * width


_FIRST_WORD = rx.compile(r"[A-Za-z][A-Za-z0-9.,'’\-]*[）)」”,，]?")  # a word, not a date (2025-08-05) after a title


#: a writer's name, a slash or bar, their affiliation: 陳柏宇 / 東海大學政治學系副教授
_NAME_SLASH_AFFILIATION = rx.compile(r"^[\u4e00-\u9fff]{2,4}\s*[／/|｜]\s*(\S.{1,40})$")
#: a paper's section label alone on its line (摘要, 摘　要, Abstract)
_SECTION_LABEL_LINE = rx.compile(r"(?:摘\s*要|內容提要|内容提要|提\s*要|Abstract|Summary)\s*[:：]?", re.I)


def _pushed_down(prev: _Line, line: _Line, width: float) -> bool:
    """A line cut short because a Latin word or number is never broken: the next line's first word
    would have overrun the width (a line of 70 columns of 80 before a word of 12)."""
    m = _FIRST_WORD.match(line.text)
    return m is not None and prev.width >= 0.5 * width and prev.width + 1 + display_width(m.group()) > width


_WORD_BEFORE_HYPHEN = rx.compile(r"([A-Za-z]+)-$")
_WORD_AFTER = rx.compile(r"[a-z]+")
#: endings no word of its own has: a line broken inside a word (secu- / rity, gov- / ernment)
_WORD_ENDINGS = ("tion", "sion", "ment", "ity", "ence", "ance", "ness", "ical", "ology", "ism", "ency", "ancy",
                 "ible", "ization", "isation", "ously")


def _syllable_break(left: str, right: str) -> bool:
    """Does ``left``'s final hyphen break one word (a typesetter's hyphenation), not join two?  The
    second part goes on in lower case after a capitalised first part (Sci- / ence, in a name), or
    ends as only the inside of a word can."""
    m, n = _WORD_BEFORE_HYPHEN.search(left), _WORD_AFTER.match(right)
    if m is None or n is None:
        return False
    return m.group(1)[0].isupper() and len(m.group(1)) > 1 or n.group().endswith(_WORD_ENDINGS)


def _join(left: str, right: str, spaced: bool, cut_words: bool = False) -> str:
    """``left`` and the next line ``right`` of one paragraph as one string.  With ``cut_words`` (lines
    wrapped at a fixed width, with no space at the break) a Latin word cut in two is joined up."""
    left = left.rstrip()
    right = right.lstrip()
    if not left or not right:
        return left + right
    a, b = left[-1], right[0]
    if is_cjk(a) and is_cjk(b):
        return left + right
    if a == "-" and len(left) > 1 and not left[-2].isspace():  # (U.S.- / Japan too)
        if _syllable_break(left, right):
            return left[:-1] + right  # Sci- / ence Act: one word the typesetter hyphenated
        return left + right  # a hyphenated word broken across lines (state- / owned): keep the hyphen, no space
    if is_cjk(a) or is_cjk(b):
        mixed = bool(_ALNUM.match(a) or _ALNUM.match(b))
        return left + (" " if spaced and mixed else "") + right
    if cut_words and (_word_cut(left, right) or _acronym_cut(left, right) or _NUMBER_HEAD.search(left) and _NUMBER_TAIL.match(right)):
        return left + right  # (APE / C, 1, / 500億: an acronym or a number the line broke)
    if cut_words and _url_cut(left, right):
        return left + right  # https://www.mfa.gov.cn/wjbxw_new / /202511/…: an address the line broke
    return left + " " + right


_URL_START = rx.compile(r"(?:https?://|www\.)[\w\-./?=&%#~:+]*$")
_URL_CHARS = rx.compile(r"[\w\-./?=&%#~:+]+")


def _url_cut(left: str, right: str) -> bool:
    """Did the line break cut a web address (…/DGXZQOUA073FN0 | X01C25A…, h | ttps://…)?"""
    tail = left.rsplit(None, 1)[-1]
    head = _URL_CHARS.match(right)
    m = _URL_START.search(tail + head.group()) if head is not None else None
    # (not Organization, / https://…: a new word; nor …gov.tw / for details: a word after an address)
    return m is not None and m.start() < len(tail) and (re.search(r"[\d/._\-=?&%#]", head.group()) is not None
                                                       or not _URL_START.search(tail))


_LATIN_TAIL = rx.compile(r"(?<![A-Za-z'])[A-Za-z]+$")
_LATIN_HEAD = rx.compile(r"[a-z]+")


def _word_cut(left: str, right: str) -> bool:
    """Did the line break cut one Latin word (Kore|a, Tr|ilateral, Agreeme|nt)?  The second part is in
    lower case, and either the two parts make a word while one of them is none, or neither is a
    word (English words are those of CC-CEDICT's definitions)."""
    m, n = _LATIN_TAIL.search(left), _LATIN_HEAD.match(right)
    if m is None or n is None or (n.end() < len(right) and right[n.end()].isalpha()):
        return False
    head, tail = m.group().lower(), n.group()
    words = english_words()
    known = lambda w: w in words and (len(w) > 1 or w in "ai")  # noqa: E731  (a lone d or s is no word: an|d)
    if known(head) and known(tail):
        return False
    return head + tail in words or (not known(head) and not known(tail) and len(head) + len(tail) >= 5)


_CAPS_TAIL = rx.compile(r"(?<![A-Za-z'])[A-Z]{1,5}$")
_CAPS_HEAD = rx.compile(r"[A-Z]{1,5}(?![A-Za-z])")
#: a number with thousands separators cut after a comma (1, / 500億美元), not a year and a count
_NUMBER_HEAD = rx.compile(r"(?<![\d,])\d{1,3}(?:,\d{3})*,$")
_NUMBER_TAIL = rx.compile(r"\d{3}(?![\d,])|\d{3},\d{3}")


def _acronym_cut(left: str, right: str) -> bool:
    """Did the line break cut an acronym in capitals (APE | C）, A | UKUS)?  Lines wrapped in
    Chinese text put no two acronyms side by side without a mark between them."""
    m, n = _CAPS_TAIL.search(left), _CAPS_HEAD.match(right)
    return m is not None and n is not None and 3 <= len(m.group()) + len(n.group()) <= 8


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The English words of CC-CEDICT's definitions, lower case (read when a wrapped line first ends
    inside Latin text)."""
    import gzip
    from importlib import resources as _res

    words: set[str] = set()
    with _res.files("pipeline").joinpath("data/cedict/cedict.tsv.gz").open("rb") as raw, \
            gzip.open(raw, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.split("\t", 3)
            if len(parts) > 2 and not line.startswith("#"):
                words.update(w.lower() for w in _WORDS.findall(parts[2]))
    return frozenset(words)


_WORDS = rx.compile(r"[A-Za-z]+")
