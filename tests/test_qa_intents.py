"""Question understanding: intents, roles, fields and colloquial variants (qa.intents)."""

from __future__ import annotations

import pytest

from qa.intents import classify

CASES = [
    # (question, intent, role or field)
    ("某某领导小组组长是谁？", "group_role", "组长"),
    ("某某专班的头儿是谁", "group_role", "组长"),
    ("某某领导小组常务副组长由谁担任", "group_role", "常务副组长"),
    ("某某小组办公室主任由谁兼任？", "group_role", "办公室主任"),
    ("某某领导小组有哪些成员？", "group_members", None),
    ("某某领导小组的办公室设在哪里？", "group_office", "办公室"),
    ("张三是什么职务？", "person_posts", None),
    ("李四还兼任什么？", "person_posts", None),
    ("某某工作谁牵头？", "task_units", "lead"),
    ("某某事项归哪个部门管", "task_units", "responsible"),
    ("维修基金缴存找谁", "task_units", "responsible"),
    ("某某措施的配合单位有哪些", "task_units", "cooperating"),
    ("某某措施的责任单位有哪些", "task_units", "responsible"),
    ("月度报告啥时候交？", "deadline", None),
    ("实施方案什么时候前报送？", "deadline", None),
    ("竣工验收后多少天内备案？", "deadline", None),
    ("某某通知是哪天印发的？", "doc_meta", "date"),
    ("某某办法由哪个部门解读？", "doc_meta", "interpreter"),
    ("某某方案的咨询电话是多少", "doc_meta", "phone"),
    ("某某决定是几号文？", "doc_meta", "number"),
    ("某某方案是根据哪个文件制定的？", "doc_meta", "cites"),
    ("某某通知发给了哪些单位", "doc_meta", "recipients"),
    ("某某规划是哪个单位印发的？", "doc_meta", "issuer"),
    ("这期公报有几件文件？", "count", None),
    ("某某领导小组有几个副组长？", "count", "副组长"),
    ("到2025年汽车要突破多少辆？", "numeric", None),
    ("劝导站每月至少劝导几天？", "numeric", None),
    ("总体规划以什么作为空间结构布局？", "free_text", None),
    ("教育局局长是谁？", "post_holder", "局长"),
    ("吕梁市市长是谁", "post_holder", "市长"),
    ("市财政局的头儿是谁？", "post_holder", "负责人"),
    ("某某专班里有哪些副市长", "post_holder", "副市长"),
    ("市商务局牵头哪些任务？", "agency_tasks", "lead"),
    ("市教育局要配合哪些工作", "agency_tasks", "cooperating"),
    ("某某小组的负责人是谁", "group_role", "组长"),
    ("某某领导小组付组长是谁", "group_role", "副组长"),  # 付 for 副
    ("某某方案是哪天发的", "doc_meta", "date"),
    ("某某批复是给哪个单位的", "doc_meta", "recipients"),
    ("某某办公室的邮箱是多少", "doc_meta", "phone"),
    ("某某工作是谁的责任？", "task_units", "responsible"),
    ("试点县每年的奖补资金是多少钱？", "numeric", None),
]


@pytest.mark.parametrize(("question", "name", "extra"), CASES)
def test_intent_of_question(question: str, name: str, extra: str | None) -> None:
    intent = classify(question)
    assert intent.name == name, intent
    if extra is not None:
        assert extra in (intent.role, intent.field), intent


def test_traditional_characters_are_understood() -> None:
    assert classify("房證同交領導小組組長是誰？").label() == "group_role:组长"
    assert classify("這個方案的諮詢電話是多少").label() == "doc_meta:phone"


def test_topic_drops_question_words_but_keeps_the_subject() -> None:
    intent = classify("煤电机组“三改联动”节能降碳改造归哪个部门负责？")
    assert "煤电机组" in intent.topic and "三改联动" in intent.topic
    assert "哪个部门" not in intent.topic


def test_focus_is_the_last_clause_of_a_long_question() -> None:
    assert classify("孝义用的指标，通水以后怎么处理？").focus.startswith("通水")
    assert classify("组长是谁？").focus == ""


@pytest.mark.parametrize("junk", ["", "   ", "？？", "\x00", "x" * 5000])
def test_junk_gives_an_intent_not_an_error(junk: str) -> None:
    assert classify(junk).name in ("free_text", "numeric", "count")
