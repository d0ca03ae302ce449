"""Paragraphs as evidence: loaded once from the graph, ranked for a question, cut into sentences.

Ranking fuses two signals: the hybrid retriever (BM25 + dense, qa.retrieval) when one is
given, and a lexical score of our own — the share of the question topic's character bigrams,
weighted by rarity, that occur in the paragraph with its headings. The lexical score is what
makes ranking explainable and decides between close candidates; the retriever brings in
paraphrases the bigrams miss.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import pyoxigraph as ox

from qa import templates
from qa.retrieval import Passage
from qa.textnorm import fold


@dataclass(frozen=True, slots=True)
class Para:
    """One paragraph with provenance, as stored in the graph."""

    iri: str
    id: str  # "{doc_number}#p{order}", the ingest paragraph id
    text: str
    doc_number: str
    title: str
    page: int
    first_line: int
    last_line: int
    order: int
    headings: str  # heading path joined with " > "
    source: str
    section: str = "body"  # head (title block) | body | attached | annex

    def passage(self) -> Passage:
        """The retriever's view of this paragraph."""
        return Passage(
            id=self.id,
            text=self.text,
            doc_number=self.doc_number,
            source=self.source,
            title=self.title,
            page=self.page,
            first_line=self.first_line,
            last_line=self.last_line,
        )


TEXT_TIEBREAK = 0.02  # weight of a paragraph's own text among equally matching paragraphs

_RUNS = re.compile(r"[\u3400-\u9fff]+|[0-9]+(?:\.[0-9]+)?|[a-z]+")


def grams(text: str) -> set[str]:
    """Matching units of folded text: bigrams inside each run of Chinese characters (never
    across punctuation or spaces), whole numbers and whole Latin words."""
    out: set[str] = set()
    for run in _RUNS.findall(fold_spaced(text)):
        if run[0].isascii() or len(run) == 1:
            out.add(run)
        else:
            out.update(run[i : i + 2] for i in range(len(run) - 1))
    return out


def fold_spaced(text: str) -> str:
    """`fold` that keeps a space where the text had spaces or punctuation (run boundaries)."""
    text = _INNER_PAREN.sub(r"\1", text or "")
    text = _LAYOUT_SPACE.sub("", text)
    parts = re.split(r"[\s，,。；;：:、！？!?（）()“”\"《》【】]+", text)
    return _TIME_WORDS.sub(lambda m: m.group()[-1], " ".join(fold(part) for part in parts))


# 房（地）证: one or two characters in brackets inside a word belong to the word.
_INNER_PAREN = re.compile(
    r"(?<=[\u4e00-\u9fff])[（(]([\u4e00-\u9fff]{1,2})[）)](?=[\u4e00-\u9fff])"
)
# A space between two Chinese characters is where the printed line wrapped ("补偿费 用"), not
# a word boundary.
_LAYOUT_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
# 以后/之后 and 以前/之前 mean 后/前: one form, so 通水以后 matches 通水后.
_TIME_WORDS = re.compile(r"[以之][后前]")


def load_paragraphs(store: ox.Store) -> list[Para]:
    """Every paragraph of the store in source and line order."""
    out: list[Para] = []
    seen: set[str] = set()
    ids: set[str] = set()
    for r in templates.run(store, "catalog_paragraphs").rows:
        key = f"{r.get('source')}\x1f{r['para']}"
        if key in seen:
            continue
        seen.add(key)
        doc = r.get("doc_number") or ""
        printed_order = r.get("order")
        order = printed_order if isinstance(printed_order, int) else len(out)
        pid = f"{doc}#p{order}" if doc else r["para"]
        if pid in ids:  # the same number printed in two sources: keep ids unique per source
            pid = f"{r.get('source')}:{pid}"
        ids.add(pid)
        out.append(
            Para(
                iri=r["para"],
                id=pid,
                text=r["text"],
                doc_number=doc,
                title=r.get("title") or "",
                page=int(r.get("page") or 0),
                first_line=int(r.get("first") or 0),
                last_line=int(r.get("last") or 0),
                order=order,
                headings=r.get("headings") or "",
                source=r.get("source") or "",
                section=r.get("section") or "body",
            )
        )
    return out


def _cut(text: str) -> bool:
    """Whether a paragraph ends mid-sentence (no closing punctuation: a layout break)."""
    text = text.rstrip()
    if len(re.findall(r"(?:^|\s)\d+(?:\.\d+)?(?=\s|$)", text)) >= 2:
        return False  # a table row of figures ("2 孝义市 424 233 191") ends where it ends
    if re.search(r"[（(][^（()）]{1,4}[）)]$", text):
        return True  # "…设立“房（地）": a bracket inside a word, not a closing parenthetical
    return bool(text) and text[-1] not in "。；;！？!?：:）)”"


class Corpus:
    """Paragraphs indexed by id and IRI, with bigram document frequencies."""

    def __init__(self, paragraphs: list[Para]) -> None:
        """Index `paragraphs` (cheap: bigram sets only)."""
        self.paragraphs = paragraphs
        self.by_id = {p.id: p for p in paragraphs}
        self.by_iri = {p.iri: p for p in paragraphs}
        self._position = {p.id: i for i, p in enumerate(paragraphs)}
        self._grams = [grams(p.text) for p in paragraphs]
        self._heads = [grams(p.headings) for p in paragraphs]
        self._titles = [grams(p.title) for p in paragraphs]
        self._context = [h | t for h, t in zip(self._heads, self._titles, strict=True)]
        df: Counter[str] = Counter()
        for g in self._grams:
            df.update(g)
        n = max(1, len(paragraphs))
        self._idf = {g: math.log(1 + n / c) for g, c in df.items()}
        self._default_idf = math.log(1 + n)

    def weight(self, gram: str) -> float:
        """Rarity weight of a bigram (unseen bigrams weigh most)."""
        return self._idf.get(gram, self._default_idf)

    def continued(self, para: Para) -> tuple[str, list[Para]]:
        """The paragraph's text, joined with the next one when a page or column break cut a
        sentence (the text ends without sentence-final punctuation); and the paragraphs used."""
        if not _cut(para.text):
            return para.text, [para]
        nxt = self.neighbours(para, 1)
        if not nxt:
            return para.text, [para]
        return para.text.rstrip() + nxt[0].text, [para, nxt[0]]

    def block(self, para: Para) -> list[Para]:
        """The paragraph with the neighbours a page or column break cut it from (the
        preceding paragraph when that one ends mid-sentence, the next when this one does)."""
        i = self._position[para.id]
        out = [para]
        if i > 0:
            prev = self.paragraphs[i - 1]
            if prev.doc_number == para.doc_number and _cut(prev.text):
                out.insert(0, prev)
        if _cut(para.text):
            out.extend(self.neighbours(para, 1))
        return out

    def neighbours(self, para: Para, after: int = 2) -> list[Para]:
        """Up to `after` following paragraphs of the same document."""
        i = self._position[para.id]
        out = []
        for p in self.paragraphs[i + 1 : i + 1 + after]:
            if p.doc_number != para.doc_number:
                break
            out.append(p)
        return out

    def previous(self, para: Para, before: int = 2) -> list[Para]:
        """Up to `before` preceding paragraphs of the same document, nearest first."""
        i = self._position[para.id]
        out = []
        for p in reversed(self.paragraphs[max(0, i - before) : i]):
            if p.doc_number != para.doc_number:
                break
            out.append(p)
        return out

    def lexical(self, topic: str) -> list[tuple[float, Para]]:
        """(score, paragraph) for every paragraph sharing a bigram with `topic`, best first."""
        tg = grams(topic)
        if not tg:
            return []
        out = []
        for i, p in enumerate(self.paragraphs):
            if not (self._grams[i] & tg or self._context[i] & tg):
                continue
            out.append((self._score(i, tg) + TEXT_TIEBREAK * self._text_share(i, tg), p))
        out.sort(key=lambda x: -x[0])
        return out

    def _text_share(self, i: int, tg: set[str]) -> float:
        """Share of the topic's weighted bigrams in the paragraph's own text: when a question
        names a document, every paragraph matches through the title; the one that says it wins."""
        total = sum(self.weight(g) for g in tg)
        return sum(self.weight(g) for g in tg & self._grams[i]) / total if total else 0.0

    def _score(self, i: int, tg: set[str]) -> float:
        """Share of the topic's weighted bigrams a paragraph covers.

        Bigrams of the topic that occur in the paragraph's document title identify the
        document, not the paragraph: they count half, wherever the paragraph has them (text,
        headings or title). The other bigrams count fully in the text, half in the headings.
        """
        title = self._titles[i] & tg
        rest = tg - title
        body = self._grams[i]
        heads = self._heads[i]
        w = self.weight
        got = 0.5 * sum(w(g) for g in title) + sum(w(g) for g in rest & body)
        got += 0.5 * sum(w(g) for g in (rest & heads) - body)
        total = 0.5 * sum(w(g) for g in title) + sum(w(g) for g in rest)
        return got / total if total else 0.0

    def rank(
        self, topic: str, hits: list[str] | None = None, k: int = 8
    ) -> list[tuple[float, Para]]:
        """The k best paragraphs for `topic`: lexical score plus a bonus for retriever rank.

        `hits` are paragraph ids from the retriever, best first.
        """
        scored = {p.id: s for s, p in self.lexical(topic)[: max(40, k * 4)]}
        for rank, pid in enumerate(hits or []):
            if pid in self.by_id:
                scored[pid] = scored.get(pid, self.score(topic, self.by_id[pid])) + 0.08 / (
                    1 + rank
                )
        ranked = sorted(scored.items(), key=lambda x: -x[1])[:k]
        return [(s, self.by_id[pid]) for pid, s in ranked]

    def score(self, topic: str, para: Para) -> float:
        """Lexical score of one paragraph for `topic` (see `_score`)."""
        tg = grams(topic)
        return self._score(self._position[para.id], tg) if tg else 0.0

    def coverage(self, topic: str, text: str) -> float:
        """Weighted share of the topic's bigrams that occur in `text`."""
        tg = grams(topic)
        if not tg:
            return 0.0
        hit = grams(text) & tg
        return sum(self.weight(g) for g in hit) / sum(self.weight(g) for g in tg)
