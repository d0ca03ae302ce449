"""Numbered tasks / duties and the units assigned to them by role."""

from __future__ import annotations

from ingest.records import Document, Line, Paragraph, Task


def find_tasks(doc: Document, paragraphs: list[Paragraph], lines: list[Line]) -> list[Task]:
    """Tasks of one document with lead / responsible / cooperating units (stub)."""
    return []
