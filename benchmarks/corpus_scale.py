"""Corpus-scale throughput: a synthetic corpus of many articles, 1 and 2 worker processes.

Usage:  python benchmarks/corpus_scale.py [--articles 10000] [--json]

The synthetic corpus is built from the real articles in corpus/: each article draws a title and 4–12
paragraphs of sentences from random corpus articles, with years and numbers varied, so that it is
realistic text but not a repeat of one article.  In one run it reports:
  * plain ``jieba.lcut`` KB/s over the same texts (texts in memory; dictionary loading timed);
  * ``annotate`` end to end (load resources or start the workers, read files, annotate, write
    JSONL, sync) with --workers 1 and --workers 2, KB/s, ratio to plain jieba, and the 2-worker
    speed-up over 1 worker;
  * peak resident memory per worker process;
  * cold start of ``zhgloss annotate`` on the seed (median of 5, as in ``throughput.py``).

``--repeat N`` runs the three measurements N times, interleaved, and reports the fastest of each
(with every run listed).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import scratch_dir, throughput  # noqa: E402  (cold start is measured the same way in both)


def synthetic_corpus(folder: Path, n: int, seed: int = 1) -> int:
    """Write ``n`` articles to ``folder``; return their total size in bytes."""
    sys.path.insert(0, str(ROOT))
    from pipeline.annotate import annotate_file
    from pipeline.resources import Resources

    res = Resources()
    sentences: list[str] = []
    titles: list[str] = []
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        doc = annotate_file(path, res)
        sentences += [u.text for u in doc.units if u.kind == "body"]
        titles += [u.text for u in doc.units if u.kind in ("title", "heading")]
    rng = random.Random(seed)
    total = 0
    for i in range(n):
        paras = []
        for _ in range(rng.randint(4, 12)):
            sents = [rng.choice(sentences) for _ in range(rng.randint(1, 4))]
            para = "".join(sents)
            para = re.sub(r"\d{4}", lambda m: str(rng.randint(1990, 2030)), para)
            para = re.sub(r"(?<!\d)\d{1,2}(?!\d)", lambda m: str(rng.randint(1, 99)), para)
            paras.append(para)
        text = rng.choice(titles) + "\n" + "\n".join(paras) + "\n"
        data = text.encode("utf-8")
        (folder / f"art{i:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def jieba_kb_s(folder: Path) -> float:
    """Plain ``jieba.lcut`` over the texts (read beforehand), dictionary loading included, in a
    fresh process: the same terms as the annotate runs below, which include their start-up."""
    code = f"""
import json, sys, time
from pathlib import Path
texts = [p.read_text(encoding="utf-8") for p in sorted(Path({str(folder)!r}).glob("*.txt"))]
t0 = time.perf_counter()
import jieba
jieba.setLogLevel(60)
jieba.initialize()
for t in texts:
    jieba.lcut(t)
print(json.dumps({{"seconds": time.perf_counter() - t0, "bytes": sum(len(t.encode("utf-8")) for t in texts)}}))
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    return result["bytes"] / 1024 / result["seconds"]


def annotate_run(folder: Path, workers: int, size: int) -> tuple[float, float]:
    """KB/s of annotating the folder as ``zhgloss annotate --workers N`` does, in a fresh process,
    timed from before the resources (or the worker processes) are loaded to the final sync of the
    output; and the peak memory of one worker process in MB."""
    code = f"""
import json, resource, sys, time
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
from pipeline.batch import annotate_many
from pipeline.resources import Options
folder, out, workers = Path({str(folder)!r}), Path(sys.argv[1]), {workers}
jobs = [(p, p.stem, True) for p in sorted(folder.glob('*.txt'))]
t0 = time.perf_counter()
outcomes = annotate_many(jobs, out, Options(), workers=workers)
dt = time.perf_counter() - t0
assert all(o.status == 'done' for o in outcomes), [o for o in outcomes if o.status != 'done'][:3]
print(json.dumps({{"seconds": dt, "peak_mb": max(o.peak_rss_mb for o in outcomes)}}))
"""
    with scratch_dir("out-") as out:
        proc = subprocess.run([sys.executable, "-c", code, out], capture_output=True, text=True, check=True)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    return size / 1024 / result["seconds"], result["peak_mb"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10000, help="synthetic articles (default 10000)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run each measurement N times, interleaved, and keep the fastest (default 1); "
                         "on a shared machine speed drifts by minutes, and the best of interleaved runs "
                         "compares like with like")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()
    runs: dict[str, list[float]] = {"jieba": [], "one": [], "two": []}
    mem1 = mem2 = 0.0
    with scratch_dir("corpus-") as tmp:
        folder = Path(tmp)
        size = synthetic_corpus(folder, args.articles)
        for _ in range(max(1, args.repeat)):
            runs["jieba"].append(jieba_kb_s(folder))
            kb_s, mem = annotate_run(folder, 1, size)
            runs["one"].append(kb_s)
            mem1 = max(mem1, mem)
            kb_s, mem = annotate_run(folder, 2, size)
            runs["two"].append(kb_s)
            mem2 = max(mem2, mem)
    j, one, two = max(runs["jieba"]), max(runs["one"]), max(runs["two"])
    result = {
        "articles": args.articles,
        "corpus_mb": round(size / 1e6, 1),
        "runs_each": max(1, args.repeat),
        "jieba_kb_s": round(j, 1),
        "annotate_1_worker_kb_s": round(one, 1),
        "annotate_2_workers_kb_s": round(two, 1),
        "ratio_1_worker_to_jieba": round(one / j, 3),
        "ratio_2_workers_to_jieba": round(two / j, 3),
        "speedup_2_over_1": round(two / one, 2),
        "peak_mb_single_process": round(mem1, 1),
        "peak_mb_per_worker": round(mem2, 1),
        "cold_start_s": round(throughput.cold_start(), 2),
    }
    if args.repeat > 1:
        result["all_runs_kb_s"] = {k: [round(v, 1) for v in vs] for k, vs in runs.items()}
    if args.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k:28} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
