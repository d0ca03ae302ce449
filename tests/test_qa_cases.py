"""Manifest-driven QA: tests/data/qa_cases.json over the sample and other cities' gazettes."""

from __future__ import annotations

import pytest
from qa_support import cases, other_cities_qa, sample_qa, satisfied


@pytest.mark.parametrize("case", cases("sample"), ids=lambda c: c["q"])
def test_sample_case_is_answered(case: dict) -> None:
    answer = sample_qa().ask(case["q"])
    assert answer.found, answer.answer
    assert answer.intent.startswith(case["intent"]), answer.intent
    assert satisfied(answer.answer, case["expect"]), answer.answer
    assert answer.sources, "a found answer carries its evidence"


@pytest.mark.parametrize("case", cases("sample_negative"), ids=lambda c: c["q"])
def test_sample_negative_is_not_found(case: dict) -> None:
    if case.get("needs"):
        # word-level checks need the word splitter; without it the phrase fallback is laxer
        pytest.importorskip(case["needs"])
    answer = sample_qa().ask(case["q"])
    assert answer.found is False, f"{case['why']}: {answer.answer}"
    assert any(w in answer.answer for w in ("未找到", "未写明")), answer.answer


@pytest.mark.parametrize("case", cases("other_cities"), ids=lambda c: c["q"])
def test_other_city_case_is_answered(case: dict) -> None:
    answer = other_cities_qa().ask(case["q"])
    assert answer.found, answer.answer
    assert answer.intent.startswith(case["intent"]), answer.intent
    assert satisfied(answer.answer, case["expect"]), answer.answer
