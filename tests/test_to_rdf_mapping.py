"""Records → RDF: documents, agencies, groups, tasks, deadlines and their provenance."""

from __future__ import annotations

from dataclasses import replace

import pyoxigraph as ox
import pytest
from to_rdf_sample import DOC, GROUP_NAME, OTHER, P_ANNEX, P_TASK, sample_source

from ingest.iri import graph_iri, mint
from ingest.records import Deadline, ParsedSource, UnitRole
from ingest.to_rdf import to_quads
from ontology import GKG, PREFIXES

PREFIX = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())


def store_of(parsed: ParsedSource) -> ox.Store:
    store = ox.Store()
    store.extend(to_quads(parsed))
    return store


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return store_of(sample_source())


def select(
    store: ox.Store, body: str, **bind: ox.NamedNode | ox.Literal
) -> list[dict[str, str | None]]:
    result = store.query(
        PREFIX + body,
        use_default_graph_as_union=True,
        substitutions={ox.Variable(k): v for k, v in bind.items()},
    )
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in result]


def ask(store: ox.Store, body: str, **bind: ox.NamedNode | ox.Literal) -> bool:
    result = store.query(
        PREFIX + body,
        use_default_graph_as_union=True,
        substitutions={ox.Variable(k): v for k, v in bind.items()},
    )
    return bool(result)


def node(kind: str, *keys: str) -> ox.NamedNode:
    return ox.NamedNode(mint(kind, *keys))


def test_pure_and_deterministic() -> None:
    first, second = to_quads(sample_source()), to_quads(sample_source())
    assert first == second
    assert len(first) == len(set(first))


def test_every_quad_is_in_the_source_graph() -> None:
    quads = to_quads(sample_source("a/b/issue-1.txt"))
    assert {q.graph_name for q in quads} == {ox.NamedNode(graph_iri("issue-1.txt"))}


def test_gazette_node(store: ox.Store) -> None:
    rows = select(
        store,
        "SELECT ?name ?sha ?doc WHERE { ?g a gkg:Gazette ; dcterms:source ?name ; gkg:sha256 ?sha ."
        " ?doc eli:is_part_of ?g }",
    )
    assert {r["name"] for r in rows} == {"sample-gazette.txt"}
    assert {r["doc"] for r in rows} == {mint("doc", DOC), mint("doc", OTHER)}


def test_document_fields(store: ox.Store) -> None:
    rows = select(
        store,
        "SELECT * WHERE { ?d a gkg:Document, eli:LegalResource ; eli:id_local ?n ; eli:title ?t ;"
        " eli:date_document ?date ; gkg:genre ?genre ; gkg:issuerText ?issuer ;"
        " eli:passed_by/skos:prefLabel ?issuer_label ; gkg:interpretedByText ?interp ;"
        " gkg:interpretedBy/skos:prefLabel ?interp_label ; gkg:consultPhone ?phone ;"
        " eli:date_no_longer_in_force ?until ; gkg:validityText ?validity }",
    )
    assert len(rows) == 1
    row = rows[0]
    assert row["n"] == DOC and row["date"] == "2022-06-20" and row["genre"] == "通知"
    assert row["issuer"] == row["issuer_label"] == "吕梁市人民政府办公室"
    # printed form kept beside the link to the agency's full label
    assert row["interp"] == "市规划和自然资源局"
    assert row["interp_label"] == "吕梁市规划和自然资源局"
    assert row["until"] == "2024-06-19" and row["validity"] == "有效期为2年"


def test_missing_values_are_not_emitted(store: ox.Store) -> None:
    assert not ask(store, "ASK { ?d eli:id_local ?n ; eli:date_document ?x }", n=ox.Literal(OTHER))
    assert ask(
        store, "ASK { ?d eli:id_local ?n ; gkg:missingField 'signing date' }", n=ox.Literal(OTHER)
    )
    assert not ask(store, "ASK { ?s ?p '' }")


def test_citations(store: ox.Store) -> None:
    cited = select(
        store, "SELECT ?c ?n WHERE { ?d eli:cites ?c . OPTIONAL { ?c eli:id_local ?n } }"
    )
    assert {(r["c"], r["n"]) for r in cited} == {
        (mint("doc", OTHER), OTHER),  # printed in the same source: its own number only
        (mint("doc", "晋政办发〔2021〕88号"), "晋政办发〔2021〕88号"),  # brackets unified
    }
    assert ask(store, "ASK { ?c a eli:LegalResource FILTER NOT EXISTS { ?c a gkg:Document } }")


def test_agencies_with_aliases(store: ox.Store) -> None:
    labels = select(
        store,
        "SELECT * WHERE { ?a skos:prefLabel ?l ; skos:altLabel ?alt }",
        l=ox.Literal("吕梁市规划和自然资源局", language="zh"),
    )
    assert {r["alt"] for r in labels} == {"市规划和自然资源局", "市自然资源局"}


def test_printed_units_link_to_agencies_after_normalisation(store: ox.Store) -> None:
    tax = node("org", "吕梁市税务局")
    rows = select(store, "SELECT * WHERE { ?a gkg:unit ?u ; gkg:asPrinted ?printed }", u=tax)
    assert sorted(str(r["printed"]) for r in rows) == ["市 税务局", "市税务局"]


def test_unmatched_unit_is_minted_from_the_printed_string(store: ox.Store) -> None:
    minted = node("org", "市住建局")
    assert ask(store, "ASK { ?u a org:Organization ; skos:prefLabel '市住建局'@zh }", u=minted)
    assert ask(store, "ASK { ?t gkg:cooperatingUnit ?u }", u=minted)


def test_task_assignments_keep_role_order_and_print(store: ox.Store) -> None:
    rows = select(
        store,
        "SELECT ?role ?printed ?order WHERE { ?t gkg:taskNumber '1' ; gkg:assignment ?a ."
        " ?a gkg:assignmentRole ?role ; gkg:asPrinted ?printed ; gkg:order ?order } ORDER BY ?order",
    )
    assert [(str(r["role"]).rsplit("#", 1)[1], r["printed"]) for r in rows] == [
        ("Lead", "市规划和自然资源局"),
        ("Responsible", "市税务局"),
        ("Responsible", "市 税务局"),
        ("Cooperating", "市住建局"),
    ]
    assert ask(
        store,
        "ASK { ?t gkg:taskNumber '1' ; gkg:leadUnit ?u }",
        u=node("org", "吕梁市规划和自然资源局"),
    )


def test_group_and_memberships(store: ox.Store) -> None:
    group = node("group", DOC, GROUP_NAME)
    assert ask(
        store,
        "ASK { ?g a gkg:LeadingGroup, org:Organization ; gkg:establishedBy ?d ;"
        " gkg:officeAt ?o ; gkg:officeAtText '市规划和自然资源局' }",
        g=group,
        d=node("doc", DOC),
        o=node("org", "吕梁市规划和自然资源局"),
    )
    rows = select(
        store,
        "SELECT * WHERE { ?m org:organization ?g ; org:role/skos:prefLabel ?role ;"
        " gkg:post ?post ; gkg:order ?o OPTIONAL { ?m org:member/foaf:name ?name } } ORDER BY ?o",
        g=group,
    )
    assert [(r["role"], r["name"], r["post"]) for r in rows] == [
        ("组长", "油晓峰", "市政府副市长"),
        ("成员", "卫海平", "市规划和自然资源局局长"),
        ("成员", None, "市税务局分管负责同志"),
        ("办公室主任", None, "市规划和自然资源局局长兼任"),
    ]
    assert ask(
        store, "ASK { ?p org:hasMembership ?m . ?m org:member ?p }", p=node("person", "油晓峰")
    )


def test_people_carry_their_posts(store: ox.Store) -> None:
    rows = select(store, "SELECT ?post WHERE { ?p foaf:name '卫海平'@zh ; gkg:post ?post }")
    assert [r["post"] for r in rows] == ["市规划和自然资源局局长"]


def test_deadlines(store: ox.Store) -> None:
    rows = select(
        store,
        "SELECT ?surface ?kind ?bound WHERE { ?d a gkg:Deadline ; gkg:surface ?surface ;"
        " gkg:deadlineKind ?kind ; gkg:binds ?bound }",
    )
    bound = {r["surface"]: (str(r["kind"]).rsplit("#", 1)[1], r["bound"]) for r in rows}
    task_1 = mint("task", DOC, "1")
    assert bound == {
        "6月底前": ("Absolute", task_1),
        "每月23日前": ("Recurring", mint("task", DOC, "2")),
        "2022年5月至12月": ("Period", mint("doc", DOC)),
        "受理后5个工作日内": ("Relative", mint("doc", DOC)),
    }
    assert ask(
        store,
        "ASK { ?d gkg:surface '6月底前' ; gkg:dueDate/time:inXSDDate '2022-06-30'^^xsd:date }",
    )
    assert ask(
        store,
        "ASK { ?d gkg:surface '2022年5月至12月' ; gkg:interval ?i ."
        " ?i time:hasBeginning/time:inXSDgYearMonth '2022-05'^^xsd:gYearMonth ;"
        " time:hasEnd/time:inXSDDate '2022-12-31'^^xsd:date }",
    )
    assert ask(
        store,
        "ASK { ?d gkg:surface '每月23日前' ; gkg:reportTo '市政府办公室' ;"
        " gkg:recurrence [ gkg:frequency 'monthly' ; gkg:dayOfPeriod 23 ] }",
    )


def test_every_extracted_node_derives_from_a_paragraph(store: ox.Store) -> None:
    missing = select(
        store,
        "SELECT ?n ?c WHERE { VALUES ?c { gkg:Document gkg:LeadingGroup org:Membership gkg:Task"
        " gkg:Assignment gkg:Deadline foaf:Person } ?n a ?c"
        " FILTER NOT EXISTS { ?n prov:wasDerivedFrom ?p . ?p a gkg:Paragraph } }",
    )
    assert missing == []
    # agencies derive from the paragraphs that mention them; 市审计局 is printed nowhere
    orphans = select(
        store,
        "SELECT ?l WHERE { ?a a org:Organization ; skos:prefLabel ?l"
        " FILTER NOT EXISTS { ?a prov:wasDerivedFrom ?p } }",
    )
    assert [r["l"] for r in orphans] == ["吕梁市审计局"]


def test_agency_known_only_from_text_derives_from_that_paragraph() -> None:
    parsed = sample_source()
    parsed.tasks = [t for t in parsed.tasks if t.task_id != "2"]
    parsed.deadlines = [d for d in parsed.deadlines if d.task_id != "2"]
    store = store_of(parsed)
    rows = select(
        store, "SELECT * WHERE { ?a prov:wasDerivedFrom ?p }", a=node("org", "吕梁市财政局")
    )
    assert [r["p"] for r in rows] == [mint("para", graph_iri("sample-gazette.txt"), f"{DOC}#p2")]


def test_membership_and_member_provenance(store: ox.Store) -> None:
    assert ask(
        store,
        "ASK { ?p prov:wasDerivedFrom ?para }",
        p=node("person", "油晓峰"),
        para=node("para", graph_iri("sample-gazette.txt"), P_ANNEX.id),
    )


def test_restarted_task_numbers_stay_apart() -> None:
    parsed = sample_source()
    again = replace(parsed.tasks[0], paragraph=P_ANNEX.id, heading="重复编号", units=())
    parsed.tasks = [*parsed.tasks, again]
    task_class = ox.NamedNode(str(GKG.Task))
    assert len({q.subject for q in to_quads(parsed) if q.object == task_class}) == 3
    # the deadline bound to task "1" in P_TASK still binds the task of that paragraph
    store = store_of(parsed)
    rows = select(store, "SELECT ?h WHERE { ?d gkg:surface '6月底前' ; gkg:binds/gkg:heading ?h }")
    assert [r["h"] for r in rows] == ["化解历史遗留问题"]


def test_unknown_unit_role_is_refused() -> None:
    parsed = sample_source()
    parsed.tasks = [replace(parsed.tasks[0], units=(UnitRole("市财政局", "supporting"),))]
    with pytest.raises(ValueError, match="supporting"):
        to_quads(parsed)


def test_unknown_deadline_kind_is_refused() -> None:
    parsed = sample_source()
    parsed.deadlines = [Deadline(DOC, "近期", "soon", "完成", P_TASK.id, 110)]
    with pytest.raises(ValueError, match="soon"):
        to_quads(parsed)


def test_empty_source_gives_only_the_gazette_node() -> None:
    quads = to_quads(ParsedSource(source_name="empty.txt", sha256="0" * 64))
    assert {q.predicate.value.rsplit("/", 1)[-1] for q in quads} <= {
        "22-rdf-syntax-ns#type",
        "source",
        "ontology#sha256",
    }
