"""Time-limit phrases in Chinese official text: found, typed and resolved to dates.

Works on one paragraph's printed text and returns offsets into that printed text, so the
surface stays as printed (spaces, full-width digits, traditional characters) while matching
happens on a folded form: `ingest.fold` (full-width → ASCII, traditional → simplified) plus the
time vocabulary below, whitespace removed.

Conventions (gazette usage):
* a year left out is the document's year; "月底/月末" is the month's last day, "上旬/中旬" the
  10th/20th, "下旬" the last day; "年底/年末/年内" is 31 December; "上半年" is 30 June and
  "下半年" 31 December; "X季度末" the quarter's last day;
* an explicit-year end ("2023年底") is a time limit only with a marker — 到/至/于/在/力争 before
  or 前 after — because bare year-ends in plans are schedules and statistics ("2023年底形成…");
  bare years ("到2035年", "2020—2035年") are plan horizons, never deadlines;
* periods need a month on the start ("2022年6月－8月底"); the start keeps its precision
  ("2022-06"), the end resolves to the last day of its month;
* a recurrence ("每月", "按月", "周调度") counts only when an obligation follows it: a day
  ("每月23日前"), a count ("每季度举办一次") or an action verb; "每年可减少…万吨" and
  "每年1.5万元" are rates and amounts, not obligations.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ingest.fold import fold

# Traditional characters of the time vocabulary that `ingest.fold` leaves alone.
_EXTRA = str.maketrans("內週當須滿彙匯評屆", "内周当须满汇汇评届")

_CN_DIGIT = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN = "〇零一二三四五六七八九十两百"
NUM = rf"(?:[0-9]+|[{_CN}]+)"
YEAR = r"(?:[0-9]{4}|[〇零一二三四五六七八九]{4})"
MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
DAY = r"(?:3[01]|[12][0-9]|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
BEFORE = r"(?:之前|以前|前)(?![后夕])"
_YEAR_OR_REL = rf"(?:(?P<y>{YEAR})年|(?P<rel>今年|本年|当年|明年|次年))?"
_WITHIN = r"(?:以内|之内|内)"

# The closed vocabulary of gkg:frequency; a half year is twice a year, a 旬 thrice a month.
FREQUENCY = {
    "日": "daily",
    "天": "daily",
    "工作日": "daily",
    "周": "weekly",
    "星期": "weekly",
    "旬": "monthly",
    "月": "monthly",
    "季": "quarterly",
    "季度": "quarterly",
    "半年": "yearly",
    "年": "yearly",
    "年度": "yearly",
}
UNIT = {
    "工作日": "working_day",
    "日": "day",
    "天": "day",
    "周": "week",
    "星期": "week",
    "月": "month",
    "年": "year",
    "小时": "hour",
}

# Verbs that make "每月…" an obligation rather than a rate ("每月开展劝导" vs "每月政策措施").
_DUTY_VERB = re.compile(
    r"^.{0,10}?(?:开展|举办|召开|组织|报送|上报|报告|汇报|通报|调度|检查|巡查|排查|进行|发布|公布|"
    r"更新|统计|分析|研判|监测|评估|考核|考评|督查|督导|选择|安排|提交|反馈|汇总|总结|不少于|至少|"
    r"[0-9一二两三四五六七八九十]+[次讲播期场轮报])"
)
_AMOUNT_AFTER = re.compile(
    rf"^每?(?:年|月|日|天)?(?:可|约|将|能)?(?:减少|增加|节约|新增|产生|{NUM}(?:\.[0-9]+)?"
    r"(?:万|亿|千|百)?(?:元|吨|户|家|人|辆|座|处|台|套|千瓦|立方米|平方米|亩|公顷|%))"
)
_REPORT_VERB = (
    r"汇报|报告|报送|上报|办结|完成|处理|办理|反馈|录入|上传|通报|核查|受理|出具|答复|"
    r"告知"
)
_CADENCE_CUE = re.compile(r"(?:做到|实行|实施|坚持|落实|按照|建立|执行|推行|开展|实现|采取)$")
_END_MARKER = re.compile(r"(?:(?<!截)到|(?<!截)至|于|在|力争|确保|争取)$")


@dataclass(frozen=True, slots=True)
class TimePhrase:
    """A time-limit phrase: offsets into the printed text, type and resolved values."""

    start: int
    end: int
    kind: str  # "absolute" | "recurring" | "relative" | "period"
    due: date | None = None
    period_start: str | None = None
    frequency: str | None = None
    day: int | None = None
    count: int | None = None
    amount: int | None = None
    unit: str | None = None
    explicit_year: int | None = None  # the year as printed, for past/plan checks
    cadence_list: bool = False  # part of a "周调度、月通报" list


def fold_time(text: str) -> str:
    """`ingest.fold` plus the time vocabulary (內, 週, 當 …): same length as `text`."""
    return fold(text).translate(_EXTRA)


def matching_form(text: str) -> tuple[str, list[int]]:
    """The folded text without whitespace, and for each of its characters the printed offset."""
    folded = fold_time(text)
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(folded):
        if not ch.isspace():
            chars.append(ch)
            index.append(i)
    return "".join(chars), index


def cn_number(text: str) -> int:
    """An Arabic or Chinese numeral as int: "23", "二〇二二", "十五", "二十三", "两"."""
    if re.fullmatch(r"[0-9]+", text):
        return int(text)
    if all(ch in _CN_DIGIT for ch in text) and len(text) > 1:
        return int("".join(str(_CN_DIGIT[ch]) for ch in text))
    total = current = 0
    for ch in text:
        if ch in _CN_DIGIT:
            current = _CN_DIGIT[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
    return total + current


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _day_in_month(year: int, month: int, part: str | None, day: str | None) -> date:
    if day:
        return date(year, month, min(cn_number(day), calendar.monthrange(year, month)[1]))
    if part == "上旬":
        return date(year, month, 10)
    if part == "中旬":
        return date(year, month, 20)
    return _last_day(year, month)


def _year(m: re.Match[str], doc_year: int) -> int:
    if m.group("y"):
        return cn_number(m.group("y"))
    rel = m.group("rel") or ""
    return doc_year + 1 if rel[:1] in ("明", "次") else doc_year


def _valid_month(text: str) -> int | None:
    month = cn_number(text)
    return month if 1 <= month <= 12 else None


# ---- patterns: each returns a TimePhrase (offsets in the matching form) or None ----------

_PERIOD = re.compile(
    rf"(?P<y>{YEAR})年(?P<m1>{MONTH})月(?:(?P<d1>{DAY})[日号])?(?P<x1>上旬|中旬|下旬|初|底|末)?份?"
    rf"(?:[-—–~〜]{{1,2}}|至|到)(?:(?P<y2>{YEAR})年)?(?P<m2>{MONTH})月(?:(?P<d2>{DAY})[日号])?"
    r"(?P<x2>上旬|中旬|下旬|初|底|末)?份?"
)


def _period(m: re.Match[str], s: str, doc_year: int) -> TimePhrase | None:
    y1 = cn_number(m["y"])
    m1, m2 = _valid_month(m["m1"]), _valid_month(m["m2"])
    if not (m1 and m2):
        return None
    y2 = cn_number(m["y2"]) if m["y2"] else (y1 if m2 >= m1 else y1 + 1)
    start = f"{y1:04d}-{m1:02d}" + (f"-{cn_number(m['d1']):02d}" if m["d1"] else "")
    due = _day_in_month(y2, m2, m["x2"], m["d2"])
    return TimePhrase(
        m.start(), m.end(), "period", due=due, period_start=start, explicit_year=max(y1, y2)
    )


_DATE = re.compile(rf"{_YEAR_OR_REL}(?P<m>{MONTH})月(?P<d>{DAY})[日号](?P<b>{BEFORE})?")
# "申报截止日期为6月30日" is a limit without 前; "截至6月30日" (as of) is not.
_CLOSING = re.compile(r"截止(?:日期|时间)?(?:为|是|到|至|于)?$")


def _date(m: re.Match[str], s: str, doc_year: int) -> TimePhrase | None:
    month = _valid_month(m["m"])
    if not month or not (m["b"] or _CLOSING.search(s[: m.start()])):
        return None
    due = _day_in_month(_year(m, doc_year), month, None, m["d"])
    return TimePhrase(
        _with_target_marker(s, m.start()),
        m.end(),
        "absolute",
        due=due,
        explicit_year=cn_number(m["y"]) if m["y"] else None,
    )


_MONTH_END = re.compile(
    rf"{_YEAR_OR_REL}(?P<m>{MONTH})月份?(?P<x>底|末|上旬|中旬|下旬)(?P<b>{BEFORE})?"
)
_QUARTER_END = re.compile(rf"{_YEAR_OR_REL}第?(?P<q>[一二三四1-4])季度(?P<x>末|底)(?P<b>{BEFORE})?")
_HALF = re.compile(rf"{_YEAR_OR_REL}(?P<h>上|下)半年(?P<b>底|末|{BEFORE}|{_WITHIN})?")
_YEAR_END = re.compile(
    rf"(?:(?P<y>{YEAR})年|(?P<rel>今年|本年|当年|明年|次年)|(?<![0-9{_CN}上去前每往])年)"
    rf"(?:底|末)(?P<b>{BEFORE})?(?!余额|存款|贷款|总人口|人口|总量|常住|户籍|数|规模|指标)"
)
_YEAR_WITHIN = re.compile(
    rf"(?:(?P<y>{YEAR})年|(?P<rel>今年|本年|当年)|(?<![0-9{_CN}个度多半每上下近往去前])年)(?:{_WITHIN})"
)


def _period_end(m: re.Match[str], s: str, doc_year: int) -> TimePhrase | None:
    """Month ends, quarter ends, half years, year ends and "年内": one resolved day."""
    year = _year(m, doc_year)
    groups = m.groupdict()
    if groups.get("m"):
        month = _valid_month(m["m"])
        if not month:
            return None
        due = _day_in_month(year, month, m["x"], None)
    elif groups.get("q"):
        due = _last_day(year, 3 * cn_number(m["q"]))
    elif groups.get("h"):
        if not m["b"] and not _END_MARKER.search(s[: m.start()]):
            return None
        due = date(year, 6, 30) if m["h"] == "上" else date(year, 12, 31)
    else:
        if m.group(0).startswith("年末") and not m["b"] and not _END_MARKER.search(s[: m.start()]):
            return None  # bare "年末" is the statistics year-end ("年末常住人口"); "年底" instructs
        due = date(year, 12, 31)
    explicit = cn_number(m["y"]) if m["y"] else None
    if (
        explicit
        and not groups.get("b")
        and not m.group(0).endswith(("内",))
        and not _END_MARKER.search(s[: m.start()])
    ):
        return None  # "2023年底形成…" is a schedule line, "到2023年底" a limit
    return TimePhrase(
        _with_target_marker(s, m.start()), m.end(), "absolute", due=due, explicit_year=explicit
    )


def _with_target_marker(s: str, start: int) -> int:
    """Start of the phrase with a target's "到/至" ("到2025年底"), which belongs to it."""
    return start - 1 if re.search(r"(?<!截)[到至]$", s[:start]) else start


_EVERY = re.compile(
    rf"每(?P<u>个?工作日|日|天|周|星期|旬|个?月|季度|季|半年|年度|年)"
    rf"(?:(?P<d>{DAY})[日号](?:{BEFORE})?|(?:底|末|年底|年末|月底|月末)(?:{BEFORE})?"
    rf"|(?<=年)(?P<m>{MONTH})月(?:{DAY}[日号]|底|末)(?:{BEFORE})?)?"
)
_COUNT = re.compile(rf"^[\u4e00-\u9fff]{{0,6}}?(?P<c>{NUM})次")


def _every(m: re.Match[str], s: str, doc_year: int) -> TimePhrase | None:
    after = s[m.end() :]
    if _AMOUNT_AFTER.match(after):
        return None
    unit = m["u"].lstrip("个")
    end, count = m.end(), None
    c = _COUNT.match(after)
    if c and not re.search(r"[，,。;；:：]", c.group(0)):
        end, count = m.end() + c.end(), cn_number(c["c"])
    if (
        m["d"] is None
        and m.end() - m.start() == len(m["u"]) + 1
        and count is None
        and not _DUTY_VERB.match(after)
    ):
        return None
    day = cn_number(m["d"]) if m["d"] else None  # "每年3月底前": yearly, the day is not of the year
    return TimePhrase(
        m.start(), end, "recurring", frequency=FREQUENCY[unit], day=day, count=_times(unit, count)
    )


_BY = re.compile(r"(?:按|逐)(?P<u>日|天|周|旬|月|季度|季|半年|年)(?![度份计龄均历期节])")


def _by(m: re.Match[str], s: str, doc_year: int) -> TimePhrase | None:
    if (
        s[m.start() : m.start() + 2] == "逐年"
        or s[: m.start()].endswith("可")
        or "享受" in s[m.end() : m.end() + 8]
    ):
        return None  # "逐年提高" is a trend; "可按季享受" a benefit
    return TimePhrase(
        m.start(), m.end(), "recurring", frequency=FREQUENCY[m["u"]], count=_times(m["u"], None)
    )


def _times(unit: str, count: int | None) -> int | None:
    """Times per period: "每半年一次" is twice a year, "每旬" three times a month."""
    per = {"半年": 2, "旬": 3}.get(unit)
    return per * (count or 1) if per else count


_CADENCE = re.compile(
    r"(?P<u>日|周|旬|月|季度|季|年)(?P<v>调度会|调度|通报|考评|考核|分析|汇报|报告|报送|上报|统计|监测|"
    r"督查|督导|会商|研判|总结|评估|例会|点评|排名|讲评)"
)


def _cadences(s: str) -> list[TimePhrase]:
    """ "周调度、月通报、季考评": one phrase per frequency, same-frequency neighbours joined."""
    items: list[tuple[int, int, str]] = []
    for m in _CADENCE.finditer(s):
        before = s[: m.start()]
        listed = bool(items) and before.endswith("、") and items[-1][1] == m.start() - 1
        opened = (
            not before or before[-1] in '“"‘「(（:：,，;；。' or bool(_CADENCE_CUE.search(before))
        )
        if listed or opened:
            items.append((m.start(), m.end(), FREQUENCY[m["u"]]))
    phrases: list[TimePhrase] = []
    for start, end, freq in items:
        last = phrases[-1] if phrases else None
        if last and last.frequency == freq and last.end == start - 1 and s[last.end] == "、":
            phrases[-1] = TimePhrase(
                last.start, end, "recurring", frequency=freq, cadence_list=True
            )
        else:
            phrases.append(TimePhrase(start, end, "recurring", frequency=freq, cadence_list=True))
    return phrases


_ANCHORED = re.compile(
    rf"之日起(?P<n>{NUM})个?(?P<u>工作日|日|天|周|星期|月|年|小时)(?P<w>{_WITHIN})?(?!后|起|以后|之后)"
)


def _anchored(m: re.Match[str], s: str, doc_year: int) -> TimePhrase | None:
    clause_start = max(s.rfind(p, 0, m.start()) for p in ",;。:，；：(（") + 1
    start = clause_start
    for marker in ("自", "从", "在", "于"):
        k = s.rfind(marker, clause_start, m.start())
        if k >= 0:
            start = max(start, k + 1)
    return TimePhrase(start, m.end(), "relative", amount=cn_number(m["n"]), unit=UNIT[m["u"]])


_WITHIN_N = re.compile(
    rf"(?<![0-9{_CN}月年第每近去])(?P<n>{NUM})个?(?P<u>工作日|日|天|周|星期|月|年|小时)(?:{_WITHIN})"
)
_WORKDAYS = re.compile(
    rf"(?<![0-9{_CN}])(?P<n>{NUM})个?(?P<u>工作日)(?=完成|办结|办理|出具|作出|答复|反馈|审核|审批|受理|"
    r"告知|送达|录入|传递|推送|予以)"
)
_ADVANCE = re.compile(rf"提前(?P<n>{NUM})个?(?P<u>工作日|日|天|周|星期|月|年|小时)")
_CAP = re.compile(
    rf"(?:一般)?(?:不得超过|不超过|不超|最长不超过|最多不超过)(?P<n>{NUM})个?(?P<u>工作日|日|天|月|小时)"
    rf"(?:[,，]?最长(?:不得超过|不超过|不超)(?:{NUM})个?(?:工作日|日|天|月|小时))?"
)
_LIMIT_IS = re.compile(
    rf"(?<!效)(?:时限|期限|时间)(?:为|是|压缩至|压缩到|压减至|压减到|缩短至|缩短到|缩短为|控制在)"
    rf"(?P<n>{NUM})个?(?P<u>工作日|日|天|小时)(?:{_WITHIN})?"
)
_SAME_DAY = re.compile(rf"(?:当日|当天|即日)(?=[\u4e00-\u9fff]{{0,2}}?(?:{_REPORT_VERB}))")


def _duration(m: re.Match[str], s: str, doc_year: int) -> TimePhrase | None:
    groups = m.groupdict()
    if not groups.get("n"):
        return TimePhrase(m.start(), m.end(), "relative")
    amount = cn_number(m["n"])
    if m["u"] == "年" and amount >= 1000 or amount == 0:
        return None  # "2022年内" is a year, not two thousand years
    if _AMOUNT_AFTER.match(s[m.end() :]):
        return None  # "3年内每年1.5万元的住房补贴" is a benefit
    if m.re is _CAP and not re.search(
        r"时间|时限|期限|用时|办理|办结|审批|完成", s[max(0, m.start() - 20) : m.start()]
    ):
        return None
    return TimePhrase(m.start(), m.end(), "relative", amount=amount, unit=UNIT[m["u"]])


_Handler = Callable[[re.Match[str], str, int], "TimePhrase | None"]
# Longer phrases win overlaps; on equal length the earlier entry wins.
_PATTERNS: tuple[tuple[re.Pattern[str], _Handler], ...] = (
    (_PERIOD, _period),
    (_DATE, _date),
    (_MONTH_END, _period_end),
    (_QUARTER_END, _period_end),
    (_HALF, _period_end),
    (_YEAR_END, _period_end),
    (_YEAR_WITHIN, _period_end),
    (_EVERY, _every),
    (_BY, _by),
    (_ANCHORED, _anchored),
    (_CAP, _duration),
    (_LIMIT_IS, _duration),
    (_ADVANCE, _duration),
    (_WITHIN_N, _duration),
    (_WORKDAYS, _duration),
    (_SAME_DAY, _duration),
)


def find_time_phrases(text: str, doc_year: int) -> list[TimePhrase]:
    """Time-limit phrases of `text` (one paragraph, as printed), in text order, offsets into
    `text`; a year left out resolves to `doc_year`."""
    s, index = matching_form(text)
    found: list[tuple[int, TimePhrase]] = []
    for rank, (pattern, handler) in enumerate(_PATTERNS):
        for m in pattern.finditer(s):
            try:
                phrase = handler(m, s, doc_year)
            except ValueError:  # a date that does not exist ("〇〇〇〇年", year 0)
                continue
            if phrase is not None:
                found.append((rank, phrase))
    found.extend((len(_PATTERNS), p) for p in _cadences(s))
    found.sort(key=lambda rp: (-(rp[1].end - rp[1].start), rp[0], rp[1].start))
    taken: list[TimePhrase] = []
    for _, phrase in found:
        if all(phrase.end <= t.start or phrase.start >= t.end for t in taken):
            taken.append(phrase)
    taken.sort(key=lambda p: p.start)
    return [_to_printed(p, index) for p in taken]


def _to_printed(p: TimePhrase, index: list[int]) -> TimePhrase:
    return TimePhrase(
        index[p.start],
        index[p.end - 1] + 1,
        p.kind,
        p.due,
        p.period_start,
        p.frequency,
        p.day,
        p.count,
        p.amount,
        p.unit,
        p.explicit_year,
        p.cadence_list,
    )
