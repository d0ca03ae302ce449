"""On the dev retrieval set (../shared/eval/dev_retrieval.json) over the sample gazette's real
paragraphs, hybrid search is at least as good as either retriever alone on R@1, R@5 and
MRR@10: as good as dense on paraphrases in the top 5, as good as BM25 on literal questions
at rank 1."""

from __future__ import annotations

import json
import unicodedata

import pytest
from conftest import eval_file

from qa.retrieval import Passage, Retriever

pytestmark = pytest.mark.slow


def _norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="module")
def ranks(sample_parsed) -> dict[str, list[tuple[str, int | None]]]:
    """(style, 1-based rank of the first passage holding the key, or None) per query and mode."""
    queries = json.loads(eval_file("dev_retrieval.json").read_text(encoding="utf-8"))
    titles = {d.number: d.title for d in sample_parsed.documents}
    passages = [
        Passage(
            id=p.id,
            text=p.text,
            doc_number=p.doc_number,
            source=sample_parsed.source_name,
            title=titles.get(p.doc_number, ""),
        )
        for p in sample_parsed.paragraphs
    ]
    r = Retriever.build(passages, None)
    out: dict[str, list[tuple[str, int | None]]] = {}
    for mode in ("bm25", "dense", "hybrid"):
        out[mode] = []
        for q in queries:
            texts = [_norm(h.passage.text) for h in r.search(q["query"], 10, mode)]
            hit = next((i for i, t in enumerate(texts, 1) if _norm(q["key"]) in t), None)
            out[mode].append((q["style"], hit))
    return out


def _metrics(ranks: list[tuple[str, int | None]], style: str | None = None) -> list[float]:
    rs = [r for s, r in ranks if style in (None, s)]
    return [
        sum(r == 1 for r in rs) / len(rs),
        sum(r is not None and r <= 5 for r in rs) / len(rs),
        sum(1 / r for r in rs if r) / len(rs),
    ]


def test_hybrid_is_at_least_as_good_as_either_retriever(ranks):
    hybrid = _metrics(ranks["hybrid"])
    for single in ("bm25", "dense"):
        assert all(h >= s for h, s in zip(hybrid, _metrics(ranks[single]), strict=True)), (
            single,
            hybrid,
            _metrics(ranks[single]),
        )


def test_hybrid_keeps_dense_recall_on_paraphrases_and_bm25_precision_on_literal_queries(ranks):
    assert _metrics(ranks["hybrid"], "paraphrase")[1] >= _metrics(ranks["dense"], "paraphrase")[1]
    assert _metrics(ranks["hybrid"], "literal")[0] >= _metrics(ranks["bm25"], "literal")[0]
