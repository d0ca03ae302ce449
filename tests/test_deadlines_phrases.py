"""Time phrases one sentence at a time: typed, resolved, linked — and the dates that are not
deadlines. Cases are data: tests/data/deadline_phrases.json (a document of 2023)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ingest.deadlines import document_year, find_deadlines
from ingest.records import Deadline, Document, Paragraph
from ingest.timephrases import cn_number, find_time_phrases
from tests.conftest import DATA

CASES = json.loads((DATA / "deadline_phrases.json").read_text(encoding="utf-8"))
FIELDS = (
    "surface",
    "kind",
    "due",
    "start",
    "frequency",
    "day",
    "count",
    "amount",
    "unit",
    "who",
    "to_whom",
)


def _doc(number: str = "某政发〔2023〕5号", signed: date | None = None) -> Document:
    return Document(
        number=number,
        title="",
        genre="",
        issuer="",
        signed=signed,
        recipients="",
        first_line=1,
        last_line=1,
        page=1,
    )


def _row(d: Deadline) -> dict[str, object]:
    row = {name: getattr(d, name) for name in FIELDS}
    row["due"] = d.due.isoformat() if d.due else None
    return {k: v for k, v in row.items() if v is not None}


def _deadlines(text: str, doc: Document | None = None) -> list[Deadline]:
    doc = doc or _doc()
    p = Paragraph(
        id=f"{doc.number}#p9",
        doc_number=doc.number,
        order=9,
        text=text,
        first_line=1,
        last_line=1,
        page=1,
    )
    return find_deadlines(doc, [p], [])


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:24] for c in CASES])
def test_phrase(case: dict) -> None:
    assert [_row(d) for d in _deadlines(case["text"])] == case["deadlines"]


@pytest.mark.parametrize(
    "text, value",
    [
        ("23", 23),
        ("二〇二二", 2022),
        ("十五", 15),
        ("二十三", 23),
        ("三十一", 31),
        ("两", 2),
        ("十", 10),
        ("一百二十", 120),
        ("２０", 20),
    ],
)
def test_cn_number(text: str, value: int) -> None:
    assert cn_number(text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))) == value


def test_year_missing_is_the_signing_year_then_the_number_year() -> None:
    assert document_year(_doc()) == 2023
    assert document_year(_doc(signed=date(2024, 1, 5))) == 2024
    [d] = _deadlines("各县要于7月25日前报送。", _doc(signed=date(2024, 1, 5)))
    assert d.due == date(2024, 7, 25)


def test_a_period_over_before_signing_is_a_report() -> None:
    signed = _doc(signed=date(2023, 9, 1))
    assert _deadlines("2023年6月－7月底，全市开展专项排查。", signed) == []
    assert len(_deadlines("2023年6月－12月底，全市开展专项排查。", signed)) == 1


def test_offsets_point_into_the_printed_text() -> None:
    text = "各县（市、區）要於 2023 年 7 月 31\u3000日前將方案報送市應急管理局。"
    [ph] = find_time_phrases(text, 2023)
    assert text[ph.start : ph.end] == "2023 年 7 月 31\u3000日前"
    assert ph.due == date(2023, 7, 31)


def test_fullwidth_digits() -> None:
    [d] = _deadlines("各单位须于１２月１５日前完成。")
    assert (d.surface, d.due) == ("１２月１５日前", date(2023, 12, 15))
