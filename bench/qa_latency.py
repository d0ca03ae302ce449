"""Latency of QA.ask: index build time, then warm per-question latency p50 / p95.

    /work/venv/bin/python bench/qa_latency.py                  # sample store, cold index build
    /work/venv/bin/python bench/qa_latency.py --store DIR      # an ingested store
    /work/venv/bin/python bench/qa_latency.py --no-retriever   # lexical ranking only

Questions: ../shared/eval/dev_qa.json, tests/data/qa_cases.json and the probe set
tests/data/qa_probe.json. Every question is asked once to warm up (models, caches), then timed
over --repeat rounds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from qa_eval import EVAL, open_qa


def questions() -> list[str]:
    """The dev questions, the test manifest's questions and the probe questions."""
    data = ROOT / "tests" / "data"
    out = [q["question"] for q in json.loads((EVAL / "dev_qa.json").read_text(encoding="utf-8"))]
    cases = json.loads((data / "qa_cases.json").read_text(encoding="utf-8"))
    out += [c["q"] for key in ("sample", "sample_negative") for c in cases[key]]
    out += [q["question"] for q in json.loads((data / "qa_probe.json").read_text(encoding="utf-8"))]
    return out


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of `values`."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def main() -> int:
    """Build, warm up, time; print a small report."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store")
    parser.add_argument("--index-dir", help="reuse cached vectors from here (default: a fresh dir)")
    parser.add_argument("--no-retriever", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    index_dir = args.index_dir or tempfile.mkdtemp(prefix="qa-latency-")
    started = time.perf_counter()
    qa = open_qa(args.store, not args.no_retriever, index_dir)
    total = time.perf_counter() - started
    t = qa.timings
    print(
        f"open: {total:.1f} s (catalogs+paragraphs {t.catalogs:.2f} s, "
        f"retrieval index build {t.index:.1f} s{'' if args.index_dir else ', cold'})"
    )
    qs = questions()
    for q in qs:
        qa.ask(q)
    times: list[float] = []
    for _ in range(args.repeat):
        for q in qs:
            t0 = time.perf_counter()
            qa.ask(q)
            times.append(time.perf_counter() - t0)
    print(
        f"warm latency over {len(qs)} questions x {args.repeat}: "
        f"p50 {percentile(times, 50) * 1000:.0f} ms, p95 {percentile(times, 95) * 1000:.0f} ms, "
        f"max {max(times) * 1000:.0f} ms, mean {statistics.mean(times) * 1000:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
