"""Batch annotation: worker processes, skipping unchanged articles, the corpus table."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from pipeline.batch import annotate_many, options_key, write_corpus_table
from pipeline.cli import main
from pipeline.resources import Options

ARTICLES = {
    "a.txt": "北韓再度試射飛彈\n北韓今天清晨朝日本海方向發射一枚彈道飛彈。日本政府隨即提出抗議。\n",
    "b.txt": "美國國務卿今天訪問北京，與中國外長會談。雙方同意維持溝通管道。\n",
    "c.txt": "菲律賓與中國在南海的對峙持續升高。美國表示將依條約協防。\n",
}


def make_corpus(root):
    src = root / "in"
    src.mkdir()
    for name, text in ARTICLES.items():
        (src / name).write_text(text, encoding="utf-8")
    return src


def jobs(src):
    return [(p, p.stem, True) for p in sorted(src.glob("*.txt"))]


def test_two_workers_give_the_same_output_as_one(tmp_path):
    src = make_corpus(tmp_path)
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    assert {o.status for o in annotate_many(jobs(src), one, Options(), workers=1)} == {"done"}
    assert {o.status for o in annotate_many(jobs(src), two, Options(), workers=2)} == {"done"}
    for name in ARTICLES:
        stem = name[:-4]
        assert (one / f"{stem}.jsonl").read_bytes() == (two / f"{stem}.jsonl").read_bytes()


def test_unchanged_articles_are_skipped(tmp_path, capsys):
    src = make_corpus(tmp_path)
    out = tmp_path / "out"
    assert main(["annotate", str(src), "-o", str(out)]) == 0
    first = {p.name: p.stat().st_mtime_ns for p in out.glob("*.jsonl")}
    outcomes = annotate_many(jobs(src), out, Options())
    assert [o.status for o in outcomes] == ["skipped"] * 3
    (src / "b.txt").write_text(ARTICLES["b.txt"].replace("北京", "上海"), encoding="utf-8")
    outcomes = {o.doc_id: o.status for o in annotate_many(jobs(src), out, Options())}
    assert outcomes == {"a": "skipped", "b": "done", "c": "skipped"}
    outcomes = annotate_many(jobs(src), out, Options(), force=True)
    assert [o.status for o in outcomes] == ["done"] * 3
    assert {p.name for p in out.glob("*.jsonl")} == set(first)


def test_the_same_bytes_under_another_suffix_are_annotated_again(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    text = "## 美菲同盟\n\n美國表示將依**條約**協防菲律賓。\n"
    (src / "a.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert [o.status for o in annotate_many([(src / "a.txt", "a", True)], out, Options())] == ["done"]
    (src / "a.txt").rename(src / "a.md")
    assert [o.status for o in annotate_many([(src / "a.md", "a", True)], out, Options())] == ["done"]
    assert json.loads((out / "a.meta.json").read_text(encoding="utf-8"))["source"].endswith("a.md")


def test_one_sync_per_run_and_a_cut_short_file_is_redone(tmp_path, monkeypatch):
    import os

    import pipeline.batch as batch

    src = make_corpus(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    synced, fsyncs = [], []
    monkeypatch.setattr(batch, "sync_folder", lambda folder: synced.append(folder))
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (fsyncs.append(fd), real_fsync(fd)))
    assert {o.status for o in annotate_many(jobs(src), out, Options())} == {"done"}
    assert synced == [out] and fsyncs == []  # no flush per file, one sync at the end
    # a power cut can leave a new file empty while its metadata survived: it is annotated again
    (out / "b.jsonl").write_bytes(b"")
    outcomes = {o.doc_id: o.status for o in annotate_many(jobs(src), out, Options())}
    assert outcomes == {"a": "skipped", "b": "done", "c": "skipped"}
    assert (out / "b.jsonl").stat().st_size > 0
    assert len(synced) == 2
    synced.clear()
    assert {o.status for o in annotate_many(jobs(src), out, Options())} == {"skipped"}
    assert synced == []  # nothing written, nothing to sync


def test_changed_options_redo(tmp_path):
    src = make_corpus(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    annotate_many(jobs(src), out, Options())
    extra = tmp_path / "dict.txt"
    extra.write_text("協防 n\n", encoding="utf-8")
    opts = Options(user_dicts=(extra,))
    assert options_key(opts) != options_key(Options())
    assert {o.status for o in annotate_many(jobs(src), out, opts)} == {"done"}


def test_corpus_table(tmp_path):
    src = make_corpus(tmp_path)
    out = tmp_path / "out"
    assert main(["annotate", str(src), "-o", str(out)]) == 0
    table = pq.read_table(out / "corpus.parquet").to_pandas()
    expected = sum(len((out / f"{n[:-4]}.jsonl").read_text(encoding="utf-8").splitlines()) for n in ARTICLES)
    assert len(table) == expected
    assert set(table["doc_id"]) == {"a", "b", "c"}
    row = table[table["kind"] == "body"].iloc[0]
    assert json.loads(row["tokens"])[0]["text"] == row["text"][: len(json.loads(row["tokens"])[0]["text"])]
    write_corpus_table(out, ["a"])
    assert set(pq.read_table(out / "corpus.parquet").column("doc_id").to_pylist()) == {"a"}


def test_english_article_in_a_folder_is_skipped_but_named_one_fails(tmp_path, capsys):
    src = make_corpus(tmp_path)
    en = src / "statement.txt"
    en.write_text("The leaders of Japan, Korea and the United States met at Camp David.\n", encoding="utf-8")
    (src / "LICENSE.md").write_text("Licence text", encoding="utf-8")
    assert main(["annotate", str(src), "-o", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert f"Skipped: {en}: no Chinese text in this article" in err
    assert "LICENSE" not in err
    assert main(["annotate", str(en), "-o", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.startswith(f"Error: {en}: no Chinese text in this article — ")


def test_a_japanese_or_korean_article_is_refused_but_a_chinese_one_quoting_japanese_is_not(tmp_path, capsys):
    jp = tmp_path / "jp.txt"
    jp.write_text("日本の防衛予算はどこまで増えるのか\n\n世界の軍事費が過去最高を更新する中、日本の防衛予算も9兆円を突破。"
                  "米国が求めるGDP比5%は実現可能か、財源や人材の課題から今後の見通しを解説します。\n", encoding="utf-8")
    assert main(["annotate", str(jp), "-o", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.startswith(f"Error: {jp}: this article is in Japanese (")
    ko = tmp_path / "ko.txt"
    ko.write_text("윤석열 대통령이 비상계엄을 선포했다. 국회는 즉시 해제 요구안을 가결했다. 이는 민주주의에 대한 도전이다.\n", encoding="utf-8")
    assert main(["annotate", str(ko), "-o", str(tmp_path / "out")]) == 1
    assert "this article is in Korean" in capsys.readouterr().err
    zh = tmp_path / "zh.txt"
    zh.write_text("高市早苗在國會答詢\n\n日本首相高市早苗在國會表示，『台湾有事は日本有事』的說法引發中國強烈反彈，"
                  "中國外交部隨即提出嚴正交涉，日中關係急速惡化，北京也發布赴日旅遊提醒。\n", encoding="utf-8")
    assert main(["annotate", str(zh), "-o", str(tmp_path / "out")]) == 0


def test_dask_local_cluster_matches_single_process(tmp_path):
    """A LocalCluster with 2 workers writes the same JSONL as a single-process run, and a
    partitioned Parquet dataset with every record."""
    pytest.importorskip("dask.distributed")
    import pyarrow.dataset as ds

    from pipeline.distributed import DATASET, annotate_dask

    src = make_corpus(tmp_path)
    one, cluster = tmp_path / "one", tmp_path / "cluster"
    one.mkdir()
    cluster.mkdir()
    annotate_many(jobs(src), one, Options(), workers=1)
    outcomes = annotate_dask(jobs(src), cluster, Options(), workers=2)
    assert sorted(o.status for o in outcomes) == ["done"] * 3
    for name in ARTICLES:
        stem = name[:-4]
        assert (one / f"{stem}.jsonl").read_bytes() == (cluster / f"{stem}.jsonl").read_bytes()
    table = ds.dataset(cluster / DATASET, partitioning="hive").to_table()
    n = sum(len((one / f"{n[:-4]}.jsonl").read_text(encoding="utf-8").splitlines()) for n in ARTICLES)
    assert table.num_rows == n
    assert set(table.column("doc_id").to_pylist()) == {"a", "b", "c"}
