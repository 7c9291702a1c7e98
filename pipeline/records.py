"""Writing records: one JSONL file per article, replaced atomically, plus a small metadata file."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import Any, Iterable

from .errors import DataError, OutputError
from .model import Document

META_SUFFIX = ".meta.json"


try:  # orjson writes the same bytes as json.dumps(..., ensure_ascii=False, compact), 5x faster
    import orjson

    def dumps(record: dict[str, Any]) -> str:
        return orjson.dumps(record).decode("utf-8")

    def jsonl(records: Iterable[dict[str, Any]]) -> str:
        return jsonl_bytes(records).decode("utf-8")

    def jsonl_bytes(records: Iterable[dict[str, Any]]) -> bytes:
        return b"".join(orjson.dumps(r) + b"\n" for r in records)

except ImportError:  # pragma: no cover - orjson is a dependency; plain json is the fallback

    def dumps(record: dict[str, Any]) -> str:
        return json.dumps(record, ensure_ascii=False, separators=(",", ":"))

    def jsonl(records: Iterable[dict[str, Any]]) -> str:
        return "".join(dumps(r) + "\n" for r in records)

    def jsonl_bytes(records: Iterable[dict[str, Any]]) -> bytes:
        return jsonl(records).encode("utf-8")


def ensure_writable_dir(path: Path) -> None:
    """Create the output folder if needed and check that files can be written in it."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path, prefix=".zhgloss-check-", delete=True):
            pass
    except OSError as exc:
        raise OutputError(
            f"cannot write to the output folder ({exc.strerror or exc})",
            "choose another folder with -o, or fix its permissions",
            where=str(path),
        )


def write_atomic(path: Path, content: str | bytes, durable: bool = True) -> None:
    """Write ``content`` to ``path`` so that readers see either the old file or the new one, whole.
    ``durable`` also flushes it to disk before the rename (survives a power cut, costs a few ms).
    The file gets the usual permissions (0666 less the umask), like any file the user writes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _create_temp(path)
    try:
        with os.fdopen(fd, "wb") as f:  # text is UTF-8 with "\n" line ends, written as given
            f.write(content.encode("utf-8") if isinstance(content, str) else content)
            if durable:
                f.flush()
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write file ({exc.strerror or exc})", "check free space and permissions", where=str(path))
        raise


def _create_temp(path: Path) -> tuple[int, str]:
    """A new, uniquely named hidden file beside ``path`` (``tempfile.mkstemp`` would make it 0600,
    and the rename would keep that)."""
    try:
        for _ in range(100):
            tmp = str(path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp")
            try:
                return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666), tmp
            except FileExistsError:
                continue
        raise FileExistsError(f"no free temporary name beside {path.name}")
    except OSError as exc:
        raise OutputError(f"cannot write file ({exc.strerror or exc})", "check free space and permissions", where=str(path))


def replace_folder(new: Path, dest: Path) -> None:
    """Put the finished folder ``new`` at ``dest``, replacing what was there as late as possible:
    the old folder is moved aside, the new one renamed into place, then the old one deleted."""
    if dest.exists():
        old = dest.parent / f".{dest.name}.old-{uuid.uuid4().hex[:8]}"
        os.replace(dest, old)
        os.replace(new, dest)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(new, dest)


def document_meta(doc: Document) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for u in doc.units:
        counts[u.kind] = counts.get(u.kind, 0) + 1
    return {"doc_id": doc.doc_id, "source": doc.source, **doc.meta, "units": counts, "text": doc.text}


def write_document(doc: Document, outdir: Path, durable: bool = True) -> Path:
    """Write ``<doc_id>.jsonl`` and ``<doc_id>.meta.json``; return the JSONL path.  A batch passes
    ``durable=False`` and flushes everything to disk once at its end (see ``batch.annotate_many``)."""
    out = outdir / f"{doc.doc_id}.jsonl"
    write_atomic(out, jsonl_bytes(doc.records()), durable=durable)
    # the metadata is derived (a lost one only means the article is annotated again): no fsync
    write_atomic(outdir / f"{doc.doc_id}{META_SUFFIX}", json.dumps(document_meta(doc), ensure_ascii=False, indent=1) + "\n", durable=False)
    return out


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Records of one annotations file; a malformed line is reported with its number."""
    records = []
    with path.open(encoding="utf-8") as f:
        for k, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise DataError(f"line {k} is not valid JSON ({exc.msg})", "re-run zhgloss annotate on the article", where=str(path))
    return records
