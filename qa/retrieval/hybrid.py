"""The passage retriever: BM25 and dense search over the same passages, fused per query."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from qa.retrieval.bm25 import Bm25Index, top_rows
from qa.retrieval.dense import EmbeddingCache, FlatIndex, source_vectors, stack
from qa.retrieval.embedder import DEFAULT_MODEL, Embedder, embed, load_embedder
from qa.retrieval.errors import RetrieverInputError
from qa.retrieval.fusion import fuse, fuse_scores
from qa.retrieval.passages import Hit, Passage, group_by_source
from qa.retrieval.tokens import DEFAULT_TOKENIZER, TOKENIZERS, char_bigrams
from qa.retrieval.weighting import bm25_share, term_coverage

MODES = ("bm25", "dense", "hybrid")
FUSIONS = ("zsum", "rrf")
Progress = Callable[[float, str], None]


@dataclass(frozen=True, slots=True)
class SearchConfig:
    """Tuning knobs. Defaults were measured on ../shared/eval/dev_retrieval.json with
    bench/retrieval_eval.py (--tokenizers, --sweep, --cv; figures in that script's docstring).

    Fusion "zsum" (default): BM25 scores and cosines are z-scored over the candidates (both
    retrievers' top `depth`) and summed with weights share / 1 - share, where share =
    bm25_share(coverage, coverage_low, coverage_high) and coverage is the share of the
    query's character bigrams found in BM25's best passage (qa/retrieval/weighting.py).
    Literal questions (coverage mostly 0.4-0.9) lean on BM25, which is right more often
    there; paraphrases (mostly 0.1-0.45) lean on dense, which finds 95% of them in its top 5
    against BM25's 80%. Held-out R@1/R@5/MRR@10 in 5-fold cross-validation over the 60 dev
    queries (parameters chosen on the training folds): 0.80/0.95/0.86, against 0.78/0.90/0.84
    for the previous RRF default and at most 0.79/0.93/0.85 for RRF at tuned weights and k,
    static CombSUM/CombMNZ (min-max or z-scores), length priors or interleaving. Every
    (low, high) with low in 0.025-0.125 and high in 0.55-0.65 gives the same dev figures;
    the defaults sit in the middle of that range.

    Fusion "rrf": weighted reciprocal rank with bm25_weight / dense_weight and rrf_k (the
    previous default, 1.0 / 0.4 / k=0).
    """

    tokenizer: str = DEFAULT_TOKENIZER
    bm25_k1: float = 1.2
    bm25_b: float = 0.5  # < 0.75: answers sit in long paragraphs, so penalise length less
    bm25_weight: float = 1.0
    dense_weight: float = 0.4
    rrf_k: int = 0
    depth: int = 100  # candidates taken from each retriever before fusion
    fusion: str = "zsum"  # one of FUSIONS
    coverage_low: float = 0.05  # BM25 coverage at or below which dense alone ranks
    coverage_high: float = 0.6  # BM25 coverage at or above which BM25 alone ranks
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
        if config.fusion not in FUSIONS:
            raise RetrieverInputError(
                f"Unknown fusion {config.fusion!r}; choose one of {', '.join(FUSIONS)}"
            )
        if not 0 <= config.coverage_low < config.coverage_high:
            raise RetrieverInputError(
                f"SearchConfig needs 0 <= coverage_low < coverage_high, got "
                f"{config.coverage_low} and {config.coverage_high}"
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

        mode "bm25": BM25 score; "dense": cosine similarity; "hybrid": both fused as
        `config.fusion` says (score is the fused value: weighted z-score sum, or weighted RRF).
        Passages with no query term get no BM25 hit; when no passage has one, hybrid ranks as
        dense does.
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
        elif self.config.fusion == "rrf":
            depth = max(k, self.config.depth)
            rankings = [
                [row for row, _ in self.bm25.search(query, depth)],
                [row for row, _ in self._dense(query, depth)],
            ]
            weights = [self.config.bm25_weight, self.config.dense_weight]
            ranked = fuse(rankings, weights, self.config.rrf_k)[:k]
        else:
            ranked = self._zsum(query, k)
        return [
            Hit(passage=self.passages[row], score=score, rank=n)
            for n, (row, score) in enumerate(ranked, 1)
        ]

    def _dense(self, query: str, k: int) -> list[tuple[int, float]]:
        return self.dense.search(embed(self.model, [query])[0], k)

    def _zsum(self, query: str, k: int) -> list[tuple[int, float]]:
        """Hybrid ranking: z-scored BM25 and cosine over both top lists, weighted by how much
        of the query BM25's best passage covers."""
        vector = embed(self.model, [query])[0]
        bm25 = self.bm25.scores(query)
        depth = max(k, self.config.depth)
        bm25_top = [] if bm25 is None else top_rows(bm25, depth, positive=True)
        if bm25 is None or not bm25_top:
            return self.dense.search(vector, k)  # exactly the dense ranking
        share = bm25_share(
            self._bm25_coverage(query, bm25_top[0][0]),
            self.config.coverage_low,
            self.config.coverage_high,
        )
        cosines = dict(self.dense.search(vector, depth))
        rows = sorted({r for r, _ in bm25_top} | set(cosines))
        missing = [r for r in rows if r not in cosines]
        cosines.update(zip(missing, self.dense.scores(vector, missing), strict=True))
        return fuse_scores(
            [{r: float(bm25[r]) for r in rows}, {r: cosines[r] for r in rows}],
            [share, 1.0 - share],
        )[:k]

    def _bm25_coverage(self, query: str, row: int) -> float:
        """Share of the query's character bigrams found in the passage at `row`."""
        return term_coverage(char_bigrams(query), char_bigrams(self.passages[row].text))

    def passage(self, passage_id: str) -> Passage | None:
        """The indexed passage with this id, if any."""
        row = self._by_id.get(passage_id)
        return None if row is None else self.passages[row]
