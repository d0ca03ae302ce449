"""Leading groups / task forces (领导小组, 工作专班, 委员会, 指挥部 …) and their member lines.

A document names a group where it sets it up ("市政府决定成立吕梁市就业工作领导小组",
"成立由市长担任组长的…工作专班"), in a 关于成立…的通知 title, or only in an annex heading
("某市“房（地）证”工作领导小组成员"). Its member list follows one of these; office,
director and duties are stated in the prose around it. The document is read in order and
every fact goes to the group named most recently before it, so a document with several
groups keeps them apart. Mentions of one group under several printed forms (with or without
the place prefix or 工作) are one group; a bare "领导小组" set up without a name joins the
document's only named group of that kind.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ingest.fold import fold
from ingest.group_prose import Fact, group_key, is_bare, kind_of, prose_facts
from ingest.member_lists import ListEntry, parse_member_lists
from ingest.records import Document, Group, Line, Member, Paragraph
from ingest.text import HEADING, join_text

_DUTIES_HEADING = re.compile(
    r"^(?:.{0,30}(?:小组|专班|指挥部|委员会|领导组|办公室))?的?(?:工作|主要)?职责$"
)
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[．.、])\s*"
)


@dataclass
class _Draft:
    """A group being read: everything stated about it so far."""

    kind: str
    bare: bool
    paragraph: str
    first_line: int
    names: list[str] = field(default_factory=list)
    setup: bool = False
    listed: list[Member] = field(default_factory=list)
    stated: list[tuple[int, Member]] = field(default_factory=list)  # from prose, with line
    office_at: str | None = None
    office_director: str | None = None
    leader_post: str | None = None
    duties: str | None = None
    duties_priority: int = 0


@dataclass(frozen=True, slots=True)
class _Unit:
    """A stretch of prose: consecutive lines of a paragraph outside member lists."""

    paragraph: Paragraph
    first_line: int
    text: str


def _prose_units(
    paragraphs: list[Paragraph], lines: list[Line], consumed: frozenset[int]
) -> list[_Unit]:
    numbers = [line.number for line in lines]
    units = []
    for p in paragraphs:
        run: list[Line] = []
        for line in lines[bisect_left(numbers, p.first_line) : bisect_right(numbers, p.last_line)]:
            if line.number in consumed:
                if run:
                    units.append(_Unit(p, run[0].number, join_text([x.text for x in run])))
                run = []
            else:
                run.append(line)
        if run:
            units.append(_Unit(p, run[0].number, join_text([x.text for x in run])))
    return units


class _Reader:
    """Walks a document's prose and member lines in order, attributing facts to groups."""

    def __init__(self) -> None:
        self.named: dict[str, _Draft] = {}
        self.bare: dict[str, _Draft] = {}
        self.current: _Draft | None = None
        self.orphans: list[Member] = []

    def _named(self, name: str, paragraph: str, line: int) -> _Draft:
        """The group a printed name refers to; a key that differs only by a short place
        prefix ("市政府…" / "…") is the same group."""
        key, kind = group_key(name), kind_of(name)
        draft = self.named.get(key) or next(
            (
                d
                for k, d in self.named.items()
                if d.kind == kind
                and (k.endswith(key) or key.endswith(k))
                and abs(len(k) - len(key)) <= 4
            ),
            None,
        )
        if draft is None:
            draft = self.named[key] = _Draft(kind, False, paragraph, line)
        draft.names.append(name)
        return draft

    def anchor(self, name: str, setup: bool, paragraph: str, line: int) -> None:
        """Make the group `name` refers to the current one (creating it on first mention)."""
        if is_bare(name):
            kind = kind_of(name)
            same = [d for d in self.named.values() if d.kind == kind]
            draft = (
                same[-1]
                if same
                else self.bare.setdefault(kind, _Draft(kind, True, paragraph, line))
            )
        else:
            draft = self._named(name, paragraph, line)
        if setup and not draft.setup:
            draft.setup, draft.paragraph, draft.first_line = True, paragraph, line
        self.current = draft

    def fact(self, fact: Fact, unit: _Unit) -> None:
        if fact.kind == "anchor":
            self.anchor(fact.value, fact.setup, unit.paragraph.id, unit.first_line)
            return
        d = self.current
        if d is None:
            return
        if fact.kind in ("member", "office_member") and fact.person:
            member = Member(
                fact.role,
                fact.person,
                fact.title,
                unit.paragraph.id,
                unit.first_line,
                unit.first_line,
            )
            d.stated.append((unit.first_line, member))
        elif fact.kind == "office_at" and d.office_at is None:
            d.office_at = fact.value
        elif fact.kind == "director" and d.office_director is None:
            d.office_director = fact.value
        elif fact.kind == "leader_post" and d.leader_post is None:
            d.leader_post = fact.value
        elif fact.kind == "duties" and fact.priority > d.duties_priority:
            d.duties, d.duties_priority = fact.value, fact.priority

    def duties_section(self, unit: _Unit) -> None:
        """Paragraphs under a "二、工作职责" heading state the current group's duties."""
        path = unit.paragraph.heading_path
        d = self.current
        if d is None or not path or HEADING.match(unit.text):
            return
        label = _NUMBERING.sub("", path[-1]).strip()
        if "成员单位" in label or not _DUTIES_HEADING.match(fold(label)):
            return
        text = unit.text.strip()
        if len(text) < 40 and not re.search(r"[。；;，,：:]", fold(text)):
            return  # the signature (issuer lines, date) or the publication note under the list
        if d.duties_priority == 3 and d.duties:
            d.duties = d.duties + "。" + text.rstrip("。")
        elif d.duties_priority < 3:
            d.duties, d.duties_priority = text.rstrip("。"), 3

    def entry(self, entry: ListEntry, paragraph: str) -> None:
        member = Member(
            entry.role, entry.person, entry.title, paragraph, entry.first_line, entry.last_line
        )
        d = self.current
        if d is None:
            self.orphans.append(member)
            return
        d.listed.append(member)
        if entry.role == "办公室主任" and d.office_director is None:
            d.office_director = (entry.person or entry.title) + (entry.note if entry.person else "")

    def drafts(self) -> list[_Draft]:
        """Named groups, with bare set-ups and orphan members joined where unambiguous."""
        named = list(self.named.values())
        for kind, bare in self.bare.items():
            same = [d for d in named if d.kind == kind]
            if len(same) == 1:
                _merge(same[0], bare)
        if self.orphans and len(named) == 1:
            named[0].listed[:0] = self.orphans
        return sorted(named, key=lambda d: d.first_line)


def _merge(into: _Draft, bare: _Draft) -> None:
    into.listed.extend(bare.listed)
    into.stated.extend(bare.stated)
    for attr in ("office_at", "office_director", "leader_post"):
        if getattr(into, attr) is None:
            setattr(into, attr, getattr(bare, attr))
    if bare.duties_priority > into.duties_priority:
        into.duties, into.duties_priority = bare.duties, bare.duties_priority


def _members(d: _Draft) -> tuple[Member, ...]:
    """List members in printed order, plus prose-stated holders the list does not give
    (an office director named in prose takes the post printed beside them in the list)."""
    posts: dict[str, str] = {}
    for m in d.listed:
        if m.person and m.title:
            posts.setdefault(m.person, m.title)
    seen = {(m.role, m.person) for m in d.listed}
    has_leader = any(m.role == "组长" for m in d.listed)
    extra: list[tuple[int, Member]] = []
    for line, m in d.stated:
        if (m.role, m.person) in seen or (m.role == "组长" and has_leader):
            continue
        if not m.role.startswith("办公室") and m.person in posts:
            continue  # the list already gives this person a role
        seen.add((m.role, m.person))
        title = posts.get(m.person or "", m.title) if m.role.startswith("办公室") else m.title
        extra.append(
            (line, Member(m.role, m.person, title, m.paragraph, m.first_line, m.last_line))
        )
    listed = [
        Member(
            m.role, m.person, posts.get(m.person or "", ""), m.paragraph, m.first_line, m.last_line
        )
        if m.role.startswith("办公室") and not m.title
        else m
        for m in d.listed
    ]  # "办公室主任：吕建设（兼）" in a list: the post is the one printed beside the name above
    ordered = [(m.first_line, m) for m in listed] + extra
    return tuple(m for _, m in sorted(ordered, key=lambda pair: pair[0]))


def find_groups(doc: Document, paragraphs: list[Paragraph], lines: list[Line]) -> list[Group]:
    """Groups set up or named in one document, with memberships, office, director, duties.

    `lines` are the document's content lines (furniture removed); member lists are parsed
    from them, everything else from the paragraphs with the member lines taken out.
    """
    lists = parse_member_lists(lines)
    units = _prose_units(paragraphs, lines, lists.consumed)
    starts = [p.first_line for p in paragraphs]
    events: list[tuple[int, int, object]] = [(u.first_line, 0, u) for u in units]
    events += [(e.first_line, 1, e) for e in lists.entries]
    reader = _Reader()
    for _, _, item in sorted(events, key=lambda ev: (ev[0], ev[1])):
        if isinstance(item, _Unit):
            for fact in prose_facts(item.text):
                reader.fact(fact, item)
            reader.duties_section(item)
        elif isinstance(item, ListEntry):
            k = bisect_right(starts, item.first_line) - 1
            reader.entry(item, paragraphs[k].id if k >= 0 else "")
    groups = []
    for d in reader.drafts():
        name = max(d.names, key=len)
        groups.append(
            Group(
                name=name,
                doc_number=doc.number,
                paragraph=d.paragraph,
                first_line=d.first_line,
                members=_members(d),
                office_at=d.office_at,
                office_director=d.office_director,
                duties=d.duties,
                leader_post=d.leader_post,
            )
        )
    return groups
