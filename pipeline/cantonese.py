"""Hong Kong personal names in English, from their Cantonese readings: 李家超 -> Lee Ka-chiu.

Hong Kong writes its people's names in English from Cantonese, not Mandarin (Li Jiachao) or
Taiwan's Wade-Giles (Li Chia-chao).  Readings come from ToJyutping (characters read in context,
so a character with several readings gets the one the name needs); each syllable is spelled
as Hong Kong's government and press spell names (``data/cantonese/hk_romanization.yaml``):
Jyutping initials and finals mapped letter by letter, a few whole syllables their own way
(si Sze, ji Yee), surnames by table (曾 Tsang, 吳 Ng), the given name hyphenated.  Many people add
an English first name (John Lee Ka-chiu), which no reading can give: a known person's English
comes from the knowledge base.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Callable

from . import rx, yamlfile
from .errors import DataError, MissingDependency

_DATA = "data/cantonese/hk_romanization.yaml"
_GLOSSARY = "data/cantonese/glossary.tsv"
#: characters written in Cantonese and (almost) never in standard written Chinese
_CANTONESE_CHARS = "嘅咗唔佢喺冇啲嗰噉嚟哋嘢諗攞搵冚㗎喎嘥"


def is_cantonese(text: str) -> bool:
    """Is the text written in Cantonese (a Hong Kong column or post: 佢哋話…嘅…), not standard
    written Chinese quoting a Cantonese word or two?  At least three of its characters, and one in
    a hundred, are Cantonese ones."""
    n = sum(text.count(ch) for ch in _CANTONESE_CHARS)
    return n >= 3 and n * 100 >= len(text)


@cache
def cantonese_glossary() -> dict[str, tuple[str, bool]]:
    """``data/cantonese/glossary.tsv``: word -> (gloss, shown in gloss_en), for Cantonese text."""
    out: dict[str, tuple[str, bool]] = {}
    src = resources.files("pipeline").joinpath(_GLOSSARY)
    for n, line in enumerate(src.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) != 3 or f[2] not in ("yes", "no"):
            raise DataError(f"line {n}: expected word, gloss and yes/no separated by tabs", "fix the file", str(src))
        out.setdefault(f[0], (f[1], f[2] == "yes"))
    return out
_SYLLABLE = rx.compile(r"(ng|gw|kw|[bpmfdtnlgkhwzcsj]?)([a-z]+?)([1-6])$")


class CantoneseNames:
    def __init__(self, data: dict, to_traditional: Callable[[str], str]):
        try:
            import ToJyutping
        except ImportError as exc:  # pragma: no cover - a dependency
            raise MissingDependency("ToJyutping", "Hong Kong names in English") from exc
        self._read = ToJyutping.get_jyutping_list
        self.initials, self.finals = data["initials"], data["finals"]
        self.syllables, self.surnames = data["syllables"], data["surnames"]
        self._traditional = to_traditional

    @classmethod
    def load(cls) -> "CantoneseNames":
        import yaml

        from .patterns import s2t_converter

        source = resources.files("pipeline").joinpath(_DATA)
        try:
            data = yamlfile.safe_load(source.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise DataError(f"cannot read the Hong Kong name table ({exc})", "reinstall zhgloss", where=str(source))
        return cls(data, s2t_converter().convert)

    def romanize(self, name: str) -> str | None:
        """``name`` (Traditional or Simplified) in Hong Kong's spelling; None when a character has
        no Cantonese reading."""
        trad = self._traditional(name)
        if not 2 <= len(trad) <= 5:
            return None
        def table(a: int, b: int) -> str | None:  # the text as written first: s2t turns the surname 范 into 範
            return self.surnames.get(name[a:b]) or self.surnames.get(trad[a:b])

        k = 2 if len(trad) > 2 and table(0, 2) else 1
        readings = [jp for _ch, jp in self._read(trad)]
        if len(readings) != len(trad) or not all(readings):
            return None
        if len(trad) == 4 and k == 1 and table(0, 1) and table(1, 2):
            # a married woman's two surnames, her husband's first: 林鄭月娥 -> Lam Cheng Yuet-ngo
            given = "-".join(self._syllable(jp) for jp in readings[2:]).capitalize()
            return f"{table(0, 1)} {table(1, 2)} {given}"
        surname = table(0, k) or "-".join(self._syllable(jp) for jp in readings[:k]).title()
        given = "-".join(self._syllable(jp) for jp in readings[k:])
        if not given or not surname:
            return None
        return f"{surname} {given.capitalize()}"

    def _syllable(self, jyutping: str) -> str:
        m = _SYLLABLE.match(jyutping)
        if m is None:
            return ""
        initial, final = m.group(1), m.group(2)
        whole = initial + final
        if whole in self.syllables:
            return self.syllables[whole]
        if initial == "j" and final.startswith("yu"):
            return "y" + self.finals.get(final, final)
        return self.initials.get(initial, initial) + self.finals.get(final, final)
