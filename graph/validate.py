"""Check the store against ontology/shapes.ttl with pyshacl.

Each source file's named graph is self-contained (to_rdf emits every node a graph refers to),
so graphs are validated one at a time: a body labelled differently by two gazettes is then not
a false "two prefLabels" violation. SHACL warnings (see shapes.ttl) are reported but do not
make a graph non-conforming.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import rdflib

from graph.dump import to_rdflib
from graph.store import GraphStore, as_store
from ontology import ONTOLOGY_PATH, SHAPES_PATH


def validate_store(store: GraphStore | str | Path, graph: str | None = None) -> tuple[bool, str]:
    """(conforms, report text) for the named graph `graph`, or for every named graph.

    `store` is a GraphStore or a store folder (opened read-only).
    """
    store = as_store(store)
    names = [graph] if graph is not None else sorted(g.value for g in store.raw.named_graphs())
    if not names:
        return True, "The store is empty: nothing to validate."
    conforms, reports = True, []
    for name in names:
        ok, text = validate_graph(to_rdflib(store, name))
        conforms = conforms and ok
        reports.append(f"Graph <{name}>\n{text}")
    return conforms, "\n".join(reports)


def validate_graph(data: rdflib.Graph) -> tuple[bool, str]:
    """(conforms, report text) of one rdflib graph against the shapes."""
    import pyshacl  # slow to import; only validation needs it

    shapes, ontology = _shapes_and_ontology()
    conforms, _, text = pyshacl.validate(
        data,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        allow_warnings=True,
    )
    return bool(conforms), str(text)


@lru_cache(maxsize=1)
def _shapes_and_ontology() -> tuple[rdflib.Graph, rdflib.Graph]:
    shapes = rdflib.Graph().parse(SHAPES_PATH, format="turtle")
    ontology = rdflib.Graph().parse(ONTOLOGY_PATH, format="turtle")
    return shapes, ontology
