"""Foreign names: transliterations (唐納·川普), Latin-script names and acronyms, names in brackets.

A mixin of :class:`pipeline.entities.EntityTagger` like :mod:`pipeline.entity_names`; the decisions
are described in :mod:`pipeline.entities`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property
from typing import TYPE_CHECKING

from . import rx
from .entity_names import _BOOK_TITLE, _HAN_WORD, _LATIN, _all_han
from .model import Entity, Token
from .patterns import _traditional, layout_patterns
from .structure import publication_spans

if TYPE_CHECKING:  # pragma: no cover
    from .entities import _Unit

_LATIN_NAME = rx.compile(r"[A-Z][a-zà-öø-ÿ'’\-]+(?: [A-Z][a-zà-öø-ÿ'’\-]+){0,3}")
# Latin letters with accents (Año, Erdoğan, Zárate): Latin-1, Latin Extended-A/B and Additional
_LAT = "A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ"
_LATIN_CHAR = rx.compile(f"[{_LAT}0-9]")
# (a nickname in quotation marks inside: Ronald "Bato" dela Rosa)
_PAREN_LATIN = rx.compile(rf" ?[(（]\s*(?P<name>[A-ZÀ-ÖØ-Þ][{_LAT}.'’\-]*(?: [{_LAT}.'’\-]+| [\"“][{_LAT}]{{2,15}}[\"”]){{0,5}})\s*[)）]")
# an English organisation name in brackets, with its acronym after a comma: （Defense Security
# Cooperation Agency，DSCA）, （U.S. Coast Guard）, （Acquisition, Technology & Logistics Agency）
_NAME_WORD = r"(?:U\.S\.|[A-Z][A-Za-z'’\-]*)"
_BRACKET_ORG = rx.compile(rf"[(（]\s*(?P<name>{_NAME_WORD}(?:(?:,? | & | and | of | for | on | the | to ){_NAME_WORD})*)"
                          r"\s*(?:[,，、;；]\s*(?P<abbr>[A-Z][A-Za-z0-9&]{1,9}))?\s*[)）]")
#: a person's name in a picture credit: two or three capitalised words
_PHOTOGRAPHER = rx.compile(r"[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){1,2}")
_CREDIT = rx.compile(r"(?:图片来源|图片提供|来源|图源|资料来源|图|照片)\s*[：:／/]\s*(?P<name>[A-Za-z][A-Za-z0-9 .&'’\-]{1,40})")
#: capitalised Latin words, with of/and/the … between them: a name the knowledge base may hold in
#: English (CHIPS Act, Entity List, CHIPS and Science Act)
_LATIN_NAME_RUN = rx.compile(r"(?<![A-Za-z])[A-Z][A-Za-z'’\-]*(?:\s+(?:(?:of|and|the|for|on|in|to)\s+)*[A-Z0-9][A-Za-z0-9'’\-]*){1,7}(?![A-Za-z])")
_WORD = rx.compile(r"\S+")
_LATIN_PHRASE = rx.compile(r"(?<![A-Za-z])[A-Z][A-Za-z'’\-]*(?: [A-Z][A-Za-z'’\-]*){1,4}(?![A-Za-z])")
# an academic citation: a year in brackets after names, or names and years inside brackets
_CITE_YEAR = rx.compile(r"(?:19|20)\d\d[a-z]?\s*(?:[,，]\s*pp?\.\s*[\d\-–]+\s*)?[)）;；]")
_AUTHOR = r"(?:[A-Z][A-Za-z'’\-]+|[\u4e00-\u9fff]{2,4})"
_AUTHORS = rf"{_AUTHOR}(?:\s*(?:,|、|and|&|與|和)\s*{_AUTHOR})*(?:\s+et\s+al\.?|\s*等(?:人)?)?"
_CITED_BEFORE = rx.compile(rf"(?<![A-Za-z])(?P<names>{_AUTHORS})\s*[（(]\s*(?:19|20)\d\d[a-z]?\s*(?:[,，]\s*pp?\.\s*[\d\-–]+\s*)?[)）]")
_CITED_INSIDE = rx.compile(rf"[（(]\s*{_AUTHORS}\s*[,，]\s*(?:19|20)\d\d[a-z]?(?:\s*[;；]\s*{_AUTHORS}\s*[,，]\s*(?:19|20)\d\d[a-z]?)*\s*[)）]")
_CITE_ITEM = rx.compile(rf"(?P<names>{_AUTHORS})\s*[,，]\s*(?:19|20)\d\d")
_CITE_NAME = rx.compile(r"(?<![A-Za-z])(?!and\b|et\b|al\b)[A-Z][A-Za-z'’\-]+|[\u4e00-\u9fff]{2,4}")
_ACRONYM = rx.compile(r"[A-Z][A-Z0-9&]{1,6}")
#: a word in capitals next to another one: a name set in capitals (CHINESE COMMERCIAL NEWS), no acronyms
_CAPS_BEFORE = rx.compile(r"[A-Z]{2,}[ ]+$")
_CAPS_AFTER = rx.compile(r"[ ]+[A-Z]{2,}(?![a-z])")
_ROMAN = rx.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")  # Pillar II, Phase III: a number, not an acronym
# letters with digits are a model or a code (M1A2T, HER2, DF41, H20), not an organisation; a group
# of countries (G7, G20) is one as the knowledge base's entry
_MODEL = rx.compile(r"[A-Z&]*\d[A-Z0-9&]*")
_NUMERAL_PART = rx.compile(r"[〇零一二三四五六七八九十0-9０-９]+")


def is_english_sentence(text: str) -> bool:
    """A unit written in English (no Han character, three Latin words or more): its entities come
    from the English tagger (:class:`pipeline.english.English`), not the Chinese rules."""
    return not _HAN_ANY.search(text) and len(_LATIN_WORD.findall(text)) >= 3


_HAN_ANY = rx.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = rx.compile(r"[A-Za-z]{2,}")


#: tags of a word that a name's last word would be glued to (研究|中心)
_NOMINAL = frozenset({"n", "nz", "nt", "ns", "nr", "vn", "j", "l", "eng"})


#: a dictionary gloss that is a name: one capitalised word (White, Evans, McCain, Jean-Paul)
_NAME_GLOSS = rx.compile(r"(?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?")


#: Latin words right after an outlet's name in a publication line (上報 UP MEDIA ｜ 評論)
_LATIN_AFTER = rx.compile(r"\s+([A-Za-z][A-Za-z&.\-]*(?: [A-Za-z][A-Za-z&.\-]*)*)")


class ForeignNames:
    """Transliterated and Latin-script names (mixed into EntityTagger)."""

    @cached_property
    def english(self):
        """The English tagger (spaCy's tokenizer and the KB's English names), loaded on first use:
        an article without an English sentence never pays for it."""
        from .english import English

        return English(kb=self.kb)

    def _english_sentence(self, u: _Unit, kind: str) -> None:
        """Entities of an English sentence (AIT Director Raymond Greene said, "The United States
        welcomes…"): the KB's English names and aliases, demonyms, and in prose capitalised names
        (not in notes, where a cited title's words are capitalised too)."""
        if self.kb is None:
            return
        for e in self.english.entities(u.text, names=kind != "note"):
            a, b = e["start"], e["end"]
            if a < b and u.free(a, b):
                extra = {"candidates": e["candidates"]} if e.get("candidates") else {}
                entry = self.kb.get(e["kb_id"]) if e.get("kb_id") else None
                en = self._english(entry, e["text"]) if entry is not None else e.get("en")  # AIT stays AIT
                u.add(Entity(u.text[a:b], a, b, e["label"], e.get("kb_id"), en, e.get("source") or "rule", extra=extra))

    def _translit(self, u: _Unit) -> None:
        sh, chars = u.sh, self.rules.data["transliteration_chars"]
        for m in self.sep_re.finditer(sh):
            s0 = m.start()
            if not u.free(s0, s0 + 1):
                continue  # the second · of a name already taken
            # the left part: the jieba token before the separator, then transliteration characters
            a = s0
            t = u.token_at(s0 - 1)
            if t is not None and t.end == s0 and t.end - t.start <= 6 and _all_han(t.norm):
                a = t.start
            while a > 0 and sh[a - 1] in chars and s0 - a < 6:
                a -= 1
            t = u.token_at(a)
            if t is not None and t.start < a:  # start on a token boundary
                a = t.end if t.end < s0 else a
            # the right part(s): the token after each separator, then transliteration characters
            b = m.end()
            while True:
                t = u.token_at(b)
                if t is not None and t.start == b and t.end - t.start <= 6 and _all_han(t.norm) \
                        and t.norm not in self.rules["speech_verbs"]:
                    b = t.end
                while b < len(sh) and sh[b] in chars and b - s0 < 14:
                    b += 1
                if self.sep_re.match(sh, b) and b - s0 < 14:
                    b += 1
                    continue
                break
            t = u.token_at(b - 1)
            if t is not None and t.end > b and t.start > m.end():  # end on one too (格萊厄姆|提出)
                b = t.start
            edge = self.rules["not_name_chars"]
            while a < s0 and sh[a] in edge:  # 由|薇琪·佩珀, 特蕾莎·梅|在
                a += 1
            while b > m.end() and sh[b - 1] in edge:
                b -= 1
            if m.start() - a < 1 or b - m.end() < 1:
                continue
            if any(_NUMERAL_PART.fullmatch(p) for p in self.sep_re.split(sh[a:b])):
                continue  # 八·一七 (the 17 August communiqué), 九·一一: a date, not a name
            if all(self._common_word(p) for p in self.sep_re.split(sh[a:b]) if p):
                continue  # 政治・外交, 產業・科技: a page's sections, not a name
            inner = [e for e in u.ents if e.start < b and a < e.end]
            if any(e.start < a or e.end > b or e.label != "PERSON" for e in inner):
                continue
            for e in inner:
                u.remove(e)
            tail = self.sep_re.split(sh[a:b])[-1]
            linked = next((e for e in inner if e.kb_id and (e.start, e.end) in ((a, b), (b - len(tail), b))), None)
            if linked is not None:
                u.add(Entity(u.text[a:b], a, b, "PERSON", linked.kb_id, linked.en, "kb"))
                continue
            parts = [p for p in self.sep_re.split(sh[a:b]) if p]
            en = " ".join(self._name_part(p) for p in parts)
            u.add(Entity(u.text[a:b], a, b, "PERSON", None, en, "rule", extra={"romanized": True}))

    def _name_part(self, norm: str) -> str:
        """One part of a transliterated name: the name the dictionary gives for it (懷特 White,
        埃文斯 Evans, 傑夫 Jeff), else its pinyin (加雷斯 Jialeisi)."""
        g = None
        if self.glosser is not None and len(norm) > 1:
            g = self.glosser.headword(_traditional(norm)) or self.glosser.headword(norm)
        first = g.split(" or ")[0].strip() if g else ""
        if _NAME_GLOSS.fullmatch(first):
            return first
        return self._pinyin(norm, person=False)

    def _common_word(self, norm: str) -> bool:
        """A word of two or more characters the dictionary glosses as a common noun or verb."""
        if len(norm) < 2 or self.glosser is None:
            return False
        g = self.glosser.headword(norm) or self.glosser.headword(_traditional(norm))
        return bool(g) and not g.startswith("~") and g[:1].islower()

    def _latin(self, u: _Unit) -> None:
        if not _LATIN.search(u.text):
            return
        r = self.rules
        labels = r.data.get("acronym_labels", {}) or {}
        for t in u.tokens:
            if t.pos != "eng" or not u.free(t.start, t.end):
                continue
            hits = self.kb.by_english(t.text) if self.kb is not None else []
            if hits and self._in_latin_phrase(u, t):
                hits = []  # Jordan in "Jordan Spieth"
            if len(hits) == 1 and (t.text[:1].isupper()):
                e = hits[0]
                u.add(Entity(t.text, t.start, t.end, e.type, e.id, e.en, "kb"))
            elif _ACRONYM.fullmatch(t.text) and t.text not in r["not_acronyms"] and not _ROMAN.fullmatch(t.text) \
                    and not _MODEL.fullmatch(t.text) \
                    and not (t.text in r["ship_prefixes"] and self._in_latin_phrase(u, t)) \
                    and not _CAPS_BEFORE.search(u.text, 0, t.start) and not _CAPS_AFTER.match(u.text, t.end) \
                    and not self._term_abbreviation(u, t):  # USS Lawrence; 海域覺知（MDA）; CHINESE COMMERCIAL NEWS
                label = labels.get(t.text) or labels.get(t.text.upper()) or "ORG"
                u.add(Entity(t.text, t.start, t.end, label, None, t.text, "rule"))

    def _term_abbreviation(self, u: _Unit, t: Token) -> bool:
        """An acronym in brackets right after Chinese words that name no body and no entity is a
        term's abbreviation, not an organisation: 海域覺知（MDA）, 人道援助與災難救援（HADR）; after
        北大西洋公約組織 or 國際原子能總署 it stays one."""
        a = t.start
        while a > 0 and u.text[a - 1] in " ，,、":
            a -= 1  # （Maritime Domain Awareness，MDA）: the English name first
        k = u.text.rfind("（", 0, a) if "（" in u.text[:a] else u.text.rfind("(", 0, a)
        if k <= 0 or ")" in u.text[k:a] or "）" in u.text[k:a] or not _HAN_ANY.match(u.sh[k - 1]):
            return False
        if any(e.end == k for e in u.ents):
            return False  # 美國在台協會（AIT）: the entity's own abbreviation
        return not u.sh[:k].endswith(tuple(self.rules["acronym_org_heads"]))

    def _bracketed_orgs(self, u: _Unit) -> None:
        """The Chinese words right before an English organisation or place name in brackets are
        that organisation or place, with that English: 美國國防安全合作署（Defense Security
        Cooperation Agency，DSCA）, 日本防衛裝備廳（Acquisition, Technology & Logistics Agency）,
        半月暗沙（Half Moon Shoal）.  A place's name is short and takes in no other entity
        (菲律賓|巴拉望島 (Palawan Island) is two)."""
        if "(" not in u.text and "（" not in u.text:
            return
        r = self.rules
        heads, descriptors = r.data.get("latin_org_heads") or (), r["org_descriptors"]
        places = r.data.get("latin_place_heads") or ()
        toks = u.tokens
        for m in _BRACKET_ORG.finditer(u.text):
            end, name = m.start(), m.group("name")
            head = name.split()[-1]
            label = "ORG" if head in heads else "LOC" if head in places and not m.group("abbr") else None
            if label is None or any(e.end == end and (label == "LOC" or e.label not in ("GPE", "LOC")) for e in u.ents):
                continue  # no organisation's or place's name, or one found already (a KB name)
            k = bisect_right(u.starts, end - 1) - 1
            if k < 0 or toks[k].end != end:
                continue
            span: list[Token] = []
            a = end
            most, longest = (7, 16) if label == "ORG" else (3, 8)
            while k >= 0 and len(span) < most:
                t = toks[k]
                if t.end != a or not _all_han(t.norm) or t.pos[:1] in "pucdrmqfx" or t.pos == "ul" \
                        or self._is_title(t.norm) or t.norm in descriptors or end - t.start > longest \
                        or any(e.start < t.end and t.start < e.end
                               and (label == "LOC" or e.label not in ("GPE", "LOC") or e.start < t.start)
                               for e in u.ents):
                    break
                span.insert(0, t)
                a = t.start
                k -= 1
            while span and span[0].pos[:1] == "v" and span[0].pos != "vn":
                span.pop(0)  # 批評|美國國防安全合作署: a verb before the name is no part of it
            if not span or end - span[0].start < 2 or span[-1].pos[:1] not in "nj":
                continue
            a = span[0].start
            hits = self._english_entries(name, label)
            kb_id = hits[0].id if len(hits) == 1 else None
            for e in [e for e in u.ents if a <= e.start and e.end <= end]:
                u.remove(e)
            u.add(Entity(u.text[a:end], a, end, label, kb_id, name, "kb" if kb_id else "rule"))
            if kb_id is None and end - a >= 3:
                self._learned[u.sh[a:end]] = (label, name)  # 半月暗沙 again, later: the same place
            b, c = m.span("name")
            if u.free(b, c):
                u.add(Entity(name, b, c, label, kb_id, name, "kb" if kb_id else "rule"))

    def _parenthesized(self, u: _Unit) -> None:
        """A Latin name in brackets right after a name is the same entity: 李容浩 (Ri Yong Ho).
        It also replaces a romanisation: 布雷特·卡瓦諾 (Brett Kavanaugh) gets en "Brett Kavanaugh"."""
        text = u.text
        if "(" not in text and "（" not in text:
            return
        ends = {e.end: e for e in u.ents if e.label not in ("DATE", "PERCENT") and not e.members}
        for m in _PAREN_LATIN.finditer(text):
            e = ends.get(m.start())
            if e is None and m.start() and text[m.start() - 1] in "》」』〉”":
                e = ends.get(m.start() - 1)  # 《強化防衛合作協議》（EDCA）: the title before its closing mark
            a, b = m.span("name")
            if e is None:
                e = self._extend_to_bracket(u, m.start(), m.group("name"))
            if e is None:
                e = self._translit_before(u, m.start(), m.group("name"))
                if e is not None and e.end != m.start():  # a title between: 福特|博士 (...)
                    u.add(Entity(m.group("name"), a, b, e.label, e.kb_id, e.en, e.source))
                    continue
            if e is None:
                e = self._named_in_english(u, m.start(), m.group("name"))
            if e is None:
                continue
            name = m.group("name")
            inner = next((x for x in u.ents if (x.start, x.end) == (a, b)), None)
            if inner is not None:  # the bracket already names an entity: 《強化防衛合作協議》（EDCA）
                entry = self.kb.get(inner.kb_id) if self.kb is not None and inner.kb_id else None
                if entry is not None and inner.label == e.label and e.kb_id is None \
                        and (e.extra.get("romanized") or e.extra.get("translated")):
                    self._relink(u, e, entry.id, entry.english_for(u.sh[e.start:e.end]), "kb")
                continue
            if not u.free(a, b):
                continue
            guessed = e.extra.get("romanized") or e.extra.get("translated")
            hits = self._english_entries(name, e.label) if e.kb_id is None and (name.isupper() or guessed) else []
            if len(hits) == 1 and guessed:
                # 強化防衛合作協議（EDCA）: an acronym the KB knows names the entry the Chinese name is
                # (and so does an English name: 《時代雜誌》(The Times))
                self._relink(u, e, hits[0].id, hits[0].en, "kb")
            elif guessed:  # the text's own English wins
                self._relink(u, e, e.kb_id, name, e.source)  # 帕盧市 (Palu) from now on
            elif e.label == "PERSON" and len(name.split()) >= 2 and (
                    not self._names_entry(name, e.kb_id) if e.kb_id else e.en != name):
                # the text names someone else than the KB guessed: 桑德斯 (Sarah Sanders) is not
                # Bernie Sanders.  Relink (or unlink) here and for the rest of the article.
                hits = self._english_entries(name, "PERSON")
                if len(hits) == 1:
                    self._relink(u, e, hits[0].id, hits[0].en, "kb")
                else:
                    self._relink(u, e, None, name, "rule")
            u.add(Entity(name, a, b, e.label, e.kb_id, e.en, e.source))

    def _named_in_english(self, u: _Unit, end: int, name: str) -> Entity | None:
        """蘋果（Apple）, 亞馬遜（Amazon）: a word before an organisation's English name in brackets,
        one the KB knows by that name alone, is that organisation (the word by itself may be a fruit
        or a river)."""
        hits = self._english_entries(name, "ORG")
        tok = u.token_at(end - 1) if end else None
        prev = u.token_at(tok.start - 1) if tok is not None and tok.start else None
        if len(hits) != 1 or tok is None or tok.end != end or not 2 <= tok.end - tok.start <= 6 \
                or not _all_han(u.sh[tok.start:tok.end]) or not u.free(tok.start, tok.end) \
                or prev is not None and prev.pos in _NOMINAL:
            return None  # (某某研究|中心（CSIS）: the last word of a longer name)
        e = Entity(u.text[tok.start:tok.end], tok.start, tok.end, "ORG", hits[0].id, hits[0].en, "kb")
        u.add(e)
        return e

    def _english_entries(self, name: str, label: str) -> list:
        """The knowledge base's entries of type ``label`` with ``name`` among their English names."""
        return [x for x in self.kb.by_english(name) if x.type == label] if self.kb is not None else []

    def _relink(self, u: _Unit, e: Entity, kb_id: str | None, en: str | None, source: str) -> None:
        """Give ``e`` this entry and English here and for the rest of the article; the text's own
        naming replaces a romanisation or a word-by-word translation."""
        e.kb_id, e.en, e.source = kb_id, en, source
        e.extra.pop("romanized", None)
        e.extra.pop("translated", None)
        self._overrides[u.sh[e.start:e.end]] = (kb_id, en, source)

    def _extend_to_bracket(self, u: _Unit, end: int, latin: str = "") -> Entity | None:
        """葛來|儀 (Bonnie Glaser): a name found without its last character, which jieba split off,
        reaches the bracket when one or two Han characters that end no word lie between; so does a
        place's name that begins a person's after a title (外長拉薩|羅（Theresa Lazaro）: not Lhasa)."""
        for x in u.ents:
            gap = u.sh[x.end:end]
            if x.label in ("GPE", "LOC") and not x.members and 1 <= len(gap) <= 2 and _all_han(gap) and u.free(x.end, end) \
                    and self._latin_person(latin) and (t := u.token_at(x.start - 1)) is not None and t.end == x.start \
                    and self._is_title(t.norm):
                u.remove(x)
                e = Entity(u.text[x.start:end], x.start, end, "PERSON", None, latin, "rule", extra={"translated": True})
                u.add(e)
                return e
            if x.label == "PERSON" and not x.kb_id and 1 <= len(gap) <= 2 and _all_han(gap) \
                    and not any(c in self.rules["not_name_chars"] for c in gap) and not self._is_title(gap) \
                    and u.free(x.end, end) and end - x.start <= (8 if "·" in x.text else 5):  # (莎拉·杜|特地 (Sara Duterte))
                u.remove(x)
                en, extra = self._person_english(u, x.start, end)
                e = Entity(u.text[x.start:end], x.start, end, "PERSON", None, en, "rule", extra=extra)
                u.add(e)
                return e
        return None

    def _latin_person(self, latin: str) -> bool:
        """Two to four capitalised words, none an organisation's: a person's name (Theresa Lazaro)."""
        words = latin.split()
        return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) \
            and not any(w.strip(".") in self.rules["not_person_words"] for w in words)

    def _names_entry(self, name: str, kb_id: str) -> bool:
        """Whether ``name`` is one of the English names of the KB entry ``kb_id``."""
        return any(x.id == kb_id for x in self.kb.by_english(name)) if self.kb is not None else True

    def _translit_before(self, u: _Unit, end: int, latin: str) -> Entity | None:
        """羅森斯坦 (Rod Rosenstein): the transliterated tokens before a bracketed Latin person name
        (two to four capitalised words, none an organisation word) are that person."""
        words = latin.split()
        r = self.rules
        if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) \
                or any(w.strip(".") in r["not_person_words"] for w in words) or words[0] in r["ship_prefixes"]:
            return None
        # walk back over the tokens before the bracket: titles right before it stay outside
        # (福特|博士), then short Han tokens up to a title, a function word or five characters
        # (司法部長|塞|申斯 -> 塞申斯)
        chars = r.data["transliteration_chars"]
        k = bisect_right(u.starts, end - 1) - 1
        toks = u.tokens
        while k >= 0 and toks[k].end == end and self._is_title(toks[k].norm) and k > 0:
            end = toks[k].start
            k -= 1
        a = end
        while k >= 0:
            t = toks[k]
            if t.end != a or not _all_han(t.norm) or self._is_title(t.norm) or t.norm in r["not_name_chars"] \
                    or end - t.start > 5 or not u.free(t.start, t.end) \
                    or (self._is_word(t.norm) and not all(c in chars for c in t.norm)):
                break  # an ordinary word (指控) ends the name; 福特, 申斯 or an unknown token do not
            a = t.start
            k -= 1
        if k >= 1 and toks[k].end == a and len(toks[k].norm) == 2 and end - toks[k].start <= 6 \
                and toks[k].norm[1] in chars and u.free(toks[k].start, toks[k].end) \
                and self._is_title(u.sh[toks[k].start - 1 : toks[k].start + 1]):
            a = toks[k].start + 1  # 國防部|長泰|奧|多羅 (Gilberto Teodoro): the title ends inside a token
        elif k > 0 and a < end:  # 參議員|魏|克爾 (Roger Wicker): one more character right after a title
            t = toks[k]
            if t.end == a and len(t.norm) == 1 and _all_han(t.norm) and t.norm not in r["not_name_chars"] \
                    and end - t.start <= 5 and u.free(t.start, t.end) and toks[k - 1].end == t.start \
                    and self._is_title(toks[k - 1].norm):
                a = t.start
        if a < end:  # 穆勒|納爾 (John Moolenaar): a shorter name the KB knows (穆勒 Robert Mueller) begins it
            x = next((x for x in u.ents if x.end == a and x.label == "PERSON"), None)
            if x is not None and end - x.start <= 6 and all(c in chars for c in u.sh[x.start:a]) \
                    and (x.en or "").split()[-1:] != words[-1:]:
                u.remove(x)
                a = x.start
        if end - a < 2:  # 研究員|容|安瀾 (Alan Romberg): a Chinese name of two or three characters after a title
            title = next((t for t in reversed(toks[: bisect_right(u.starts, end - 1)])
                          if t.end <= end - 2 and self._is_title(t.norm)), None)
            if title is not None and end - title.end <= 3 and _all_han(u.sh[title.end:end]):
                a = title.end
        if end - a < 2 or not u.free(a, end) or u.sh[end - 1] in r["org_suffixes"]:
            return None
        hits = self._english_entries(latin, "PERSON")
        if len(hits) == 1:  # 里契 (Jim Risch): a spelling the KB lacks of someone it knows
            e = Entity(u.text[a:end], a, end, "PERSON", hits[0].id, hits[0].en, "kb")
            self._overrides[u.sh[a:end]] = (e.kb_id, e.en, e.source)
        else:
            e = Entity(u.text[a:end], a, end, "PERSON", None, latin, "rule")
        u.add(e)
        return e

    def _latin_people(self, u: _Unit) -> None:
        """A Latin-script name right after a title (總理 Zoran Zaev, 發言人 Heather Nauert) or, with
        two to four capitalised words, right before a speech verb (Paz Zárate 說道; one word after a
        closing quote: 」Kavadarkov 說道) or opening with a known first name (Pete Ricketts今天抵台)
        is a PERSON."""
        text, sh, r = u.text, u.sh, self.rules
        if not _LATIN_NAME.search(text):
            return
        for m in _LATIN_NAME.finditer(text):
            a, b = m.span()
            if not u.free(a, b) or (a and _LATIN_CHAR.match(text, a - 1)) or _LATIN_CHAR.match(text, b):
                continue  # inside a longer Latin word (a Han character right before or after is fine)
            words = m.group().split()
            if any(w.strip(".") in r["not_person_words"] or w in r["not_acronyms"] or w.isupper() for w in words):
                continue
            before = sh[:a].rstrip(" ")
            after = sh[b:].lstrip(" ")
            titled = any(before[-n:] in self.titles for n in self.title_lengths)
            # two to four words before a speech verb; or one, when it also follows a closing quote
            # (」Kavadarkov 說道: the speaker of the quotation, not a company's name)
            speaks = (len(words) >= 2 or before[-1:] in ("」", "”")) and any(after.startswith(v) for v in r["speech_verbs"])
            # … or two to four words that open with a first name the KB's people have (Pete Ricketts今天抵台)
            named = 2 <= len(words) <= 4 and words[0] in self.english.given_names
            if titled or speaks or named:
                known = self._english_entries(m.group(), "PERSON")
                if len(known) == 1:  # 國防部長 Pete Hegseth: the person the KB knows by that name
                    u.add(Entity(m.group(), a, b, "PERSON", known[0].id, known[0].en, "kb"))
                else:
                    u.add(Entity(m.group(), a, b, "PERSON", None, m.group(), "rule"))

    def _citations(self, u: _Unit) -> None:
        """Authors an academic text cites: Kuik（2016）, Lim and Cooper（2015, p. 698）, (Kuik, 2008;
        Goh, 2016), 張登及（2019）, （張登及，2019） — each surname or name is a PERSON."""
        text = u.text
        if not _CITE_YEAR.search(text):
            return
        for m in _CITED_BEFORE.finditer(text):  # Kuik（2016）, Lim and Cooper（2015, p. 698）
            self._cited(u, m.start("names"), m.group("names"))
        for m in _CITED_INSIDE.finditer(text):  # (Kuik, 2008; Goh, 2016), （張登及，2019）
            for item in _CITE_ITEM.finditer(m.group(0)):
                self._cited(u, m.start() + item.start("names"), item.group("names"))

    def _cited(self, u: _Unit, at: int, names: str) -> None:
        for w in _CITE_NAME.finditer(names):
            a, b = at + w.start(), at + w.end()
            word = w.group()
            if not u.free(a, b):
                continue
            if _HAN_WORD.fullmatch(word):  # (a cited name may end like a function word: 張登及)
                if 2 <= len(word) <= 4 and self._surname_first(u.sh[a:b]) and not self._is_word(u.sh[a:b]):
                    self._person(u, a, b)
            elif word not in self.rules["not_person_words"] and not word.isupper():
                u.add(Entity(word, a, b, "PERSON", None, word, "rule", extra={"cited": True}))

    def _credits(self, u: _Unit, kind: str) -> None:
        """Names the layout makes certain: a publication's name (遠景論壇) is an ORG, and so is a
        Latin-script picture source (（圖片來源：Depositphotos）)."""
        text = u.text
        if kind == "publication":
            found = False
            for a, b in publication_spans(text):
                if 2 <= b - a <= 16 and u.free(a, b) and u.sh[a:b] not in self.rules["document_genres"]:
                    if _HAN_WORD.fullmatch(u.sh[a:b]):
                        en, extra = self._outlet_english(text[a:b], u.sh[a:b])
                    else:
                        en, extra = text[a:b], {}
                    u.add(Entity(text[a:b], a, b, "ORG", None, en, "rule", extra=extra))
                    found = True
                    latin = _LATIN_AFTER.match(text, b)
                    if latin is not None:  # 上報 UP MEDIA: the outlet's own name in Latin letters, no acronyms
                        u.reserve(latin.start(1), latin.end(1))
            if found:
                return
        if "：" not in text and ":" not in text and "/" not in text and "／" not in text:
            return
        for m in _CREDIT.finditer(u.sh):
            a, b = m.span("name")
            name = text[a:b].rstrip(" .")
            b = a + len(name)
            if name and u.free(a, b):
                hits = self.kb.by_english(name) if self.kb is not None else []
                e = hits[0] if len(hits) == 1 else None
                if e is None and _PHOTOGRAPHER.fullmatch(name) and text[b:b + 1] in ("/", "／"):
                    # Evelyn Hockstein/REUTERS: the photographer, then the agency
                    u.add(Entity(name, a, b, "PERSON", None, name, "rule", extra={"credit": "photo"}))
                    continue
                u.add(Entity(name, a, b, e.type if e else "ORG", e.id if e else None, e.en if e else name,
                             "kb" if e else "rule"))

    def _outlets(self, u: _Unit) -> None:
        """A title in book-title marks the KB lacks ending like a newspaper or a magazine
        (``outlet_endings``: 日本《社會新報》發表的社論) is a news outlet, an ORG, named as a
        publication line's outlet is (:meth:`_outlet_english`)."""
        if "《" not in u.sh:
            return
        endings = self.rules["outlet_endings"]
        for m in _BOOK_TITLE.finditer(u.sh):
            a, b = m.span(1)
            if b - a <= 12 and _HAN_WORD.fullmatch(u.sh[a:b]) and u.free(a, b) \
                    and any(u.sh.endswith(x, a, b) and b - a > len(x) for x in endings):
                en, extra = self._outlet_english(u.text[a:b], u.sh[a:b])
                u.add(Entity(u.text[a:b], a, b, "ORG", None, en, "rule", extra=extra))
                u.extra_spans.append((a, b))

    def _outlet_english(self, name: str, shadow: str) -> tuple[str, dict]:
        """English for an outlet the KB lacks: its first word's gloss and its ending's English
        (遠景論壇 → Prospect Forum, ``translated``), else its pinyin (``romanized``)."""
        trad = _traditional(name)
        known = layout_patterns().outlet_english.get(trad)
        if known:  # 上報 (Up Media): a name that is an ordinary word, so no KB entry
            return known, {}
        for ending, english in layout_patterns().publication_suffix_english:
            head = trad[: -len(ending)]
            if trad.endswith(ending) and head:
                g = self.glosser.lookup(name[: len(head)], shadow[: len(head)]) if self.glosser is not None else None
                if g and g.isascii() and not g.startswith("~") and re.fullmatch(r"[a-z]+(?: [a-z]+)?", g):
                    return f"{g.title()} {english}", {"translated": True}
                break
        return self._pinyin(shadow, person=False), {"romanized": True}

    def _latin_kb_names(self, u: _Unit) -> None:
        """Names of two words or more written in English in Chinese text that are a knowledge-base
        entry's English name or alias (從CHIPS Act到出口管制, 列入 Entity List): that entry, of its own
        type, the longest first; a person or a place only when it is all the capitalised words there;
        a single word is left to :meth:`_latin`."""
        if self.kb is None or not _LATIN.search(u.text):
            return
        starts = ends = None
        for m in _LATIN_NAME_RUN.finditer(u.text):
            words = [(m.start() + w.start(), m.start() + w.end()) for w in _WORD.finditer(m.group())]
            if starts is None:
                starts, ends = set(u.starts), {t.end for t in u.tokens}
            i = 0
            while i < len(words) - 1:
                for j in range(len(words), i + 1, -1):
                    a, b = words[i][0], words[j - 1][1]
                    hits = self.kb.by_english(u.text[a:b]) if a in starts and b in ends and u.free(a, b) else []
                    if len(hits) == 1 and (hits[0].type not in ("PERSON", "GPE", "LOC") or (i, j) == (0, len(words))):
                        # (a person or place only as the whole run: not John Howard of John Howard
                        # Johnson, New York of New York Post)
                        e = hits[0]
                        u.add(Entity(u.text[a:b], a, b, e.type, e.id, e.en, "kb"))
                        i = j
                        break
                else:
                    i += 1

    def _latin_orgs(self, u: _Unit) -> None:
        """Latin-script organisation names: Des Moines Register, Washington Examiner (two to five
        capitalised words ending in a head word), and an acronym before 新聞/電視台 (NBC 新聞)."""
        if not _LATIN.search(u.text):
            return
        heads = self.rules.data.get("latin_org_heads") or ()
        for m in _LATIN_PHRASE.finditer(u.text):
            a, b = m.span()
            words = m.group().split()
            if len(words) >= 2 and words[-1] in heads and u.free(a, b):
                hits = self._english_entries(m.group(), "ORG")
                if len(hits) == 1:  # Brookings Institution: the knowledge base's entry
                    u.add(Entity(m.group(), a, b, "ORG", hits[0].id, m.group(), "kb"))
                else:
                    u.add(Entity(m.group(), a, b, "ORG", None, m.group(), "rule"))
        media = self.rules.data.get("acronym_media") or {}
        for e in [e for e in u.ents if e.label == "ORG" and e.source == "rule" and _ACRONYM.fullmatch(e.text)]:
            rest = u.sh[e.end:]
            gap = len(rest) - len(rest.lstrip(" "))
            word = next((w for w in sorted(media, key=len, reverse=True) if rest.startswith(w, gap)), None)
            if word is not None and u.free(e.end, e.end + gap + len(word)):
                end = e.end + gap + len(word)
                u.remove(e)
                u.add(Entity(u.text[e.start:end], e.start, end, "ORG", None, f"{e.text} {media[word]}", "rule"))

    def _in_latin_phrase(self, u: _Unit, t: Token) -> bool:
        """True when ``t`` is next to another capitalised Latin word, separated by one space."""
        k = bisect_right(u.starts, t.start) - 1
        for j in (k - 1, k + 1):
            if 0 <= j < len(u.tokens):
                o = u.tokens[j]
                gap = u.text[min(o.end, t.end):max(o.start, t.start)]
                if o.pos == "eng" and o.text[:1].isupper() and gap in (" ", ""):
                    return True
        return False
