"""Posts of PTT (批踢踢實業坊) saved as text: the header, the news-repost template, the footer.

A post opens with its header — ``作者 ID (暱稱) 看板 BOARD``, ``標題 [分類] TITLE``, ``時間 Thu Nov 27
09:15:22 2025`` — and a rule line.  News reposts (the Gossiping board's rule) then fill a numbered
template: ``1.媒體來源:``, ``2.記者署名:``, ``3.完整新聞標題:``, ``4.完整新聞內文:``, ``5.完整新聞連結``,
``6.備註:``.  After ``--`` come the site's lines (``※ 發信站:``, ``※ 文章網址:``) and the readers' pushes
(``推 ID: text  11/27 09:16``; also 噓 and →).

:func:`parse_ptt` turns such a post into an article: the header and the template's fields become
metadata hints (title, author, publication, date, url) that structure recovery places at the top;
the body is the news text (or the whole post); the poster's own remark becomes a note
(``※ 備註：…``), a reply's quotation of the earlier post one note line, and the site's lines and the
pushes stay, as notes, after the body.
"""

from __future__ import annotations

from . import rx

_HEADER = rx.compile(r"^\s*(作者|看板|標題|时间|時間|标题)\s*[:：]?\s*(.*?)\s*$")
_FIRST_LINE = rx.compile(r"\s*(?:作者|看板|標題|时间|時間|标题)")  # what the header's first line starts with
_AUTHOR_BOARD = rx.compile(r"^\s*作者\s*[:：]?\s*(?P<author>\S+(?:\s*\([^)]*\))?)\s+看板\s*[:：]?\s*(?P<board>\S+)\s*$")
_TIME = rx.compile(r"(?:[A-Z][a-z]{2}\s+)?(?P<mon>[A-Z][a-z]{2})\s+(?P<day>\d{1,2})\s+\d\d:\d\d:\d\d\s+(?P<year>\d{4})")
_MONTHS = {m: i for i, m in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1)}
_RULE = rx.compile(r"^\s*[─━—\-=_]{5,}\s*$")
_CATEGORY = rx.compile(r"^(?:(?:Re|Fw)\s*:\s*)?[\[［]\s*[^\]］]{1,8}\s*[\]］]\s*")
_FIELD = rx.compile(r"^\s*\d\s*[.．、]\s*(?P<label>媒體來源|媒体来源|記者署名|记者署名|完整新聞標題|完整新闻标题|完整新聞內文|完整新闻内文|"
                    r"完整新聞連結|完整新闻连结|備註|备注)[^:：\n]*[:：]\s*(?P<rest>.*)$")
_FOOTER = rx.compile(r"^\s*※\s*(?:發信站|发信站|文章網址|文章网址|編輯|编辑)")
_URL = rx.compile(r"https?://\S+")


def _without_page_title(text: str) -> str | None:
    """A post saved with the page's title above its header (``[新聞] 國防部：… - 看板 Gossiping -
    批踢踢實業坊``, then ``作者 …``): the text from the header on, when the title line names the post's
    標題; else None."""
    first, _, rest = text.lstrip().partition("\n")
    rest = rest.lstrip("\n")
    if not _FIRST_LINE.match(rest):
        return None
    title = _PAGE_TITLE_TAIL.sub("", first).strip()
    m = next((m for m in map(_HEADER.match, rest.split("\n")[:6]) if m and m.group(1) in ("標題", "标题")), None)
    return rest if title and m is not None and title in m.group(2) else None


#: what a saved page adds after a post's title (- 看板 Gossiping - 批踢踢實業坊)
_PAGE_TITLE_TAIL = rx.compile(r"\s*-\s*看板\s*\S+\s*-\s*批踢踢實業坊\s*$")


def parse_ptt(text: str) -> tuple[str, dict[str, str]] | None:
    """``(article text, hints)`` for a PTT post, or None when ``text`` is not one."""
    if not _FIRST_LINE.match(text):
        text = _without_page_title(text)
        if text is None:
            return None  # (every .txt file comes here: when its first line is no header, do not split it all)
    lines = text.split("\n")
    head: dict[str, str] = {}
    k = 0
    while k < len(lines) and k < 8:
        line = lines[k]
        if not line.strip():
            k += 1
            continue
        m = _AUTHOR_BOARD.match(line)
        if m:
            head["作者"], head["看板"] = m.group("author"), m.group("board")
            k += 1
            continue
        m = _HEADER.match(line)
        if not m or not m.group(2):
            break
        head[{"时间": "時間", "标题": "標題"}.get(m.group(1), m.group(1))] = m.group(2)
        k += 1
    if not {"作者", "標題", "時間"} <= head.keys():
        return None
    while k < len(lines) and (not lines[k].strip() or _RULE.match(lines[k])):
        k += 1
    body_lines, footer = _split_footer(lines[k:])
    body_lines = _quotes_as_notes(body_lines)
    hints = _header_hints(head)
    fields = _template(body_lines)
    if fields is not None:
        body_lines = _apply_template(fields, hints)
    return "\n".join(body_lines + [""] + footer).strip("\n") + "\n", hints


def _quotes_as_notes(lines: list[str]) -> list[str]:
    """A reply's quotation of the earlier post (``※ 引述《abc》之銘言：`` and its ``: `` lines) is one
    note line: the lines joined, each quoted line after a space."""
    out: list[str] = []
    for line in lines:
        if _QUOTED.match(line) and out and (_QUOTE_HEAD.match(out[-1]) or _QUOTED.match(out[-1].rsplit("  ", 1)[-1])):
            out[-1] = f"{out[-1]}  {line.strip()}"
        else:
            out.append(line)
    return out


_QUOTE_HEAD = rx.compile(r"^\s*※\s*引述")
_QUOTED = rx.compile(r"^\s*[:：]\s")


def _split_footer(lines: list[str]) -> tuple[list[str], list[str]]:
    """The post and what follows its signature mark: the site's lines and the pushes."""
    for i, line in enumerate(lines):
        if _FOOTER.match(line):
            j = i
            while j > 0 and (not lines[j - 1].strip() or lines[j - 1].strip() == "--"):
                j -= 1  # the "--" before the site's lines, and blank lines
            return lines[:j], [ln for ln in lines[i:] if ln.strip() and ln.strip() != "--"]
    return lines, []


def _header_hints(head: dict[str, str]) -> dict[str, str]:
    hints = {"title": _CATEGORY.sub("", head["標題"]).strip() or head["標題"], "author": head["作者"],
             "layout": "post"}  # a forum post: its front matter is the header, its lines are no headlines
    if head.get("看板"):
        hints["publication"] = f"PTT {head['看板']}"
    m = _TIME.search(head["時間"])
    if m and m.group("mon") in _MONTHS:
        hints["date"] = f"{m.group('year')}-{_MONTHS[m.group('mon')]:02d}-{int(m.group('day')):02d}"
    return hints


def _template(lines: list[str]) -> dict[str, list[str]] | None:
    """The news-repost template's fields (label → lines), or None when the post does not use it."""
    fields: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        m = _FIELD.match(line)
        if m:
            label = m.group("label")
            current = fields.setdefault(_LABELS.get(label, label), [])
            if m.group("rest").strip():
                current.append(m.group("rest").strip())
        elif current is not None:
            current.append(line.rstrip())
        elif line.strip():
            return None  # text before the first field: an ordinary post
    return fields if "內文" in fields else None


_LABELS = {"媒體來源": "來源", "媒体来源": "來源", "記者署名": "記者", "记者署名": "記者", "完整新聞標題": "標題",
           "完整新闻标题": "標題", "完整新聞內文": "內文", "完整新闻内文": "內文", "完整新聞連結": "連結",
           "完整新闻连结": "連結", "備註": "備註", "备注": "備註"}


def _apply_template(fields: dict[str, list[str]], hints: dict[str, str]) -> list[str]:
    """Hints from the template's fields; the news text, then the poster's remark as a note."""
    def one_line(key: str) -> str:
        return " ".join(" ".join(x for x in fields.get(key, []) if x.strip()).split())

    if one_line("來源"):
        hints["publication"] = one_line("來源")
    if one_line("記者"):
        hints["author"] = one_line("記者")
    if one_line("標題"):
        hints["title"] = one_line("標題")
    url = _URL.search(one_line("連結"))
    if url:
        hints["url"] = url.group(0)
    body = fields["內文"]
    remark = [x.strip() for x in fields.get("備註", []) if x.strip()]
    if remark:
        body = body + ["", "※ 備註：" + remark[0], *remark[1:]]
    return body
