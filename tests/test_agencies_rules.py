"""Alias rules of `ingest.agencies` on small records of an imaginary city (临汾 is no sample)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ingest.agencies import agency_index, canonical, lookup, post_units, resolve_agencies
from ingest.records import Agency, Document, Group, Member, Paragraph, Task, UnitRole

CITY_DOC = Document(
    number="临政办发〔2023〕3号",
    title="临汾市人民政府办公室关于印发…的通知",
    genre="通知",
    issuer="临汾市人民政府办公室",
    signed=None,
    recipients="各县（市、区）人民政府，市直各有关单位",
    first_line=1,
    last_line=9,
    page=1,
)


def _task(*units: str) -> Task:
    return Task(
        doc_number="临政办发〔2023〕3号",
        task_id="1",
        heading="",
        text="",
        units=tuple(UnitRole(u, "responsible") for u in units),
        raw_assignment="",
        paragraph="p",
        first_line=1,
        last_line=1,
    )


def _resolve(
    *units: str,
    docs: list[Document] | None = None,
    paragraphs: list[Paragraph] | None = None,
    groups: list[Group] | None = None,
) -> list[Agency]:
    return resolve_agencies(
        docs if docs is not None else [CITY_DOC], paragraphs or [], groups or [], [_task(*units)]
    )


def _together(agencies: list[Agency], *names: str) -> bool:
    index = agency_index(agencies)
    found = [lookup(index, n) for n in names]
    assert all(found), dict(zip(names, found))
    return len({id(a) for a in found}) == 1


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("临汾市发展和改革委员会", "市发改委"),
        ("市发展改革委", "市发改委"),
        ("市住房和城乡建设局", "市住建局"),
        ("中国人民银行临汾市中心支行", "人行临汾中心支行"),
        ("各县（市、区）人民政府", "各县市区政府"),
        ("临汾市人民政府办公室", "市政府办"),
        ("市规划和自然资源局", "市自然资源局"),
        ("临汾经济技术开发区管理委员会", "市经开区"),
    ],
)
def test_canonical_forms(name: str, form: str) -> None:
    assert canonical(name, "临汾市") == form


def test_abbreviations_and_full_names_are_one_agency() -> None:
    agencies = _resolve(
        "市发改委",
        "市发展改革委",
        "市人社局",
        "市人力资源和社会保障局",
        "市招商引资中心",
        "市招商引资服务中心",
        "市卫健委",
        "市卫生健康委员会",
    )
    assert _together(agencies, "市发改委", "市发展改革委")
    assert _together(agencies, "市人社局", "市人力资源和社会保障局")
    assert _together(agencies, "市招商引资中心", "市招商引资服务中心")
    assert _together(agencies, "市卫健委", "市卫生健康委员会")
    (ndrc,) = [a for a in agencies if "市发改委" in (a.label, *a.aliases)]
    assert ndrc.label == "市发展改革委" and ndrc.key == "临汾市发展改革委"


def test_city_name_comes_from_the_issuer_not_from_a_list() -> None:
    agencies = _resolve(
        "市税务局", "临汾市税务局", "国家税务总局临汾市税务局", "临汾银保监分局", "市银保监分局"
    )
    assert _together(agencies, "市税务局", "临汾市税务局", "国家税务总局临汾市税务局")
    assert _together(agencies, "临汾银保监分局", "市银保监分局")
    elsewhere = replace(CITY_DOC, issuer="运城市人民政府办公室", title="运城市人民政府办公室关于…")
    assert not _together(
        _resolve("市税务局", "临汾市税务局", docs=[elsewhere]), "市税务局", "临汾市税务局"
    )


def test_distinct_bodies_stay_apart() -> None:
    names = (
        "市能源局",
        "市新能源局",
        "市公安局",
        "市公路分局",
        "市委宣传部",
        "市委统战部",
        "市城市管理局",
        "市城市管理局综合行政执法队",
        "市统计局",
        "市政府",
        "市政府办公室",
        "离石区人民政府",
        "各县（市、区）人民政府",
        "市有关部门",
        "市直有关单位",
    )
    agencies = _resolve(*names)
    # the issuer 临汾市人民政府办公室 is 市政府办公室; every other name is a body of its own
    assert len(agencies) == len(names)
    assert _together(agencies, "市政府办公室", "临汾市人民政府办公室")


def test_ambiguous_abbreviation_is_not_merged() -> None:
    agencies = _resolve("市农发局", "市农业发展局", "市农村发展局")
    assert len({a.key for a in agencies if "农" in a.label}) == 3


def test_bare_name_joins_its_only_prefixed_form() -> None:
    assert _together(_resolve("水利局", "市水利局"), "水利局", "市水利局")
    agencies = _resolve("水利局", "市水利局", "县水利局")
    assert not _together(agencies, "水利局", "市水利局")


def test_truncated_name_needs_a_single_completion() -> None:
    boxed = replace(CITY_DOC, consult_unit="临汾市规划和自然资源")
    assert _together(
        _resolve("市规划和自然资源局", docs=[boxed]), "临汾市规划和自然资源", "市规划和自然资源局"
    )
    agencies = _resolve("市规划和自然资源局", "市自然资源中心", docs=[boxed])
    assert "临汾市规划和自然资源" not in {n for a in agencies if len(a.aliases) for n in a.aliases}


def test_short_name_declared_in_the_text() -> None:
    note = Paragraph(
        id="p1",
        doc_number=CITY_DOC.number,
        order=1,
        first_line=1,
        last_line=1,
        page=1,
        text="市行政审批服务管理局（以下简称市审批局）负责受理。",
    )
    assert _together(
        _resolve("市行政审批服务管理局", "市审批局", paragraphs=[note]),
        "市审批局",
        "市行政审批服务管理局",
    )
    assert not _together(
        _resolve("市行政审批服务管理局", "市审批局"), "市审批局", "市行政审批服务管理局"
    )


def test_second_name_in_brackets_and_shared_suffix_of_addressees() -> None:
    land = replace(CITY_DOC, recipients="离石区工业和信息化局（离石区国资局）")
    water = replace(
        CITY_DOC, number="临政办函〔2023〕4号", recipients="汾阳市、孝义市、文水县人民政府"
    )
    agencies = _resolve("离石区国资局", docs=[land, water])
    assert _together(agencies, "离石区工业和信息化局", "离石区国资局")
    labels = {a.label for a in agencies}
    assert {"汾阳市人民政府", "孝义市人民政府", "文水县人民政府"} <= labels


def test_collectives_are_agencies_of_their_own() -> None:
    agencies = _resolve(
        "各县市区人民政府", "各县（市、区）人民政府", "各县市区政府", "市直有关单位"
    )
    collective = [a for a in agencies if a.collective]
    assert _together(agencies, "各县市区人民政府", "各县（市、区）人民政府", "各县市区政府")
    assert _together(agencies, "市直有关单位", "市直各有关单位")  # the addressee printing
    assert {a.label for a in collective} == {"各县（市、区）人民政府", "市直各有关单位"}
    assert not any(a.collective for a in agencies if a.label == "临汾市人民政府办公室")


@pytest.mark.parametrize(
    ("post", "units"),
    [
        ("市委统战部副部长、市民宗局局长", ["市委统战部", "市民宗局"]),
        ("市政府副市长、市公安局局长", ["市政府", "市公安局"]),
        ("市交通运输局副局长（主持工作）", ["市交通运输局"]),
        ("市委宣传部主持日常工作的副部长", ["市委宣传部"]),
        ("市规划和自然资源局局长", ["市规划和自然资源局"]),
        ("市统计局副局长、社会经济统计调查队队长", ["市统计局", "社会经济统计调查队"]),
        ("副市长", []),
    ],
)
def test_units_of_member_posts(post: str, units: list[str]) -> None:
    assert post_units(post) == units


def test_group_offices_and_posts_are_collected() -> None:
    group = Group(
        name="领导小组",
        doc_number=CITY_DOC.number,
        paragraph="p",
        first_line=1,
        office_at="市人力资源和社会保障局",
        office_director="市人社局局长兼任",
        members=(Member("成员", "张三", "市发展和改革委员会主任", "p", 1, 1),),
    )
    agencies = _resolve("市发改委", groups=[group])
    assert _together(agencies, "市发改委", "市发展和改革委员会")
    assert _together(agencies, "市人社局", "市人力资源和社会保障局")


def test_index_and_lookup() -> None:
    agencies = _resolve("市发改委", "临汾市发展和改革委员会", "市公安局")
    index = agency_index(agencies)
    ndrc = index["市发改委"]
    assert index["临汾市发展和改革委员会"] is ndrc and index[ndrc.key] is ndrc
    assert lookup(index, "市发展改革委员会", "临汾市") is ndrc  # never printed, same canonical form
    assert lookup(index, "市公安局等部门") is index["市公安局"]
    assert lookup(index, "市教育局") is None


def test_without_any_issuer_city_rules_are_skipped() -> None:
    agencies = _resolve("市发改委", "市发展和改革委员会", "吕梁市税务局", "市税务局", docs=[])
    assert _together(agencies, "市发改委", "市发展和改革委员会")
    assert not _together(agencies, "吕梁市税务局", "市税务局")
