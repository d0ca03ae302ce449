"""Member-line shapes, one at a time: names with gaps, posts broken across lines, several
members under one label, blank names, bracketed posts, two members on a line."""

from __future__ import annotations

import pytest

from ingest.member_lists import parse_entry, parse_member_lists, role_label
from ingest.records import Line


def _members(*texts: str) -> list[tuple[str, str | None, str]]:
    lines = [Line(2 * i + 1, text, 1) for i, text in enumerate(texts)]
    return [(e.role, e.person, e.title) for e in parse_member_lists(lines).entries]


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("组 长：", "组长"),
        ("副 组 长：", "副组长"),
        ("常务副组长：", "常务副组长"),
        ("成 员：", "成员"),
        ("办公室主任：", "办公室主任"),
        ("办公室成员：", "办公室成员"),
        ("組長：", "组长"),
        ("副組長：", "副组长"),
        ("成員：", "成员"),
        ("辦公室主任:", "办公室主任"),
        ("总指挥：", "总指挥"),
    ],
)
def test_role_labels(label: str, role: str) -> None:
    assert role_label(label + "张三 市财政局局长") == (role, "张三 市财政局局长")


def test_not_a_role_label() -> None:
    assert role_label("成员单位：市财政局、市教育局") is None
    assert role_label("主要职责：统筹协调") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("任 忠 市委常委、常务副", [("任忠", "市委常委、常务副")]),
        ("杨 丽 市民政局局长", [("杨丽", "市民政局局长")]),
        ("张三（市政府副市长）", [("张三", "（市政府副市长）")]),
        ("副市长", [(None, "副市长")]),
        ("市政府副市长", [(None, "市政府副市长")]),
        ("张三、李四、王五", [("张三", ""), ("李四", ""), ("王五", "")]),
        ("张三市政府副市长", [("张三", "市政府副市长")]),
        ("市政府副市长 张三", [("张三", "市政府副市长")]),
        (
            "张三 市财政局局长 李四 市教育局局长",
            [("张三", "市财政局局长"), ("李四", "市教育局局长")],
        ),
    ],
)
def test_entry_shapes(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert parse_entry(text) == expected


def test_post_broken_across_lines_and_several_deputies() -> None:
    assert _members(
        "组 长：任 忠 市委常委、常务副",
        "市长",
        "副组长：吴建军 市政府副秘书长",
        "刘智平 市人力资源和社会",
        "保障局局长",
        "闫斌胜 市发展和改革委员",
        "会主任",
        "成 员：卫海平 市规划和自然资源",
        "局局长",
        "领导小组下设办公室，办公室设在市",
    ) == [
        ("组长", "任忠", "市委常委、常务副市长"),
        ("副组长", "吴建军", "市政府副秘书长"),
        ("副组长", "刘智平", "市人力资源和社会保障局局长"),
        ("副组长", "闫斌胜", "市发展和改革委员会主任"),
        ("成员", "卫海平", "市规划和自然资源局局长"),
    ]


def test_blank_names_are_never_filled_or_shifted() -> None:
    assert _members(
        "副 组 长：刘晋萍 市委常委、副",
        "市长",
        "副市长",
        "任 磊 副市长",
        "市政府副市长",
        "副组长： 副市长",
        "成 员：王 吉 市政府副秘书长",
    ) == [
        ("副组长", "刘晋萍", "市委常委、副市长"),
        ("副组长", None, "副市长"),
        ("副组长", "任磊", "副市长"),
        ("副组长", None, "市政府副市长"),
        ("副组长", None, "副市长"),
        ("成员", "王吉", "市政府副秘书长"),
    ]


def test_bracketed_posts_and_notes() -> None:
    assert _members(
        "组长：张三（市政府副",
        "市长）",
        "成员：李四（市财政局局长）",
        "（市教育局局长）",
        "王五 市交通局副局长",
        "（主持工作）",
        "办公室主任：李四（兼）",
    ) == [
        ("组长", "张三", "市政府副市长"),
        ("成员", "李四", "市财政局局长"),
        ("成员", None, "市教育局局长"),
        ("成员", "王五", "市交通局副局长（主持工作）"),
        ("办公室主任", "李四", ""),
    ]


def test_name_and_post_on_separate_lines() -> None:
    assert _members("成 员：", "张三", "市财政局局长", "李四", "市教育局局长") == [
        ("成员", "张三", "市财政局局长"),
        ("成员", "李四", "市教育局局长"),
    ]


def test_names_only_lists() -> None:
    assert _members("成员：张三、李四", "王五、赵六") == [
        ("成员", "张三", ""),
        ("成员", "李四", ""),
        ("成员", "王五", ""),
        ("成员", "赵六", ""),
    ]


def test_list_ends_at_prose_signature_and_date() -> None:
    assert _members(
        "成 员：姚树山 临县县长",
        "吕梁市人民政府办公室",
        "2022 年 6 月 14 日",
    ) == [("成员", "姚树山", "临县县长")]
    assert _members("组长：由市长担任。") == []
