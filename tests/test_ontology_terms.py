"""The vocabulary is closed: declared once, mirrored in GKG, used only as declared, shaped."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, SH, SKOS, URIRef
from to_rdf_sample import sample_source

from ingest.to_rdf import to_quads
from ontology import ELI, ELI_NS, GKG, GKG_NS, ONTOLOGY_PATH, SHAPES_PATH, terms

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY_PATH, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(SHAPES_PATH, format="turtle")


def declared(ontology: rdflib.Graph) -> set[str]:
    return {str(s)[len(GKG_NS) :] for s in ontology.subjects() if str(s).startswith(GKG_NS)}


def test_namespace_mirrors_the_turtle_file(ontology: rdflib.Graph) -> None:
    assert declared(ontology) == set(terms(GKG))


def test_namespace_is_closed() -> None:
    with pytest.raises(AttributeError):
        _ = GKG.Documnet
    with pytest.raises(AttributeError):
        _ = ELI.titel


def test_every_term_is_labelled_and_documented_in_zh_and_en(ontology: rdflib.Graph) -> None:
    for name in terms(GKG):
        term = URIRef(GKG_NS + name)
        for prop in (RDFS.label, RDFS.comment):
            langs = {getattr(o, "language", None) for o in ontology.objects(term, prop)}
            assert {"zh", "en"} <= langs, f"gkg:{name} lacks {prop} in zh and en"


def test_every_property_has_domain_and_range(ontology: rdflib.Graph) -> None:
    properties = set(ontology.subjects(RDF.type, OWL.ObjectProperty)) | set(
        ontology.subjects(RDF.type, OWL.DatatypeProperty)
    )
    assert properties
    for prop in properties:
        assert ontology.value(prop, RDFS.domain) is not None, f"{prop} has no rdfs:domain"
        assert ontology.value(prop, RDFS.range) is not None, f"{prop} has no rdfs:range"


def test_every_term_has_a_kind(ontology: rdflib.Graph) -> None:
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.Concept, SKOS.ConceptScheme}
    for name in terms(GKG):
        types = set(ontology.objects(URIRef(GKG_NS + name), RDF.type))
        assert types & kinds, f"gkg:{name} is neither class, property nor concept"


def code_files() -> list[Path]:
    files = [ROOT / "ingest" / "to_rdf.py"]
    for folder in ("graph", "qa"):
        files += sorted((ROOT / folder).rglob("*.rq"))
        files += sorted((ROOT / folder).rglob("*.py"))
    return files


@pytest.mark.parametrize("path", code_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_code_uses_only_declared_terms(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    used = set(re.findall(r"\bGKG\.(\w+)", text)) | set(re.findall(r"\bgkg:(\w+)", text))
    used |= {m for m in re.findall(re.escape(GKG_NS) + r"(\w+)", text)}
    assert used <= terms(GKG), f"undeclared gkg terms: {sorted(used - terms(GKG))}"
    eli_used = set(re.findall(r"\bELI\.(\w+)", text)) | set(re.findall(r"\beli:(\w+)", text))
    eli_used |= set(re.findall(re.escape(ELI_NS) + r"(\w+)", text))
    assert eli_used <= terms(ELI), f"ELI terms outside our subset: {sorted(eli_used - terms(ELI))}"


def test_sparql_prefixes_use_our_namespaces() -> None:
    for path in code_files():
        if path.suffix == ".rq":
            text = path.read_text(encoding="utf-8")
            for prefix, iri in re.findall(r"PREFIX\s+(gkg|eli):\s*<([^>]+)>", text):
                assert iri == {"gkg": GKG_NS, "eli": ELI_NS}[prefix], path


def test_every_produced_class_has_a_shape(shapes: rdflib.Graph) -> None:
    targets = {str(o) for o in shapes.objects(None, SH.targetClass)}
    produced = {
        str(q.object.value)
        for q in to_quads(sample_source())
        if q.predicate.value == str(RDF.type) and isinstance(q.object, ox.NamedNode)
    }
    assert produced - targets == set()


def test_every_own_class_has_a_shape(ontology: rdflib.Graph, shapes: rdflib.Graph) -> None:
    targets = set(shapes.objects(None, SH.targetClass))
    own = {c for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(GKG_NS)}
    assert own and own <= targets


def test_shapes_only_name_declared_gkg_terms() -> None:
    text = SHAPES_PATH.read_text(encoding="utf-8")
    used = set(re.findall(r"\bgkg:(\w+)", text))
    assert used <= terms(GKG), sorted(used - terms(GKG))
