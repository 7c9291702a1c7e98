"""spaCy DocBin files (``train.spacy``, ``dev.spacy``, ``test.spacy``) and a ready ``config.cfg``.

Each record becomes one ``Doc`` whose text is the record text, character for character; its words are
zhgloss's tokens cut at entity boundaries, so every entity is a ``doc.ents`` span with its exact
offsets (and ``kb_id``).  ``doc.cats`` is ``{"BEARING": 1.0, "NOT_BEARING": 0.0}`` for stance-bearing
sentences and the reverse otherwise.  The record id, article and review status travel in
``doc.user_data`` (``zhgloss_unit_id``, ``zhgloss_doc_id``, ``zhgloss_review_status``).
Rejected sentences are left out.
"""

from __future__ import annotations

from importlib import resources as importlib_resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .common import BEARING, NOT_BEARING, Dataset, bearing, clean_entities, trainable, words

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

CONFIG_NAME = "config.cfg"


def config_template() -> str:
    """The training config shipped in ``pipeline/data/spacy_config.cfg``."""
    return importlib_resources.files("pipeline").joinpath("data/spacy_config.cfg").read_text(encoding="utf-8")


def record_to_doc(record: dict[str, Any], vocab: "Vocab", entities: list[dict[str, Any]] | None = None) -> "Doc":
    from spacy.tokens import Doc

    text = record["text"]
    if entities is None:
        entities, _ = clean_entities(record)
    ws = words(record, entities)
    doc = Doc(vocab, words=[text[a:b] for a, b, _ in ws], spaces=[s for _, _, s in ws])
    pos = {(t.get("start"), t.get("end")): t.get("pos") for t in record.get("tokens") or []}
    for tok, (a, b, _) in zip(doc, ws):
        tag = pos.get((a, b))
        if isinstance(tag, str) and tag:
            tok.tag_ = tag
    spans = []
    for e in entities:
        span = doc.char_span(e["start"], e["end"], label=e["label"], kb_id=e.get("kb_id") or "", alignment_mode="strict")
        if span is None:  # pragma: no cover - words() cuts at every entity boundary
            raise AssertionError(f"entity {e} does not align with the words of {record['id']}")
        spans.append(span)
    doc.ents = spans
    yes = bearing(record)
    doc.cats = {BEARING: 1.0 if yes else 0.0, NOT_BEARING: 0.0 if yes else 1.0}
    doc.user_data["zhgloss_unit_id"] = record["id"]
    doc.user_data["zhgloss_doc_id"] = record["doc_id"]
    doc.user_data["zhgloss_review_status"] = record.get("review_status")
    return doc


def write_spacy(ds: Dataset, folder: Path) -> list[Path]:
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    vocab = Vocab()
    out = []
    dropped = 0
    for split, records in ds.by_split().items():
        db = DocBin(store_user_data=True)
        for r in records:
            if not trainable(r):
                continue
            ents, d = clean_entities(r)
            dropped += d
            db.add(record_to_doc(r, vocab, ents))
        path = folder / f"{split}.spacy"
        db.to_disk(path)
        out.append(path)
    cfg = folder / CONFIG_NAME
    text = config_template()
    names = ds.splits
    if "train" in names:
        text = text.replace('[paths]\ntrain = null\ndev = null',
                            '[paths]\ntrain = "train.spacy"\ndev = ' + ('"dev.spacy"' if "dev" in names else '"train.spacy"'), 1)
    cfg.write_text(text, encoding="utf-8")
    out.append(cfg)
    if dropped:
        ds.notes.append(f"{dropped} overlapping or malformed entity span(s) left out of the DocBin files.")
    return out
