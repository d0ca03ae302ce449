"""The Browse tab's data: pick lists and the page of a document, group, agency or person.

Every page is built from the `.rq` files in qa/queries/app/, run on the app's read-only store
with the entity bound as ?item; every fact carries the paragraph it was read from, resolved
by `paragraph.rq` into document, page, lines and text.
"""

from __future__ import annotations

import html
from pathlib import Path

import pyoxigraph as ox

from graph.store import GraphStore
from qa.app_render import Passage, fact_html

QUERIES = Path(__file__).parent / "queries" / "app"
KINDS = {"公文": "documents", "小组": "groups", "单位": "agencies", "人员": "people"}
ROLE_NAMES = {"Lead": "牵头单位", "Responsible": "责任单位", "Cooperating": "配合单位"}


def load(name: str) -> str:
    """Text of qa/queries/app/{name}.rq."""
    return (QUERIES / f"{name}.rq").read_text(encoding="utf-8")


def choices(store: GraphStore, kind: str) -> list[tuple[str, str]]:
    """(display label, IRI) of every entity of `kind` (a key of KINDS) for a dropdown."""
    rows = store.select(load(f"list_{KINDS[kind]}"))
    out = []
    for row in rows:
        label, detail = _v(row, "label"), _v(row, "detail")
        shown = f"{label}（{detail[:40]}）" if detail and detail != label else label
        out.append((shown, _v(row, "item")))
    return out


def agency_names(store: GraphStore, iri: str) -> list[str]:
    """Preferred label and every alias of the agency `iri`."""
    return list(dict.fromkeys(r["value"] for r in _rows(store, "agency_names", ox.NamedNode(iri))))


def page_html(store: GraphStore, kind: str, iri: str) -> str:
    """The HTML page of entity `iri` of `kind`; every fact links to its passage."""
    builder = {"公文": _document, "小组": _group, "单位": _agency, "人员": _person}[kind]
    passages = _Passages(store)
    body = builder(store, ox.NamedNode(iri), passages)
    return f"<div class='gkg-page'>{body}</div>"


class _Passages:
    """Paragraph IRI → Passage, each paragraph looked up once per page."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store
        self._query = load("paragraph")
        self._cache: dict[str, Passage | None] = {}

    def get(self, iri: str) -> Passage | None:
        if not iri:
            return None
        if iri not in self._cache:
            rows = self._store.select(self._query, {"para": ox.NamedNode(iri)})
            self._cache[iri] = (
                None
                if not rows
                else Passage(
                    *(
                        _v(rows[0], k)
                        for k in ("doc_number", "title", "page", "first_line", "last_line", "text")
                    )
                )
            )
        return self._cache[iri]


def _rows(store: GraphStore, name: str, item: ox.NamedNode) -> list[dict[str, str]]:
    return [{k: _v(r, k) for k in r} for r in store.select(load(name), {"item": item})]


def _first_per(rows: list[dict[str, str]], *keys: str) -> list[dict[str, str]]:
    """One row per distinct `keys` (queries repeat a fact once per evidence paragraph)."""
    seen: dict[tuple[str, ...], dict[str, str]] = {}
    for row in rows:
        seen.setdefault(tuple(row.get(k, "") for k in keys), row)
    return list(seen.values())


def _section(title: str, parts: list[str], empty: str = "（无）") -> str:
    return f"<h3>{html.escape(title)}</h3>" + ("".join(parts) or f"<p>{empty}</p>")


def _document(store: GraphStore, item: ox.NamedNode, passages: _Passages) -> str:
    meta = _first_per(_rows(store, "document_page", item), "field", "value")
    title = next((r["value"] for r in meta if r["field"] == "标题"), "")
    number = next((r["value"] for r in meta if r["field"] == "文号"), "")
    facts = [fact_html(r["field"], r["value"], passages.get(r["para"])) for r in meta]
    cites = _first_per(_rows(store, "document_citations", item), "direction", "other")
    cite_parts = {"引用": [], "被引用": []}  # type: dict[str, list[str]]
    for row in cites:
        label = row["number"] + (f"《{row['title']}》" if row["title"] else "")
        cite_parts[row["direction"]].append(fact_html("文件", label, passages.get(row["para"])))
    paragraphs = []
    for row in _rows(store, "document_paragraphs", item):
        p = passages.get(row["para"])
        if p:
            heading = f"〔{row['heading']}〕" if row["heading"] else ""
            paragraphs.append(
                f"<p><small>{html.escape(p.where())} {html.escape(heading)}</small>"
                f"<br>{html.escape(p.text)}</p>"
            )
    return (
        f"<h2>{html.escape(number)} {html.escape(title)}</h2>"
        + _section("基本信息", facts)
        + _section("本文引用", cite_parts["引用"])
        + _section("引用本文的文件", cite_parts["被引用"])
        + f"<details><summary><b>全文段落（{len(paragraphs)}）</b></summary>"
        + "".join(paragraphs)
        + "</details>"
    )


def _group(store: GraphStore, item: ox.NamedNode, passages: _Passages) -> str:
    name = _label(store, item)
    rows = _rows(store, "group_page", item)
    facts, members = [], []
    for row in _first_per(rows, "field", "value", "person", "order"):
        if row["order"]:
            who = row["person"] or "（未列姓名）"
            value = f"{who}　{row['value']}" if row["value"] else who
            members.append(fact_html(row["field"], value, passages.get(row["para"])))
        else:
            facts.append(fact_html(row["field"], row["value"], passages.get(row["para"])))
    return (
        f"<h2>{html.escape(name)}</h2>"
        + _section("基本信息", facts)
        + _section("组成人员", members)
    )


def _agency(store: GraphStore, item: ox.NamedNode, passages: _Passages) -> str:
    names = _rows(store, "agency_names", item)
    label = next((r["value"] for r in names if r["field"] == "名称"), "")
    alias_parts = [
        fact_html(r["field"], r["value"], _printing(passages, names, r))
        for r in _first_per(names, "field", "value")
    ]
    by_role: dict[str, list[str]] = {name: [] for name in ROLE_NAMES.values()}
    for row in _first_per(
        _rows(store, "agency_tasks", item), "role", "doc_number", "task_number", "heading"
    ):
        role = ROLE_NAMES.get(row["role"].rsplit("#", 1)[-1], row["role"])
        task = " ".join(x for x in (row["doc_number"], row["task_number"], row["heading"]) if x)
        by_role.setdefault(role, []).append(
            fact_html(f"任务（原文“{row['as_printed']}”）", task, passages.get(row["para"]))
        )
    task_html = (
        "".join(
            _section(f"{role}（{len(parts)}）", parts) for role, parts in by_role.items() if parts
        )
        or "<h3>任务</h3><p>（无）</p>"
    )
    groups = []
    for row in _first_per(
        _rows(store, "agency_groups", item), "relation", "group_name", "role", "post", "person"
    ):
        detail = "、".join(x for x in (row["role"], row["person"], row["post"]) if x)
        value = row["group_name"] + (f"（{detail}）" if detail else "")
        groups.append(fact_html(row["relation"], value, passages.get(row["para"])))
    return (
        f"<h2>{html.escape(label)}</h2>"
        + _section("名称与别称", alias_parts)
        + task_html
        + _section("所在或承办的小组", groups)
    )


def _printing(
    passages: _Passages, rows: list[dict[str, str]], row: dict[str, str]
) -> Passage | None:
    """Among the evidence paragraphs of `rows`, one that prints `row`'s value, else row's own."""
    wanted = "".join(row["value"].split())
    for other in rows:
        p = passages.get(other["para"])
        if p and wanted in "".join(p.text.split()):
            return p
    return passages.get(row["para"])


def _person(store: GraphStore, item: ox.NamedNode, passages: _Passages) -> str:
    name = _label(store, item)
    posts, memberships = [], []
    for row in _first_per(_rows(store, "person_page", item), "kind", "group_name", "role", "post"):
        if row["kind"] == "职务":
            posts.append(fact_html("职务", row["post"], passages.get(row["para"])))
        else:
            detail = "，".join(x for x in (row["role"], row["post"]) if x)
            memberships.append(fact_html(row["group_name"], detail, passages.get(row["para"])))
    return (
        f"<h2>{html.escape(name)}</h2>"
        + _section("职务", posts)
        + _section("任职的小组", memberships)
    )


def _label(store: GraphStore, item: ox.NamedNode) -> str:
    rows = store.select(load("label"), {"item": item})
    return _v(rows[0], "label") if rows else str(item.value)


def _v(row: dict[str, ox.NamedNode | ox.Literal | ox.BlankNode | None], key: str) -> str:
    term = row.get(key)
    return "" if term is None else term.value
