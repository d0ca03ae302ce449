"""BM25 over tokenised passages (bm25s), rebuilt in memory on every build: it takes
well under a second for a gazette issue, so it is never cached on disk."""

from __future__ import annotations

from typing import Any

import numpy as np

from qa.retrieval.tokens import Tokenizer


class Bm25Index:
    """A bm25s index over `texts`, queried with the same tokeniser."""

    def __init__(self, texts: list[str], tokenizer: Tokenizer, k1: float = 1.2, b: float = 0.75):
        import bm25s  # type: ignore[import-untyped]

        self.tokenizer = tokenizer
        self.size = len(texts)
        self._bm25: Any = None
        if texts:
            self._bm25 = bm25s.BM25(k1=k1, b=b)
            # an empty passage still needs a row; "" is the placeholder token bm25s knows
            self._bm25.index([tokenizer(t) or [""] for t in texts], show_progress=False)
            self._vocab: dict[str, int] = self._bm25.vocab_dict

    def scores(self, query: str) -> np.ndarray | None:
        """The BM25 score of every row for `query`, or None when no query term is indexed."""
        if self._bm25 is None:
            return None
        ids = [self._vocab[t] for t in self.tokenizer(query) if t in self._vocab and t]
        if not ids:
            return None
        return np.asarray(self._bm25.get_scores_from_ids(ids), dtype=np.float64)

    def search(self, query: str, k: int) -> list[tuple[int, float]]:
        """(row, score) of the k best-scoring rows with a positive score, best first."""
        scores = self.scores(query) if k > 0 else None
        return [] if scores is None else top_rows(scores, k, positive=True)


def top_rows(scores: np.ndarray, k: int, positive: bool = False) -> list[tuple[int, float]]:
    """(row, score) of the k highest `scores`, best first, ties by row; `positive` drops
    scores <= 0."""
    k = min(k, len(scores))
    if k <= 0:
        return []
    top = np.argpartition(-scores, k - 1)[:k]
    # ties broken by row so results are deterministic
    top = top[np.lexsort((top, -scores[top]))]
    return [(int(r), float(scores[r])) for r in top if not positive or scores[r] > 0]
