"""`gazette-kg ask` / `search` as a user runs them: JSONL contract, one-line errors."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from gazette_kg_cli import main


def test_ask_without_store_is_a_one_line_error(tmp_path: Path, capsys) -> None:
    assert main(["ask", "谁是组长", "--store", str(tmp_path / "none")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "gazette-kg ingest" in err


@pytest.mark.slow
def test_unloadable_embedding_model_is_a_one_line_error(sample_store: Path, capsys) -> None:
    code = main(["ask", "谁是组长", "--store", str(sample_store), "--embedding-model", "no/such"])
    assert code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert "no/such" in err[-1] and "Traceback" not in "\n".join(err)


@pytest.mark.slow
def test_ask_jsonl_and_search_jsonl(sample_store: Path, monkeypatch, capsys) -> None:
    questions = "就业工作领导小组组长是谁？\n这期公报里不存在的单位的电话是多少？\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(questions))
    assert main(["ask", "--jsonl", "--store", str(sample_store)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 2
    for row in rows:
        assert set(row) >= {"question", "answer", "found", "intent", "sparql", "sources"}
    assert rows[0]["found"] and rows[0]["sources"]
    source = rows[0]["sources"][0]
    assert set(source) >= {"doc_number", "title", "page", "lines", "text"}
    assert len(source["lines"]) == 2 and source["lines"][0] <= source["lines"][1]
    assert rows[1]["found"] is False

    monkeypatch.setattr("sys.stdin", io.StringIO("煤炭增产保供\n"))
    assert main(["search", "--jsonl", "-k", "3", "--store", str(sample_store)]) == 0
    (result,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert result["query"] == "煤炭增产保供" and len(result["results"]) == 3
    assert all({"text", "doc_number", "lines", "score"} <= set(r) for r in result["results"])
