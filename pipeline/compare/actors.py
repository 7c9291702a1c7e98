"""Actors: the entities a text mentions, linked across languages through the knowledge base.

Every mention gets an *actor key*:

* a KB entity is its KB id, so 石破茂, *Ishiba* and *Shigeru Ishiba* are one actor (the English side
  finds KB names and aliases, the Chinese side KB forms);
* a capital listed in ``data/english/capitals.tsv`` is folded into its country (北京, *Beijing* →
  China) and a demonym (*Japanese*) already carries its country's id — see
  ``data/english/README.md`` for why; the forms seen stay listed in the report;
* a country cluster (美日韓) counts once for each member;
* an organisation, policy or event whose name contains a country's name (中國外交部, 俄羅斯入侵烏克蘭,
  *Chinese Foreign Ministry*) also counts as a mention of that country, as *China's foreign ministry*
  and *Russia's war against Ukraine* do in English;
* an entity without a KB id is keyed by its English name ignoring case and punctuation
  (``name:kimjongun``), so two unknown names still meet when they are spelt alike.

Dates and percentages are not actors.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..kb import english_key

ACTOR_LABELS = frozenset({"PERSON", "GPE", "LOC", "ORG", "POLICY", "EVENT", "NORP", "FAC"})


@dataclass
class Mention:
    key: str
    form: str  # the text as written
    label: str
    start: int
    end: int


@dataclass
class Actor:
    key: str
    name: str  # English
    label: str
    count: int = 0
    forms: Counter = field(default_factory=Counter)
    units: list[int] = field(default_factory=list)  # record positions (n) that mention it


class ActorIndex:
    """Maps entities to actor keys and names, with the KB and the capitals table."""

    def __init__(self, kb=None, capitals: dict[str, str] | None = None, demonyms: dict[str, str] | None = None):
        from .lexicon import read_table

        self.kb = kb
        if capitals is None:
            capitals = {f[0]: f[1] for f in read_table("capitals.tsv", 2)}
        if demonyms is None:
            demonyms = {f[0]: f[1] for f in read_table("demonyms.tsv", 2)}
        self.capitals = capitals
        self._country_names: dict[str, tuple[str, ...]] = {}
        for form, kb_id in demonyms.items():
            self._country_names.setdefault(kb_id, ())
            self._country_names[kb_id] += (form,)

    @property
    def _country_pattern(self):
        """One regex over every country's full names (Chinese, English, demonyms), longest first."""
        pat = getattr(self, "_pattern", None)
        if pat is None:
            import re

            names: dict[str, str] = {}
            for entry in (self.kb or ()):
                if entry.type == "GPE" and len(entry.id) == 2:  # countries have ISO-style two-letter ids
                    forms = [*entry.zh, *(f for fs in entry.zh_regional.values() for f in fs), entry.en,
                             *entry.en_aliases, *self._country_names.get(entry.id, ())]
                    for form in forms:
                        if len(form) >= 2 and not form.isupper():  # acronyms (US, ROK) are too short to trust inside names
                            names.setdefault(form, entry.id)
            for form, kb_id in ((f, k) for k, fs in self._country_names.items() for f in fs):
                names.setdefault(form, kb_id)
            self._names_to_country = names
            def alt(n: str) -> str:  # Latin names match whole words only: "Korean War" is not "Korea"
                return rf"(?<![A-Za-z]){re.escape(n)}(?![A-Za-z])" if n.isascii() else re.escape(n)

            alternatives = "|".join(alt(n) for n in sorted(names, key=len, reverse=True))
            pat = self._pattern = re.compile(alternatives) if alternatives else re.compile(r"(?!x)x")
        return pat

    def countries_named_in(self, text: str) -> list[str]:
        """Countries whose name is written inside an organisation, policy or event name
        (中國外交部, 俄羅斯入侵烏克蘭, *Chinese Foreign Ministry*)."""
        found = [self._names_to_country[m.group(0)] for m in self._country_pattern.finditer(text)]
        return list(dict.fromkeys(found))

    def key(self, kb_id: str | None, en: str | None, text: str) -> str | None:
        if kb_id:
            return self.capitals.get(kb_id, kb_id)
        name = english_key(en or "") or english_key(text)
        return f"name:{name}" if name else None

    def name(self, key: str, fallback: str = "") -> str:
        if not key.startswith("name:") and self.kb is not None:
            entry = self.kb.get(key)
            if entry is not None:
                return entry.en
        return fallback or key.removeprefix("name:")

    def label(self, key: str, fallback: str) -> str:
        if not key.startswith("name:") and self.kb is not None:
            entry = self.kb.get(key)
            if entry is not None:
                return entry.type
        return fallback

    def keys_for(self, ref: dict[str, Any], record: dict[str, Any]) -> list[str]:
        """Actor keys of a stance holder or target ``{text, kb_id, en}``: a country cluster
        (日韓, no KB id) gives its members, found on the record's entity of the same text, and so do
        a holder's own ``members`` (美國、日本與南韓 named together)."""
        if not ref.get("kb_id") and ref.get("members"):
            keys = [self.key(m.get("kb_id"), m.get("en"), m.get("en") or "") for m in ref["members"]]
            return [k for k in dict.fromkeys(keys) if k]
        if not ref.get("kb_id"):
            for e in record.get("entities") or []:
                if e.get("text") == ref.get("text") and e.get("members"):
                    keys = [self.key(m.get("kb_id"), m.get("en"), m.get("en") or "") for m in e["members"]]
                    return [k for k in dict.fromkeys(keys) if k]
        k = self.key(ref.get("kb_id"), ref.get("en"), ref.get("text", ""))
        return [k] if k else []

    def mentions(self, record: dict[str, Any]) -> list[Mention]:
        out = []
        for e in record.get("entities") or []:
            label = e.get("label", "")
            if label not in ACTOR_LABELS:
                continue
            members = e.get("members")
            if members:
                for m in members:
                    k = self.key(m.get("kb_id"), m.get("en"), m.get("en") or "")
                    if k:
                        out.append(Mention(k, e.get("text", ""), "GPE", e.get("start", 0), e.get("end", 0)))
                continue
            k = self.key(e.get("kb_id"), e.get("en"), e.get("text", ""))
            if k:
                out.append(Mention(k, e.get("text", ""), label, e.get("start", 0), e.get("end", 0)))
            if label in ("ORG", "POLICY", "EVENT"):
                for country in self.countries_named_in(e.get("text", "")):
                    if country != k:
                        out.append(Mention(country, e.get("text", ""), "GPE", e.get("start", 0), e.get("end", 0)))
        return out

    def actors(self, units: list[dict[str, Any]]) -> dict[str, Actor]:
        """Every actor of a text with its mention count, the forms seen and the units."""
        found: dict[str, Actor] = {}
        for rec in units:
            for m in self.mentions(rec):
                a = found.get(m.key)
                if a is None:
                    a = found[m.key] = Actor(m.key, "", self.label(m.key, m.label))
                a.count += 1
                a.forms[m.form] += 1
                if rec.get("n") not in a.units:
                    a.units.append(rec.get("n"))
        for a in found.values():
            en = None
            if a.key.startswith("name:"):
                en = a.forms.most_common(1)[0][0]
                for rec in units:  # the English name the annotation gave the form, if any
                    for e in rec.get("entities") or []:
                        if e.get("text") == en and e.get("en"):
                            en = e["en"]
                            break
            a.name = self.name(a.key, en or "")
        return found
