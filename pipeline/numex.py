"""Dates and percentages for the entity stage, with normalised values.

``find_dates(text, anchor)`` and ``find_percents(text)`` return ``(start, end, extra)`` triples
(offsets in ``text``; ``extra`` holds ``value`` and, when needed, ``relative``).  Values:

* a year ``"2024"``; a month ``"2024-04"``; a day ``"2024-04-05"``; a span of months or years
  ``"2025-02/2025-03"``, ``"2020/2024"``; a decade ``"1990s"``;  民國 years are converted (民國113年
  → ``"2024"``);
* a year given relative to the article (去年, 今年, 明年, 前年, 去（2024）年): when the year is
  written in brackets it is used; otherwise ``anchor`` (the article's current year, see
  :func:`anchor_year`) resolves it; without an anchor the year is ``XXXX`` and ``relative`` says
  ``-1``/``0``/``+1``;
* a percentage as a fraction: 88.5% → ``0.885``, 九成 → ``0.9``, 七成五 → ``0.75``,
  百分之五十 → ``0.5``.

Seasons (夏天) and vague times (年初 alone, 近年, 未來) are not tagged: they have no value to give.
Chinese numerals are read by :func:`cn_number`.
"""

from __future__ import annotations

import re
from typing import Any

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_D = r"[0-9０-９]"
_CN = "〇零一二兩两三四五六七八九十"
_MONTH = rf"(?:{_D}{{1,2}}|十[一二]?|[一二三四五六七八九])"
_DAY = rf"(?:{_D}{{1,2}}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_REL = {"去": -1, "今": 0, "明": 1, "前": -2, "後": 2, "后": 2}

_DATE = re.compile(
    rf"(?:(?P<rel>[去今明前])\s*[（(]\s*(?P<ry>{_D}{{4}})\s*[）)]\s*年"      # 去（2024）年
    rf"|民國\s*(?P<roc>{_D}{{2,3}}|[{_CN}]{{2,4}})\s*年"                      # 民國113年
    rf"|(?P<y1>{_D}{{4}})\s*[-–~～至到]\s*(?P<y2>{_D}{{4}})\s*年"             # 2020–2024 年
    rf"|(?P<y>{_D}{{4}}|[〇零一二三四五六七八九]{{4}})\s*年(?P<dec>代)?"        # 2024 年, 1990 年代
    rf"|(?<![一二三四五六七八九十百千萬0-9０-９])(?P<rel2>去|今|明|前|後)年(?![代級輕紀])"  # 去年
    rf")"
    rf"(?:(?<!代)\s*(?P<m>{_MONTH})(?:\s*[、,，至到\-–~～]\s*(?P<m2>{_MONTH}))?\s*月(?!份?[以之]外)"
    rf"(?:\s*(?P<d>{_DAY})\s*[日號号])?)?"
    rf"(?P<edge>初|底|末)?"
)
# A month (and day) without a year: digits, or Chinese numerals followed by 日/號.
_MONTH_ONLY = re.compile(
    rf"(?<![0-9０-９年個个])(?:(?P<m>{_D}{{1,2}})\s*月(?:\s*(?P<d>{_DAY})\s*[日號号])?"
    rf"|(?P<cm>十[一二]?|[一二三四五六七八九])月(?P<cd>{_DAY})[日號号])"
)
_PERCENT = re.compile(
    rf"(?P<n>{_D}+(?:[.．]{_D}+)?)\s*[%％]"
    rf"|百分之\s*(?P<p>{_D}+(?:[.．]{_D}+)?|[{_CN}百]+(?:點[{_CN}]+)?)"
    rf"|(?<![{_CN}0-9])(?P<c>[一二兩两三四五六七八九]|十|{_D}{{1,2}})成(?P<c2>[一二三四五六七八九])?"
)


def cn_number(s: str) -> float | None:
    """Value of Arabic or Chinese numerals: '2024', '２０２４', '二〇二四', '十二', '五十', '三點五'."""
    s = s.strip().replace("．", ".")
    if not s:
        return None
    try:
        return float(s)  # int()/float() read full-width digits too
    except ValueError:
        pass
    if "點" in s or "点" in s:
        whole, _, frac = s.replace("点", "點").partition("點")
        w = cn_number(whole)
        digits = "".join(str(_CN_DIGITS.get(c, "")) for c in frac)
        return None if w is None or not digits else float(f"{int(w)}.{digits}")
    if all(c in _CN_DIGITS for c in s) and len(s) > 1:  # digit by digit: 二〇二四
        return float("".join(str(_CN_DIGITS[c]) for c in s))
    total, unit_val = 0, 0
    for c in s:
        if c in _CN_DIGITS:
            unit_val = _CN_DIGITS[c]
        elif c in "十百千":
            mult = {"十": 10, "百": 100, "千": 1000}[c]
            total += (unit_val or 1) * mult
            unit_val = 0
        else:
            return None
    return float(total + unit_val)


def _int(s: str | None) -> int | None:
    if s is None:
        return None
    v = cn_number(s)
    return None if v is None else int(v)


def anchor_year(text: str, meta_date: str | None = None) -> int | None:
    """The article's "this year": from 去（2024）年 / 今（2025）年 in the text, else ``meta_date``."""
    for m in re.finditer(rf"([去今明前])\s*[（(]\s*({_D}{{4}})\s*[）)]\s*年", text):
        return int(m.group(2)) - _REL[m.group(1)]
    if meta_date:
        m = re.search(r"(19|20)\d\d", str(meta_date))
        if m:
            return int(m.group(0))
    return None


def _month_value(year: str, m: int | None, m2: int | None, d: int | None) -> str:
    if m is None or not 1 <= m <= 12:
        return year
    if m2 is not None and 1 <= m2 <= 12 and m2 != m:
        return f"{year}-{m:02d}/{year}-{m2:02d}"
    if d is not None and 1 <= d <= 31:
        return f"{year}-{m:02d}-{d:02d}"
    return f"{year}-{m:02d}"


def find_dates(text: str, anchor: int | None = None) -> list[tuple[int, int, dict[str, Any]]]:
    out: list[tuple[int, int, dict[str, Any]]] = []
    for mt in _DATE.finditer(text):
        g = mt.groupdict()
        extra: dict[str, Any] = {}
        if g["ry"]:
            year = str(_int(g["ry"]))
        elif g["roc"]:
            roc = _int(g["roc"])
            if roc is None or not 1 <= roc <= 200:
                continue
            year = str(roc + 1911)
        elif g["y1"]:
            extra["value"] = f"{_int(g['y1'])}/{_int(g['y2'])}"
            out.append((mt.start(), mt.end(), extra))
            continue
        elif g["y"]:
            y = _int(g["y"])
            if y is None or not 1000 <= y <= 2200:
                continue
            if g["dec"]:
                out.append((mt.start(), mt.end("dec"), {"value": f"{y}s"}))
                continue
            year = str(y)
        else:
            rel = _REL[g["rel2"]]
            if anchor is not None:
                year = str(anchor + rel)
            else:
                year = "XXXX"
                extra["relative"] = rel
        extra = {"value": _month_value(year, _int(g["m"]), _int(g["m2"]), _int(g["d"])), **extra}
        out.append((mt.start(), mt.end(), extra))
    taken = [(a, b) for a, b, _ in out]
    for mt in _MONTH_ONLY.finditer(text):
        if any(a < mt.end() and mt.start() < b for a, b in taken):
            continue
        m = _int(mt.group("m") or mt.group("cm"))
        d = _int(mt.group("d") or mt.group("cd"))
        if m is None or not 1 <= m <= 12:
            continue
        out.append((mt.start(), mt.end(), {"value": _month_value("XXXX", m, None, d)}))
    out.sort(key=lambda x: x[0])
    return out


def find_percents(text: str, not_after: frozenset[str] = frozenset()) -> list[tuple[int, int, dict[str, Any]]]:
    out = []
    for mt in _PERCENT.finditer(text):
        if mt.group("n"):
            v = cn_number(mt.group("n"))
            value = None if v is None else v / 100
        elif mt.group("p"):
            v = cn_number(mt.group("p"))
            value = None if v is None else v / 100
        else:
            if text[mt.end():mt.end() + 1] in not_after:
                continue
            tens = cn_number(mt.group("c"))
            if tens is None or tens > 10:
                continue
            value = tens / 10 + (cn_number(mt.group("c2")) or 0) / 100 if mt.group("c2") else tens / 10
        if value is None:
            continue
        out.append((mt.start(), mt.end(), {"value": round(value, 6)}))
    return out
