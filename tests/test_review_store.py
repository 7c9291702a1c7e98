"""The review store: import, decisions, re-import and stale flags, versions, agreement, audit log."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from pipeline.errors import DataError
from pipeline.review.stats import cohen_kappa, span_f1, spans
from pipeline.review.store import InvalidReview, ReviewConflict, Store, read_annotations

DATA = Path(__file__).resolve().parent / "data" / "review"
DEMO = DATA / "demo.jsonl"
DEMO_V2 = DATA / "v2" / "demo.jsonl"
XSS = DATA / "xss.jsonl"


def lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def by_text(path: Path, start: str) -> dict:
    return next(r for r in lines(path) if r["text"].startswith(start))


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "review.sqlite")
    s.import_paths([DEMO, XSS])
    yield s
    s.close()


def version(store: Store, rid: str) -> int:
    return store.state(rid)["version"]


def test_pragmas_wal_and_full_sync(store):
    assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_import_counts_and_progress(store):
    arts = {a["doc_id"]: a for a in store.articles()}
    assert set(arts) == {"demo", "xss"}
    assert arts["demo"]["title"] == "日韓國內情勢對東北亞安保的影響"
    assert arts["demo"]["n_records"] == 11
    assert arts["demo"]["total"] == 5  # body units only
    assert arts["demo"]["reviewed"] == 0
    assert [q["kind"] for q in store.queue("alice")] == ["body"] * 7
    assert len(store.queue("alice", kinds=None)) == 14


def test_import_is_idempotent(store):
    again = store.import_paths([DEMO])
    assert again["demo"] == {"added": 0, "changed": 0, "unchanged": 11, "removed": 0, "stale_reviews": 0}


def test_records_keep_machine_output_in_file_order(store):
    first = lines(DEMO)[4]
    assert store.record(first["id"]) == first
    assert list(store.record(first["id"])) == list(first)  # key order as annotate wrote it


def test_accept_reject_edit_and_machine_output_untouched(store):
    s1 = by_text(DEMO, "隨著")
    s2 = by_text(DEMO, "先是")
    s3 = by_text(DEMO, "從五眼")
    st = store.save_review(s1["id"], "alice", "accept", None, "looks right", version(store, s1["id"]))
    assert st["review"]["decision"] == "accept" and st["review"]["annotation"] is None
    store.save_review(s2["id"], "alice", "reject", None, "", version(store, s2["id"]))
    fixed = {"entities": [dict(e) for e in s3["entities"] if e["text"] != "五眼聯盟"], "stance": dict(s3["stance"], bearing=False)}
    st = store.save_review(s3["id"], "alice", "accept", fixed, "", version(store, s3["id"]))
    assert st["review"]["decision"] == "edit"  # an accept with changes is an edit
    assert store.record(s3["id"]) == s3  # the machine output is never overwritten

    out = {r["id"]: r for r in store.iter_records("all")}
    assert out[s1["id"]]["review_status"] == "accepted" and out[s1["id"]]["reviewer"] == "alice"
    assert out[s1["id"]]["review_note"] == "looks right"
    assert out[s2["id"]]["review_status"] == "rejected"
    assert out[s3["id"]]["review_status"] == "edited"
    assert "五眼聯盟" not in [e["text"] for e in out[s3["id"]]["entities"]]
    assert out[s3["id"]]["stance"]["bearing"] is False
    assert out[s3["id"]]["stance"]["score"] == s3["stance"]["score"]
    assert [r["id"] for r in store.iter_records("accepted")] == [s1["id"], s3["id"]]
    assert {r["id"] for r in store.iter_records("reviewed")} == {s1["id"], s2["id"], s3["id"]}
    assert len(list(store.iter_records("all"))) == 14
    p = store.progress("alice")
    assert (p["reviewed"], p["total"], p["decisions"]) == (3, 7, {"accept": 1, "reject": 1, "edit": 1})


def test_edit_equal_to_machine_is_an_accept(store):
    s1 = by_text(DEMO, "隨著")
    st = store.save_review(s1["id"], "alice", "edit", {"entities": s1["entities"], "stance": s1["stance"]}, "", version(store, s1["id"]))
    assert st["review"]["decision"] == "accept"


def test_entity_text_comes_from_offsets_and_bad_input_is_refused(store):
    s1 = by_text(DEMO, "隨著")
    ann = {"entities": [{"start": 2, "end": 4, "label": "ORG", "text": "<b>forged</b>", "kb_id": " Q148 ", "en": ""}], "stance": {}}
    st = store.save_review(s1["id"], "alice", "accept", ann, "", version(store, s1["id"]))
    ent = st["review"]["annotation"]["entities"][0]
    assert (ent["text"], ent["kb_id"], ent["en"], ent["source"]) == ("中國", "Q148", None, "review")
    v = version(store, s1["id"])
    for bad in ({"entities": [{"start": 5, "end": 99, "label": "GPE"}]},
                {"entities": [{"start": 0, "end": 2, "label": "<script>"}]},
                {"entities": [], "stance": {"targets": [{"text": "中國", "polarity": "hostile"}]}},
                {"entities": [], "stance": {"bearing": "yes"}},
                "not an object"):
        with pytest.raises(InvalidReview):
            store.save_review(s1["id"], "alice", "accept", bad, "", v)
    with pytest.raises(InvalidReview):
        store.save_review(s1["id"], "alice", "maybe", None, "", v)
    with pytest.raises(InvalidReview):
        store.save_review(s1["id"], "alice", "accept", None, "", None)  # no base version
    assert version(store, s1["id"]) == v  # nothing written by refused requests


def test_versions_and_conflicts(store):
    rid = by_text(DEMO, "隨著")["id"]
    v0 = version(store, rid)
    # two tabs of the same reviewer loaded v0
    store.save_review(rid, "alice", "accept", None, "tab 1", v0)
    with pytest.raises(ReviewConflict) as err:
        store.save_review(rid, "alice", "reject", None, "tab 2", v0)
    assert "another tab" in err.value.what and "not saved" in err.value.what
    assert err.value.current["review"]["note"] == "tab 1"
    # another reviewer who loaded v0 is refused too, and told who changed it
    with pytest.raises(ReviewConflict) as err:
        store.save_review(rid, "bob", "reject", None, "", v0)
    assert "'alice'" in err.value.what
    # after reloading (current version) both can save; nothing was overwritten silently
    v1 = err.value.current["version"]
    st = store.save_review(rid, "bob", "reject", None, "", v1)
    assert {r["reviewer"]: r["decision"] for r in st["reviews"]} == {"alice": "accept", "bob": "reject"}
    assert st["version"] == v1 + 1


def test_clear_review_for_undo(store):
    rid = by_text(DEMO, "隨著")["id"]
    st = store.save_review(rid, "alice", "accept", None, "", version(store, rid))
    st = store.clear_review(rid, "alice", st["version"])
    assert st["review"] is None
    assert store.progress("alice")["reviewed"] == 0
    with pytest.raises(ReviewConflict):
        store.clear_review(rid, "alice", st["version"] - 1)


def test_reimport_changed_article_flags_stale_reviews(store):
    v1 = lines(DEMO)
    s2 = by_text(DEMO, "先是")       # unchanged in v2
    s3 = by_text(DEMO, "從五眼")     # unchanged, moves down one place (a sentence is inserted before it)
    s4 = by_text(DEMO, "然而")       # reworded in v2: a new id, the old one disappears
    s5 = by_text(DEMO, "日本執政黨")  # same text, different machine annotation
    for rec in (s2, s3, s4, s5):
        store.save_review(rec["id"], "alice", "accept", None, "", version(store, rec["id"]))
    store.save_review(s5["id"], "bob", "reject", None, "", version(store, s5["id"]))
    v5_before = version(store, s5["id"])

    summary = store.import_paths([DEMO_V2])["demo"]
    assert summary == {"added": 2, "changed": 1, "unchanged": 9, "removed": 1, "stale_reviews": 3}

    rows = {(r["record_id"], r["reviewer"]): r for r in store._db.execute("SELECT * FROM reviews")}
    assert rows[(s2["id"], "alice")]["stale"] == 0
    assert (rows[(s4["id"], "alice")]["stale"], rows[(s4["id"], "alice")]["stale_reason"]) == (1, "removed")
    assert (rows[(s5["id"], "alice")]["stale"], rows[(s5["id"], "alice")]["stale_reason"]) == (1, "changed")
    assert rows[(s5["id"], "bob")]["stale"] == 1

    # the unchanged sentence keeps its review and its new position
    out = {r["id"]: r for r in store.iter_records("all")}
    assert out[s2["id"]]["review_status"] == "accepted"
    assert out[s3["id"]]["review_status"] == "accepted"
    assert out[s3["id"]]["n"] == s3["n"] + 1
    assert out[s5["id"]]["review_status"] == "stale"
    assert s4["id"] not in out  # removed sentences are not exported
    assert out[s5["id"]]["stance"]["targets"][0]["polarity"] == "neutral"  # the new machine output
    assert {r["id"] for r in store.iter_records("reviewed")} == {s2["id"], s3["id"]}
    p = store.progress("alice")
    assert (p["reviewed"], p["stale"]) == (2, 2)

    # a writer who loaded the record before the re-import is told so
    with pytest.raises(ReviewConflict) as err:
        store.save_review(s5["id"], "alice", "accept", None, "", v5_before)
    assert "re-import" in err.value.what
    # re-reviewing clears the stale flag
    store.save_review(s5["id"], "alice", "accept", None, "", version(store, s5["id"]))
    assert next(r for r in store.iter_records("all", reviewer="alice") if r["id"] == s5["id"])["review_status"] == "accepted"

    # the old text coming back restores the old review
    summary = store.import_paths([DEMO])["demo"]
    assert summary["removed"] == 2 and summary["added"] == 1  # S6 and the reworded S4 go, S4 comes back
    stale = {r["record_id"]: r["stale"] for r in store._db.execute("SELECT * FROM reviews WHERE reviewer='alice'")}
    assert stale[s4["id"]] == 0
    assert stale[s5["id"]] == 1  # reviewed against the v2 annotation, which is gone again
    assert len(v1) == 11


def test_audit_log_is_append_only(store):
    rid = by_text(DEMO, "隨著")["id"]
    store.save_review(rid, "alice", "accept", None, "first", version(store, rid))
    store.save_review(rid, "alice", "reject", None, "second", version(store, rid))
    log = store.audit_log(rid)
    assert [(e["actor"], e["action"], e["payload"]["note"]) for e in log] == [("alice", "review", "first"), ("alice", "review", "second")]
    assert [e["action"] for e in store.audit_log()][:2] == ["import", "import"]
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store._db.execute("UPDATE audit SET actor='mallory'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store._db.execute("DELETE FROM audit")
    assert len(store.audit_log(rid)) == 2


def test_reopen_keeps_everything(tmp_path):
    db = tmp_path / "r.sqlite"
    with Store(db) as s:
        s.import_paths([DATA])  # a folder: every .jsonl in it
        rid = by_text(DEMO, "隨著")["id"]
        s.save_review(rid, "alice", "accept", None, "kept", s.state(rid)["version"])
    with Store(db) as s:
        assert s.state(rid, "alice")["review"]["note"] == "kept"
        assert {a["doc_id"] for a in s.articles()} == {"demo", "xss"}


def test_bad_annotation_files(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a"}\n', encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_annotations([bad])
    assert err.value.where == f"{bad}:1" and "'doc_id'" in err.value.what
    bad.write_text("not json\n", encoding="utf-8")
    with pytest.raises(DataError, match="not valid JSON"):
        read_annotations([bad])
    with pytest.raises(DataError, match="no such file"):
        read_annotations([tmp_path / "missing"])
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(DataError, match="no .jsonl"):
        read_annotations([empty])
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DataError, match="not a usable review database"):
        Store(garbage)


# -- agreement ------------------------------------------------------------------------------------


def test_cohen_kappa_hand_cases():
    assert cohen_kappa([True, True, False, False], [True, True, False, False]) == 1.0
    # po = 0.5, pe = 0.5 -> 0
    assert cohen_kappa([True, True, False, False], [True, False, True, False]) == 0.0
    # Classic table: a=20 yes/yes, b=5 yes/no, c=10 no/yes, d=15 no/no (n=50): po=0.7, pe=0.5 -> 0.4
    a = [True] * 25 + [False] * 25
    b = [True] * 20 + [False] * 5 + [True] * 10 + [False] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)
    assert cohen_kappa([True, True], [True, True]) is None  # undefined: one label only
    assert cohen_kappa([], []) is None
    assert cohen_kappa([True, False], [False, True]) == pytest.approx(-1.0)


def test_span_f1_hand_cases():
    g = [{(0, 2, "GPE"), (3, 5, "PERSON")}, {(1, 3, "ORG")}]
    p = [{(0, 2, "GPE"), (3, 5, "ORG")}, {(1, 3, "ORG"), (4, 6, "DATE")}]
    r = span_f1(g, p)
    assert (r["tp"], r["gold"], r["pred"]) == (2, 3, 4)
    assert r["precision"] == pytest.approx(0.5) and r["recall"] == pytest.approx(2 / 3)
    assert r["f1"] == pytest.approx(4 / 7)
    assert span_f1([set()], [set()])["f1"] is None
    assert spans([{"start": 0, "end": 2, "label": "GPE", "text": "中國"}]) == {(0, 2, "GPE")}


def test_agreement_between_reviewers(store):
    recs = [by_text(DEMO, t) for t in ("隨著", "先是", "從五眼", "然而")]
    for r in recs:
        store.save_review(r["id"], "alice", "accept", None, "", version(store, r["id"]))
    # bob: same on two, flips bearing on one, relabels one entity on another, rejects the last
    store.save_review(recs[0]["id"], "bob", "accept", None, "", version(store, recs[0]["id"]))
    store.save_review(recs[1]["id"], "bob", "accept", {"entities": recs[1]["entities"], "stance": {**recs[1]["stance"], "bearing": True}},
                      "", version(store, recs[1]["id"]))
    ents = [dict(e, label="ORG") if e["text"] == "美日韓" else e for e in recs[2]["entities"]]
    store.save_review(recs[2]["id"], "bob", "accept", {"entities": ents, "stance": recs[2]["stance"]}, "", version(store, recs[2]["id"]))
    store.save_review(recs[3]["id"], "bob", "reject", None, "", version(store, recs[3]["id"]))
    [pair] = store.agreement()
    assert (pair["a"], pair["b"], pair["n"]) == ("alice", "bob", 3)  # the reject carries no annotation
    # bearing alice: T F T ; bob: T T T -> po = 2/3, pe = (2/3*1 + 1/3*0) = 2/3 -> kappa 0
    assert pair["kappa_bearing"] == pytest.approx(0.0)
    n_spans = len(recs[0]["entities"]) + len(recs[1]["entities"]) + len(recs[2]["entities"])
    assert pair["entity_f1"] == pytest.approx((n_spans - 1) / n_spans)


# -- the command ----------------------------------------------------------------------------------


def test_command_import_only_and_stats(tmp_path, capsys):
    from pipeline.review.command import ReviewSetupError, review, stats_text

    db = tmp_path / "r.sqlite"
    with pytest.raises(ReviewSetupError, match="no articles yet"):
        review(None, db=db, reviewer="alice", serve=False)
    review([DATA], db=db, reviewer="alice", serve=False)
    assert "demo: 11 added, 0 changed, 0 removed, 0 unchanged" in capsys.readouterr().out
    with Store(db) as s:
        recs = [by_text(DEMO, t) for t in ("隨著", "先是")]
        for who in ("alice", "bob"):
            for r in recs:
                s.save_review(r["id"], who, "accept", None, "", s.state(r["id"])["version"])
        text = stats_text(s)
    assert "Progress (body sentences reviewed by anyone): 2 / 7" in text
    assert "  alice: 2 / 7 reviewed (accept 2, edit 0, reject 0)" in text
    assert "alice vs bob: n=2  kappa(bearing)=1.000  entity F1=1.000" in text
    review([DATA / "v2"], db=db, reviewer="alice", stats=True)
    out = capsys.readouterr().out
    assert "demo: 2 added, 1 changed, 1 removed, 9 unchanged" in out and "Progress" in out


def test_cli_registration_and_error_line(tmp_path, capsys):
    cli = pytest.importorskip("pipeline.cli")
    code = cli.main(["review", str(tmp_path / "missing"), "--db", str(tmp_path / "r.sqlite"), "--no-serve"])
    assert code == 1
    assert capsys.readouterr().err.strip() == (
        f"Error: {tmp_path / 'missing'}: no such file or folder — give annotation folders or .jsonl files made by `zhgloss annotate`")


def test_malformed_machine_output_can_still_be_reviewed(tmp_path):
    rec = dict(lines(DEMO)[4])
    rec["entities"] = rec["entities"] + [{"text": "??", "start": 90, "end": 95, "label": "GPE", "kb_id": None, "en": None, "source": "model"}]
    f = tmp_path / "broken.jsonl"
    f.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    with Store(tmp_path / "r.sqlite") as s:
        s.import_paths([f])
        assert s.save_review(rec["id"], "alice", "accept", None, "", 1)["review"]["decision"] == "accept"
        with pytest.raises(InvalidReview, match="outside the sentence"):
            s.save_review(rec["id"], "alice", "accept", {"entities": rec["entities"], "stance": rec["stance"]}, "", 2)
        fixed = {"entities": rec["entities"][:-1], "stance": rec["stance"]}
        assert s.save_review(rec["id"], "alice", "accept", fixed, "", 2)["review"]["decision"] == "edit"


def test_a_holder_of_several_named_together_can_be_reviewed(tmp_path):
    """A machine holder with members (美國、日本與南韓…) is accepted as it is; a malformed one is not."""
    from pipeline.review.annotations import clean_annotation

    record = {"id": "d:1", "text": "美國、日本與南韓譴責北韓。", "entities": [],
              "stance": {"bearing": True, "types": ["attributed"], "targets": [],
                         "holder": {"text": "美國、日本與南韓", "kb_id": None, "en": "U.S., Japan and South Korea",
                                    "members": [{"kb_id": "us", "en": "U.S."}, {"kb_id": "jp", "en": "Japan"}]}}}
    out = clean_annotation(record, {"entities": [], "stance": {}})
    assert out["stance"]["holder"]["members"][1]["kb_id"] == "jp"
    with pytest.raises(InvalidReview):
        clean_annotation(record, {"entities": [], "stance": {"holder": {"text": "x", "members": "us"}}})
