"""Japanese personal names written in kanji, in English: 森山裕 -> Hiroshi Moriyama.

Chinese commentary writes Japanese names in kanji (in Traditional forms: 齋藤, 晉三, 學); read in
Mandarin they come out as no Japanese would write them (Sen Shan-yu).  A name is converted to
Japanese kanji forms (OpenCC ``t2jp``: 學 -> 学, 濱田 -> 浜田), analysed by MeCab (``fugashi``)
with the UniDic dictionary (``unidic-lite``), whose proper-noun entries mark surnames (姓) and
given names (名) with their readings, and the readings are written in Hepburn as Japanese write
names in English: long vowels without marks or doubled letters (Saito, Yuichiro), 'ei' kept
(Ryosei), no apostrophe (Kenichi), given name first (Hiroshi Moriyama).

Readings of given names are often ambiguous (裕 is Hiroshi, Yutaka or Yu), so a known person comes
from the knowledge base; this is for the names it lacks, marked ``romanized``.  Checked against
the knowledge base's Japanese people in ``tests/test_japanese.py``.
"""

from __future__ import annotations

from typing import Callable, NamedTuple

from .errors import MissingDependency

_E_ROW = set("エケセテネヘメレゲゼデベペェ")  # a long e-vowel is written 'ei' (セー -> sei)
_O_ROW = set("オコソトノホモヨロヲゴゾドボポョ")
_KATAKANA = range(0x30A1, 0x30F7)
_MEMO_SIZE = 20_000


class NameParts(NamedTuple):
    surname: str  # romanised, capitalised
    given: str
    length: int  # characters of the text the name covers


class JapaneseNames:
    def __init__(self, to_japanese: Callable[[str], list[str]]):
        try:
            import cutlet
            import fugashi
        except ImportError as exc:  # pragma: no cover - both are dependencies
            raise MissingDependency(exc.name or "fugashi", "Japanese names in English") from exc
        self._tagger = fugashi.Tagger()  # the unidic-lite dictionary, found by fugashi
        self._kana = cutlet.Cutlet()
        self._kana.use_foreign_spelling = False
        self._to_japanese = to_japanese
        self._memo: dict[str, NameParts | None] = {}

    @classmethod
    def load(cls) -> "JapaneseNames":
        """Names in Traditional, Simplified or Japanese script (Simplified is made Traditional first)."""
        import opencc

        from .patterns import s2t_converter

        t2jp, s2t = opencc.OpenCC("t2jp"), s2t_converter()

        def forms(text: str) -> list[str]:
            # as written first: s2t also turns characters that are already right into others (范 -> 範)
            first = t2jp.convert(text)
            second = t2jp.convert(s2t.convert(text))
            return [first] if second == first else [first, second]

        return cls(forms)

    def name_at(self, text: str) -> NameParts | None:
        """The Japanese name ``text`` begins with: a word UniDic marks as a surname, then the
        longest piece (up to three characters) that UniDic reads alone as one given name; a
        one-character surname needs a two-character given name.  ``text`` is in Traditional,
        Simplified or Japanese script; None when it does not begin with such a name."""
        hit = self._memo.get(text)
        if hit is None and text not in self._memo:
            if len(self._memo) >= _MEMO_SIZE:  # a corpus has endless windows of text: start afresh
                self._memo.clear()
            hit = self._memo[text] = self._analyse(text)
        return hit

    def _analyse(self, text: str) -> NameParts | None:
        for jp in self._to_japanese(text):
            if len(jp) == len(text):
                found = self._analyse_form(jp)
                if found is not None:
                    return found
        return None

    def _analyse_form(self, jp: str) -> NameParts | None:
        words = self._tagger(jp)
        if not words or not _is(words[0], "姓") or not words[0].feature.pron:
            return None
        surname = words[0].surface
        # the given name: the longest next piece (three characters down to one) that UniDic reads
        # as one given name on its own — in context MeCab may split it (細谷|雄|一 for 細谷雄一),
        # and a name read only in pieces would be read wrong (Kaoruyu for 鈴木馨祐)
        for n in (3, 2, 1):
            piece = jp[len(surname):len(surname) + n]
            if len(piece) < n:
                continue
            alone = self._tagger(piece)
            if len(alone) == 1 and _is(alone[0], "名") and alone[0].feature.pron not in (None, "*"):
                if len(surname) + n < 3 and len(surname) < 2:
                    return None  # 林|芳: too short to tell
                return NameParts(self._hepburn(words[0].feature.pron), self._hepburn(alone[0].feature.pron), len(surname) + n)
        # a one-character given name UniDic reads as one only in context (川島|真 "Makoto" before 指出),
        # after a surname of two characters or more
        if len(surname) >= 2 and len(words) > 1 and len(words[1].surface) == 1 and _is(words[1], "名") \
                and words[1].feature.pron not in (None, "*"):
            return NameParts(self._hepburn(words[0].feature.pron), self._hepburn(words[1].feature.pron), len(surname) + 1)
        return None

    def surname(self, text: str) -> str | None:
        """``text`` as a Japanese surname alone (佐藤 -> Sato), if UniDic reads it as one."""
        for jp in self._to_japanese(text):
            words = self._tagger(jp) if len(jp) == len(text) else []
            if len(words) == 1 and _is(words[0], "姓") and words[0].feature.pron not in (None, "*"):
                return self._hepburn(words[0].feature.pron)
        return None

    def english(self, text: str) -> str | None:
        """``text`` as one whole Japanese name in English, given name first; None if it is not one."""
        parts = self.name_at(text)
        if parts is None or parts.length != len(text):
            return None
        return f"{parts.given} {parts.surname}"

    def _hepburn(self, pron: str) -> str:
        if len(pron) > 1 and pron.endswith("ウ") and pron[-2] in _O_ROW:
            pron = pron[:-1]  # アソウ: Aso (a long o written with ウ)
        kana = []
        for ch in pron:
            if ch == "ー":
                if kana and kana[-1] in _E_ROW:
                    kana.append("イ")
                continue  # Saito, Yuichiro: a long vowel is not written twice
            kana.append(ch)
        hira = "".join(chr(ord(c) - 0x60) if ord(c) in _KATAKANA else c for c in kana)
        return self._kana.map_kana(hira).replace("'", "").capitalize()


def _is(word, kind: str) -> bool:
    f = word.feature
    return f.pos2 == "固有名詞" and f.pos3 == "人名" and f.pos4 == kind
