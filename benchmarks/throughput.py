"""Throughput of `zhgloss annotate` against plain `jieba.lcut` on the same Traditional text.

Usage:  python benchmarks/throughput.py [--mb 5] [--json]

Reports, from one run on this machine:
  * plain jieba.lcut KB/s on the text (dictionary loaded before timing);
  * the full annotate pipeline KB/s on the same text (resources loaded before timing, also those
    loaded only when an article needs them, by a warm-up article of other text, and the garbage
    collector's full pass over them done), and the ratio;
  * the same for every article in corpus/ together;
  * peak resident memory of a process that annotates the large text;
  * cold start: wall time of `zhgloss annotate <seed>` in a fresh process (median of 5, after
    one untimed run that builds any missing cache; bytecode compiled).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEED = ROOT / "corpus" / "000_cc32bebfc7b73164.txt"

from benchmarks import scratch_dir  # noqa: E402


#: an article that makes the pipeline load what it loads only on need
WARM_UP = ("暖身\n\n（中央社記者林大明台北28日電）日本防衛大臣佐藤健一、南韓議員朴成民、香港立法會議員陳志明、"
           "越南副總理黎明凱與中國國防部發言人王小明今天會面。\n\n"
           "The United States said it would continue to support Taiwan's self-defense.\n")


def big_text(mb: float) -> str:
    seed = SEED.read_text(encoding="utf-8")
    reps = max(1, int(mb * 1024 * 1024 / len(seed.encode("utf-8"))))
    return "\n\n".join([seed] * reps)


def corpus_text() -> list[str]:
    from pipeline.readers import read_article

    return [read_article(p).text for p in sorted((ROOT / "corpus").glob("*.txt"))]


def kb(text: str) -> float:
    return len(text.encode("utf-8")) / 1024


def time_jieba(texts: list[str]) -> float:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    t0 = time.perf_counter()
    for t in texts:
        jieba.lcut(t)
    return time.perf_counter() - t0


def time_annotate(texts: list[str]) -> float:
    from pipeline.annotate import annotate_text
    from pipeline.resources import Resources

    res = Resources()
    # load every resource before timing, those an article loads only when it needs them too (the
    # English tagger, the readers of Japanese, Korean, Hong Kong and Vietnamese names), on an
    # article of its own (the timed texts' words must not be looked up before); cold start is
    # measured by itself (cold_start)
    annotate_text(WARM_UP, doc_id="warm-up", res=res)
    gc.collect()  # the full collection that loading some 400,000 objects soon brings (0.2 s), which a
    # long run pays once and a 30 KB corpus would count as most of its time
    t0 = time.perf_counter()
    for i, t in enumerate(texts):
        annotate_text(t, doc_id=f"d{i}", res=res)
    return time.perf_counter() - t0


def peak_memory_mb(mb: float) -> float:
    """Peak resident memory of a fresh process that annotates the text, read by that process
    itself (``VmHWM``: ``ru_maxrss`` of a child would also count this large parent's memory)."""
    code = (
        "import sys; sys.path.insert(0, %r)\n"
        "from benchmarks.throughput import big_text\n"
        "from pipeline.annotate import annotate_text\n"
        "from pipeline.batch import peak_rss_mb\n"
        "annotate_text(big_text(%r))\n"
        "print(peak_rss_mb())\n"
    ) % (str(ROOT), mb)
    proc = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return float(proc.stdout.strip().splitlines()[-1])


def cold_start(runs: int = 5) -> float:
    """Median wall time of ``zhgloss annotate <seed>`` in a fresh process, as a user's second and
    later runs see it: one untimed run first builds the caches (dictionaries, knowledge base,
    compiled patterns) if the machine has none, and the package's bytecode is compiled beforehand —
    with PYTHONDONTWRITEBYTECODE set (as on some CI machines) Python would otherwise compile the
    package's modules from source at every start (0.3 s), which an installed package never does."""
    import compileall

    compileall.compile_dir(str(ROOT / "pipeline"), quiet=1)
    exe = [sys.executable, "-m", "pipeline", "annotate", str(SEED), "--force", "-o"]
    times = []
    with scratch_dir("out-") as out:
        subprocess.run(exe + [out], check=True, capture_output=True, cwd=ROOT)
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run(exe + [out], check=True, capture_output=True, cwd=ROOT)
            times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=5.0, help="size of the repeated-seed text (default 5)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    args = ap.parse_args()

    text = big_text(args.mb)
    corpus = corpus_text()
    size, corpus_size = kb(text), sum(kb(t) for t in corpus)
    j_big, a_big = time_jieba([text]), time_annotate([text])
    j_corp, a_corp = time_jieba(corpus), time_annotate(corpus)
    result = {
        "text_kb": round(size),
        "jieba_kb_s": round(size / j_big, 1),
        "annotate_kb_s": round(size / a_big, 1),
        "ratio": round(j_big / a_big, 3),
        "corpus_files": len(corpus),
        "corpus_kb": round(corpus_size, 1),
        "corpus_jieba_kb_s": round(corpus_size / j_corp, 1),
        "corpus_annotate_kb_s": round(corpus_size / a_corp, 1),
        "corpus_ratio": round(j_corp / a_corp, 3),
        "peak_memory_mb": round(peak_memory_mb(args.mb), 1),
        "cold_start_s": round(cold_start(), 2),
        "cpu_count": os.cpu_count(),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"text: seed repeated to {result['text_kb']} KB; corpus: {result['corpus_files']} files, {result['corpus_kb']} KB")
        print(f"{'':28}{'KB/s':>10}")
        print(f"{'plain jieba.lcut':28}{result['jieba_kb_s']:>10}")
        print(f"{'zhgloss annotate':28}{result['annotate_kb_s']:>10}   ratio {result['ratio']}")
        print(f"{'corpus: plain jieba.lcut':28}{result['corpus_jieba_kb_s']:>10}")
        print(f"{'corpus: zhgloss annotate':28}{result['corpus_annotate_kb_s']:>10}   ratio {result['corpus_ratio']}")
        print(f"peak memory (annotate {result['text_kb']} KB): {result['peak_memory_mb']} MB")
        print(f"cold start (zhgloss annotate seed, median of 5): {result['cold_start_s']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
