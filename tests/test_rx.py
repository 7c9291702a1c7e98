"""pipeline.rx: re.compile with the compiled code cached on disk."""

import re

import pytest

from pipeline import rx

PATTERNS = [
    (r"(?P<name>[\u3400-\u9fff]{2,4})\s*(?:記者|特派員)(?=[／/])", 0),
    (r"^(?:by|作者)\s*[:：]?\s*([A-Z][a-z]+(?: [A-Z][a-z]+)*)$", re.IGNORECASE | re.MULTILINE),
    (r"[^\u4e00-\u9fff\s]+|(\d+)(?:[.,]\d+)*%?", 0),
]
TEXTS = ["王大明記者／台北報導", "BY John Smith", "作者：李四", "中文 abc 12.5% 測試 3,000", ""]


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHGLOSS_CACHE", str(tmp_path))
    monkeypatch.setattr(rx, "_SLOW", 0.0)  # every pattern counts as slow: all are stored
    monkeypatch.setattr(rx, "_state", {"enabled": True, "entries": None, "new": {}, "used": set()})
    return tmp_path


def _same(a: re.Pattern, b: re.Pattern) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    for text in TEXTS:
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]
        assert [m.groups() for m in a.finditer(text)] == [m.groups() for m in b.finditer(text)]
        assert a.sub("#", text) == b.sub("#", text)


def test_compiled_and_cached_patterns_behave_as_re(fresh_cache, monkeypatch):
    first = [rx.compile(p, f) for p, f in PATTERNS]
    for (p, f), got in zip(PATTERNS, first):
        _same(got, re.compile(p, f))
    rx.save()
    assert list(fresh_cache.glob("regex-*.marshal"))
    # a new process: the entries come from the file
    monkeypatch.setattr(rx, "_state", {"enabled": True, "entries": None, "new": {}, "used": set()})
    again = [rx.compile(p, f) for p, f in PATTERNS]
    assert len(rx._state["used"]) == len(PATTERNS) and not rx._state["new"]
    for (p, f), got in zip(PATTERNS, again):
        _same(got, re.compile(p, f))


def test_bad_pattern_raises_re_error(fresh_cache):
    with pytest.raises(re.error):
        rx.compile(r"[\u4e00-")
    assert rx._state["enabled"]


def test_unreadable_or_foreign_cache_is_ignored(fresh_cache, monkeypatch):
    rx.compile(*PATTERNS[0])
    rx.save()
    path = next(fresh_cache.glob("regex-*.marshal"))
    path.write_bytes(b"not marshal data")
    monkeypatch.setattr(rx, "_state", {"enabled": True, "entries": None, "new": {}, "used": set()})
    _same(rx.compile(*PATTERNS[0]), re.compile(*PATTERNS[0]))
    # an entry the engine rejects: plain re.compile from then on
    monkeypatch.setattr(rx, "_state", {"enabled": True, "entries": {(PATTERNS[1][0], int(PATTERNS[1][1])): (0, [1, 2, 3], 0, {}, ())},
                                      "new": {}, "used": set()})
    _same(rx.compile(*PATTERNS[1]), re.compile(*PATTERNS[1]))
    assert not rx._state["enabled"]


def test_unwritable_cache_folder_is_not_an_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("ZHGLOSS_CACHE", str(blocker / "sub"))
    monkeypatch.setattr(rx, "_SLOW", 0.0)
    monkeypatch.setattr(rx, "_state", {"enabled": True, "entries": None, "new": {}, "used": set()})
    rx.compile(*PATTERNS[2])
    rx.save()  # no exception
    assert rx._state["new"]
