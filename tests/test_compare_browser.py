"""The compare report in a real browser (Debian's chromium driven by Playwright; no browser
download).  ``ZHGLOSS_SCREENSHOT=docs/compare.png pytest tests/test_compare_browser.py`` also
refreshes the README screenshot from the seed essay and the Camp David joint statement."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (no `playwright install` needed)")

from pipeline.compare import Loader, compare_files  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
XSS = "<script>window.__pwned = 1</script>"

ZH = ("日本與菲律賓在馬尼拉簽署防衛協定，雙方同意擴大聯合演習。\n\n"
      "中國外交部批評此舉破壞區域和平。\n")
EN = (f"Japan and the Philippines signed a defence pact in Manila and agreed to expand joint exercises.\n\n"
      f"China's foreign ministry criticised the move, saying it {XSS} undermines regional peace.\n")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


def test_report_sections_and_escaped_script(browser, resources, tmp_path):
    (tmp_path / "pact-zh.txt").write_text(ZH, encoding="utf-8")
    (tmp_path / "pact-en.txt").write_text(EN, encoding="utf-8")
    html = compare_files(tmp_path / "pact-zh.txt", [tmp_path / "pact-en.txt"], tmp_path / "report", Loader(resources))
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(html.resolve().as_uri())
    for section, title in (("actors", "Actors"), ("stance", "Stance by actor"),
                           ("passages", "Related passages"), ("coverage", "Coverage")):
        heading = page.locator(f"#{section}-1 h2")
        assert heading.is_visible() and heading.inner_text() == title
    actors = page.locator("#actors-1 tr.shared td:first-child").all_inner_texts()
    assert {"Japan", "Philippines", "China"} <= set(actors)
    # the article's <script> is shown as text, never run
    assert XSS in page.locator("#passages-1").inner_text()
    assert page.evaluate("window.__pwned") is None
    assert page.locator("script").count() == 0
    assert not errors
    assert all(u.startswith("file://") for u in requests)  # no external assets
    # the translation lines up sentence for sentence
    firsts = page.locator("#passages-1 .passage ul.links li:first-child .aligned").count()
    assert firsts == 2
    page.close()


@pytest.mark.skipif(not os.environ.get("ZHGLOSS_SCREENSHOT"), reason="set ZHGLOSS_SCREENSHOT=docs/compare.png to refresh it")
def test_screenshot_for_readme(browser, resources, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # paths in the page as a user would type them
    seed = Path("corpus") / "000_cc32bebfc7b73164.txt"
    camp = Path("corpus") / "en" / "camp-david-joint-statement-2023-08-18.md"
    html = compare_files(seed, [camp], tmp_path / "report", Loader(resources))
    page = browser.new_page(viewport={"width": 1280, "height": 1560})
    page.goto(html.resolve().as_uri())
    page.screenshot(path=str(ROOT / os.environ["ZHGLOSS_SCREENSHOT"]))  # header, shared actors, disagreements
    page.close()
