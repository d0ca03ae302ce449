"""Score `gazette-kg search --jsonl` output against ../shared/eval/dev_retrieval.json.

    python -c "import json;[print(q['query']) for q in json.load(open('../shared/eval/dev_retrieval.json'))]" \
      | gazette-kg search --jsonl -k 10 --mode hybrid > /tmp/search.jsonl
    python bench/retrieval_cli_eval.py ../shared/eval/dev_retrieval.json /tmp/search.jsonl

Prints R@1, R@5 and MRR@10 overall and per query style (the eval README's rule: a hit is a
returned passage whose text, whitespace removed, contains `key` whitespace removed).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict


def _squash(text: str) -> str:
    return "".join(text.split())


def main(argv: list[str]) -> int:
    with open(argv[0], encoding="utf-8") as f:
        gold = json.load(f)
    with open(argv[1], encoding="utf-8") as f:
        runs = [json.loads(line) for line in f if line.strip()]
    by_query = {r["query"]: r["results"] for r in runs}
    stats: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for item in gold:
        results = by_query.get(item["query"], [])
        key = _squash(item["key"])
        rank = next((i for i, r in enumerate(results[:10], 1) if key in _squash(r["text"])), None)
        for style in ("all", item["style"]):
            s = stats[style]
            s[0] += rank == 1
            s[1] += rank is not None and rank <= 5
            s[2] += 1 / rank if rank else 0.0
            s[3] += 1
    for style, (r1, r5, mrr, n) in stats.items():
        print(
            f"{style:11s} n={int(n):3d}  R@1={r1 / n:.3f}  R@5={r5 / n:.3f}  MRR@10={mrr / n:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
