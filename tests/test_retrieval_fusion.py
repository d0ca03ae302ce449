"""Weighted reciprocal-rank fusion is a pure function with a deterministic order."""

import pytest

from qa.retrieval import fuse, fuse_scores


def test_an_id_ranked_well_by_both_lists_beats_ids_ranked_by_one():
    fused = fuse([["a", "b", "c"], ["b", "d", "a"]], k=60)
    assert [i for i, _ in fused] == ["b", "a", "d", "c"]
    assert fused[0][1] == pytest.approx(1 / 62 + 1 / 61)


def test_scores_are_weight_over_k_plus_rank():
    fused = dict(fuse([["a", "b"], ["c"]], weights=[1.0, 0.4], k=0))
    assert fused == {"a": pytest.approx(1.0), "b": pytest.approx(0.5), "c": pytest.approx(0.4)}


def test_a_heavier_list_wins_the_head():
    assert fuse([["x"], ["y"]], weights=[1.0, 2.0])[0][0] == "y"
    assert fuse([["x"], ["y"]], weights=[2.0, 1.0])[0][0] == "x"


def test_ties_go_to_the_better_rank_then_the_earlier_list():
    # equal weights, each id top of one list: the first list's id comes first
    assert [i for i, _ in fuse([["x"], ["y"]])] == ["x", "y"]
    # exact tie: a at rank 1 of list 0 (1/1) vs b at rank 2 of list 0 and rank 1 of list 1
    # (1/2 + 0.5/1); a's best (rank, list) is (1, 0), b's is (1, 1)
    assert [i for i, _ in fuse([["a", "b"], ["b"]], weights=[1.0, 0.5], k=0)] == ["a", "b"]


def test_a_repeat_inside_one_list_counts_once():
    assert dict(fuse([["a", "a", "b"]], k=0)) == {
        "a": pytest.approx(1.0),
        "b": pytest.approx(1 / 3),
    }


def test_empty_input_gives_empty_output():
    assert fuse([]) == []
    assert fuse([[], []]) == []


def test_inputs_are_not_modified_and_results_repeat():
    rankings = [["a", "b"], ["b", "c"]]
    first = fuse(rankings, [1.0, 0.5], 10)
    assert rankings == [["a", "b"], ["b", "c"]]
    assert fuse(rankings, [1.0, 0.5], 10) == first


def test_weights_must_match_the_rankings():
    with pytest.raises(ValueError, match="2 rankings but 1 weights"):
        fuse([["a"], ["b"]], weights=[1.0])
    with pytest.raises(ValueError, match="k >= 0"):
        fuse([["a"]], k=-1)


# ---- z-score CombSUM over scored candidates ----


def test_score_fusion_sums_weighted_z_scores():
    bm25 = {"a": 9.0, "b": 3.0, "c": 0.0}  # mean 4, sd sqrt(14)
    cos = {"a": 0.2, "b": 0.5, "c": 0.2}  # mean 0.3, sd sqrt(0.02)
    fused = dict(fuse_scores([bm25, cos], [0.25, 0.75]))
    zb = {k: (v - 4) / 14**0.5 for k, v in bm25.items()}
    zc = {k: (v - 0.3) / 0.02**0.5 for k, v in cos.items()}
    assert fused == {k: pytest.approx(0.25 * zb[k] + 0.75 * zc[k]) for k in bm25}


def test_score_fusion_keeps_the_margins_that_ranks_lose():
    # a is far ahead in BM25 and close behind in cosine; b merely ranks well in both
    bm25 = {"a": 30.0, "b": 5.0, "c": 4.0, "d": 3.0}
    cos = {"b": 0.62, "c": 0.61, "a": 0.60, "d": 0.20}
    assert fuse([list(bm25), list(cos)], k=0)[0][0] == "b"
    assert fuse_scores([bm25, cos])[0][0] == "a"


def test_score_fusion_gives_an_unscored_id_the_lists_lowest_value():
    fused = dict(fuse_scores([{"a": 2.0, "b": 0.0}, {"c": 1.0, "a": 0.0}]))
    # list 0: a +1, b -1, c (missing) -1; list 1: c +1, a -1, b (missing) -1
    assert fused == {"a": pytest.approx(0.0), "b": pytest.approx(-2.0), "c": pytest.approx(0.0)}


def test_a_constant_or_zero_weight_list_adds_nothing():
    assert dict(fuse_scores([{"a": 1.0, "b": 0.0}, {"a": 0.7, "b": 0.7}])) == {
        "a": pytest.approx(1.0),
        "b": pytest.approx(-1.0),
    }
    only_dense = fuse_scores([{"a": 5.0, "b": 1.0}, {"a": 0.1, "b": 0.9}], [0.0, 1.0])
    assert [i for i, _ in only_dense] == ["b", "a"]


def test_score_fusion_ties_go_to_the_id_seen_first_and_inputs_stay_untouched():
    lists = [{"x": 1.0, "y": 1.0}, {"y": 2.0, "x": 2.0}]
    assert [i for i, _ in fuse_scores(lists)] == ["x", "y"]
    assert lists == [{"x": 1.0, "y": 1.0}, {"y": 2.0, "x": 2.0}]
    assert fuse_scores(lists) == fuse_scores(lists)
    assert fuse_scores([]) == [] and fuse_scores([{}, {}]) == []


def test_score_fusion_weights_must_match_the_lists():
    with pytest.raises(ValueError, match="2 score lists but 1 weights"):
        fuse_scores([{"a": 1.0}, {"b": 1.0}], [1.0])
