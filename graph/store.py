"""The on-disk RDF store: one named graph per source file, replaced atomically on re-ingest.

Atomic replace: pyoxigraph 0.5 has no multi-call transaction in Python (`clear_graph` and
`extend` commit separately), but one `Store.update()` call runs every operation of its SPARQL
Update request in a single RocksDB transaction. `replace_source` therefore sends
`DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { … } }` as one request, built fully in
memory first: an error or a SIGKILL part-way leaves the store as it was (tests cover both).
The data block is written with pyoxigraph's own N-Triples serialisation of each term, so no
value is ever formatted into SPARQL by hand.

Queries see the union of all graphs as their default graph (`GRAPH ?g` still names sources).
One process at a time may open a store read-write (RocksDB holds a lock); pyoxigraph calls
reading a store that another process is writing undefined, so stop servers before ingesting.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Self

import pyoxigraph as ox

from ingest.errors import GazetteError

QUERIES = Path(__file__).parent / "queries"

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Value = Term | str | int | float | bool | date

XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "xml": ox.QueryResultsFormat.XML,
}
GRAPH_RESULT_FORMATS = {
    "json": ox.RdfFormat.JSON_LD,
    "csv": ox.RdfFormat.N_TRIPLES,
    "tsv": ox.RdfFormat.N_TRIPLES,
    "xml": ox.RdfFormat.RDF_XML,
}


class StoreError(GazetteError):
    """The store cannot be opened or written."""


class QueryError(GazetteError):
    """A SPARQL query that does not parse, or an unknown result format."""


@dataclass(frozen=True, slots=True)
class Source:
    """One ingested source file, as recorded in its named graph."""

    graph: str  # named graph IRI (also the gkg:Gazette node)
    name: str  # file name (dcterms:source)
    sha256: str
    triples: int


def load_query(name: str) -> str:
    """Text of `graph/queries/{name}.rq`."""
    return (QUERIES / f"{name}.rq").read_text(encoding="utf-8")


def term(value: Value) -> Term:
    """A pyoxigraph term for a Python value: str → plain literal, date → xsd:date, …"""
    if isinstance(value, ox.NamedNode | ox.BlankNode | ox.Literal):
        return value
    if isinstance(value, date):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(XSD_DATE))
    return ox.Literal(value)


class GraphStore:
    """A pyoxigraph Store opened on a directory (or in memory when `path` is None)."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        """Open (creating if needed) the store at `path`; read-only opens never write.

        Raises StoreError naming the path and what to do when it cannot be opened.
        """
        self.path = None if path is None else Path(path)
        self.read_only = read_only
        self._store = _open(self.path, read_only)

    @property
    def raw(self) -> ox.Store:
        """The underlying pyoxigraph Store (for dumps and tests)."""
        return self._store

    def replace_source(
        self,
        quads: Iterable[ox.Quad],
        graph: str | ox.NamedNode,
    ) -> int:
        """Replace the named graph `graph` by `quads` in one transaction; return the quad count.

        Every quad must already be in `graph` (ValueError otherwise, before anything is written).
        """
        self._writable()
        name = _graph_name(graph)
        quads = list(quads)
        stray = next((q for q in quads if q.graph_name != name), None)
        if stray is not None:
            raise ValueError(f"quad {stray} is not in graph {name}; build quads with to_quads()")
        try:
            self._store.update(_replace_request(quads, name))
        except (OSError, RuntimeError) as err:
            raise StoreError(
                f"writing graph {name.value} to store {self.path or '(memory)'} failed, the store "
                f"is unchanged: {err}"
            ) from err
        return len(quads)

    def remove_source(self, graph: str | ox.NamedNode) -> bool:
        """Drop the named graph `graph`; False if it was not there."""
        self._writable()
        name = _graph_name(graph)
        if not self._store.contains_named_graph(name):
            return False
        self._store.remove_graph(name)
        return True

    def query(
        self, sparql: str, substitutions: Mapping[str, Value] | None = None
    ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run a SPARQL query over the union of all graphs, variables bound by name.

        `substitutions={"doc": "某政发〔2023〕7号"}` binds ?doc to that literal (see `term`);
        pyoxigraph requires a bound variable to be in the SELECT projection.
        """
        bound: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
            ox.Variable(k): term(v) for k, v in (substitutions or {}).items()
        }
        return self._store.query(sparql, use_default_graph_as_union=True, substitutions=bound)

    def select(
        self, sparql: str, substitutions: Mapping[str, Value] | None = None
    ) -> list[dict[str, Term | None]]:
        """Rows of a SELECT query as dicts from variable name to term (None when unbound)."""
        result = self.query(sparql, substitutions)
        if not isinstance(result, ox.QuerySolutions):
            raise TypeError("select() needs a SELECT query")
        names = [v.value for v in result.variables]
        return [{n: row[n] for n in names} for row in result]

    def triple_count(self, graph: str | ox.NamedNode | None = None) -> int:
        """Quads in `graph`, or in the whole store (every graph) when `graph` is None."""
        if graph is None:
            return len(self._store)
        return sum(1 for _ in self._store.quads_for_pattern(None, None, None, _graph_name(graph)))

    def sources(self) -> list[Source]:
        """The ingested source files, by file name."""
        rows = self.select(load_query("sources"))
        return [
            Source(
                graph=_value(r["g"]),
                name=_value(r["name"]),
                sha256=_value(r["sha256"]),
                triples=int(_value(r["triples"]) or 0),
            )
            for r in rows
        ]

    def query_serialized(
        self, sparql: str, fmt: str = "json", substitutions: Mapping[str, Value] | None = None
    ) -> bytes:
        """Run a query and serialise its result: json | csv | tsv | xml.

        SELECT and ASK use the SPARQL results formats; CONSTRUCT and DESCRIBE give JSON-LD for
        json, RDF/XML for xml and N-Triples for csv and tsv. QueryError for a bad query.
        """
        if fmt not in RESULT_FORMATS:
            raise QueryError(
                f"unknown result format {fmt!r}; choose one of {', '.join(RESULT_FORMATS)}"
            )
        try:
            result = self.query(sparql, substitutions)
            if isinstance(result, ox.QueryTriples):
                return result.serialize(format=GRAPH_RESULT_FORMATS[fmt]) or b""
            return result.serialize(format=RESULT_FORMATS[fmt]) or b""
        except SyntaxError as err:
            raise QueryError(f"the SPARQL query does not parse: {err}; check its syntax") from err

    def quads(self, graph: str | ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        """Every quad of `graph`, or of the whole store."""
        name = None if graph is None else _graph_name(graph)
        return self._store.quads_for_pattern(None, None, None, name)

    def flush(self) -> None:
        """Make sure every committed write is on disk."""
        if not self.read_only:
            self._store.flush()

    def close(self) -> None:
        """Flush and release the store (and its lock); the object is unusable afterwards."""
        if self._store is not None:
            self.flush()
            self._store = None  # type: ignore[assignment]  # RocksDB closes when unreferenced

    @classmethod
    def open(cls, path: str | Path | None = None, *, read_only: bool = False) -> GraphStore:
        """Open the store at `path` (in memory when None); usable as a context manager."""
        return cls(path, read_only=read_only)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(
                f"store {self.path} is open read-only; open it without read_only to ingest"
            )


def open_store(path: str | Path | None = None, *, read_only: bool = False) -> GraphStore:
    """Open the store at `path` (in memory when None); see GraphStore."""
    return GraphStore(path, read_only=read_only)


def as_store(store: GraphStore | str | Path) -> GraphStore:
    """`store` itself, or the store at that path opened read-only."""
    return store if isinstance(store, GraphStore) else GraphStore(store, read_only=True)


def _graph_name(graph: str | ox.NamedNode) -> ox.NamedNode:
    return graph if isinstance(graph, ox.NamedNode) else ox.NamedNode(graph)


def _open(path: Path | None, read_only: bool) -> ox.Store:
    if path is None:
        if read_only:
            raise StoreError("an in-memory store cannot be read-only; give the store directory")
        return ox.Store()
    if read_only and not (path / "CURRENT").is_file():
        raise StoreError(f"no store at {path}; run `gazette-kg ingest` first or give --store")
    if path.exists() and not path.is_dir():
        raise StoreError(f"store path {path} is a file, not a directory; give a directory path")
    try:
        if not read_only:
            path.mkdir(parents=True, exist_ok=True)
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as err:
        if "lock" in str(err).lower():
            raise StoreError(
                f"store {path} is locked by another process (an ingest or a server); stop it, "
                f"or open the store read-only"
            ) from err
        raise StoreError(
            f"cannot open store {path}: {err}; check the path and its permissions"
        ) from err


def _replace_request(quads: Sequence[ox.Quad], graph: ox.NamedNode) -> str:
    lines = [f"DROP SILENT GRAPH {graph} ;"]
    if quads:
        lines.append(f"INSERT DATA {{ GRAPH {graph} {{")
        lines.extend(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
        lines.append("} }")
    return "\n".join(lines)


def _value(node: Term | None) -> str:
    return "" if node is None else node.value
