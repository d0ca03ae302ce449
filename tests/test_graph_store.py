"""The store: atomic per-source replace, sources, counts, queries and clear open errors."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from to_rdf_sample import SHA, memory_store, sample_source

import graph.store as store_module
from graph.store import GraphStore, QueryError, StoreError, open_store
from ingest.iri import graph_iri
from ingest.to_rdf import to_quads

ROOT = Path(__file__).resolve().parents[1]
G = "https://example.org/graph/a"


def quads(tag: str, n: int, graph: str = G) -> list[ox.Quad]:
    return [
        ox.Quad(
            ox.NamedNode(f"https://example.org/s{i}"),
            ox.NamedNode("https://example.org/p"),
            ox.Literal(f"{tag}{i}"),
            ox.NamedNode(graph),
        )
        for i in range(n)
    ]


def tags(store: GraphStore, graph: str = G) -> set[str]:
    return {str(q.object)[1] for q in store.quads(graph)}  # '"A1"' -> 'A'


def test_replace_source_replaces_only_that_graph(tmp_path: Path) -> None:
    with GraphStore.open(tmp_path / "s") as store:
        store.replace_source(quads("A", 5), G)
        store.replace_source(
            quads("K", 3, "https://example.org/graph/keep"), "https://example.org/graph/keep"
        )
        assert store.replace_source(quads("B", 4), G) == 4
        assert tags(store) == {"B"} and store.triple_count(G) == 4
        assert store.triple_count("https://example.org/graph/keep") == 3
        assert store.triple_count() == 7


def test_replace_with_nothing_empties_the_graph() -> None:
    store = open_store()
    store.replace_source(quads("A", 2), G)
    store.replace_source([], G)
    assert store.triple_count(G) == 0


def test_quads_of_another_graph_are_refused_before_writing() -> None:
    store = open_store()
    store.replace_source(quads("A", 2), G)
    with pytest.raises(ValueError, match="not in graph"):
        store.replace_source(quads("B", 2) + quads("X", 1, "https://example.org/other"), G)
    assert tags(store) == {"A"}


def test_failed_update_leaves_the_store_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store()
    store.replace_source(quads("A", 3), G)
    store.raw.add_graph(ox.NamedNode("https://example.org/exists"))
    real = store_module._replace_request

    def failing_last(qs: list[ox.Quad], graph: ox.NamedNode) -> str:
        # the DROP and INSERT run first, then an operation that fails inside the same request
        return real(qs, graph) + " ;\nCREATE GRAPH <https://example.org/exists>"

    monkeypatch.setattr(store_module, "_replace_request", failing_last)
    with pytest.raises(StoreError, match="unchanged"):
        store.replace_source(quads("B", 5), G)
    assert tags(store) == {"A"} and store.triple_count(G) == 3


def test_sources_lists_each_ingested_file() -> None:
    store = memory_store("b.txt", "a.txt")
    found = store.sources()
    assert [s.name for s in found] == ["a.txt", "b.txt"]
    assert found[0].graph == graph_iri("a.txt") and found[0].sha256 == SHA
    assert found[0].triples == store.triple_count(graph_iri("a.txt")) > 0
    # re-ingesting a file replaces its graph instead of adding a second copy
    store.replace_source(to_quads(sample_source("a.txt")), graph_iri("a.txt"))
    assert len(store.sources()) == 2 and store.triple_count() == 2 * found[0].triples


def test_remove_source() -> None:
    store = memory_store("a.txt")
    assert store.remove_source(graph_iri("a.txt")) is True
    assert store.remove_source(graph_iri("a.txt")) is False
    assert store.triple_count() == 0


def test_query_binds_values_by_name() -> None:
    store = memory_store()
    rows = store.select(
        "PREFIX eli: <http://data.europa.eu/eli/ontology#>\n"
        "SELECT ?n ?t WHERE { ?d eli:id_local ?n ; eli:title ?t }",
        {"n": "吕政发〔2022〕7号"},
    )
    assert [r["t"].value for r in rows if r["t"] is not None] == [
        "吕梁市人民政府关于印发吕梁市本级2022年度国有建设用地供应计划的通知"
    ]


def test_query_serialized_formats_and_errors() -> None:
    store = memory_store()
    select = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert b'"bindings"' in store.query_serialized(select, "json")
    assert store.query_serialized(select, "csv").startswith(b"n\r\n")
    assert store.query_serialized("ASK { ?s ?p ?o }", "json") == b'{"head":{},"boolean":true}'
    assert store.query_serialized("CONSTRUCT WHERE { ?s a ?o } LIMIT 1", "tsv").endswith(b" .\n")
    with pytest.raises(QueryError, match="does not parse"):
        store.query_serialized("SELEKT nothing", "json")
    with pytest.raises(QueryError, match="choose one of"):
        store.query_serialized(select, "yaml")


def test_locked_store_names_path_and_fix(tmp_path: Path) -> None:
    path = tmp_path / "s"
    first = GraphStore(path)
    with pytest.raises(StoreError, match="locked") as err:
        GraphStore(path)
    assert str(path) in str(err.value) and "read-only" in str(err.value)
    first.close()
    GraphStore(path).close()  # closing released the lock


def test_unusable_paths_say_what_to_do(tmp_path: Path) -> None:
    file = tmp_path / "file"
    file.write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        GraphStore(file)
    with pytest.raises(StoreError, match="gazette-kg ingest"):
        GraphStore(tmp_path / "missing", read_only=True)


def test_read_only_store_reads_but_refuses_writes(tmp_path: Path) -> None:
    with GraphStore.open(tmp_path / "s") as store:
        store.replace_source(quads("A", 2), G)
    with GraphStore.open(tmp_path / "s", read_only=True) as ro:
        assert ro.triple_count() == 2
        with pytest.raises(StoreError, match="read-only"):
            ro.replace_source(quads("B", 2), G)


CHILD = r"""
import sys
import pyoxigraph as ox
from graph.store import GraphStore
path, n = sys.argv[1], int(sys.argv[2])
g = "https://example.org/graph/a"
def quads(tag):
    return [ox.Quad(ox.NamedNode(f"https://example.org/s{i}"), ox.NamedNode("https://example.org/p"),
                    ox.Literal(f"{tag}{i}"), ox.NamedNode(g)) for i in range(n)]
store = GraphStore(path)
k = 0
while True:
    import time
    t = time.perf_counter()
    store.replace_source(quads("AB"[k % 2]), g)
    print(time.perf_counter() - t, flush=True)
    k += 1
"""


@pytest.mark.slow
@pytest.mark.parametrize("fraction", [0.2, 0.5, 0.8])
def test_sigkill_mid_replace_leaves_old_or_new_graph(tmp_path: Path, fraction: float) -> None:
    """A process killed while replacing a graph leaves it wholly old or wholly new."""
    n, path = 20_000, tmp_path / "s"
    with GraphStore.open(path) as store:
        store.replace_source(
            quads("K", 10, "https://example.org/graph/keep"), "https://example.org/graph/keep"
        )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(n)], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert proc.stdout is not None
        seconds = float(proc.stdout.readline())  # one replace done; the next one is under way
        time.sleep(fraction * seconds)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    with GraphStore.open(path) as store:
        assert store.triple_count(G) == n
        assert len(tags(store)) == 1
        assert store.triple_count("https://example.org/graph/keep") == 10
