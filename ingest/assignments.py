"""Assignment phrases: which units a measure names, and in which role.

Unit names are kept as printed except for a trailing 等 / 等部门 / 等有关单位 ("市公安局等部门"
→ "市公安局"), which is not part of the name; `Assignment.raw` keeps the whole phrase.

Gazettes print the assignment of a measure in a handful of shapes:

* a key-value parenthesis or line: "（责任单位：A、B）", "（牵头单位：A；配合单位：B，C）",
  "责任单位：A、B" on its own line, "部门分工：A牵头，B配合";
* a verb parenthesis: "（A牵头，B、C配合）", "（A、B按职责分别负责）", "（A牵头，B配合，C负责）";
* a duty item that opens with the units: "市住建局负责…", or says "由市工信局牵头，…".

All matching runs on `units.shadow` text (traditional characters and full-width forms folded),
so "（牽頭單位：…）" reads like "（牵头单位：…）"; unit names are sliced from the printed text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.records import UnitRole
from ingest.units import looks_like_unit, shadow, split_units, strip_tail

LEAD, RESPONSIBLE, COOPERATING = "lead", "responsible", "cooperating"

# "牵头单位：" / "责任部门：" / "配合单位：" … (shadow text: full-width colon folded to ":")
KEY = re.compile(
    r"(?P<word>牵头|主办|主责|责任|负责|配合|协办|协同|协助|参与)(?:单位|部门)\s*:"
    r"|(?P<split>(?:部门|单位|职责)?分工)\s*:"
)
_KEY_ROLE = {
    "牵头": LEAD,
    "主办": LEAD,
    "主责": LEAD,
    "责任": RESPONSIBLE,
    "负责": RESPONSIBLE,
    "配合": COOPERATING,
    "协办": COOPERATING,
    "协同": COOPERATING,
    "协助": COOPERATING,
    "参与": COOPERATING,
}
# Verbs that close a "units + verb" clause, longest first.
_VERBS = (
    ("按职责分工负责", RESPONSIBLE),
    ("按职责分别负责", RESPONSIBLE),
    ("按照职责分别负责", RESPONSIBLE),
    ("按职责负责", RESPONSIBLE),
    ("分工负责", RESPONSIBLE),
    ("分别负责", RESPONSIBLE),
    ("共同负责", RESPONSIBLE),
    ("具体负责", RESPONSIBLE),
    ("督促落实", RESPONSIBLE),
    ("组织实施", RESPONSIBLE),
    ("抓好落实", RESPONSIBLE),
    ("牵头负责", LEAD),
    ("牵头抓总", LEAD),
    ("按职责配合", COOPERATING),
    ("积极配合", COOPERATING),
    ("协同配合", COOPERATING),
    ("配合", COOPERATING),
    ("协同", COOPERATING),
    ("协助", COOPERATING),
    ("参与", COOPERATING),
    ("牵头", LEAD),
    ("负责", RESPONSIBLE),
    ("落实", RESPONSIBLE),
)
_CLAUSE_SEPS = ",;，；"


@dataclass(frozen=True, slots=True)
class Assignment:
    """One printed assignment phrase with its units; `start`/`end` index the searched text."""

    raw: str
    units: tuple[UnitRole, ...]
    start: int
    end: int


def parse_keyed(value: str, role: str) -> list[UnitRole]:
    """Units of the value of one key ("A、B，C"), all in `role`."""
    return [UnitRole(strip_tail(u), role) for u in split_units(value) if _plausible(u)]


def parse_verb_clauses(text: str) -> list[UnitRole] | None:
    """Units of "A牵头，B、C配合，D负责"; None unless every clause is units + a role verb."""
    sh = shadow(text)
    units: list[UnitRole] = []
    pending_start = 0
    spans = _clause_spans(sh)
    if not spans:
        return None
    for a, b in spans:
        clause = sh[a:b].rstrip()
        verb = next(((v, r) for v, r in _VERBS if clause.endswith(v)), None)
        if verb is None:
            continue  # a unit list continued after a comma: "A，B配合"
        names = split_units(text[pending_start : a + len(clause) - len(verb[0])])
        if not names or not all(looks_like_unit(n) for n in names):
            return None
        units.extend(UnitRole(strip_tail(n), verb[1]) for n in names)
        pending_start = b + 1
    if pending_start < len(text) and text[pending_start:].strip():
        return None  # trailing words that are not an assignment
    return units or None


def _clause_spans(sh: str) -> list[tuple[int, int]]:
    spans, depth, start = [], 0, 0
    for i, ch in enumerate(sh):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in _CLAUSE_SEPS:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(sh)))
    return [(a, b) for a, b in spans if sh[a:b].strip()]


def _plausible(unit: str) -> bool:
    """A keyed value names units by definition; only reject what is clearly a sentence."""
    k = "".join(shadow(unit).split())
    return 1 < len(k) <= 40 and not re.search(r"[。;:]", k)


def parse_keyed_block(text: str) -> list[UnitRole] | None:
    """Units of text made of keys and values: "牵头单位：A；责任单位：B，C" (None without a key)."""
    sh = shadow(text)
    keys = list(KEY.finditer(sh))
    if not keys or sh[: keys[0].start()].strip(" 　"):
        return None
    units: list[UnitRole] = []
    for i, m in enumerate(keys):
        end = keys[i + 1].start() if i + 1 < len(keys) else len(text)
        value = text[m.end() : end].strip().rstrip(";；。 ")
        if m["split"]:
            units.extend(parse_verb_clauses(value) or [])
        else:
            units.extend(parse_keyed(value, _KEY_ROLE[m["word"]]))
    return units


def balanced_parentheses(sh: str) -> list[tuple[int, int]]:
    """(start, end) of every top-level "（…）" in shadow text, end past the closing bracket."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(sh):
        if ch == "(":
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i + 1))
    return out


def find_assignments(text: str, breaks: tuple[int, ...] = ()) -> list[Assignment]:
    """Explicit assignment phrases in the text of one measure.

    `breaks` are offsets where a printed paragraph (line) starts: a key-value line such as
    "责任单位：A、B" ends at the next break unless the next paragraph is a short fragment of it.
    """
    sh = shadow(text)
    found: list[Assignment] = []
    inside: list[tuple[int, int]] = []
    for a, b in balanced_parentheses(sh):
        content = text[a + 1 : b - 1]
        units = parse_keyed_block(content)
        if units is None:
            units = parse_verb_clauses(content)
        if units:
            found.append(Assignment(text[a:b], tuple(units), a, b))
            inside.append((a, b))
    keys = [m for m in KEY.finditer(sh) if not any(a <= m.start() < b for a, b in inside)]
    for i, m in enumerate(keys):
        end = _value_end(sh, m.end(), breaks, keys[i + 1].start() if i + 1 < len(keys) else len(sh))
        value = text[m.end() : end].strip().rstrip(";；。 ")
        if m["split"]:
            units = parse_verb_clauses(value) or []
        else:
            units = parse_keyed(value, _KEY_ROLE[m["word"]])
        if units:
            found.append(Assignment(text[m.start() : end].strip(), tuple(units), m.start(), end))
    return sorted(found, key=lambda x: x.start)


def _value_end(sh: str, start: int, breaks: tuple[int, ...], limit: int) -> int:
    end = limit
    stop = sh.find("。", start, limit)
    if stop >= 0:
        end = stop
    later = [b for b in breaks if start < b < end]
    for k, b in enumerate(later):
        nxt = later[k + 1] if k + 1 < len(later) else end
        fragment = sh[b:nxt].strip()
        # A value broken over lines: the next "paragraph" is a few characters with no
        # punctuation ("责任单位：出险企业属地政府监管 / 部门").
        if (
            len(fragment) <= 8
            and not re.search(r"[,，。;；:：、]", fragment)
            and not re.match(r"[\d(（一二三四五六七八九十]", fragment)
        ):
            continue
        return b
    return end


def duty_opening(text: str) -> tuple[list[UnitRole], str] | None:
    """Units that open a duty item: "市住建局负责…", "离石区政府、吕梁经开区管委会负责…",
    "市农业农村局牵头，…". Returns the units and the printed clause, or None."""
    sh = shadow(text)
    m = re.match(
        r"^(?P<units>[^,，。;；:：]{2,80}?)\s*[:：]?\s*(?P<verb>牵头负责|牵头|负责|要负责)", sh
    )
    if not m:
        return None
    names = split_units(text[: m.end("units")])
    if not names or not all(looks_like_unit(n, strong=True) or _collective_ok(n) for n in names):
        return None
    role = LEAD if m["verb"].startswith("牵头") else RESPONSIBLE
    clause_end = _clause_end(sh, m.end())
    return [UnitRole(strip_tail(n), role) for n in names], text[:clause_end]


def _collective_ok(name: str) -> bool:
    return looks_like_unit(name) and bool(re.match(r"^各", shadow(name)))


_BY_UNIT = re.compile(
    r"由(?P<units>[^,，。;；:：由]{2,60}?)(?P<verb>牵头|负责)(?=[,，。;；]|组织|会同)"
)


def by_unit_phrases(text: str) -> list[Assignment]:
    """Phrases "由市工信局牵头，组织…" / "由市工信局负责，…" inside a measure's text."""
    sh = shadow(text)
    out = []
    for m in _BY_UNIT.finditer(sh):
        names = split_units(text[m.start("units") : m.end("units")])
        if names and all(looks_like_unit(n, strong=True) for n in names):
            role = LEAD if m["verb"] == "牵头" else RESPONSIBLE
            out.append(
                Assignment(
                    text[m.start() : m.end()],
                    tuple(UnitRole(strip_tail(n), role) for n in names),
                    m.start(),
                    m.end(),
                )
            )
    return out


def _clause_end(sh: str, start: int) -> int:
    m = re.compile(r"[,，。;；]").search(sh, start)
    return m.start() if m else len(sh)
