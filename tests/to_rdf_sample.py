"""A small hand-made ParsedSource for the ontology, to_rdf and graph tests.

The names echo the sample gazette but the records are written by hand, so these tests do not
depend on the extractors.
"""

from __future__ import annotations

from datetime import date

from ingest.records import (
    Agency,
    Deadline,
    Document,
    Group,
    Member,
    Paragraph,
    ParsedSource,
    Person,
    Task,
    UnitRole,
)

DOC = "吕政办发〔2022〕38号"
OTHER = "吕政发〔2022〕7号"
SHA = "0123456789abcdef" * 4


def paragraph(doc: str, order: int, text: str, line: int, section: str = "body") -> Paragraph:
    """A one-line paragraph of `doc`."""
    return Paragraph(
        id=f"{doc}#p{order}",
        doc_number=doc,
        order=order,
        text=text,
        first_line=line,
        last_line=line + 1,
        page=3,
        heading_path=("一、工作任务",) if section == "body" else (),
        section=section,
    )


P_HEAD = paragraph(DOC, 0, "吕梁市人民政府办公室关于推进“房证同交”工作的通知", 100, "head")
P_TASK = paragraph(
    DOC,
    1,
    "1.化解历史遗留问题。6月底前完成摸底。（牵头单位：市规划和自然资源局；责任单位：市税务局、市 税务局；配合单位：市住建局）",
    110,
)
P_TASK2 = paragraph(
    DOC, 2, "2.落实税费政策。每月23日前向市政府办公室报送进展。（责任单位：市财政局）", 120
)
P_BODY = paragraph(
    DOC,
    3,
    "2022年5月至12月开展专项行动；受理后5个工作日内办结。本文件由市规划和自然资源局负责解读。",
    130,
)
P_ANNEX = paragraph(
    DOC, 4, "吕梁市“房（地）证同交”工作领导小组成员 组长：油晓峰 市政府副市长", 170, "annex"
)
P_OTHER = paragraph(
    OTHER, 0, "吕梁市人民政府关于印发吕梁市本级2022年度国有建设用地供应计划的通知", 1, "head"
)
P_OTHER2 = paragraph(OTHER, 1, "市财政局要做好保障。", 5)

GROUP_NAME = "吕梁市“房（地）证同交”工作领导小组"


def sample_source(source_name: str = "sample-gazette.txt") -> ParsedSource:
    """Two documents, one group with four member lines, two tasks, four deadlines."""
    documents = [
        Document(
            number=DOC,
            title="吕梁市人民政府办公室关于推进“房证同交”工作的通知",
            genre="通知",
            issuer="吕梁市人民政府办公室",
            signed=date(2022, 6, 20),
            recipients="各县（市、区）人民政府，市直各有关单位",
            first_line=100,
            last_line=180,
            page=3,
            publication_note="（此件公开发布）",
            attachments=("吕梁市“房（地）证同交”工作领导小组成员",),
            interpreted_by="市规划和自然资源局",
            consult_unit="吕梁市规划和自然资源",
            consult_phone="8296722",
            cites=(OTHER, "晋政办发[2021]88号"),
            effective_text="自印发之日起施行",
            effective_from=date(2022, 6, 20),
            validity_text="有效期为2年",
            valid_until=date(2024, 6, 19),
        ),
        Document(
            number=OTHER,
            title="吕梁市人民政府关于印发吕梁市本级2022年度国有建设用地供应计划的通知",
            genre="通知",
            issuer="吕梁市人民政府",
            signed=None,
            recipients="离石区人民政府、市直各有关单位",
            first_line=1,
            last_line=20,
            page=1,
            attached_title="吕梁市本级2022年度国有建设用地供应计划",
            missing=("signing date",),
        ),
    ]
    members = (
        Member("组长", "油晓峰", "市政府副市长", P_ANNEX.id, 170, 170),
        Member("成员", "卫海平", "市规划和自然资源局局长", P_ANNEX.id, 171, 172),
        Member("成员", None, "市税务局分管负责同志", P_ANNEX.id, 173, 173),
        Member("办公室主任", None, "市规划和自然资源局局长兼任", P_ANNEX.id, 174, 174),
    )
    groups = [
        Group(
            name=GROUP_NAME,
            doc_number=DOC,
            paragraph=P_ANNEX.id,
            first_line=170,
            members=members,
            office_at="市规划和自然资源局",
            office_director="市规划和自然资源局局长兼任",
            duties="负责“房证同交”“地证同交”工作的统筹协调",
        )
    ]
    tasks = [
        Task(
            doc_number=DOC,
            task_id="1",
            heading="化解历史遗留问题",
            text="6月底前完成摸底。",
            units=(
                UnitRole("市规划和自然资源局", "lead"),
                UnitRole("市税务局", "responsible"),
                UnitRole("市 税务局", "responsible"),
                UnitRole("市住建局", "cooperating"),
            ),
            raw_assignment="（牵头单位：市规划和自然资源局；责任单位：市税务局、市 税务局；配合单位：市住建局）",
            paragraph=P_TASK.id,
            first_line=110,
            last_line=111,
        ),
        Task(
            doc_number=DOC,
            task_id="2",
            heading="落实税费政策",
            text="每月23日前向市政府办公室报送进展。",
            units=(UnitRole("市财政局", "responsible"),),
            raw_assignment="（责任单位：市财政局）",
            paragraph=P_TASK2.id,
            first_line=120,
            last_line=121,
        ),
    ]
    deadlines = [
        Deadline(
            DOC,
            "6月底前",
            "absolute",
            "完成摸底",
            P_TASK.id,
            110,
            due=date(2022, 6, 30),
            task_id="1",
        ),
        Deadline(
            DOC,
            "每月23日前",
            "recurring",
            "报送进展",
            P_TASK2.id,
            120,
            who="市财政局",
            to_whom="市政府办公室",
            frequency="monthly",
            day=23,
            task_id="2",
        ),
        Deadline(
            DOC,
            "2022年5月至12月",
            "period",
            "开展专项行动",
            P_BODY.id,
            130,
            start="2022-05",
            due=date(2022, 12, 31),
        ),
        Deadline(DOC, "受理后5个工作日内", "relative", "办结", P_BODY.id, 130),
    ]
    agencies = [
        Agency(
            "吕梁市规划和自然资源局",
            "吕梁市规划和自然资源局",
            ("市规划和自然资源局", "市自然资源局"),
        ),
        Agency("吕梁市人民政府办公室", "吕梁市人民政府办公室", ("市政府办公室",)),
        Agency("吕梁市人民政府", "吕梁市人民政府", ()),
        Agency("吕梁市税务局", "吕梁市税务局", ("市税务局",)),
        Agency("吕梁市财政局", "吕梁市财政局", ("市财政局",)),
        # printed nowhere: its provenance stays missing (a SHACL warning, not a violation)
        Agency("吕梁市审计局", "吕梁市审计局", ("市审计局",)),
    ]
    people = [
        Person("油晓峰", ("市政府副市长",)),
        Person("卫海平", ("市规划和自然资源局局长",)),
    ]
    return ParsedSource(
        source_name=source_name,
        sha256=SHA,
        documents=documents,
        paragraphs=[P_HEAD, P_TASK, P_TASK2, P_BODY, P_ANNEX, P_OTHER, P_OTHER2],
        groups=groups,
        tasks=tasks,
        deadlines=deadlines,
        agencies=agencies,
        people=people,
        warnings=[f"{OTHER}: no signing date"],
    )


def memory_store(*names: str):  # type: ignore[no-untyped-def]
    """A fresh in-memory GraphStore holding `sample_source(name)` for each name."""
    from graph.store import open_store
    from ingest.iri import graph_iri
    from ingest.to_rdf import to_quads

    store = open_store()
    for name in names or ("sample-gazette.txt",):
        store.replace_source(to_quads(sample_source(name)), graph_iri(name))
    return store
