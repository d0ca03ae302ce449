"""Retriever.build / search with a tiny deterministic embedder (unit tests only: the product
default is USE-multilingual, tested in test_retrieval_use_model.py).

The embedder maps a text to a hashed bag of character bigrams, so "dense" similarity is
plain lexical overlap; that is enough to test fusion, persistence and the API contract.
"""

import hashlib
import itertools
from dataclasses import replace

import numpy as np
import pytest

from qa.retrieval import (
    Hit,
    Passage,
    Retriever,
    RetrieverInputError,
    SearchConfig,
    hybrid,
)
from qa.retrieval.weighting import bm25_share


class HashEmbedder:
    """Deterministic 64-d bag-of-bigrams embedder that counts what it is asked to encode."""

    def __init__(self) -> None:
        self.calls = 0
        self.texts: list[str] = []

    def encode(self, sentences, **kwargs):
        self.calls += 1
        self.texts.extend(sentences)
        out = np.zeros((len(sentences), 64), dtype=np.float32)
        for row, text in enumerate(sentences):
            for a, b in itertools.pairwise(text):
                out[row, hashlib.md5((a + b).encode()).digest()[0] % 64] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)


@pytest.fixture
def embedder(monkeypatch):
    fake = HashEmbedder()
    monkeypatch.setattr(hybrid, "load_embedder", lambda name: fake)
    return fake


def _p(i: str, text: str, source: str = "a.txt", title: str = "") -> Passage:
    return Passage(id=i, text=text, doc_number="吕政办发〔2022〕1号", source=source, title=title)


PASSAGES = [
    _p("a1", "加氢站的日常安全监管由所在县（市、区）负责。"),
    _p("a2", "对首次小升规的工业企业，市级再配套奖励 20 万元。"),
    _p("a3", "各金融机构执行最低首付比例 20％的规定。"),
    _p("b1", "农村交通安全劝导员每月劝导不少于 20 天。", source="b.txt"),
    _p("b2", "电动自行车骑行人头盔佩戴率力争达到 80％以上。", source="b.txt"),
]


def test_search_returns_ranked_hits_in_every_mode(embedder):
    r = Retriever.build(PASSAGES, None, "fake")
    for mode in ("bm25", "dense", "hybrid"):
        hits = r.search("加氢站安全监管由谁负责", k=3, mode=mode)
        assert all(isinstance(h, Hit) for h in hits)
        assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
        assert hits[0].passage.id == "a1", mode
        assert all(hits[i].score >= hits[i + 1].score for i in range(len(hits) - 1))


def test_hybrid_score_is_the_coverage_weighted_sum_of_z_scores(embedder):
    # depth covers the whole index, so every passage is a candidate of the fusion
    r = Retriever.build(PASSAGES, None, "fake")
    query = "头盔佩戴比例要求"
    bm25 = {h.passage.id: h.score for h in r.search(query, 100, "bm25")}
    dense = {h.passage.id: h.score for h in r.search(query, 100, "dense")}
    ids = [p.id for p in PASSAGES]
    zb = _z([bm25.get(i, 0.0) for i in ids])
    zd = _z([dense[i] for i in ids])
    # BM25's best passage (b2) holds 头盔 盔佩 佩戴 of the query's 7 bigrams
    assert max(bm25, key=lambda i: bm25[i]) == "b2"
    share = (3 / 7 - 0.05) / (0.6 - 0.05)
    expected = {i: share * b + (1 - share) * d for i, b, d in zip(ids, zb, zd, strict=True)}
    hits = r.search(query, 5, "hybrid")
    assert [h.passage.id for h in hits] == sorted(ids, key=lambda i: -expected[i])
    assert [h.score for h in hits] == pytest.approx([expected[h.passage.id] for h in hits])


def _share(r, query):
    return bm25_share(r._bm25_coverage(query, r.bm25.search(query, 1)[0][0]), 0.05, 0.6)


def test_a_paraphrase_leans_on_dense_and_a_literal_query_on_bm25(embedder):
    r = Retriever.build(PASSAGES, None, "fake")
    assert _share(r, "电动自行车骑行人头盔佩戴率") == 1.0  # all its bigrams are in BM25's top hit
    assert _share(r, "骑车戴头盔的比例") < 0.2  # one bigram of seven
    # with no weight left for BM25, hybrid ranks as dense does
    config = SearchConfig(coverage_low=0.9, coverage_high=1.0)
    r0 = Retriever.build(PASSAGES, None, "fake", config=config)
    q = "骑车戴头盔的比例"
    assert [h.passage.id for h in r0.search(q, 5, "hybrid")] == [
        h.passage.id for h in r0.search(q, 5, "dense")
    ]


def test_bad_fusion_settings_are_reported(embedder):
    with pytest.raises(RetrieverInputError, match="Unknown fusion 'max'"):
        Retriever.build(PASSAGES, None, "fake", config=SearchConfig(fusion="max"))
    with pytest.raises(RetrieverInputError, match="coverage_low < coverage_high"):
        Retriever.build(
            PASSAGES, None, "fake", config=SearchConfig(coverage_low=0.6, coverage_high=0.6)
        )


def _z(values):
    v = np.asarray(values, dtype=float)
    return list((v - v.mean()) / v.std())


def test_rrf_fusion_score_is_the_weighted_rrf_of_both_rankings(embedder):
    config = SearchConfig(fusion="rrf", bm25_weight=1.0, dense_weight=0.5, rrf_k=10)
    r = Retriever.build(PASSAGES, None, "fake", config=config)
    query = "头盔佩戴率"
    bm25 = [h.passage.id for h in r.search(query, 100, "bm25")]
    dense = [h.passage.id for h in r.search(query, 100, "dense")]
    top = r.search(query, 1, "hybrid")[0]
    expected = sum(
        w / (10 + ranking.index(top.passage.id) + 1)
        for ranking, w in ((bm25, 1.0), (dense, 0.5))
        if top.passage.id in ranking
    )
    assert top.passage.id == "b2"
    assert top.score == pytest.approx(expected)


def test_hybrid_falls_back_to_dense_when_bm25_finds_nothing(embedder):
    r = Retriever.build(PASSAGES, None, "fake")
    query = "绿色能源转型"  # no character in common with any passage
    assert r.search(query, 5, "bm25") == []
    dense = [h.passage.id for h in r.search(query, 5, "dense")]
    assert dense
    assert [h.passage.id for h in r.search(query, 5, "hybrid")] == dense


def test_k_larger_than_the_index_and_degenerate_queries(embedder):
    r = Retriever.build(PASSAGES, None, "fake")
    assert len(r.search("20", k=50, mode="dense")) == len(PASSAGES)
    assert r.search("   ") == []
    assert r.search("加氢站", k=0) == []
    assert r.search("？？", mode="bm25") == []  # no term survives tokenising


def test_an_empty_passage_list_gives_an_empty_index(embedder):
    r = Retriever.build([], None, "fake")
    assert len(r) == 0
    assert r.search("加氢站") == []


def test_duplicate_ids_and_unknown_modes_are_reported(embedder):
    with pytest.raises(RetrieverInputError, match="'a1' occurs twice"):
        Retriever.build(PASSAGES + [replace(PASSAGES[0], source="c.txt")], None, "fake")
    r = Retriever.build(PASSAGES, None, "fake")
    with pytest.raises(RetrieverInputError, match="Unknown search mode 'sparse'"):
        r.search("加氢站", mode="sparse")
    with pytest.raises(RetrieverInputError, match="Unknown tokenizer"):
        Retriever.build(PASSAGES, None, "fake", config=SearchConfig(tokenizer="words"))


def test_passage_lookup_by_id(embedder):
    r = Retriever.build(PASSAGES, None, "fake")
    assert r.passage("b2") == PASSAGES[4]
    assert r.passage("nope") is None


# ---- persistence: embeddings cached per source ----


def test_second_build_with_the_same_passages_embeds_nothing(embedder, tmp_path):
    first = Retriever.build(PASSAGES, tmp_path, "fake")
    assert first.embedded == len(PASSAGES)
    calls, texts = embedder.calls, len(embedder.texts)
    second = Retriever.build(PASSAGES, tmp_path, "fake")
    assert second.embedded == 0
    assert (embedder.calls, len(embedder.texts)) == (calls, texts)
    q = "最低首付比例"
    assert [h.passage.id for h in second.search(q, 3, "dense")] == [
        h.passage.id for h in first.search(q, 3, "dense")
    ]
    assert [h.score for h in second.search(q, 3, "dense")] == pytest.approx(
        [h.score for h in first.search(q, 3, "dense")]
    )


def test_a_changed_source_is_the_only_one_re_embedded(embedder, tmp_path):
    Retriever.build(PASSAGES, tmp_path, "fake")
    embedder.texts.clear()
    changed = [replace(p, text=p.text + "（修订）") if p.id == "b2" else p for p in PASSAGES]
    r = Retriever.build(changed, tmp_path, "fake")
    b_texts = [hybrid.dense_text(p, r.config) for p in changed if p.source == "b.txt"]
    assert embedder.texts == b_texts  # all of b.txt, nothing of a.txt
    assert r.embedded == 2
    assert r.search("头盔佩戴率（修订）", 1, "dense")[0].passage.text.endswith("（修订）")
    # the stale vectors of b.txt are gone: one file per source remains
    assert len(list(tmp_path.rglob("*.npy"))) == 2


def test_adding_a_source_embeds_only_the_new_source(embedder, tmp_path):
    Retriever.build(PASSAGES, tmp_path, "fake")
    embedder.texts.clear()
    extra = [_p("c1", "特色商业街区给予 50 万元奖励。", source="c.txt")]
    r = Retriever.build(PASSAGES + extra, tmp_path, "fake")
    assert embedder.texts == [hybrid.dense_text(extra[0], r.config)]
    assert r.search("特色商业街区", 1, "hybrid")[0].passage.id == "c1"


def test_another_model_or_text_form_does_not_reuse_vectors(embedder, tmp_path):
    Retriever.build(PASSAGES, tmp_path, "fake")
    assert Retriever.build(PASSAGES, tmp_path, "fake-2").embedded == len(PASSAGES)
    titled = [replace(p, title="关于稳经济的通知") for p in PASSAGES]
    assert Retriever.build(titled, tmp_path, "fake").embedded == len(PASSAGES)


def test_a_corrupt_cache_file_is_re_embedded(embedder, tmp_path):
    Retriever.build(PASSAGES, tmp_path, "fake")
    for f in tmp_path.rglob("*.npy"):
        f.write_bytes(b"not a numpy file")
    assert Retriever.build(PASSAGES, tmp_path, "fake").embedded == len(PASSAGES)


def test_without_an_index_dir_nothing_is_written(embedder, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Retriever.build(PASSAGES, None, "fake")
    assert list(tmp_path.iterdir()) == []


def test_progress_is_reported_while_embedding(embedder, tmp_path):
    seen = []
    Retriever.build(PASSAGES, tmp_path, "fake", progress=lambda f, msg: seen.append((f, msg)))
    assert seen[-1][0] == 1.0
    assert any("b.txt" in msg for _, msg in seen)
