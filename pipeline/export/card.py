"""The dataset card (``README.md`` in the export folder) and the article metadata it lists.

Sources and licences come from ``<doc_id>.meta.json`` beside the annotation files (``licence`` or
``license`` when annotate recorded one) and otherwise from the table in the ``README.md`` of the
folder the article was read from (``corpus/README.md``: a row naming the file, a licence column).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import __version__
from .common import ALL, Dataset, bearing

TITLE = "# zhgloss dataset"

# ---------------------------------------------------------------------------------------------------
# Article metadata


def read_meta(jsonl: Path) -> dict[str, Any]:
    """``<doc_id>.meta.json`` beside an annotation file, or ``{}``."""
    name = jsonl.name[: -len(".jsonl")] if jsonl.name.endswith(".jsonl") else jsonl.stem
    path = jsonl.with_name(name + ".meta.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    data.pop("text", None)  # the article text itself is not metadata
    return data


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


@lru_cache(maxsize=32)
def readme_table(readme: Path) -> tuple[dict[str, dict[str, str]], str]:
    """Rows of the first Markdown table in ``readme`` with a licence column, keyed by file name."""
    try:
        lines = readme.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return {}, ""
    rows: dict[str, dict[str, str]] = {}
    header: list[str] | None = None
    for line in lines:
        if not line.strip().startswith("|"):
            if rows:
                break
            header = None
            continue
        cells = _cells(line)
        if header is None:
            low = [c.lower() for c in cells]
            if any(c.startswith("licen") for c in low):
                header = low
            continue
        if all(set(c) <= set("-: ") for c in cells):
            continue
        row = dict(zip(header, cells))
        for name in re.findall(r"`([^`]+)`", cells[0]) or [cells[0]]:
            rows[name.strip()] = row
    return rows, str(readme)


def _licence_from_readme(source: str, jsonl: Path | None) -> tuple[str | None, str | None, str | None]:
    src = Path(source)
    candidates = [src.parent / "README.md"]
    if jsonl is not None and not src.is_absolute():
        candidates += [jsonl.parent / src.parent / "README.md", jsonl.parent.parent / src.parent / "README.md"]
    for readme in candidates:
        if readme.is_file():
            rows, where = readme_table(readme.resolve())
            row = rows.get(src.name)
            if row is not None:
                licence = next((v for k, v in row.items() if k.startswith("licen")), None)
                origin = row.get("source")
                return licence or None, where, origin or None
    return None, None, None


def describe(article, jsonl: Path | None) -> None:
    """Fill ``article`` (a :class:`~pipeline.export.common.Article`) from its meta file and corpus README."""
    meta = read_meta(jsonl) if jsonl is not None else {}
    article.meta = meta
    article.title = article.title or meta.get("title")
    article.source = meta.get("source") or article.source
    article.pipeline_version = meta.get("pipeline_fingerprint") or meta.get("pipeline_version")
    lic = meta.get("licence") or meta.get("license")
    if isinstance(lic, str) and lic.strip():
        article.licence, article.licence_from = lic.strip(), "meta.json"
    elif article.source:
        article.licence, article.licence_from, article.origin = _licence_from_readme(article.source, jsonl)


# ---------------------------------------------------------------------------------------------------
# The card


def _md(x: Any) -> str:
    s = "" if x is None else str(x)
    return s.replace("|", "\\|").replace("\n", " ")


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(_md(c) for c in row) + " |" for row in rows]
    return out


def _fmt(x: Any) -> str:
    return "n/a" if x is None else (f"{x:.3f}" if isinstance(x, float) else str(x))


USAGE = {
    "jsonl": ["`<split>.jsonl`: the contract records (one per sentence) with `review_status`, `reviewer`, "
              "`reviewed_at` and `review_note`.", "", "    pandas.read_json('train.jsonl', lines=True)"],
    "csv": ["`sentences.csv` (one row per sentence) and `entities.csv` (one row per entity or stance target, "
            "`type` = `entity` / `stance_target`), UTF-8 with a byte-order mark; `split` column.", "",
            "    pandas.read_csv('sentences.csv')"],
    "parquet": ["`sentences.parquet` and `entities.parquet`, the same tables as the csv format.", "",
                "    pandas.read_parquet('entities.parquet')"],
    "xlsx": ["`dataset.xlsx` with the sheets `sentences` and `entities`.", "",
             "    pandas.read_excel('dataset.xlsx', sheet_name=None)"],
    "conll": ["`<split>.char.conll` (one character per line) and `<split>.token.conll` (one word per line), "
              "`TOKEN<TAB>BIO-TAG`, sentences separated by blank lines and preceded by `# id = ...` and "
              "`# text = ...` comment lines (whitespace is not a token; the `# text` line keeps it). "
              "Rejected sentences are left out."],
    "spacy": ["`<split>.spacy` DocBin files (entities as `doc.ents`, `doc.cats` = BEARING / NOT_BEARING) and "
              "`config.cfg` (tok2vec + ner + textcat, CPU, tokenizer `zhgloss.Tokenizer.v1`). Rejected sentences "
              "are left out.", "",
              "    zhgloss train --data THIS_FOLDER -o models/ner [--stance]",
              "    python -m spacy train config.cfg --paths.train train.spacy --paths.dev dev.spacy --output model"],
    "labelstudio": ["`tasks.json` (tasks with `predictions`) and `label_config.xml`: create a Label Studio project "
                    "with the XML as its labelling interface and import the tasks. Export the project as JSON and "
                    "read the decisions back with", "",
                    "    zhgloss import --format labelstudio EXPORT.json --db annotations/review.sqlite [--reviewer NAME]"],
    "prodigy": ["`<split>.jsonl`, Prodigy tasks: `text`, `tokens` (`start`, `end`, `id`, `ws`), `spans` "
                "(`token_start`, `token_end` inclusive, `label`), `answer` (accept / reject; none for unreviewed "
                "sentences) and `meta`.", "", "    prodigy db-in my_dataset train.jsonl"],
}


def render(ds: Dataset, fmt: str, files: list[str], exported_at: str | None = None) -> str:
    by_split = ds.by_split()
    when = exported_at or datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"{TITLE} ({fmt})", "",
             f"Exported {when} by zhgloss {__version__} (`zhgloss export --format {fmt}`) from {ds.source}.",
             f"Selection: `--only {ds.only}`" + (f", reviewer `{ds.reviewer}`" if ds.reviewer else "") + ".",
             ]
    if ds.ratios is None:
        lines.append("Not split: every sentence is in `all`.")
    else:
        pct = "/".join(f"{r * 100:g}" for r in ds.ratios)
        lines.append(f"Split {pct} ({'/'.join(ds.splits)}) by article, seed {ds.seed}: every sentence of an article is in "
                     "the same split; article counts are rounded, so sentence shares differ from the percentages.")
    lines += ["", "## Files", ""] + [f"- `{f}`" for f in files] + [""] + USAGE.get(fmt, [])

    # counts per split
    status_names = ("accepted", "edited", "rejected", "unreviewed", "stale")
    rows = []
    for split, recs in by_split.items():
        st = Counter(r.get("review_status") or "unreviewed" for r in recs)
        rows.append([split, len({r["doc_id"] for r in recs}), len(recs), sum(len(r.get("entities") or []) for r in recs),
                     sum(bearing(r) for r in recs), *(st.get(s, 0) for s in status_names)])
    if len(by_split) > 1:
        rows.append(["total", len(ds.articles), len(ds.records), sum(r[3] for r in rows), sum(r[4] for r in rows),
                     *(sum(r[5 + k] for r in rows) for k in range(len(status_names)))])
    lines += ["", "## Counts", ""] + _table(["split", "articles", "sentences", "entities", "stance-bearing", *status_names], rows)

    labels = ds.labels()
    split_names = list(by_split)
    if labels:
        rows = []
        for lab in labels:
            per = [sum(1 for r in by_split[s] for e in (r.get("entities") or []) if e.get("label") == lab) for s in split_names]
            rows.append([lab, *per] + ([sum(per)] if len(per) > 1 else []))
        lines += ["", "### Entities per label", ""] + _table(["label", *split_names] + (["total"] if len(split_names) > 1 else []), rows)
    else:
        lines += ["", "No entities in the selection."]
    bear = [[s, sum(bearing(r) for r in by_split[s]), sum(not bearing(r) for r in by_split[s])] for s in split_names]
    lines += ["", "### Stance (text category)", ""] + _table(["split", "BEARING", "NOT_BEARING"], bear)
    pol = Counter((ds.split_of(r), t.get("polarity")) for r in ds.records for t in (r.get("stance") or {}).get("targets") or [])
    if pol:
        rows = [[p, *(pol.get((s, p), 0) for s in split_names)] for p in sorted({p for _s, p in pol}, key=str)]
        lines += ["", "### Stance targets per polarity", ""] + _table(["polarity", *split_names], rows)
    kinds = Counter((ds.split_of(r), r.get("kind")) for r in ds.records)
    rows = [[k, *(kinds.get((s, k), 0) for s in split_names)] for k in sorted({k for _s, k in kinds}, key=str)]
    lines += ["", "### Sentence kinds", ""] + _table(["kind", *split_names], rows)

    # reviewers and agreement
    who = Counter(r.get("reviewer") for r in ds.records if r.get("reviewer"))
    lines += ["", "## Reviewers", ""]
    if who:
        lines += _table(["reviewer", "sentences (decision used)"], [[k, v] for k, v in sorted(who.items())])
    else:
        lines.append("None: the sentences are machine output, not reviewed.")
    if ds.decisions:
        lines += ["", "All current decisions in the review database (whether exported or not):", ""]
        lines += _table(["reviewer", "accept", "edit", "reject"],
                        [[k, v.get("accept", 0), v.get("edit", 0), v.get("reject", 0)] for k, v in sorted(ds.decisions.items())])
    lines += ["", "### Agreement", ""]
    if ds.agreement:
        lines += ["Pairwise, on sentences both reviewers accepted or edited (from the review database):", ""]
        lines += _table(["reviewer A", "reviewer B", "sentences", "kappa (bearing)", "bearing agreement", "entity F1"],
                        [[p["a"], p["b"], p["n"], _fmt(p.get("kappa_bearing")), _fmt(p.get("bearing_agreement")),
                          _fmt(p.get("entity_f1"))] for p in ds.agreement])
    else:
        lines.append("Not available: it needs decisions of at least two reviewers in a review database (`--db`).")

    # articles, sources, licences
    counts = Counter(r["doc_id"] for r in ds.records)
    rows = []
    for doc_id in sorted(ds.articles):
        a = ds.articles[doc_id]
        rows.append([doc_id, a.split, counts.get(doc_id, 0), a.title or "", a.source or "", a.origin or "",
                     a.licence or "unknown"])
    lines += ["", "## Articles, sources and licences", ""]
    lines += _table(["doc_id", "split", "sentences", "title", "file", "source", "licence"], rows)
    lic_from = sorted({a.licence_from for a in ds.articles.values() if a.licence_from})
    if lic_from:
        lines += ["", "Licences as stated in: " + ", ".join(f"`{x}`" for x in lic_from) + "."]
    if any(not a.licence for a in ds.articles.values()):
        lines += ["", "Articles with an unknown licence: check their terms before sharing this dataset."]

    versions = Counter(a.pipeline_version for a in ds.articles.values() if a.pipeline_version)
    lines += ["", "## Pipeline", "", f"Exported by zhgloss {__version__}" + (f" with spaCy {_spacy_version()}" if fmt == "spacy" else "") + "."]
    if versions:
        lines.append("Annotated by: " + ", ".join(f"`{v}` ({n} article{'s' if n > 1 else ''})" for v, n in sorted(versions.items())) + ".")
    if ds.notes:
        lines += ["", "## Notes", ""] + [f"- {n}" for n in ds.notes]
    return "\n".join(lines) + "\n"


def _spacy_version() -> str:
    try:
        import spacy
    except ImportError:  # pragma: no cover - a dependency
        return "?"
    return spacy.__version__


def is_card(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as f:
            return f.readline().startswith(TITLE)
    except (OSError, UnicodeDecodeError):
        return False


__all__ = ["ALL", "TITLE", "describe", "is_card", "read_meta", "render"]
