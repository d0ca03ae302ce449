"""People named in member lines, each once, with every post printed beside the name."""

from __future__ import annotations

from ingest.records import Group, Person


def collect_people(groups: list[Group]) -> list[Person]:
    """One Person per printed name, posts in first-seen order (stub)."""
    return []
