#!/usr/bin/env python3
"""Generate ``pipeline/data/kb/countries.yaml`` and ``regions.yaml`` from CLDR (via babel).

Territory names come from the CLDR locales ``zh_Hant`` (Taiwan usage), ``zh_Hant_HK``,
``zh_Hans`` (Mainland usage) and ``en``; ``countries_overrides.yaml`` adds what CLDR lacks
(aliases, abbreviations, Wikidata ids, English short forms).  Run:

    python3 tools/build_countries.py

The output is deterministic, so a diff after a babel upgrade shows exactly what CLDR changed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import babel
import opencc
import yaml
from babel import Locale

KB_DIR = Path(__file__).resolve().parent.parent / "pipeline" / "data" / "kb"

#: CLDR codes that are not countries or territories (or are handled elsewhere).
SKIP = {
    "EU": "European Union — hand-written ORG entry in the overrides (_extra)",
    "EZ": "Eurozone — not an entity we tag",
    "UN": "United Nations — ORG in organizations.yaml",
    "QO": "Outlying Oceania — CLDR grouping, not a place name",
    "XA": "pseudo-locale",
    "XB": "pseudo-locale",
    "ZZ": "unknown region",
    "AQ": "Antarctica — a continent, emitted to regions.yaml as LOC",
}
#: CLDR numeric regions not worth tagging.
SKIP_REGIONS = {"001"}  # 世界 "World" is an ordinary word
#: CLDR region names that collide with common compounds: 中美 is "China–US", 中非 "China–Africa".
REGION_ZH_FIX = {
    "013": ["中美洲"],
    "017": ["中部非洲"],
    "202": ["撒哈拉以南非洲"],  # CLDR zh_Hant has a typo (撒哈拉撒沙漠以南非洲)
    "053": ["澳大拉西亞"],  # not 澳紐 (the cluster Australia + New Zealand) nor 澳洲與紐西蘭 (the two countries)
}

FIELD_ORDER = ("id", "wikidata", "type", "en", "en_aliases", "en_forms", "en_attributive", "en_people",
               "name_order", "zh", "zh_regional", "zh_hans", "short", "abbr", "country", "roles", "description")


def _add(seq: list[str], *items: str) -> list[str]:
    for item in items:
        if item and item not in seq:
            seq.append(item)
    return seq


class _Dumper(yaml.SafeDumper):
    pass


def _repr_list(dumper, data):
    # the file is a block list of entries; name lists inside an entry are flow lists
    flow = not any(isinstance(x, dict) for x in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


def _repr_dict(dumper, data):
    # nested maps (zh_regional, en_forms) flow-style, entries block-style
    flow = "id" not in data
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=flow)


_Dumper.add_representer(list, _repr_list)
_Dumper.add_representer(dict, _repr_dict)


def dump_entries(entries: list[dict], header: str) -> str:
    ordered = []
    for e in entries:
        ordered.append({k: e[k] for k in FIELD_ORDER if e.get(k) not in (None, [], {}, "")})
    body = yaml.dump(ordered, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=200)
    # a blank line between entries for readability
    body = body.replace("\n- id:", "\n\n- id:")
    return header + body


def build() -> tuple[list[dict], list[dict]]:
    t2s = opencc.OpenCC("t2s")
    s2t = opencc.OpenCC("s2t")
    tw, hk, hans, en = (Locale.parse(x).territories for x in ("zh_Hant", "zh_Hant_HK", "zh_Hans", "en"))
    overrides = yaml.safe_load((KB_DIR / "countries_overrides.yaml").read_text(encoding="utf-8"))
    extra = overrides.pop("_extra", [])
    unknown = set(overrides) - set(tw)
    if unknown:
        sys.exit(f"countries_overrides.yaml: unknown CLDR codes {sorted(unknown)}")

    countries: list[dict] = []
    regions: list[dict] = []
    for code in sorted(tw):
        if code in SKIP_REGIONS or (code in SKIP and code != "AQ"):
            continue
        ov = overrides.get(code, {})
        cldr_en = en[code]
        name_en = ov.get("en", cldr_en.replace(" & ", " and ").replace("St. ", "Saint "))
        en_aliases = _add([], *ov.get("en_aliases", []))
        for form in (cldr_en, cldr_en.replace(" & ", " and ")):
            if form != name_en:
                _add(en_aliases, form)
        cldr_zh = REGION_ZH_FIX.get(code, [tw[code]])
        # canonical first: the override's order if it mentions the CLDR name, else CLDR's name
        if set(cldr_zh) & set(ov.get("zh", [])):
            zh = _add([], *ov.get("zh", []), *cldr_zh)
        else:
            zh = _add([], *cldr_zh, *ov.get("zh", []))
        shadows = {t2s.convert(z) for z in zh}
        regional: dict[str, list[str]] = {}
        for region, forms in (ov.get("zh_regional") or {}).items():
            regional[region] = list(forms)
        if t2s.convert(hk[code]) not in shadows:
            _add(regional.setdefault("hk", []), hk[code])
        if hans[code] not in shadows:
            _add(regional.setdefault("cn", []), s2t.convert(hans[code]))
        zh_hans = _add([], *ov.get("zh_hans", []))
        if hans[code] not in {t2s.convert(z) for z in zh}:
            _add(zh_hans, hans[code])
        entry = {
            "id": code.lower(),
            "wikidata": ov.get("wikidata"),
            "type": "LOC" if code == "AQ" else ov.get("type", "GPE"),
            "en": name_en,
            "en_aliases": en_aliases,
            "zh": zh,
            "zh_regional": regional,
            "zh_hans": zh_hans,
            "en_forms": ov.get("en_forms", {}),
            "en_attributive": ov.get("en_attributive"),
            "en_people": ov.get("en_people"),
            "name_order": ov.get("name_order"),
            "short": ov.get("short", []),
            "abbr": ov.get("abbr", []),
            "description": ov.get("description", f"Country or territory (CLDR region {code})"),
        }
        if code.isdigit() or code == "AQ":
            entry["id"] = "region-" + ("antarctica" if code == "AQ" else code)
            entry["type"] = "LOC"
            entry["description"] = f"World region (CLDR region {code})"
            regions.append(entry)
        else:
            countries.append(entry)
    countries.extend(extra)
    return countries, regions


def main() -> None:
    countries, regions = build()
    head = (f"# GENERATED by tools/build_countries.py from CLDR (babel {babel.__version__}) and\n"
            "# countries_overrides.yaml — do not edit by hand; edit the overrides and re-run.\n"
            "# CLDR data: Unicode License v3 (https://www.unicode.org/license.txt).\n")
    (KB_DIR / "countries.yaml").write_text(dump_entries(countries, head), encoding="utf-8")
    (KB_DIR / "regions.yaml").write_text(dump_entries(regions, head), encoding="utf-8")
    print(f"countries.yaml: {len(countries)} entries; regions.yaml: {len(regions)} entries")


if __name__ == "__main__":
    main()
