"""``zhgloss review``: import annotations into the review store and serve the review page.

Registered in ``pipeline/cli.py`` with ``app.command("review")(review)``.  The function is plain
Python too: ``review([Path("annotations")], serve=False)`` imports without serving.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from pipeline.errors import MissingDependency, ZhglossError

DEFAULT_DB = Path("annotations/review.sqlite")


class ReviewSetupError(ZhglossError):
    """The review command cannot start as asked."""


def default_reviewer() -> str:
    name = os.environ.get("USER") or os.environ.get("USERNAME")
    if not name:
        try:
            name = getpass.getuser()
        except Exception:  # noqa: BLE001 - no login name on this system
            name = ""
    return name.strip() or "reviewer"


def _fmt(x: float | None, digits: int = 3) -> str:
    return "n/a" if x is None else f"{x:.{digits}f}"


def stats_text(store: "object", reviewer: str | None = None) -> str:
    """The report printed by ``--stats``: progress per article and reviewer, then agreement."""
    from .store import Store

    assert isinstance(store, Store)
    lines = []
    overall = store.progress(None)
    lines.append(f"Progress (body sentences reviewed by anyone): {overall['reviewed']} / {overall['total']}"
                 + (f", {overall['stale']} stale" if overall["stale"] else ""))
    for a in overall["articles"]:
        title = (a["title"] or "").replace("\n", " ")
        lines.append(f"  {a['doc_id']}: {a['reviewed']} / {a['total']}" + (f"  ({a['stale']} stale)" if a["stale"] else "")
                     + (f"  {title[:40]}" if title else ""))
    names = store.reviewers()
    if names:
        lines.append("Reviewers:")
        for name in names:
            p = store.progress(name)
            d = p["decisions"]
            lines.append(f"  {name}: {p['reviewed']} / {p['total']} reviewed (accept {d['accept']}, edit {d['edit']}, "
                         f"reject {d['reject']})" + (f", {p['stale']} stale" if p["stale"] else ""))
    pairs = store.agreement()
    if pairs:
        lines.append("Agreement (sentences both accepted or edited):")
        for p in pairs:
            lines.append(f"  {p['a']} vs {p['b']}: n={p['n']}  kappa(bearing)={_fmt(p['kappa_bearing'])}  "
                         f"entity F1={_fmt(p['entity_f1'])} (P={_fmt(p['entity_precision'])}, R={_fmt(p['entity_recall'])})")
    else:
        lines.append("Agreement: needs decisions from at least two reviewers (--reviewer NAME).")
    return "\n".join(lines)


def _check_port(host: str, port: int) -> None:
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise ReviewSetupError(f"cannot resolve --host {host!r} ({exc})", "pass an address such as 127.0.0.1") from exc
    family, _, _, _, addr = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(addr)
        except OSError as exc:
            raise ReviewSetupError(f"cannot listen on {host}:{port} ({exc.strerror or exc})",
                                   "pass another --port, or stop the server already using it", f"{host}:{port}") from exc


def review(
    paths: Annotated[Optional[list[Path]], typer.Argument(
        help="Annotation folders or .jsonl files to import (re-importing keeps reviews of unchanged sentences). "
             "Optional when the database already holds articles.", show_default=False, metavar="PATH...")] = None,
    db: Annotated[Path, typer.Option("--db", help="Review database (SQLite).")] = DEFAULT_DB,
    reviewer: Annotated[Optional[str], typer.Option("--reviewer", help="Your name on decisions [default: $USER or 'reviewer'].",
                                                    show_default=False)] = None,
    host: Annotated[str, typer.Option("--host", help="Address to bind; only 127.0.0.1 is private to this machine.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to serve on.")] = 8765,
    stats: Annotated[bool, typer.Option("--stats", help="Print progress and agreement between reviewers, then exit.")] = False,
    serve: Annotated[bool, typer.Option("--serve/--no-serve", help="Serve the review page after importing.")] = True,
    blind: Annotated[bool, typer.Option("--blind", help="Hide other reviewers' decisions (for agreement studies).")] = False,
) -> None:
    """Review annotations in the browser: accept or fix entities, stance and notes sentence by sentence.

    Example: zhgloss review annotations/ --db annotations/review.sqlite --reviewer alice
    """
    from .store import Store

    name = (reviewer or default_reviewer()).strip()
    if not name or len(name) > 100 or any(ord(c) < 32 for c in name):
        raise ReviewSetupError(f"reviewer name {name!r} is not usable", "pass --reviewer NAME (printable, at most 100 characters)")
    if not 0 < port < 65536:
        raise ReviewSetupError(f"port {port} is out of range", "pass --port between 1 and 65535")
    store = Store(db)
    try:
        if paths:
            summary = store.import_paths(paths, actor=name)
            for doc_id, c in summary.items():
                typer.echo(f"{doc_id}: {c['added']} added, {c['changed']} changed, {c['removed']} removed, "
                           f"{c['unchanged']} unchanged" + (f"; {c['stale_reviews']} reviews now stale" if c["stale_reviews"] else ""))
        if stats:
            typer.echo(stats_text(store))
            return
        if store.is_empty():
            raise ReviewSetupError("the review database has no articles yet",
                                   f"import some: zhgloss review annotations/ --db {db}", str(db))
        if not serve:
            return
        try:
            import uvicorn
        except ImportError as exc:
            raise MissingDependency("uvicorn", "zhgloss review") from exc
        try:
            from .app import create_app, default_hosts
        except ImportError as exc:
            raise MissingDependency("fastapi", "zhgloss review") from exc
        _check_port(host, port)
        app = create_app(store, name, allowed_hosts=default_hosts(host, port), blind=blind)
        shown = f"[{host}]" if ":" in host else host
        if host in ("0.0.0.0", "::"):
            typer.echo("Warning: serving on all interfaces; anyone who can reach this machine can read the articles.", err=True)
        typer.echo(f"Reviewing as {name!r}; database {db}")
        typer.echo(f"Open http://{'127.0.0.1' if host in ('0.0.0.0', '::') else shown}:{port}/  (Ctrl+C to stop; press ? in the page for keys)")
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        store.close()
