"""The field readers of ingest.documents on short printed forms."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.documents import cited_numbers, compact, genre_of, parse_date, parse_document
from ingest.fold import fold
from ingest.segment import find_documents
from ingest.text import join_text, split_lines


def pdf_text(lines: list[str]) -> str:
    """Printed lines in the extraction's style: a blank line after each."""
    return "".join(f"{line}\n\n" for line in lines)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022 年 5 月 31 日", date(2022, 5, 31)),
        ("二〇二一年三月五日", date(2021, 3, 5)),
        ("二○二一年十二月三十一日", date(2021, 12, 31)),
        ("二〇二二年十月二十日", date(2022, 10, 20)),
        ("２０２２年６月８日", date(2022, 6, 8)),
        ("2022年2月30日", None),
        ("无日期", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("title", "genre"),
    [
        ("吕梁市人民政府关于收回…国有建设用地使用权的决定", "决定"),
        ("吕梁市人民政府办公室关于印发吕梁市加氢站建设管理办法（试行）的通知", "通知"),
        ("吕梁市人民政府办公室关于印发吕梁市开展农林文旅康产业融合试点工作的意见", "意见"),
        ("吕梁市人民政府办公室关于加强农村道路交通安全管理工作的实施意见", "意见"),
        ("吕梁市人民政府关于同意调配用水指标的批复", "批复"),
        ("某市人民政府关于商请支持某项目的函", "函"),
        ("某市人民政府辦公室關於印發某辦法的通知", "通知"),
        ("某市人民政府關於某事項的決定", "决定"),
        ("某市加氢站建设管理办法（试行）", "办法"),
        ("某市人民政府关于某事项", ""),
    ],
)
def test_genre_is_the_last_genre_word(title: str, genre: str) -> None:
    assert genre_of(title) == genre


def test_cites_broken_across_lines_normalised_in_order() -> None:
    text = join_text(
        [
            "根据《关于加强农村道路交通安全管理工作的意见》（晋政办发",
            "〔2021〕88 号）和《民政部关于做好村规民约工作的指导意见》（民发〔2018〕144号），",
            "依据晋政发［2022］2号文件和财建[2020]394 号、国办发【2020】第27号，再次重申晋政办发〔2021〕88号。",
            "本通知吕政发〔2022〕7号不算。",
        ]
    )
    assert cited_numbers(fold(compact(text)), exclude="吕政发〔2022〕7号") == (
        "晋政办发〔2021〕88号",
        "民发〔2018〕144号",
        "晋政发〔2022〕2号",
        "财建〔2020〕394号",
        "国办发〔2020〕27号",
    )


def test_compact_keeps_spaces_between_latin_words() -> None:
    assert (
        compact("关于吕梁新区 BF－07 BF－09 BF－11 局部 2022 年")
        == "关于吕梁新区BF－07 BF－09 BF－11局部2022年"
    )


WIDE = pdf_text(
    [
        "某市人民政府办公室",
        "关于印发某市促进消费若干措施的通知",
        "某政办发〔2022〕3 号",
        "各县（市、区）人民政府，市直各有关单位，某经济技术开发区： 经市人民政府同意，现将《某市促进消费若干措施》印发给你们，请认真贯彻执行。",
        "附件：某市促进消费重点项目清单（见网络版）",
        "某市人民政府办公室 2022 年 3 月 8 日",
        "（此件依申请公开）",
        "某市促进消费若干措施",
        "一、本措施自 2022 年 4 月 1 日起施行，期限截至 2022 年 12 月 31 日。",
        "本措施由市商务局负责政策解读。",
    ]
)


def test_wide_layout_with_glued_recipients_and_signature_on_one_line() -> None:
    lines, _ = split_lines(WIDE)
    (span,) = find_documents(lines)
    doc = parse_document(span, lines[span.start : span.end], [])
    assert doc.recipients == "各县（市、区）人民政府，市直各有关单位，某经济技术开发区"
    assert (doc.issuer, doc.signed) == ("某市人民政府办公室", date(2022, 3, 8))
    assert doc.publication_note == "（此件依申请公开）"
    assert doc.attached_title == "某市促进消费若干措施"
    assert doc.attachments == ("某市促进消费重点项目清单",)
    assert doc.interpreted_by == "市商务局"
    assert (doc.effective_from, doc.valid_until) == (date(2022, 4, 1), date(2022, 12, 31))
    assert doc.validity_text == "期限截至2022年12月31日"
    assert doc.missing == ()


NO_RECIPIENTS = pdf_text(
    [
        "某市人民政府关于进一步做好防汛工作的通知",
        "某政发〔2022〕5 号",
        "为切实做好今年防汛工作，保障人民群众",
        "生命财产安全，现就有关事项通知如下：",
        "一、压实防汛责任。",
        "某市人民政府",
        "二〇二二年六月一日",
    ]
)


def test_body_opening_is_not_taken_for_recipients() -> None:
    lines, _ = split_lines(NO_RECIPIENTS)
    (span,) = find_documents(lines)  # issuer and 关于 printed on one line
    doc = parse_document(span, lines[span.start : span.end], [])
    assert doc.title == "某市人民政府关于进一步做好防汛工作的通知"
    assert (doc.issuer, doc.signed) == ("某市人民政府", date(2022, 6, 1))
    assert doc.recipients == ""
    assert doc.missing == ("recipients",)
