"""The review store: machine records, human decisions and an append-only audit log in one SQLite file.

The whole schema lives in this module.  Tables:

``articles``  one row per imported article (``doc_id``, title, source file, counts).
``records``   the machine output of each unit as contract JSON, keyed by the record ``id``.  A review
              never writes ``data``; only a re-import of the article does.  ``sha`` hashes the fields
              a reviewer judges (:data:`REVIEWED_FIELDS`); ``version`` counts every change to the
              record (review written, machine output re-imported) and is what optimistic writes check.
``reviews``   the current decision of each reviewer on each record: ``accept`` / ``reject`` / ``edit``,
              the corrected annotation (``{"entities": [...], "stance": {...}}``), a note, the record
              version the write produced and the ``sha`` of the machine output it was made against.
              ``stale`` is set when that machine output changed or disappeared on re-import.
``audit``     every import, decision, undo and stale flag, in order.  Triggers make it append-only.

Durability: WAL journal with ``synchronous=FULL``; a write method returns only after its transaction
committed, so a caller that acknowledges after the return never acknowledges a lost decision.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pipeline.errors import DataError

from . import stats as _stats
from .annotations import (  # noqa: F401  (re-exported: the store's public names)
    REVIEWED_FIELDS,
    InvalidReview,
    ReviewError,
    apply_annotation,
    canonical_json,
    clean_annotation,
    machine_annotation,
    read_annotations,
    record_json,
    record_sha,
)

SCHEMA_VERSION = 1

DECISIONS = ("accept", "reject", "edit")
ONLY = ("all", "reviewed", "accepted")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    doc_id         TEXT PRIMARY KEY,
    title          TEXT,
    source         TEXT,
    n_records      INTEGER NOT NULL DEFAULT 0,
    sha            TEXT NOT NULL DEFAULT '',
    first_imported TEXT NOT NULL,
    last_imported  TEXT NOT NULL,
    imports        INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS records (
    id          TEXT PRIMARY KEY,
    doc_id      TEXT NOT NULL REFERENCES articles(doc_id),
    n           INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    score       REAL,
    data        TEXT NOT NULL,
    sha         TEXT NOT NULL,
    present     INTEGER NOT NULL DEFAULT 1,
    version     INTEGER NOT NULL DEFAULT 1,
    imported_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS records_doc ON records(doc_id, n);
CREATE TABLE IF NOT EXISTS reviews (
    record_id    TEXT NOT NULL REFERENCES records(id),
    reviewer     TEXT NOT NULL,
    decision     TEXT NOT NULL CHECK (decision IN ('accept', 'reject', 'edit')),
    annotation   TEXT,
    note         TEXT NOT NULL DEFAULT '',
    version      INTEGER NOT NULL,
    record_sha   TEXT NOT NULL,
    stale        INTEGER NOT NULL DEFAULT 0,
    stale_reason TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (record_id, reviewer)
);
CREATE INDEX IF NOT EXISTS reviews_reviewer ON reviews(reviewer);
CREATE TABLE IF NOT EXISTS audit (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    ts        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    doc_id    TEXT,
    record_id TEXT,
    version   INTEGER,
    payload   TEXT
);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
"""


class UnknownRecord(ReviewError):
    """No record with this id is in the store."""


class ReviewConflict(ReviewError):
    """The record changed since the writer loaded it (another tab, another reviewer, a re-import)."""

    def __init__(self, what: str, fix: str, current: dict[str, Any]):
        super().__init__(what, fix)
        self.current = current


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# ---------------------------------------------------------------------------------------------------


class Store:
    """One review database.  Thread-safe; every public write is one committed transaction."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        if str(path) != ":memory:":
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DataError(f"cannot create the folder for the review database: {exc}", "choose another --db path", str(path)) from exc
        try:
            self._db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=30.0)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA busy_timeout=30000")
            self._lock = threading.RLock()
            self._init_schema()
        except sqlite3.DatabaseError as exc:
            raise DataError(f"not a usable review database ({exc})", "pass another --db path or delete the file", str(path)) from exc

    # -- plumbing ----------------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _init_schema(self) -> None:
        with self._lock:
            self._db.executescript(_SCHEMA)  # idempotent: CREATE ... IF NOT EXISTS
        with self._write():
            row = self._db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            if row is None:
                self._db.execute("INSERT INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            elif int(row["value"]) > SCHEMA_VERSION:
                raise DataError(f"review database has schema version {row['value']}, this zhgloss knows {SCHEMA_VERSION}",
                                "upgrade zhgloss", str(self.path))

    class _Tx:
        def __init__(self, store: "Store"):
            self.store = store

        def __enter__(self) -> sqlite3.Connection:
            self.store._lock.acquire()
            try:
                self.store._db.execute("BEGIN IMMEDIATE")
            except BaseException:
                self.store._lock.release()
                raise
            return self.store._db

        def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
            try:
                if exc_type is None:
                    self.store._db.execute("COMMIT")
                else:
                    self.store._db.execute("ROLLBACK")
            finally:
                self.store._lock.release()

    def _write(self) -> "Store._Tx":
        return Store._Tx(self)

    def _audit(self, actor: str, action: str, doc_id: str | None = None, record_id: str | None = None,
               version: int | None = None, payload: Any = None) -> None:
        self._db.execute(
            "INSERT INTO audit(ts, actor, action, doc_id, record_id, version, payload) VALUES (?,?,?,?,?,?,?)",
            (_now(), actor, action, doc_id, record_id, version, None if payload is None else canonical_json(payload)),
        )

    def _rows(self, sql: str, args: tuple = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    # -- import ------------------------------------------------------------------------------------

    def import_paths(self, paths: Iterable[Path], actor: str = "import") -> dict[str, Any]:
        """Import annotation folders/files; see :meth:`import_docs`."""
        return self.import_docs(read_annotations(paths), actor=actor)

    def import_docs(self, docs: dict[str, dict[str, Any]], actor: str = "import") -> dict[str, Any]:
        """Import (or re-import) articles.  The records given for an article replace its previous ones.

        Records with an unchanged id and unchanged reviewed fields keep their reviews; reviews of
        records that disappeared or whose reviewed fields changed are flagged stale (and un-flagged
        if the very same machine output comes back).  Returns counts per article.
        """
        summary: dict[str, Any] = {}
        for doc_id, doc in docs.items():
            with self._write() as db:
                summary[doc_id] = self._import_one(db, doc_id, doc, actor)
        return summary

    def _import_one(self, db: sqlite3.Connection, doc_id: str, doc: dict[str, Any], actor: str) -> dict[str, int]:
        now = _now()
        records = doc["records"]
        doc_sha = hashlib.sha1("".join(record_sha(r) + r["id"] for r in records).encode()).hexdigest()
        art = db.execute("SELECT * FROM articles WHERE doc_id=?", (doc_id,)).fetchone()
        if art is None:
            db.execute("INSERT INTO articles(doc_id, title, source, n_records, sha, first_imported, last_imported) VALUES (?,?,?,?,?,?,?)",
                       (doc_id, doc.get("title"), doc.get("source"), len(records), doc_sha, now, now))
        else:
            db.execute("UPDATE articles SET title=?, source=?, n_records=?, sha=?, last_imported=?, imports=imports+1 WHERE doc_id=?",
                       (doc.get("title") or art["title"], doc.get("source"), len(records), doc_sha, now, doc_id))
        old = {r["id"]: r for r in db.execute("SELECT id, sha, present, data FROM records WHERE doc_id=?", (doc_id,))}
        counts = {"added": 0, "changed": 0, "unchanged": 0, "removed": 0, "stale_reviews": 0}
        new_ids = set()
        for rec in records:
            rid = rec["id"]
            new_ids.add(rid)
            sha = record_sha(rec)
            score = (rec.get("stance") or {}).get("score")
            score = float(score) if isinstance(score, (int, float)) else None
            prev = old.get(rid)
            if prev is None:
                other = db.execute("SELECT doc_id FROM records WHERE id=?", (rid,)).fetchone()
                if other is not None:
                    raise DataError(f"record id {rid!r} already belongs to article {other['doc_id']!r}",
                                    "record ids must be unique across articles", doc.get("source"))
                db.execute("INSERT INTO records(id, doc_id, n, kind, score, data, sha, present, version, imported_at) "
                           "VALUES (?,?,?,?,?,?,?,1,1,?)", (rid, doc_id, rec["n"], rec["kind"], score, record_json(rec), sha, now))
                counts["added"] += 1
            elif prev["sha"] != sha or not prev["present"]:
                db.execute("UPDATE records SET n=?, kind=?, score=?, data=?, sha=?, present=1, version=version+1, imported_at=? WHERE id=?",
                           (rec["n"], rec["kind"], score, record_json(rec), sha, now, rid))
                counts["changed" if prev["present"] else "added"] += 1
                if prev["sha"] != sha:
                    self._audit(actor, "record-changed", doc_id, rid, None, {"old_sha": prev["sha"], "new_sha": sha,
                                                                              "old": json.loads(prev["data"])})
            else:
                # Same reviewed content: refresh position and the fields nobody reviews (tokens, translation).
                db.execute("UPDATE records SET n=?, data=?, imported_at=? WHERE id=?", (rec["n"], record_json(rec), now, rid))
                counts["unchanged"] += 1
        for rid, prev in old.items():
            if rid not in new_ids and prev["present"]:
                db.execute("UPDATE records SET present=0, version=version+1 WHERE id=?", (rid,))
                counts["removed"] += 1
                self._audit(actor, "record-removed", doc_id, rid, None, {"sha": prev["sha"]})
        # Re-evaluate every review of this article against the machine output now in place.
        for rv in db.execute(
            "SELECT rv.record_id, rv.reviewer, rv.record_sha, rv.stale, rv.stale_reason, r.sha, r.present "
            "FROM reviews rv JOIN records r ON r.id = rv.record_id WHERE r.doc_id=?", (doc_id,)).fetchall():
            if not rv["present"]:
                reason = "removed"
            elif rv["record_sha"] != rv["sha"]:
                reason = "changed"
            else:
                reason = None
            if (reason is not None) != bool(rv["stale"]) or (reason and reason != rv["stale_reason"]):
                db.execute("UPDATE reviews SET stale=?, stale_reason=? WHERE record_id=? AND reviewer=?",
                           (1 if reason else 0, reason, rv["record_id"], rv["reviewer"]))
                self._audit(actor, "stale" if reason else "unstale", doc_id, rv["record_id"], None,
                            {"reviewer": rv["reviewer"], "reason": reason})
                if reason:
                    counts["stale_reviews"] += 1
        self._audit(actor, "import", doc_id, None, None, {"source": doc.get("source"), **counts})
        return counts

    # -- reviewing ---------------------------------------------------------------------------------

    def record(self, record_id: str) -> dict[str, Any]:
        """The machine record (contract JSON) with ``id``."""
        rows = self._rows("SELECT data FROM records WHERE id=?", (record_id,))
        if not rows:
            raise UnknownRecord(f"no record {record_id!r}", "reload the page; the article may have been re-imported")
        return json.loads(rows[0]["data"])

    def _state(self, db: sqlite3.Connection, record_id: str, reviewer: str | None = None) -> dict[str, Any]:
        row = db.execute("SELECT version, present FROM records WHERE id=?", (record_id,)).fetchone()
        if row is None:
            raise UnknownRecord(f"no record {record_id!r}", "reload the page; the article may have been re-imported")
        reviews = [self._review_dict(r) for r in db.execute(
            "SELECT * FROM reviews WHERE record_id=? ORDER BY updated_at", (record_id,))]
        last = db.execute("SELECT actor, action, ts FROM audit WHERE record_id=? AND action IN "
                          "('review', 'clear', 'record-changed', 'record-removed') ORDER BY seq DESC LIMIT 1", (record_id,)).fetchone()
        return {
            "id": record_id,
            "version": row["version"],
            "present": bool(row["present"]),
            "review": next((r for r in reviews if r["reviewer"] == reviewer), None),
            "reviews": reviews,
            "last_change": dict(last) if last else None,
        }

    @staticmethod
    def _review_dict(row: sqlite3.Row) -> dict[str, Any]:
        return {
            "reviewer": row["reviewer"],
            "decision": row["decision"],
            "annotation": json.loads(row["annotation"]) if row["annotation"] else None,
            "note": row["note"],
            "version": row["version"],
            "stale": bool(row["stale"]),
            "stale_reason": row["stale_reason"],
            "created_at": row["created_at"],
            "updated_at": row["updated_at"],
        }

    def state(self, record_id: str, reviewer: str | None = None) -> dict[str, Any]:
        """Version, presence and reviews of one record."""
        with self._lock:
            return self._state(self._db, record_id, reviewer)

    def _check_version(self, db: sqlite3.Connection, record_id: str, reviewer: str, base_version: Any) -> dict[str, Any]:
        state = self._state(db, record_id, reviewer)
        if not isinstance(base_version, int) or isinstance(base_version, bool):
            raise InvalidReview("'base_version' (the record version you loaded) is required", "reload the page and try again")
        if base_version != state["version"]:
            last = state["last_change"] or {}
            who = last.get("actor", "someone")
            action = last.get("action", "change")
            when = _clock(last.get("ts", ""))
            if who == reviewer and action in ("review", "clear"):
                whom = "you, in another tab or window,"
            elif action in ("import", "record-changed", "record-removed"):
                whom = "a re-import of the article"
            else:
                whom = f"reviewer {who!r}"
            raise ReviewConflict(
                f"this sentence was changed by {whom} at {when} after you opened it; your change was not saved",
                "look at the current decision, then save again to replace it",
                state,
            )
        if not state["present"]:
            raise ReviewConflict("this sentence is no longer in the article (it was removed by a re-import)",
                                 "reload the article", state)
        return state

    def save_review(self, record_id: str, reviewer: str, decision: str, annotation: Any = None, note: str = "",
                    base_version: int | None = None) -> dict[str, Any]:
        """Store ``reviewer``'s decision on a record if it is still at ``base_version``.

        ``decision`` is ``accept``, ``reject`` or ``edit``.  ``annotation`` is the corrected
        ``{"entities", "stance"}``; an ``accept`` whose annotation differs from the machine output is
        stored as ``edit``, an ``edit`` equal to it as ``accept``.  Raises :class:`ReviewConflict`
        if the record changed since ``base_version``.  Returns the new state once committed.
        """
        reviewer = _check_reviewer(reviewer)
        if decision not in DECISIONS:
            raise InvalidReview(f"unknown decision {decision!r}", "use accept, reject or edit")
        if not isinstance(note, str) or len(note) > 10_000:
            raise InvalidReview("the note must be text of at most 10,000 characters", "shorten the note")
        with self._write() as db:
            self._check_version(db, record_id, reviewer, base_version)
            row = db.execute("SELECT data, sha FROM records WHERE id=?", (record_id,)).fetchone()
            record = json.loads(row["data"])
            try:
                machine = clean_annotation(record, machine_annotation(record))
            except InvalidReview:  # malformed machine output: any correction differs from it
                machine = None
            fixed = clean_annotation(record, annotation) if annotation is not None else None
            if fixed is not None and fixed == machine:
                fixed = None
            if decision == "accept" and fixed is not None:
                decision = "edit"
            elif decision == "edit" and fixed is None:
                decision = "accept"
            now = _now()
            db.execute("UPDATE records SET version=version+1 WHERE id=?", (record_id,))
            version = db.execute("SELECT version FROM records WHERE id=?", (record_id,)).fetchone()["version"]
            db.execute(
                "INSERT INTO reviews(record_id, reviewer, decision, annotation, note, version, record_sha, stale, stale_reason, created_at, updated_at) "
                "VALUES (?,?,?,?,?,?,?,0,NULL,?,?) ON CONFLICT(record_id, reviewer) DO UPDATE SET decision=excluded.decision, "
                "annotation=excluded.annotation, note=excluded.note, version=excluded.version, record_sha=excluded.record_sha, "
                "stale=0, stale_reason=NULL, updated_at=excluded.updated_at",
                (record_id, reviewer, decision, canonical_json(fixed) if fixed is not None else None, note.strip(), version, row["sha"], now, now),
            )
            self._audit(reviewer, "review", record["doc_id"], record_id, version,
                        {"decision": decision, "annotation": fixed, "note": note.strip()})
            return self._state(db, record_id, reviewer)

    def clear_review(self, record_id: str, reviewer: str, base_version: int | None = None) -> dict[str, Any]:
        """Remove ``reviewer``'s decision (undo of a first decision).  Logged in the audit table."""
        reviewer = _check_reviewer(reviewer)
        with self._write() as db:
            state = self._check_version(db, record_id, reviewer, base_version)
            db.execute("UPDATE records SET version=version+1 WHERE id=?", (record_id,))
            version = db.execute("SELECT version FROM records WHERE id=?", (record_id,)).fetchone()["version"]
            db.execute("DELETE FROM reviews WHERE record_id=? AND reviewer=?", (record_id, reviewer))
            doc = db.execute("SELECT doc_id FROM records WHERE id=?", (record_id,)).fetchone()["doc_id"]
            self._audit(reviewer, "clear", doc, record_id, version, {"previous": state["review"]})
            return self._state(db, record_id, reviewer)

    # -- reading for the UI ------------------------------------------------------------------------

    def articles(self, reviewer: str | None = None, kinds: tuple[str, ...] = ("body",)) -> list[dict[str, Any]]:
        """Every article with its progress: ``total`` units of ``kinds``, ``reviewed`` of them (by
        ``reviewer``, or by anyone when None; stale reviews do not count), ``stale``, decisions."""
        kind_sql = ",".join("?" * len(kinds))
        rev_sql, rev_args = ("AND rv.reviewer=?", (reviewer,)) if reviewer else ("", ())
        rows = self._rows(
            f"""SELECT a.doc_id, a.title, a.source, a.n_records, a.first_imported, a.last_imported, a.imports,
                 (SELECT count(*) FROM records r WHERE r.doc_id=a.doc_id AND r.present AND r.kind IN ({kind_sql})) AS total,
                 (SELECT count(DISTINCT r.id) FROM records r JOIN reviews rv ON rv.record_id=r.id
                   WHERE r.doc_id=a.doc_id AND r.present AND r.kind IN ({kind_sql}) AND NOT rv.stale {rev_sql}) AS reviewed,
                 (SELECT count(DISTINCT r.id) FROM records r JOIN reviews rv ON rv.record_id=r.id
                   WHERE r.doc_id=a.doc_id AND rv.stale {rev_sql}) AS stale
               FROM articles a ORDER BY a.doc_id""",
            (*kinds, *kinds, *rev_args, *rev_args),
        )
        return [dict(r) for r in rows]

    def progress(self, reviewer: str | None = None, kinds: tuple[str, ...] = ("body",)) -> dict[str, Any]:
        arts = self.articles(reviewer, kinds)
        decisions = {d: 0 for d in DECISIONS}
        rev_sql, rev_args = ("AND rv.reviewer=?", (reviewer,)) if reviewer else ("", ())
        for r in self._rows(f"SELECT rv.decision, count(*) AS c FROM reviews rv JOIN records r ON r.id=rv.record_id "
                            f"WHERE r.present AND NOT rv.stale {rev_sql} GROUP BY rv.decision", rev_args):
            decisions[r["decision"]] = r["c"]
        return {
            "reviewer": reviewer,
            "total": sum(a["total"] for a in arts),
            "reviewed": sum(a["reviewed"] for a in arts),
            "stale": sum(a["stale"] for a in arts),
            "decisions": decisions,
            "articles": arts,
        }

    def article_units(self, doc_id: str, reviewer: str | None = None, blind: bool = False) -> list[dict[str, Any]]:
        """All present units of an article in order, each ``{record, version, review, others}``.

        ``review`` is ``reviewer``'s own decision; ``others`` lists the other reviewers' decisions
        (empty when ``blind``, for agreement studies)."""
        with self._lock:
            if self._db.execute("SELECT 1 FROM articles WHERE doc_id=?", (doc_id,)).fetchone() is None:
                raise UnknownRecord(f"no article {doc_id!r}", "pick an article from the list")
            rows = self._db.execute("SELECT id, data, version FROM records WHERE doc_id=? AND present ORDER BY n", (doc_id,)).fetchall()
            reviews: dict[str, list[dict[str, Any]]] = {}
            for rv in self._db.execute("SELECT rv.* FROM reviews rv JOIN records r ON r.id=rv.record_id WHERE r.doc_id=?", (doc_id,)):
                reviews.setdefault(rv["record_id"], []).append(self._review_dict(rv))
        out = []
        for r in rows:
            revs = reviews.get(r["id"], [])
            mine = next((x for x in revs if x["reviewer"] == reviewer), None)
            others = [] if blind else [{k: x[k] for k in ("reviewer", "decision", "note", "stale", "updated_at")}
                                       for x in revs if x["reviewer"] != reviewer]
            out.append({"record": json.loads(r["data"]), "version": r["version"], "review": mine, "others": others})
        return out

    def queue(self, reviewer: str | None = None, order: str = "document", kinds: tuple[str, ...] | None = ("body",)) -> list[dict[str, Any]]:
        """Units to review across articles, in document order or lowest machine confidence first."""
        kind_sql, kind_args = ("", ()) if not kinds else (f"AND r.kind IN ({','.join('?' * len(kinds))})", tuple(kinds))
        order_sql = {"document": "r.doc_id, r.n", "confidence": "coalesce(r.score, 0) ASC, r.doc_id, r.n"}.get(order)
        if order_sql is None:
            raise InvalidReview(f"unknown order {order!r}", "use document or confidence")
        rows = self._rows(
            f"""SELECT r.id, r.doc_id, r.n, r.kind, r.score,
                  (SELECT CASE WHEN rv.stale THEN 'stale' ELSE rv.decision END FROM reviews rv
                    WHERE rv.record_id=r.id AND rv.reviewer=?) AS status
                FROM records r WHERE r.present {kind_sql} ORDER BY {order_sql}""",
            (reviewer or "", *kind_args),
        )
        return [dict(r) for r in rows]

    def audit_log(self, record_id: str | None = None) -> list[dict[str, Any]]:
        sql, args = ("SELECT * FROM audit WHERE record_id=? ORDER BY seq", (record_id,)) if record_id else ("SELECT * FROM audit ORDER BY seq", ())
        out = []
        for r in self._rows(sql, args):
            d = dict(r)
            d["payload"] = json.loads(d["payload"]) if d["payload"] else None
            out.append(d)
        return out

    def log_event(self, actor: str, action: str, payload: Any = None, doc_id: str | None = None) -> None:
        """Append one line to the audit log, e.g. a batch of reviews imported from another tool.

        Decisions themselves are logged by :meth:`save_review`; this records where a batch came from."""
        if not isinstance(action, str) or not action.strip() or action in ("review", "clear", "record-changed", "record-removed"):
            raise InvalidReview(f"audit action {action!r} is reserved or empty", "pass a descriptive action name")
        with self._write():
            self._audit(_check_reviewer(actor), action.strip(), doc_id, None, None, payload)

    def reviewers(self) -> list[str]:
        return [r["reviewer"] for r in self._rows("SELECT DISTINCT reviewer FROM reviews ORDER BY reviewer")]

    def is_empty(self) -> bool:
        return not self._rows("SELECT 1 FROM articles LIMIT 1")

    # -- reading for export ------------------------------------------------------------------------

    def iter_records(self, only: str = "all", reviewer: str | None = None, doc_id: str | None = None) -> Iterator[dict[str, Any]]:
        """Yield contract records with the review applied, in article and document order.

        Each record gains ``review_status`` (``unreviewed``, ``accepted``, ``edited``, ``rejected`` or
        ``stale``), ``reviewer``, ``reviewed_at`` and ``review_note``.  The decision used is
        ``reviewer``'s, or, when ``reviewer`` is None, the most recent non-stale decision of anyone.
        Entities and stance come from the correction for ``edited``, from the machine otherwise.

        ``only``: ``all`` every unit still in its article; ``reviewed`` units with a current (non-stale)
        decision; ``accepted`` units accepted or edited (the human-validated annotations).
        """
        if only not in ONLY:
            raise InvalidReview(f"unknown selection {only!r}", f"use one of: {', '.join(ONLY)}")
        sql = "SELECT id, data FROM records WHERE present"
        args: tuple = ()
        if doc_id is not None:
            sql += " AND doc_id=?"
            args = (doc_id,)
        rows = self._rows(sql + " ORDER BY doc_id, n", args)
        rv_sql = "SELECT * FROM reviews" + (" WHERE reviewer=?" if reviewer else "") + " ORDER BY updated_at, reviewer"
        best: dict[str, sqlite3.Row] = {}
        for rv in self._rows(rv_sql, (reviewer,) if reviewer else ()):
            prev = best.get(rv["record_id"])
            if prev is None or prev["stale"] or not rv["stale"]:
                best[rv["record_id"]] = rv  # later non-stale decisions win; a stale one never beats a current one
        status_of = {"accept": "accepted", "edit": "edited", "reject": "rejected"}
        for r in rows:
            rec = json.loads(r["data"])
            rv = best.get(r["id"])
            status = "unreviewed" if rv is None else ("stale" if rv["stale"] else status_of[rv["decision"]])
            if only == "reviewed" and status not in ("accepted", "edited", "rejected"):
                continue
            if only == "accepted" and status not in ("accepted", "edited"):
                continue
            if status == "edited":
                rec = apply_annotation(rec, json.loads(rv["annotation"]) if rv["annotation"] else None)
            rec["review_status"] = status
            rec["reviewer"] = rv["reviewer"] if rv is not None else None
            rec["reviewed_at"] = rv["updated_at"] if rv is not None else None
            rec["review_note"] = (rv["note"] or None) if rv is not None else None
            yield rec

    # -- agreement ---------------------------------------------------------------------------------

    def decisions_by_reviewer(self) -> dict[str, dict[str, dict[str, Any]]]:
        """``{reviewer: {record_id: reviewed record}}`` for current accept/edit decisions (rejects say
        only that the machine was wrong, so they carry no annotation to compare)."""
        out: dict[str, dict[str, dict[str, Any]]] = {}
        for row in self._rows("SELECT rv.*, r.data FROM reviews rv JOIN records r ON r.id=rv.record_id "
                              "WHERE r.present AND NOT rv.stale AND rv.decision IN ('accept','edit')"):
            rec = json.loads(row["data"])
            if row["decision"] == "edit" and row["annotation"]:
                rec = apply_annotation(rec, json.loads(row["annotation"]))
            out.setdefault(row["reviewer"], {})[row["record_id"]] = rec
        return out

    def agreement(self) -> list[dict[str, Any]]:
        """Pairwise agreement between reviewers on the records both accepted or edited:
        Cohen's kappa on ``stance.bearing`` and span-level F1 on entities (exact span and label)."""
        by = self.decisions_by_reviewer()
        names = sorted(by)
        out = []
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                common = sorted(set(by[a]) & set(by[b]))
                bear_a = [bool((by[a][k].get("stance") or {}).get("bearing")) for k in common]
                bear_b = [bool((by[b][k].get("stance") or {}).get("bearing")) for k in common]
                spans_a = [_stats.spans(by[a][k].get("entities") or []) for k in common]
                spans_b = [_stats.spans(by[b][k].get("entities") or []) for k in common]
                f1 = _stats.span_f1(spans_a, spans_b)
                out.append({"a": a, "b": b, "n": len(common), "kappa_bearing": _stats.cohen_kappa(bear_a, bear_b),
                            "bearing_agreement": (sum(x == y for x, y in zip(bear_a, bear_b)) / len(common)) if common else None,
                            "entity_f1": f1["f1"], "entity_precision": f1["precision"], "entity_recall": f1["recall"]})
        return out


def _clock(ts: str) -> str:
    """``2026-11-27T02:43:52.570Z`` → ``02:43:52 UTC`` for messages."""
    return f"{ts[11:19]} UTC" if len(ts) >= 19 else ts


def _check_reviewer(name: Any) -> str:
    if not isinstance(name, str) or not name.strip() or len(name) > 100 or any(ord(c) < 32 for c in name):
        raise InvalidReview(f"reviewer name {name!r} is not usable", "pass --reviewer NAME (printable, at most 100 characters)")
    return name.strip()
