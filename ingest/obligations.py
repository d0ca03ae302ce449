"""What a time phrase binds: the obligation (`what`), the party bound (`who`) and the unit
reported to (`to_whom`), read from the sentence around the phrase.

All patterns run on the folded text (`timephrases.fold_time`: full-width → ASCII, traditional
→ simplified, same length), and results are sliced out of the printed text at the same
offsets, so a traditional-character gazette gets its own characters back.

* `what` is the clause around the phrase with the phrase taken out; when that leaves no
  obligation ("…要于7月25日前，将实施细则报送…") the next clause of the sentence is used. A
  phrase standing in a heading's brackets ("（一）重点排查（2022年6月－8月底）。开展…") binds the
  heading name and the sentence after it; a cadence list ("做到日调度、日分析、日汇报") binds
  the clause before it;
* `who` is the subject of the clause, else "由X于…", "引导X年底…", "对X，允许其…", a subject
  printed right after the phrase ("每月23日前各成员单位，向…"), or the nearest earlier clause
  of the sentence that has a subject (not across the items of a list: "A每周…，B每月…");
* `to_whom` is X in "报送/报/汇报/反馈/传递给/向 X" or "报送…至 X", X ending in a unit word.
"""

from __future__ import annotations

import re

from ingest.timephrases import TimePhrase, fold_time

_ORG = (
    r"(?:办公室|领导小组|小组|专班|部门|中心|局|委|办|政府|单位|机关|机构|公司|集团|企业|煤矿|矿山|"
    r"厅|部|院|站|所|队|街道办事处|乡镇|村|社区|人|方|户|主体|组织|协会|银行|学校|医院|"
    r"(?<=各)[区县市州镇乡]|(?<=各[区县市州])[（(][^）)]{1,6}[）)])"
)
_SUBJECT_VERB = (
    r"要|应当|应|须|必须|务必|需|负责|在|于|将|按|每|对|向|及时|定期|严格|进行|组织|统筹|"
    r"根据|以|通过|依据|结合|牵头|会同|做到|力争|确保|可|不得|自|从"
)
_SUBJECT = re.compile(
    rf"^(?:由)?(?!对)(?P<who>[^，,。；;：:]{{1,30}}?{_ORG})(?=(?:{_SUBJECT_VERB}))"
)
# A subject right before the phrase: "市应急管理局每月十日前汇总…".
_HEAD_SUBJECT = re.compile(rf"^(?:由)?(?!对)(?P<who>[^，,。；;：:]{{1,30}}?{_ORG})$")
_AFTER_SUBJECT = re.compile(
    rf"^[，,]?(?!对)(?:(?P<all>全[市省县区州旗盟])|(?P<who>[^，,。；;：:]{{1,40}}?{_ORG})"
    r"(?=[，,]|要|应|向|将|须|必须))"
)
_BY_AGENT = re.compile(rf"由(?P<who>[^，,。；;：:由]{{1,30}}?{_ORG})(?:在|于)?$")
_GUIDED = re.compile(
    rf"(?:引导|督促|推动|鼓励|支持|指导|要求|允许|组织)(?P<who>[^，,。；;：:]{{1,30}}{_ORG})$"
)
_TARGET_OF = re.compile(rf"^对(?P<who>[^，,。；;：:]{{1,40}}{_ORG})$")
_TO_END = (
    r"(?=$|[，,。；;：:、]|报|申请|提交|反馈|备案|汇报|并|及|和|审核|审批|办理|核查|处理|颁发|传递|推送|"
    r"说明|通报)"
)
_TO = re.compile(
    rf"(?:报送至?|报告|汇报|上报|反馈|提交|报备|报|送达|抄送|传递给|推送至|推送给|移交|向)"
    rf"(?P<to>[^，,。；;：:、报送向及与的至]{{0,18}}{_ORG}){_TO_END}"
    rf"|(?:报送|上报|提交|推送|移交|反馈|报)[^，,。；;：:]{{1,15}}?至(?P<via>[^，,。；;：:、及与的]{{0,18}}{_ORG})"
    rf"{_TO_END}"
)
_CONNECTOR = re.compile(
    r"(?:应于|应在|要于|要在|请于|务于|须于|必须|应当|并于|并在|均于|于|在|到|至|截至|自|从|为|并)$"
)
_FUNCTION_WORDS = re.compile(
    r"要|应当|应|须|必须|务必|于|在|将|并|前|之前|以前|按照|做到|力争|确保|争取|允许其|其|工作机制|机制|要求|"
    r"制度|[“”\"‘’（）()、，,]"
)
NUMBERING = re.compile(
    r"^\s*(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}\s*[．.、](?!\d)"
    r"|第[一二三四五六七八九十百零〇\d]+[章节条])\s*"
)
# Bracketed asides that are not part of the obligation: assignments, examples, short names.
_ASIDE = re.compile(r"[（(](?:责任单位|牵头单位|配合单位|各县市区|如|以下简称)[^）)]*[）)]")
_DURATION_NOUN = re.compile(r"[\u4e00-\u9fff]{0,4}(?:时间|时限|期限|周期|用时)")
_MECHANISM = re.compile(r"机制|制度|要求")
_GOVERNING = re.compile(r"^(?:按照|根据|依照|按)")
_MODAL = re.compile(r"^(?:要|应当|应|须|必须|务必|需要|需)")
SENTENCE_END = "。；;！!？?"
CLAUSE_END = SENTENCE_END + "，,：:"
_OPEN, _CLOSE = "（(“‘「《【〔[", "）)”’」》】〕]"


def bounds(text: str, start: int, end: int, stops: str) -> tuple[int, int]:
    """The span around [start, end) out to the nearest `stops` character that is not inside
    brackets or quotes closed on the same side."""
    depth, left = 0, start
    while left > 0:
        ch = text[left - 1]
        if ch in _CLOSE:
            depth += 1
        elif ch in _OPEN:
            depth = max(depth - 1, 0)
        elif ch in stops and depth == 0:
            break
        left -= 1
    depth, right = 0, end
    while right < len(text):
        ch = text[right]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(depth - 1, 0)
        elif ch in stops and depth == 0:
            break
        right += 1
    return left, right


# ---- fold-aware helpers: match on the folded form, return printed text --------------------


def _search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    return pattern.search(fold_time(text))


def _group(m: re.Match[str], text: str, *names: str) -> str | None:
    for name in names:
        if m.group(name):
            return text[m.start(name) : m.end(name)]
    return None


def _sub(pattern: re.Pattern[str], text: str) -> str:
    """`text` with every match of `pattern` (found in the folded form) removed."""
    out, last = [], 0
    for m in pattern.finditer(fold_time(text)):
        out.append(text[last : m.start()])
        last = m.end()
    return "".join(out) + text[last:]


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _tidy(text: str) -> str:
    text = _sub(_ASIDE, text)
    text = re.sub(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])", "", text)
    text = text.replace("“”", "").replace('""', "")
    return text.strip(" ，,；;：:。")


def _content(text: str) -> int:
    """How many characters of `text` carry meaning (function words and punctuation removed)."""
    return len(_FUNCTION_WORDS.sub("", fold_time(text)))


def _clause_text(text: str, start: int, end: int, sentence_start: int) -> str:
    """text[start:end], without the heading number when it opens the sentence."""
    return _sub(NUMBERING, text[start:end]) if start == sentence_start else text[start:end]


# ---- what, who, to whom ------------------------------------------------------------------


def obligation(text: str, ph: TimePhrase) -> str:
    """The obligation `ph` limits, as printed (see the module docstring)."""
    heading = _heading_bracket(text, ph)
    if heading is not None:
        return heading
    sa, sb = bounds(text, ph.start, ph.end, SENTENCE_END)
    ca, cb = bounds(text, ph.start, ph.end, CLAUSE_END)
    head = _sub(_CONNECTOR, _clause_text(text, ca, ph.start, sa).rstrip())
    core = head + re.sub(r"^[，,\s]+", "", text[ph.end : cb])
    who = party(text, ph)
    prev = (
        _tidy(_clause_text(text, bounds(text, ca - 1, ca - 1, CLAUSE_END)[0], ca - 1, sa))
        if ca > sa
        else ""
    )
    if not ph.cadence_list and _content(core.replace(who or "", "", 1)) >= 2:
        # "…服务，办理时间一般不超60天": a bare duration noun needs the clause it measures
        if prev and _DURATION_NOUN.fullmatch(fold_time(_tidy(core))):
            return f"{prev}，{_tidy(core)}"
        return _without_party(_tidy(core), who)
    nxt = _tidy(text[cb + 1 : bounds(text, cb + 1, cb + 1, CLAUSE_END)[1]]) if cb < sb else ""
    if ph.cadence_list:
        clause = _tidy(_clause_text(text, ca, cb, sa))
        if _search(_MECHANISM, clause):  # "按照“周调度、月通报”工作机制，引导…"
            return f"{clause}，{nxt}" if nxt and _search(_GOVERNING, clause) else clause
        if prev:  # "切实加强…调度监测，做到日调度、日分析、日汇报"
            return f"{prev}（{_tidy(text[ph.start : ph.end])}）"
        return clause
    if nxt:  # "…要于7月25日前，将实施细则报送…"
        return _without_party(nxt, who)
    return f"{prev}，{_tidy(core)}" if prev else _tidy(text[sa:sb])


def _heading_bracket(text: str, ph: TimePhrase) -> str | None:
    """ "（一）重点排查（2022年6月－8月底）。开展…" → "重点排查：开展…"."""
    numbering = _search(NUMBERING, text)
    if not numbering:
        return None
    before = text[numbering.end() : ph.start].rstrip()
    after = text[ph.end :].lstrip()
    if not (before.endswith(("（", "(")) and after.startswith(("）", ")"))):
        return None
    label = before[:-1].strip()
    if not label or re.search(r"[。；;，,]", label):
        return None
    rest = after[1:].lstrip("。．.；;：: ")
    sa, sb = bounds(rest, 0, 0, SENTENCE_END)
    return f"{_tidy(label)}：{_tidy(rest[sa:sb])}"


def _without_party(what: str, who: str | None) -> str:
    """The obligation without its bearer: "各县政府要将实施方案报…" → "将实施方案报…"."""
    if not who:
        return what
    if what.startswith(who):
        rest = what[len(who) :]
        return _sub(_MODAL, rest).lstrip("，,") or what
    return what.replace(f"由{who}", "", 1)


def party(text: str, ph: TimePhrase) -> str | None:
    """The party bound by `ph`, as printed, when the sentence names one."""
    sa, sb = bounds(text, ph.start, ph.end, SENTENCE_END)
    ca, _ = bounds(text, ph.start, ph.end, CLAUSE_END)
    head = _flat(_clause_text(text, ca, ph.start, sa))
    bare = _sub(_CONNECTOR, head)
    for pattern, subject in (
        (_BY_AGENT, bare),
        (_GUIDED, bare),
        (_SUBJECT, head),
        (_HEAD_SUBJECT, bare),
    ):
        m = _search(pattern, subject)
        if m:
            return _group(m, subject, "who")
    if _content(bare) == 0:  # "每月23日前领导小组各相关成员单位…，向…报送"
        after = _flat(text[ph.end : sb])
        m = _search(_AFTER_SUBJECT, after)
        if m:
            return _group(m, after, "all", "who")
    end, nearest = ca, True
    while end > sa:  # the nearest earlier clause with a subject
        start = bounds(text, end - 1, end - 1, CLAUSE_END)[0]
        clause = _flat(_clause_text(text, start, end - 1, sa))
        m = (_search(_TARGET_OF, clause) if nearest else None) or _search(_SUBJECT, clause)
        if m and not bare and fold_time(clause)[m.end("who") :].startswith("每"):
            return None  # "电视台每月一播，…，每年…": items of a list each have their own
        if m:
            return _group(m, clause, "who")
        end, nearest = start, False
    return None


def recipient(text: str, ph: TimePhrase, limit: int) -> str | None:
    """The unit reported to, as printed: searched from the phrase up to the end of the
    sentence or `limit` (the next phrase), else in the clause before it."""
    sa, sb = bounds(text, ph.start, ph.end, SENTENCE_END)
    ca, _ = bounds(text, ph.start, ph.end, CLAUSE_END)
    after = _flat(text[ph.start : min(sb, limit)])  # from the start: "每半年向市政府报告一次"
    m = _search(_TO, after)
    if m:
        return _group(m, after, "to", "via")
    before = _flat(text[max(ca, sa) : ph.start])
    found = list(_TO.finditer(fold_time(before)))
    return _group(found[-1], before, "to", "via") if found else None
