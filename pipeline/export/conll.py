"""BIO-tagged CoNLL files: ``<split>.char.conll`` (one character per line, the usual format for
Chinese NER) and ``<split>.token.conll`` (one zhgloss word per line, cut at entity boundaries).

Each sentence is preceded by two comment lines, as in CoNLL-U::

    # id = ntrex_bbc.381736:6ae701ea75de
    # text = 在北韓金正恩政權下的脫北者人數下降
    在	O
    北	B-GPE
    韓	I-GPE
    ...

then one ``TOKEN<TAB>TAG`` line per character or word, and a blank line.  Whitespace is not written
as a token; the ``# text`` line keeps it, so a reader recovers every offset by finding the tokens in
the text in order.  Readers that do not know comments can drop lines starting with ``# `` first.
Rejected sentences are left out (their annotation was judged wrong).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .common import Dataset, bio_tags, clean_entities, trainable, words


def _block(record: dict[str, Any], spans: list[tuple[int, int]], tags: list[str]) -> str:
    text = record["text"]
    lines = [f"# id = {record['id']}", "# text = " + text.replace("\n", " ")]
    for (a, b), tag in zip(spans, tags):
        tok = text[a:b]
        if tok.isspace():
            continue
        lines.append(f"{tok}\t{tag}")
    return "\n".join(lines) + "\n\n"


def char_block(record: dict[str, Any], entities: list[dict[str, Any]]) -> str:
    text = record["text"]
    spans = [(i, i + 1) for i in range(len(text)) if not text[i].isspace()]
    return _block(record, spans, bio_tags(spans, entities))


def token_block(record: dict[str, Any], entities: list[dict[str, Any]]) -> str:
    text = record["text"]
    spans = [(a, b) for a, b, _ in words(record, entities) if not text[a:b].isspace()]
    return _block(record, spans, bio_tags(spans, entities))


def write_conll(ds: Dataset, folder: Path) -> list[Path]:
    out = []
    dropped = 0
    for split, records in ds.by_split().items():
        chars, toks = [], []
        for r in records:
            if not trainable(r):
                continue
            ents, d = clean_entities(r)
            dropped += d
            chars.append(char_block(r, ents))
            toks.append(token_block(r, ents))
        for kind, blocks in (("char", chars), ("token", toks)):
            path = folder / f"{split}.{kind}.conll"
            with path.open("w", encoding="utf-8", newline="\n") as f:
                f.writelines(blocks)
            out.append(path)
    if dropped:
        ds.notes.append(f"{dropped} overlapping or malformed entity span(s) left out of the BIO files (BIO cannot nest).")
    return out
