"""Build ``hanja_hangul.tsv`` (Korean readings of Han characters) from the Unicode Unihan database.

Usage:  python pipeline/data/korean/build_hanja.py UNIHAN_FOLDER

UNIHAN_FOLDER holds ``Unihan_Readings.txt`` and ``Unihan_Variants.txt`` (or their ``.bz2``).

The Unihan files ship with Debian's ``unicode-data`` package (``/usr/share/unicode/``) and with
every Unicode release (``Unihan.zip``).  Each character's ``kHangul`` readings are kept in
Unihan's order, source letters dropped (리:0E 이:0 -> 리 이).  A character without readings takes
those of its Z-variant or semantic variant that has them (Taiwan's 鎮 reads as Korea's 鎭).  Simplified forms (OpenCC ``t2s``)
of characters that have no entry of their own are added with the readings of their Traditional
form, so Simplified text reads too; where several Traditional characters share one Simplified form
the first in code-point order gives the readings.
"""

from __future__ import annotations

import bz2
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    import opencc

    folder = Path(argv[0])
    table = {char: [v.split(":")[0] for v in value.split()]
             for char, _f, value in _fields(folder, "Unihan_Readings", ("kHangul",))}
    for char, _f, value in _fields(folder, "Unihan_Variants", ("kZVariant", "kSemanticVariant")):
        if char not in table:
            for code in value.split():
                variant = chr(int(code.split("<")[0][2:], 16))
                if variant in table:
                    table[char] = table[variant]
                    break
    cc = opencc.OpenCC("t2s")
    for char in sorted(table):
        simp = cc.convert(char)
        if len(simp) == 1 and simp != char and simp not in table:
            table[simp] = table[char]
    out = HERE / "hanja_hangul.tsv"
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# Korean readings of Han characters (Unihan kHangul, Unicode 15.0); see README.md\n")
        for char in sorted(table):
            fh.write(f"{char}\t{' '.join(table[char])}\n")
    print(f"{len(table)} characters -> {out}", file=sys.stderr)
    return 0


def _fields(folder: Path, name: str, fields: tuple[str, ...]):
    """(character, field, value) for the wanted fields of one Unihan file, plain or bz2."""
    path = folder / f"{name}.txt"
    opener, path = (open, path) if path.exists() else (bz2.open, folder / f"{name}.txt.bz2")
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            code, field, value = line.rstrip("\n").split("\t")
            if field in fields:
                yield chr(int(code[2:], 16)), field, value


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
