"""SHACL validation of the store: the hand-made sample conforms, broken data does not."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from to_rdf_sample import memory_store, sample_source

from graph.store import open_store
from graph.validate import validate_graph, validate_store
from ingest.iri import graph_iri
from ingest.to_rdf import to_quads

ORG = "http://www.w3.org/ns/org#"
GKG = "https://w3id.org/gazette-kg/ontology#"


def test_sample_conforms_with_only_warnings() -> None:
    conforms, report = validate_store(memory_store("a.txt", "b.txt"))
    assert conforms, report
    assert report.count("Graph <") == 2
    assert "sh:Warning" in report and "sh:Violation" not in report


def test_empty_store_conforms() -> None:
    assert validate_store(open_store()) == (True, "The store is empty: nothing to validate.")


def without(predicate: str) -> list[ox.Quad]:
    return [q for q in to_quads(sample_source()) if q.predicate.value != predicate]


@pytest.mark.parametrize(
    ("quads", "expected"),
    [
        (without(ORG + "role"), "org:role"),
        (without("http://www.w3.org/ns/prov#wasDerivedFrom"), "derivedFromParagraph"),
        (without("http://data.europa.eu/eli/ontology#id_local"), "eli:id_local"),
        (without(GKG + "firstLine"), "gkg:firstLine"),
    ],
    ids=["membership-without-role", "no-provenance", "document-without-number", "no-lines"],
)
def test_broken_graphs_do_not_conform(quads: list[ox.Quad], expected: str) -> None:
    store = open_store()
    store.replace_source(quads, graph_iri("sample-gazette.txt"))
    conforms, report = validate_store(store)
    assert not conforms
    assert expected in report


def test_extra_member_on_a_membership_is_a_violation() -> None:
    quads = to_quads(sample_source())
    membership = next(q.subject for q in quads if q.predicate.value == ORG + "member")
    extra = ox.Quad(
        membership,
        ox.NamedNode(ORG + "member"),
        ox.NamedNode("https://example.org/p"),
        quads[0].graph_name,
    )
    store = open_store()
    store.replace_source([*quads, extra], graph_iri("sample-gazette.txt"))
    conforms, report = validate_store(store, graph_iri("sample-gazette.txt"))
    assert not conforms and "MaxCount" in report


def test_validate_graph_accepts_rdflib_graph() -> None:
    import rdflib

    conforms, report = validate_graph(rdflib.Graph())
    assert conforms and "Conforms: True" in report
