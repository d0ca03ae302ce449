"""The ingest pipeline: source text → records, stage by stage, no I/O but reading the file."""

from __future__ import annotations

from pathlib import Path

from ingest.agencies import resolve_agencies
from ingest.deadlines import find_deadlines
from ingest.documents import assign_consult_boxes, parse_document
from ingest.errors import SourceError
from ingest.groups import find_groups
from ingest.people import collect_people
from ingest.records import Paragraph, ParsedSource
from ingest.segment import find_documents, make_paragraphs
from ingest.tasks import find_tasks
from ingest.text import build_blocks, read_source, split_lines

SAMPLE = Path(__file__).parent / "data" / "lvliang-2022-04.txt"


def parse_file(path: Path) -> ParsedSource:
    """Read and parse one gazette text file; SourceError for input that is not a gazette."""
    text, sha = read_source(path)
    return parse_text(text, path.name, sha, display_name=str(path))


def parse_text(
    text: str, source_name: str, sha256: str, display_name: str | None = None
) -> ParsedSource:
    """Parse the text of one gazette issue into records."""
    name = display_name or source_name
    lines, boxes = split_lines(text)
    spans = find_documents(lines)
    if not spans:
        raise SourceError(
            name,
            "not a gazette: no document found (expected a title block with 关于… and a document "
            "number such as 某政发〔2022〕7号 on its own line)",
        )
    paragraphs = make_paragraphs(build_blocks(lines), spans, lines)
    parsed = ParsedSource(source_name=source_name, sha256=sha256, paragraphs=paragraphs)
    by_doc: dict[str, list[Paragraph]] = {}
    for paragraph in paragraphs:
        by_doc.setdefault(paragraph.doc_number, []).append(paragraph)
    per_doc = [(span, lines[span.start : span.end], by_doc.get(span.number, [])) for span in spans]
    documents = [
        parse_document(span, doc_lines, doc_paras) for span, doc_lines, doc_paras in per_doc
    ]
    parsed.documents = assign_consult_boxes(documents, boxes)
    for doc, (_, doc_lines, doc_paras) in zip(parsed.documents, per_doc, strict=True):
        tasks = find_tasks(doc, doc_paras, doc_lines)
        parsed.tasks.extend(tasks)
        parsed.groups.extend(find_groups(doc, doc_paras, doc_lines))
        parsed.deadlines.extend(find_deadlines(doc, doc_paras, tasks, doc_lines))
    parsed.people = collect_people(parsed.groups)
    parsed.agencies = resolve_agencies(
        parsed.documents, parsed.paragraphs, parsed.groups, parsed.tasks
    )
    parsed.warnings = [f"{d.number}: no {field}" for d in parsed.documents for field in d.missing]
    return parsed
