"""The entity stage: knowledge-base names, country clusters, unknown names, dates and percents.

``entities_stage(doc, res)`` fills ``unit.entities`` for every unit and re-cuts ``unit.tokens`` so
that every entity is whole tokens.  Everything is matched on the Simplified *shadow* of the text
(``doc.shadow``), so Traditional and Simplified input find the same entries; offsets are those of
the original text.  The rule data (titles, affixes, stop lists) is ``pipeline/data/entity_rules.yaml``.
Entities never overlap; ``source`` is ``kb`` (a knowledge-base name or cluster), ``rule`` or ``model``.

Decisions, in the order the stage applies them:

1. **Knowledge-base names** are found on characters, not on jieba tokens (a regex finds the
   characters that start a name, a two-character index gives the lengths to try), and the longest
   wins (中國國務院 over 中國).  A name on jieba token boundaries is taken; otherwise what is left of
   the tokens around it must be a listed affix or a dictionary word: 日本 in 日本人 *is* tagged (GPE,
   the country part of a nationality word), 北京 in 北京街頭 too, 法國 in 合法|國家 is not, 日本國 in
   日本|國防 is not.  Short forms from the KB (石破, 麻生) must be whole tokens and are not taken right
   after a place name (歐洲 大陸).  **Ambiguous forms**: a form shared by several entries (工黨:
   UK Labour / Australian Labor; 參議院: US Senate / Japan's House of Councillors; 財政部: Taiwan's
   full name, the short form of HM Treasury and the US Treasury) goes to the entry already
   mentioned in the document, else to the one whose country the document mentions most — more
   often than any other candidate's country.  Countries are counted over every linked entity (a
   country, the country of a city, person or organisation, each cluster member), first over the
   units read so far, then, for a form still undecided, over the whole article once it is read
   (a headline's 工黨 is decided by the body).  A form that is one entry's *full* name (外交部,
   財政部: Taiwan's ministries) is decided over the whole article only: it stays that entry's
   whenever the article names its country at all (a Taiwanese commentary on China names 中國 far
   more often, yet its 外交部 is Taiwan's), and when nothing else decides; an article that names
   other countries but never that one leaves it unlinked (財政部 in a report on Australia).  Other
   forms the context does not decide go to the first type in ``type_priority``; if entries still
   tie, ``kb_id`` is null and ``candidates`` lists them.
   **English**: the entry's English for the form written (``en_forms``: 歐盟 EU, 華府 Washington,
   馬其頓 Macedonia, 參議院 Senate), else its ``en``; an English acronym in the text stays as
   written (FBI).  Once all entities are known, an entity right before a title or group noun takes
   the entry's ``en_attributive`` (美國|總統 U.S. President, 共和黨|參議員 Republican senator), right
   before 人/人民/員 its ``en_people`` (美國人 Americans); the word lists are
   ``attributive_followers`` and ``people_followers`` (plus ``titles``) in the rules file.
2. **Country clusters** (美日韓, 日韓澳紐): runs of two or more single-character abbreviations
   (``kb.abbreviations()``), whose edges are jieba token boundaries or a dictionary word / listed
   affix (中日關係, 親美日派), never inside an ordinary word (今日美國, 日新月異).  A run followed by 國
   whose last character would make a country name (日韓國內) keeps the cluster when 國 starts a
   dictionary word (國內, 國防).  Frequent-word abbreviations (以, 加, 新 ...) count at an edge only
   inside a jieba token with a neighbour; a run of them alone (以朝) is no cluster.  ``kb_id`` null,
   ``members`` in written order, ``en`` short names joined by an en dash (US–Japan–South Korea).
   A cluster that begins a KB name is split off an organisation (美日印澳 + 四方安全對話) or a
   short event phrase (日中 + 建交); a named treaty relationship stays one POLICY that lists its
   countries in ``members`` (日美同盟, 美日安保), and so does a longer event (中美貿易戰); a cluster
   right before a KB event joins it.  兩韓 and 南北韓 are clusters too (``named_clusters``).
   A single abbreviation is a GPE only after 訪/赴/對/親 ... written as its own token or with the
   verb (訪日, 對/中 關係), or before 方 (美|方: 方 stays outside); in a list of abbreviations
   written apart (美、日、菲等國) each is a GPE, unless every one is a frequent word (以、巴).
3. **Short references**: once a person is named, later mentions link to the same id and English:
   the surname (two characters for Japanese and four-character names, one for other East Asian
   names: 安倍, 田中, 尹 in 尹政府, 李 in 李表示 — a one-character surname only as a token of its own
   or glued by jieba to a function word), the last part of a transliterated name (卡瓦諾), the last
   word of a Latin name (Zaev), and the whole of a name found by a rule.  Western KB names give no
   surname references (梅克爾 is not 梅); the latest person with a given short form wins.
4. **Unknown names** (``kb_id`` null, ``source: rule``): transliterated names joined by ·
   (伊莉莎白·華倫); a person right after or before a title (發言人林志明, 國務院總理 李強);
   jieba ``nr``/``ns``/``nt`` tokens only when the dictionary glosses them as a proper noun
   (雅典 Athens, 李開復 Kai-Fu Lee) or their shape says so (a surname and a following speech verb,
   a place suffix such as 島/州, an organisation suffix such as 黨/基金會); Latin acronyms (NLD);
   Latin names after a title or before a speech verb (總理 Zoran Zaev); a Latin name in brackets
   right after a name is the same entity (李容浩 (Ri Yong Ho)) and replaces a romanisation.
   English: the KB when it knows the name, the dictionary gloss for places and organisations,
   otherwise pinyin (surname first: Li Qiang; a person in Traditional text as Taiwan writes
   names in English, Chen Yun-yu; a Korean in the Korean reading, Park Won-ho, with ``reading:
   ko``, when the surname is one only Koreans bear or Korea is the last country named before the
   name in its clause: :mod:`pipeline.korean`; a Japanese, Japan named last, in the Japanese
   reading, Hiroshi Moriyama, with ``reading: ja``: :mod:`pipeline.japanese`; a Hong Kong name
   in Hong Kong's Cantonese spelling, Lee Ka-chiu, with ``reading: yue``: :mod:`pipeline.cantonese`)
   with ``romanized: true``.  Bylines name reporters and authors
   (（中央社記者陳韻聿東京26日專電）); nouns before 研究所/基金會/大學 … make an institution the KB
   lacks, in English from the words' glosses with ``translated: true``.
5. **Dates and percents** (:mod:`pipeline.numex`): absolute and relative dates, weekdays,
   seasons (夏天 is a DATE, value ``XXXX-SU``), durations; ``value`` normalised (TIMEX3 style),
   ``en`` a plain English rendering.  A four-digit year or a parliament before an election word
   is one EVENT (2024 年大選, 美國國會選舉).
6. **A trained NER model** (``Options.ner_model``): its spans are added (``source: model``) only
   where they overlap no entity found above — the knowledge base and rules always win, even
   against a longer model span, because they carry ids and checked English names.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from importlib import resources as _res
from pathlib import Path
from typing import Any, Iterable

from . import rx, yamlfile
from .cache import gc_paused
from .errors import DataError
from .entity_foreign import ForeignNames, is_english_sentence
from .entity_model import ModelMerge, load_ner_model
from .entity_names import LATIN_NAME_PAIRS, NameRules, _country_of, _Mention, day_of_date
from .front_matter import dateline_outlet
from .model import Document, Entity, Token, Unit
from .numex import CN_NUMERALS, anchor_year, describe_date, describe_percent, find_dates, find_percents
from .segment import mark_meetings

__all__ = ["EntityTagger", "Rules", "entities_stage", "load_ner_model", "tagger_for"]

RULES_FILE = "data/entity_rules.yaml"
_WS = rx.compile(r"\s")
_PAREN_TAIL = rx.compile(r"\s*\([^()]*\)$")  # Office of the President (Taiwan)
_PRIORITY = {"full": 2, "short": 1}  # a full name before a short form of the same length


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
        # a copy: the maps below are replaced by converted ones
        data = dict(rules_file_data() if path is None else _parse_rules(path))
        rules = cls(data)
        for key, value in data.items():
            if isinstance(value, list):
                rules[key] = frozenset(convert(str(v)) for v in value)
        for key in ("surname_readings", "acronym_media", "named_clusters", "state_metonyms", "institution_words",
                    "document_words", "document_modifiers", "country_titles", "title_roles",
                    "election_english"):  # maps keyed by Chinese words
            rules.data[key] = {convert(k): v for k, v in (data.get(key) or {}).items()}
        rules.data["named_clusters"] = {k: {**spec, "not_before": tuple(convert(w) for w in spec.get("not_before", ()))}
                                        for k, spec in rules.data["named_clusters"].items()}
        chars = "".join(data.get("transliteration_chars", "").split())
        rules.data["transliteration_chars"] = frozenset(convert(chars))
        return rules


@lru_cache(maxsize=1)
def rules_file_data() -> dict[str, Any]:
    """The bundled entity_rules.yaml as parsed, once per process: the entity stage and the glosser
    (its ``titles``) both read it.  Do not modify the result."""
    return _parse_rules(_res.files("pipeline").joinpath(RULES_FILE))


def _parse_rules(src) -> dict[str, Any]:
    import yaml

    try:
        return yamlfile.safe_load(src.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"cannot read entity rules ({exc})", "fix the YAML", where=str(src))


#: punctuation between a body and the person it employs: not one phrase
_PUNCT_IN = rx.compile(r"[，,。；;：:、（）()「」]")

# what joins two bodies named together: 與, 和, 及, 、 (after an adverb: 正與, 也和)
_COORDINATION = rx.compile(r"[正也亦将已曾]?[与和及跟同、]")


class _Unit:
    """Per-unit working state: text, shadow, tokens and the entities chosen so far."""

    def __init__(self, unit: Unit, shadow: str):
        self.text, self.sh, self.tokens = unit.text, shadow, unit.tokens
        self.ents: list[Entity] = []
        self.occ = bytearray(len(unit.text))  # 1 where an entity was chosen
        self.extra_spans: list[tuple[int, int]] = []
        self.remembered: set[int] = set()
        self.index_tokens()

    def index_tokens(self) -> None:
        self.starts = [t.start for t in self.tokens]
        ends = [t.end for t in self.tokens]
        self.spans = set(zip(self.starts, ends))
        self.startset = set(self.starts)
        self.endset = set(ends)

    def compact(self) -> None:
        """Drop the token indexes between the two passes over a document (a long article has
        hundreds of thousands of tokens); :meth:`index_tokens` rebuilds them."""
        self.starts = self.spans = self.startset = self.endset = None

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
        self.reserve(ent.start, ent.end)

    def reserve(self, a: int, b: int) -> None:
        """Mark [a, b) as taken: no later pass puts an entity there."""
        self.occ[a:b] = b"\x01" * (b - a)

    def remove(self, ent: Entity) -> None:
        self.ents.remove(ent)
        self.occ[ent.start:ent.end] = bytes(ent.end - ent.start)


class EntityTagger(NameRules, ForeignNames, ModelMerge):
    """Built once per :class:`~pipeline.resources.Resources`; ``tag(doc)`` annotates a document."""

    def __init__(self, kb, segmenter, rules: Rules, glosser=None, ner=None):
        self.kb, self.seg, self.rules, self.glosser, self.ner = kb, segmenter, rules, glosser, ner
        self.forms: dict[str, list[str]] = dict(kb.forms()) if kb is not None else {}
        self.short: dict[str, list[str]] = dict(kb.short_forms()) if kb is not None else {}
        self.abbr: dict[str, str] = dict(kb.abbreviations()) if kb is not None else {}
        self.names: dict[str, tuple[list[str], str]] = {f: (ids, "short") for f, ids in self.short.items()}
        self.names.update((f, (ids, "full")) for f, ids in self.forms.items())
        # a form that is one entry's full name and other entries' short form (財政部: Taiwan's
        # ministry, the short form of HM Treasury and the US Treasury): all are candidates, the
        # full-name owners are the default when the document's context does not decide
        self.full_owners: dict[str, list[str]] = {}
        for f, ids in self.short.items():
            full = self.forms.get(f)
            if full and set(ids) - set(full):
                self.names[f] = (full + [i for i in ids if i not in full], "full")
                self.full_owners[f] = full
        self._countries: Counter[str] = Counter()  # country -> KB mentions so far in the document
        self._pending: list[tuple[Entity, list, list]] = []  # ambiguous forms context may still decide
        self._home: str | None = None  # the writer's own country (我國), see _home_country
        self._doc: tuple[str, str] = ("", "")  # the document's text and shadow
        self.pairs = _pair_index(self.names)
        self._entries: dict[tuple[str, ...], list] = {}
        self._ref_index: tuple[Any, int, dict] = (None, 0, {})  # mentions, indexed size, index
        self._overrides: dict[str, tuple[str | None, str | None, str]] = {}
        self._learned: dict[str, tuple[str, str]] = {}
        self.named_clusters = rules.data["named_clusters"]
        firsts = "".join(sorted({p[0] for p in self.pairs}))
        self.first_re = rx.compile(f"[{re.escape(firsts)}]" if firsts else "(?!)")
        self._title_memo: dict[str, bool] = {}
        self._publisher: str | None = None  # the publication's country when it is hk or mo
        self._korean_source = False  # a Korean outlet's text (韓聯社): names with no country are read as Korean
        self._today: str | None = None  # the article's date (YYYY-MM-DD), when known
        # outlets of Hong Kong and Macau (shadow form -> country): their articles are written from there
        self.outlets = _outlets(kb, segmenter.converter.convert) if kb is not None else {}
        self.korean_outlets = _outlets(kb, segmenter.converter.convert, ("kr",)) if kb is not None else {}
        self.is_dictionary_word = segmenter.is_word
        chars = "".join(re.escape(c) for c in self.abbr) or "\x00"
        self.run_re = rx.compile(f"[{chars}]{{2,}}")
        after = "".join(re.escape(c) for c in rules["single_abbreviation_after"]) or "\x00"
        side = "|".join(map(re.escape, rules["single_abbreviation_words"])) or "(?!)"
        # after a verb of going or taking sides (訪日), before 方 (美方), or opening a clause (美|擬…)
        self.single_re = rx.compile(f"(?<=[{after}])[{chars}]|[{chars}](?={side})|(?:^|(?<=[，。；：！？ \u3000「“『（(]))[{chars}]")
        self.list_re = rx.compile(f"[{chars}](?:、[{chars}])+")
        convert = segmenter.converter.convert
        self.after_only = {convert(str(k)): str(v) for k, v in (rules.data.get("after_only_abbreviations") or {}).items()}
        verbs = "".join(re.escape(c) for c in rules["single_abbreviation_after"] if c not in rules["after_only_not_after"])
        only = "".join(re.escape(c) for c in self.after_only)
        self.after_only_re = rx.compile(f"(?<=[{verbs}])[{only}]") if only and verbs else None
        seps = re.escape(rules.data.get("name_separators", "·"))
        self.sep_re = rx.compile(f"(?<=[\u3400-\u9fff])[{seps}](?=[\u3400-\u9fff])")
        self.attributive_followers = rules["attributive_followers"]
        self.people_followers = rules["people_followers"]
        self.titles = rules["titles"]
        self.ship_class_nouns = tuple(sorted(rules["ship_class_nouns"], key=len, reverse=True))
        self.title_re = _alternation(self.titles)
        self.election_re = _alternation(rules["election_words"])
        self.max_title = max((len(t) for t in self.titles), default=0)
        self.title_lengths = sorted({len(t) for t in self.titles}, reverse=True)

    # -- document --------------------------------------------------------------------------------
    def tag(self, doc: Document) -> None:
        shadow = doc.shadow or self.seg.shadow(doc.text)
        anchor = anchor_year(doc.text, doc.meta.get("date"))
        date = str(doc.meta.get("date") or "")
        self._today = date if re.fullmatch(r"\d{4}-\d\d-\d\d", date) else _dateline_day(doc, shadow)  # places 19日
        self._year = int(date[:4]) if re.match(r"(19|20)\d\d", date) else None  # who holds an office (賴總統)
        mentions: dict[str, _Mention] = {}  # shadow short form -> person
        self._overrides = {}  # shadow form -> (kb_id, en, source) the article itself established
        self._learned = {}  # shadow form -> (label, en) of a place or body named once with its English
        self._countries = Counter()
        self._last_country: dict[str, str] = {}  # entity label -> the country of the last one linked (該黨: its party's)
        self._pending = []
        self._home, self._doc = None, (doc.text, shadow)
        self._publisher = self._publisher_country(doc, shadow)
        self._korean_source = self._publisher_country(doc, shadow, self.korean_outlets) == "kr"
        seen_ids: set[str] = set()
        work: list[tuple[Unit, _Unit]] = []
        # token indexes are kept between the passes, except for a very long text (memory)
        keep_indexes = len(doc.text) <= _KEEP_INDEXES_CHARS
        for n, unit in enumerate(doc.units):
            u = _Unit(unit, shadow[unit.start:unit.end])
            work.append((unit, u))
            if unit.kind == "byline" and LATIN_NAME_PAIRS.fullmatch(unit.text.strip()):  # Wen-Yen Chang　　Pei-Shan Lee
                self._bylines(u)
                self._remember(u, n, mentions)
            elif is_english_sentence(unit.text):  # an English sentence quoted or given in full
                self._english_sentence(u, unit.kind)
                self._numbers(u, anchor)
                self._remember(u, n, mentions)
            else:
                self._chinese_passes(u, unit, n, mentions, seen_ids, anchor)
            pending = {id(p[0]) for p in self._pending}
            for e in u.ents:
                if e.kb_id and id(e) not in pending:
                    seen_ids.add(e.kb_id)
                if id(e) not in pending:
                    self._count_countries(e)
            if not keep_indexes:
                u.compact()
            if self._overrides:  # an English name the article gave in brackets replaces a romanisation
                for e in u.ents:
                    if (e.extra.get("romanized") or e.extra.get("translated")) and u.sh[e.start:e.end] in self._overrides:
                        e.en = self._overrides[u.sh[e.start:e.end]][1]
                        e.extra.pop("romanized", None)
                        e.extra.pop("translated", None)
        # a name found by a rule later in the article (羅森斯坦 (Rod Rosenstein) in the body) is the
        # same person in a headline or lead before it: full names only, never surnames
        early = {f: m for f, m in mentions.items() if m.kb_id is None and len(f) >= 3 and not f.isascii()}
        self._resolve_pending(work)
        for n, (unit, u) in enumerate(work):
            if u.starts is None:
                u.index_tokens()
            if early:
                self._refs(u, n, early, backward=True)
            self._body_of_its_officer(u)
            self._attributive(u)
            u.ents.sort(key=lambda e: (e.start, e.end))
            unit.entities = u.ents
            spans = [sp for e in u.ents for sp in _forced(u.text, e.start, e.end)] + u.extra_spans
            if spans and not all(sp in u.spans for sp in spans):  # most entities are whole tokens already
                unit.tokens = self.seg.retokenize(unit.text, u.sh, unit.tokens, spans)
            if "院会" in u.sh:
                mark_meetings(unit.tokens)
            work[n] = None  # type: ignore[call-overload]  # done with this unit's working state

    def _chinese_passes(self, u: _Unit, unit: Unit, n: int, mentions: dict, seen_ids: set[str], anchor: int | None) -> None:
        """The passes over one unit of Chinese text, in order."""
        self._infix_names(u)
        self._kb(u, seen_ids)
        self._ships(u)
        if unit.kind == "byline":
            self._bylines(u)
            if not any(e.label == "PERSON" for e in u.ents):
                self._name_after_outlet(u)  # 日本經濟新聞（中文版：日經中文網）高橋浩之 東京
        elif unit.kind == "note":
            self._note_credits(u)
            self._roster(u)
        elif unit.kind == "caption":
            self._caption_credits(u)
        self._airports(u)
        self._clusters(u)
        self._translit(u)
        self._bracketed_orgs(u)
        self._learned_names(u)
        self._parenthesized(u)
        self._remember(u, n, mentions)
        self._refs(u, n, mentions)
        self._titles(u)
        self._compound_surname_names(u)
        self._pos_names(u)
        self._institutions(u)
        self._party_branches(u)
        self._schools(u)
        self._documents(u)
        self._outlets(u)
        self._remember(u, n, mentions)
        self._refs(u, n, mentions)  # short references after a name found by the rules
        self._office_holders(u)
        self._parenthesized(u)
        self._latin_kb_names(u)
        self._latin_people(u)
        self._citations(u)
        self._credits(u, unit.kind)
        self._latin(u)
        self._latin_orgs(u)
        self._missions(u)
        self._numbers(u, anchor)
        self._elections(u)
        self._exercises(u)
        self._remember(u, n, mentions)  # names found last (Latin names) for the next units
        if self.ner is not None:
            self._model(u, unit)

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
        ambiguous: list[tuple[Entity, list, str]] = []  # organisations of several candidates
        for _n, _p, a, b, ids, kind in cands:
            if not u.free(a, b) or not self._fits(u, a, b, kind):
                continue
            if sh[b:b + 1] == "长" and sh[b + 1:b + 2] != "官" and self._is_title(sh[b - 1:b + 1]) \
                    and not ((tok := u.token_at(b)) is not None and tok.start == b and len(tok.norm) > 1):
                continue  # 美國國防部|長 is 美國 and the title 國防部長 (U.S. defense secretary); 外交部|長官 is not,
                # nor 台北市|長期以來 (長 opens a word of its own)
            if kind == "short" and any(p == a for p in places):
                continue
            if day_of_date(sh, a):
                continue  # 10月21日|經國會: the day of a date, not 日經 (Nikkei) or 日本
            ent = self._kb_entity(u, a, b, ids, seen_ids)
            if ent is None or (b - a == 2 and ent.label in ("PERSON", "LOC") and self._in_transliteration(u, a, b)):
                continue
            if self._overrides and ent.label == "PERSON" and sh[a:b] in self._overrides:
                ent.kb_id, ent.en, ent.source = self._overrides[sh[a:b]]
            u.add(ent)
            if ent.label in ("GPE", "LOC"):
                places.append(b)
            if ent.label == "ORG" and len(self._entries.get(tuple(ids), ())) > 1:
                ambiguous.append((ent, self._entries[tuple(ids)], sh[a:b]))
        if ambiguous:
            self._coordinate(u, ambiguous)

    def _coordinate(self, u: _Unit, ambiguous: list[tuple[Entity, list, str]]) -> None:
        """A name of several bodies joined by a conjunction to one whose country is certain takes
        that country's (國務院正與國防部合作: the US Department of Defense, in a Taiwanese article;
        台灣外交部與國防部: Taiwan's, whatever the article named before)."""
        pending = {id(p[0]) for p in self._pending}  # (a default, not yet decided: no partner)
        for ent, entries, form in ambiguous:
            partner = self._coordinated_country(u, ent.start, pending)
            same = [e for e in entries if _country_of(e) == partner] if partner else []
            if len(same) == 1:
                ent.kb_id, ent.en, ent.label = same[0].id, self._english(same[0], form), same[0].type
                ent.extra.pop("candidates", None)
                if id(ent) in pending:
                    self._pending = [p for p in self._pending if p[0] is not ent]

    def _ships(self, u: _Unit) -> None:
        """A person or place that names a ship (杜魯門號, 山東號, 「遼寧」號) or a class of ships (維吉尼亞級潛艦,
        福特級航艦) is neither; the nouns are ``ship_class_nouns`` in entity_rules.yaml."""
        sh = u.sh
        if "号" not in sh and "级" not in sh and "舰" not in sh:
            return
        for e in [e for e in u.ents if e.label in ("PERSON", "GPE", "LOC") and not e.members]:
            end = e.end + 1 if sh[e.end : e.end + 1] in "」”』" and sh[e.start - 1 : e.start] in "「“『" else e.end
            after = sh[end : end + 1]  # (「遼寧」號: the name in quotation marks)
            if after == "号" or after == "级" and self._ship_noun_after(sh, end + 1) \
                    or after == "舰" and (tok := u.token_at(e.end)) is not None \
                    and (tok.norm == "舰" or tok.norm[:1] == "舰" and not self._is_word(tok.norm)):
                # 福建|艦, 福建|艦若 (jieba's guess; not 日本|艦隊, 美國|艦艇: a word of its own after the name)
                u.remove(e)
                u.reserve(e.start, e.end)  # and no later pass takes it

    def _ship_noun_after(self, sh: str, at: int) -> bool:
        """A ship noun at ``at``, or after up to four characters of its kind (維吉尼亞級|核動力|潛艦,
        阿利伯克級|神盾|驅逐艦), in the same phrase."""
        if sh[at : at + 1] in ("（", "("):  # 維吉尼亞級（Virginia-class）核潛艦: the English in brackets between
            close = sh.find("）" if sh[at] == "（" else ")", at, at + 40)
            at = close + 1 if close > 0 else at
        window = re.split(r"[，。；、,;\s]", sh[at : at + 9], maxsplit=1)[0]
        return any(0 <= window.find(noun) <= 4 for noun in self.ship_class_nouns)

    def _body_of_its_officer(self, u: _Unit) -> None:
        """A body of several countries' (國防部) right before a title and a person the KB knows is
        that person's country's: 國防部政策次長柯伯吉 is the US Department of Defense, whatever the
        article's context chose."""
        people = [e for e in u.ents if e.label == "PERSON" and e.kb_id]
        for e in [e for e in u.ents if e.label == "ORG" and e.kb_id] if people else ():
            form = u.sh[e.start:e.end]
            hit = self.names.get(form)
            if hit is None or len(hit[0]) < 2:
                continue
            p = next((x for x in people if 0 <= x.start - e.end <= 10 and not _PUNCT_IN.search(u.sh, e.end, x.start)
                      and (x.start == e.end or any(self._is_title(u.sh[k:x.start]) for k in range(e.end, x.start - 1)))),
                     None)  # 政策|次長, 主管政策的|次長
            entry = self.kb.get(p.kb_id) if p is not None else None
            country = _country_of(entry) if entry is not None else None
            same = [x for x in map(self.kb.get, hit[0]) if x is not None and x.type == "ORG" and _country_of(x) == country]
            if len(same) == 1 and same[0].id != e.kb_id:
                e.kb_id, e.en = same[0].id, self._english(same[0], form)

    def _learned_names(self, u: _Unit) -> None:
        """A place or body the article named once with its English in brackets (半月暗沙（Half Moon
        Shoal）) is that entity, with that English, wherever the article names it again."""
        for form, (label, en) in self._learned.items():
            k = u.sh.find(form)
            while k >= 0:
                b = k + len(form)
                inside = [] if u.free(k, b) else [e for e in u.ents if e.start < b and k < e.end]
                if all(k <= e.start and e.end <= b for e in inside) and self._fits(u, k, b, "full"):
                    for e in inside:  # 全球|台灣|研究中心: the name whole, not the country in it
                        u.remove(e)
                    u.add(Entity(u.text[k:b], k, b, label, None, en, "rule"))
                k = u.sh.find(form, b)

    def _fits(self, u: _Unit, a: int, b: int, kind: str) -> bool:
        """Boundary check: a name must not fire inside an ordinary word (韓 in 韓流, 法國 in 合法國家)."""
        if a in u.startset and b in u.endset:
            return True  # on token boundaries (the usual case: KB names are in jieba's dictionary)
        sh = u.sh
        if (sh[a:a + 1].isascii() and sh[a:a + 1].isalnum() and sh[a - 1:a].isascii() and sh[a - 1:a].isalnum()) or \
                (sh[b - 1:b].isascii() and sh[b - 1:b].isalnum() and sh[b:b + 1].isascii() and sh[b:b + 1].isalnum()):
            return False  # a Latin name inside a Latin word: SPA in C-SPAN
        left, right = u.leftovers(a, b)
        if kind != "full":
            return not left and not right
        r = self.rules
        if (not left or left in r["name_prefixes"] or (len(left) >= 2 and self._is_word(left))) and \
                (not right or right in r["name_suffixes"] or self._words(right, r["org_suffixes"])):
            return True  # 日本人, 北京街頭, 日本牛肉, 紐約|聯合國|總部, 中國海軍|艦艇編隊
        if b - a < 3:
            return False
        # a longer name may cut a token jieba guessed, not one from its dictionary (日本國|防)
        tl, tr = u.token_at(a), u.token_at(b - 1)
        return (not left or not self._is_word(tl.norm)) and (not right or not self._is_word(tr.norm))

    def _in_transliteration(self, u: _Unit, a: int, b: int) -> bool:
        """A two-character name with a lone transliteration character glued on either side is part
        of a longer foreign name: 范斯|坦 (Feinstein, not Vance), 賈|西亞 (García, not West Asia)."""
        chars, keep = self.rules.data["transliteration_chars"], self.rules["not_name_chars"]
        for t in (u.token_at(a - 1) if a else None, u.token_at(b)):
            if t is not None and t.end - t.start == 1 and t.norm in chars and t.norm not in keep \
                    and t.norm not in self.rules["name_prefixes"] and (t.end == a or t.start == b):
                return True
        return False

    def _is_word(self, w: str) -> bool:
        return self.is_dictionary_word(w)

    def _words(self, w: str, org_suffixes: frozenset[str]) -> bool:
        """Is ``w`` one dictionary word of two characters or more, or two of them (艦艇編隊: the
        rest of a compound jieba's dictionary keeps whole, 中國海軍艦艇編隊)?  Two words ending like a
        body's name are that body's (美國|駐華大使館: the embassy, named from its countries)."""
        if len(w) >= 2 and self._is_word(w):
            return True
        return len(w) >= 4 and not any(w.endswith(x) for x in org_suffixes) and not w.endswith(("馆", "处", "团")) \
            and any(self._is_word(w[:k]) and self._is_word(w[k:]) for k in range(2, len(w) - 1))

    def _kb_entity(self, u: _Unit, a: int, b: int, ids: list[str], seen_ids: set[str]) -> Entity | None:
        key = tuple(ids)
        entries = self._entries.get(key)
        if entries is None:
            entries = self._entries[key] = [x for x in map(self.kb.get, ids) if x is not None]
        if not entries:
            return None
        form = u.sh[a:b]
        if len(entries) > 1 and (u.sh[max(0, a - 2):a] == "我国" or u.sh[a - 1:a] == "我" and a):
            # 我國外交部: the writer's own country's, whatever the article named before
            home = [e for e in entries if _country_of(e) == self._our_country()]
            if len(home) == 1:
                entries = home
        # only where it can matter: several candidates, or an organisation of one country
        named = self._country_before(u.sh, a) if a and (len(entries) > 1 or entries[0].type == "ORG" and entries[0].country) else None
        if named:  # 南韓外交部: South Korea's ministry, whatever the article named before
            same = [e for e in entries if _country_of(e) == named]
            if len(same) == 1:
                entries = same
            elif not same and all(e.type == "ORG" and e.country for e in entries) \
                    and form.endswith(tuple(self.rules["generic_body_heads"])) \
                    and self._country_before(u.sh, a, abbreviation=False):
                # 韓國總統府 when the KB knows only Taiwan's: the same kind of body, not that one
                return Entity(u.text[a:b], a, b, "ORG", None, self._generic_english(entries[0], form), "kb",
                              extra={"country": named})
        if len(entries) > 1 and all(e.type in ("ORG", "POLICY") for e in entries):
            # 黎智英被控違反香港…國安法: the law of the one candidate country the sentence names;
            # 日本首相高市早苗…在眾議院答詢: the chamber of the one candidate country the sentence names,
            # whatever the article named more often (a bare 外交部 waits for the whole article) —
            # and a full name's owner gives way only to another country's person in the sentence with
            # none of its own (總統李在明則透過總統府發言人: South Korea's presidential office)
            here = self._unit_countries(u)
            same = [e for e in entries if _country_of(e) in here]
            if form in self.full_owners:
                owners = {_country_of(e) for e in entries if e.id in self.full_owners[form]}
                people = {c for e in u.ents if e.label == "PERSON" for c in self._countries_of(e)}
                same = [e for e in same if _country_of(e) in people] if not owners & here else []
            if len(same) == 1:
                entries = same
        if len(entries) > 1:
            picked = [e for e in entries if e.id in seen_ids]
            if not picked and form not in self.full_owners:  # a home ministry waits for the whole article
                picked = self._by_context(entries, self._countries, form)
            if len(picked) != 1:  # undecided so far: the default now, the whole article decides later
                ent = self._default_entity(u.text[a:b], a, b, form, entries)
                self._pending.append((ent, entries, form))
                return ent
            entries = picked
        e = entries[0]
        return Entity(u.text[a:b], a, b, e.type, e.id, self._english(e, form), "kb")

    def _unit_countries(self, u: _Unit) -> set[str]:
        """The countries of the entities linked so far in this unit (a cluster's members too)."""
        return {c for e in u.ents for c in self._countries_of(e)}

    def _coordinated_country(self, u: _Unit, a: int, pending: set[int]) -> str | None:
        """The country of an organisation joined to the name at ``a`` by a conjunction (國務院與|
        國防部, 外交部、國防部): bodies named together belong to one government."""
        for e in u.ents:
            if e.label == "ORG" and e.kb_id and id(e) not in pending and e.end < a <= e.end + 3 \
                    and _COORDINATION.fullmatch(u.sh[e.end:a]):
                entry = self.kb.get(e.kb_id)
                return _country_of(entry) if entry is not None else None
        return None

    def _generic_english(self, entry, form: str) -> str:
        """An entry's English without its country: Office of the President (Taiwan) -> Office of
        the President, Ministry of Foreign Affairs of Japan -> Ministry of Foreign Affairs."""
        en = _PAREN_TAIL.sub("", entry.english_for(form))
        country = self.kb.get(entry.country)
        for name in country.english_names() if country is not None else ():
            for tail in (f" of the {name}", f" of {name}"):
                if en.endswith(tail):
                    return en[: -len(tail)]
            if en.startswith(name + " ") and en[len(name) + 1:][:1].isupper():
                return en[len(name) + 1:]  # Hong Kong SAR Government -> SAR Government
        return en

    def _country_before(self, sh: str, a: int, abbreviation: bool = True) -> str | None:
        """The country named right before ``a`` (南韓|外交部, or an abbreviation: 韓|外交部), also before
        前 "former" (美國前國防部官員: the US's)."""
        if a > 2 and sh[a - 1] == "前":
            a -= 1
        metonyms = self.rules.data["state_metonyms"]
        for n in (4, 3, 2):
            hit = self.names.get(sh[a - n:a]) if a >= n else None
            if hit is not None:
                for kb_id in hit[0]:
                    entry = self.kb.get(kb_id)
                    if entry is not None and entry.type == "GPE" and not entry.country:
                        return entry.id
            if a >= n and sh[a - n:a] in metonyms:  # 中共|國防部, 北京|外交部
                return metonyms[sh[a - n:a]]
        return self.abbr.get(sh[a - 1]) if abbreviation else None

    def _home_country(self) -> str:
        """Where the writer writes from: Taiwan for Traditional text, China for Simplified, Hong
        Kong (or Macau) for Traditional text whose publication line names a Hong Kong outlet (明報,
        東方日報), South Korea for a Korean outlet's (韓聯社).  A Hong Kong writer published elsewhere
        is read as Taiwanese."""
        if self._home is None:
            text, shadow = self._doc
            changed = sum(a != b for a, b in zip(text, shadow))
            self._home = "kr" if self._korean_source else (self._publisher or "tw") if changed > 0.03 * len(text) else "cn"
        return self._home

    def _our_country(self) -> str:
        """The country 我國 and a bare 外交部 name: the home country, China for Hong Kong and Macau."""
        home = self._home_country()
        return "cn" if home in ("hk", "mo") else home

    def _publisher_country(self, doc: Document, shadow: str, outlets: dict[str, str] | None = None) -> str | None:
        """hk or mo when the publication line (or the page's site name) names an outlet there (with
        ``outlets``, the country of any of those: 韓聯社, kr)."""
        outlets = self.outlets if outlets is None else outlets
        texts = [shadow[u.start:u.end] for u in doc.units if u.kind == "publication" or outlets is not None and u.kind == "byline"
                 or u.kind == "affiliation" and "记者" in shadow[u.start:u.end]]  # (香港01記者 above the name)
        for name in (doc.meta.get("publication"), dateline_outlet(doc.units)):  # the page's site name, 【明報專訊】
            if name:
                texts.append(self.seg.converter.convert(str(name)))
        for t in texts:
            for form, country in outlets.items():
                if form in t:
                    return country
        return None

    def _english(self, entry, form: str) -> str:
        """The English for ``entry`` written as ``form`` (shadow): an English acronym the text
        itself uses stays as written (FBI, GOP), else the entry's English for that form."""
        if form.isascii() and form in entry.english_names():
            return form
        return entry.english_for(form)

    def _default_entity(self, text: str, a: int, b: int, form: str, entries: list) -> Entity:
        """An ambiguous form without context: the full-name owner (bare 財政部 is Taiwan's), else
        the first type in ``type_priority``; a remaining tie is unlinked with ``candidates``."""
        owners = self.full_owners.get(form)
        picked = [e for e in entries if e.id in owners] if owners else []
        if owners and self._home_country() != "tw":  # a Mainland or Korean writer's bare 外交部 is their own
            picked = [e for e in entries if _country_of(e) == self._our_country()][:1] or picked
        if not picked:
            order = list(self.rules.data.get("type_priority", []))
            best = min(order.index(e.type) if e.type in order else 99 for e in entries)
            picked = [e for e in entries if (order.index(e.type) if e.type in order else 99) == best]
        e = picked[0]
        if len(picked) > 1:
            return Entity(text, a, b, e.type, None, _shared_english(picked), "kb", extra={"candidates": [p.id for p in picked]})
        return Entity(text, a, b, e.type, e.id, self._english(e, form), "kb")

    def _by_context(self, entries: list, countries: Counter, form: str = "") -> list:
        """The entry whose country the document mentions most, when that country is mentioned
        more often than every other candidate's (工黨 in an article about Australia is Labor).
        A form that is one entry's full name (外交部, 財政部: Taiwan's ministries) stays that
        entry's whenever the article mentions its country at all: a Taiwanese commentary on China
        names 中國 far more often than 臺灣, yet its bare 外交部 is still Taiwan's ministry; a
        Simplified-script (Mainland) article's bare 外交部 is China's."""
        owners = self.full_owners.get(form)
        if owners and self._home_country() != "tw":
            # a Mainland (Simplified) writer's bare 外交部 is China's, as a Taiwanese writer's is Taiwan's
            mine = [e for e in entries if _country_of(e) == self._our_country()]
            if len(mine) == 1:
                return mine
        if owners:
            home = [e for e in entries if e.id in owners and countries.get(_country_of(e), 0) > 0]
            if home:
                return home[:1]
        scored = sorted(((countries.get(_country_of(e), 0), e) for e in entries), key=lambda x: -x[0])
        if scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            return [scored[0][1]]
        return []

    def _count_countries(self, e: Entity) -> None:
        """Count the countries an entity mentions (see :meth:`_countries_of`); remember the country
        of the last organisation, country and person linked (for 該黨, 該國)."""
        countries = self._countries_of(e)
        self._countries.update(countries)
        if len(countries) == 1 and e.label in ("ORG", "GPE", "PERSON"):
            self._last_country[e.label] = countries[0]

    def _countries_of(self, e: Entity) -> list[str]:
        """The countries an entity mentions: a country itself, the country of a city, a person, an
        organisation; every member of a cluster."""
        out = [m["kb_id"] for m in e.members if m.get("kb_id")] if e.members else []
        entry = self.kb.get(e.kb_id) if e.kb_id else None
        c = _country_of(entry) if entry is not None else None
        return out + [c] if c else out

    def _resolve_pending(self, work) -> None:
        """Ambiguous forms the article's context decides once it is read whole: the candidate whose
        country the article mentions most (counted over every linked entity), else the default."""
        if not self._pending:
            return
        # names of one owner's full name last: a partner decided by the context may decide them
        self._pending.sort(key=lambda p: p[2] in self.full_owners)
        for k, (ent, entries, form) in enumerate(self._pending):
            partner = None
            if form in self.full_owners:
                unit = next((u for _, u in work if u is not None and any(x is ent for x in u.ents)), None)
                later = {id(p[0]) for p in self._pending[k:]}
                partner = self._coordinated_country(unit, ent.start, later) if unit is not None else None
            same = [e for e in entries if _country_of(e) == partner] if partner else []
            if not same and form not in self.full_owners:
                same = self._by_sentence(work, ent, entries)
            picked = same if len(same) == 1 else self._by_context(entries, self._countries, form)
            if len(picked) == 1:
                e = picked[0]
                ent.kb_id, ent.en, ent.label = e.id, self._english(e, form), e.type
                ent.extra.pop("candidates", None)
            elif form in self.full_owners and self._about_elsewhere(form):
                # an article about another country whose ministry the KB lacks (財政部 in a report
                # on Australia): neither Taiwan's nor a guess; unlinked, with the candidates
                ent.kb_id, ent.en = None, _shared_english(entries)
                ent.extra["candidates"] = [e.id for e in entries]
        self._pending = []

    def _by_sentence(self, work, ent: Entity, entries: list) -> list:
        """The candidates whose country the sentence of ``ent`` names; of several, the one named
        last before it (美国方面，国务院发言人…中日双方: the US State Department)."""
        unit = next((u for _, u in work if u is not None and any(x is ent for x in u.ents)), None)
        if unit is None:
            return []
        mentioned = [(e.end, c) for e in unit.ents if e is not ent for c in self._countries_of(e)]
        same = [e for e in entries if any(_country_of(e) == c for _end, c in mentioned)]
        if len(same) > 1:
            before = sorted((end, c) for end, c in mentioned if end <= ent.start)
            nearest = next((c for _end, c in reversed(before) if any(_country_of(e) == c for e in same)), None)
            same = [e for e in same if _country_of(e) == nearest] if nearest else []
        return same

    def _about_elsewhere(self, form: str) -> bool:
        """The article names countries, but never the country of the entry whose full name ``form`` is."""
        owners = {_country_of(e) for e in map(self.kb.get, self.full_owners[form]) if e is not None}
        return any(n for c, n in self._countries.items() if c not in owners) and \
            not any(self._countries.get(c, 0) for c in owners)

    def _attributive(self, u: _Unit) -> None:
        """An entity right before a title or group noun takes its entry's attributive English
        (美國|總統 -> U.S. President, 共和黨|參議員 -> Republican senator), before 人/人民 ... its
        people form (美國|人 -> Americans, 共和黨|人 -> Republicans); the nouns are
        ``attributive_followers`` / ``people_followers`` and every title in entity_rules.yaml."""
        for e in u.ents:
            if not e.kb_id or e.members:
                continue
            entry = self.kb.get(e.kb_id)
            if entry is None or not (entry.en_attributive or entry.en_people):
                continue
            nxt = self._next_word(u, e.end)
            if not nxt:
                continue
            if entry.en_people and nxt in self.people_followers:
                e.en = entry.en_people
            elif entry.en_attributive and (nxt in self.attributive_followers or self._is_title(nxt)):
                e.en = entry.en_attributive

    def _next_word(self, u: _Unit, i: int) -> str:
        """The word right after offset ``i``: the rest of the token ``i`` falls inside (美國人 as one
        token), else the token starting at ``i``."""
        tok = u.token_at(i)
        if tok is None:
            return ""
        if tok.start < i:
            return u.sh[i:tok.end]
        return tok.norm

    # -- 2. clusters -------------------------------------------------------------------------------
    def _clusters(self, u: _Unit) -> None:
        sh, r = u.sh, self.rules
        for m in self.run_re.finditer(sh):
            a, b = m.span()
            koku = split = None
            drop = []
            over = [e for e in u.ents if e.start < b and a < e.end] if not u.free(a, b) else ()
            if b - a == 2 and a and sh[a - 1] in r["single_abbreviation_after"] and u.free(a, a + 1) \
                    and any(e.start == a + 1 and e.label == "GPE" and e.kb_id and not e.members for e in over):
                u.add(self._single(u, a, a + 1, a + 1))  # 赴日中國旅客: 赴|日, then 中國, not the pair 日中
                u.extra_spans.append((a, a + 1))
                continue
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
            day = a and sh[a] == "日" and (sh[a - 1].isdigit() or sh[a - 1] in CN_NUMERALS)
            if day:  # 19日以無異議方式: the day of a date, not Japan; 30日|中美兩國: the run after it
                a += 1
            if b - a < 2 or any(w in sh[a:b] for w in r["not_clusters"]) \
                    or all(c in r["weak_abbreviations"] for c in sh[a:b]) and not self._weak_pair(u, a, b):
                continue
            left, right = u.leftovers(a, b)
            if left and left not in r["cluster_prefixes"] and not (day and left.endswith("日")):
                continue
            if b - a == 2 and any(c in r["weak_abbreviations"] for c in sh[a:b]) and not right \
                    and (nxt := u.token_at(b)) is not None and nxt.pos[:1] not in ("n", "v", "l", "j") \
                    and nxt.norm not in r["cluster_suffixes"]:
                continue  # 選舉|中以|些微過半: "in … by", a word of its own before an adverb (中以關係 is a pair)
            if b - a == 2 and sh[a] == "以" and sh[b : b + 1] == "制":
                continue  # 以菲制華: "using the Philippines to contain China", no Israel
            if koku is None and split is None and right and right not in r["cluster_suffixes"] \
                    and not self._is_word(right) and right[0] not in r["cluster_clause_openers"]:
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
                if any(e.start < a or e.end > b for e in inside) or sh.startswith(spec.get("not_before", ()), b):
                    continue  # (藍白拖: slippers, not the KMT and the TPP)
                if not (left and left not in r["cluster_prefixes"]) and (not right or self._is_word(right)):
                    for e in inside:  # 南北韓 over the 北韓 inside it
                        u.remove(e)
                    members = [{"kb_id": i, "en": self.kb.get(i).en if self.kb.get(i) else i} for i in spec["members"]]
                    u.add(Entity(u.text[a:b], a, b, spec.get("label", "GPE"), None, spec.get("en"), "kb", members=members))
        for m in self.single_re.finditer(sh):
            a, b = m.span()
            ch = sh[a]
            if not u.free(a, b):
                continue
            tok = u.token_at(a)
            if tok is None:
                continue
            if ch in r["weak_abbreviations"] and not (tok.start == a and tok.end == b + 1 and sh[b] == "方"):
                continue  # 以, 法 alone could be anything; 以方, 歐方 (the Israeli, the European side) cannot
            word = next((w for w in self.rules["single_abbreviation_words"] if sh.startswith(w, b)), None)
            if word is None and not (a and sh[a - 1] in r["single_abbreviation_after"]):
                if _opens_clause_alone(sh, tok, a, b, u.token_at(b)):
                    u.add(self._single(u, a, b, b))  # 美|擬|對…, 日|稱|將反制: a headline's country, subject of a verb
                continue
            if word is None:  # the verb before must start its token: 訪日, 對/中, not 採訪/中
                prev = u.token_at(a - 1) if a else None
                if prev is None or (prev.start != a - 1 and prev is not tok) or (prev is tok and tok.start != a - 1):
                    continue
            if word is not None:  # 中方, 美方: the country is 中/美, 方 (side) stays outside
                nxt = u.token_at(b) if tok.end == b else None
                if tok.start == a and tok.end == b + len(word):
                    u.add(self._single(u, a, b, b))
                    u.extra_spans.append((b, b + len(word)))
                elif tok.start == a and nxt is not None and nxt.start == b and nxt.end > b + len(word) \
                        and (nxt.pos.startswith("nr")  # 中|方有何|回應: a name jieba guessed across 方
                             or nxt.norm == "方向" and any(e.start == nxt.end for e in u.ents)):  # 美|方向|台灣出售
                    u.add(self._single(u, a, b, b))
                    u.extra_spans += [(b, b + len(word)), (b + len(word), nxt.end)]
            elif tok.end == b:
                u.add(self._single(u, a, b, b))
        for m in self.after_only_re.finditer(sh) if self.after_only_re is not None else ():
            a, b = m.span()  # 對華政策, 訪華, 駐華大使: China, as a word of its own after the verb
            tok, prev = u.token_at(a), u.token_at(a - 1)
            if not u.free(a, b) or tok is None or prev is None \
                    or not (prev is tok and tok.start == a - 1 or prev is not tok and prev.end == a and tok.start == a):
                continue
            rest = sh[b:tok.end]  # 駐華|大使 cut out of one token: the rest must be a word (not 對|華為, 對|華府)
            if rest and not (tok.start == a - 1 and self.is_dictionary_word(rest)):
                continue
            entry = self.kb.get(self.after_only[sh[a]]) if self.kb is not None else None
            if entry is not None:
                u.add(Entity(u.text[a:b], a, b, "GPE", entry.id, entry.english_for(sh[a]), "kb"))
                if rest:
                    u.extra_spans.append((b, tok.end))
        for m in self.list_re.finditer(sh):  # 美、日、菲等國: a list of abbreviations, each a country
            starts = range(m.start(), m.end(), 2)
            if all(sh[i] in r["weak_abbreviations"] for i in starts):
                continue  # 以、巴 alone could be anything
            last = u.token_at(starts[-1])
            counted = last is not None and last.start == starts[-1] and _COUNTED_COUNTRIES.fullmatch(sh, last.start + 1, last.end)
            if all((t := u.token_at(i)) is not None and (t.start, t.end) == (i, i + 1) for i in starts[:-1]) \
                    and (counted or last is not None and (last.start, last.end) == (starts[-1], starts[-1] + 1)):
                if counted:  # 美、日、韓三國 (jieba's 韓三國, the Korean Three Kingdoms): the list and its count
                    for e in [e for e in u.ents if e.start == last.start and e.end == last.end]:
                        u.remove(e)
                    u.extra_spans.append((last.start + 1, last.end))
                for i in starts:
                    if u.free(i, i + 1):
                        u.add(self._single(u, i, i + 1, i + 1))

    def _missions(self, u: _Unit) -> None:
        """A country's mission abroad that no entry names, found whole (美國駐華大使館): its English
        from the two countries and the kind of mission (U.S. Embassy in China), not the first
        word's gloss."""
        for e in u.ents:
            m = _MISSION.fullmatch(u.sh, e.start, e.end) if e.label == "ORG" and e.kb_id is None else None
            if m is None:
                continue
            sender, host = self._country(m.group(1)), self._country(m.group(2))
            if sender and host:
                e.en = _mission_en(sender, m.group(3), host)
                e.extra["translated"] = True
        # 中國駐菲律賓大使館: the countries were found apart, the mission is one body
        for m in _MISSION_AFTER.finditer(u.sh):
            sender = next((e for e in u.ents if e.end == m.start() and e.label == "GPE" and e.members is None), None)
            host = next((e for e in u.ents if e.start == m.start(1) and e.end == m.end(1)), None)
            if sender is None or not u.free(m.end(1), m.end()) or host is None and u.sh[m.start(1):m.end(1)] not in self.abbr:
                continue
            if host is not None and host.label != "GPE":
                continue
            a, b = self._country(u.sh[sender.start : sender.end]), self._country(m.group(1))
            if not (a and b):
                continue
            u.remove(sender)
            if host is not None:
                u.remove(host)
            u.add(Entity(u.text[sender.start : m.end()], sender.start, m.end(), "ORG", None,
                         _mission_en(a, m.group(2), b), "rule", extra={"translated": True}))

    def _country(self, form: str):
        """The KB entry of a country written in full or as its one-character abbreviation (美, 華)."""
        if form in self.names:
            ids = self.names[form][0]
        elif len(form) == 1:
            ids = [i for i in (self.abbr.get(form), self.after_only.get(form)) if i][:1]
        else:
            ids = []
        entries = [x for x in map(self.kb.get, ids) if x is not None and x.type == "GPE"] if self.kb is not None else []
        return entries[0] if len(entries) == 1 else None

    def _koku_word(self, sh: str, b: int) -> str | None:
        """The dictionary word starting with 國 at ``b`` (国内, 国防, 国会), if any."""
        if sh[b:b + 1] != "国":
            return None
        for n in (4, 3, 2):
            w = sh[b:b + n]
            if len(w) == n and self._is_word(w):
                return w
        return None

    def _weak_pair(self, u: _Unit, a: int, b: int) -> bool:
        """Two weak abbreviations jieba keeps as one word before a word for what is between their
        countries (泰柬|邊境衝突, 越柬|關係): a pair, though each alone could be anything."""
        t = u.token_at(a)
        return t is not None and (t.start, t.end) == (a, b) and u.sh.startswith(tuple(self.rules["cluster_relations"]), b)

    def _trim_weak(self, u: _Unit, a: int, b: int) -> tuple[int, int]:
        weak = self.rules["weak_abbreviations"]
        # 朝|俄|合作, 中|朝|關係: a weak character standing alone is in the run before a word for what
        # is between its countries (not 更新|美台: 新 is in another word)
        related = u.sh.startswith(tuple(self.rules["cluster_relations"]), b) and any(c not in weak for c in u.sh[a:b])
        while b - a >= 2 and u.sh[a] in weak:
            t = u.token_at(a)
            if t is not None and t.start == a and (a + 1 < t.end <= b or related and t.end == a + 1):
                break
            a += 1
        while b - a >= 2 and u.sh[b - 1] in weak:
            t = u.token_at(b - 1)
            if t is not None and t.end == b and (a <= t.start < b - 1 or related and t.start == b - 1):
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
        en = entry.english_for(u.sh[a]) if entry else None
        label = entry.type if entry is not None and entry.type == "ORG" else "GPE"  # 歐: the EU, a union
        return Entity(u.text[a:end], a, end, label, entry.id if entry else None, en, "kb")

    # -- 5. dates and percents ----------------------------------------------------------------------
    def _numbers(self, u: _Unit, anchor: int | None) -> None:
        r = self.rules
        for a, b, extra in find_dates(u.sh, anchor, self._today):
            if u.sh.startswith("中华民国", a):  # 中華民國114年10月13日: a date, not the country
                for e in [e for e in u.ents if a <= e.start and e.end <= b]:
                    u.remove(e)
            if u.free(a, b):
                u.add(Entity(u.text[a:b], a, b, "DATE", None, describe_date(extra, u.sh[a:b]), "rule", extra=extra))
        for a, b, extra in find_percents(u.sh, r["not_percent_after"]):
            tok = u.token_at(a)
            if tok is not None and tok.norm in r["not_percent_words"]:
                continue
            if u.free(a, b):
                u.add(Entity(u.text[a:b], a, b, "PERCENT", None, describe_percent(extra), "rule", extra=extra))


def _opens_clause_alone(sh: str, tok, a: int, b: int, nxt) -> bool:
    """Is the abbreviation at [a, b) a word of its own opening its clause (after the start, a
    punctuation mark or a space) before a verb or adverb (美|擬|對…, 日|稱, 韓|要求)?  A space counts
    only after Han text, as between a headline's parts (not 9 月 29 日 or 今 ( 8 ) 日); 台 may be a
    stage (台上握手、台|下滑手機)."""
    return tok.start == a and tok.end == b and sh[a] != "台" and (a == 0 or sh[a - 1] in _CLAUSE_OPENERS
                                                and (sh[a - 1] not in " \u3000" or a >= 2 and "\u4e00" <= sh[a - 2] <= "\u9fff")) \
        and nxt is not None and nxt.start == b and nxt.pos[:1] in ("v", "d")


_CLAUSE_OPENERS = frozenset("，。；：！？ \u3000「“『（(")  # (not 、: a list's items are the list's, 週六、日)


def _dateline_day(doc: Document, shadow: str) -> str | None:
    """The month and day (XXXX-MM-DD) a dateline or publication line at the top gives without a
    year: 新华社北京11月27日电."""
    for u in doc.units[:8]:
        if u.kind in ("byline", "publication"):
            for _a, _b, extra in find_dates(shadow[u.start:u.end]):
                if re.fullmatch(r"XXXX-\d\d-\d\d", str(extra.get("value", ""))):
                    return extra["value"]
    return None


#: Texts longer than this drop each unit's token indexes between the two passes (see _Unit.compact).
_KEEP_INDEXES_CHARS = 200_000


#: the count after a list of countries (美、日、韓三國, …等國), shadow forms
_COUNTED_COUNTRIES = rx.compile(r"[两二三四五六七八九十几]?国|等国?")

#: a mission: the sending country, 駐, the host country, the kind of mission (shadow forms)
_MISSION_HEADS = {"大使馆": "Embassy", "总领事馆": "Consulate General", "领事馆": "Consulate", "代表处": "Representative Office",
                  "办事处": "Office"}
_MISSION = rx.compile(r"(.{1,6}?)驻(.{1,4}?)(" + "|".join(sorted(_MISSION_HEADS, key=len, reverse=True)) + ")")
def _mission_en(sender, head: str, host) -> str:
    """A mission's English from its two countries' entries: Chinese Embassy in the Philippines,
    U.S. Embassy in China, Japanese Consulate General in Hong Kong."""
    where = host.en
    if f"the {where}" in host.en_aliases or where.replace(".", "").isupper():
        where = f"the {where}"  # the Philippines, the U.S., the UK
    return f"{sender.en_attributive or sender.en} {_MISSION_HEADS[head]} in {where}"


#: 駐, the host country, the kind of mission, after a sending country found as an entity (shadow forms)
_MISSION_AFTER = rx.compile(r"驻([^\W\d_a-zA-Z]{1,5}?)(" + "|".join(sorted(_MISSION_HEADS, key=len, reverse=True)) + ")")


def _start(e: Entity) -> int:
    return e.start


def _outlets(kb, convert, countries: tuple[str, ...] = ("hk", "mo")) -> dict[str, str]:
    """Shadow forms of the news outlets of ``countries`` (Hong Kong and Macau) the KB knows -> their country."""
    words = ("newspaper", "news", "media", "broadcaster")
    return {convert(form): e.country for e in kb
            if e.type == "ORG" and e.country in countries and any(w in e.description.lower() for w in words)
            for form in e.zh}


def _alternation(words: Iterable[str]) -> "re.Pattern[str]":
    """One regex matching any of ``words``, longest first."""
    words = sorted(words, key=len, reverse=True)
    return rx.compile("|".join(map(re.escape, words)) if words else "(?!)")


def _pair_index(forms: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """First two characters -> the lengths of the forms starting with them, longest first."""
    index: dict[str, set[int]] = {}
    for f in forms:
        if len(f) >= 2:
            index.setdefault(f[:2], set()).add(len(f))
    return {c: tuple(sorted(ls, reverse=True)) for c, ls in index.items()}


def _forced(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Spans to force as tokens for an entity: itself, or, when it contains spaces (2025 年 2、3 月),
    its first and last chunk, so that its edges are token boundaries."""
    if _WS.search(text, a, b) is None:
        return [(a, b)]
    chunks = [(a + m.start(), a + m.end()) for m in re.finditer(r"\S+", text[a:b])]
    return [chunks[0], chunks[-1]] if len(chunks) > 1 else chunks


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


def _shared_english(entries: list) -> str | None:
    """The English the candidates share once their countries are left out (Office of the President
    (Taiwan), … (South Korea): Office of the President), else None."""
    names = {re.sub(r"\s*\([^()]*\)$", "", e.en) for e in entries}
    return names.pop() if len(names) == 1 else None


def entities_stage(doc: Document, res) -> None:
    """Fill ``unit.entities`` for every unit; every entity becomes whole tokens.

    The stage makes many small objects and no reference cycles; Python's cyclic garbage collector
    is paused while it runs (it would otherwise rescan every token of the article again and again:
    about 40% of the stage's time on a long article) and resumed afterwards."""
    tagger = tagger_for(res)
    with gc_paused():
        tagger.tag(doc)
