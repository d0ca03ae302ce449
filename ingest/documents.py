"""Document metadata: number, title, genre, issuer, date, addressees, 咨询 box, citations …"""

from __future__ import annotations

from ingest.records import ConsultBox, Document, Line, Paragraph
from ingest.segment import DocSpan


def parse_document(span: DocSpan, lines: list[Line], paragraphs: list[Paragraph]) -> Document:
    """The metadata of one document from its own lines and paragraphs (stub: title only)."""
    title = "".join(line.text for line in span.title_lines)
    return Document(
        number=span.number, title=title, genre="", issuer="", signed=None, recipients="",
        first_line=lines[0].number, last_line=lines[-1].number, page=lines[0].page,
    )


def assign_consult_boxes(documents: list[Document], boxes: list[ConsultBox]) -> list[Document]:
    """Attach each 咨询 box to the document it belongs to (stub: unchanged)."""
    return documents
