"""The Deadlines tab: every deadline as a row, dates resolved and recurrences spelled out."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from graph.store import GraphStore
from qa.app_browse import load

HEADERS = ["日期", "类型", "原文时限", "事项", "责任主体", "相关单位", "文号", "页", "行"]
KIND_NAMES = {"Absolute": "绝对日期", "Recurring": "周期", "Relative": "相对时限", "Period": "期间"}
FREQUENCY_NAMES = {
    "daily": "每日",
    "weekly": "每周",
    "monthly": "每月",
    "quarterly": "每季度",
    "yearly": "每年",
}


@dataclass(frozen=True, slots=True)
class DeadlineRow:
    """One deadline for display, with what the agency filter matches on."""

    cells: list[str]
    unit_iris: frozenset[str]
    party: str


def deadline_rows(store: GraphStore) -> list[DeadlineRow]:
    """Every deadline of the store, ordered by resolved date (undated ones last)."""
    para_query = load("paragraph")
    out = []
    for raw in store.select(load("deadlines")):
        r = {k: ("" if v is None else v.value) for k, v in raw.items()}
        page = ""
        if r["para"]:
            found = store.select(para_query, {"para": ox.NamedNode(r["para"])})
            page = found[0]["page"].value if found and found[0]["page"] else ""
        cells = [
            when(r),
            KIND_NAMES.get(r["kind"], r["kind"]),
            r["surface"],
            r["obligation"],
            "，".join(
                x for x in (r["party"], f"报送{r['report_to']}" if r["report_to"] else "") if x
            ),
            r["units"],
            r["doc_number"],
            page,
            r["first_line"],
        ]
        out.append(DeadlineRow(cells, frozenset(r["unit_iris"].split()), r["party"]))
    return sorted(
        out,
        key=lambda row: (
            row.cells[0] == "" or not row.cells[0][:1].isdigit(),
            row.cells[0],
            row.cells[6],
            _int(row.cells[8]),
        ),
    )


def when(r: dict[str, str]) -> str:
    """The date column: ISO date, 'start – end' for a period, the rule of a recurrence."""
    if r["due"]:
        return r["due"]
    if r["start"] or r["end"]:
        return f"{r['start'] or '…'} – {r['end'] or '…'}"
    if r["kind"] == "Recurring":
        rule = FREQUENCY_NAMES.get(r["frequency"], r["frequency"] or "周期")
        if r["day"]:
            rule += f"第{r['day']}日前"
        if r["count"]:
            rule += f"{r['count']}次"
        return f"{rule}（周期）"
    if r["kind"] == "Relative":
        return "（相对时限）"
    return ""


def filter_rows(
    rows: list[DeadlineRow], agency_iri: str | None, names: list[str]
) -> list[list[str]]:
    """Cells of the rows bound to the agency (by its units, or its names in the party text)."""
    if not agency_iri:
        return [row.cells for row in rows]
    return [
        row.cells
        for row in rows
        if agency_iri in row.unit_iris or any(n and n in row.party for n in names)
    ]


def _int(text: str) -> int:
    return int(text) if text.isdigit() else 0
