"""Export: Prodigy JSONL tasks — tokens with offsets and ids, spans with token indices, answers, meta."""

from __future__ import annotations

import json

from pipeline.export import export
from tests.test_export_common import ARTICLES, make_annotations, make_store, records_of


def load(path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def check_task(task: dict) -> None:
    text, tokens = task["text"], task["tokens"]
    assert [t["id"] for t in tokens] == list(range(len(tokens)))
    assert "".join(t["text"] + (" " if t["ws"] else "") for t in tokens) == text
    for t in tokens:
        assert text[t["start"]:t["end"]] == t["text"]
    for s in task["spans"]:
        assert text[s["start"]:s["end"]] == s["text"]
        assert tokens[s["token_start"]]["start"] == s["start"] and tokens[s["token_end"]]["end"] == s["end"]
    assert isinstance(task["_input_hash"], int) and isinstance(task["_task_hash"], int)


def test_prodigy_round_trip(tmp_path):
    ann = make_annotations(tmp_path)
    export(tmp_path / "out", "prodigy", inputs=[ann])
    tasks = load(tmp_path / "out" / "all.jsonl")
    assert len(tasks) == sum(len(v) for v in ARTICLES.values())
    want = {r["id"]: [(e["start"], e["end"], e["label"]) for e in r["entities"]] for d in ARTICLES for r in records_of(d)}
    for t in tasks:
        check_task(t)
        assert [(s["start"], s["end"], s["label"]) for s in t["spans"]] == want[t["meta"]["id"]]
        assert "answer" not in t and t["meta"]["review_status"] == "unreviewed"
    biden = next(t for t in tasks if "Joe Biden" in t["text"])
    span = next(s for s in biden["spans"] if s["text"] == "Joe Biden")
    assert span["token_end"] == span["token_start"] + 1 and span["en"] == "Joe Biden"
    assert biden["meta"]["bearing"] is True


def test_prodigy_answers_from_reviews(tmp_path):
    db = make_store(tmp_path)
    export(tmp_path / "out", "prodigy", db=db, only="reviewed")
    tasks = load(tmp_path / "out" / "all.jsonl")
    answers = {t["meta"]["id"]: t["answer"] for t in tasks}
    b = [r["id"] for r in records_of("art_b")]
    assert answers[b[1]] == "accept" and answers[b[2]] == "reject"
    for t in tasks:
        check_task(t)
    # hashes are stable: the same export twice gives the same hashes
    export(tmp_path / "again", "prodigy", db=db, only="reviewed")
    assert [t["_task_hash"] for t in load(tmp_path / "again" / "all.jsonl")] == [t["_task_hash"] for t in tasks]
