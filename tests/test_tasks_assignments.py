"""The assignment phrase parsers on their own."""

from __future__ import annotations

import pytest

from ingest.assignments import by_unit_phrases, duty_opening, find_assignments, parse_verb_clauses
from ingest.units import looks_like_unit, split_units


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("市人力资源和社会保障局", ["市人力资源和社会保障局"]),
        ("市能源局和各县市区政府、有关主体企业", ["市能源局", "各县市区政府", "有关主体企业"]),
        ("各县（市、区）人民政府、市人社局", ["各县（市、区）人民政府", "市人社局"]),
        ("市应急局及有关主体企业", ["市应急局", "有关主体企业"]),
        ("国家矿监局山西局执法五处和各县市区政府", ["国家矿监局山西局执法五处", "各县市区政府"]),
        ("交通运输和公路部门", ["交通运输和公路部门"]),
        ("市文化和旅游局，市卫生和计划生育委员会", ["市文化和旅游局", "市卫生和计划生育委员会"]),
    ],
)
def test_split_units(text: str, units: list[str]) -> None:
    assert split_units(text) == units


def test_verb_clauses_give_every_role() -> None:
    units = parse_verb_clauses("各县市区政府牵头，市发改委、市能源局配合，有关主体企业负责")
    assert [(u.unit, u.role) for u in units or []] == [
        ("各县市区政府", "lead"),
        ("市发改委", "cooperating"),
        ("市能源局", "cooperating"),
        ("有关主体企业", "responsible"),
    ]


@pytest.mark.parametrize(
    "text", ["以下简称《总体规划》", "吕梁站", "市、区", "2020—2035年", "见附件"]
)
def test_other_parentheses_are_no_assignment(text: str) -> None:
    assert parse_verb_clauses(text) is None
    assert find_assignments(f"做好工作（{text}）。") == []


def test_key_inside_prose_is_read_to_the_sentence_end() -> None:
    (found,) = find_assignments("防止资金截留挪用。责任单位：市住建局、市财政局。下一句。")
    assert [u.unit for u in found.units] == ["市住建局", "市财政局"]


def test_duty_opening_needs_a_unit() -> None:
    assert duty_opening("市场主体要负责好自身安全") is None
    assert duty_opening("乡镇政府主要负责人是第一责任人") is None
    opening = duty_opening("离石区政府、吕梁经开区管委会负责配合市政府做好相关工作，负责…")
    assert opening is not None
    units, clause = opening
    assert [u.unit for u in units] == ["离石区政府", "吕梁经开区管委会"]
    assert clause == "离石区政府、吕梁经开区管委会负责配合市政府做好相关工作"


def test_by_unit_phrase() -> None:
    (found,) = by_unit_phrases("项目设计方案由市工信局牵头，组织相关部门进行审查")
    assert [(u.unit, u.role) for u in found.units] == [("市工信局", "lead")]
    assert by_unit_phrases("由负责编制规划的发展改革部门出具承诺") == []


@pytest.mark.parametrize(
    "name", ["市委宣传部", "人行吕梁中心支行", "国网吕梁供电公司", "市现代农业发展中心"]
)
def test_unit_names(name: str) -> None:
    assert looks_like_unit(name, strong=True)


@pytest.mark.parametrize("name", ["由市工信局", "责任单位：市财政局", "加快建设", "市"])
def test_not_unit_names(name: str) -> None:
    assert not looks_like_unit(name)
