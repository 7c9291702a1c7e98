"""The review page in a real browser (Debian's chromium driven by Playwright; no browser download)."""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (no `playwright install` needed)")
pytest.importorskip("uvicorn")

from pipeline.review.app import create_app, default_hosts  # noqa: E402
from pipeline.review.store import Store  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "review"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
XSS_1 = "<script>alert(1)</script>"
XSS_2 = '"><img src=x onerror=alert(1)>'


def records(name: str) -> list[dict]:
    return [json.loads(x) for x in (DATA / name).read_text(encoding="utf-8").splitlines() if x.strip()]


def body(start: str) -> dict:
    return next(r for r in records("demo.jsonl") if r["text"].startswith(start))


@contextmanager
def uvicorn_server(app, port: int):
    """Serve ``app`` on 127.0.0.1:``port`` in a thread for the ``with`` block."""
    import uvicorn

    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(600):  # bounded wait for start-up
        if srv.started:
            break
        time.sleep(0.02)
    assert srv.started
    try:
        yield srv
    finally:
        srv.should_exit = True
        thread.join(timeout=30)


@pytest.fixture
def server(tmp_path):
    store = Store(tmp_path / "review.sqlite")
    store.import_paths([DATA / "demo.jsonl", DATA / "xss.jsonl"])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with uvicorn_server(create_app(store, "alice", allowed_hosts=default_hosts("127.0.0.1", port)), port):
        yield f"http://127.0.0.1:{port}", store
    store.close()


@pytest.fixture
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


def open_page(browser, url, dialogs, errors):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url + "/")
    page.wait_for_selector("body[data-ready=yes]")
    return page


def unit(page, rid):
    return page.locator(f'.unit[data-id="{rid}"]')


def drag(page, rid, start, end):
    """Press on character ``start`` and release on character ``end - 1`` of a sentence."""
    a = unit(page, rid).locator(f'.ch[data-i="{start}"]').bounding_box()
    b = unit(page, rid).locator(f'.ch[data-i="{end - 1}"]').bounding_box()
    page.mouse.move(a["x"] + a["width"] / 2, a["y"] + a["height"] / 2)
    page.mouse.down()
    page.mouse.move(b["x"] + b["width"] / 2, b["y"] + b["height"] / 2, steps=6)
    page.mouse.up()


def test_keyboard_review_mouse_span_fix_persists(server, browser):
    url, store = server
    dialogs: list[str] = []
    errors: list[str] = []
    page = open_page(browser, url, dialogs, errors)
    s1, s2, s3 = body("隨著"), body("先是"), body("從五眼")

    # the queue starts at the first body sentence; non-body units are shown greyed
    page.wait_for_selector(f'.unit.current[data-id="{s1["id"]}"]')
    assert page.locator(".unit.kind-title.greyed").count() == 1
    assert page.locator("#progress").inner_text() == "0 / 7 reviewed"

    # keyboard: accept, the page moves on; skip one with j; help opens with ?
    page.keyboard.press("a")
    page.wait_for_selector(f'.unit.st-accept[data-id="{s1["id"]}"]')
    page.wait_for_selector(f'.unit.current[data-id="{s2["id"]}"]')
    page.wait_for_function("document.querySelector('#progress').textContent.startsWith('1 / 7')")
    page.keyboard.press("?")
    assert page.locator("dialog#help").is_visible()
    page.keyboard.press("Escape")
    page.keyboard.press("x")
    page.wait_for_selector(f'.unit.st-reject[data-id="{s2["id"]}"]')
    page.keyboard.press("Control+z")  # undo the reject: back on s2, unreviewed
    page.wait_for_selector(f'.unit.current.st-todo[data-id="{s2["id"]}"]')
    assert store.state(s2["id"], "alice")["review"] is None
    page.keyboard.press("j")
    page.wait_for_selector(f'.unit.current[data-id="{s3["id"]}"]')

    # mouse: select 印太區域 and label it LOC; click 五眼聯盟 and delete it; flip bearing with b
    i = s3["text"].index("印太區域")
    drag(page, s3["id"], i, i + 4)
    page.wait_for_selector("#picker:not([hidden])")
    page.click('#picker .pk-label[data-label="LOC"]')
    page.wait_for_selector(f'.unit[data-id="{s3["id"]}"] mark.ent[data-label="LOC"]')
    unit(page, s3["id"]).locator("mark.ent", has_text="五眼聯盟").locator(".ch").first.click()
    page.wait_for_selector("#picker:not([hidden]) .pk-delete")
    page.click("#picker .pk-delete")
    assert unit(page, s3["id"]).locator("mark.ent", has_text="五眼聯盟").count() == 0
    # boundary fix: re-select part of 四方安全對話; the new span keeps its knowledge-base link
    j = s3["text"].index("四方安全對話")
    drag(page, s3["id"], j, j + 4)
    page.wait_for_selector("#picker:not([hidden])")
    page.keyboard.press("4")  # the fourth label, ORG
    unit(page, s3["id"]).locator('mark.ent[data-label="ORG"]', has_text="四方安全").wait_for()
    page.keyboard.press("b")
    assert not page.locator("#bearing").is_checked()
    page.fill("#note", "印太區域 is a region")
    page.keyboard.press("Escape")
    page.wait_for_selector(f'.unit.st-unsaved[data-id="{s3["id"]}"]')
    page.keyboard.press("a")
    page.wait_for_selector(f'.unit.st-edit[data-id="{s3["id"]}"]')

    saved = store.state(s3["id"], "alice")["review"]
    assert saved["decision"] == "edit" and saved["note"] == "印太區域 is a region"
    spans = {(e["text"], e["label"]) for e in saved["annotation"]["entities"]}
    assert ("印太區域", "LOC") in spans and not any(t == "五眼聯盟" for t, _ in spans)
    quad = next(e for e in saved["annotation"]["entities"] if e["text"] == "四方安全")
    assert (quad["label"], quad["kb_id"], quad["en"]) == ("ORG", "Q1463155", "Quad")
    assert saved["annotation"]["stance"]["bearing"] is False

    # reload: the change is still there
    page.reload()
    page.wait_for_selector("body[data-ready=yes]")
    box = unit(page, s3["id"])
    box.locator('mark.ent[data-label="LOC"]', has_text="印太區域").wait_for()
    assert box.locator("mark.ent", has_text="五眼聯盟").count() == 0
    assert "edited" in box.locator(".badge").inner_text()
    assert page.locator("#progress").inner_text().startswith("2 / 7")

    # low confidence first: the queue jumps to the least confident pending sentence, in any article
    page.select_option("#order", "confidence")
    low = min((r for r in records("xss.jsonl") + records("demo.jsonl") if r["kind"] == "body" and r["id"] not in (s1["id"], s3["id"])),
              key=lambda r: r["stance"]["score"])
    page.wait_for_selector(f'.unit.current[data-id="{low["id"]}"]')
    page.keyboard.press("a")
    page.wait_for_selector(f'.unit.current[data-id="{s2["id"]}"]')  # next lowest (0.35)
    page.keyboard.press("u")  # undo goes back to the accepted sentence and clears it
    page.wait_for_selector(f'.unit.current.st-todo[data-id="{low["id"]}"]')
    assert store.state(low["id"], "alice")["review"] is None
    assert dialogs == [] and errors == []


def test_conflict_between_tabs_is_shown(server, browser):
    url, store = server
    dialogs: list[str] = []
    errors: list[str] = []
    s1 = body("隨著")
    tab1 = open_page(browser, url, dialogs, errors)
    tab2 = open_page(browser, url, dialogs, errors)
    for tab in (tab1, tab2):
        tab.wait_for_selector(f'.unit.current[data-id="{s1["id"]}"]')
    tab1.keyboard.press("a")
    tab1.wait_for_selector(f'.unit.st-accept[data-id="{s1["id"]}"]')
    tab2.keyboard.press("x")
    tab2.wait_for_selector("#banner.conflict:not([hidden])")
    text = tab2.locator("#banner").inner_text()
    assert "Not saved" in text and "another tab" in text
    assert store.state(s1["id"], "alice")["review"]["decision"] == "accept"  # nothing overwritten
    tab2.keyboard.press("x")  # saving again, now knowingly, replaces it
    tab2.wait_for_selector(f'.unit.st-reject[data-id="{s1["id"]}"]')
    assert store.state(s1["id"], "alice")["review"]["decision"] == "reject"
    assert dialogs == [] and errors == []


def test_xss_payload_is_text(server, browser):
    url, store = server
    dialogs: list[str] = []
    errors: list[str] = []
    page = open_page(browser, url, dialogs, errors)
    page.click('#articles .article[data-doc="xss"]')
    page.wait_for_selector(".unit.kind-title")
    # the article's units are drawn after its title: wait until the body's payloads are on the page
    page.wait_for_function("() => [...document.querySelectorAll('.unit .text')].some(e => e.innerText.includes('onerror'))")
    texts = page.locator(".unit .text").all_inner_texts()
    flat = ["".join(t.split()) for t in texts]
    assert any("<script>alert(1)</script>" in t for t in flat)
    assert any('"><imgsrc=xonerror=alert(1)>' in t for t in flat)
    assert XSS_1 in page.locator(".doc-title").inner_text()
    assert page.locator("img").count() == 0 and page.locator("#doc script, #panel script").count() == 0
    # the holder and entity fields carry payloads too: they are input values, not markup
    xrec = next(r for r in records("xss.jsonl") if r["kind"] == "body" and XSS_1 in r["text"])
    unit(page, xrec["id"]).click()
    page.wait_for_selector(f'.unit.current[data-id="{xrec["id"]}"]')
    values = page.eval_on_selector_all("#panel input[type=text]", "els => els.map(e => e.value)")
    assert XSS_2 in values and XSS_1 in values
    page.fill("#note", XSS_2)
    page.keyboard.press("Escape")  # leaves the note (and closes the span picker the click opened)
    assert page.locator("#picker").is_hidden()
    page.keyboard.press("a")
    page.wait_for_selector(f'.unit.st-accept[data-id="{xrec["id"]}"]')
    page.reload()
    page.wait_for_selector("body[data-ready=yes]")
    assert page.locator("img").count() == 0
    assert store.state(xrec["id"], "alice")["review"]["note"] == XSS_2
    assert dialogs == [] and errors == []


def test_a_romanised_name_is_marked_until_a_reviewer_writes_its_english(tmp_path, browser, resources):
    """The panel says an entity's English is a romanisation (with its reading); once the reviewer
    types the English, the saved entity no longer claims to be romanised."""
    from pipeline.annotate import annotate_text
    from pipeline.records import jsonl_bytes

    doc = annotate_text("標題\n南韓外交部發言人李在雄說，韓方將持續溝通。\n", "ko", resources)
    path = tmp_path / "ko.jsonl"
    path.write_bytes(jsonl_bytes(doc.records()))
    store = Store(tmp_path / "review.sqlite")
    store.import_paths([path])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    rid = next(r["id"] for r in doc.records() if "李在雄" in r["text"])
    with uvicorn_server(create_app(store, "alice", allowed_hosts=default_hosts("127.0.0.1", port)), port):
        errors: list[str] = []
        page = open_page(browser, f"http://127.0.0.1:{port}", [], errors)
        row = page.locator(".ent-row", has_text="李在雄")
        assert row.locator(".guess").inner_text() == "romanised (ko)"
        row.locator("input.en").fill("Lee Jae-woong")
        page.keyboard.press("Escape")
        page.keyboard.press("a")
        page.wait_for_selector(f'.unit.st-edit[data-id="{rid}"]')
        saved = next(e for e in store.state(rid, "alice")["review"]["annotation"]["entities"] if e["text"] == "李在雄")
        assert saved["en"] == "Lee Jae-woong" and "romanized" not in saved and "reading" not in saved
        assert errors == []
    store.close()
