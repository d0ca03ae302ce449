"""Hostile or odd input gets a normal answer or a plain not-found, never an exception."""

from __future__ import annotations

import pytest
from qa_support import sample_qa

HOSTILE = [
    "",
    "   ",
    '"',
    "'",
    "{",
    "}",
    "\\",
    "\x00\x01",
    "？？？",
    "🙂",
    '"; DROP GRAPH <urn:x> ; SELECT * WHERE { ?s ?p ?o }',
    "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1",
    '组长是谁"}} UNION {?s ?p ?o',
    "FILTER(?x) OPTIONAL { ?a ?b ?c }",
    "<script>alert(1)</script>",
    "x" * 5000,
    "房证同交" * 400,
    '吕政发〔2022〕7号"} 是哪天印发的',
    "吕政发〔2022〕99999号是哪天印发的",
]


@pytest.mark.parametrize("question", HOSTILE, ids=lambda q: repr(q[:20]))
def test_hostile_input_is_answered_calmly(question: str) -> None:
    before = len(sample_qa().ctx.store)
    answer = sample_qa().ask(question)
    data = answer.to_json()
    assert set(data) == {"question", "answer", "found", "intent", "sparql", "sources"}
    assert isinstance(data["found"], bool) and data["answer"]
    assert answer.intent != "error", answer.answer
    if not answer.found:
        assert "未找到" in answer.answer or "未写明" in answer.answer
    assert len(sample_qa().ctx.store) == before  # nothing was written


def test_unknown_document_number_is_not_guessed() -> None:
    answer = sample_qa().ask("吕政发〔2022〕99999号是哪天印发的")
    assert answer.found is False


def test_non_string_question_does_not_raise() -> None:
    assert sample_qa().ask(None).found is False  # type: ignore[arg-type]
