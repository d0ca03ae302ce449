"""The QA API: opening a store on disk, the JSON shape, sources, SPARQL, the retriever."""

from __future__ import annotations

from pathlib import Path

import pytest
from qa_support import sample_qa

from qa.api import QA, QAError


def test_to_json_has_exactly_the_documented_keys() -> None:
    answer = sample_qa().ask("就业工作领导小组组长是谁？")
    data = answer.to_json()
    assert list(data) == ["question", "answer", "found", "intent", "sparql", "sources"]
    source = data["sources"][0]
    assert list(source) == ["doc_number", "title", "page", "lines", "text"]
    assert len(source["lines"]) == 2 and source["lines"][0] <= source["lines"][1]
    assert answer.highlights == ["任忠"]


def test_graph_answers_keep_their_sparql_with_bound_values() -> None:
    answer = sample_qa().ask("就业工作领导小组组长是谁？")
    assert "SELECT" in answer.sparql and "VALUES (?group)" in answer.sparql


def test_answers_are_short_and_name_items_first() -> None:
    answer = sample_qa().ask("加快矿区总体规划和规划环评修编谁牵头？")
    assert answer.answer.startswith("市发改委")
    assert len(answer.answer) <= 260


def test_a_name_missing_from_the_member_list_is_not_guessed() -> None:
    answer = sample_qa().ask("煤炭增产保供和产能新增工作专班的副组长是谁？")
    assert answer.found is False and "未写明" in answer.answer
    assert answer.sources  # the member line that prints only the post


def test_open_refuses_a_folder_without_a_store(tmp_path: Path) -> None:
    with pytest.raises(QAError, match="ingest"):
        QA.open(tmp_path)


def test_open_reads_an_ingested_store(sample_store: Path) -> None:
    qa = QA.open(sample_store, retriever=False)
    answer = qa.ask("吕政发〔2022〕7号是哪天印发的？")
    assert answer.found and "2022年5月31日" in answer.answer
    assert qa.search("煤炭", 3) == []  # no retriever was built


@pytest.mark.slow
def test_hybrid_retriever_end_to_end(sample_store: Path, tmp_path: Path) -> None:
    qa = QA.open(sample_store, index_dir=tmp_path / "index")
    hits = qa.search("煤炭增产保供", 5)
    assert hits and "煤炭" in hits[0].passage.text + hits[0].passage.title
    answer = qa.ask("农村地区摩托车骑乘人员头盔佩戴率要力争达到多少？")
    assert answer.found and "90" in answer.answer
