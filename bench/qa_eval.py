"""Run every question of ../shared/eval/dev_qa.json through QA.ask and score it.

    /work/venv/bin/python bench/qa_eval.py                    # sample store built in memory
    /work/venv/bin/python bench/qa_eval.py --store DIR        # an ingested store
    /work/venv/bin/python bench/qa_eval.py --no-retriever     # lexical ranking only (fast)
    /work/venv/bin/python bench/qa_eval.py --probe            # the probe set tests/data/qa_probe.json
    /work/venv/bin/python bench/qa_eval.py --gold FILE.json   # any question set in dev_qa.json form

Writes the answers as JSONL (--out, default /tmp/qa_answers.jsonl), runs
../shared/eval/score_qa.py on them (per-type accuracy, --show-wrong), and checks that every
found answer carries at least one source.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

EVAL = ROOT.parent / "shared" / "eval"


def sample_store():  # type: ignore[no-untyped-def]
    """An in-memory pyoxigraph store holding the bundled sample gazette."""
    import pyoxigraph as ox

    from ingest.pipeline import SAMPLE, parse_file
    from ingest.to_rdf import to_quads

    store = ox.Store()
    store.extend(to_quads(parse_file(SAMPLE)))
    return store


def open_qa(store_dir: str | None, retriever: bool, index_dir: str | None):  # type: ignore[no-untyped-def]
    """QA over `store_dir`, or over the sample built in memory."""
    from qa.api import QA

    if store_dir:
        return QA.open(store_dir, index_dir, retriever=retriever)
    return QA.from_store(sample_store(), index_dir, retriever=retriever)


def main() -> int:
    """Answer, write JSONL, score; exit status of the scorer."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", default=str(EVAL / "dev_qa.json"))
    parser.add_argument(
        "--probe", action="store_true", help="score tests/data/qa_probe.json instead of --gold"
    )
    parser.add_argument("--store")
    parser.add_argument("--index-dir", default="/tmp/qa_bench_index")
    parser.add_argument("--out", default="/tmp/qa_answers.jsonl")
    parser.add_argument("--no-retriever", action="store_true")
    parser.add_argument("--quiet", action="store_true", help="do not list wrong answers")
    args = parser.parse_args()
    started = time.perf_counter()
    qa = open_qa(args.store, not args.no_retriever, args.index_dir)
    print(f"opened in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    if args.probe:
        args.gold = str(ROOT / "tests" / "data" / "qa_probe.json")
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    missing_sources = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for g in gold:
            answer = qa.ask(g["question"]).to_json()
            if answer["found"] and not answer["sources"]:
                missing_sources += 1
                print(f"NO SOURCE {g['id']}: {answer['answer'][:80]}", file=sys.stderr)
            out.write(json.dumps(answer, ensure_ascii=False) + "\n")
    print(f"found answers without a source: {missing_sources}")
    cmd = [sys.executable, str(EVAL / "score_qa.py"), args.gold, args.out]
    if not args.quiet:
        cmd.append("--show-wrong")
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
