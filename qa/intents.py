"""Question understanding: which kind of fact is asked for, and the words naming its subject.

Pure rules over the folded question (qa.textnorm.fold). The rules describe how people ask about
gazettes in general — 组长/牵头/归哪个部门管/啥时候交/几号文 — and never name a particular
group, document or city. The result says what to look up (`name`, `role`, `field`), what kind
of span answers it (`expect`) and what is left of the question once the cue words are removed
(`topic`), which linking and retrieval then use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from qa.posts import asked_post
from qa.textnorm import fold

INTENTS = (
    "group_role",  # who holds a role (组长, 副组长, 办公室主任 …) in a group
    "group_members",  # members of a group
    "group_office",  # where a group's office is
    "person_posts",  # a person's posts and groups
    "post_holder",  # who holds a post (教育局局长, 市长)
    "agency_tasks",  # the tasks an agency leads / is responsible for / assists
    "task_units",  # units that lead / are responsible for / cooperate on a task or duty
    "deadline",  # by when / how often / within how many days
    "doc_meta",  # number, title, date, issuer, recipients, interpreter, phone, cites …
    "count",  # how many (几个, 多少个)
    "numeric",  # a number stated in a paragraph
    "free_text",  # anything else: the best-matching clause
)

# Group kinds as the genre names them; a question naming one is about a group.
GROUP_WORD = r"(?:领导小组|工作小组|工作专班|专班|指挥部|委员会|联席会议|小组)"

# Member roles, longest first so 常务副组长 wins over 副组长 and 组长.
_ROLES = [
    ("办公室常务副主任", r"办公室常务副主任"),
    ("办公室副主任", r"办公室副主任|办公室的副主任"),
    ("办公室主任", r"办公室主任|办公室的主任|办公室负责人|办公室由谁负责|办公室谁负责"),
    ("办公室成员", r"办公室成员"),
    ("常务副组长", r"常务副组长"),
    ("副组长", r"副组长"),
    (
        "组长",
        r"组长|头儿|头头|一把手|挂帅|总负责|牵头领导|领导是谁|谁领导|由谁领导|谁是头|谁是老大|谁带队",
    ),
    ("常务副主任", r"常务副主任"),
    ("副主任", r"副主任"),
    ("主任", r"主任"),
    ("成员", r"成员|组员|组成人员|名单|都有谁|有哪些人|有谁"),
]

_DOC_FIELDS = [
    # (field, expected span, pattern)
    (
        "phone",
        "phone",
        r"电话|联系方式|热线|号码是多少|打哪个号|邮箱|电子邮件|邮件地址|e-?mail|传真",
    ),
    ("interpreter", "unit", r"解读"),
    (
        "cites",
        "doc_number",
        (
            r"(?:根据|依据|按照|依照|援引|引用|参照).{0,14}(?:文件|文|精神|要求|规定|意见|通知)"
            r"|(?:哪个|什么|哪份|哪一个|哪些)(?:文件|文).{0,6}(?:制定|依据|根据|出台)"
            r"|引用了?(?:哪些|什么|哪个)"
        ),
    ),
    (
        "approved",
        "doc_number",
        (
            r"(?:哪个|什么|哪份|哪一)(?:文件|文|公文).{0,8}(?:批复|批准|同意|设立|成立|印发|明确|决定|建立)"
            r"|(?:由|被|经)(?:哪个|什么|哪份)(?:文件|文|公文)"
        ),
    ),
    ("number", "doc_number", r"文号|几号文|发文字号|字号|哪个文号|编号是|第几号|什么文号|多少号文"),
    (
        "date",
        "date",
        (
            r"(?:哪天|哪一天|何时|什么时候|啥时候|哪个日期|日期|几月几[日号]|哪年哪月|时间)(?!前|之前|以前)"
            r".{0,6}(?:印发|发布|批复|签发|成文|发文|下发|公布|作出|做出|下达)"
            r"|(?:印发|发布|批复|签发|成文|发文|下发|公布|作出|做出|下达)(?:的)?(?:日期|时间|是哪天|于哪天|在哪天|是什么时候|是何时|的时间)"
            r"|成文日期|发文日期|落款日期"
            r"|(?:哪天|哪一天|何时|什么时候|啥时候)(?:印|下)?发(?:的|出的?)?[?？]?$"
        ),
    ),
    (
        "recipients",
        "unit",
        r"发给|主送|下发给|发往|下达给|印发给|抄送|送达|发到|给哪些|收文|是给(?:哪个|哪些|哪家|谁)",
    ),
    (
        "issuer",
        "unit",
        (
            r"谁发的|谁印发|谁发布|谁下发|发文机关|发文单位|印发单位|发文的是|谁出的|是谁发|"
            r"(?:哪个|哪家|什么)(?:单位|机关|部门)(?:印发|发布|下发|发文|发的|出的|制发)"
        ),
    ),
    (
        "title",
        "clause",
        (
            r"标题|全称|题目|文件名|叫什么名字的文件|名称是|(?:是|为)(?:什么|哪个|哪份|哪一个)(?:文件|文)"
            r"|什么文件|讲的是什么|内容是什么"
        ),
    ),
    ("validity", "clause", r"有效期|施行|生效|试行期"),
]

_OFFICE = (
    r"办公室.{0,4}(?:设在|在哪|在哪里|在哪儿|设于|放在|挂靠|位于|设立在)|办公室设(?:在)?(?:哪|何)"
)

_PERSON_POSTS = (
    r"什么职务|啥职务|什么职位|哪个职务|职务是|职务为|担任什么|担任哪|任什么|兼任什么|兼什么|兼任哪|还兼|"
    r"哪个单位的|哪个部门的|什么单位的|在哪个单位|在哪个部门|是干什么的|是做什么的|什么身份|什么头衔|"
    r"是什么官|什么领导|哪些小组|哪些领导小组|哪些专班|参加了哪些|是哪个单位"
)

_UNIT_ROLE = [
    ("cooperating", r"配合|协助|协同|协办|参与单位|参加单位|协作"),
    ("lead", r"牵头|主导|领头|带头|头儿|主抓|挑头|主办"),
    (
        "responsible",
        (
            r"负责|责任|主管|归口|归.{0,4}管|谁管|管理部门|由谁|谁来|找谁|谁去|哪个部门|哪个单位|哪些部门|"
            r"哪些单位|哪几个部门|哪几个单位|哪家单位|哪家|出具|办理|审批|指导|组织|实施|落实|承担|调整|核发|监管|抓"
        ),
    ),
]

# An agency as the subject, its tasks as the object: "市商务局牵头哪些任务", "市教育局要配合哪些
# 工作", "市公积金中心负责什么". The subject ends like a body's name.
_AGENCY_DUTIES = re.compile(
    r"^(?:请问)?(?P<subject>[\u4e00-\u9fff（）()]{1,30}?"
    r"(?:局|委|办|部|中心|政府|分局|支行|公司|支队|大队|社|管委会|院|厅|处|所|站|会))"
    r"(?:要|需要|应|应当|都|还|主要|具体|一共|共|在)?"
    r"(?P<verb>(?:牵头|负责|配合|协助|参与|承担|主抓|主管)+)(?:了|过|的|做)?"
    r"(?:(?:任务|工作|事项|措施|事情|事儿|事|职责)(?:有|是|包括|都有)?)?"
    r"(?:哪些|什么|哪几项|几项|那些|啥|多少项)(?:方面的)?"
    r"(?:任务|工作|事项|措施|事情|事儿|事|职责|内容|项目|条)?(?:[?？。]|$)"
)
_AGENCY_ROLE = [("lead", r"^(?:牵头|主抓)"), ("cooperating", r"^(?:配合|协助|参与)")]


def agency_duties(question: str) -> tuple[str, str] | None:
    """(subject, role) of a question asking which tasks a body has, or None."""
    m = _AGENCY_DUTIES.match(question)
    if not m:
        return None
    role = next((r for r, p in _AGENCY_ROLE if re.match(p, m["verb"])), "responsible")
    return m["subject"], role


_DEADLINE = (
    r"什么时候|啥时候|何时|哪天|几号|几日|截止|截至|期限|时限|多少天|几天内|多少日|几个工作日|多长时间|"
    r"多久|最晚|最迟|之前|以前|前完成|前报|多少个工作日|每月|每周|每季|每年|频次|频率|多久一次|"
    r"几次|周期|期满|到期|年底前|月底前|限期"
)

_COUNT = (
    r"(?<![哪])(?:几个|多少个|几项|多少项|几条|多少条|几家|多少家|几所|几类|多少类|几种|多少种|几批|几名|"
    r"多少名|几位|多少位|几宗|多少宗|几件|多少件|几份|多少份|多少人|几个人|几人)(?!小时|工作日|月|百分点)"
)

_NUMERIC = (
    r"多少|几成|百分之几|比例|比重|占比|面积|金额|数量|规模|几天|几个小时|几小时|几年|"
    r"几万|几亿|是几|达到几|多大|多高|多长|多重|多远|率是|率要|率达|标准是"
)

# Question scaffolding removed from the topic: particles and generic question phrases.
_SCAFFOLD = re.compile(
    r"请问|请告诉我|我想知道|想问一下|问一下|一下|麻烦|帮我查|查一下|这期公报里|这期公报中|公报里|公报中|本期|"
    r"(?:多少|几)个?(?:工作日|日|号|天|月|年|小时|周)(?:内|之内|以内|前|之前|以前)?|"
    r"是哪[几一二三四五六七八九十两]+[个项条种类位家方面]+|哪[几一二三四五六七八九十两]+[个项条种类位家]|"
    r"都有哪些|包括哪些|分别是什么|怎么处理|怎么办|如何处理|怎么|如何|什么样|"
    r"是指|指的是|是什么意思|什么意思|的含义|"
    r"什么时候|啥时候|何时|什么单位|什么部门|"
    r"是谁|是哪个|是哪些|是哪几个|是哪位|是哪几位|是什么|是多少|有哪些|有哪几个|有什么|有多少|什么|"
    r"哪个部门|哪些部门|哪几个部门|哪个单位|哪些单位|哪几个单位|哪家单位|哪位|哪几位|什么单位|什么部门|"
    r"谁担任|谁兼任|由谁|谁来|谁负责|谁牵头|谁管|找谁|谁|哪里|哪儿|在哪|多少|几个|几|什么时候|啥时候|何时|"
    r"吗|呢|啊|呀|吧|么|那个|这个|这块|这些|这项|那项|这一块|的话|来着|具体|分别|一般|"
    r"[?？!！。，,、；;：:（）()“”\"'‘’《》]"
)


def focus_of(question: str) -> str:
    """The topic of the question's last clause when it has several ("…这块，谁牵头" → "")."""
    parts = [p for p in re.split(r"[，,；;？?！!。]", question) if topic_of(p)]
    return topic_of(parts[-1]) if len(parts) > 1 else ""


@dataclass(frozen=True, slots=True)
class Intent:
    """What a question asks for."""

    name: str  # one of INTENTS
    topic: str  # the folded question without cue words: what to link and search for
    expect: (
        str  # answer span type: person | unit | date | number | phone | doc_number | post | clause
    )
    role: str | None = None  # member role (组长 …) or unit role (lead / responsible / cooperating)
    field: str | None = None  # doc_meta field (number, date, issuer, phone …)
    deadline_kind: str | None = None  # "recurring" | "relative" | "absolute" for deadline questions
    mentions_group: bool = False  # the question names a group kind (领导小组, 专班 …)
    question: str = ""  # the folded question
    focus: str = ""  # topic of the last clause of a several-clause question

    def label(self) -> str:
        """Short display form, e.g. "group_role:组长" or "doc_meta:phone"."""
        extra = self.role or self.field
        return f"{self.name}:{extra}" if extra else self.name


def member_role(question: str) -> str | None:
    """The member role a folded question asks about (组长, 副组长, 办公室主任 …), if any."""
    for role, pattern in _ROLES:
        if re.search(pattern, question):
            return role
    return None


def unit_role(question: str) -> str:
    """The unit role a folded question asks about: lead, cooperating or responsible (default)."""
    for role, pattern in _UNIT_ROLE:
        if re.search(pattern, question):
            return role
    return "responsible"


def deadline_kind(question: str) -> str | None:
    """Which kind of time limit is asked for: recurring, relative, absolute, or None when the
    question does not say ("啥时候报" may be answered by 每月23日前 or by 6月底前)."""
    if re.search(r"每(?:个)?[月周季年日天]|频次|频率|多久一次|几次|周期|定期", question):
        return "recurring"
    if re.search(
        r"多少天|几天|多少日|几日内|几个工作日|多少个工作日|多长时间|多久|之日起", question
    ):
        return "relative"
    if re.search(r"哪天|几月|哪年|年底|月底|截止|截至|最晚|最迟|之前|前完成|日期", question):
        return "absolute"
    return None


def topic_of(question: str) -> str:
    """The folded question with question scaffolding and cue words removed."""
    topic = _SCAFFOLD.sub(" ", question)
    return " ".join(topic.split())


def classify(question: str) -> Intent:
    """The intent of a question (any text; empty or junk gives free_text with an empty topic)."""
    q = fold(question)[:400]
    topic = topic_of(q)
    group = bool(re.search(GROUP_WORD, q))
    base: dict[str, Any] = {
        "topic": topic,
        "mentions_group": group,
        "question": q,
        "focus": focus_of(q),
    }
    if not q:
        return Intent("free_text", expect="clause", **base)

    if re.search(_OFFICE, q):
        return Intent("group_office", expect="unit", role="办公室", **base)

    role = member_role(q)
    if role and role.startswith("办公室") and re.search(r"办公室", q):
        return Intent("group_role", expect="person", role=role, **base)

    for field, expect, pattern in _DOC_FIELDS:
        if re.search(pattern, q):
            return Intent("doc_meta", expect=expect, field=field, **base)

    duties = agency_duties(q)
    if duties:
        subject, unit = duties
        return Intent("agency_tasks", expect="clause", role=unit, **{**base, "topic": subject})

    if (not group or not member_role(q)) and "办公室" not in q:
        # a post ("教育局局长是谁"), also within a group: "稳经济专班里有哪些副市长"
        asked = asked_post(q)
        if asked is not None and (not group or asked.title):
            return Intent("post_holder", expect="person", role=asked.title or "负责人", **base)

    if re.search(_PERSON_POSTS, q) and not group:
        return Intent("person_posts", expect="post", **base)

    if re.search(_COUNT, q) and not re.search(r"哪几|哪些", q) and (group or role):
        return Intent("count", expect="number", role=role, **base)

    if group and not role and re.search(r"(?<!办公室)负责人", q):
        return Intent("group_role", expect="person", role="组长", **base)
    if group and role in ("成员",):
        return Intent("group_members", expect="person", role=None, **base)
    if group and role:
        return Intent("group_role", expect="person", role=role, **base)
    if role and role != "成员" and re.search(r"谁|哪位|哪几位|名字|姓名", q):
        return Intent("group_role", expect="person", role=role, **base)

    if re.search(_COUNT, q) and not re.search(r"哪几|哪些", q):
        return Intent("count", expect="number", **base)

    deadline_cue = re.search(_DEADLINE, q)
    unit_cue = re.search(
        r"牵头|负责|配合|协助|主管|归口|归.{0,4}管|谁管|找谁|由谁|谁来|哪个部门|哪些部门|哪几个部门|"
        r"责任单位|责任部门|牵头单位|牵头部门|配合单位|配合部门|协办单位|责任主体|"
        r"哪个单位|哪些单位|哪几个单位|哪家|什么部门|什么单位|谁(?:去|出具|办理|审批|指导|组织|落实|调|调整)|"
        r"谁的(?:责任|事|活)|哪个部门的事|是谁的",
        q,
    )
    if unit_cue and not (deadline_cue and re.search(r"什么时候|啥时候|何时|截止|期限|前$", q)):
        return Intent("task_units", expect="unit", role=unit_role(q), **base)
    if deadline_cue and not re.search(
        r"多少(?:钱|辆|吨|元|万|亿|户|个(?!工作日)|人|家|亩|公顷|平方米|%|小时|倍)|(?:资金|金额|奖励|补贴)(?:是)?多少",
        q,
    ):
        if re.search(r"几天|多少天|几个小时|几小时", q) and re.search(
            r"至少|不少于|不低于|最少", q
        ):
            return Intent("numeric", expect="number", **base)
        return Intent("deadline", expect="date", deadline_kind=deadline_kind(q), **base)
    if re.search(_NUMERIC, q):
        return Intent("numeric", expect="number", **base)
    if role == "组长":
        return Intent("group_role", expect="person", role=role, **base)
    return Intent("free_text", expect="clause", **base)
