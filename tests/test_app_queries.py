"""Every .rq file of the app (ready auditor queries, Browse pages) parses and runs on the sample."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.store import GraphStore
from qa.app_browse import KINDS, choices, page_html
from qa.app_deadlines import deadline_rows, filter_rows
from qa.app_sparql import AUDITOR_QUERIES, ready_queries

APP_QUERIES = Path(__file__).resolve().parents[1] / "qa" / "queries" / "app"


@pytest.fixture(scope="module")
def store(sample_store: Path):
    handle = GraphStore.open(sample_store, read_only=True)
    yield handle
    handle.close()


def test_ready_queries_have_titles_and_cover_the_audit_questions() -> None:
    titles = list(ready_queries())
    assert len(titles) == len(list(AUDITOR_QUERIES.glob("*.rq"))) == 6
    assert all("/" in t for t in titles)  # "中文 / English" header


@pytest.mark.parametrize("path", sorted(AUDITOR_QUERIES.glob("*.rq")), ids=lambda p: p.stem)
def test_auditor_query_runs_and_finds_rows(store: GraphStore, path: Path) -> None:
    rows = store.select(path.read_text(encoding="utf-8"))
    assert rows, f"{path.name} found nothing on the sample"


def test_agency_query_parameter_narrows(store: GraphStore) -> None:
    text = (AUDITOR_QUERIES / "agency_tasks.rq").read_text(encoding="utf-8")
    everything = store.select(text)
    one = store.select(
        text.replace("VALUES ?agency_name { UNDEF }", 'VALUES ?agency_name { "能源局" }')
    )
    assert 0 < len(one) < len(everything)
    assert all("能源局" in r["agency"].value or "能源局" in r["as_printed"].value for r in one)


@pytest.mark.parametrize("path", sorted(APP_QUERIES.glob("*.rq")), ids=lambda p: p.stem)
def test_browse_queries_parse_with_their_declared_parameters(store: GraphStore, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    header = next(line for line in text.splitlines() if line.startswith("# Parameters:"))
    params = re.findall(r"\?(\w+)", header)
    store.select(text, {name: ox.NamedNode("urn:x-test:none") for name in params})


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_has_pages_whose_facts_cite_passages(store: GraphStore, kind: str) -> None:
    items = choices(store, kind)
    assert items
    html = page_html(store, kind, items[0][1])
    assert "gkg-fact" in html and "gkg-passage" in html and "行" in html


def test_deadlines_resolve_dates_and_recurrences(store: GraphStore) -> None:
    rows = deadline_rows(store)
    dates = [r.cells[0] for r in rows]
    assert any(d.startswith("2022-") for d in dates)
    assert any("周期" in d for d in dates)
    lead = next(r for r in rows if r.unit_iris)
    unit = next(iter(lead.unit_iris))
    assert lead.cells in filter_rows(rows, unit, [])
    assert len(filter_rows(rows, unit, [])) < len(rows)
