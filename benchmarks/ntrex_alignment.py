"""Related-passage linking on NTREX-128: does each Chinese sentence find its English original?

NTREX-128's Taiwan Chinese (``newstest2019-ref.zho-TW.txt``) is a line-by-line translation of the
English WMT19 test set (``newstest2019-src.eng.txt``); ``DOCUMENT_IDS.tsv`` gives each line's
document.  For every one of the 123 documents, the Chinese lines are annotated with the pipeline's
stages (one unit per line, one shared ``Resources``), the English lines analysed by
``pipeline.english``, and ``pipeline.compare.align`` ranks the English sentences for each Chinese
one.  Printed: the share of Chinese sentences whose true counterpart is ranked first, overall and
per domain, with and without the monotonic-alignment bonus (``raw``: similarity alone).

    python3 benchmarks/ntrex_alignment.py [NTREX_DIR] [--docs N]

NTREX_DIR defaults to ../shared/corpus/ntrex-128 next to the repository.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.annotate import STAGES  # noqa: E402
from pipeline.compare.actors import ActorIndex  # noqa: E402
from pipeline.compare.align import Featurizer, align  # noqa: E402
from pipeline.english import English, Paragraph  # noqa: E402
from pipeline.model import Document, Unit  # noqa: E402
from pipeline.resources import Resources  # noqa: E402


#: Where NTREX-128 sits beside a checkout of this repository (the benchmarks' default).
NTREX_DIR = ROOT.parent / "shared" / "corpus" / "ntrex-128"


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").rstrip("\n").split("\n")


def load(ntrex: Path) -> tuple[dict[str, list[int]], list[str], list[str], dict[str, str]]:
    needed = ("newstest2019-ref.zho-TW.txt", "newstest2019-src.eng.txt", "DOCUMENT_IDS.tsv", "doc_domains_sacrebleu_wmt19.tsv")
    missing = [name for name in needed if not (ntrex / name).is_file()]
    if missing:
        raise SystemExit(f"Error: {ntrex}: NTREX-128 files not found ({', '.join(missing)}) — "
                         "pass the folder that holds them as the first argument")
    zh = read_lines(ntrex / "newstest2019-ref.zho-TW.txt")
    en = read_lines(ntrex / "newstest2019-src.eng.txt")
    ids = read_lines(ntrex / "DOCUMENT_IDS.tsv")
    if not len(zh) == len(en) == len(ids):
        raise SystemExit(f"line counts differ: zh {len(zh)}, en {len(en)}, ids {len(ids)}")
    docs: dict[str, list[int]] = {}
    for k, d in enumerate(ids):
        docs.setdefault(d.strip(), []).append(k)
    domains = {}
    for line in read_lines(ntrex / "doc_domains_sacrebleu_wmt19.tsv"):
        if "\t" in line:
            d, dom = line.split("\t")[:2]
            domains[d.strip()] = dom.strip()
    return docs, zh, en, domains


def chinese_records(doc_id: str, lines: list[str], res: Resources) -> list[dict]:
    """One unit per line (the lines are the aligned sentences), through every annotate stage."""
    text = "\n".join(lines)
    doc = Document(doc_id=doc_id, text=text)
    pos = 0
    for line in lines:
        doc.units.append(Unit(0, "body", pos, pos + len(line), line))
        pos += len(line) + 1
    doc.assign_ids()
    for stage in STAGES:
        stage(doc, res)
    return doc.records()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("ntrex", nargs="?", type=Path, default=NTREX_DIR)
    ap.add_argument("--docs", type=int, default=0, help="only the first N documents (0: all)")
    args = ap.parse_args(argv)
    docs, zh, en, domains = load(args.ntrex)
    res = Resources()
    english = English(res.kb)
    feat = Featurizer(ActorIndex(res.kb), res.glosser)
    hits = defaultdict(lambda: [0, 0, 0])  # domain -> [aligned hits, raw hits, sentences]
    parallel_docs = 0
    t0 = time.perf_counter()
    items = list(docs.items())[: args.docs or None]
    for doc_id, lines in items:
        zrec = chinese_records(doc_id, [zh[k] for k in lines], res)
        erec = english.analyse_paragraphs([Paragraph("body", en[k], 0) for k in lines], doc_id + ".en", split=False)
        fa = [feat.features(r) for r in zrec]
        fb = [feat.features(r) for r in erec]
        result = align(fa, fb)
        parallel_docs += result.parallel
        for i, row in enumerate(result.sim):
            dom = domains.get(doc_id, "unknown")
            best = result.ranked[i][0].j if result.ranked[i] else -1
            raw_best = max(range(len(row)), key=lambda j: (row[j], -j)) if row and max(row) > 0 else -1
            for key in (dom, "ALL"):
                hits[key][0] += best == i
                hits[key][1] += raw_best == i
                hits[key][2] += 1
    dt = time.perf_counter() - t0
    total = hits["ALL"]
    print(f"NTREX-128 zho-TW -> eng, {len(items)} documents, {total[2]} Chinese sentences, {dt:.0f} s")
    print(f"true counterpart ranked first: {total[0] / total[2]:.1%} (raw similarity alone: {total[1] / total[2]:.1%}); "
          f"{parallel_docs} of {len(items)} documents recognised as near-parallel")
    print(f"{'domain':<24}{'sentences':>10}{'ranked first':>14}{'raw':>8}")
    for dom in sorted(k for k in hits if k != "ALL"):
        a, r, n = hits[dom]
        print(f"{dom:<24}{n:>10}{a / n:>14.1%}{r / n:>8.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
