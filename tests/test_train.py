"""zhgloss train: a tiny spaCy NER + stance classifier from an exported dataset, loadable by spaCy and
by ``annotate --ner-model``."""

from __future__ import annotations

import pytest
import spacy

from pipeline.cli import main
from pipeline.entities import load_ner_model
from pipeline.export import export
from pipeline.train import TrainError, train, training_config
from tests.test_export_common import make_annotations


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("train")
    ann = make_annotations(tmp)
    export(tmp / "data", "spacy", inputs=[ann], split="50/50")
    return tmp / "data"


def test_train_ner_and_stance(dataset, tmp_path):
    out = tmp_path / "models" / "ner"
    result = train(dataset, out, stance=True, iterations=3)
    assert result["pipeline"] == ["tok2vec", "ner", "textcat"]
    assert "PERSON" in result["labels"]["ner"] and result["labels"]["textcat"] == ["BEARING", "NOT_BEARING"]
    assert "ents_f" in result["scores"] and "cats_score" in result["scores"]
    assert sorted(p.name for p in out.parent.iterdir()) == ["ner"]  # no training leftovers
    assert "ENTS_F" in (out / "training.log").read_text(encoding="utf-8")
    nlp = spacy.load(out)
    doc = nlp("北韓外交部長李容浩批評華盛頓。")
    assert 0.0 <= doc.cats["BEARING"] <= 1.0
    assert all(e.label_ in result["labels"]["ner"] for e in doc.ents)
    assert doc.text == "北韓外交部長李容浩批評華盛頓。"
    assert load_ner_model(out).pipe_names == ["tok2vec", "ner", "textcat"]
    # the stance stage's --stance-model reads the BEARING probability of a unit
    from pipeline.stance import StanceModel
    from tests.test_export_common import make_document

    unit = make_document("art_a").units[2]
    assert 0.0 <= StanceModel.load(out).probability(unit) <= 1.0


def test_train_ner_only_replaces_an_earlier_model(dataset, tmp_path):
    out = tmp_path / "ner"
    train(dataset, out, stance=False, iterations=1)
    result = train(dataset, out, stance=False, iterations=1)
    assert result["pipeline"] == ["tok2vec", "ner"]
    assert spacy.load(out).pipe_names == ["tok2vec", "ner"]


def test_training_config_scales_to_the_data(dataset):
    cfg, facts = training_config(dataset, stance=False, iterations=7)
    assert cfg["training"]["max_epochs"] == 7 and cfg["training"]["max_steps"] == 0
    assert "cats_score" not in cfg["training"]["score_weights"] and "textcat" not in cfg["components"]
    assert facts["train_docs"] > 0 and facts["dev_docs"] > 0


def test_missing_or_empty_data(tmp_path, capsys):
    with pytest.raises(TrainError):
        train(tmp_path / "nothing", tmp_path / "m")
    rc = main(["train", "--data", str(tmp_path), "-o", str(tmp_path / "m")])
    err = capsys.readouterr().err
    assert rc == 1 and err.startswith(f"Error: {tmp_path}: no train.spacy in the data folder — export a split dataset")


def test_cli_train(dataset, tmp_path, capsys):
    rc = main(["train", "--data", str(dataset), "-o", str(tmp_path / "m"), "--stance", "--iterations", "1", "--quiet"])
    out, err = capsys.readouterr()
    assert rc == 0, err
    assert "Trained on" in out and "--ner-model" in out
    assert spacy.load(tmp_path / "m").has_pipe("textcat")


def test_interrupted_training_keeps_the_earlier_model(dataset, tmp_path, monkeypatch):
    import spacy.training.loop

    out = tmp_path / "ner"
    train(dataset, out, iterations=1)
    before = sorted(p.relative_to(out) for p in out.rglob("*"))

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(spacy.training.loop, "train", interrupted)
    with pytest.raises(KeyboardInterrupt):
        train(dataset, out, iterations=1)
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir()] == ["ner"]


def test_output_must_be_a_model_folder(dataset, tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.txt").write_text("x", encoding="utf-8")
    with pytest.raises(Exception, match="not a spaCy pipeline folder"):
        train(dataset, tmp_path / "notes", iterations=1)
