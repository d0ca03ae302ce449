"""Regression: every field of the 28 documents of the sample gazette matches the dev gold."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from ingest.records import Document, ParsedSource

GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "documents.json"
GOLD_DOCS = json.loads(GOLD.read_text(encoding="utf-8")) if GOLD.exists() else []


def norm(value: object) -> str:
    """The scorer's comparison form: NFKC, whitespace removed, brackets of numbers unified."""
    text = "".join(unicodedata.normalize("NFKC", "" if value is None else str(value)).split())
    return text.translate(str.maketrans("[]【】", "〔〕〔〕"))


def fields(doc: Document) -> dict[str, object]:
    """A document in the gold's field names."""
    return {
        "title": doc.title,
        "issuer": doc.issuer,
        "date": doc.signed.isoformat() if doc.signed else None,
        "recipients": doc.recipients,
        "doc_type": doc.genre,
        "attached_title": doc.attached_title,
        "interpreted_by": doc.interpreted_by,
        "consult_unit": doc.consult_unit,
        "consult_phone": doc.consult_phone,
        "cited_documents": [norm(n) for n in doc.cites],
    }


@pytest.mark.skipif(not GOLD_DOCS, reason=f"{GOLD} not available")
def test_documents_found_in_order(sample_parsed: ParsedSource) -> None:
    assert [norm(d.number) for d in sample_parsed.documents] == [
        norm(g["doc_number"]) for g in GOLD_DOCS
    ]


@pytest.mark.parametrize("gold", GOLD_DOCS, ids=[g["doc_number"] for g in GOLD_DOCS])
def test_document_fields_match_gold(sample_parsed: ParsedSource, gold: dict) -> None:
    by_number = {norm(d.number): d for d in sample_parsed.documents}
    doc = by_number[norm(gold["doc_number"])]
    got = fields(doc)
    expected = {name: gold[name] for name in got}
    expected["cited_documents"] = [norm(n) for n in gold["cited_documents"]]
    wrong = {
        name: (expected[name], got[name])
        for name in got
        if (norm(expected[name]) if name != "cited_documents" else expected[name])
        != (norm(got[name]) if name != "cited_documents" else got[name])
    }
    assert not wrong, f"(gold, got) per field: {wrong}"
    assert doc.first_line == gold["start_line"]
    assert not doc.missing


def test_sample_has_no_document_warnings(sample_parsed: ParsedSource) -> None:
    assert not [w for w in sample_parsed.warnings if ": no " in w]
