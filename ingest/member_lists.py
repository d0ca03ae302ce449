"""Member lists of groups, parsed line by line.

A member list is a run of lines opened by a role label ("组 长：", "副 组 长：", "成 员：",
"办公室成员：", traditional "組長：" …). Each member is "NAME POST", "NAME（POST）", a post
alone when the source leaves the name blank, or several names separated by 、. Two-column
layouts break posts across lines ("刘智平 市人力资源和社会" / "保障局局长"), so a line
continues the previous member's post while that post is unfinished (no rank at its end,
an open bracket) and starts a new member when it reads as one. The list ends at prose (a
line with sentence punctuation), a heading, or a line that fits none of these shapes.

Paragraph joining merges member lines in arbitrary ways, so this works on the Line records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.fold import fold
from ingest.names import (
    compact,
    has_surname,
    is_name,
    is_post_like,
    looks_like_post_only,
    plausible_name,
    post_complete,
    split_person,
)
from ingest.records import Line
from ingest.text import HEADING

# Role labels, longest first; spaces may be printed between the characters ("副 组 长").
_ROLES = (
    "办公室常务副主任",
    "办公室副主任",
    "办公室主任",
    "办公室成员",
    "办公室联络员",
    "副主任委员",
    "主任委员",
    "常务副组长",
    "常务副主任",
    "副总指挥",
    "副指挥长",
    "副秘书长",
    "副组长",
    "副主任",
    "总指挥",
    "指挥长",
    "秘书长",
    "联络员",
    "组长",
    "成员",
    "组员",
    "委员",
    "主任",
    "顾问",
)
_LABEL = r"(?P<label>" + "|".join(r"\s*".join(role) for role in _ROLES) + r")"
_ROLE_LINE = re.compile(r"^" + _LABEL + r"\s*:\s*")
_ROLE_NO_COLON = re.compile(r"^" + _LABEL + r"\s+")  # "组  长  张三  市政府副市长"
_PROSE = re.compile(r"[,;:。!?]")
_YEARISH = re.compile(r"\d{2,}")
_NAME_PAREN = re.compile(r"^(?P<name>[^\s(（]{2,4})\s*(?P<title>[(（].*)$")
_NOTES = {"兼", "兼任"}
_TRADITIONAL_EXTRA = str.maketrans("揮", "挥")


@dataclass(frozen=True, slots=True)
class ListEntry:
    """One member line of a printed list."""

    role: str  # the label, simplified and without spaces: 组长 / 副组长 / 成员 / 办公室主任 …
    person: str | None  # inner spaces removed; None when the line prints no name
    title: str  # post as printed, broken lines joined
    first_line: int
    last_line: int
    note: str = ""  # a bracketed note printed instead of a post: "（兼）"


@dataclass(frozen=True, slots=True)
class MemberLists:
    """Every member line of a document and the line numbers that belong to member lists."""

    entries: tuple[ListEntry, ...]
    consumed: frozenset[int]


def _folded(text: str) -> str:
    return fold(text).translate(_TRADITIONAL_EXTRA)


def role_label(text: str) -> tuple[str, str] | None:
    """(role, rest of the line) when `text` opens with a member role label, else None."""
    folded = _folded(text)
    m = _ROLE_LINE.match(folded)
    if m:
        return compact(m["label"]), text[m.end() :].strip()
    m = _ROLE_NO_COLON.match(folded)
    if m and _strong(_tokens(text[m.end() :])):
        return compact(m["label"]), text[m.end() :].strip()
    return None


def _tokens(text: str) -> list[str]:
    """Whitespace tokens, with a name printed with gaps ("任 忠", "杨 丽") rejoined."""
    toks = text.split()
    if toks and len(toks[0]) == 1:
        name, k = toks[0], 1
        while k < len(toks) and len(name) + len(toks[k]) <= 3 and (len(toks[k]) == 1 or k == 1):
            name += toks[k]
            k += 1
        toks = [name, *toks[k:]]
    return toks


def _strong(toks: list[str]) -> bool:
    """True for a "NAME POST" line: a name-shaped first token beside a post."""
    if len(toks) < 2 or not plausible_name(toks[0]):
        return False
    return has_surname(toks[0]) or is_post_like("".join(toks[1:]))


def parse_entry(text: str) -> list[tuple[str | None, str]]:
    """The (person, title) pairs printed on one member line (after any role label)."""
    c = compact(text)
    if not c:
        return []
    parts = re.split(r"[、,，]", c)
    if len(parts) > 1 and all(is_name(p) for p in parts):
        return [(p, "") for p in parts]
    m = _NAME_PAREN.match(c)
    if m and plausible_name(m["name"]):
        return [(m["name"], m["title"])]
    toks = _tokens(text)
    if len(toks) == 1:
        if is_name(c):
            return [(c, "")]
        return [split_person(c)]
    if not plausible_name(toks[0]):
        if is_name(toks[-1]) and is_post_like("".join(toks[:-1])):
            return [(toks[-1], "".join(toks[:-1]))]  # "市政府副市长 张三"
        return [(None, "".join(toks))]
    entries: list[tuple[str | None, str]] = []
    name = toks[0]
    title: list[str] = []
    for k, tok in enumerate(toks[1:], start=1):
        # two members on one line: "张三 市财政局局长 李四 市教育局局长"
        if title and post_complete("".join(title)) and _strong(toks[k:]):
            entries.append((name, "".join(title)))
            name, title = tok, []
            continue
        title.append(tok)
    entries.append((name, "".join(title)))
    return entries


class _Pending:
    """A member being read; its post may continue on following lines."""

    def __init__(self, role: str, person: str | None, title: str, line: int) -> None:
        self.role, self.person, self.title = role, person, title
        self.first_line = self.last_line = line

    def entry(self) -> ListEntry:
        title, note = self.title.strip(), ""
        f = _folded(title)
        if f.startswith("(") and f.endswith(")") and f.count("(") == 1:
            inner = title[1:-1].strip()
            if compact(inner) in _NOTES:
                title, note = "", title
            else:
                title = inner
        person = compact(self.person) if self.person else None
        return ListEntry(self.role, person, title, self.first_line, self.last_line, note)


def _classify(text: str, cur: _Pending | None) -> str:
    """Whether a line starts a "new" member, continues ("cont") the current post, or "end"s
    the list."""
    f = _folded(text)
    if _PROSE.search(f) or HEADING.match(text) or _YEARISH.search(f):
        return "end"
    toks = _tokens(text)
    c = compact(text)
    if _strong(toks):
        return "new"
    if cur is None:
        name, post = parse_entry(text)[0]
        return "new" if (name and is_name(name)) or looks_like_post_only(post) else "end"
    if (
        f[0] == "("
        and f.endswith(")")
        and post_complete(cur.title)
        and looks_like_post_only(c[1:-1])
    ):
        return "new"  # "（市政府副秘书长）": a post in brackets with the name left blank
    if f[0] in "(、兼" and len(c) <= 12:
        return "cont"
    if cur.person and not cur.title and is_post_like(c):
        return "cont"  # name on one line, post on the next
    if cur.title and not post_complete(cur.title) and len(c) <= 20:
        return "cont"
    if is_name(c) or looks_like_post_only(c):
        return "new"
    paren = _NAME_PAREN.match(c)
    if paren and plausible_name(paren["name"]):
        return "new"  # "吕建设（市财政局副局"
    name, post = split_person(c)
    if name and post_complete(post) and len(c) <= 14:
        return "new"
    if len(parse_entry(text)) > 1:
        return "new"  # "王五、赵六"
    if len(c) <= 6 and not name:
        return "cont"  # "会主任" after "市发展和改革委员"
    return "end"


def parse_member_lists(lines: list[Line]) -> MemberLists:
    """All member lines of a document, in order, and the lines they occupy."""
    entries: list[ListEntry] = []
    consumed: set[int] = set()
    role: str | None = None
    cur: _Pending | None = None

    def flush() -> None:
        nonlocal cur
        if cur is not None:
            entries.append(cur.entry())
            cur = None

    for line in lines:
        labelled = role_label(line.text)
        if labelled and not _PROSE.search(_folded(labelled[1])):
            flush()
            role, rest = labelled
            consumed.add(line.number)
            for person, title in parse_entry(rest):
                flush()
                cur = _Pending(role, person, title, line.number)
            continue
        if role is None:
            continue
        kind = _classify(line.text, cur)
        if kind == "end":
            flush()
            role = None
            continue
        consumed.add(line.number)
        if kind == "cont" and cur is not None:
            cur.title += compact(line.text)
            cur.last_line = line.number
            continue
        for person, title in parse_entry(line.text):
            flush()
            cur = _Pending(role, person, title, line.number)
    flush()
    return MemberLists(tuple(entries), frozenset(consumed))
