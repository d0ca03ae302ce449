"""Which document a 咨询 box belongs to: in order, after the document starts, the closest
document that ended before the box, never a box for a document printed later."""

from __future__ import annotations

from ingest.documents import assign_consult_boxes
from ingest.records import ConsultBox, Document


def doc(number: str, first: int, last: int, interpreted_by: str | None = None) -> Document:
    return Document(
        number=number,
        title="",
        genre="通知",
        issuer="某市人民政府",
        signed=None,
        recipients="",
        first_line=first,
        last_line=last,
        page=1,
        interpreted_by=interpreted_by,
    )


def box(unit: str, line: int) -> ConsultBox:
    return ConsultBox(unit=unit, phone=f"8{line:06d}", first_line=line, last_line=line + 2)


def units(documents: list[Document]) -> list[str | None]:
    return [d.consult_unit for d in documents]


def test_each_box_printed_in_the_next_document_goes_to_the_previous_one() -> None:
    docs = [doc("A", 1, 100), doc("B", 101, 200), doc("C", 201, 300)]
    boxes = [box("甲局", 120), box("乙局", 230), box("丙局", 302)]
    assert units(assign_consult_boxes(docs, boxes)) == ["甲局", "乙局", "丙局"]


def test_two_boxes_after_two_documents_keep_their_order() -> None:
    docs = [doc("A", 1, 100), doc("B", 101, 200), doc("C", 201, 300)]
    boxes = [box("甲局", 150), box("乙局", 202), box("丙局", 206)]
    assert units(assign_consult_boxes(docs, boxes)) == ["甲局", "乙局", "丙局"]


def test_document_without_box_in_the_middle() -> None:
    # A's box is printed on B's first page; B has none; C's box follows C.
    docs = [doc("A", 1, 100), doc("B", 101, 200), doc("C", 201, 300)]
    boxes = [box("甲局", 110), box("丙局", 305)]
    assert units(assign_consult_boxes(docs, boxes)) == ["甲局", None, "丙局"]


def test_box_before_every_document_is_dropped() -> None:
    docs = [doc("A", 10, 100)]
    assert units(assign_consult_boxes(docs, [box("甲局", 3), box("乙局", 120)])) == ["乙局"]


def test_interpreting_unit_that_disagrees_outweighs_position() -> None:
    # the box follows B's end, but B is interpreted by another body and A by the box's unit
    docs = [doc("A", 1, 100, "市农业农村局"), doc("B", 101, 200, "市水利局"), doc("C", 201, 300)]
    boxes = [box("某市农业农村局", 230)]
    assert units(assign_consult_boxes(docs, boxes)) == ["某市农业农村局", None, None]


def test_position_decides_when_units_say_nothing() -> None:
    docs = [doc("A", 1, 100), doc("B", 101, 200), doc("C", 201, 300)]
    assert units(assign_consult_boxes(docs, [box("某市农业农村局", 230)])) == [
        None,
        "某市农业农村局",
        None,
    ]


def test_no_boxes_and_no_documents() -> None:
    docs = [doc("A", 1, 100)]
    assert assign_consult_boxes(docs, []) == docs
    assert assign_consult_boxes([], [box("甲局", 5)]) == []
