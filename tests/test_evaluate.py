"""Evaluation: metrics on small hand-made gold/prediction pairs, the command, and the gold files."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.evaluate import (
    FORMATTERS,
    LABELS,
    LAYERS,
    align_document,
    entity_errors,
    entity_metrics,
    evaluate,
    evaluate_aligned,
    format_errors,
    format_text,
    group_of,
    register_layer,
)

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "annotations" / "gold"
GOLD_FILES = sorted(GOLD.glob("*.jsonl"))


# -- small hand-made records ---------------------------------------------------------------------
def ent(text, start, label, kb_id=None, en=None, members=None):
    e = {"text": text, "start": start, "end": start + len(text), "label": label, "kb_id": kb_id, "en": en, "source": "gold"}
    if members is not None:
        e["members"] = [{"kb_id": m, "en": m} for m in members]
    return e


def unit(uid, n, start, text, entities):
    return {"id": uid, "doc_id": "d", "n": n, "kind": "body", "section": None, "text": text,
            "start": start, "end": start + len(text), "tokens": [], "entities": entities,
            "stance": {"bearing": False, "types": [], "holder": None, "targets": [], "cues": [], "score": 0.0},
            "gloss_en": "", "translation_en": None}


T0 = "美國總統川普訪問日本。"   # 0..11
T1 = "美日韓三方會談在東京舉行。"  # 12..25

GOLD_UNITS = [
    unit("d:a", 0, 0, T0, [ent("美國", 0, "GPE", "us", "United States"), ent("川普", 4, "PERSON", "us-donald-trump", "Donald Trump"),
                           ent("日本", 8, "GPE", "jp", "Japan")]),
    unit("d:b", 1, 12, T1, [ent("美日韓", 0, "GPE", None, "US–Japan–South Korea", ["us", "jp", "kr"]),
                            ent("東京", 8, "GPE", "city-tokyo", "Tokyo")]),
]


def metrics(gold, pred, kb=None):
    return entity_metrics([align_document("d", gold, pred)], kb=kb)


def test_perfect_prediction():
    m = metrics(GOLD_UNITS, copy.deepcopy(GOLD_UNITS))
    assert m["all"]["exact"] == {"gold": 5, "pred": 5, "tp": 5, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert m["en"]["accuracy"] == m["kb_id"]["accuracy"] == m["members"]["accuracy"] == 1.0
    assert m["members"]["total"] == 1 and m["invalid_pred"] == 0


def test_exact_versus_overlapping_spans_and_labels():
    pred = copy.deepcopy(GOLD_UNITS)
    pred[0]["entities"] = [
        ent("美國總統", 0, "GPE", "us", "United States"),   # too long: overlap only
        ent("川普", 4, "ORG", None, "Trump"),                # right span, wrong label: neither
        ent("日本", 8, "GPE", "jp", "Japan"),                # exact
        ent("訪問", 6, "EVENT", None, "visit"),              # spurious
    ]
    m = metrics(GOLD_UNITS, pred)
    gpe, person = m["labels"]["GPE"], m["labels"]["PERSON"]
    assert (gpe["exact"]["gold"], gpe["exact"]["pred"], gpe["exact"]["tp"]) == (4, 4, 3)
    assert gpe["overlap"]["tp"] == 4 and gpe["overlap"]["recall"] == 1.0
    assert person["exact"]["tp"] == person["overlap"]["tp"] == 0 and person["exact"]["pred"] == 0
    assert m["labels"]["ORG"]["exact"] == {"gold": 0, "pred": 1, "tp": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert m["all"]["exact"]["tp"] == 3 and m["all"]["exact"]["pred"] == 6
    assert m["all"]["exact"]["precision"] == 0.5 and m["all"]["exact"]["recall"] == 0.6
    assert m["all"]["exact"]["f1"] == pytest.approx(2 * 0.5 * 0.6 / 1.1, abs=1e-4)
    assert m["all"]["overlap"]["tp"] == 4
    assert set(m["labels"]) == {"PERSON", "GPE", "ORG", "EVENT"}  # labels with no gold and no pred are left out


def test_overlap_is_one_to_one():
    gold = [unit("d:a", 0, 0, T0, [ent("美國", 0, "GPE"), ent("川普", 4, "PERSON")])]
    pred = [unit("d:a", 0, 0, T0, [ent("美國總統川普", 0, "GPE")])]
    m = metrics(gold, pred)
    assert m["all"]["overlap"]["tp"] == 1 and m["all"]["overlap"]["pred"] == 1
    pred = [unit("d:a", 0, 0, T0, [ent("美", 0, "GPE"), ent("國", 1, "GPE")])]
    m = metrics(gold, pred)
    assert m["labels"]["GPE"]["overlap"]["tp"] == 1 and m["labels"]["GPE"]["overlap"]["precision"] == 0.5


def test_en_kb_id_and_members_accuracy_on_exact_spans():
    pred = copy.deepcopy(GOLD_UNITS)
    pred[0]["entities"][0]["en"] = "U.S."                 # accepted only through a KB alias
    pred[0]["entities"][1]["kb_id"] = None                # link missing
    pred[0]["entities"][2]["label"] = "LOC"               # label wrong, span right: still scored for en/kb
    pred[1]["entities"][0]["members"] = [{"kb_id": "jp", "en": "Japan"}, {"kb_id": "us", "en": "US"}, {"kb_id": "kr", "en": "ROK"}]
    pred[1]["entities"][1]["en"] = "tokyo!"              # case and punctuation ignored
    m = metrics(GOLD_UNITS, pred)
    assert m["matched_spans"] == 5
    assert m["en"] == {"correct": 4, "total": 5, "accuracy": 0.8}
    assert m["kb_id"] == {"correct": 4, "total": 5, "accuracy": 0.8}
    assert m["kb_id_linked"] == {"correct": 3, "total": 4, "accuracy": 0.75}
    assert m["members"] == {"correct": 0, "total": 1, "accuracy": 0.0}

    class KB:
        def get(self, kb_id):
            return type("E", (), {"en": "United States", "en_aliases": ("US", "U.S.", "USA")})() if kb_id == "us" else None

    assert metrics(GOLD_UNITS, pred, kb=KB())["en"]["correct"] == 5


def test_error_listing():
    pred = copy.deepcopy(GOLD_UNITS)
    pred[0]["entities"] = [
        ent("美國總統", 0, "GPE", "us", "United States"),   # boundary
        ent("川普", 4, "ORG", "us-donald-trump", "Donald Trump"),  # label
        ent("訪問", 6, "EVENT", None, "visit"),              # spurious; 日本 missed
    ]
    pred[1]["entities"][0]["members"] = [{"kb_id": "jp"}, {"kb_id": "us"}, {"kb_id": "kr"}]
    pred[1]["entities"][1].update(kb_id=None, en="Edo")
    errors = entity_errors([align_document("d", GOLD_UNITS, pred)])
    got = [(e["n"], e["type"], (e["gold"] or e["pred"])["text"]) for e in errors]
    assert got == [(0, "boundary", "美國"), (0, "label", "川普"), (0, "spurious", "訪問"), (0, "missed", "日本"),
                   (1, "members", "美日韓"), (1, "kb_id", "東京"), (1, "en", "東京")]
    assert errors[4]["pred"]["members"] == ["jp", "us", "kr"]
    assert format_errors(errors).splitlines()[0] == "d #0 boundary GPE 美國 [us | United States] → GPE 美國總統 [us | United States]"
    assert entity_errors([align_document("d", GOLD_UNITS, copy.deepcopy(GOLD_UNITS))]) == []


def test_alignment_by_id_then_document_offsets():
    # the prediction split unit 1 differently: new ids, texts differ, offsets still comparable
    pred = [copy.deepcopy(GOLD_UNITS[0]),
            unit("d:x", 1, 12, T1[:7], [ent("美日韓", 0, "GPE", None, "US–Japan–South Korea", ["us", "jp", "kr"])]),
            unit("d:y", 2, 19, T1[7:], [ent("東京", 1, "GPE", "city-tokyo", "Tokyo")])]
    doc = align_document("d", GOLD_UNITS, pred)
    assert [p.how for p in doc.pairs] == ["id", "offset"]
    assert doc.pairs[1].pred["id"] == "d:x"  # the predicted unit sharing most characters
    assert doc.counts() == {"units": 2, "by_id": 1, "by_text": 0, "by_offset": 1, "unaligned_gold": 0, "unaligned_pred": 0}
    m = entity_metrics([doc])
    assert m["all"]["exact"]["tp"] == 5 and m["members"]["correct"] == 1


def test_alignment_by_text_when_ids_differ():
    pred = copy.deepcopy(GOLD_UNITS)
    for k, r in enumerate(pred):  # the article was renamed: other ids, other offsets, same texts
        r["id"], r["start"], r["end"] = f"e:{k}", r["start"] + 5, r["end"] + 5
    doc = align_document("d", GOLD_UNITS, pred)
    assert [p.how for p in doc.pairs] == ["text", "text"]
    assert entity_metrics([doc])["all"]["exact"]["f1"] == 1.0


def test_unaligned_units_are_counted_and_their_entities_missed():
    pred = [copy.deepcopy(GOLD_UNITS[0]), unit("d:z", 1, 40, "別的句子。", [ent("台灣", 0, "GPE")])]
    doc = align_document("d", GOLD_UNITS, pred)
    assert doc.counts()["unaligned_gold"] == 1 and doc.counts()["unaligned_pred"] == 1
    m = entity_metrics([doc])
    assert m["all"]["exact"]["gold"] == 5 and m["all"]["exact"]["tp"] == 3
    assert m["all"]["exact"]["pred"] == 3  # entities of unaligned predicted units are not scored


def test_id_with_other_text_falls_back_to_offsets():
    pred = copy.deepcopy(GOLD_UNITS)
    pred[0]["text"] = T0.replace("訪問", "訪")  # same id, edited text: not the same unit
    pred[0]["end"] -= 1
    doc = align_document("d", GOLD_UNITS, pred)
    assert [p.how for p in doc.pairs] == ["offset", "id"]


def test_invalid_predicted_offsets_are_reported():
    pred = copy.deepcopy(GOLD_UNITS)
    pred[0]["entities"][2]["end"] = 30
    assert metrics(GOLD_UNITS, pred)["invalid_pred"] == 1


def test_groups_layers_and_text_report():
    docs = [align_document("000_seed", GOLD_UNITS, copy.deepcopy(GOLD_UNITS)),
            align_document("ntrex_a", GOLD_UNITS, [])]
    assert group_of("000_cc32bebfc7b73164") == "seed" and group_of("ntrex_bbc.381736") == "ntrex"
    res = evaluate_aligned(docs)
    assert list(res["groups"]) == ["seed", "ntrex"]
    assert res["groups"]["seed"]["entities"]["all"]["exact"]["f1"] == 1.0
    assert res["groups"]["ntrex"]["entities"]["all"]["exact"]["recall"] == 0.0
    assert res["overall"]["entities"]["all"]["exact"]["recall"] == 0.5
    assert res["alignment"]["unaligned_gold"] == 2
    assert list(evaluate_aligned(docs, by="doc")["groups"]) == ["000_seed", "ntrex_a"]
    text = format_text(res)
    assert "== seed (1 document) ==" in text and "== overall ==" in text and "cluster members" in text
    assert [d["entities"]["exact"]["f1"] for d in res["documents"]] == [1.0, 0.0]
    assert "per document (entities)" in text and "000_seed" in text

    def stance(docs, kb=None):  # a later layer sees the same unit pairs
        return {"units": sum(len(d.pairs) for d in docs)}

    register_layer("stance_test", stance)
    try:
        res = evaluate_aligned(docs, layers=("entities", "stance_test"))
        assert res["overall"]["stance_test"] == {"units": 4}
        assert "stance_test: {'units': 4}" in format_text(res)
        register_layer("stance_test", stance, formatter=lambda m: [f"stance units {m['units']}"])
        assert "stance units 4" in format_text(evaluate_aligned(docs, layers=("stance_test",)))
    finally:
        LAYERS.pop("stance_test")
        FORMATTERS.pop("stance_test", None)


# -- the command ---------------------------------------------------------------------------------
def write(folder: Path, doc_id: str, records) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{doc_id}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def run(capsys, *args: str):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_command_text_and_json(tmp_path, capsys):
    gold, pred = tmp_path / "gold", tmp_path / "pred"
    write(gold, "000_x", GOLD_UNITS)
    write(gold, "ntrex_y", GOLD_UNITS)
    write(pred, "000_x", GOLD_UNITS)
    write(pred, "ntrex_y", [unit("d:a", 0, 0, T0, [])])
    code, out, err = run(capsys, "evaluate", "--gold", str(gold), "--pred", str(pred))
    assert code == 0, err
    assert "== seed (1 document) ==" in out and "== ntrex (1 document) ==" in out
    assert "1 not aligned" in out
    code, out, err = run(capsys, "evaluate", "--gold", str(gold), "--pred", str(pred), "--format", "json", "--docs", "ntrex_y")
    assert code == 0, err
    res = json.loads(out)
    assert [d["doc_id"] for d in res["documents"]] == ["ntrex_y"]
    assert res["overall"]["entities"]["all"]["exact"]["recall"] == 0.0
    code, out, _ = run(capsys, "evaluate", "--gold", str(gold), "--pred", str(pred), "--format", "json", "--by", "doc",
                       "--docs", "000_x", "ntrex_y")
    assert code == 0 and list(json.loads(out)["groups"]) == ["000_x", "ntrex_y"] and "errors" not in json.loads(out)
    code, out, _ = run(capsys, "evaluate", "--gold", str(gold), "--pred", str(pred), "--errors", "--docs", "ntrex_y")
    assert code == 0 and "== entity disagreements (5) ==" in out and "ntrex_y #0 missed   PERSON 川普" in out


def test_command_errors(tmp_path, capsys):
    gold, pred = tmp_path / "gold", tmp_path / "pred"
    write(gold, "000_x", GOLD_UNITS)
    pred.mkdir()
    code, out, err = run(capsys, "evaluate", "--gold", str(gold), "--pred", str(pred))
    assert code == 1 and out == ""
    assert err == (f"Error: {pred / '000_x.jsonl'}: no predictions for gold document 000_x — "
                   f"run zhgloss annotate the article -o {pred} first\n")
    code, _, err = run(capsys, "evaluate", "--gold", str(gold), "--pred", str(pred), "--docs", "nope")
    assert code == 1 and err == f"Error: {gold}: no gold file for document nope — choose among: 000_x\n"
    code, _, err = run(capsys, "evaluate", "--gold", str(tmp_path / "none"), "--pred", str(pred))
    assert code == 1 and err.startswith(f"Error: {tmp_path / 'none'}: gold folder not found")
    code, _, err = run(capsys, "evaluate", "--gold", str(gold), "--pred", str(pred), "--format", "xml")
    assert code == 1 and err == "Error: evaluate: unknown format 'xml' — use --format text or --format json\n"
    code, _, err = run(capsys, "evaluate", "--gold", str(gold), "--pred", str(pred), "--layer", "nope")
    assert code == 1 and err == "Error: unknown metric layer nope — choose among: entities, stance\n"


def test_missing_prediction_names_the_article(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, _, err = run(capsys, "evaluate", "--gold", str(GOLD), "--pred", str(tmp_path), "--docs", "ntrex_bbc.381736")
    assert code == 1
    assert err == (f"Error: {tmp_path / 'ntrex_bbc.381736.jsonl'}: no predictions for gold document ntrex_bbc.381736 — "
                   f"run zhgloss annotate corpus/ntrex_bbc.381736.txt -o {tmp_path} first\n")


def test_library_evaluate_on_gold_against_itself():
    res = evaluate(GOLD, GOLD)
    assert set(res["groups"]) == {"seed", "ntrex"}
    assert res["overall"]["entities"]["all"]["exact"]["f1"] == 1.0
    assert res["alignment"]["by_id"] == res["alignment"]["units"]


# -- the gold files ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def kb():
    from pipeline.kb import KnowledgeBase

    return KnowledgeBase.load()


def test_gold_set_is_complete():
    names = {p.stem for p in GOLD_FILES}
    assert "000_cc32bebfc7b73164" in names and "ntrex_bbc.381736" in names
    assert len([n for n in names if n.startswith("ntrex_")]) >= 6
    assert {p.stem for p in (GOLD / "src").glob("*.yaml")} == names


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_is_valid(path, kb):
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert records and [r["n"] for r in records] == list(range(len(records)))
    meta_text = _article_text(path.stem)
    ids = set()
    for r in records:
        assert r["doc_id"] == path.stem and r["id"].startswith(f"{path.stem}:") and r["id"] not in ids
        ids.add(r["id"])
        assert meta_text[r["start"]:r["end"]] == r["text"], f"unit {r['n']}: offsets do not give the text"
        if r["stance"].get("source") != "gold":  # hand-made stance: tools/build_stance_gold.py, tests/test_stance.py
            assert r["stance"] == {"bearing": False, "types": [], "holder": None, "targets": [], "cues": [], "score": 0.0}
        last_end = -1
        for e in r["entities"]:
            where = f"unit {r['n']} entity {e['text']!r}"
            assert r["text"][e["start"]:e["end"]] == e["text"], where
            assert e["start"] >= last_end, f"{where}: overlaps the previous entity or is out of order"
            last_end = e["end"]
            assert e["label"] in LABELS, where
            assert e["en"], f"{where}: no English"
            if e["kb_id"] is not None:
                entry = kb.get(e["kb_id"])
                assert entry is not None, f"{where}: kb_id {e['kb_id']} not in the KB"
                assert entry.type == e["label"], f"{where}: label {e['label']} but KB type {entry.type}"
            for m in e.get("members", []):
                assert kb.get(m["kb_id"]) is not None and m["en"], f"{where}: member {m}"
            if "members" in e:
                assert e["label"] == "GPE" and e["kb_id"] is None and len(e["members"]) >= 2, where


def _article_text(doc_id: str) -> str:
    """The cleaned text the gold offsets refer to, from the pipeline's structure stages."""
    from pipeline.annotate import annotate_raw
    from pipeline.readers import read_article
    from pipeline.resources import Resources

    path = next(p for p in (ROOT / "corpus").glob(f"{doc_id}.*") if p.suffix == ".txt")
    return annotate_raw(read_article(path), doc_id, Resources(), stages=[]).text


def test_seed_clusters_have_members_in_order():
    records = [json.loads(x) for x in (GOLD / "000_cc32bebfc7b73164.jsonl").read_text(encoding="utf-8").splitlines()]
    clusters = {e["text"]: [m["kb_id"] for m in e["members"]] for r in records for e in r["entities"] if "members" in e}
    assert clusters == {
        "美日印澳": ["us", "jp", "in", "au"], "澳英美": ["au", "gb", "us"], "日韓澳紐": ["jp", "kr", "au", "nz"],
        "美日韓": ["us", "jp", "kr"], "美日菲": ["us", "jp", "ph"], "美日": ["us", "jp"], "日中": ["jp", "cn"],
        "中日": ["cn", "jp"], "日韓": ["jp", "kr"], "美中": ["us", "cn"], "韓美": ["kr", "us"], "中日韓": ["cn", "jp", "kr"],
    }


def test_gold_sources_rebuild_to_the_committed_files():
    """The JSONL files are what tools/build_gold.py makes of the YAML sources (no stale edits)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_gold", ROOT / "tools" / "build_gold.py")
    build_gold = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_gold)
    kb = build_gold.load_kb()

    def comparable(records):  # English names taken from the KB may be renamed there; the rest may not
        out = copy.deepcopy(records)
        for r in out:
            r.pop("stance")  # merged from annotations/gold/stance/ by tools/build_stance_gold.py
            for e in r["entities"]:
                if e["kb_id"] is not None:
                    e.pop("en")
                for m in e.get("members", []):
                    m.pop("en")
                if "members" in e:
                    e.pop("en")
        return out

    for path in GOLD_FILES:
        records, _ = build_gold.build_document(GOLD / "src" / f"{path.stem}.yaml", kb)
        committed = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
        assert comparable(records) == comparable(committed), f"{path.name} is stale: run tools/build_gold.py"


# -- the NTREX corpus files ----------------------------------------------------------------------
NTREX = ROOT.parent / "shared" / "corpus" / "ntrex-128"


def test_ntrex_articles_have_line_aligned_english():
    for zh in sorted((ROOT / "corpus").glob("ntrex_*.txt")):
        en = ROOT / "corpus" / "en" / f"{zh.stem}.en.txt"
        zh_lines = zh.read_text(encoding="utf-8").split("\n")
        assert "\r" not in zh.read_text(encoding="utf-8")
        assert en.is_file() and len(en.read_text(encoding="utf-8").split("\n")) == len(zh_lines), zh.name


@pytest.mark.skipif(not NTREX.is_dir(), reason="the NTREX-128 folder is not available")
def test_ntrex_extraction_is_reproducible(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("extract_ntrex", ROOT / "tools" / "extract_ntrex.py")
    extract = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(extract)
    assert extract.main([str(NTREX), "--out", str(tmp_path)]) == 0
    made = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.txt"))
    assert made == sorted(p.relative_to(ROOT / "corpus").as_posix() for p in (ROOT / "corpus").rglob("ntrex_*.txt"))
    for rel in made:
        assert (tmp_path / rel).read_bytes() == (ROOT / "corpus" / rel).read_bytes(), rel
