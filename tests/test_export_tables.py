"""Export: csv, parquet and xlsx tables read back by pandas / pyarrow give the same sentences,
entities, labels and offsets."""

from __future__ import annotations

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.export import export
from tests.test_export_common import ARTICLES, make_annotations, make_store, records_of


def expected_entities() -> set[tuple]:
    return {(r["id"], e["text"], e["start"], e["end"], e["label"], e["kb_id"] or "", e["en"] or "")
            for d in ARTICLES for r in records_of(d) for e in r["entities"]}


def _blank(df: pd.DataFrame) -> pd.DataFrame:
    """Missing text as "" whatever the reader made of it (NaN, None, pd.NA)."""
    df = df.copy()
    for col in df.columns:
        if not pd.api.types.is_numeric_dtype(df[col]) or df[col].isna().all():
            df[col] = df[col].astype(object).where(df[col].notna(), "")
    return df


def check_tables(sentences: pd.DataFrame, entities: pd.DataFrame) -> None:
    sentences = _blank(sentences)
    entities = _blank(entities)
    assert len(sentences) == sum(len(v) for v in ARTICLES.values())
    texts = dict(zip(sentences["id"], sentences["text"]))
    ents = entities[entities["type"] == "entity"]
    got = {(r.record_id, r.text, int(r.start), int(r.end), r.label, r.kb_id, r.en) for r in ents.itertuples()}
    assert got == expected_entities()
    for r in ents.itertuples():
        assert texts[r.record_id][int(r.start):int(r.end)] == r.text  # offsets intact in Traditional text
    body = sentences[sentences["text"].str.contains("Joe Biden")].iloc[0]
    assert body["gloss_en"].startswith("美國 | 總統") and bool(body["stance_bearing"]) is True
    assert body["labels"] == "DATE;GPE;PERCENT;PERSON"
    targets = entities[entities["type"] == "stance_target"]
    assert set(targets["polarity"]) == {"negative"} and "United States" in set(targets["en"])
    cluster = ents[ents["text"] == "美日韓"].iloc[0]
    assert cluster["members_en"] == "United States;Japan;South Korea" and cluster["members_kb_id"] == "us;jp;kr"
    assert set(sentences["review_status"]) == {"unreviewed"}


def test_csv_round_trip(tmp_path):
    ann = make_annotations(tmp_path)
    export(tmp_path / "out", "csv", inputs=[ann])
    raw = (tmp_path / "out" / "sentences.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # byte-order mark for spreadsheet programs
    sentences = pd.read_csv(tmp_path / "out" / "sentences.csv", keep_default_na=False, na_values=[""])
    entities = pd.read_csv(tmp_path / "out" / "entities.csv", keep_default_na=False, na_values=[""])
    assert list(sentences.columns)[:3] == ["split", "doc_id", "id"]
    check_tables(sentences, entities)


def test_parquet_round_trip(tmp_path):
    ann = make_annotations(tmp_path)
    export(tmp_path / "out", "parquet", inputs=[ann], split="50/25/25")
    sentences = pq.read_table(tmp_path / "out" / "sentences.parquet").to_pandas()
    entities = pq.read_table(tmp_path / "out" / "entities.parquet").to_pandas()
    check_tables(sentences, entities)
    schema = pq.read_schema(tmp_path / "out" / "entities.parquet")
    assert str(schema.field("start").type) == "int64" and str(schema.field("text").type) in ("string", "large_string")
    assert set(sentences["split"]) == {"train", "dev", "test"}
    per_doc = sentences.groupby("doc_id")["split"].nunique()
    assert (per_doc == 1).all()  # split by article


def test_xlsx_round_trip_with_two_sheets(tmp_path):
    ann = make_annotations(tmp_path)
    export(tmp_path / "out", "xlsx", inputs=[ann])
    sheets = pd.read_excel(tmp_path / "out" / "dataset.xlsx", sheet_name=None)
    assert list(sheets) == ["sentences", "entities"]
    check_tables(sheets["sentences"], sheets["entities"])


def test_tables_from_the_store_carry_reviews(tmp_path):
    db = make_store(tmp_path)
    export(tmp_path / "out", "csv", db=db, only="reviewed")
    sentences = pd.read_csv(tmp_path / "out" / "sentences.csv")
    entities = pd.read_csv(tmp_path / "out" / "entities.csv")
    assert set(sentences["review_status"]) == {"accepted", "edited", "rejected"}
    assert set(sentences["reviewer"]) == {"alice", "bob"}
    added = entities[entities["text"] == "秘書長"].iloc[0]
    assert added["label"] == "PERSON" and added["source"] == "review" and added["review_status"] == "edited"


@pytest.mark.parametrize("fmt", ["csv", "parquet", "xlsx"])
def test_control_characters_and_empty_entity_tables(tmp_path, fmt):
    from pipeline.model import Document, Unit
    from pipeline.records import write_document

    doc = Document("ctl", "甲\x07乙", units=[Unit(0, "body", 0, 3, "甲\x07乙", gloss_en="a")])
    doc.assign_ids()
    write_document(doc, tmp_path / "ann")
    export(tmp_path / "out", fmt, inputs=[tmp_path / "ann"])
    assert (tmp_path / "out" / "README.md").is_file()


def test_entity_table_says_how_english_was_made(tmp_path, resources):
    """A romanised name carries its reading (ko, ja, yue) so a user can tell a guess from the KB."""
    from pipeline.annotate import annotate_text
    from pipeline.export.common import Article, Dataset
    from pipeline.export.tables import entity_rows
    doc = annotate_text("南韓外交部發言人李在雄說，美國是盟友。\n", "k", resources)
    rows = entity_rows(Dataset(records=doc.records(), articles={"k": Article("k")}))
    found = {r["text"]: r for r in rows if r["type"] == "entity"}
    assert (found["李在雄"]["romanized"], found["李在雄"]["reading"]) == (True, "ko")
    assert (found["美國"]["romanized"], found["美國"]["reading"]) == (False, None)
