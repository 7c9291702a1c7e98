"""Do the English names of Chinese entities appear in the English original?  (NTREX-128 politics)

For every NTREX-128 document whose domain contains "politics" (US-, GB-, EU- and OTHER-politics),
each Chinese line is annotated by the pipeline (one unit per line, one shared ``Resources``) and
every PERSON, GPE and ORG entity's ``en`` is looked for in the line's English original
(``newstest2019-src.eng.txt``, line-aligned):

* **strict** — ``en`` itself appears (case, accents, punctuation, hyphens and the dots of
  initialisms ignored — "U.S." and "US", "Erdoğan" and "Erdogan" are the same spelling; a person's family name
  alone also counts, since English news writes "Trump" after the first mention — the last word of
  the name, or the first where the knowledge base says English writes the name family name first
  (``name_order: family-first`` on the person or their country: "Kim" of Kim Jong Un, "Ri" of Ri
  Yong Ho) and for a pinyin romanisation, which the pipeline writes surname first; a cluster
  counts when every member's ``en`` appears);
* **with aliases** — ``en``, one of the knowledge-base English aliases of the entity's ``kb_id``
  ("U.S." for United States), its demonym (``pipeline/data/english/demonyms.tsv``: the English
  original often says "Welsh" or "German" where the Chinese names the place), or a party's name
  without "Party" ("Republican") appears.

Romanised names (``romanized: true``, no known English name) are counted, so they count against
the figure when the English spells the name differently.  The misses are listed.

    python3 benchmarks/ntrex_entities_en.py [NTREX_DIR] [--misses N]
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.ntrex_alignment import NTREX_DIR, chinese_records, load  # noqa: E402
from pipeline.resources import Resources  # noqa: E402

LABELS = ("PERSON", "GPE", "ORG")


def norm(s: str) -> str:
    """Lower case, accents folded (Erdoğan = Erdogan), dots of initialisms dropped (U.S. = US,
    U.N. = UN), any other run of punctuation or space one space."""
    s = "".join(c for c in unicodedata.normalize("NFKD", s.lower()) if not unicodedata.combining(c))
    s = re.sub(r"\b([a-z])\.", r"\1", s)
    return " " + re.sub(r"[^0-9a-z]+", " ", s).strip() + " "


def found(name: str, english: str, label: str, family_first: bool = False) -> bool:
    n = norm(name)
    if n.strip() and n in english:
        return True
    if label == "PERSON" and " " in n.strip():
        words = n.split()
        return norm(words[0] if family_first else words[-1]) in english  # the family name alone
    return False


def family_first(ent: dict, kb) -> bool:
    """Does English write this person's family name first?  From the KB (the person's own
    ``name_order``, else their country's), or for a romanised name, the pipeline's pinyin order."""
    if ent.get("label") != "PERSON":
        return False
    entry = kb.get(ent["kb_id"]) if ent.get("kb_id") else None
    if entry is None:
        return bool(ent.get("romanized"))
    order = entry.name_order
    if order is None and entry.country and kb.get(entry.country) is not None:
        order = kb.get(entry.country).name_order
    return order == "family-first"


def demonyms() -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for line in (ROOT / "pipeline" / "data" / "english" / "demonyms.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            form, kb_id = line.split("\t")[:2]
            table.setdefault(kb_id.strip(), []).append(form.strip())
    return table


def alternatives(name: str | None, kb_id: str | None, kb, aliases: bool, adjectives: dict[str, list[str]]) -> list[str]:
    alts = [name] if name else []
    entry = kb.get(kb_id) if kb_id else None
    if aliases and entry is not None:
        alts += [*entry.english_names(), *adjectives.get(kb_id, [])]
    if aliases:
        alts += [re.sub(r"\s+Party$", "", a) for a in alts if a.endswith(" Party")]
    return alts


def names_of(ent: dict, kb, aliases: bool, adjectives: dict[str, list[str]]) -> list[list[str]]:
    """Alternatives per required part: a cluster needs every member, anything else one name."""
    if ent.get("members"):
        return [alternatives(m.get("en"), m.get("kb_id"), kb, aliases, adjectives) for m in ent["members"]]
    return [alternatives(ent.get("en"), ent.get("kb_id"), kb, aliases, adjectives)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("ntrex", nargs="?", type=Path, default=NTREX_DIR)
    ap.add_argument("--misses", type=int, default=40, help="how many misses to list (default 40)")
    args = ap.parse_args(argv)
    docs, zh, en, domains = load(args.ntrex)
    res = Resources()
    kb = res.kb
    adjectives = demonyms()
    counts: Counter[str] = Counter()
    misses = []
    politics = [d for d in docs if "politics" in domains.get(d, "")]
    for doc_id in politics:
        lines = docs[doc_id]
        for rec, k in zip(chinese_records(doc_id, [zh[i] for i in lines], res), lines):
            english = norm(en[k])
            for ent in rec["entities"]:
                if ent["label"] not in LABELS:
                    continue
                label = ent["label"]
                ff = family_first(ent, kb)
                strict = all(any(found(n, english, label, ff) for n in alts) for alts in names_of(ent, kb, False, adjectives))
                loose = all(any(found(n, english, label, ff) for n in alts) for alts in names_of(ent, kb, True, adjectives))
                counts["all"] += 1
                counts[label] += 1
                counts["strict"] += strict
                counts["loose"] += loose
                counts[label + ":strict"] += strict
                if not loose:
                    misses.append((doc_id, ent["text"], label, ent.get("en"), en[k][:110]))
    n = counts["all"]
    print(f"NTREX-128 politics: {len(politics)} documents, {n} PERSON/GPE/ORG entities")
    print(f"en found in the aligned English sentence: strict {counts['strict'] / n:.1%}, with KB aliases {counts['loose'] / n:.1%}")
    for label in LABELS:
        if counts[label]:
            print(f"  {label:<7} {counts[label]:>5}  strict {counts[label + ':strict'] / counts[label]:.1%}")
    print(f"misses (not found even with aliases): {len(misses)}")
    for doc_id, text, label, name, sentence in misses[: args.misses]:
        print(f"  {doc_id}  {text} [{label}] -> {name!r}  | {sentence}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
