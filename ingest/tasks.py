"""Numbered tasks / duties and the units assigned to them by role.

A document's measures are numbered in the usual outline styles (一、 /（一）/ 1． /（1）/ 第X条);
each measure's text runs from its number to the next number. A measure becomes a `Task` when
units are assigned to it: explicitly ("（责任单位：…）", "（A牵头，B配合）", "责任单位：…" lines,
see `assignments`), or, failing that, by a duty item that opens with its units ("市住建局负责…")
or names one with "由X牵头/负责". Duty tables ("序号 单位 主要职责") give one task per row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from ingest.assignments import (
    RESPONSIBLE,
    Assignment,
    by_unit_phrases,
    duty_opening,
    find_assignments,
)
from ingest.records import Document, Line, Paragraph, Task, UnitRole
from ingest.text import display_width, join_text
from ingest.units import looks_like_unit, shadow, split_units, strip_tail

_CN_NUM = "一二三四五六七八九十百零〇"
# Outline numbers at the start of a piece of shadow text (full-width brackets/dots folded).
_NUMBER = re.compile(
    rf"^\s*(?:(?P<article>第[{_CN_NUM}\d]+条)"
    rf"|(?P<chapter>第[{_CN_NUM}\d]+[章节])"
    rf"|(?P<cn>[{_CN_NUM}]+)、"
    rf"|\((?P<pcn>[{_CN_NUM}]+)\)"
    r"|(?P<ar>\d{1,2})\s*(?:[.、](?!\d)|\.(?=\d{4}\s*年))"
    r"|\((?P<par>\d{1,2})\))"
)
# Styles whose numbers are sections of the whole document, not parts of a task id.
_TOP_STYLES = {"cn", "chapter", "article"}
# Where a number may start inside a paragraph: after a sentence ends ("…工作。8．市城管局…").
_MID_START = re.compile(
    rf"(?<=[。;；:：])\s*(?=第[{_CN_NUM}\d]+条|[{_CN_NUM}]+、|\([{_CN_NUM}\d]{{1,3}}\)"
    r"|\d{1,2}[.、](?!\d))"
)
_CLOSING = re.compile(
    r"^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\(此件.*\)|本(?:文件|办法|措施|方案|意见)由.*解读|"
    r"附件\s*\d*\s*$|附件\s*\d*\s*[:：])"
)
# "序号 单 位 主 要 职 责": the header row of a duty table (spaces between any characters).
_TABLE_HEADER = re.compile(
    r"\s*".join("序号") + r"\s*(?:责\s*任\s*)?(?:单\s*位|部\s*门)\s*(?:名\s*称\s*)?(?:主\s*要\s*)?"
    r"(?:工\s*作\s*)?(?:职\s*责\s*分\s*工|职\s*责|任\s*务)"
)
_HEADING_LIMIT = 40


@dataclass
class _Chunk:
    paragraph: Paragraph
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.paragraph.text[self.start : self.end]


@dataclass
class _Item:
    style: str
    label: str
    parent: _Item | None
    chunks: list[_Chunk] = field(default_factory=list)
    tail: _Item | None = None  # the sub-item whose trailing assignment line this item took

    def task_id(self) -> str:
        parts = [self.label]
        node = self.parent
        while node is not None and node.style not in _TOP_STYLES:
            parts.insert(0, node.label)
            node = node.parent
        return "".join(parts)


def find_tasks(doc: Document, paragraphs: list[Paragraph], lines: list[Line]) -> list[Task]:
    """Tasks of one document, in text order, each with its lead / responsible / cooperating units."""
    body = [p for p in paragraphs if p.section != "head"]
    tables = _table_spans(body, doc)
    in_table = {i for a, b in tables for i in range(a, b)}
    items = _outline([p for i, p in enumerate(body) if i not in in_table], doc)
    by_number = {line.number: line for line in lines}
    width = _typical_width(lines)
    found = {id(item): _assignments(item) for item in items}
    _hoist_shared(items, found)
    tasks = [
        t
        for item in items
        if (t := _item_task(doc, item, found[id(item)], by_number, width)) is not None
    ]
    for a, b in tables:
        tasks.extend(_table_tasks(body[a:b], by_number))
    return sorted(tasks, key=lambda t: t.first_line)


# --- outline ---------------------------------------------------------------------------


def _bare(text: str) -> str:
    return "".join(shadow(text).split())


def _outline(paragraphs: list[Paragraph], doc: Document) -> list[_Item]:
    """Numbered items with their own text (children excluded), in document order."""
    items: list[_Item] = []
    stack: list[_Item] = []
    last_number: dict[str, int] = {}
    for p in paragraphs:
        if _CLOSING.match(_bare(p.text)) or _is_signature(p.text, doc):
            stack = []
            continue
        for start, end in _pieces(p, last_number):
            sh = shadow(p.text[start:end])
            m = _NUMBER.match(sh)
            if m is None or m["chapter"]:
                if m is not None:
                    stack = []
                elif stack:
                    stack[-1].chunks.append(_Chunk(p, start, end))
                continue
            style = m.lastgroup or ""
            value = _number_value(m[style])
            while stack and any(s.style == style for s in stack):
                popped = stack.pop()
                if popped.style == style:
                    break
            label = f"（{m[style]}）" if style in ("pcn", "par") else m[style]
            item = _Item(style, label, stack[-1] if stack else None)
            body_start = start + m.end()
            while body_start < end and p.text[body_start].isspace():
                body_start += 1
            item.chunks.append(_Chunk(p, body_start, end))
            if value is not None:
                last_number[style] = value
            stack.append(item)
            items.append(item)
    return items


def _pieces(p: Paragraph, last_number: dict[str, int]) -> list[tuple[int, int]]:
    """Split a paragraph where a following number starts mid-paragraph ("…工作。8．市城管局…"),
    accepting only the next number of its style (or a restart at 1)."""
    sh = shadow(p.text)
    cuts = [0]
    seen = dict(last_number)
    first = _NUMBER.match(sh)
    if first and first.lastgroup:
        value = _number_value(first[first.lastgroup])
        if value is not None:
            seen[first.lastgroup] = value
    for m in _MID_START.finditer(sh):
        n = _NUMBER.match(sh[m.end() :])
        if n is None or not n.lastgroup:
            continue
        value = _number_value(n[n.lastgroup])
        if value is None or value not in (1, seen.get(n.lastgroup, 0) + 1):
            continue
        seen[n.lastgroup] = value
        cuts.append(m.end())
    cuts.append(len(p.text))
    return [(a, b) for a, b in pairwise(cuts) if b > a]


def _number_value(token: str) -> int | None:
    token = token.strip("第条章节()（）")
    if token.isdigit():
        return int(token)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    digits["〇"] = 0
    if not token or any(c not in digits and c not in "十百" for c in token):
        return None
    total, current = 0, 0
    for c in token:
        if c == "百":
            total += (current or 1) * 100
            current = 0
        elif c == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = digits[c]
    return total + current


def _is_signature(text: str, doc: Document) -> bool:
    bare = _bare(text)
    return bool(doc.issuer) and bare == _bare(doc.issuer)


# --- one item → one task ---------------------------------------------------------------


def _assignments(item: _Item) -> list[Assignment]:
    """Explicit assignments of an item; else its opening duty units; else "由X牵头" phrases."""
    if not item.chunks:
        return []
    text, breaks = _joined(item.chunks)
    found = find_assignments(text, breaks)
    if found:
        return found
    opening = duty_opening(text)
    if opening is not None:
        units, clause = opening
        return [Assignment(clause, tuple(units), 0, len(clause))]
    return by_unit_phrases(text)


def _hoist_shared(items: list[_Item], found: dict[int, list[Assignment]]) -> None:
    """A "责任单位：…" line printed after the last sub-item, when no other sub-item has units of
    its own, assigns the whole parent ("（五）加大信贷支持。1．… 2．… 3．… 责任单位：…")."""
    for item in items:
        parent = item.parent
        if parent is None or not found[id(item)]:
            continue
        siblings = [i for i in items if i.parent is parent]
        if siblings[-1] is not item or len(siblings) < 2:
            continue
        if any(found[id(s)] for s in siblings[:-1]) or found[id(parent)]:
            continue
        if not any(a.raw.startswith(("（", "(")) for a in found[id(item)]):
            found[id(parent)] = found[id(item)]
            found[id(item)] = []
            parent.tail = item


def _item_task(
    doc: Document, item: _Item, found: list[Assignment], lines: dict[int, Line], width: int
) -> Task | None:
    units = [u for a in found for u in a.units]
    if not units:
        return None
    text, _ = _joined(item.chunks)
    first = item.chunks[0]
    last = (item.tail or item).chunks[-1]
    return Task(
        doc_number=doc.number,
        task_id=item.task_id(),
        heading=_heading(item, text, lines, width),
        text=text.strip(),
        units=tuple(dict.fromkeys(units)),
        raw_assignment=" ".join(_one_line(a.raw) for a in found),
        paragraph=first.paragraph.id,
        first_line=_line_of(first.paragraph, max(0, first.start - 1), lines),
        last_line=_line_of(last.paragraph, max(last.start, last.end - 1), lines),
    )


def _one_line(text: str) -> str:
    return join_text(text.split("\n"))


def _joined(chunks: list[_Chunk]) -> tuple[str, tuple[int, ...]]:
    text, breaks = "", []
    for c in chunks:
        if text:
            breaks.append(len(text))
        text += c.text
    return text, tuple(breaks)


def _line_of(p: Paragraph, offset: int, lines: dict[int, Line]) -> int:
    """Source line holding character `offset` of a paragraph's joined text."""
    cursor, found = 0, p.first_line
    for number in range(p.first_line, p.last_line + 1):
        line = lines.get(number)
        if line is None:
            continue
        at = p.text.find(line.text.strip(), cursor)
        if at < 0:
            continue
        if at > offset:
            break
        found, cursor = number, at + len(line.text.strip())
    return found


def _typical_width(lines: list[Line]) -> int:
    widths = sorted(display_width(line.text) for line in lines) or [34]
    return max(widths[int(len(widths) * 0.7)], 16)


def _heading(item: _Item, text: str, lines: dict[int, Line], width: int) -> str:
    """The measure's heading: a title printed on its own short line(s), else the first sentence
    when it is a short title ("强化政策引导，做好前期工作。"), else the first clause; ≤ 40 chars."""
    title = _title_lines(item, lines, width)
    if title and len(title) < len(text.strip()):
        return _cut(title)
    body = text.strip()
    sentence = re.split(r"[。;；!！?？]", body, maxsplit=1)[0]
    clauses = re.split(r"[，,]", sentence)
    head = sentence if len("".join(sentence.split())) <= 20 and len(clauses) <= 2 else clauses[0]
    return _cut(head)


def _cut(text: str) -> str:
    """`text` stripped and cut after its 40th non-space character."""
    text, count = text.strip(), 0
    for i, ch in enumerate(text):
        count += not ch.isspace()
        if count == _HEADING_LIMIT:
            return text[: i + 1]
    return text


def _title_lines(item: _Item, lines: dict[int, Line], width: int) -> str | None:
    """Heading text when the item starts with a title broken over ≤ 3 lines, the last one
    short and none with sentence punctuation (the body starts on a new line)."""
    first = item.chunks[0]
    if first.start > 0 and _NUMBER.match(shadow(first.paragraph.text[: first.start])) is None:
        return None
    numbers = [
        n for c in item.chunks for n in range(c.paragraph.first_line, c.paragraph.last_line + 1)
    ]
    taken: list[str] = []
    for number in dict.fromkeys(numbers):
        line = lines.get(number)
        if line is None:
            continue
        taken.append(line.text.strip())
        if re.search(r"[。;；:：!！?？]", shadow(line.text)) or len(taken) > 3:
            return None
        if display_width(line.text) <= width * 0.6:
            joined = "".join(taken)
            m = _NUMBER.match(shadow(joined))
            return joined[m.end() :].strip() if m else joined
    return None


# --- duty tables ------------------------------------------------------------------------


def _table_spans(body: list[Paragraph], doc: Document) -> list[tuple[int, int]]:
    """(first, end) paragraph indexes of each duty table: from its header row to the end of
    the document, a closing line, or the next outline heading (一、 /（一）/ 第X条)."""
    spans = []
    i = 0
    while i < len(body):
        if not _TABLE_HEADER.search(shadow(body[i].text)):
            i += 1
            continue
        end = i + 1
        while end < len(body):
            text = body[end].text
            number = _NUMBER.match(shadow(text))
            if _CLOSING.match(_bare(text)) or _is_signature(text, doc):
                break
            if number is not None and number.lastgroup in ("cn", "pcn", "article", "chapter"):
                break
            end += 1
        spans.append((i, end))
        i = end
    return spans


def _table_tasks(paragraphs: list[Paragraph], lines: dict[int, Line]) -> list[Task]:
    """One task per row of a "序号 单位 主要职责" table: the row's units are responsible."""
    header = _TABLE_HEADER.search(shadow(paragraphs[0].text))
    assert header is not None
    region = [(paragraphs[0], header.end())] + [(p, 0) for p in paragraphs[1:]]
    text, starts = "", []
    for p, skip in region:
        starts.append(len(text) - skip)
        text += p.text[skip:] + "\n"
    sh = _TABLE_HEADER.sub(lambda m: " " * len(m.group()), shadow(text))
    tasks: list[Task] = []
    cursor, expected = 0, 1
    rows: list[tuple[int, int, int]] = []  # (number, start of row text, start of number)
    while True:
        found = _row_start(sh, expected, cursor)
        if found is None:
            break
        rows.append((expected, found[1], found[0]))
        cursor, expected = found[1], expected + 1
    for k, (number, start, _) in enumerate(rows):
        end = rows[k + 1][2] if k + 1 < len(rows) else len(text)
        parsed = _row_units(text[start:end])
        if parsed is None:
            continue
        cell, duty = parsed
        names = split_units(cell)
        index = max(i for i, s in enumerate(starts) if s <= start)
        p = region[index][0]
        duty = _trim_tail(duty)
        tasks.append(
            Task(
                doc_number=p.doc_number,
                task_id=str(number),
                heading=_cut(re.split(r"[，,。;；]", duty, maxsplit=1)[0]),
                text=f"{_one_line(cell)} {duty}",
                units=tuple(UnitRole(strip_tail(n), RESPONSIBLE) for n in names),
                raw_assignment=_one_line(cell),
                paragraph=p.id,
                first_line=_line_of(p, start - starts[index], lines),
                last_line=_last_line(
                    region, starts, start + len(text[start:end].rstrip()) - 1, lines
                ),
            )
        )
    return tasks


def _last_line(
    region: list[tuple[Paragraph, int]], starts: list[int], offset: int, lines: dict[int, Line]
) -> int:
    index = max(i for i, s in enumerate(starts) if s <= offset)
    return _line_of(region[index][0], offset - starts[index], lines)


def _row_start(sh: str, number: int, cursor: int) -> tuple[int, int] | None:
    pattern = re.compile(rf"(?:^|(?<=[\s。;；]))\s*{number}(?![\d.．])\s*(?=[\u4e00-\u9fff])")
    for m in pattern.finditer(sh, cursor):
        if _row_units(sh[m.end() :]) is not None:
            return m.start(), m.end()
    return None


def _row_units(row: str) -> tuple[str, str] | None:
    """(unit cell, duty text) of a table row: the cell is the run of whitespace-separated
    tokens that read as a unit list ("市交通局、水利局、" "能源局等行业主管部门")."""
    tokens = list(re.finditer(r"\S+", row))
    cell_end = None
    for k, t in enumerate(tokens):
        names = split_units(t.group())
        trailing_comma = t.group().endswith(("、", "，"))
        if names and all(looks_like_unit(n) for n in names):
            cell_end = t.end()
            if not trailing_comma:
                break
        elif k == 0:
            opening = duty_opening(t.group())
            if opening is None:
                return None
            units, _ = opening
            cut = t.group().find(units[-1].unit) + len(units[-1].unit)
            return row[: t.start() + cut].strip(), row[t.start() + cut :].strip()
        else:
            break
    if cell_end is None:
        return None
    cell = row[:cell_end].strip()
    duty = " ".join(row[cell_end:].split())
    if not duty:
        return None
    return cell, duty


def _trim_tail(duty: str) -> str:
    """Drop an unpunctuated tail glued after the last sentence (a following title line)."""
    m = re.search(r"[。；;](?P<tail>[^。；;，,]*)$", duty)
    if m and m["tail"].strip() and not re.search(r"[，,、]", m["tail"]):
        return duty[: m.start("tail")]
    return duty
