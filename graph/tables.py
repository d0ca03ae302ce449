"""CSV tables over the store, one SPARQL file per table in graph/queries/.

Column names are relied on by the evaluation scorer; keep them exactly. Files are UTF-8 with a
BOM (so spreadsheet programs read the Chinese text right). Task units are the printed forms
(gkg:asPrinted) joined with "；" in printed order.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pyoxigraph as ox

from graph.store import GraphStore, Term, as_store, load_query
from ingest.errors import GazetteError

TABLES: dict[str, tuple[str, ...]] = {
    "documents": (
        "doc_number",
        "title",
        "issuer",
        "date",
        "recipients",
        "doc_type",
        "interpreted_by",
        "consult_unit",
        "consult_phone",
    ),
    "memberships": ("group", "doc_number", "role", "person", "title"),
    "groups": ("group", "doc_number", "office_at", "office_director"),
    "tasks": (
        "doc_number",
        "task_id",
        "heading",
        "lead_units",
        "responsible_units",
        "cooperating_units",
    ),
    "deadlines": ("doc_number", "who", "what", "when_text", "kind", "resolved"),
}
UNIT_SEPARATOR = "；"


class UnknownTableError(GazetteError, ValueError):
    """A table name that is not in TABLES."""


def table_rows(
    store: GraphStore | str | Path, name: str, graph: str | None = None
) -> list[dict[str, str]]:
    """Rows of table `name` (documents, memberships, groups, tasks, deadlines) as strings.

    `store` is a GraphStore or a store folder (opened read-only). `graph` restricts the table
    to one source's named graph. Unbound values become "".
    """
    store = as_store(store)
    if name not in TABLES:
        raise UnknownTableError(f"no table {name!r}; choose one of {', '.join(TABLES)}")
    bound = {} if graph is None else {"g": ox.NamedNode(graph)}
    rows = store.select(load_query(name), bound)
    if name == "tasks":
        return _join_task_units(rows)
    return [{col: _cell(row.get(col)) for col in TABLES[name]} for row in rows]


def write_tables(
    store: GraphStore | str | Path, out_dir: str | Path, graph: str | None = None
) -> list[tuple[Path, int]]:
    """Write every table as `{out_dir}/{name}.csv`; return (path, row count) per table."""
    store = as_store(store)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, columns in TABLES.items():
        rows = table_rows(store, name, graph)
        path = out / f"{name}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=columns)
            writer.writeheader()
            writer.writerows(rows)
        written.append((path, len(rows)))
    return written


def _join_task_units(rows: list[dict[str, Term | None]]) -> list[dict[str, str]]:
    tasks: dict[tuple[str, str], dict[str, str]] = {}
    units: dict[tuple[str, str], dict[str, list[str]]] = {}
    for row in rows:
        key = (_cell(row["g"]), _cell(row["task"]))
        if key not in tasks:
            tasks[key] = {col: _cell(row.get(col)) for col in ("doc_number", "task_id", "heading")}
            units[key] = {"lead": [], "responsible": [], "cooperating": []}
        role, unit = _cell(row.get("role")), _cell(row.get("unit"))
        if role in units[key] and unit:
            units[key][role].append(unit)
    return [
        {
            **tasks[key],
            **{f"{role}_units": UNIT_SEPARATOR.join(names) for role, names in units[key].items()},
        }
        for key in tasks
    ]


def _cell(node: Term | None) -> str:
    return "" if node is None else node.value
