"""Gloss stage: a short English gloss for every token, and the unit's interlinear ``gloss_en``.

Use: ``glosser = Glosser.load()`` once (about 0.2 s; no I/O at import), then
``glosser.gloss_unit(unit)`` for every unit whose tokens are filled.  Lookups are memoised per
(text, Simplified form, POS), so a long document costs little more than its distinct words.

Where a token's gloss comes from, first match wins:

1. whitespace and punctuation get ``None``; Latin-script tokens keep their own text;
2. entities: a token inside an :class:`Entity` that has an ``en`` (or, for a country cluster, English
   ``members``) takes that English.  The first token of the entity carries it; the following tokens
   of the same entity, including punctuation inside it, get ``""`` (the marker for "covered by the
   gloss before"), so ``gloss_en`` shows the name once.  A token that only partly overlaps an entity
   gets the entity's English plus the gloss of its uncovered part;
3. numbers, dates and percents found in the unit text are handled the same way as entities:
   ``2025 年 2、3 月`` -> ``February–March 2025``, ``去（2024）年`` -> ``last year (2024)``,
   ``88.5%`` (also when split over tokens), ``九成`` -> ``90%``, ``兩千`` -> ``2,000``,
   ``民國113年`` -> ``2024 (ROC 113)``, ``第3條`` -> ``Article 3``;
4. ``data/function_words.tsv``: grammatical words, optionally only for some jieba POS tags;
5. the user's extra glossaries, then ``data/glossary.tsv`` (domain overrides), by Traditional
   headword, then by its Simplified form; a row may be limited to some POS tags (美 = US for ``j``);
6. CC-CEDICT (``data/cedict/cedict.tsv.gz``), Traditional headword first, then Simplified.  Its
   senses were shortened when the file was built (:func:`prepare_senses`: no surnames, variants,
   "see ...", classifier notes; parenthetical notes and a leading "to" stripped); one is chosen at
   run time by :func:`choose_sense` (short, noun senses for nouns), and "abbr. for X" / "variant
   of X" are followed to X;
7. a word made only of country abbreviations is a cluster: 美日韓 -> ``US–Japan–South Korea``;
8. unknown names (jieba POS ``nr``/``nrt``/``ns``/``nt``) are romanised and marked with a leading
   ``~`` — the mark means "rendered by sound, not translated": ``~Li Mingjun`` (person: surname
   apart), ``~Gangshanxi`` (place, organisation, transliterated foreign name: one word).  Readings
   come from CC-CEDICT (surname readings for surnames: 曾 Zeng, 單 Shan); pypinyin is imported
   only for the rare character CC-CEDICT lacks.  A name-tagged word that splits into known words
   (由川普 -> ``by Trump``) is glossed, not romanised;
9. other unknown words are split into the fewest known parts, longest first, and the parts' glosses
   joined with spaces (防衛力整備計畫 -> ``defence capability buildup plan``); characters last.

``gloss_en`` joins the token glosses with `` | ``.  Function words whose gloss is a grammatical
label in capitals (``PFV`` 了, ``PASS`` 被, ``OBJ`` 把, ``DUR`` 著, ``EXP`` 過, ``CL`` classifiers,
``PRT`` particles, ``Q`` 嗎, ``PL`` 們) keep that label on the token but are left out of
``gloss_en``; function words with an English equivalent (的 ``'s``, 之 ``of``, 與 ``and``, 將
``will``, 也 ``also``) appear in it.  The ``show`` column of ``function_words.tsv`` says which.
Clause punctuation is attached to the neighbouring gloss (``，`` -> ``,``, ``「…」`` -> ``“…”``) so
long sentences stay readable; tokens glossed ``""`` are skipped.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from . import cache, rx
from .errors import DataError
from .model import Unit
from .patterns import _traditional
from .transcript import compound_surnames, surnames

DATA = Path(__file__).resolve().parent / "data"
CEDICT = DATA / "cedict" / "cedict.tsv.gz"
GLOSSARY = DATA / "glossary.tsv"
FUNCTION_WORDS = DATA / "function_words.tsv"
DESIGNATIONS = DATA / "designations.tsv"
COUNTRY_TITLES = DATA / "country_titles.tsv"

_MISS = object()
CONT = ""  # gloss of a token whose meaning is carried by the gloss of an earlier token
ROMAN = "~"  # prefix of a romanised (untranslated) name
MAX_WORDS = 4

PROPER_POS = {"nr", "nrfg", "nrt", "ns", "nt", "nz", "j"}
NAME_POS = {"nr", "nrfg", "nrt", "ns", "nt"}
VERB_POS = {"v", "vd", "vi", "vf", "vx"}
NOUN_POS = {"n", "vn", "an", "ng", "nz", "s", "f", "t"}

HAN = r"\u2E80-\u2FDF\u3005\u3007\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF"
_HAN = rx.compile(f"[{HAN}]")
_HAN_REF = rx.compile(f"[{HAN}·・]+(?:\\|[{HAN}·・]+)?")
_PAREN = rx.compile(r"\s*\([^()]*\)")
_SKIP = rx.compile(
    r"^(?:(?:[\w-]+ )?surname |(?:\w+ )?variant of |see |see also |also written |also called |"
    r"(?:(?:Taiwan|Tw|also|old|Cantonese) )?pr\.(?: |$)|used in |abbr\. to |CL:|classifier for |(?:old )?name of the letter )",
    re.I,
)
# notes on the character rather than senses of the word: 广 '"house on a cliff" radical in Chinese
# characters', 石 'ancient pr' (a pronunciation note cut short)
_NOT_A_GLOSS = rx.compile(r"radical in Chinese charac|^radical no\.? ?\d+$|Kangxi radical|^ancient pr$", re.I)
_REDIRECT = rx.compile(r"^(?:(?:\w+ )*variant of|abbr\. for|same as|see(?: also)?|equivalent to)\s+(.*)$", re.I)
_LEAD = rx.compile(r"^(?:lit\.|fig\.|(?:\(.*?\)\s*)+|to be |to |a |an |the )\s*", re.I)
_WS = rx.compile(r"\s+")
_SURNAME = rx.compile(r"^(?:[\w-]+ )?surname (\w+)")
_PLACE = rx.compile(r"\b(?:county|township|district|town|village|prefecture|city|province|river|mountain)\b", re.I)
_FIG = rx.compile(r"(?:^|[;,]\s*)fig\.\s+(\S.*)")
_ESP = rx.compile(r",?\s*\b(?:esp|usu|i\.e|e\.g)\.\s.*$")
_ETC_LIST = rx.compile(r"(?<=,)[^,()]*\betc\.?(?=[\s;]|$)")  # the last items of a list ending in etc (outside brackets)
_FILLER = rx.compile(r"\s*\b(?:sth|sb|sb's|sth's|etc\.?)(?=[\s,;]|$)")

# --- numbers -----------------------------------------------------------------------------------
_CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"萬": 10**4, "万": 10**4, "億": 10**8, "亿": 10**8, "兆": 10**12, "萬億": 10**12, "万亿": 10**12}  # 1.25萬億: Mainland's trillion
_CN_NUM = "零〇○一二兩两三四五六七八九十百千萬万億亿兆"
_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
_ORD = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
_REL_YEAR = {"去": "last year", "今": "this year", "明": "next year", "前": "the year before last"}
_REL_DAY = {"今": "today", "昨": "yesterday", "明": "tomorrow", "前": "the day before yesterday"}
_REL_MONTH = {"本": "this month", "上": "last month", "下": "next month"}
_YEAR_PART = {"初": "early {}", "底": "end of {}", "末": "end of {}", "中": "mid-{}"}
_ORD_NOUN = {"次": "time", "屆": "term", "届": "term", "任": "", "輪": "round", "轮": "round", "個": "", "个": "",
             "名": "place", "季": "quarter", "波": "wave", "期": "phase", "章": "chapter", "條": "", "条": "",
             "位": "place", "圈": "lap", "局": "inning", "場": "game", "场": "game", "天": "day", "年": "year"}

_D = r"[0-9０-９]+(?:,[0-9０-９]{3}(?![0-9０-９]))*(?:[.．][0-9０-９]+)?"
_C = f"[{_CN_NUM}]+"
_NUMBER_SPAN = rx.compile(
    "|".join([
        r"(?P<rel>[去今明前])\s*[（(]\s*(?P<rely>\d{4})\s*[）)]\s*年",
        r"(?P<reld>[今昨明前])\s*[（(]\s*(?P<reldd>\d{1,2})\s*[）)]\s*[日號号]",
        r"(?P<relm>[本上下])\s*[（(]\s*(?P<relmm>\d{1,2})\s*[）)]\s*月",
        r"(?P<ym2y>\d{4})\s*年\s*(?P<ym2a>\d{1,2})\s*[、,，至到~～\-–—]\s*(?P<ym2b>\d{1,2})\s*月",
        r"(?P<ymy>\d{4})\s*年\s*(?P<ymm>\d{1,2})\s*月(?:\s*(?P<ymd>\d{1,2})\s*[日號号]"
        r"(?:\s*[至到~～\-–—]\s*(?P<ymd2>\d{1,2})\s*[日號号])?|份?(?P<ymp>[初底末]))?",
        r"民國\s*(?P<roc>\d{2,3})\s*年",
        f"(?P<ago>\\d{{1,3}}|{_C})\\s*(?P<agou>年|個月|个月|天|日|週|周|星期)前",
        r"(?P<dec>\d{4})\s*年代",
        r"(?P<yp>\d{4})\s*年(?P<ypp>[初底末])",
        r"(?P<y>\d{4}|1[01]\d)\s*年(?![代度])",
        r"(?P<yy>\d{1,2})\s*年(?![代度])",
        r"(?<![\d年])(?P<mdm>\d{1,2})\s*月\s*(?P<mdd>\d{1,2})\s*[日號号]",
        r"(?<![\d年個个])(?P<m>\d{1,2})\s*月份?(?P<mp>[初底末])?",
        r"(?P<hh>\d{1,2})\s*[點点](?:\s*(?P<hm>\d{1,2})\s*分|(?P<half>半))?",
        f"(?P<mon>{_D}|{_C})\\s*[個个]月",
        f"(?P<pct>{_D})\\s*[%％]",
        f"百分之\\s*(?P<pct2>{_D}|{_C})",
        f"(?P<pp>{_D}|{_C})\\s*[個个]?百分點",
        r"(?P<cheng>[一二三四五六七八九])成(?P<cheng2>[一二三四五六七八九])?(?![員员功立績绩本果熟就不為为長长交型])",
        f"第\\s*(?P<ord>{_D}|[{_CN_NUM}]+)\\s*(?P<ordn>[次屆届輪轮個个名季波期章條条位圈局場场天年]|任(?![期務务命]))?",
        # 9兆4000億, 1萬2千, 2億3千萬
        f"(?P<big>{_D})\\s*(?P<bigu>萬億|万亿|[萬万億亿兆])(?:\\s*(?P<big2>{_D})\\s*(?P<bigu2>[千百]?[萬万億亿]|[千百](?![萬万億亿])))?",
        # a Chinese-numeral amount with a myriad unit: 一兆八千億, 九千億, 三萬五千
        "(?P<cbig>[一二兩两三四五六七八九十][一二兩两三四五六七八九十百千〇零]*[萬万億亿兆][一二兩两三四五六七八九十百千〇零萬万億亿]*)",
        f"(?P<sa>{_D})\\s*比\\s*(?P<sb>{_D})",
        f"(?P<num>{_D})",
    ])
)
_NUMBER_START = rx.compile(f"[0-9０-９去今明前昨本上下民百第{_CN_NUM}]")
_NUMERAL = rx.compile(f"[0-9０-９百第數数幾几{_CN_NUM}]")  # a token without these is no number
_CN_NUMBER = rx.compile(f"^{_C}$")
_SEVERAL = rx.compile("^[數数幾几]([十百千])?([萬万億亿兆])?$")
_MAGNITUDES = ["", "dozens", "hundreds", "thousands", "tens of thousands", "hundreds of thousands", "millions",
               "tens of millions", "hundreds of millions", "billions", "tens of billions", "hundreds of billions",
               "trillions", "tens of trillions", "hundreds of trillions", "thousands of trillions"]
#: classifiers (shadow script, plus the Traditional forms a token's text may have)
_CLASSIFIERS = "個个位名項项條条件種种場场份架艘枚間间家座輛辆棟栋隻只頭头起道筆笔批顆颗台臺部支張张本篇封則则所門门具輪轮趟套雙双根塊块片粒發发"
_COUNTED = rx.compile(f"^({_C}|{_D}|[數数幾几])\\s*([餘余多])?\\s*[{_CLASSIFIERS}]$")

_OPEN = {"「": "“", "『": "‘", "“": "“", "（": "(", "(": "(", "《": "“", "〈": "‘", "[": "[", "【": "["}
_CLOSE = {"」": "”", "』": "’", "”": "”", "）": ")", ")": ")", "》": "”", "〉": "’", "]": "]", "】": "]",
          "，": ",", ",": ",", "、": ",", "；": ";", ";": ";", "：": ":", ":": ":", "。": ".", ".": ".",
          "！": "!", "!": "!", "？": "?", "?": "?", "…": "…", "⋯": "…"}


_CREDIT_MARKS = ("／", "/", "╱", "：", ":")


@lru_cache(maxsize=1)
def _translit_chars() -> frozenset[str]:
    """Characters of transliterated foreign names (entity_rules.yaml), in both scripts."""
    from .entities import rules_file_data
    from .patterns import t2s_converter

    chars = "".join(str(rules_file_data().get("transliteration_chars", "")).split())
    return frozenset(chars + t2s_converter().convert(chars))


@lru_cache(maxsize=4096)
def _name_start(word: str) -> bool:
    """Does ``word`` begin with a surname of the entity rules (Chinese, compound or Korean)?"""
    from .entities import rules_file_data

    korean = rules_file_data().get("korean_surnames") or []
    for t in {word[:2], _traditional(word[:2])}:  # 朴 as written: its Traditional form would be 樸
        if t[:1] in surnames() or t[:2] in compound_surnames() or t[:1] in korean or t[:2] in korean:
            return True
    return False


def cn_to_number(s: str) -> int | None:
    """Chinese numeral to int: 兩千 -> 2000, 三萬五千 -> 35000, 二〇二四 -> 2024; None if not one."""
    if not s or any(c not in _CN_DIGITS and c not in _CN_UNITS and c not in _CN_BIG for c in s):
        return None
    if all(c in _CN_DIGITS for c in s):  # positional: 二〇二四
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    total = section = digit = top = 0
    for c in s:
        if c in _CN_DIGITS:
            digit = _CN_DIGITS[c]
        elif c in _CN_UNITS:
            section += (digit or 1) * _CN_UNITS[c]
            digit = 0
        else:
            big = _CN_BIG[c]
            section += digit
            if big > top:  # 兩萬億: the larger unit multiplies everything before it
                total, top = ((total + section) or 1) * big, big
            else:  # 三億五千萬: a smaller unit only its own section
                total += section * big
            section = digit = 0
    return total + section + digit


def _to_float(s: str) -> float | None:
    s = unicodedata.normalize("NFKC", s).replace(",", "")
    try:
        return float(s)
    except ValueError:
        v = cn_to_number(s)
        return None if v is None else float(v)


def fmt_number(v: float, words: bool = False) -> str:
    """2000 -> '2,000', 3e8 -> '300 million', 88.5 -> '88.5'; small whole numbers as words if asked."""
    if words and v == int(v) and 0 <= v <= 10:
        return _WORDS[int(v)]
    for size, name in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if v >= size and (v / size) * 100 == int((v / size) * 100):
            return f"{v / size:,.2f}".rstrip("0").rstrip(".") + f" {name}"
    if v == int(v):
        return f"{int(v):,}"
    return f"{v:,.6f}".rstrip("0").rstrip(".")


def _ordinal(n: int, digits: bool = False) -> str:
    if 0 <= n <= 10 and not digits:
        return _ORD[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _month(s: str) -> str | None:
    m = int(unicodedata.normalize("NFKC", s))
    return MONTHS[m - 1] if 1 <= m <= 12 else None


def _number_english(m: re.Match) -> str | None:
    """English for one match of :data:`_NUMBER_SPAN` (None: leave the tokens to the dictionary)."""
    g = {k: unicodedata.normalize("NFKC", v) if v else v for k, v in m.groupdict().items()}
    if g["rel"]:
        return f"{_REL_YEAR[g['rel']]} ({g['rely']})"
    if g["reld"]:  # 今（12）日: Taiwan news dates
        return f"{_REL_DAY[g['reld']]} ({_ordinal(int(g['reldd']), digits=True)})"
    if g["relm"]:
        mon = _month(g["relmm"])
        return f"{_REL_MONTH[g['relm']]} ({mon})" if mon else None
    if g["ym2y"]:
        a, b = _month(g["ym2a"]), _month(g["ym2b"])
        return f"{a}–{b} {g['ym2y']}" if a and b else None
    if g["ymy"]:
        mon = _month(g["ymm"])
        if not mon:
            return None
        if g["ymd"]:
            days = f"{int(g['ymd'])}–{int(g['ymd2'])}" if g["ymd2"] else str(int(g["ymd"]))
            return f"{days} {mon} {g['ymy']}"
        return _YEAR_PART[g["ymp"]].format(f"{mon} {g['ymy']}") if g["ymp"] else f"{mon} {g['ymy']}"
    if g["ago"]:  # 3 年前 -> 3 years ago
        v = _to_float(g["ago"])
        unit = {"年": "year", "天": "day", "日": "day", "週": "week", "周": "week", "星期": "week"}.get(g["agou"], "month")
        return None if v is None else f"{fmt_number(v)} {unit}{'' if v == 1 else 's'} ago"
    if g["roc"]:
        return f"{int(g['roc']) + 1911} (ROC {int(g['roc'])})"
    if g["dec"]:
        return f"{g['dec']}s"
    if g["yp"]:
        return _YEAR_PART[g["ypp"]].format(g["yp"])
    if g["y"]:
        y = int(g["y"])
        return str(y) if y >= 1000 else f"{y + 1911} (ROC {y})"
    if g["yy"]:
        return f"{int(g['yy'])} years" if int(g["yy"]) != 1 else "1 year"
    if g["mdm"]:
        mon = _month(g["mdm"])
        return f"{int(g['mdd'])} {mon}" if mon else None
    if g["m"]:
        mon = _month(g["m"])
        return _YEAR_PART[g["mp"]].format(mon) if mon and g["mp"] else mon
    if g["hh"]:  # 下午 3 點: a clock time only after a time of day, else "points"
        before = m.string[: m.start()].rstrip()[-1:]
        if before not in ("午", "上", "晚", "間", "晨", "間", "天") or int(g["hh"]) > 24:
            return None
        minutes = "30" if g["half"] else f"{int(g['hm']):02d}" if g["hm"] else None
        return f"{int(g['hh'])}:{minutes}" if minutes else f"{int(g['hh'])} o'clock"
    if g["mon"]:
        v = _to_float(g["mon"])
        return None if v is None else f"{fmt_number(v)} month" + ("" if v == 1 else "s")
    if g["pct"]:
        return f"{g['pct']}%"
    if g["pct2"]:
        v = _to_float(g["pct2"])
        return None if v is None else f"{fmt_number(v)}%"
    if g["pp"]:
        v = _to_float(g["pp"])
        return None if v is None else f"{fmt_number(v)} percentage points"
    if g["cheng"]:
        v = _CN_DIGITS[g["cheng"]] * 10 + (_CN_DIGITS[g["cheng2"]] if g["cheng2"] else 0)
        return f"{v}%"
    if g["ord"]:
        v = _to_float(g["ord"])
        if v is None or v != int(v):
            return None
        noun = g["ordn"]
        if noun in ("條", "条"):
            return f"Article {int(v)}"
        tail = _ORD_NOUN.get(noun or "", "")
        return _ordinal(int(v)) + (f" {tail}" if tail else "")
    if g["sa"]:  # a score: 16.5 比 10.5
        return f"{g['sa']}–{g['sb']}"
    if g["cbig"]:
        v = cn_to_number(g["cbig"])
        return None if v is None else fmt_number(v)
    if g["big"]:
        v = _to_float(g["big"])
        if v is None:
            return None
        v *= _CN_BIG[g["bigu"]]
        unit2 = 1
        for ch in g["bigu2"] or "":
            unit2 *= _CN_BIG.get(ch) or {"千": 1000, "百": 100}[ch]
        if g["big2"] and unit2 < _CN_BIG[g["bigu"]]:  # 9兆4000億: one amount, 9.4 trillion; 1萬2千: 12,000
            v2 = _to_float(g["big2"])
            v += (v2 or 0) * unit2
        return fmt_number(v)
    if g["num"]:
        return g["num"]
    return None


_IN_DESIGNATION = rx.compile(r"[A-Za-z][\d-]|-(?<=[A-Za-z]-)\d")
_ALNUM_RUN = rx.compile(r"[A-Za-z0-9-]*")
_CLOCK = rx.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?![\d:])")


@lru_cache(maxsize=1)
def _designation_re() -> tuple["re.Pattern[str]", dict[str, str]]:
    """The designations of designations.tsv as one pattern, and each prefix's Latin form (both
    scripts)."""
    rows = [fields[:2] for _n, fields in _read_tsv(DESIGNATIONS, 2)]
    simplified = _shadow([prefix for prefix, _en in rows])
    latin: dict[str, str] = {}
    for prefix, en in rows:
        latin[prefix] = latin[simplified.get(prefix, prefix)] = en
    alternation = "|".join(map(re.escape, sorted(latin, key=len, reverse=True))) or "(?!)"
    return rx.compile(f"({alternation})\\s*[-－–—]\\s*(\\d{{1,3}}[A-Z]{{0,2}})(?![A-Za-z0-9])"), latin


_DASH = rx.compile("[-－–—]")


def designation_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, Latin designation) for 殲-16 (J-16), 轟-6K (H-6K), 東風-41 (DF-41) in ``text``."""
    pattern, latin = _designation_re()
    return [(m.start(), m.end(), f"{latin[m.group(1)]}-{m.group(2)}") for m in pattern.finditer(text)]


def number_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, English) for every number, date and percent in ``text``."""
    out = []
    end = 0
    for start in _NUMBER_START.finditer(text):  # try the big pattern only where a number can begin
        i = start.start()
        if i < end:
            continue
        if i and _IN_DESIGNATION.match(text, i - 1):
            end = _ALNUM_RUN.match(text, i).end()  # 16 in F-16V, 7 in G7: part of a name, glossed as written
            continue
        clock = _CLOCK.match(text, i)
        if clock and not (i and text[i - 1].isdigit()):  # 09:12:33 is a time of day, as written
            end = clock.end()
            out.append((i, end, clock.group()))
            continue
        m = _NUMBER_SPAN.match(text, i)
        if m:
            end = m.end()
            en = _number_english(m)
            if en:
                out.append((i, end, en))
    return out


# --- senses ------------------------------------------------------------------------------------
def clean_sense(sense: str) -> str:
    """Strip parenthetical notes, Chinese cross-references, 'to'/'a'/'the', and keep the first clause."""
    s = _HAN_REF.sub("", sense) if _HAN.search(sense) else sense  # (cheap tests before each regex)
    if "fig." in s:
        fig = _FIG.search(s)
        if fig:  # "lit. ...; fig. to make a fresh start" -> the figurative sense
            s = fig.group(1)
    examples = False
    if "sth" in s or "sb" in s or "etc" in s:
        s, n = _ETC_LIST.subn("", s)
        examples = n > 0  # "to join a society, association etc": the first example
        s = _FILLER.sub("", s)
    prev = None
    while "(" in s and prev != s:
        prev, s = s, _PAREN.sub("", s)
    s = s.split(";")[0].strip()
    if examples:
        s = s.split(",")[0]
    while True:
        t = _LEAD.sub("", s, count=1)
        if t == s or not t.strip():
            break
        s = t
    s = _WS.sub(" ", s).strip(" ,.:-!?")
    if "." in s:
        s = _ESP.sub("", s)
    if "," in s and (len(s.split()) > MAX_WORDS or s[:1].isupper() and " and " not in s):  # "Virginia, US state"
        s = s.split(",")[0].strip()
    if len(s.split()) > 3 and " or " in s:  # "stay up late or all night"
        s = s.split(" or ")[0].strip()
    if len(s.split()) > MAX_WORDS and " in " in s and s[:1].isupper():  # "Wufeng Township in Taichung County"
        s = s.split(" in ")[0].strip()
    return s


def split_senses(defs: str) -> list[str]:
    return [d for d in defs.split("/") if d.strip()] if defs else []


def prepare_senses(senses: Sequence[str]) -> list[str]:
    """CC-CEDICT senses as short candidate glosses, each with a one-letter kind in front.

    ``t`` a verb sense ("to ..."), ``n`` any other sense, ``l`` a literal meaning (used last),
    ``r`` a headword that a "variant of X" / "abbr. for X" sense points to, ``s`` a surname.
    Dropped: "see ...", "CL:" and classifier notes, pronunciation notes, senses that are only
    Chinese.  ``build_cedict.py`` stores senses in this form, so choosing one at run time is cheap.
    """
    items: list[str] = []
    for raw in senses:
        raw = raw.strip()
        core = _PAREN.sub("", raw).strip() if raw.startswith("(") else raw
        r = _REDIRECT.match(core)
        if r:
            ref = _HAN_REF.search(r.group(1))
            rest = clean_sense(r.group(1))  # "abbr. for 中國共產黨, Chinese Communist Party"
            if rest and not rest.lower().startswith(("sb", "sth")):
                items.append("n" + rest)
            elif ref:
                items.append("r" + ref.group(0).split("|")[0])
            continue
        m = _SURNAME.match(core)
        if m:
            items.append("s" + m.group(1))
            continue
        if core.startswith("classifier") and ":" in core:  # "classifier ...: some"
            raw = core = core.split(":", 1)[1].strip()
        if _SKIP.match(core) or _SKIP.match(raw):
            continue
        g = clean_sense(raw)
        if not g or _HAN.search(g) or "/" in g or _NOT_A_GLOSS.search(g):
            continue
        if core.startswith("lit.") and "fig." not in core:
            items.append("l" + g)
        else:
            items.append(("t" if core.lower().startswith("to ") else "n") + g)
    return items


def choose_sense(items: Sequence[str], pos: str | None = None) -> tuple[str | None, str | None]:
    """Pick one gloss from :func:`prepare_senses` items: ``(gloss, redirect)``.

    Keeps CC-CEDICT's order (most common first) but prefers glosses of at most four words; for
    nouns a sense that is not a verb ("to ..."), for verbs a "to ..." sense over a nominal first one
    (準備 "prepare", not "preparation"); literal meanings only when nothing else is left.
    """
    cands = [(x[1:], x[0] == "t") for x in items if x[0] in "tn"]
    cands += [(x[1:], False) for x in items if x[0] == "l"]
    if not cands:
        return None, next((x[1:] for x in items if x[0] == "r"), None)
    redirect = None  # only needed when no sense is left
    want_noun = bool(pos) and (pos in NOUN_POS or pos in PROPER_POS)
    if pos in VERB_POS and not cands[0][1] and len(cands) > 1 and cands[1][1]:
        cands.insert(0, cands.pop(1))
    short = [c for c in cands if len(c[0].split()) <= MAX_WORDS]
    for pool in ([c for c in short if not (want_noun and c[1])], short, cands):
        if pool:
            return pool[0][0], redirect
    return cands[0][0], redirect


def pick_sense(senses: Sequence[str], pos: str | None = None) -> tuple[str | None, str | None]:
    """Choose one short English sense from raw CC-CEDICT senses: ``(gloss, redirect)``.

    ``redirect`` is the headword a "variant of X" / "abbr. for X" sense points to, for the caller
    to look up when no usable sense is left.  Skips surnames, variants, "see ...", "CL:" and
    classifier notes; takes the figurative over the literal sense.
    """
    return choose_sense(prepare_senses(senses), pos)


# --- resources ---------------------------------------------------------------------------------
def _read_tsv(path: Path, min_fields: int) -> list[tuple[int, list[str]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataError(f"cannot read glossary: {exc.strerror}", "check the path", str(path)) from exc
    rows = []
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) < min_fields or not fields[0] or not fields[min_fields - 1]:
            raise DataError(
                f"line {n} needs {min_fields} tab-separated fields, got {line!r}",
                "separate headword and gloss with a TAB",
                str(path),
            )
        rows.append((n, fields))
    return rows


def _cedict() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """The bundled CC-CEDICT's three tables — Traditional headword -> senses, Simplified ->
    Traditional headwords, character -> readings — parsed once and cached on disk (:mod:`pipeline.cache`):
    reading the cache takes about a third of the time of parsing the file."""
    try:
        key = cache.key_of("cedict", 1, cache.file_stamp(CEDICT))
    except OSError as exc:
        raise DataError("the bundled CC-CEDICT is missing or unreadable",
                        "reinstall zhgloss or run pipeline/data/cedict/build_cedict.py", str(CEDICT)) from exc
    return tuple(cache.cached_marshal("cedict", key, _parse_cedict))


def _parse_cedict() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    try:
        raw = gzip.decompress(CEDICT.read_bytes()).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise DataError("the bundled CC-CEDICT is missing or unreadable",
                        "reinstall zhgloss or run pipeline/data/cedict/build_cedict.py", str(CEDICT)) from exc
    main, _, rest = raw.partition("\n#simplified\n")
    simp, _, pinyin = rest.partition("\n#pinyin\n")
    cedict = dict(line.split("\t", 1) for line in main.split("\n")[1:] if line)
    simp_index = dict(line.split("\t", 1) for line in simp.split("\n") if line)
    readings = dict(line.split("\t", 1) for line in pinyin.split("\n") if line)
    return cedict, simp_index, readings


def glossary_headwords(extra_glossary: Sequence[Path] = ()) -> list[str]:
    """Headwords of two or more characters of the glossaries: the segmenter adds the ones jieba
    does not know (編按, 研發長), so that they come out as one token and get their gloss."""
    words = []
    for path in [*extra_glossary, GLOSSARY]:
        for _n, f in _read_tsv(Path(path), 2):
            if len(f[0]) >= 2 and _HAN.search(f[0]):
                words.append(f[0])
    return words


def _shadow(words: Sequence[str]) -> dict[str, str]:
    """Simplified form of each Traditional headword (OpenCC t2s), for texts written in Simplified."""
    from .segment import opencc_for

    convert = opencc_for("t2s").convert
    return {w: convert(w) for w in words}


class Glosser:
    """Dictionary glosser; build with :meth:`load` once and reuse (lookups are memoised)."""

    def __init__(self, cedict: dict[str, str], simp_index: dict[str, str], glossary: dict[str, str],
                 function_words: dict[str, list[tuple[frozenset[str] | None, str, bool]]],
                 readings: dict[str, str] | None = None):
        self._cedict = cedict
        self._simp = simp_index
        self._glossary = glossary
        self._function = function_words
        self.hidden = {g for rows in function_words.values() for _p, g, show in rows if not show}
        self._memo: dict[tuple[str, str, str | None], str | None] = {}
        self._words: dict[tuple[str, bool], str | None] = {}
        self._readings = readings or {}  # character -> "reading<TAB>reading as a surname"
        self._pinyin = None
        #: one-character country/place abbreviations (glossary rows tagged j): 美 -> US, 日 -> Japan
        self._abbr = {k[:-2]: v for k, v in glossary.items() if k.endswith("@j") and len(k) == 3}
        self._abbr_names = set(self._abbr.values())
        self._tagged = {k.partition("@")[0] for k in glossary if "@" in k}  # words with POS-limited rows
        chars = re.escape("".join(self._abbr)) or "^$"
        self._abbr_pair = rx.compile(f"[{chars}]{{2}}")
        self.titles: tuple[str, ...] = ()  # title words (Simplified): 前 right before one is "former"

    @classmethod
    def load(cls, extra_glossary: Sequence[Path] = ()) -> "Glosser":
        """Read CC-CEDICT, the domain glossary and the function words (about 0.2 s).

        ``extra_glossary``: the user's TSV files in the format of ``data/glossary.tsv``
        (``headword<TAB>gloss[<TAB>POS,POS]``); earlier files win over later ones and over the
        bundled glossary.  Raises :class:`DataError` for an unreadable or malformed file.
        """
        cedict, simp_index, readings = _cedict()

        glossary: dict[str, str] = {}  # headword -> gloss, or headword@POS -> gloss
        for path in [*extra_glossary, GLOSSARY]:  # earlier files win
            for _n, f in _read_tsv(Path(path), 2):
                tags = f[2].split(",") if len(f) > 2 and f[2] else [""]
                for tag in tags:
                    glossary.setdefault(f"{f[0]}@{tag}" if tag else f[0], f[1])
        shadow = _shadow({k.split("@")[0] for k in glossary})
        for key in list(glossary):
            head, at, tag = key.partition("@")
            glossary.setdefault(shadow.get(head, head) + at + tag, glossary[key])

        function_words: dict[str, list] = {}
        rows = _read_tsv(FUNCTION_WORDS, 4)
        shadow = _shadow([f[0] for _n, f in rows])
        for n, f in rows:
            word, pos, gloss, show = f[:4]
            if show not in ("yes", "no"):
                raise DataError(f"line {n}: show must be yes or no, got {show!r}", "", str(FUNCTION_WORDS))
            tags = frozenset(pos.split(","))
            entry = (None if "*" in tags else tags, gloss, show == "yes")
            for key in {word, shadow.get(word, word)}:
                function_words.setdefault(key, []).append(entry)
        glosser = cls(cedict, simp_index, glossary, function_words, readings)
        glosser.titles = _titles()
        return glosser

    # -- single words ---------------------------------------------------------------------------
    def _lookup_simplified(self, text: str, simp: str, pos: str | None = None) -> str | None:
        """:meth:`lookup` of a word written in Simplified characters, by its Traditional form."""
        return self.lookup(_traditional(text), simp, pos)

    def lookup(self, trad: str, simp: str, pos: str | None = None) -> str | None:
        """Short English gloss of one word; None for punctuation and whitespace."""
        key = (trad, simp, pos)
        try:
            return self._memo[key]
        except KeyError:
            pass
        g = self._lookup(trad, simp if len(simp) == len(trad) else trad, pos)
        self._memo[key] = g
        return g

    def _lookup(self, trad: str, simp: str, pos: str | None) -> str | None:
        text = trad.strip()
        if not text:
            return None
        if text in ("%", "％"):
            return "percent"
        if not any(c.isalnum() for c in text):
            return None
        if not _HAN.search(text):
            m = _NUMBER_SPAN.fullmatch(text)
            return (_number_english(m) or text) if m else text
        fw = self._function_word(trad, simp, pos)  # before numbers: 萬一 "in case", 一一 "one by one"
        if fw is not None:
            return fw
        number = self._number(text) if _NUMERAL.search(text) else None
        if number:
            return number
        if len(simp) != len(trad):
            simp = trad
        g = self._dictionary(trad, simp, pos)
        if g:
            return g
        if len(trad) in (2, 4) and trad[0] == trad[1] and (len(trad) == 2 or trad[2] == trad[3]):
            g = self._word(trad[0] if len(trad) == 2 else trad[0] + trad[2])  # 陣陣, 來來往往
            if g:
                return g
        if len(trad) > 1 and all(c in self._abbr for c in trad):  # 美日韓 -> US–Japan–South Korea
            return "–".join(self._abbr[c] for c in trad)
        if pos in ("nr", "nrfg") and not _name_start(trad) and self._mostly_words(trad, simp):
            parts = self._split(trad, simp)  # jieba's guess at a name that starts with no surname, made
            if parts:  # of words: a word it does not know (遠|高於 "far higher than", 新|一波 "a new wave")
                return self._join(parts)  # — not a transliteration (森|斯|坦 stays ~Sensitan)
        if len(trad) in (2, 3) and trad[-1] == "姓" and self._is_surname(trad[:-1]):  # 王姓男子: a man surnamed Wang
            return "surnamed " + self.romanise(trad[:-1], person=True).lstrip(ROMAN)
        if pos in NAME_POS:
            if pos in ("nr", "nrfg") and len(trad) >= 3 and trad[:2] in compound_surnames():
                return self.romanise(trad, person=True)  # 歐陽明: Ouyang Ming, not 歐 Europe + 陽明
            parts = self._split(trad, simp, names=True)
            if parts:
                return self._join(parts)
            person = pos in ("nr", "nrfg") and (self._is_surname(trad[:2]) or self._is_surname(trad[:1]))
            return self.romanise(trad, person=person)  # nrt (transliterated names): one word
        parts = self._split(trad, simp, noun=pos in NOUN_POS)
        return self._join(parts) if parts else self.romanise(trad, person=False)

    def _mostly_words(self, trad: str, simp: str) -> bool:
        """Is ``trad`` words of two characters or more, but for one character at most, and not all
        characters of transliterations (布雷特 is Brett, not 布雷 "lay mines" + 特)?"""
        i, singles = 0, 0
        while i < len(trad):
            j = next((j for j in range(min(len(trad), i + 6), i + 1, -1)
                      if self._word(trad[i:j]) is not None or self._word(simp[i:j]) is not None), None)
            if j is None:
                singles, i = singles + 1, i + 1
            else:
                i = j
        return singles <= 1 and len(trad) - singles >= 2 and not all(c in _translit_chars() for c in trad)

    def _join(self, parts: list[str]) -> str:
        """Glosses of the parts of a split word; country abbreviations as a cluster (US–Japan)."""
        parts = [p for p in parts if p]
        names = self._abbr_names
        if len(parts) > 1 and all(all(x in names for x in re.split("[-–]", p)) for p in parts):
            return "–".join(p.replace("-", "–") for p in parts)
        return " ".join(parts)

    def _is_surname(self, w: str) -> bool:
        if w in compound_surnames():
            return True
        row = self._cedict.get(w)
        return bool(row) and len(w) == 1 and any(x[:1] == "s" for x in row.split("\t")[2].split("/"))

    def _number(self, text: str) -> str | None:
        if _CN_NUMBER.match(text) and len(text) > 1 or text in ("兩", "两", "〇", "零"):
            v = cn_to_number(text)
            if v is not None:
                return fmt_number(v, words=True)
        m = _NUMBER_SPAN.fullmatch(text)
        if m:
            return _number_english(m)
        m = _SEVERAL.match(text)  # 數百億 "tens of billions"
        if m:
            k = {"十": 1, "百": 2, "千": 3}.get(m.group(1) or "", 0) + {"萬": 4, "万": 4, "億": 8, "亿": 8, "兆": 12}.get(
                m.group(2) or "", 0)
            return _MAGNITUDES[k] if k else None
        m = _COUNTED.match(text)  # 一間, 三名, 兩個: the number; the classifier has no English
        if m and m.group(1) in ("數", "数", "幾", "几"):
            return "several"
        if m:
            v = _to_float(m.group(1))
            if v is None:
                return None
            n = fmt_number(v, words=bool(_CN_NUMBER.match(m.group(1))))
            return f"more than {n}" if m.group(2) else n  # 十餘家 "more than ten"
        return None

    def _function_word(self, trad: str, simp: str, pos: str | None) -> str | None:
        rows = self._function.get(trad) or self._function.get(simp)
        for allowed, gloss, _show in rows or ():
            if allowed is None or pos in allowed or pos == "":
                return gloss
        return None

    def _dictionary(self, trad: str, simp: str, pos: str | None, depth: int = 0) -> str | None:
        """Glossary, then CC-CEDICT; no splitting, no romanisation."""
        if pos and (trad in self._tagged or simp in self._tagged):
            g = self._glossary.get(f"{trad}@{pos}") or self._glossary.get(f"{simp}@{pos}")
            if g:
                return g
        g = self._glossary.get(trad) or self._glossary.get(simp)
        if g:
            return g
        row = self._cedict.get(trad)
        if row is None:
            alt = self._simp.get(simp)
            row = self._cedict.get(alt) if alt else self._cedict.get(simp)
        if row is None:
            return None
        _s, common, proper = row.split("\t")  # prepared senses, see prepare_senses()
        if pos in NAME_POS and len(trad) == 1 and proper.startswith("s"):  # 李/nr: a surname
            return ROMAN + proper.split("/")[0][1:]
        # a single character tagged as a name is an abbreviation (中 China, 俄 Russia); a longer word
        # keeps its ordinary sense first even when tagged as a name (和平 "peace", not "Heping Township")
        proper_first = pos in PROPER_POS and (len(trad) == 1 or not common)
        senses = split_senses(proper) + split_senses(common) if proper_first else \
            split_senses(common) + split_senses(proper)
        gloss, redirect = choose_sense(senses, pos)
        if gloss:
            return gloss
        if redirect and depth < 3 and redirect != trad:
            g = self._dictionary(redirect, redirect, pos, depth + 1)
            if g:
                return g
        if pos in NAME_POS:  # "surname Li" for a name: keep the name, not the word "surname"
            for item in senses:
                if item[0] == "s":
                    return ROMAN + item[1:]
        return None

    def headword(self, trad: str) -> str | None:
        """The gloss of ``trad`` as a word of the glossary or CC-CEDICT in its own right (not put
        together from its characters); None if neither lists it."""
        return self._word(trad) or None if len(trad) > 1 else None

    def _word(self, w: str, noun: bool = False) -> str | None:
        """Gloss of a dictionary part (for splitting), memoised; None if not a known word, "" for a
        known word with no gloss of its own in ``gloss_en`` (a classifier, an aspect particle)."""
        key = (w, noun)
        if key in self._words:
            return self._words[key]
        numeral = _NUMERAL.search(w)
        if not (numeral or w in self._cedict or w in self._glossary or w in self._simp or w in self._function):
            self._words[key] = None  # most substrings tried by _split are no word at all
            return None
        g = self._function_word(w, w, "") if len(w) <= 2 else None
        g = g or (self._number(w) if numeral else None) or self._dictionary(w, w, "n" if noun else None)
        if g in self.hidden:
            g = ""
        self._words[key] = g
        return g

    def _split(self, trad: str, simp: str, names: bool = False, noun: bool = False) -> list[str]:
        """Fewest known parts, longest first.  With ``names`` a one-character part must be a function
        word or a country abbreviation (由川普 -> by Trump, 美日韓 -> US–Japan–South Korea), so that a
        personal name such as 李明峻 is not cut into characters but romanised."""
        n = len(trad)
        best: list[tuple[int, list[str]] | None] = [None] * (n + 1)
        best[n] = (0, [])  # (cost, glosses): 10 per part, +3 for a part known only as a place name, +1 for a lone character
        for i in range(n - 1, -1, -1):
            for j in range(min(n, i + 8), i, -1):
                nxt = best[j]
                if nxt is None:
                    continue
                w = trad[i:j]
                if j - i == 1 and w in self._abbr and (
                        names or (i and trad[i - 1] in self._abbr) or (j < n and trad[j] in self._abbr)):
                    g = self._abbr[w]
                elif names and j - i == 1:
                    g = self._word(w, noun) if self._function.get(w) else None
                else:
                    g = self._word(w, noun)
                    if g is None and simp[i:j] != w:
                        g = self._word(simp[i:j], noun)
                if g is None:
                    continue
                cost = nxt[0] + 10
                if j - i == 1 and w not in self._glossary and not self._function.get(w):
                    cost += 1  # between equal splits, a character read from the dictionary alone loses (核|威脅, not 核威|脅)
                if not names and j - i > 1 and w not in self._glossary:
                    row = self._cedict.get(w)  # a piece known only as a name costs extra; a minor
                    if row is not None and row.split("\t")[1] == "":  # place more than a character
                        cost += 15 if _PLACE.search(row) else 3  # (艷|陽高|照 "Yanggao county")
                if best[i] is None or cost < best[i][0]:
                    best[i] = (cost, [g, *nxt[1]])
        if best[0] is None or (names and len(best[0][1]) < 2):
            return []
        return best[0][1]

    def romanise(self, name: str, person: bool = True) -> str:
        """Pinyin in Title Case with the ``~`` mark: 李明峻 -> ~Li Mingjun, 新北 -> ~Xinbei.

        Readings come from CC-CEDICT (a surname's own reading for the first character of a person's
        name: 曾 -> Zeng, 單 -> Shan); pypinyin is imported only for characters CC-CEDICT lacks.
        """
        han = [c for c in name if _HAN.match(c)]
        if not han:
            return name
        k = 2 if person and "".join(han[:2]) in compound_surnames() and len(han) > 2 else 1
        syl = []
        for i, c in enumerate(han):
            common, _, surname = self._readings.get(c, "\t").partition("\t")
            r = (surname or common) if person and i < k else (common or surname)
            syl.append(r or self._pinyin_of(c))
        if person and len(syl) >= 2:
            return ROMAN + "".join(syl[:k]).capitalize() + " " + "".join(syl[k:]).capitalize()
        return ROMAN + "".join(syl).capitalize()

    def _pinyin_of(self, char: str) -> str:
        if self._pinyin is None:
            try:
                from .readings import lazy_pinyin, pypinyin_module

                pypinyin_module()
            except ImportError:  # pragma: no cover - pypinyin is a dependency
                lazy_pinyin = lambda c, **kw: []  # noqa: E731
            self._pinyin = lazy_pinyin
        out = self._pinyin(char, errors="ignore")
        return out[0] if out else ""

    # -- units ----------------------------------------------------------------------------------
    def gloss_unit(self, unit: Unit, cantonese: bool = False, simplified: bool = False) -> None:
        """Fill every token's ``gloss`` and the unit's ``gloss_en``; ``cantonese``: the article is
        written in Cantonese (:func:`pipeline.cantonese.is_cantonese`), whose words then read as
        Cantonese (話 "say", 係 "is", 點樣 "how"); ``simplified``: it is written in Simplified
        characters, so a word is looked up in its Traditional form (后 "after" as 後, not "empress";
        愿 "wish" as 願, not "honest"; 里 "inside" as 裡)."""
        spans: list[tuple[int, int, str]] = []
        found = [(e.start, e.end, e.en or _members_en(e)) for e in unit.entities] if unit.entities else []
        # entities first (longest first where they nest), then numbers not inside an entity
        designations = designation_spans(unit.text) if _DASH.search(unit.text) else []
        for s in sorted(found, key=lambda x: (x[0] - x[1], x[0])) + designations + number_spans(unit.text):
            if s[2] and s[0] < s[1] and not any(s[0] < e[1] and e[0] < s[1] for e in spans):
                spans.append(s)
        lookup = self.lookup if not simplified else self._lookup_simplified
        memo = self._memo if not simplified else {}
        tokens = unit.tokens
        if not spans:
            for t in tokens:
                g = memo.get((t.text, t.norm, t.pos), _MISS)
                t.gloss = lookup(t.text, t.norm, t.pos) if g is _MISS else g
        else:
            spans.sort()  # they do not overlap, so ends are sorted too
            k, n = 0, len(spans)
            for t in tokens:
                while k < n and spans[k][1] <= t.start:
                    k += 1
                if k == n or spans[k][0] >= t.end:
                    g = memo.get((t.text, t.norm, t.pos), _MISS)
                    t.gloss = lookup(t.text, t.norm, t.pos) if g is _MISS else g
                    continue
                j = k
                while j < n and spans[j][0] < t.end:
                    j += 1
                over = spans[k:j]
                if not any(c.isalnum() for c in t.text):
                    t.gloss = None if t.start < over[0][0] or t.end > over[-1][1] else CONT
                else:
                    t.gloss = self._gloss_covered(t, over)
        if cantonese:
            self._cantonese(tokens, spans)
        if self._abbr_pair.search(unit.text):
            self._abbreviations(tokens, spans)
        if "(" in unit.text or "（" in unit.text:
            _named_in_brackets(tokens, unit.text)
        if "號" in unit.text or "号" in unit.text:
            _ship_names(tokens)
        if unit.entities and ("長" in unit.text or "长" in unit.text):
            _heads_of_bodies(tokens, unit.entities)
        if "第" in unit.text or "度" in unit.text:
            _counted(tokens)
        if _NUMBER_TOKEN.search(unit.text):
            _classifiers(tokens)
        if "前" in unit.text and self.titles:
            self._former(tokens, unit.entities)
        if "我" in unit.text:
            _our(tokens, unit.entities)
        if "而言" in unit.text or "方面" in unit.text or "起" in unit.text:
            _frames(tokens, unit.entities)
        if unit.entities:
            _titles_by_country(unit.text, tokens, unit.entities)
        if unit.kind == "byline" and len(tokens) > 1 and tokens[0].norm in ("文", "文字") and tokens[1].text in _CREDIT_MARKS:
            tokens[0].gloss = "by"  # 文／陳怡君: the writer's credit, not "text"
        if unit.speaker and unit.speaker.get("en"):
            _speaker_label(tokens, unit.speaker)
        if len(tokens) > 1 and tokens[1].text == "、":
            _enumerator(tokens)
        if "與其" in unit.text or "与其" in unit.text:
            _with_it(tokens)
        if "要" in unit.text:
            _must(tokens)
        unit.gloss_en = self.gloss_line(unit)
        holder = unit.stance.get("holder") if unit.stance else None
        if isinstance(holder, dict) and not holder.get("en") and holder.get("text"):
            holder["en"] = self.gloss_words(unit, holder["text"])  # 港澳辦發言人: the HKMAO spokesperson

    def _cantonese(self, tokens, spans: list[tuple[int, int, str]]) -> None:
        """Cantonese words their Cantonese English, outside names (``data/cantonese/glossary.tsv``)."""
        from .cantonese import cantonese_glossary

        words = cantonese_glossary()
        for i, t in enumerate(tokens):
            row = words.get(t.text)
            if row is None or any(a < t.end and t.start < b for a, b, _g in spans):
                continue
            if t.text == "呢" and (i + 1 == len(tokens) or not tokens[i + 1].text[:1].isalnum()):
                continue  # 呢 ending a clause: the particle, not "this"
            t.gloss = row[0]
            if not row[1]:
                self.hidden.add(row[0])

    def name_holders(self, units: list[Unit]) -> None:
        """English for holders named in another unit than their stance's: a turn's speaker (法新社记者：
        … then 中方对此有何回应？) or an interviewee named in the title (前國安會秘書長), from the
        glosses of the words where they stand, or the English the same words got elsewhere."""
        named: dict[str, str] = {}
        for unit in units:
            holder = unit.stance.get("holder") if unit.stance else None
            if isinstance(holder, dict) and holder.get("en") and holder.get("text"):
                named.setdefault(holder["text"], holder["en"])
            speaker = unit.speaker
            if speaker and speaker.get("text") and speaker["text"] not in named:
                en = speaker.get("en") or self.gloss_words(unit, speaker["text"])
                if en:
                    named[speaker["text"]] = en
        for unit in units:
            holder = unit.stance.get("holder") if unit.stance else None
            if not (isinstance(holder, dict) and not holder.get("en") and holder.get("text")):
                continue
            words = holder["text"]
            if words not in named:  # 前國安會秘書長, the interviewee the title names
                where = next((x for x in units if words in x.text), None)
                named[words] = self.gloss_words(where, words) if where is not None else None
            if named[words]:
                holder["en"] = named[words]

    def gloss_words(self, unit: Unit, words: str) -> str | None:
        """English for words of the unit (a holder no knowledge-base entry names: 日本媒體, 分析人士),
        the glosses of the tokens they cover put together; None when they are not whole tokens."""
        k = unit.text.find(words)
        if k < 0:
            return None
        if words.isascii():
            return words  # weather.com: a name written in Latin letters is its own English
        end = k + len(words)
        covered = [t for t in unit.tokens if k <= t.start and t.end <= end]
        if not covered or covered[0].start != k or covered[-1].end != end:
            return None
        count = next((t for t in covered[1:] if t.norm in _HOLDER_COUNTS), None)
        parts = [t.gloss for t in covered if t.gloss and t.gloss not in self.hidden and t is not count]
        if count is not None and parts:  # 美國國務院一名發言人: a U.S. State Department spokesperson
            article = _HOLDER_COUNTS[count.norm]
            if article == "a" and parts[0][:1] in "AEIOaeio":
                article = "an"
            parts.insert(0, article)
        return " ".join(parts).replace(" 's", "'s") or None

    def _abbreviations(self, tokens, spans) -> None:
        """A one-character country abbreviation next to another (日|韓國, 美日|菲) is glossed as the
        country even where jieba tagged it as an ordinary word (日 'sun', 菲 'luxuriant')."""
        abbr = self._abbr
        for i, t in enumerate(tokens):
            if len(t.text) != 1 or t.text not in abbr or t.pos in PROPER_POS:
                continue
            if any(s[0] <= t.start < s[1] for s in spans):
                continue
            prev = tokens[i - 1].text if i else ""
            nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
            if (prev and prev[-1] in abbr) or (t.text != "中" and nxt and nxt[0] in abbr):
                t.gloss = abbr[t.text]

    def _former(self, tokens, entities=()) -> None:
        """前 right before a title is "former" (前|總理 Paul Keating), not "before"; so is 前 before
        an organisation and its title (前|國安會|秘書長)."""
        for k, (t, nxt) in enumerate(zip(tokens, tokens[1:])):
            if t.text != "前" or nxt.start != t.end:
                continue
            if nxt.norm.endswith(self.titles):
                t.gloss = "former"
                continue
            org = next((e for e in entities if e.start == t.end and e.label == "ORG"), None)
            after = next((x for x in tokens[k + 1:] if x.start == org.end), None) if org is not None else None
            if after is not None and after.norm.endswith(self.titles):
                t.gloss = "former"

    def _gloss_covered(self, t, over: list[tuple[int, int, str]]) -> str:
        """Gloss of a token that overlaps entity/number spans: span English where a span starts inside
        the token, dictionary glosses for the uncovered pieces."""
        parts: list[str] = []
        norm = t.norm if len(t.norm) == len(t.text) else t.text
        pos = t.start
        for s, e, en in over:
            if s > pos:
                parts.append(self._piece(t, norm, pos, s))
            if s >= t.start:
                parts.append(en)
            pos = max(pos, e)
        if pos < t.end:
            parts.append(self._piece(t, norm, pos, t.end))
        return " ".join(p for p in parts if p).replace("- ", "-")

    def _piece(self, t, norm: str, a: int, b: int) -> str:
        i, j = a - t.start, b - t.start
        g = self.lookup(t.text[i:j], norm[i:j], "")
        return "" if not g or g in self.hidden else g

    def gloss_line(self, unit: Unit) -> str:
        """The interlinear line: token glosses joined with `` | `` (hidden labels and ``""`` left out)."""
        items: list[str] = []
        pending = ""
        for t in unit.tokens:
            g = t.gloss
            if g is None:
                ch = t.text.strip()
                if ch in _OPEN:
                    pending += _OPEN[ch]
                elif ch in _CLOSE and items:
                    items[-1] += _CLOSE[ch]
                continue
            if not g or g in self.hidden:
                continue
            if items and items[-1].endswith("-") and not pending:  # 親|美日: pro-US–Japan
                items[-1] += g
            else:
                items.append(pending + g)
            pending = ""
        return " | ".join(items)


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
_FORMAL_NUMERALS = "壹貳參肆伍陸柒捌玖拾"
_PLAIN_NUMERALS = "一二三四五六七八九十"


def _enumerator(tokens) -> None:
    """A section's number opening the unit (壹、新聞重點, 二、中日關係面臨考驗): "I." or "2.", not
    "one,"; the formal numerals number the top level, as Roman numerals do in English."""
    n = tokens[0].text
    if len(n) == 1 and n in _FORMAL_NUMERALS:
        label = _ROMAN[_FORMAL_NUMERALS.index(n)]
    elif n and all(c in _PLAIN_NUMERALS for c in n) and len(n) <= 3 and (value := _small_number(n)):
        label = str(value)
    else:
        return
    tokens[0].gloss = label + "."
    tokens[1].gloss = ""


def _small_number(n: str) -> int | None:
    """一 .. 九十九 written in Chinese numerals, or None."""
    digits = {c: i for i, c in enumerate(_PLAIN_NUMERALS[:9], 1)}
    if n == "十":
        return 10
    if "十" not in n:
        return digits.get(n) if len(n) == 1 else None
    tens, _, ones = n.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (digits.get(tens, 0) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)


def _speaker_label(tokens, speaker: dict) -> None:
    """A turn's label that is the speaker's surname or a short name (林：, 天下：) is glossed as the
    speaker (Lin Yen-ting:, the interviewer:), not as a word (woods, land under heaven)."""
    k = next((i for i, t in enumerate(tokens[:4]) if t.text in ("：", ":")), None)
    if not k:
        return
    label = "".join(t.text for t in tokens[:k]).strip()
    if label and (label == speaker.get("mention") or label == speaker.get("text")
                  or len(label) == 1 and (speaker.get("text") or "").startswith(label)):
        tokens[0].gloss = speaker["en"]
        for t in tokens[1:k]:
            t.gloss = CONT


def _country_code(e) -> str | None:
    """The country an entity belongs to, from its KB id: ``au``, ``au-malcolm-turnbull`` → au."""
    head = (e.kb_id or "").split("-")[0]
    return head if len(head) == 2 else None


@lru_cache(maxsize=1)
def _country_titles() -> tuple["re.Pattern[str]", dict[str, dict[str, str]]]:
    """country_titles.tsv: a pattern finding its titles (both scripts) and, by shadow-script title,
    country code (or ``*``) → English (``-``: the dictionary's)."""
    rows = [fields[:3] for _n, fields in _read_tsv(COUNTRY_TITLES, 3)]
    simplified = _shadow([title for title, _c, _en in rows])
    table: dict[str, dict[str, str]] = {}
    for title, country, en in rows:
        table.setdefault(simplified.get(title, title), {})[country] = en
    forms = {t for title, _c, _en in rows for t in (title, simplified.get(title, title))}
    return rx.compile("|".join(sorted(map(re.escape, forms), key=len, reverse=True)) or "(?!)"), table


def _titles_by_country(text: str, tokens, entities) -> None:
    """A title's English by the country that holds it (country_titles.tsv): 澳洲前總理 "prime
    minister", 德國總理梅爾茨 "chancellor", 中國總理李強 "premier", 美國財政部長 "Treasury Secretary".
    With no country, or none the table lists, the dictionary's gloss stays."""
    pattern, table = _country_titles()
    if not pattern.search(text):
        return
    for t in tokens:
        by_country = table.get(t.norm)
        if by_country is None:
            continue
        before = [e for e in entities if e.kb_id and e.end <= t.start and text[e.end:t.start] in ("", "前")]
        after = [e for e in entities if e.start == t.end and e.label == "PERSON" and e.kb_id]
        owner = before[-1] if before else after[0] if after else None
        country = _country_code(owner) if owner is not None else None
        if country is None:
            continue
        en = by_country.get(country, by_country.get("*"))
        if en and en != "-":
            t.gloss = en


def _members_en(e) -> str | None:
    if e.members:
        names = [m.get("en") for m in e.members]
        if all(names):
            return "–".join(names)
    return None


def _titles() -> tuple[str, ...]:
    """The title words of the entity rules, Simplified (token ``norm`` is the Simplified shadow)."""
    from .entities import rules_file_data

    titles = rules_file_data().get("titles") or []
    shadow = _shadow(titles)
    return tuple(sorted({shadow.get(t, t) for t in titles}))


def gloss_document(doc, glosser: Glosser) -> None:
    """Gloss every unit of a :class:`~pipeline.model.Document` (tokens must be filled), in Cantonese
    where the article is written in it (話 "say", 係 "is")."""
    from .cantonese import is_cantonese

    cantonese = is_cantonese(doc.text)
    simplified = _written_in_simplified(doc)
    for unit in doc.units:
        glosser.gloss_unit(unit, cantonese, simplified)


def _written_in_simplified(doc) -> bool:
    """Is the document written in Simplified characters: do almost none of its Han characters change
    in the Simplified shadow (a Traditional text changes one in five or more)?"""
    han = sum(1 for ch in doc.text if "\u4e00" <= ch <= "\u9fff")
    if han < 20 or len(doc.shadow) != len(doc.text):
        return False
    return sum(a != b for a, b in zip(doc.text, doc.shadow)) < 0.01 * han


_OPEN_QUOTES, _CLOSE_QUOTES = frozenset("「“『"), frozenset("」”』")
_SHIP_MARK = "号"  # 號, in the shadow script the tokens carry as norm
_PLACE_WORD = rx.compile(r"\s+(?:province|city|county|prefecture)$", re.I)


def _ship_names(tokens) -> None:
    """號 after a name names a ship (山東號, 遼寧號航艦, 杜魯門號): "(ship)", not "roar"; the name is
    the ship's, not a province's (Liaoning, not Liaoning province), also in quotation marks
    (「遼寧」號)."""
    for i in range(1, len(tokens)):
        t, prev = tokens[i], tokens[i - 1]
        if i >= 3 and t.norm == _SHIP_MARK and prev.text in _CLOSE_QUOTES and tokens[i - 3].text in _OPEN_QUOTES \
                and prev.end == t.start:
            prev = tokens[i - 2]
        elif t.norm != _SHIP_MARK or prev.end != t.start:
            continue
        if not prev.gloss:
            continue
        name = prev.gloss.lstrip(ROMAN)
        if prev.pos in ("ns", "nr", "nrt", "nz") and name[:1].isupper() or prev.gloss.startswith(ROMAN):
            prev.gloss = prev.gloss[: len(prev.gloss) - len(name)] + _PLACE_WORD.sub("", name)
            t.gloss = "(ship)"


def _heads_of_bodies(tokens, entities) -> None:
    """長 right after an organisation is its head (立法院|長 "Legislative Yuan | head", was "long"),
    長官 its minister (韓國外交部|長官 "minister", was "senior official")."""
    ends = {e.end for e in entities if e.label == "ORG"}
    for t in tokens:
        if t.start in ends and t.norm in _HEAD_WORDS:
            t.gloss = _HEAD_WORDS[t.norm]


_HEAD_WORDS = {"长": "head", "长官": "minister"}  # (shadow script)


_NUMBER_TOKEN = rx.compile(f"{_D}|{_C}")  # a whole number (1, 18, 三)
_COUNT_TIMES = rx.compile(r"([一二三四五六七八九十兩两]{1,3})度")


def _classifiers(tokens) -> None:
    """A classifier right after a number has no English (1|顆 "1", was "~Ke"; 2|座 "2", was "seat";
    not after 第: 第|3|部 is an ordinal's unit), and 計 before a number is "totalling" (計|14|架次,
    was "ruse")."""
    for i in range(1, len(tokens)):
        t, prev = tokens[i], tokens[i - 1]
        if len(t.norm) == 1 and t.norm in _CLASSIFIERS and prev.end == t.start and _NUMBER_TOKEN.fullmatch(prev.text) \
                and not (i >= 2 and tokens[i - 2].text == "第"):
            t.gloss = "CL"
        elif prev.norm == "计" and prev.end == t.start and _NUMBER_TOKEN.match(t.text):
            prev.gloss = "totalling"


#: what an ordinal counts: 第|5|度 "fifth | time", 第|13|條 "13th | article" (not "degree", "strip")
_ORDINAL_UNITS = {"度": "time", "次": "time", "条": "article", "章": "chapter", "款": "paragraph", "项": "item",
                  "届": "term"}  # (shadow script)


def _must(tokens) -> None:
    """要 opening a clause, or after 我們 opening it, before a verb says what must be done (第二，要加強
    與日本的合作: "must | strengthen", not "want"), as the stance rules read it."""
    for i, t in enumerate(tokens[:-1]):
        if t.norm != "要" or tokens[i + 1].pos[:1] != "v":
            continue
        before = tokens[i - 1].norm if i else ""
        if i == 0 or before in _CLAUSE_MARKS or before in ("我们", "咱们") and (i == 1 or tokens[i - 2].norm in _CLAUSE_MARKS):
            t.gloss = "must"


_CLAUSE_MARKS = frozenset({"，", "：", "；", "。", ",", ":", ";"})


def _with_it(tokens) -> None:
    """與其 is "rather than" only with its second half (與其…不如/寧可…); otherwise it is 與 and 其,
    "with it" (公明黨無法繼續與其合作: "cannot go on cooperating with it", not "rather than cooperation")."""
    for i, t in enumerate(tokens):
        if t.norm != "与其":
            continue
        second = next((u for u in tokens[i + 1 :] if u.norm in _RATHER_SECOND), None)
        if second is None:
            t.gloss = "with it"
        else:  # 與其坐以待斃，不如主動出擊: "rather than … better to …"
            second.gloss = _RATHER_SECOND[second.norm]


#: the second half of 與其…不如 (shadow forms) and its English there
_RATHER_SECOND = {"不如": "better to", "倒不如": "better to", "还不如": "better to", "宁可": "would rather",
                  "宁愿": "would rather", "毋宁": "would rather", "何不": "why not"}


def _counted(tokens) -> None:
    """度 counting occasions: 七度 "7 times" (not "seven pass"; 30|度 stays a degree, 一度 "for a time"),
    and the unit after an ordinal: 第|5|度 "fifth | time", 第|13|條 "13th | article"."""
    for i, t in enumerate(tokens):
        m = _COUNT_TIMES.fullmatch(t.text)
        if m and (n := cn_to_number(m.group(1))) is not None and n > 1:
            t.gloss = f"{n} times"
        elif t.norm in _ORDINAL_UNITS and t.gloss != CONT and i >= 2 and tokens[i - 2].text == "第" \
                and tokens[i - 1].end == t.start and tokens[i - 2].end == tokens[i - 1].start:  # (第13條 is "Article 13" already)
            t.gloss = _ORDINAL_UNITS[t.norm]


_LATIN_NAME_IN_BRACKETS = rx.compile(r"\s*[（(]\s*([A-Z][A-Za-z'’.\- ]{1,40}?)\s*[)）]")


def _named_in_brackets(tokens, text: str) -> None:
    """A romanised transliteration right before its Latin name in brackets is glossed as that name
    (利雲斯頓 (Livingston) "Livingston", was "~Yunsidun"; 克倫威爾 (Cromwell))."""
    for i, t in enumerate(tokens):
        if t.gloss and t.gloss.startswith(ROMAN):
            m = _LATIN_NAME_IN_BRACKETS.match(text, t.end)
            if m:
                t.gloss = m.group(1)
                k = i - 1  # the transliteration's earlier pieces (莫里|伍德 (Moliwood)) are part of it
                while k >= 0 and tokens[k].end == tokens[k + 1].start and (tokens[k].gloss or "").startswith(ROMAN):
                    tokens[k].gloss, t.gloss = t.gloss, CONT
                    t = tokens[k]
                    k -= 1


#: a count inside a holder's words (美國國務院一名發言人), said first in English (shadow forms)
_HOLDER_COUNTS = {"一名": "a", "一位": "a", "一个": "a", "两名": "two", "两位": "two", "多名": "several", "多位": "several",
                  "数名": "several", "数位": "several"}


#: what official usage puts 我 before as "our" (進入我北部空域, 我駐美代表處), shadow forms
_OUR_NOUNS = frozenset({"北部", "中部", "南部", "东部", "西部", "西南", "东北", "西北", "东南", "领空", "领海", "空域", "海域",
                        "防空识别区", "军", "国军", "驻", "政府", "方", "国"})


def _our(tokens, entities=()) -> None:
    """我 right before a body, a place or a region of the country is "our" (進入我北部空域, 我外交部
    表示: official Taiwanese usage), not "I"."""
    named = {e.start for e in entities if e.label in ("ORG", "GPE", "LOC")}
    for t, nxt in zip(tokens, tokens[1:]):
        if t.text == "我" and nxt.start == t.end and (nxt.start in named or nxt.norm in _OUR_NOUNS):
            t.gloss = "our"


def _frames(tokens, entities=()) -> None:
    """對X而言 is "for X" (對 "for", 而言 said by it); 自X起 is "from X" (自明年1月1日起); X方面 after
    a name is X's "side" (美國方面，…), not an "aspect" of it."""
    named = {e.end for e in entities if e.label in ("GPE", "ORG", "PERSON")}
    opened = since = None  # the 對 and the 自 opening a frame in this clause
    for t in tokens:
        if t.pos == "x":
            opened = since = None
        elif t.norm in ("对", "对于") and t.pos == "p":
            opened = t
        elif t.norm in ("自", "从") and t.pos == "p":
            since = t
        elif t.norm == "而言" and opened is not None:
            opened.gloss, t.gloss = "for", None
            opened = None
        elif t.norm == "起" and since is not None:
            since.gloss, t.gloss = "from", None
            since = None
        elif t.norm == "方面" and t.start in named:
            t.gloss = "side"
