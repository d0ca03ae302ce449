"""The passage retriever: BM25 and dense search over the same passages, fused by weighted RRF."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from qa.retrieval.bm25 import Bm25Index
from qa.retrieval.dense import EmbeddingCache, FlatIndex, source_vectors, stack
from qa.retrieval.embedder import DEFAULT_MODEL, Embedder, embed, load_embedder
from qa.retrieval.errors import RetrieverInputError
from qa.retrieval.fusion import fuse
from qa.retrieval.passages import Hit, Passage, group_by_source
from qa.retrieval.tokens import DEFAULT_TOKENIZER, TOKENIZERS

MODES = ("bm25", "dense", "hybrid")
Progress = Callable[[float, str], None]


@dataclass(frozen=True, slots=True)
class SearchConfig:
    """Tuning knobs. Defaults were measured on ../shared/eval/dev_retrieval.json with
    bench/retrieval_eval.py (--tokenizers, --sweep; figures in that script's docstring).

    Fusion: BM25 on char unigrams+bigrams is the stronger retriever on this genre (R@1 0.78
    vs 0.55 dense), so equal-weight RRF with k=60 lets dense's frequent wrong top hits
    (short headings) push BM25's right answer down: R@1 fell to 0.67. A small k keeps each
    list's head decisive and dense at weight 0.4 can still lift a passage BM25 ranks 2nd-3rd
    or missed. With k=0, every dense weight from 0.1 to 0.5 was >= the best single retriever
    on R@1, R@5 and MRR@10, with both the real and the provisional paragraph splitter; 0.4
    sits inside that range, clear of the 0.5 edge where fused scores tie exactly.
    """

    tokenizer: str = DEFAULT_TOKENIZER
    bm25_k1: float = 1.2
    bm25_b: float = 0.5  # < 0.75: answers sit in long paragraphs, so penalise length less
    bm25_weight: float = 1.0
    dense_weight: float = 0.4
    rrf_k: int = 0
    depth: int = 100  # candidates taken from each retriever before fusion
    title_in_dense: bool = (
        True  # embed "title\ntext": the title says what a bare paragraph is about
    )


def dense_text(p: Passage, config: SearchConfig) -> str:
    """The string embedded for `p`."""
    return f"{p.title}\n{p.text}" if config.title_in_dense and p.title else p.text


@dataclass
class Retriever:
    """Hybrid passage search held in memory: build once, query many times.

    Use `Retriever.build`; the constructor is internal.
    """

    passages: list[Passage]
    model: Embedder
    model_name: str
    config: SearchConfig
    bm25: Bm25Index
    dense: FlatIndex
    embedded: int = 0  # passages embedded by the build (0 when all came from the cache)
    _by_id: dict[str, int] = field(default_factory=dict, repr=False)

    @classmethod
    def build(
        cls,
        passages: list[Passage],
        index_dir: Path | None,
        embedding_model: str | None = None,
        progress: Progress | None = None,
        *,
        config: SearchConfig | None = None,
    ) -> Retriever:
        """Index `passages` for search, reusing cached vectors from `index_dir`.

        Vectors are stored per source under `index_dir` (None: nothing is stored), keyed by
        source name, model and the sha256 of the source's embedded texts, so only sources
        whose passages changed are embedded again. BM25 is rebuilt in memory.
        `embedding_model`: None for the built-in USE-multilingual-v3, else any
        sentence-transformers model name or local path (loaded offline, once per process).
        `progress(fraction, message)` is called while embedding.
        Raises RetrieverInputError for duplicate passage ids, EmbeddingModelError when the
        model cannot be loaded.
        """
        config = config or SearchConfig()
        if config.tokenizer not in TOKENIZERS:
            raise RetrieverInputError(
                f"Unknown tokenizer {config.tokenizer!r}; choose one of {', '.join(TOKENIZERS)}"
            )
        by_id: dict[str, int] = {}
        for i, p in enumerate(passages):
            if p.id in by_id:
                raise RetrieverInputError(
                    f"Passage id {p.id!r} occurs twice (sources {passages[by_id[p.id]].source!r} "
                    f"and {p.source!r}); passage ids must be unique."
                )
            by_id[p.id] = i
        model_name = embedding_model or DEFAULT_MODEL
        model = load_embedder(model_name)
        groups = group_by_source(passages)
        ordered = [p for group in groups.values() for p in group]
        texts = {s: [dense_text(p, config) for p in g] for s, g in groups.items()}
        cache = EmbeddingCache(index_dir, model_name)
        parts, embedded = source_vectors(texts, model, cache, progress)
        return cls(
            passages=ordered,
            model=model,
            model_name=model_name,
            config=config,
            bm25=Bm25Index(
                [p.text for p in ordered],
                TOKENIZERS[config.tokenizer],
                config.bm25_k1,
                config.bm25_b,
            ),
            dense=FlatIndex(stack(parts)),
            embedded=embedded,
            _by_id={p.id: i for i, p in enumerate(ordered)},
        )

    def __len__(self) -> int:
        return len(self.passages)

    def search(self, query: str, k: int = 10, mode: str = "hybrid") -> list[Hit]:
        """The k best passages for `query`, best first.

        mode "bm25": BM25 score; "dense": cosine similarity; "hybrid": weighted RRF of both
        rankings (score is the fused RRF value). Passages with no query term get no BM25 hit.
        """
        if mode not in MODES:
            raise RetrieverInputError(
                f"Unknown search mode {mode!r}; use one of {', '.join(MODES)}"
            )
        if k <= 0 or not query.strip() or not self.passages:
            return []
        if mode == "bm25":
            ranked = self.bm25.search(query, k)
        elif mode == "dense":
            ranked = self._dense(query, k)
        else:
            depth = max(k, self.config.depth)
            rankings = [
                [row for row, _ in self.bm25.search(query, depth)],
                [row for row, _ in self._dense(query, depth)],
            ]
            weights = [self.config.bm25_weight, self.config.dense_weight]
            ranked = fuse(rankings, weights, self.config.rrf_k)[:k]
        return [
            Hit(passage=self.passages[row], score=score, rank=n)
            for n, (row, score) in enumerate(ranked, 1)
        ]

    def _dense(self, query: str, k: int) -> list[tuple[int, float]]:
        return self.dense.search(embed(self.model, [query])[0], k)

    def passage(self, passage_id: str) -> Passage | None:
        """The indexed passage with this id, if any."""
        row = self._by_id.get(passage_id)
        return None if row is None else self.passages[row]
