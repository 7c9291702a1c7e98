"""Export: CoNLL BIO files (character and token level) read back by a small reader give the same
entities, labels and offsets."""

from __future__ import annotations

from pathlib import Path

from pipeline.export import export
from tests.test_export_common import ARTICLES, make_annotations, make_store, records_of


def read_conll(path: Path) -> list[dict]:
    """A plain BIO reader: ``# id`` / ``# text`` comments, ``TOKEN<TAB>TAG`` lines, blank line between
    sentences.  Token offsets are recovered by finding each token in the text after the previous one."""
    sentences = []
    cur: dict | None = None
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("# id = "):
            cur = {"id": line[7:], "tokens": []}
        elif line.startswith("# text = "):
            cur["text"] = line[9:]
        elif line:
            tok, tag = line.split("\t")
            cur["tokens"].append((tok, tag))
        elif cur is not None:
            sentences.append(cur)
            cur = None
    for s in sentences:
        pos, ents = 0, []
        for tok, tag in s["tokens"]:
            a = s["text"].index(tok, pos)
            pos = a + len(tok)
            if tag.startswith("B-"):
                ents.append([a, pos, tag[2:]])
            elif tag.startswith("I-"):
                assert ents and ents[-1][2] == tag[2:], f"I- without B- in {s['id']}"
                ents[-1][1] = pos
            else:
                assert tag == "O"
        s["entities"] = [(s["text"][a:b], a, b, lab) for a, b, lab in ents]
    return sentences


def expected() -> dict[str, list[tuple]]:
    return {r["id"]: [(e["text"], e["start"], e["end"], e["label"]) for e in r["entities"]]
            for d in ARTICLES for r in records_of(d)}


def test_char_and_token_files_round_trip(tmp_path):
    ann = make_annotations(tmp_path)
    out = tmp_path / "out"
    export(out, "conll", inputs=[ann])
    want = expected()
    for kind in ("char", "token"):
        got = {s["id"]: s["entities"] for s in read_conll(out / f"all.{kind}.conll")}
        assert got == want, kind
    chars = read_conll(out / "all.char.conll")
    biden = next(s for s in chars if "Joe Biden" in s["text"])
    assert ("J", "B-PERSON") in biden["tokens"] and ("B", "I-PERSON") in biden["tokens"]  # Latin word, letter by letter
    assert ("2", "B-DATE") in biden["tokens"] and ("5", "I-PERCENT") in biden["tokens"]
    assert all(not tok.isspace() for s in chars for tok, _ in s["tokens"])
    tokens = read_conll(out / "all.token.conll")
    biden = next(s for s in tokens if "Joe Biden" in s["text"])
    assert [t for t in biden["tokens"] if t[1] != "O"][:5] == [
        ("美國", "B-GPE"), ("拜登", "B-PERSON"), ("Joe", "B-PERSON"), ("Biden", "I-PERSON"), ("2023", "B-DATE")]
    text = (out / "all.char.conll").read_text(encoding="utf-8")
    assert "\n南\tB-GPE\n韓\tI-GPE\n" in text


def test_token_file_cuts_words_at_entity_boundaries(tmp_path):
    ann = make_annotations(tmp_path)
    out = tmp_path / "out"
    export(out, "conll", inputs=[ann])
    # 中國外交部 is one entity over the two words 中國 + 外交部
    s = next(s for s in read_conll(out / "all.token.conll") if s["text"].startswith("中國外交部"))
    assert s["tokens"][:2] == [("中國", "B-ORG"), ("外交部", "I-ORG")]


def test_splits_and_rejected_sentences(tmp_path):
    db = make_store(tmp_path)
    out = tmp_path / "out"
    export(out, "conll", db=db, only="reviewed", split="50/50")
    names = sorted(p.name for p in out.iterdir())
    assert names == ["README.md", "dev.char.conll", "dev.token.conll", "train.char.conll", "train.token.conll"]
    ids = {s["id"] for split in ("train", "dev") for s in read_conll(out / f"{split}.char.conll")}
    rejected = records_of("art_b")[2]["id"]
    assert rejected not in ids and len(ids) == 4
    edited = next(s for split in ("train", "dev") for s in read_conll(out / f"{split}.token.conll") if s["text"].startswith("NATO"))
    assert ("秘書長", 5, 8, "PERSON") in edited["entities"]
