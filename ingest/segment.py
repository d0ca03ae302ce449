"""Split a gazette issue into documents and rebuild each document's paragraphs.

A document starts at its title block: the issuer line ("吕梁市人民政府"), the "关于…" title
lines, then the document number standing alone on its line ("某政发〔2023〕7 号"). Everything up
to the next document's title block belongs to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.fold import fold
from ingest.records import Line, Paragraph
from ingest.text import HEADING, Block

# 某政发〔2023〕7号, 晋政办发[2021]88号, 某政函【2023】30号, 某政发（2023）第7号
DOC_NUMBER = re.compile(
    r"(?P<prefix>[\u4e00-\u9fff]{1,12})\s*[〔\[【［(（]\s*(?P<year>[0-9０-９]{4})\s*[〕\]】］)）]"
    r"\s*第?\s*(?P<seq>[0-9０-９]{1,4})\s*号"
)
_OWN_LINE_NUMBER = re.compile(r"^" + DOC_NUMBER.pattern + r"$")
# Matched against folded text (full-width ASCII → ASCII, traditional → simplified).
_TITLE_STOP = re.compile(r"[。；;：:]$|^[（(]此件|^\d{4}\s*年|^[—－-]|^咨")


@dataclass(frozen=True, slots=True)
class DocSpan:
    """Where one document lies in the content lines."""

    number: str  # normalised document number
    year: int
    title_lines: tuple[Line, ...]  # issuer line first, number line excluded
    number_line: int  # index into the content lines
    start: int  # index of the first title line
    end: int  # index one past the document's last content line


def normalise_number(text: str) -> str:
    """Canonical document number: brackets → 〔〕, spaces and 第 dropped, digits ASCII,
    traditional characters simplified (晉政辦發〔2021〕88號 → 晋政办发〔2021〕88号)."""
    m = DOC_NUMBER.search(fold(text))
    if not m:
        return re.sub(r"\s+", "", text)
    return f"{m['prefix']}〔{m['year']}〕{int(m['seq'])}号"


def find_documents(lines: list[Line]) -> list[DocSpan]:
    """Document spans, in order, found from number lines that stand alone under a title block."""
    starts: list[tuple[int, int, tuple[Line, ...]]] = []
    for i, line in enumerate(lines):
        if not _OWN_LINE_NUMBER.match(fold(line.text)):
            continue
        title = _title_above(lines, i)
        if title:
            starts.append((i - len(title), i, title))
    spans = []
    for k, (start, number_index, title) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        number = normalise_number(lines[number_index].text)
        year = int(number.split("〔")[1].split("〕")[0])  # normalise_number's canonical form
        spans.append(DocSpan(number, year, title, number_index, start, end))
    return spans


def _title_above(lines: list[Line], i: int) -> tuple[Line, ...]:
    """The title block above a number line: back to the issuer line before the "关于" line."""
    taken: list[Line] = []
    j = i - 1
    while j >= 0 and len(taken) < 6:
        text = fold(lines[j].text)
        if _TITLE_STOP.search(text) or lines[i].number - lines[j].number > 14:
            break
        taken.insert(0, lines[j])
        if text.startswith("关于") and j > 0 and not _TITLE_STOP.search(fold(lines[j - 1].text)):
            taken.insert(0, lines[j - 1])  # the issuer line
            break
        if "关于" in text:
            break  # issuer and 关于 printed on one line
        j -= 1
    if not any("关于" in fold(line.text) for line in taken):
        return ()
    return tuple(taken)


def heading_level(text: str) -> int | None:
    """Outline level of a heading line: 第X章 0, 一、 1, （一） 2, 1． 3, （1） 4; None otherwise."""
    if re.match(r"^第[一二三四五六七八九十百零〇\d]+[章节]", text):
        return 0
    if re.match(r"^第[一二三四五六七八九十百零〇\d]+条", text):
        return 1
    if re.match(r"^[一二三四五六七八九十百]+、", text):
        return 1
    if re.match(r"^[（(][一二三四五六七八九十]+[）)]", text):
        return 2
    if re.match(r"^\d{1,2}\s*[．.、](?!\d)", text):
        return 3
    if re.match(r"^[（(]\d{1,2}[）)]", text):
        return 4
    return None


def heading_label(text: str, limit: int = 40) -> str:
    """The heading part of a paragraph: up to the first 。 or ；, cut to `limit` characters."""
    head = re.split(r"[。；]", text, maxsplit=1)[0]
    return head[:limit]


def make_paragraphs(
    blocks: list[Block], spans: list[DocSpan], lines: list[Line]
) -> list[Paragraph]:
    """Assign blocks to documents and give each paragraph its order and heading path."""
    paragraphs: list[Paragraph] = []
    bounds = [(lines[s.start].number, lines[s.end - 1].number, s) for s in spans]
    span_index = 0
    path: list[tuple[int, str]] = []
    order = 0
    for block in blocks:
        while span_index + 1 < len(bounds) and block.first_line >= bounds[span_index + 1][0]:
            span_index += 1
            path, order = [], 0
        if not bounds or block.first_line < bounds[span_index][0]:
            continue  # front matter before the first document
        _, _, span = bounds[span_index]
        number_line = lines[span.number_line].number
        section = "head" if block.last_line <= number_line else "body"
        level = heading_level(block.text) if HEADING.match(block.text) else None
        if level is not None and section == "body":
            path = [p for p in path if p[0] < level] + [(level, heading_label(block.text))]
        paragraphs.append(
            Paragraph(
                id=f"{span.number}#p{order}",
                doc_number=span.number,
                order=order,
                text=block.text,
                first_line=block.first_line,
                last_line=block.last_line,
                page=block.page,
                heading_path=tuple(label for _, label in path),
                section=section,
            )
        )
        order += 1
    return paragraphs
