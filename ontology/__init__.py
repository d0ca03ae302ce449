"""The gazette-kg vocabulary: closed rdflib namespaces and the paths of the Turtle files.

`GKG` mirrors exactly the terms declared in `gazette.ttl` (a test keeps them in step); with
`_fail = True` a misspelt term raises AttributeError instead of minting a new IRI. `ELI` is
the closed subset of the European Legislation Identifier ontology that we use.
"""

from __future__ import annotations

from pathlib import Path

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

HERE = Path(__file__).parent
ONTOLOGY_PATH = HERE / "gazette.ttl"
SHAPES_PATH = HERE / "shapes.ttl"

GKG_NS = "https://w3id.org/gazette-kg/ontology#"
ELI_NS = "http://data.europa.eu/eli/ontology#"


class GKG(DefinedNamespace):
    """Own terms of gazette-kg (declared, labelled and documented in gazette.ttl)."""

    _NS = Namespace(GKG_NS)
    _fail = True

    # classes
    Gazette: URIRef
    Document: URIRef
    Paragraph: URIRef
    LeadingGroup: URIRef
    Task: URIRef
    Assignment: URIRef
    Deadline: URIRef
    Recurrence: URIRef
    # concept schemes and their concepts
    DeadlineKinds: URIRef
    Absolute: URIRef
    Recurring: URIRef
    Relative: URIRef
    Period: URIRef
    AssignmentRoles: URIRef
    Lead: URIRef
    Responsible: URIRef
    Cooperating: URIRef
    # gazette
    sha256: URIRef
    ingestWarning: URIRef
    # document
    genre: URIRef
    recipients: URIRef
    publicationNote: URIRef
    attachedTitle: URIRef
    attachment: URIRef
    issuerText: URIRef
    interpretedBy: URIRef
    interpretedByText: URIRef
    consultUnit: URIRef
    consultPhone: URIRef
    effectiveText: URIRef
    validityText: URIRef
    missingField: URIRef
    # paragraph and positions
    text: URIRef
    order: URIRef
    firstLine: URIRef
    lastLine: URIRef
    page: URIRef
    headingPath: URIRef
    section: URIRef
    inDocument: URIRef
    # group and membership
    establishedBy: URIRef
    officeAt: URIRef
    officeAtText: URIRef
    officeDirector: URIRef
    duties: URIRef
    leaderPost: URIRef
    post: URIRef
    # task and assignment
    taskNumber: URIRef
    heading: URIRef
    assignmentText: URIRef
    leadUnit: URIRef
    responsibleUnit: URIRef
    cooperatingUnit: URIRef
    assignment: URIRef
    unit: URIRef
    assignmentRole: URIRef
    asPrinted: URIRef
    # deadline and recurrence
    surface: URIRef
    deadlineKind: URIRef
    obligation: URIRef
    party: URIRef
    reportTo: URIRef
    binds: URIRef
    dueDate: URIRef
    interval: URIRef
    recurrence: URIRef
    frequency: URIRef
    dayOfPeriod: URIRef
    count: URIRef


class ELI(DefinedNamespace):
    """The ELI terms gazette-kg uses, as defined by the ELI ontology."""

    _NS = Namespace(ELI_NS)
    _fail = True

    LegalResource: URIRef
    id_local: URIRef
    title: URIRef
    date_document: URIRef
    passed_by: URIRef
    cites: URIRef
    first_date_entry_in_force: URIRef
    date_no_longer_in_force: URIRef
    is_part_of: URIRef


# Prefixes shared by dumps and hand-written SPARQL.
PREFIXES: dict[str, str] = {
    "gkg": GKG_NS,
    "eli": ELI_NS,
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "prov": "http://www.w3.org/ns/prov#",
    "time": "http://www.w3.org/2006/time#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def terms(namespace: type[DefinedNamespace]) -> frozenset[str]:
    """Local names declared by a closed namespace class such as `GKG`."""
    return frozenset(name for name in namespace.__annotations__ if not name.startswith("_"))
