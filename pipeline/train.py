"""Train a spaCy NER (and optionally a stance text classifier) from a ``zhgloss export --format spacy``
folder, on the CPU, with nothing downloaded.

    train(Path("dataset"), Path("models/ner"), stance=True, iterations=20)

The config is the export's ``config.cfg`` (or the shipped ``pipeline/data/spacy_config.cfg``): zhgloss's
tokenizer, tok2vec + ner, and with ``stance`` a textcat with the labels BEARING / NOT_BEARING.  The best
model (by the dev score) is moved into ``output`` when training finishes, so ``output`` is a spaCy
pipeline directory for ``zhgloss annotate --ner-model output`` and ``spacy.load(output)``; its
``doc.cats["BEARING"]`` is the stance-bearing score.  An interrupted run leaves ``output`` as it was.
"""

from __future__ import annotations

import io
import math
import shutil
import tempfile
from pathlib import Path
from typing import Any, TextIO

from .errors import DataError, MissingDependency, OutputError, ZhglossError
from .records import replace_folder

DEFAULT_ITERATIONS = 20


class TrainError(ZhglossError):
    """Training cannot start as asked."""


def _docbin_size(path: Path) -> tuple[int, int]:
    """(docs, words) in a DocBin file."""
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    try:
        docs = list(DocBin().from_disk(path).get_docs(Vocab()))
    except (OSError, ValueError) as exc:
        raise DataError(f"not a spaCy DocBin file ({exc})", "export it again with zhgloss export --format spacy", str(path)) from exc
    return len(docs), sum(len(d) for d in docs)


def training_config(data: Path, stance: bool = False, iterations: int = DEFAULT_ITERATIONS, seed: int = 0,
                    config: Path | None = None) -> tuple[Any, dict[str, Any]]:
    """The spaCy config to train with, and facts about the data (doc counts, warnings)."""
    from spacy.util import load_config, load_config_from_str

    data = Path(data)
    train_path, dev_path = data / "train.spacy", data / "dev.spacy"
    if not data.is_dir():
        raise TrainError("no such folder", "pass the folder written by zhgloss export --format spacy", str(data))
    if not train_path.is_file():
        raise TrainError("no train.spacy in the data folder",
                         "export a split dataset: zhgloss export --db annotations/review.sqlite --format spacy -o DIR --split 80/10/10",
                         str(data))
    n_train, w_train = _docbin_size(train_path)
    if n_train == 0:
        raise TrainError("train.spacy holds no sentences", "export more reviewed sentences, or use --only all", str(train_path))
    notes = []
    n_dev = _docbin_size(dev_path)[0] if dev_path.is_file() else 0
    if n_dev == 0:
        dev_path = train_path
        notes.append("no dev sentences: the model is evaluated on its training data, so its scores are optimistic")
    if iterations < 1:
        raise TrainError(f"--iterations must be at least 1 (got {iterations})", "pass --iterations 20, for example")
    cfg_file = Path(config) if config else data / "config.cfg"
    if cfg_file.is_file():
        cfg = load_config(cfg_file)
    else:
        from .export.spacy_fmt import config_template

        cfg = load_config_from_str(config_template())
    # what to train
    pipeline = ["tok2vec", "ner"] + (["textcat"] if stance else [])
    for name in pipeline:
        if name not in cfg["components"]:
            raise TrainError(f"the config has no [components.{name}] block", "use the config.cfg written by zhgloss export", str(cfg_file))
    cfg["nlp"]["pipeline"] = pipeline
    for name in list(cfg["components"]):
        if name not in pipeline:
            del cfg["components"][name]
    weights = cfg["training"].get("score_weights", {})
    keep = ("ents_",) + (("cats_",) if stance else ())
    cfg["training"]["score_weights"] = {k: v for k, v in weights.items() if k.startswith(keep)}
    # how long: iterations are epochs; evaluate about once per epoch
    cfg["paths"]["train"] = str(train_path)
    cfg["paths"]["dev"] = str(dev_path)
    cfg["system"]["seed"] = seed
    cfg["training"]["max_epochs"] = iterations
    cfg["training"]["max_steps"] = 0
    batch_words = 500
    cfg["training"]["eval_frequency"] = max(1, min(200, math.ceil(w_train / batch_words)))
    cfg["training"]["patience"] = 0
    cfg["training"]["logger"] = {"@loggers": "spacy.ConsoleLogger.v1", "progress_bar": False}
    return cfg, {"train_docs": n_train, "dev_docs": n_dev, "notes": notes}


class _Tee(io.TextIOBase):
    """Writes to several streams; spaCy's closing lines naming the temporary folder are dropped."""

    def __init__(self, *streams: TextIO, hide: str = ""):
        self.streams = streams
        self.hide = hide

    def write(self, s: str) -> int:
        if "Saved pipeline to output directory" in s or (self.hide and self.hide in s):
            return len(s)
        for st in self.streams:
            st.write(s)
        return len(s)

    def flush(self) -> None:
        for st in self.streams:
            st.flush()


def train(data: Path, output: Path, stance: bool = False, iterations: int = DEFAULT_ITERATIONS, seed: int = 0,
          config: Path | None = None, log: TextIO | None = None) -> dict[str, Any]:
    """Train and write the best pipeline to ``output``; returns its scores and facts about the run.

    ``log`` also receives spaCy's training table, which is kept as ``output/training.log``."""
    try:
        import spacy  # noqa: F401
    except ImportError as exc:  # pragma: no cover - a dependency
        raise MissingDependency("spacy", "zhgloss train") from exc
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_loop
    from spacy.util import fix_random_seed

    cfg, facts = training_config(data, stance, iterations, seed, config)
    output = Path(output)
    if output.exists() and not (output.is_dir() and (not any(output.iterdir()) or (output / "config.cfg").is_file())):
        raise OutputError("the output exists and is not a spaCy pipeline folder",
                          "choose a new folder with -o (an earlier model there is replaced)", str(output))
    output.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=output.parent, prefix=f".{output.name}.", suffix=".training"))
    record = io.StringIO()
    stream = _Tee(record, *([log] if log is not None else []), hide=work.name)
    try:
        fix_random_seed(seed)
        nlp = init_nlp(cfg, use_gpu=-1)
        train_loop(nlp, work, use_gpu=-1, stdout=stream, stderr=stream)
        best = work / "model-best"
        if not best.is_dir():
            best = work / "model-last"
        (best / "training.log").write_text(record.getvalue(), encoding="utf-8")
        replace_folder(best, output)
    except ZhglossError:
        raise
    except (ValueError, KeyError, OSError) as exc:
        raise TrainError(f"spaCy training failed ({exc})", "check the data folder and config; run with --debug for details", str(data)) from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    import json

    meta = json.loads((output / "meta.json").read_text(encoding="utf-8"))
    perf = meta.get("performance") or {}
    return {"model": str(output), "pipeline": meta.get("pipeline"), "labels": meta.get("labels", {}),
            "scores": {k: v for k, v in perf.items() if isinstance(v, (int, float))}, **facts}
