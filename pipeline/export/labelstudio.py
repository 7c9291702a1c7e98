"""Label Studio: tasks with predictions to import, and a Label Studio export read back as reviews.

Export writes ``tasks.json`` (a list of tasks, ``{"data": {...}, "predictions": [...]}``) and
``label_config.xml`` (the labelling interface: entity labels over the sentence, the English gloss
beside it, a BEARING / NOT_BEARING choice, a REJECT flag and a note).  Create a project with the
XML as its labelling config, then import ``tasks.json``.

:func:`import_labelstudio` reads Label Studio's JSON export (or JSON-MIN) of those tasks and stores
each annotation as a review in the review store: ``reject`` when REJECT was ticked, otherwise the
corrected entities and stance (the store records ``accept`` when they equal the machine output).
Reviews are written through :meth:`Store.save_review`, so the machine output is never overwritten,
versions are checked and every decision lands in the audit log.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from .. import __version__
from ..errors import DataError
from .common import BEARING, NOT_BEARING, Dataset, bearing, clean_entities

TASKS_NAME = "tasks.json"
CONFIG_NAME = "label_config.xml"
CONTRACT_LABELS = ("PERSON", "GPE", "LOC", "ORG", "POLICY", "EVENT", "DATE", "PERCENT")
REJECT = "REJECT"
_COLOURS = {"PERSON": "#f4a261", "GPE": "#2a9d8f", "LOC": "#8ab17d", "ORG": "#e76f51", "POLICY": "#9b5de5",
            "EVENT": "#f15bb5", "DATE": "#00bbf9", "PERCENT": "#fee440"}


# ---------------------------------------------------------------------------------------------------
# Export


def label_config(labels: Iterable[str]) -> str:
    labels = list(dict.fromkeys([*CONTRACT_LABELS, *sorted(labels)]))
    lines = ["<View>", '  <Header value="$doc_id · $kind · $review_status"/>', '  <Labels name="label" toName="text">']
    for lab in labels:
        lines.append(f"    <Label value={quoteattr(lab)} background={quoteattr(_COLOURS.get(lab, '#adb5bd'))}/>")
    lines += [
        "  </Labels>",
        '  <Text name="text" value="$text"/>',
        '  <Header value="English gloss" size="6"/>',
        '  <Text name="gloss" value="$gloss_en"/>',
        '  <Header value="Stance" size="6"/>',
        '  <Choices name="stance" toName="text" choice="single-radio" showInline="true">',
        f'    <Choice value="{BEARING}" hint="the sentence expresses a stance (judgement, demand, prediction ...)"/>',
        f'    <Choice value="{NOT_BEARING}"/>',
        "  </Choices>",
        '  <Choices name="flag" toName="text" choice="multiple" showInline="true">',
        f'    <Choice value="{REJECT}" hint="the machine annotation is unusable; do not train on this sentence"/>',
        "  </Choices>",
        '  <TextArea name="note" toName="text" placeholder="note (optional)" rows="1" maxSubmissions="1"/>',
        "</View>",
    ]
    return "\n".join(lines) + "\n"


def _result(record: dict[str, Any], ents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for k, e in enumerate(ents):
        item = {"id": f"e{k}", "from_name": "label", "to_name": "text", "type": "labels",
                "value": {"start": e["start"], "end": e["end"], "text": e["text"], "labels": [e["label"]]}}
        info = " · ".join(x for x in (e.get("en"), e.get("kb_id")) if x)
        if info:
            item["meta"] = {"text": [info]}
        out.append(item)
    out.append({"id": "stance", "from_name": "stance", "to_name": "text", "type": "choices",
                "value": {"choices": [BEARING if bearing(record) else NOT_BEARING]}})
    return out


def task(record: dict[str, Any], split: str) -> dict[str, Any]:
    from ..review.annotations import record_sha

    ents, _ = clean_entities(record, overlaps=True)  # Label Studio regions may overlap
    score = (record.get("stance") or {}).get("score")
    return {
        "data": {
            "text": record["text"], "gloss_en": record.get("gloss_en") or "", "record_id": record["id"],
            "doc_id": record["doc_id"], "n": record.get("n"), "kind": record.get("kind"), "split": split,
            "review_status": record.get("review_status") or "unreviewed", "reviewer": record.get("reviewer"),
            # what the predictions were made from: lets the import carry kb_id/en over and notice changes
            "zhgloss": {"entities": record.get("entities") or [], "stance": record.get("stance") or {},
                        "sha": record_sha(record), "version": __version__},
        },
        "predictions": [{"model_version": f"zhgloss-{__version__}" + ("" if record.get("review_status") in (None, "unreviewed", "stale")
                                                                      else f"+review:{record.get('reviewer')}"),
                         "score": float(score) if isinstance(score, (int, float)) and not isinstance(score, bool) else 0.0,
                         "result": _result(record, ents)}],
    }


def write_labelstudio(ds: Dataset, folder: Path) -> list[Path]:
    tasks = [task(r, ds.split_of(r)) for r in ds.records]
    a, b = folder / TASKS_NAME, folder / CONFIG_NAME
    a.write_text(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    b.write_text(label_config(ds.labels()), encoding="utf-8")
    return [a, b]


# ---------------------------------------------------------------------------------------------------
# Import


def _utf16_to_index(text: str, offset: int) -> int | None:
    """A JavaScript (UTF-16) offset as a Python index, or None when it falls inside a character."""
    units = 0
    for i, ch in enumerate(text):
        if units == offset:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text) if units == offset else None


def _span(text: str, value: dict[str, Any]) -> tuple[int, int] | None:
    """Python offsets of a Label Studio text region, checked against its ``text`` when present."""
    a, b = value.get("start"), value.get("end")
    if not (isinstance(a, int) and isinstance(b, int)):
        return None
    want = value.get("text")
    if 0 <= a < b <= len(text) and (want is None or text[a:b] == want):
        return a, b
    a16, b16 = _utf16_to_index(text, a), _utf16_to_index(text, b)  # offsets counted by a browser
    if a16 is not None and b16 is not None and a16 < b16 and (want is None or text[a16:b16] == want):
        return a16, b16
    return None


def _reviewer_of(annotation: dict[str, Any], default: str | None) -> str:
    if default:
        return default
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        who = who.get("email") or who.get("username") or who.get("id")
    if who is None:
        who = annotation.get("annotator")  # JSON-MIN
    if isinstance(who, int):
        return f"labelstudio-user-{who}"
    if isinstance(who, str) and who.strip():
        return who.strip()
    return "labelstudio"


def _annotations(task: dict[str, Any]) -> list[dict[str, Any]]:
    """The completed annotations of a task as ``{"result": [...], ...}``; JSON-MIN rows become one."""
    if isinstance(task.get("annotations"), list) or isinstance(task.get("completions"), list):
        anns = task.get("annotations") if isinstance(task.get("annotations"), list) else task["completions"]
        return [a for a in anns if isinstance(a, dict) and not a.get("was_cancelled") and isinstance(a.get("result"), list)]
    if "label" in task or "stance" in task or "flag" in task:  # JSON-MIN: one flat row per annotation
        result = []
        for v in task.get("label") or []:
            if isinstance(v, dict):
                result.append({"type": "labels", "from_name": "label", "value": v})
        for name in ("stance", "flag"):
            val = task.get(name)
            if val is not None:
                choices = val.get("choices") if isinstance(val, dict) else val
                result.append({"type": "choices", "from_name": name,
                               "value": {"choices": choices if isinstance(choices, list) else [choices]}})
        if task.get("note"):
            result.append({"type": "textarea", "from_name": "note", "value": {"text": [task["note"]]}})
        return [{"result": result, "annotator": task.get("annotator"), "updated_at": task.get("updated_at")}]
    return []


def _data(task: dict[str, Any]) -> dict[str, Any]:
    return task["data"] if isinstance(task.get("data"), dict) else task


def read_export(path: Path) -> list[dict[str, Any]]:
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read the Label Studio export ({exc})", "pass the JSON file Label Studio exported", str(path)) from exc
    try:
        tasks = json.loads(raw)
    except json.JSONDecodeError:
        try:  # JSON lines
            tasks = [json.loads(line) for line in raw.splitlines() if line.strip()]
        except json.JSONDecodeError as exc:
            raise DataError(f"not JSON ({exc.msg}, line {exc.lineno})", "export the project from Label Studio as JSON or JSON-MIN",
                            str(path)) from exc
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list) or not all(isinstance(t, dict) for t in tasks):
        raise DataError("not a list of Label Studio tasks", "export the project from Label Studio as JSON or JSON-MIN", str(path))
    return tasks


def annotation_to_review(record: dict[str, Any], exported: dict[str, Any] | None, ann: dict[str, Any]
                         ) -> tuple[str, dict[str, Any] | None, str, list[str]]:
    """``(decision, annotation, note, problems)`` for one Label Studio annotation of ``record``."""
    text = record["text"]
    known: dict[tuple[int, int, str], dict[str, Any]] = {}
    for e in [*((exported or {}).get("entities") or []), *(record.get("entities") or [])]:
        if isinstance(e, dict) and isinstance(e.get("start"), int) and isinstance(e.get("end"), int):
            known.setdefault((e["start"], e["end"], e.get("label")), e)
    entities, problems = [], []
    stance_choice, flags, notes = None, set(), []
    for item in ann.get("result") or []:
        if not isinstance(item, dict):
            continue
        kind, value = item.get("type"), item.get("value") or {}
        if kind == "labels" or (kind is None and "labels" in value):
            span = _span(text, value)
            labels = value.get("labels") or []
            if span is None or not labels:
                problems.append(f"region {value.get('text')!r} at {value.get('start')}..{value.get('end')} does not match the sentence")
                continue
            for label in labels:
                old = known.get((span[0], span[1], label))
                ent = {"start": span[0], "end": span[1], "label": label, "kb_id": None, "en": None}
                if old is not None:
                    ent.update({k: v for k, v in old.items() if k not in ("start", "end", "label", "text")})
                entities.append(ent)
        elif kind == "choices":
            choices = value.get("choices") or []
            if item.get("from_name") == "flag":
                flags.update(choices)
            elif BEARING in choices or NOT_BEARING in choices:
                stance_choice = BEARING in choices
        elif kind == "textarea":
            notes += [t for t in value.get("text") or [] if isinstance(t, str) and t.strip()]
    note = "\n".join(n.strip() for n in notes)
    if REJECT in flags:
        return "reject", None, note, problems
    stance = dict((exported or {}).get("stance") or record.get("stance") or {})
    if stance_choice is not None:
        stance["bearing"] = stance_choice
    return "edit", {"entities": entities, "stance": stance}, note, problems


def _same_decision(record: dict[str, Any], review: dict[str, Any] | None, decision: str, annotation: dict[str, Any] | None,
                   note: str) -> bool:
    """Whether ``review`` (the reviewer's current decision) already says this, so that importing the
    same export twice writes nothing new (no version bump, no audit line)."""
    from ..review.annotations import InvalidReview, clean_annotation, machine_annotation

    if review is None or review.get("stale") or (review.get("note") or "") != note.strip():
        return False
    if decision == "reject":
        return review.get("decision") == "reject"
    try:
        fixed = clean_annotation(record, annotation)
        machine = clean_annotation(record, machine_annotation(record))
    except InvalidReview:
        return False
    if fixed == machine:
        return review.get("decision") == "accept"
    return review.get("decision") == "edit" and review.get("annotation") == fixed


def import_labelstudio(path: Path, store, reviewer: str | None = None) -> dict[str, Any]:
    """Store the annotations of a Label Studio export as reviews; returns counts and problems.

    A Label Studio annotation is a whole annotation of the sentence, so it is stored even when the
    machine output changed since the export, as long as the sentence text is the same.  A task whose
    record is not in the store or whose text changed is skipped and listed in ``problems``; so is a
    decision that another writer changed in the meantime (a version conflict).  With several annotations on one task and
    ``reviewer`` given, the most recently updated one is used.
    """
    from ..review.store import ReviewError

    tasks = read_export(Path(path))
    counts = {"tasks": len(tasks), "saved": 0, "accept": 0, "edit": 0, "reject": 0, "unannotated": 0, "unchanged": 0, "skipped": 0}
    problems: list[str] = []
    for k, t in enumerate(tasks, 1):
        data = _data(t)
        rid = data.get("record_id")
        where = f"task {t.get('id', k)}"
        if not isinstance(rid, str):
            counts["skipped"] += 1
            problems.append(f"{where}: no record_id — not a task exported by zhgloss")
            continue
        anns = _annotations(t)
        if not anns:
            counts["unannotated"] += 1
            continue
        if reviewer:
            anns = sorted(anns, key=lambda a: str(a.get("updated_at") or a.get("created_at") or ""))[-1:]
        try:
            record = store.record(rid)
        except ReviewError:
            counts["skipped"] += 1
            problems.append(f"{where}: record {rid} is not in the review database — import its article first "
                            f"(zhgloss review ANNOTATIONS --no-serve --db ...)")
            continue
        exported = data.get("zhgloss") if isinstance(data.get("zhgloss"), dict) else None
        if isinstance(data.get("text"), str) and data["text"] != record["text"]:
            counts["skipped"] += 1
            problems.append(f"{where}: the sentence of record {rid} changed since the export; export it again")
            continue
        for ann in anns:
            decision, annotation, note, probs = annotation_to_review(record, exported, ann)
            problems += [f"{where}: {p}" for p in probs]
            name = _reviewer_of(ann, reviewer)
            try:
                current = store.state(rid, name)
                if _same_decision(record, current.get("review"), decision, annotation, note):
                    counts["unchanged"] += 1
                    continue
                base = current["version"]
                state = store.save_review(rid, name, decision, annotation, note=note, base_version=base)
            except ReviewError as exc:
                counts["skipped"] += 1
                problems.append(f"{where}: {exc.what}")
                continue
            counts["saved"] += 1
            saved = (state.get("review") or {}).get("decision", decision)
            counts[saved] = counts.get(saved, 0) + 1
    if counts["saved"]:
        store.log_event(reviewer or "labelstudio", "labelstudio-import", {"file": str(path), **counts, "problems": len(problems)})
    return {"counts": counts, "problems": problems}
