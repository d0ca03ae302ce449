"""Errors raised by the retriever; messages name the bad value and say what to do."""

from __future__ import annotations

from ingest.errors import GazetteError


class RetrievalError(GazetteError):
    """Base class for retriever errors that callers may show to a user as they are."""


class EmbeddingModelError(RetrievalError):
    """An embedding model could not be loaded offline, or gave unusable output."""


class RetrieverInputError(RetrievalError):
    """Bad input: duplicate passage ids, an unknown search mode, a bad k."""
