"""Command line: ``zhgloss`` (also ``python -m pipeline``).

Commands are thin wrappers over library functions.  Every user-fixable problem ends as one line on
stderr, ``Error: <where>: <what> — <how to fix>``, and exit status 1; ``--debug`` shows tracebacks.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__, rx
from .errors import ZhglossError

app = typer.Typer(
    name="zhgloss",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Annotate Traditional Chinese political commentary: structure, words, entities, stance, "
    "English glosses.\n\nExample: zhgloss annotate corpus/ -o annotations/",
)

_state = {"debug": False}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"zhgloss {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Optional[bool] = typer.Option(None, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
    debug: bool = typer.Option(False, "--debug", help="Show full tracebacks for errors."),
) -> None:
    _state["debug"] = debug


@app.command()
def annotate(
    inputs: List[Path] = typer.Argument(..., help="Article files (.txt .md .html .pdf) or folders of them.", show_default=False),
    output: Path = typer.Option(Path("annotations"), "-o", "--output", help="Folder for <doc_id>.jsonl files."),
    stdout: bool = typer.Option(False, "--stdout", help="Write records to standard output instead of files."),
    kb: List[Path] = typer.Option([], "--kb", help="Extra knowledge-base YAML file (repeatable)."),
    user_dict: List[Path] = typer.Option([], "--user-dict", help="Extra jieba user dictionary: 'word [freq] [tag]' per line (repeatable)."),
    max_mb: float = typer.Option(50.0, "--max-mb", help="Refuse input files larger than this many megabytes."),
    ner_model: Optional[Path] = typer.Option(None, "--ner-model", help="A trained spaCy NER pipeline directory; its entities are added where the knowledge base and rules found none."),
    stance_model: Optional[Path] = typer.Option(None, "--stance-model", help="A trained spaCy text classifier with a BEARING label (zhgloss train --stance); its probability is averaged with the stance rules' score."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Progress bar (default: on for several files on a terminal)."),
    workers: int = typer.Option(1, "--workers", "-w", help="Worker processes (0: one per CPU core)."),
    force: bool = typer.Option(False, "--force", help="Re-annotate articles whose input and pipeline are unchanged."),
    table: Optional[bool] = typer.Option(None, "--table/--no-table", help="Also write DIR/corpus.parquet with every record in DIR (default: when annotating several articles)."),
    engine: str = typer.Option("local", "--engine", help="local (this machine, --workers processes) or dask (a Dask cluster)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address, e.g. tcp://HOST:8786 (default: start a LocalCluster with --workers processes)."),
    translate: str = typer.Option("none", "--translate", help="Fill translation_en with a full English translation: none; openai:URL[#MODEL], an OpenAI-compatible endpoint (e.g. openai:http://127.0.0.1:8000/v1#qwen2.5-7b; key from $ZHGLOSS_TRANSLATE_API_KEY); argos:PATH, a local Argos Translate model package (needs argostranslate)."),
) -> None:
    """Annotate articles and write one JSONL record per sentence-like unit.

    Articles whose input bytes, pipeline and options are unchanged since their last annotation in
    DIR are skipped (--force redoes them).

    Example: zhgloss annotate corpus/000_cc32bebfc7b73164.txt -o annotations/
    """
    from .annotate import annotate_file, doc_id_for
    from .batch import annotate_many, write_corpus_table
    from .readers import expand_inputs
    from .records import ensure_writable_dir, jsonl
    from .resources import Options, Resources

    files = expand_inputs(inputs)
    if not stdout:
        ensure_writable_dir(output)
    options = Options(user_dicts=tuple(user_dict), kb_files=tuple(kb), max_bytes=int(max_mb * 1024 * 1024), ner_model=ner_model,
                      stance_model=stance_model, translate=translate)
    res = Resources(options)
    if ner_model is not None or stance_model is not None:
        res.ner, res.stance_model  # a bad model path is reported once, before any article
    if res.translator is not None:
        res.translator.check()  # a bad --translate spec or an unreachable server, reported once
    ids = _unique_ids(files, doc_id_for)
    show = progress if progress is not None else (len(files) > 1 and sys.stderr.isatty())
    failures = 0
    with _Progress(len(files), show) as bar:
        if stdout:
            for path in files:
                try:
                    sys.stdout.write(jsonl(annotate_file(path, res, doc_id=ids[path]).records()))
                    sys.stdout.flush()
                except ZhglossError as exc:
                    failures += 1
                    bar.print(exc.at(str(path)).line())
                bar.advance(path)
        else:
            if _state["debug"]:
                os.environ["ZHGLOSS_DEBUG"] = "1"

            def report(outcome) -> None:
                if outcome.status == "not-chinese":
                    bar.print(outcome.error.replace("Error: ", "Skipped: ", 1))
                elif outcome.error:
                    bar.print(outcome.error)
                bar.advance(Path(outcome.path), skipped=outcome.status == "skipped")

            named = {p for p in inputs if not p.is_dir()}
            jobs = [(p, ids[p], p in named) for p in files]
            if engine == "dask":
                from .distributed import annotate_dask

                outcomes = annotate_dask(jobs, output, options, scheduler=scheduler, workers=max(workers, 1), force=force, on_outcome=report)
            elif engine == "local":
                outcomes = annotate_many(jobs, output, options, workers=workers, force=force, on_outcome=report, resources=res)
            else:
                raise ZhglossError(f"unknown engine {engine!r}", "use --engine local or --engine dask", where="--engine")
            failures = sum(o.status == "failed" for o in outcomes)
            skipped = sum(o.status == "skipped" for o in outcomes)
            if (table if table is not None else len(files) > 1) and len(outcomes) > failures:
                write_corpus_table(output)
            if skipped and show:
                bar.print(f"{skipped} unchanged article(s) skipped; --force redoes them")
    rx.save()  # the compiled code of slow regular expressions, for the next start (only new ones)
    # every file is written, closed and synced, and no worker is left: see run()
    _state["fast_exit"] = engine == "local"
    if failures:
        raise typer.Exit(1)


from .review.command import review as _review  # noqa: E402  (light: heavy imports happen inside)

app.command("review")(_review)


@app.command()
def gloss(
    text: str = typer.Argument(..., help="Chinese text (Traditional or Simplified); '-' reads standard input.", show_default=False),
    tokens: bool = typer.Option(False, "--tokens", help="Also print each token with its POS tag and gloss."),
) -> None:
    """Print the interlinear English gloss of Chinese text, sentence by sentence.

    Example: zhgloss gloss "日本國防政策轉型與中日關係的新動向"
    """
    from .annotate import annotate_text

    if text == "-":
        text = sys.stdin.read()
    if not text.strip():
        raise ZhglossError("no text given", 'pass the text in quotes, e.g. zhgloss gloss "台灣的國防預算"', where="gloss")
    doc = annotate_text(text, doc_id="gloss")
    for unit in doc.units:
        typer.echo(unit.text)
        typer.echo(unit.gloss_en)
        if tokens:
            for t in unit.tokens:
                typer.echo(f"  {t.text}\t{t.pos}\t{t.gloss or ''}")
        typer.echo("")


def _unique_ids(files: list[Path], doc_id_for) -> dict[Path, str]:
    """Doc ids from file names; two inputs with the same name get their parent folder prefixed, and
    two with the same name but another suffix in one folder (a.txt, a.md) their suffix too — never
    one output file for two inputs."""
    ids = {p: doc_id_for(p) for p in files}
    widen = (lambda p: Path(f"{p.parent.name}__{p.name}"),
             lambda p: Path(f"{p.parent.name}__{p.stem}_{p.suffix.lstrip('.')}.x"))
    for make in widen:
        counts = Counter(ids.values())
        for p, v in ids.items():
            if counts[v] > 1:
                ids[p] = doc_id_for(make(p))
    used: set[str] = set()
    for p in files:  # anything still shared (a__b/c.txt and a/b__c.txt): a number
        v, n = ids[p], 2
        while ids[p] in used:
            ids[p] = f"{v}_{n}"
            n += 1
        used.add(ids[p])
    return ids


class _Progress:
    """A rich progress bar on stderr showing articles/s and KB/s, or nothing."""

    def __init__(self, total: int, enabled: bool):
        self.total, self.enabled = total, enabled
        self._bar = None
        self._bytes = 0
        self._skipped = 0
        self._t0 = time.perf_counter()

    def __enter__(self):
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(
                TextColumn("annotate"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(), console=Console(stderr=True), transient=False,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task("annotate", total=self.total, rate="")
        return self

    def advance(self, path: Path, skipped: bool = False) -> None:
        if self._bar is None:
            return
        self._skipped += skipped
        try:
            self._bytes += path.stat().st_size
        except OSError:
            pass
        done = self._bar.tasks[0].completed + 1
        dt = max(time.perf_counter() - self._t0, 1e-9)
        skipped = f", {self._skipped} unchanged" if self._skipped else ""
        self._bar.update(self._task, advance=1, rate=f"{done / dt:.1f} articles/s {self._bytes / 1024 / dt:.0f} KB/s{skipped}")

    def print(self, line: str) -> None:
        if self._bar is not None:
            self._bar.console.print(line, markup=False, highlight=False)
        else:
            typer.echo(line, err=True)

    def __exit__(self, *exc):
        if self._bar is not None:
            self._bar.__exit__(*exc)
        return False


@app.command()
def evaluate(
    ids: Optional[List[str]] = typer.Argument(None, help="Document ids to evaluate (same as --docs; default: every gold file).", show_default=False),
    gold: Path = typer.Option(Path("annotations/gold"), "--gold", help="Folder of gold <doc_id>.jsonl files."),
    pred: Path = typer.Option(Path("annotations"), "--pred", help="Folder of predicted <doc_id>.jsonl files (from zhgloss annotate -o)."),
    fmt: str = typer.Option("text", "--format", help="Output format: text or json."),
    docs: List[str] = typer.Option([], "--docs", help="Only these document ids (repeatable, or comma-separated; more ids may follow)."),
    by: str = typer.Option("group", "--by", help="Report per document group (group: seed vs the other gold articles) or per document (doc)."),
    layer: List[str] = typer.Option([], "--layer", help="Only these metric layers (repeatable: entities, stance; default: all)."),
    errors: bool = typer.Option(False, "--errors", help="Also list every entity disagreement (missed, spurious, label, boundary, kb_id, en, members) and every stance one (missed, spurious, holder, targets)."),
) -> None:
    """Score predicted entities against the gold annotations: P/R/F1 per label (exact and
    overlapping spans), en / kb_id / cluster-member accuracy on exactly matched spans.

    Example: zhgloss evaluate --gold annotations/gold --pred annotations/ --format text
    """
    import json

    from .evaluate import evaluate as run_evaluation
    from .evaluate import format_text
    from .kb import KnowledgeBase

    if fmt not in ("text", "json"):
        raise ZhglossError(f"unknown format '{fmt}'", "use --format text or --format json", where="evaluate")
    wanted = [d for value in [*docs, *(ids or [])] for d in value.split(",") if d]
    try:
        kb = KnowledgeBase.load()  # only to accept KB aliases as correct English names
    except ZhglossError as exc:
        typer.echo(f"Warning: knowledge base not loaded ({exc.what}); en is compared with the gold name only", err=True)
        kb = None
    result = run_evaluation(gold, pred, wanted or None, by=by, layers=layer or None, kb=kb, errors=errors)
    if fmt == "json":
        typer.echo(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        typer.echo(format_text(result), nl=False)


@app.command()
def compare(
    first: Path = typer.Argument(..., help="The Chinese text: annotations/<doc_id>.jsonl, or a Chinese article (annotated on the fly).", show_default=False),
    others: List[Path] = typer.Argument(..., help="Other commentary: English articles (.txt .md .html .pdf), Chinese articles or annotations .jsonl.", show_default=False),
    output: Path = typer.Option(Path("report"), "-o", "--output", help="Folder for index.html and the CSV tables."),
    kb: List[Path] = typer.Option([], "--kb", help="Extra knowledge-base YAML file (repeatable)."),
) -> None:
    """Compare a Chinese commentary with other commentary: shared actors, stance by actor, related
    passages and coverage, side by side in OUTPUT/index.html plus actors.csv, stance.csv,
    passages.csv and coverage.csv.

    Example: zhgloss compare annotations/000_cc32bebfc7b73164.jsonl corpus/en/camp-david-joint-statement-2023-08-18.md -o report/
    """
    from .compare import Loader, compare_files
    from .resources import Options, Resources

    path = compare_files(first, list(others), output, Loader(Resources(Options(kb_files=tuple(kb)))))
    typer.echo(f"wrote {path}")


@app.command("export")
def export_(
    inputs: Optional[List[Path]] = typer.Argument(None, help="Annotation folders or .jsonl files (machine output, exported as 'unreviewed'); or use --db.", show_default=False),
    fmt: str = typer.Option(..., "--format", "-f", help="jsonl, csv, parquet, xlsx, conll, spacy, labelstudio or prodigy.", show_default=False),
    output: Path = typer.Option(..., "-o", "--output", help="Folder to write (replaced as a whole; an existing folder must be an earlier export).", show_default=False),
    db: Optional[Path] = typer.Option(None, "--db", help="Review database: export the records with the reviewers' decisions applied.", show_default=False),
    only: str = typer.Option("all", "--only", help="all, reviewed (accepted, edited or rejected) or accepted (accepted or edited)."),
    reviewer: Optional[str] = typer.Option(None, "--reviewer", help="Use this reviewer's decisions (default: the latest decision of anyone).", show_default=False),
    split: Optional[str] = typer.Option(None, "--split", help="Train/dev/test percentages by article, e.g. 80/10/10 (spacy: 80/10/10 when not given).", show_default=False),
    seed: int = typer.Option(1, "--seed", help="Random seed of the split."),
    kind: List[str] = typer.Option([], "--kind", help="Only units of this kind, e.g. body or title (repeatable; default: all kinds).", show_default=False),
) -> None:
    """Export a labelled dataset with a dataset card (README.md): records, tables, CoNLL, spaCy,
    Label Studio or Prodigy files.

    Example: zhgloss export --db annotations/review.sqlite --format spacy -o dataset/ --only accepted --split 80/10/10
    """
    from .export import export

    summary = export(output, fmt, db=db, inputs=inputs or (), only=only, reviewer=reviewer, split=split, seed=seed, kinds=kind)
    parts = ", ".join(f"{k} {v}" for k, v in summary["splits"].items())
    typer.echo(f"Exported {summary['records']} sentences from {summary['articles']} articles ({parts}) to {output}/: "
               + " ".join(summary["files"]))


@app.command("import")
def import_(
    file: Path = typer.Argument(..., help="The file to read, e.g. a Label Studio JSON export of tasks made by zhgloss export.", show_default=False),
    fmt: str = typer.Option("labelstudio", "--format", "-f", help="Format of FILE: labelstudio."),
    db: Path = typer.Option(Path("annotations/review.sqlite"), "--db", help="Review database to store the decisions in."),
    reviewer: Optional[str] = typer.Option(None, "--reviewer", help="Store every decision under this name (default: the Label Studio annotator).", show_default=False),
) -> None:
    """Read reviews made in another tool back into the review database (never changing the machine output).

    Example: zhgloss import --format labelstudio project-1.json --db annotations/review.sqlite --reviewer alice
    """
    from .export.labelstudio import import_labelstudio
    from .review.store import Store

    if fmt != "labelstudio":
        raise ZhglossError(f"unknown import format {fmt!r}", "use --format labelstudio", where="--format")
    if not file.is_file():
        raise ZhglossError("no such file", "pass the JSON file exported from Label Studio", where=str(file))
    if not db.is_file():
        raise ZhglossError("no review database here", f"create one first: zhgloss review annotations/ --no-serve --db {db}", where=str(db))
    with Store(db) as store:
        result = import_labelstudio(file, store, reviewer=reviewer)
    c = result["counts"]
    for line in result["problems"]:
        typer.echo(f"Skipped: {line}", err=True)
    typer.echo(f"{c['saved']} decisions stored (accept {c['accept']}, edit {c['edit']}, reject {c['reject']}); "
               f"{c['unchanged']} unchanged, {c['unannotated']} tasks without annotation, {c['skipped']} skipped")


@app.command()
def train(
    data: Path = typer.Option(..., "--data", help="Folder written by zhgloss export --format spacy (train.spacy, dev.spacy, config.cfg).", show_default=False),
    output: Path = typer.Option(..., "-o", "--output", help="Folder for the trained spaCy pipeline (use it with annotate --ner-model).", show_default=False),
    stance: bool = typer.Option(False, "--stance", help="Also train the stance-bearing text classifier (doc.cats['BEARING'])."),
    iterations: int = typer.Option(20, "--iterations", "-n", help="Training epochs."),
    seed: int = typer.Option(0, "--seed", help="Random seed."),
    config: Optional[Path] = typer.Option(None, "--config", help="spaCy config to use instead of DATA/config.cfg.", show_default=False),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Do not print spaCy's training table."),
) -> None:
    """Train a spaCy NER (and with --stance a stance classifier) on the CPU from an exported dataset.

    Example: zhgloss train --data dataset/ -o models/ner --stance --iterations 20
    """
    from .train import train as run_training

    result = run_training(data, output, stance=stance, iterations=iterations, seed=seed, config=config,
                          log=None if quiet else sys.stderr)
    for note in result["notes"]:
        typer.echo(f"Warning: {note}", err=True)
    scores = result["scores"]
    shown = "  ".join(f"{k}={scores[k]:.3f}" for k in ("ents_f", "ents_p", "ents_r", "cats_score") if k in scores)
    typer.echo(f"Trained on {result['train_docs']} sentences (dev {result['dev_docs']}); {shown}")
    typer.echo(f"Saved {output} — use it with: zhgloss annotate INPUT --ner-model {output}")


def _interrupted() -> int:
    typer.echo("Error: interrupted — files already written are complete; rerun to finish the rest", err=True)
    return 130


def main(argv: list[str] | None = None) -> int:
    """Console entry point: runs the app and turns errors into one line and exit status 1."""
    try:
        rv = app(args=argv, prog_name="zhgloss", standalone_mode=False)
    except ZhglossError as exc:
        if _state["debug"]:
            raise
        typer.echo(exc.line(), err=True)
        return 1
    except KeyboardInterrupt:
        return _interrupted()
    except Exception as exc:
        # Usage errors come from the click that typer uses, which may be typer's own copy
        # (typer._click), so they are recognised by what they are, not by their class's module.
        names = {cls.__name__ for cls in type(exc).__mro__}
        if "Exit" in names and hasattr(exc, "exit_code"):
            return exc.exit_code
        if "ClickException" in names:
            exc.show()
            return exc.exit_code
        if "Abort" in names:
            return _interrupted()
        raise
    except BrokenPipeError:
        return 0
    return rv if isinstance(rv, int) else 0


def run() -> None:  # pragma: no cover  (ends the process; tests call main())
    """The ``zhgloss`` program: :func:`main`, then exit with its status.  After ``annotate`` has
    written, closed and synced every file, the process ends at once (``os._exit``) instead of
    freeing a few hundred MB of dictionaries object by object, which took 0.25–0.4 s."""
    # pypinyin's phrases are given to it as the names read need them (pipeline.readings)
    os.environ.setdefault("ZHGLOSS_PINYIN_PHRASES", "on-demand")
    code = main()
    if _state.get("fast_exit"):
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
