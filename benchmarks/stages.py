"""Where annotate's time goes, per article, against plain ``jieba.lcut`` on the same articles.

Usage:  python benchmarks/stages.py [--articles 600]

Builds the synthetic corpus of ``corpus_scale.py`` (``--articles`` of them), loads the resources,
then times every article through reading, cleaning, structure recovery, units, each stage of
``pipeline.annotate.STAGES``, making the records and writing the files, in process time
(``time.process_time``: this process's CPU, so other programs on the machine count less).
Plain ``jieba.lcut`` runs over the same texts first.  Prints milliseconds per article per part.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import scratch_dir  # noqa: E402
from benchmarks.corpus_scale import synthetic_corpus  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=600, help="synthetic articles (default 600)")
    args = ap.parse_args()

    import jieba

    from pipeline import annotate as A
    from pipeline import records as R
    from pipeline.clean import clean_blocks
    from pipeline.model import Document
    from pipeline.readers import check_chinese, read_article
    from pipeline.resources import Resources
    from pipeline.structure import recover_structure

    with scratch_dir("stages-") as tmp:
        folder, out = Path(tmp) / "in", Path(tmp) / "out"
        folder.mkdir()
        out.mkdir()
        synthetic_corpus(folder, args.articles)
        paths = sorted(folder.glob("*.txt"))
        res = Resources()
        A.annotate_file(ROOT / "corpus" / "000_cc32bebfc7b73164.txt", res)  # load every resource first
        jieba.setLogLevel(60)
        jieba.initialize()
        texts = [p.read_text(encoding="utf-8") for p in paths]
        clock = time.process_time
        t = clock()
        for text in texts:
            jieba.lcut(text)
        jieba_s = clock() - t

        parts: Counter[str] = Counter()
        for p in paths:
            t = clock()
            raw = read_article(p, max_bytes=res.options.max_bytes)
            check_chinese(raw.text)
            parts["read"] += clock() - t
            t = clock()
            blocks = clean_blocks(raw.text, raw.headings)
            parts["clean"] += clock() - t
            t = clock()
            text, paragraphs = recover_structure(blocks, raw.hints)
            parts["structure"] += clock() - t
            t = clock()
            doc = Document(doc_id=p.stem, text=text, source=str(p))
            doc.meta = {"format": raw.format, "encoding": raw.encoding, "sha256": raw.sha256, **raw.hints}
            doc.units = A.build_units(text, paragraphs)
            doc.assign_ids()
            parts["units"] += clock() - t
            for stage in A.STAGES:
                t = clock()
                stage(doc, res)
                parts[stage.__name__] += clock() - t
            t = clock()
            R.jsonl_bytes(doc.records())
            parts["records"] += clock() - t
            t = clock()
            R.write_document(doc, out, durable=False)
            parts["write (records again, two files)"] += clock() - t

    n = len(paths)
    total = sum(parts.values()) - parts["records"]  # write_document makes the records itself
    print(f"{n} articles; ms per article (process time)")
    print(f"  {'plain jieba.lcut':34} {jieba_s * 1000 / n:6.2f}")
    print(f"  {'annotate, all parts':34} {total * 1000 / n:6.2f}   ratio to jieba {jieba_s / total:.2f}")
    for name, seconds in parts.most_common():
        print(f"    {name:32} {seconds * 1000 / n:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
