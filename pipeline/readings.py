"""Pinyin of names with pypinyin, without loading its phrase dictionary at every start.

pypinyin cuts a string into the longest phrases of its dictionary (forward maximum matching, only
whole phrases counted) and reads the rest character by character.  Importing it loads the 47,000
phrases and trains the matcher on every prefix of them: 0.3 s, more than any other part of a
start.  The cut of a string, and so its reading, depends only on the phrases that occur in it.  So
when the ``zhgloss`` program runs (:func:`pipeline.cli.run` sets ``ZHGLOSS_PINYIN_PHRASES`` to
``on-demand``; its worker processes inherit it), pypinyin is imported without its phrases
(``PYPINYIN_NO_PHRASES``) and :func:`lazy_pinyin` first hands it, from an index of pypinyin's own
phrase file (built once, :mod:`pipeline.cache`), the phrases that occur in the string it reads.
Elsewhere — the library inside another program, which may use pypinyin itself — pypinyin is
imported as usual, and so it is when its phrase file cannot be found.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from . import cache

_ENV = "ZHGLOSS_PINYIN_PHRASES"
_state: dict = {"module": None, "index": None, "given": set(), "longest": 0}


def lazy_pinyin(text: str, **kwargs) -> list[str]:
    """``pypinyin.lazy_pinyin(text, **kwargs)``."""
    module = pypinyin_module()
    index = _state["index"]
    if index is not None:
        _give_phrases(module, index, text)
    return module.lazy_pinyin(text, **kwargs)


def pypinyin_module():
    """The pypinyin module, imported without its phrases when the program asked for that and the
    phrase index is at hand (then :func:`lazy_pinyin` supplies them)."""
    module = _state["module"]
    if module is not None:
        return module
    if os.environ.get(_ENV) == "on-demand" and "pypinyin" not in sys.modules:
        index = _phrase_index()
        if index is not None:
            old = os.environ.get("PYPINYIN_NO_PHRASES")
            os.environ["PYPINYIN_NO_PHRASES"] = "1"
            try:
                import pypinyin as module
            finally:
                if old is None:
                    del os.environ["PYPINYIN_NO_PHRASES"]
                else:
                    os.environ["PYPINYIN_NO_PHRASES"] = old
            from pypinyin.constants import PHRASES_DICT

            if not PHRASES_DICT:  # really imported without phrases (nothing else loaded some)
                _state["index"] = index
                _state["longest"] = max(map(len, index), default=0)
    import pypinyin as module

    _state["module"] = module
    return module


def _give_phrases(module, index: dict, text: str) -> None:
    """Load into pypinyin the phrases of its dictionary that occur in ``text`` (and that it does
    not have yet)."""
    given, longest = _state["given"], _state["longest"]
    found = {}
    n = len(text)
    for i in range(n - 1):
        for j in range(i + 2, min(n, i + longest) + 1):
            word = text[i:j]
            if word not in given and word in index:
                found[word] = [r.split("|") for r in index[word].split(" ")]
    if found:
        given.update(found)
        module.load_phrases_dict(found)


def _phrase_index() -> dict | None:
    """pypinyin's phrase dictionary, read from the cache: phrase -> its characters' readings
    (``phrases_dict.json``'s lists of lists, stored as one string: "cháng lóng", readings of one
    character joined by ``|``); None when pypinyin or its file cannot be found."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("pypinyin")
        path = Path(spec.origin).parent / "phrases_dict.json"
        key = cache.key_of("pinyin-phrases", 2, cache.package_version("pypinyin"), cache.file_stamp(path))
    except (ImportError, AttributeError, TypeError, OSError, ValueError):
        return None

    def build() -> dict:
        import json

        with open(path, encoding="utf-8") as f:
            phrases = json.load(f)
        return {w: " ".join("|".join(r) for r in readings) for w, readings in phrases.items()}

    try:
        index = cache.cached_marshal("pinyin-phrases", key, build)
    except (OSError, ValueError):
        return None
    return index if isinstance(index, dict) else None
