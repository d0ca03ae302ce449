"""Regression over the dev gold (../shared/eval/dev/deadlines.json) on the bundled sample,
matched the way score_tables.py matches: document + when_text substring either way after
removing 应于/应在/于/在; every extra row in a gold document counts against precision."""

from __future__ import annotations

import json
import re

from ingest.records import Deadline, ParsedSource
from ingest.text import normalise
from tests.conftest import eval_file


def _when(text: str | None) -> str:
    return re.sub(r"^(应于|应在|于|在)", "", normalise(text or ""))


def _resolved(d: Deadline) -> object:
    if d.kind == "absolute":
        return d.due.isoformat() if d.due else None
    if d.kind == "period":
        return {"start": d.start, "end": d.due.isoformat() if d.due else None}
    if d.kind == "recurring":
        return {k: v for k, v in (("freq", d.frequency), ("day", d.day), ("count", d.count)) if v}
    return None


def _match(sample_parsed: ParsedSource) -> tuple[list[tuple[dict, Deadline]], list[dict], int]:
    gold = json.loads(eval_file("dev/deadlines.json").read_text(encoding="utf-8"))
    docs = {g["doc_number"] for g in gold}
    pool = [d for d in sample_parsed.deadlines if d.doc_number in docs]
    pairs, missing = [], []
    for g in gold:
        key = _when(g["when_text"])
        hit = next(
            (
                d
                for d in pool
                if d.doc_number == g["doc_number"]
                and (key in _when(d.surface) or _when(d.surface) in key)
            ),
            None,
        )
        if hit is None:
            missing.append(g)
            continue
        pool.remove(hit)
        pairs.append((g, hit))
    return pairs, missing, len(pool)


def test_f1_on_the_dev_gold(sample_parsed: ParsedSource) -> None:
    pairs, missing, extra = _match(sample_parsed)
    precision = len(pairs) / (len(pairs) + extra)
    recall = len(pairs) / (len(pairs) + len(missing))
    assert 2 * precision * recall / (precision + recall) >= 0.9, (missing, extra)


def test_kinds_and_resolved_values(sample_parsed: ParsedSource) -> None:
    pairs, _, _ = _match(sample_parsed)
    wrong = [
        (g["when_text"], g["kind"], g["resolved"], d.kind, _resolved(d))
        for g, d in pairs
        if (g["kind"], g["resolved"]) != (d.kind, _resolved(d))
    ]
    assert wrong == []


def test_party_and_recipient(sample_parsed: ParsedSource) -> None:
    pairs, _, _ = _match(sample_parsed)
    same = sum(
        normalise(g["who"] or "") == normalise(d.who or "")
        and normalise(g["to_whom"] or "") == normalise(d.to_whom or "")
        for g, d in pairs
    )
    assert same >= 0.9 * len(pairs)


def test_not_deadlines_in_the_sample(sample_parsed: ParsedSource) -> None:
    surfaces = {normalise(d.surface) for d in sample_parsed.deadlines}
    # signing dates, statistics, plan periods and horizons, validity of a document
    for text in (
        "2022年6月12日",
        "2021年底",
        "2020—2035年",
        "2022-2035",
        "2023年12月31日",
        "2022年度",
        "3年左右",
    ):
        assert not any(text in s for s in surfaces), text


def test_every_deadline_sits_on_its_line(sample_parsed: ParsedSource) -> None:
    from ingest.pipeline import SAMPLE

    raw = SAMPLE.read_text(encoding="utf-8").split("\n")
    for d in sample_parsed.deadlines:
        assert normalise(d.surface)[:1] in normalise(raw[d.first_line - 1]), d
