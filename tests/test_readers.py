"""Reading files: encodings, formats and bad input."""

from __future__ import annotations

import codecs
import random

import pytest

from pipeline.errors import InputError
from pipeline.readers import decode_bytes, expand_inputs, read_article

TEXT = "美國總統川普今天表示，將對中國加徵關稅。\n他說：「這是必要的。」\n"


@pytest.mark.parametrize(
    "encoding, data",
    [
        ("utf-8", TEXT.encode("utf-8")),
        ("utf-8-sig", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
        ("utf-16", TEXT.encode("utf-16")),
        ("big5", (TEXT * 3).encode("big5")),
        ("cp950", (TEXT * 3).encode("cp950")),
        ("gb18030", (TEXT * 3).encode("gb18030")),
        ("gb18030-simplified", ("美国总统特朗普今天表示，将对中国加征关税。他说这是必要的。\n" * 3).encode("gb18030")),
    ],
)
def test_decodes_chinese_encodings(tmp_path, encoding, data):
    f = tmp_path / "a.txt"
    f.write_bytes(data)
    raw = read_article(f)
    assert "今天表示" in raw.text
    assert "\r" not in raw.text and "\ufeff" not in raw.text
    assert len(raw.sha256) == 64


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE])
def test_binary_after_a_byte_order_mark_is_refused(tmp_path, bom):
    # Almost any bytes decode as UTF-16: these read as a run of rare ideographs, not as text.
    f = tmp_path / "a.txt"
    if bom == codecs.BOM_UTF32_LE:
        body = bytes([0x40, 0x34, 0, 0, 0x10, 0x49, 0, 0]) * 60
    else:  # random 16-bit units, none a surrogate (those would fail to decode at all)
        rng = random.Random(7)
        units = [u for u in (rng.getrandbits(16) for _ in range(600)) if not 0xD800 <= u < 0xE000]
        body = b"".join(u.to_bytes(2, "little" if bom == codecs.BOM_UTF16_LE else "big") for u in units)
    f.write_bytes(bom + body)
    with pytest.raises(InputError, match="not utf-(16|32) text"):
        read_article(f)


@pytest.mark.parametrize(
    "text",
    [
        TEXT * 3,
        "石破茂首相は記者会見で、日米同盟の重要性を強調した。\n" * 3,
        "윤석열 대통령은 한미동맹을 강조했다. 國防部長\n" * 3,
        "佢哋話呢個政策唔得，啲人好嬲。\n" * 3,
    ],
)
def test_utf16_and_utf32_text_is_not_taken_for_binary(tmp_path, text):
    for enc in ("utf-16", "utf-32"):
        f = tmp_path / "a.txt"
        f.write_bytes(text.encode(enc))
        assert read_article(f).text.strip() == text.strip()


def test_truncated_utf8_keeps_what_is_there():
    data = TEXT.encode("utf-8")[:-2]  # cut inside the last character
    text, enc = decode_bytes(data)
    assert text.startswith("美國總統") and "truncated" in enc


def test_crlf_newlines_normalised(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(TEXT.replace("\n", "\r\n").encode("utf-8"))
    assert "\r" not in read_article(f).text


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b"  \n\n \t\n", "file is empty"),
        ("binary.txt", bytes(range(256)) * 20, "binary file"),
        ("garbage.txt", b"abc\xff\xfe\xff def\xff" * 40 + b"x", "cannot tell the text encoding"),
        ("a.docx", b"PK\x03\x04", "unsupported file type '.docx'"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj\n<<", "cannot read the PDF"),
        ("notpdf.pdf", b"hello", "does not look like a PDF"),
    ],
)
def test_bad_input_gives_one_clear_error(tmp_path, name, data, message):
    f = tmp_path / name
    f.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_article(f)
    line = err.value.line()
    assert line.startswith(f"Error: {f}: ")
    assert message in line
    assert " — " in line and "\n" not in line


def test_oversized_file_refused(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text("中文" * 1000, encoding="utf-8")
    with pytest.raises(InputError, match="over the"):
        read_article(f, max_bytes=1000)


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        expand_inputs([tmp_path / "nope.txt"])
    with pytest.raises(InputError, match="folder has no"):
        expand_inputs([tmp_path])


def test_folder_expands_to_supported_files(tmp_path):
    for name in ("b.txt", "a.md", "c.html", "skip.docx", ".hidden.txt", "README.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    names = [p.name for p in expand_inputs([tmp_path])]
    assert names == ["a.md", "b.txt", "c.html"]


def test_html_main_text_without_scripts(tmp_path):
    body = "".join(f"<p>美國國務院今天發表聲明，第{i}段內容說明美日韓三方合作的重要性，並呼籲各方維持台海和平穩定。</p>" for i in range(6))
    html = f"""<html><head><title>美日韓峰會聲明 - 測試新聞網</title>
    <meta name="author" content="王小明"><script>var x = "不該出現的腳本";</script></head>
    <body><nav>首頁 | 國際 | 政治</nav><article><h1>美日韓峰會聲明</h1>{body}</article>
    <script>alert("不該出現")</script></body></html>"""
    f = tmp_path / "a.html"
    f.write_text(html, encoding="utf-8")
    raw = read_article(f)
    assert "美日韓三方合作" in raw.text
    assert "腳本" not in raw.text and "alert" not in raw.text
    assert raw.hints.get("title", "").startswith("美日韓峰會聲明")


def test_html_site_name_keeps_its_letter_case(tmp_path):
    """trafilatura title-cases site names ('中央社 Cna'); the page's own spelling is kept."""
    body = "".join(f"<p>總統賴清德今天發表演說，第{i}段強調台灣不會屈服於任何壓力，並願意與中國交流。</p>" for i in range(5))
    html = f"""<html><head><meta charset="utf-8"><title>賴清德演說 | 中央社 CNA</title>
    <meta property="og:site_name" content="中央社 CNA"></head><body><article><h1>賴清德演說</h1>{body}</article></body></html>"""
    f = tmp_path / "cna.html"
    f.write_text(html, encoding="utf-8")
    assert read_article(f).hints["publication"] == "中央社 CNA"


def test_html_in_big5(tmp_path):
    html = "<html><head><meta charset='big5'><title>測試</title></head><body><article>" + "<p>台灣的國防預算今年大幅增加，以因應中國的軍事威脅。</p>" * 5 + "</article></body></html>"
    f = tmp_path / "a.htm"
    f.write_bytes(html.encode("big5"))
    assert "國防預算" in read_article(f).text


def test_markdown_headings(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("# 美日同盟的未來\n\n第一段，**重要**的內容。\n\n## 小標題\n\n第二段[連結](http://x)。\n", encoding="utf-8")
    raw = read_article(f)
    assert raw.headings == {"美日同盟的未來": 1, "小標題": 2}
    assert "重要的內容" in raw.text and "http" not in raw.text


@pytest.mark.parametrize(
    "text, markdown",
    [
        ("## 美日同盟\n\n第一段。\n\n## 結語\n\n第二段。\n", True),  # two '#' headings
        ("# 美日同盟\n\n第一段，**重要**的內容。\n", True),  # a heading and bold
        ("第一段，**重要**的內容，見[報告](https://example.com/r)。\n", True),  # bold and a link
        ("---\ntitle: 美日同盟\n---\n第一段。\n", True),  # front matter
        ("美日同盟\n第一段。\n#南海 #台灣安全\n", False),  # hashtags are no headings
        ("# 美日同盟\n第一段，共3項。\n", False),  # one sign alone
        ("第一段，**重要**的內容。\n", False),
    ],
)
def test_a_text_file_written_in_markdown_is_read_as_markdown(tmp_path, text, markdown):
    f = tmp_path / "a.txt"
    f.write_text(text, encoding="utf-8")
    raw = read_article(f)
    assert (raw.format == "md") is markdown
    if markdown:
        assert "**" not in raw.text and "#" not in raw.text and "http" not in raw.text


def test_markdown_front_matter_is_metadata_and_an_indented_paragraph_is_text(tmp_path):
    f = tmp_path / "a.md"
    f.write_text(
        "---\ntitle: \"AUKUS第二支柱：台灣的機會？\"\nauthor: [張國城, 李明]\ndate: 2025-09-02T08:00:00+08:00\n"
        "tags: [AUKUS]\n---\n\n    澳洲總理上月表示，合作將擴及日本。\n\n本文認為，台灣應積極爭取參與。\n\n"
        "```\nprint(1)\n```\n",
        encoding="utf-8",
    )
    raw = read_article(f)
    assert raw.hints == {"title": "AUKUS第二支柱：台灣的機會？", "author": "張國城、李明", "date": "2025-09-02"}
    assert raw.text.split() == ["澳洲總理上月表示，合作將擴及日本。", "本文認為，台灣應積極爭取參與。"]


def test_front_matter_that_is_not_yaml_stays_text(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("---\ntitle: [unclosed\n---\n\n第一段。\n", encoding="utf-8")
    raw = read_article(f)
    assert raw.hints == {} and "第一段。" in raw.text


def _tiny_pdf(lines: list[str]) -> bytes:
    """A valid one-page PDF with Latin text (built by hand; no PDF writer needed)."""
    content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({ln}) Tj T*" for ln in lines) + " ET"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_pdf_text_extracted(tmp_path):
    f = tmp_path / "a.pdf"
    f.write_bytes(_tiny_pdf(["Allies meet at Camp David.", "They pledge to consult."]))
    raw = read_article(f)
    assert raw.format == "pdf"
    assert "Camp David" in raw.text and "consult" in raw.text


def test_a_byline_hint_cut_at_its_closing_bracket_gets_it_back():
    from pipeline.readers import _close_brackets

    assert _close_brackets("〔記者顏振凱／綜合報導") == "〔記者顏振凱／綜合報導〕"
    assert _close_brackets("陳文甲（國防大學教授") == "陳文甲（國防大學教授）"


def test_html_blockquotes_are_quotations(tmp_path):
    """A page's <blockquote> paragraphs are kept as quotations (RawArticle.quotes), like Markdown's."""
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>帕帕羅示警</title></head><body><article><h1>帕帕羅示警</h1>"
                    "<p>美軍印太司令部司令帕帕羅20日在華府表示，解放軍的演習規模持續提升，已經接近預演。</p>"
                    "<blockquote><p>「我們看到的是一支正在為特定任務做準備的軍隊。」</p></blockquote>"
                    "<p>中國外交部發言人林劍20日回應，批評美方渲染所謂中國威脅。</p></article></body></html>",
                    encoding="utf-8")
    raw = read_article(page)
    assert raw.quotes == ["「我們看到的是一支正在為特定任務做準備的軍隊。」"]


def test_markdown_links_and_bold_markdown_it_leaves_as_written(tmp_path):
    """A javascript: link markdown-it refuses and bold next to Chinese punctuation lose their markup."""
    page = tmp_path / "release.md"
    page.write_text("# 外交部新聞稿\n\n外交部表示，總額**新台幣1.25兆元（約400億美元）**的預算。\n\n"
                    "[回上一頁](javascript:history.back()) ｜友善列印｜點閱次數：1,873\n", encoding="utf-8")
    text = read_article(page).text
    assert "新台幣1.25兆元（約400億美元）的預算" in text and "回上一頁 ｜友善列印" in text and "](" not in text
