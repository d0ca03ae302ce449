"""Agencies of the sample gazette: the aliases a reader expects joined, distinct bodies apart."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from ingest.agencies import agency_index, lookup, resolve_agencies
from ingest.pipeline import parse_text
from ingest.records import Agency, Group, Member, ParsedSource

SAME_BODY = [
    ("市发改委", "市发展改革委", "吕梁市发展和改革委员会"),
    # the last one cut short in a 咨询 box
    ("市自然资源局", "市规划和自然资源局", "吕梁市规划和自然资源"),
    ("人行吕梁中心支行", "人民银行吕梁市中心支行"),
    ("市住建局", "吕梁市住房和城乡建设局"),
    ("市行政审批局", "市行政审批服务管理局", "吕梁市行政审批局"),
    ("市市场监管局", "市市场监督管理局"),
    ("吕梁银保监分局", "市银保监分局"),
    ("市税务局", "吕梁市税务局"),
    ("市工信局", "市工业和信息化局", "吕梁市工信局"),
    ("各县市区人民政府", "各县（市、区）人民政府", "各县市区政府"),
    ("离石区政府", "离石区人民政府"),
    ("吕梁经开区管委会", "吕梁经开区"),
]
# Posts printed in member lists of the sample, for a run that does not depend on groups.py.
POSTS = (
    "中国人民银行吕梁市中心支行行长",
    "市人力资源和社会保障局局长",
    "市审批服务管理局局长",
    "市住房和城乡建设局局长",
    "市卫生健康委员会主任",
    "市发展改革委主任",
)
DIFFERENT = [
    ("市交通运输局", "市公安局"),
    ("市城市管理局", "市城市管理局综合行政执法队"),
    ("市委宣传部", "市委统战部"),
    ("市乡村振兴局", "市现代农业服务中心"),
    ("市中小企业服务中心", "市招商引资服务中心"),
    ("各县市区人民政府", "离石区人民政府"),
    ("市有关部门", "市直有关单位"),
    ("市财政局", "市税务局"),
    ("市能源局", "市自然资源局"),
    ("市人社局", "市人防办"),
    ("吕梁市人民政府", "吕梁市人民政府办公室"),
]


@pytest.fixture(scope="module")
def agencies(sample_parsed: ParsedSource) -> list[Agency]:
    group = Group(
        name="posts",
        doc_number="x",
        paragraph="x",
        first_line=1,
        members=tuple(Member("成员", None, post, "x", 1, 1) for post in POSTS),
    )
    return resolve_agencies(
        sample_parsed.documents,
        sample_parsed.paragraphs,
        [*sample_parsed.groups, group],
        sample_parsed.tasks,
    )


def _one(agencies: list[Agency], name: str) -> Agency | None:
    return lookup(agency_index(agencies), name, "吕梁市")


@pytest.mark.parametrize("names", SAME_BODY, ids=lambda n: n[0])
def test_printed_aliases_are_one_agency(agencies: list[Agency], names: tuple[str, ...]) -> None:
    found = {n: _one(agencies, n) for n in names}
    assert all(found.values()), found
    assert len({a.key for a in found.values() if a}) == 1, found


def test_posts_join_their_agencies(agencies: list[Agency]) -> None:
    assert _one(agencies, "中国人民银行吕梁市中心支行") is _one(agencies, "人行吕梁中心支行")
    assert _one(agencies, "市人社局") is _one(agencies, "市人力资源和社会保障局")
    assert _one(agencies, "市审批服务管理局") is _one(agencies, "市行政审批局")
    assert _one(agencies, "市发展改革委") is _one(agencies, "市发改委")


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_distinct_bodies_are_not_merged(agencies: list[Agency], a: str, b: str) -> None:
    first, second = _one(agencies, a), _one(agencies, b)
    assert first is None or second is None or first.key != second.key


def test_keys_labels_and_collectives(agencies: list[Agency]) -> None:
    ndrc = _one(agencies, "市发改委")
    assert ndrc is not None
    assert ndrc.key == "吕梁市发展和改革委员会" and ndrc.label == "吕梁市发展和改革委员会"
    assert {"市发改委", "市发展改革委"} <= set(ndrc.aliases)
    land = _one(agencies, "市自然资源局")
    assert land is not None and land.label == "吕梁市规划和自然资源局"
    counties = _one(agencies, "各县市区政府")
    assert counties is not None and counties.collective
    assert len({a.key for a in agencies}) == len(agencies)


def test_every_task_unit_and_issuer_has_an_agency(sample_parsed: ParsedSource) -> None:
    index = agency_index(sample_parsed.agencies)
    for task in sample_parsed.tasks:
        for unit in task.units:
            assert lookup(index, unit.unit) is not None, (task.doc_number, task.task_id, unit.unit)
    for doc in sample_parsed.documents:
        if doc.issuer:
            assert lookup(index, doc.issuer) is not None, doc.number


def test_synthetic_traditional_gazette() -> None:
    path = Path(__file__).parent / "data" / "tasks-yunzhou-trad.txt"
    text = path.read_text(encoding="utf-8")
    parsed = parse_text(text, path.name, hashlib.sha256(text.encode()).hexdigest())
    index = agency_index(parsed.agencies)
    hrss = lookup(index, "市人社局")
    assert hrss is not None and hrss is lookup(index, "市人力資源和社會保障局")
    assert hrss.key == "云州市人力资源和社会保障局" and hrss.label == "市人力資源和社會保障局"
    assert lookup(index, "市住房和城鄉建設局") is not lookup(index, "市自然資源局")
