"""Dense passage vectors: a per-source embedding cache on disk and a faiss inner-product index.

Vectors are cached per source file, keyed by the source name, the embedding model and the
sha256 of the exact strings embedded, so rebuilding after one source changed re-embeds that
source only. The faiss index itself is rebuilt in memory from the cached vectors (a flat
index over a few thousand rows takes milliseconds).
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from qa.retrieval.embedder import Embedder, embed
from qa.retrieval.passages import texts_sha

CACHE_VERSION = "1"  # bump when the file layout or the embedded text form changes


def _slug(name: str, limit: int = 40) -> str:
    """A file-name-safe, readable, collision-free stem for `name`."""
    readable = re.sub(r"[^\w.-]+", "_", name).strip("._")[:limit] or "x"
    return f"{readable}-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:10]}"


@dataclass(frozen=True, slots=True)
class SourceVectors:
    """The vectors of one source, rows aligned with the texts that were embedded."""

    source: str
    sha: str
    vectors: np.ndarray  # (n, dim) float32, unit rows


class EmbeddingCache:
    """Per-source vector files under `root/<model>/`; `root=None` keeps nothing on disk."""

    def __init__(self, root: Path | None, model_name: str) -> None:
        self.dir = root / "dense" / f"v{CACHE_VERSION}" / _slug(model_name) if root else None

    def _path(self, source: str, sha: str) -> Path:
        assert self.dir is not None
        return self.dir / f"{_slug(source)}.{sha[:20]}.npy"

    def get(self, source: str, sha: str, n: int) -> np.ndarray | None:
        """Cached vectors for (source, sha), or None when absent or unreadable."""
        if self.dir is None:
            return None
        path = self._path(source, sha)
        try:
            vectors = np.load(path, allow_pickle=False)
        except (OSError, ValueError, EOFError):
            return None
        if vectors.ndim != 2 or vectors.shape[0] != n or vectors.dtype != np.float32:
            return None
        return vectors

    def put(self, source: str, sha: str, vectors: np.ndarray) -> None:
        """Store the vectors of (source, sha) atomically and drop the source's stale files."""
        if self.dir is None:
            return
        self.dir.mkdir(parents=True, exist_ok=True)
        path = self._path(source, sha)
        tmp = path.with_suffix(f".tmp{os.getpid()}.npy")
        np.save(tmp, vectors, allow_pickle=False)
        os.replace(tmp, path)
        for old in self.dir.glob(f"{_slug(source)}.*.npy"):
            if old != path:
                old.unlink(missing_ok=True)


def source_vectors(
    groups: dict[str, list[str]],
    model: Embedder,
    cache: EmbeddingCache,
    progress: Callable[[float, str], None] | None = None,
) -> tuple[list[SourceVectors], int]:
    """Vectors for each source's texts (in order), from the cache where the sha matches.

    Returns the per-source vectors in `groups` order and the number of texts embedded now.
    """
    out: list[SourceVectors] = []
    embedded = 0
    total = len(groups) or 1
    for i, (source, texts) in enumerate(groups.items()):
        sha = texts_sha(texts)
        vectors = cache.get(source, sha, len(texts))
        if vectors is None:
            if progress:
                progress(i / total, f"embedding {len(texts)} passages of {source}")
            vectors = embed(model, texts) if texts else np.zeros((0, 1), dtype=np.float32)
            embedded += len(texts)
            if texts:
                cache.put(source, sha, vectors)
        out.append(SourceVectors(source, sha, vectors))
    if progress:
        progress(1.0, f"{embedded} passages embedded")
    return out, embedded


class FlatIndex:
    """Exact inner-product search over unit vectors (faiss IndexFlatIP)."""

    def __init__(self, vectors: np.ndarray) -> None:
        import faiss

        self.size = int(vectors.shape[0])
        self._vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self._index: Any = faiss.IndexFlatIP(int(vectors.shape[1])) if self.size else None
        if self._index is not None:
            self._index.add(self._vectors)

    def scores(self, query: np.ndarray, rows: Sequence[int]) -> list[float]:
        """The cosine of each of `rows` with the unit vector `query`."""
        if not len(rows):
            return []
        q = query.reshape(-1).astype(np.float32)
        # einsum, not @: a matrix-vector product through multi-threaded BLAS stalls for
        # milliseconds now and then when the cores are busy
        return [float(x) for x in np.einsum("ij,j->i", self._vectors[list(rows)], q)]

    def search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        """(row, cosine) of the k nearest rows, best first."""
        if self._index is None or k <= 0:
            return []
        q = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
        scores, rows = self._index.search(q, min(k, self.size))
        return [(int(r), float(s)) for r, s in zip(rows[0], scores[0], strict=True) if r >= 0]


def stack(parts: Sequence[SourceVectors]) -> np.ndarray:
    """All sources' vectors as one (n, dim) array, in order."""
    nonempty = [p.vectors for p in parts if p.vectors.shape[0]]
    if not nonempty:
        return np.zeros((0, 1), dtype=np.float32)
    return np.vstack(nonempty)
