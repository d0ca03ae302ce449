"""Deadlines: absolute, recurring, relative and period time limits on obligations."""

from __future__ import annotations

from ingest.records import Deadline, Document, Paragraph, Task


def find_deadlines(doc: Document, paragraphs: list[Paragraph], tasks: list[Task]) -> list[Deadline]:
    """Deadline phrases of one document, typed and resolved against the document's year (stub)."""
    return []
