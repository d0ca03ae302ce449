"""Agencies: one record per real body, with every printed alias.

Unit names are collected from task assignments, group offices and member posts, and document
issuers / addressees / interpreting and consulting units. Printed forms are the same body when
the evidence says so, by rules that hold for any gazette of the genre:

1. the same *canonical* form: city name → 市 (吕梁市税务局 = 市税务局, the city read off the
   issuers), 人民政府 = 政府, 委员会 = 委, 办公室 = 办, and the generic abbreviation pieces of
   `_PIECES` (发展和改革 → 发改, 住房和城乡建设 → 住建, 人民银行 → 人行 …);
2. an abbreviation: with the same prefix (市/县/区) and suffix type (局/委/办/中心/支行 …), the
   short body's characters appear in order in exactly one longer body that starts with the
   same character (市招商引资中心 ⊂ 市招商引资服务中心);
3. a bare name whose only prefixed form is printed (银保监分局 → 市银保监分局), a name cut short
   by the layout with exactly one completion (吕梁市规划和自然资源 → 市规划和自然资源局), a
   second name in brackets ("离石区工业和信息化局（离石区国资局）"), and "X（以下简称Y）".

Collective units (各县（市、区）人民政府, 市直有关单位) are agencies too but only join their own
printing variants. When a rule finds more than one candidate, nothing is merged.
"""

from __future__ import annotations

import re
from collections import Counter

from ingest.records import Agency, Document, Group, Paragraph, Task
from ingest.units import (
    STRONG_SUFFIXES,
    is_collective,
    key,
    looks_like_unit,
    shadow,
    split_top,
    split_units,
    strip_tail,
)

# Generic abbreviation pieces of Chinese agency names, long → short (applied longest first).
# They name kinds of bodies found in every city, never one gazette's bodies.
_PIECES = (
    ("人力资源和社会保障", "人社"),
    ("人力资源社会保障", "人社"),
    ("住房和城乡建设", "住建"),
    ("住房城乡建设", "住建"),
    ("发展和改革", "发改"),
    ("发展改革", "发改"),
    ("工业和信息化", "工信"),
    ("文化和旅游", "文旅"),
    ("卫生健康", "卫健"),
    ("卫生和健康", "卫健"),
    ("市场监督管理", "市场监管"),
    ("应急管理", "应急"),
    ("中国人民银行", "人行"),
    ("人民银行", "人行"),
    ("规划和自然资源", "自然资源"),
    ("交通运输", "交通"),
    ("城市管理", "城管"),
    ("医疗保障", "医保"),
    ("科学技术", "科技"),
    ("人民防空", "人防"),
    ("住房公积金", "公积金"),
    ("行政审批服务管理", "行政审批"),
    ("审批服务管理", "行政审批"),
    ("经济技术开发区", "经开区"),
    ("经济开发区", "经开区"),
    ("退役军人事务", "退役军人"),
    ("民族宗教事务", "民宗"),
    ("银行保险监督管理", "银保监"),
    ("国有资产监督管理", "国资"),
    ("生态环境保护", "生态环境"),
    ("农业和农村", "农业农村"),
    ("教育和体育", "教体"),
    ("广播电视", "广电"),
    ("公积金管理中心", "公积金中心"),
)
# Canonical suffix types for the abbreviation rule, longest first.
_SUFFIX_TYPES = (
    "中心支行",
    "支行",
    "分行",
    "分局",
    "分公司",
    "公司",
    "集团",
    "管委会",
    "政府",
    "中心",
    "支队",
    "大队",
    "队",
    "委",
    "办",
    "局",
    "部",
    "厅",
    "处",
    "院",
    "所",
    "站",
    "社",
    "会",
    "室",
)
_PREFIXES = ("市", "县", "区", "省")
# Posts after a unit name in a member line: 局长, 副主任, 二级调研员, 主持日常工作的副部长 …
_TITLE = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,8}的)?(?:常务|党组|一级|二级|三级|四级|专职|执行)?副?"
    r"(?:书记|常委|市长|县长|区长|局长|主任|部长|秘书长|队长|支队长|大队长|行长|总经理|经理|董事长|"
    r"调研员|巡视员|主席|处长|科长|院长|所长|站长|社长|馆长|委员|成员|负责人|干部)"
    r"(?:[(（][^)）]*[)）])?$"
)
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,6}[市县区旗]$")
_ALIAS_NOTE = re.compile(r"\((?:以下)?简称[“\"‘']?(?P<short>[^”\"’')]{2,20})[”\"’']?\)")
_ISSUER_PLACE = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,6}?[市州盟县区旗])(?:人民政府|政府)")


def resolve_agencies(
    documents: list[Document], paragraphs: list[Paragraph], groups: list[Group], tasks: list[Task]
) -> list[Agency]:
    """Cluster every printed unit name into agencies, one per body, aliases as printed."""
    city = issuer_city(documents)
    names = _mentions(documents, groups, tasks)
    merges = _bracket_pairs(names) + _alias_notes(paragraphs, names)
    names += [n for pair in merges for n in pair]
    clusters = _cluster(list(dict.fromkeys(names)), city, merges)
    return [_agency(forms, city) for forms in clusters]


def agency_index(agencies: list[Agency]) -> dict[str, Agency]:
    """Every normalised printed form (key, label, aliases, each also without a trailing 等…)
    → its Agency. Look names up with `lookup`, which normalises the same way."""
    index: dict[str, Agency] = {}
    for agency in agencies:
        for name in (agency.label, *agency.aliases, agency.key):
            for form in (key(name), strip_tail(key(name))):
                index.setdefault(form, agency)
    return index


def lookup(index: dict[str, Agency], name: str, city: str | None = None) -> Agency | None:
    """The agency a printed name denotes: exact normalised form, else the same canonical form
    (市发展改革委员会 finds 市发展和改革委员会), else None."""
    form = strip_tail(key(name))
    if form in index:
        return index[form]
    wanted = canonical(form, city)
    matches = {id(a): a for f, a in index.items() if canonical(f, city) == wanted}
    return next(iter(matches.values())) if len(matches) == 1 else None


def issuer_city(documents: list[Document]) -> str | None:
    """The place whose government issues the gazette ("吕梁市"), from issuers or titles."""
    places: Counter[str] = Counter()
    for d in documents:
        for text in (d.issuer, d.title):
            m = _ISSUER_PLACE.match(key(text or ""))
            if m:
                places[m["place"]] += 1
                break
    return places.most_common(1)[0][0] if places else None


def canonical(name: str, city: str | None = None) -> str:
    """Matching form of a unit name: city → its level (吕梁市X → 市X), generic abbreviation
    pieces shortened, 人民政府 → 政府, 委员会 → 委, 办公室 → 办, 县（市、区） → 县市区,
    各有关 → 有关."""
    k = strip_tail(key(name))
    k = re.sub(r"\(([市县区旗、]+)\)", lambda m: m[1].replace("、", ""), k)
    if city:
        level, short = city[-1], city[:-1]
        if k.startswith(city) and len(k) > len(city):
            k = level + k[len(city) :]
        elif (
            len(short) >= 2
            and k.startswith(short)
            and len(k) > len(short) + 1
            and not k.startswith(city)
        ):
            k = level + k[len(short) :]
        k = k[:1] + k[1:].replace(city, short)
    k = k.replace("人民政府", "政府").replace("各有关", "有关").replace("各相关", "相关")
    for long, short_piece in _PIECES:
        k = k.replace(long, short_piece)
    for long, short_suffix in (("管理委员会", "管委会"), ("委员会", "委"), ("办公室", "办")):
        if k.endswith(long):
            k = k[: -len(long)] + short_suffix
    if k.endswith("区管委会"):
        k = k[: -len("管委会")]
    return k


# --- collecting printed names ------------------------------------------------------------


def _mentions(documents: list[Document], groups: list[Group], tasks: list[Task]) -> list[str]:
    out: list[str] = []
    for t in tasks:
        out.extend(u.unit for u in t.units)
    for g in groups:
        if g.office_at:
            out.extend(split_units(g.office_at))
        for m in g.members:
            out.extend(post_units(m.title))
        if g.office_director:
            out.extend(post_units(re.sub(r"(兼任|[(（]兼[)）]|兼)$", "", g.office_director)))
    for d in documents:
        out.extend(split_units(d.issuer) if d.issuer else [])  # joint documents: "A、B"
        for text in (d.interpreted_by, d.consult_unit):
            if text:
                out.append(text)
        if d.recipients:
            out.extend(_recipients(d.recipients))
    printed = ["".join(strip_tail(n).split()) for n in out]
    return [n for n in printed if n and (looks_like_unit(n) or _truncated(n) or _bracketed(n))]


def post_units(title: str) -> list[str]:
    """Units named in a member's post: "市委统战部副部长、市民宗局局长" → [市委统战部, 市民宗局]."""
    units = []
    for a, b in split_top(shadow(title), "、，,;；"):
        post, post_sh = title[a:b].strip(), "".join(shadow(title[a:b]).split())
        for cut in range(len(post_sh) - 1, 1, -1):
            head, rest = post_sh[:cut], post_sh[cut:]
            if looks_like_unit(head, strong=True) and _TITLE.match(rest):
                units.append(_printed_prefix(post, cut))
                break
    return units


def _printed_prefix(printed: str, count: int) -> str:
    """The first `count` non-space characters of `printed`."""
    seen = 0
    for i, ch in enumerate(printed):
        seen += not ch.isspace()
        if seen == count:
            return "".join(printed[: i + 1].split())
    return "".join(printed.split())


def _recipients(text: str) -> list[str]:
    """Addressees split into units; "汾阳市、孝义市、文水县人民政府" gives each place the
    suffix printed once after the last one."""
    names = split_units(text)
    if len(names) > 1:
        last = key(names[-1])
        m = re.match(r"^(?P<place>[\u4e00-\u9fff]{1,6}[市县区旗])(?P<suffix>人民政府|政府)$", last)
        if m and all(_PLACE.match(key(n)) for n in names[:-1]):
            names = [n + m["suffix"] for n in names[:-1]] + names[-1:]
    return names


def _truncated(name: str) -> bool:
    """A name the layout cut short ("吕梁市规划和自然资源"): long enough, no unit suffix."""
    k = key(name)
    return len(k) >= 6 and not re.search(r"[,，。;；:：、()（）]", k)


def _bracketed(name: str) -> tuple[str, str] | None:
    """Both names of a body printed as "离石区工业和信息化局（离石区国资局）", or None."""
    m = re.match(r"^(?P<a>.+?)\((?P<b>[^()]+)\)$", key(name))
    if m and looks_like_unit(m["a"], strong=True) and looks_like_unit(m["b"], strong=True):
        return m["a"], m["b"]
    return None


def _bracket_pairs(names: list[str]) -> list[tuple[str, str]]:
    """Both names of every "A（B）" as one body; the bracketed form itself is dropped."""
    pairs = [pair for n in names if (pair := _bracketed(n)) is not None]
    names[:] = [n for n in names if _bracketed(n) is None]
    return pairs


def _alias_notes(paragraphs: list[Paragraph], names: list[str]) -> list[tuple[str, str]]:
    """Pairs declared as "X（以下简称Y）", X ending with a collected name and Y a unit name."""
    known = sorted({key(n) for n in names}, key=len, reverse=True)
    pairs = []
    for p in paragraphs:
        sh = "".join(shadow(p.text).split())
        for m in _ALIAS_NOTE.finditer(sh):
            before = sh[: m.start()]
            full = next((k for k in known if before.endswith(k)), None)
            if full and looks_like_unit(m["short"]):
                pairs.append((full, m["short"]))
    return pairs


# --- clustering -------------------------------------------------------------------------


def _cluster(names: list[str], city: str | None, merges: list[tuple[str, str]]) -> list[list[str]]:
    parent = {n: n for n in names}

    def find(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    by_canon: dict[str, list[str]] = {}
    for n in names:
        by_canon.setdefault(canonical(n, city), []).append(n)
    for group in by_canon.values():
        for n in group[1:]:
            union(n, group[0])
    for a, b in merges:
        if a in parent and b in parent:
            union(a, b)
    specific = {
        c: g[0] for c, g in by_canon.items() if looks_like_unit(c) and not is_collective(g[0])
    }
    for c, group in by_canon.items():
        local = _under_parent(group[0], city)
        if local is not None and local in specific:
            union(group[0], specific[local])
    for short_canon, rep in specific.items():
        target = _abbreviation_of(short_canon, specific) or _bare_of(short_canon, specific)
        if target is not None:
            union(rep, specific[target])
    complete = [c for c in by_canon if looks_like_unit(c)]
    for c, group in by_canon.items():
        if looks_like_unit(c) or not _truncated(group[0]):
            continue
        completions = {
            find(by_canon[o][0]) for o in complete if o.startswith(c) and _only_suffix(o[len(c) :])
        }
        if len(completions) == 1:
            union(group[0], completions.pop())
    clusters: dict[str, list[str]] = {}
    for n in names:
        clusters.setdefault(find(n), []).append(n)
    return list(clusters.values())


def _under_parent(name: str, city: str | None) -> str | None:
    """The canonical local name inside "国家税务总局吕梁市税务局" (a parent body's name before
    the city's own name of the body): 市税务局, when it has a body word of its own."""
    k = key(name)
    at = k.find(city) if city else -1
    if at <= 0:
        return None
    local = canonical(k[at:], city)
    _, body, suffix = _split_name(local)
    return local if body and suffix else None


def _split_name(canon: str) -> tuple[str, str, str]:
    prefix = canon[0] if canon[:1] in _PREFIXES else ""
    rest = canon[len(prefix) :]
    suffix = next((s for s in _SUFFIX_TYPES if rest.endswith(s)), "")
    return prefix, rest[: len(rest) - len(suffix)], suffix


def _abbreviation_of(short: str, specific: dict[str, str]) -> str | None:
    """The one longer canonical name `short` abbreviates (same prefix and suffix type, same
    first character, its characters in order), or None when there is none or several."""
    prefix, body, suffix = _split_name(short)
    if not prefix or not suffix or not body:
        return None
    found = []
    for other in specific:
        p, b, s = _split_name(other)
        if (
            (p, s) == (prefix, suffix)
            and len(b) > len(body)
            and b[0] == body[0]
            and _in_order(body, b)
        ):
            found.append(other)
    return found[0] if len(found) == 1 else None


def _bare_of(bare: str, specific: dict[str, str]) -> str | None:
    """The prefixed form of a bare name (银保监分局 → 市银保监分局) when it is the only one."""
    if bare[:1] in _PREFIXES:
        return None
    found = [o for o in specific if o[:1] in _PREFIXES and o[1:] == bare]
    return found[0] if len(found) == 1 else None


def _in_order(short: str, long: str) -> bool:
    chars = iter(long)
    return all(ch in chars for ch in short)


def _only_suffix(rest: str) -> bool:
    return rest in STRONG_SUFFIXES


def _agency(forms: list[str], city: str | None) -> Agency:
    """Key: the fullest name qualified with the city (吕梁市发展和改革委员会); label: the
    fullest printed form; aliases: the other printed forms."""
    printed = list(dict.fromkeys("".join(f.split()) for f in forms))
    complete = [f for f in printed if looks_like_unit(f)] or printed

    def local(f: str) -> str:
        k = key(f)
        if city and k.startswith(city):
            return city[-1] + k[len(city) :]
        return k

    label = max(complete, key=lambda f: (len(local(f)), len(key(f))))
    full = local(label)
    if city and full.startswith(city[-1]) and not key(label).startswith(city):
        agency_key = city + full[1:]
    else:
        agency_key = key(label)
    aliases = tuple(f for f in printed if f != label)
    return Agency(key=agency_key, label=label, aliases=aliases, collective=is_collective(label))
