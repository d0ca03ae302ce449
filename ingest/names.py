"""Telling a person's name from a post in member lines and prose.

Gazettes print members as "NAME POST" (杨 丽 市民政局局长), "NAME（POST）", post only when
the name is left blank (副组长： 副市长), or run together in prose (李某副市长担任主任).
The rules here are generic: Chinese personal names are 2–4 characters and never start with a
unit or rank word, while posts start with a unit prefix (市/县/国家/共青团 …) or a rank word
(副/常务 …) and end with a rank (局长/主任/书记/调研员 …). A list of common surnames is used
only where a lone token has to be judged without a post beside it.

All checks run on the folded form (`ingest.fold`), so traditional characters match too.
"""

from __future__ import annotations

import re

from ingest.fold import fold

# The common surnames of the 百家姓 and modern frequency lists (generic, not of any gazette).
_SURNAMES = set(
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛"
    "奚范彭郎鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康"
    "伍余元卜顾孟平黄和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵"
    "席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗"
    "丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫"
    "乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄"
    "印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴郁胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂"
    "濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘"
    "匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相"
    "查后荆红游竺权逯盖益桓公闫覃帅缑亢况佘牟佟言福岳冼邝付兰谷楚尉侍来卓揭檀仝亓苟邸郄眭晋"
    "练钱靖银谌铁占过修续衣腾凡代兀邴邱"
    "陳張劉楊黃趙吳鄭許鄧馮蔣韓謝葉蘇盧譚賴羅鍾錢孫馬湯龍齊顧關嚴聶鄒閻賈萬閆衛魯蕭"
)
_COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "令狐",
    "长孙",
    "宇文",
    "夏侯",
    "端木",
    "独孤",
    "南宫",
    "西门",
    "申屠",
    "澹台",
    "轩辕",
    "司徒",
    "司空",
)

# Words a post starts with: unit prefixes and rank words.
_POST_START = re.compile(
    r"^(?:市|县|区|省|州|盟|旗|镇|乡|村|街道|国家|国务院|全国|中国|中共|共青团|国网|人行|人民|"
    r"自治|开发区|经济|地区|行署|党|政府|银保监|副|常务|正|主任|主席|书记|局长|处长|科长|部长|厅长|"
    r"秘书|调研员|巡视员|专职|兼职|分管|主管|党组|总|[一二三四]级)"
)
# Words a complete post ends with (a rank); a title line that ends otherwise continues.
_POST_END = re.compile(
    r"(?:长|主任|书记|主席|员|常委|政委|经理|总监|师|顾问|负责人|主委|督学|参事|干事|秘书|同志)$"
)
# Characters that end a post fragment broken mid-word, never a complete post ("常务副").
_UNIT_WORDS = re.compile(r"局|委员会|政府|办公室|部|厅|中心|公司|支行|分行|大学|学院|医院|协会")
# First characters that are never a personal name in this genre (function and rank words).
_NOT_NAME_START = set("副市县区省局国中共党委政府办部厅各本该全分主总第有相其等原现时另")
_NOT_NAME_CHARS = set("市县省务管领导局委办厅处科员、，。（）()")
_CJK = re.compile(r"^[\u3400-\u9fff·•]+$")


def compact(text: str) -> str:
    """Text with every whitespace run removed (names and posts print with justification gaps)."""
    return "".join(text.split())


def is_post_like(text: str) -> bool:
    """True when `text` reads as a post: starts with a unit/rank word, ends with a rank, or
    names a unit (…局, …委员会, …政府 …)."""
    t = fold(compact(text))
    if not t:
        return False
    return bool(
        _POST_START.match(t) or _POST_END.search(t) or (len(t) > 4 and _UNIT_WORDS.search(t))
    )


def post_complete(title: str) -> bool:
    """True when a printed post reads as finished: balanced brackets and a rank at the end
    ("市委常委、常务副" and "市规划和自然资源" continue on the next line)."""
    t = fold(compact(title))
    if not t:
        return False
    if t.count("(") != t.count(")"):
        return False
    if t.endswith(")"):
        return True
    return bool(_POST_END.search(t))


def looks_like_post_only(text: str) -> bool:
    """A whole post printed without a name ("副市长", "市政府副市长", "汾阳市副市长")."""
    t = fold(compact(text))
    if not post_complete(t) or len(t) < 2:
        return False
    return bool(_POST_START.match(t) or re.match(r"^[\u4e00-\u9fff]{1,4}[市县区州旗]", t))


def plausible_name(text: str) -> bool:
    """A 2–4 character token that could be a personal name: no unit or rank word in it."""
    t = fold(compact(text))
    longest = 10 if "·" in t or "•" in t else 4  # "阿不都·热合曼"
    if not (2 <= len(t) <= longest) or not _CJK.match(t):
        return False
    if t[0] in _NOT_NAME_START or any(ch in _NOT_NAME_CHARS for ch in t):
        return False
    return not (t[-1] in "副正长" or _POST_END.search(t) or _POST_START.match(t))


def has_surname(text: str) -> bool:
    """True when `text` starts with a common Chinese surname (single or compound)."""
    t = fold(compact(text))
    return t[:1] in _SURNAMES or t[:2] in _COMPOUND_SURNAMES


def is_name(text: str) -> bool:
    """A lone token judged a personal name: plausible shape and a common surname."""
    return plausible_name(text) and has_surname(text)


def split_person(text: str) -> tuple[str | None, str]:
    """Split a run-together "NAME POST" or "POST NAME" ("王某某市长", "任忠常务副市长",
    "市财政局局长张三") into (name, post); (None, text) when no name can be told apart."""
    t = compact(text)
    if not t:
        return None, ""
    if is_name(t) or (len(t) <= 3 and plausible_name(t)):
        return t, ""
    for n in (3, 2, 4):
        name, post = t[:n], t[n:]
        if len(post) >= 2 and plausible_name(name) and _POST_START.match(fold(post)):
            return name, post
        if (
            len(post) >= 2
            and plausible_name(name)
            and re.match(r"^(?:[\u4e00-\u9fff]{0,2})长$", fold(post))
        ):
            return name, post  # "曲晓东局长", "李刚县长"
    for n in (3, 2):
        name, post = t[-n:], t[:-n]
        if len(post) >= 2 and is_name(name) and post_complete(post):
            return name, post
    return None, t
