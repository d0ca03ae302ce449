"""Records of one source file → RDF quads in that file's named graph. Pure: no I/O, no state.

Mapping (terms documented in ontology/gazette.ttl):
- the source file is a gkg:Gazette whose IRI is also the named graph of every quad;
- a Document is eli:LegalResource + gkg:Document; a cited number is an eli:LegalResource with
  only eli:id_local unless the document is printed in the same source;
- an Agency is an org:Organization (IRI from Agency.key, label as skos:prefLabel, every alias as
  skos:altLabel). A unit printed in a document, group or task is linked to the agency whose key,
  label or alias equals it after NFKC/whitespace normalisation; failing that an organisation is
  minted from the printed string. The printed form is always kept beside the link;
- a Group is org:Organization + gkg:LeadingGroup, each Member an org:Membership with an org:Role
  and, only when a name is printed, an org:member foaf:Person;
- a Task carries one gkg:Assignment per printed unit plus gkg:leadUnit/… shortcuts;
- a Deadline binds its task (Deadline.task_id) or else its document; dates are OWL-Time nodes;
- every extracted node gets prov:wasDerivedFrom its gkg:Paragraph(s). Agencies and people have
  no paragraph in their records, so they derive from the paragraphs of the records that mention
  them, or else from the first paragraph whose text contains their name.
Empty strings are never emitted, so a missing value is missing for the SHACL shapes too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from pyoxigraph import Literal, NamedNode, Quad
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, SKOS, XSD

from ingest.iri import graph_iri, mint, normalise_key, normalise_text
from ingest.records import (
    Agency,
    Deadline,
    Document,
    Group,
    Paragraph,
    ParsedSource,
    Person,
    Task,
)
from ingest.units import split_units
from ontology import ELI, GKG

Object = NamedNode | Literal
Triple = tuple[NamedNode, NamedNode, Object]


def _n(term: str) -> NamedNode:
    return NamedNode(str(term))


TIME = "http://www.w3.org/2006/time#"
A = _n(RDF.type)
PREF, ALT = _n(SKOS.prefLabel), _n(SKOS.altLabel)
DERIVED = _n(PROV.wasDerivedFrom)
ROLES = {"lead": GKG.Lead, "responsible": GKG.Responsible, "cooperating": GKG.Cooperating}
ROLE_SHORTCUTS = {
    "lead": GKG.leadUnit,
    "responsible": GKG.responsibleUnit,
    "cooperating": GKG.cooperatingUnit,
}
KINDS = {
    "absolute": GKG.Absolute,
    "recurring": GKG.Recurring,
    "relative": GKG.Relative,
    "period": GKG.Period,
}
# Period starts come as ISO date, year-month or year; each has its own OWL-Time property.
_START_FORMS = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), "inXSDDate", XSD.date),
    (re.compile(r"\d{4}-\d{2}"), "inXSDgYearMonth", XSD.gYearMonth),
    (re.compile(r"\d{4}"), "inXSDgYear", XSD.gYear),
)


def to_quads(parsed: ParsedSource) -> list[Quad]:
    """Every record of `parsed` as quads in the source's named graph, without duplicates.

    Raises ValueError for a record that breaks the ingest contract (an unknown task unit role
    or deadline kind), naming the record.
    """
    ctx = _context(parsed)
    out = _Triples()
    out.extend(_gazette(parsed, ctx))
    for agency in parsed.agencies:
        out.extend(_agency(agency))
    for paragraph in parsed.paragraphs:
        out.extend(_paragraph(paragraph, ctx))
    for document in parsed.documents:
        out.extend(_document(document, ctx))
    for group in parsed.groups:
        out.extend(_group(group, ctx))
    for person in parsed.people:
        out.extend(_person(person))
    for task in parsed.tasks:
        out.extend(_task(task, ctx))
    for deadline in parsed.deadlines:
        out.extend(_deadline(deadline, ctx))
    out.extend(_minted_units(ctx))
    out.extend(_fallback_provenance(parsed, ctx, out))
    graph = ctx.graph
    return [Quad(s, p, o, graph) for s, p, o in out.unique()]


# --------------------------------------------------------------------------------------
# context


@dataclass
class _Context:
    graph: NamedNode
    agencies: dict[str, NamedNode]  # normalised key/label/alias -> agency node
    documents: dict[str, NamedNode]  # normalised number -> node, documents of this source
    doc_paragraphs: dict[str, list[Paragraph]]  # normalised number -> paragraphs in order
    tasks: dict[tuple[str, str], list[tuple[str, NamedNode]]]  # (doc, task id) -> [(para, node)]
    # organisations minted from printed strings: node -> printed variants, first seen first
    minted: dict[NamedNode, list[str]] = field(default_factory=dict)


def _context(parsed: ParsedSource) -> _Context:
    agencies: dict[str, NamedNode] = {}
    for agency in parsed.agencies:
        node = _n(mint("org", agency.key))
        for name in (agency.key, agency.label, *agency.aliases):
            agencies.setdefault(normalise_text(name), node)
    doc_paragraphs: dict[str, list[Paragraph]] = {}
    for p in sorted(parsed.paragraphs, key=lambda p: p.order):
        doc_paragraphs.setdefault(normalise_key(p.doc_number), []).append(p)
    documents = {normalise_key(d.number): _n(mint("doc", d.number)) for d in parsed.documents}
    return _Context(
        graph=_n(graph_iri(parsed.source_name)),
        agencies=agencies,
        documents=documents,
        doc_paragraphs=doc_paragraphs,
        tasks=_task_index(parsed.tasks),
    )


def _task_index(tasks: list[Task]) -> dict[tuple[str, str], list[tuple[str, NamedNode]]]:
    keys = [(normalise_key(t.doc_number), normalise_key(t.task_id)) for t in tasks]
    index: dict[tuple[str, str], list[tuple[str, NamedNode]]] = {}
    for task, key in zip(tasks, keys, strict=True):
        # A number printed twice in one document (restarted numbering) gets the paragraph
        # into its key, so the two tasks stay apart.
        extra = (task.paragraph,) if keys.count(key) > 1 else ()
        node = _n(mint("task", task.doc_number, task.task_id, *extra))
        index.setdefault(key, []).append((task.paragraph, node))
    return index


class _Triples(list[Triple]):
    def add(self, s: NamedNode, p: str | NamedNode, o: Object | None) -> None:
        if o is not None:
            self.append((s, p if isinstance(p, NamedNode) else _n(p), o))

    def unique(self) -> list[Triple]:
        return list(dict.fromkeys(self))


def _s(text: str | None) -> Literal | None:
    return Literal(text) if text and text.strip() else None


def _zh(text: str | None) -> Literal | None:
    return Literal(text, language="zh") if text and text.strip() else None


def _int(value: int | None) -> Literal | None:
    return None if value is None else Literal(str(value), datatype=_n(XSD.integer))


def _date(value: date | None) -> Literal | None:
    return None if value is None else Literal(value.isoformat(), datatype=_n(XSD.date))


def _para(ctx: _Context, paragraph_id: str) -> NamedNode:
    # paragraph ids are unique within a source only: the same document number printed in two
    # sources must not merge their paragraphs
    return _n(mint("para", ctx.graph.value, paragraph_id))


def _doc(ctx: _Context, number: str) -> NamedNode:
    return ctx.documents.get(normalise_key(number)) or _n(mint("doc", number))


def _doc_evidence(ctx: _Context, number: str) -> list[NamedNode]:
    """The paragraphs a document as a whole is read from: its title block, else its first."""
    paragraphs = ctx.doc_paragraphs.get(normalise_key(number), [])
    head = [p for p in paragraphs if p.section == "head"] or paragraphs[:1]
    return [_para(ctx, p.id) for p in head]


def _evidence(ctx: _Context, number: str, printed: str) -> list[NamedNode]:
    """First paragraph of the document that prints `printed`, else the document's evidence."""
    needle = normalise_text(printed)
    for p in ctx.doc_paragraphs.get(normalise_key(number), []):
        if needle and needle in normalise_text(p.text):
            return [_para(ctx, p.id)]
    return _doc_evidence(ctx, number)


def _unit(ctx: _Context, printed: str, evidence: Iterable[NamedNode]) -> tuple[NamedNode, _Triples]:
    """The organisation a printed unit name denotes, plus its mention provenance."""
    key = normalise_text(printed)
    node = ctx.agencies.get(key)
    if node is None:
        node = _n(mint("org", printed))
        variants = ctx.minted.setdefault(node, [])
        if key not in variants:
            variants.append(key)
    out = _Triples()
    for paragraph in evidence:
        out.add(node, DERIVED, paragraph)
    return node, out


# --------------------------------------------------------------------------------------
# records


def _gazette(parsed: ParsedSource, ctx: _Context) -> _Triples:
    out = _Triples()
    g = ctx.graph
    out.add(g, A, _n(GKG.Gazette))
    out.add(g, DCTERMS.source, _s(parsed.source_name))
    out.add(g, GKG.sha256, _s(parsed.sha256))
    for warning in parsed.warnings:
        out.add(g, GKG.ingestWarning, _s(warning))
    return out


def _agency(agency: Agency) -> _Triples:
    out = _Triples()
    node = _n(mint("org", agency.key))
    out.add(node, A, _n(ORG.Organization))
    out.add(node, PREF, _zh(agency.label or agency.key))
    for alias in agency.aliases:
        if alias != agency.label:
            out.add(node, ALT, _zh(alias))
    return out


def _paragraph(p: Paragraph, ctx: _Context) -> _Triples:
    out = _Triples()
    node = _para(ctx, p.id)
    out.add(node, A, _n(GKG.Paragraph))
    out.add(node, DCTERMS.identifier, _s(p.id))
    out.add(node, GKG.text, _s(p.text))
    out.add(node, GKG.order, _int(p.order))
    out.add(node, GKG.firstLine, _int(p.first_line))
    out.add(node, GKG.lastLine, _int(p.last_line))
    out.add(node, GKG.page, _int(p.page))
    out.add(node, GKG.headingPath, _s(" > ".join(p.heading_path)))
    out.add(node, GKG.section, _s(p.section))
    if p.doc_number.strip():
        out.add(node, GKG.inDocument, _doc(ctx, p.doc_number))
    return out


def _document(d: Document, ctx: _Context) -> _Triples:
    out = _Triples()
    node = _doc(ctx, d.number)
    evidence = _doc_evidence(ctx, d.number)
    for cls in (ELI.LegalResource, GKG.Document):
        out.add(node, A, _n(cls))
    out.add(node, ELI.id_local, _s(d.number))
    out.add(node, ELI.title, _zh(d.title))
    out.add(node, GKG.genre, _s(d.genre))
    if d.issuer.strip():
        # a joint document's issuer text names every body ("A、B"); the lead body passes it
        issuer, mention = _unit(ctx, (split_units(d.issuer) or [d.issuer])[0], evidence)
        out.extend(mention)
        out.add(node, ELI.passed_by, issuer)
        out.add(node, GKG.issuerText, _s(d.issuer))
    if d.interpreted_by and d.interpreted_by.strip():
        body, mention = _unit(ctx, d.interpreted_by, _evidence(ctx, d.number, d.interpreted_by))
        out.extend(mention)
        out.add(node, GKG.interpretedBy, body)
        out.add(node, GKG.interpretedByText, _s(d.interpreted_by))
    out.add(node, ELI.date_document, _date(d.signed))
    out.add(node, GKG.recipients, _s(d.recipients))
    out.add(node, GKG.publicationNote, _s(d.publication_note))
    out.add(node, GKG.attachedTitle, _s(d.attached_title))
    for title in d.attachments:
        out.add(node, GKG.attachment, _s(title))
    out.add(node, GKG.consultUnit, _s(d.consult_unit))
    out.add(node, GKG.consultPhone, _s(d.consult_phone))
    out.add(node, GKG.effectiveText, _s(d.effective_text))
    out.add(node, ELI.first_date_entry_in_force, _date(d.effective_from))
    out.add(node, GKG.validityText, _s(d.validity_text))
    out.add(node, ELI.date_no_longer_in_force, _date(d.valid_until))
    for missing in d.missing:
        out.add(node, GKG.missingField, _s(missing))
    out.add(node, GKG.firstLine, _int(d.first_line))
    out.add(node, GKG.lastLine, _int(d.last_line))
    out.add(node, GKG.page, _int(d.page))
    out.add(node, ELI.is_part_of, ctx.graph)
    for paragraph in evidence:
        out.add(node, DERIVED, paragraph)
    out.extend(_citations(d, node, ctx))
    return out


def _citations(d: Document, node: NamedNode, ctx: _Context) -> _Triples:
    out = _Triples()
    own = normalise_key(d.number)
    for number in d.cites:
        key = normalise_key(number)
        if not key or key == own:
            continue
        cited = _doc(ctx, number)
        out.add(node, ELI.cites, cited)
        if key not in ctx.documents:
            out.add(cited, A, _n(ELI.LegalResource))
            out.add(cited, ELI.id_local, _s(key))
    return out


def _group(g: Group, ctx: _Context) -> _Triples:
    out = _Triples()
    node = _n(mint("group", g.doc_number, g.name))
    paragraph = _para(ctx, g.paragraph)
    for cls in (ORG.Organization, GKG.LeadingGroup):
        out.add(node, A, _n(cls))
    out.add(node, PREF, _zh(g.name))
    out.add(node, GKG.establishedBy, _doc(ctx, g.doc_number))
    if g.office_at and g.office_at.strip():
        office, mention = _unit(ctx, g.office_at, [paragraph])
        out.extend(mention)
        out.add(node, GKG.officeAt, office)
        out.add(node, GKG.officeAtText, _s(g.office_at))
    out.add(node, GKG.officeDirector, _s(g.office_director))
    out.add(node, GKG.duties, _s(g.duties))
    out.add(node, GKG.leaderPost, _s(g.leader_post))
    out.add(node, GKG.firstLine, _int(g.first_line))
    out.add(node, DERIVED, paragraph)
    for order, member in enumerate(g.members):
        membership = _n(
            mint(
                "membership",
                str(node),
                member.role,
                member.person or "",
                member.title,
                str(member.first_line),
            )
        )
        role = _n(mint("role", member.role))
        evidence = _para(ctx, member.paragraph)
        out.add(membership, A, _n(ORG.Membership))
        out.add(membership, ORG.organization, node)
        out.add(membership, ORG.role, role)
        out.add(membership, GKG.post, _s(member.title))
        out.add(membership, GKG.order, _int(order))
        out.add(membership, GKG.firstLine, _int(member.first_line))
        out.add(membership, GKG.lastLine, _int(member.last_line))
        out.add(membership, DERIVED, evidence)
        out.add(role, A, _n(ORG.Role))
        out.add(role, PREF, _zh(normalise_text(member.role)))
        if member.person and member.person.strip():
            person = _n(mint("person", member.person))
            out.add(membership, ORG.member, person)
            out.add(person, ORG.hasMembership, membership)
            out.add(person, A, _n(FOAF.Person))
            out.add(person, FOAF.name, _zh(member.person))
            out.add(person, GKG.post, _s(member.title))
            out.add(person, DERIVED, evidence)
    return out


def _person(person: Person) -> _Triples:
    out = _Triples()
    node = _n(mint("person", person.name))
    out.add(node, A, _n(FOAF.Person))
    out.add(node, FOAF.name, _zh(person.name))
    for post in person.posts:
        out.add(node, GKG.post, _s(post))
    return out


def _task_node(ctx: _Context, doc_number: str, task_id: str, paragraph: str) -> NamedNode | None:
    candidates = ctx.tasks.get((normalise_key(doc_number), normalise_key(task_id)), [])
    same_paragraph = [node for para, node in candidates if para == paragraph]
    ordered = same_paragraph or [node for _, node in candidates]
    return ordered[0] if ordered else None


def _task(t: Task, ctx: _Context) -> _Triples:
    out = _Triples()
    node = _task_node(ctx, t.doc_number, t.task_id, t.paragraph)
    assert node is not None  # every task is in the index built from the same list
    paragraph = _para(ctx, t.paragraph)
    out.add(node, A, _n(GKG.Task))
    out.add(node, GKG.taskNumber, _s(t.task_id))
    out.add(node, GKG.heading, _s(t.heading))
    out.add(node, GKG.text, _s(t.text))
    out.add(node, GKG.assignmentText, _s(t.raw_assignment))
    out.add(node, GKG.inDocument, _doc(ctx, t.doc_number))
    out.add(node, GKG.firstLine, _int(t.first_line))
    out.add(node, GKG.lastLine, _int(t.last_line))
    out.add(node, DERIVED, paragraph)
    for order, unit_role in enumerate(t.units):
        if unit_role.role not in ROLES:
            raise ValueError(
                f"Task {t.doc_number} {t.task_id}: unit role {unit_role.role!r} is not one of "
                f"{', '.join(ROLES)}; fix the task extractor"
            )
        unit, mention = _unit(ctx, unit_role.unit, [paragraph])
        out.extend(mention)
        assignment = _n(mint("assignment", str(node), unit_role.role, unit_role.unit, str(order)))
        out.add(node, GKG.assignment, assignment)
        out.add(node, ROLE_SHORTCUTS[unit_role.role], unit)
        out.add(assignment, A, _n(GKG.Assignment))
        out.add(assignment, GKG.unit, unit)
        out.add(assignment, GKG.assignmentRole, _n(ROLES[unit_role.role]))
        out.add(assignment, GKG.asPrinted, _s(unit_role.unit))
        out.add(assignment, GKG.order, _int(order))
        out.add(assignment, DERIVED, paragraph)
    return out


def _deadline(d: Deadline, ctx: _Context) -> _Triples:
    if d.kind not in KINDS:
        raise ValueError(
            f"Deadline {d.doc_number} {d.surface!r}: kind {d.kind!r} is not one of "
            f"{', '.join(KINDS)}; fix the deadline extractor"
        )
    out = _Triples()
    node = _n(mint("deadline", d.doc_number, d.paragraph, str(d.first_line), d.surface, d.what))
    task = _task_node(ctx, d.doc_number, d.task_id, d.paragraph) if d.task_id else None
    out.add(node, A, _n(GKG.Deadline))
    out.add(node, GKG.surface, _s(d.surface))
    out.add(node, GKG.deadlineKind, _n(KINDS[d.kind]))
    out.add(node, GKG.obligation, _s(d.what))
    out.add(node, GKG.party, _s(d.who))
    out.add(node, GKG.reportTo, _s(d.to_whom))
    out.add(node, GKG.inDocument, _doc(ctx, d.doc_number))
    out.add(node, GKG.binds, task or _doc(ctx, d.doc_number))
    out.add(node, GKG.firstLine, _int(d.first_line))
    out.add(node, DERIVED, _para(ctx, d.paragraph))
    if d.kind == "absolute" and d.due is not None:
        instant, triples = _instant(d.due.isoformat())
        out.extend(triples)
        out.add(node, GKG.dueDate, instant)
    elif d.kind == "period":
        out.extend(_interval(node, d))
    elif d.kind == "recurring":
        out.extend(_recurrence(node, d))
    return out


def _instant(lexical: str) -> tuple[NamedNode, _Triples]:
    out = _Triples()
    node = _n(mint("instant", lexical))
    out.add(node, A, _n(TIME + "Instant"))
    for pattern, prop, datatype in _START_FORMS:
        if pattern.fullmatch(lexical):
            out.add(node, TIME + prop, Literal(lexical, datatype=_n(datatype)))
            break
    return node, out


def _interval(deadline: NamedNode, d: Deadline) -> _Triples:
    out = _Triples()
    start = (d.start or "").strip()
    if not any(p.fullmatch(start) for p, _, _ in _START_FORMS):
        start = ""
    end = d.due.isoformat() if d.due else ""
    if not (start or end):
        return out
    node = _n(mint("interval", start, end))
    out.add(node, A, _n(TIME + "Interval"))
    out.add(deadline, GKG.interval, node)
    for lexical, prop in ((start, "hasBeginning"), (end, "hasEnd")):
        if lexical:
            instant, triples = _instant(lexical)
            out.extend(triples)
            out.add(node, TIME + prop, instant)
    return out


def _recurrence(deadline: NamedNode, d: Deadline) -> _Triples:
    out = _Triples()
    if d.frequency is None and d.day is None and d.count is None:
        return out
    node = _n(mint("recurrence", str(deadline)))
    out.add(deadline, GKG.recurrence, node)
    out.add(node, A, _n(GKG.Recurrence))
    out.add(node, GKG.frequency, _s(d.frequency))
    out.add(node, GKG.dayOfPeriod, _int(d.day))
    out.add(node, GKG.count, _int(d.count))
    return out


def _minted_units(ctx: _Context) -> _Triples:
    out = _Triples()
    for node, variants in ctx.minted.items():
        out.add(node, A, _n(ORG.Organization))
        out.add(node, PREF, _zh(variants[0]))
        for variant in variants[1:]:
            out.add(node, ALT, _zh(variant))
    return out


def _fallback_provenance(parsed: ParsedSource, ctx: _Context, done: _Triples) -> _Triples:
    """Mention provenance for agencies and people no mapped record pointed at."""
    have = {s for s, p, _ in done if p == DERIVED}
    names: dict[NamedNode, list[str]] = {}
    for agency in parsed.agencies:
        names.setdefault(_n(mint("org", agency.key)), []).extend(
            [agency.label, agency.key, *agency.aliases]
        )
    for person in parsed.people:
        names.setdefault(_n(mint("person", person.name)), []).append(person.name)
    texts = [(_para(ctx, p.id), normalise_text(p.text)) for p in parsed.paragraphs]
    out = _Triples()
    for node, labels in names.items():
        if node in have:
            continue
        needles = [n for n in (normalise_text(label) for label in labels) if n]
        hit = next((para for para, text in texts if any(n in text for n in needles)), None)
        out.add(node, DERIVED, hit)
    return out
