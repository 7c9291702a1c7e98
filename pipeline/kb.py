"""The bilingual knowledge base: entities of Indo-Pacific political text, with their names.

The data lives in ``pipeline/data/kb/*.yaml`` (one YAML list of entries per file; schema in
``pipeline/data/kb/README.md``).  Users add their own files of the same schema with
``KnowledgeBase.load(extra=[...])`` (the CLI's ``--kb EXTRA.yaml``).

Look-ups for the tagger are keyed on the *Simplified shadow* of a name, i.e. the name passed
through OpenCC ``t2s``, so Traditional and Simplified input match the same entry.  The loader
completes ``zh_hans`` with the t2s spelling of every ``zh`` and regional form, indexes
transliterated names under every middle-dot separator (唐納·川普 = 唐納‧川普 = 唐納川普), and
indexes all-capital English acronyms (NATO, AUKUS) as surface forms.

Loading parses YAML and converts every name once; the result is cached as a pickle under
``$ZHGLOSS_CACHE`` (default ``~/.cache/zhgloss/``), keyed by the data files' paths, sizes and
modification times, this module's own file and the package version.  Nothing happens at import
time.

Merge rules for several files (bundled files first, in name order, then ``extra`` in the given
order):

* an id seen for the first time creates an entry (``id``, ``type``, ``en`` and ``zh`` required);
* an id already defined in a *bundled* file and repeated in another bundled file is an error
  (duplicate id); the same id twice in one file is always an error;
* an id repeated in a *user* file extends the existing entry: list fields (names, aliases,
  roles, regional forms per region) are appended, scalar fields (``type``, ``en``,
  ``description``, ``country``, ``wikidata``) replace the old value when given;
* ``replace: true`` in a user entry replaces the existing entry completely (then ``type``,
  ``en`` and ``zh`` are required again);
* ``remove: [form, ...]`` in a user entry deletes those forms from every name list of the entry.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Sequence

from pipeline import __version__, rx
from pipeline.cache import cache_dir, gc_paused
from pipeline.errors import DataError

#: Entity types a KB entry can have (DATE and PERCENT are rule-based, never in the KB).
TYPES = ("PERSON", "GPE", "LOC", "ORG", "POLICY", "EVENT")

#: The bundled data directory.
KB_DIR = Path(__file__).resolve().parent / "data" / "kb"

#: Files in KB_DIR that are not entry lists (builder input, documentation of ambiguities).
NON_ENTRY_FILES = frozenset({"countries_overrides.yaml", "known_ambiguities.yaml"})

#: Countries whose people also appear family name first in English ("Kishida Fumio"); the
#: English index accepts both orders for two-word names.
FAMILY_NAME_FIRST = frozenset({"jp"})

#: All-capital English acronyms (3+ characters) in ``en``/``en_aliases`` are also surface forms,
#: because Chinese text embeds them (NATO 峰會, 東協 (ASEAN)).  These are
#: left out: ordinary words or acronyms with a common second meaning.
ACRONYM_STOPLIST = frozenset({
    "PLAN",  # PLA Navy; also the word "plan"
    "PPP",   # People Power Party; also purchasing power parity, public-private partnership
    "TPP",   # Taiwan People's Party; also the Trans-Pacific Partnership
    "NSC",   # Taiwan's and the US National Security Council
    "INC",   # Indian National Congress; also "Inc."
    "IRA",   # Inflation Reduction Act; also the Irish Republican Army
    "CNA",   # Central News Agency; also Singapore's Channel NewsAsia
})
_ACRONYM_RE = rx.compile(r"^[A-Z][A-Z0-9]{2,}$")

#: Bumped whenever the pickled structure changes.
CACHE_FORMAT = 3

#: Values of ``name_order``: the order English writes a person's names in ("Kim Jong Un" is
#: family-first, "Shigeru Ishiba" given-first).  On a country it is the default for its people.
NAME_ORDERS = ("family-first", "given-first")

_LIST_FIELDS = ("en_aliases", "zh", "zh_hans", "short", "abbr", "roles")
_SCALAR_FIELDS = ("type", "en", "description", "country", "wikidata", "en_attributive", "en_people",
                  "name_order")
_ALLOWED = frozenset(("id", "zh_regional", "replace", "remove", "en_forms") + _LIST_FIELDS + _SCALAR_FIELDS)
_REGIONS = ("tw", "hk", "cn", "mo", "sg")
_ID_RE = rx.compile(r"^[a-z0-9][a-z0-9-]*$")
_QID_RE = rx.compile(r"^Q[1-9][0-9]*$")


@dataclass(frozen=True, slots=True)
class KBEntry:
    """One entity.  Name tuples keep the file's order; the first ``zh`` form is canonical."""

    id: str
    type: str
    en: str
    en_aliases: tuple[str, ...] = ()
    zh: tuple[str, ...] = ()
    zh_hans: tuple[str, ...] = ()
    zh_regional: dict = field(default_factory=dict)  # region -> tuple of forms
    short: tuple[str, ...] = ()
    abbr: tuple[str, ...] = ()
    country: str | None = None
    roles: tuple[str, ...] = ()
    description: str = ""
    wikidata: str | None = None
    en_forms: dict = field(default_factory=dict)  # Chinese form (original and shadow) -> English
    en_attributive: str | None = None  # before a title or group noun: 美國總統 -> U.S. President
    en_people: str | None = None  # before 人/人民 ...: 美國人 -> Americans, 共和黨人 -> Republicans
    name_order: str | None = None  # "family-first" | "given-first" (English order; see NAME_ORDERS)

    def __hash__(self) -> int:  # zh_regional is a dict; the id identifies an entry
        return hash(self.id)

    def all_zh_forms(self) -> tuple[str, ...]:
        """Every *full* Chinese name in its original script: ``zh``, then the regional forms
        (all regions), then ``zh_hans``, without duplicates.  Short references (``short``) and
        single-character abbreviations (``abbr``) are *not* included; read those fields directly.
        """
        seen: dict[str, None] = {}
        for form in self.zh:
            seen.setdefault(form)
        for forms in (self.zh_regional or {}).values():
            for form in forms:
                seen.setdefault(form)
        for form in self.zh_hans:
            seen.setdefault(form)
        return tuple(seen)

    def english_for(self, form: str) -> str:
        """The English that goes with the Chinese ``form`` the text used (original script or
        shadow): its ``en_forms`` entry (歐盟 -> EU, 華府 -> Washington), else ``en``."""
        return self.en_forms.get(form, self.en) if self.en_forms else self.en

    def english_names(self) -> tuple[str, ...]:
        """Every English form the entry gives: ``en``, aliases, per-form, attributive, people."""
        seen: dict[str, None] = {}
        for name in (self.en, *self.en_aliases, *self.en_forms.values(), self.en_attributive, self.en_people):
            if name:
                seen.setdefault(name)
        return tuple(seen)

    @property
    def zh_name(self) -> str:
        """The canonical (Taiwan) Chinese name."""
        return self.zh[0] if self.zh else ""


def english_key(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key: ``"U.S."`` and ``"us"`` give ``"us"``."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed.casefold() if ch.isalnum())


class KnowledgeBase:
    """All entries plus the look-up tables the tagger needs.  Build with :meth:`load`."""

    def __init__(self, entries: dict[str, KBEntry], forms: dict[str, list[str]],
                 short_forms: dict[str, list[str]], abbreviations: dict[str, str],
                 english: dict[str, list[str]], files: tuple[str, ...] = ()):
        self._entries = entries
        self._forms = forms
        self._short = short_forms
        self._abbr = abbreviations
        self._english = english
        self.files = files  #: the data files this KB was built from, in load order

    # -- construction ---------------------------------------------------------------------
    @classmethod
    def load(cls, extra: Sequence[str | Path] = (), *, cache: bool = True) -> "KnowledgeBase":
        """Load the bundled KB plus ``extra`` user files (same schema; merge rules above).

        Raises :class:`~pipeline.errors.DataError` naming the file and entry for malformed data.
        """
        bundled = bundled_files()
        users = [Path(p) for p in extra]
        for path in users:
            if not path.is_file():
                raise DataError("knowledge-base file not found",
                                "check the path given to --kb", where=str(path))
        key = _cache_key(bundled + users) if cache else None
        if key is not None:
            hit = _cache_read(key)
            if hit is not None:
                return hit
        kb = cls._build(bundled, users)
        if key is not None:
            _cache_write(key, kb)
        return kb

    @classmethod
    def _build(cls, bundled: list[Path], users: list[Path]) -> "KnowledgeBase":
        raw: dict[str, dict[str, Any]] = {}
        origin: dict[str, str] = {}
        for path in bundled:
            for item in _read_entries(path):
                _merge(raw, origin, item, str(path), user=False)
        for path in users:
            seen_here: set[str] = set()
            for item in _read_entries(path):
                kb_id = item.get("id")
                if kb_id in seen_here:
                    raise DataError(f"duplicate id '{kb_id}' in the same file",
                                    "merge the two entries into one", where=str(path))
                seen_here.add(kb_id)
                _merge(raw, origin, item, str(path), user=True)

        entries: dict[str, KBEntry] = {}
        for kb_id, data in raw.items():  # zh_hans is completed below, once OpenCC is loaded
            country = data.get("country")
            if country is not None and country not in raw:
                raise DataError(f"entry '{kb_id}': country '{country}' is not a KB id",
                                "use the id of a country entry (e.g. 'jp', 'us')", where=origin[kb_id])
            entries[kb_id] = KBEntry(
                id=kb_id, type=data["type"], en=data["en"],
                en_aliases=tuple(data.get("en_aliases", ())), zh=tuple(data.get("zh", ())),
                zh_hans=tuple(data.get("zh_hans", ())),
                zh_regional={r: tuple(v) for r, v in data.get("zh_regional", {}).items() if v},
                short=tuple(data.get("short", ())), abbr=tuple(data.get("abbr", ())),
                country=country, roles=tuple(data.get("roles", ())),
                description=data.get("description", ""), wikidata=data.get("wikidata"),
                en_forms=dict(data.get("en_forms") or {}), en_attributive=data.get("en_attributive"),
                en_people=data.get("en_people"), name_order=data.get("name_order"))
            _check_en_forms(entries[kb_id], origin[kb_id])

        from opencc import OpenCC  # imported here: only needed when the cache misses

        t2s = OpenCC("t2s").convert
        entries = {kb_id: _fill_hans(entry, t2s) for kb_id, entry in entries.items()}
        forms: dict[str, list[str]] = {}
        short_forms: dict[str, list[str]] = {}
        abbreviations: dict[str, str] = {}
        english: dict[str, list[str]] = {}
        for entry in entries.values():
            for form in entry.all_zh_forms():
                for variant in name_variants(t2s(form)):
                    _index(forms, variant, entry.id)
            for name in (entry.en, *entry.en_aliases):
                if _ACRONYM_RE.match(name) and name not in ACRONYM_STOPLIST:
                    _index(forms, name, entry.id)  # Chinese text embeds them: NATO 峰會
            for form in entry.short:
                _index(short_forms, t2s(form), entry.id)
            for char in entry.abbr:
                shadow = t2s(char)
                owner = abbreviations.get(shadow)
                if owner is not None and owner != entry.id:
                    raise DataError(f"abbreviation '{char}' is claimed by both '{owner}' and '{entry.id}'",
                                    "a single-character abbreviation must belong to one entry; "
                                    "remove it from one of them", where=origin[entry.id])
                abbreviations[shadow] = entry.id
            for name in (entry.en, *entry.en_aliases):
                _index(english, english_key(name), entry.id)
            if entry.type == "PERSON" and entry.country in FAMILY_NAME_FIRST:
                parts = entry.en.split()
                if len(parts) == 2:  # "Kishida Fumio", the order Tokyo itself uses since 2020
                    _index(english, english_key(f"{parts[1]} {parts[0]}"), entry.id)
        files = tuple(str(p) for p in bundled + users)
        return cls(entries, forms, short_forms, abbreviations, english, files)

    # -- queries ----------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[KBEntry]:
        return iter(self._entries.values())

    def __contains__(self, kb_id: object) -> bool:
        return kb_id in self._entries

    def get(self, kb_id: str) -> KBEntry | None:
        return self._entries.get(kb_id)

    def forms(self) -> dict[str, list[str]]:
        """Simplified-shadow full name -> entry ids (from ``zh``, ``zh_regional``, ``zh_hans``;
        not ``short`` or ``abbr``).  Match it against the t2s shadow of the text."""
        return self._forms

    def short_forms(self) -> dict[str, list[str]]:
        """Simplified-shadow short reference (surname, clipped name) -> entry ids."""
        return self._short

    def abbreviations(self) -> dict[str, str]:
        """Single shadow character -> entry id, for clusters such as 美日韩 (美 -> 'us')."""
        return self._abbr

    def lookup(self, shadow_form: str) -> list[KBEntry]:
        """Entries whose full names include ``shadow_form`` (a Simplified-shadow string)."""
        return [self._entries[i] for i in self._forms.get(shadow_form, ())]

    def by_english(self, name: str) -> list[KBEntry]:
        """Entries whose ``en`` or ``en_aliases`` equal ``name`` ignoring case and punctuation."""
        return [self._entries[i] for i in self._english.get(english_key(name), ())]

    def counts(self) -> dict[str, int]:
        """Number of entries per type (every type in :data:`TYPES`, zero included)."""
        c = Counter(e.type for e in self._entries.values())
        return {t: c.get(t, 0) for t in TYPES}

    def ambiguous_forms(self, *, cross_type_only: bool = False) -> dict[str, list[str]]:
        """Shadow forms (full names) that map to more than one entry."""
        out = {}
        for form, ids in self._forms.items():
            if len(ids) > 1:
                if cross_type_only and len({self._entries[i].type for i in ids}) < 2:
                    continue
                out[form] = ids
        return out


# -- reading and validation --------------------------------------------------------------------
def bundled_files() -> list[Path]:
    """The bundled entry files, in load order."""
    return sorted(p for p in KB_DIR.glob("*.yaml") if p.name not in NON_ENTRY_FILES)


def _read_entries(path: Path) -> list[dict[str, Any]]:
    import yaml

    from .yamlfile import safe_load

    try:
        data = safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" (line {mark.line + 1})" if mark is not None else ""
        raise DataError(f"not valid YAML{at}: {getattr(exc, 'problem', exc)}",
                        "fix the YAML syntax", where=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read knowledge-base file: {exc}",
                        "check the file exists and is UTF-8", where=str(path)) from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise DataError("a knowledge-base file must be a YAML list of entries",
                        "start each entry with '- id: ...'", where=str(path))
    for n, item in enumerate(data):
        if not isinstance(item, dict):
            raise DataError(f"entry #{n + 1} is not a mapping",
                            "each list item must be a mapping with id, type, en, zh", where=str(path))
    return data


def _check(item: dict[str, Any], where: str, *, partial: bool) -> None:
    """Validate one raw entry; ``partial`` entries (user extensions) need only an id."""
    kb_id = item.get("id")
    if not isinstance(kb_id, str) or not kb_id:
        names = item.get("en") or item.get("zh") or "?"
        raise DataError(f"entry without an 'id' ({names})",
                        "add a unique lowercase id such as 'jp-pm-ishiba-shigeru'", where=where)
    label = f"entry '{kb_id}'"
    if not _ID_RE.match(kb_id):
        raise DataError(f"{label}: id must be a lowercase slug (a-z, 0-9, '-')",
                        "rename the id, e.g. 'us-president-joe-biden'", where=where)
    unknown = set(item) - _ALLOWED
    if unknown:
        raise DataError(f"{label}: unknown field(s) {', '.join(sorted(unknown))}",
                        f"allowed fields: {', '.join(sorted(_ALLOWED))}", where=where)
    if not partial:
        for name in ("type", "en", "zh"):
            if not item.get(name):
                raise DataError(f"{label}: missing '{name}'",
                                f"add the '{name}' field (see pipeline/data/kb/README.md)", where=where)
    if "type" in item and item["type"] not in TYPES:
        raise DataError(f"{label}: unknown type '{item['type']}'",
                        f"use one of {', '.join(TYPES)}", where=where)
    for fname in ("en", "description", "country", "en_attributive", "en_people", "name_order"):
        if fname in item and item[fname] is not None and not isinstance(item[fname], str):
            raise DataError(f"{label}: '{fname}' must be a string", "quote the value", where=where)
    if item.get("wikidata") is not None and not _QID_RE.match(str(item["wikidata"])):
        raise DataError(f"{label}: wikidata '{item['wikidata']}' is not a Q-id",
                        "write it as Q123, or leave it out when unsure", where=where)
    if item.get("name_order") is not None and item["name_order"] not in NAME_ORDERS:
        raise DataError(f"{label}: unknown name_order '{item['name_order']}'",
                        f"use one of {', '.join(NAME_ORDERS)}", where=where)
    for fname in (*_LIST_FIELDS, "remove"):
        if fname in item:
            _check_names(item[fname], f"{label}: '{fname}'", where)
    en_forms = item.get("en_forms")
    if en_forms is not None and (not isinstance(en_forms, dict) or not all(
            isinstance(k, str) and k.strip() and isinstance(v, str) and v.strip() for k, v in en_forms.items())):
        raise DataError(f"{label}: 'en_forms' must map Chinese forms to English names",
                        "write it as en_forms: {歐盟: EU}", where=where)
    for char in item.get("abbr", ()):
        if len(char) != 1:
            raise DataError(f"{label}: abbreviation '{char}' is not a single character",
                            "put longer forms under 'short' or 'zh'", where=where)
    for form in item.get("short", ()):
        if len(form) < 2:
            raise DataError(f"{label}: short form '{form}' has one character",
                            "single characters are too ambiguous; use 'abbr' for countries only", where=where)
    regional = item.get("zh_regional")
    if regional is not None:
        if not isinstance(regional, dict):
            raise DataError(f"{label}: 'zh_regional' must be a mapping of region to list",
                            "write it as zh_regional: {cn: [...]}", where=where)
        for region, forms in regional.items():
            if region not in _REGIONS:
                raise DataError(f"{label}: unknown region '{region}' in zh_regional",
                                f"use one of {', '.join(_REGIONS)}", where=where)
            _check_names(forms, f"{label}: 'zh_regional.{region}'", where)


def _check_en_forms(entry: KBEntry, where: str) -> None:
    """Every ``en_forms`` key must be one of the entry's own Chinese names."""
    own = {*entry.all_zh_forms(), *entry.short, *entry.abbr}
    for form in entry.en_forms:
        if form not in own:
            raise DataError(f"entry '{entry.id}': en_forms names '{form}', which is not one of its Chinese names",
                            "list the form under zh, short or abbr, or remove it from en_forms", where=where)


def _check_names(value: Any, label: str, where: str) -> None:
    if not isinstance(value, list):
        raise DataError(f"{label} must be a list", "write it as [a, b] or a YAML '- ' list", where=where)
    for form in value:
        if not isinstance(form, str) or not form.strip():
            raise DataError(f"{label} contains an empty or non-text item ({form!r})",
                            "every name must be a non-empty string", where=where)


def _merge(raw: dict[str, dict[str, Any]], origin: dict[str, str], item: dict[str, Any],
           where: str, *, user: bool) -> None:
    kb_id = item.get("id")
    exists = isinstance(kb_id, str) and kb_id in raw
    replace = bool(item.get("replace"))
    _check(item, where, partial=user and exists and not replace)
    if exists and not user:
        raise DataError(f"duplicate id '{kb_id}' (first defined in {origin[kb_id]})",
                        "ids must be unique across all files; rename one of them", where=where)
    if not exists or replace:
        raw[kb_id] = {k: (list(v) if isinstance(v, list) else
                          {r: list(f) for r, f in v.items()} if k == "zh_regional" else
                          dict(v) if isinstance(v, dict) else v)
                      for k, v in item.items() if k not in ("replace", "remove")}
        origin[kb_id] = where
        return
    target = raw[kb_id]
    for fname in _SCALAR_FIELDS:
        if item.get(fname) is not None:
            target[fname] = item[fname]
    for fname in _LIST_FIELDS:
        for form in item.get(fname, ()):
            bucket = target.setdefault(fname, [])
            if form not in bucket:
                bucket.append(form)
    for form, name in (item.get("en_forms") or {}).items():
        target.setdefault("en_forms", {})[form] = name
    for region, forms in (item.get("zh_regional") or {}).items():
        bucket = target.setdefault("zh_regional", {}).setdefault(region, [])
        for form in forms:
            if form not in bucket:
                bucket.append(form)
    doomed = set(item.get("remove", ()))
    if doomed:
        for fname in _LIST_FIELDS:
            if fname in target:
                target[fname] = [f for f in target[fname] if f not in doomed]
        for region in target.get("zh_regional", {}):
            target["zh_regional"][region] = [f for f in target["zh_regional"][region] if f not in doomed]
        if not target.get("zh"):
            raise DataError(f"entry '{kb_id}': 'remove' deleted every zh name",
                            "keep at least one zh name", where=where)
    origin[kb_id] = f"{origin[kb_id]} + {where}"


#: Separators between the parts of a transliterated name (唐納·川普, 唐納‧川普, 唐納•川普 ...).
NAME_SEPARATORS = "·‧•・．"
_SEP_RE = rx.compile(f"[{NAME_SEPARATORS}]")


def name_variants(form: str) -> list[str]:
    """``form`` plus its spellings with every other name separator and with none."""
    if not _SEP_RE.search(form):
        return [form]
    out = [form]
    for sep in (*NAME_SEPARATORS, ""):
        variant = _SEP_RE.sub(sep, form)
        if variant not in out:
            out.append(variant)
    return out


def _fill_hans(entry: KBEntry, t2s) -> KBEntry:
    """Complete ``zh_hans`` with the t2s spelling of every ``zh`` and regional form, and key
    ``en_forms`` by the shadow spelling too (the tagger looks forms up on the shadow)."""
    if entry.en_forms:
        forms = dict(entry.en_forms)
        for form, name in entry.en_forms.items():
            forms.setdefault(t2s(form), name)
        from dataclasses import replace as _replace

        entry = _replace(entry, en_forms=forms)
    hans = list(entry.zh_hans)
    for form in (*entry.zh, *(f for forms in entry.zh_regional.values() for f in forms)):
        simplified = t2s(form)
        if simplified not in hans:
            hans.append(simplified)
    if len(hans) == len(entry.zh_hans):
        return entry
    from dataclasses import replace

    return replace(entry, zh_hans=tuple(hans))


def _index(table: dict[str, list[str]], key: str, kb_id: str) -> None:
    ids = table.setdefault(key, [])
    if kb_id not in ids:
        ids.append(kb_id)


# -- cache (in pipeline.cache's folder) ------------------------------------------------------------
def _cache_key(paths: list[Path]) -> str | None:
    h = hashlib.sha1(f"{CACHE_FORMAT}|{__version__}|{sys.version_info[:2]}".encode())
    try:
        for path in [Path(__file__), *paths]:
            st = path.stat()
            h.update(f"|{path.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode())
    except OSError:
        return None
    return h.hexdigest()


def _cache_read(key: str) -> KnowledgeBase | None:
    path = cache_dir() / f"kb-{key}.pickle"
    try:
        with path.open("rb") as fh, gc_paused():  # tens of thousands of objects, no cycles to collect
            kb = pickle.load(fh)
    except Exception:  # missing, truncated or from another version: rebuild
        return None
    return kb if isinstance(kb, KnowledgeBase) else None


def _cache_write(key: str, kb: KnowledgeBase) -> None:
    directory = cache_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for old in directory.glob("kb-*.pickle"):  # keep one KB cache per data set is enough
            if old.stat().st_mtime < _stale_before():
                old.unlink(missing_ok=True)
        tmp = directory / f"kb-{key}.{os.getpid()}.tmp"
        with tmp.open("wb") as fh:
            pickle.dump(kb, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(directory / f"kb-{key}.pickle")
    except OSError:
        pass  # a read-only home is fine; we just parse next time


def _stale_before() -> float:
    import time

    return time.time() - 30 * 86400


# -- reports (``python -m pipeline.kb``) ---------------------------------------------------------
def count_table(kb: KnowledgeBase) -> str:
    """The Markdown count table of README.md."""
    per_file: dict[str, Counter] = {}
    for path in bundled_files():
        per_file[path.name] = Counter(str(item.get("type")) for item in _read_entries(path))
    lines = ["| file | " + " | ".join(TYPES) + " | total |", "|---" * (len(TYPES) + 2) + "|"]
    for name, c in per_file.items():
        lines.append(f"| {name} | " + " | ".join(str(c.get(t, 0)) for t in TYPES) + f" | {sum(c.values())} |")
    total = kb.counts()
    lines.append("| **all** | " + " | ".join(f"**{total[t]}**" for t in TYPES) + f" | **{len(kb)}** |")
    return "\n".join(lines)


_COUNTS_START = "<!-- counts:start (python -m pipeline.kb readme) -->"
_COUNTS_END = "<!-- counts:end -->"


def _main(argv: list[str]) -> int:
    try:
        kb = KnowledgeBase.load(argv[1:] if len(argv) > 1 else (), cache=False)
    except DataError as exc:
        print(exc.line(), file=sys.stderr)
        return 1
    what = argv[0] if argv else "counts"
    if what == "counts":
        print(count_table(kb))
    elif what == "readme":
        readme = KB_DIR / "README.md"
        text = readme.read_text(encoding="utf-8")
        head, rest = text.split(_COUNTS_START, 1)
        _, tail = rest.split(_COUNTS_END, 1)
        readme.write_text(f"{head}{_COUNTS_START}\n{count_table(kb)}\n{_COUNTS_END}{tail}", encoding="utf-8")
        print(f"updated the count table in {readme}")
    elif what == "ambiguous":
        for form, ids in sorted(kb.ambiguous_forms().items()):
            print(form, " ".join(f"{i}:{kb.get(i).type}" for i in ids))
    else:
        print("usage: python -m pipeline.kb [counts|readme|ambiguous] [EXTRA.yaml ...]")
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
