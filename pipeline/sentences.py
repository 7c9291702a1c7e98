"""Sentence segmentation for Chinese (and mixed Latin-script) paragraphs.

Rules:

* a sentence ends at 。！？!? (a run of them counts once: ？！, 。。), at …… ending a paragraph or
  followed by a closing quote, and at ``. `` / ``! `` / ``? `` in Latin-script text when a capital,
  a digit or a Chinese character follows (abbreviations such as U.S., Mr., e.g. and initials
  do not end a sentence; neither does the point of a decimal number, nor that of a list item's
  number opening the paragraph: 1. 本土防衛優先。);
* inside quotes or brackets (「」『』“”（）《》【】〔〕, and straight "…" in pairs) it does not end, except when the
  terminal mark is immediately followed by the closing mark(s) that close every open pair:
  ``……有什麼關係？」就此而言`` splits after 」;
* a closing quote that ends a sentence takes the short speech tag after it along (「……縫隙。」他說。),
  and so does a credit after a dash that ends the paragraph (「……交易。」——美國國務卿魯比歐);
* ；, ：, ， never end a sentence, so clauses joined by ； stay together; nor does a mark followed by
  one of them, or a closing quote by an opening bracket (``……燃料。」，並指出`` goes on; so does
  ``"We must prepare for the worst."（我們必須做最壞的準備）``);
* an unmatched opening bracket (an extraction error) is ignored rather than swallowing the rest of
  the paragraph.
"""

from __future__ import annotations

import re

from . import rx
from .patterns import EMOJI, EMOJI_TAIL

_OPEN = "「『“（(《【〔〈［[｛"
_CLOSE = "」』”）)》】〕〉］]｝"
_PAIR = dict(zip(_OPEN, _CLOSE))
_CJK_TERMINAL = "。！？｡"
_LATIN_TERMINAL = ".!?"
_TRAILING = "。！？!?｡…" + _CLOSE + "\"'’"
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "col", "lt", "maj", "capt", "sgt", "adm",
    "sen", "rep", "gov", "pres", "amb", "rev", "hon", "u.s", "u.k", "u.n", "e.u", "p.r.c", "r.o.c",
    "e.g", "i.e", "etc", "vs", "no", "nos", "vol", "p", "pp", "ch", "ed", "eds", "sec", "fig", "inc", "ltd", "co", "corp", "dept",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est",
}
_BRACKETS = rx.compile("[" + re.escape(_OPEN + _CLOSE) + "]")
_MARKS = rx.compile("[" + re.escape(_OPEN + _CLOSE + _CJK_TERMINAL + _LATIN_TERMINAL + "…") + "]")
_CONTINUES = rx.compile(r"\s*[，、；：,;:]")
_GLOSSED = rx.compile(r"\s*[（(]")  # after a closing quote: a bracket that translates or credits it
_FOOTNOTE = rx.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,3}\]|［\d{1,3}］")
#: emoji and pictographs right after a sentence's end (with their modifiers and joiners)
_EMOJI_AFTER = rx.compile(f"[ \u3000]*(?:{EMOJI}{EMOJI_TAIL})+")
#: who said a quotation, after it: 他說。 費思博說道。 她補充說。 (a short subject, a speech verb, the end)
_SPEECH_TAG = rx.compile(r"[ \u3000]*[^。！？!?「」『』“”，,、；;：:\s]{1,12}?(?:說道|说道|說|说|表示|指出|補充|补充|強調|强调|坦言|直言|稱|称|道)[。.]")
#: who said a quotation, after a dash at the end of the paragraph: 「……交易。」——美國國務卿魯比歐
_DASH_CREDIT = rx.compile(r"[ \u3000]*(?:——|──|—|－－|--)[ \u3000]*[^。！？!?「」『』“”；;\n]{1,40}$")
_LIST_NUMBER = rx.compile(r"\s*(?:\d{1,2}|[A-Za-z])")  # all that precedes the point of "1. 本土防衛優先。"
_WORD_BEFORE = rx.compile(r"([A-Za-z](?:[A-Za-z.]*[A-Za-z])?)$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences of ``text``, whitespace trimmed, in order."""
    text = _curly(text)
    matched = _matched_brackets(text)
    spans: list[tuple[int, int]] = []
    start = 0
    depth = 0
    pos = 0
    n = len(text)
    while True:  # only brackets and sentence marks matter: jump from one to the next
        m = _MARKS.search(text, pos)
        if m is None:
            break
        i = m.start()
        ch = text[i]
        if ch in _OPEN and i in matched:
            depth += 1
        elif ch in _CLOSE and i in matched:
            depth = max(0, depth - 1)
        end = _sentence_end(text, i, depth, matched)
        if end is not None and (_CONTINUES.match(text, end) or text[end - 1] in "」”』" and _GLOSSED.match(text, end)):
            end = None  # 「……。」，並指出…: the quote closed but the sentence goes on
        if end is not None and text[end - 1] in "」”』" and (tag := _SPEECH_TAG.match(text, end) or _DASH_CREDIT.match(text, end)):
            end = tag.end()  # 「……縫隙。」他說。, 「……交易。」——魯比歐: the quotation and who said it are one sentence
        if end is not None:
            note = _FOOTNOTE.match(text, end)
            if note:  # …設廠。¹ / …設廠。[2]: the footnote mark belongs to the sentence it ends
                end = note.end()
            emoji = _EMOJI_AFTER.match(text, end)
            if emoji:  # …怎麼了？😡 / …浪費了！🔥: the emoji closes the sentence it follows
                end = emoji.end()
            _add(spans, text, start, end)
            # closers consumed by the end are no longer open
            depth = _depth_after(text, i, end, depth, matched)
            start = pos = end
            continue
        pos = i + 1
    _add(spans, text, start, n)
    return spans


def _curly(text: str) -> str:
    """Straight double quotes in pairs read as “ ” (same length: offsets do not move), so that a
    quoted English sentence ("We must prepare for the worst.") does not end the Chinese one."""
    if '"' not in text or text.count('"') % 2:
        return text
    parts = text.split('"')
    return "".join(p + ("“" if k % 2 == 0 else "”") for k, p in enumerate(parts[:-1])) + parts[-1]


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _matched_brackets(text: str) -> set[int]:
    """Positions of brackets and quotes that have a partner; unmatched ones are ignored."""
    stack: list[int] = []
    matched: set[int] = set()
    for m in _BRACKETS.finditer(text):
        i, ch = m.start(), m.group()
        if ch in _OPEN:
            stack.append(i)
        elif ch in _CLOSE:
            for k in range(len(stack) - 1, -1, -1):
                if _PAIR[text[stack[k]]] == ch:
                    matched.add(stack[k])
                    matched.add(i)
                    del stack[k:]
                    break
    return matched


def _run_end(text: str, i: int) -> int:
    """End of the run of terminal marks, ellipses and closers starting at i."""
    n = len(text)
    j = i + 1
    while j < n and (text[j] in _TRAILING or text[j] in _LATIN_TERMINAL):
        j += 1
    return j


def _depth_after(text: str, i: int, end: int, depth: int, matched: set[int]) -> int:
    for k in range(i + 1, end):
        if text[k] in _CLOSE and k in matched:
            depth = max(0, depth - 1)
        elif text[k] in _OPEN and k in matched:
            depth += 1
    return depth


def _closes_all(text: str, i: int, end: int, depth: int, matched: set[int]) -> bool:
    return _depth_after(text, i, end, depth, matched) == 0


def _sentence_end(text: str, i: int, depth: int, matched: set[int]) -> int | None:
    """If a sentence ends with the mark at i, the index just after the sentence; else None."""
    ch = text[i]
    n = len(text)
    if ch in _CJK_TERMINAL or ch in "!?" and _cjk_context(text, i):
        end = _run_end(text, i)
        if depth == 0 or _closes_all(text, i, end, depth, matched):
            return end
        return None
    if ch == "…":
        end = _run_end(text, i)
        if depth and not _closes_all(text, i, end, depth, matched):
            return None
        has_terminal = any(c in _CJK_TERMINAL or c in "!?" for c in text[i:end])
        if has_terminal or text[end - 1] in _CLOSE or not text[end:].strip():
            return end
        return None
    if ch in _LATIN_TERMINAL:
        if depth and not _closes_all(text, i, _run_end(text, i), depth, matched):
            return None
        end = _run_end(text, i)
        if end >= n:
            return end
        if not text[end].isspace() and not _is_cjk(text[end]):
            return None
        nxt = text[end:].lstrip()
        if not nxt:
            return end
        if ch == "." and not (nxt[0].isupper() or nxt[0].isdigit() or _is_cjk(nxt[0]) or nxt[0] in "\"“'‘("):
            return None
        if ch == "." and (_is_abbreviation(text, i) or _LIST_NUMBER.fullmatch(text, 0, i)):
            return None  # U.S., J. Biden; 1. at the start of a list item
        return end
    return None


def _cjk_context(text: str, i: int) -> bool:
    """'!' or '?' in Chinese text ends a sentence like ！ and ？ do."""
    return i > 0 and _is_cjk(text[i - 1])


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFF60


def _is_abbreviation(text: str, i: int) -> bool:
    m = _WORD_BEFORE.search(text[:i])
    if not m:
        return i > 0 and text[i - 1].isdigit() and i + 1 < len(text) and text[i + 1].isdigit()
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: J. Biden
    return word.lower() in _ABBREVIATIONS
