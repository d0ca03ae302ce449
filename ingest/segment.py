"""Split a gazette issue into documents and rebuild each document's paragraphs.

A document starts at its title block, then the document number standing alone on its line
("某政发〔2023〕7 号"). Title blocks come in three shapes:

* issuer line(s), then the "关于…" title lines — joint documents print one issuer per line;
* issuer line(s), then a bare genre word ("通告", "公告") — or both on one line ("某市人民政府通告");
* a decree: "某市人民政府令" over its sequence number alone ("第 12 号"), which together make the
  number ("某市人民政府令第12号"); its year is read from the dates under it.

Everything up to the next document's title block belongs to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.fold import fold
from ingest.records import Line, Paragraph
from ingest.text import HEADING, Block, join_text

# 某政发〔2023〕7号, 晋政办发[2021]88号, 某政函【2023】30号, 某政发（2023）第7号
DOC_NUMBER = re.compile(
    r"(?P<prefix>[\u4e00-\u9fff]{1,12})\s*[〔\[【［(（]\s*(?P<year>[0-9０-９]{4})\s*[〕\]】］)）]"
    r"\s*第?\s*(?P<seq>[0-9０-９]{1,4})\s*号"
)
_OWN_LINE_NUMBER = re.compile(r"^" + DOC_NUMBER.pattern + r"$")
# The sequence number of a decree or numbered 公告 on its own line: "第 12 号", "（第12号）".
_SEQ_LINE = re.compile(r"^[(〔\[]?\s*第\s*(?P<seq>[0-9]{1,4})\s*号\s*[)〕\]]?$")
# Genres printed without "关于": the title is the issuer plus the genre word.
_BARE_GENRE = re.compile(r"(?:命令|公告|通告|令)$")
# A line naming an issuing body and nothing else (one line of a joint title block).
_ISSUER_LINE = re.compile(
    r"^[\u4e00-\u9fff()、\s]{2,40}(?:政府|办公室|办公厅|委员会|委|局|厅|部|院|会|中心|政协|法院|检察院)$"
)
_YEAR = re.compile(r"(?P<y>\d{4}|[〇○零O一二三四五六七八九]{4})\s*年")
_CN_YEAR_DIGITS = str.maketrans("〇○零O一二三四五六七八九", "000012345678" + "9")
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
    issuers: tuple[str, ...] = ()  # issuers printed on their own lines (two for a joint document)


def normalise_number(text: str) -> str:
    """Canonical document number: brackets → 〔〕, spaces and 第 dropped, digits ASCII,
    traditional characters simplified (晉政辦發〔2021〕88號 → 晋政办发〔2021〕88号)."""
    m = DOC_NUMBER.search(fold(text))
    if not m:
        return re.sub(r"\s+", "", text)
    return f"{m['prefix']}〔{m['year']}〕{int(m['seq'])}号"


def find_documents(lines: list[Line]) -> list[DocSpan]:
    """Document spans, in order, found from number lines that stand alone under a title block."""
    starts: list[tuple[int, int, tuple[Line, ...], str, int]] = []
    for i, line in enumerate(lines):
        key = fold(line.text)
        if _OWN_LINE_NUMBER.match(key):
            title = _title_above(lines, i)
            if title:
                number = normalise_number(line.text)  # canonical: 某政发〔2023〕7号
                year = int(number.split("〔")[1].split("〕")[0])
                starts.append((i - len(title), i, title, number, year))
        elif seq := _SEQ_LINE.match(key.replace(" ", "")):
            title = _decree_title(lines, i)
            year = _year_below(lines, i)
            if title and year:
                head = compact_issuer(join_text([t.text for t in title]))
                number = f"{head}第{int(seq['seq'])}号"  # 某市人民政府令第12号
                starts.append((i - len(title), i, title, number, year))
    spans = []
    for k, (start, number_index, title, number, year) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        issuers = _issuers(title)
        spans.append(DocSpan(number, year, title, number_index, start, end, issuers))
    return spans


def compact_issuer(text: str) -> str:
    """An issuer or title block with all whitespace removed ("某市人民政府 令" → "某市人民政府令")."""
    return re.sub(r"\s+", "", text)


def _issuers(title: tuple[Line, ...]) -> tuple[str, ...]:
    """The issuing bodies of a title block: every line (or space-separated name on a line)
    above the "关于" / genre line that names a body alone."""
    found: list[str] = []
    for line in title:
        key = fold(line.text).strip()
        if "关于" in key or not _ISSUER_LINE.match(key):
            break
        found.extend(part for part in line.text.split() if part)
    return tuple(found) if len(found) > 1 else ()


def _title_above(lines: list[Line], i: int) -> tuple[Line, ...]:
    """The title block above a number line: back to the issuer line(s) before the "关于" line,
    or the issuer line(s) over a bare genre word ("通告")."""
    taken: list[Line] = []
    j = i - 1
    while j >= 0 and len(taken) < 6:
        text = fold(lines[j].text)
        if _TITLE_STOP.search(text) or lines[i].number - lines[j].number > 14:
            break
        taken.insert(0, lines[j])
        if text.startswith("关于") and j > 0 and not _TITLE_STOP.search(fold(lines[j - 1].text)):
            taken.insert(0, lines[j - 1])  # the issuer line
            j -= 1
            break
        if "关于" in text:
            break  # issuer and 关于 printed on one line
        j -= 1
    if not any("关于" in fold(line.text) for line in taken):
        return _genre_title(lines, i)
    if taken and _ISSUER_LINE.match(fold(taken[0].text).strip()):
        taken[:0] = _issuer_lines_above(lines, j, lines[i].number)  # a joint document
    return tuple(taken)


def _issuer_lines_above(lines: list[Line], j: int, number_line: int) -> list[Line]:
    """Further issuer lines (up to two) directly above lines[j], within the title block."""
    extra: list[Line] = []
    k = j - 1
    while k >= 0 and len(extra) < 2 and number_line - lines[k].number <= 20:
        if not _ISSUER_LINE.match(fold(lines[k].text).strip()):
            break
        extra.insert(0, lines[k])
        k -= 1
    return extra


def _genre_title(lines: list[Line], i: int) -> tuple[Line, ...]:
    """A title block without "关于": a line ending with a bare genre word ("通告", "某市人民政府
    公告") right above the number, with the issuer line(s) above it when the word stands alone."""
    if i == 0:
        return ()
    genre_line = lines[i - 1]
    key = fold(genre_line.text).replace(" ", "")
    genre = _BARE_GENRE.search(key)
    if len(key) > 30 or not genre or _TITLE_STOP.search(key):
        return ()
    if genre.start() == 0:
        issuers = _issuer_lines_above(lines, i - 1, lines[i].number)
        return (*issuers, genre_line) if issuers else ()
    stem = key[: genre.start()]
    return (genre_line,) if _ISSUER_LINE.match(stem) else ()


def _decree_title(lines: list[Line], i: int) -> tuple[Line, ...]:
    """The block above a decree's "第 12 号": "某市人民政府令" (or "某市人民政府" over "令")."""
    title = _genre_title(lines, i)
    return title if title and fold(title[-1].text).replace(" ", "").endswith("令") else ()


def _year_below(lines: list[Line], i: int) -> int:
    """The year of the first date in the lines under a decree's number (its 通过/signing date)."""
    for line in lines[i + 1 : i + 12]:
        m = _YEAR.search(fold(line.text))
        if m:
            return int(m["y"].translate(_CN_YEAR_DIGITS))
    return 0


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
    blocks = _split_at(blocks, {first for first, _, _ in bounds})
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


def _split_at(blocks: list[Block], starts: set[int]) -> list[Block]:
    """Blocks cut before every document's first line: a document's last line may fill the
    column, and the line builder would run it on into the next document's title."""
    out: list[Block] = []
    for block in blocks:
        cuts = [k for k, line in enumerate(block.lines) if k and line.number in starts]
        for a, b in zip([0, *cuts], [*cuts, len(block.lines)], strict=True):
            part = block.lines[a:b]
            if a == 0 and b == len(block.lines):
                out.append(block)
                continue
            out.append(
                Block(
                    text=join_text([line.text for line in part]),
                    first_line=part[0].number,
                    last_line=part[-1].number,
                    page=part[0].page,
                    lines=part,
                )
            )
    return out
