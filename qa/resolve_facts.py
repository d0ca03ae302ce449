"""Handlers for document facts, counts, numbers and free text.

Document facts come from document.rq / document_cites.rq on the document the question names
(by number or title). Counts come from the graph where it holds the items (documents, groups,
members, tasks). Numbers and free text are read from the best-matching sentence of the
best-matching paragraphs; a number must carry a unit compatible with the question.
"""

from __future__ import annotations

import re
from typing import Any

from qa import spans, templates
from qa.answer import Answer, compose, found, join, not_found
from qa.context import (
    MISSING_MAX,
    TOPIC_MIN,
    Context,
    best_sentence,
    link_document,
    link_group,
    missing_share,
    years_agree,
)
from qa.evidence import Para
from qa.intents import Intent
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


def _phone(ctx: Context, intent: Intent, link: Any) -> Answer:
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
            return found(
                intent.question,
                intent.label(),
                compose(f"{label}咨询电话：{row['consult_phone']}{unit}"),
                _doc_evidence(ctx, run.rows),
                run.display,
                [row["consult_phone"]],
            )
    # a body named in the question that is the consultation unit of some document
    for doc in (
        ctx.catalog.entities.get("document", []) if _asks_consult_phone(intent.question) else []
    ):
        unit = doc.get("consult_unit")
        if unit and len(fold(unit)) >= 4 and fold(unit) in intent.question:
            run = templates.run(ctx.store, "document", doc=doc.iri)
            row = run.rows[0] if run.rows else {}
            if row.get("consult_phone"):
                return found(
                    intent.question,
                    intent.label(),
                    compose(f"{unit}咨询电话：{row['consult_phone']}（见《{doc.name}》）"),
                    _doc_evidence(ctx, run.rows),
                    run.display,
                    [row["consult_phone"]],
                )
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


def count(ctx: Context, intent: Intent) -> Answer:
    """How many documents, groups, members or tasks; other counts are read from the text."""
    q = intent.question
    group = link_group(ctx, intent)
    if group is not None and re.search(r"成员|组长|副组长|人", q):
        run = templates.run(ctx.store, "group_members", group=group.entity.iri)
        role = next((r for r in ("常务副组长", "副组长", "组长") if r in q), None)
        rows = [r for r in run.rows if role is None or fold(r.get("role") or "") == role]
        if rows:
            names = [r["person"] for r in rows if r.get("person")]
            text = f"{group.entity.name}{role or '成员'}共{len(rows)}人：{join(names)}"
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


# ---------------------------------------------------------------------------------------
# numbers and free text

_UNIT_HINTS = [
    (r"辆|车", r"辆"),
    (r"面积|多大", r"平方米|平米|公顷|亩|平方公里"),
    (r"率|比例|比重|占比|百分", r"%|％|‰"),
    (r"钱|元|费|资金|奖励|补助|补贴|补偿|投资|金额|收入|产值|税收|万|亿", r"元|万|亿"),
    (r"产量|产能|吨", r"吨"),
    (r"几天|多少天|天数", r"天|日"),
    (r"小时", r"小时"),
    (r"户", r"户"),
    (r"人数|多少人|几人|人口", r"人|名"),
    (r"增长|增速|GDP|gdp|百分点", r"%|％|百分点"),
    (r"耗水|用水|水量|立方", r"立方米"),
]


def _expected_units(question: str) -> list[str]:
    return [units for cue, units in _UNIT_HINTS if re.search(cue, question)]


def numeric(ctx: Context, intent: Intent) -> Answer:
    """A number stated in the paragraph that best matches the question."""
    ranked = ctx.ranked(intent.topic, 8)
    expected = _expected_units(intent.question)
    best: tuple[float, list[Para], str, list[str]] | None = None
    for rank, (score, para) in enumerate(ranked):
        if score < TOPIC_MIN:
            break
        if para.section == "head" or not years_agree(intent.question, para):
            continue  # the title block states no figures of its own; other years do not answer
        text, used = ctx.corpus.continued(para)
        pieces = spans.clauses(text)
        weights = _clause_weights(ctx, intent.topic, [c for _, c in pieces])
        for (offset, clause), weight in zip(pieces, weights, strict=True):
            numbers = spans.number_spans(clause)
            if not numbers:
                continue
            fitting = [n.text for n in numbers if any(re.search(u, n.text) for u in expected)]
            if expected and not fitting:
                continue  # 多少辆 is not answered by a figure in 吨
            value = score + 0.5 * weight - 0.02 * rank
            if best is None or value > best[0]:
                sentence = _sentence_around(text, offset)
                best = (value, used, sentence, (fitting or [n.text for n in numbers])[:3])
    if best is None or best[0] < TOPIC_MIN:
        return not_found(
            intent.question,
            intent.label(),
            "公报中未找到与问题对应的数字",
            [p for _, p in ranked[:1]],
        )
    _, used, sentence, items = best
    context = "".join(p.text + p.headings + p.title for p in used)
    if missing_share(intent.topic, context) >= MISSING_MAX:
        return not_found(
            intent.question,
            intent.label(),
            "公报中未找到与问题对应的数字（最接近的段落未提及问题的关键内容）",
            used[:1],
        )
    return found(intent.question, intent.label(), compose(join(items), sentence), used, "", items)


def _clause_weights(ctx: Context, topic: str, clauses: list[str]) -> list[float]:
    """How well each clause matches the topic, counting bigrams that are rare among the
    paragraph's own clauses most (the words that single out one figure of a list)."""
    from qa.evidence import grams

    tg = grams(topic)
    sets = [grams(c) & tg for c in clauses]
    df: dict[str, int] = {}
    for s in sets:
        for g in s:
            df[g] = df.get(g, 0) + 1
    n = len(clauses)
    total = sum(ctx.corpus.weight(g) for g in tg) or 1.0
    import math

    return [
        sum(ctx.corpus.weight(g) * math.log(1 + n / df[g]) / math.log(1 + n) for g in s) / total
        if n > 1
        else sum(ctx.corpus.weight(g) for g in s) / total
        for s in sets
    ]


def _sentence_around(text: str, offset: int) -> str:
    for start, sentence in spans.sentences(text):
        if start <= offset < start + len(sentence):
            return sentence
    return text


def free_text(ctx: Context, intent: Intent) -> Answer:
    """The sentence of the gazette that best matches the question."""
    ranked = ctx.ranked(intent.topic, 6)
    best: tuple[float, Para, str] | None = None
    for rank, (score, para) in enumerate(ranked):
        if score < TOPIC_MIN:
            break
        if not years_agree(intent.question, para):
            continue
        _, sentence, cov = best_sentence(ctx, intent.topic, para)
        if intent.focus:
            # the last clause of a long question says what is asked; the rest is context
            focused = max(
                spans.sentences(para.text), key=lambda s: ctx.corpus.coverage(intent.focus, s[1])
            )[1]
            fcov = ctx.corpus.coverage(intent.focus, focused)
            if fcov > ctx.corpus.coverage(intent.focus, sentence) + 0.2:
                sentence, cov = focused, max(cov, ctx.corpus.coverage(intent.topic, focused))
            cov += 0.5 * ctx.corpus.coverage(intent.focus, sentence)
        value = cov + 0.5 * score - 0.02 * rank
        if best is None or value > best[0]:
            best = (value, para, sentence)
    if best is None or best[0] < TOPIC_MIN * 1.5:
        return not_found(
            intent.question,
            intent.label(),
            "公报中未找到与问题对应的内容",
            [p for _, p in ranked[:1]],
        )
    _, para, sentence = best
    if missing_share(intent.topic, para.text + para.headings + para.title) >= MISSING_MAX:
        return not_found(
            intent.question,
            intent.label(),
            "公报中未找到与问题对应的内容（最接近的段落未提及问题的关键内容）",
            [para],
        )
    return found(
        intent.question, intent.label(), compose(sentence.strip()), [para], "", [sentence.strip()]
    )
