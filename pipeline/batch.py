"""Annotating many articles: worker processes, skipping unchanged articles, a corpus table.

:func:`annotate_many` runs :func:`annotate_one` for every file, in this process or in a pool of
worker processes (each loads the resources once, on its first article).  An article is skipped when
its ``<doc_id>.meta.json`` says it was made from the same input bytes by the same pipeline
(code, data and options fingerprint); ``force`` redoes it anyway.  Each article's files are written
by the process that annotated it, atomically; results come back as small :class:`Outcome` s in
the order articles finish.  :func:`write_corpus_table` then gathers every record into one Parquet
table beside the JSONL files.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import resource
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import __version__
from .cache import file_stamp, key_of
from .errors import NotChineseError, ZhglossError
from .records import META_SUFFIX, read_jsonl
from .resources import Options, Resources

CORPUS_TABLE = "corpus.parquet"


@dataclass(frozen=True)
class Outcome:
    path: str
    doc_id: str
    status: str  # "done" | "skipped" | "failed" | "not-chinese"
    nbytes: int = 0
    error: str | None = None  # the one-line error, for failures
    peak_rss_mb: float = 0.0  # peak resident memory of the process that annotated it, so far


@lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """Version plus a hash of the package's code and data: output from an older pipeline is stale."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha1(__version__.encode())
    for f in sorted(root.rglob("*")):
        if f.is_file() and f.suffix not in (".pyc",) and "__pycache__" not in f.parts:
            h.update(str(f.relative_to(root)).encode())
            h.update(f.read_bytes())
    return f"{__version__}+{h.hexdigest()[:10]}"


def options_key(options: Options) -> str:
    """A key for the user options that change output (extra dictionaries, models …)."""
    parts = []
    for f in dataclasses.fields(options):
        value = getattr(options, f.name)
        parts.append((f.name, _stamp(value)))
    return key_of(*parts)


def _stamp(value):
    if isinstance(value, Path):
        return file_stamp(value) if value.exists() else str(value)
    if isinstance(value, (tuple, list)):
        return tuple(_stamp(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _stamp(v)) for k, v in value.items()))
    return value


def is_current(path: Path, meta_path: Path, fingerprint: str, opts_key: str) -> bool:
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if meta.get("pipeline_fingerprint") != fingerprint or meta.get("options_key") != opts_key:
        return False
    if Path(meta.get("source", "")).suffix.lower() != path.suffix.lower():
        return False  # the same bytes as a.txt and a.md are read differently
    try:  # an article always has a record: an empty file is one a crash cut short
        if meta_path.with_name(meta_path.name[: -len(META_SUFFIX)] + ".jsonl").stat().st_size == 0:
            return False
    except OSError:
        return False
    try:
        return meta.get("sha256") == hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return False


# ------------------------------------------------------------------------------------------- workers

_worker: dict = {}


def _init_worker(options: Options) -> None:
    _worker["res"] = Resources(options)


def annotate_one(path: Path, doc_id: str, outdir: Path, res: Resources, force: bool = False, strict: bool = True,
                 durable: bool = True) -> Outcome:
    """Annotate one file into ``outdir``; never raises for a bad article (the outcome says why).

    ``durable=False`` skips the per-file fsync (the caller syncs once after many articles).
    ``strict=False`` (files found in a folder) turns "no Chinese text" into a ``not-chinese``
    outcome instead of a failure: English articles beside Chinese ones are for ``compare``."""
    from .annotate import annotate_file
    from .records import write_document

    fingerprint, opts_key = pipeline_fingerprint(), options_key(res.options)
    try:
        nbytes = path.stat().st_size
    except OSError:
        nbytes = 0
    meta_path = outdir / f"{doc_id}{META_SUFFIX}"
    if not force and is_current(path, meta_path, fingerprint, opts_key):
        return Outcome(str(path), doc_id, "skipped", nbytes)
    try:
        doc = annotate_file(path, res, doc_id=doc_id)
        doc.meta["pipeline_fingerprint"] = fingerprint
        doc.meta["options_key"] = opts_key
        write_document(doc, outdir, durable=durable)
    except NotChineseError as exc:
        status = "failed" if strict else "not-chinese"
        return Outcome(str(path), doc_id, status, nbytes, exc.at(str(path)).line())
    except ZhglossError as exc:
        return Outcome(str(path), doc_id, "failed", nbytes, exc.at(str(path)).line())
    except Exception as exc:  # a bug: report it for this file and go on with the others
        if os.environ.get("ZHGLOSS_DEBUG"):
            raise
        line = f"Error: {path}: internal error ({type(exc).__name__}: {exc}) — rerun with --debug and report it"
        return Outcome(str(path), doc_id, "failed", nbytes, line)
    return Outcome(str(path), doc_id, "done", nbytes, peak_rss_mb=peak_rss_mb())


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB.  Linux's ``VmHWM`` is this program's own peak;
    ``ru_maxrss`` (the fallback) also counts the parent's memory when the process was started by
    a large parent that forked it before exec."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _annotate_in_worker(chunk: list[tuple[Path, str, bool]], outdir: Path, force: bool) -> list[Outcome]:
    res = _worker["res"]
    return [annotate_one(path, doc_id, outdir, res, force, strict, durable=False) for path, doc_id, strict in chunk]


def _chunks(jobs: list, workers: int) -> list[list]:
    """Jobs in chunks: a few articles per task keeps the parent's share of the CPU small (one
    round trip per chunk, not per article) while every worker still gets many chunks."""
    size = max(1, min(16, len(jobs) // (workers * 8)))
    return [jobs[k : k + size] for k in range(0, len(jobs), size)]


def annotate_many(
    jobs: list[tuple[Path, str, bool]],
    outdir: Path,
    options: Options,
    workers: int = 1,
    force: bool = False,
    on_outcome: Callable[[Outcome], None] | None = None,
    resources: Resources | None = None,
) -> list[Outcome]:
    """Annotate ``(path, doc_id, strict)`` jobs into ``outdir`` with ``workers`` processes (0: one per
    core); see :func:`annotate_one` for ``strict``.  ``resources`` (for ``options``) are reused by a
    single-process run instead of loading new ones."""
    workers = (os.cpu_count() or 1) if workers == 0 else max(1, workers)
    outcomes: list[Outcome] = []
    try:
        for outcome in _run(jobs, outdir, options, min(workers, max(1, len(jobs))), force, resources):
            outcomes.append(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
    finally:
        # Articles are written without a per-file fsync (each file still replaces the old one
        # atomically); one sync here makes the whole batch durable at a fraction of the cost.
        if any(o.status == "done" for o in outcomes):
            sync_folder(outdir)
    return outcomes


def sync_folder(folder: Path) -> None:
    """Flush what was written to ``folder``'s file system to disk: ``syncfs`` on Linux (that file
    system only; a hung network mount elsewhere cannot block it), else ``sync``."""
    try:
        import ctypes

        syncfs = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError, TypeError):  # not Linux: no syncfs (Windows: no C library handle)
        syncfs = None
    if syncfs is not None:
        try:
            fd = os.open(folder, os.O_RDONLY)
        except OSError:
            fd = -1
        if fd >= 0:
            try:
                if syncfs(fd) == 0:
                    return
            finally:
                os.close(fd)
    if hasattr(os, "sync"):
        os.sync()


def _run(jobs, outdir: Path, options: Options, workers: int, force: bool, resources: Resources | None) -> Iterator[Outcome]:
    if workers == 1:
        res = resources if resources is not None and resources.options == options else Resources(options)
        for path, doc_id, strict in jobs:
            yield annotate_one(path, doc_id, outdir, res, force, strict, durable=False)
        return
    import multiprocessing

    ctx = multiprocessing.get_context("forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker, initargs=(options,)) as pool:
        futures = {pool.submit(_annotate_in_worker, chunk, outdir, force): chunk for chunk in _chunks(jobs, workers)}
        for fut in as_completed(futures):
            try:
                yield from fut.result()
            except Exception as exc:  # a worker died (out of memory, killed): report, go on
                for path, doc_id, _ in futures[fut]:
                    yield Outcome(str(path), doc_id, "failed", 0, f"Error: {path}: worker process failed ({type(exc).__name__}) — rerun with --workers 1 to see why")


# -------------------------------------------------------------------------------------- corpus table


def annotated_doc_ids(outdir: Path) -> list[str]:
    """Ids of the articles annotated into ``outdir`` (a JSONL file with its metadata file)."""
    return sorted(p.name[: -len(META_SUFFIX)] for p in outdir.glob(f"*{META_SUFFIX}") if p.with_name(p.name[: -len(META_SUFFIX)] + ".jsonl").exists())


def write_corpus_table(outdir: Path, doc_ids: Iterable[str] | None = None) -> Path:
    """All records of ``doc_ids`` (default: every article in ``outdir``) as one Parquet table
    ``outdir/corpus.parquet``; see :func:`records_table` for its columns."""
    import pyarrow.parquet as pq

    records = []
    for doc_id in annotated_doc_ids(outdir) if doc_ids is None else doc_ids:
        path = outdir / f"{doc_id}.jsonl"
        if path.exists():
            records += read_jsonl(path)
    out = outdir / CORPUS_TABLE
    tmp = outdir / f".{CORPUS_TABLE}.tmp"
    pq.write_table(records_table(records), tmp)
    os.replace(tmp, out)
    return out


_SCALARS = ("id", "doc_id", "n", "kind", "section", "text", "start", "end", "gloss_en", "translation_en")


def records_table(records: list[dict]):
    """Records as a pyarrow Table.  Scalar fields are columns; ``tokens``, ``entities`` and
    ``stance`` are JSON strings (their inner fields vary by record); ``bearing`` and ``n_entities``
    are plain columns for quick filtering."""
    import pyarrow as pa

    rows: dict[str, list] = {k: [r.get(k) for r in records] for k in _SCALARS}
    rows["bearing"] = [bool((r.get("stance") or {}).get("bearing")) for r in records]
    rows["n_entities"] = [len(r.get("entities") or []) for r in records]
    for k in ("tokens", "entities", "stance"):
        rows[k] = [json.dumps(r.get(k), ensure_ascii=False) for r in records]
    schema = pa.schema([
        ("id", pa.string()), ("doc_id", pa.string()), ("n", pa.int32()), ("kind", pa.string()),
        ("section", pa.string()), ("text", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
        ("gloss_en", pa.string()), ("translation_en", pa.string()), ("bearing", pa.bool_()),
        ("n_entities", pa.int32()), ("tokens", pa.string()), ("entities", pa.string()), ("stance", pa.string()),
    ])
    return pa.table({name: rows[name] for name in schema.names}, schema=schema)
