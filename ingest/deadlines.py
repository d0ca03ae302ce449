"""Deadlines: absolute, recurring, relative and period time limits on obligations.

`ingest.timephrases` finds and resolves the time phrases of a paragraph; this stage keeps those
that limit an obligation and `ingest.obligations` links each to what it binds. Not deadlines:

* phrases in the title block, or inside 《》 (titles of other documents);
* dates of past years (statistics, history) and phrases in statistics sentences (同比/累计 …);
* what has already happened ("已于6月底前完成");
* validity ("有效期至…", "期限截至…") and entry into force ("自…起施行"): they belong to the
  document (Document.valid_until / effective_from);
* the condition of a reward ("到2023年底前…不少于10户的，给予…奖励"): no one is bound;
* a second phrase of the same rhythm in one sentence ("按照月调度要求，逐月汇总…" is one
  monthly duty).

The year of a date printed without one is the document's year: the signing date's year when
documents.py has filled it, else the year of the document number (〔2022〕). `task_id` is the
innermost task covering the phrase's line; with no tasks at all it is derived from the
paragraph's heading path ("（七）3", "35", "（二）").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.obligations import NUMBERING, SENTENCE_END, bounds, obligation, party, recipient
from ingest.records import Deadline, Document, Line, Paragraph, Task
from ingest.segment import DOC_NUMBER
from ingest.text import join_text
from ingest.timephrases import TimePhrase, find_time_phrases, fold_time, matching_form

_STATISTICS = re.compile(r"同比|环比|累计|比上年|较上年|增长[0-9.]|下降[0-9.]")
# Validity of the document ("有效期至", "期限截至") and "as of" (截至) statistics.
_VALIDITY = re.compile(r"(?:(?:有效期|期限)(?:截至|截止|至|到)?(?:为|是)?|截至)$")
_ENTRY_INTO_FORCE = re.compile(r"^起?(?:施行|执行|实施|试行|生效)")
_INCENTIVE = re.compile(r"的[，,]\s*(?:可)?给予[^。；;]*?(?:奖励|补贴|补助|资助|奖补)")
_DATED_THING = re.compile(r"^[\u4e00-\u9fff]{1,6}的")
_DONE = re.compile(r"(?:已经?(?:于|在)?|有效期(?:为|是)?)$")


def find_deadlines(
    doc: Document,
    paragraphs: list[Paragraph],
    tasks: list[Task],
    lines: Sequence[Line] | None = None,
) -> list[Deadline]:
    """Deadlines of one document in text order, typed, resolved against the document's year
    and linked to the obligation, party, recipient and task. `lines` (the document's content
    lines) pins each deadline to its exact line; without them the line is estimated."""
    year = document_year(doc)
    out: list[Deadline] = []
    for p in paragraphs:
        if p.section == "head":
            continue
        found = [ph for ph in find_time_phrases(p.text, year) if _binds(ph, p.text, doc)]
        phrases = _one_per_duty(p.text, found)
        for k, ph in enumerate(phrases):
            limit = phrases[k + 1].start if k + 1 < len(phrases) else len(p.text)
            line = _line_of(p, ph.start, lines)
            out.append(
                Deadline(
                    doc_number=doc.number,
                    surface=p.text[ph.start : ph.end].strip(),
                    kind=ph.kind,
                    what=obligation(p.text, ph),
                    paragraph=p.id,
                    first_line=line,
                    who=party(p.text, ph),
                    to_whom=recipient(p.text, ph, limit),
                    due=ph.due,
                    start=ph.period_start,
                    frequency=ph.frequency,
                    day=ph.day,
                    count=ph.count,
                    task_id=_task_id(p, line, tasks),
                    amount=ph.amount,
                    unit=ph.unit,
                )
            )
    return out


def document_year(doc: Document) -> int:
    """The year a date without one belongs to: signing year, else the number's 〔year〕."""
    if doc.signed is not None:
        return doc.signed.year
    m = DOC_NUMBER.search(doc.number)
    return int(m["year"]) if m else 0


def _binds(ph: TimePhrase, text: str, doc: Document) -> bool:
    """False for time phrases that limit no obligation (see the module docstring)."""
    year = document_year(doc)
    before = text[: ph.start]
    if before.count("《") > before.count("》"):
        return False
    s, _ = matching_form(before)
    after, _ = matching_form(text[ph.end : ph.end + 8])
    sa, sb = bounds(text, ph.start, ph.end, SENTENCE_END)
    if ph.kind in ("absolute", "period"):
        if ph.explicit_year is not None and ph.explicit_year < year:
            return False
        if _STATISTICS.search(fold_time(text[sa:sb])):
            return False
        if _VALIDITY.search(s) or _ENTRY_INTO_FORCE.match(after):
            return False
        if ph.kind == "absolute" and _DATED_THING.match(after):
            return False  # "2023年7月1日前签订的合同" dates things, binds no one
        if ph.kind == "period" and doc.signed and ph.due and ph.due < doc.signed:
            return False  # a period over before signing is a report, not a schedule
    if _INCENTIVE.search(fold_time(text[ph.end : sb])):
        return False
    return not _DONE.search(s) and not after.startswith("已")


def _one_per_duty(text: str, phrases: list[TimePhrase]) -> list[TimePhrase]:
    """Drop a recurrence repeating the rhythm of an earlier one in the same sentence."""
    kept: list[TimePhrase] = []
    seen: set[tuple[object, ...]] = set()
    for ph in phrases:
        key = (ph.frequency, ph.day, ph.count, bounds(text, ph.start, ph.end, SENTENCE_END))
        if ph.kind == "recurring" and key in seen:
            continue
        if ph.kind == "recurring":
            seen.add(key)
        kept.append(ph)
    return kept


def _line_of(p: Paragraph, offset: int, lines: Sequence[Line] | None) -> int:
    """The source line holding character `offset` of the paragraph text."""
    own = [ln for ln in lines or () if p.first_line <= ln.number <= p.last_line]
    if own and join_text([ln.text for ln in own]) == p.text:
        for k, ln in enumerate(own):
            if offset < len(join_text([x.text for x in own[: k + 1]])):
                return ln.number
        return own[-1].number
    span = p.last_line - p.first_line
    return p.first_line + round(span * offset / max(len(p.text), 1))


def _task_id(p: Paragraph, line: int, tasks: list[Task]) -> str | None:
    """The innermost task covering the line; without tasks, the paragraph's heading numbers."""
    covering = [t for t in tasks if t.paragraph == p.id or t.first_line <= line <= t.last_line]
    if covering:
        return min(
            covering, key=lambda t: (t.paragraph != p.id, t.last_line - t.first_line)
        ).task_id
    if tasks or not p.heading_path:
        return None
    numbers = []
    for label in p.heading_path:
        m = NUMBERING.match(fold_time(label))
        numbers.append(re.sub(r"[、．.\s]", "", label[: m.end()]) if m else "")
    last = numbers[-1]
    if last[:1].isdigit() and len(numbers) > 1 and numbers[-2].startswith(("（", "(")):
        return numbers[-2] + last
    return last or None
