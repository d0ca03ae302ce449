"""The probe question set (tests/data/qa_probe.json) stays above its targets.

The probe set asks, in the dev_qa.json format, about other groups, tasks, documents, figures and
people of the sample than ../shared/eval/dev_qa.json does, with colloquial, traditional and
misspelt variants and questions the gazette does not answer. Lexical ranking only (no model).
"""

from __future__ import annotations

import json
from collections import Counter

from qa_support import DATA, norm, sample_qa

PROBE = DATA / "qa_probe.json"


def _correct(gold: dict, found: bool, answer: str) -> bool:
    if gold["type"] == "negative":
        return found is False
    head = norm(answer)[:400]
    return found and all(any(norm(a) in head for a in alts) for alts in gold["answers"])


def test_probe_set_is_well_formed() -> None:
    gold = json.loads(PROBE.read_text(encoding="utf-8"))
    assert len(gold) >= 80 and len({g["id"] for g in gold}) == len(gold)
    types = Counter(g["type"] for g in gold)
    assert len(types) == 10 and types["negative"] >= 12
    assert all(g["answers"] and all(alts for alts in g["answers"]) for g in gold)


def test_probe_questions_meet_the_targets() -> None:
    gold = json.loads(PROBE.read_text(encoding="utf-8"))
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    wrong = []
    for g in gold:
        answer = sample_qa().ask(g["question"])
        if answer.found:
            assert answer.sources, g["question"]
        ok = _correct(g, answer.found, answer.answer)
        right[g["type"]] += ok
        total[g["type"]] += 1
        if not ok:
            wrong.append((g["id"], g["question"], answer.answer[:80]))
    assert sum(right.values()) / sum(total.values()) >= 0.95, wrong
    assert right["negative"] == total["negative"], wrong  # never a guessed name or number
