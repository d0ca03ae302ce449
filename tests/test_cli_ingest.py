"""The `gazette-kg` CLI on real input: summaries, bad input, idempotence, the store left intact."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from gazette_kg_cli import main
from graph.store import GraphStore
from ingest.pipeline import SAMPLE


def _triples(store: Path) -> int:
    with GraphStore.open(store, read_only=True) as s:
        return s.triple_count()


def test_ingest_prints_summary_and_is_idempotent(tmp_path: Path, capsys) -> None:
    store = tmp_path / "store"
    assert main(["ingest", "--store", str(store)]) == 0
    out, err = capsys.readouterr()
    assert "28 documents" in out and "triples" in out
    assert "parsing" in err  # progress goes to stderr
    first = _triples(store)
    assert main(["ingest", "--force", str(SAMPLE), "--store", str(store)]) == 0
    assert "28 documents" in capsys.readouterr().out
    assert _triples(store) == first
    assert main(["ingest", str(SAMPLE), "--store", str(store)]) == 0
    assert "unchanged, skipped" in capsys.readouterr().out
    assert _triples(store) == first


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50, "binary"),
        ("utf16.txt", "关于印发的通知\n吕政发〔2022〕7号\n".encode("utf-16-le"), "UTF-16"),
        ("utf16bom.txt", "关于印发的通知\n".encode("utf-16"), "UTF-16"),
        ("prose.txt", "这是一篇普通的文章，不是公报。\n".encode(), "not a gazette"),
    ],
)
def test_bad_input_fails_in_one_line_and_leaves_the_store(
    tmp_path: Path, capsys, name: str, content: bytes, reason: str
) -> None:
    store = tmp_path / "store"
    assert main(["ingest", "--store", str(store)]) == 0
    before = _triples(store)
    bad = tmp_path / name
    bad.write_bytes(content)
    capsys.readouterr()
    # the bad file comes second: the good first file must not be written either
    other = tmp_path / "copy.txt"
    other.write_bytes(SAMPLE.read_bytes())
    assert main(["ingest", str(other), str(bad), "--store", str(store)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err[-1:]) == 1 and name in err[-1] and reason in err[-1]
    assert "Traceback" not in "\n".join(err)
    assert _triples(store) == before


def test_gb18030_input_is_detected(tmp_path: Path, capsys) -> None:
    gb = tmp_path / "gb.txt"
    gb.write_bytes(SAMPLE.read_text(encoding="utf-8").encode("gb18030"))
    store = tmp_path / "store"
    assert main(["ingest", str(gb), "--store", str(store)]) == 0
    assert "28 documents" in capsys.readouterr().out


def test_partly_parsed_document_is_kept_and_reported(tmp_path: Path, capsys) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    cut = next(i for i, line in enumerate(lines) if "现印发给你们" in line)
    truncated = tmp_path / "truncated.txt"
    truncated.write_text("\n".join(lines[: cut + 1]), encoding="utf-8")
    assert main(["ingest", str(truncated), "--store", str(tmp_path / "s")]) == 0
    out = capsys.readouterr().out
    assert "1 documents" in out and "no signing date" in out


def test_unusable_store_path_is_one_line_error(tmp_path: Path, capsys) -> None:
    a_file = tmp_path / "file"
    a_file.write_text("x")
    assert main(["ingest", "--store", str(a_file)]) == 1
    assert "is a file" in capsys.readouterr().err


def test_query_tables_and_validate(sample_store: Path, tmp_path: Path, capsys) -> None:
    sparql = (
        "PREFIX eli: <http://data.europa.eu/eli/ontology#> "
        "SELECT (COUNT(?d) AS ?n) WHERE { ?d a eli:LegalResource ; eli:title ?t }"
    )
    assert main(["query", sparql, "--store", str(sample_store)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert int(result["results"]["bindings"][0]["n"]["value"]) == 28
    assert main(["query", "SELECT * WHERE {", "--store", str(sample_store)]) == 1
    assert "error" in capsys.readouterr().err
    out = tmp_path / "tables"
    assert main(["tables", "--out", str(out), "--store", str(sample_store)]) == 0
    with (out / "documents.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 28 and all(r["doc_number"] and r["date"] for r in rows)
    assert (out / "documents.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert main(["validate", "--store", str(sample_store)]) == 0
