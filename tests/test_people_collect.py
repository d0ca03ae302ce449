"""People: each printed name once, with every post printed beside it, in first-seen order."""

from __future__ import annotations

from ingest.people import collect_people
from ingest.records import Group, Member, ParsedSource, Person


def _group(doc: str, *members: tuple[str, str | None, str]) -> Group:
    return Group(
        name="某领导小组",
        doc_number=doc,
        paragraph=f"{doc}#p0",
        first_line=1,
        members=tuple(Member(r, p, t, f"{doc}#p0", 1, 1) for r, p, t in members),
    )


def test_one_person_per_name_with_posts_in_first_seen_order() -> None:
    groups = [
        _group(
            "甲〔2023〕1号",
            ("组长", "张三", "市政府副市长"),
            ("副组长", None, "副市长"),
            ("成员", "李四", "市财政局局长"),
        ),
        _group(
            "甲〔2023〕2号",
            ("成员", "李 四", "市财政局局长"),
            ("成员", "张三", "副市长"),
            ("办公室主任", "李四", ""),
        ),
    ]
    assert collect_people(groups) == [
        Person("张三", ("市政府副市长", "副市长")),
        Person("李四", ("市财政局局长",)),
    ]


def test_sample_people(sample_parsed: ParsedSource) -> None:
    people = {p.name: p.posts for p in sample_parsed.people}
    assert len(people) == len(sample_parsed.people)
    assert people["张广勇"] == ("市委副书记、市长", "市委副书记、市政府市长")
    assert people["刘智平"] == ("市人力资源和社会保障局局长", "市人社局局长")
    assert people["杨丽"] == ("市民政局局长",)
    assert all(" " not in name for name in people)
