"""Weighted reciprocal-rank fusion: a pure function over ranked id lists."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TypeVar

Id = TypeVar("Id", bound=Hashable)


def fuse(
    rankings: Sequence[Sequence[Id]], weights: Sequence[float] | None = None, k: int = 60
) -> list[tuple[Id, float]]:
    """Fuse ranked lists (best first) by weighted reciprocal rank.

    score(id) = sum over lists of weight / (k + rank), rank 1-based; an id missing from a list
    gets nothing from it, a repeat inside one list counts once. Returns (id, score) best
    first. Ties go to the id with the better (rank, list position), so the result is
    deterministic. `weights` default to 1 per list; `k` damps the head of each list (60 as
    in Cormack et al. 2009).
    """
    if weights is None:
        weights = [1.0] * len(rankings)
    if len(weights) != len(rankings):
        raise ValueError(f"fuse() got {len(rankings)} rankings but {len(weights)} weights")
    if k < 0:
        raise ValueError(f"fuse() needs k >= 0, got {k}")
    scores: dict[Id, float] = {}
    first: dict[Id, tuple[int, int]] = {}
    for li, (ranking, w) in enumerate(zip(rankings, weights, strict=True)):
        seen: set[Id] = set()
        for rank, ident in enumerate(ranking, 1):
            if ident in seen:
                continue
            seen.add(ident)
            scores[ident] = scores.get(ident, 0.0) + w / (k + rank)
            first[ident] = min(first.get(ident, (rank, li)), (rank, li))
    return sorted(scores.items(), key=lambda item: (-item[1], first[item[0]]))
