"""Rank fusion: pure functions over ranked id lists (reciprocal rank) or scored candidates
(z-score CombSUM)."""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
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


def fuse_scores(
    scores: Sequence[Mapping[Id, float]], weights: Sequence[float] | None = None
) -> list[tuple[Id, float]]:
    """Fuse retrievers' raw scores by weighted CombSUM of z-scores.

    Each mapping holds one retriever's raw scores (BM25, cosine, ...) for candidate ids; the
    candidates are the union of all keys. Each list is standardised over the candidates it
    scores (mean 0, standard deviation 1; a constant list contributes 0), an id a list does
    not score gets that list's lowest standardised value, and score(id) = sum of weight * z.
    Unlike reciprocal rank this keeps how far ahead a list's top hit is. Returns (id, score)
    best first; ties go to the id seen first (lists in order, each in its iteration order).
    `weights` default to 1 per list.
    """
    if weights is None:
        weights = [1.0] * len(scores)
    if len(weights) != len(scores):
        raise ValueError(f"fuse_scores() got {len(scores)} score lists but {len(weights)} weights")
    order: dict[Id, int] = {}
    for mapping in scores:
        for ident in mapping:
            order.setdefault(ident, len(order))
    fused = dict.fromkeys(order, 0.0)
    for mapping, w in zip(scores, weights, strict=True):
        z = _standardised(mapping)
        if not z or w == 0:
            continue
        floor = min(z.values())
        for ident in fused:
            fused[ident] += w * z.get(ident, floor)
    return sorted(fused.items(), key=lambda item: (-item[1], order[item[0]]))


def _standardised(mapping: Mapping[Id, float]) -> dict[Id, float]:
    values = [float(v) for v in mapping.values()]
    if not values:
        return {}
    mean = math.fsum(values) / len(values)
    sd = math.sqrt(math.fsum((v - mean) ** 2 for v in values) / len(values))
    if sd <= 1e-12 * max(1.0, abs(mean)):
        return dict.fromkeys(mapping, 0.0)
    return {ident: (float(v) - mean) / sd for ident, v in mapping.items()}
