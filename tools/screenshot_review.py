"""Save a screenshot of the review page (docs/review.png) from the test fixtures.

    python tools/screenshot_review.py [OUT.png]

Needs the ``playwright`` package and Debian's chromium at /usr/bin/chromium (no browser download).
"""

from __future__ import annotations

import socket
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path, reviewer: str = "alice"):
    """Start the review app in a thread; return (base_url, server, thread)."""
    import uvicorn

    from pipeline.review.app import create_app, default_hosts
    from pipeline.review.store import Store

    port = free_port()
    store = Store(db)
    app = create_app(store, reviewer, allowed_hosts=default_hosts("127.0.0.1", port))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(500):
        if server.started:
            break
        threading.Event().wait(0.02)
    return f"http://127.0.0.1:{port}", server, thread


def main(out: Path) -> None:
    from playwright.sync_api import sync_playwright

    from pipeline.review.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "review.sqlite"
        with Store(db) as store:
            store.import_paths([ROOT / "tests/data/review/demo.jsonl"])
            queue = store.queue("alice")
            for q in queue[:2]:
                store.save_review(q["id"], "alice", "accept", None, "", store.state(q["id"])["version"])
            shown = queue[2]["id"]  # a sentence with a stance target and an underlined cue
        url, server, thread = serve(db)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1400, "height": 860})
                page.goto(url + "/#" + shown)
                page.wait_for_selector("body[data-ready=yes]")
                page.wait_for_selector(".unit.current mark.ent")
                page.screenshot(path=str(out))
                browser.close()
        finally:
            server.should_exit = True
            thread.join()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "review.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    main(target)
    print(target)
