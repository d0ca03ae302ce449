"""Serialise the store: ttl | nt | nq | trig | jsonld, and hand its content to rdflib.

Dataset formats (nq, trig) keep one named graph per source file. Triple formats (ttl, nt,
jsonld) cannot name graphs, so they hold the union of all graphs with duplicates removed:
what a reader of "the knowledge graph" expects, at the cost of no longer saying which file a
triple came from (the gkg:Gazette node and prov:wasDerivedFrom links still do).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
import rdflib

from graph.store import GraphStore, as_store
from ingest.errors import GazetteError
from ontology import PREFIXES

FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}
TRIPLE_FORMATS = frozenset({"ttl", "nt", "jsonld"})
_WITH_PREFIXES = frozenset({"ttl", "trig"})
_UNION = "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }"


class DumpFormatError(GazetteError, ValueError):
    """A dump format name that is not one of FORMATS."""


def rdf_format(name: str) -> ox.RdfFormat:
    """The pyoxigraph format for `name` (ttl, nt, nq, trig, jsonld)."""
    try:
        return FORMATS[name.lower().lstrip(".")]
    except KeyError:
        raise DumpFormatError(
            f"unknown dump format {name!r}; choose one of {', '.join(FORMATS)}"
        ) from None


def dump_store(
    store: GraphStore | str | Path, fmt: str, output: str | Path | BinaryIO | None = None
) -> bytes:
    """Write the store (or the store at that path) in format `fmt`; return the bytes.

    ttl, nt and jsonld hold the union of all graphs; nq and trig every graph by name. With
    `output` (a path or binary file) the data is written there and b"" is returned.
    """
    store = as_store(store)
    rdf = rdf_format(fmt)
    key = fmt.lower().lstrip(".")
    target = str(output) if isinstance(output, Path) else output
    prefixes = PREFIXES if key in _WITH_PREFIXES else None
    if key in TRIPLE_FORMATS:
        data = ox.serialize(union_triples(store), target, rdf, prefixes=prefixes)
    else:
        data = store.raw.dump(target, rdf, prefixes=prefixes)
    return data or b""


def union_triples(store: GraphStore) -> Iterator[ox.Triple]:
    """Every distinct triple of every graph."""
    result = store.query(_UNION)
    assert isinstance(result, ox.QuerySolutions)
    for row in result:
        yield ox.Triple(row["s"], row["p"], row["o"])


def to_rdflib(store: GraphStore, graph: str | None = None) -> rdflib.Graph:
    """The named graph `graph` (or the union of all graphs) as an rdflib Graph."""
    if graph is None:
        data = ox.serialize(union_triples(store), format=ox.RdfFormat.N_TRIPLES)
    else:
        data = store.raw.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))
    return rdflib.Graph().parse(data=data or b"", format="nt")
