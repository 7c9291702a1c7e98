"""Dates and percentages for the entity stage, with normalised values.

``find_dates(shadow, anchor)`` and ``find_percents(shadow)`` return ``(start, end, extra)`` triples.
They read the Simplified *shadow* of a unit (char-aligned with the original, so the offsets hold
for the Traditional text too); the patterns are therefore written in Simplified characters only.
``extra`` holds ``value`` and, when needed, ``relative`` or ``mod``.  Values follow TIMEX3 / ISO 8601:

* a year ``"2024"``; a month ``"2024-04"``; a day ``"2024-04-05"``; a span ``"2025-02/2025-03"``,
  ``"2020/2024"``; a decade ``"1990s"``; a season ``"2025-SU"``; a quarter ``"2025-Q4"`` (2025年第4季);
  a weekday ``"XXXX-WXX-6"``; 民國 years are converted (民國113年 → ``"2024"``), and so are years of
  the Republic without 民國 where they cannot be anything else: a fiscal year (115年度 → ``"2026"``)
  and a three-digit year before its month (114年11月 → ``"2025-11"``);
* a date relative to the article (去年, 今年初, 下個月, 上星期三, 今天): the year comes from the
  brackets when written (去（2024）年), else from ``anchor`` (the article's current year, see
  :func:`anchor_year`); a month or a week from the article's full date when known (上月 in an
  article of 27 November 2025 is ``"2025-10"``, 本週三 ``"2025-11-26"``, 上星期 the ISO week
  ``"2025-W47"``); what cannot be resolved is ``X``; ``relative`` says how far either way
  (``"-1Y"``, ``"+1M"``, ``"-1W"``, ``"+0D"``);
* a day counted from a day the text has named (前一天, 隔天, 次日, 當天): ``"XXXX-XX-XX"`` with
  ``relative`` and ``anchor: "mentioned"`` ("the day before", "the next day", "that day");
* beginnings and ends (年初, 9 月中, 年底) add ``mod``: ``START``, ``MID``, ``END``;
* a century ``"18"`` (19 世紀, TIMEX3 style);
* a duration ``"P7Y"``, ``"P3M"``, ``"P1W"`` (``PXM`` for 幾個月) with ``mod`` ``BEFORE`` (7 年前),
  ``PAST`` (過去一年, 近幾個月), ``MORE_THAN`` (三個多月, 139 多年); 後/之後 stays outside (六個月|後);
* a percentage as a fraction: 88.5% → ``0.885``, 九成 → ``0.9``, 七成五 → ``0.75``,
  百分之五十 → ``0.5``; a range 5% 至 10% → ``0.05`` with ``max`` ``0.1``.

Vague time words without a unit (目前, 近期, 短期內) and clock times are not dates.
"""

from __future__ import annotations

import re
from typing import Any

from . import rx

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_D = r"[0-9０-９]"
_CN = CN_NUMERALS = "〇○零一二两三四五六七八九十"  # Chinese numeral characters, in the shadow script
_NUM = rf"(?:{_D}{{1,3}}|[一二两三四五六七八九十]{{1,3}}|[几数][十百]?)"
_MONTH = rf"(?:{_D}{{1,2}}|十[一二]?|[一二三四五六七八九])"
_DAY = rf"(?:{_D}{{1,2}}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_REL = {"去": -1, "今": 0, "明": 1, "前": -2, "后": 2}
_SHIFT = {"上": -1, "下": 1, "本": 0, "这": 0, "今": 0, "这个": 0, "上个": -1, "下个": 1, "同": 0}
_EDGE = {"初": "START", "中": "MID", "底": "END", "末": "END", "中旬": "MID", "上旬": "START", "下旬": "END",
         "早些时候": "START", "稍早": "START", "稍后": "END"}
_EDGE_RE = r"(?P<edge>初|底|末|上旬|中旬|下旬|中(?![国共华央心文方东南部美日韩英法德俄印澳欧台港]))?"
#: the first year of each Japanese era (令和元年 = 2019)
_ERA_START = {"令和": 2019, "平成": 1989, "昭和": 1926, "大正": 1912}
_SEASON = {"春": "SP", "夏": "SU", "秋": "FA", "冬": "WI"}
_UNIT = {"年": "Y", "月": "M", "星期": "W", "礼拜": "W", "周": "W", "天": "D", "日": "D"}

_DATE = rx.compile(
    rf"(?:(?P<rel>[去今明前])\s*[（(]\s*(?P<ry>{_D}{{4}})\s*[）)]\s*年"             # 去（2024）年
    rf"|(?:中华)?民国\s*(?P<roc>{_D}{{2,3}}|[{_CN}]{{2,4}})\s*年"                 # 民國113年, 中華民國114年
    rf"|(?P<era>令和|平成|昭和|大正)\s*(?P<eray>{_D}{{1,2}}|元|[{_CN}]{{1,3}})\s*年"      # 令和7年: a Japanese era's year
    rf"|(?<![0-9０-９])(?P<rocfy>{_D}{{2,3}})\s*年度"                               # 115年度: a Taiwanese fiscal year
    rf"|(?<![0-9０-９])(?P<rocm>1{_D}{{2}})\s*年(?=\s*{_MONTH}\s*月)"                  # 114年11月: a 民國 year before a month
    rf"|(?P<y1>{_D}{{4}}|[〇○零一二三四五六七八九]{{4}})\s*[-–~～至到]\s*(?P<y2>{_D}{{2,4}}|[〇○零一二三四五六七八九]{{4}})\s*年(?!代)度?"
    # 2020–2024 年, 1950 至 53 年, 二〇二六至二〇三三年, 2023至2027年度 (fiscal years)
    rf"|(?P<y>{_D}{{4}}|[〇○零一二三四五六七八九]{{4}})\s*年(?:(?P<dec>代)|度)?"        # 2024 年, 1990 年代, 2026年度
    rf"|(?<![一二三四五六七八九十百千万0-9０-９])(?P<rel2>去|今|明|前)年(?:度(?!假))?(?![代级轻纪])"   # 去年, 明年度
    rf")"
    rf"(?:\s*第\s*(?P<q>[1-4１-４一二三四])\s*季(?:度)?"                                 # 2025年第4季
    rf"|(?<!代)\s*(?P<m>{_MONTH})(?:\s*[、,，至到\-–~～]\s*(?P<m2>{_MONTH}))?\s*月(?!份?[以之]外)"
    rf"(?:\s*(?P<d>{_DAY})\s*[日号](?:\s*[至到\-–~～]\s*(?P<d2>{_DAY})\s*[日号])?)?)?"
    + _EDGE_RE
)
# A month (and day) without a year: 5 月 20 日, 9 月中, 七月.
_MONTH_ONLY = rx.compile(
    rf"(?<![0-9０-９个几数多])(?:(?<=[同当该]年)|(?<!年))(?:(?P<m>{_D}{{1,2}})\s*月(?:\s*(?P<d>{_DAY})\s*[日号](?:\s*[至到\-–~～]\s*(?P<d2>{_D}{{1,2}})\s*[日号])?)?"
    rf"|(?P<cm>十[一二]?|[一二三四五六七八九])月(?:(?P<cd>{_DAY})[日号](?:[至到\-–~～](?P<cd2>{_DAY})[日号])?)?(?![份天亮光球饼台])"
    rf")" + _EDGE_RE
)
# 這個月初, 下個月, 上星期三, 本星期, 這個禮拜初, 下月
_RELATIVE = rx.compile(
    rf"(?P<shift>这个|上个|下个|上|下|本|这)(?:(?P<month>月)(?:\s*(?P<md>{_DAY})\s*[日号]"
    rf"(?:\s*[至到\-–~～]\s*(?P<md2>{_DAY})\s*[日号])?)?"
    r"|(?P<week>星期|礼拜|周)(?P<wd>[一二三四五六日天])?)"
    r"(?(md)|(?P<edge>初|底|末|上旬|中旬|下旬|中|早些时候|稍早|稍后)?)"  # no edge after a day (上月30日|中美)
)
_TRIGGER = rx.compile(r"[年月星礼周天季世]|[今昨明前翌次隔当]日|前一日|[0-9][-/.][0-9]")
# A day of the month without its month, as news reports write it: 19日, 1日至2日, 今（12）日.
_DAY_ONLY = rx.compile(
    r"(?:(?P<rel>[今昨明前])\s*[（(]\s*(?P<rd>[0-9０-９]{1,2})\s*[）)]\s*日"
    r"|(?<![0-9０-９年月个几数多第每近连共约逾余达满至到\-–~～、.．/:：])(?P<d>[0-9０-９]{1,2})\s*日"
    r"(?:\s*[至到\-–~～]\s*(?P<d2>[0-9０-９]{1,2})\s*日)?)"
    r"(?![内后之间前来本子]|以[内后前下上外])"  # 19日以無異議方式 is a day; 三日以內 is no date
)
# a month written in brackets after 本/上/下, with its day: 本（11）月19日 (Taiwanese news)
_BRACKET_MONTH = rx.compile(
    r"(?P<shift>[本上下])\s*[（(]\s*(?P<m>[0-9０-９]{1,2})\s*[）)]\s*月(?:\s*(?P<d>[0-9０-９]{1,2})\s*[日号])?"
)
_DAY_TRIGGER = rx.compile(r"[0-9０-９][\s）)]*日")
# 2026/11/26, 2026-11-26, 2026.11.26 (a year, then month and day with the same separator)
_NUMERIC_DATE = rx.compile(
    r"(?<![0-9０-９./\-])(?P<y>(?:19|20)[0-9]{2})(?P<sep>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=sep)(?P<d>0?[1-9]|[12][0-9]|3[01])"
    r"(?![0-9０-９]|[./\-][0-9])"
)
_CENTURY = rx.compile(rf"(?P<n>{_D}{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*世纪(?P<edge>初|中|末)?")
# (周 after a title is a surname unless a time word follows: 研究員周一鳴, 部長周二將出訪)
_WEEKDAY = rx.compile(r"(?<![上下本这个])(?:星期|礼拜|(?<![员长授者师任官])周"
                      r"|周(?=[一二三四五六日天](?:[将在起到至前后晚早午凌夜表说指再也则又已就会时、，。（(和与及或的]|$)))"
                      r"(?P<wd>[一二三四五六日天])")
_DAYWORD = rx.compile(r"(?P<w>今天|昨天|明天|前天|后天|(?<!至)今日|昨日|明日(?!之星)|前日(?!本))")  # (时至今日: "up to now"; 前日本: former Japanese)
_DAY_OFFSET = {"今天": 0, "昨天": -1, "明天": 1, "前天": -2, "后天": 2, "今日": 0, "昨日": -1, "明日": 1, "前日": -2}
#: days counted from a day the text has just named, not from the article's date (北韓前一天試射: the day
#: before the report's 1日; 隔天又宣布: the day after)
_DAY_AFTER_MENTIONED = rx.compile(r"(?P<w>前一天|前一日|隔天|隔日|翌日|第二天|当天|当日(?!本)"
                                  r"|(?<![0-9０-９一二两三四五六七八九十百千几多数这此本每上下首其名层档依席班车该同])次日(?![本韩间]))")
_MENTIONED_OFFSET = {"前一天": -1, "前一日": -1, "隔天": 1, "隔日": 1, "翌日": 1, "次日": 1, "第二天": 1, "当天": 0, "当日": 0}
_SEASONS = rx.compile(r"(?P<rel>去年|今年|明年)?(?P<s>[春夏秋冬])(?:天|季)")
_YEAR_EDGE = rx.compile(r"(?<![0-9０-９年去今明前])年(?P<edge>初|底|中|末)(?![国共华央心文])")
_DURATION = rx.compile(
    rf"(?P<pre>过去的|过去|最近|近|未来|接下来|这)?(?P<n>{_NUM})\s*(?P<more1>多)?(?P<unit>个多月|个月|个多星期|个星期|个礼拜|年|星期|礼拜|天)(?P<more>多)?"
    rf"(?P<post>前)?(?![级轻代纪度份底初]|一度)"
)
_PERCENT = rx.compile(
    rf"(?P<n>{_D}+(?:[.．]{_D}+)?)\s*[%％](?:\s*(?:至|到|-|–|~)\s*(?P<n2>{_D}+(?:[.．]{_D}+)?)\s*[%％])?"
    rf"|百分之\s*(?P<p>{_D}+(?:[.．]{_D}+)?|[{_CN}百]+(?:点[{_CN}]+)?)"
    rf"(?:\s*(?:至|到|-|–|~)\s*(?:百分之)?\s*(?P<p2>{_D}+(?:[.．]{_D}+)?))?"
    rf"|(?<![{_CN}0-9])(?P<c>[一二两三四五六七八九]|十|{_D}{{1,2}})成(?P<c2>[一二三四五六七八九])?"
)


def cn_number(s: str) -> float | None:
    """Value of Arabic or Chinese numerals: '2024', '２０２４', '二〇二四', '十二', '五十', '三点五'."""
    s = s.strip().replace("．", ".").replace("兩", "两").replace("點", "点")
    if not s:
        return None
    try:
        return float(s)  # int()/float() read full-width digits too
    except ValueError:
        pass
    if "点" in s:
        whole, _, frac = s.partition("点")
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
            total += (unit_val or 1) * {"十": 10, "百": 100, "千": 1000}[c]
            unit_val = 0
        else:
            return None
    return float(total + unit_val)


#: two neighbouring numerals that estimate (兩三, 三四, 七八; shadow forms), not one number
_PAIR = rx.compile(r"一两|两三|三四|四五|五六|六七|七八|八九")


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


def _month_value(year: str, m: int | None, m2: int | None, d: int | None, d2: int | None = None) -> str:
    if m is None or not 1 <= m <= 12:
        return year
    if m2 is not None and 1 <= m2 <= 12 and m2 != m:
        return f"{year}-{m:02d}/{year}-{m2:02d}"
    if d is not None and 1 <= d <= 31:
        if d2 is not None and d < d2 <= 31:  # 4 月 1 日至 2 日
            return f"{year}-{m:02d}-{d:02d}/{year}-{m:02d}-{d2:02d}"
        return f"{year}-{m:02d}-{d:02d}"
    return f"{year}-{m:02d}"


def _day_value(d: int, today: str | None) -> str:
    """A day of the month (19日) as a date: in the month that puts it nearest the article's own
    date (``today``, YYYY-MM-DD; 29日 in an article of 2 May is 29 April; a day ahead counts
    three times, see :func:`_distance`), else ``XXXX-XX-19``.
    A ``today`` without its year (XXXX-11-27, from a dateline 北京11月27日電) still gives the
    month (27日 → XXXX-11-27, 29日 → XXXX-10-29 … by the same nearest-date rule)."""
    m = re.fullmatch(r"(\d{4}|XXXX)-(\d\d)-(\d\d)", today or "")
    if m is None:
        return f"XXXX-XX-{d:02d}"
    import datetime as dt

    year = int(m.group(1)) if m.group(1) != "XXXX" else 2000  # a leap year: 29 February exists
    try:
        base = dt.date(year, int(m.group(2)), int(m.group(3)))
    except ValueError:
        return f"XXXX-XX-{d:02d}"
    best = None
    for shift in (-1, 0, 1):
        y, mo = divmod(base.month - 1 + shift, 12)
        try:
            cand = dt.date(base.year + y, mo + 1, d)
        except ValueError:  # 31日 in a 30-day month
            continue
        if best is None or _distance(cand, base) < _distance(best, base):
            best = cand
    if best is None:
        return f"XXXX-XX-{d:02d}"
    return best.isoformat() if m.group(1) != "XXXX" else f"XXXX-{best.month:02d}-{best.day:02d}"


def _distance(day, base) -> int:
    """How far ``day`` is from the article's date ``base``, a day ahead counting as three behind:
    news reports what has happened (13日 in an article of 29 November is 13 November, not
    13 December), yet names the next few days too (30日 in one of 28 November)."""
    days = (day - base).days
    return -days if days <= 0 else 3 * days


def _date(value: str | None):
    """A ``YYYY-MM-DD`` value (the article's own date, a resolved day) as a ``datetime.date``, or
    None when its year, month or day is unknown."""
    import datetime as dt

    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value or "")
    if m is None:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _shifted_month(today: str | None, shift: int) -> str | None:
    """上月 in an article of 27 November 2025: ``"2025-10"``."""
    base = _date(today)
    if base is None:
        return None
    y, m = divmod(base.month - 1 + shift, 12)
    return f"{base.year + y}-{m + 1:02d}"


def _shifted_day(today: str | None, shift: int) -> str | None:
    """昨天 in an article of 27 November 2025: ``"2025-11-26"``."""
    import datetime as dt

    base = _date(today)
    return None if base is None else (base + dt.timedelta(days=shift)).isoformat()


def _shifted_week(today: str | None, shift: int, day: int | None) -> str | None:
    """本週三 in an article of Thursday 27 November 2025: ``"2025-11-26"``; 下週 without a day: the
    ISO week, ``"2025-W49"``."""
    import datetime as dt

    base = _date(today)
    if base is None:
        return None
    monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=shift)
    if day is None:
        year, week, _ = monday.isocalendar()
        return f"{year}-W{week:02d}"
    return (monday + dt.timedelta(days=day - 1)).isoformat()


def _relative_resolved(extra: dict[str, Any], value: str, rel: str, surface: str) -> str:
    """"last month (October 2025)", "this Wednesday (November 26)", "next week"."""
    day = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value)
    month = re.fullmatch(r"(\d{4})-(\d\d)", value)
    if rel.endswith("M"):
        plain = "XXXX-XX"
    else:
        plain = f"XXXX-WXX-{_date(value).isoweekday()}" if day else "XXXX-WXX"
    word = describe_date({**extra, "value": plain}, surface)
    if month:
        return f"{word} ({_MONTHS[int(month.group(2)) - 1]} {month.group(1)})"
    if day:
        return f"{word} ({_MONTHS[int(day.group(2)) - 1]} {int(day.group(3))})"
    return word


def _with_edge(extra: dict[str, Any], edge: str | None) -> dict[str, Any]:
    if edge:
        extra["mod"] = _EDGE[edge]
    return extra


def _year_of(rel: int, anchor: int | None, extra: dict[str, Any]) -> str:
    if anchor is not None:
        return str(anchor + rel)
    extra["relative"] = f"{rel:+d}Y"
    return "XXXX"


def find_dates(text: str, anchor: int | None = None, today: str | None = None) -> list[tuple[int, int, dict[str, Any]]]:
    """Dates in ``text`` (a shadow); ``anchor`` is the article's year, ``today`` its full date
    (YYYY-MM-DD) if known, which places a bare day of the month (19日)."""
    out: list[tuple[int, int, dict[str, Any]]] = []
    days = "日" in text and _DAY_TRIGGER.search(text) is not None
    if not days and not _TRIGGER.search(text):
        return out
    has_year, has_month = "年" in text, "月" in text
    has_week = "星期" in text or "礼拜" in text or "周" in text

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y, _ in out)

    for mt in _NUMERIC_DATE.finditer(text) if "/" in text or "-" in text or "." in text else ():
        out.append((mt.start(), mt.end(), {"value": f"{mt['y']}-{int(mt['m']):02d}-{int(mt['d']):02d}"}))
    for mt in _DATE.finditer(text) if has_year else ():
        if not free(*mt.span()):
            continue
        g = mt.groupdict()
        extra: dict[str, Any] = {}
        if g["ry"]:
            year = str(_int(g["ry"]))
        elif g["era"]:
            n = 1 if g["eray"] == "元" else _int(g["eray"])
            if n is None or not 1 <= n <= 64:
                continue
            year = str(_ERA_START[g["era"]] - 1 + n)
        elif g["roc"] or g["rocfy"] or g["rocm"]:
            roc = _int(g["roc"] or g["rocfy"] or g["rocm"])
            if roc is None or not (1 <= roc <= 200 if g["roc"] else 60 <= roc <= 199):
                continue
            year = str(roc + 1911)
        elif g["y1"]:
            y1, y2 = _int(g["y1"]), _int(g["y2"])
            if y2 < 100:  # 1950 至 53 年
                y2 += y1 - y1 % 100
            out.append((mt.start(), mt.end(), {"value": f"{y1}/{y2}"}))
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
            year = _year_of(_REL[g["rel2"]], anchor, extra)
        if g["q"]:  # 2025年第4季: a quarter
            extra = {"value": f"{year}-Q{_int(g['q'])}", **extra}
        else:
            extra = {"value": _month_value(year, _int(g["m"]), _int(g["m2"]), _int(g["d"]), _int(g["d2"])), **extra}
        out.append((mt.start(), mt.end(), _with_edge(extra, g["edge"])))
    for mt in _BRACKET_MONTH.finditer(text) if has_month and ("（" in text or "(" in text) else ():
        m, d = _int(mt.group("m")), _int(mt.group("d"))
        if m is None or not 1 <= m <= 12 or not free(*mt.span()):
            continue
        year = str(anchor) if anchor is not None else "XXXX"
        out.append((mt.start(), mt.end(), {"value": _month_value(year, m, None, d)}))
    for mt in _MONTH_ONLY.finditer(text) if has_month else ():
        if not free(*mt.span()):
            continue
        m = _int(mt.group("m") or mt.group("cm"))
        d = _int(mt.group("d") or mt.group("cd"))
        if m is None or not 1 <= m <= 12:
            continue
        d2 = _int(mt.group("d2") or mt.group("cd2"))
        out.append((mt.start(), mt.end(), _with_edge({"value": _month_value("XXXX", m, None, d, d2)}, mt.group("edge"))))
    for mt in _DAY_ONLY.finditer(text) if days else ():
        d, d2 = _int(mt.group("d") or mt.group("rd")), _int(mt.group("d2"))
        if d is None or not 1 <= d <= 31 or not free(*mt.span()):
            continue
        extra = {"value": _day_value(d, today)}
        if mt.group("rel"):  # 今（12）日: today, the 12th
            extra["relative"] = {"今": "+0D", "昨": "-1D", "明": "+1D", "前": "-2D"}[mt.group("rel")]
        elif d2 is not None and d < d2 <= 31:
            extra["value"] += "/" + _day_value(d2, today)
        out.append((mt.start(), mt.end(), extra))
    for mt in _RELATIVE.finditer(text) if has_month or has_week else ():
        if not free(*mt.span()):
            continue
        shift = _SHIFT[mt.group("shift")]
        if mt.group("month"):
            extra = {"value": _shifted_month(today, shift) or "XXXX-XX", "relative": f"{shift:+d}M"}
            md = _int(mt.group("md")) if mt.group("md") else None
            md2 = _int(mt.group("md2")) if mt.group("md2") else None
            if md is not None and 1 <= md <= 31:  # 本月17日, 本月七日: a day of this month
                month = extra["value"]
                extra["value"] = f"{month}-{md:02d}"
                if md2 is not None and md < md2 <= 31:  # 本月7日至9日
                    extra["value"] += f"/{month}-{md2:02d}"
        else:
            wd = mt.group("wd")
            day = 7 if wd in ("日", "天") else _int(wd) if wd else None
            extra = {"value": _shifted_week(today, shift, day) or (f"XXXX-WXX-{day}" if day else "XXXX-WXX"),
                     "relative": f"{shift:+d}W"}
        out.append((mt.start(), mt.end(), _with_edge(extra, mt.group("edge"))))
    for mt in _CENTURY.finditer(text) if "世纪" in text else ():
        n = _int(mt.group("n"))
        if n and 1 <= n <= 22 and free(*mt.span()):
            out.append((mt.start(), mt.end(), _with_edge({"value": f"{n - 1:02d}"}, mt.group("edge"))))
    days_named = "天" in text or "日" in text
    for regex, needed in ((_WEEKDAY, has_week), (_DAY_AFTER_MENTIONED, days_named), (_DAYWORD, days_named),
                          (_SEASONS, "天" in text or "季" in text), (_YEAR_EDGE, has_year)):
        for mt in regex.finditer(text) if needed else ():
            if not free(*mt.span()):
                continue
            g = mt.groupdict()
            if "wd" in g:
                day = 7 if g["wd"] in ("日", "天") else _int(g["wd"])
                extra = {"value": f"XXXX-WXX-{day}"}
            elif "w" in g and g["w"] in _MENTIONED_OFFSET:
                extra = {"value": "XXXX-XX-XX", "relative": f"{_MENTIONED_OFFSET[g['w']]:+d}D", "anchor": "mentioned"}
            elif "w" in g:
                rel = _DAY_OFFSET[g["w"]]
                extra = {"value": _shifted_day(today, rel) or "XXXX-XX-XX", "relative": f"{rel:+d}D"}
            elif "s" in g:
                extra = {}
                year = _year_of({"去年": -1, "今年": 0, "明年": 1}[g["rel"]], anchor, extra) if g["rel"] else "XXXX"
                extra = {"value": f"{year}-{_SEASON[g['s']]}", **extra}
            else:
                extra = _with_edge({"value": "XXXX"}, g["edge"])
            out.append((mt.start(), mt.end(), extra))
    for mt in _DURATION.finditer(text):
        if not free(*mt.span()):
            continue
        g = mt.groupdict()
        n = g["n"]
        unit = g["unit"]
        if unit == "年" and n.isdigit() and len(n) >= 3 and not g["more1"] or (unit == "天" and not g["pre"] and not g["post"] and n in "几数"):
            continue
        if g["pre"] == "这" and n[0] not in "几数":
            continue  # 這 + number: 這三年 is fine, but 這一年 is a determiner phrase; keep 這幾個月 only
        pair = _PAIR.fullmatch(n)  # 兩三年, 三四個月: two or three, an estimate (it was read 23)
        count = "X" if n[0] in ("几", "数") else _int(n[0]) if pair else _int(n)
        if count is None:
            continue
        extra = {"value": f"P{count}{_UNIT[unit.replace('多', '').replace('个', '') or '月']}"}
        if pair:
            extra["mod"], extra["upto"] = "APPROX", _int(n[1])
        mod = {"前": "BEFORE"}.get(g["post"] or "") or \
            ("PAST" if g["pre"] in ("过去", "过去的", "最近", "近") else "FUTURE" if g["pre"] in ("未来", "接下来") else None)
        if "多" in unit or g["more"] or g["more1"]:
            mod = mod or "MORE_THAN"
        if mod and not pair:
            extra["mod"] = mod
        out.append((mt.start(), mt.end(), extra))
    out.sort(key=lambda x: x[0])
    return out


def find_percents(text: str, not_after: frozenset[str] = frozenset()) -> list[tuple[int, int, dict[str, Any]]]:
    out: list[tuple[int, int, dict[str, Any]]] = []
    if "%" not in text and "％" not in text and "成" not in text and "百分之" not in text:
        return out
    for mt in _PERCENT.finditer(text):
        extra: dict[str, Any] = {}
        if mt.group("n"):
            v = cn_number(mt.group("n"))
            value = None if v is None else v / 100
            if mt.group("n2"):
                v2 = cn_number(mt.group("n2"))
                if v2 is not None:
                    extra["max"] = round(v2 / 100, 6)
        elif mt.group("p"):
            v = cn_number(mt.group("p"))
            value = None if v is None else v / 100
            v2 = cn_number(mt.group("p2")) if mt.group("p2") else None
            if v2 is not None:
                extra["max"] = round(v2 / 100, 6)
        else:
            if text[mt.end():mt.end() + 1] in not_after:
                continue
            tens = cn_number(mt.group("c"))
            if tens is None or tens > 10:
                continue
            value = tens / 10 + (cn_number(mt.group("c2")) or 0) / 100 if mt.group("c2") else tens / 10
        if value is None:
            continue
        out.append((mt.start(), mt.end(), {"value": round(value, 6), **extra}))
    return out


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_EN = "|".join(f"{m[:3]}(?:{m[3:]}|\\.)?" if len(m) > 3 else m for m in _MONTHS)
#: a date written in English: November 19, 2025; Nov. 19, 2025; 19 November 2025
ENGLISH_DATE = rx.compile(rf"\b(?:(?P<m1>{_MONTH_EN})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>(?:19|20)\d\d)"
                          rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_EN})\s+(?P<y2>(?:19|20)\d\d))\b")


def english_date(text: str) -> str | None:
    """The first date written in English in ``text``, as ``YYYY-MM-DD`` (a publication line of an
    article with its front matter in English)."""
    m = ENGLISH_DATE.search(text)
    if m is None:
        return None
    month = (m.group("m1") or m.group("m2"))[:3]
    day, year = int(m.group("d1") or m.group("d2")), m.group("y1") or m.group("y2")
    mon = next(i for i, x in enumerate(_MONTHS, 1) if x.startswith(month))
    return f"{year}-{mon:02d}-{day:02d}" if 1 <= day <= 31 else None
_SEASON_EN = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_UNIT_EN = {"Y": "year", "M": "month", "W": "week", "D": "day"}
_REL_DAY_EN = {"+0D": "today", "-1D": "yesterday", "+1D": "tomorrow", "-2D": "the day before yesterday",
               "+2D": "the day after tomorrow"}
_REL_YEAR_EN = {"去": "last year", "今": "this year", "明": "next year", "前": "the year before last"}
_EDGE_EN = {"START": "the beginning of {}", "MID": "the middle of {}", "END": "the end of {}"}


def _num_en(x: float) -> str:
    return f"{x:.6f}".rstrip("0").rstrip(".")


def describe_percent(extra: dict[str, Any]) -> str:
    """English for a percentage: 0.9 -> '90%', a range -> '5% to 10%'."""
    low = _num_en(extra["value"] * 100) + "%"
    return f"{low} to {_num_en(extra['max'] * 100)}%" if "max" in extra else low


_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _count_en(n: int, unit: str) -> str:
    word = _NUMBER_WORDS[n] if n <= 10 else str(n)
    return f"{word} {unit}" + ("s" if n != 1 else "")


def _ordinal_en(n: int) -> str:
    return f"{n}" + ("th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def describe_date(extra: dict[str, Any], surface: str) -> str:
    """Plain English for a DATE found by :func:`find_dates` (``surface`` in the shadow script):
    2012, February–March 2025, last year (2024), April last year, last Wednesday, seven years ago,
    mid-September, June 12, September 30, 2018."""
    value = str(extra.get("value") or "")
    mod, rel = extra.get("mod"), extra.get("relative")
    month_day = re.fullmatch(r"(\d{4}|XXXX)-(\d\d|XX)-(\d\d)(?:/(?:\d{4}|XXXX)-(?:\d\d|XX)-(\d\d))?", value) \
        if rel and rel[-1] == "M" else None
    if month_day:  # 本月17日: the 17th of this month (November 17); 本月7日至9日: the 7th–9th …
        y, mon, d, d2 = month_day.groups()
        month = {"-1M": "last month", "+0M": "this month", "+1M": "next month"}.get(rel, "that month")
        text = f"the {_ordinal_en(int(d))}" + (f"–{_ordinal_en(int(d2))}" if d2 else "") + f" of {month}"
        return f"{text} ({_MONTHS[int(mon) - 1]} {int(d)}" + (f"–{int(d2)}" if d2 else "") + ")" if mon != "XX" else text
    if rel and rel[-1] in "MW" and not value.startswith("XXXX"):  # 上月, 本週三 placed by the article's date
        return _relative_resolved(extra, value, rel, surface)
    m = re.fullmatch(r"P(\d+|X)([YMWD])", value)
    if m:
        n, unit = m.group(1), _UNIT_EN[m.group(2)]
        if n == "X":
            if unit == "year" and re.search(r"[几数]十", surface):
                return "decades"
            return {"PAST": f"the past few {unit}s", "MORE_THAN": f"more than a few {unit}s"}.get(mod or "", f"a few {unit}s")
        amount = _count_en(int(n), unit)
        if mod == "APPROX" and extra.get("upto"):  # 兩三年: two or three years
            return f"{_NUMBER_WORDS[int(n)]} or {_count_en(int(extra['upto']), unit)}"
        if mod == "PAST" and n == "1":
            return f"the past {unit}"
        return {"BEFORE": f"{amount} ago", "PAST": f"the past {amount}", "FUTURE": f"the next {amount}",
                "MORE_THAN": f"more than {amount}"}.get(mod or "", amount)
    early = re.search(r"早些时候|稍早", surface)
    days = re.fullmatch(r"(\d{4}|XXXX)-(\d\d|XX)-(\d\d)(?:/(?:\d{4}|XXXX)-(\d\d|XX)-(\d\d))?", value)
    if days and re.search(r"[年月]|\d{3}", surface) is None:  # 19日, 1日至2日, 今（12）日: no month written
        _y, mon, d1, mon2, d2 = days.groups()
        if mon == "XX":
            text = f"the {_ordinal_en(int(d1))}" + (f"–{_ordinal_en(int(d2))}" if d2 else "")
        else:
            text = f"{_MONTHS[int(mon) - 1]} {int(d1)}"
            if d2:
                text += f"–{int(d2)}" if mon2 == mon else f" – {_MONTHS[int(mon2) - 1]} {int(d2)}"
        if rel:
            word = _REL_DAY_EN.get(rel)
            return f"{word} ({text})" if word else text
        return text
    if days and days.group(4) and days.group(2) == days.group(4) and days.group(2) != "XX":  # April 1–2, 2025
        year = days.group(1)
        text = f"{_MONTHS[int(days.group(2)) - 1]} {int(days.group(3))}–{int(days.group(5))}"
        lead = re.match(r"([去今明前])\s*年", surface)
        return f"{text}, {year}" if year != "XXXX" else f"{text} {_REL_YEAR_EN[lead.group(1)]}" if lead else text
    quarter = re.fullmatch(r"(\d{4}|XXXX)-Q([1-4])", value)
    if quarter:
        text = f"Q{quarter.group(2)} {quarter.group(1)}".replace(" XXXX", "")
    elif re.fullmatch(r"\d{2}", value):
        text = f"the {_ordinal_en(int(value) + 1)} century"
    elif "/" in value:
        a, b = value.split("/")
        ma, mb = re.fullmatch(r"(\d{4}|XXXX)-(\d\d)", a), re.fullmatch(r"(\d{4}|XXXX)-(\d\d)", b)
        if ma and mb:
            text = f"{_MONTHS[int(ma.group(2)) - 1]}–{_MONTHS[int(mb.group(2)) - 1]} {ma.group(1)}".replace(" XXXX", "")
        else:
            text = f"{a}–{b}"
    elif re.match(r"XXXX-W(?:XX|\d)", value):  # a week (not XXXX-WI, a winter)
        day = value.rsplit("-", 1)[-1]
        name = _WEEKDAYS[int(day) - 1] if day.isdigit() else "week"
        shift = {"-1W": "last ", "+1W": "next ", "+0W": "this "}.get(rel or "", "")
        text = f"{shift}{name}"
        if mod and name == "week":
            return {"START": f"early {text}", "MID": f"the middle of {text}", "END": f"late {text}"}[mod]
    elif value == "XXXX-XX-XX" and extra.get("anchor") == "mentioned":
        text = {"-1D": "the day before", "+1D": "the next day"}.get(rel or "", "that day")
    elif value == "XXXX-XX-XX":
        text = _REL_DAY_EN.get(rel or "", "that day")
    elif value == "XXXX-XX":
        text = {"+0M": "this month", "-1M": "last month", "+1M": "next month"}.get(rel or "", "that month")
        if early:
            return f"earlier {text}"
        if mod:
            return {"START": f"early {text}", "MID": f"the middle of {text}", "END": f"late {text}"}[mod]
    else:
        m = re.fullmatch(r"(\d{4}|XXXX)(?:-(\d\d|SP|SU|FA|WI)(?:-(\d\d))?)?", value)
        if not m:
            return value
        year, part, day = m.groups()
        lead = re.match(r"([去今明前])\s*(?:年|[（(])", surface)
        rel_word = _REL_YEAR_EN[lead.group(1)] if lead else None
        year_en = year if year != "XXXX" else ""
        if rel_word:
            bracket = re.search(r"[（(]\s*(\d{4})", surface)
            year_en = f"{rel_word} ({bracket.group(1)})" if bracket else rel_word
        elif value == "XXXX" and mod:
            year_en = "the year"
        if part in _SEASON_EN:
            text = f"{_SEASON_EN[part]} {year_en}".strip()
        elif part:
            month = _MONTHS[int(part) - 1]
            if day:  # US order: June 12, September 30, 2018
                text = f"{month} {int(day)}, {year_en}" if year_en and not rel_word else f"{month} {int(day)} {year_en}"
                text = text.strip()
            elif mod:
                return {"START": f"early {month}", "MID": f"mid-{month}", "END": f"late {month}"}[mod] + \
                    (f" {year_en}" if year_en else "")
            else:
                text = f"{month} {year_en}".strip()
        else:
            text = year_en or value
    if mod in _EDGE_EN and not value.startswith("P"):
        text = _EDGE_EN[mod].format(text)
    return text
