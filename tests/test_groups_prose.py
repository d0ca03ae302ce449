"""What prose says about groups: set-ups, leaders, office, director, duties."""

from __future__ import annotations

from ingest.group_prose import group_key, is_bare, prose_facts


def _facts(text: str, kind: str) -> list[tuple[str, str | None, str, str]]:
    return [(f.value, f.person, f.title, f.role) for f in prose_facts(text) if f.kind == kind]


def test_set_up_sentences() -> None:
    text = "市政府决定成立吕梁市就业工作领导小组（以下简称领导小组）。"
    assert _facts(text, "anchor") == [("吕梁市就业工作领导小组", None, "", "")]
    text = "建立吕梁市氢能产业发展领导小组、氢能产业安全委员会、安全专家工作组和加氢站专家组，发挥作用。"
    assert [v for v, *_ in _facts(text, "anchor")] == [
        "吕梁市氢能产业发展领导小组",
        "氢能产业安全委员会",
        "安全专家工作组",
        "加氢站专家组",
    ]
    # "和" inside a name is kept
    text = "成立吕梁市煤炭增产保供和产能新增工作专班，统筹推进。"
    assert [v for v, *_ in _facts(text, "anchor")] == ["吕梁市煤炭增产保供和产能新增工作专班"]


def test_directives_citations_and_generic_bodies_are_skipped() -> None:
    assert (
        _facts("各县（市、区）政府也要相应成立由县（市、区）长任组长的工作专班。", "anchor") == []
    )
    assert _facts("比照建立本地区、本部门工作专班。", "anchor") == []
    assert _facts("严格执行《关于成立某市物流工作领导小组的通知》要求。", "anchor") == []
    assert _facts("主要领导要亲自挂帅，建立组织机构和工作专班，定期分析研判。", "anchor") == []


def test_leader_given_by_post_or_by_name() -> None:
    text = "成立由市长担任组长的吕梁市煤炭增产保供和产能新增工作专班（组成人员见附件），办公室设在市能源局，负责日常协调、督办工作。"
    assert _facts(text, "leader_post") == [("市长", None, "", "")]
    assert _facts(text, "office_at") == [("市能源局", None, "", "")]
    assert _facts(text, "duties") == [("办公室设在市能源局，负责日常协调、督办工作", None, "", "")]
    text = "成立由张广勇市长为组长，任忠常务副市长为常务副组长、各领域分管副市长为副组长的市政府稳经济工作专班。"
    assert _facts(text, "member") == [
        ("", "张广勇", "市长", "组长"),
        ("", "任忠", "常务副市长", "常务副组长"),
    ]


def test_office_and_director_shapes() -> None:
    text = (
        "领导小组下设办公室，办公室设在市规划和自然资源局，办公室主任由市规划和自然资源局局长兼任。"
    )
    assert _facts(text, "office_at") == [("市规划和自然资源局", None, "", "")]
    assert _facts(text, "director") == [("市规划和自然资源局局长兼任", None, "", "")]
    assert _facts(text, "office_member") == []
    text = "办公室设在市人力资源和社会保障局，负责领导小组日常工作，办公室主任由刘智平兼任。"
    assert _facts(text, "director") == [("刘智平", None, "", "")]
    assert _facts(text, "office_member") == [("", "刘智平", "", "办公室主任")]
    text = "工作专班下设办公室，办公室设在市能源局，办公室主任：王吉（兼），副主任：卫海平（兼）、王建明（兼）。"
    assert _facts(text, "director") == [("王吉（兼）", None, "", "")]
    assert [(p, r) for _, p, _, r in _facts(text, "office_member")] == [
        ("王吉", "办公室主任"),
        ("卫海平", "办公室副主任"),
        ("王建明", "办公室副主任"),
    ]
    assert _facts("领导小组办公室（设在市财政局），负责日常工作。", "office_at") == [
        ("市财政局", None, "", "")
    ]


def test_group_keys_join_printed_forms() -> None:
    assert group_key("吕梁市自建房安全专项整治工作领导小组") == group_key(
        "市自建房安全专项整治领导小组"
    )
    assert group_key("市政府稳经济工作专班") == group_key("稳经济专班")
    assert group_key("自建房安全专项整治工作专班") != group_key("自建房安全专项整治领导小组")
    assert is_bare("领导小组") and is_bare("市工作专班") and not is_bare("就业工作领导小组")
