"""HTML fragments shared by the app's tabs: a cited passage with the answer marked, a fact line.

Everything printed comes from the gazette, so every string is escaped before it is wrapped in
markup; highlighting matches after whitespace is ignored, because gazette text breaks lines
(and so inserts spaces) anywhere inside a name.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

_SPLIT = re.compile(r"[、，,；;。\s]+")


@dataclass(frozen=True, slots=True)
class Passage:
    """Where a fact was read: document, page, lines, and the paragraph text."""

    doc_number: str
    title: str
    page: str
    first_line: str
    last_line: str
    text: str

    def where(self) -> str:
        """ "某政办发〔2023〕38号 · 第5页 · 第120–125行" style locator (parts that are known)."""
        parts = [self.doc_number] if self.doc_number else []
        if self.page:
            parts.append(f"第{self.page}页")
        if self.first_line:
            lines = (
                self.first_line
                if self.last_line in ("", self.first_line)
                else f"{self.first_line}–{self.last_line}"
            )
            parts.append(f"第{lines}行")
        return " · ".join(parts)


def needles_of(answer: str) -> list[str]:
    """The pieces of an answer worth marking in a passage (a list answer is split on 、，；)."""
    whole = answer.strip()
    pieces = [p for p in _SPLIT.split(whole) if len(p) >= 2]
    return [whole, *pieces] if whole else pieces


def highlight(text: str, needles: Iterable[str]) -> str:
    """`text` escaped, with every occurrence of any needle wrapped in <mark>."""
    spans: list[tuple[int, int]] = []
    for needle in needles:
        pattern = _spaced(needle)
        if pattern is None:
            continue
        spans += [(m.start(), m.end()) for m in pattern.finditer(text)]
    out, pos = [], 0
    for start, end in _merge(spans):
        out += [html.escape(text[pos:start]), "<mark>", html.escape(text[start:end]), "</mark>"]
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def passage_html(p: Passage, needles: Iterable[str] = (), open_: bool = False) -> str:
    """A folded passage: the locator as summary, the text (answer marked) inside."""
    title = f"<div class='gkg-title'>{html.escape(p.title)}</div>" if p.title else ""
    return (
        f"<details class='gkg-passage'{' open' if open_ else ''}>"
        f"<summary>{html.escape(p.where() or '出处')}</summary>{title}"
        f"<blockquote>{highlight(p.text, needles)}</blockquote></details>"
    )


def fact_html(label: str, value: str, passage: Passage | None) -> str:
    """One fact: label, value, and the passage it was read from (folded)."""
    source = (
        passage_html(passage, needles_of(value))
        if passage
        else "<span class='gkg-nosource'>（无出处）</span>"
    )
    return f"<div class='gkg-fact'><b>{html.escape(label)}</b>：{html.escape(value)}{source}</div>"


def _spaced(needle: str) -> re.Pattern[str] | None:
    chars = [c for c in needle if not c.isspace()]
    if not chars:
        return None
    return re.compile(r"\s*".join(re.escape(c) for c in chars))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        elif end > start:
            merged.append((start, end))
    return merged


CSS = """
.gkg-passage summary { cursor: pointer; color: var(--link-text-color, #2563eb); font-size: 0.9em; }
.gkg-passage blockquote { margin: 0.3em 0 0.6em 0; padding: 0.4em 0.8em; border-left: 3px solid #999;
  white-space: pre-wrap; }
.gkg-passage mark { background: #ffe066; padding: 0 1px; }
.gkg-title { font-size: 0.85em; color: #666; }
.gkg-fact { margin: 0.35em 0; }
.gkg-nosource { color: #999; font-size: 0.85em; }
.gkg-page h3 { margin-top: 1em; }
"""
