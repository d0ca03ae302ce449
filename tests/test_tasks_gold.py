"""Tasks of the sample against the dev gold (../shared/eval/dev/tasks.json), task by task."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from ingest.records import ParsedSource, Task
from ingest.text import normalise
from tests.conftest import eval_file

ROLES = {
    "lead": "lead_units",
    "responsible": "responsible_units",
    "cooperating": "cooperating_units",
}


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return json.loads(eval_file("dev/tasks.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def mine(sample_parsed: ParsedSource, gold: list[dict]) -> list[Task]:
    docs = {g["doc_number"] for g in gold}
    return [t for t in sample_parsed.tasks if t.doc_number in docs]


def _units(task: Task, role: str) -> list[str]:
    return [u.unit for u in task.units if u.role == role]


def test_same_tasks_in_the_same_order(gold: list[dict], mine: list[Task]) -> None:
    assert [(g["doc_number"], g["task_id"]) for g in gold] == [
        (t.doc_number, t.task_id) for t in mine
    ]


def test_units_by_role_match_the_gold_task_by_task(gold: list[dict], mine: list[Task]) -> None:
    for g, t in zip(gold, mine, strict=True):
        for role, field in ROLES.items():
            assert _units(t, role) == g[field], (g["doc_number"], g["task_id"], role)


def test_scored_pairs_give_f1_of_one(gold: list[dict], mine: list[Task]) -> None:
    want = Counter(
        (g["doc_number"], r, normalise(u)) for g in gold for r, f in ROLES.items() for u in g[f]
    )
    got = Counter((t.doc_number, u.role, normalise(u.unit)) for t in mine for u in t.units)
    assert want == got


def test_heading_raw_assignment_and_first_line(gold: list[dict], mine: list[Task]) -> None:
    for g, t in zip(gold, mine, strict=True):
        where = (g["doc_number"], g["task_id"])
        assert normalise(t.heading) == normalise(g["heading"]), where
        assert normalise(t.raw_assignment) == normalise(g["raw_assignment"]), where
        assert t.first_line == g["line"], where
        assert t.first_line <= t.last_line


def test_task_text_holds_its_assignment(mine: list[Task]) -> None:
    for t in mine:
        assert normalise(t.raw_assignment) in normalise(t.text)
