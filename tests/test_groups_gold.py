"""The groups of the dev gold (../shared/eval/dev/groups.json) come out of the sample exactly:
every member line (role, person, post, in printed order), office, director and name."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from ingest.records import Group, ParsedSource
from ingest.text import normalise
from tests.conftest import eval_file


def _gold() -> list[dict]:
    return json.loads(eval_file("dev/groups.json").read_text(encoding="utf-8"))


def _group(parsed: ParsedSource, doc_number: str) -> Group:
    found = [g for g in parsed.groups if g.doc_number == doc_number]
    assert len(found) == 1, f"{doc_number}: expected one group, got {[g.name for g in found]}"
    return found[0]


def test_memberships_match_gold_exactly(sample_parsed: ParsedSource) -> None:
    gold_groups = _gold()
    docs = {g["doc_number"] for g in gold_groups}
    gold = Counter(
        (g["doc_number"], m["role"], normalise(m["person"] or ""))
        for g in gold_groups
        for m in g["members"]
    )
    got = Counter(
        (g.doc_number, m.role, normalise(m.person or ""))
        for g in sample_parsed.groups
        if g.doc_number in docs
        for m in g.members
    )
    assert got == gold, f"missing {gold - got}, extra {got - gold}"


@pytest.mark.parametrize("index", range(3))
def test_group_fields_match_gold(sample_parsed: ParsedSource, index: int) -> None:
    gold = _gold()[index]
    group = _group(sample_parsed, gold["doc_number"])
    assert normalise(group.name) == normalise(gold["name"])
    assert group.office_at == gold["office_at"]
    assert group.office_director == gold["office_director"]
    expected = [(m["role"], m["person"], normalise(m["title"])) for m in gold["members"]]
    assert [(m.role, m.person, normalise(m.title)) for m in group.members] == expected


def test_member_records_keep_their_lines(sample_parsed: ParsedSource) -> None:
    for group in sample_parsed.groups:
        for m in group.members:
            assert m.first_line <= m.last_line
            assert m.paragraph.startswith(group.doc_number + "#p")
