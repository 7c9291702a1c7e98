"""Benchmarks (run as scripts; not part of the test suite)."""

from __future__ import annotations

import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Scratch space for benchmark input and output, on the repository's own disk, where
#: ``zhgloss annotate corpus/ -o annotations/`` writes too.  The system temporary folder may be a
#: different file system (tmpfs, or a crowded one: on one test machine creating a file under /tmp
#: took 80–500 µs against 16–22 µs elsewhere on the same disk), which would measure that folder,
#: not the pipeline.
SCRATCH = ROOT / "bench-out"


def scratch_dir(prefix: str = "run-") -> tempfile.TemporaryDirectory:
    """A temporary folder under :data:`SCRATCH`, removed when the ``with`` block ends."""
    SCRATCH.mkdir(exist_ok=True)
    return tempfile.TemporaryDirectory(dir=SCRATCH, prefix=prefix)
