"""Crash safety: a review server killed with SIGKILL mid-stream loses no acknowledged decision."""

from __future__ import annotations

import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("uvicorn")

from pipeline.review.store import Store  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data" / "review"
WRITERS = 4
WRITES_PER_WRITER = 400   # upper bound: the loop stops by itself even if the kill never comes
KILL_AFTER_ACKS = 60
SERVER = (
    "import sys\n"
    "from pathlib import Path\n"
    "from pipeline.review.command import review\n"
    "review(None, db=Path(sys.argv[1]), reviewer='crash', port=int(sys.argv[2]))\n"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_page(url: str, proc: subprocess.Popen) -> str:
    for _ in range(600):  # bounded: at most ~30 s
        if proc.poll() is not None:
            raise AssertionError(f"server exited early with {proc.returncode}")
        try:
            r = httpx.get(url + "/", timeout=2.0)
            if r.status_code == 200:
                return r.text
        except httpx.TransportError:
            pass
        time.sleep(0.05)
    raise AssertionError("server did not start")


def test_sigkill_loses_no_acknowledged_write(tmp_path):
    db = tmp_path / "review.sqlite"
    with Store(db) as s:
        s.import_paths([DATA / "demo.jsonl", DATA / "xss.jsonl"])
        records = [(q["id"], s.state(q["id"])["version"]) for q in s.queue("crash", kinds=None)]
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = (tmp_path / "server.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(db), str(port)], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    try:
        page = wait_for_page(url, proc)
        token = re.search(r'name="zhgloss-token" content="([^"]+)"', page).group(1)
        headers = {"X-Zhgloss-Token": token, "Origin": url}

        acked: list[tuple[str, int, str]] = []  # (record id, version, note) for every HTTP 200
        lock = threading.Lock()
        enough = threading.Event()

        def writer(k: int) -> None:
            mine = records[k::WRITERS]
            versions = {rid: v for rid, v in mine}
            with httpx.Client(base_url=url, headers=headers, timeout=10.0) as c:
                for i in range(WRITES_PER_WRITER):
                    rid = mine[i % len(mine)][0]
                    note = f"w{k}-{i}"
                    body = {"decision": "reject" if i % 3 == 0 else "accept", "note": note, "base_version": versions[rid]}
                    try:
                        r = c.post(f"/api/records/{rid}/review", json=body)
                    except httpx.TransportError:
                        return  # the server is gone
                    if r.status_code != 200:
                        continue
                    v = r.json()["version"]
                    versions[rid] = v
                    with lock:
                        acked.append((rid, v, note))
                        if len(acked) >= KILL_AFTER_ACKS:
                            enough.set()
            enough.set()

        threads = [threading.Thread(target=writer, args=(k,)) for k in range(WRITERS)]
        for t in threads:
            t.start()
        enough.wait(timeout=120)
        os.kill(proc.pid, signal.SIGKILL)  # writes are still in flight
        proc.wait(timeout=30)
        for t in threads:
            t.join(timeout=60)
        assert not any(t.is_alive() for t in threads)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.close()

    assert proc.returncode == -signal.SIGKILL
    assert len(acked) >= KILL_AFTER_ACKS

    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    with Store(db) as s:
        logged = {(e["record_id"], e["version"]): e["payload"]["note"] for e in s.audit_log() if e["action"] == "review"}
        for rid, v, note in acked:
            assert logged.get((rid, v)) == note, f"acknowledged write {note} (record {rid} v{v}) is missing"
        last: dict[str, int] = {}
        for rid, v, _ in acked:
            last[rid] = max(v, last.get(rid, 0))
        for rid, v in last.items():
            review = s.state(rid, "crash")["review"]
            assert review is not None and review["version"] >= v
