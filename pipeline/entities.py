"""The entity stage: knowledge-base names, country clusters, unknown names, dates and percents.

``entities_stage(doc, res)`` fills ``unit.entities`` for every unit and re-cuts ``unit.tokens`` so
that every entity is whole tokens.  Everything is matched on the Simplified *shadow* of the text
(``doc.shadow``), so Traditional and Simplified input find the same entries; offsets are those of
the original text.  The rule data (titles, affixes, stop lists) is ``pipeline/data/entity_rules.yaml``.

Decisions, in the order the stage applies them:

1. **Knowledge-base names** are found on characters, not on jieba tokens (a dictionary of names
   keyed by first character and length; every position is tried, all lengths), and the longest
   wins (中國國務院 over 中國).  A name of three or more characters is accepted anywhere; a
   two-character name must sit on jieba token boundaries, or what is left of the tokens around it
   must be a listed affix: 日本 in 日本人 *is* tagged (GPE, the country part of a nationality word),
   法國 in 合法/國家 is not.  Short forms from the KB (石破, 麻生) must be whole tokens and are
   not taken right after a place name (歐洲 大陸).  A form shared by several entries goes to the
   entry already mentioned in the document, else to one whose country was mentioned, else to the
   first type in ``type_priority``; if entries of that type still tie, ``kb_id`` is null and
   ``extra.candidates`` lists them.
2. **Country clusters** (美日韓, 日韓澳紐): runs of two or more single-character abbreviations
   (``kb.abbreviations()``) that do not overlap a longer name, whose edges are jieba token
   boundaries or a dictionary word / listed affix (中日關係, 親美日派).  A run followed by 國 whose
   last character would make a country name (日韓國內) keeps the cluster when 國 starts a
   dictionary word (國內, 國防).  Frequent-word abbreviations (以, 加, 新 ...) count at an edge only
   inside a jieba token with a neighbour.  ``kb_id`` null, ``members`` in order, ``en`` joined with
   an en dash.  A single abbreviation is a GPE only after 訪/赴/對/親 ... (訪日, 對中關係) or in 中方.
3. **Short references**: once a person is named, the surname (two characters for Japanese and
   four-character names, the last part of a transliterated name) links to the same id anywhere
   later in the document; a one-character surname only before 政府/政權/總統 ... (尹政府).
4. **Unknown names** (``kb_id`` null, ``source: rule``): transliterated names joined by ·;
   a person right after or before a title (首相, 發言人, 國務院總理); jieba ``nr`` tokens that start
   with a listed surname; ``ns``/``nt`` tokens (GPE or LOC by suffix; ORG) outside the stop lists;
   Latin acronyms (AUKUS, NLD).  English: the KB when it knows the acronym, the dictionary gloss
   for places and organisations, otherwise pinyin (surname first) with ``romanized: true``.
5. **Dates and percents** (:mod:`pipeline.numex`), with the normalised value in ``value``.
6. **A trained NER model** (``Options.ner_model``): its spans are added (``source: model``) only
   where they overlap no entity found above — the knowledge base and rules always win, even
   against a longer model span, because they carry ids and checked English names.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from dataclasses import dataclass, field
from importlib import resources as _res
from pathlib import Path
from typing import Any, Iterable

from .errors import DataError
from .model import Document, Entity, Token, Unit
from .numex import anchor_year, find_dates, find_percents

RULES_FILE = "data/entity_rules.yaml"
_HAN = re.compile(r"[\u3400-\u9fff]")
_WS = re.compile(r"\s")
_HAN_WORD = re.compile(r"[\u3400-\u9fff]+")
_LATIN = re.compile(r"[A-Za-z]")
_LATIN_NAME = re.compile(r"[A-Z][a-zà-öø-ÿ'’\-]+(?: [A-Z][a-zà-öø-ÿ'’\-]+){0,3}")
_PAREN_LATIN = re.compile(r" ?[(（]\s*(?P<name>[A-Z][A-Za-z.'’\-]*(?: [A-Za-z.'’\-]+){0,5})\s*[)）]")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,6}")
_PRIORITY = {"full": 3, "ref": 2, "short": 1}


class Rules(dict):
    """entity_rules.yaml: ``rules[name]`` is a list of the file as a frozenset of shadow-script words
    (empty when absent); ``rules.data`` is the whole file (maps, strings)."""

    def __init__(self, data: dict[str, Any]):
        super().__init__()
        self.data = data

    def __missing__(self, key: str) -> frozenset[str]:
        return frozenset()

    @classmethod
    def load(cls, convert, path: Path | None = None) -> "Rules":
        import yaml

        src = _res.files("pipeline").joinpath(RULES_FILE) if path is None else path
        try:
            data = yaml.safe_load(src.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise DataError(f"cannot read entity rules ({exc})", "fix the YAML", where=str(src))
        rules = cls(data)
        for key, value in data.items():
            if isinstance(value, list):
                rules[key] = frozenset(convert(str(v)) for v in value)
        rules.data["surname_readings"] = {convert(k): v for k, v in data.get("surname_readings", {}).items()}
        chars = "".join(data.get("transliteration_chars", "").split())
        rules.data["transliteration_chars"] = frozenset(convert(chars))
        return rules


@dataclass
class _Mention:
    """A person already named in the document, for short references."""

    kb_id: str | None
    en: str | None
    extra: dict[str, Any]
    unit: int  # where the full name was seen: unit number and end offset
    end: int


class _Unit:
    """Per-unit working state: text, shadow, tokens and the entities chosen so far."""

    def __init__(self, unit: Unit, shadow: str):
        self.text, self.sh, self.tokens = unit.text, shadow, unit.tokens
        self.starts = [t.start for t in unit.tokens]
        self.spans = {(t.start, t.end) for t in unit.tokens}
        self.startset = set(self.starts)
        self.endset = {t.end for t in unit.tokens}
        self.ents: list[Entity] = []
        self.occ = bytearray(len(unit.text))  # 1 where an entity was chosen
        self.extra_spans: list[tuple[int, int]] = []
        self.remembered: set[int] = set()

    def token_at(self, i: int) -> Token | None:
        k = bisect_right(self.starts, i) - 1
        if k >= 0 and self.tokens[k].start <= i < self.tokens[k].end:
            return self.tokens[k]
        return None

    def leftovers(self, a: int, b: int) -> tuple[str, str]:
        """What the tokens at the edges of [a, b) have outside it."""
        tl, tr = self.token_at(a), self.token_at(b - 1)
        return (self.sh[tl.start:a] if tl else "", self.sh[b:tr.end] if tr else "")

    def free(self, a: int, b: int) -> bool:
        return self.occ.find(1, a, b) < 0

    def add(self, ent: Entity) -> None:
        self.ents.append(ent)
        self.occ[ent.start:ent.end] = b"\x01" * (ent.end - ent.start)

    def remove(self, ent: Entity) -> None:
        self.ents.remove(ent)
        self.occ[ent.start:ent.end] = bytes(ent.end - ent.start)


class EntityTagger:
    """Built once per :class:`~pipeline.resources.Resources`; ``tag(doc)`` annotates a document."""

    def __init__(self, kb, segmenter, rules: Rules, glosser=None, ner=None):
        self.kb, self.seg, self.rules, self.glosser, self.ner = kb, segmenter, rules, glosser, ner
        self.forms: dict[str, list[str]] = dict(kb.forms()) if kb is not None else {}
        self.short: dict[str, list[str]] = dict(kb.short_forms()) if kb is not None else {}
        self.abbr: dict[str, str] = dict(kb.abbreviations()) if kb is not None else {}
        self.names: dict[str, tuple[list[str], str]] = {f: (ids, "short") for f, ids in self.short.items()}
        self.names.update((f, (ids, "full")) for f, ids in self.forms.items())
        self.pairs = _pair_index(self.names)
        self._entries: dict[tuple[str, ...], list] = {}
        self._ref_re: tuple[Any, Any] = (None, None)
        self.named_clusters = {segmenter.converter.convert(k): v
                               for k, v in (rules.data.get("named_clusters") or {}).items()}
        firsts = "".join(sorted({p[0] for p in self.pairs}))
        self.first_re = re.compile(f"[{re.escape(firsts)}]" if firsts else "(?!)")
        self._title_memo: dict[str, bool] = {}
        self.words = _dictionary_words(segmenter)
        chars = "".join(re.escape(c) for c in self.abbr) or "\x00"
        self.run_re = re.compile(f"[{chars}]{{2,}}")
        after = "".join(re.escape(c) for c in rules["single_abbreviation_after"]) or "\x00"
        self.single_re = re.compile(f"(?<=[{after}])[{chars}]|[{chars}](?=方)")
        seps = re.escape(rules.data.get("name_separators", "·"))
        self.sep_re = re.compile(f"(?<=[\u3400-\u9fff])[{seps}](?=[\u3400-\u9fff])")
        self.titles = rules["titles"]
        self.title_re = _alternation(self.titles)
        self.election_re = _alternation(rules["election_words"])
        self.max_title = max((len(t) for t in self.titles), default=0)

    # -- document --------------------------------------------------------------------------------
    def tag(self, doc: Document) -> None:
        shadow = doc.shadow or self.seg.shadow(doc.text)
        anchor = anchor_year(doc.text, doc.meta.get("date"))
        mentions: dict[str, _Mention] = {}  # shadow short form -> person
        seen_ids: set[str] = set()
        for n, unit in enumerate(doc.units):
            u = _Unit(unit, shadow[unit.start:unit.end])
            self._kb(u, seen_ids)
            self._clusters(u)
            self._translit(u)
            self._parenthesized(u)
            self._remember(u, n, mentions)
            self._refs(u, n, mentions)
            self._titles(u)
            self._pos_names(u)
            self._remember(u, n, mentions)
            self._refs(u, n, mentions)  # short references after a name found by the rules
            self._parenthesized(u)
            self._latin_people(u)
            self._latin(u)
            self._numbers(u, anchor)
            self._elections(u)
            self._remember(u, n, mentions)  # names found last (Latin names) for the next units
            if self.ner is not None:
                self._model(u, unit)
            seen_ids.update(e.kb_id for e in u.ents if e.kb_id)
            u.ents.sort(key=lambda e: (e.start, e.end))
            unit.entities = u.ents
            spans = [sp for e in u.ents for sp in _forced(u.text, e.start, e.end)] + u.extra_spans
            if spans and not all(sp in u.spans for sp in spans):  # most entities are whole tokens already
                unit.tokens = self.seg.retokenize(unit.text, u.sh, unit.tokens, spans)

    # -- 1. knowledge base -----------------------------------------------------------------------
    def _kb(self, u: _Unit, seen_ids: set[str]) -> None:
        sh, pairs, names = u.sh, self.pairs, self.names
        cands = []
        # positions whose character starts some name (found in C by the regex), then the first
        # two characters decide which lengths to try
        for m in self.first_re.finditer(sh):
            i = m.start()
            lens = pairs.get(sh[i:i + 2])
            if lens is None:
                continue
            for n in lens:
                f = sh[i:i + n]
                hit = names.get(f) if len(f) == n else None
                if hit is not None:
                    cands.append((-n, -_PRIORITY[hit[1]], i, i + n, hit[0], hit[1]))
        cands.sort()
        places = []
        for _n, _p, a, b, ids, kind in cands:
            if not u.free(a, b) or not self._fits(u, a, b, kind):
                continue
            if kind == "short" and any(p == a for p in places):
                continue
            ent = self._kb_entity(u, a, b, ids, seen_ids)
            if ent is None:
                continue
            u.add(ent)
            if ent.label in ("GPE", "LOC"):
                places.append(b)

    def _fits(self, u: _Unit, a: int, b: int, kind: str) -> bool:
        """Boundary check: a name must not fire inside an ordinary word (韓 in 韓流, 法國 in 合法國家)."""
        if a in u.startset and b in u.endset:
            return True  # on token boundaries (the usual case: KB names are in jieba's dictionary)
        left, right = u.leftovers(a, b)
        if kind != "full":
            return not left and not right
        r = self.rules
        if (not left or left in r["name_prefixes"] or (len(left) >= 2 and self._is_word(left))) and \
                (not right or right in r["name_suffixes"] or (len(right) >= 2 and self._is_word(right))):
            return True  # 日本人, 北京街頭, 日本牛肉, 紐約|聯合國|總部
        if b - a < 3:
            return False
        # a longer name may cut a token jieba guessed, not one from its dictionary (日本國|防)
        tl, tr = u.token_at(a), u.token_at(b - 1)
        return (not left or not self._is_word(tl.norm)) and (not right or not self._is_word(tr.norm))

    def _is_word(self, w: str) -> bool:
        return any(w in table for table in self.words)

    def _kb_entity(self, u: _Unit, a: int, b: int, ids: list[str], seen_ids: set[str]) -> Entity | None:
        key = tuple(ids)
        entries = self._entries.get(key)
        if entries is None:
            entries = self._entries[key] = [x for x in map(self.kb.get, ids) if x is not None]
        if not entries:
            return None
        extra: dict[str, Any] = {}
        if len(entries) > 1:
            picked = [e for e in entries if e.id in seen_ids]
            if not picked:
                picked = [e for e in entries if e.country and e.country in seen_ids]
            if not picked:
                order = list(self.rules.data.get("type_priority", []))
                best = min(order.index(e.type) if e.type in order else 99 for e in entries)
                picked = [e for e in entries if (order.index(e.type) if e.type in order else 99) == best]
            if len(picked) > 1:
                e = picked[0]
                return Entity(u.text[a:b], a, b, e.type, None, None, "kb", extra={"candidates": [p.id for p in picked]})
            entries = picked
        e = entries[0]
        return Entity(u.text[a:b], a, b, e.type, e.id, e.en, "kb", extra=extra)

    # -- 2. clusters -------------------------------------------------------------------------------
    def _clusters(self, u: _Unit) -> None:
        sh, r = u.sh, self.rules
        for m in self.run_re.finditer(sh):
            a, b = m.span()
            koku = split = None
            drop = []
            over = [e for e in u.ents if e.start < b and a < e.end] if not u.free(a, b) else ()
            for e in sorted(over, key=_start):
                if e.end <= a or e.start >= b:
                    continue
                if a <= e.start and e.end <= b:  # a name inside the run: the longer run wins
                    if (e.start, e.end) == (a, b):
                        b = a
                    else:
                        drop.append(e)
                elif e.start < a:
                    a = e.end
                elif e.start == a and e.label in ("ORG", "POLICY", "EVENT"):
                    split = e  # 美日印澳四方安全對話 -> 美日印澳 + 四方安全對話, 美日安保 -> 美日
                else:  # e starts inside the run and goes past it: 日韓國內, 今日美國
                    word = self._koku_word(sh, b)
                    if e.start == b - 1 and e.end == b + 1 and word and e.label == "GPE" and b - a >= 2:
                        koku = (e, word)
                    else:
                        b = e.start
            a, b = self._trim_weak(u, a, b)
            if b - a < 2 or any(w in sh[a:b] for w in r["not_clusters"]) \
                    or all(c in r["weak_abbreviations"] for c in sh[a:b]):
                continue
            left, right = u.leftovers(a, b)
            if left and left not in r["cluster_prefixes"]:
                continue
            if koku is None and split is None and right and right not in r["cluster_suffixes"] \
                    and not self._is_word(right):
                continue
            cluster = self._cluster_entity(u, a, b)
            if split is not None and (split.label in r["cluster_keep_whole"] or (
                    split.label in r["cluster_keep_whole_if_long"] and split.end - b >= 3)):
                split.members = cluster.members  # 日美同盟, 美日安保: one POLICY that lists its countries
                continue
            for e in drop + [x for x in (split, koku and koku[0]) if x is not None]:
                u.remove(e)
            if not u.free(a, b):
                continue
            after = next((e for e in u.ents if e.start == b and e.label in r["cluster_joins"] and e.kb_id), None)
            if after is not None and split is None and koku is None:  # 中美 + 貿易戰 -> one EVENT
                u.remove(after)
                u.add(Entity(u.text[a:after.end], a, after.end, after.label, after.kb_id, after.en, "kb",
                             members=cluster.members))
                continue
            if koku is not None:
                u.extra_spans.append((b, b + len(koku[1])))
            if split is not None:
                rest = sh[b:split.end]
                ids = self.forms.get(rest)
                if ids:
                    u.add(self._kb_entity(u, b, split.end, ids, set()) or split)
                elif len(rest) >= 4:
                    u.add(Entity(u.text[b:split.end], b, split.end, split.label, split.kb_id, split.en, "kb"))
                else:
                    cluster.extra["part_of"] = split.kb_id
                    u.extra_spans.append((b, split.end))
            u.add(cluster)
        for form, spec in self.named_clusters.items():  # 兩韓, 南北韓
            start = sh.find(form)
            while start >= 0:
                a, b = start, start + len(form)
                start = sh.find(form, b)
                left, right = u.leftovers(a, b)
                inside = [e for e in u.ents if e.start < b and a < e.end]
                if any(e.start < a or e.end > b for e in inside):
                    continue
                if not (left and left not in r["cluster_prefixes"]) and (not right or self._is_word(right)):
                    for e in inside:  # 南北韓 over the 北韓 inside it
                        u.remove(e)
                    members = [{"kb_id": i, "en": self.kb.get(i).en if self.kb.get(i) else i} for i in spec["members"]]
                    u.add(Entity(u.text[a:b], a, b, "GPE", None, spec.get("en"), "kb", members=members))
        for m in self.single_re.finditer(sh):
            a, b = m.span()
            ch = sh[a]
            if ch in r["weak_abbreviations"] or not u.free(a, b):
                continue
            tok = u.token_at(a)
            if tok is None:
                continue
            if sh[b:b + 1] != "方":  # the verb before must start its token: 訪日, 對/中, not 採訪/中
                prev = u.token_at(a - 1) if a else None
                if prev is None or (prev.start != a - 1 and prev is not tok) or (prev is tok and tok.start != a - 1):
                    continue
            if sh[b:b + 1] == "方":  # 中方, 美方: the country is 中/美, 方 (side) stays outside
                if tok.start == a and tok.end == b + 1:
                    u.add(self._single(u, a, b, b))
                    u.extra_spans.append((b, b + 1))
            elif tok.end == b:
                u.add(self._single(u, a, b, b))

    def _koku_word(self, sh: str, b: int) -> str | None:
        """The dictionary word starting with 國 at ``b`` (国内, 国防, 国会), if any."""
        if sh[b:b + 1] != "国":
            return None
        for n in (4, 3, 2):
            w = sh[b:b + n]
            if len(w) == n and self._is_word(w):
                return w
        return None

    def _trim_weak(self, u: _Unit, a: int, b: int) -> tuple[int, int]:
        weak = self.rules["weak_abbreviations"]
        while b - a >= 2 and u.sh[a] in weak:
            t = u.token_at(a)
            if t is not None and t.start == a and a + 1 < t.end <= b:
                break
            a += 1
        while b - a >= 2 and u.sh[b - 1] in weak:
            t = u.token_at(b - 1)
            if t is not None and t.end == b and a <= t.start < b - 1:
                break
            b -= 1
        return a, b

    def _cluster_entity(self, u: _Unit, a: int, b: int) -> Entity:
        names = self.rules.data.get("cluster_names", {}) or {}
        members, short = [], []
        for ch in u.sh[a:b]:
            kb_id = self.abbr[ch]
            entry = self.kb.get(kb_id)
            en = entry.en if entry else kb_id
            members.append({"kb_id": kb_id, "en": en})
            short.append(names.get(kb_id, en))
        return Entity(u.text[a:b], a, b, "GPE", None, "–".join(short), "kb", members=members)

    def _single(self, u: _Unit, a: int, b: int, end: int) -> Entity:
        entry = self.kb.get(self.abbr[u.sh[a]])
        en = entry.en if entry else None
        return Entity(u.text[a:end], a, end, "GPE", entry.id if entry else None, en, "kb")

    # -- 3. short references ------------------------------------------------------------------------
    def _remember(self, u: _Unit, n: int, mentions: dict[str, _Mention]) -> None:
        """Register the short forms of every person named in this unit (once each)."""
        new = [e for e in u.ents if e.label == "PERSON" and id(e) not in u.remembered]
        for e in sorted(new, key=lambda e: e.start):
            u.remembered.add(id(e))
            if e.source != "model" and not e.extra.get("short_ref"):
                self._remember_one(e, u.sh[e.start:e.end], n, mentions)

    def _remember_one(self, e: Entity, form: str, n: int, mentions: dict[str, _Mention]) -> None:
        """Short forms of a person's name; a later person with the same short form takes it over."""
        m = _Mention(e.kb_id, e.en, {k: v for k, v in e.extra.items() if k == "romanized"}, n, e.end)
        if e.kb_id is None and len(form) >= 2:
            mentions[form] = m  # a name found by a rule is found again wherever it recurs (羅森斯坦)
        parts = [p for p in self.sep_re.split(form) if p]
        if len(parts) > 1:
            if len(parts[-1]) >= 2:
                mentions[parts[-1]] = m
            return
        words = form.split()
        if len(words) > 1 and all(w[:1].isupper() for w in words):
            mentions[words[-1]] = m  # Zoran Zaev ... Zaev
            return
        if not _HAN_WORD.fullmatch(form) or len(form) < 3:
            return
        entry = self.kb.get(e.kb_id) if e.kb_id and self.kb is not None else None
        if entry is not None and entry.country not in self.rules["surname_countries"]:
            return  # 梅克爾 is not 梅: surnames only for East Asian names (the KB's short forms still apply)
        if entry is None and not (e.extra.get("romanized") and self._surname_first(form)):
            return  # a rule name: surnames only for a romanised Chinese-looking name (朴炳錫), not 派崔克
        jp = entry is not None and entry.country == "jp"
        if jp or len(form) >= 4:
            mentions[form[:2]] = m  # 安倍 (安倍晉三), 石破 (石破茂)
        if len(form) >= 4 and (jp or form[:2] in self.rules["compound_surnames"]):
            return
        mentions[form[:1]] = m  # 尹 (尹錫悅), 李 (李容浩), 菅 (菅義偉)

    def _refs(self, u: _Unit, n_unit: int, mentions: dict[str, _Mention]) -> None:
        if not mentions:
            return
        key = (id(mentions), len(mentions))
        if self._ref_re[0] != key:  # mentions only grow within a document: rebuild when they do
            alts = "|".join(re.escape(f) for f in sorted(mentions, key=len, reverse=True))
            self._ref_re = (key, re.compile(alts))
        sh = u.sh
        for mt in self._ref_re[1].finditer(sh):
            a, b = mt.span()
            m = mentions[mt.group()]
            if m.unit == n_unit and a < m.end:
                continue
            if sh[a].isascii() and (re.search(r"[A-Za-z] ?$", sh[max(0, a - 2):a]) or sh[b:b + 1].isalpha()):
                continue  # a Latin surname must be a word of its own (not May in "Theresa May")
            if sh[a].isascii() and any(sh.startswith(x, b + (sh[b:b + 1] == " ")) for x in self.rules["place_suffixes"]):
                continue  # Lee 縣 is a county
            inside = [] if u.free(a, b) else [e for e in u.ents if e.start < b and a < e.end]
            # a longer reference replaces shorter names inside it (范斯坦 over the KB's 范斯)
            if any(e.start < a or e.end > b or (e.start, e.end) == (a, b) for e in inside):
                continue
            left, right = u.leftovers(a, b)
            if b - a == 1:  # a surname alone: only as a token of its own (李/表示, 尹/政府, 與/文/的)
                tok = u.token_at(a)
                ok = tok is not None and tok.start == a and tok.end == b
                if not ok and tok is not None and self._glued(sh[tok.start:a], sh[b:tok.end], tok.norm):
                    ok = True  # ... or glued by jieba's guesser to a function word: 稱金為, 金已, 李在
                    u.extra_spans += [x for x in ((tok.start, a), (b, tok.end)) if x[0] < x[1]]
            else:
                ok = not left and (not right or right in self.rules["name_suffixes"])
            if ok:
                for e in inside:
                    u.remove(e)
                u.add(Entity(u.text[a:b], a, b, "PERSON", m.kb_id, m.en, "kb" if m.kb_id else "rule",
                             extra={**m.extra, "short_ref": True}))

    def _glued(self, left: str, right: str, token: str) -> bool:
        if len(token) > 3 or self._is_word(token):
            return False
        edge = self.rules["not_name_chars"]
        return all(not p or p in edge or (len(p) >= 2 and self._is_word(p)) for p in (left, right))

    # -- 4. unknown names ---------------------------------------------------------------------------
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
            en = " ".join(self._pinyin(p, person=False) for p in parts)
            u.add(Entity(u.text[a:b], a, b, "PERSON", None, en, "rule", extra={"romanized": True}))

    def _titles(self, u: _Unit) -> None:
        toks, r = u.tokens, self.rules
        no_char = r["not_name_chars"]
        for m in self.title_re.finditer(u.sh):
            k = bisect_right(u.starts, m.end() - 1) - 1
            if k < 0 or toks[k].end != m.end() or not self._is_title(toks[k].norm):
                continue  # the title must end a token: 國防部長 / 外長, not 部長 inside 部長級
            t = toks[k]
            # after the title: an nr token, or surname + one or two single characters
            nxt = toks[k + 1:k + 4]
            if nxt and nxt[0].start == t.end:
                n0 = nxt[0]
                if n0.pos.startswith("nr") and self._plausible(n0.norm):
                    self._person(u, n0.start, n0.end)
                elif len(n0.norm) == 1 and n0.norm in r["surnames"] and len(nxt) > 1:
                    end = n0.end
                    for t2 in nxt[1:]:
                        if t2.start != end or len(t2.norm) != 1 or not _HAN.match(t2.norm) or t2.norm in no_char:
                            break
                        end = t2.end
                    if end - n0.start >= 2:
                        self._person(u, n0.start, end)
            # before the title: an nr token
            if k > 0:
                p = toks[k - 1]
                if p.end == t.start and p.pos.startswith("nr") and self._plausible(p.norm):
                    self._person(u, p.start, p.end)

    def _plausible(self, norm: str) -> bool:
        """A jieba nr token that can be a name: 2–4 Han characters, not a listed non-name, not
        ending in a function character (晉升為)."""
        r = self.rules
        return 2 <= len(norm) <= 4 and _HAN_WORD.fullmatch(norm) and norm not in r["not_people"] \
            and norm[-1] not in r["not_name_chars"]

    def _is_title(self, norm: str) -> bool:
        hit = self._title_memo.get(norm)
        if hit is None:
            hit = norm in self.titles or any(norm[-n:] in self.titles
                                             for n in range(2, min(len(norm), self.max_title + 1)))
            self._title_memo[norm] = hit
        return hit

    def _person(self, u: _Unit, a: int, b: int) -> None:
        if u.free(a, b):
            u.add(Entity(u.text[a:b], a, b, "PERSON", None, self._pinyin(u.sh[a:b]), "rule",
                         extra={"romanized": True}))

    def _pos_names(self, u: _Unit) -> None:
        """jieba ``nr``/``ns``/``nt`` tokens.  jieba's tags are noisy (龍蝦/nr, 英里/ns), so a token
        counts only when the dictionary gives it a proper-noun gloss (capitalised: 雅典 Athens,
        李開復 Kai-Fu Lee) or, for a word the dictionary lacks, when its shape says so (a surname
        for a person, a place suffix such as 島/州, an organisation suffix such as 黨/基金會)."""
        r = self.rules
        for t in u.tokens:
            norm, pos = t.norm, t.pos
            if pos not in ("nr", "ns", "nt") or len(norm) < 2 or not _HAN_WORD.fullmatch(norm) \
                    or not u.free(t.start, t.end):
                continue
            if norm in r["not_people" if pos == "nr" else "not_places" if pos == "ns" else "not_orgs"]:
                continue
            if pos == "ns" and _numeric(norm):
                continue
            gloss = self.glosser.lookup(t.text, norm, pos) if self.glosser is not None else None
            if gloss and not gloss.startswith("~"):
                if not gloss[:1].isupper():
                    continue  # a common word: lobster, mile, non-governmental
                short_place = pos == "ns" and len(norm) == 2 and not any(norm.endswith(x) for x in r["place_suffixes"])
                en = _clean_gloss(gloss)
                label = self._label(pos, norm)
                if label == "PERSON":  # Kai-Fu Lee, not Gundam (高達), Tennessee or Emmy Award
                    words = en.split()
                    if len(norm) < 3 or not self._surname_first(norm) or len(words) < 2 \
                            or any(w in r["not_person_words"] for w in words):
                        continue
                else:
                    hits = [e for e in self.kb.by_english(en) if _same_kind(e.type, label)] if self.kb is not None else []
                    if len(hits) == 1:
                        e = hits[0]
                        u.add(Entity(t.text, t.start, t.end, e.type, e.id, e.en, "rule"))
                        continue
                    if short_place:
                        continue  # two characters the KB does not know: 韓流 (Korean Wave), 福特, 金川
                u.add(Entity(t.text, t.start, t.end, label, None, en, "rule"))
                continue
            if pos == "nr":  # a guessed name: only before a speech verb, or alone (a byline)
                nxt = u.token_at(t.end)
                alone = t.start == 0 and t.end == len(u.sh)
                if len(norm) == 3 and self._surname_first(norm) and norm[-1] not in r["not_name_chars"] \
                        and (alone or (nxt is not None and nxt.start == t.end and nxt.norm in r["speech_verbs"])):
                    self._person(u, t.start, t.end)
            elif len(norm) < 3:
                continue
            elif pos == "ns":
                if any(norm.endswith(x) for x in r["place_suffixes"]):
                    self._romanized(u, t, self._label(pos, norm))
            elif any(norm.endswith(x) for x in r["org_suffixes"]):
                self._romanized(u, t, "ORG")

    def _surname_first(self, norm: str) -> bool:
        r = self.rules
        return (norm[:1] in r["surnames"] and len(norm) <= 3) or (norm[:2] in r["compound_surnames"] and len(norm) <= 4)

    def _label(self, pos: str, norm: str) -> str:
        if pos == "nr":
            return "PERSON"
        if pos == "nt":
            return "ORG"
        return "LOC" if any(norm.endswith(s) for s in self.rules["loc_suffixes"]) else "GPE"

    def _romanized(self, u: _Unit, t: Token, label: str) -> None:
        u.add(Entity(t.text, t.start, t.end, label, None, self._pinyin(t.norm, person=False), "rule",
                     extra={"romanized": True}))

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
            elif _ACRONYM.fullmatch(t.text) and t.text not in r["not_acronyms"]:
                label = labels.get(t.text) or labels.get(t.text.upper()) or "ORG"
                u.add(Entity(t.text, t.start, t.end, label, None, t.text, "rule"))

    def _parenthesized(self, u: _Unit) -> None:
        """A Latin name in brackets right after a name is the same entity: 李容浩 (Ri Yong Ho).
        It also replaces a romanisation: 布雷特·卡瓦諾 (Brett Kavanaugh) gets en "Brett Kavanaugh"."""
        text = u.text
        if "(" not in text and "（" not in text:
            return
        ends = {e.end: e for e in u.ents if e.label not in ("DATE", "PERCENT") and not e.members}
        for m in _PAREN_LATIN.finditer(text):
            e = ends.get(m.start())
            a, b = m.span("name")
            if e is None:
                e = self._translit_before(u, m.start(), m.group("name"))
                if e is not None and e.end != m.start():  # a title between: 福特|博士 (...)
                    u.add(Entity(m.group("name"), a, b, e.label, e.kb_id, e.en, e.source))
                    continue
            if e is None or not u.free(a, b):
                continue
            name = m.group("name")
            if e.extra.get("romanized"):
                e.en = name
                del e.extra["romanized"]
            u.add(Entity(name, a, b, e.label, e.kb_id, e.en, e.source))

    def _translit_before(self, u: _Unit, end: int, latin: str) -> Entity | None:
        """羅森斯坦 (Rod Rosenstein): the transliterated tokens before a bracketed Latin person name
        (two to four capitalised words, none an organisation word) are that person."""
        words = latin.split()
        r = self.rules
        if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) \
                or any(w.strip(".") in r["not_person_words"] for w in words):
            return None
        chars = r.data["transliteration_chars"]
        a = end
        while a > 0 and u.sh[a - 1] in chars and end - a < 6:
            a -= 1
        t = u.token_at(a)
        while t is not None and t.start < a and a < end:  # start on a token boundary
            a = t.end
            t = u.token_at(a)
        stop = end
        for t in self.titles:  # 福特博士 (Christine Blasey Ford): the title stays outside
            if u.sh.endswith(t, a, end) and end - len(t) - a >= 2:
                stop = end - len(t)
                break
        end = stop
        if end - a < 2 or not u.free(a, end) or u.sh[end - 1] in r["org_suffixes"]:
            return None
        e = Entity(u.text[a:end], a, end, "PERSON", None, latin, "rule")
        u.add(e)
        return e

    def _elections(self, u: _Unit) -> None:
        """A year or a country/parliament right before an election word is one EVENT:
        2024 年大選, 美國國會選舉.  A bare 大選 is not tagged."""
        words = self.rules["election_words"]
        if not words or not self.election_re.search(u.sh):
            return
        for e in list(u.ents):
            if e.label == "DATE" and re.fullmatch(r"\d{4}", str(e.extra.get("value", ""))):
                head = f"{e.extra['value']}"
            elif e.label == "ORG" and e.kb_id:  # a parliament: 美國國會選舉 (not 美國選舉)
                head = e.en or ""
            else:
                continue
            tok = u.token_at(e.end)
            if tok is None or tok.start != e.end or tok.norm not in words:
                continue
            u.remove(e)
            extra = {"value": e.extra["value"]} if e.label == "DATE" else {}
            u.add(Entity(u.text[e.start:tok.end], e.start, tok.end, "EVENT", None, f"{head} election", "rule",
                         extra=extra))

    def _latin_people(self, u: _Unit) -> None:
        """A Latin-script name right after a title (總理 Zoran Zaev, 發言人 Heather Nauert) or, with
        two to four capitalised words, right before a speech verb (Paz Zárate 說道) is a PERSON."""
        text, sh, r = u.text, u.sh, self.rules
        if not _LATIN_NAME.search(text):
            return
        for m in _LATIN_NAME.finditer(text):
            a, b = m.span()
            if not u.free(a, b) or (a and text[a - 1].isalnum()) or (b < len(text) and text[b].isalnum()):
                continue
            words = m.group().split()
            if any(w.strip(".") in r["not_person_words"] or w in r["not_acronyms"] or w.isupper() for w in words):
                continue
            before = sh[:a].rstrip(" ")
            after = sh[b:].lstrip(" ")
            titled = any(before.endswith(t) for t in self.titles)
            speaks = len(words) >= 2 and any(after.startswith(v) for v in r["speech_verbs"])
            if titled or speaks:
                u.add(Entity(m.group(), a, b, "PERSON", None, m.group(), "rule"))

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

    # -- 5. dates and percents ----------------------------------------------------------------------
    def _numbers(self, u: _Unit, anchor: int | None) -> None:
        r = self.rules
        for a, b, extra in find_dates(u.sh, anchor):
            if u.free(a, b):
                u.add(Entity(u.text[a:b], a, b, "DATE", None, None, "rule", extra=extra))
        for a, b, extra in find_percents(u.sh, r["not_percent_after"]):
            tok = u.token_at(a)
            if tok is not None and tok.norm in r["not_percent_words"]:
                continue
            if u.free(a, b):
                u.add(Entity(u.text[a:b], a, b, "PERCENT", None, None, "rule", extra=extra))

    # -- 6. trained model --------------------------------------------------------------------------
    def _model(self, u: _Unit, unit: Unit) -> None:
        from .spacy_bridge import unit_to_spacy

        nlp = self.ner
        saved, unit.entities = unit.entities, []
        try:
            sdoc = unit_to_spacy(unit, nlp.vocab)
        finally:
            unit.entities = saved
        for _name, proc in nlp.pipeline:
            sdoc = proc(sdoc)
        labels = self.rules.data.get("model_labels", {}) or {}
        for span in sdoc.ents:
            label = labels.get(span.label_)
            a, b = span.start_char, span.end_char
            if not label or not u.free(a, b) or not u.text[a:b].strip():
                continue
            en = self._pinyin(u.sh[a:b], person=label == "PERSON") if _HAN.search(u.sh[a:b]) else u.text[a:b]
            extra = {"romanized": True} if _HAN.search(u.sh[a:b]) else {}
            u.add(Entity(u.text[a:b], a, b, label, None, en, "model", extra=extra))

    # -- English for names ------------------------------------------------------------------------
    def _pinyin(self, simp: str, person: bool = True) -> str:
        """Pinyin in Title Case, surname first: 李强 -> Li Qiang, 欧阳修 -> Ouyang Xiu."""
        from pypinyin import lazy_pinyin

        han = "".join(c for c in simp if _HAN.match(c))
        if not han:
            return simp
        readings = self.rules.data.get("surname_readings", {})
        if not person or len(han) < 2:
            return "".join(lazy_pinyin(han, errors="ignore")).capitalize()
        k = 2 if han[:2] in self.rules["compound_surnames"] and len(han) > 2 else 1
        sur = readings.get(han[:k]) or "".join(lazy_pinyin(han[:k], errors="ignore"))
        given = "".join(lazy_pinyin(han[k:], errors="ignore"))
        return f"{sur.capitalize()} {given.capitalize()}".strip()


def _start(e: Entity) -> int:
    return e.start


def _alternation(words: Iterable[str]) -> "re.Pattern[str]":
    """One regex matching any of ``words``, longest first."""
    words = sorted(words, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)) if words else "(?!)")


def _pair_index(forms: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """First two characters -> the lengths of the forms starting with them, longest first."""
    index: dict[str, set[int]] = {}
    for f in forms:
        if len(f) >= 2:
            index.setdefault(f[:2], set()).add(len(f))
    return {c: tuple(sorted(ls, reverse=True)) for c, ls in index.items()}


def _clean_gloss(gloss: str) -> str:
    """A dictionary gloss as a name: 'Guiyang prefecture-level city and capital of ...' -> 'Guiyang',
    'US Department of Energy' stays whole."""
    gloss = re.split(r"\s*[(;,/]|\s+or\s+", gloss, maxsplit=1)[0].strip()
    words = gloss.split()
    if len(words) > 3:
        keep = []
        for w in words:
            if not (w[:1].isupper() or w in _NAME_GLUE):
                break
            keep.append(w)
        while keep and keep[-1] in _NAME_GLUE:
            keep.pop()
        gloss = " ".join(keep) or words[0]
    return gloss


_NAME_GLUE = {"of", "the", "and", "for", "de", "on", "in"}


def _dictionary_words(segmenter) -> tuple:
    """The segmenter's dictionary (jieba's words and the user words), as tables to test ``in``.

    The Segmenter has no public "is this a dictionary word" call yet; this reads its POS tables
    (every dictionary word has a tag) and, for the plain-jieba backend, jieba's frequency table."""
    tables = []
    for name in ("_tag_table", "_user_tags"):
        table = getattr(segmenter, name, None)
        if table:
            tables.append(table)
    freq = getattr(getattr(segmenter, "_jieba", None), "FREQ", None)
    if freq and not tables:
        tables.append({w for w, f in freq.items() if f > 0})
    return tuple(tables)


def _forced(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Spans to force as tokens for an entity: itself, or, when it contains spaces (2025 年 2、3 月),
    its first and last chunk, so that its edges are token boundaries."""
    if _WS.search(text, a, b) is None:
        return [(a, b)]
    chunks = [(a + m.start(), a + m.end()) for m in re.finditer(r"\S+", text[a:b])]
    return [chunks[0], chunks[-1]] if len(chunks) > 1 else chunks


def _all_han(w: str) -> bool:
    return _HAN_WORD.fullmatch(w) is not None


def _same_kind(kb_type: str, label: str) -> bool:
    return kb_type == label or {kb_type, label} <= {"GPE", "LOC"}


def _numeric(word: str) -> bool:
    return word[0] in "一二两三四五六七八九十百千万几各全本该我他其邻盟大强小友敌诸多"


def load_ner_model(path: Path):
    """Load a trained spaCy pipeline directory for ``--ner-model``; it must have an ``ner`` pipe."""
    try:
        import spacy
    except ImportError:  # pragma: no cover - spaCy is a dependency
        from .errors import MissingDependency

        raise MissingDependency("spacy", "--ner-model")
    if not path.is_dir() or not (path / "config.cfg").is_file():
        raise DataError("not a spaCy pipeline directory (no config.cfg)",
                        "pass the folder written by nlp.to_disk() or 'spacy train' (e.g. output/model-best)",
                        where=str(path))
    try:
        nlp = spacy.load(path)
    except (OSError, ValueError, KeyError) as exc:
        raise DataError(f"cannot load the spaCy pipeline ({exc})",
                        "check that it was trained with this spaCy version", where=str(path)) from None
    if "ner" not in nlp.pipe_names and not any(hasattr(p, "moves") for _n, p in nlp.pipeline):
        raise DataError("the spaCy pipeline has no 'ner' component",
                        "train it with an ner pipe (spacy train with a [components.ner] block)", where=str(path))
    return nlp


_TAGGERS: "weakref.WeakKeyDictionary[Any, EntityTagger]" = weakref.WeakKeyDictionary()


def tagger_for(res) -> EntityTagger:
    """The tagger of a :class:`~pipeline.resources.Resources`, built on first use."""
    tagger = _TAGGERS.get(res)
    if tagger is None:
        seg = res.segmenter
        rules = Rules.load(seg.converter.convert)
        ner = res.ner if getattr(res.options, "ner_model", None) else None
        tagger = EntityTagger(res.kb, seg, rules, glosser=res.glosser, ner=ner)
        _TAGGERS[res] = tagger
    return tagger


def entities_stage(doc: Document, res) -> None:
    """Fill ``unit.entities`` for every unit; every entity becomes whole tokens."""
    tagger_for(res).tag(doc)
