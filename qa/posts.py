"""Posts as gazettes print them, and the post a question asks about ("教育局局长是谁").

Pure functions over text. A member line prints one or more posts joined by 、
("市委副书记、市长", "市政府副市长、市公安局局长"); each post is an organisation part and a
title ("市教育局" + "局长"). A question names a post the same way, usually shorter
("教育局局长", "吕梁市市长", "发改委主任", "市财政局的头儿"). Two posts are the same when
the titles are equal — 市长 is not 副市长 or 县长 — and the organisation parts name the same
body: equal once the home city is dropped ("吕梁市教育局" = "市教育局" = "教育局"), or the
question's form abbreviates the printed one (发改委 → 发展和改革委员会, 住建局 →
住房和城乡建设局). No list of bodies or names: the rules are the genre's naming habits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.textnorm import fold

HAN = r"\u4e00-\u9fff"
_HEAD_TITLES = (
    r"总经理|经理|秘书长|局长|主任|市长|县长|区长|州长|省长|镇长|乡长|旗长|书记|部长|厅长|处长|科长|"
    r"行长|支队长|大队长|队长|理事长|主席|院长|校长|站长|所长|社长|署长|司令员|政委"
)
# A title at the end of a post: 常务副市长, 副书记, 二级调研员, 局长 … (leftmost match wins, so
# 副市长 is read whole and never as 市长).
_TITLE = re.compile(
    rf"(?:(?:常务)?副?(?:{_HEAD_TITLES})|[一二三四]级(?:调研员|巡视员)|调研员|巡视员|常委|委员)$"
)
# Titles whose holder heads a government at some level: "市长" alone means the home city's.
_PLACE_HEADS = re.compile(r"^(?:常务)?副?(?:市长|县长|区长|州长|省长|镇长|乡长|旗长|秘书长)$")
_PLACE = re.compile(rf"^[{HAN}]{{1,6}}?(?:市|县|区|州|省|旗|镇|乡)$")
# "头儿" / "一把手" / "负责人": whoever holds the body's principal (non-deputy) title.
_PRINCIPAL = re.compile(r"(?:的)?(?:头儿|头头|一把手|主要负责人|负责人|当家的|老大|主要领导|领导)$")
_GOVERNMENT = re.compile(r"^(?:人民政府|政府)$")
_WHO = (
    r"(?:现在|现任|目前)?(?:是谁|是哪位|是哪一位|是哪个人|是哪个|是什么人|叫什么名字|叫什么|叫啥|"
    r"姓什么|名字是什么|的名字|的姓名|由谁担任|谁担任|谁当|有哪些人|有哪些|都有谁|有谁|是哪几位|有哪几位|"
    r"有几位|有几个|有几名|有多少位|有多少个|有多少名|有多少人|一共几位|共有几位)"
)
_ASK_FIRST = re.compile(rf"^(?:请问)?(?P<post>[{HAN}（）()]{{2,30}}?)(?:的)?{_WHO}[?？。!！]*$")
# "稳经济专班里有哪些副市长": a post among a group's members (the group is linked separately).
_ASK_AMONG = re.compile(
    rf"(?:里|中|内|的)(?:有|都有)?(?:哪些|哪几位|哪几个|哪位|几位)(?P<post>[{HAN}]{{2,12}}?)[?？。!！]*$"
)
# A bare post typed as a query: "吕梁市常务副市长".
_BARE = re.compile(rf"^(?P<post>[{HAN}（）()]{{2,15}})[?？。!！]*$")
_ASK_LAST = re.compile(
    rf"^(?:请问)?(?:谁|哪位|哪个人)(?:是|担任|任|在当)(?P<post>[{HAN}（）()]{{2,30}}?)[?？。!！]*$"
)


@dataclass(frozen=True, slots=True)
class Post:
    """One post: the organisation part and the title ("市教育局", "局长")."""

    org: str
    title: str
    printed: str  # the post as printed (one item of a 、-joined list)
    acting: bool = False  # "副局长（主持工作）": a deputy running the body


def items(printed: str) -> list[str]:
    """The posts of a member line's post text, in order: "市委副书记、市长" → two."""
    text = fold(printed)
    return [p for p in re.split(rf"[、,，;；/]|兼(?=[{HAN}])", text) if p]


def parse(item: str) -> Post | None:
    """A printed post split into organisation and title; None when it ends in no title."""
    raw = fold(item)
    acting = bool(re.search(r"主持", raw))
    text = re.sub(r"\([^()]*\)", "", raw)
    m = _TITLE.search(text)
    if not m:
        return None
    org = text[: m.start()]
    org = re.sub(r"主持[^的]*的$", "", org)  # 市委宣传部主持日常工作的副部长
    return Post(org, m.group(), item, acting)


def posts_of(printed: str) -> list[Post]:
    """Every post in a member line's post text."""
    return [p for p in (parse(i) for i in items(printed)) if p is not None]


@dataclass(frozen=True, slots=True)
class Asked:
    """The post a question asks the holder of."""

    phrase: str  # as the question words it ("教育局局长", "市财政局的头儿")
    org: str
    title: str  # "" when the principal is asked for (头儿, 负责人)
    plural: bool = False  # "副市长有哪些"


def asked_post(question: str) -> Asked | None:
    """The post a folded question asks the holder of, or None when it asks something else."""
    q = fold(question)
    m = _ASK_FIRST.match(q) or _ASK_LAST.match(q) or _ASK_AMONG.search(q)
    if m is None:
        bare = _BARE.match(q)
        if bare is None or parse(bare["post"]) is None or re.search(r"哪|什么|谁|几|多少|是", q):
            return None
        m = bare
    phrase = m["post"].removesuffix("的")
    phrase = re.sub(r"^(?:这期公报里|公报里|公报中|本期)", "", phrase)
    plural = bool(re.search(r"哪些|都有谁|有谁|哪几位|几位|几个|几名|多少", q))
    principal = _PRINCIPAL.search(phrase)
    if principal:
        org = phrase[: principal.start()].removesuffix("的")
        return Asked(phrase, org, "", plural) if len(org) >= 2 else None
    post = parse(phrase)
    if post is None or post.title in ("委员", "常委"):
        return None
    # "自建房领导小组里的市长": the group is linked separately; the post is 市长
    org = re.sub(
        r"^.*(?:小组|专班|委员会|领导组|指挥部|联席会议)(?:里的?|中的?|内的?|的)", "", post.org
    )
    return Asked(phrase, org.removesuffix("的"), post.title, plural)


def home_place(issuer: str) -> str:
    """The place a document's issuing body governs: "吕梁市人民政府办公室" → "吕梁市"."""
    m = re.match(rf"^([{HAN}]{{1,6}}?(?:市|县|区|州|省|旗))(?:人民政府|政府|委|党委)", fold(issuer))
    return m.group(1) if m else ""


def _forms(org: str, home: frozenset[str]) -> set[str]:
    """An organisation part without its home-city prefix: 吕梁市教育局 → 市教育局, 教育局."""
    org = fold(org)
    out = {org}
    for place in home:
        if place and org.startswith(place):
            out.add("市" + org[len(place) :] if place.endswith("市") else org[len(place) :])
            out.add(org[len(place) :])
        stem = place[:-1]
        if stem and org.startswith(stem) and not org.startswith(place):
            out.add(org[len(stem) :])  # 吕梁银保监分局 printed without 市
    return out | {f[1:] for f in out if f.startswith("市") and len(f) > 1}


def _government(forms: set[str]) -> bool:
    """Whether the organisation part names the home government itself ("", 市政府 …)."""
    return any(f == "" or f == "市" or _GOVERNMENT.match(f) for f in forms)


def abbreviates(short: str, full: str) -> bool:
    """Whether `short` is a common abbreviation of `full`: its characters in order, the same
    first character and the same kind of body at the end (发改委 ~ 发展和改革委员会)."""
    if len(short) < 2 or len(short) > len(full) or short[0] != full[0]:
        return False
    end_short, end_full = short[-1], full[-1]
    if end_short != end_full and not (end_short == "委" and full.endswith("委员会")):
        return False
    i = 0
    for ch in full:
        if i < len(short) and ch == short[i]:
            i += 1
    return i == len(short)


def _suffix_of(short: str, full: str) -> bool:
    """`full` is `short` behind a qualifier that is not a place: 规划和自然资源局 ⊃ 自然资源局
    (but 离石区财政局 is another body than 财政局)."""
    if len(short) < 3 or not full.endswith(short) or full == short:
        return False
    return not _PLACE.match(full[: -len(short)])


def same_org(asked: str, printed: str, home: frozenset[str]) -> bool:
    """Whether a question's organisation part and a printed one name the same body."""
    a, p = _forms(asked, home), _forms(printed, home)
    if _government(a) or _government(p):
        return _government(a) and _government(p)
    if a & p:
        return True
    return any(abbreviates(x, y) or _suffix_of(x, y) for x in a for y in p if x and y)


def holds(asked: Asked, post: Post, home: frozenset[str]) -> bool:
    """Whether `post` is the post the question asks about."""
    if asked.title:
        if post.title != asked.title:
            return False
        if not asked.org or asked.org in home:
            # "市长" / "吕梁市市长": the home government's, not 汾阳市市长 or 市教育局局长
            return bool(_PLACE_HEADS.match(post.title)) and _government(_forms(post.org, home))
        return same_org(asked.org, post.org, home)
    principal = not post.title.startswith(("副", "常务")) or post.acting
    if not principal or not re.search(rf"(?:{_HEAD_TITLES})$", post.title):
        return False
    return same_org(asked.org, post.org, home)
