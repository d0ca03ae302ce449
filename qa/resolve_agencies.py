"""Handler for agency-centred questions: what an agency leads, is responsible for or assists.

"市商务局牵头哪些任务？" turns the task question around: the subject is a body, the answer
a list of tasks. The agency is linked through any printed alias (市住建局 = 吕梁市住房和城乡
建设局); its tasks come from agency_assignments.rq with the role the question asks for. Two
more things count as leading, because the genre prints them so: a duty the body alone is
assigned whose text says 牵头 (职责分工 tables: "市住建局 负责…，牵头组织开展专项整治"), a
clause "A牵头…" in running text, and hosting a group's office. Each task is listed by
document number, item number and heading.
"""

from __future__ import annotations

import re
from typing import Any

from qa import spans, templates
from qa.answer import Answer, clip, found, join, not_found
from qa.context import Context
from qa.evidence import Para
from qa.intents import Intent
from qa.linking import Entity

ROLE_ZH = {"lead": "牵头", "responsible": "负责", "cooperating": "配合"}
AGENCY_LINK_MIN = 0.9  # the question must print an alias of the body (almost) whole
MAX_LISTED = 8  # tasks named in the answer sentence; the rest are counted


def asked_agencies(ctx: Context, subject: str) -> list[Entity]:
    """The agencies a question's subject names (any printed alias) when one matches well;
    several when bodies of different gazettes share the name (each city's 市财政局)."""
    links = ctx.catalog.link(subject, "agency", 8)
    if not links or links[0].score < AGENCY_LINK_MIN:
        return []
    return [lk.entity for lk in links if lk.score >= links[0].score - 0.005]


def agency_tasks(ctx: Context, intent: Intent) -> Answer | None:
    """Tasks (and group offices) where the agency the question names has the asked role;
    None when the subject is not an agency the graph knows (the caller falls back)."""
    agencies = asked_agencies(ctx, intent.topic) or asked_agencies(ctx, intent.question)
    if not agencies:
        return None
    agency = agencies[0]
    role = intent.role or "responsible"
    runs = [templates.run(ctx.store, "agency_assignments", org=a.iri) for a in agencies]
    run = runs[0]
    rows = _distinct_tasks([r for each in runs for r in each.rows])
    wanted = {"lead": ("lead",), "cooperating": ("cooperating",)}.get(role, ("lead", "responsible"))
    hits = [r for r in rows if r["role"] in wanted]
    extra: list[str] = []
    evidence: list[Para] = []
    if role == "lead":
        hits += [r for r in rows if r["role"] != "lead" and _leads_alone(r)]
        covered = {r.get("para") for r in hits}
        for para, clause in _lead_clauses(ctx, agencies, covered):
            extra.append(f"{para.doc_number}：{clip(clause, 40)}")
            evidence.append(para)
    if role in ("lead", "responsible"):
        # hosting a group's office is running that group's daily work
        offices = [
            o for a in agencies for o in templates.run(ctx.store, "agency_offices", org=a.iri).rows
        ]
        extra += [f"{o['group_label']}办公室设在该单位" for o in offices]
        evidence += [p for p in (ctx.paragraph(o.get("para")) for o in offices) if p]
    evidence = [p for p in (ctx.paragraph(r.get("para")) for r in hits) if p] + evidence
    name = agency.name
    verb = ROLE_ZH.get(role, "负责")
    if not hits and not extra:
        others = [r for r in rows if r["role"] not in wanted]
        also = f"；{name}参与的任务有：{_listing(others)}" if others else ""
        return not_found(
            intent.question,
            intent.label(),
            f"未找到{name}作为{verb}单位的任务{also}",
            [p for p in (ctx.paragraph(r.get("para")) for r in others) if p],
            run.display,
        )
    listing = _listing(hits)
    parts = [f"{name}{verb}的任务{len(hits)}项：{listing}"] if hits else []
    if extra:
        parts.append(("另：" if hits else f"{name}{verb}的工作：") + join(extra, "；"))
    items = [_heading(r) for r in hits] + extra
    return found(
        intent.question, intent.label(), clip("。".join(parts), 390), evidence, run.display, items
    )


def _distinct_tasks(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per task and role (a body printed twice in one list is one assignment)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for r in rows:
        key = (r["task"], r["role"])
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _leads_alone(row: dict[str, Any]) -> bool:
    """A duty assigned to this body alone whose text says it leads (牵头组织…)."""
    return int(row.get("units") or 0) == 1 and "牵头" in (row.get("text") or "")


def _heading(row: dict[str, Any]) -> str:
    heading = spans.squash(row.get("heading") or row.get("text") or "")
    heading = clip(re.sub(r"^[\d一二三四五六七八九十]+[．.、]\s*", "", heading), 28)
    if row["role"] != "lead" and _leads_alone(row):
        lead = re.search(r"牵头[^，。；,;]{1,20}", spans.squash(row.get("text") or ""))
        heading += f"（{lead.group()}）" if lead else ""
    return heading


def _listing(rows: list[dict[str, Any]]) -> str:
    """ "某政办发〔2023〕36号 一、布局建设特色商业街区…；…", at most MAX_LISTED named."""
    named = [
        f"{r.get('doc_number') or ''}{_number(r.get('task_number'))}{_heading(r)}"
        for r in rows[:MAX_LISTED]
    ]
    more = f"等{len(rows)}项" if len(rows) > MAX_LISTED else ""
    return "；".join(named) + more


def _number(number: Any) -> str:
    if number in (None, ""):
        return " "
    text = str(number)
    return f" {text}" if text.endswith(("）", ")", "条")) else f" {text}、"


def _lead_clauses(
    ctx: Context, agencies: list[Entity], covered: set[Any]
) -> list[tuple[Para, str]]:
    """Clauses of running text where the body leads: "市财政局牵头组建…", "由市工信局牵头，…"."""
    labels = {spans.squash(a) for agency in agencies for a in agency.labels}
    aliases = sorted({a for a in labels if len(a) >= 3}, key=len)
    if not aliases:
        return []
    pattern = re.compile(
        "(?:"
        + "|".join(re.escape(a) for a in reversed(aliases))
        + r")(?:要|负责)?牵头(?P<what>[^。；]{0,40})"
    )
    out = []
    for para in ctx.corpus.paragraphs:
        if para.iri in covered:
            continue
        flat = spans.squash(para.text)
        m = pattern.search(flat)
        if m is None or re.match(r"[^。；)）]*配合", flat[m.end() - len(m["what"]) :]):
            continue  # "（A牵头，B配合）" closes a task the graph holds; running text remains
        out.append((para, m.group().strip("，,")))
    return out
