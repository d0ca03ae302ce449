"""Questions about a person: routed to person_posts by the name, never answered for a stranger."""

from __future__ import annotations

import pytest
from qa_support import sample_qa


def test_a_named_person_asked_about_groups_gets_the_groups() -> None:
    answer = sample_qa().ask("陈林强在哪些领导小组任职？")
    assert answer.found and answer.intent.startswith("person_posts"), answer.answer
    for group in ("农林文旅康", "就业", "自建房", "稳经济"):
        assert group in answer.answer[:400]
    assert answer.answer.startswith("陈林强任职")


def test_group_words_in_the_question_do_not_hide_the_person() -> None:
    answer = sample_qa().ask("张小武在哪些专班或小组任职？")
    assert answer.found and "证同交" in answer.answer and "稳经济" in answer.answer


def test_the_group_named_comes_first() -> None:
    answer = sample_qa().ask("高艳龙在煤炭专班里是什么角色")
    assert answer.found
    assert answer.answer.startswith("高艳龙：吕梁市煤炭增产保供和产能新增工作专班成员")


@pytest.mark.parametrize(
    ("question", "post"),
    [
        ("劉智平擔任什麼職務？", "人力资源和社会保障局局长"),  # traditional characters
        ("兰国峰是什么人", "国网吕梁供电公司总经理"),
        ("曲晓东是干什么的", "住房和城乡建设局局长"),
    ],
)
def test_posts_of_a_person(question: str, post: str) -> None:
    answer = sample_qa().ask(question)
    assert answer.found and post in answer.answer, answer.answer


def test_bare_forms_of_a_post_are_not_repeated() -> None:
    answer = sample_qa().ask("曲晓东是什么职务")
    assert "：局长；" not in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["王小二是什么职务？", "张三丰在哪些领导小组任职？"])
def test_a_person_the_gazette_does_not_name(question: str) -> None:
    answer = sample_qa().ask(question)
    assert answer.found is False and "没有名为" in answer.answer, answer.answer
