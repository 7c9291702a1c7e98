"""The annotate pipeline: read → clean → structure → sentences → stages → records.

``annotate_text`` and ``annotate_file`` are the library entry points; the CLI is a thin wrapper.
Stages are plain functions ``stage(doc, resources) -> None`` run in the order of :data:`STAGES`;
each fills some fields of the document's units.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Callable

from . import __version__, rx
from .clean import clean_blocks
from .entities import entities_stage
from .errors import InputError
from .front_matter import fill_meta, front_date
from .model import Document, Unit
from .patterns import layout_patterns
from .readers import RawArticle, check_chinese, read_article
from .resources import Resources
from .segment import mark_disposal, split_adverbial_ends, split_conditional_words, split_local_heads
from .sentences import split_sentences
from .stance import stance_stage
from .structure import PROSE_KINDS, recover_structure
from .translate import translate_stage

Stage = Callable[[Document, Resources], None]


def segment_stage(doc: Document, res: Resources) -> None:
    """Simplified shadow of the whole document, then tokens for every unit."""
    seg = res.segmenter
    doc.shadow = seg.shadow(doc.text)
    for unit in doc.units:
        shadow = doc.shadow[unit.start : unit.end]
        tokens = split_adverbial_ends(seg, unit.text, shadow, seg.tokens(unit.text, shadow))
        tokens = split_conditional_words(seg, unit.text, shadow, tokens)
        unit.tokens = split_local_heads(seg, unit.text, shadow, tokens)
        mark_disposal(unit.tokens, shadow)


def gloss_stage(doc: Document, res: Resources) -> None:
    """English gloss of every token and the interlinear ``gloss_en`` of every unit."""
    from .gloss import gloss_document  # (loaded with the glosser, not at import: cold start)

    glosser = res.glosser
    gloss_document(doc, glosser)
    glosser.name_holders(doc.units)


#: The stages every article goes through, in order.
STAGES: list[Stage] = [segment_stage, entities_stage, stance_stage, gloss_stage, translate_stage]


def doc_id_for(path: Path) -> str:
    """A stable, file-system-safe id from the file name (the name is what users keep stable)."""
    stem = re.sub(r"[^\w.\-]+", "_", path.stem, flags=re.UNICODE).strip("._")
    return stem or "doc_" + hashlib.sha1(str(path).encode("utf-8")).hexdigest()[:10]


#: a bibliography entry: an author's surname, a comma, given names or initials, then a year
_REFERENCE = rx.compile(r"^[A-Z][A-Za-z'’\-]+,\s+(?:[A-Z][A-Za-z.'’\-]*\s*){1,4}.{0,80}?\b(?:19|20)\d\d[a-z]?\b")


def build_units(text: str, paragraphs) -> list[Unit]:
    """Units from structure paragraphs: prose is split into sentences; sections follow headings."""
    units: list[Unit] = []
    section: str | None = None
    for para in paragraphs:
        if para.kind == "heading":
            section = para.text
        unit_section = section if para.kind in ("body", "heading", "caption") else None
        if para.kind in PROSE_KINDS:
            # a bibliography entry (Allison, Graham. 2017. Destined for War. Boston: …) is one note
            spans = [(0, len(para.text))] if para.kind == "note" and _REFERENCE.match(para.text) else split_sentences(para.text)
            for a, b in spans:
                kind = para.kind
                if b == spans[-1][1] and b - a <= 12 and kind == "body" and len(spans) > 1 \
                        and layout_patterns().is_note(para.text[a:b]):
                    kind = "note"  # …否則，玩火者必自焚。（完）: the wire story's end mark
                units.append(Unit(0, kind, para.start + a, para.start + b, para.text[a:b], unit_section))
        else:
            units.append(Unit(0, para.kind, para.start, para.end, para.text, unit_section))
    for u in units:
        assert text[u.start : u.end] == u.text
    return units


def mark_quoted(units: list[Unit], quotes: list[str]) -> None:
    """Mark the body units inside the paragraphs the source set off as quotations (compared without
    spaces: the clean-up may have changed them)."""
    squeezed = ["".join(q.split()) for q in quotes]
    for u in units:
        if u.kind == "body":
            text = "".join(u.text.split())
            u.quoted = bool(text) and any(text in q for q in squeezed)


def annotate_raw(raw: RawArticle, doc_id: str, res: Resources, source: str = "", stages: list[Stage] | None = None) -> Document:
    blocks = clean_blocks(raw.text, raw.headings)
    text, paragraphs = recover_structure(blocks, raw.hints)
    doc = Document(doc_id=doc_id, text=text, source=source)
    doc.meta = {"format": raw.format, "encoding": raw.encoding, "sha256": raw.sha256, **raw.hints}
    doc.units = build_units(text, paragraphs)
    if raw.quotes:
        mark_quoted(doc.units, raw.quotes)
    doc.assign_ids()
    if not doc.meta.get("date"):
        date = front_date(doc.units)
        if date:
            doc.meta["date"] = date
    for stage in STAGES if stages is None else stages:
        stage(doc, res)
    doc.meta["pipeline_version"] = __version__
    fill_meta(doc)
    return doc


def annotate_text(text: str, doc_id: str = "text", res: Resources | None = None, source: str = "") -> Document:
    """Annotate an article given as a string (already decoded)."""
    from .readers import normalize_newlines

    return annotate_raw(RawArticle(text=normalize_newlines(text), format="txt"), doc_id, res or Resources(), source)


def annotate_file(path: Path, res: Resources | None = None, doc_id: str | None = None) -> Document:
    res = res or Resources()
    raw = read_article(path, max_bytes=res.options.max_bytes)
    try:
        check_chinese(raw.text)
    except InputError as exc:
        raise exc.at(str(path))
    return annotate_raw(raw, doc_id or doc_id_for(path), res, source=str(path))
