"""Who holds a post (post_holder): posts read off member lines, 市长 is not 县长 or 副市长."""

from __future__ import annotations

import pytest
from qa_support import other_cities_qa, sample_qa

from qa.posts import asked_post, holds, parse, posts_of, same_org

HOME = frozenset({"吕梁市"})


def test_member_line_posts_split_into_organisation_and_title() -> None:
    assert [(p.org, p.title) for p in posts_of("市委副书记、市长")] == [
        ("市委", "副书记"),
        ("", "市长"),
    ]
    assert [(p.org, p.title) for p in posts_of("市政府副市长、市公安局局长")] == [
        ("市政府", "副市长"),
        ("市公安局", "局长"),
    ]
    acting = parse("市交通运输局副局长（主持工作）")
    assert acting is not None and acting.title == "副局长" and acting.acting


@pytest.mark.parametrize(
    ("question", "org", "title"),
    [
        ("教育局局长是谁？", "教育局", "局长"),
        ("吕梁市市长是谁？", "吕梁市", "市长"),
        ("发改委主任叫什么名字", "发改委", "主任"),
        ("市财政局的头儿是谁？", "市财政局", ""),
        ("谁是市应急局局长", "市应急局", "局长"),
        ("稳经济专班里有哪些副市长", "", "副市长"),
        ("煤炭专班里的能源局局长是谁", "能源局", "局长"),
    ],
)
def test_the_asked_post_is_read_from_the_question(question: str, org: str, title: str) -> None:
    asked = asked_post(question)
    assert asked is not None and (asked.org, asked.title) == (org, title)


@pytest.mark.parametrize("question", ["陈林强在哪些领导小组任职？", "王吉是什么职务？", "组长是谁"])
def test_questions_about_people_or_roles_ask_no_post(question: str) -> None:
    assert asked_post(question) is None


def test_a_title_matches_only_itself_and_the_home_government() -> None:
    mayor = asked_post("市长是谁")
    assert mayor is not None
    assert holds(mayor, parse("市长"), HOME)  # type: ignore[arg-type]
    assert holds(mayor, parse("市政府市长"), HOME)  # type: ignore[arg-type]
    assert not holds(mayor, parse("副市长"), HOME)  # type: ignore[arg-type]
    assert not holds(mayor, parse("汾阳市市长"), HOME)  # type: ignore[arg-type]
    assert not holds(mayor, parse("交城县县长"), HOME)  # type: ignore[arg-type]


def test_organisations_match_through_abbreviations_but_not_other_places() -> None:
    assert same_org("发改委", "市发展和改革委员会", HOME)
    assert same_org("住建局", "市住房和城乡建设局", HOME)
    assert same_org("吕梁市教育局", "市教育局", HOME)
    assert same_org("自然资源局", "市规划和自然资源局", HOME)
    assert not same_org("财政局", "离石区财政局", HOME)
    assert not same_org("市委", "市委宣传部", HOME)


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("教育局局长是谁？", "赵雪宏"),
        ("吕梁市市长是谁？", "张广勇"),
        ("市财政局的头儿是谁？", "樊小明"),
        ("发改委主任叫什么名字", "闫斌胜"),
        ("常务副市长是谁", "任忠"),
        ("方山县县长是谁？", "高鹏"),
        ("自建房领导小组里的市长是谁", "张广勇"),
    ],
)
def test_post_holders_on_the_sample(question: str, name: str) -> None:
    answer = sample_qa().ask(question)
    assert answer.found and answer.intent.startswith("post_holder"), answer.answer
    assert answer.answer.startswith(name), answer.answer
    assert answer.sources and "SELECT" in answer.sparql


def test_the_mayor_is_not_a_county_head_or_a_vice_mayor() -> None:
    answer = sample_qa().ask("吕梁市市长是谁？")
    assert answer.highlights == ["张广勇"]


@pytest.mark.parametrize("question", ["吕梁市委书记是谁？", "市教育局副局长是谁？"])
def test_a_post_no_member_line_prints_is_not_guessed(question: str) -> None:
    answer = sample_qa().ask(question)
    assert answer.found is False and "未写明" in answer.answer, answer.answer


def test_post_holders_in_other_cities_gazettes() -> None:
    answer = other_cities_qa().ask("河山市市长是谁？")
    assert answer.found and answer.answer.startswith("刘志刚"), answer.answer
    answer = other_cities_qa().ask("河山市应急管理局局长是谁")
    assert answer.found and answer.answer.startswith("孙伟"), answer.answer


def test_a_group_abbreviation_falls_back_to_the_group() -> None:
    answer = other_cities_qa().ask("安委会主任是谁？")
    assert answer.found and "刘志刚" in answer.answer, answer.answer
