"""Weighted reciprocal-rank fusion is a pure function with a deterministic order."""

import pytest

from qa.retrieval import fuse


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
