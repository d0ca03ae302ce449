"""Handlers for groups: who holds a role, the members, the office.

Graph first (group_members.rq, group_facts.rq on the linked node); when the
graph has no record of the group, member lines are read from the paragraphs of the document
that sets it up. A member line that prints a post but no name is reported as not stated.
"""

from __future__ import annotations

import re
from typing import Any

from qa import spans, templates
from qa.answer import Answer, compose, found, join, not_found
from qa.context import TOPIC_MIN, Context, best_sentence, doc_paragraphs, link_group, role_matches
from qa.evidence import Para
from qa.intents import Intent
from qa.linking import Link
from qa.textnorm import fold


def group_role(ctx: Context, intent: Intent) -> Answer:
    """Who holds a role (组长, 副组长, 办公室主任 …) in a group."""
    role = intent.role or "组长"
    link = link_group(ctx, intent)
    if link is not None:
        answer = _group_role_graph(ctx, intent, link, role)
        if answer is not None:
            return answer
    return _group_role_passages(ctx, intent, role, link)


def _group_role_graph(ctx: Context, intent: Intent, link: Link, role: str) -> Answer | None:
    group = link.entity
    run = templates.run(ctx.store, "group_members", group=group.iri)
    rows = [r for r in run.rows if role_matches(role, r.get("role"))]
    if not rows and not role.startswith("办公室"):
        rows = [r for r in run.rows if fold(r.get("role") or "").endswith(fold(role))]
    evidence = [p for p in (ctx.paragraph(r.get("para")) for r in rows) if p]
    if rows:
        named = [r for r in rows if r.get("person")]
        if not named:
            posts = join([r.get("post") or "" for r in rows])
            return not_found(
                intent.question,
                intent.label(),
                f"公报未写明{group.name}{role}的姓名（名单中该行只列职务：{posts or '无'}）",
                evidence,
                run.display,
            )
        items = join([_person_with_post(r) for r in named], "；")
        names = [r["person"] for r in named]
        return found(
            intent.question,
            intent.label(),
            compose(f"{group.name}{role}：{items}"),
            evidence,
            run.display,
            names,
        )
    if role.startswith("办公室") or role in ("主任",):
        facts = templates.run(ctx.store, "group_facts", group=group.iri)
        directors = [str(r["director"]) for r in facts.rows if r.get("director")]
        if directors and role in ("办公室主任", "主任"):
            paras = [p for p in (ctx.paragraph(r.get("para")) for r in facts.rows) if p]
            return found(
                intent.question,
                intent.label(),
                compose(f"{group.name}办公室主任：{directors[0]}"),
                paras,
                facts.display,
                [directors[0]],
            )
    if role == "组长":
        facts = templates.run(ctx.store, "group_facts", group=group.iri)
        leader_posts = [str(r["leader_post"]) for r in facts.rows if r.get("leader_post")]
        if leader_posts:
            paras = [p for p in (ctx.paragraph(r.get("para")) for r in facts.rows) if p]
            fallback = _group_role_passages(ctx, intent, role, link)
            if fallback.found:
                return fallback
            return not_found(
                intent.question,
                intent.label(),
                f"公报未写明{group.name}组长的姓名，只写明由{leader_posts[0]}任组长",
                paras,
                facts.display,
            )
    return None


def _person_with_post(row: dict[str, Any]) -> str:
    post = (row.get("post") or "").strip()
    return f"{row['person']}（{post}）" if post else row["person"]


def _role_spans(ctx: Context, para: Para, role: str) -> list[spans.Span]:
    text = para.text
    out = []
    for s in spans.person_spans(text, ctx.people):
        if (
            s.role
            and role_matches(role, s.role)
            or s.role
            and role in ("办公室主任",)
            and role_matches("主任", s.role)
            and _office_subject(text[: s.start])
        ):
            out.append(s)
    return out


def _office_subject(before: str) -> bool:
    """Whether the office (办公室) is the subject of the clause ending at `before`'s end:
    "办公室由王五任主任" is; "办公室设在A局。B专班由王五担任主任" is not (another body)."""
    i = before.rfind("办公室")
    if i < 0:
        return False
    between = before[i + 3 :]
    return not re.search(r"[。；;]|专班|小组|领导组|委员会|指挥部", between)


def _group_role_passages(ctx: Context, intent: Intent, role: str, link: Link | None) -> Answer:
    topic = intent.topic
    ranked = ctx.ranked(topic, 8)
    doc = link.entity.get("doc_number") if link is not None else None
    if not doc and ranked and ranked[0][0] >= TOPIC_MIN:
        doc = ranked[0][1].doc_number
    if not doc:
        return not_found(intent.question, intent.label(), f"未找到问题所指的小组及其{role}")
    pool = [p for _, p in ranked if p.doc_number == doc]
    pool += [p for p in doc_paragraphs(ctx, doc) if p not in pool]
    for para in pool:
        hits = _role_spans(ctx, para, role)
        if role in ("办公室主任",):
            hits += _director_spans(para)
        if hits:
            names = list(dict.fromkeys(s.text for s in hits))
            _, sentence, _ = best_sentence(ctx, names[0], para)
            return found(
                intent.question,
                intent.label(),
                compose(f"{role}：{join(names)}", sentence),
                [para],
                "",
                names,
            )
    checked = pool[:2]
    return not_found(intent.question, intent.label(), f"公报未写明该小组{role}的姓名", checked)


_DIRECTOR = re.compile(
    r"办公室主任(?:由|：|:)\s*(?P<who>[^，。；,;]{2,24}?)(?:兼任|担任|（兼）|\(兼\)|[，。；]|$)"
    r"|由(?P<who2>[^，。；,;由]{2,24}?)(?:同志)?(?:兼任|担任)办公室主任"
)


def _director_spans(para: Para) -> list[spans.Span]:
    out = []
    for m in _DIRECTOR.finditer(para.text):
        key = "who" if m["who"] else "who2"
        out.append(
            spans.Span("person", spans.squash(m[key]), m.start(key), m.end(key), "办公室主任")
        )
    return out


def group_members(ctx: Context, intent: Intent) -> Answer:
    """The member lines of a group, names grouped by role."""
    link = link_group(ctx, intent)
    if link is None:
        return not_found(intent.question, intent.label(), "未找到问题所指的领导小组或工作专班")
    run = templates.run(ctx.store, "group_members", group=link.entity.iri)
    if not run.rows:
        return not_found(
            intent.question,
            intent.label(),
            f"公报未列出{link.entity.name}的成员名单",
            [],
            run.display,
        )
    by_role: dict[str, list[str]] = {}
    unnamed: dict[str, int] = {}
    for r in run.rows:
        role = r.get("role") or "成员"
        if r.get("person"):
            by_role.setdefault(role, []).append(r["person"])
        else:
            unnamed[role] = unnamed.get(role, 0) + 1
    parts = [f"{role}：{join(names)}" for role, names in by_role.items()]
    parts += [f"{role}{n}人未写姓名" for role, n in unnamed.items()]
    evidence = [p for p in (ctx.paragraph(r.get("para")) for r in run.rows) if p]
    names = [n for v in by_role.values() for n in v]
    text = f"{link.entity.name}成员（{len(run.rows)}人）：" + "；".join(parts)
    return found(
        intent.question, intent.label(), compose(text, limit=380), evidence, run.display, names
    )


_OFFICE_AT = re.compile(
    r"办公室(?:设在|设于)\s*(?P<unit>[^，。；,;]{2,30}?)(?:[，。；,;]|负责|承担|$)"
)


def group_office(ctx: Context, intent: Intent) -> Answer:
    """Where a group's office is (and who directs it, when printed)."""
    link = link_group(ctx, intent)
    if link is not None:
        facts = templates.run(ctx.store, "group_facts", group=link.entity.iri)
        rows = [r for r in facts.rows if r.get("office_text") or r.get("office_label")]
        if rows:
            r = rows[0]
            office = str(r.get("office_text") or r.get("office_label"))
            also = (
                f"（{r['office_label']}）"
                if r.get("office_label") and r.get("office_label") != office
                else ""
            )
            director = f"；办公室主任：{r['director']}" if r.get("director") else ""
            paras = [p for p in (ctx.paragraph(x.get("para")) for x in facts.rows) if p]
            return found(
                intent.question,
                intent.label(),
                compose(f"{link.entity.name}办公室设在{office}{also}{director}"),
                paras,
                facts.display,
                [office],
            )
    topic = re.sub(r"办公室|设在|设于|哪个部门|哪里|哪儿", " ", intent.topic)
    ranked = ctx.ranked(topic, 8)
    doc = link.entity.get("doc_number") if link is not None else None
    pool = [p for s, p in ranked if s >= TOPIC_MIN and (doc is None or p.doc_number == doc)]
    if doc:
        pool += [p for p in doc_paragraphs(ctx, doc) if p not in pool]
    for para in pool:
        m = _OFFICE_AT.search(para.text)
        if m:
            unit = spans.squash(m["unit"])
            _, sentence, _ = best_sentence(ctx, "办公室设在" + unit, para)
            return found(
                intent.question,
                intent.label(),
                compose(f"办公室设在{unit}", sentence),
                [para],
                "",
                [unit],
            )
    return not_found(
        intent.question,
        intent.label(),
        "公报未写明该小组办公室设在何处",
        [p for _, p in ranked[:1]],
    )
