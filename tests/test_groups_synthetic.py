"""Groups in synthetic gazettes of the genre's other common shapes, parsed end to end
through `parse_text`: a 关于成立…的通知 with "组 长：NAME POST" lines, "NAME（POST）" lines,
"（设在…）" offices, blank names, a leader named only in prose, and traditional characters."""

from __future__ import annotations

import pytest

from ingest.pipeline import parse_text
from ingest.records import Group, ParsedSource
from tests.conftest import DATA


def _parse(name: str) -> ParsedSource:
    path = DATA / name
    return parse_text(path.read_text(encoding="utf-8"), path.name, "0" * 64)


@pytest.fixture(scope="module")
def yunshan() -> ParsedSource:
    return _parse("groups-yunshan-2023-02.txt")


@pytest.fixture(scope="module")
def traditional() -> ParsedSource:
    return _parse("groups-traditional-2023.txt")


def _only(parsed: ParsedSource, doc_number: str) -> Group:
    (group,) = [g for g in parsed.groups if g.doc_number == doc_number]
    return group


def _rows(group: Group) -> list[tuple[str, str | None, str]]:
    return [(m.role, m.person, m.title) for m in group.members]


def test_notice_setting_up_a_group(yunshan: ParsedSource) -> None:
    group = _only(yunshan, "云政办发〔2023〕5号")
    assert group.name == "云山市城市更新工作领导小组"
    assert _rows(group) == [
        ("组长", "周明", "市委副书记、市长"),
        ("常务副组长", "孙建华", "市委常委、常务副市长"),
        ("副组长", "李强", "市政府副市长"),
        ("副组长", None, "副市长"),
        ("副组长", "王海涛", "市住房和城乡建设局局长"),
        ("成员", "赵敏", "市发展和改革委员会主任"),
        ("成员", "钱立新", "市财政局局长"),
        ("成员", "欧阳红", "市规划和自然资源局副局长"),
        ("成员", "冯建国", "国家税务总局云山市税务局局长"),  # across a page break
        ("成员", "郑小兵", "共青团云山市委员会书记"),
        ("办公室主任", "王海涛", "市住房和城乡建设局局长"),
    ]
    assert group.office_at == "市住房和城乡建设局"  # "领导小组办公室（设在市住房和城乡建设局）"
    assert group.office_director == "王海涛"  # "办公室主任由王海涛同志兼任"
    assert group.duties == (
        "研究制定全市城市更新政策措施；统筹协调解决城市更新工作中的重大问题；督促检查各项任务落实情况"
    )
    assert group.paragraph == "云政办发〔2023〕5号#p1"


def test_task_force_with_bracketed_posts(yunshan: ParsedSource) -> None:
    group = _only(yunshan, "云政办发〔2023〕8号")
    assert group.name == "云山市促进消费工作专班"
    assert group.leader_post == "市长"  # "成立由市长任组长的…"
    assert _rows(group) == [
        ("组长", "陈志远", "市委副书记、市长"),
        ("副组长", "刘洋", "市政府副市长"),
        ("副组长", None, "市政府副秘书长"),  # "（市政府副秘书长）": name left blank
        ("成员", "何文静", "市商务局局长"),
        ("成员", "吕建设", "市财政局副局长"),
        ("成员", "施涛", "市市场监督管理局局长"),
        ("办公室主任", "吕建设", "市财政局副局长"),
    ]
    assert group.office_at == "市商务局"
    assert group.office_director == "吕建设（兼）"
    assert group.duties == "专班办公室设在市商务局，负责日常调度工作"


def test_cited_and_county_groups_are_not_set_up(yunshan: ParsedSource) -> None:
    """ "严格执行《关于成立…领导小组的通知》" cites another document's group and "各县（区）也要
    相应成立工作专班" asks counties for their own: neither is a group of this document."""
    assert [g.name for g in yunshan.groups if g.doc_number == "云政办发〔2023〕8号"] == [
        "云山市促进消费工作专班"
    ]


def test_leaders_named_only_in_prose(yunshan: ParsedSource) -> None:
    group = _only(yunshan, "云政办函〔2023〕12号")
    assert group.name == "云山市防汛抗旱工作领导小组"
    assert _rows(group) == [("组长", "张明远", "市长"), ("副组长", "王立新", "副市长")]
    assert group.leader_post is None
    assert group.office_at == "市应急管理局"


def test_traditional_characters(traditional: ParsedSource) -> None:
    group = _only(traditional, "云政办函〔2023〕15号")
    assert group.name == "雲山市數字政府建設領導小組"
    assert _rows(group) == [
        ("组长", "黃志強", "市委副書記、市長"),
        ("副组长", "林華", "市政府副市長"),
        ("副组长", None, "副市長"),
        ("成员", "鄭國棟", "市政務服務管理局局長"),
        ("成员", "許美玲", "市財政局局長"),
        ("办公室主任", "鄭國棟", "市政務服務管理局局長"),
    ]
    assert group.office_at == "市政務服務管理局"
    assert group.office_director == "鄭國棟（兼）"


def test_people_of_synthetic_gazette(yunshan: ParsedSource) -> None:
    people = {p.name: p.posts for p in yunshan.people}
    assert people["王海涛"] == ("市住房和城乡建设局局长",)
    assert people["吕建设"] == ("市财政局副局长",)
    assert people["张明远"] == ("市长",)
    assert None not in people


@pytest.fixture(scope="module")
def heshan() -> ParsedSource:
    return _parse("groups-heshan-2021-07.txt")


def test_adjusted_committee_with_labels_without_colons(heshan: ParsedSource) -> None:
    """ "关于调整…委员会组成人员的通知": "主  任  刘志刚  市委副书记、市长" lines, a name with
    "·", and "由市应急管理局局长孙伟兼任办公室主任"."""
    group = _only(heshan, "河政办发〔2021〕41号")
    assert group.name == "河山市安全生产委员会"
    assert _rows(group) == [
        ("主任", "刘志刚", "市委副书记、市长"),
        ("常务副主任", "陈刚", "市委常委、常务副市长"),
        ("副主任", "王丽华", "市政府副市长"),
        ("委员", "马骏", "市政府副秘书长"),
        ("委员", "阿不都·热合曼", "市公安局副局长"),
        ("委员", "孙伟", "市应急管理局局长"),
        ("办公室主任", "孙伟", "市应急管理局局长"),
    ]
    assert group.office_at == "市应急管理局"
    assert group.office_director == "市应急管理局局长孙伟"


def test_leader_by_post_and_two_members_on_a_line(heshan: ParsedSource) -> None:
    group = _only(heshan, "河政办发〔2021〕45号")
    assert group.name == "河山市河长制工作领导小组"
    assert group.leader_post == "市长"  # "成立以市长为组长的…"
    assert group.office_at == "市水利局"
    assert _rows(group) == [
        ("组长", "刘志刚", "市长"),
        ("成员", "赵一鸣", "市财政局局长"),
        ("成员", "钱小宝", "市教育局局长"),
        ("成员", "王建国", "市水利局局长"),
    ]
