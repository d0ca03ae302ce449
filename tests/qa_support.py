"""QA objects shared by the tests/test_qa_*.py modules, each built once per test process.

Plain cached functions rather than conftest fixtures, so the QA tests add nothing to the
shared conftest.py. Stores are in-memory pyoxigraph stores built with ingest.to_rdf, as the
graph tests do; the retriever is left out (lexical ranking only) except in the slow test
that exercises the real hybrid retriever.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from pathlib import Path

import pyoxigraph as ox

from ingest.pipeline import SAMPLE, parse_file
from ingest.to_rdf import to_quads
from qa.api import QA

DATA = Path(__file__).parent / "data"
CASES = DATA / "qa_cases.json"
# Small gazettes of other cities and years whose groups the QA cases ask about.
OTHER_CITIES = ("groups-yunshan-2023-02.txt", "groups-heshan-2021-07.txt")


@functools.cache
def sample_store() -> ox.Store:
    """An in-memory store holding the bundled sample gazette."""
    store = ox.Store()
    store.extend(to_quads(parse_file(SAMPLE)))
    return store


@functools.cache
def sample_qa() -> QA:
    """QA over the sample, lexical ranking only (fast to build)."""
    return QA.from_store(sample_store(), retriever=False)


@functools.cache
def other_cities_qa() -> QA:
    """QA over gazettes of other cities (one named graph each), lexical ranking only."""
    store = ox.Store()
    for name in OTHER_CITIES:
        store.extend(to_quads(parse_file(DATA / name)))
    return QA.from_store(store, retriever=False)


def cases(section: str) -> list[dict]:
    """The QA cases of one section of tests/data/qa_cases.json."""
    return json.loads(CASES.read_text(encoding="utf-8"))[section]


def norm(text: str) -> str:
    """NFKC, whitespace removed (the scorer's comparison form)."""
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def satisfied(answer: str, expect: list[list[str]]) -> bool:
    """Every inner list has an alternative in the first 400 characters (as score_qa.py)."""
    head = norm(answer)[:400]
    return all(any(norm(alt) in head for alt in alts) for alts in expect)
