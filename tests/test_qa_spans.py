"""Answer spans read from printed text (qa.spans): units by role, numbers, dates, phones, names."""

from __future__ import annotations

from qa import spans


def _units(text: str) -> list[tuple[str, str | None]]:
    return [(s.text, s.role) for s in spans.unit_spans(text)]


def test_labelled_assignment_lists() -> None:
    text = "（牵头单位：市文旅局；责任单位：市委宣传部、市财政局，各县市区人民政府）"
    assert _units(text) == [
        ("市文旅局", "lead"),
        ("市委宣传部", "responsible"),
        ("市财政局", "responsible"),
        ("各县市区人民政府", "responsible"),
    ]


def test_parenthesised_lead_and_cooperating_units() -> None:
    text = "实现达产达效。（市能源局牵头，市自然资源局、国家矿监局山西局执法五处配合）"
    assert _units(text) == [
        ("市能源局", "lead"),
        ("市自然资源局", "cooperating"),
        ("国家矿监局山西局执法五处", "cooperating"),
    ]


def test_list_joined_by_he_splits_only_between_units() -> None:
    text = "予以支持。（各县市区人民政府和市财政局、市公安局分工负责）"
    assert [u for u, _ in _units(text)] == ["各县市区人民政府", "市财政局", "市公安局"]
    assert _units("（市人力资源和社会保障局负责）") == [("市人力资源和社会保障局", "responsible")]


def test_inline_subjects() -> None:
    assert _units("项目设计方案由市工信局牵头，组织相关部门审查。") == [("市工信局", "lead")]
    assert spans.leading_subject("3 市委宣传部 负责指导用作影院的自建房安全管理。") == [
        "市委宣传部"
    ]


def test_generic_words_are_not_units() -> None:
    assert _units("各级各部门要高度重视。") == []


def test_numbers_keep_units_and_skip_years_and_document_numbers() -> None:
    text = "依据吕政发〔2022〕7号，2022 年供应 42.071 公顷，全年达到 1.63 亿吨，佩戴率 90％"
    assert [s.text for s in spans.number_spans(text)] == ["42.071公顷", "1.63亿吨", "90％"]
    assert [s.text for s in spans.number_spans("2021—2025 年目标")] == []


def test_dates_and_time_limits() -> None:
    text = "每月 23 日前报送；于 2023 年 12 月 31 日截止；验收合格之日起 15 日内备案"
    assert [s.text for s in spans.date_spans(text)] == ["每月23日前", "2023年12月31日", "15日内"]


def test_phone_numbers() -> None:
    assert [s.text for s in spans.phone_spans("咨询电话：8221725，0358-8221725")] == [
        "8221725",
        "0358-8221725",
    ]
    assert spans.phone_spans("公开投诉举报电话、邮箱") == []


def test_person_names_by_role_and_missing_names() -> None:
    found = spans.person_spans("组 长：张广勇 市委副书记、市长副组长： 副市长")
    assert [(s.text, s.role) for s in found] == [("张广勇", "组长")]
    found = spans.person_spans("成立由张广勇市长为组长，任忠常务副市长为常务副组长")
    assert [(s.text, s.role) for s in found] == [("张广勇", "组长"), ("任忠", "常务副组长")]


def test_sentences_keep_closing_parentheticals() -> None:
    text = "奖励措施。（牵头单位：市文旅局；责任单位：市财政局）其他内容。"
    parts = [s for _, s in spans.sentences(text)]
    assert parts == ["奖励措施。（牵头单位：市文旅局；责任单位：市财政局）", "其他内容。"]
