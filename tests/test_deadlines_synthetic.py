"""Whole synthetic gazettes in the PDF-extracted layout, parsed through the pipeline: Chinese
numerals (某政办发〔2023〕9号), traditional characters (某政辦函〔2024〕3號) and another year
and place (某州政发〔2019〕21号). Expected rows: tests/data/deadlines_expected.json."""

from __future__ import annotations

import json

import pytest

from ingest.pipeline import parse_text
from ingest.records import Deadline
from ingest.text import normalise
from tests.conftest import DATA

EXPECTED = json.loads((DATA / "deadlines_expected.json").read_text(encoding="utf-8"))
FIELDS = (
    "surface",
    "kind",
    "due",
    "start",
    "frequency",
    "day",
    "count",
    "amount",
    "unit",
    "who",
    "to_whom",
    "what",
)


def _row(d: Deadline) -> dict[str, object]:
    row = {name: getattr(d, name) for name in FIELDS}
    row["due"] = d.due.isoformat() if d.due else None
    return {k: v for k, v in row.items() if v is not None}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_deadline_and_nothing_else(name: str) -> None:
    text = (DATA / name).read_text(encoding="utf-8")
    parsed = parse_text(text, name, "0" * 64)
    assert [_row(d) for d in parsed.deadlines] == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_provenance_is_the_line_printing_the_phrase(name: str) -> None:
    raw = (DATA / name).read_text(encoding="utf-8").split("\n")
    parsed = parse_text("\n".join(raw), name, "0" * 64)
    paragraphs = {p.id: p for p in parsed.paragraphs}
    for d in parsed.deadlines:
        p = paragraphs[d.paragraph]
        assert p.first_line <= d.first_line <= p.last_line
        assert normalise(d.surface)[:1] in normalise(raw[d.first_line - 1])


def test_traditional_gazette_keeps_its_characters() -> None:
    name = "deadlines_traditional.txt"
    parsed = parse_text((DATA / name).read_text(encoding="utf-8"), name, "0" * 64)
    monthly = parsed.deadlines[0]
    assert (monthly.surface, monthly.day, monthly.to_whom) == ("每月23日前", 23, "縣項目辦")
    assert any(d.surface == "5個工作日內" and d.unit == "working_day" for d in parsed.deadlines)
