"""Query-dependent fusion weight: how far to trust BM25 over dense for one query.

A literal question shares most of its character bigrams with the passage that answers it, so
BM25's best passage covers much of the query; a paraphrase ("开发商卷款跑路" for
"预售资金抽逃") shares few, and BM25's best passage is then often wrong while dense still finds
the answer. The share of the query's bigrams found in BM25's top passage therefore says how
much weight BM25 deserves (bench/retrieval_eval.py --cv measured this).
"""

from __future__ import annotations

from collections.abc import Collection


def term_coverage(query_terms: Collection[str], passage_terms: Collection[str]) -> float:
    """Share of the distinct query terms that occur in the passage terms (0 without terms)."""
    wanted = set(query_terms)
    if not wanted:
        return 0.0
    have = passage_terms if isinstance(passage_terms, set | frozenset) else set(passage_terms)
    return len(wanted & have) / len(wanted)


def bm25_share(coverage: float, low: float, high: float) -> float:
    """BM25's fusion weight in [0, 1] for a query whose best BM25 passage covers `coverage`.

    0 (dense alone) at or below `low`, 1 (BM25 alone) at or above `high`, linear in between.
    Raises ValueError unless 0 <= low < high.
    """
    if not 0 <= low < high:
        raise ValueError(f"bm25_share() needs 0 <= low < high, got low={low}, high={high}")
    return min(1.0, max(0.0, (coverage - low) / (high - low)))
