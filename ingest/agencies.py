"""Agencies: one record per real body, with every printed alias."""

from __future__ import annotations

from ingest.records import Agency, Document, Group, Paragraph, Task


def resolve_agencies(
    documents: list[Document], paragraphs: list[Paragraph], groups: list[Group], tasks: list[Task]
) -> list[Agency]:
    """Cluster every printed unit name into agencies with aliases (stub)."""
    return []
