"""SPARQL templates (qa/queries/*.rq): headers, bound parameters, every template runs."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from qa_support import sample_qa, sample_store

from qa import templates


@pytest.mark.parametrize("name", templates.template_names())
def test_every_template_has_a_header_and_runs(name: str) -> None:
    text = templates.load(name)
    assert text.startswith("# Title:"), name
    assert "# Parameters:" in text, name
    params = {p: "https://w3id.org/gazette-kg/id/none" for p in templates.parameters(text)}
    run = templates.run(sample_store(), name, **params)
    assert isinstance(run.rows, list)


def test_catalogs_are_not_empty_on_the_sample() -> None:
    for name in ("catalog_documents", "catalog_paragraphs", "catalog_groups", "catalog_people"):
        assert templates.run(sample_store(), name).rows, name


def test_values_are_bound_and_shown_not_pasted() -> None:
    hostile = 'x"} UNION { ?s ?p ?o } #'
    run = templates.run(sample_store(), "group_members", group=hostile)
    assert run.rows == []
    query_part, values = run.display.rsplit("VALUES", 1)
    assert hostile not in query_part
    assert str(ox.Literal(hostile)) in values


def test_display_text_reruns_to_the_same_rows() -> None:
    group = sample_qa().ctx.catalog.entities["group"][0].iri
    run = templates.run(sample_store(), "group_members", group=group)
    rerun = list(sample_store().query(run.display, use_default_graph_as_union=True))
    assert len(rerun) == len(run.rows) > 0


def test_unknown_template_or_parameter_says_what_exists() -> None:
    with pytest.raises(templates.TemplateError, match="available"):
        templates.load("nope")
    with pytest.raises(templates.TemplateError, match="declares"):
        templates.run(sample_store(), "document", group="x")
