"""Benchmarks (run as scripts; not part of the test suite)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def scratch_root() -> Path:
    """Where benchmarks put their corpus and output: ``$ZHGLOSS_BENCH_DIR`` if set, else the
    memory file system ``/dev/shm`` where there is one, else ``bench-out/`` in the repository.

    The benchmarks measure the pipeline, so file creation should cost what it costs on a healthy
    disk.  On one test machine, creating a file in a folder of a disk region where tens of thousands
    of files had been created and deleted took 80–850 µs, against 16–22 µs in a fresh region and
    7 µs on /dev/shm; at two files per article that was 1–2 ms of a 10 ms article."""
    env = os.environ.get("ZHGLOSS_BENCH_DIR")
    if env:
        return Path(env)
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        return shm
    return ROOT / "bench-out"


def scratch_dir(prefix: str = "run-") -> tempfile.TemporaryDirectory:
    """A temporary folder under :func:`scratch_root`, removed when the ``with`` block ends."""
    root = scratch_root()
    root.mkdir(parents=True, exist_ok=True)
    return tempfile.TemporaryDirectory(dir=root, prefix=f"zhgloss-bench-{prefix}")
