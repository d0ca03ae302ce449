"""IRIs are derived from content: stable, normalised, one graph per file name."""

from __future__ import annotations

import pytest

from ingest.iri import GRAPH_BASE, ID_BASE, graph_iri, mint, normalise_key


@pytest.mark.parametrize(
    "variant",
    [
        "吕政发〔2022〕7号",
        "吕政发[2022]7号",
        "吕政发【2022】7号",
        "吕政发［2022］7号",
        "吕政发(2022)7号",
        "吕政发（2022）7号",
        "吕政发 〔2022〕 7 号",
        "吕政发〔２０２２〕７号",
    ],
)
def test_document_number_variants_share_one_iri(variant: str) -> None:
    assert mint("doc", variant) == mint("doc", "吕政发〔2022〕7号")


def test_iri_shape_and_stability() -> None:
    iri = mint("org", "吕梁市财政局")
    assert iri.startswith(ID_BASE + "org/")
    assert len(iri.rsplit("/", 1)[1]) == 16
    assert iri == "https://w3id.org/gazette-kg/id/org/" + iri.rsplit("/", 1)[1]
    assert mint("org", "吕梁市财政局") == iri  # same on every call


def test_kind_and_key_boundaries_matter() -> None:
    assert mint("org", "市财政局") != mint("person", "市财政局")
    assert mint("task", "ab", "c") != mint("task", "a", "bc")
    assert mint("org", "市财政局") != mint("org", "市税务局")


def test_normalisation_is_nfkc_and_whitespace_free() -> None:
    assert normalise_key(" 任 忠\u3000") == "任忠"
    assert normalise_key("（三）２") == "(三)2"


@pytest.mark.parametrize("kind", ["", "Doc", "文", "doc/x", "1doc"])
def test_bad_kind_is_refused(kind: str) -> None:
    with pytest.raises(ValueError, match="kind"):
        mint(kind, "x")


def test_graph_iri_from_file_name() -> None:
    assert graph_iri("lvliang-2022-04.txt") == GRAPH_BASE + "lvliang-2022-04.txt"
    assert graph_iri("/tmp/in/lvliang-2022-04.txt") == graph_iri("lvliang-2022-04.txt")
    assert graph_iri("吕梁 公报.txt").startswith(GRAPH_BASE + "%E5%90%95")
    assert " " not in graph_iri("吕梁 公报.txt")
    with pytest.raises(ValueError):
        graph_iri("/")
