"""Document metadata on gazettes of other shapes: [] and 【】 numbers, dates in Chinese numerals,
traditional characters, a 决定 without attachments, a 通知 forwarding a 办法 with 附件, a 批复
without a 咨询 box, a one-line 咨询 box, full-width digits in the number.

The gazettes are synthetic (tests/data/synthetic-*.txt), written in the PDF-extracted style of
the sample: a blank line after every printed line, lines broken at the column width, running
headers and page numbers, 咨询 boxes printed inside the next document's page.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.documents import assign_consult_boxes, parse_document
from ingest.pipeline import parse_text
from ingest.records import Document
from ingest.segment import find_documents, make_paragraphs
from ingest.text import build_blocks, split_lines

DATA = Path(__file__).parent / "data"


def pdf_text(lines: list[str]) -> str:
    """Printed lines in the extraction's style: a blank line after each."""
    return "".join(f"{line}\n\n" for line in lines)


def documents_of(text: str) -> list[Document]:
    """The documents stage of the pipeline alone: lines → spans → Document records."""
    lines, boxes = split_lines(text)
    spans = find_documents(lines)
    paragraphs = make_paragraphs(build_blocks(lines), spans, lines)
    docs = [
        parse_document(
            s, lines[s.start : s.end], [p for p in paragraphs if p.doc_number == s.number]
        )
        for s in spans
    ]
    return assign_consult_boxes(docs, boxes)


@pytest.fixture(scope="module")
def hexi() -> dict[str, Document]:
    text = (DATA / "synthetic-hexi-2021-03.txt").read_text(encoding="utf-8")
    return {d.number: d for d in documents_of(text)}


@pytest.fixture(scope="module")
def traditional() -> dict[str, Document]:
    text = (DATA / "synthetic-traditional-2021.txt").read_text(encoding="utf-8")
    return {d.number: d for d in documents_of(text)}


def test_numbers_with_any_brackets_are_normalised(hexi: dict[str, Document]) -> None:
    assert list(hexi) == [
        "河政发〔2021〕3号",
        "河政办发〔2021〕12号",
        "河政函〔2021〕8号",
        "河政办函〔2021〕5号",
    ]


def test_decision_without_attachments(hexi: dict[str, Document]) -> None:
    doc = hexi["河政发〔2021〕3号"]
    assert doc.title == "河西市人民政府关于表彰2020年度安全生产先进单位的决定"
    assert (doc.genre, doc.issuer, doc.signed) == ("决定", "河西市人民政府", date(2021, 3, 5))
    assert doc.recipients == "各县（区）人民政府，市直各部门"
    assert doc.publication_note == "（此件公开发布）"
    assert doc.attachments == () and doc.attached_title is None and doc.interpreted_by is None
    assert doc.cites == ("晋政发〔2020〕12号",)  # printed "（晋政\n发[2020]12 号）"
    assert (doc.consult_unit, doc.consult_phone) == ("河西市应急管理局", "0351-2345678")
    assert doc.missing == ()


def test_notice_forwarding_measures_with_attachments(hexi: dict[str, Document]) -> None:
    doc = hexi["河政办发〔2021〕12号"]
    assert doc.title == "河西市人民政府办公室关于印发河西市城市供水管理办法的通知"
    assert (doc.genre, doc.issuer, doc.signed) == (
        "通知",
        "河西市人民政府办公室",
        date(2021, 3, 18),
    )
    assert doc.recipients == "各县（区）人民政府，市直各有关单位，河西高新技术产业开发区管委会"
    assert doc.attached_title == "河西市城市供水管理办法"
    assert doc.attachments == ("河西市城市供水企业名录", "城市供水水质检测项目及频次表")
    assert doc.interpreted_by == "市水务局"
    assert doc.cites == ("建城〔2018〕42号",)
    assert doc.effective_text == "自2021年5月1日起施行"
    assert doc.effective_from == date(2021, 5, 1)
    assert (doc.validity_text, doc.valid_until) == ("有效期至2026年4月30日", date(2026, 4, 30))
    # its box is printed on one line inside the next document's first page
    assert (doc.consult_unit, doc.consult_phone) == ("河西市水务局", "0351-2345679")


def test_reply_without_consult_box_keeps_none(hexi: dict[str, Document]) -> None:
    doc = hexi["河政函〔2021〕8号"]
    assert (doc.genre, doc.recipients, doc.signed) == ("批复", "东城区人民政府", date(2021, 3, 25))
    assert doc.cites == ("东政报〔2021〕2号",)
    assert doc.consult_unit is None and doc.consult_phone is None


def test_full_width_number_and_validity_in_chinese_numerals(hexi: dict[str, Document]) -> None:
    doc = hexi["河政办函〔2021〕5号"]
    assert doc.interpreted_by == "市人力资源和社会保障局"  # broken across lines
    assert (doc.effective_text, doc.effective_from) == ("自印发之日起施行", date(2021, 3, 30))
    assert (doc.validity_text, doc.valid_until) == ("有效期为三年", date(2024, 3, 29))
    assert doc.cites == ("国办发〔2020〕27号",)
    assert (doc.consult_unit, doc.consult_phone) == ("河西市人社局", "0351-3456789")


def test_traditional_notice(traditional: dict[str, Document]) -> None:
    doc = traditional["河政办发〔2021〕20号"]
    assert (
        doc.title == "河西市人民政府辦公室關於印發河西市促進旅遊業發展若干措施的通知"
    )  # as printed
    assert (doc.genre, doc.issuer) == ("通知", "河西市人民政府辦公室")
    assert doc.signed == date(2021, 12, 31)  # 二〇二一年十二月三十一日
    assert doc.recipients == "各縣（區）人民政府，市直各有關單位"
    assert doc.attached_title == "河西市促進旅遊業發展若干措施"
    assert doc.cites == ("晋政办发〔2021〕88号",)  # normalised for linking
    assert doc.interpreted_by == "市文化和旅遊局"
    assert doc.valid_until == date(2023, 12, 30)  # 有效期為兩年 from the signing date
    assert (doc.consult_unit, doc.consult_phone) == ("河西市文化和旅遊局", "0351-5678901")


def test_traditional_decision_with_lenticular_brackets(traditional: dict[str, Document]) -> None:
    doc = traditional["河政发〔2022〕1号"]
    assert (doc.genre, doc.signed, doc.recipients) == (
        "决定",
        date(2022, 1, 10),
        "河西市第一建築公司",
    )
    assert doc.publication_note == "（此件公開發布）"
    assert doc.consult_unit == "河西市自然資源局"


UNSIGNED = pdf_text(
    [
        " 河西市人民政府",
        "关于调整河西市城区出租车运价的通知",
        "河政发〔2021〕9 号",
        "各县（区）人民政府，市直各部门：",
        "经研究，调整后的城区出租车运价自 2021",
        "年 7 月 1 日起施行。",
        "河西市人民政府",
        "（此件公开发布）",
    ]
)


def test_missing_signing_date_is_reported_and_warned() -> None:
    (doc,) = documents_of(UNSIGNED)
    assert doc.signed is None and doc.missing == ("signing date",)
    assert doc.effective_from == date(2021, 7, 1)
    warnings = parse_text(UNSIGNED, "unsigned.txt", "0" * 64).warnings
    assert "河政发〔2021〕9号: no signing date" in warnings
