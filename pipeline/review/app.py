"""The review web app: a FastAPI server over a :class:`~pipeline.review.store.Store`.

Security model (the server runs on the reviewer's machine; article text is untrusted):

* the page is served with a strict Content-Security-Policy (scripts and styles from this server
  only) and the UI renders data with DOM text APIs only;
* every request must carry an expected ``Host`` header (defeats DNS rebinding);
* every write must carry the per-process session token in ``X-Zhgloss-Token`` (delivered inside the
  page, which other sites cannot read), a JSON content type and, if the browser sends one, a
  same-origin ``Origin``; so no cross-site request can change a review;
* request bodies are bounded (``max_body``, default 256 KB → 413).
"""

from __future__ import annotations

import hmac
import json
import secrets
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from .store import InvalidReview, ReviewConflict, ReviewError, Store, UnknownRecord

STATIC = Path(__file__).with_name("static")
TOKEN_HEADER = "x-zhgloss-token"
MAX_BODY = 256 * 1024
LABELS = ["PERSON", "GPE", "LOC", "ORG", "POLICY", "EVENT", "DATE", "PERCENT"]
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
_SAFE = {"GET", "HEAD", "OPTIONS"}


def default_hosts(host: str, port: int) -> set[str] | None:
    """Host header values the server answers to.  None (any) when bound to all interfaces."""
    if host in ("0.0.0.0", "::", ""):
        return None
    names = {host, "127.0.0.1", "localhost", "[::1]"} if host in ("127.0.0.1", "localhost", "::1") else {host}
    out = set()
    for n in names:
        n = f"[{n}]" if ":" in n and not n.startswith("[") else n
        out.add(f"{n}:{port}".lower())
        if port == 80:
            out.add(n.lower())
    return out


class _TooLarge(Exception):
    pass


class Guard:
    """ASGI middleware: Host check, body limit, token/Origin check on writes, security headers."""

    def __init__(self, app: Any, token: str, allowed_hosts: set[str] | None, max_body: int):
        self.app = app
        self.token = token.encode()
        self.allowed_hosts = allowed_hosts
        self.max_body = max_body

    async def _reject(self, send: Any, status: int, detail: str, fix: str = "") -> None:
        body = json.dumps({"detail": detail, "fix": fix}).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = headers.get("host", "").lower()
        if self.allowed_hosts is not None and host not in self.allowed_hosts:
            await self._reject(send, 421, f"unexpected Host header {host!r}", "open the address the server printed")
            return
        method = scope["method"].upper()
        if method not in _SAFE:
            origin = headers.get("origin")
            if origin is not None and origin.lower() not in (f"http://{host}", f"https://{host}"):
                await self._reject(send, 403, f"cross-origin write from {origin!r} refused", "use the review page itself")
                return
            if headers.get("sec-fetch-site") not in (None, "same-origin", "none"):
                await self._reject(send, 403, "cross-site write refused", "use the review page itself")
                return
            given = headers.get(TOKEN_HEADER, "").encode("latin-1")
            if not given or not hmac.compare_digest(given, self.token):
                await self._reject(send, 403, "missing or wrong session token; nothing was saved",
                                   "reload the page (the server may have been restarted)")
                return
            try:
                length = int(headers.get("content-length", "0") or 0)
            except ValueError:
                length = 0
            if length > self.max_body:
                await self._reject(send, 413, f"request body of {length} bytes is over the {self.max_body}-byte limit", "shorten the note")
                return

        seen = 0
        started = False

        async def limited_receive() -> dict:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _TooLarge()
            return message

        async def send_with_headers(message: dict) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                extra = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                         (b"x-frame-options", b"DENY"), (b"content-security-policy", CSP.encode()),
                         (b"cache-control", b"no-store")]
                message = {**message, "headers": list(message.get("headers", [])) + extra}
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except _TooLarge:
            if not started:
                await self._reject(send, 413, f"request body is over the {self.max_body}-byte limit", "shorten the note")


def create_app(store: Store, reviewer: str, token: str | None = None, allowed_hosts: set[str] | None = None,
               blind: bool = False, max_body: int = MAX_BODY) -> FastAPI:
    """Build the app.  ``token`` defaults to a fresh random one (``app.state.token``)."""
    token = token or secrets.token_urlsafe(32)
    app = FastAPI(title="zhgloss review", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.token = token
    app.state.store = store
    app.state.reviewer = reviewer
    page = (STATIC / "index.html").read_text(encoding="utf-8").replace("{{TOKEN}}", token)

    def error(exc: ReviewError, status: int, **extra: Any) -> JSONResponse:
        return JSONResponse({"detail": exc.what, "fix": exc.fix, **extra}, status_code=status)

    @app.exception_handler(ReviewConflict)
    async def _conflict(request: Request, exc: ReviewConflict) -> JSONResponse:
        current = dict(exc.current)
        if blind:
            current["reviews"] = [r for r in current.get("reviews", []) if r["reviewer"] == reviewer]
        return error(exc, 409, current=current)

    @app.exception_handler(UnknownRecord)
    async def _unknown(request: Request, exc: UnknownRecord) -> JSONResponse:
        return error(exc, 404)

    @app.exception_handler(InvalidReview)
    async def _invalid(request: Request, exc: InvalidReview) -> JSONResponse:
        return error(exc, 422)

    async def json_body(request: Request) -> dict[str, Any]:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype != "application/json":
            raise InvalidReview("the request must be JSON", "send Content-Type: application/json")
        try:
            body = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError) as exc:
            raise InvalidReview("the request body is not valid JSON", "send a JSON object") from exc
        if not isinstance(body, dict):
            raise InvalidReview("the request body must be a JSON object", "send a JSON object")
        return body

    def view_state(state: dict[str, Any]) -> dict[str, Any]:
        if blind:
            state = {**state, "reviews": [r for r in state["reviews"] if r["reviewer"] == reviewer]}
        return state

    @app.get("/", response_class=HTMLResponse)
    def index() -> HTMLResponse:
        return HTMLResponse(page)

    @app.get("/api/session")
    def session() -> dict[str, Any]:
        return {"reviewer": reviewer, "blind": blind, "labels": LABELS, "max_body": max_body}

    @app.get("/api/articles")
    def articles(all_kinds: bool = False) -> dict[str, Any]:
        kinds = ("publication", "title", "byline", "affiliation", "lead", "caption", "heading", "body", "note") if all_kinds else ("body",)
        return store.progress(reviewer, kinds)

    @app.get("/api/articles/{doc_id:path}")
    def article(doc_id: str) -> dict[str, Any]:
        info = next((a for a in store.articles(reviewer) if a["doc_id"] == doc_id), None)
        if info is None:
            raise UnknownRecord(f"no article {doc_id!r}", "pick an article from the list")
        return {"article": info, "units": store.article_units(doc_id, reviewer, blind)}

    @app.get("/api/queue")
    def queue(order: str = "document", all_kinds: bool = False) -> list[dict[str, Any]]:
        return store.queue(reviewer, order, None if all_kinds else ("body",))

    @app.get("/api/records/{record_id:path}")
    def record(record_id: str) -> dict[str, Any]:
        return {"record": store.record(record_id), **view_state(store.state(record_id, reviewer))}

    @app.post("/api/records/{record_id:path}/review")
    async def review(record_id: str, request: Request) -> dict[str, Any]:
        body = await json_body(request)
        state = await run_in_threadpool(
            store.save_review, record_id, reviewer, body.get("decision"), body.get("annotation"),
            body.get("note") or "", body.get("base_version"))
        return view_state(state)  # sent only after the transaction committed

    @app.post("/api/records/{record_id:path}/clear")
    async def clear(record_id: str, request: Request) -> dict[str, Any]:
        body = await json_body(request)
        state = await run_in_threadpool(store.clear_review, record_id, reviewer, body.get("base_version"))
        return view_state(state)

    @app.get("/favicon.ico")
    def favicon() -> Response:
        return Response(status_code=204)

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.add_middleware(Guard, token=token, allowed_hosts=allowed_hosts, max_body=max_body)
    return app
