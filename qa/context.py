"""What every intent handler shares: the loaded store, catalogs, corpus and retriever, and
small helpers to link the question's group or document and to pick the best sentence."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from qa import spans
from qa.evidence import Corpus, Para, grams
from qa.intents import Intent
from qa.linking import Catalog, Link, number_in
from qa.textnorm import fold

GROUP_LINK_MIN = 0.45  # share of a group label's weighted bigrams the question must contain
DOC_LINK_MIN = 0.55
TOPIC_MIN = 0.3  # share of the topic a paragraph must cover to be used as evidence
MISSING_MAX = 0.25  # share of the question's content words an answer's evidence may lack


@dataclass
class Context:
    """Everything a handler needs, loaded once by QA.open."""

    store: ox.Store
    catalog: Catalog
    corpus: Corpus
    search: Callable[[str, int], list[str]]  # retriever: query, k -> paragraph ids
    tasks_by_para: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    deadlines_by_para: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    people: frozenset[str] = frozenset()
    posts: list[dict[str, Any]] = field(default_factory=list)  # post_holders.rq rows
    home: frozenset[str] = frozenset()  # places the issuing governments govern (吕梁市 …)

    def paragraph(self, iri: str | None) -> Para | None:
        """The paragraph with this IRI, if loaded."""
        return self.corpus.by_iri.get(iri or "")

    def ranked(self, topic: str, k: int = 8) -> list[tuple[float, Para]]:
        """Paragraphs for `topic`, best first (retriever hits fused with lexical scores)."""
        if not topic:
            return []
        return self.corpus.rank(topic, self.search(topic, 20), k)


# ---------------------------------------------------------------------------------------
# helpers


def best_sentence(ctx: Context, topic: str, para: Para) -> tuple[int, str, float]:
    """(offset, sentence, coverage) of the sentence of `para` that covers `topic` best."""
    best = (0, para.text, 0.0)
    for offset, sentence in spans.sentences(para.text):
        cov = ctx.corpus.coverage(topic, sentence)
        if cov > best[2]:
            best = (offset, sentence, cov)
    return best


def link_group(ctx: Context, intent: Intent) -> Link | None:
    """The group the question names, when one matches well enough."""
    links = ctx.catalog.link(intent.question, "group", 3)
    if links and links[0].score >= GROUP_LINK_MIN:
        return links[0]
    return None


def link_document(ctx: Context, intent: Intent) -> Link | None:
    """The document the question names: by number, else by title (full or short)."""
    by_number = ctx.catalog.document_by_number(intent.question)
    if by_number is not None:
        return Link(by_number, 1.0, by_number.get("number") or "")
    if number_in(intent.question):
        return None  # a number the store does not hold: never fall back to a title guess
    links = ctx.catalog.link(intent.question, "document", 3)
    if links and links[0].score >= DOC_LINK_MIN:
        return links[0]
    return None


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def years_agree(question: str, para: Para) -> bool:
    """False when the question names a year and the paragraph (with its headings and title)
    names years but not that one: "2023年…目标" is not answered by a 2025 target."""
    asked = set(_YEAR.findall(question))
    if not asked:
        return True
    printed = set(_YEAR.findall(spans.squash(f"{para.text}{para.headings}{para.title}")))
    return not printed or bool(asked & printed)


_NOT_CONTENT = frozenset(
    [
        "什么",
        "多少",
        "哪些",
        "哪个",
        "哪里",
        "怎么",
        "如何",
        "是否",
        "可以",
        "需要",
        "应该",
        "那个",
        "这个",
        "一下",
        "之后",
        "以后",
        "以前",
        "之前",
        "里面",
        "其中",
        "要求",
        "情况",
        "相关",
        "有关",
        "具体",
        "分别",
        "目前",
        "现在",
        "每个",
        "各个",
        "一个",
        "多大",
        "多高",
        "多长",
        "多久",
        "多远",
        "多重",
        # the frame of "坚持什么原则" / "有什么规定": what is asked, not what it is about
        "坚持",
        "原则",
        "规定",
        "含义",
        "意思",
    ]
)


@functools.lru_cache(maxsize=1)
def _segmenter() -> Callable[[str], list[str]] | None:
    """jieba's word splitter when installed (dictionary loaded once), else None."""
    try:
        import jieba
    except ImportError:
        return None
    jieba.setLogLevel(60)
    return lambda text: jieba.lcut(text, HMM=False)


# Without jieba: chunks between function characters, numbers and Latin words.
_FUNCTION = re.compile(
    r"[\s的是有在要和与及了把被从到里或等由将向吗呢哪谁几那这么啥怎还都再又就也并该]|如何|什么|多少"
    r"|(?<=[0-9a-z])(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=[0-9a-z])"
)


def content_words(topic: str) -> list[str]:
    """Words of two or more characters that carry the question's content: jieba's words when
    jieba is installed, else the chunks between function characters."""
    cut = _segmenter()
    words = _join_singles(cut(topic)) if cut is not None else _FUNCTION.split(fold(topic))
    return [w for w in words if w and len(w.strip()) >= 2 and w not in _NOT_CONTENT]


# Single characters that stand alone in questions (particles, measure words, 多/大 of 多大):
# never glued to a neighbour into a "word".
_LOOSE = frozenset(
    "的了在是有和与及或等把被从到给对向由将于为以而且也都还就再又很多少大小上下中内外前后"
    "那这哪谁啥么呢吗吧个块些位件次年月日天要该并其各每"
)


def _join_singles(words: list[str]) -> list[str]:
    """jieba's words with runs of single characters it could not place joined back: a word
    missing from its dictionary ("双创") comes out as "双", "创"."""
    out: list[str] = []
    run = ""
    for w in [*words, ""]:
        if len(w) == 1 and re.match(r"[\u4e00-\u9fff]", w) and w not in _LOOSE:
            run += w
            continue
        if run:
            out.append(run)
            run = ""
        if w:
            out.append(w)
    return out


def missing_share(topic: str, context: str) -> float:
    """Share (by length) of the topic's content words that the context does not contain:
    "2023年GDP增长目标" against a paragraph about 2025 targets misses GDP and 增长."""
    return missing_words(content_words(topic), context)


def missing_words(words: list[str], context: str) -> float:
    """`missing_share` for content words already split out of the topic."""
    if not words:
        return 0.0
    text = fold(context)
    have = grams(text)
    # jieba gives words (one missing bigram in three is a different word); the fallback gives
    # phrases, which count as missing only when most of their bigrams are absent
    need = 0.7 if _segmenter() is not None else 0.4
    missing = 0
    for w in words:
        g = grams(w)
        if (
            fold(w) not in text
            and (not g or len(g & have) / len(g) < need)
            and not _gapped(w, text)
        ):
            missing += len(w)
    return missing / sum(len(w) for w in words)


def _gapped(word: str, text: str) -> bool:
    """A short word printed in full with characters between: 总规 in 总体规划, 经开区 in
    经济开发区 (questions abbreviate what the gazette spells out)."""
    w = fold(word)
    if not 2 <= len(w) <= 6 or not re.fullmatch(r"[\u4e00-\u9fff]+", w):
        return False
    return re.search(".{0,3}".join(map(re.escape, w)), text) is not None


def role_matches(asked: str, printed: str | None) -> bool:
    """Whether a printed member role is the one asked for (spaces and 的 ignored)."""
    return fold(printed or "").replace("的", "") == fold(asked).replace("的", "")


def doc_paragraphs(ctx: Context, doc_number: str) -> list[Para]:
    """Paragraphs of one document in order."""
    return [p for p in ctx.corpus.paragraphs if p.doc_number == doc_number]
