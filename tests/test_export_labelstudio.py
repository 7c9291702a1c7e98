"""Label Studio: tasks with predictions and a labelling config; an export of those tasks read back
into the review store as reviews."""

from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as ET

from pipeline.cli import main
from pipeline.export import export
from pipeline.export.labelstudio import import_labelstudio
from pipeline.review.store import Store
from tests.test_export_common import ARTICLES, make_annotations, make_store, records_of


def tasks_of(folder) -> list[dict]:
    return json.loads((folder / "tasks.json").read_text(encoding="utf-8"))


def test_tasks_and_config_have_label_studio_shape(tmp_path):
    ann = make_annotations(tmp_path)
    export(tmp_path / "out", "labelstudio", inputs=[ann])
    tasks = tasks_of(tmp_path / "out")
    assert len(tasks) == sum(len(v) for v in ARTICLES.values())
    want = {r["id"]: r for d in ARTICLES for r in records_of(d)}
    root = ET.fromstring((tmp_path / "out" / "label_config.xml").read_text(encoding="utf-8"))
    labels = {x.get("value") for x in root.iter("Label")}
    names = {x.get("name"): x.tag for x in root if x.get("name")}
    assert names == {"label": "Labels", "text": "Text", "gloss": "Text", "stance": "Choices", "flag": "Choices", "note": "TextArea"}
    for t in tasks:
        assert set(t) == {"data", "predictions"}
        data = t["data"]
        rec = want[data["record_id"]]
        assert data["text"] == rec["text"] and data["gloss_en"] == rec["gloss_en"]
        (pred,) = t["predictions"]
        assert pred["model_version"].startswith("zhgloss-") and isinstance(pred["score"], float)
        regions = [r for r in pred["result"] if r["type"] == "labels"]
        assert [(r["value"]["start"], r["value"]["end"], r["value"]["labels"]) for r in regions] == [
            (e["start"], e["end"], [e["label"]]) for e in rec["entities"]]
        for r in pred["result"]:
            assert r["to_name"] == "text" and r["from_name"] in names and r["from_name"] != "text"
            if r["type"] == "labels":
                assert data["text"][r["value"]["start"]:r["value"]["end"]] == r["value"]["text"]
                assert r["value"]["labels"][0] in labels
        choice = next(r for r in pred["result"] if r["type"] == "choices")
        assert choice["value"]["choices"] == ["BEARING" if rec["stance"]["bearing"] else "NOT_BEARING"]
    assert len({t["data"]["record_id"] for t in tasks}) == len(tasks)


def label_studio_export(tasks: list[dict]) -> list[dict]:
    """What Label Studio's JSON export looks like after annotators started from the predictions."""
    out = []
    for k, t in enumerate(tasks, 1):
        t = copy.deepcopy(t)
        t.update({"id": k, "project": 1, "created_at": "2026-11-27T03:00:00Z", "updated_at": "2026-11-27T03:10:00Z",
                  "annotations": [{"id": 100 + k, "completed_by": 7, "result": copy.deepcopy(t["predictions"][0]["result"]),
                                   "was_cancelled": False, "ground_truth": False, "created_at": "2026-11-27T03:10:00Z",
                                   "updated_at": "2026-11-27T03:10:00Z", "lead_time": 4.2, "task": k}]})
        for r in t["annotations"][0]["result"]:
            r.pop("meta", None)
            r["origin"] = "prediction"
        out.append(t)
    return out


def test_export_import_round_trip_puts_reviews_into_the_store(tmp_path, capsys):
    db = make_store(tmp_path)
    export(tmp_path / "ls", "labelstudio", db=db, only="all")
    exported = label_studio_export(tasks_of(tmp_path / "ls"))
    by_text = {t["data"]["text"]: t for t in exported}
    c_body = by_text["2024 年的選舉預計在 11 月舉行。"]
    ann = c_body["annotations"][0]
    # the annotator removes "11 月", marks 舉行 as an EVENT (after a number and spaces), says not stance-bearing
    ann["result"] = [r for r in ann["result"] if r["value"].get("text") != "11 月"]
    ann["result"].append({"id": "x1", "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual",
                          "value": {"start": 17, "end": 19, "text": "舉行", "labels": ["EVENT"]}})
    assert c_body["data"]["text"][17:19] == "舉行"
    next(r for r in ann["result"] if r["type"] == "choices")["value"]["choices"] = ["NOT_BEARING"]
    ann["result"].append({"id": "n1", "from_name": "note", "to_name": "text", "type": "textarea", "value": {"text": ["選舉 is an event"]}})
    d_first = by_text["中國外交部發言人表示強烈反對。"]
    d_first["annotations"][0]["result"].append({"id": "f", "from_name": "flag", "to_name": "text", "type": "choices",
                                                "value": {"choices": ["REJECT"]}})
    by_text["會談將於下週舉行。"]["annotations"] = []  # not annotated yet
    by_text["這是一個沒有實體的句子。"]["annotations"][0]["was_cancelled"] = True  # skipped
    path = tmp_path / "project-1.json"
    path.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")

    rc = main(["import", "--format", "labelstudio", str(path), "--db", str(db), "--reviewer", "carol"])
    out, err = capsys.readouterr()
    assert rc == 0 and err == "", err
    # 10 tasks, 2 without a (non-skipped) annotation; alice's and bob's edits were the predictions shown,
    # so carol's unchanged answers on those two are edits of the machine output too
    assert out.strip() == "8 decisions stored (accept 4, edit 3, reject 1); 0 unchanged, 2 tasks without annotation, 0 skipped"
    with Store(db) as store:
        recs = {r["id"]: r for r in store.iter_records(only="all", reviewer="carol")}
        c_id = records_of("art_c")[1]["id"]
        c = recs[c_id]
        assert c["review_status"] == "edited" and c["review_note"] == "選舉 is an event"
        assert [(e["text"], e["label"], e["kb_id"]) for e in c["entities"]] == [("2024 年", "DATE", None), ("舉行", "EVENT", None)]
        assert c["stance"]["bearing"] is False
        assert recs[records_of("art_d")[0]["id"]]["review_status"] == "rejected"
        a_body = recs[records_of("art_a")[1]["id"]]
        assert a_body["review_status"] == "accepted"
        assert [e["kb_id"] for e in a_body["entities"]][:3] == ["us", "us-joe-biden", "us-joe-biden"]  # carried over
        assert recs[records_of("art_d")[1]["id"]]["review_status"] == "unreviewed"
        # the machine output is untouched and the decisions are in the audit log
        assert store.record(c_id)["entities"][1]["text"] == "11 月"
        log = store.audit_log()
        assert sum(1 for x in log if x["action"] == "review" and x["actor"] == "carol") == 8
        assert log[-1]["action"] == "labelstudio-import" and log[-1]["payload"]["saved"] == 8
        # alice's and bob's earlier decisions are still there
        assert {"alice", "bob", "carol"} <= set(store.reviewers())
        versions = {rid: store.state(rid)["version"] for rid in recs}
        n_log = len(log)
    # importing the same file again changes nothing
    rc = main(["import", "--format", "labelstudio", str(path), "--db", str(db), "--reviewer", "carol"])
    out, err = capsys.readouterr()
    assert rc == 0 and out.strip() == "0 decisions stored (accept 0, edit 0, reject 0); 8 unchanged, 2 tasks without annotation, 0 skipped"
    with Store(db) as store:
        assert {rid: store.state(rid)["version"] for rid in recs} == versions
        assert len(store.audit_log()) == n_log


def test_import_uses_annotator_names_json_min_and_utf16_offsets(tmp_path):
    db = make_store(tmp_path)
    rec = records_of("art_c")[0]
    # JSON-MIN: flat rows; offsets as a browser counts them (the same for CJK in the BMP)
    rows = [{"id": 1, "text": rec["text"], "record_id": rec["id"], "annotator": "dora@example.org",
             "label": [{"start": 0, "end": 2, "text": "南韓", "labels": ["GPE"]},
                       {"start": 4, "end": 7, "text": "尹錫悅", "labels": ["PERSON"]}],
             "stance": "BEARING", "annotation_id": 5, "updated_at": "2026-11-27T03:20:00Z"}]
    path = tmp_path / "min.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    with Store(db) as store:
        result = import_labelstudio(path, store)
        assert result["counts"]["saved"] == 1 and result["problems"] == []
        got = next(r for r in store.iter_records(reviewer="dora@example.org") if r["id"] == rec["id"])
        assert got["review_status"] == "edited" and got["stance"]["bearing"] is True
        assert [e["text"] for e in got["entities"]] == ["南韓", "尹錫悅"]


def test_import_reports_unknown_records_changed_text_and_bad_regions(tmp_path):
    db = make_store(tmp_path)
    rec = records_of("art_d")[1]
    tasks = [
        {"id": 1, "data": {"text": "別的句子", "record_id": "nope:123"}, "annotations": [{"result": [], "completed_by": 1}]},
        {"id": 2, "data": {"text": rec["text"] + "！", "record_id": rec["id"]}, "annotations": [{"result": [], "completed_by": 1}]},
        {"id": 3, "data": {"text": rec["text"], "record_id": rec["id"]}, "annotations": [{"completed_by": {"id": 2, "email": "e@x.org"}, "result": [
            {"type": "labels", "from_name": "label", "to_name": "text", "value": {"start": 0, "end": 2, "text": "不對", "labels": ["ORG"]}}]}]},
        {"id": 4, "data": {"text": "no id"}},
    ]
    path = tmp_path / "p.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    with Store(db) as store:
        result = import_labelstudio(path, store)
        probs = result["problems"]
        assert result["counts"]["saved"] == 1 and result["counts"]["skipped"] == 3
        assert any("nope:123 is not in the review database" in p for p in probs)
        assert any("changed since the export" in p for p in probs)
        assert any("region '不對' at 0..2 does not match the sentence" in p for p in probs)
        assert any("not a task exported by zhgloss" in p for p in probs)
        assert "e@x.org" in store.reviewers()


def test_import_cli_errors(tmp_path, capsys):
    rc = main(["import", "--format", "labelstudio", str(tmp_path / "none.json"), "--db", str(tmp_path / "r.sqlite")])
    assert rc == 1 and capsys.readouterr().err.startswith(f"Error: {tmp_path / 'none.json'}: no such file — ")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    db = make_store(tmp_path)
    rc = main(["import", str(bad), "--db", str(db)])
    assert rc == 1 and "not JSON" in capsys.readouterr().err
    rc = main(["import", "--format", "doccano", str(bad), "--db", str(db)])
    assert rc == 1 and "use --format labelstudio" in capsys.readouterr().err


def test_overlapping_entities_stay_overlapping_regions(tmp_path):
    from pipeline.model import Document, Entity, Token, Unit
    from pipeline.records import write_document

    text = "中國外交部發言人表示"
    unit = Unit(0, "body", 0, len(text), text, tokens=[Token("中國", 0, 2), Token("外交部", 2, 5), Token("發言人", 5, 8), Token("表示", 8, 10)],
                entities=[Entity("中國外交部", 0, 5, "ORG"), Entity("中國", 0, 2, "GPE", kb_id="cn", en="China")])
    doc = Document("nest", text, units=[unit])
    doc.assign_ids()
    write_document(doc, tmp_path / "ann")
    export(tmp_path / "out", "labelstudio", inputs=[tmp_path / "ann"])
    (task,) = tasks_of(tmp_path / "out")
    regions = [(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0]) for r in task["predictions"][0]["result"] if r["type"] == "labels"]
    assert regions == [(0, 2, "GPE"), (0, 5, "ORG")]
    assert next(r for r in task["predictions"][0]["result"] if r["type"] == "labels")["meta"] == {"text": ["China · cn"]}


def test_browser_offsets_around_characters_outside_the_bmp_are_converted():
    from pipeline.export.labelstudio import _span

    text = "𠮷野家在台北開店"  # 𠮷 is one code point, two UTF-16 units
    assert _span(text, {"start": 4, "end": 6, "text": "台北"}) == (4, 6)  # already Python offsets
    assert _span(text, {"start": 5, "end": 7, "text": "台北"}) == (4, 6)  # as a browser counts
    assert _span(text, {"start": 0, "end": 4, "text": "𠮷野家"}) == (0, 3)
    assert _span(text, {"start": 1, "end": 2, "text": "x"}) is None
