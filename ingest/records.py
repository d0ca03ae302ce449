"""Frozen records that flow between ingest stages.

Every record keeps where it came from (paragraph id, line range, page) so provenance is
never reconstructed later. Text fields keep the printed form; normalisation (NFKC,
whitespace) happens only for matching, in the stage that matches.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Line:
    """One physical line of the source text, page furniture already flagged."""

    number: int  # 1-based line number in the source file
    text: str  # as printed (trailing newline removed)
    page: int  # printed page number where known, else the PDF page index (1-based)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A running-text paragraph rebuilt from broken lines."""

    id: str  # stable within a source: f"{doc_key}#p{order}"
    doc_number: str  # normalised document number of the document it belongs to
    order: int  # 0-based position inside the document
    text: str  # joined text, page furniture removed
    first_line: int
    last_line: int
    page: int
    heading_path: tuple[str, ...] = ()  # e.g. ("三、保障措施", "（二）加强协调配合")
    section: str = "body"  # "head" (title block), "body", "attached" (forwarded text), "annex"


@dataclass(frozen=True, slots=True)
class ConsultBox:
    """A 咨询与解读 box: 咨询单位 + 咨询电话, printed wherever the layout put it."""

    unit: str
    phone: str
    first_line: int
    last_line: int


@dataclass(frozen=True, slots=True)
class Document:
    """One official document (决定, 批复, 通知 …) of a gazette issue."""

    number: str  # normalised: 某政发〔2023〕7号
    title: str
    genre: str  # 决定 / 批复 / 通知 / 意见 / 办法 …
    issuer: str
    signed: date | None
    recipients: str  # 主送, as printed
    first_line: int
    last_line: int
    page: int
    publication_note: str | None = None  # （此件公开发布）
    attached_title: str | None = None  # the text forwarded by 印发…的通知
    attachments: tuple[str, ...] = ()  # 附件 titles
    interpreted_by: str | None = None  # 本文件由…负责解读
    consult_unit: str | None = None
    consult_phone: str | None = None
    cites: tuple[str, ...] = ()  # normalised numbers of cited documents
    effective_text: str | None = None  # "自公布之日起试行"
    effective_from: date | None = None
    valid_until: date | None = None
    validity_text: str | None = None  # "有效期为2年" / "期限截至2023年12月31日"
    missing: tuple[str, ...] = ()  # fields that could not be parsed, e.g. ("signing date",)


@dataclass(frozen=True, slots=True)
class Member:
    """One member line of a group: a role, the post as printed, and a name if printed."""

    role: str  # 组长 / 常务副组长 / 副组长 / 成员 / 办公室主任 / 办公室副主任 / 办公室成员 …
    person: str | None  # inner spaces removed ("任 忠" -> "任忠"); None when the source prints none
    title: str  # post as printed, line breaks joined
    paragraph: str
    first_line: int
    last_line: int


@dataclass(frozen=True, slots=True)
class Group:
    """A leading group / task force (领导小组, 工作专班, 委员会 …)."""

    name: str
    doc_number: str
    paragraph: str  # where it is set up / first named
    first_line: int
    members: tuple[Member, ...] = ()
    office_at: str | None = None  # unit hosting its office, as printed
    office_director: str | None = None  # as printed ("王吉（兼）", "市规划和自然资源局局长兼任")
    duties: str | None = None
    leader_post: str | None = None  # "市长" when only given as "由市长任组长"


@dataclass(frozen=True, slots=True)
class UnitRole:
    """A unit named for a task, with its role."""

    unit: str  # as printed
    role: str  # "lead" | "responsible" | "cooperating"


@dataclass(frozen=True, slots=True)
class Task:
    """A numbered measure / duty with the units assigned to it."""

    doc_number: str
    task_id: str  # as numbered: "1", "（三）2", "一"
    heading: str
    text: str
    units: tuple[UnitRole, ...]
    raw_assignment: str  # the printed assignment phrase
    paragraph: str
    first_line: int
    last_line: int


@dataclass(frozen=True, slots=True)
class Deadline:
    """A time limit on an obligation, typed and resolved."""

    doc_number: str
    surface: str  # as printed: "7月25日前"
    kind: str  # "absolute" | "recurring" | "relative" | "period"
    what: str  # the obligation
    paragraph: str
    first_line: int
    who: str | None = None
    to_whom: str | None = None
    due: date | None = None  # absolute, or end of a period
    start: str | None = None  # period start, ISO year-month or date
    frequency: str | None = None  # daily / weekly / monthly / quarterly / yearly
    day: int | None = None  # day of the period for recurring ("每月23日前" -> 23)
    count: int | None = None  # "每季度举办一次" -> 1; "每半年" -> yearly, 2
    task_id: str | None = None  # the task it binds, when inside one
    amount: int | None = None  # relative: "5个工作日内" -> 5
    unit: str | None = None  # relative: working_day / day / week / month / year / hour


@dataclass(frozen=True, slots=True)
class Agency:
    """One real body with every printed alias."""

    key: str  # canonical name used to mint its IRI
    label: str  # preferred label (the fullest printed form)
    aliases: tuple[str, ...] = ()
    collective: bool = False  # a generic/collective assignee: 各县（市、区）人民政府, 市直有关单位


@dataclass(frozen=True, slots=True)
class Person:
    """A person named in the gazette, with every post printed beside the name."""

    name: str
    posts: tuple[str, ...] = ()


@dataclass(slots=True)
class ParsedSource:
    """Everything extracted from one source file."""

    source_name: str  # file name, used for the named graph
    sha256: str
    documents: list[Document] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
