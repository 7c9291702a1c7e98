"""Reading articles from disk: plain text, Markdown, HTML and PDF.

Every reader returns a :class:`RawArticle`: the article's text with its line structure intact (the
clean-up stage decides what the lines mean) and ``hints`` — metadata the format itself provides
(an HTML page's title and author, a Markdown heading) — so structure recovery need not guess them.

A text file written in Markdown (:func:`looks_like_markdown`) is read as Markdown, and one that is a
PTT post (批踢踢: 作者/看板/標題/時間 header) by :mod:`pipeline.ptt`.
Text files are decoded by: a byte-order mark (UTF-8, UTF-16, UTF-32), then strict UTF-8, then
charset-normalizer restricted to the encodings Chinese text actually comes in (Big5/CP950,
Big5-HKSCS, GB18030/GBK, UTF-16/32).  Undecodable, binary, empty or oversized input raises
:class:`~pipeline.errors.InputError` with a hint.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import rx, yamlfile
from .clean import HAN
from .errors import InputError, MissingDependency, NotChineseError
from .ptt import parse_ptt

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES

#: Default ceiling on input size; larger inputs are refused unless ``max_bytes`` is raised.
MAX_BYTES = 50 * 1024 * 1024

_CHINESE_ENCODINGS = ["utf_8", "big5", "cp950", "big5hkscs", "gb18030", "utf_16", "utf_32"]
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_ZERO_WIDTH = rx.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


@dataclass
class RawArticle:
    text: str
    format: str  # txt | md | html | pdf
    encoding: str = "utf-8"
    hints: dict[str, str] = field(default_factory=dict)  # title, author, publication, date, url
    sha256: str = ""  # of the input bytes
    #: Lines the format marks as headings: {line text: level}; level 1 at the top is the title.
    headings: dict[str, int] = field(default_factory=dict)
    #: Paragraphs the format sets off as quotations (a Markdown blockquote), as written
    quotes: list[str] = field(default_factory=list)


def supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Files named directly, plus every supported file in named folders (sorted, recursive)."""
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and supported(f) and not _hidden(f, p))
            if not found:
                raise InputError(
                    "folder has no .txt, .md, .html or .pdf files",
                    "put articles in it or name the files directly",
                    where=str(p),
                )
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            raise InputError("no such file or folder", "check the path", where=str(p))
    return files


_NOT_ARTICLES = ("README", "LICENSE", "LICENCE", "COPYING", "NOTICE", "CHANGELOG")


def _hidden(f: Path, root: Path) -> bool:
    """Hidden files and a folder's README/LICENSE files are not articles."""
    return any(part.startswith(".") for part in f.relative_to(root).parts) or f.stem.upper().startswith(_NOT_ARTICLES)


_HAN = rx.compile(f"[{HAN}]")
_KANA = rx.compile(r"[\u3041-\u3096\u30A1-\u30FA]")
_HANGUL = rx.compile(r"[\uAC00-\uD7A3\u1100-\u11FF\u3131-\u318E]")


def check_chinese(text: str) -> None:
    """Raise :class:`NotChineseError` for an article with (almost) no Chinese characters, or one
    written in Japanese or Korean (kana or hangul are a fifth or more of its CJK characters: a
    Chinese article quoting a Japanese title, 『台湾有事』の…, stays Chinese)."""
    han = len(_HAN.findall(text))
    for script, pattern in (("Japanese", _KANA), ("Korean", _HANGUL)):
        other = len(pattern.findall(text))
        if other >= 20 and other >= 0.2 * (han + other):
            raise NotChineseError(
                f"this article is in {script} ({round(100 * other / (han + other))}% of its CJK characters are "
                f"{'kana' if script == 'Japanese' else 'hangul'})",
                "zhgloss annotates Chinese; give it the article's Chinese edition",
            )
    if han >= 2 and han >= 0.05 * len(text):  # enough whatever the rest is: no need to count letters
        return
    letters = sum(1 for c in text if c.isalpha())
    if han < 2 or han < 0.05 * letters:
        raise NotChineseError(
            "no Chinese text in this article",
            "zhgloss annotates Chinese; compare an English article with zhgloss compare",
        )


def read_article(path: Path, max_bytes: int = MAX_BYTES) -> RawArticle:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(
            f"unsupported file type '{suffix or '(none)'}'",
            "give a .txt, .md, .html or .pdf file",
            where=str(path),
        )
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError("is a folder", "name the folder itself as INPUT, not a file inside", where=str(path))
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", "check the path and permissions", where=str(path))
    try:
        raw = _read_bytes(data, suffix, max_bytes)
    except InputError as exc:
        raise exc.at(str(path))
    raw.sha256 = hashlib.sha256(data).hexdigest()
    return raw


def _read_bytes(data: bytes, suffix: str, max_bytes: int) -> RawArticle:
    if len(data) > max_bytes:
        raise InputError(
            f"file is {_size(len(data))}, over the {_size(max_bytes)} limit",
            "split it into articles, or raise the limit with --max-mb",
        )
    if not data.strip():
        raise InputError("file is empty", "nothing to annotate; check that the article was saved")
    if suffix in PDF_SUFFIXES:
        return read_pdf_bytes(data)
    text, encoding = decode_bytes(data)
    if not text.strip():
        raise InputError("file is empty", "nothing to annotate; check that the article was saved")
    if suffix in HTML_SUFFIXES:
        return read_html_text(text, encoding)
    if suffix in {".md", ".markdown"} or looks_like_markdown(text):
        return read_markdown_text(text, encoding)
    text = normalize_newlines(text)
    post = parse_ptt(text)
    if post is not None:  # a PTT post: its header and template become metadata
        return RawArticle(text=post[0], format="ptt", encoding=encoding, hints=post[1])
    return RawArticle(text=text, format="txt", encoding=encoding)


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{max(1, round(n / 1e3))} KB"


def normalize_newlines(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return _ZERO_WIDTH.sub("", text)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode article bytes; return (text, encoding name)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                raise InputError(f"starts with a {enc} byte-order mark but is not valid {enc}", "re-save it as UTF-8")
            if enc != "utf-8-sig" and _garbled(text):
                raise InputError(
                    f"starts with a {enc} byte-order mark but its content is not {enc} text (binary data?)",
                    "give a text, HTML or PDF article",
                )
            return text, enc
    if _looks_binary(data):
        raise InputError("looks like a binary file, not text", "give a text, HTML or PDF article")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # A file cut off in the middle of a UTF-8 character: decode what is there, drop the stump.
    if utf8_error.start >= len(data) - 3 and utf8_error.reason == "unexpected end of data":
        return data[: utf8_error.start].decode("utf-8"), "utf-8 (truncated)"
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CHINESE_ENCODINGS).best()
    if best is None or best.encoding is None or best.chaos > 0.3 or (best.encoding.startswith("utf_") and _garbled(str(best))):
        raise InputError(
            "cannot tell the text encoding (not UTF-8, Big5, GB18030 or UTF-16)",
            "re-save the file as UTF-8",
        )
    return str(best), best.encoding


def _garbled(text: str) -> bool:
    """True when text decoded as UTF-16/32 (where almost any bytes decode) is not writing.

    Counts, in its first 2,000 characters other than spaces, the code points text does not contain
    (unassigned, private use, surrogates, control characters) and the Han characters outside both
    Big5-HKSCS and GB2312 (real Chinese, Japanese or Korean text has few; bytes read as UTF-16 land
    on rare ideographs as often as on common ones).  More than a fifth of them means binary data.
    """
    sample = [c for c in text[:4000] if not c.isspace()][:2000]
    if not sample:
        return False
    odd = 0
    for c in sample:
        if c < "\u0100":
            odd += c < " " or "\x7f" <= c < "\xa0"
        elif unicodedata.category(c) in _NOT_TEXT:
            odd += 1
        elif "\u3400" <= c <= "\u9fff" and not _common_han(c):
            odd += 1
    return odd > 0.2 * len(sample)


_NOT_TEXT = {"Cn", "Co", "Cs", "Cc"}


def _common_han(c: str) -> bool:
    for enc in ("big5hkscs", "gb2312"):
        try:
            c.encode(enc)
            return True
        except UnicodeEncodeError:
            pass
    return False


_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))  # control bytes text rarely has


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    zeros = head.count(0)
    if zeros:
        # UTF-16/32 text without a byte-order mark has its zero bytes on one parity; binary does not.
        even = head[0::2].count(0)
        lopsided = max(even, zeros - even) >= 0.9 * zeros
        return not (lopsided and zeros >= len(head) * 0.2)
    control = len(head) - len(head.translate(None, _CONTROL))
    return control > len(head) * 0.05


# ---------------------------------------------------------------------------------------------- HTML


def read_html_text(html: str, encoding: str = "utf-8") -> RawArticle:
    """Main text and metadata of a web page via trafilatura (scripts, menus, comments dropped)."""
    import trafilatura

    text = trafilatura.extract(
        html,
        output_format="txt",
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        deduplicate=True,
    )
    if not text or not text.strip():
        raise InputError("no article text found in the HTML page", "save the article page itself, not an index or a script")
    meta = trafilatura.extract_metadata(html)
    hints: dict[str, str] = {}
    if meta is not None:
        for key, attr in (("title", "title"), ("author", "author"), ("publication", "sitename"), ("date", "date"), ("url", "url")):
            value = getattr(meta, attr, None)
            if value and str(value).strip():
                hints[key] = _as_written(" ".join(str(value).split()), html)
    if "author" in hints:  # 沈有忠（東海大學政治學系教授）｜ when the byline's date was taken away
        hints["author"] = _close_brackets(hints["author"]).rstrip(" ｜|／/·•,，、")
        if not hints["author"]:
            del hints["author"]
    return RawArticle(text=normalize_newlines(text), format="html", encoding=encoding, hints=hints,
                      quotes=_blockquotes(html) if "<blockquote" in html.lower() else [])


def _blockquotes(html: str) -> list[str]:
    """The paragraphs a page sets off as quotations (<blockquote>), as text."""
    try:
        from lxml import html as lxml_html

        tree = lxml_html.fromstring(html)
    except (ValueError, TypeError, SyntaxError):  # lxml's ParserError is a ValueError
        return []
    out = []
    for bq in tree.iter("blockquote"):
        for p in bq.findall(".//p") or [bq]:
            text = " ".join(p.text_content().split())
            if text:
                out.append(text)
    return out


def _as_written(value: str, html: str) -> str:
    """A metadata value in the page's own letter case: trafilatura title-cases site names
    ('中央社 CNA' → '中央社 Cna')."""
    if value.isascii() and value.islower() or not any(c.isalpha() and c.isascii() for c in value):
        return value
    m = re.search(re.escape(value), html, re.IGNORECASE)
    return html[m.start():m.end()] if m else value


def _close_brackets(text: str) -> str:
    """Metadata cut at a closing bracket ('陳文甲（國防大學教授', '〔記者顏振凱／綜合報導'): give the
    bracket back."""
    for open_, close in (("（", "）"), ("(", ")"), ("〔", "〕"), ("【", "】"), ("[", "]")):
        if text.count(open_) > text.count(close):
            text += close
    return text


# ------------------------------------------------------------------------------------------ Markdown


_MD_HEADING = rx.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.M)  # '#南海' (a hashtag) is none
_MD_STRONG = rx.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__")
_MD_LINK = rx.compile(r"\[[^\]\n]+\]\([^)\s]+\)")
_FRONT_MATTER = rx.compile(r"\A\s*---\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
#: Front-matter keys taken as metadata hints, and the hint each becomes.
_FRONT_KEYS = {"title": "title", "author": "author", "authors": "author", "date": "date",
               "source_url": "url", "url": "url", "publication": "publication", "site": "publication"}


def looks_like_markdown(text: str) -> bool:
    """Is a plain-text file written in Markdown?  Front matter, two '#' headings, or two kinds of
    markup among a '#' heading, **bold** and a [link](…) — one alone is too weak a sign."""
    if _FRONT_MATTER.match(text) and re.search(r"^(title|date|author)\s*:", text[:2000], re.M):
        return True
    headings = len(_MD_HEADING.findall(text))
    kinds = (headings > 0) + bool(_MD_STRONG.search(text)) + bool(_MD_LINK.search(text))
    return headings >= 2 or kinds >= 2


def split_front_matter(text: str) -> tuple[str, dict[str, str]]:
    """Strip a YAML front-matter block (``---`` … ``---``); return the rest and its metadata as
    hints (title, author, date as YYYY-MM-DD, url, publication).  A block that is not valid YAML
    is left in the text."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return text, {}
    import yaml

    try:
        meta = yamlfile.safe_load(m.group(1))
    except yaml.YAMLError:
        return text, {}
    if not isinstance(meta, dict):
        return text, {}
    hints: dict[str, str] = {}
    for key, hint in _FRONT_KEYS.items():
        value = meta.get(key)
        if hint in hints or value is None or isinstance(value, dict):
            continue
        if isinstance(value, list):
            items = [" ".join(str(v).split()) for v in value if v is not None]
            value = ("、" if any(_HAN.search(v) for v in items) else ", ").join(items)
        value = " ".join(str(value).split())
        if hint == "date" and re.match(r"\d{4}-\d{2}-\d{2}", value):
            value = value[:10]
        if value:
            hints[hint] = value
    return text[m.end():], hints


#: bold CommonMark leaves as it is next to Chinese punctuation (**新台幣1.25兆元（約400億美元）**的)
_UNPARSED_STRONG = rx.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
#: a link markdown-it refuses (javascript: addresses): [回上一頁](javascript:history.back())
_UNPARSED_LINK = rx.compile(r"\[([^\[\]\n]{1,80})\]\((?:[^()\s]|\([^()\s]*\))+\)")


def read_markdown_text(md: str, encoding: str = "utf-8") -> RawArticle:
    """Plain text of a Markdown article, one block per line; '#' headings are reported as such and
    front matter becomes metadata.  An indented block is text (Chinese paragraphs are often
    indented), a fenced code block is dropped."""
    from markdown_it import MarkdownIt

    body, hints = split_front_matter(normalize_newlines(md))
    tokens = MarkdownIt("commonmark").parse(body)
    lines: list[str] = []
    headings: dict[str, int] = {}
    quotes: list[str] = []
    level = quoting = 0
    for tok in tokens:
        if tok.type == "heading_open":
            level = int(tok.tag[1:])
        elif tok.type in ("blockquote_open", "blockquote_close"):
            quoting += 1 if tok.type == "blockquote_open" else -1
        elif tok.type == "inline":
            parts, code = [], []
            for child in tok.children or []:
                if child.type == "code_inline":  # kept as written, out of the markup clean-up below
                    code.append(child.content)
                    parts.append(f"\x00{len(code) - 1}\x00")
                elif child.type == "text":
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append("\n")
                elif child.type == "image":
                    parts.append(child.content)
            text = _UNPARSED_LINK.sub(r"\1", _UNPARSED_STRONG.sub(r"\1", "".join(parts)))
            text = re.sub("\x00(\\d+)\x00", lambda m: code[int(m.group(1))], text).strip()
            if text:
                if level:
                    headings[" ".join(text.split())] = level
                elif quoting:
                    quotes.append(text)
                lines.append(text)
            level = 0
        elif tok.type == "code_block":
            lines += [ln.strip() for ln in tok.content.splitlines()] + [""]
        elif tok.type in ("paragraph_close", "heading_close"):
            lines.append("")
    text = "\n".join(lines)
    if not text.strip():
        raise InputError("the Markdown file has no text", "check that the article was saved")
    return RawArticle(text=text, format="md", encoding=encoding, hints=hints, headings=headings, quotes=quotes)


# ----------------------------------------------------------------------------------------------- PDF


def read_pdf_bytes(data: bytes) -> RawArticle:
    """Text of every page via pdfplumber; pages are separated by a form feed for the clean-up."""
    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - a declared dependency
        raise MissingDependency("pdfplumber", "reading PDF files")
    import io

    if not data.startswith(b"%PDF"):
        raise InputError("does not look like a PDF file", "check the file; save the article as PDF or text")
    pages: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                pages.append(page.extract_text(x_tolerance=1.5, y_tolerance=3) or "")
    except Exception as exc:  # pdfminer raises many unrelated types for damaged files
        raise InputError(
            f"cannot read the PDF ({type(exc).__name__})",
            "the file may be truncated or damaged; re-download or export it again",
        )
    text = "\f".join(pages)
    if not text.replace("\f", "").strip():
        raise InputError("the PDF has no extractable text (scanned images?)", "run OCR on it first or give a text version")
    return RawArticle(text=normalize_newlines(text), format="pdf", encoding="pdf")
