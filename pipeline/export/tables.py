"""Flat tables: one row per sentence, one per entity or stance target, English beside Chinese.

``csv`` writes ``sentences.csv`` and ``entities.csv`` (UTF-8 with a byte-order mark, so spreadsheet
programs read the Chinese correctly; pandas reads it as it is), ``parquet`` the same two tables as
Parquet files, ``xlsx`` one workbook ``dataset.xlsx`` with the sheets ``sentences`` and ``entities``.
A ``split`` column says which split each row belongs to.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import MissingDependency
from .common import Dataset

SENTENCE_COLUMNS = {
    "split": "string", "doc_id": "string", "id": "string", "n": "Int64", "kind": "string", "section": "string",
    "text": "string", "gloss_en": "string", "translation_en": "string", "start": "Int64", "end": "Int64",
    "n_entities": "Int64", "labels": "string", "stance_bearing": "boolean", "stance_types": "string",
    "stance_holder": "string", "stance_holder_en": "string", "stance_holder_kb_id": "string",
    "n_targets": "Int64", "stance_score": "Float64",
    "review_status": "string", "reviewer": "string", "reviewed_at": "string", "review_note": "string",
}
ENTITY_COLUMNS = {
    "split": "string", "doc_id": "string", "record_id": "string", "n": "Int64", "type": "string",
    "text": "string", "en": "string", "kb_id": "string", "label": "string", "start": "Int64", "end": "Int64",
    "source": "string", "polarity": "string", "members_en": "string", "members_kb_id": "string",
    # how ``en`` was made when no dictionary or KB gave it: romanised (with the reading used: ko,
    # ja, yue; none for Mandarin) or translated word by word
    "romanized": "boolean", "translated": "boolean", "reading": "string",
    "review_status": "string",
}

_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _i(x: Any) -> int | None:
    return x if isinstance(x, int) and not isinstance(x, bool) else None


def _s(x: Any) -> str | None:
    if x is None:
        return None
    return x if isinstance(x, str) else str(x)


def sentence_rows(ds: Dataset) -> list[dict[str, Any]]:
    rows = []
    for r in ds.records:
        st = r.get("stance") or {}
        holder = st.get("holder")
        if isinstance(holder, dict):
            h_text, h_en, h_kb = holder.get("text"), holder.get("en"), holder.get("kb_id")
        else:
            h_text, h_en, h_kb = holder, ("the author" if holder == "AUTHOR" else None), None
        ents = r.get("entities") or []
        score = st.get("score")
        rows.append({
            "split": ds.split_of(r), "doc_id": r["doc_id"], "id": r["id"], "n": _i(r.get("n")), "kind": r.get("kind"),
            "section": r.get("section"), "text": r.get("text"), "gloss_en": r.get("gloss_en"),
            "translation_en": r.get("translation_en"), "start": _i(r.get("start")), "end": _i(r.get("end")),
            "n_entities": len(ents), "labels": ";".join(sorted({str(e.get("label")) for e in ents})) or None,
            "stance_bearing": bool(st.get("bearing")), "stance_types": ";".join(map(str, st.get("types") or [])) or None,
            "stance_holder": _s(h_text), "stance_holder_en": _s(h_en), "stance_holder_kb_id": _s(h_kb),
            "n_targets": len(st.get("targets") or []),
            "stance_score": float(score) if isinstance(score, (int, float)) and not isinstance(score, bool) else None,
            "review_status": r.get("review_status"), "reviewer": r.get("reviewer"),
            "reviewed_at": r.get("reviewed_at"), "review_note": r.get("review_note"),
        })
    return rows


def entity_rows(ds: Dataset) -> list[dict[str, Any]]:
    rows = []
    for r in ds.records:
        base = {"split": ds.split_of(r), "doc_id": r["doc_id"], "record_id": r["id"], "n": _i(r.get("n")),
                "review_status": r.get("review_status")}
        for e in r.get("entities") or []:
            members = e.get("members") or []
            rows.append({**base, "type": "entity", "text": e.get("text"), "en": _s(e.get("en")), "kb_id": _s(e.get("kb_id")),
                         "label": _s(e.get("label")), "start": _i(e.get("start")), "end": _i(e.get("end")), "source": _s(e.get("source")),
                         "polarity": None,
                         "members_en": ";".join(str(m.get("en") or "") for m in members) or None,
                         "members_kb_id": ";".join(str(m.get("kb_id") or "") for m in members) or None,
                         "romanized": bool(e.get("romanized")), "translated": bool(e.get("translated")),
                         "reading": _s(e.get("reading"))})
        for t in (r.get("stance") or {}).get("targets") or []:
            rows.append({**base, "type": "stance_target", "text": _s(t.get("text")), "en": _s(t.get("en")),
                         "kb_id": _s(t.get("kb_id")), "label": None, "start": _i(t.get("start")), "end": _i(t.get("end")),
                         "source": None, "polarity": _s(t.get("polarity")), "members_en": None, "members_kb_id": None,
                         "romanized": None, "translated": None, "reading": None})
    return rows


def frames(ds: Dataset):
    import pandas as pd

    def frame(rows: list[dict[str, Any]], columns: dict[str, str]) -> "pd.DataFrame":
        df = pd.DataFrame(rows, columns=list(columns))
        return df.astype(columns)

    return frame(sentence_rows(ds), SENTENCE_COLUMNS), frame(entity_rows(ds), ENTITY_COLUMNS)


def write_csv(ds: Dataset, folder: Path) -> list[Path]:
    sentences, entities = frames(ds)
    out = [folder / "sentences.csv", folder / "entities.csv"]
    sentences.to_csv(out[0], index=False, encoding="utf-8-sig", lineterminator="\n")
    entities.to_csv(out[1], index=False, encoding="utf-8-sig", lineterminator="\n")
    return out


def write_parquet(ds: Dataset, folder: Path) -> list[Path]:
    try:
        import pyarrow  # noqa: F401
    except ImportError as exc:  # pragma: no cover - a dependency
        raise MissingDependency("pyarrow", "--format parquet") from exc
    sentences, entities = frames(ds)
    out = [folder / "sentences.parquet", folder / "entities.parquet"]
    sentences.to_parquet(out[0], index=False, engine="pyarrow")
    entities.to_parquet(out[1], index=False, engine="pyarrow")
    return out


def write_xlsx(ds: Dataset, folder: Path) -> list[Path]:
    try:
        import openpyxl  # noqa: F401
    except ImportError as exc:
        raise MissingDependency("openpyxl", "--format xlsx") from exc
    import pandas as pd

    sentences, entities = frames(ds)

    def clean(df: "pd.DataFrame") -> "pd.DataFrame":
        df = df.copy()
        for col, dtype in df.dtypes.items():
            if str(dtype) == "string":
                df[col] = df[col].str.replace(_ILLEGAL_XLSX, "", regex=True)
        return df

    out = folder / "dataset.xlsx"
    with pd.ExcelWriter(out, engine="openpyxl") as xw:
        clean(sentences).to_excel(xw, sheet_name="sentences", index=False)
        clean(entities).to_excel(xw, sheet_name="entities", index=False)
        for ws in xw.book.worksheets:
            ws.freeze_panes = "A2"
    return [out]
