"""The question-answering API that the CLI and the app both call.

    qa = QA.open(store_dir)             # store (read-only), catalogs, retriever: once
    answer = qa.ask("房证同交领导小组副组长是谁？")
    answer.to_json()                    # {"question", "answer", "found", "intent", "sparql", "sources"}
    qa.search("煤炭增产保供", k=5)       # the passage retriever alone

Any text is a valid question: empty, very long, or full of quotes, braces and SPARQL keywords,
it gets a normal answer or a plain "not found" — values only ever reach SPARQL as bound terms.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pyoxigraph as ox

from ingest.errors import GazetteError
from qa import templates
from qa.answer import Answer, not_found
from qa.context import Context, content_words
from qa.evidence import Corpus, load_paragraphs
from qa.intents import Intent, classify, topic_of
from qa.linking import Catalog, number_in
from qa.posts import home_place
from qa.resolve_agencies import agency_tasks
from qa.resolve_facts import count, doc_meta
from qa.resolve_groups import group_members, group_office, group_role
from qa.resolve_passages import free_text, numeric
from qa.resolve_people import absent_person, named_person, person_posts, post_holder
from qa.resolve_tasks import deadline, task_units
from qa.textnorm import fold

log = logging.getLogger(__name__)

MAX_QUESTION = 1000  # characters kept from a question; the rest cannot change the answer


class QAError(GazetteError):
    """The QA system cannot be opened (missing store, unloadable model); says what to do."""


@dataclass
class Timings:
    """How long opening took, for benchmarks."""

    store: float = 0.0
    catalogs: float = 0.0
    index: float = 0.0


class QA:
    """Question answering over one store. Build with `QA.open` or `QA.from_store`."""

    def __init__(self, ctx: Context, retriever: object | None, timings: Timings) -> None:
        """Internal: use QA.open / QA.from_store."""
        self.ctx = ctx
        self.retriever = retriever
        self.timings = timings

    @classmethod
    def open(
        cls,
        store_dir: str | Path,
        index_dir: str | Path | None = None,
        embedding_model: str | None = None,
        *,
        retriever: bool = True,
        progress: Callable[[str], None] | None = None,
    ) -> QA:
        """Open the store at `store_dir` read-only and load catalogs and the retriever once.

        `index_dir` caches passage vectors (default: none kept); `embedding_model` as for
        qa.retrieval.Retriever.build; `progress(message)` hears about slow steps.
        Raises QAError when there is no store at `store_dir`.
        """
        started = time.perf_counter()
        path = Path(store_dir)
        if not (path / "CURRENT").is_file():
            raise QAError(
                f"No store at {path}; run `gazette-kg ingest` first or pass the store folder."
            )
        try:
            store = ox.Store.read_only(str(path))
        except OSError as err:
            raise QAError(f"Cannot open store {path} read-only: {err}") from err
        qa = cls.from_store(
            store, index_dir, embedding_model, retriever=retriever, progress=progress
        )
        qa.timings.store = time.perf_counter() - started - qa.timings.catalogs - qa.timings.index
        return qa

    @classmethod
    def from_store(
        cls,
        store: ox.Store,
        index_dir: str | Path | None = None,
        embedding_model: str | None = None,
        *,
        retriever: bool = True,
        progress: Callable[[str], None] | None = None,
    ) -> QA:
        """QA over an already open pyoxigraph Store (tests and benchmarks use in-memory ones).

        `retriever=False` skips the dense/BM25 index: paragraphs are then ranked by the
        lexical score alone (fast start-up, lower recall on paraphrases).
        """
        say = progress or (lambda message: None)
        timings = Timings()
        t0 = time.perf_counter()
        say("loading label catalogs and paragraphs from the store")
        catalog = Catalog.load(store)
        corpus = Corpus(load_paragraphs(store))
        tasks_by_para: dict[str, list[dict]] = {}
        for r in templates.run(store, "catalog_tasks").rows:
            if r.get("para"):
                tasks_by_para.setdefault(r["para"], []).append(r)
        deadlines_by_para: dict[str, list[dict]] = {}
        for r in templates.run(store, "catalog_deadlines").rows:
            if r.get("para"):
                deadlines_by_para.setdefault(r["para"], []).append(r)
        content_words("预热")  # load the word splitter now, not on the first question
        timings.catalogs = time.perf_counter() - t0
        t1 = time.perf_counter()
        index = None
        if retriever and corpus.paragraphs:
            from qa.retrieval import Retriever

            say(f"indexing {len(corpus.paragraphs)} paragraphs for retrieval")
            index = Retriever.build(
                [p.passage() for p in corpus.paragraphs],
                Path(index_dir) if index_dir else None,
                embedding_model,
                (lambda fraction, message: say(f"{message} ({fraction:.0%})"))
                if progress
                else None,
            )
        timings.index = time.perf_counter() - t1
        search = _searcher(index)
        ctx = Context(
            store=store,
            catalog=catalog,
            corpus=corpus,
            search=search,
            tasks_by_para=tasks_by_para,
            deadlines_by_para=deadlines_by_para,
            people=catalog.names("person"),
            posts=templates.run(store, "post_holders").rows,
            home=frozenset(
                filter(
                    None, (home_place(d.get("issuer") or "") for d in catalog.entities["document"])
                )
            ),
        )
        return cls(ctx, index, timings)

    def ask(self, question: str) -> Answer:
        """Answer one question (any text). Never raises for bad input."""
        text = question if isinstance(question, str) else str(question or "")
        text = text[:MAX_QUESTION]
        if not fold(text):
            return not_found(text, "free_text", "未找到：问题为空，请输入要查询的问题")
        try:
            return respond(self.ctx, classify(text), text)
        except Exception:  # a bug must not reach the user as a traceback; it is logged
            log.exception("qa failed on %r", text[:200])
            return not_found(text, "error", "未找到答案（处理该问题时出错，已记录）")

    def search(self, query: str, k: int = 10, mode: str = "hybrid") -> list:
        """The retriever alone: the k best passages (qa.retrieval.Hit) for `query`."""
        if self.retriever is None:
            return []
        return self.retriever.search(query[:MAX_QUESTION], k, mode)  # type: ignore[attr-defined]


def _searcher(index: object | None) -> Callable[[str, int], list[str]]:
    def search(query: str, k: int) -> list[str]:
        if index is None or not query.strip():
            return []
        return [h.passage.id for h in index.search(query, k, "hybrid")]  # type: ignore[attr-defined]

    return search


def respond(ctx: Context, intent: Intent, question: str) -> Answer:
    """Route an intent to its handler, falling back where a question was misread."""
    answer = _route(ctx, intent)
    answer.question = question
    return answer


# A question about a person's posts or groups (with a known name in it, it is person_posts).
_ABOUT_PERSON = re.compile(
    r"担任|职务|职位|兼任|兼着|任什么|什么职|干什么|做什么|哪个单位|哪个部门|什么单位|什么部门|"
    r"任职|角色|身份|什么人|哪些(?:领导)?小组|哪些专班|哪些组|参加了|参与了|什么头衔|什么官|是谁[?？]?$"
)
# Intents a question naming a known person and asking about them may have been misread as.
_PERSON_MISREAD = ("free_text", "group_members", "group_role", "numeric", "task_units", "count")


def _route(ctx: Context, intent: Intent) -> Answer:
    name = intent.name
    about = bool(_ABOUT_PERSON.search(intent.question))
    if name == "person_posts" or (
        about and name in _PERSON_MISREAD and named_person(ctx, intent.question)
    ):
        answer = person_posts(ctx, _as(intent, "person_posts", "post"))
        if answer is not None:
            return answer
    if name in ("person_posts", "free_text", "task_units") and about:
        absent = absent_person(ctx, intent)
        if absent is not None:
            return absent
    if name == "person_posts":
        return task_units(ctx, _as(intent, "task_units", "unit"))
    if name == "free_text" and number_in(intent.question):
        return doc_meta(ctx, _as(intent, "doc_meta", "clause", field="title"))
    if name == "post_holder":
        answer = post_holder(ctx, intent)
        if answer is not None:
            return answer
        return group_role(ctx, _as(intent, "group_role", "person"))
    if name == "agency_tasks":
        answer = agency_tasks(ctx, intent)
        if answer is not None:
            return answer
        unit = replace(intent, topic=topic_of(intent.question))
        return task_units(ctx, _as(unit, "task_units", "unit"))
    if name == "group_role":
        return group_role(ctx, intent)
    if name == "group_members":
        return (
            group_members(ctx, intent)
            if _has_group(ctx, intent)
            else group_role(ctx, _as(intent, "group_role", "person", role="成员"))
        )
    if name == "group_office":
        return group_office(ctx, intent)
    if name == "task_units":
        if intent.mentions_group and intent.role == "lead" and _has_group(ctx, intent):
            return group_role(ctx, _as(intent, "group_role", "person", role="组长"))
        return task_units(ctx, intent)
    if name == "deadline":
        answer = deadline(ctx, intent)
        if not answer.found and re.search(r"几|多少", intent.question):
            # "建设周期要压减到几个月": a length read as a time limit; try it as a number
            figure = numeric(ctx, _as(intent, "numeric", "number"))
            return figure if figure.found else answer
        return answer
    if name == "doc_meta":
        return doc_meta(ctx, intent)
    if name == "count":
        return count(ctx, intent)
    if name == "numeric":
        return numeric(ctx, intent)
    return free_text(ctx, intent)


def _has_group(ctx: Context, intent: Intent) -> bool:
    from qa.context import link_group

    return link_group(ctx, intent) is not None


def _as(
    intent: Intent, name: str, expect: str, role: str | None = None, field: str | None = None
) -> Intent:
    return replace(
        intent,
        name=name,
        expect=expect,
        role=role if role is not None else intent.role,
        field=field if field is not None else intent.field,
    )
