"""The retriever's input and output records.

The retriever knows nothing about gazettes beyond this: a list of passages, each tagged with
the source file it came from so that indexes can be cached and rebuilt per source.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Passage:
    """One retrievable unit of text (a paragraph) with its provenance."""

    id: str  # paragraph id, unique across all passages given to one Retriever
    text: str  # as printed; normalised only for matching
    doc_number: str
    source: str  # source file name (named graph); the index is rebuilt per changed source
    title: str = ""  # title of the document the passage belongs to
    page: int = 0
    first_line: int = 0
    last_line: int = 0


@dataclass(frozen=True, slots=True)
class Hit:
    """A passage returned for a query; rank is 1-based."""

    passage: Passage
    score: float
    rank: int


def group_by_source(passages: Iterable[Passage]) -> dict[str, list[Passage]]:
    """Passages grouped by `source`, sources and passages in first-seen order."""
    groups: dict[str, list[Passage]] = {}
    for p in passages:
        groups.setdefault(p.source, []).append(p)
    return groups


def texts_sha(texts: Iterable[str]) -> str:
    """Hex sha256 over `texts` in order; any edit, insertion or reordering changes it."""
    h = hashlib.sha256()
    for t in texts:
        b = t.encode("utf-8")
        h.update(len(b).to_bytes(8, "little"))
        h.update(b)
    return h.hexdigest()
