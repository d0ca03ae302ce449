"""Source text → clean lines and text blocks.

PDF-extracted gazette text has three kinds of noise this module removes, keeping every line's
number so provenance survives:

* page furniture: running headers ("吕梁市人民政府公报 2022·4 市政府办公室文件") and page numbers
  ("— 37 —");
* 咨询与解读 boxes (咨询单位 / 咨询电话 / 咨 询 与 解 读) printed in the middle of whatever text
  shares their page — they are returned separately as `ConsultBox` records;
* hard line breaks: the PDF wraps every line of a column, so paragraphs are rebuilt by joining
  lines until one ends short of the column width (or a heading starts).

A line that starts with a single space marks a new column or page in the extraction; printed
page numbers are read from the "— N —" footers and spread over those breaks.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import SourceError
from ingest.fold import fold
from ingest.records import ConsultBox, Line

# "公报 2022·4", "公报（第4期）", "公报 2023年第3期"; matched on folded text.
_HEADER = re.compile(
    r"公报\s*\d{4}\s*[·・.．]\s*\d+|公报\s*[（(]?\s*(?:\d{4}\s*年\s*)?第\s*\d+\s*期"
)
_PAGE_NUMBER = re.compile(r"^[—－\-–]{1,2}\s*\d{1,4}\s*[—－\-–]{1,2}$")
# Consult patterns are matched against folded text (ingest.fold: full-width → ASCII, traditional
# → simplified); unit and phone may share one line.
_CONSULT_UNIT = re.compile(r"^咨\s*询\s*单\s*位\s*[：:]\s*(?P<unit>.*?)\s*(?=咨\s*询\s*电\s*话|$)")
_CONSULT_PHONE = re.compile(r"咨\s*询\s*电\s*话\s*[：:]\s*(?P<phone>[\d\-－—()（）\s]*\d)")
_CONSULT_TRAILER = re.compile(r"^(咨\s*询\s*与\s*解\s*读|政\s*策\s*解\s*读|扫\s*码\s*咨\s*询)$")

# Headings that start a new block even when the previous line is full width.
HEADING = re.compile(
    r"^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}\s*[．.、](?!\d)"
    r"|[（(]\d{1,2}[）)]|第[一二三四五六七八九十百零〇\d]+[章节条]|附件\s*\d*\s*$|附件[：:])"
)
_DATE_ONLY = re.compile(
    r"^\s*(?:\d{4}|[〇○零O一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
    r"\s*[\d一二三四五六七八九十]{1,3}\s*日\s*$"
)
_SENTENCE_END = "。！？；：!?;:）)”」》"

# When the extraction lost the column width we assume this many display columns (17 wide chars).
_DEFAULT_WIDTH = 34


@dataclass(frozen=True, slots=True)
class Block:
    """Consecutive content lines joined into one paragraph-like run of text."""

    text: str
    first_line: int
    last_line: int
    page: int
    lines: tuple[Line, ...]


def read_source(path: Path) -> tuple[str, str]:
    """Return (text, sha256 hex) of a gazette text file, decoding UTF-8 or GB18030.

    Raises SourceError naming the file for empty, binary or undecodable input.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(str(path), f"cannot read file ({exc.strerror or exc})") from None
    return decode_source(data, str(path)), hashlib.sha256(data).hexdigest()


def decode_source(data: bytes, name: str) -> str:
    """Decode raw bytes of a source text; reject empty and binary data with a SourceError."""
    if not data.strip():
        raise SourceError(name, "file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(name, "file is UTF-16 text; convert it to UTF-8 (or GB18030)")
    head = data[:65536]
    if b"\x00" in head:
        # UTF-16 without a byte-order mark has NUL bytes on one side only (newlines, ASCII)
        odd, even = head[1::2].count(0), head[0::2].count(0)
        if min(odd, even) == 0 and max(odd, even) > 0 and len(head) % 2 == 0:
            raise SourceError(name, "file looks like UTF-16 text; convert it to UTF-8 (or GB18030)")
        raise SourceError(
            name, "file is binary (contains NUL bytes), expected a UTF-8 or GB18030 text"
        )
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(
            1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f"
        )
        if controls > max(8, len(text) // 200):
            raise SourceError(name, "file looks binary (many control characters), expected text")
        return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n ")
    raise SourceError(name, "cannot decode as UTF-8 or GB18030; convert the file to UTF-8")


def display_width(text: str) -> int:
    """Columns the text takes when printed: wide (CJK, full-width) characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text.strip())


def split_lines(text: str) -> tuple[list[Line], list[ConsultBox]]:
    """Content lines (blank lines and page furniture dropped) with pages, and the consult boxes."""
    raw = text.split("\n")
    pages = _page_numbers(raw)
    lines: list[Line] = []
    boxes: list[ConsultBox] = []
    pending: dict[str, object] | None = None
    for index, original in enumerate(raw):
        number = index + 1
        stripped = original.strip()
        if not stripped or _is_furniture(stripped):
            continue
        key = fold(stripped)  # same length as `stripped`: slice the printed text with its offsets
        unit = _CONSULT_UNIT.match(key)
        phone = _CONSULT_PHONE.search(key, unit.end()) if unit else _CONSULT_PHONE.match(key)
        if unit:
            printed = stripped[unit.start("unit") : unit.end("unit")]
            pending = {"unit": printed, "phone": "", "first": number, "last": number}
        if phone:
            pending = pending or {"unit": "", "phone": "", "first": number, "last": number}
            pending["phone"] = re.sub(r"\s+", "", phone["phone"])
            pending["last"] = number
            boxes.append(
                ConsultBox(
                    str(pending["unit"]), str(pending["phone"]), int(str(pending["first"])), number
                )
            )
            pending = None
            continue
        if unit:
            continue
        if _CONSULT_TRAILER.match(key):
            continue
        lines.append(Line(number, stripped, pages[index]))
    return lines, boxes


def _is_furniture(stripped: str) -> bool:
    key = fold(stripped)
    return bool(_PAGE_NUMBER.match(key)) or (len(key) < 40 and bool(_HEADER.search(key)))


def _page_numbers(raw: list[str]) -> list[int]:
    """Page of every raw line: printed "— N —" footers spread over the column breaks between them.

    The extraction marks each new column/page with a leading space; between two printed page
    numbers the breaks are spread evenly (two-column pages give two breaks a page). With no
    printed number at all, the break count itself is the page.
    """
    breaks = [0] * len(raw)
    count = 0
    for i, line in enumerate(raw):
        if i and line.startswith(" ") and line.strip():
            count += 1
        breaks[i] = count
    anchors = [
        (breaks[i], int(re.sub(r"\D", "", line)))
        for i, line in enumerate(raw)
        if _PAGE_NUMBER.match(line.strip())
    ]
    if not anchors:
        return [b + 1 for b in breaks]
    pages = []
    for b in breaks:
        before = [a for a in anchors if a[0] <= b]
        after = [a for a in anchors if a[0] > b]
        if before and after:
            (b0, p0), (b1, p1) = before[-1], after[0]
        elif len(anchors) >= 2:
            (b0, p0), (b1, p1) = (
                (anchors[0], anchors[1]) if not before else (anchors[-2], anchors[-1])
            )
        else:
            (b0, p0), (b1, p1) = anchors[0], (anchors[0][0] + 1, anchors[0][1] + 1)
        ratio = (p1 - p0) / (b1 - b0) if b1 != b0 else 1.0
        pages.append(max(1, round(p0 + (b - b0) * ratio)))
    return pages


def join_text(parts: list[str]) -> str:
    """Join broken lines: no space between CJK characters, one space between Latin words."""
    out = ""
    for part in parts:
        part = part.strip()
        if (
            out
            and part
            and out[-1].isascii()
            and out[-1].isalnum()
            and part[0].isascii()
            and part[0].isalpha()
        ):
            out += " "
        out += part
    return out


def build_blocks(lines: list[Line]) -> list[Block]:
    """Join broken lines into blocks: a block ends at a line short of the local column width,
    at sentence-final punctuation on a short line, or before a heading."""
    widths = [display_width(line.text) for line in lines]
    blocks: list[Block] = []
    current: list[Line] = []
    for i, line in enumerate(lines):
        if current and HEADING.match(line.text):
            blocks.append(_block(current))
            current = []
        current.append(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is None or _ends_block(i, lines, widths):
            blocks.append(_block(current))
            current = []
    return blocks


def _local_width(i: int, widths: list[int]) -> int:
    """Typical column width around line i: the 70th percentile of its neighbours' widths
    (justified CJK lines vary by a character or two; headings and table rows are outliers)."""
    window = sorted(widths[max(0, i - 10) : i + 11])
    return max(window[int(len(window) * 0.7)], 16)


def _ends_block(i: int, lines: list[Line], widths: list[int]) -> bool:
    text = lines[i].text
    typical = _local_width(i, widths)
    if widths[i] <= typical - 6:
        return True
    final = text[-1] in _SENTENCE_END
    if final and widths[i] <= typical - 3:
        return True
    return final and (bool(HEADING.match(lines[i + 1].text)) or _signature_follows(i, lines))


def _signature_follows(i: int, lines: list[Line]) -> bool:
    """Whether the lines after line i are a signature: one or two short issuer lines over a
    date standing alone (a joint document's signature has an issuer line each)."""
    for k in (i + 2, i + 3):
        if k < len(lines) and _DATE_ONLY.match(fold(lines[k].text)):
            return all(display_width(line.text) <= 40 for line in lines[i + 1 : k])
    return False


def _block(lines: list[Line]) -> Block:
    return Block(
        text=join_text([line.text for line in lines]),
        first_line=lines[0].number,
        last_line=lines[-1].number,
        page=lines[0].page,
        lines=tuple(lines),
    )


def normalise(text: str) -> str:
    """NFKC with all whitespace removed: the form used for matching, never for display."""
    return "".join(unicodedata.normalize("NFKC", text).split())
