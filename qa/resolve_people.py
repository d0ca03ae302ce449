"""Handlers for people: a person's posts and groups, and who holds a post.

Both read the member lines the graph holds (person_posts.rq, post_holders.rq): a member line
prints the person's posts ("市委副书记、市长"), so "教育局局长是谁" is answered by the member
line whose post is 市教育局局长 (qa.posts decides when two posts are the same). A question
about a person the gazette does not name, or a post no member line prints, gets a plain
"not stated" — never a namesake or a near post (县长 for 市长, 副局长 for 局长).
"""

from __future__ import annotations

import re
from typing import Any

from qa import spans, templates
from qa.answer import Answer, compose, found, join, not_found
from qa.context import Context, link_group
from qa.intents import Intent
from qa.posts import Asked, asked_post, holds, home_place, posts_of

HAN = r"\u4e00-\u9fff"
# What a question about a person's groups (rather than their posts) says.
_ASKS_GROUPS = re.compile(r"小组|专班|委员会|指挥部|领导组|任职|参加|参与|哪些组|角色|身份")


def named_person(ctx: Context, question: str) -> str | None:
    """The longest known person name written in the folded question, if any."""
    names = [n for n in ctx.people if len(n) >= 2 and n in question]
    return max(names, key=len) if names else None


def person_posts(ctx: Context, intent: Intent) -> Answer | None:
    """A person's posts and group roles; None when the question names no known person."""
    q = intent.question
    name = named_person(ctx, q)
    links = ctx.catalog.link(q, "person", 3)
    target = next((lk.entity for lk in links if name and lk.entity.name == name), None)
    if target is None:
        target = next((lk.entity for lk in links if lk.score >= 1.0), None)
    if target is None:
        return None
    run = templates.run(ctx.store, "person_posts", person=target.iri)
    rows = run.rows
    group = link_group(ctx, intent) if intent.mentions_group else None
    if group is not None:
        # the group the question names first: "王五在X专班里担任什么"
        rows = sorted(rows, key=lambda r: r.get("group_label") != group.entity.name)
    posts = _distinct_posts([r.get("post") or "" for r in rows])
    groups = join(
        [f"{r['group_label']}{r.get('role') or ''}" for r in rows if r.get("group_label")], "；"
    )
    evidence = [p for p in (ctx.paragraph(r.get("para")) for r in rows) if p]
    if not posts and not groups:
        return not_found(q, intent.label(), f"公报未写明{target.name}的职务", evidence, run.display)
    post_text = "；".join(posts)
    if group is not None and groups.startswith(group.entity.name):
        text = f"{target.name}：{groups.split('；')[0]}；职务：{post_text}"
    elif groups and _ASKS_GROUPS.search(q):
        count = len(groups.split("；"))
        text = f"{target.name}任职{count}处：{groups}。职务：{post_text}"
    else:
        text = f"{target.name}：{post_text}" + (f"。任{groups}" if groups else "")
    return found(q, intent.label(), compose(text, limit=360), evidence, run.display, posts)


def _distinct_posts(printed: list[str]) -> list[str]:
    """Posts without repeats and without bare forms of a fuller one (局长 beside 市住建局局长)."""
    posts = list(dict.fromkeys(p.strip() for p in printed if p and p.strip()))
    return [p for p in posts if not any(o != p and o.endswith(p) for o in posts)]


# Cues that a question is about a person (not "哪个部门", which task questions ask too).
_PERSON_CUE = re.compile(
    r"职务|职位|担任|兼任|任职|什么人|是谁[?？]?$|哪些(?:领导)?小组|哪些专班|角色|身份|头衔"
)
_SUBJECT = re.compile(
    rf"^(?:请问)?(?P<name>[{HAN}]{{2,3}}?)(?:同志)?(?:是|在|担任|任|的|现任|还|都|目前|兼|有)"
)


def absent_person(ctx: Context, intent: Intent) -> Answer | None:
    """Not found for a question about someone the gazette does not name ("王小二是什么职务");
    None when the question's subject is not a person's name or the person is known."""
    m = _SUBJECT.match(intent.question)
    if not m or not _PERSON_CUE.search(intent.question):
        return None
    name = m["name"]
    if name in ctx.people or not spans.is_name(name, strict=True):
        return None
    if ctx.catalog.link(name, "agency", 1) or ctx.catalog.link(name, "group", 1):
        return None
    return not_found(intent.question, "person_posts", f"公报中没有名为{name}的人员，未写明其职务")


# ---------------------------------------------------------------------------------------
# post holders


def post_holder(ctx: Context, intent: Intent) -> Answer | None:
    """Who holds the post the question names ("教育局局长是谁", "吕梁市市长是谁").

    None when the question names no post, or names no post any member line prints while it
    does name a group (the caller then asks the group: "安委会主任是谁").
    """
    asked = asked_post(intent.question)
    if asked is None:
        return None
    group = link_group(ctx, intent) if intent.mentions_group else None
    holders = _holders(ctx, asked, group.entity.name if group else "")
    if not holders:
        if link_group(ctx, intent) is not None:
            return None
        return not_found(
            intent.question,
            intent.label(),
            f"公报未写明{asked.phrase}的姓名（各名单中没有这一职务）",
        )
    names = list(holders)
    items = "；".join(f"{n}（{holders[n][0]['post']}）" for n in names)
    if asked.plural:
        items = f"共{len(names)}人：{items}"
    groups = join([r.get("group_label") or "" for n in names for r in holders[n]])
    text = f"{items}" + (f"，见{groups}名单" if groups else "")
    person = holders[names[0]][0]["person"]
    run = templates.run(ctx.store, "person_posts", person=person)
    evidence = [p for p in (ctx.paragraph(r.get("para")) for n in names for r in holders[n]) if p]
    return found(
        intent.question, intent.label(), compose(text, limit=300), evidence, run.display, names
    )


def _holders(ctx: Context, asked: Asked, group: str = "") -> dict[str, list[dict[str, Any]]]:
    """Member lines whose post is the asked one, by person name (first seen first); only the
    lines of `group` when the question names one."""
    place = asked.org if asked.org in ctx.home else ""
    out: dict[str, list[dict[str, Any]]] = {}
    for row in ctx.posts:
        if group and row.get("group_label") != group:
            continue
        own = home_place(row.get("issuer") or "")
        if place and own != place:
            continue  # "云山市市长": only the lines of 云山市's own documents
        home = frozenset({own}) if own else ctx.home
        if any(holds(asked, post, home) for post in posts_of(row.get("post") or "")):
            out.setdefault(row["name"], []).append(row)
    return out
