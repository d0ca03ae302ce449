"""The query-dependent fusion weight: BM25's share grows with how much of the query its best
passage covers."""

import pytest

from qa.retrieval.tokens import char_bigrams
from qa.retrieval.weighting import bm25_share, term_coverage


def test_coverage_is_the_share_of_distinct_query_terms_in_the_passage():
    passage = char_bigrams("电动自行车骑行人头盔佩戴率力争达到 80％以上")
    assert term_coverage(char_bigrams("头盔佩戴率"), passage) == 1.0
    # 头盔 盔佩 佩戴 of 头盔 盔佩 佩戴 戴比 比例 例要 要求
    assert term_coverage(char_bigrams("头盔佩戴比例要求？"), passage) == pytest.approx(3 / 7)
    assert term_coverage(["头盔", "头盔", "安全"], passage) == pytest.approx(1 / 2)
    assert term_coverage([], passage) == 0.0
    assert term_coverage(["头盔"], []) == 0.0


def test_share_ramps_from_dense_alone_to_bm25_alone():
    assert bm25_share(0.0, 0.05, 0.6) == 0.0
    assert bm25_share(0.05, 0.05, 0.6) == 0.0
    assert bm25_share(0.325, 0.05, 0.6) == pytest.approx(0.5)
    assert bm25_share(0.6, 0.05, 0.6) == 1.0
    assert bm25_share(0.9, 0.05, 0.6) == 1.0


def test_share_needs_an_ordered_range():
    with pytest.raises(ValueError, match="low < high"):
        bm25_share(0.5, 0.6, 0.6)
    with pytest.raises(ValueError, match="low < high"):
        bm25_share(0.5, -0.1, 0.6)
