"""Tasks of the sample documents that the dev gold does not cover, checked by hand."""

from __future__ import annotations

import pytest

from ingest.records import ParsedSource, Task


def _find(parsed: ParsedSource, doc: str, task_id: str) -> list[Task]:
    return [t for t in parsed.tasks if t.doc_number == doc and t.task_id == task_id]


def _roles(task: Task) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"lead": [], "responsible": [], "cooperating": []}
    for u in task.units:
        out[u.role].append(u.unit)
    return out


def test_collective_and_joined_units_split_on_he(sample_parsed: ParsedSource) -> None:
    # "（各县市区人民政府和市财政局、市公安局、吕梁银保监分局分工负责）"
    (task,) = _find(sample_parsed, "吕政办发〔2022〕37号", "（四）")
    assert _roles(task)["responsible"] == [
        "各县市区人民政府",
        "市财政局",
        "市公安局",
        "吕梁银保监分局",
    ]


def test_lead_and_cooperating_with_deng_tail(sample_parsed: ParsedSource) -> None:
    (task,) = _find(sample_parsed, "吕政办发〔2022〕37号", "（九）")
    roles = _roles(task)
    assert roles["lead"] == ["市交通运输局"]
    assert roles["cooperating"] == ["市农业农村局", "市教育局", "市公安局"]  # 等部门 dropped


def test_separate_lines_of_responsible_and_cooperating_units(sample_parsed: ParsedSource) -> None:
    (task,) = _find(sample_parsed, "吕政办发〔2022〕44号", "（一）4")
    roles = _roles(task)
    assert roles["responsible"] == ["各县（市、区）人民政府", "吕梁经开区", "市住建局"]
    assert roles["cooperating"] == ["人民银行吕梁市中心支行", "吕梁银保监分局", "市公积金中心"]


def test_value_broken_over_two_lines_is_joined(sample_parsed: ParsedSource) -> None:
    (task,) = _find(sample_parsed, "吕政办发〔2022〕44号", "（一）1")
    assert _roles(task)["responsible"] == ["出险企业属地政府监管部门"]


def test_units_printed_after_the_last_sub_item_belong_to_the_parent(
    sample_parsed: ParsedSource,
) -> None:
    # （五）加大信贷支持。1．… 2．… 3．… 责任单位：… — no sub-item has units of its own
    (task,) = _find(sample_parsed, "吕政办发〔2022〕44号", "（五）")
    assert task.heading == "加大信贷支持"
    assert "市金融办" in _roles(task)["responsible"]
    assert not _find(sample_parsed, "吕政办发〔2022〕44号", "（五）3")
    # but sub-items with their own lines keep them
    assert _find(sample_parsed, "吕政办发〔2022〕44号", "（十一）2")


@pytest.mark.parametrize(
    ("task_id", "units"),
    [
        ("3", ["市委宣传部"]),
        ("11", ["市农业农村局", "市现代农业发展中心"]),
        ("15", ["市交通局", "水利局", "能源局"]),
        ("20", ["市消防救援支队", "市公安局"]),
    ],
)
def test_duty_table_rows(sample_parsed: ParsedSource, task_id: str, units: list[str]) -> None:
    (task,) = _find(sample_parsed, "吕政办发〔2022〕45号", task_id)
    assert _roles(task)["responsible"] == units


def test_duty_table_has_every_row_once(sample_parsed: ParsedSource) -> None:
    rows = [t.task_id for t in sample_parsed.tasks if t.doc_number == "吕政办发〔2022〕45号"]
    assert rows == [str(n) for n in range(1, 21)]


def test_duty_of_an_article_and_by_unit_phrases(sample_parsed: ParsedSource) -> None:
    doc = "吕政办发〔2022〕35号"
    (article,) = _find(sample_parsed, doc, "第三条")
    assert _roles(article)["responsible"] == ["市工业和信息化局"]
    (review,) = _find(sample_parsed, doc, "（五）1")  # 项目设计方案由市工信局牵头，组织…
    assert _roles(review)["lead"] == ["市工信局"]


def test_documents_without_assignments_give_no_tasks(sample_parsed: ParsedSource) -> None:
    with_tasks = {t.doc_number for t in sample_parsed.tasks}
    assert "吕政办发〔2022〕34号" not in with_tasks  # a development plan, no units assigned
    assert "吕政发〔2022〕7号" not in with_tasks  # "…等相关部门要密切配合" is no assignment
