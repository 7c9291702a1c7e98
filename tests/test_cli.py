"""The command line, through its entry point, with exact error lines."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from pipeline import __version__
from pipeline.cli import main

from .conftest import SEED

ARTICLE = "北韓再度試射飛彈\n北韓今天清晨朝日本海方向發射一枚彈道飛彈。日本政府隨即提出抗議。\n"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version_and_help(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"zhgloss {__version__}"
    code, out, _ = run(capsys, "annotate", "--help")
    assert code == 0 and "Example: zhgloss annotate" in out and "--stdout" in out
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "annotate" in out


def test_annotate_writes_records(tmp_path, capsys):
    art = tmp_path / "nk.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(capsys, "annotate", str(art), "-o", str(tmp_path / "out"))
    assert code == 0, err
    lines = (tmp_path / "out" / "nk.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(x) for x in lines]
    assert [r["kind"] for r in records] == ["title", "body", "body"]
    assert "北韓" in lines[0]  # not ASCII-escaped
    fields = {"id", "doc_id", "n", "kind", "section", "text", "start", "end", "tokens", "entities", "stance", "gloss_en", "translation_en"}
    assert all(fields <= set(r) for r in records)
    meta = json.loads((tmp_path / "out" / "nk.meta.json").read_text(encoding="utf-8"))
    for r in records:
        assert meta["text"][r["start"] : r["end"]] == r["text"]


def test_stdout(tmp_path, capsys):
    art = tmp_path / "nk.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(capsys, "annotate", str(art), "--stdout")
    assert code == 0
    assert len(out.splitlines()) == 3 and not (Path("annotations") / "nk.jsonl").exists()


def test_python_dash_m(tmp_path):
    import subprocess
    import sys

    art = tmp_path / "nk.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "pipeline", "annotate", str(art), "--stdout"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.splitlines()) == 3


def test_program_ends_with_complete_files_and_its_status(tmp_path):
    """`annotate` ends the process at once (no teardown of the dictionaries): the files, the
    progress messages and the exit status must all be there."""
    import subprocess
    import sys

    art = tmp_path / "nk.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "pipeline", "annotate", str(art), str(tmp_path / "missing.txt"), "-o", str(out)],
                          capture_output=True, text=True)
    assert proc.returncode == 1 and "missing.txt" in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "pipeline", "annotate", str(art), "-o", str(out), "--table"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert len((out / "nk.jsonl").read_text(encoding="utf-8").splitlines()) == 3
    assert json.loads((out / "nk.meta.json").read_text(encoding="utf-8"))["doc_id"] == "nk"
    assert (out / "corpus.parquet").stat().st_size > 0


@pytest.mark.parametrize(
    "name, data, expected",
    [
        ("empty.txt", b"", "file is empty — nothing to annotate; check that the article was saved"),
        ("bin.txt", bytes(range(256)) * 8, "looks like a binary file, not text — give a text, HTML or PDF article"),
        ("bad.txt", b"abc\xff\xfe\xff def\xff" * 40 + b"x", "cannot tell the text encoding (not UTF-8, Big5, GB18030 or UTF-16) — re-save the file as UTF-8"),
        ("a.doc", b"x", "unsupported file type '.doc' — give a .txt, .md, .html or .pdf file"),
    ],
)
def test_bad_input_errors(tmp_path, capsys, name, data, expected):
    f = tmp_path / name
    f.write_bytes(data)
    code, out, err = run(capsys, "annotate", str(f), "-o", str(tmp_path / "out"))
    assert code == 1
    assert err.strip() == f"Error: {f}: {expected}"
    assert "Traceback" not in err and out == ""


def test_missing_path(tmp_path, capsys):
    code, _, err = run(capsys, "annotate", str(tmp_path / "nope.txt"))
    assert code == 1 and err.strip() == f"Error: {tmp_path / 'nope.txt'}: no such file or folder — check the path"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_output_dir_nonroot(tmp_path, capsys):  # pragma: no cover - CI runs as root
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o500)
    art = tmp_path / "nk.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(capsys, "annotate", str(art), "-o", str(out))
    assert code == 1 and "cannot write to the output folder" in err


def test_unwritable_output_dir(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    art = tmp_path / "nk.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(capsys, "annotate", str(art), "-o", str(blocker / "sub"))
    assert code == 1
    assert err.startswith(f"Error: {blocker / 'sub'}: cannot write to the output folder")
    assert err.strip().endswith("— choose another folder with -o, or fix its permissions")


def test_folder_with_a_bad_file_reports_it_and_keeps_the_rest(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    code, _, err = run(capsys, "annotate", str(src), "-o", str(tmp_path / "out"), "--no-progress")
    assert code == 1
    assert err.strip() == f"Error: {src / 'empty.txt'}: file is empty — nothing to annotate; check that the article was saved"
    assert (tmp_path / "out" / "good.jsonl").exists()


def test_rerun_replaces_atomically(tmp_path, capsys, monkeypatch):
    art = tmp_path / "nk.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert run(capsys, "annotate", str(art), "-o", str(out))[0] == 0
    before = (out / "nk.jsonl").read_bytes()

    def interrupted(src, dst):
        raise KeyboardInterrupt

    art.write_text(ARTICLE.replace("抗議", "嚴正抗議"), encoding="utf-8")
    monkeypatch.setattr(os, "replace", interrupted)
    code = main(["annotate", str(art), "-o", str(out)])
    monkeypatch.undo()
    assert code == 130
    assert (out / "nk.jsonl").read_bytes() == before  # the old file is intact
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []  # no temp files left


def test_output_files_get_the_users_permissions(tmp_path, capsys):
    art = tmp_path / "nk.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    old = os.umask(0o022)
    try:
        assert run(capsys, "annotate", str(art), "-o", str(tmp_path / "out"))[0] == 0
    finally:
        os.umask(old)
    for name in ("nk.jsonl", "nk.meta.json"):  # readable by others, as any file the user writes
        assert (tmp_path / "out" / name).stat().st_mode & 0o777 == 0o644


def test_same_name_in_two_folders_gets_distinct_ids(tmp_path, capsys):
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "x.txt").write_text(ARTICLE, encoding="utf-8")
    code, _, _ = run(capsys, "annotate", str(tmp_path / "a"), str(tmp_path / "b"), "-o", str(tmp_path / "out"))
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "out").glob("*.jsonl")) == ["a__x.jsonl", "b__x.jsonl"]


def test_same_name_with_another_suffix_in_one_folder_gets_distinct_ids(tmp_path, capsys):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a" / "x.md").write_text("# 標題\n\n" + ARTICLE, encoding="utf-8")
    code, _, _ = run(capsys, "annotate", str(tmp_path / "a"), "-o", str(tmp_path / "out"))
    assert code == 0  # one output each, not the second written over the first
    assert sorted(p.name for p in (tmp_path / "out").glob("*.jsonl")) == ["a__x_md.jsonl", "a__x_txt.jsonl"]


def test_seed_from_corpus(tmp_path, capsys):
    shutil.copy(SEED, tmp_path / SEED.name)
    code, _, err = run(capsys, "annotate", str(tmp_path / SEED.name), "-o", str(tmp_path / "out"))
    assert code == 0, err
    assert (tmp_path / "out" / f"{SEED.stem}.jsonl").exists()


def test_gloss_command(capsys):
    code, out, _ = run(capsys, "gloss", "台灣的國防預算大幅增加。")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "台灣的國防預算大幅增加。"
    assert "Taiwan" in lines[1] and "|" in lines[1]
    code, _, err = run(capsys, "gloss", "  ")
    assert code == 1 and err.startswith("Error: gloss: no text given")


def test_unknown_option_is_a_usage_error_not_a_traceback(capsys):
    code, _, err = run(capsys, "annotate", "--bogus")
    assert code == 2 and "No such option: --bogus" in err and "Traceback" not in err


def test_bad_model_path_reported_once(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.txt", "b.txt"):
        (src / name).write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(capsys, "annotate", str(src), "-o", str(tmp_path / "out"), "--ner-model", str(tmp_path / "nope"))
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and err.startswith("Error: ")
