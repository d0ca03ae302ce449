"""People named in member lines, each once, with every post printed beside the name."""

from __future__ import annotations

from ingest.records import Group, Person
from ingest.text import normalise


def collect_people(groups: list[Group]) -> list[Person]:
    """One Person per printed name across all groups and documents, in first-seen order,
    with every distinct post printed beside the name, in first-seen order.

    Names and posts compare after NFKC with whitespace removed ("王 吉" is "王吉"); the first
    printed form is kept. Member lines that print no name add nobody.
    """
    names: dict[str, str] = {}
    posts: dict[str, list[str]] = {}
    for group in groups:
        for member in group.members:
            if not member.person:
                continue
            key = normalise(member.person)
            names.setdefault(key, "".join(member.person.split()))
            seen = posts.setdefault(key, [])
            title = member.title.strip()
            if title and normalise(title) not in {normalise(p) for p in seen}:
                seen.append(title)
    return [Person(name=names[key], posts=tuple(posts[key])) for key in names]
