"""Agency-centred questions (agency_tasks): "市商务局牵头哪些任务" lists tasks, not units."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from qa_support import DATA, sample_qa

from ingest.pipeline import parse_file
from ingest.to_rdf import to_quads
from qa.api import QA
from qa.intents import agency_duties, classify


@pytest.mark.parametrize(
    ("question", "subject", "role"),
    [
        ("市住建局牵头哪些任务？", "市住建局", "lead"),
        ("市能源局牵头负责哪些工作？", "市能源局", "lead"),
        ("市教育局要配合哪些工作？", "市教育局", "cooperating"),
        ("人社局牵头的工作有哪些", "人社局", "lead"),
        ("市公积金中心负责什么", "市公积金中心", "responsible"),
    ],
)
def test_agency_duty_questions_are_recognised(question: str, subject: str, role: str) -> None:
    assert agency_duties(classify(question).question) == (subject, role)
    assert classify(question).name == "agency_tasks"


def test_task_questions_are_not_agency_questions() -> None:
    assert classify("维修基金缴存是哪个部门负责？").name == "task_units"
    assert classify("煤电机组节能降碳改造归哪个部门负责？").name == "task_units"


def test_the_tasks_an_agency_leads_with_document_numbers() -> None:
    answer = sample_qa().ask("市商务局牵头哪些任务？")
    assert answer.found and answer.intent == "agency_tasks:lead"
    head = answer.answer[:400]
    for heading in ("特色商业街区", "乡村e镇", "开发区升级版"):
        assert heading in head.replace(" ", ""), answer.answer
    assert "吕政办发〔2022〕36号" in head
    assert answer.sources and "VALUES (?org)" in answer.sparql


def test_leading_through_any_alias_and_duty_text_and_group_office() -> None:
    # 市住建局 = 吕梁市住房和城乡建设局; it is never a printed 牵头单位, but its duty says
    # 牵头组织开展专项整治 and the 自建房 group's office is there
    answer = sample_qa().ask("市住建局牵头哪些任务？")
    assert answer.found, answer.answer
    assert "自建房" in answer.answer and "牵头组织开展专项整治" in answer.answer


def test_cooperating_role_lists_only_those_tasks() -> None:
    answer = sample_qa().ask("市教育局要配合哪些工作？")
    assert answer.found and "农村客运" in answer.answer and "宣传教育" in answer.answer
    assert "配合的任务2项" in answer.answer


def test_running_text_lead_clause_counts() -> None:
    answer = sample_qa().ask("市财政局牵头哪些任务？")
    assert answer.found and "融资担保" in answer.answer, answer.answer


def test_an_agency_that_leads_nothing_is_not_made_to() -> None:
    answer = sample_qa().ask("市统计局牵头哪些任务？")
    assert answer.found is False and "未找到" in answer.answer
    assert "强化房地产统计工作" in answer.answer  # what it does take part in is still shown


def test_same_named_bodies_of_several_gazettes_are_all_asked() -> None:
    store = ox.Store()
    for name in ("tasks-yunzhou-keyed.txt", "tasks-yunzhou-duty.txt", "groups-yunshan-2023-02.txt"):
        store.extend(to_quads(parse_file(Path(DATA) / name)))
    qa = QA.from_store(store, retriever=False)
    answer = qa.ask("市财政局牵头哪些工作")
    assert answer.found and "落实减税降费" in answer.answer, answer.answer
