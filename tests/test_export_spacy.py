"""Export: spaCy DocBin files keep text, entities (offsets, labels, kb_id) and the stance category, and
``python -m spacy train`` accepts the exported folder as it is."""

from __future__ import annotations

import subprocess
import sys

from spacy.tokens import DocBin
from spacy.util import load_config
from spacy.vocab import Vocab

from pipeline.export import export
from tests.test_export_common import ARTICLES, make_annotations, make_store, records_of


def docs(path) -> list:
    return list(DocBin().from_disk(path).get_docs(Vocab()))


def test_docbin_round_trip(tmp_path):
    ann = make_annotations(tmp_path)
    out = tmp_path / "out"
    summary = export(out, "spacy", inputs=[ann])  # split 80/10/10 by default
    assert summary["files"] == ["train.spacy", "dev.spacy", "test.spacy", "config.cfg", "README.md"]
    got = {}
    for split in ("train", "dev", "test"):
        for doc in docs(out / f"{split}.spacy"):
            got[doc.user_data["zhgloss_unit_id"]] = doc
    want = {r["id"]: r for d in ARTICLES for r in records_of(d)}
    assert set(got) == set(want)
    for rid, doc in got.items():
        rec = want[rid]
        assert doc.text == rec["text"]
        assert [(e.start_char, e.end_char, e.label_, e.kb_id_ or None) for e in doc.ents] == [
            (e["start"], e["end"], e["label"], e["kb_id"]) for e in rec["entities"]]
        assert doc.cats == ({"BEARING": 1.0, "NOT_BEARING": 0.0} if rec["stance"]["bearing"] else {"BEARING": 0.0, "NOT_BEARING": 1.0})
    biden = next(d for d in got.values() if "Joe Biden" in d.text)
    assert [e.text for e in biden.ents] == ["美國", "拜登", "Joe Biden", "2023 年 8 月", "台灣", "15%"]
    assert [t.text for t in biden][3:8] == ["(", "Joe", "Biden", ")", "在"]


def test_config_is_ready_for_spacy(tmp_path):
    ann = make_annotations(tmp_path)
    export(tmp_path / "out", "spacy", inputs=[ann])
    cfg = load_config(tmp_path / "out" / "config.cfg")
    assert cfg["nlp"]["tokenizer"] == {"@tokenizers": "zhgloss.Tokenizer.v1"}
    assert cfg["nlp"]["pipeline"] == ["tok2vec", "ner", "textcat"]
    assert cfg["paths"]["train"] == "train.spacy" and cfg["paths"]["dev"] == "dev.spacy"
    assert cfg["initialize"]["vectors"] is None or cfg["paths"]["vectors"] is None


def test_rejected_sentences_are_left_out(tmp_path):
    db = make_store(tmp_path)
    export(tmp_path / "out", "spacy", db=db, only="reviewed", split="50/50")
    ids = {d.user_data["zhgloss_unit_id"] for s in ("train", "dev") for d in docs(tmp_path / "out" / f"{s}.spacy")}
    assert records_of("art_b")[2]["id"] not in ids and len(ids) == 4


def test_python_m_spacy_train_accepts_the_export(tmp_path):
    ann = make_annotations(tmp_path)
    out = tmp_path / "out"
    export(out, "spacy", inputs=[ann], split="50/50")
    proc = subprocess.run(
        [sys.executable, "-m", "spacy", "train", "config.cfg", "--paths.train", "train.spacy", "--paths.dev", "dev.spacy",
         "--output", str(tmp_path / "model"), "--training.max_steps", "4", "--training.eval_frequency", "2"],
        cwd=out, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "model" / "model-last" / "config.cfg").is_file()
    import spacy

    nlp = spacy.load(tmp_path / "model" / "model-last")
    doc = nlp("美國總統拜登表示反對。")
    assert set(doc.cats) == {"BEARING", "NOT_BEARING"}
