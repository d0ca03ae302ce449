"""Document metadata: number, title, genre, issuer, date, addressees, 咨询 box, citations …

A gazette document (GB/T 9704 layout) prints, in order: the title block (issuer line, "关于…"
lines), the document number, the 主送 line ending in "：", the body, the signature (issuer,
then the date on its own line), the publication note "（此件公开发布）", and — for a 印发 notice —
the forwarded text with its own 附件 list. Fields are read from the document's content lines
(page furniture and 咨询 boxes already removed), matched on the folded text (`ingest.fold`:
full-width → ASCII, traditional → simplified, same length) and sliced out of the printed text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from datetime import date, timedelta

from ingest.fold import fold
from ingest.records import ConsultBox, Document, Line, Paragraph
from ingest.segment import DOC_NUMBER, DocSpan, normalise_number
from ingest.text import HEADING, display_width, join_text

# The 15 genres of the 党政机关公文处理工作条例 plus the normative texts a notice forwards.
# Longer words first so that a title ending in 命令 is not read as 令.
GENRES = (
    "决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复",
    "议案", "纪要", "办法", "规定", "细则", "条例", "方案", "规划", "计划", "答复", "函", "令",
)  # fmt: skip
_GENRE_SUFFIX = re.compile("(?:" + "|".join(sorted(GENRES, key=len, reverse=True)) + ")$")
_GENRE_ANY = re.compile("|".join(sorted(GENRES, key=len, reverse=True)))
# Genres published without a 主送 line: no warning when none is found.
_NO_RECIPIENTS = {"公告", "通告", "命令", "令", "公报"}

_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "O": 0, "0": 0}
_NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
# "2022 年 5 月 31 日" and "二〇二一年三月五日"; matched on folded text.
DATE = re.compile(
    rf"(?P<y>\d{{4}}|[〇○零O0一二三四五六七八九]{{4}})\s*年\s*(?P<m>{_NUM})\s*月\s*(?P<d>{_NUM})\s*日"
)
_DATE_LINE = re.compile(r"(?P<pre>.*?)\s*(?P<date>" + DATE.pattern + r")")
# A signature line ends with the name of a body.
_SIGNER = re.compile(r"(?:政府|办公室|办公厅|委员会|局|厅|委|办|部|院|会|中心|公司|集团|管委会)$")
_PUBLICATION = re.compile(r"^\((?:此件|本件)[^)]{1,12}\)$")
# Openings of body text, never of a 主送 line (which names bodies: 现代农业示范区管委会 is one).
_RECIPIENT_START_STOP = re.compile(
    r"^(?:为了?|根据|按照|依据|经(?:研究|审核|审查|市|县|区|省|国务院|党)|现[将就对予印]|近[年期日]"
    r"|今[年后]|兹|据|你|关于|\(|第[一二三四五六七八九十百]+条)"
)
_ANNEX_HEADING = re.compile(r"^附\s*件\s*\d*\s*$")
_ANNEX_LIST = re.compile(r"^附\s*件\s*:\s*")
_ITEM = re.compile(r"^(?P<n>\d{1,2})\s*[.、]\s*")
_NOTE = re.compile(r"\s*\(见[^)]{1,10}\)\s*$")
_FORWARD = re.compile(r"印发|转发|颁发|颁布|发布|公布|下发|发给")
_TITLE_FORWARD = re.compile(r"关于(?:印发|转发|颁发|颁布|发布)(?P<x>.+)的(?:通知|意见|决定)$")
_INTERPRETED = re.compile(r"由(?P<unit>[^,。;()由]{2,40}?)负责(?:政策)?解读")
_EFFECTIVE = re.compile(
    r"自(?P<when>(?:公布|印发|发布|颁布|公告|下发|签发|发文)之日|" + DATE.pattern + r")"
    r"起(?:试行|施行|实施|执行|生效)"
)
_UNTIL = r"(?:截至|截止到?|至|到)"


def _dated(prefix: str) -> str:
    """DATE with its groups renamed y/m/d → {prefix}y/{prefix}m/{prefix}d, to use it twice."""
    return DATE.pattern.replace("(?P<", "(?P<" + prefix)


# "有效期为2年", "有效期为三年", "有效期至2026年4月30日", "有效期自…起至…", "有效期至2025年底",
# "期限截至2023年12月31日".
_VALIDITY = re.compile(
    rf"有效期(?:为|是)?(?:自{_dated('s')}起?)?"
    rf"(?:{_UNTIL}(?:(?P<until>{_dated('u')})|(?P<year_end>\d{{4}})\s*年(?:底|末))止?"
    rf"|(?P<n>\d{{1,2}}|[一二三四五六七八九十两]{{1,2}})\s*年)"
    rf"|期限(?:为)?{_UNTIL}(?P<until2>{_dated('v')})止?"
)
_PREFIX_LEAD = re.compile(
    r"^(?:根据|依据|按照|参照|对照|贯彻|落实|执行|转发|印发|以及|关于|及|和|与|或)+"
)
_PREFIX_CUT = re.compile(r".*(?:的|及|和|与|或|见|即|了|按照|根据|依据|参照|印发|转发|下发|关于)")


def parse_document(span: DocSpan, lines: list[Line], paragraphs: list[Paragraph]) -> Document:
    """The metadata of one document from its own content lines (title block first).

    `paragraphs` are the document's rebuilt paragraphs; the fields here are read from lines,
    because headers, signatures and 主送 lines are short lines the paragraph builder may join.
    Fields that a document of its genre must have but that were not found are named in
    `Document.missing` ("issuer", "genre", "recipients", "signing date").
    """
    body = lines[_number_index(span, lines) + 1 :]
    title = compact(join_text([line.text for line in span.title_lines]))
    genre = genre_of(title)
    issuer = "、".join(span.issuers) if span.issuers else _title_issuer(title, genre)
    signature = _signature(body, issuer, span.year)
    signed, sign_at, signer = signature if signature else (None, None, "")
    issuer = issuer or signer
    recipients = _recipients(body)
    text = compact(join_text([line.text for line in body]))
    key = fold(text)
    opening = _opening(body, sign_at)
    effective_text, effective_from, validity_text, valid_until = _validity(text, key, signed)
    missing = [name for name, value in (("issuer", issuer), ("genre", genre)) if not value]
    if not recipients and genre not in _NO_RECIPIENTS:
        missing.append("recipients")
    if signed is None:
        missing.append("signing date")
    return Document(
        number=span.number,
        title=title,
        genre=genre,
        issuer=issuer,
        signed=signed,
        recipients=recipients or "",
        first_line=lines[0].number,
        last_line=lines[-1].number,
        page=lines[0].page,
        publication_note=_publication_note(body, sign_at),
        attached_title=_attached_title(title, opening, genre),
        attachments=_attachments(body, issuer),
        interpreted_by=_interpreted_by(text, key),
        cites=cited_numbers(key, exclude=span.number),
        effective_text=effective_text,
        effective_from=effective_from,
        valid_until=valid_until,
        validity_text=validity_text,
        missing=tuple(missing),
    )


def _number_index(span: DocSpan, lines: list[Line]) -> int:
    """Index in `lines` (the document's lines, title block first) of its number line."""
    at = span.number_line - span.start
    if 0 <= at < len(lines) and normalise_number(lines[at].text) == span.number:
        return at
    found = (k for k, line in enumerate(lines) if normalise_number(line.text) == span.number)
    return next(found, len(span.title_lines))


def compact(text: str) -> str:
    """Whitespace removed next to CJK / full-width characters ("2022 年" → "2022年"), kept
    between Latin words and numbers ("BF－07 BF－09" keeps its space)."""
    text = re.sub(r"\s+(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\s+", "", text.strip())
    return re.sub(r"\s{2,}", " ", text)


def genre_of(title: str) -> str:
    """The genre of a title: the genre word it ends with ("…的实施意见" → 意见, "印发…办法的通知"
    → 通知), a trailing "（试行）" ignored; else the last genre word in it; else ""."""
    key = re.sub(r"(?:\([^()]*\)|[\s\"”》])+$", "", fold(title))
    m = _GENRE_SUFFIX.search(key)
    if m:
        return m.group()
    found = list(_GENRE_ANY.finditer(key))
    return found[-1].group() if found else ""


def parse_date(text: str) -> date | None:
    """The first date written "2022年5月31日" or "二〇二一年三月五日" in `text`, else None."""
    m = DATE.search(fold(text))
    return _date_of(m) if m else None


def _date_of(m: re.Match[str], prefix: str = "") -> date | None:
    year, month, day = (_cn_number(m[prefix + g]) for g in ("y", "m", "d"))
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _cn_number(text: str) -> int:
    """Arabic digits, digit-by-digit Chinese (二〇二一) or positional Chinese (三十一, 十二)."""
    if text.isdigit() and text.isascii():
        return int(text)
    if "十" not in text:
        return int("".join(str(_CN_DIGIT.get(c, 0)) for c in text))
    tens, _, units = text.partition("十")
    return (_CN_DIGIT.get(tens, 1) if tens else 1) * 10 + (_CN_DIGIT.get(units, 0) if units else 0)


def _title_issuer(title: str, genre: str = "") -> str:
    """The issuer printed before "关于", or before the genre word of a title without it
    ("某市人民政府通告", "某市人民政府令")."""
    key = fold(title)
    at = key.find("关于")
    if at < 0 and genre in _NO_RECIPIENTS and key.endswith(genre):
        at = len(key) - len(genre)
    return title[:at].strip() if at > 0 else ""


def _signature(body: list[Line], issuer: str, year: int) -> tuple[date, int, str] | None:
    """(date, index of the date line, signer) of the signature block.

    The signature is a date standing alone on its line, under a line ending with the issuer
    (sometimes glued after the last sentence: "…报批。 吕梁市人民政府"). The first such date wins;
    failing that, the first date standing alone. Dates far from the number's year are table
    cells, not signatures."""
    issuer_key = fold(issuer).replace(" ", "")
    fallback: tuple[date, int, str] | None = None
    for k, line in enumerate(body):
        m = _DATE_LINE.fullmatch(fold(line.text))
        if not m:
            continue
        signed = _date_of(m)
        if signed is None or abs(signed.year - year) > 1:
            continue
        pre = m["pre"].replace(" ", "")
        above = fold(body[k - 1].text).replace(" ", "") if k else ""
        signer = _tail(line.text[: m.end("pre")])
        if pre and (
            (issuer_key and pre.endswith(issuer_key)) or (_SIGNER.search(pre) and len(signer) <= 30)
        ):
            return signed, k, signer
        if pre:
            continue
        if (issuer_key and above.endswith(issuer_key)) or _SIGNER.search(above):
            return signed, k, _tail(body[k - 1].text)
        fallback = fallback or (signed, k, "")
    return fallback


def _tail(text: str) -> str:
    """The signer at the end of a line: after the last sentence end or wide gap."""
    return re.split(r"[。；;！？!?]\s*|\s+(?=\S+$)", text.strip())[-1].strip()


def _recipients(body: list[Line]) -> str | None:
    """The 主送 line(s) right under the number, up to the "：" that ends them."""
    parts: list[str] = []
    while body and re.fullmatch(r"\(.*\)", fold(body[0].text)):
        body = body[1:]  # a subtitle such as "（2021年3月5日市人民政府第5次常务会议通过）"
    for line in body[:4]:
        key = fold(line.text)
        at = key.find(":")
        parts.append(line.text[:at] if at >= 0 else line.text)
        if at >= 0:
            break
        if key.rstrip()[-1:] in ("。", ";", "!", "?"):
            return None
    else:
        return None
    text = compact(join_text(parts))
    key = fold(text)
    if (
        not text
        or _RECIPIENT_START_STOP.match(key)
        or HEADING.match(key)
        or re.search(r"[。;]|如下", key)
        or len(text) > 150
    ):
        return None
    return text


def _publication_note(body: list[Line], sign_at: int | None) -> str | None:
    """ "（此件公开发布）" under the signature, else anywhere in the document."""
    near = body[sign_at + 1 : sign_at + 4] if sign_at is not None else []
    for line in near + body:
        if _PUBLICATION.match(fold(line.text).replace(" ", "")):
            return compact(line.text)
    return None


def _opening(body: list[Line], sign_at: int | None) -> str:
    """The text the issuer signs: from the 主送 line to the signature (or the first lines)."""
    return compact(
        join_text([line.text for line in body[: sign_at if sign_at is not None else 12]])
    )


def _guillemets(text: str) -> list[tuple[int, int]]:
    """(start, end) of the outermost 《…》 spans; nested ones stay inside their parent."""
    spans, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "《":
            start = start if depth else i
            depth += 1
        elif ch == "》" and depth:
            depth -= 1
            if not depth:
                spans.append((start, i + 1))
    return spans


def _attached_title(title: str, opening: str, genre: str = "") -> str | None:
    """The text a 印发/转发 notice or a decree forwards: the 《X》 next to the forwarding verb in
    the notice's own text ("《X》已经…同意，现印发给你们", "《X》已经…通过，现予公布"); else X of
    the title "关于印发X的通知"; None for a document whose title forwards nothing."""
    title_key = fold(title)
    about = title_key.find("关于")
    decree = genre in ("令", "命令") and about < 0
    if not decree and (about < 0 or not _FORWARD.search(title_key[about:])):
        return None
    m = _TITLE_FORWARD.search(title_key)
    from_title = title[m.start("x") : m.end("x")] if m else None
    key = fold(opening)
    for sentence in re.finditer(r"[^。]+", key):
        verb = _FORWARD.search(key, sentence.start(), sentence.end())
        spans = [s for s in _guillemets(key) if sentence.start() <= s[0] and s[1] <= sentence.end()]
        if verb and spans:
            before = [s for s in spans if s[1] <= verb.start()]
            a, b = before[-1] if before else spans[0]
            quoted = opening[a + 1 : b - 1]
            # a 《》 that shares little with the title's X is a cited text, not the forwarded one
            if from_title is None or _char_overlap(quoted, from_title) >= 0.5:
                return quoted
            break
    return from_title


def _attachments(body: list[Line], issuer: str) -> tuple[str, ...]:
    """Titles listed after "附件：", numbered ("1．…" "2．…") or single, joined across broken
    lines; notes such as "（见网络版）" and enclosing 《》 dropped. Every list of the document
    (the notice's and the forwarded text's) is read; duplicates dropped."""
    items: list[str] = []
    for k, line in enumerate(body):
        m = _ANNEX_LIST.match(fold(line.text))
        if m:
            for item in _list_items(_list_lines(body, k, m.end(), issuer)):
                if item and item not in items:
                    items.append(item)
    return tuple(items)


def _list_lines(body: list[Line], k: int, offset: int, issuer: str) -> list[tuple[str, int]]:
    """(text, display width) of the lines of the 附件 list opened at body[k], up to the annex
    heading ("附件 1"), the signature or the publication note."""
    issuer_key = fold(issuer).replace(" ", "")
    rest = body[k].text[offset:]
    out = [(rest, display_width(body[k].text))] if rest.strip() else []
    for j in range(k + 1, len(body)):
        key = fold(body[j].text).replace(" ", "")
        nxt = fold(body[j + 1].text) if j + 1 < len(body) else ""
        if (
            _ANNEX_HEADING.match(key)
            or _ANNEX_LIST.match(key)
            or _PUBLICATION.match(key)
            or _DATE_LINE.fullmatch(key)
            or DATE.fullmatch(nxt.strip())
            or (issuer_key and key == issuer_key)
        ):
            break  # the annex heading, the signature (issuer over date) or the note under it
        out.append((body[j].text, display_width(body[j].text)))
    return out


def _list_items(lines: list[tuple[str, int]]) -> list[str]:
    """Items of a 附件 list: a numbered line starts an item, a line after a full-width one
    continues it, anything else ends the list."""
    found: list[list[str]] = []
    widest = previous = 0
    for text, width in lines:
        key = fold(text)
        item = _ITEM.match(key)
        if _NOTE.fullmatch(key):
            continue
        if item:
            found.append([text[item.end() :]])
        elif not found:
            found.append([text])
        elif previous >= widest - 8:
            found[-1].append(text)
        else:
            break
        widest, previous = max(widest, width), width
    items = []
    for parts in found:
        text = compact(join_text(parts))
        note = _NOTE.search(fold(text))
        text = text[: note.start()] if note else text
        if text.startswith("《") and text.endswith("》"):
            text = text[1:-1]
        items.append(text)
    return items


def _interpreted_by(text: str, key: str) -> str | None:
    """The unit of "本文件由X负责解读", as printed, searched over the joined document text."""
    m = _INTERPRETED.search(key)
    return text[m.start("unit") : m.end("unit")] if m else None


def cited_numbers(key: str, exclude: str = "") -> tuple[str, ...]:
    """Normalised document numbers cited in folded, joined text, in order, without duplicates
    or `exclude`.

    Citations are usually bracketed ("…的通知》（晋政办发〔2022〕34号）"), so the issuer prefix
    is the run of characters after the bracket. When prose runs into the prefix ("依据晋政发
    〔2022〕2号", "重申晋政办发〔2021〕88号") it is cut to a prefix seen bracketed in the same
    text (or `exclude`'s), else after the words that introduce a citation."""
    matches = list(DOC_NUMBER.finditer(key))
    known = {m["prefix"] for m in matches if _bracketed(key, m)}
    if exclude:
        own = DOC_NUMBER.search(exclude)
        known |= {own["prefix"]} if own else set()
    found: list[str] = []
    for m in matches:
        prefix = m["prefix"]
        if not _bracketed(key, m):
            ends = [k for k in known if prefix.endswith(k)]
            prefix = (
                max(ends, key=len) if ends else _PREFIX_LEAD.sub("", _PREFIX_CUT.sub("", prefix))
            )
        if prefix:
            number = f"{prefix}〔{m['year']}〕{int(m['seq'])}号"
            if number != exclude and number not in found:
                found.append(number)
    return tuple(found)


def _bracketed(key: str, m: re.Match[str]) -> bool:
    """Whether a number stands in brackets or a list ("（晋政办发〔2022〕34号）", "、民发…"),
    where its prefix is the issuer's abbreviation alone, not the tail of a sentence."""
    before = key[m.start() - 1] if m.start() else ""
    return before in ("(", "《", "》", "、", "“", '"') and not _PREFIX_LEAD.match(m["prefix"])


def _validity(
    text: str, key: str, signed: date | None
) -> tuple[str | None, date | None, str | None, date | None]:
    """(effective_text, effective_from, validity_text, valid_until) of the last 施行 clause
    ("自公布之日起试行，有效期为2年"). 公布/印发之日 is the signing date; "有效期N年" ends the day
    before the N-th anniversary of the start; "期限截至2023年12月31日" is taken as printed."""
    effective = list(_EFFECTIVE.finditer(key))
    eff = effective[-1] if effective else None
    effective_from: date | None = None
    if eff:
        effective_from = _date_of(eff) if eff["y"] else signed
    validities = list(_VALIDITY.finditer(key))
    near = [v for v in validities if eff and 0 <= v.start() - eff.end() <= 60]
    val = near[0] if near else (validities[-1] if validities else None)
    valid_until: date | None = None
    if val:
        if val["until"] or val["until2"]:
            valid_until = _date_of(val, "u" if val["until"] else "v")
        elif val["year_end"]:
            valid_until = date(int(val["year_end"]), 12, 31)
        elif val["n"]:
            start = (_date_of(val, "s") if val["sy"] else None) or effective_from or signed
            valid_until = (
                _add_years(start, _cn_number(val["n"].replace("两", "二"))) if start else None
            )
        if val["sy"] and effective_from is None:
            effective_from = _date_of(val, "s")
    return (
        text[eff.start() : eff.end()] if eff else None,
        effective_from,
        text[val.start() : val.end()] if val else None,
        valid_until,
    )


def _add_years(start: date, years: int) -> date:
    """The last day of a period of `years` years starting on `start`."""
    try:
        anniversary = start.replace(year=start.year + years)
    except ValueError:  # 29 February
        anniversary = start.replace(year=start.year + years, day=28) + timedelta(days=1)
    return anniversary - timedelta(days=1)


def assign_consult_boxes(documents: list[Document], boxes: list[ConsultBox]) -> list[Document]:
    """Attach each 咨询 box to the document it belongs to; documents without one keep None.

    The layout prints a document's box at the foot of a page at or after the document's end,
    often inside the next document's first page, never before the document starts, and in
    document order. So boxes and documents are aligned in order (dynamic programming): as many
    boxes as possible are placed; among equal placements, a box prefers the document it follows
    most closely (each document that ended in between costs 1, a box inside the document's own
    span costs 2), a box whose unit contradicts the document's 负责解读 unit costs 5, and a unit
    that agrees with it (or with an issuing department) only breaks ties.
    """
    boxes = sorted(boxes, key=lambda b: b.first_line)
    n, m = len(documents), len(boxes)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    step = [[""] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            options = [(best[i - 1][j], "doc"), (best[i][j - 1], "box")]
            score = _box_score(documents, i - 1, boxes[j - 1])
            if score is not None:
                options.append((best[i - 1][j - 1] + score, "match"))
            best[i][j], step[i][j] = max(options, key=lambda o: (o[0], o[1] == "match"))
    chosen: dict[int, ConsultBox] = {}
    i, j = n, m
    while i and j:
        if step[i][j] == "match":
            chosen[i - 1] = boxes[j - 1]
            i, j = i - 1, j - 1
        elif step[i][j] == "doc":
            i -= 1
        else:
            j -= 1
    return [
        replace(doc, consult_unit=chosen[k].unit, consult_phone=chosen[k].phone)
        if k in chosen
        else doc
        for k, doc in enumerate(documents)
    ]


def _box_score(documents: list[Document], i: int, box: ConsultBox) -> float | None:
    """Score of giving `box` to documents[i]; None when the box is printed before it starts."""
    doc = documents[i]
    if box.first_line <= doc.first_line:
        return None
    if box.first_line > doc.last_line:
        ends = [later.last_line for later in documents[i + 1 :]]  # increasing: documents in order
        penalty = bisect_left(ends, box.first_line)
    else:
        penalty = 2  # printed inside the document itself: possible, less usual than after it
    bonus = 0.0
    if doc.interpreted_by:
        agreement = _unit_overlap(doc.interpreted_by, box.unit)
        bonus = 0.5 if agreement >= 0.6 else -5.0 if agreement < 0.25 else 0.0
    elif doc.issuer and not re.search(r"(?:政府|办公室|办公厅)$", fold(doc.issuer)):
        bonus = 0.5 if _unit_overlap(doc.issuer, box.unit) >= 0.6 else 0.0
    return 100.0 - penalty + bonus


def _char_overlap(a: str, b: str) -> float:
    """Share of the characters of the shorter string found in the other."""
    x, y = set(fold(a)), set(fold(b))
    return len(x & y) / min(len(x), len(y)) if x and y else 0.0


_GENERIC_UNIT_CHARS = set("局委员会厅办公室部中心市县区省和的")


def _unit_overlap(a: str, b: str) -> float:
    """Share of the distinctive characters of the shorter unit name found in the other
    (市发展改革委 ~ 吕梁市发展和改革委员会: 1.0); a rough test for 'the same body'."""

    def core(unit: str) -> set[str]:
        return set(fold(unit)) - _GENERIC_UNIT_CHARS - set(" ")

    x, y = core(a), core(b)
    return len(x & y) / min(len(x), len(y)) if x and y else 0.0
