"""Export: the hand-made dataset the export tests share, splits, words, the card, empty selections and
interrupted exports.  Other ``test_export_*`` modules import :func:`make_annotations` and :func:`make_store`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.export import ExportError, export, staged_folder
from pipeline.export.common import assign_splits, clean_entities, parse_split, words
from pipeline.model import Document, Entity, Token, Unit
from pipeline.records import write_document
from pipeline.review.store import Store

# (kind, text, tokens, entities as (surface, label, kb_id, en), stance-bearing)
ARTICLES = {
    "art_a": [
        ("title", "美日韓峰會在大衛營舉行", ["美日韓", "峰會", "在", "大衛營", "舉行"],
         [("美日韓", "GPE", None, "the US, Japan and South Korea"), ("大衛營", "LOC", "camp-david", "Camp David")], False),
        ("body", "美國總統拜登 (Joe Biden) 在 2023 年 8 月表示，台灣的國防預算增加 15%。",
         ["美國", "總統", "拜登", "(", "Joe", "Biden", ")", "在", "2023", "年", "8", "月", "表示", "，", "台灣", "的",
          "國防", "預算", "增加", "15%", "。"],
         [("美國", "GPE", "us", "United States"), ("拜登", "PERSON", "us-joe-biden", "Joe Biden"),
          ("Joe Biden", "PERSON", "us-joe-biden", "Joe Biden"), ("2023 年 8 月", "DATE", None, "August 2023"),
          ("台灣", "GPE", "tw", "Taiwan"), ("15%", "PERCENT", None, "15%")], True),
        ("body", "北韓外交部長李容浩批評華盛頓。", ["北韓", "外交部長", "李容浩", "批評", "華盛頓", "。"],
         [("北韓", "GPE", "kp", "North Korea"), ("李容浩", "PERSON", "kp-ri-yong-ho", "Ri Yong Ho"),
          ("華盛頓", "GPE", "us", "Washington")], True),
    ],
    "art_b": [
        ("title", "日本防衛省公布《國家安全保障戰略》", ["日本", "防衛省", "公布", "《", "國家安全保障戰略", "》"],
         [("日本", "GPE", "jp", "Japan"), ("防衛省", "ORG", "jp-mod", "Ministry of Defense"),
          ("國家安全保障戰略", "POLICY", "jp-nss", "National Security Strategy")], False),
        ("body", "NATO 秘書長訪問東京。", ["NATO", "秘書長", "訪問", "東京", "。"],
         [("NATO", "ORG", "nato", "NATO"), ("東京", "GPE", "jp-tokyo", "Tokyo")], False),
        ("body", "這是一個沒有實體的句子。", ["這", "是", "一個", "沒有", "實體", "的", "句子", "。"], [], False),
    ],
    "art_c": [
        ("body", "南韓總統尹錫悅與日本首相岸田文雄會談。", ["南韓", "總統", "尹錫悅", "與", "日本", "首相", "岸田文雄", "會談", "。"],
         [("南韓", "GPE", "kr", "South Korea"), ("尹錫悅", "PERSON", "kr-yoon", "Yoon Suk Yeol"), ("日本", "GPE", "jp", "Japan"),
          ("岸田文雄", "PERSON", "jp-kishida", "Fumio Kishida")], False),
        ("body", "2024 年的選舉預計在 11 月舉行。", ["2024", "年", "的", "選舉", "預計", "在", "11", "月", "舉行", "。"],
         [("2024 年", "DATE", None, "2024"), ("11 月", "DATE", None, "November")], True),
    ],
    "art_d": [
        ("body", "中國外交部發言人表示強烈反對。", ["中國", "外交部", "發言人", "表示", "強烈", "反對", "。"],
         [("中國外交部", "ORG", "cn-mfa", "Chinese Foreign Ministry")], True),
        ("body", "會談將於下週舉行。", ["會談", "將", "於", "下週", "舉行", "。"], [("下週", "DATE", None, "next week")], False),
    ],
}


def make_document(doc_id: str) -> Document:
    units = []
    pos = 0
    full = []
    for n, (kind, text, toks, ents, bearing) in enumerate(ARTICLES[doc_id]):
        tokens, cur = [], 0
        for t in toks:
            a = text.index(t, cur)
            tokens.append(Token(t, a, a + len(t), pos="x", gloss=None))
            cur = a + len(t)
        entities, cur = [], 0
        for surface, label, kb_id, en in ents:
            a = text.index(surface)
            entities.append(Entity(surface, a, a + len(surface), label, kb_id=kb_id, en=en,
                                   members=[{"kb_id": "us", "en": "United States"}, {"kb_id": "jp", "en": "Japan"},
                                            {"kb_id": "kr", "en": "South Korea"}] if surface == "美日韓" else None))
        stance = {"bearing": bearing, "types": ["judgement"] if bearing else [], "holder": "AUTHOR" if bearing else None,
                  "targets": [{"text": entities[0].text, "kb_id": entities[0].kb_id, "en": entities[0].en, "polarity": "negative"}]
                  if bearing and entities else [], "cues": [], "score": 0.9 if bearing else 0.1}
        unit = Unit(n=n, kind=kind, start=pos, end=pos + len(text), text=text, tokens=tokens, entities=entities, stance=stance,
                    gloss_en=" | ".join(toks))
        units.append(unit)
        full.append(text)
        pos += len(text) + 1
    doc = Document(doc_id=doc_id, text="\n".join(full), source=f"corpus/{doc_id}.txt", units=units,
                   meta={"title": units[0].text, "pipeline_version": "0.1.0"})
    doc.assign_ids()
    return doc


def make_annotations(folder: Path) -> Path:
    """Annotation files of the four hand-made articles; art_a has a licence in its meta file and the
    others get theirs from a corpus README table."""
    ann = folder / "ann"
    for doc_id in ARTICLES:
        doc = make_document(doc_id)
        doc.source = str(folder / "corpus" / f"{doc_id}.txt")
        if doc_id == "art_a":
            doc.meta["licence"] = "CC BY 4.0"
        write_document(doc, ann)
    (folder / "corpus").mkdir(exist_ok=True)
    (folder / "corpus" / "README.md").write_text(
        "# Corpus\n\n| file | article | source | licence |\n|---|---|---|---|\n"
        "| `art_b.txt` | B | NTREX-128 | CC BY-SA 4.0 |\n| `art_c.txt` | C | NTREX-128 | CC BY-SA 4.0 |\n", encoding="utf-8")
    return ann


def records_of(doc_id: str) -> list[dict]:
    return make_document(doc_id).records()


def make_store(folder: Path) -> Path:
    """A review database of the four articles with decisions by alice and bob:
    alice accepts art_a, edits art_b's second sentence (adds an entity, marks it stance-bearing),
    rejects art_b's third; bob accepts art_a's first two sentences and edits its third."""
    ann = make_annotations(folder)
    db = folder / "review.sqlite"
    with Store(db) as store:
        store.import_paths([ann])
        ids = {d: [r["id"] for r in records_of(d)] for d in ARTICLES}

        def save(rid, who, decision, annotation=None):
            store.save_review(rid, who, decision, annotation, base_version=store.state(rid, who)["version"])

        for rid in ids["art_a"]:
            save(rid, "alice", "accept")
        rec = store.record(ids["art_b"][1])
        ents = rec["entities"] + [{"start": rec["text"].index("秘書長"), "end": rec["text"].index("秘書長") + 3, "label": "PERSON"}]
        save(ids["art_b"][1], "alice", "edit", {"entities": ents, "stance": {"bearing": True}})
        save(ids["art_b"][2], "alice", "reject")
        save(ids["art_a"][0], "bob", "accept")
        save(ids["art_a"][1], "bob", "accept")
        rec = store.record(ids["art_a"][2])
        save(ids["art_a"][2], "bob", "edit", {"entities": rec["entities"][:2], "stance": {"bearing": False}})
    return db


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    rc = main(argv)
    out, err = capsys.readouterr()
    return rc, out, err


# ---------------------------------------------------------------------------------------------------


def test_hand_made_records_are_consistent():
    for doc_id in ARTICLES:
        for r in records_of(doc_id):
            for e in r["entities"]:
                assert r["text"][e["start"]:e["end"]] == e["text"]
            for t in r["tokens"]:
                assert r["text"][t["start"]:t["end"]] == t["text"]
    body = records_of("art_a")[1]["text"]
    assert "拜登 (Joe Biden) 在 2023 年 8 月表示" in body


def test_parse_split():
    assert parse_split("80/10/10") == pytest.approx((0.8, 0.1, 0.1))
    assert parse_split("3/1") == pytest.approx((0.75, 0.25))
    assert parse_split(None) is None
    for bad in ("80", "a/b/c", "0/50/50", "1/2/3/4", "-1/1/1"):
        with pytest.raises(ExportError):
            parse_split(bad)


def test_split_is_by_article_deterministic_and_fills_each_split():
    ids = [f"d{i:02d}" for i in range(10)]
    a = assign_splits(ids, parse_split("80/10/10"), seed=1)
    assert a == assign_splits(list(reversed(ids)), parse_split("80/10/10"), seed=1)
    assert sorted(a.values()).count("train") == 8 and sorted(a.values()).count("dev") == 1
    assert a != assign_splits(ids, parse_split("80/10/10"), seed=2)
    small = assign_splits(["x", "y", "z"], parse_split("80/10/10"), seed=1)
    assert sorted(small.values()) == ["dev", "test", "train"]
    assert set(assign_splits(["x"], parse_split("80/10/10"), seed=1).values()) == {"train"}
    assert set(assign_splits(ids, None, seed=1).values()) == {"all"}


def test_words_cover_text_and_cut_at_entity_boundaries():
    rec = records_of("art_a")[1]
    rec["entities"].append({"text": "預", "start": rec["text"].index("預"), "end": rec["text"].index("預") + 1, "label": "X"})
    ents, dropped = clean_entities(rec)
    assert dropped == 0
    ws = words(rec, ents)
    text = rec["text"]
    assert "".join(text[a:b] + (" " if s else "") for a, b, s in ws) == text
    bounds = {a for a, _, _ in ws} | {b for _, b, _ in ws}
    for e in ents:
        assert e["start"] in bounds and e["end"] in bounds
    assert ("Joe", True) in [(text[a:b], s) for a, b, s in ws]


def test_clean_entities_drops_overlaps_and_bad_offsets():
    rec = {"text": "美國總統拜登", "entities": [
        {"start": 0, "end": 2, "label": "GPE"}, {"start": 0, "end": 4, "label": "ORG"}, {"start": 4, "end": 9, "label": "PERSON"},
        {"start": 4, "end": 6, "label": "PERSON"}]}
    ents, dropped = clean_entities(rec)
    assert [(e["start"], e["end"], e["label"]) for e in ents] == [(0, 4, "ORG"), (4, 6, "PERSON")]
    assert dropped == 2
    both, dropped = clean_entities(rec, overlaps=True)
    assert [(e["start"], e["end"]) for e in both] == [(0, 2), (0, 4), (4, 6)] and dropped == 1


def test_jsonl_export_from_store_applies_reviews(tmp_path):
    db = make_store(tmp_path)
    out = tmp_path / "out"
    summary = export(out, "jsonl", db=db, only="reviewed")
    assert summary["files"] == ["all.jsonl", "README.md"]
    recs = [json.loads(x) for x in (out / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    status = {r["id"]: r["review_status"] for r in recs}
    b = [r["id"] for r in records_of("art_b")]
    assert status[b[1]] == "edited" and status[b[2]] == "rejected"
    edited = next(r for r in recs if r["id"] == b[1])
    assert "秘書長" in [e["text"] for e in edited["entities"]] and edited["stance"]["bearing"] is True
    assert {r["doc_id"] for r in recs} == {"art_a", "art_b"}
    assert all(r["reviewer"] in ("alice", "bob") and r["reviewed_at"] for r in recs)


def test_jsonl_from_annotation_files_is_unreviewed_and_split(tmp_path):
    ann = make_annotations(tmp_path)
    out = tmp_path / "out"
    summary = export(out, "jsonl", inputs=[ann], split="50/25/25", seed=3)
    assert summary["splits"] == {s: len([json.loads(x) for x in (out / f"{s}.jsonl").read_text(encoding="utf-8").splitlines()])
                                 for s in ("train", "dev", "test")}
    docs_in = {s: {json.loads(x)["doc_id"] for x in (out / f"{s}.jsonl").read_text(encoding="utf-8").splitlines()}
               for s in ("train", "dev", "test")}
    assert not (docs_in["train"] & docs_in["dev"]) and not (docs_in["train"] & docs_in["test"])
    rec = json.loads((out / "train.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert rec["review_status"] == "unreviewed" and rec["reviewer"] is None
    again = tmp_path / "again"
    export(again, "jsonl", inputs=[ann], split="50/25/25", seed=3)
    assert (again / "train.jsonl").read_text(encoding="utf-8") == (out / "train.jsonl").read_text(encoding="utf-8")


def test_card_lists_counts_reviewers_agreement_and_licences(tmp_path):
    db = make_store(tmp_path)
    out = tmp_path / "out"
    export(out, "spacy", db=db, only="all", split="50/25/25")
    card = (out / "README.md").read_text(encoding="utf-8")
    assert card.startswith("# zhgloss dataset (spacy)")
    assert "| PERSON |" in card and "| GPE |" in card
    assert "| alice |" in card and "| bob |" in card
    assert "| alice | 3 | 1 | 1 |" in card  # alice's decisions: accept, edit, reject
    assert "alice | bob |" in card  # the agreement table
    assert "CC BY 4.0" in card and "CC BY-SA 4.0" in card and "NTREX-128" in card
    assert "| art_d |" in card and "unknown" in card  # art_d has no licence anywhere
    assert "seed 1" in card and "0.1.0" in card
    assert "1 rejected sentence(s)" in card


def test_empty_selection_is_one_clear_error(tmp_path, capsys):
    ann = make_annotations(tmp_path)
    rc, out, err = run(["export", str(ann), "--format", "csv", "-o", str(tmp_path / "x"), "--only", "accepted"], capsys)
    assert rc == 1
    assert err.strip().splitlines() == ["Error: nothing to export: the selection (--only accepted) is empty — annotation files are "
                                        "machine output with no decisions; export the review database with --db, or use --only all"]
    db = tmp_path / "empty.sqlite"
    Store(db).close()
    rc, out, err = run(["export", "--db", str(db), "--format", "jsonl", "-o", str(tmp_path / "y")], capsys)
    assert rc == 1 and err.startswith(f"Error: {db}: nothing to export: the selection (--only all) is empty — ")
    assert not (tmp_path / "x").exists() and not (tmp_path / "y").exists()
    rc, out, err = run(["export", "--db", str(db), "--format", "jsonl", "-o", str(tmp_path / "y"), "--only", "accepted",
                        "--reviewer", "carol"], capsys)
    assert rc == 1 and "(--only accepted --reviewer carol)" in err


def test_bad_options(tmp_path, capsys):
    ann = make_annotations(tmp_path)
    rc, _, err = run(["export", str(ann), "--format", "docx", "-o", str(tmp_path / "x")], capsys)
    assert rc == 1 and err.startswith("Error: --format: unknown format 'docx' — use one of: jsonl, csv")
    rc, _, err = run(["export", str(ann), "--format", "csv", "-o", str(tmp_path / "x"), "--split", "80"], capsys)
    assert rc == 1 and "--split" in err
    rc, _, err = run(["export", "--db", str(tmp_path / "missing.sqlite"), "--format", "csv", "-o", str(tmp_path / "x")], capsys)
    assert rc == 1 and "no review database here" in err and not (tmp_path / "missing.sqlite").exists()


def test_interrupted_export_leaves_no_half_written_file(tmp_path, monkeypatch):
    from pipeline.export import tables

    ann = make_annotations(tmp_path)
    out = tmp_path / "out"

    def broken(ds, folder):
        (folder / "sentences.csv").write_text("split,doc_id\ntrain,art", encoding="utf-8")  # half a file
        raise KeyboardInterrupt

    monkeypatch.setattr(tables, "write_csv", broken)
    with pytest.raises(KeyboardInterrupt):
        export(out, "csv", inputs=[ann])
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    # an earlier export stays whole when the next one fails
    monkeypatch.undo()
    export(out, "csv", inputs=[ann])
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    monkeypatch.setattr(tables, "write_csv", broken)
    with pytest.raises(KeyboardInterrupt):
        export(out, "csv", inputs=[ann], split="50/50")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_re_export_replaces_the_folder_and_refuses_foreign_folders(tmp_path, capsys):
    ann = make_annotations(tmp_path)
    out = tmp_path / "out"
    export(out, "jsonl", inputs=[ann])
    export(out, "jsonl", inputs=[ann], split="50/25/25")
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "dev.jsonl", "test.jsonl", "train.jsonl"]
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me", encoding="utf-8")
    rc, _, err = run(["export", str(ann), "--format", "jsonl", "-o", str(foreign)], capsys)
    assert rc == 1 and "not a zhgloss export" in err
    assert [p.name for p in foreign.iterdir()] == ["notes.txt"]


def test_staged_folder_cleans_up_on_error(tmp_path):
    out = tmp_path / "o"
    with pytest.raises(RuntimeError):
        with staged_folder(out) as tmp:
            (tmp / "a").write_text("x")
            raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


def test_cli_export_prints_a_summary(tmp_path, capsys):
    db = make_store(tmp_path)
    rc, out, err = run(["export", "--db", str(db), "--format", "prodigy", "-o", str(tmp_path / "p"), "--only", "accepted",
                        "--split", "50/50", "--seed", "2"], capsys)
    assert rc == 0, err
    assert out.startswith("Exported 4 sentences from 2 articles (train ") and "README.md" in out


def test_commands_have_help(capsys):
    for cmd in ("export", "import", "train"):
        rc, out, _ = run([cmd, "--help"], capsys)
        assert rc == 0 and "Example: zhgloss " + cmd in out.replace("\n  ", " ")


def test_jsonl_keeps_offsets_of_latin_words_and_numbers(tmp_path):
    ann = make_annotations(tmp_path)
    export(tmp_path / "out", "jsonl", inputs=[ann])
    recs = [json.loads(x) for x in (tmp_path / "out" / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    body = next(r for r in recs if "Joe Biden" in r["text"])
    assert {e["text"] for e in body["entities"]} >= {"Joe Biden", "2023 年 8 月", "15%"}
    for r in recs:
        for e in r["entities"]:
            assert r["text"][e["start"]:e["end"]] == e["text"]


def test_unusual_whitespace_survives_the_token_formats(tmp_path):
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    text = " 美國  總統\u3000川普 說"
    toks = [Token("美國", 1, 3), Token("總統", 5, 7), Token("川普", 8, 10), Token("說", 11, 12)]
    ents = [Entity("美國", 1, 3, "GPE"), Entity("川普 ", 8, 11, "PERSON")]  # trailing space trimmed on export
    doc = Document("ws", text, units=[Unit(0, "body", 0, len(text), text, tokens=toks, entities=ents)])
    doc.assign_ids()
    write_document(doc, tmp_path / "ann")
    export(tmp_path / "sp", "spacy", inputs=[tmp_path / "ann"], split="100/0")
    (sdoc,) = list(DocBin().from_disk(tmp_path / "sp" / "train.spacy").get_docs(Vocab()))
    assert sdoc.text == text and [(e.text, e.label_) for e in sdoc.ents] == [("美國", "GPE"), ("川普", "PERSON")]
    export(tmp_path / "pr", "prodigy", inputs=[tmp_path / "ann"])
    (task,) = [json.loads(x) for x in (tmp_path / "pr" / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    assert "".join(t["text"] + (" " if t["ws"] else "") for t in task["tokens"]) == text
    assert [t["text"] for t in task["tokens"] if t.get("disabled")] == [" ", " ", "\u3000"]  # leading, second, ideographic
    assert [(s["text"], s["start"], s["end"]) for s in task["spans"]] == [("美國", 1, 3), ("川普", 8, 10)]
    export(tmp_path / "co", "conll", inputs=[tmp_path / "ann"])
    lines = (tmp_path / "co" / "all.token.conll").read_text(encoding="utf-8").splitlines()
    assert lines[1] == "# text = " + text and lines[2:] == ["美國\tB-GPE", "總統\tO", "川普\tB-PERSON", "說\tO", ""]


def test_training_formats_without_a_trainable_sentence(tmp_path, capsys):
    db = make_store(tmp_path)
    rid = records_of("art_d")[0]["id"]
    with Store(db) as store:
        store.save_review(rid, "eve", "reject", base_version=store.state(rid)["version"])
    argv = ["export", "--db", str(db), "--only", "reviewed", "--reviewer", "eve", "-o", str(tmp_path / "o")]
    rc, _, err = run([*argv, "--format", "conll"], capsys)
    assert rc == 1 and err.startswith(f"Error: {db}: nothing to export: every selected sentence was rejected (--only reviewed) — ")
    rc, out, err = run([*argv, "--format", "prodigy"], capsys)
    assert rc == 0 and out.startswith("Exported 1 sentences")


def test_kind_filter(tmp_path, capsys):
    ann = make_annotations(tmp_path)
    rc, out, err = run(["export", str(ann), "--format", "jsonl", "-o", str(tmp_path / "o"), "--kind", "title"], capsys)
    assert rc == 0, err
    recs = [json.loads(x) for x in (tmp_path / "o" / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["kind"] for r in recs} == {"title"} and {r["doc_id"] for r in recs} == {"art_a", "art_b"}
    card = (tmp_path / "o" / "README.md").read_text(encoding="utf-8")
    assert "| art_c |" not in card and "Only units of kind `title`" in card
    rc, _, err = run(["export", str(ann), "--format", "jsonl", "-o", str(tmp_path / "p"), "--kind", "caption"], capsys)
    assert rc == 1 and "(--only all --kind caption) is empty" in err
    rc, _, err = run(["export", str(ann), "--format", "jsonl", "-o", str(tmp_path / "p"), "--kind", "paragraph"], capsys)
    assert rc == 1 and err.startswith("Error: --kind: unknown unit kind 'paragraph' — use one of: publication, title")
