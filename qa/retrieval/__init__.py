"""Passage retrieval over a list of passages: BM25 (char uni+bigrams) + dense (USE), fused
per query by z-score CombSUM weighted by how much of the query BM25's best passage covers
(or by weighted RRF, SearchConfig.fusion="rrf").

Independent of the rest of the system: its input is a list of `Passage`. Heavy libraries
(bm25s, faiss, sentence-transformers, torch) load only when an index is built.
"""

from qa.retrieval.embedder import DEFAULT_MODEL, load_embedder
from qa.retrieval.errors import EmbeddingModelError, RetrievalError, RetrieverInputError
from qa.retrieval.fusion import fuse, fuse_scores
from qa.retrieval.hybrid import MODES, Retriever, SearchConfig
from qa.retrieval.passages import Hit, Passage
from qa.retrieval.tokens import normalise, tokenize

__all__ = [
    "DEFAULT_MODEL",
    "MODES",
    "EmbeddingModelError",
    "Hit",
    "Passage",
    "RetrievalError",
    "Retriever",
    "RetrieverInputError",
    "SearchConfig",
    "fuse",
    "fuse_scores",
    "load_embedder",
    "normalise",
    "tokenize",
]
