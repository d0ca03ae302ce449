"""Numbers read from passages: list numbering, headings, tables, units, figures bound elsewhere."""

from __future__ import annotations

import pytest
from qa_support import sample_qa

from qa import spans


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("2．提高职工购买自住住房的公积金贷款最高限额。调整至 80 万元。", ["80万元"]),
        ("（3）农业 5 个", ["5个"]),
        ("1、按 4％收取", ["4％"]),
        ("2 孝义市 424 233 191", ["424", "233", "191"]),  # the row index is not a figure
        ("共计 2.5 亿元", ["2.5亿元"]),
    ],
)
def test_list_numbering_and_row_indexes_are_not_figures(text: str, numbers: list[str]) -> None:
    assert [s.text for s in spans.number_spans(text)] == numbers


def test_an_item_heading_is_read_with_its_figure() -> None:
    # the best hit is "2．提高职工购买自住住房的公积金贷款最高限额。"; the amount follows it
    answer = sample_qa().ask("吕梁市的公积金贷款最高额度是多少？")
    assert answer.found and answer.answer.startswith("80万元"), answer.answer


def test_the_clause_that_names_the_asked_thing_wins() -> None:
    answer = sample_qa().ask("A、B类优秀高校毕业生安家费给多少？")
    assert answer.answer.startswith("30万元、25万元"), answer.answer


def test_a_table_row_is_read_with_its_caption() -> None:
    answer = sample_qa().ask("孝义市2021—2025年地下水压减目标是多少？")
    assert answer.found and answer.answer.startswith("424"), answer.answer


def test_figures_stated_in_the_question_are_not_the_answer() -> None:
    answer = sample_qa().ask(
        "小型微利企业年应纳税所得额不超过100万元的部分，减按多少计入应纳税所得额？"
    )
    assert answer.answer.startswith("12.5％"), answer.answer


def test_a_named_document_is_searched_first() -> None:
    answer = sample_qa().ask("吕梁物资产业集团被收回的土地面积多大")
    assert answer.found and answer.answer.startswith("7416.9平方米"), answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "吕梁市2022年GDP是多少？",  # only "占GDP比重" and 产值 figures are printed
        "农林文旅康试点县每年的专项奖补资金是多少钱？",  # the amount is never given
        "2023年规上工业增加值增长目标是多少？",  # only the 2022 target is printed
    ],
)
def test_no_figure_is_made_up(question: str) -> None:
    answer = sample_qa().ask(question)
    assert answer.found is False, answer.answer


def test_a_length_asked_as_a_time_limit_is_read_as_a_number() -> None:
    answer = sample_qa().ask("商品房建设周期要压减到几个月？")
    assert answer.found and "24个月" in answer.answer, answer.answer
