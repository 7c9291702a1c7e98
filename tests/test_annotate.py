"""The whole annotate pipeline on the seed essay: structure facts and the golden records."""

from __future__ import annotations

import json
import re

from pipeline.annotate import annotate_text

from .conftest import GOLDEN, SEED

HEADINGS = ["日本國防政策轉型與中日關係的新動向", "美日韓三邊關係的博弈與印太戰略的前景", "中日韓關係與印太戰略的矛盾與平衡"]


def test_seed_structure(seed_doc):
    by_kind: dict[str, list[str]] = {}
    for u in seed_doc.units:
        by_kind.setdefault(u.kind, []).append(u.text)
    assert by_kind["publication"] == ["遠景論壇"]
    assert by_kind["title"] == ["日韓國內情勢對東北亞安保的影響"]
    assert by_kind["byline"] == ["李明峻"]
    assert by_kind["affiliation"] == ["新台灣國策智庫研發長"]
    assert by_kind["lead"] == ["隨著中國擴張軍事威脅、北韓試射核武，美國將全球戰略布局的重心逐步移至亞太地區。"]
    assert by_kind["caption"] == ["（圖片來源：Depositphotos）"]
    assert by_kind["heading"] == HEADINGS
    assert by_kind["note"] == ["編按：本文僅代表作者個人觀點，不代表遠景基金會之政策與立場。"]
    body = by_kind["body"]
    assert len(body) == 23
    for s in body:
        assert "\n" not in s and "遠景論壇" not in s and "圖片來源" not in s and "編按" not in s
        assert re.search(r"[。！？][」』）]?$", s), s
        assert not re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", s), s  # no spurious spaces
    # sentences end where the essay's sentences end
    assert body[0] == "眾所周知，隨著中國擴張軍事威脅、北韓試射核武，美國將全球戰略布局的重心逐步移至亞太地區。"
    assert body[-1].endswith("韓美、美日同盟關係就會具有相對穩固的民意基礎。")
    assert body[-6].endswith("也指稱「臺灣問題與韓國有什麼關係？」")
    assert body[-5] == "就此而言，韓國政情將對印太戰略的發展造成影響。"


def test_sections_and_offsets(seed_doc):
    section = None
    for u in seed_doc.units:
        assert seed_doc.text[u.start : u.end] == u.text
        if u.kind == "heading":
            section = u.text
        if u.kind == "body":
            assert u.section == section
        for t in u.tokens:
            assert u.text[t.start : t.end] == t.text
        for e in u.entities:
            assert u.text[e.start : e.end] == e.text
    assert seed_doc.units[6].section is None  # body before the first heading


def test_ids_are_stable_and_follow_text_not_position():
    a = annotate_text("第一句。第二句。\n第三句。", doc_id="d")
    b = annotate_text("新加的句子。第一句。第二句。\n第三句。", doc_id="d")
    ids_a = {u.text: u.id for u in a.units}
    ids_b = {u.text: u.id for u in b.units}
    for text in ("第一句。", "第二句。", "第三句。"):
        assert ids_a[text] == ids_b[text]
    again = annotate_text("第一句。第二句。\n第三句。", doc_id="d")
    assert [u.id for u in again.units] == [u.id for u in a.units]
    dup = annotate_text("好。好。", doc_id="d")
    assert len({u.id for u in dup.units}) == 2


def test_golden_records(seed_doc, update_golden):
    path = GOLDEN / f"{SEED.stem}.jsonl"
    got = [json.loads(json.dumps(r, ensure_ascii=False)) for r in seed_doc.records()]
    if update_golden:
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in got), encoding="utf-8")
    expected = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(got) == len(expected), "unit count changed; inspect and run pytest --update-golden"
    for g, e in zip(got, expected):
        for field in e:
            assert g[field] == e[field], f"record {e['n']} field {field!r} changed; inspect and run pytest --update-golden"


def test_html_news_page(resources):
    """A news page: metadata gives publication + date, title and byline; menus, related links,
    footer and scripts are not records."""
    from pathlib import Path

    from pipeline.annotate import annotate_file

    doc = annotate_file(Path(__file__).parent / "data" / "news_page.html", resources)
    got = [(u.kind, u.text) for u in doc.units]
    assert got[:3] == [("publication", "自由時報電子報 2023-08-19"), ("title", "美日韓峰會後 北京強烈反彈"), ("byline", "記者林小華／綜合報導")]
    assert ("heading", "北韓問題成焦點") in got
    texts = " ".join(t for _, t in got)
    assert "track()" not in texts and "首頁" not in texts and "版權所有" not in texts
    body = [t for k, t in got if k == "body"]
    assert body[1] == "中國外交部19日強烈反彈，指責三國「搞排他性小圈子」。"
    assert doc.meta["publication"] == "自由時報電子報" and doc.meta["date"] == "2023-08-19"
