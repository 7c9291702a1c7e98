"""Command line: ``zhgloss`` (also ``python -m pipeline``).

Commands are thin wrappers over library functions.  Every user-fixable problem ends as one line on
stderr, ``Error: <where>: <what> — <how to fix>``, and exit status 1; ``--debug`` shows tracebacks.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import List, Optional

import click
import typer

from . import __version__
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
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Progress bar (default: on for several files on a terminal)."),
    workers: int = typer.Option(1, "--workers", "-w", help="Worker processes (0: one per CPU core)."),
    force: bool = typer.Option(False, "--force", help="Re-annotate articles whose input and pipeline are unchanged."),
    table: Optional[bool] = typer.Option(None, "--table/--no-table", help="Also write DIR/corpus.parquet with every record in DIR (default: when annotating several articles)."),
    engine: str = typer.Option("local", "--engine", help="local (this machine, --workers processes) or dask (a Dask cluster)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address, e.g. tcp://HOST:8786 (default: start a LocalCluster with --workers processes)."),
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
    options = Options(user_dicts=tuple(user_dict), kb_files=tuple(kb), max_bytes=int(max_mb * 1024 * 1024), ner_model=ner_model)
    ids = _unique_ids(files, doc_id_for)
    show = progress if progress is not None else (len(files) > 1 and sys.stderr.isatty())
    failures = 0
    with _Progress(len(files), show) as bar:
        if stdout:
            res = Resources(options)
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
                outcomes = annotate_many(jobs, output, options, workers=workers, force=force, on_outcome=report)
            else:
                raise ZhglossError(f"unknown engine {engine!r}", "use --engine local or --engine dask", where="--engine")
            failures = sum(o.status == "failed" for o in outcomes)
            skipped = sum(o.status == "skipped" for o in outcomes)
            if (table if table is not None else len(files) > 1) and len(outcomes) > failures:
                write_corpus_table(output)
            if skipped and show:
                bar.print(f"{skipped} unchanged article(s) skipped; --force redoes them")
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
    """Doc ids from file names; two inputs with the same name get their parent folder prefixed."""
    ids = {p: doc_id_for(p) for p in files}
    counts: dict[str, int] = {}
    for v in ids.values():
        counts[v] = counts.get(v, 0) + 1
    for p, v in ids.items():
        if counts[v] > 1:
            ids[p] = doc_id_for(Path(f"{p.parent.name}__{p.name}"))
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
    layer: List[str] = typer.Option([], "--layer", help="Only these metric layers (repeatable; default: all, now 'entities')."),
    errors: bool = typer.Option(False, "--errors", help="Also list every entity disagreement (missed, spurious, label, boundary, kb_id, en, members)."),
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


def main(argv: list[str] | None = None) -> int:
    """Console entry point: runs the app and turns errors into one line and exit status 1."""
    try:
        rv = app(args=argv, prog_name="zhgloss", standalone_mode=False)
    except ZhglossError as exc:
        if _state["debug"]:
            raise
        typer.echo(exc.line(), err=True)
        return 1
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except (click.exceptions.Abort, KeyboardInterrupt):
        typer.echo("Error: interrupted — files already written are complete; rerun to finish the rest", err=True)
        return 130
    except BrokenPipeError:
        return 0
    return rv if isinstance(rv, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
