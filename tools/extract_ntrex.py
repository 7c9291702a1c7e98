#!/usr/bin/env python3
"""Copy chosen NTREX-128 news documents into ``corpus/`` (Chinese) and ``corpus/en/`` (English).

NTREX-128 (Federmann et al., 2022; github.com/MicrosoftTranslator/NTREX, commit 8561f6a) is the
WMT19 newstest2019 English source with human translations; ``newstest2019-ref.zho-TW.txt`` is the
Taiwan Traditional Chinese reference.  Both files are line-aligned (CRLF, one sentence a line) and
``DOCUMENT_IDS.tsv`` names each line's document.  Licence: CC BY-SA 4.0 — the copies keep the
attribution (corpus/README.md, corpus/LICENSE-ntrex.md) and stay under the same licence.

    python3 tools/extract_ntrex.py ../shared/corpus/ntrex-128
    python3 tools/extract_ntrex.py NTREX_DIR --docs bbc.381736 reuters.218861 --out corpus

Writes ``corpus/ntrex_<docid>.txt`` (UTF-8, LF, one sentence a line, the headline first) and
``corpus/en/ntrex_<docid>.en.txt`` with the same number of lines.  The output is deterministic.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

#: The documents of the project corpus: politics stories rich in names (US politics, the Koreas,
#: US–China relations, Taiwan's diplomatic allies).
DEFAULT_DOCS = (
    "bbc.381736",        # OTHER-politics-KP: North Korea defector numbers 'drop' under Kim
    "reuters.218861",    # US-politics: North Korea says 'no way' will disarm unilaterally without trust
    "cnbc.com.6769",     # US-politics: North Korea says nuclear disarmament won't come unless it can trust US
    "reuters.218933",    # US-politics: U.S. ambassador accuses China of 'bullying' with 'propaganda ads'
    "nytimes.184804",    # US-politics: U.S. Weighed Penalizing El Salvador Over Support for China
    "telegraph.405408",  # US-politics: How the US-China trade war may be good for Beijing
    "rt.com.91335",      # US-politics: US could use Navy for "blockade" to hamper Russian energy exports
    "guardian.221756",   # US-politics: Trump meeting with Rosenstein may be delayed again, says White House
    "reuters.218932",    # OTHER-politics-MK: Macedonians vote in referendum on whether to change country's name
    "guardian.221762",   # OTHER-politics-BO: landlocked Bolivia hopes court will reopen path to Pacific
    "upi.176275",        # US-politics: 18 states, D.C. support challenge to new asylum policy
)

ZH_FILE = "newstest2019-ref.zho-TW.txt"
EN_FILE = "newstest2019-src.eng.txt"
IDS_FILE = "DOCUMENT_IDS.tsv"
DOMAINS_FILE = "doc_domains_sacrebleu_wmt19.tsv"


def read_lines(path: Path) -> list[str]:
    """Lines without their CRLF/LF ending; a trailing empty line is dropped."""
    text = path.read_text(encoding="utf-8-sig")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def load(ntrex: Path) -> tuple[list[str], list[str], list[str], dict[str, str]]:
    for name in (ZH_FILE, EN_FILE, IDS_FILE):
        if not (ntrex / name).is_file():
            raise SystemExit(f"Error: {ntrex / name}: file not found — pass the NTREX-128 folder")
    zh, en, ids = read_lines(ntrex / ZH_FILE), read_lines(ntrex / EN_FILE), [s.strip() for s in read_lines(ntrex / IDS_FILE)]
    if not len(zh) == len(en) == len(ids):
        raise SystemExit(f"Error: {ntrex}: line counts differ (zh {len(zh)}, en {len(en)}, ids {len(ids)}) — the files are not aligned")
    domains: dict[str, str] = {}
    if (ntrex / DOMAINS_FILE).is_file():
        for line in read_lines(ntrex / DOMAINS_FILE):
            if "\t" in line:
                doc, dom = line.split("\t", 1)
                domains[doc.strip()] = dom.strip()
    return zh, en, ids, domains


def document(doc: str, zh: list[str], en: list[str], ids: list[str]) -> tuple[list[str], list[str]]:
    rows = [(z.strip(), e.strip()) for z, e, d in zip(zh, en, ids) if d == doc]
    if not rows:
        raise SystemExit(f"Error: {doc}: no such document in {IDS_FILE} — see the ids in {DOMAINS_FILE}")
    return [z for z, _ in rows], [e for _, e in rows]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("ntrex", type=Path, help="the NTREX-128 folder (e.g. ../shared/corpus/ntrex-128)")
    ap.add_argument("--docs", nargs="+", default=list(DEFAULT_DOCS), help="document ids (default: the project set)")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "corpus", help="corpus folder")
    args = ap.parse_args(argv)

    zh, en, ids, domains = load(args.ntrex)
    (args.out / "en").mkdir(parents=True, exist_ok=True)
    for doc in args.docs:
        zh_lines, en_lines = document(doc, zh, en, ids)
        stem = f"ntrex_{doc}"
        (args.out / f"{stem}.txt").write_text("".join(line + "\n" for line in zh_lines), encoding="utf-8", newline="\n")
        (args.out / "en" / f"{stem}.en.txt").write_text("".join(line + "\n" for line in en_lines), encoding="utf-8", newline="\n")
        print(f"{stem}\t{domains.get(doc, '?')}\t{len(zh_lines)} lines\t{en_lines[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
