"""Every dump format parses back with rdflib to exactly the store's content."""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic
from to_rdf_sample import memory_store

from graph.dump import FORMATS, DumpFormatError, dump_store, to_rdflib
from graph.store import GraphStore

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDFLIB_FORMAT = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "nq": "nquads", "trig": "trig"}


def rdflib_term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> rdflib.term.Node:
    """Convert by hand, so the expected graph does not come from pyoxigraph serialisers."""
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    datatype = None if term.datatype.value == XSD_STRING else rdflib.URIRef(term.datatype.value)
    return rdflib.Literal(term.value, datatype=datatype)


def expected_graphs(store: GraphStore) -> dict[str, rdflib.Graph]:
    graphs: dict[str, rdflib.Graph] = {}
    for q in store.quads():
        assert isinstance(q.graph_name, ox.NamedNode) and not isinstance(q.subject, ox.Triple)
        assert not isinstance(q.object, ox.Triple)
        g = graphs.setdefault(q.graph_name.value, rdflib.Graph())
        g.add((rdflib_term(q.subject), rdflib_term(q.predicate), rdflib_term(q.object)))
    return graphs


def union(graphs: dict[str, rdflib.Graph]) -> rdflib.Graph:
    out = rdflib.Graph()
    for g in graphs.values():
        out += g
    return out


@pytest.fixture(scope="module")
def store() -> GraphStore:
    return memory_store("a.txt", "b.txt")


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_triple_formats_hold_the_union_of_graphs(store: GraphStore, fmt: str) -> None:
    data = dump_store(store, fmt)
    parsed = rdflib.Graph().parse(data=data, format=RDFLIB_FORMAT[fmt])
    expected = union(expected_graphs(store))
    assert len(parsed) == len(expected) < store.triple_count()  # shared nodes de-duplicated
    assert isomorphic(parsed, expected)


@pytest.mark.parametrize("fmt", ["nq", "trig"])
def test_dataset_formats_keep_each_graph(store: GraphStore, fmt: str) -> None:
    data = dump_store(store, fmt)
    dataset = rdflib.Dataset().parse(data=data, format=RDFLIB_FORMAT[fmt])
    parsed = {str(g.identifier): g for g in dataset.graphs() if len(g)}
    expected = expected_graphs(store)
    assert parsed.keys() == expected.keys()
    for name, graph in expected.items():
        assert isomorphic(parsed[name], graph), name


def test_turtle_uses_our_prefixes(store: GraphStore) -> None:
    text = dump_store(store, "ttl").decode("utf-8")
    assert "@prefix gkg: <https://w3id.org/gazette-kg/ontology#>" in text
    assert "gkg:Document" in text


def test_output_to_file_and_stream(store: GraphStore, tmp_path: Path) -> None:
    path = tmp_path / "out.nq"
    assert dump_store(store, "nq", path) == b""
    assert path.read_bytes() == dump_store(store, "nq")
    stream = io.BytesIO()
    dump_store(store, "nt", stream)
    assert stream.getvalue() == dump_store(store, "nt")


def test_dump_from_store_path(tmp_path: Path) -> None:
    with GraphStore.open(tmp_path / "s") as store:
        for q in memory_store().quads():
            store.raw.add(q)
    assert dump_store(tmp_path / "s", "nt").count(b"\n") == len(
        to_rdflib(GraphStore(tmp_path / "s", read_only=True))
    )


def test_unknown_format_lists_the_choices(store: GraphStore) -> None:
    with pytest.raises(DumpFormatError, match="ttl, nt, nq, trig, jsonld"):
        dump_store(store, "rdfxml")
    assert set(FORMATS) == set(RDFLIB_FORMAT)


def test_to_rdflib_one_graph(store: GraphStore) -> None:
    graphs = expected_graphs(store)
    name = next(iter(graphs))
    assert isomorphic(to_rdflib(store, name), graphs[name])
