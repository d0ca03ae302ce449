"""Leading groups / task forces and their member lines."""

from __future__ import annotations

from ingest.records import Document, Group, Line, Paragraph


def find_groups(doc: Document, paragraphs: list[Paragraph], lines: list[Line]) -> list[Group]:
    """Groups set up or named in one document, with memberships (stub)."""
    return []
