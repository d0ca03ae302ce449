"""SPARQL templates: the `.rq` files of qa/queries, run with bound parameters.

Values are bound with pyoxigraph `substitutions`, never written into the query text. For the
audit trail the answer shows the query as it was run followed by a VALUES block holding the
bound values (`Run.display`), which any SPARQL endpoint over the same data can re-run as is.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

QUERIES = Path(__file__).parent / "queries"

Term = ox.NamedNode | ox.BlankNode | ox.Literal


class TemplateError(ValueError):
    """A query template is missing or was called with parameters it does not declare."""


@functools.cache
def load(name: str) -> str:
    """Text of qa/queries/{name}.rq; TemplateError naming the available files if absent."""
    path = QUERIES / f"{name}.rq"
    if not re.fullmatch(r"[a-z_]+", name) or not path.is_file():
        known = ", ".join(sorted(p.stem for p in QUERIES.glob("*.rq")))
        raise TemplateError(f"No query template {name!r}; available: {known}")
    return path.read_text(encoding="utf-8")


def template_names() -> list[str]:
    """Names of every template in qa/queries."""
    return sorted(p.stem for p in QUERIES.glob("*.rq"))


def parameters(text: str) -> list[str]:
    """Parameter names declared in a template header ("# Parameters: ?group — …")."""
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    m = re.search(r"#\s*Parameters:(.*?)(?:\n#\s*\w+:|\Z)", header, re.DOTALL)
    return re.findall(r"\?(\w+)", m.group(1)) if m else []


@dataclass(frozen=True, slots=True)
class Run:
    """One executed template: its rows (plain Python values) and the re-runnable text."""

    name: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    display: str = ""


def python_value(term: Term | None) -> Any:
    """A result term as a plain value: IRIs and strings as str, integers as int."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        if dt.endswith(("#integer", "#int")):
            try:
                return int(term.value)
            except ValueError:
                return term.value
        return term.value
    return term.value


def to_term(value: Any) -> Term:
    """A pyoxigraph term for a bound value: IRIs (http…) as NamedNode, others as literals."""
    if isinstance(value, ox.NamedNode | ox.BlankNode | ox.Literal):
        return value
    if isinstance(value, str) and re.match(r"^https?://\S+$", value):
        return ox.NamedNode(value)
    return ox.Literal(str(value))


def display_text(text: str, bound: dict[str, Term]) -> str:
    """The query followed by a VALUES block with the bound values (valid, re-runnable SPARQL)."""
    if not bound:
        return text.rstrip() + "\n"
    names = " ".join(f"?{k}" for k in bound)
    values = " ".join(str(v) for v in bound.values())
    return f"{text.rstrip()}\nVALUES ({names}) {{ ({values}) }}\n"


def run(store: ox.Store, name: str, **params: Any) -> Run:
    """Run template `name` on `store` (union of all graphs) with `params` bound by name.

    Raises TemplateError for a parameter the template does not declare.
    """
    text = load(name)
    declared = parameters(text)
    unknown = [k for k in params if k not in declared]
    if unknown:
        raise TemplateError(
            f"Template {name!r} has no parameter {', '.join('?' + k for k in unknown)}; "
            f"it declares {', '.join('?' + k for k in declared) or 'none'}"
        )
    bound = {k: to_term(v) for k, v in params.items()}
    result = store.query(
        text,
        use_default_graph_as_union=True,
        substitutions={ox.Variable(k): v for k, v in bound.items()},
    )
    names = [v.value for v in result.variables]  # type: ignore[union-attr]
    rows = [{n: python_value(row[n]) for n in names} for row in result]  # type: ignore[union-attr]
    return Run(name, rows, display_text(text, bound))
