"""The answer record and how it is worded.

An answer names its items first ("市能源局（牵头）；配合：市应急局…"), then the printed clause
it was read from, in at most ~200 characters; it carries the evidence paragraphs (document
number, title, page, line range, text) and the SPARQL that produced it. When the gazette does
not state the fact the answer says so ("公报未写明…") with found=False — it never guesses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from qa.evidence import Para

MAX_ANSWER = 200
MAX_SOURCES = 3


@dataclass
class Answer:
    """What `QA.ask` returns."""

    question: str
    answer: str
    found: bool
    intent: str
    sparql: str = ""
    sources: list[dict[str, Any]] = field(default_factory=list)
    highlights: list[str] = field(default_factory=list)  # the answer items, for UI highlighting

    def to_text(self) -> str:
        """Plain-text rendering for a terminal: the answer, then the evidence lines."""
        lines = [self.answer]
        for s in self.sources:
            first, last = s["lines"]
            lines.append(f"  — {s['doc_number']}《{s['title']}》第{s['page']}页 第{first}–{last}行")
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        """The JSON shape shared by the CLI and the app (exactly these keys)."""
        return {
            "question": self.question,
            "answer": self.answer,
            "found": self.found,
            "intent": self.intent,
            "sparql": self.sparql,
            "sources": [
                {
                    "doc_number": s["doc_number"],
                    "title": s["title"],
                    "page": s["page"],
                    "lines": list(s["lines"]),
                    "text": s["text"],
                }
                for s in self.sources
            ],
        }


def source(p: Para) -> dict[str, Any]:
    """The evidence record of one paragraph."""
    return {
        "doc_number": p.doc_number,
        "title": p.title,
        "page": p.page,
        "lines": [p.first_line, p.last_line],
        "text": p.text,
    }


def sources(paragraphs: list[Para]) -> list[dict[str, Any]]:
    """Evidence records of distinct paragraphs, in the given order, at most MAX_SOURCES."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for p in paragraphs:
        if p is None or p.id in seen:
            continue
        seen.add(p.id)
        out.append(source(p))
        if len(out) == MAX_SOURCES:
            break
    return out


def join(items: list[str], sep: str = "、") -> str:
    """Items joined in order without duplicates."""
    return sep.join(dict.fromkeys(i for i in items if i))


def clip(text: str, limit: int = MAX_ANSWER) -> str:
    """`text` cut to `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def compose(items: str, clause: str | None = None, limit: int = MAX_ANSWER) -> str:
    """The answer sentence: the items first, then the printed clause they come from."""
    items = items.strip()
    if not clause:
        return clip(items, max(limit, len(items)))
    room = limit - len(items) - 6
    if room < 20:
        return clip(items, max(limit, len(items)))
    return f"{items}（原文：{clip(clause.strip(), room)}）"


def found(
    question: str,
    intent: str,
    text: str,
    evidence: list[Para],
    sparql: str = "",
    highlights: list[str] | None = None,
) -> Answer:
    """A found answer: wording, evidence and the query that produced it."""
    return Answer(question, text, True, intent, sparql, sources(evidence), list(highlights or []))


def not_found(
    question: str, intent: str, what: str, evidence: list[Para] | None = None, sparql: str = ""
) -> Answer:
    """The gazette does not state it: say so plainly, keep any paragraph that was checked."""
    text = what if what.startswith(("未找到", "公报未写明", "公报未")) else f"未找到：{what}"
    return Answer(question, clip(text), False, intent, sparql, sources(evidence or []))
