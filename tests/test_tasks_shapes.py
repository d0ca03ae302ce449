"""Assignment shapes of other gazettes: synthetic issues in tests/data parsed end to end."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from ingest.pipeline import parse_text
from ingest.records import ParsedSource, Task

DATA = Path(__file__).parent / "data"


def _parse(name: str) -> ParsedSource:
    text = (DATA / name).read_text(encoding="utf-8")
    return parse_text(text, name, hashlib.sha256(text.encode()).hexdigest())


@pytest.fixture(scope="module")
def keyed() -> ParsedSource:
    return _parse("tasks-yunzhou-keyed.txt")


@pytest.fixture(scope="module")
def duty() -> ParsedSource:
    return _parse("tasks-yunzhou-duty.txt")


@pytest.fixture(scope="module")
def traditional() -> ParsedSource:
    return _parse("tasks-yunzhou-trad.txt")


def _roles(task: Task) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"lead": [], "responsible": [], "cooperating": []}
    for u in task.units:
        out[u.role].append(u.unit)
    return out


def _by_heading(parsed: ParsedSource, heading: str) -> Task:
    (task,) = [t for t in parsed.tasks if t.heading == heading]
    return task


def test_lead_and_cooperating_keys_in_one_parenthesis(keyed: ParsedSource) -> None:
    task = _by_heading(keyed, "打造特色街区")
    assert task.task_id == "（一）"
    assert _roles(task) == {
        "lead": ["市商务局"],
        "responsible": [],
        "cooperating": ["市财政局", "市市场监管局"],
    }
    assert task.raw_assignment == "（牵头单位：市商务局；配合单位：市财政局，市市场监管局）"


def test_names_with_he_inside_are_not_split(keyed: ParsedSource) -> None:
    roles = _roles(_by_heading(keyed, "发展夜间经济"))
    assert roles["lead"] == ["市发展和改革委员会"]
    assert roles["responsible"] == [
        "市工业和信息化局",
        "市人力资源和社会保障局",
        "各县（市、区）人民政府",
    ]


def test_department_division_line(keyed: ParsedSource) -> None:
    task = _by_heading(keyed, "推出精品线路")
    assert _roles(task) == {
        "lead": ["市文旅局"],
        "responsible": [],
        "cooperating": ["市交通运输局", "市公安局"],
    }
    assert task.raw_assignment.startswith("部门分工：")


def test_units_by_their_duties(keyed: ParsedSource) -> None:
    assert _roles(_by_heading(keyed, "办好节庆活动"))["responsible"] == ["市住建局", "市自然资源局"]


def test_parenthesis_broken_by_page_furniture(keyed: ParsedSource) -> None:
    task = _by_heading(keyed, "落实减税降费")
    assert _roles(task) == {
        "lead": ["市财政局"],
        "responsible": ["各县（市、区）人民政府"],
        "cooperating": ["市税务局"],
    }
    assert task.first_line < task.last_line


def test_measures_without_units_are_no_tasks(keyed: ParsedSource) -> None:
    headings = {t.heading for t in keyed.tasks}
    assert "加强宣传引导" not in headings
    assert len(keyed.tasks) == 5


def test_duty_list_items_open_with_their_units(duty: ParsedSource) -> None:
    first, second, third = [t for t in duty.tasks if t.task_id in ("1", "2", "3")][:3]
    assert _roles(first)["responsible"] == ["市住房和城乡建设局"]
    assert first.raw_assignment == "市住房和城乡建设局负责牵头组织老旧小区改造工作"
    assert _roles(second)["responsible"] == ["市人社局", "市财政局"]
    assert _roles(third)["responsible"] == ["市住建局"]  # 由市住建局负责，组织…


def test_separate_lines_broken_value_and_parent(duty: ParsedSource) -> None:
    survey = _by_heading(duty, "摸清底数")
    assert _roles(survey)["responsible"] == ["各县（市、区）人民政府", "市住房和城乡建设局"]
    assert _roles(survey)["cooperating"] == ["市自然资源局", "市统计局"]
    # units printed after the sub-items 1．2． apply to （二）
    speed = _by_heading(duty, "加快改造进度")
    assert speed.task_id == "（二）"
    assert _roles(speed)["cooperating"] == ["国网云州供电公司", "云州银保监分局"]


def test_duty_table_rows(duty: ParsedSource) -> None:
    rows = [t for t in duty.tasks if t.raw_assignment and t.heading.startswith(("负责", "按职责"))]
    assert [(t.task_id, [u.unit for u in t.units]) for t in rows] == [
        ("1", ["市住建局"]),
        ("2", ["市财政局"]),
        ("3", ["市发改委"]),
        ("4", ["市城市管理局", "市应急管理局"]),
    ]
    assert all(u.role == "responsible" for t in rows for u in t.units)


def test_traditional_characters(traditional: ParsedSource) -> None:
    first, second, third = traditional.tasks
    assert _roles(first) == {
        "lead": ["市發展和改革委員會"],
        "responsible": ["市財政局", "市人力資源和社會保障局"],
        "cooperating": [],
    }
    assert _roles(second) == {
        "lead": ["市住房和城鄉建設局"],
        "responsible": [],
        "cooperating": ["市自然資源局", "市農業農村局"],
    }
    assert _roles(third) == {
        "lead": [],
        "responsible": ["市人社局", "各縣（市、區）人民政府"],
        "cooperating": ["市教育局"],
    }
    assert [t.task_id for t in traditional.tasks] == ["一", "二", "三"]


def test_item_numbered_inside_a_paragraph(duty: ParsedSource) -> None:
    # "5．市人防办负责…工作。6．市城管局负责…" printed as one run of lines
    fifth, sixth = [t for t in duty.tasks if t.task_id in ("5", "6")]
    assert [u.unit for u in fifth.units] == ["市人防办"]
    assert [u.unit for u in sixth.units] == ["市城管局"]
    assert fifth.paragraph == sixth.paragraph
    assert sixth.first_line == fifth.last_line  # "6．" starts on the line where 5 ends
