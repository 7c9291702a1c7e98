"""The review web API through FastAPI's TestClient: token, Host/Origin checks, 409, 413, XSS, progress."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from pipeline.review.app import TOKEN_HEADER, create_app, default_hosts  # noqa: E402
from pipeline.review.store import Store  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "review"
BASE = "http://127.0.0.1:8765"
XSS_1 = "<script>alert(1)</script>"
XSS_2 = '"><img src=x onerror=alert(1)>'


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "review.sqlite")
    s.import_paths([DATA / "demo.jsonl", DATA / "xss.jsonl"])
    yield s
    s.close()


@pytest.fixture
def app(store):
    return create_app(store, "alice", token="test-token", allowed_hosts=default_hosts("127.0.0.1", 8765))


@pytest.fixture
def client(app):
    with TestClient(app, base_url=BASE) as c:
        yield c


def auth(extra: dict | None = None) -> dict:
    return {TOKEN_HEADER: "test-token", "Origin": BASE, **(extra or {})}


def first_body(client, doc="demo") -> dict:
    units = client.get(f"/api/articles/{doc}").json()["units"]
    return next(u for u in units if u["record"]["kind"] == "body")


def post_review(client, unit, decision="accept", headers=None, **kw):
    body = {"decision": decision, "annotation": kw.pop("annotation", None), "note": kw.pop("note", ""),
            "base_version": kw.pop("base_version", unit["version"])}
    return client.post(f"/api/records/{unit['record']['id']}/review", json=body, headers=auth() if headers is None else headers)


def test_page_delivers_token_and_security_headers(client, app):
    r = client.get("/")
    assert r.status_code == 200
    assert re.search(r'<meta name="zhgloss-token" content="test-token">', r.text)
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    for name in ("app.js", "style.css"):
        assert client.get(f"/static/{name}").status_code == 200


def test_random_token_per_app(store):
    a, b = create_app(store, "alice"), create_app(store, "alice")
    assert a.state.token != b.state.token and len(a.state.token) >= 32


def test_static_ui_never_uses_innerhtml():
    js = (Path(__file__).resolve().parents[1] / "pipeline" / "review" / "static" / "app.js").read_text(encoding="utf-8")
    code = "\n".join(line for line in js.splitlines() if not line.lstrip().startswith("//"))
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in code


def test_writes_require_token(client):
    unit = first_body(client)
    assert post_review(client, unit, headers={"Origin": BASE}).status_code == 403
    r = post_review(client, unit, headers={TOKEN_HEADER: "wrong", "Origin": BASE})
    assert r.status_code == 403 and "token" in r.json()["detail"]
    assert client.get(f"/api/records/{unit['record']['id']}").json()["review"] is None
    assert post_review(client, unit).status_code == 200


def test_cross_origin_and_bad_host_refused(client):
    unit = first_body(client)
    r = post_review(client, unit, headers=auth({"Origin": "http://evil.example"}))
    assert r.status_code == 403 and "cross-origin" in r.json()["detail"]
    r = post_review(client, unit, headers=auth({"Sec-Fetch-Site": "cross-site"}))
    assert r.status_code == 403
    r = client.get("/api/session", headers={"Host": "evil.example:8765"})
    assert r.status_code == 421  # DNS rebinding: a foreign name for 127.0.0.1
    assert client.get("/api/session").json()["reviewer"] == "alice"


def test_writes_must_be_json(client):
    unit = first_body(client)
    r = client.post(f"/api/records/{unit['record']['id']}/review", content="decision=accept",
                    headers=auth({"Content-Type": "application/x-www-form-urlencoded"}))
    assert r.status_code == 422 and "JSON" in r.json()["detail"]


def test_big_body_413(client):
    unit = first_body(client)
    r = post_review(client, unit, note="長" * 200_000)  # 600 KB of UTF-8
    assert r.status_code == 413
    # a chunked body without Content-Length is cut off too
    big = json.dumps({"decision": "accept", "note": "x" * 300_000, "base_version": unit["version"]}).encode()

    def chunks():
        for i in range(0, len(big), 16_384):
            yield big[i:i + 16_384]

    r = client.post(f"/api/records/{unit['record']['id']}/review", content=chunks(), headers=auth({"Content-Type": "application/json"}))
    assert r.status_code == 413
    assert client.get(f"/api/records/{unit['record']['id']}").json()["review"] is None


def test_409_on_stale_version(client, store):
    unit = first_body(client)
    assert post_review(client, unit, note="tab one").status_code == 200
    r = post_review(client, unit, "reject", note="tab two")  # same base version: the other tab
    assert r.status_code == 409
    body = r.json()
    assert "not saved" in body["detail"] and "another tab" in body["detail"]
    assert body["current"]["review"]["note"] == "tab one"
    # another reviewer via another app on the same store
    bob = create_app(store, "bob", token="bob-token", allowed_hosts=None)
    with TestClient(bob, base_url=BASE) as c2:
        r = post_review(c2, unit, headers={TOKEN_HEADER: "bob-token"})
        assert r.status_code == 409 and "'alice'" in r.json()["detail"]
        r = post_review(c2, unit, base_version=body["current"]["version"], headers={TOKEN_HEADER: "bob-token"})
        assert r.status_code == 200
    assert {x["reviewer"] for x in client.get(f"/api/records/{unit['record']['id']}").json()["reviews"]} == {"alice", "bob"}


def test_invalid_review_422_and_unknown_404(client):
    unit = first_body(client)
    r = post_review(client, unit, annotation={"entities": [{"start": 0, "end": 999, "label": "GPE"}], "stance": {}})
    assert r.status_code == 422 and "outside the sentence" in r.json()["detail"]
    r = client.post("/api/records/nope/review", json={"decision": "accept", "base_version": 1}, headers=auth())
    assert r.status_code == 404


def test_xss_payload_is_returned_as_data(client):
    r = client.get("/api/articles/xss")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    texts = [u["record"]["text"] for u in r.json()["units"]]
    assert any(XSS_1 in t for t in texts) and any(XSS_2 in t for t in texts)
    unit = next(u for u in r.json()["units"] if XSS_1 in u["record"]["text"])
    r = post_review(client, unit, note=XSS_2)
    assert r.status_code == 200 and r.json()["review"]["note"] == XSS_2
    page = client.get("/").text
    assert "alert(1)" not in page  # data never goes into the HTML page


def test_progress_counts(client):
    p = client.get("/api/articles").json()
    assert (p["reviewed"], p["total"]) == (0, 7)
    units = [u for u in client.get("/api/articles/demo").json()["units"] if u["record"]["kind"] == "body"]
    assert post_review(client, units[0]).status_code == 200
    assert post_review(client, units[1], "reject").status_code == 200
    p = client.get("/api/articles").json()
    assert (p["reviewed"], p["total"]) == (2, 7)
    demo = next(a for a in p["articles"] if a["doc_id"] == "demo")
    assert (demo["reviewed"], demo["total"]) == (2, 5)
    assert p["decisions"] == {"accept": 1, "reject": 1, "edit": 0}
    assert client.get("/api/articles?all_kinds=1").json()["total"] == 14


def test_queue_orders(client):
    doc = client.get("/api/queue").json()
    assert [q["kind"] for q in doc] == ["body"] * 7
    low = client.get("/api/queue?order=confidence").json()
    scores = [q["score"] for q in low]
    assert scores == sorted(scores)
    assert client.get("/api/queue?order=bogus").status_code == 422


def test_undo_via_clear(client):
    unit = first_body(client)
    st = post_review(client, unit).json()
    r = client.post(f"/api/records/{unit['record']['id']}/clear", json={"base_version": st["version"]}, headers=auth())
    assert r.status_code == 200 and r.json()["review"] is None
    assert client.get("/api/articles").json()["reviewed"] == 0


def test_ids_with_slashes_and_unicode(tmp_path):
    rec = json.loads((DATA / "demo.jsonl").read_text(encoding="utf-8").splitlines()[4])
    rec.update(doc_id="評論/2024 a", id="評論/2024 a:abc123")
    f = tmp_path / "odd.jsonl"
    f.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    with Store(tmp_path / "r.sqlite") as s:
        s.import_paths([f])
        app = create_app(s, "alice", token="t", allowed_hosts=None)
        with TestClient(app, base_url=BASE) as c:
            from urllib.parse import quote

            units = c.get(f"/api/articles/{quote(rec['doc_id'], safe='')}").json()["units"]
            assert units[0]["record"]["id"] == rec["id"]
            r = c.post(f"/api/records/{quote(rec['id'], safe='')}/review", json={"decision": "accept", "base_version": 1},
                       headers={TOKEN_HEADER: "t"})
            assert r.status_code == 200 and r.json()["review"]["decision"] == "accept"


def test_default_hosts():
    assert default_hosts("127.0.0.1", 8765) == {"127.0.0.1:8765", "localhost:8765", "[::1]:8765"}
    assert default_hosts("192.168.1.5", 9000) == {"192.168.1.5:9000"}
    assert default_hosts("0.0.0.0", 8765) is None  # any name; writes still need the token and same origin
