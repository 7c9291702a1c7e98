"""Korean personal names written in hanja, in English: 朴元浩 -> Park Won-ho.

Chinese commentary writes Korean names in Han characters; read in Mandarin they come out as no
Korean would write them (Piao Yuan-hao).  A name is read in its Sino-Korean readings (Unihan's
``kHangul``, ``data/korean/hanja_hangul.tsv``), the surname spelled as South Koreans spell it in
English (李 Lee, 朴 Park, 崔 Choi), the given name syllable by syllable and hyphenated, as the
rule for personal names has it (no sound changes between syllables): each syllable in the spelling
South Koreans use most for it in their names (수 soo, 영 young, 성 sung), else in the Revised
Romanization (원 won, 호 ho).

A character with a ㄹ- or ㄴ-reading and the initial-sound-law variant of it (李 리/이, 龍 룡/용)
takes the variant at the start of the given name and the original inside it (南宮龍 -> Namgung
Yong; 金在龍 -> Kim Jae-ryong).  People choose their own spellings (Yoon Suk Yeol, Lee
Jae-myung), so a known person comes from the knowledge base; this is for the names it lacks.
"""

from __future__ import annotations

from importlib import resources
from typing import Callable

from . import yamlfile
from .errors import DataError

_DATA = "data/korean"
_SYLLABLES = range(0xAC00, 0xD7A4)
# the initial-sound law: ㄹ -> ㄴ before most vowels, ㄹ/ㄴ -> ㅇ before i, y- and ye-vowels
_RIEUL, _NIEUN, _IEUNG = 5, 2, 11


class KoreanNames:
    def __init__(self, readings: dict[str, list[str]], surnames: dict[str, str], letters: dict[str, list[str]]):
        self.readings, self.surnames = readings, surnames
        self.initials, self.medials, self.finals = letters["initials"], letters["medials"], letters["finals"]
        self.spellings: dict[str, str] = letters.get("given_spellings") or {}
        self.longest_surname = max((len(s) for s in surnames), default=1)

    @classmethod
    def load(cls, convert: Callable[[str], str] | None = None) -> "KoreanNames":
        """The bundled tables; ``convert`` (Traditional -> Simplified) adds Simplified surname keys."""
        import yaml

        base = resources.files("pipeline").joinpath(_DATA)
        try:
            readings: dict[str, list[str]] = {}
            for line in base.joinpath("hanja_hangul.tsv").read_text(encoding="utf-8").splitlines():
                if line and not line.startswith("#"):
                    char, _, values = line.partition("\t")
                    readings[char] = values.split()
            data = yamlfile.safe_load(base.joinpath("romanization.yaml").read_text(encoding="utf-8"))
        except (OSError, ValueError, yaml.YAMLError) as exc:
            raise DataError(f"cannot read the Korean name tables ({exc})", "reinstall zhgloss", where=str(base))
        surnames = dict(data["surnames"])
        if convert is not None:
            for k, v in data["surnames"].items():
                surnames.setdefault(convert(k), v)
        return cls(readings, surnames, data)

    def split(self, name: str) -> tuple[str, str]:
        """Surname and given name: a two-character surname when the table has one (南宮, 鮮于)."""
        for n in range(min(self.longest_surname, len(name) - 1), 0, -1):
            if name[:n] in self.surnames:
                return name[:n], name[n:]
        return name[:1], name[1:]

    def romanize(self, name: str, shadow: str | None = None) -> str | None:
        """English for a Korean name in hanja (Traditional or Simplified); ``shadow`` is the same
        name in Simplified characters, tried for a character the table lacks.  None when a
        character has no Korean reading (not a hanja name)."""
        if not 2 <= len(name) <= 5:
            return None
        from .patterns import _traditional

        if (trad := _traditional(name)) != name:  # 张东赫: the table is in hanja, Traditional forms
            name, shadow = trad, shadow or name
        sur, given = self.split(name)
        sur_en = self.surnames.get(sur)
        if sur_en is None and shadow is not None:
            sur_en = self.surnames.get(shadow[:len(sur)])
        if sur_en is None:
            sur_en = self._syllables(sur, shadow[:len(sur)] if shadow else None, "")
        given_en = self._syllables(given, shadow[len(sur):] if shadow else None, "-")
        if not sur_en or not given_en:
            return None
        return f"{sur_en.capitalize()} {given_en.capitalize()}"

    def _syllables(self, chars: str, shadow: str | None, sep: str) -> str | None:
        out = []
        previous = None
        for i, ch in enumerate(chars):
            values = self.readings.get(ch) or (self.readings.get(shadow[i]) if shadow and i < len(shadow) else None)
            if not values:
                return None
            syllable = self._pick(values, initial=i == 0, after=previous)
            previous = syllable
            out.append(self.spellings.get(syllable) if sep and syllable in self.spellings else self._letters(syllable))
        return sep.join(out)

    def _pick(self, values: list[str], initial: bool, after: str | None = None) -> str:
        """The reading at this place: the initial-sound-law variant at the start of a name part,
        and for 렬/률 after a vowel or ㄴ as well (趙兌烈 Tae-yeol, as 나열 and 규율 are read)."""
        first = values[0]
        jamo = _jamo(after) if after else None
        law = initial or (jamo is not None and jamo[2] in (0, 4) and _jamo(first) is not None
                          and _jamo(first)[0] == _RIEUL and _jamo(first)[1] in (6, 17))
        for v in values[1:]:
            if _law_variant(first, v):
                return v if law else first
            if _law_variant(v, first):
                return first if law else v
        return first

    def _letters(self, syllable: str) -> str:
        jamo = _jamo(syllable)
        if jamo is None:
            return syllable
        ini, med, fin = jamo
        return self.initials[ini] + self.medials[med] + self.finals[fin]


def _jamo(syllable: str) -> tuple[int, int, int] | None:
    code = ord(syllable) - 0xAC00
    if not 0 <= code < len(_SYLLABLES):
        return None
    ini, rest = divmod(code, 588)
    return (ini, *divmod(rest, 28))


def _law_variant(original: str, variant: str) -> bool:
    """``variant`` is ``original`` under the initial-sound law: 리 -> 이, 룡 -> 용, 로 -> 노, 녀 -> 여."""
    a, b = _jamo(original), _jamo(variant)
    if a is None or b is None or a[1:] != b[1:]:
        return False
    return (a[0], b[0]) in ((_RIEUL, _NIEUN), (_RIEUL, _IEUNG), (_NIEUN, _IEUNG))
