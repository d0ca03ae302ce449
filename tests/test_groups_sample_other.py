"""Groups of the sample beyond the dev gold, checked by hand against the text."""

from __future__ import annotations

from ingest.records import Group, ParsedSource


def _by_doc(parsed: ParsedSource, doc_number: str) -> list[Group]:
    return [g for g in parsed.groups if g.doc_number == doc_number]


def test_group_set_up_with_leader_post_and_annex_members(sample_parsed: ParsedSource) -> None:
    """吕政办发〔2022〕39号: "成立由分管副市长任组长的…领导小组", members in the annex,
    "办公室主任：陈明生（兼）" in prose."""
    (group,) = _by_doc(sample_parsed, "吕政办发〔2022〕39号")
    assert group.name == "吕梁市农林文旅康产业融合发展试点工作推进领导小组"
    assert group.leader_post == "分管副市长"
    assert group.office_at == "市农业农村局"
    assert group.office_director == "陈明生（兼）"
    roles = [(m.role, m.person) for m in group.members]
    assert roles[:3] == [("组长", "油晓峰"), ("副组长", "张小武"), ("副组长", "陈林强")]
    assert ("成员", "赵龙") in roles and ("成员", "韩培茂") in roles
    assert roles[-1] == ("办公室主任", "陈明生")
    assert group.members[-1].title == "市农业农村局副局长"
    assert group.duties and group.duties.startswith("贯彻落实省委省政府")


def test_blank_name_line_in_a_two_line_post_list(sample_parsed: ParsedSource) -> None:
    """吕政办函〔2022〕23号: "副 组 长：刘晋萍 市委常委、副" / "市长" / "副市长" (no name)."""
    (group,) = _by_doc(sample_parsed, "吕政办函〔2022〕23号")
    assert group.name == "市政府稳经济工作专班"
    assert group.office_at == "市发展改革委"
    deputies = [(m.person, m.title) for m in group.members if m.role == "副组长"]
    assert deputies[:3] == [("刘晋萍", "市委常委、副市长"), (None, "副市长"), ("任磊", "副市长")]
    assert [m.person for m in group.members if m.role == "常务副组长"] == ["任忠"]
    assert len([m for m in group.members if m.role == "成员"]) == 51
    assert group.members[-1].person == "姚树山" and group.members[-1].title == "临县县长"


def test_named_leader_in_prose_yields_to_the_member_list(sample_parsed: ParsedSource) -> None:
    """吕政办发〔2022〕45号: "成立由张广勇市长任组长的领导小组" — the annex list already has
    张广勇 as 组长, so there is one 组长 line, with the printed post of the list."""
    groups = _by_doc(sample_parsed, "吕政办发〔2022〕45号")
    main = next(g for g in groups if g.name.endswith("领导小组"))
    assert main.name == "吕梁市自建房安全专项整治工作领导小组"
    assert main.leader_post == "市长"
    leaders = [(m.person, m.title) for m in main.members if m.role == "组长"]
    assert leaders == [("张广勇", "市委副书记、市政府市长")]
    deputies = [m.person for m in main.members if m.role == "副组长"]
    assert deputies == ["任忠", "刘晋萍", None, "任磊", "油晓峰", "李建文", "郭红波"]
    assert main.office_at == "市住建局"
    task_force = next(g for g in groups if g.name.endswith("专班"))
    assert [(m.role, m.person, m.title) for m in task_force.members] == [
        ("主任", "油晓峰", "副市长"),
        ("副主任", "张小武", "副秘书长"),
        ("副主任", "曲晓东", "局长"),
    ]


def test_groups_only_said_to_be_set_up(sample_parsed: ParsedSource) -> None:
    (g33,) = _by_doc(sample_parsed, "吕政办发〔2022〕33号")
    assert (g33.name, g33.office_at, g33.members) == (
        "促进工业经济平稳增长工作专班",
        "市发改委",
        (),
    )
    names34 = [g.name for g in _by_doc(sample_parsed, "吕政办发〔2022〕34号")]
    assert names34 == [
        "吕梁市氢能产业发展领导小组",
        "氢能产业安全委员会",
        "氢能产业安全专家工作组",
        "加氢站专家组",
    ]
    assert [g.name for g in _by_doc(sample_parsed, "吕政办发〔2022〕44号")] == [
        "防范应对出险企业重大风险应急处置领导组"
    ]


def test_county_directives_and_mentions_are_not_groups(sample_parsed: ParsedSource) -> None:
    """ "各县（市、区）政府也要相应成立…工作专班", "国际氢能源委员会指出", "村民委员会" are no groups."""
    names = [g.name for g in sample_parsed.groups]
    assert len(names) == len({(g.doc_number, g.name) for g in sample_parsed.groups})
    assert not any(n in ("工作专班", "领导小组") or "村民" in n or "国际" in n for n in names)
    assert len(_by_doc(sample_parsed, "吕政办发〔2022〕42号")) == 1
