"""Answer spans in passage text: unit names by role, numbers, dates, phone numbers, person names.

Pure functions over one text (a paragraph as printed, optionally prefixed by its headings).
Patterns follow how gazettes print assignments and facts — （牵头单位：…；责任单位：…），
（A牵头，B、C配合）, 由A负责…, 组长：姓名 职务, 每月23日前 — never particular names.
Every span keeps its character offsets so the caller can rank it by distance to the words
the question matched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HAN = r"\u4e00-\u9fff"

# Endings of unit names as gazettes print them (市发改委, 市财政局, 人民银行吕梁市中心支行 …).
UNIT_END = (
    r"(?:委员会|管委会|办公室|人民政府|政府|中心支行|支行|分局|总队|支队|大队|中心|集团|公司|"
    r"联合会|总工会|协会|联社|银行|部门|机关|单位|执法[一二三四五六七八九十]+处|局|委|办|部|厅|院|署|处|队|站|所|社|会|"
    r"经开区|开发区|示范区|开区)"
)
_UNIT_RE = re.compile(rf"[{HAN}（）()、]{{1,24}}?{UNIT_END}")
# A plausible unit: starts like a body name (市/县/区/省/各/国家…) or is short, ends like one.
_UNIT_OK = re.compile(rf"^[{HAN}（）()]{{2,30}}$|^[{HAN}]+[（(][{HAN}、]{{1,8}}[）)][{HAN}]+$")
_UNIT_BAD_START = re.compile(
    r"^(?:负责|按照|根据|会同|配合|协助|组织|由|对|将|要|应(?!急)|在|并|及|和|与|加强|推进|建立|做好|落实|开展|其他|"
    r"相关|有关部门|以及|或|为|是|向|从|经|被|把|通过|依托|支持|鼓励|引导|督促|指导|确保|"
    r"牵头单位|责任单位|配合单位|有关单位|相关单位|其他单位|成员单位|用人单位)"
)
_UNIT_TRIM_TAIL = re.compile(
    r"(?:等(?:有关|相关)?(?:单位|部门)?|按职责分(?:别|工)负责|分工负责|分别负责|共同负责|按职责负责|"
    r"负责|牵头|配合|协助|参与|落实|组织实施)$"
)
_UNIT_TRIM_HEAD = re.compile(
    r"^(?:由|请|经|会同|指导|督促|各级各|责任单位|牵头单位|配合单位)[：:]?"
)

_ROLE_LABEL = re.compile(
    r"(?P<label>牵头单位|牵头部门|主办单位|责任单位|责任部门|主责单位|负责单位|配合单位|配合部门|"
    r"协办单位|协助单位|参与单位)\s*[：:]\s*"
    r"(?P<units>(?:[^；;（()）。:：]|（[^（()）]{1,8}）|\([^（()）]{1,8}\))+)"
)
_LABEL_ROLE = {
    "牵头单位": "lead",
    "牵头部门": "lead",
    "主办单位": "lead",
    "责任单位": "responsible",
    "责任部门": "responsible",
    "主责单位": "responsible",
    "负责单位": "responsible",
    "配合单位": "cooperating",
    "配合部门": "cooperating",
    "协办单位": "cooperating",
    "协助单位": "cooperating",
    "参与单位": "cooperating",
}
# Closing parentheticals: （市能源局牵头，市应急局、…配合） / （…按职责分别负责）
_PAREN = re.compile(r"[（(](?P<body>[^（()）]{2,200}(?:（[^（）]{1,8}）[^（()）]{0,120})*)[）)]")
_VERB_ROLE = [
    ("lead", re.compile(r"(?:共同)?牵头(?:负责|组织|组建|实施|推进)?$")),
    ("cooperating", re.compile(r"(?:积极|共同)?(?:配合|协助|参与|协同)$")),
    ("responsible", re.compile(r"(?:按职责)?(?:分别|分工|共同)?(?:负责|落实|实施)$")),
]
# Inline: 由A牵头… / A牵头组建… / 由A负责… / A负责… / 由A出具…
_INLINE = re.compile(
    rf"(?:^|[由，,。；;：:\s（(]|\d[．.、])(?P<units>[{HAN}（）()、]{{2,60}}?)"
    r"(?P<verb>负责牵头|牵头|负责|出具|核发|审批|指导|组织|办理|调整|配合|协助|可以|要|应当|应(?!急)|会同|具体负责|统筹)"
)
# A body named as the authority for a matter: "市水务局是本市城市供水行政主管部门".
_IS_AUTHORITY = re.compile(
    rf"(?:^|[，,。；;：:\s])(?P<units>[{HAN}（）()]{{2,30}}?)是(?:本市|全市|我市|本县|本区)?"
    rf"[{HAN}]{{0,16}}?(?:行政主管部门|主管部门|主管机关|责任部门|监管部门)"
)
# The body an applicant turns to: 向应急部门申请办理…, 向市工信局报备 (it handles the matter).
_TOWARD = re.compile(
    rf"向(?P<units>[{HAN}（）()、]{{2,30}}?)(?P<verb>申请|报备|报送|提出|提交|备案|申报|报告)"
)
_SUBJECT_SPLIT = re.compile(r"[、，,]|(?<=[局委办部政府心行处会])(?:和|及|与|以及)")


@dataclass(frozen=True, slots=True)
class Span:
    """A typed piece of text found at [start, end) of the text it was read from."""

    kind: str  # unit | number | date | phone | person | doc_number | clause
    text: str  # as printed (whitespace inside removed)
    start: int
    end: int
    role: str | None = None  # for units: lead | responsible | cooperating; for persons: 组长 …


def squash(text: str) -> str:
    """Whitespace removed (gazette PDFs put spaces around numbers and inside names)."""
    return "".join(text.split())


def clean_unit(raw: str) -> str | None:
    """A printed unit name cut out of an assignment phrase, or None when it is not one."""
    unit = squash(raw).strip("，,、；;：:。 ")
    if unit.count("（") + unit.count("(") != unit.count("）") + unit.count(")"):
        unit = unit.lstrip("（(").rstrip("）)")
    unit = _UNIT_TRIM_HEAD.sub("", unit)
    for _ in range(2):
        unit = _UNIT_TRIM_TAIL.sub("", unit).strip("，,、")
    if unit.startswith("各") and "有关" in unit:
        return unit if len(unit) <= 12 else None
    if not _UNIT_OK.match(unit) or _UNIT_BAD_START.match(unit):
        return None
    if not re.search(UNIT_END + r"$", unit) and not (
        re.match(r"^(?:市|省|县|各)", unit) and len(unit) <= 10 and not re.search(r"[的）)]", unit)
    ):
        return None
    if len(unit) > 26 or unit in _GENERIC_UNITS:
        return None
    return unit


_GENERIC_UNITS = {
    "部门",
    "单位",
    "机关",
    "有关部门",
    "相关部门",
    "各部门",
    "有关单位",
    "相关单位",
    "各单位",
    "其他部门",
    "主管部门",
    "职能部门",
    "行业部门",
    "办",
    "局",
    "委",
    "部",
}


def split_units(text: str) -> list[str]:
    """Units of a printed list ("市人社局、市财政局", "各县市区人民政府和市财政局"), in order."""
    out: list[str] = []
    for part in _outside_brackets(_SUBJECT_SPLIT, squash(text)):
        unit = clean_unit(part)
        if unit and unit not in out:
            out.append(unit)
    return out


def _outside_brackets(separator: re.Pattern[str], text: str) -> list[str]:
    """`text` split at `separator`, except inside brackets: 各县（市、区）人民政府 is one."""
    parts: list[str] = []
    start = 0
    for m in separator.finditer(text):
        before = text[: m.start()]
        if before.count("（") + before.count("(") > before.count("）") + before.count(")"):
            continue
        parts.append(text[start : m.start()])
        start = m.end()
    parts.append(text[start:])
    return parts


def labelled_units(text: str) -> list[Span]:
    """Units of （牵头单位：…；责任单位：…；配合单位：…） lists, with their roles."""
    spans = []
    for m in _ROLE_LABEL.finditer(text):
        role = _LABEL_ROLE[m["label"]]
        for unit in split_units(m["units"]):
            spans.append(Span("unit", unit, m.start(), m.end(), role))
    return spans


def paren_units(text: str) -> list[Span]:
    """Units of closing parentheticals: （A牵头，B、C配合）, （A、B按职责分别负责）."""
    spans = []
    for m in _PAREN.finditer(text):
        body = m["body"]
        if _ROLE_LABEL.search(body):
            continue  # labelled lists are read by labelled_units
        for clause in re.split(r"[，,；;]", body):
            clause = squash(clause)
            role = None
            for name, pattern in _VERB_ROLE:
                if pattern.search(clause):
                    role = name
                    clause = pattern.sub("", clause)
                    break
            units = split_units(clause)
            if not units:
                continue
            if role is None:
                # A bare list in parentheses is an assignment only when every part is a unit.
                parts = [p for p in _SUBJECT_SPLIT.split(clause) if p]
                if len(units) != len(parts) or not re.search(UNIT_END + r"$", units[-1]):
                    continue
                role = "responsible"
            for unit in units:
                spans.append(Span("unit", unit, m.start(), m.end(), role))
    return spans


def inline_units(text: str) -> list[Span]:
    """Units named as the subject of a duty verb: 由市工信局牵头…, 市住建局负责…, 市水利局可以…."""
    spans = []
    for m in _INLINE.finditer(text):
        raw = m["units"]
        raw = re.split(r"[由。；;：:]", raw)[-1]
        raw = re.split(r"按(?!职责)|依照|依据|根据", raw)[0]  # "属地应急部门按…管理负责"
        raw = re.sub(r"^\d+\s*[．.、]?\s*", "", raw.strip())
        units = split_units(raw)
        if not units:
            continue
        verb = m["verb"]
        role = (
            "lead"
            if "牵头" in verb
            else "cooperating"
            if verb in ("配合", "协助")
            else "responsible"
        )
        for unit in units:
            spans.append(Span("unit", unit, m.start("units"), m.end(), role))
    for m in _IS_AUTHORITY.finditer(text):
        for unit in split_units(re.sub(r"^第[一二三四五六七八九十百]+条", "", squash(m["units"]))):
            spans.append(Span("unit", unit, m.start("units"), m.end(), "responsible"))
    for m in _TOWARD.finditer(text):
        close = re.search(r"[，,。；;]", text[m.end() :])
        end = m.end() + close.start() if close else len(text)
        for unit in split_units(m["units"]):
            spans.append(Span("unit", unit, m.start("units"), end, "responsible"))
    return sorted(spans, key=lambda s: s.start)


def unit_spans(text: str) -> list[Span]:
    """Every assigned unit in `text`: labelled lists, parentheticals, then inline subjects."""
    seen: set[tuple[str, int]] = set()
    out: list[Span] = []
    listed = labelled_units(text) + paren_units(text)
    covered = [(s.start, s.end) for s in listed]
    inline = [s for s in inline_units(text) if not any(a <= s.start < b for a, b in covered)]
    for span in listed + inline:
        key = (span.text, span.start)
        if key not in seen:
            seen.add(key)
            out.append(span)
    return out


def leading_subject(text: str) -> list[str]:
    """Units opening a paragraph or table row: "2．市住建局负责…", "3 市委宣传部 负责…"."""
    head = re.sub(r"^\s*(?:\d+|[（(]?[一二三四五六七八九十]+[）)、]?)\s*[．.、]?\s*", "", text)
    m = re.match(
        rf"(?P<units>[{HAN}（）()、，,\s]{{2,60}}?)\s*(?:[：:]|负责|牵头|要|应|可以|会同|按照|作为|承担)",
        head,
    )
    if not m:
        return []
    raw = re.split(r"[，,由]", m["units"])[-1]
    return split_units(raw)


# ---------------------------------------------------------------------------------------
# numbers, dates, phones, document numbers

_NUM = r"\d+(?:\s*[.．]\s*\d+)?"
_NUMBER_UNIT = (
    r"(?:%|％|‰|万亿元|亿元|万元|元|亿吨|万吨|吨|亿千瓦时|千瓦时|万千瓦|千瓦|兆瓦|亿立方米|万立方米|立方米|"
    r"万平方米|平方米|平米|平方公里|公顷|亩|千米|公里|米|辆|台|套|座|个小时|个工作日|个月|个|户|家|人次|"
    r"人|名|项|条|次|倍|天|日|小时|年|MPa|mpa|kg|公斤|所|宗|批|处|亿|万)"
)
_NUMBER_RE = re.compile(rf"(?P<num>{_NUM})\s*(?P<unit>{_NUMBER_UNIT})?")
_DATE_RE = re.compile(
    r"(?:每(?:个)?(?:月|季度|年|周)\s*(?:\d{1,2}\s*(?:日|号)|底|末)(?:前|之前|以前)?)"
    r"|(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*(?:\d{1,2}\s*(?:日|号)|底|末|中旬|上旬|下旬)(?:前|之前|以前)?"
    r"|\d{4}\s*年?\s*[—－\-–~～至到]\s*\d{4}\s*年"
    r"|\d{4}\s*年\s*(?:底|末|年底)(?:前|之前|以前)?"
    r"|\d{4}\s*年(?!\s*\d)"
    r"|(?:\d+|[一二三四五六七八九十]+)\s*(?:个)?(?:工作日|日|天|个月|周|年)(?:内|之内|以内)"
    r"|(?:\d+|[一二三四五六七八九十]+)\s*(?:个)?(?:工作日|天|个月|周|年)\s*(?:左右)?\s*(?:的)?时间"
    r"|年底(?:前)?|月底(?:前)?|季度末|每(?:个)?(?:月|季度|年|周|日|天)"
)
_PHONE_RE = re.compile(r"(?<![\d.])(?:0\d{2,3}[-－—\s]?)?\d{7,8}(?![\d.])|(?<!\d)1[3-9]\d{9}(?!\d)")
DOC_NUMBER_RE = re.compile(
    rf"[{HAN}]{{1,12}}\s*[〔\[【［(（]\s*\d{{4}}\s*[〕\]】］)）]\s*第?\s*\d{{1,4}}\s*号"
)


# What follows an item number: "2．", "2.", "2、", "（2）" (a decimal point is followed by a digit).
_LIST_NUMBER = re.compile(r"\s*(?:[．.、](?!\s*\d)|[）)])")


# Counts in Chinese numerals with a measure word: "确定一名联络员", "三座煤矿" (not ordinals
# 第三条, not 一体/一批 idioms: only people, places and things counted one by one).
_HAN_COUNT = re.compile(
    r"(?<![第每之统唯])(?:[一二两三四五六七八九十]|十[一二三四五六七八九]|[二三四五六七八九]十[一二三四五六七八九]?)"
    r"(?:名|位|座|家|户|所|宗|辆|台|套)(?![一二三四五六七八九十])"
)


def number_spans(text: str) -> list[Span]:
    """Numbers with their printed unit ("42.071公顷", "90％", "1.63 亿吨"), years excluded."""
    out = []
    numbers = [(d.start(), d.end()) for d in DOC_NUMBER_RE.finditer(text)]
    for m in _NUMBER_RE.finditer(text):
        unit = m["unit"] or ""
        if any(a <= m.start() < b for a, b in numbers):
            continue  # part of a document number such as 某政发〔2023〕7号
        end = m.end() if unit else m.end("num")  # the pattern may have eaten spaces after it
        after = text[end : end + 8]
        if unit == "年" or (not unit and re.match(r"\s*(?:年|[—－\-–~～至]\s*\d{4})", after)):
            continue  # a year, not a quantity
        if (
            not unit
            and m.start() == len(text) - len(text.lstrip())
            and re.match(r"\s+[\u4e00-\u9fff]", after)
        ):
            continue  # the index at the start of a table row ("2 孝义市 424 …")
        if (
            not unit
            and _LIST_NUMBER.match(after)
            and (m.start() == 0 or re.match(r"[\s，。；：:、（(）)]", text[m.start() - 1]))
        ):
            continue  # list numbering: "2．提高…", "（3）…", "1、…"
        if unit in ("日", "月") and re.search(r"月\s*$", text[max(0, m.start() - 3) : m.start()]):
            continue  # the day of a date
        value = squash(m.group())
        # 1.63 亿吨 / 783 万吨: keep a following magnitude-unit pair together
        if unit in ("亿", "万"):
            tail = re.match(r"\s*(吨|元|千瓦时|千瓦|立方米|平方米|人|户|辆|亩)", text[m.end() :])
            if tail:
                value += tail.group(1)
        out.append(Span("number", value, m.start(), m.end()))
    for m in _HAN_COUNT.finditer(text):
        out.append(Span("number", squash(m.group()), m.start(), m.end()))
    return sorted(out, key=lambda s: s.start)


def date_spans(text: str) -> list[Span]:
    """Date and time-limit expressions: 2023年12月31日, 每月3日前, 15日内, 2023年3月底前 …"""
    return [Span("date", squash(m.group()), m.start(), m.end()) for m in _DATE_RE.finditer(text)]


_EMAIL_RE = re.compile(r"[A-Za-z0-9._-]+\s*[@＠]\s*[A-Za-z0-9-]+(?:\s*[.．]\s*[A-Za-z]{2,})+")


def email_spans(text: str) -> list[Span]:
    """E-mail addresses (full-width ＠ and ． as gazettes print them are accepted)."""
    return [Span("email", squash(m.group()), m.start(), m.end()) for m in _EMAIL_RE.finditer(text)]


def phone_spans(text: str) -> list[Span]:
    """Telephone numbers (7–8 digit local numbers, with optional area code, or mobiles)."""
    out = []
    for m in _PHONE_RE.finditer(text):
        value = squash(m.group())
        context = text[max(0, m.start() - 12) : m.start()]
        if re.search(r"[年月]$|第$", context) or re.match(
            r"\s*(?:年|号|元|万|吨|亩|平方米)", text[m.end() :]
        ):
            continue
        out.append(Span("phone", value, m.start(), m.end()))
    return out


def doc_number_spans(text: str) -> list[Span]:
    """Document numbers such as 晋政办发〔2022〕49号, whitespace removed."""
    return [
        Span("doc_number", squash(m.group()), m.start(), m.end())
        for m in DOC_NUMBER_RE.finditer(text)
    ]


# ---------------------------------------------------------------------------------------
# person names

# Common Chinese surnames (single and double): a generic filter that keeps posts such as
# 副市长 or 市长 from being read as names when a member line prints no name.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥"
    "南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支"
    "卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印"
    "逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)
_POSTISH = re.compile(
    r"(?:市长|书记|主任|局长|组长|部长|区长|县长|秘书长|委员|常委|主席|处长|队长|行长|经理|调研员|副|兼)"
)
_NAME = rf"[{HAN}](?:\s?[{HAN}]){{1,2}}"
_ROLE_WORDS = r"常务副组长|副组长|组长|办公室常务副主任|办公室副主任|办公室主任|办公室成员|常务副主任|副主任|主任|成员"
_SPACED_ROLES = (
    _ROLE_WORDS.replace("组长", r"组\s*长").replace("成员", r"成\s*员").replace("副组", r"副\s*组")
)
_SPACED_ROLES = _SPACED_ROLES.replace("主任", r"主\s*任")
# "组长：张三 市长", and tables that separate columns by wide spaces: "常务副主任  陈 刚  市委常委"
_ROLE_COLON = re.compile(
    rf"(?P<role>{_SPACED_ROLES})(?:\s*[：:]\s*|\s{{2,}})(?P<name>{_NAME})(?=[\s（(，,、]|$)"
)
_POST_WORDS = r"(?:市委|市政府)?(?:常务)?(?:副)?(?:市长|秘书长|局长|主任|书记|区长|县长|部长|主席)"
_BY_NAME = re.compile(
    rf"(?:由(?P<name>{_NAME}?)(?:同志)?(?P<post>{_POST_WORDS})?"
    rf"|(?:^|[，,、；;。])(?P<name2>{_NAME}?)(?P<post2>{_POST_WORDS}))"
    rf"(?:担任|任|为|兼任)(?P<role>{_ROLE_WORDS})"
)
_NAME_CONCURRENT = re.compile(rf"(?P<name>{_NAME})\s*[（(]兼[）)]")


def is_name(candidate: str, known: frozenset[str] = frozenset(), strict: bool = True) -> bool:
    """Whether `candidate` can be a person's name: a known name, or 2–3 characters that do not
    look like a post (副市长, 市长 …) and, when `strict`, start with a common surname."""
    name = squash(candidate)
    if name in known:
        return True
    if not 2 <= len(name) <= 3 or (strict and name[0] not in SURNAMES):
        return False
    return not (_POSTISH.search(name) or re.search(r"[市县区省局委办府各分管领域有关]", name))


def person_spans(text: str, known: frozenset[str] = frozenset()) -> list[Span]:
    """Named holders of roles: "组长：张三 市长", "由张三市长任组长", "办公室主任：王五（兼）"."""
    out: list[Span] = []
    for m in _ROLE_COLON.finditer(text):
        name = squash(m["name"])
        # "组长：张三 市长": a name followed by a post is structural evidence enough
        followed = bool(re.match(r"\s+\S", text[m.end("name") :]))
        if is_name(name, known, strict=not followed):
            out.append(Span("person", name, m.start("name"), m.end("name"), squash(m["role"])))
    for m in _BY_NAME.finditer(text):
        group = "name" if m["name"] is not None else "name2"
        name = squash(m[group])
        has_post = bool(m["post"] or m["post2"])
        if is_name(name, known, strict=not has_post):
            out.append(Span("person", name, m.start(group), m.end(group), squash(m["role"])))
    for m in _NAME_CONCURRENT.finditer(text):
        name = squash(m["name"])
        if is_name(name, known, strict=False):
            out.append(Span("person", name, m.start("name"), m.end("name"), None))
    return out


def known_names_in(text: str, known: frozenset[str]) -> list[Span]:
    """Occurrences of names from the graph's person catalog (inner spaces tolerated)."""
    flat = squash(text)
    out = []
    for name in known:
        start = flat.find(name)
        if start >= 0:
            out.append(Span("person", name, start, start + len(name)))
    return sorted(out, key=lambda s: s.start)


# ---------------------------------------------------------------------------------------
# clauses


def _split(text: str, marks: str) -> list[tuple[int, str]]:
    """(offset, piece) pairs split after any of `marks`, never inside brackets."""
    out = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in "（(【[":
            depth += 1
        elif ch in "）)】]":
            depth = max(0, depth - 1)
        elif ch in marks and depth == 0:
            if text[start : i + 1].strip():
                out.append((start, text[start : i + 1]))
            start = i + 1
    if text[start:].strip():
        out.append((start, text[start:]))
    return out


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs split after 。；！？ outside brackets (marks kept). A closing
    parenthetical such as （责任单位：…；…） stays with the sentence it follows."""
    merged: list[tuple[int, str]] = []
    pieces: list[tuple[int, str]] = []
    for offset, piece in _split(text, "。；;！？!?"):
        # an assignment parenthetical closes its sentence: "…奖励。（牵头单位：…）市场主体…"
        m = _CLOSING_ASSIGNMENT.search(piece)
        if m and m.end() < len(piece.rstrip()):
            pieces += [(offset, piece[: m.end()]), (offset + m.end(), piece[m.end() :])]
        else:
            pieces.append((offset, piece))
    for offset, piece in pieces:
        if merged and re.match(r"^\s*[（(]", piece) and _ASSIGNMENT_HINT.search(piece):
            start, prev = merged[-1]
            merged[-1] = (start, prev + piece)
        else:
            merged.append((offset, piece))
    return merged


_ASSIGNMENT_HINT = re.compile(r"牵头|负责|配合|责任单位|协办")
_CLOSING_ASSIGNMENT = re.compile(r"[（(][^（()）]*(?:牵头|负责|配合|责任单位|协办)[^（()）]*[）)]")


def clauses(text: str) -> list[tuple[int, str]]:
    """(offset, clause) pairs split at every comma-level or sentence-level mark."""
    return _split(text, "，,。；;！？!?")
