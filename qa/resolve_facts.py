"""Handlers for document facts and counts.

Document facts come from document.rq / document_cites.rq on the document the question names
(by number or title). Counts come from the graph where it holds the items (documents, groups,
members, tasks); other counts are numbers read from the text (qa.resolve_passages).
"""

from __future__ import annotations

import re
from typing import Any

from qa import spans, templates
from qa.answer import Answer, compose, found, join, not_found
from qa.context import (
    Context,
    best_sentence,
    link_document,
    link_group,
)
from qa.evidence import Para
from qa.intents import Intent
from qa.resolve_passages import numeric
from qa.textnorm import fold

FIELD_ZH = {
    "number": "文号",
    "date": "成文日期",
    "issuer": "发文机关",
    "recipients": "主送机关",
    "interpreter": "解读机关",
    "phone": "咨询电话",
    "title": "标题",
    "cites": "引用文件",
    "approved": "文件",
    "validity": "有效期",
}


def _doc_evidence(ctx: Context, rows: list[dict[str, Any]]) -> list[Para]:
    return [p for p in (ctx.paragraph(r.get("para")) for r in rows) if p]


def _mentioned_agency_unmatched(ctx: Context, intent: Intent, consult: str | None) -> bool:
    """The question names a body (…局/委/办) that is not the document's consultation unit."""
    m = re.search(
        r"([\u4e00-\u9fff]{1,8}?(?:局|委员会|委|办公室|中心))的?(?:政策)?(?:咨询|联系|电话)",
        intent.question,
    )
    if not m:
        return False
    named = re.sub(r"^(?:这期公报里|公报里|本期)", "", m.group(1))
    core = re.sub(r"^[\u4e00-\u9fff]{2}市", "", named).lstrip("市")
    return not consult or core not in fold(consult)


def doc_meta(ctx: Context, intent: Intent) -> Answer:
    """A fact about one document: number, date, issuer, addressees, interpreter, phone …"""
    field = intent.field or "title"
    link = link_document(ctx, intent)
    if field == "phone":
        return _phone(ctx, intent, link)
    if field == "approved":
        return _approved(ctx, intent, link)
    if link is None:
        return not_found(intent.question, intent.label(), "未找到问题所指的文件")
    doc = link.entity
    run = templates.run(ctx.store, "document", doc=doc.iri)
    row = run.rows[0] if run.rows else {}
    evidence = _doc_evidence(ctx, run.rows)
    title = row.get("title") or doc.name
    number = row.get("number") or doc.get("number") or ""
    label = f"《{title}》（{number}）"
    if field == "cites":
        cites = templates.run(ctx.store, "document_cites", doc=doc.iri)
        numbers = _cites_in_order(ctx, number, [r["cited_number"] for r in cites.rows])
        if not numbers:
            return not_found(
                intent.question,
                intent.label(),
                f"公报未写明{label}引用的文件",
                evidence,
                cites.display,
            )
        para = _first_mention(ctx, number, numbers[0])
        clause = best_sentence(ctx, numbers[0], para)[1] if para else None
        return found(
            intent.question,
            intent.label(),
            compose(f"{label}引用：{join(numbers)}", clause),
            [para] + evidence if para else evidence,
            cites.display,
            numbers,
        )
    value = {
        "number": number,
        "date": _date_zh(row.get("date")),
        "issuer": row.get("issuer"),
        "recipients": row.get("recipients"),
        "interpreter": row.get("interpreter"),
        "title": title,
        "validity": row.get("validity") or row.get("effective"),
    }.get(field)
    if not value:
        return not_found(
            intent.question,
            intent.label(),
            f"公报未写明{label}的{FIELD_ZH.get(field, field)}",
            evidence,
            run.display,
        )
    text = f"{label}的{FIELD_ZH.get(field, field)}：{value}"
    if field == "number":
        text = f"{value}（{title}）"
    if field == "date" and row.get("date"):
        text += f"（{row['date']}）"
    return found(
        intent.question, intent.label(), compose(text, limit=260), evidence, run.display, [value]
    )


def _date_zh(iso: str | None) -> str | None:
    if not iso:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", iso)
    return f"{int(m[1])}年{int(m[2])}月{int(m[3])}日" if m else iso


def _cites_in_order(ctx: Context, number: str, cited: list[str]) -> list[str]:
    """Cited numbers in the order the document's text first mentions them."""
    text = "".join(spans.squash(p.text) for p in ctx.corpus.paragraphs if p.doc_number == number)

    def pos(n: str) -> int:
        i = text.find(spans.squash(n))
        return i if i >= 0 else len(text)

    return sorted(dict.fromkeys(cited), key=pos)


def _first_mention(ctx: Context, number: str, needle: str) -> Para | None:
    flat = spans.squash(needle)
    for p in ctx.corpus.paragraphs:
        if p.doc_number == number and flat in spans.squash(p.text):
            return p
    return None


_PHONE_KIND = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?:电话|热线)")
_CONSULT_KINDS = ("咨询", "联系", "解读", "办公", "服务")


def _asks_consult_phone(question: str) -> bool:
    """Whether the phone asked for can be a 咨询 box number: 咨询/联系 phones or a bare 电话;
    a 投诉举报电话 or 值班电话 is another number the box does not give."""
    m = _PHONE_KIND.search(question)
    if not m:
        return True
    kind = m.group(1)
    if any(k in kind for k in _CONSULT_KINDS):
        return True
    return not re.search(r"投诉|举报|报警|值班|监督|求助|救援|受理", kind)


_FAX = re.compile(r"传真[：:\s]*(?P<value>(?:0\d{2,3}[-－—\s]?)?\d{7,8})")


def _contact(ctx: Context, intent: Intent, what: str) -> Answer:
    """An e-mail address or fax number printed in the document the question is about (a
    联系人 block; 咨询 boxes print neither). A 举报/投诉 mailbox must be printed as one."""
    kind = re.search(r"举报|投诉|监督", intent.question)
    docs = list(dict.fromkeys(p.doc_number for s, p in ctx.ranked(intent.topic, 5) if s >= 0.5))
    for doc in docs[:2]:
        paras = [p for p in ctx.corpus.paragraphs if p.doc_number == doc]
        for i, para in enumerate(paras):
            if what == "传真":
                items = [m["value"] for m in _FAX.finditer(para.text)]
            else:
                items = [e.text for e in spans.email_spans(para.text)]
            context = "".join(p.text for p in paras[max(0, i - 1) : i + 1])
            if items and (not kind or kind.group() in context):
                return found(
                    intent.question,
                    intent.label(),
                    compose(f"{what}：{join(items)}（见{doc}）", para.text),
                    [para],
                    "",
                    items,
                )
    return not_found(
        intent.question,
        intent.label(),
        f"公报未写明该{what}",
        [p for _, p in ctx.ranked(intent.topic, 1)],
    )


def _names_body(question: str, unit: str, home: frozenset[str]) -> bool:
    """Whether the question names the 咨询 box's body, with or without the home city
    ("交警支队的咨询电话" names 吕梁市交警支队)."""
    full = fold(unit)
    forms = {full} | {full[len(p) :] for p in home if full.startswith(p)}
    forms |= {"市" + f for f in forms if not f.startswith("市")}
    return any(len(f) >= 3 and f in question for f in forms)


def _phone(ctx: Context, intent: Intent, link: Any) -> Answer:
    if re.search(r"邮箱|电子邮件|邮件地址|e-?mail", intent.question):
        return _contact(ctx, intent, "邮箱")
    if "传真" in intent.question:
        return _contact(ctx, intent, "传真")
    if not _asks_consult_phone(intent.question):
        link = None
    if link is not None:
        run = templates.run(ctx.store, "document", doc=link.entity.iri)
        row = run.rows[0] if run.rows else {}
        if _mentioned_agency_unmatched(ctx, intent, row.get("consult_unit")):
            link = None
        elif row.get("consult_phone"):
            unit = f"（咨询单位：{row['consult_unit']}）" if row.get("consult_unit") else ""
            label = f"《{row.get('title') or link.entity.name}》"
            return _phone_answer(ctx, intent, f"{label}咨询电话：{row['consult_phone']}{unit}", run)
    # a body named in the question that is the consultation unit of some document
    for doc in (
        ctx.catalog.entities.get("document", []) if _asks_consult_phone(intent.question) else []
    ):
        consult = doc.get("consult_unit")
        if consult and _names_body(intent.question, consult, ctx.home):
            run = templates.run(ctx.store, "document", doc=doc.iri)
            row = run.rows[0] if run.rows else {}
            if row.get("consult_phone"):
                text = f"{consult}咨询电话：{row['consult_phone']}（见《{doc.name}》）"
                return _phone_answer(ctx, intent, text, run)
    # a phone number printed in the text the question describes
    for score, para in ctx.ranked(intent.topic, 5):
        if score < 0.5:
            break
        _, sentence, cov = best_sentence(ctx, intent.topic, para)
        phones = spans.phone_spans(sentence)
        if phones and cov >= 0.5:
            return found(
                intent.question,
                intent.label(),
                compose(f"电话：{join([p.text for p in phones])}", sentence),
                [para],
                "",
                [p.text for p in phones],
            )
    return not_found(
        intent.question,
        intent.label(),
        "公报未写明该电话号码",
        [p for _, p in ctx.ranked(intent.topic, 1)],
    )


def _approved(ctx: Context, intent: Intent, link: Any) -> Answer:
    group = link_group(ctx, intent)
    if group is not None and group.entity.get("doc_number"):
        number = group.entity.get("doc_number") or ""
        doc = next(
            (d for d in ctx.catalog.entities.get("document", []) if d.get("number") == number), None
        )
        title = doc.name if doc else ""
        run = templates.run(ctx.store, "group_facts", group=group.entity.iri)
        return found(
            intent.question,
            intent.label(),
            compose(f"{number}《{title}》设立{group.entity.name}"),
            _doc_evidence(ctx, run.rows),
            run.display,
            [number],
        )
    if link is not None:
        run = templates.run(ctx.store, "document", doc=link.entity.iri)
        row = run.rows[0] if run.rows else {}
        number = row.get("number") or ""
        return found(
            intent.question,
            intent.label(),
            compose(f"{number}《{row.get('title') or link.entity.name}》"),
            _doc_evidence(ctx, run.rows),
            run.display,
            [number],
        )
    return not_found(intent.question, intent.label(), "未找到问题所指的文件")


# ---------------------------------------------------------------------------------------
# counts


# The members are what is counted: "几个副组长", "一共多少人", "成员有几个" — not "成员单位
# 要确定几名联络员", which counts something the text states.
_MEMBER_COUNT = re.compile(
    r"(?:几|多少)(?:个|名|位)?(?:人|成员|组员|组长|副组长|常务副组长)"
    r"|(?:成员|组员|组长|副组长)(?:一共|总共|共)?(?:有)?(?:几|多少)"
)


def _by_role(rows: list[dict[str, Any]]) -> str:
    """ "组长1人、副组长1人（1人未写姓名）、成员10人" for member lines in printed order."""
    counts: dict[str, list[int]] = {}
    for r in rows:
        tally = counts.setdefault(r.get("role") or "成员", [0, 0])
        tally[0] += 1
        tally[1] += 0 if r.get("person") else 1
    return "、".join(
        f"{role}{n}人" + (f"（{blank}人未写姓名）" if blank else "")
        for role, (n, blank) in counts.items()
    )


def count(ctx: Context, intent: Intent) -> Answer:
    """How many documents, groups, members or tasks; other counts are read from the text."""
    q = intent.question
    group = link_group(ctx, intent)
    if group is not None and _MEMBER_COUNT.search(q):
        run = templates.run(ctx.store, "group_members", group=group.entity.iri)
        role = next((r for r in ("常务副组长", "副组长", "组长") if r in q), None)
        rows = [r for r in run.rows if role is None or fold(r.get("role") or "") == role]
        if rows:
            names = [r["person"] for r in rows if r.get("person")]
            text = f"{group.entity.name}{role}共{len(rows)}人"
            if role is None:
                # "成员有几个人" may mean the whole list or the lines printed as 成员: give both
                people = len(set(names)) + sum(1 for r in rows if not r.get("person"))
                text = f"{group.entity.name}名单共{len(rows)}行、{people}人（{_by_role(rows)}）"
            text += f"：{join(names)}"
            return found(
                q,
                intent.label(),
                compose(text, limit=300),
                [p for p in (ctx.paragraph(r.get("para")) for r in rows) if p],
                run.display,
                [str(len(rows))],
            )
    if re.search(r"领导小组|专班|小组|委员会", q) and group is None:
        run = templates.run(ctx.store, "count_groups")
        labels = list(dict.fromkeys(r["label"] for r in run.rows))
        if labels:
            return found(
                q,
                intent.label(),
                compose(f"共{len(labels)}个：{join(labels)}", limit=380),
                _doc_evidence(ctx, run.rows),
                run.display,
                [str(len(labels))],
            )
    doc = link_document(ctx, intent)
    if doc is not None and re.search(r"措施|任务|条|项", q):
        run = templates.run(ctx.store, "document_tasks", doc=doc.entity.iri)
        tasks = list(dict.fromkeys(r["task"] for r in run.rows))
        if tasks:
            return found(
                q,
                intent.label(),
                compose(f"《{doc.entity.name}》列有{len(tasks)}项任务/措施"),
                _doc_evidence(ctx, run.rows),
                run.display,
                [str(len(tasks))],
            )
    if re.search(r"文件|公文|几件|多少件", q) and doc is None:
        run = templates.run(ctx.store, "count_documents")
        genres: dict[str, set[str]] = {}
        for r in run.rows:
            genres.setdefault(r.get("genre") or "其他", set()).add(r["doc"])
        total = len({r["doc"] for r in run.rows})
        listing = join([f"{g}{len(d)}件" for g, d in genres.items()])
        return found(
            q,
            intent.label(),
            compose(f"共{total}件公文（{listing}）"),
            _doc_evidence(ctx, run.rows),
            run.display,
            [str(total)],
        )
    return numeric(ctx, intent)


def _phone_answer(ctx: Context, intent: Intent, text: str, run: templates.Run) -> Answer:
    """A found consultation-phone answer from the `document` query's first row."""
    phone = run.rows[0]["consult_phone"]
    return found(
        intent.question,
        intent.label(),
        compose(text),
        _doc_evidence(ctx, run.rows),
        run.display,
        [phone],
    )
