"""The optional translation backend (``annotate --translate``), against a fake OpenAI-compatible
server on 127.0.0.1 (nothing leaves this machine)."""

from __future__ import annotations

import json
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from pipeline.annotate import annotate_text
from pipeline.cli import main
from pipeline.errors import MissingDependency, ZhglossError
from pipeline.model import Document, Unit
from pipeline.resources import Options, Resources
from pipeline.translate import (
    SPEC_FORMS,
    SYSTEM_PROMPT,
    CachingTranslator,
    OpenAITranslator,
    load_translator,
    parse_spec,
    translate_stage,
)

ARTICLE = "北韓再度試射飛彈\n北韓今天清晨朝日本海方向發射一枚彈道飛彈。日本政府隨即提出抗議。\n"


def canned(text: str) -> str:
    return f"EN<{text}>"


class FakeServer:
    """An OpenAI-compatible server: ``/models`` and ``/chat/completions``, requests recorded."""

    def __init__(self, status: int = 200, models_status: int = 200):
        self.requests: list[dict] = []
        self.status = status
        self.models_status = models_status
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def _reply(self, status: int, payload) -> None:
                data = json.dumps(payload).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                server.requests.append({"method": "GET", "path": self.path, "auth": self.headers.get("Authorization")})
                self._reply(server.models_status, {"object": "list", "data": [{"id": "qwen-test"}]})

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                server.requests.append({"method": "POST", "path": self.path, "auth": self.headers.get("Authorization"), "body": body})
                if server.status != 200:
                    self._reply(server.status, {"error": {"message": "model overloaded"}})
                    return
                user = next(m["content"] for m in body["messages"] if m["role"] == "user")
                self._reply(200, {"id": "x", "object": "chat.completion", "model": body.get("model"),
                                  "choices": [{"index": 0, "finish_reason": "stop",
                                               "message": {"role": "assistant", "content": f" {canned(user)}\n"}}]})

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def posts(self) -> list[dict]:
        return [r for r in self.requests if r["method"] == "POST"]

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


@pytest.fixture
def server():
    with FakeServer() as s:
        yield s


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def with_translator(resources: Resources, spec: str) -> Resources:
    """A Resources for ``spec`` that shares the already-loaded dictionaries of ``resources``."""
    res = Resources(Options(translate=spec))
    for name in ("kb", "segmenter", "stance_lexicon", "glosser"):
        res.__dict__[name] = getattr(resources, name)
    return res


# ------------------------------------------------------------------------------------------- library


def test_default_is_none_and_leaves_translation_null(resources):
    assert Options().translate == "none" and resources.translator is None
    doc = annotate_text(ARTICLE, res=resources)
    assert doc.units and all(u.translation_en is None for u in doc.units)
    assert all(r["translation_en"] is None for r in doc.records())


def test_openai_backend_fills_translation(resources, server, monkeypatch):
    monkeypatch.setenv("ZHGLOSS_TRANSLATE_API_KEY", "sk-test")
    res = with_translator(resources, f"openai:{server.url}#qwen-test")
    doc = annotate_text(ARTICLE, res=res)
    assert [u.kind for u in doc.units] == ["title", "body", "body"]
    assert [u.translation_en for u in doc.units] == [canned(u.text) for u in doc.units]
    assert len(server.posts) == 3
    post = server.posts[0]
    assert post["path"] == "/v1/chat/completions" and post["auth"] == "Bearer sk-test"
    assert post["body"]["model"] == "qwen-test"
    assert post["body"]["messages"] == [{"role": "system", "content": SYSTEM_PROMPT},
                                        {"role": "user", "content": "北韓再度試射飛彈"}]
    # the same sentences again: answered from the run's cache, no new request
    doc2 = annotate_text(ARTICLE, doc_id="again", res=res)
    assert doc2.units[1].translation_en == canned(doc2.units[1].text) and len(server.posts) == 3


def test_which_units_are_translated(server):
    units = [Unit(0, "publication", 0, 0, "聯合報"), Unit(0, "byline", 0, 0, "記者王小明／台北報導"),
             Unit(0, "affiliation", 0, 0, "國立政治大學"), Unit(0, "title", 0, 0, "台美關係"),
             Unit(0, "heading", 0, 0, "前言"), Unit(0, "lead", 0, 0, "美國宣布對台軍售。"),
             Unit(0, "caption", 0, 0, "圖為國防部。"), Unit(0, "note", 0, 0, "註：本文為作者觀點。"),
             Unit(0, "body", 0, 0, "Reuters, 2024."), Unit(0, "body", 0, 0, "台美關係")]
    doc = Document("d", "", units=units)
    res = Resources(Options(translate=f"openai:{server.url}"))
    translate_stage(doc, res)
    assert [u.translation_en is not None for u in units] == [False, False, False, True, True, True, True, True, False, True]
    assert units[-1].translation_en == canned("台美關係")
    assert len(server.posts) == 5  # 台美關係 twice, sent once
    assert "model" not in server.posts[0]["body"] and server.posts[0]["auth"] is None


def test_http_errors_are_retried_a_bounded_number_of_times():
    with FakeServer(status=503) as s:
        t = OpenAITranslator(s.url, "m", retries=2, backoff=0)
        with pytest.raises(ZhglossError) as info:
            t.translate_batch(["台灣"])
        assert len(s.posts) == 2
        assert info.value.what == f"translation server {s.url}: HTTP 503 after 2 attempt(s)"
    with FakeServer(status=400) as s:
        with pytest.raises(ZhglossError, match="HTTP 400: .*model overloaded"):
            OpenAITranslator(s.url, retries=3, backoff=0).translate_batch(["台灣"])
        assert len(s.posts) == 1  # a client error is not retried


def test_cache_sends_each_text_once():
    calls = []

    class Echo:
        name = "echo"

        def translate_batch(self, texts):
            calls.append(list(texts))
            return [t.upper() for t in texts]

    t = CachingTranslator(Echo())
    assert t.translate_batch(["a", "b", "a"]) == ["A", "B", "A"]
    assert t.translate_batch(["b", "c"]) == ["B", "C"]
    assert calls == [["a", "b"], ["c"]]


def test_spec_parsing():
    assert parse_spec("none") == ("none", "", None)
    assert parse_spec("openai:http://127.0.0.1:8000/v1#qwen2.5-7b") == ("openai", "http://127.0.0.1:8000/v1", "qwen2.5-7b")
    assert parse_spec("openai:https://api.example.org/v1") == ("openai", "https://api.example.org/v1", None)
    assert parse_spec("argos:/models/zh_en.argosmodel") == ("argos", "/models/zh_en.argosmodel", None)
    assert load_translator("none") is None
    for bad in ("deepl", "openai", "argos:", "google:x"):
        with pytest.raises(ZhglossError) as info:
            parse_spec(bad)
        assert info.value.line() == f"Error: --translate: unknown translation backend {bad!r} — use one of: {SPEC_FORMS}"
    with pytest.raises(ZhglossError, match="bad translation endpoint"):
        parse_spec("openai:127.0.0.1:8000")


def test_argos_without_the_package(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "argostranslate", None)  # as if not installed
    with pytest.raises(MissingDependency) as info:
        load_translator(f"argos:{tmp_path / 'zh_en.argosmodel'}")
    assert info.value.line() == ("Error: --translate argos:… needs the optional package 'argostranslate'"
                                 " — install it with: pip install argostranslate")


# ----------------------------------------------------------------------------------------------- CLI


def test_cli_translate(tmp_path, capsys, server):
    art = tmp_path / "nk.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(capsys, "annotate", str(art), "-o", str(tmp_path / "out"), "--translate", f"openai:{server.url}#qwen-test")
    assert code == 0, err
    records = [json.loads(x) for x in (tmp_path / "out" / "nk.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["translation_en"] for r in records] == [canned(r["text"]) for r in records]
    assert {p["body"]["model"] for p in server.posts} == {"qwen-test"}
    assert [p["body"]["messages"][1]["content"] for p in server.posts] == [r["text"] for r in records]
    assert server.requests[0]["path"] == "/v1/models"  # the start-up check


def test_cli_server_down_is_one_error_line(tmp_path, capsys):
    art = tmp_path / "nk.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    url = f"http://127.0.0.1:{free_port()}/v1"
    code, out, err = run(capsys, "annotate", str(art), "-o", str(tmp_path / "out"), "--translate", f"openai:{url}")
    assert code == 1 and out == ""
    assert len(err.splitlines()) == 1
    assert err.startswith(f"Error: --translate: translation server {url}: cannot connect (ConnectError: ")
    assert err.rstrip().endswith("— check that the server is running and the URL ends where /chat/completions is added "
                                 "(e.g. http://127.0.0.1:8000/v1), or drop --translate")
    assert not (tmp_path / "out" / "nk.jsonl").exists()


def test_cli_refused_key(tmp_path, capsys):
    art = tmp_path / "nk.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    with FakeServer(models_status=401) as s:
        code, _, err = run(capsys, "annotate", str(art), "--stdout", "--translate", f"openai:{s.url}")
    assert code == 1
    assert err == (f"Error: --translate: translation server {s.url}: HTTP 401 (key refused)"
                   " — set $ZHGLOSS_TRANSLATE_API_KEY to a valid API key\n")


def test_cli_unknown_spec(tmp_path, capsys):
    art = tmp_path / "nk.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(capsys, "annotate", str(art), "--stdout", "--translate", "deepl")
    assert (code, out) == (1, "")
    assert err == f"Error: --translate: unknown translation backend 'deepl' — use one of: {SPEC_FORMS}\n"


def test_cli_argos_without_the_package(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "argostranslate", None)
    art = tmp_path / "nk.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(capsys, "annotate", str(art), "--stdout", "--translate", "argos:/models/zh_en.argosmodel")
    assert code == 1
    assert err == ("Error: --translate argos:… needs the optional package 'argostranslate'"
                   " — install it with: pip install argostranslate\n")


def test_cli_help_lists_the_forms(capsys):
    code, out, _ = run(capsys, "annotate", "--help")
    assert code == 0 and "--translate" in out and "openai:URL[#MODEL]" in out and "argos:PATH" in out
