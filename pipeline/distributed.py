"""Annotating a corpus on a Dask cluster (``zhgloss annotate --engine dask``).

The same per-article function as a local run (:func:`pipeline.batch.annotate_one`) runs as one
Dask task per article; each worker process loads the resources once (cached per set of options)
and writes the article's ``<doc_id>.jsonl`` and ``<doc_id>.meta.json`` into the output folder, plus
its records as one partition of a Parquet dataset, ``corpus_dataset/doc_id=<doc_id>/part-0.parquet``
(read it with ``pyarrow.dataset.dataset(path, partitioning="hive")`` or
``pandas.read_parquet(path)``).

On a real cluster the output folder and the input files must be on storage every worker can see
(NFS, a shared volume) and zhgloss must be installed in the workers' environment:

    dask scheduler                                   # on the scheduler host, port 8786
    dask worker tcp://SCHEDULER:8786 --nworkers 4 --nthreads 1   # on each worker host
    zhgloss annotate /shared/corpus -o /shared/annotations --engine dask --scheduler tcp://SCHEDULER:8786

Without ``--scheduler`` a LocalCluster with ``--workers`` processes (one thread each) is started.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from .batch import Outcome, annotate_one, options_key, records_table
from .errors import MissingDependency, ZhglossError
from .records import read_jsonl
from .resources import Options, Resources

DATASET = "corpus_dataset"

_resources: dict[str, Resources] = {}


def _task(path: str, doc_id: str, strict: bool, outdir: str, options: Options, force: bool) -> Outcome:
    key = options_key(options)
    res = _resources.get(key)
    if res is None:
        res = _resources[key] = Resources(options)
    out = Path(outdir)
    outcome = annotate_one(Path(path), doc_id, out, res, force, strict)
    if outcome.status in ("done", "skipped"):
        _write_partition(out, doc_id)
    return outcome


def _write_partition(outdir: Path, doc_id: str) -> None:
    import pyarrow.parquet as pq

    part = outdir / DATASET / f"doc_id={doc_id}"
    part.mkdir(parents=True, exist_ok=True)
    table = records_table(read_jsonl(outdir / f"{doc_id}.jsonl")).drop_columns(["doc_id"])
    tmp = part / ".part-0.parquet.tmp"
    pq.write_table(table, tmp)
    os.replace(tmp, part / "part-0.parquet")


def annotate_dask(
    jobs: list[tuple[Path, str, bool]],
    outdir: Path,
    options: Options,
    scheduler: str | None = None,
    workers: int = 2,
    force: bool = False,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise MissingDependency("dask[distributed]", "--engine dask")
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="20s")
        else:
            cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=40)
            client = Client(cluster)
    except OSError as exc:
        raise ZhglossError(f"cannot reach the Dask scheduler ({exc})", "check --scheduler tcp://HOST:8786 and that the scheduler runs", where=scheduler)
    outcomes: list[Outcome] = []
    try:
        futures = {
            client.submit(_task, str(path), doc_id, strict, str(outdir.resolve()), options, force, key=f"zhgloss-{i}-{doc_id}", pure=False): (path, doc_id)
            for i, (path, doc_id, strict) in enumerate(jobs)
        }
        for fut in as_completed(futures):
            try:
                outcome = fut.result()
            except Exception as exc:  # a worker died or the task could not run
                path, doc_id = futures[fut]
                outcome = Outcome(str(path), doc_id, "failed", 0, f"Error: {path}: Dask task failed ({type(exc).__name__}) — check the workers' logs")
            outcomes.append(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return outcomes
