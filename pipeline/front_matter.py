"""Article metadata from its front matter: title, author, affiliation, publication and date.

The source format's own metadata (HTML ``<meta>``, a PDF's document info) comes first; what it does
not give is read from the units :func:`~pipeline.structure.recover_structure` found:

* ``date``: the first full date (a year with month, or with month and day) in a publication line,
  a byline or a dateline (``2026/11/26 22:15``, ``2025年3月1日``), else a record's header
  (時間：中華民國114年10月13日), else the start of the title.  Read before the stages run, so
  that 今天 and 去年 in the article can be resolved against it.
* ``author``: the people named in the bylines (``〔記者吳書緯／台北報導〕`` → 吳書緯,
  ``（中央社記者陳韻聿東京26日專電）`` → 陳韻聿), else the first byline that is not a date; a
  source's author that is these people with more (``陳文甲（國防大學教授）``) gives way to them;
* ``affiliation``: the first affiliation line, else the author's note (（作者為淡江大學副教授，…）);
  ``title`` and ``publication``: the first of each (a publication line that is only a date names
  no outlet; 【明報專訊】 does).
"""

from __future__ import annotations

import re

from . import rx
from .model import Document, Unit
from .numex import english_date, find_dates
from .patterns import _traditional, layout_patterns, t2s_converter
from .structure import publication_name
from .transcript import header_field

_FRONT = ("publication", "title", "byline", "affiliation", "lead", "caption", "note")  # a breadcrumb or share buttons above the title
_AUTHOR_NOTE = rx.compile(r"^[※＊*]?\s*[（(]?\s*(?:本文)?(?:作者|筆者|笔者)(?:為|为|係|系|是|現為|现为|目前為|目前为|現任|现任)(?![何了])\s*"
                          r"(?P<aff>[^，,；;。）)\s][^，,；;。）)]{1,59})")
_OUTLET_DATELINE = rx.compile(r"^[【\[（(]\s*(?P<outlet>[^】\]）)\s，。]{2,12}?)\s*(?:專訊|专讯|特訊|特讯|訊|讯|報道|报道|報導|报导)[】\]）)]")
_COLUMN_PREFIX = rx.compile(r"^[【\[]?\s*([\u4e00-\u9fff]{2,6})\s*(?:[》>｜|／/：:]|[】\]])\s*")
_TITLE_NOTE_MARK = rx.compile(r"\s*(?:[*＊※]+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$")
_DATE_FIELDS = ("時間", "日期", "會議時間", "會議日期")
_FULL_DATE = rx.compile(r"^(?:19|20)\d\d-\d\d(?:-\d\d)?$")


def front_units(units: list[Unit]) -> list[Unit]:
    """The units before the first body paragraph (a dateline that opens it is a byline unit)."""
    out = []
    for u in units:
        if u.kind not in _FRONT:
            break
        out.append(u)
    return out


def front_date(units: list[Unit]) -> str | None:
    """The article's date from a publication line, byline or dateline, or a record's header
    (時間：中華民國114年10月13日), else a wire story's closing code (（編輯：林克倫）1141128), else a
    title that begins with it (2025年11月20日外交部發言人…主持例行記者會), as ``YYYY-MM(-DD)``."""
    header = []
    for u in units:
        if u.kind == "body":
            break
        if u.kind == "note" and (_traditional(header_field(u.text) or "") in _DATE_FIELDS
                                 or _traditional(u.text[:2]) in _DATE_FIELDS):  # 時間中華民國114年…: a spaced-out label
            header.append(u)
    for u in front_units(units) + header:
        if u.kind not in ("publication", "byline", "note"):
            continue
        for _a, _b, extra in _dates(u.text):
            value = extra.get("value", "")
            if _FULL_DATE.match(value):
                return value
        if u.kind == "publication" and (value := english_date(u.text)):
            return value  # November 19, 2025
    for u in units[-3:]:  # （編輯：林克倫）1141128: a wire story's closing code, the date in the Republic's years
        m = _WIRE_DATE_CODE.search(u.text) if u.kind == "note" else None
        if m is not None and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31:
            return f"{int(m.group(1)) + 1911}-{m.group(2)}-{m.group(3)}"
    title = next((u for u in front_units(units) if u.kind == "title"), None)
    if title is not None:
        for a, _b, extra in _dates(title.text):
            if a == 0 and _FULL_DATE.match(extra.get("value", "")):
                return extra["value"]
    return None


_WIRE_DATE_CODE = rx.compile(r"[）)]\s*(1\d\d)(\d\d)(\d\d)\s*$")


def _dates(text: str) -> list:
    """Dates in a line of the front matter; a Republic of China year (民國114年) is read on the
    Simplified form, as the stages read the shadow (one OpenCC call, only where it can matter)."""
    return find_dates(t2s_converter().convert(text) if "國" in text else text)


def dateline_outlet(units: list[Unit]) -> str | None:
    """The outlet a dateline at the top names as its own (【明報專訊】, 【星島日報報道】)."""
    pat = layout_patterns()
    for u in front_units(units):
        m = _OUTLET_DATELINE.match(u.text) if u.kind == "byline" else None
        if m and pat.is_publication(m.group("outlet")):
            return m.group("outlet")
    return None


def _is_date_only(text: str) -> bool:
    """A line that is only a date and time (2026/11/26 22:15, 發布日期：2025-08-28)."""
    rest = text
    for a, b, _ in sorted(find_dates(text), reverse=True):
        rest = rest[:a] + rest[b:]
    return not re.sub(r"(?:發布|發佈|发布|更新|出版|时间|時間|日期)|[\s\d:：/.\-年月日時分（）()]", "", rest)


#: a title's second line that goes on with it (…之制度化發展 / 及其對臺海情勢之意涵)
_TITLE_GOES_ON = rx.compile(r"^(?:及其|以及|暨|與其|与其|及)\S")


def _title_continued(units) -> str:
    """The line under the title when it goes on with the title's words (a conjunction opens it)."""
    k = next((i for i, u in enumerate(units) if u.kind == "title"), None)
    nxt = units[k + 1] if k is not None and k + 1 < len(units) else None
    if nxt is not None and nxt.kind == "lead" and len(nxt.text) <= 40 and _TITLE_GOES_ON.match(nxt.text) \
            and not re.search(r"[。！？；：:!?]$", units[k].text):
        return nxt.text
    return ""


def _bare_title(title: str) -> str:
    """A title without the column's label before it (自由廣場》別讓北京定義台海現狀, 观点：日韩政局…)
    or the outlet's name (美國在台協會新聞稿：美國國務院批准對台軍售), and without the mark of the
    title's note (…為中心*)."""
    m = _COLUMN_PREFIX.match(title)
    if m and _traditional(m.group(1)) in layout_patterns().column_labels and title[m.end():].strip():
        title = title[m.end():].strip()
    elif (outlet := _title_outlet(title)) is not None:
        title = title[outlet.end():].strip()
    return _TITLE_NOTE_MARK.sub("", title)


def _title_outlet(title: str) -> re.Match | None:
    """An outlet's name before the headline, then a colon or a bar: 美國在台協會新聞稿：…"""
    m = _OUTLET_PREFIX.match(title)
    return m if m is not None and layout_patterns().is_publication(m.group(1)) and title[m.end():].strip() else None


_OUTLET_PREFIX = rx.compile(r"^\s*([^：:｜|／/《》「」\s]{2,12})\s*[：:｜|／/]\s*")


def _byline_people(bylines) -> list[str]:
    people: list[str] = []
    for u in bylines:
        for e in u.entities:
            if e.label == "PERSON" and e.text not in people and not e.extra.get("credit"):  # not the photographer
                people.append(e.text)
    return people


def fill_meta(doc: Document) -> None:
    """Fill ``doc.meta`` title, author, affiliation and publication from the annotated units.
    Metadata the source format gave is kept, except an author that is the bylines' people plus
    their affiliation."""
    meta = doc.meta
    for kind in ("title", "publication", "affiliation"):
        # a publication line that is only a date (2025年12月19日 07:45) names no outlet
        value = next((v for u in doc.units
                      if u.kind == kind and (v := publication_name(u.text) if kind == "publication" else u.text)), None)
        if kind == "title" and value:
            value = _bare_title(value) + _title_continued(doc.units)
        if value:
            meta.setdefault(kind, value)
    if "publication" not in meta:  # 美國在台協會新聞稿：…: the outlet that heads the title
        title = next((u.text for u in doc.units if u.kind == "title"), "")
        outlet = _title_outlet(title)
        if outlet is not None:
            meta["publication"] = outlet.group(1)
    if "publication" not in meta:  # 【明報專訊】: the outlet's own dispatch
        name = dateline_outlet(doc.units)
        if name:
            meta["publication"] = name
    noted = None  # 作者為國立政治大學外交學系副教授林子恆: the writer the note names after the affiliation
    for u in doc.units:
        m = _AUTHOR_NOTE.match(u.text) if u.kind in ("note", "body") else None
        if m:
            aff = m.group("aff").strip()
            person = next((e for e in u.entities if e.label == "PERSON" and e.end == m.end("aff")
                           and e.start > m.start("aff")), None)
            if person is not None:
                noted, aff = person.text, u.text[m.start("aff") : person.start].strip()
            meta.setdefault("affiliation", aff)  # （作者為淡江大學國際事務與戰略研究所副教授，本文僅代表…）
            break
    front = [u for u in front_units(doc.units) if u.kind == "byline"]
    bylines = front or [u for u in doc.units if u.kind == "byline"]
    people = _byline_people(bylines)
    if not people and front:  # 【明報專訊】 at the top, （記者 陳嘉欣） at the end
        people = _byline_people([u for u in doc.units if u.kind == "byline"])
    if any(not p.isascii() for p in people):
        people = [p for p in people if not p.isascii()]  # 張文彥、李佩珊, not their names in English too
    given = meta.get("author")
    if given and not (people and all(p in given for p in people)):
        return  # the source's author, unless it is these people with more (their affiliation)
    if people:
        meta["author"] = "、".join(people)
        return
    if noted is not None:
        meta["author"] = noted
        return
    pat = layout_patterns()
    # a dateline names a place, not a writer: （馬尼拉訊）, 【本報訊】
    unit = next((u for u in bylines if not _is_date_only(u.text) and not pat.match_dateline(u.text)), None)
    if unit is not None:
        label = pat.match_byline(unit.text)  # 撰文：區家明: without the label
        meta["author"] = unit.text[label.end() if label else 0:].rstrip("＊*†‡ ")  # 林書瑋＊: without the mark
