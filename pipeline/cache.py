"""A small on-disk cache for derived data (dictionaries built at first use).

Files live in ``$ZHGLOSS_CACHE`` or ``~/.cache/zhgloss``; each is keyed by a hash of what it was
built from, written atomically, and simply rebuilt when missing, stale or unreadable.  A cache
folder that cannot be written is not an error: the data is then rebuilt on every start.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import tempfile
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator


def cache_dir() -> Path:
    env = os.environ.get("ZHGLOSS_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "zhgloss"


def key_of(*parts: object) -> str:
    h = hashlib.sha1()
    for p in parts:
        h.update(repr(p).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:16]


def file_stamp(path: Path | str) -> tuple[str, int, int]:
    st = os.stat(path)
    return (str(path), st.st_size, int(st.st_mtime))


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a block that makes many objects and no cycles
    worth collecting (loading a cache, tagging an article): the collections it would trigger
    rescan every object the process holds.  The collector resumes afterwards if it was on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def cached_marshal(name: str, key: str, build: Callable[[], Any]) -> Any:
    """``build()``'s result, stored with :mod:`marshal` (plain dicts, lists, strings, numbers)."""
    path = cache_dir() / f"{name}-{key}.marshal"
    try:
        data = path.read_bytes()  # marshal.load on a file object reads object by object: far slower
        with gc_paused():  # millions of new objects would trigger many useless collections
            return marshal.loads(data)
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    try:
        write_marshal(path, value)
        prune(name, ".marshal")
    except OSError:
        pass
    return value


def write_marshal(path: Path, value: Any) -> None:
    """Write ``value`` to ``path`` with :mod:`marshal`, atomically (a temporary file, then a
    rename): a reader never sees half a file.  Raises OSError, or ValueError for what marshal
    cannot store."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as f:
            marshal.dump(value, f)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@lru_cache(maxsize=None)
def package_version(name: str) -> str:
    """An installed package's version, for cache keys (looked up once per process)."""
    import importlib.metadata

    return importlib.metadata.version(name)


def prune(name: str, suffix: str, keep: int = 8) -> None:
    """Delete all but the ``keep`` most recently built cache files of ``name`` (one per dictionary
    configuration: a changed user dictionary or knowledge base makes a new one, and the old ones
    would pile up, several MB each)."""
    files = []
    for path in cache_dir().glob(f"{name}-*{suffix}"):
        try:
            files.append((path.stat().st_mtime, path))
        except OSError:
            continue
    files.sort(reverse=True)
    for _mtime, path in files[keep:]:
        try:
            path.unlink()
        except OSError:
            pass
