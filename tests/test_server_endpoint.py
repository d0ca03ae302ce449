"""The real `oxigraph serve-read-only` on the sample store, driven by SPARQLWrapper and rdflib."""

from __future__ import annotations

import threading
import time
import urllib.error
from pathlib import Path

import pytest
import rdflib
from app_harness import free_port, pid_alive, wait_for
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from graph.server import ServerConfig, ServerError, SparqlServer
from qa.app_sparql import SparqlFailure, run_query

pytestmark = pytest.mark.slow

ELI = "http://data.europa.eu/eli/ontology#"
GKG = "https://w3id.org/gazette-kg/ontology#"
# Every triple against every triple: 10^8 rows on the sample, far past any timeout.
CROSS_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"


@pytest.fixture(scope="module")
def server(sample_store: Path):
    with SparqlServer(ServerConfig(sample_store, port=free_port(), timeout_s=2)) as srv:
        yield srv


def _wrapper(server: SparqlServer, query: str, method: str = "GET") -> SPARQLWrapper:
    sparql = SPARQLWrapper(server.config.query_url)
    sparql.setQuery(query)
    sparql.setMethod(method)
    return sparql


@pytest.mark.parametrize("method", ["GET", POST])
def test_select_through_sparqlwrapper(server: SparqlServer, method: str) -> None:
    sparql = _wrapper(
        server,
        f"PREFIX eli: <{ELI}> PREFIX gkg: <{GKG}> "
        "SELECT ?n WHERE { ?d a gkg:Document ; eli:id_local ?n } ORDER BY ?n",
        method,
    )
    sparql.setReturnFormat(JSON)
    rows = sparql.queryAndConvert()["results"]["bindings"]
    numbers = [r["n"]["value"] for r in rows]
    assert len(numbers) == 28  # every document of the sample issue
    assert "吕政办发〔2022〕38号" in numbers


def test_union_default_graph_sees_every_source(server: SparqlServer) -> None:
    sparql = _wrapper(server, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    sparql.setReturnFormat(JSON)
    graphs = [r["g"]["value"] for r in sparql.queryAndConvert()["results"]["bindings"]]
    assert graphs == ["https://w3id.org/gazette-kg/graph/lvliang-2022-04.txt"]
    ask = _wrapper(server, f"ASK {{ ?d a <{GKG}Document> }}")  # no GRAPH clause
    ask.setReturnFormat(JSON)
    assert ask.queryAndConvert()["boolean"] is True


def test_construct_through_sparqlwrapper(server: SparqlServer) -> None:
    sparql = _wrapper(
        server,
        f"CONSTRUCT {{ ?d <{ELI}id_local> ?n }} "
        f"WHERE {{ ?d a <{GKG}Document> ; <{ELI}id_local> ?n }}",
        POST,
    )
    sparql.setReturnFormat(TURTLE)
    graph = rdflib.Graph().parse(data=sparql.queryAndConvert(), format="turtle")
    assert len(graph) == 28


def test_rdflib_sparqlstore_select_ask_construct(server: SparqlServer) -> None:
    graph = rdflib.Graph(SPARQLStore(server.config.query_url, method="POST_FORM"))
    rows = list(
        graph.query(
            f'SELECT ?t WHERE {{ ?d <{ELI}id_local> "吕政办发〔2022〕38号" ; <{ELI}title> ?t }}'
        )
    )
    assert len(rows) == 1 and "房证同交" in str(rows[0][0])
    assert graph.query(f"ASK {{ ?t a <{GKG}Task> }}").askAnswer is True
    built = graph.query(f"CONSTRUCT {{ ?t a <{GKG}Task> }} WHERE {{ ?t a <{GKG}Task> }}")
    assert len(built.graph) > 100


def test_update_is_refused(server: SparqlServer) -> None:
    sparql = SPARQLWrapper(server.config.query_url, updateEndpoint=server.config.url + "/update")
    sparql.setMethod(POST)
    sparql.setQuery("INSERT DATA { <urn:x> <urn:y> <urn:z> }")
    with pytest.raises(urllib.error.HTTPError) as err:
        sparql.query()
    assert err.value.code == 403
    with pytest.raises(SparqlFailure) as failure:  # nor through the app's route logic
        run_query(server.config.query_url, "DELETE WHERE { ?s ?p ?o }")
    assert failure.value.status == 400


def test_malformed_query_is_a_400_with_the_position(server: SparqlServer) -> None:
    with pytest.raises(QueryBadFormed):
        _wrapper(server, "SELEKT * WHERE { ?s ?p ?o }").query()
    with pytest.raises(SparqlFailure) as failure:
        run_query(server.config.query_url, "SELECT * WHERE { ?s ?p ")
    assert failure.value.status == 400 and "1:" in failure.value.message


def test_timeout_truncates_direct_answers_but_the_proxy_says_504(server: SparqlServer) -> None:
    # The real server has already sent 200 when its timeout fires: the body is cut short.
    sparql = _wrapper(server, CROSS_COUNT)
    sparql.setReturnFormat(JSON)
    started = time.monotonic()
    raw = sparql.query().response.read()
    assert time.monotonic() - started < 10
    assert not raw.rstrip().endswith(b"}")  # not a complete results document
    started = time.monotonic()
    with pytest.raises(SparqlFailure) as failure:
        run_query(server.config.query_url, CROSS_COUNT, deadline_s=4)
    assert failure.value.status == 504
    assert time.monotonic() - started < 6


def test_other_queries_are_served_during_a_runaway(server: SparqlServer) -> None:
    worker = threading.Thread(target=lambda: _swallow(server, CROSS_COUNT))
    worker.start()
    time.sleep(0.3)
    started = time.monotonic()
    answer = run_query(server.config.query_url, "ASK { ?s ?p ?o }")
    assert time.monotonic() - started < 1.0
    assert b"true" in answer.body
    worker.join()


def _swallow(server: SparqlServer, query: str) -> None:
    try:
        run_query(server.config.query_url, query, deadline_s=5)
    except SparqlFailure:
        pass


def test_watchdog_restarts_a_runaway_sort(sample_store: Path) -> None:
    # ORDER BY keeps sorting what it collected after the 1 s cancellation; the watchdog
    # (runaway after 3 s of one busy thread) replaces the process.
    config = ServerConfig(sample_store, port=free_port(), timeout_s=1, runaway_after_s=3)
    with SparqlServer(config) as srv:
        first = srv.pid
        query = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?f ?c ?a LIMIT 1"
        threading.Thread(target=_swallow_with, args=(srv, query), daemon=True).start()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not srv.restarts:
            time.sleep(0.2)
        assert srv.restarts and "runaway" in srv.restarts[0]
        assert first is not None and wait_for(lambda: not pid_alive(first), 10)
        assert wait_for(lambda: b"true" in run_query(config.query_url, "ASK { ?s ?p ?o }").body, 15)


def _swallow_with(server: SparqlServer, query: str) -> None:
    try:
        run_query(server.config.query_url, query, deadline_s=30)
    except SparqlFailure:
        pass


def test_stop_leaves_no_process(sample_store: Path) -> None:
    srv = SparqlServer(ServerConfig(sample_store, port=free_port())).start()
    pid = srv.pid
    assert pid is not None and pid_alive(pid)
    srv.stop()
    assert not pid_alive(pid)
    srv.stop()  # twice is fine


def test_busy_port_is_reported(sample_store: Path, server: SparqlServer) -> None:
    clash = ServerConfig(sample_store, port=server.config.port, ready_timeout_s=5)
    with pytest.raises(ServerError, match="in use; choose another with --sparql-port"):
        SparqlServer(clash).start()


def test_missing_store_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ServerError, match="gazette-kg ingest"):
        SparqlServer(ServerConfig(tmp_path / "nothing", port=free_port())).start()
