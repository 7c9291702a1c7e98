"""pipeline.cache: derived data built once, kept on disk, rebuilt when missing or unreadable."""

import os

from pipeline import cache


def test_built_once_then_read(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHGLOSS_CACHE", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return {"詞": ("n", 3), "frozen": frozenset({"a"})}

    assert cache.cached_marshal("t", "k1", build) == build()
    calls.clear()
    assert cache.cached_marshal("t", "k1", build) == {"詞": ("n", 3), "frozen": frozenset({"a"})}
    assert not calls
    (tmp_path / "t-k1.marshal").write_bytes(b"\x00garbage")
    assert cache.cached_marshal("t", "k1", build)["詞"] == ("n", 3) and calls  # unreadable: rebuilt


def test_old_files_of_a_name_are_pruned(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHGLOSS_CACHE", str(tmp_path))
    for k in range(10):
        cache.cached_marshal("lexicon", f"k{k}", lambda: [k])
        os.utime(tmp_path / f"lexicon-k{k}.marshal", (1000 + k, 1000 + k))
    (tmp_path / "other-k0.marshal").write_bytes(b"")
    cache.cached_marshal("lexicon", "new", lambda: [])
    left = sorted(p.name for p in tmp_path.glob("lexicon-*.marshal"))
    assert len(left) == 8 and "lexicon-new.marshal" in left and "lexicon-k0.marshal" not in left
    assert (tmp_path / "other-k0.marshal").exists()


def test_unwritable_cache_folder_still_builds(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("ZHGLOSS_CACHE", str(blocker / "sub"))
    assert cache.cached_marshal("t", "k", lambda: 42) == 42


def test_a_value_marshal_cannot_store_leaves_no_file(tmp_path):
    import pytest

    with pytest.raises(ValueError):
        cache.write_marshal(tmp_path / "x.marshal", {"a": object()})
    assert list(tmp_path.iterdir()) == []
