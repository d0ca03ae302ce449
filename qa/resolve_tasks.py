"""Handlers for duties: which units lead / are responsible for / cooperate on a task, and its
deadlines.

Both start from the paragraphs that best match the question. A paragraph the graph read a
task (or deadline) from is answered with task_units.rq (deadline.rq); otherwise the
assignment phrase or time expression is read from the printed text — the phrase that follows
the sentence the question matched, since one paragraph may hold several measures.
"""

from __future__ import annotations

import re
from typing import Any

from qa import spans, templates
from qa.answer import Answer, compose, found, join, not_found
from qa.answer import sources as _sources
from qa.context import TOPIC_MIN, Context, best_sentence, years_agree
from qa.evidence import Para
from qa.intents import Intent

ROLE_ZH = {"lead": "牵头单位", "responsible": "责任单位", "cooperating": "配合单位"}
RELATIVE_FLOOR = 0.6  # a candidate paragraph must score at least this share of the best one


def _pool(ctx: Context, intent: Intent, k: int = 8) -> list[tuple[float, Para]]:
    ranked = ctx.ranked(intent.topic, k)
    if not ranked or ranked[0][0] < TOPIC_MIN:
        return []
    top = ranked[0][0]
    floor = max(TOPIC_MIN, RELATIVE_FLOOR * top)
    # the title block names no tasks or time limits of its own
    return [(s, p) for s, p in ranked if s >= floor and p.section != "head"]


# ---------------------------------------------------------------------------------------
# units


def _order_roles(asked: str, by_role: dict[str, list[str]]) -> list[tuple[str, list[str]]]:
    """Roles to report, the asked one first; a missing asked role falls back sensibly."""
    order = [asked] + [r for r in ("lead", "responsible", "cooperating") if r != asked]
    return [(r, by_role[r]) for r in order if by_role.get(r)]


def _units_text(asked: str, by_role: dict[str, list[str]]) -> tuple[str, list[str]] | None:
    roles = _order_roles(asked, by_role)
    if not roles:
        return None
    if asked == "cooperating" and not by_role.get("cooperating"):
        return None
    first_role, first_units = roles[0]
    parts = [f"{join(first_units)}（{ROLE_ZH[first_role]}）"]
    parts += [f"{ROLE_ZH[r]}：{join(u)}" for r, u in roles[1:]]
    return "；".join(parts), first_units


def _task_for(ctx: Context, intent: Intent, para: Para) -> dict[str, Any] | None:
    tasks = ctx.tasks_by_para.get(para.iri, [])
    if not tasks:
        return None
    return max(
        tasks,
        key=lambda t: ctx.corpus.coverage(
            intent.topic, f"{t.get('heading') or ''}{t.get('text') or ''}"
        ),
    )


def _units_from_graph(ctx: Context, intent: Intent, para: Para) -> Answer | None:
    task = _task_for(ctx, intent, para)
    if task is None:
        return None
    run = templates.run(ctx.store, "task_units", task=task["task"])
    by_role: dict[str, list[str]] = {}
    for r in run.rows:
        unit = r.get("printed") or r.get("label")
        if unit and unit not in by_role.get(r["role"], []):
            by_role.setdefault(r["role"], []).append(unit)
    alone = list(by_role) == ["responsible"] and len(by_role["responsible"]) == 1
    if alone and "牵头" in (task.get("text") or ""):
        # a duty of one body whose text says it leads ("…局负责牵头组织…") is its lead
        by_role = {"lead": by_role["responsible"]}
    worded = _units_text(intent.role or "responsible", by_role)
    if worded is None:
        return None
    text, items = worded
    clause = task.get("assignment") or best_sentence(ctx, intent.topic, para)[1]
    return found(intent.question, intent.label(), compose(text, clause), [para], run.display, items)


def _assignment_near(
    ctx: Context, intent: Intent, para: Para
) -> tuple[dict[str, list[str]], str] | None:
    """Units printed for the measure the question matched, by role, and the phrase."""
    text = para.text
    found_spans = spans.unit_spans(text)
    offset, sentence, _ = best_sentence(ctx, intent.topic, para)
    end = offset + len(sentence)
    inside = [s for s in found_spans if offset <= s.start < end and s.start >= 0]
    after = [s for s in found_spans if s.start >= offset]
    before = [s for s in found_spans if s.start < offset]
    chosen: list[spans.Span] = []
    if inside:
        chosen = [s for s in inside if s.start == inside[0].start] or inside
        # an inline subject in the sentence, plus the rest of its phrase
        chosen = [s for s in found_spans if s.start in {c.start for c in chosen}]
    elif after:
        first = after[0].start
        # a labelled list spans several role labels: keep all spans up to the closing bracket
        close = text.find("）", first)
        close = len(text) if close < 0 else close
        chosen = [s for s in after if s.start <= close]
    elif before:
        last = before[-1].start
        chosen = [s for s in before if s.start >= last - 80 and s.start <= last]
    if not chosen:
        units = spans.leading_subject(text)
        if units:
            return {"responsible": units}, sentence
        return None
    by_role: dict[str, list[str]] = {}
    for s in chosen:
        if s.text not in by_role.get(s.role or "responsible", []):
            by_role.setdefault(s.role or "responsible", []).append(s.text)
    phrase_start = min(s.start for s in chosen)
    phrase = text[phrase_start : max(s.end for s in chosen)]
    return by_role, phrase if len(phrase) <= 120 else sentence


def _units_from_text(ctx: Context, intent: Intent, para: Para) -> Answer | None:
    result = _assignment_near(ctx, intent, para)
    evidence = [para]
    if result is None:
        # lists printed as the next paragraphs ("责任单位：…", then "配合单位：…")
        by_role: dict[str, list[str]] = {}
        lines: list[Para] = []
        for nxt in ctx.corpus.neighbours(para, 3):
            if not re.match(r"^[（(]?(?:牵头|责任|配合|协办|主办)(?:单位|部门)\s*[：:]", nxt.text):
                if lines:
                    break
                continue
            lines.append(nxt)
            for s in spans.labelled_units(nxt.text):
                by_role.setdefault(s.role or "responsible", []).append(s.text)
        if by_role:
            result = (by_role, " ".join(p.text for p in lines))
            evidence = [para, *lines]
    if result is None:
        return None
    by_role, phrase = result
    worded = _units_text(intent.role or "responsible", by_role)
    if worded is None:
        return None
    text, items = worded
    return found(intent.question, intent.label(), compose(text, phrase), evidence, "", items)


def _merged(paras: list[Para]) -> Para:
    """One paragraph standing for a block cut by a layout break (text joined, lines spanned)."""
    if len(paras) == 1:
        return paras[0]
    from dataclasses import replace

    first, last = paras[0], paras[-1]
    return replace(first, text="".join(p.text.rstrip() for p in paras), last_line=last.last_line)


def task_units(ctx: Context, intent: Intent) -> Answer:
    """Units assigned to the task or duty the question describes.

    Among the close candidates, the first whose units include the asked role wins: "谁牵头"
    is better answered by a measure printing a 牵头单位 than by one listing 责任单位 only.
    """
    pool = _pool(ctx, intent)
    answers = [a for _, para in pool[:4] if (a := _units_for(ctx, intent, para)) is not None]
    if answers:
        wanted = ROLE_ZH.get(intent.role or "responsible", "")
        with_role = [a for a in answers if wanted in a.answer.split("（原文")[0]]
        return (with_role or answers)[0]
    return not_found(
        intent.question, intent.label(), "公报未写明该事项由哪个单位负责", [p for _, p in pool[:1]]
    )


def _units_for(ctx: Context, intent: Intent, para: Para) -> Answer | None:
    """Units of one candidate paragraph: from the graph's task, else from the printed text
    (joined with the paragraph a layout break cut it from)."""
    block = ctx.corpus.block(para)
    for part in [para] + [p for p in block if p is not para]:
        answer = _units_from_graph(ctx, intent, part)
        if answer is not None:
            return answer
    if len(block) > 1:
        answer = _units_from_text(ctx, intent, _merged(block))
        if answer is not None:
            answer.sources = _sources(block)
            return answer
    return _units_from_text(ctx, intent, para)


# ---------------------------------------------------------------------------------------
# deadlines

_KIND_OF_SURFACE = [
    ("recurring", re.compile(r"^每|按月|按季|按年|按周|[日周月季年](?:调度|通报|考评|报送|汇报)")),
    ("relative", re.compile(r"(?:日|天|工作日|个月|周|年)(?:内|之内|以内)|之日起|提前")),
]


def _surface_kind(surface: str) -> str:
    for kind, pattern in _KIND_OF_SURFACE:
        if pattern.search(surface):
            return kind
    return "absolute"


def _sentence_at(text: str, needle: str) -> tuple[int, str]:
    flat_needle = spans.squash(needle)
    for offset, sentence in spans.sentences(text):
        if flat_needle and flat_needle in spans.squash(sentence):
            return offset, sentence
    return -1, ""


def _clause_at(sentence: str, surface: str) -> str:
    """The comma-level clause of `sentence` that holds the time expression `surface`."""
    flat = spans.squash(surface)
    return next((c for _, c in spans.clauses(sentence) if flat in spans.squash(c)), "")


def deadline(ctx: Context, intent: Intent) -> Answer:
    """The time limit (date, recurrence or period) of the obligation the question describes."""
    pool = _pool(ctx, intent)
    best: tuple[float, str, str, Para, dict[str, Any] | None] | None = None
    for rank, (matched, para) in enumerate(pool[:5]):
        if not years_agree(intent.question, para):
            continue
        candidates: list[tuple[str, str, dict[str, Any] | None]] = []
        for d in ctx.deadlines_by_para.get(para.iri, []):
            if d.get("surface"):
                candidates.append((d["surface"], d.get("obligation") or "", d))
        recorded = [spans.squash(surface) for surface, _, _ in candidates]
        for s in spans.date_spans(para.text):
            if not any(s.text in r for r in recorded):  # the graph's record knows its duty
                candidates.append((s.text, "", None))
        for surface, obligation, record in candidates:
            _, sentence = _sentence_at(para.text, surface)
            if not sentence:
                sentence = obligation
            # the sentence says most; the paragraph (its other sentences, headings) and the
            # duty bound by the limit ("90日内办理房屋转移登记") decide between close ones
            local = obligation or _clause_at(sentence, surface)
            score = 0.8 * ctx.corpus.coverage(intent.topic, sentence + obligation)
            score += 0.2 * matched + 0.25 * ctx.corpus.coverage(intent.topic, local)
            if intent.deadline_kind and _surface_kind(surface) == intent.deadline_kind:
                score += 0.15
            score += 0.05 if record is not None else 0.0
            score -= 0.03 * rank
            if best is None or score > best[0]:
                best = (score, surface, sentence, para, record)
    if best is None or best[0] < TOPIC_MIN:
        return not_found(
            intent.question, intent.label(), "公报未写明该事项的时限", [p for _, p in pool[:1]]
        )
    _, surface, sentence, para, record = best
    sparql = ""
    due = ""
    if record is not None:
        run = templates.run(ctx.store, "deadline", deadline=record["deadline"])
        sparql = run.display
        row = run.rows[0] if run.rows else {}
        if row.get("due"):
            due = f"（即{row['due']}）"
    text = f"{spans.squash(surface)}{due}"
    return found(
        intent.question,
        intent.label(),
        compose(text, sentence),
        [para],
        sparql,
        [spans.squash(surface)],
    )
