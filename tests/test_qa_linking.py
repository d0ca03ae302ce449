"""Entity linking over the sample's catalogs: partial names, aliases, typos, numbers."""

from __future__ import annotations

import pytest
from qa_support import sample_qa

from qa.linking import variants


def _top(question: str, kind: str) -> str:
    links = sample_qa().ctx.catalog.link(question, kind, 1)
    return links[0].entity.name if links else ""


@pytest.mark.parametrize(
    ("mention", "group"),
    [
        ("房证同交小组", "吕梁市“房（地）证同交”工作领导小组"),
        ("房地证同交领导小组", "吕梁市“房（地）证同交”工作领导小组"),
        ("農林文旅康領導小組", "吕梁市农林文旅康产业融合发展试点工作推进领导小组"),
        ("就业领导小组", "吕梁市就业工作领导小组"),
        ("煤炭专班", "吕梁市煤炭增产保供和产能新增工作专班"),
        ("自建房整治领导小组", "吕梁市自建房安全专项整治工作领导小组"),
    ],
)
def test_partial_group_names_link(mention: str, group: str) -> None:
    assert _top(mention + "的组长是谁", "group") == group


def test_documents_link_by_number_in_any_bracket_style() -> None:
    catalog = sample_qa().ctx.catalog
    for written in (
        "吕政发〔2022〕7号",
        "吕政发[2022]7号",
        "吕政发（2022）7号",
        "吕政发【2022】第7号",
    ):
        doc = catalog.document_by_number(f"{written}是哪天印发的")
        assert doc is not None and doc.get("number") == "吕政发〔2022〕7号", written


def test_documents_link_by_short_title() -> None:
    assert "煤炭增产保供和产能新增工作方案" in _top("煤炭增产保供方案的咨询电话", "document")
    assert "加氢站建设管理办法" in _top("加氢站管理办法由谁解读", "document")


def test_agencies_link_through_aliases() -> None:
    catalog = sample_qa().ctx.catalog
    links = catalog.link("市发改委负责什么", "agency", 3)
    assert links and any("发" in lk.entity.name and "改" in lk.entity.name for lk in links)


def test_unrelated_questions_link_to_no_group() -> None:
    links = sample_qa().ctx.catalog.link("今天天气怎么样", "group", 1)
    assert not links or links[0].score < 0.45


def test_people_match_exactly_only() -> None:
    catalog = sample_qa().ctx.catalog
    assert [lk.entity.name for lk in catalog.link("卫海平是什么职务", "person", 1)] == ["卫海平"]
    assert catalog.link("卫海是什么职务", "person", 1) == []


def test_variants_give_short_forms() -> None:
    forms = variants("吕梁市“房（地）证同交”工作领导小组", "group")
    assert "房证同交工作领导小组" in forms and "房地证同交" in forms
    doc_forms = variants(
        "吕梁市人民政府办公室关于印发吕梁市加氢站建设管理办法（试行）的通知", "document"
    )
    assert "加氢站建设管理办法" in doc_forms
