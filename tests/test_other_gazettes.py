"""Whole gazettes of other cities and years, through ingest.pipeline.parse_text and into a store.

The gazettes (tests/data/other-*.txt) are synthetic, in the PDF-extracted style: a blank line
after every printed line, lines broken at about 17 CJK characters, running headers
("青山市人民政府公报 2023年第3期") and page numbers ("— 5 —"), a 咨询 box printed inside the
next document. They carry the document shapes the sample lacks: government decrees ("…令" over
"第 12 号", or "…人民政府" over "令" over "（第 3 号）"), joint documents with an issuer line
each, 公告 / 通告 without "关于" (issuer and genre on one line or two), 批复 and 函.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph.load import ingest_paths
from graph.validate import validate_store
from ingest.pipeline import parse_text
from ingest.records import Document, ParsedSource

DATA = Path(__file__).parent / "data"
FILES = sorted(DATA.glob("other-*.txt"))


def parse(name: str) -> ParsedSource:
    path = DATA / name
    return parse_text(path.read_text(encoding="utf-8"), path.name, "0" * 64)


@pytest.fixture(scope="module")
def qingshan() -> ParsedSource:
    return parse("other-qingshan-2023-03.txt")


@pytest.fixture(scope="module")
def ningchuan() -> ParsedSource:
    return parse("other-ningchuan-2024-06.txt")


@pytest.fixture(scope="module")
def lanfeng() -> ParsedSource:
    return parse("other-lanfeng-2021-10.txt")


def docs(parsed: ParsedSource) -> dict[str, Document]:
    return {d.number: d for d in parsed.documents}


def fields(d: Document) -> tuple[str, str, str, date | None]:
    return d.title, d.issuer, d.genre, d.signed


def test_the_three_gazettes_are_tested() -> None:
    assert [f.name for f in FILES] == [
        "other-lanfeng-2021-10.txt",
        "other-ningchuan-2024-06.txt",
        "other-qingshan-2023-03.txt",
    ]


def test_qingshan_documents(qingshan: ParsedSource) -> None:
    found = docs(qingshan)
    assert {n: fields(d) for n, d in found.items()} == {
        "青山市人民政府令第12号": ("青山市人民政府令", "青山市人民政府", "令", date(2023, 3, 10)),
        "青办发〔2023〕3号": (
            "中共青山市委办公室青山市人民政府办公室关于成立青山市乡村振兴工作领导小组的通知",
            "中共青山市委办公室、青山市人民政府办公室",
            "通知",
            date(2023, 3, 15),
        ),
        "青政通〔2023〕2号": ("青山市人民政府通告", "青山市人民政府", "通告", date(2023, 3, 20)),
    }
    assert qingshan.warnings == []


def test_decree_fields(qingshan: ParsedSource) -> None:
    decree = docs(qingshan)["青山市人民政府令第12号"]
    assert decree.attached_title == "青山市城市绿化管理办法"
    assert decree.effective_from == date(2023, 5, 1)
    assert decree.recipients == ""
    # the 办法 text belongs to the decree, its articles are headings of the decree's body
    articles = [p for p in qingshan.paragraphs if p.doc_number == decree.number]
    assert any(p.text.startswith("第六条 本办法自2023年5月1日起施行") for p in articles)


def test_joint_document_title_block_is_not_left_in_the_previous_document(
    qingshan: ParsedSource,
) -> None:
    joint = docs(qingshan)["青办发〔2023〕3号"]
    decree_paragraphs = [p.text for p in qingshan.paragraphs if p.doc_number.endswith("令第12号")]
    assert not any("中共青山市委办公室" in text for text in decree_paragraphs)
    assert joint.recipients == "各县（区）党委和人民政府，市委各部委，市直各单位"
    # the 咨询 box printed in the middle of the next document (the 通告) is the joint notice's
    assert (joint.consult_unit, joint.consult_phone) == ("青山市乡村振兴局", "0356-2061234")


def test_notice_without_guanyu(qingshan: ParsedSource) -> None:
    notice = docs(qingshan)["青政通〔2023〕2号"]
    assert (notice.effective_from, notice.valid_until) == (date(2023, 4, 1), date(2025, 3, 31))
    assert notice.consult_unit is None


def test_group_of_the_joint_document(qingshan: ParsedSource) -> None:
    (group,) = qingshan.groups
    assert group.name == "青山市乡村振兴工作领导小组"
    assert group.doc_number == "青办发〔2023〕3号"
    assert [(m.role, m.person) for m in group.members] == [
        ("组长", "王志军"),
        ("副组长", "陈东"),
        ("副组长", "孙立平"),
        ("成员", "赵海燕"),
        ("成员", "李文博"),
        ("成员", "周建华"),
        ("成员", "吴国庆"),
        ("办公室主任", "吴国庆"),
    ]
    assert group.office_at == "市乡村振兴局"
    # the signature under the duties is not part of them
    assert group.duties is not None and group.duties.endswith("重大问题")


def test_joint_issuers_are_separate_agencies(qingshan: ParsedSource) -> None:
    labels = {a.label for a in qingshan.agencies}
    assert {"中共青山市委办公室", "青山市人民政府办公室"} <= labels
    assert not any("、" in label for label in labels)


def test_ningchuan_documents(ningchuan: ParsedSource) -> None:
    assert {n: fields(d) for n, d in docs(ningchuan).items()} == {
        "宁政函〔2024〕15号": (
            "宁川市人民政府关于同意设立宁川高新技术产业园区的批复",
            "宁川市人民政府",
            "批复",
            date(2024, 5, 8),
        ),
        "宁政办函〔2024〕9号": (
            "宁川市人民政府办公室关于商请支持宁川市数字经济发展的函",
            "宁川市人民政府办公室",
            "函",
            date(2024, 5, 20),
        ),
        "宁政办发〔2024〕22号": (
            "宁川市人民政府办公室关于印发宁川市优化营商环境三年行动方案的通知",
            "宁川市人民政府办公室",
            "通知",
            date(2024, 5, 28),
        ),
        "宁政告〔2024〕1号": ("宁川市人民政府公告", "宁川市人民政府", "公告", date(2024, 6, 3)),
    }
    assert ningchuan.warnings == []


def test_ningchuan_reply_letter_and_plan(ningchuan: ParsedSource) -> None:
    found = docs(ningchuan)
    assert found["宁政函〔2024〕15号"].recipients == "市发展和改革委员会"
    assert found["宁政函〔2024〕15号"].cites == ("宁发改字〔2024〕21号",)
    assert found["宁政办函〔2024〕9号"].recipients == "省工业和信息化厅"
    plan = found["宁政办发〔2024〕22号"]
    assert plan.attached_title == "宁川市优化营商环境三年行动方案"
    assert (plan.effective_from, plan.valid_until) == (date(2024, 5, 28), date(2027, 5, 27))
    assert (plan.consult_unit, plan.consult_phone) == ("宁川市发展和改革委员会", "0951-6012345")


def test_ningchuan_task_list(ningchuan: ParsedSource) -> None:
    tasks = [(t.task_id, t.heading, [(u.unit, u.role) for u in t.units]) for t in ningchuan.tasks]
    assert tasks == [
        (
            "（一）",
            "压缩企业开办时间",
            [
                ("市市场监督管理局", "lead"),
                ("市公安局", "cooperating"),
                ("市税务局", "cooperating"),
            ],
        ),
        (
            "（二）",
            "提升工程建设项目审批效率",
            [
                ("市住房和城乡建设局", "lead"),
                ("市自然资源局", "cooperating"),
                ("市行政审批服务管理局", "cooperating"),
            ],
        ),
        (
            "（三）",
            "强化涉企政策兑现",
            [("市财政局", "responsible"), ("市工业和信息化局", "responsible")],
        ),
    ]
    dues = {(d.task_id, d.due) for d in ningchuan.deadlines if d.kind == "absolute"}
    assert dues == {("（一）", date(2024, 9, 30)), ("（二）", date(2024, 12, 31))}


def test_lanfeng_documents(lanfeng: ParsedSource) -> None:
    assert {n: fields(d) for n, d in docs(lanfeng).items()} == {
        # "岚峰县人民政府" over "令" over "（第 3 号）", signed in Chinese numerals
        "岚峰县人民政府令第3号": ("岚峰县人民政府令", "岚峰县人民政府", "令", date(2021, 10, 8)),
        # a joint 通告 of two bureaus, without 关于
        "岚公通〔2021〕5号": (
            "岚峰县公安局岚峰县交通运输局通告",
            "岚峰县公安局、岚峰县交通运输局",
            "通告",
            date(2021, 10, 10),
        ),
        "岚政办发〔2021〕41号": (
            "岚峰县人民政府办公室关于成立岚峰县森林防灭火工作领导小组的通知",
            "岚峰县人民政府办公室",
            "通知",
            date(2021, 10, 20),
        ),
    }
    found = docs(lanfeng)
    assert found["岚峰县人民政府令第3号"].effective_from == date(2021, 12, 1)
    assert found["岚峰县人民政府令第3号"].attached_title == "岚峰县农村集体资产管理办法"
    assert found["岚公通〔2021〕5号"].effective_from == date(2021, 10, 10)  # 自发布之日起


def test_lanfeng_group_and_tasks(lanfeng: ParsedSource) -> None:
    (group,) = lanfeng.groups
    assert group.name == "岚峰县森林防灭火工作领导小组"
    assert [(m.role, m.person) for m in group.members][:3] == [
        ("组长", "钱文斌"),
        ("副组长", "韩磊"),
        ("成员", "郑丽萍"),
    ]
    assert group.office_director == "冯志刚"
    notice = [t for t in lanfeng.tasks if t.doc_number == "岚政办发〔2021〕41号"]
    assert [t.task_id for t in notice] == ["（一）", "（二）"]


def test_page_furniture_is_dropped() -> None:
    for path in FILES:
        parsed = parse(path.name)
        assert not any("公报" in p.text and "期" in p.text for p in parsed.paragraphs), path.name
        assert not any(p.text.startswith("—") for p in parsed.paragraphs), path.name


def test_other_gazettes_ingest_and_conform(tmp_path: Path) -> None:
    summary = ingest_paths(FILES, tmp_path / "store")
    assert summary.sources == [f.name for f in FILES]
    assert summary.documents == 10
    assert summary.warnings == []
    conforms, report = validate_store(tmp_path / "store")
    assert conforms, report
    assert "sh:Violation" not in report
