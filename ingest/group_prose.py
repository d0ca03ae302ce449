"""What running text says about groups: set-ups, office, director, duties, who leads.

Each function takes one stretch of prose (member-list lines already taken out) and returns
facts with their character offsets, so the caller can attribute each fact to the group named
most recently before it. Matching runs on the folded text (`ingest.fold`: same length,
full-width punctuation → ASCII, traditional → simplified); printed text is sliced out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.fold import fold
from ingest.names import compact, split_person
from ingest.text import normalise

# Kinds of group, by the word the name ends with.
KINDS = ("领导小组", "领导组", "专班", "委员会", "指挥部", "工作组", "专家组", "小组")
_SUFFIX = "(?:" + "|".join(KINDS) + ")"
_CH = r"[^\s,。;:、!?()的《》]"
_PAREN = r"\([^(),。、;:]{1,6}\)"  # "房（地）证"
NAME = rf"(?:{_CH}|{_PAREN}){{0,40}}?{_SUFFIX}"
_BOUNDARY = r"(?=$|[^\u4e00-\u9fff]|成员|组成|名单|的|办公室|下设|负责|对|统筹|具体|和|及|与)"
_NAMES = rf"{NAME}(?:(?:、|和|及){NAME})*"
_SETUP = re.compile(
    rf"(?:成立|设立|组建|建立)(?:[由以](?P<lead>[^。;]{{1,160}}?)的)?(?P<names>{_NAMES}){_BOUNDARY}"
)
_TITLE = re.compile(
    rf"关于(?:调整|充实|变更|明确)(?P<names>{NAME})(?:成员|组成人员)?(?:名单)?的(?:通知|决定|批复)"
)
_HEADING = re.compile(
    rf"^(?:附件\d*:?)?(?:\d+[.、])?(?P<names>{NAME})(?:组成人员|成员|人员)?(?:名单)?$"
)
_ASSIGNED = re.compile(rf"(?P<names>{NAME})由")
_LISTED = re.compile(rf"(?P<names>{NAME})(?:组成人员|成员)(?:名单)?(?:调整)?(?:通知)?如下")
# Words that open a clause before a group name that is not bounded by a set-up verb.
_LEAD_WORDS = re.compile(
    r"^(?:现将|特将|同时|明确|决定|同意|调整|充实|将|对|经|并|且|另|即|现|已|在|把)+"
)
_DIRECTIVE = re.compile(r"各|相应|比照|参照|分别")
_GENERIC_START = re.compile(r"^(?:本|各|该|相应|上级|下级|县级|乡镇|同级)")
_PLACE = re.compile(r"^(?:[\u4e00-\u9fff]{0,4}?[省市县区州盟旗](?!场))?(?:人民政府|政府)?")

ROLE_WORDS = "常务副组长|副组长|组长|常务副主任|副主任|主任|副总指挥|总指挥|副指挥长|指挥长|成员"
_ASSIGN = re.compile(
    rf"(?:^|[,、由])(?P<who>[^,、。;由]+?)(?:担任|兼任|任|为)(?P<role>{ROLE_WORDS})"
)
_OFFICE_AT = re.compile(r"办公室(?:设在|\(设在)(?P<at>[^,。;)、]+?)(?=[,。;)]|$|负责|承担|具体)")
_DIRECTOR_BY = re.compile(
    r"办公室主任由(?P<d>[^,。;]+?)(?P<verb>兼任|担任)|由(?P<d2>[^,。;由]+?)(?P<verb2>兼任|担任|任)办公室主任"
)
_DIRECTOR_COLON = re.compile(r"办公室主任:(?P<d>[^,。;、]+)")
_DEPUTY = re.compile(r"副主任(?::(?P<v1>[^,。;]+)|由(?P<v2>[^,。;]+?)(?:兼任|担任))")
_DUTIES_LABEL = re.compile(r"(?:主要职责|工作职责|职责)[:](?P<d>.+)$")
# "领导小组办公室负责…", "工作专班负责…": a clause whose subject is the group or its office.
_SUBJECT_DUTIES = re.compile(rf"(?:^|[,。;])(?P<subject>{NAME}(?:办公室)?|办公室)负责(?!人)")
_NOTE = re.compile(r"[（(](?:兼|兼任)[）)]$")
_BRACKETED = re.compile(
    r"^(?P<name>[^（(]{2,4})[（(](?P<post>[^（()）]+)[）)]$"
)  # "张三（市财政局局长）"


@dataclass(frozen=True, slots=True)
class Fact:
    """One thing the prose states, at an offset of the prose text."""

    offset: int
    kind: str  # anchor / office_at / director / office_member / member / leader_post / duties
    value: str = ""  # name / unit / director as printed / duties text
    person: str | None = None
    title: str = ""
    role: str = ""
    setup: bool = False  # anchor: the text sets the group up (not only names it)
    priority: int = 0  # duties: "主要职责：" 2, a clause with 负责 1 (a 职责 section is 3)


def kind_of(name: str) -> str:
    """The kind of group a name ends with (领导小组, 专班 …)."""
    f = fold(compact(name))
    return next((k for k in KINDS if f.endswith(k)), "")


def group_key(name: str) -> str:
    """Matching key of a group name: no place prefix, no 工作, no spaces
    ("吕梁市自建房安全专项整治工作领导小组" and "市自建房安全专项整治领导小组" match)."""
    key = normalise(fold(name)).replace("工作", "")
    return _PLACE.sub("", key, count=1)


def is_bare(name: str) -> bool:
    """True for a name that is only a kind ("领导小组", "市工作专班"): it names no group."""
    return group_key(name) in KINDS


def _split_names(names: str) -> list[str]:
    """The group names of a coordinated list ("A领导小组、B委员会和C专家组")."""
    out: list[str] = []
    for part in names.split("、"):
        for joiner in ("和", "及", "与"):
            if joiner in part:
                left, _, right = part.rpartition(joiner)
                if is_bare(right):
                    part = ""  # "组织机构和工作专班": a generic body, not a named group
                elif kind_of(left) and kind_of(right):
                    out.append(left)
                    part = right
                break
        if part and kind_of(part):
            out.append(part)
    return out


def _in_citation(folded: str, start: int) -> bool:
    return folded.rfind("《", 0, start) > folded.rfind("》", 0, start)


def _clause_before(folded: str, start: int) -> str:
    cut = max(folded.rfind(p, 0, start) for p in ",。;:")
    return folded[cut + 1 : start]


def _person_list(text: str) -> list[tuple[str | None, str, str]]:
    """(name, post, printed) for each "NAME POST" of a 、-separated list."""
    out = []
    for part in re.split(r"[、和]", text):
        printed = part.strip()
        core = _NOTE.sub("", compact(printed))
        bracketed = _BRACKETED.match(core)
        if bracketed and split_person(bracketed["name"])[0]:
            out.append((bracketed["name"], bracketed["post"], printed))
            continue
        name, post = split_person(core)
        out.append((name, post, printed))
    return out


def _anchors(text: str, folded: str) -> list[Fact]:
    facts: list[Fact] = []
    for m in _SETUP.finditer(folded):
        if _in_citation(folded, m.start()) or _DIRECTIVE.search(_clause_before(folded, m.start())):
            continue
        names = [
            n
            for n in _split_names(text[m.start("names") : m.end("names")])
            if not _GENERIC_START.match(n)
        ]
        facts.extend(Fact(m.start("names"), "anchor", name, setup=True) for name in names)
        if m["lead"] and names:
            facts.extend(_lead_facts(text[m.start("lead") : m.end("lead")], m.start("names")))
        facts.extend(_rest_of_setup(text, folded, m.end()))
    for rx in (_TITLE, _ASSIGNED, _LISTED):
        for m in rx.finditer(folded):
            if _in_citation(folded, m.start()):
                continue
            for name in _split_names(_LEAD_WORDS.sub("", text[m.start("names") : m.end("names")])):
                facts.append(Fact(m.start("names"), "anchor", name))
            if rx is _ASSIGNED:
                end = folded.find("。", m.end())
                facts.extend(_assignments(text[m.end() - 1 : end if end > 0 else None], m.end()))
    printed = compact(text)
    heading = _HEADING.match(fold(printed))
    if heading:
        facts.append(Fact(0, "anchor", printed[heading.start("names") : heading.end("names")]))
    return facts


def _lead_facts(lead: str, offset: int) -> list[Fact]:
    """Who leads, from "由王某某市长为组长，任忠常务副市长为常务副组长…的"."""
    facts = []
    for m in _ASSIGN.finditer(fold(lead)):
        who = lead[m.start("who") : m.end("who")]
        name, post = split_person(who)
        if name:
            facts.append(Fact(offset, "member", person=name, title=post, role=m["role"]))
        elif m["role"] == "组长":
            facts.append(Fact(offset, "leader_post", compact(who)))
    return facts


def _assignments(text: str, offset: int) -> list[Fact]:
    """Named holders of roles: "由李某副市长担任主任，赵某副秘书长、曲晓东局长兼任副主任"."""
    facts = []
    for clause in re.split(r"[,，]", text):
        m = re.match(rf"^由?(?P<who>.+?)(?:担任|兼任|任|为)(?P<role>{ROLE_WORDS})", fold(clause))
        if not m:
            continue
        people = _person_list(clause[m.start("who") : m.end("who")])
        for name, post, _ in people:
            if name:
                facts.append(Fact(offset, "member", person=name, title=post, role=m["role"]))
        if m["role"] == "组长" and not any(name for name, _, _ in people):
            facts.append(
                Fact(offset, "leader_post", compact(clause[m.start("who") : m.end("who")]))
            )
    return facts


def _rest_of_setup(text: str, folded: str, end: int) -> list[Fact]:
    """Duties stated in the set-up sentence itself ("…专班，具体负责工作协调…")."""
    stop = folded.find("。", end)
    rest = text[end : stop if stop >= 0 else None]
    rest = re.sub(r"^[（(][^）)]*[）)]", "", rest).lstrip("，,")
    if re.search(r"负责(?!人)", rest):
        return [Fact(end, "duties", rest.strip(), priority=1)]
    return []


def _office(text: str, folded: str) -> list[Fact]:
    facts = [
        Fact(m.start(), "office_at", text[m.start("at") : m.end("at")].strip())
        for m in _OFFICE_AT.finditer(folded)
    ]
    for m in _DIRECTOR_BY.finditer(folded):
        d, verb = ("d", "verb") if m["d"] else ("d2", "verb2")
        printed = text[m.start(d) : m.end(d)].strip()
        name, post = split_person(re.sub(r"同志$", "", printed))
        # as printed; a post alone keeps its verb ("市规划和自然资源局局长兼任")
        value = (
            re.sub(r"同志$", "", printed) if name else printed + text[m.start(verb) : m.end(verb)]
        )
        facts.append(Fact(m.start(), "director", value))
        if name:
            facts.append(
                Fact(m.start(), "office_member", person=name, title=post, role="办公室主任")
            )
        facts.extend(_deputies(text, folded, m.end()))
    for m in _DIRECTOR_COLON.finditer(folded):
        printed = text[m.start("d") : m.end("d")].strip()
        facts.append(Fact(m.start(), "director", printed))
        for name, post, _ in _person_list(printed):
            if name:
                facts.append(
                    Fact(m.start(), "office_member", person=name, title=post, role="办公室主任")
                )
        facts.extend(_deputies(text, folded, m.end()))
    return facts


def _deputies(text: str, folded: str, start: int) -> list[Fact]:
    """办公室副主任 named in the same sentence as the director."""
    stop = folded.find("。", start)
    m = _DEPUTY.search(folded, start, stop if stop >= 0 else len(folded))
    if not m:
        return []
    group = "v1" if m["v1"] else "v2"
    names = text[m.start(group) : m.end(group)]
    return [
        Fact(m.start(), "office_member", person=name, title=post, role="办公室副主任")
        for name, post, _ in _person_list(names)
        if name
    ]


def _duties(text: str, folded: str) -> list[Fact]:
    facts = []
    m = _DUTIES_LABEL.search(folded)
    if m:
        facts.append(
            Fact(m.start(), "duties", text[m.start("d") :].strip().rstrip("。"), priority=2)
        )
    for m in _SUBJECT_DUTIES.finditer(folded):
        stop = folded.find("。", m.end())
        stated = text[m.start("subject") : stop if stop >= 0 else None].strip()
        facts.append(Fact(m.start("subject"), "duties", stated, priority=1))
    return facts


def prose_facts(text: str) -> list[Fact]:
    """Every group fact stated in `text`, in text order."""
    folded = fold(text)
    facts = _anchors(text, folded) + _office(text, folded) + _duties(text, folded)
    return sorted(facts, key=lambda f: (f.offset, f.kind != "anchor"))
