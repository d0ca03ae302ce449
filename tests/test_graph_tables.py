"""CSV tables: exact columns, BOM, printed units in order, resolved deadlines, one .rq each."""

from __future__ import annotations

import csv
from pathlib import Path

import pyoxigraph as ox
import pytest
from to_rdf_sample import DOC, OTHER, memory_store

from graph.store import QUERIES, GraphStore
from graph.tables import TABLES, UnknownTableError, table_rows, write_tables
from ingest.iri import graph_iri

COLUMNS = {
    "documents": "doc_number,title,issuer,date,recipients,doc_type,interpreted_by,consult_unit,consult_phone",
    "memberships": "group,doc_number,role,person,title",
    "groups": "group,doc_number,office_at,office_director",
    "tasks": "doc_number,task_id,heading,lead_units,responsible_units,cooperating_units",
    "deadlines": "doc_number,who,what,when_text,kind,resolved",
}


@pytest.fixture(scope="module")
def store() -> GraphStore:
    return memory_store()


def test_written_files_have_bom_and_exact_columns(store: GraphStore, tmp_path: Path) -> None:
    written = write_tables(store, tmp_path / "out")
    assert [p.name for p, _ in written] == [f"{n}.csv" for n in COLUMNS]
    for path, count in written:
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        assert raw[3:].split(b"\r\n", 1)[0].decode() == COLUMNS[path.stem]
        with path.open(encoding="utf-8-sig", newline="") as f:
            assert len(list(csv.DictReader(f))) == count > 0


def test_table_names_match_columns() -> None:
    assert {k: ",".join(v) for k, v in TABLES.items()} == COLUMNS
    with pytest.raises(UnknownTableError, match="documents, memberships"):
        table_rows(memory_store(), "people")


def test_documents(store: GraphStore) -> None:
    rows = {r["doc_number"]: r for r in table_rows(store, "documents")}
    assert list(rows) == [OTHER, DOC]  # printed order
    assert rows[DOC]["interpreted_by"] == "市规划和自然资源局"  # as printed, not the agency label
    assert rows[DOC]["issuer"] == "吕梁市人民政府办公室" and rows[DOC]["date"] == "2022-06-20"
    assert rows[OTHER]["date"] == "" and rows[OTHER]["consult_phone"] == ""


def test_memberships_have_empty_person_when_none_printed(store: GraphStore) -> None:
    rows = table_rows(store, "memberships")
    assert [(r["role"], r["person"]) for r in rows] == [
        ("组长", "油晓峰"),
        ("成员", "卫海平"),
        ("成员", ""),
        ("办公室主任", ""),
    ]
    assert {r["doc_number"] for r in rows} == {DOC}


def test_groups(store: GraphStore) -> None:
    [row] = table_rows(store, "groups")
    assert row["office_at"] == "市规划和自然资源局"
    assert row["office_director"] == "市规划和自然资源局局长兼任"


def test_task_units_as_printed_in_order(store: GraphStore) -> None:
    rows = table_rows(store, "tasks")
    assert rows[0] == {
        "doc_number": DOC,
        "task_id": "1",
        "heading": "化解历史遗留问题",
        "lead_units": "市规划和自然资源局",
        "responsible_units": "市税务局；市 税务局",
        "cooperating_units": "市住建局",
    }
    assert rows[1]["responsible_units"] == "市财政局" and rows[1]["lead_units"] == ""


def test_deadline_resolution(store: GraphStore) -> None:
    rows = {r["when_text"]: (r["kind"], r["resolved"]) for r in table_rows(store, "deadlines")}
    assert rows == {
        "6月底前": ("absolute", "2022-06-30"),
        "每月23日前": ("recurring", "monthly;day=23"),
        "2022年5月至12月": ("period", "2022-05/2022-12-31"),
        "受理后5个工作日内": ("relative", ""),
    }


def test_graph_parameter_restricts_to_one_source() -> None:
    store = memory_store("a.txt", "b.txt")
    assert len(table_rows(store, "tasks")) == 4
    assert len(table_rows(store, "tasks", graph_iri("a.txt"))) == 2
    assert table_rows(store, "documents", "https://example.org/none") == []


def test_tables_from_a_store_path(tmp_path: Path) -> None:
    with GraphStore.open(tmp_path / "s") as store:
        for q in memory_store().quads():
            store.raw.add(q)
    assert len(table_rows(tmp_path / "s", "deadlines")) == 4


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.name)
def test_every_query_has_a_header_and_runs(path: Path, store: GraphStore) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Title:") and "# Parameters:" in text
    result = store.query(text)
    assert isinstance(result, ox.QuerySolutions)
    assert list(result)


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.name)
def test_every_query_runs_on_the_sample_gazette(path: Path, sample_store: Path) -> None:
    with GraphStore.open(sample_store, read_only=True) as store:
        result = store.query(path.read_text(encoding="utf-8"))
        assert isinstance(result, ox.QuerySolutions)
        rows = list(result)
    if path.stem in ("documents", "sources"):
        assert rows
