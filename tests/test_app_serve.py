"""`gazette-kg serve` as a user runs it: gradio_client, plain HTTP clients, ingest while serving, Ctrl-C."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from app_harness import ROOT, ServedApp, copy_store, pid_alive, start_app, wait_for
from SPARQLWrapper import JSON, SPARQLWrapper

from ingest.pipeline import SAMPLE

pytestmark = pytest.mark.slow

GKG = "https://w3id.org/gazette-kg/ontology#"


@pytest.fixture(scope="module")
def app(sample_store: Path, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("served")
    served = start_app(copy_store(sample_store, folder / "store"), folder / "serve.log")
    yield served
    served.stop()


def _get(url: str, data: dict | None = None, headers: dict | None = None) -> tuple[int, bytes]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    req = urllib.request.Request(url, body, headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def test_gradio_client_asks_and_gets_sources(app: ServedApp) -> None:
    from gradio_client import Client

    client = Client(app.url + "/", verbose=False)
    answer = client.predict("稳经济工作专班的组长是谁？", api_name="/answer")
    assert answer["found"] is True
    assert "张广勇" in answer["answer"]
    source = answer["sources"][0]
    assert set(source) >= {"doc_number", "title", "page", "lines", "text"}
    assert source["doc_number"].startswith("吕政")
    assert answer["sparql"].strip()


def test_gradio_client_runs_sparql(app: ServedApp) -> None:
    from gradio_client import Client

    client = Client(app.url + "/", verbose=False)
    status, table, csv_file, json_file = client.predict(
        f"SELECT ?n WHERE {{ ?d a <{GKG}Document> ; <http://data.europa.eu/eli/ontology#id_local> ?n }}",
        api_name="/sparql",
    )
    assert status.startswith("28 ")
    assert len(table["data"]) == 28
    assert Path(csv_file).read_text(encoding="utf-8").splitlines()[0] == "n"
    assert len(json.loads(Path(json_file).read_text(encoding="utf-8"))["results"]["bindings"]) == 28


def test_sparql_route_protocol(app: ServedApp) -> None:
    sparql = SPARQLWrapper(app.url + "/sparql")
    sparql.setQuery(f"ASK {{ ?g a <{GKG}LeadingGroup> }}")
    sparql.setReturnFormat(JSON)
    assert sparql.queryAndConvert()["boolean"] is True
    status, body = _get(app.url + "/sparql", {"update": "DELETE WHERE { ?s ?p ?o }"})
    assert status == 403 and b"read-only" in body
    status, body = _get(app.url + "/sparql", {"query": "SELECT * WHERE { ?s ?p "})
    assert status == 400
    status, body = _get(
        app.url + "/sparql", {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"}
    )
    assert status == 504 and b"timeout" in body


@pytest.mark.parametrize(
    "fmt,parse",
    [
        ("ttl", lambda b: len(rdflib.Graph().parse(data=b, format="turtle"))),
        ("nt", lambda b: len(list(ox.parse(b, ox.RdfFormat.N_TRIPLES)))),
        ("nq", lambda b: len(list(ox.parse(b, ox.RdfFormat.N_QUADS)))),
        ("jsonld", lambda b: len(list(ox.parse(b, ox.RdfFormat.JSON_LD)))),
    ],
)
def test_dumps(app: ServedApp, fmt: str, parse) -> None:  # type: ignore[no-untyped-def]
    status, body = _get(f"{app.url}/dump.{fmt}")
    assert status == 200
    assert parse(body) > 10_000


def test_ontology_route(app: ServedApp) -> None:
    status, body = _get(app.url + "/ontology.ttl")
    assert status == 200
    graph = rdflib.Graph().parse(data=body, format="turtle")
    assert (rdflib.URIRef(GKG + "LeadingGroup"), None, None) in graph


def _graphs(app: ServedApp) -> set[str]:
    _, body = _get(
        app.url + "/sparql",
        {"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"},
        {"Accept": "application/sparql-results+json"},
    )
    return {b["g"]["value"] for b in json.loads(body)["results"]["bindings"]}


def test_ingest_from_the_ui_restarts_the_server(app: ServedApp, tmp_path: Path) -> None:
    from gradio_client import Client, handle_file

    other = tmp_path / "other-issue.txt"
    other.write_bytes(SAMPLE.read_bytes())
    before = app.status()
    log = Client(app.url + "/", verbose=False).predict(handle_file(str(other)), api_name="/ingest")
    assert "SPARQL 服务已重启" in log, log
    after = app.status()
    assert after["generation"] == before["generation"] + 1
    assert after["sparql"]["pid"] != before["sparql"]["pid"] and after["qa"]
    assert not pid_alive(before["sparql"]["pid"])
    assert "https://w3id.org/gazette-kg/graph/other-issue.txt" in _graphs(app)


def test_ingest_refuses_a_file_that_is_not_a_gazette(app: ServedApp, tmp_path: Path) -> None:
    from gradio_client import Client, handle_file

    junk = tmp_path / "notes.txt"
    junk.write_text("这不是公报。\n只是一些笔记。\n", encoding="utf-8")
    before = app.status()
    log = Client(app.url + "/", verbose=False).predict(handle_file(str(junk)), api_name="/ingest")
    assert "未导入" in log and "not a gazette" in log
    assert app.status()["sparql"]["pid"] == before["sparql"]["pid"]  # never stopped


def test_cli_ingest_while_serving_pauses_the_app(app: ServedApp, tmp_path: Path) -> None:
    third = tmp_path / "third-issue.txt"
    third.write_bytes(SAMPLE.read_bytes())
    before = app.status()
    script = """
import sys
from pathlib import Path
from graph.load import ingest_paths
store = Path(sys.argv[1])
ingest_paths([Path(sys.argv[2])], store)  # takes the write lock itself, like the CLI
"""
    done = subprocess.run(
        [sys.executable, "-c", script, str(app.store), str(third)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert wait_for(
        lambda: (
            app.status()["generation"] > before["generation"] and app.status()["sparql"]["running"]
        ),
        120,
    )
    assert "https://w3id.org/gazette-kg/graph/third-issue.txt" in _graphs(app)


def test_ctrl_c_stops_app_and_server(sample_store: Path, tmp_path: Path) -> None:
    served = start_app(copy_store(sample_store, tmp_path / "store"), tmp_path / "serve.log")
    sparql_pid = served.status()["sparql"]["pid"]
    assert served.stop() == 0
    assert not pid_alive(sparql_pid)
    assert "stopped the app and the SPARQL server" in served.log.read_text()
    assert "Traceback" not in served.log.read_text()


def test_serve_without_store_ingests_the_sample(tmp_path: Path) -> None:
    served = start_app(tmp_path / "fresh", tmp_path / "serve.log")
    try:
        log = served.log.read_text()
        assert "ingesting the bundled sample" in log and "ingested 1 source(s)" in log
        assert _graphs(served) == {"https://w3id.org/gazette-kg/graph/lvliang-2022-04.txt"}
    finally:
        served.stop()
