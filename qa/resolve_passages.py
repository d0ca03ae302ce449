"""Handlers that read the answer out of passages: a number, or the best-matching sentence.

Numbers: among the best-matching paragraphs (those of a document the question names first),
each clause carrying a quantity is scored by the paragraph's match, the clause's share of the
question's rarer words and its sentence's coverage. List numbering ("2．"), years and
figures the question itself states are not answers; quantities with a unit the question
implies (多少辆 → 辆, 面积 → 平方米/公顷/亩) are preferred, bare numbers come last. A short
item heading ("2．提高…最高限额。") is read together with the paragraph that follows it.

Free text: the sentence that covers the question best, its elaboration ("其中，…") kept,
and a sentence that defines the term asked about ("两翼，就是…") preferred for "X指什么".
"""

from __future__ import annotations

import math
import re

from qa import spans
from qa.answer import Answer, compose, found, join, not_found
from qa.context import (
    MISSING_MAX,
    TOPIC_MIN,
    Context,
    best_sentence,
    content_words,
    link_document,
    missing_share,
    missing_words,
    years_agree,
)
from qa.evidence import Para, grams
from qa.intents import Intent
from qa.textnorm import fold

DOC_BONUS = 0.1  # paragraphs of the document the question names rank this much higher
HEADING_MAX = 60  # characters: a paragraph this short without a quantity is an item heading
BARE_PENALTY = 0.15  # a clause whose numbers carry no unit is a weaker answer
SHARE_PENALTY = 0.1  # a percentage answers "多少" only when a share or rate is asked for
_SHARE_CUE = r"率|比例|比重|占比|百分|[%％]|增长|增速|下降|提高|降低|减按|上浮|折扣|几成"

_UNIT_HINTS = [
    (r"辆|车", r"辆"),
    (r"面积|多大", r"平方米|平米|公顷|亩|平方公里"),
    (r"率|比例|比重|占比|百分", r"%|％|‰"),
    (r"钱|元|费|资金|奖励|补助|补贴|补偿|投资|金额|收入|产值|税收|gdp|生产总值", r"元"),
    (r"多少万|几万|多少亿|几亿", r"万|亿"),
    (r"产量|产能|吨", r"吨"),
    (r"几天|多少天|天数", r"天|日"),
    (r"几个月|多少个月", r"个月"),
    (r"小时", r"小时"),
    (r"户", r"户"),
    (r"人数|多少人|几人|人口", r"人|名"),
    (r"增长|增速|百分点", r"%|％|百分点"),
    (r"耗水|用水|水量|立方", r"立方米"),
]


def _expected_units(question: str) -> list[str]:
    """Units the asked figure may carry; figures the question states itself ("不超过100万元的
    部分，减按多少…") say nothing about the unit of the answer."""
    for n in sorted(spans.number_spans(question), key=lambda n: -n.start):
        question = question[: n.start] + question[n.end :]
    return [units for cue, units in _UNIT_HINTS if re.search(cue, question)]


def ranked_for(ctx: Context, intent: Intent, k: int) -> list[tuple[float, Para]]:
    """Paragraphs for the question, those of a document it names (by title) ranked higher."""
    ranked = ctx.ranked(intent.topic, k)
    doc = link_document(ctx, intent)
    if doc is None:
        return ranked
    number = doc.entity.get("number")
    boosted = [(s + DOC_BONUS if p.doc_number == number else s, p) for s, p in ranked]
    return sorted(boosted, key=lambda x: -x[0])


def _extended(ctx: Context, para: Para) -> tuple[str, list[Para]]:
    """The paragraph with the pieces a layout break cut from it, and with the next paragraph
    when it is only an item heading ("2．提高…最高限额。" then "…调整至80万元。")."""
    block = [p for p in ctx.corpus.block(para) if p is para or p.section != "head"]
    text = "".join(p.text.rstrip() for p in block)
    if _ITEM.match(text) and len(spans.squash(text)) <= HEADING_MAX and not _quantities(text):
        nxt = ctx.corpus.neighbours(block[-1], 1)
        if nxt:
            return text + nxt[0].text, block + nxt
    return text, block


# An item heading opens with its number: "2．", "（六）", "三、".
_ITEM = re.compile(
    r"^\s*(?:\d+\s*[．.、]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)"
)


def _quantities(text: str) -> list[spans.Span]:
    return [n for n in spans.number_spans(text) if re.search(r"\D$", n.text)]


def _bound_elsewhere(
    focus: str, words: list[str], offset: int, clause: str, pieces: list[tuple[int, str]]
) -> bool:
    """Whether the quantity asked for (the question's last content word, "GDP") is printed in
    another clause of the same sentence next to its own figure ("…占GDP比重不低于5%"), while
    this clause names nothing the question asks about: its figure is something else (产值).
    A clause naming another of the question's words ("岚县 0.09亿立方米") is a list item."""
    flat = fold(clause)
    if len(focus) < 2 or any(fold(w) in flat for w in words):
        return False
    for start, other in pieces:
        if start == offset or not _same_sentence(pieces, offset, start):
            continue
        if focus in fold(other) and spans.number_spans(other):
            return True
    return False


def _same_sentence(pieces: list[tuple[int, str]], a: int, b: int) -> bool:
    """Whether the clauses at offsets a and b belong to one sentence (no 。；between them)."""
    lo, hi = min(a, b), max(a, b)
    return not any(lo <= start < hi and re.search(r"[。；;！？!?]\s*$", c) for start, c in pieces)


def _table_row(text: str) -> bool:
    """A row of a table: figures standing alone between spaces ("2 孝义市 424 233 191"), whose
    unit the table's header states once."""
    return len(re.findall(r"(?:^|\s)\d+(?:\.\d+)?(?=\s|$)", text)) >= 2


def _table_caption(ctx: Context, para: Para) -> str:
    """For a table row, the table's caption and column heads printed above it (a gazette
    prints them as short lines: "…压减目标和年度计划表单位：万立方米", "序号 县（市）" …)."""
    if not _table_row(para.text):
        return ""
    heads = []
    for p in ctx.corpus.previous(para, 16):
        if _table_row(p.text):
            continue
        if len(spans.squash(p.text)) > 40:
            break
        heads.append(p.text)
        if re.search(r"表(?:单位|$|\s)", spans.squash(p.text) + " "):
            break  # the caption ("…计划表单位：公顷") opens the table
    return " ".join(reversed(heads))


def _value(number: str) -> str:
    return re.sub(r"[^\d.]", "", number.replace("．", "."))


def numeric(ctx: Context, intent: Intent) -> Answer:
    """A number stated in the paragraph that best matches the question."""
    ranked = ranked_for(ctx, intent, 8)
    expected = _expected_units(intent.question)
    stated = {_value(n.text) for n in spans.number_spans(intent.question)} - {""}
    share = bool(re.search(_SHARE_CUE, intent.question))
    words = content_words(intent.topic)
    focus = fold(words[-1]) if words and not re.match(r"^[\d.]+$", words[-1]) else ""
    best: tuple[float, float, list[Para], str, list[str]] | None = None
    for rank, (score, para) in enumerate(ranked):
        if score < TOPIC_MIN:
            break
        if para.section == "head" or not years_agree(intent.question, para):
            continue  # the title block states no figures of its own; other years do not answer
        text, used = _extended(ctx, para)
        caption = _table_caption(ctx, para)
        pieces = spans.clauses(text)
        weights = _clause_weights(ctx, intent.topic, [c for _, c in pieces])
        sentences = spans.sentences(text)
        for (offset, clause), weight in zip(pieces, weights, strict=True):
            numbers = [n for n in spans.number_spans(clause) if _value(n.text) not in stated]
            if not numbers or _bound_elsewhere(focus, words, offset, clause, pieces):
                continue
            fitting = [n.text for n in numbers if any(re.search(u, n.text) for u in expected)]
            if expected and not fitting:
                continue  # 多少辆 is not answered by a figure in 吨
            sentence = _sentence_around(sentences, text, offset)
            told = f"{caption} {sentence}"
            value = score + 0.5 * weight + 0.3 * ctx.corpus.coverage(intent.topic, told)
            # "孝义市…目标": the figure's own sentence (a row with its table's caption), headings
            # and title must say what the question says; a total for all counties misses 孝义市
            value -= missing_words(words, f"{told}{para.headings}{para.title}")
            value -= 0.02 * rank
            if not any(re.search(r"\D$", n.text) for n in numbers) and not _table_row(clause):
                value -= BARE_PENALTY
            if not share and all(re.search(r"[%％‰]$", n.text) for n in numbers):
                value -= SHARE_PENALTY  # "供应多少" asks for the amount, not its share
            if best is None or value > best[0]:
                gate = score + 0.5 * weight  # how well the passage itself matches
                best = (value, gate, used, sentence, (fitting or [n.text for n in numbers])[:3])
    if best is None or best[1] < TOPIC_MIN:
        return not_found(
            intent.question,
            intent.label(),
            "公报中未找到与问题对应的数字",
            [p for _, p in ranked[:1]],
        )
    _, _, used, sentence, items = best
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
    tg = grams(topic)
    sets = [grams(c) & tg for c in clauses]
    df: dict[str, int] = {}
    for s in sets:
        for g in s:
            df[g] = df.get(g, 0) + 1
    n = len(clauses)
    total = sum(ctx.corpus.weight(g) for g in tg) or 1.0
    return [
        sum(ctx.corpus.weight(g) * math.log(1 + n / df[g]) / math.log(1 + n) for g in s) / total
        if n > 1
        else sum(ctx.corpus.weight(g) for g in s) / total
        for s in sets
    ]


def _sentence_around(sentences: list[tuple[int, str]], text: str, offset: int) -> str:
    for start, sentence in sentences:
        if start <= offset < start + len(sentence):
            return sentence
    return text


# ---------------------------------------------------------------------------------------
# free text

# "两翼是指什么", "什么是房证同交", "X的含义", "房屋产权人在…中是什么角色": the term whose
# definition (or role) is asked for.
_DEFINED = re.compile(
    r"(?:^|[的里中])(?P<term>[^\W的里中\d_a-z]{2,8}?)(?:是指|指的是|是什么意思|指什么|的含义|什么意思)"
    r"|什么(?:是|叫)(?P<term2>[\u4e00-\u9fff]{2,8})"
    r"|^(?P<term3>[\u4e00-\u9fff]{2,8}?)(?:在[^，。？?]{1,12}?中)?(?:是什么角色|是什么身份|扮演什么角色)"
)
# A sentence that elaborates the one before it.
_ELABORATES = re.compile(r"^\s*(?:其中|具体(?:是|为|包括)?|即|包括|分别(?:是|为))[，,：:]?")


def _definition_bonus(term: str, sentence: str) -> float:
    """0.5 when `sentence` defines `term` ("两翼，就是…", "X是指…", "X（使用人）是…")."""
    flat = spans.squash(sentence)
    pattern = (
        rf"(?:^|[，,；;。、“”\"）)]){re.escape(term)}[”\"]?(?:（[^）]{{1,8}}）)?[，,]?"
        r"(?:就是|是指|指的是|即|指|是|：|:)"
    )
    return 0.5 if term and re.search(pattern, flat) else 0.0


def free_text(ctx: Context, intent: Intent) -> Answer:
    """The sentence of the gazette that best matches the question, among paragraphs that
    mention the question's key words (with their headings and document title)."""
    ranked = ranked_for(ctx, intent, 6)
    m = _DEFINED.search(intent.question)
    term = next((t for t in (m["term"], m["term2"], m["term3"]) if t), "") if m else ""
    best: tuple[float, Para, str] | None = None
    checked: list[Para] = []
    for rank, (score, para) in enumerate(ranked):
        if score < TOPIC_MIN:
            break
        if not years_agree(intent.question, para):
            continue
        checked.append(para)
        if missing_share(intent.topic, para.text + para.headings + para.title) >= MISSING_MAX:
            continue  # the paragraph does not speak of what the question asks about
        offset, sentence, cov = best_sentence(ctx, intent.topic, para)
        if term:
            defining = max(spans.sentences(para.text), key=lambda s: _definition_bonus(term, s[1]))
            if _definition_bonus(term, defining[1]):
                offset, sentence = defining
                cov = max(cov, ctx.corpus.coverage(intent.topic, sentence)) + 0.5
        if intent.focus:
            # the last clause of a long question says what is asked; the rest is context
            focused = max(
                spans.sentences(para.text), key=lambda s: ctx.corpus.coverage(intent.focus, s[1])
            )
            fcov = ctx.corpus.coverage(intent.focus, focused[1])
            if fcov > ctx.corpus.coverage(intent.focus, sentence) + 0.2:
                offset, sentence = focused
                cov = max(cov, ctx.corpus.coverage(intent.topic, sentence))
            cov += 0.5 * ctx.corpus.coverage(intent.focus, sentence)
        answer = _with_elaboration(ctx, para, offset, sentence)
        if answer != sentence:
            # a heading read with what follows it: judge the two together
            cov = max(cov, ctx.corpus.coverage(intent.topic, answer + para.title))
        value = cov + 0.5 * score - 0.02 * rank
        if best is None or value > best[0]:
            best = (value, para, answer)
    if best is None or best[0] < TOPIC_MIN * 1.5:
        return not_found(
            intent.question,
            intent.label(),
            "公报中未找到与问题对应的内容（最接近的段落未提及问题的关键内容）"
            if checked
            else "公报中未找到与问题对应的内容",
            checked[:1] or [p for _, p in ranked[:1]],
        )
    _, para, sentence = best
    return found(
        intent.question, intent.label(), compose(sentence.strip()), [para], "", [sentence.strip()]
    )


def _with_elaboration(ctx: Context, para: Para, offset: int, sentence: str) -> str:
    """`sentence` and, when the next sentence elaborates it ("其中，…") or it is only an item
    heading ("（二）目标任务。"), the sentence that follows (in the next paragraph if need be)."""
    heading = bool(_ITEM.match(sentence)) and len(spans.squash(sentence)) <= 20
    following = [t for start, t in spans.sentences(para.text) if start >= offset + len(sentence)]
    if heading and not any(t.strip() for t in following):
        following = [t for p in ctx.corpus.neighbours(para, 1) for _, t in spans.sentences(p.text)]
    nxt = next((t.strip() for t in following if t.strip()), "")
    if nxt and (heading or _ELABORATES.match(nxt)):
        return sentence.rstrip() + nxt
    return sentence
