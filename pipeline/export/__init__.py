"""Export labelled datasets from annotations or the review store.

    export(Path("out"), "spacy", db=Path("annotations/review.sqlite"), only="accepted", split="80/10/10")
    export(Path("out"), "csv", inputs=[Path("annotations")])          # machine output: "unreviewed"

Formats (one module per family): ``jsonl``; ``csv``, ``parquet``, ``xlsx`` (:mod:`.tables`);
``conll`` (:mod:`.conll`); ``spacy`` (:mod:`.spacy_fmt`); ``labelstudio`` (:mod:`.labelstudio`);
``prodigy`` (:mod:`.prodigy`).  The output is always a folder with the data files and a dataset card
``README.md`` (:mod:`.card`).  Everything is written into a temporary folder beside it and moved into
place at the end, so an interrupted export leaves either the previous export or nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import OutputError, ZhglossError
from ..model import KINDS
from ..records import replace_folder
from . import card
from .common import ALL, SPLIT_NAMES, Article, Dataset, ExportError, assign_splits, parse_split, trainable

FORMATS = ("jsonl", "csv", "parquet", "xlsx", "conll", "spacy", "labelstudio", "prodigy")
ONLY = ("all", "reviewed", "accepted")
#: Formats made for training: rejected sentences are left out of them.
TRAINING_FORMATS = ("conll", "spacy")
#: The split used by ``--format spacy`` when none is given: training needs train and dev files.
DEFAULT_SPACY_SPLIT = "80/10/10"


def write_jsonl(ds: Dataset, folder: Path) -> list[Path]:
    out = []
    for split, records in ds.by_split().items():
        path = folder / f"{split}.jsonl"
        with path.open("w", encoding="utf-8", newline="\n") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        out.append(path)
    return out


def _writer(fmt: str) -> Callable[[Dataset, Path], list[Path]]:
    if fmt == "jsonl":
        return write_jsonl
    if fmt in ("csv", "parquet", "xlsx"):
        from . import tables

        return getattr(tables, f"write_{fmt}")
    if fmt == "conll":
        from .conll import write_conll

        return write_conll
    if fmt == "spacy":
        from .spacy_fmt import write_spacy

        return write_spacy
    if fmt == "labelstudio":
        from .labelstudio import write_labelstudio

        return write_labelstudio
    if fmt == "prodigy":
        from .prodigy import write_prodigy

        return write_prodigy
    raise ExportError(f"unknown format {fmt!r}", f"use one of: {', '.join(FORMATS)}", where="--format")


# ---------------------------------------------------------------------------------------------------
# Reading what to export


def load_dataset(db: Path | None = None, inputs: Iterable[Path] = (), only: str = "all", reviewer: str | None = None) -> Dataset:
    """The records to export, from a review database or from annotation files (as unreviewed)."""
    inputs = [Path(p) for p in inputs]
    if only not in ONLY:
        raise ExportError(f"unknown selection {only!r}", f"use --only {' or --only '.join(ONLY)}", where="--only")
    if db is not None and inputs:
        raise ExportError("both annotation files and --db were given",
                          "export either the review database (--db) or annotation folders, not both")
    if db is None and not inputs:
        raise ExportError("nothing to export", "give annotation folders (zhgloss export annotations/ ...) or --db review.sqlite")
    if db is not None:
        return _from_store(Path(db), only, reviewer)
    return _from_files(inputs, only, reviewer)


def _from_store(db: Path, only: str, reviewer: str | None) -> Dataset:
    from ..review.store import Store

    if not db.is_file():
        raise ExportError("no review database here", "create one with: zhgloss review annotations/ --no-serve --db " + str(db), where=str(db))
    with Store(db) as store:
        records = list(store.iter_records(only=only, reviewer=reviewer))
        arts = {a["doc_id"]: a for a in store.articles()}
        agreement = store.agreement()
        decisions = {name: store.progress(name)["decisions"] for name in store.reviewers()}
    articles: dict[str, Article] = {}
    for doc_id in dict.fromkeys(r["doc_id"] for r in records):
        info = arts.get(doc_id, {})
        a = Article(doc_id, title=info.get("title"), source=info.get("source"))
        card.describe(a, _find_jsonl(info.get("source"), db))
        articles[doc_id] = a
    return Dataset(records, articles, source=f"the review database `{db}`", only=only, reviewer=reviewer, agreement=agreement,
                   decisions=decisions)


def _find_jsonl(source: str | None, db: Path) -> Path | None:
    """The annotation file an article was imported from (the store keeps the path as given then)."""
    if not source:
        return None
    p = Path(source)
    for cand in (p, db.parent / p.name, db.parent.parent / p):
        if cand.is_file():
            return cand
    return p


def _from_files(inputs: list[Path], only: str, reviewer: str | None) -> Dataset:
    from ..review.annotations import read_annotations

    docs = read_annotations(inputs)
    records: list[dict[str, Any]] = []
    articles: dict[str, Article] = {}
    for doc_id in sorted(docs):
        doc = docs[doc_id]
        a = Article(doc_id, title=doc.get("title"), source=doc.get("source"))
        card.describe(a, Path(doc["source"]) if doc.get("source") else None)
        articles[doc_id] = a
        for r in doc["records"]:
            records.append({**r, "review_status": "unreviewed", "reviewer": None, "reviewed_at": None, "review_note": None})
    if only != "all":
        records = []  # machine output has no decisions; the empty-selection error explains
    src = ", ".join(f"`{p}`" for p in inputs)
    return Dataset(records, articles, source=f"annotation files {src} (machine output, not reviewed)", only=only, reviewer=reviewer)


# ---------------------------------------------------------------------------------------------------
# Writing


@contextmanager
def staged_folder(out: Path):
    """Yield an empty temporary folder beside ``out``; on success it replaces ``out`` as a whole.

    ``out`` may be missing, empty, or an earlier export (its README.md is a zhgloss dataset card);
    any other existing folder is refused so that an export never deletes unrelated files.
    On any exception the temporary folder is removed and ``out`` is left as it was."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise OutputError("the output exists and is a file", "give a folder name with -o", where=str(out))
    if out.is_dir() and any(out.iterdir()) and not card.is_card(out / "README.md"):
        raise OutputError("the output folder exists and is not a zhgloss export",
                          "choose a new folder with -o, or empty this one", where=str(out))
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp"))
    except OSError as exc:
        raise OutputError(f"cannot write to the output folder ({exc.strerror or exc})",
                          "choose another folder with -o, or fix its permissions", where=str(out.parent)) from exc
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o777 & ~umask)
        yield tmp
        replace_folder(tmp, out)
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, OSError) and not isinstance(exc, ZhglossError):
            raise OutputError(f"cannot write the export ({exc.strerror or exc})", "check free space and permissions", where=str(out)) from exc
        raise


def export(out: Path, fmt: str, *, db: Path | None = None, inputs: Iterable[Path] = (), only: str = "all",
           reviewer: str | None = None, split: str | None = None, seed: int = 1,
           kinds: Iterable[str] | None = None) -> dict[str, Any]:
    """Export the selected records to the folder ``out`` in ``fmt``; returns a summary.

    ``kinds`` keeps only units of those kinds (``body``, ``title`` ...; default: every kind).

    Raises :class:`ExportError` when the selection is empty or the options are inconsistent."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}", f"use one of: {', '.join(FORMATS)}", where="--format")
    ratios = parse_split(split)
    if ratios is None and fmt == "spacy":
        ratios = parse_split(DEFAULT_SPACY_SPLIT)
    ds = load_dataset(db, inputs, only, reviewer)
    kinds = tuple(dict.fromkeys(k.strip() for k in (kinds or ()) if k and k.strip()))
    if kinds:
        unknown = [k for k in kinds if k not in KINDS]
        if unknown:
            raise ExportError(f"unknown unit kind {unknown[0]!r}", f"use one of: {', '.join(KINDS)}", where="--kind")
        ds.records = [r for r in ds.records if r.get("kind") in kinds]
        ds.notes.append("Only units of kind " + ", ".join(f"`{k}`" for k in kinds) + " (`--kind`).")
    if not ds.records:
        what = f"--only {only}" + (f" --reviewer {reviewer}" if reviewer else "") + "".join(f" --kind {k}" for k in kinds)
        hint = ("review some sentences first (zhgloss review), or export everything with --only all" if only != "all" or reviewer
                else "annotate and import articles first (zhgloss annotate, zhgloss review)")
        if db is None and only != "all":
            hint = "annotation files are machine output with no decisions; export the review database with --db, or use --only all"
        raise ExportError(f"nothing to export: the selection ({what}) is empty", hint, where=str(db) if db else None)
    if fmt in TRAINING_FORMATS:
        rejected = [r for r in ds.records if not trainable(r)]
        if rejected:
            ds.records = [r for r in ds.records if trainable(r)]
            ds.notes.append(f"{len(rejected)} rejected sentence(s) left out: their machine annotation was judged wrong "
                            "and no correction was given (the jsonl, table, labelstudio and prodigy formats keep them).")
            if not ds.records:
                raise ExportError(f"nothing to export: every selected sentence was rejected (--only {only})",
                                  "review more sentences, or choose a format that keeps rejected ones (jsonl, prodigy)",
                                  where=str(db) if db else None)
    used = {r["doc_id"] for r in ds.records}
    ds.articles = {d: a for d, a in ds.articles.items() if d in used}  # articles with nothing left take no split slot
    splits = assign_splits(list(ds.articles), ratios, seed)
    for doc_id, a in ds.articles.items():
        a.split = splits[doc_id]
    ds.ratios, ds.seed = ratios, seed
    ds.splits = SPLIT_NAMES[: len(ratios)] if ratios else (ALL,)
    if fmt == "spacy" and "dev" in ds.splits and not any(a.split == "dev" for a in ds.articles.values()):
        ds.notes.append("dev.spacy is empty (too few articles to give dev one); `zhgloss train` then evaluates on train.")
    writer = _writer(fmt)
    with staged_folder(Path(out)) as tmp:
        files = writer(ds, tmp)
        names = [p.name for p in files]
        (tmp / "README.md").write_text(card.render(ds, fmt, names), encoding="utf-8")
    by_split = ds.by_split()
    return {"format": fmt, "output": str(out), "files": names + ["README.md"], "records": len(ds.records),
            "articles": len(ds.articles), "splits": {s: len(v) for s, v in by_split.items()}}
