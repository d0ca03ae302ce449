"""to_quads on the real sample gazette: one node per record, and the graph conforms."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib

from graph.validate import validate_graph
from ingest.records import ParsedSource
from ingest.to_rdf import to_quads
from ontology import ELI, GKG

RDF_TYPE = ox.NamedNode(str(rdflib.RDF.type))
ORG_MEMBERSHIP = ox.NamedNode("http://www.w3.org/ns/org#Membership")


@pytest.fixture(scope="module")
def quads(sample_parsed: ParsedSource) -> list[ox.Quad]:
    return to_quads(sample_parsed)


def count(quads: list[ox.Quad], cls: ox.NamedNode) -> int:
    return len({q.subject for q in quads if q.predicate == RDF_TYPE and q.object == cls})


def test_one_node_per_record(sample_parsed: ParsedSource, quads: list[ox.Quad]) -> None:
    assert count(quads, ox.NamedNode(str(GKG.Document))) == len(sample_parsed.documents)
    assert count(quads, ox.NamedNode(str(GKG.Paragraph))) == len(sample_parsed.paragraphs)
    assert count(quads, ox.NamedNode(str(GKG.LeadingGroup))) == len(sample_parsed.groups)
    assert count(quads, ORG_MEMBERSHIP) == sum(len(g.members) for g in sample_parsed.groups)
    assert count(quads, ox.NamedNode(str(GKG.Task))) == len(sample_parsed.tasks)
    assert count(quads, ox.NamedNode(str(GKG.Deadline))) == len(sample_parsed.deadlines)
    id_local = ox.NamedNode(str(ELI.id_local))
    numbers = {str(q.object)[1:-1] for q in quads if q.predicate == id_local}
    assert {d.number for d in sample_parsed.documents} <= numbers


def test_sample_graph_conforms_to_the_shapes(quads: list[ox.Quad]) -> None:
    data = ox.serialize(
        [ox.Triple(q.subject, q.predicate, q.object) for q in quads], format=ox.RdfFormat.N_TRIPLES
    )
    conforms, report = validate_graph(rdflib.Graph().parse(data=data, format="nt"))
    assert conforms, report
