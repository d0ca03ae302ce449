"""The dev question set (../shared/eval/dev_qa.json) stays above the project's targets."""

from __future__ import annotations

import json

from conftest import eval_file
from qa_support import norm, sample_qa


def test_dev_questions_meet_the_targets() -> None:
    gold = json.loads(eval_file("dev_qa.json").read_text(encoding="utf-8"))
    right = {"all": [0, 0], "negative": [0, 0]}
    for g in gold:
        answer = sample_qa().ask(g["question"])
        if answer.found:
            assert answer.sources, g["question"]
        if g["type"] == "negative":
            ok = answer.found is False
        else:
            head = norm(answer.answer)[:400]
            ok = answer.found and all(any(norm(a) in head for a in alts) for alts in g["answers"])
        for key in ("all", "negative") if g["type"] == "negative" else ("all",):
            right[key][0] += ok
            right[key][1] += 1
    assert right["all"][0] / right["all"][1] >= 0.9, right
    assert right["negative"][0] / right["negative"][1] >= 0.9, right
