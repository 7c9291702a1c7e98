"""``re.compile`` with the compiled code kept in the on-disk cache.

CPython compiles regular expressions in Python code, and a character class spanning the CJK block
(``[\\u4e00-\\u9fff]``: 21,000 code points, each set one by one in a bitmap) takes about a
millisecond.  The pipeline's patterns took 0.35–0.4 s of every start.  :func:`compile` gives the
same pattern object as :func:`re.compile`: the code CPython's compiler makes for a slow pattern is
stored (:func:`save`, in :mod:`pipeline.cache`), and later processes hand it to the regular
expression engine directly.  The cache is keyed by the exact interpreter build; on another Python
implementation, or if the compiler's internal interface is not the one expected, every call is
plain :func:`re.compile`.
"""

from __future__ import annotations

import marshal
import re
import sys
import time
from array import array

from . import cache

try:  # the compiler's internals: re._parser/_compiler since 3.11, sre_parse/sre_compile before
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - Python 3.10 or another implementation
    try:
        import _sre
        import sre_compile as _compiler
        import sre_parse as _parser
    except ImportError:
        _sre = None

_WORD = "I" if array("I").itemsize == 4 else "L"  # the engine's code words are 32 bits
_SLOW = 0.0002  # seconds: patterns that compile faster are not worth a place in the cache
_MAX_ENTRIES = 2000  # beyond this, a save keeps only what this process used
_state: dict = {"enabled": _sre is not None and sys.implementation.name == "cpython", "entries": None, "new": {}, "used": set()}


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - the same name as re.compile
    """:func:`re.compile`, faster when an earlier process saved the pattern's compiled code."""
    if not _state["enabled"] or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    flags = int(flags)
    key = (pattern, flags)
    entry = _entries().get(key)
    if entry is not None:
        try:
            flags_, code, groups, groupindex, indexgroup = entry
            compiled = _sre.compile(pattern, flags_, _codes(code), groups, groupindex, indexgroup)
        except Exception:  # noqa: BLE001 - a stale or foreign entry: compile as usual from now on
            _state["enabled"] = False
            return re.compile(pattern, flags)
        _state["used"].add(key)
        return compiled
    start = time.perf_counter()
    try:
        entry = _compile_code(pattern, flags)
        compiled = _sre.compile(pattern, entry[0], _codes(entry[1]), *entry[2:])
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - the internal interface is not the expected one
        _state["enabled"] = False
        return re.compile(pattern, flags)
    if time.perf_counter() - start > _SLOW:
        _state["new"][key] = entry
    return compiled


def _compile_code(pattern: str, flags: int) -> tuple:
    """What ``re``'s compiler passes to the engine for ``pattern``: (flags, code, groups,
    groupindex, indexgroup), the code packed as 32-bit words (a cache of a thousand patterns then
    loads in milliseconds, where lists of a million small integers took a tenth of a second)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    packed = array(_WORD, code).tobytes()  # (the code holds named opcodes, int subclasses marshal does not store)
    return (int(flags | parsed.state.flags), packed, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def _codes(packed: bytes) -> list[int]:
    return array(_WORD, packed).tolist()


def _path():
    key = cache.key_of("regex", 2, sys.version, getattr(_sre, "MAGIC", None), sys.implementation.cache_tag)
    return cache.cache_dir() / f"regex-{key}.marshal"


def _entries() -> dict:
    entries = _state["entries"]
    if entries is None:
        try:
            entries = marshal.loads(_path().read_bytes())
            if not isinstance(entries, dict):
                entries = {}
        except (OSError, EOFError, ValueError, TypeError):
            entries = {}
        _state["entries"] = entries
    return entries


def save() -> None:
    """Store the compiled code of the slow patterns this process compiled (nothing when there
    were none).  A cache folder that cannot be written is not an error."""
    new = _state["new"]
    if not new or not _state["enabled"]:
        return
    entries = dict(_entries())
    entries.update(new)
    if len(entries) > _MAX_ENTRIES:
        keep = _state["used"] | set(new)
        entries = {k: v for k, v in entries.items() if k in keep}
    try:
        cache.write_marshal(_path(), entries)
        cache.prune("regex", ".marshal", keep=2)
    except (OSError, ValueError):
        return
    _state["entries"] = entries
    _state["new"] = {}
