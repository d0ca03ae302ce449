"""Entity linking: question words → graph nodes (groups, agencies, people, documents).

Label catalogs are read once from the graph with the catalog_*.rq templates. Matching is
tolerant: every label also gets generic short forms (place prefix dropped, parenthesised
characters dropped or kept, the 关于…的通知 frame of a document title removed), and a label
is scored by how much of it — weighted by how rare each character bigram is among the labels
of its kind — occurs in the question. So 自建房小组 finds 某市自建房安全专项整治工作领导小组,
and traditional characters or a typo cost one or two bigrams, not the match.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

import pyoxigraph as ox

from qa import templates
from qa.posts import abbreviates
from qa.textnorm import fold

KINDS = ("group", "agency", "person", "document")


@dataclass(frozen=True, slots=True)
class Entity:
    """One linkable graph node with its labels (printed forms)."""

    kind: str  # group | agency | person | document
    iri: str
    name: str  # preferred display label
    labels: tuple[str, ...]
    extra: tuple[tuple[str, str], ...] = ()  # e.g. (("number", "某政发〔2023〕7号"),)

    def get(self, key: str) -> str | None:
        """The extra value called `key`, if any."""
        return next((v for k, v in self.extra if k == key), None)


@dataclass(frozen=True, slots=True)
class Link:
    """A scored candidate for a mention in the question."""

    entity: Entity
    score: float  # 0..1: weighted share of the label found in the question
    matched: str  # the label variant that matched best


def _bigrams(text: str) -> list[str]:
    t = re.sub(r"[^\w]", "", text)
    return [t[i : i + 2] for i in range(len(t) - 1)] if len(t) > 1 else ([t] if t else [])


_PLACE_PREFIX = re.compile(r"^[\u4e00-\u9fff]{2,4}?(?:市|省|县|自治区)(?=[\u4e00-\u9fff]{3,})")
_DOC_FRAME = re.compile(r"^.*?关于(?:印发|转发|下达|成立|建立|开展|加强|同意|对)?")
_DOC_TAIL = re.compile(r"的(?:通知|决定|批复|意见|函|通告|公告|报告|请示)$")


def variants(label: str, kind: str) -> list[str]:
    """Folded forms a label is matched in: as printed, and generic short forms of it."""
    base = fold(label)
    forms = {base}
    no_paren = re.sub(r"\([^()]{1,14}\)", "", base)
    flat = base.replace("(", "").replace(")", "")
    forms |= {no_paren, flat}
    if kind == "document":
        for f in list(forms):
            core = _DOC_TAIL.sub("", _DOC_FRAME.sub("", f))
            if len(core) >= 4:
                forms.add(core)
    for f in list(forms):
        stripped = _PLACE_PREFIX.sub("", f)
        if stripped != f and len(stripped) >= 3:
            forms.add(stripped)
    if kind == "group":
        for f in list(forms):
            core = re.sub(r"(?:工作)?(?:领导小组|工作专班|专班|指挥部|委员会|小组)$", "", f)
            if len(core) >= 3:
                forms.add(core)
    return sorted(f for f in forms if f)


_GROUP_KIND = re.compile(r"(?:工作)?(?:领导小组|工作专班|专班|指挥部|委员会|联席会议|小组)$")
RUN_MIN, RUN_MAX = 3, 10  # lengths of shared substrings that can single out one entity


_BODY = re.compile(r"(领导小组|领导组|工作专班|专班|指挥部|委员会|联席会议|专家组|工作组|小组)$")


def group_body(name: str) -> str:
    """The kind of body a group label names (领导小组, 专班, 委员会 …), "" when none;
    工作专班 counts as 专班."""
    m = _BODY.search(fold(name))
    return m.group(1).removeprefix("工作") if m else ""


def core_form(form: str, kind: str) -> bool:
    """Whether a label variant is a core name (no generic frame) used for fuzzy scoring."""
    if kind == "group":
        return not _GROUP_KIND.search(form)
    if kind == "document":
        return not (_DOC_TAIL.search(form) or "关于" in form)
    return True


def _substrings(text: str, shortest: int = RUN_MIN) -> set[str]:
    return {text[i : i + n] for n in range(shortest, RUN_MAX + 1) for i in range(len(text) - n + 1)}


@dataclass
class Catalog:
    """Label catalogs of one store, with bigram weights per kind."""

    entities: dict[str, list[Entity]] = field(default_factory=dict)
    _forms: dict[str, list[tuple[Entity, str, list[str]]]] = field(default_factory=dict)
    _weights: dict[str, dict[str, float]] = field(default_factory=dict)
    _owners: dict[str, Counter[str]] = field(default_factory=dict)  # substring -> entity count
    # (substring, kind of body) -> group count: 自建房 + 领导小组 singles out one of two 自建房 groups
    _kind_owners: Counter[tuple[str, str]] = field(default_factory=Counter)

    @classmethod
    def load(cls, store: ox.Store) -> Catalog:
        """Read every catalog template from `store` and index the labels."""
        entities = {
            "group": _groups(store),
            "agency": _agencies(store),
            "person": _people(store),
            "document": _documents(store),
        }
        catalog = cls(entities)
        for kind, items in entities.items():
            catalog._index(kind, items)
        return catalog

    def _index(self, kind: str, items: list[Entity]) -> None:
        forms = []
        df: Counter[str] = Counter()
        for entity in items:
            seen: set[str] = set()
            entity_grams: set[str] = set()
            for label in entity.labels:
                for form in variants(label, entity.kind):
                    if form in seen:
                        continue
                    seen.add(form)
                    grams = _bigrams(form)
                    entity_grams.update(grams)
                    forms.append((entity, form, grams))
            df.update(entity_grams)
        n = max(1, len(items))
        self._forms[kind] = forms
        self._weights[kind] = {g: math.log(1 + n / c) for g, c in df.items()}
        owners: Counter[str] = Counter()
        for entity in items:
            subs: set[str] = set()
            for label in entity.labels:
                for form in variants(label, entity.kind):
                    subs |= _substrings(form, 2)
            owners.update(subs)
            if kind == "group":
                body = group_body(entity.name)
                self._kind_owners.update((sub, body) for sub in subs if body)
        self._owners[kind] = owners

    def names(self, kind: str) -> frozenset[str]:
        """Every folded label of a kind (e.g. all person names)."""
        return frozenset(fold(label) for e in self.entities.get(kind, []) for label in e.labels)

    def by_iri(self, iri: str) -> Entity | None:
        """The entity with this IRI, of any kind."""
        for items in self.entities.values():
            for e in items:
                if e.iri == iri:
                    return e
        return None

    def link(self, question: str, kind: str, limit: int = 5) -> list[Link]:
        """Best entities of `kind` mentioned in `question`, best first (score > 0 only)."""
        q = fold(question)
        qgrams = set(_bigrams(q))
        qsubs = _substrings(q)
        weights = self._weights.get(kind, {})
        owners = self._owners.get(kind, Counter())
        best: dict[str, Link] = {}
        for entity, form, grams in self._forms.get(kind, []):
            if not grams:
                continue
            if form in q and len(form) >= 2:
                score = 1.0
            elif kind == "person" or not core_form(form, kind):
                continue  # names match exactly; frames (…领导小组, 关于…的通知) only as a whole
            else:
                total = sum(weights.get(g, 1.0) for g in grams)
                hit = sum(weights.get(g, 1.0) for g in grams if g in qgrams)
                score = hit / total if total else 0.0
                run = _longest_shared(form, qsubs)
                body = group_body(entity.name) if kind == "group" else ""
                if run and owners[run] == 1:
                    # a run of the name that no other entity has singles this one out
                    score = max(score, min(0.95, 0.55 + 0.03 * len(run)))
                elif run and body and body in q and self._kind_owners[(run, body)] == 1:
                    # "自建房领导小组": the run is shared by 自建房…领导小组 and 自建房…专班, but
                    # only one of them is the kind of body the question names
                    score = max(score, min(0.9, 0.5 + 0.03 * len(run)))
                elif kind == "document" and re.search(
                    r"(?:规划|方案|办法|措施|意见|计划|决定|批复)$", form
                ):
                    # "氢能规划": a pair of the name only this document has, plus its genre word
                    pair = next((g for g in grams if g in qgrams and owners[g] == 1), "")
                    if pair and form[-2:] in q:
                        score = max(score, 0.56)
                elif kind == "group" and re.search(r"领导小组|专班|指挥部|委员会|小组|领导组", q):
                    # "煤炭专班": two characters of the name that only this group has, next to
                    # the kind of body, still single it out
                    pair = next((g for g in grams if g in qgrams and owners[g] == 1), "")
                    if pair:
                        score = max(score, 0.5)
            if score <= 0:
                continue
            if kind == "group" and score < 1.0:
                # 领导小组 vs 专班: the kind of body the question names separates namesakes
                suffix = _GROUP_KIND.search(fold(entity.name))
                if suffix and suffix.group().removeprefix("工作") in q:
                    score += 0.1
            # Longer matched forms are more specific: prefer them on ties.
            score = min(1.0, score) + min(len(form), 30) / 1000
            old = best.get(entity.iri)
            if old is None or score > old.score:
                best[entity.iri] = Link(entity, score, form)
        if kind == "group" and max((lk.score for lk in best.values()), default=0.0) < 0.45:
            short = self._abbreviated_group(q)
            if short is not None:
                best[short.entity.iri] = short
        return sorted(best.values(), key=lambda link: -link.score)[:limit]

    def _abbreviated_group(self, q: str) -> Link | None:
        """The one group a short form in the question abbreviates: 安委会 → 安全生产委员会."""
        tokens = {
            q[i : i + n]
            for n in range(3, 6)
            for i in range(len(q) - n + 1)
            if re.fullmatch(r"[\u4e00-\u9fff]+[会组班部]", q[i : i + n])
        }
        found: dict[str, Link] = {}
        for entity, form, _ in self._forms.get("group", []):
            for token in tokens:
                if len(token) < len(form) and abbreviates(token, form):
                    found[entity.iri] = Link(entity, 0.6, token)
        return next(iter(found.values())) if len(found) == 1 else None

    def document_by_number(self, question: str) -> Entity | None:
        """The document whose number is written in the question (any bracket style)."""
        m = number_in(question)
        if not m:
            return None
        wanted = _number_key(m.group())
        for e in self.entities.get("document", []):
            if _number_key(e.get("number") or "") == wanted:
                return e
        return None


_ANY_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,12}\s*[〔\[【［(（]\s*\d{4}\s*[〕\]】］)）]\s*第?\s*\d+\s*号"
)


def number_in(question: str) -> re.Match[str] | None:
    """A document number written in the question (any bracket style, any length), if any."""
    return _ANY_NUMBER.search(question) or _ANY_NUMBER.search(fold(question))


def _longest_shared(form: str, qsubs: set[str]) -> str:
    """The longest substring of `form` (RUN_MIN..RUN_MAX characters) that the question has."""
    for n in range(min(RUN_MAX, len(form)), RUN_MIN - 1, -1):
        for i in range(len(form) - n + 1):
            run = form[i : i + n]
            if run in qsubs and len(re.findall(r"[\u4e00-\u9fff]", run)) >= 2:
                return run
    return ""


def _number_key(number: str) -> str:
    """Document number without brackets, spaces or 第: 某政发〔2023〕7号 → 某政发20237号."""
    return re.sub(
        r"[\s〔〕\[\]【】［］()（）第]", "", fold(number).replace("(", "").replace(")", "")
    )


def _rows(store: ox.Store, name: str) -> list[dict]:
    return templates.run(store, name).rows


def _groups(store: ox.Store) -> list[Entity]:
    labels: dict[str, list[str]] = {}
    docs: dict[str, str] = {}
    for r in _rows(store, "catalog_groups"):
        labels.setdefault(r["group"], []).append(r["label"])
        if r.get("doc_number"):
            docs[r["group"]] = r["doc_number"]
    return [
        Entity(
            "group",
            iri,
            names[0],
            tuple(dict.fromkeys(names)),
            (("doc_number", docs.get(iri, "")),),
        )
        for iri, names in labels.items()
    ]


def _agencies(store: ox.Store) -> list[Entity]:
    labels: dict[str, list[str]] = {}
    pref: dict[str, str] = {}
    for r in _rows(store, "catalog_agencies"):
        labels.setdefault(r["org"], []).append(r["label"])
        if r.get("pref"):
            pref[r["org"]] = r["pref"]
    return [
        Entity("agency", iri, pref.get(iri, names[0]), tuple(dict.fromkeys(names)))
        for iri, names in labels.items()
    ]


def _people(store: ox.Store) -> list[Entity]:
    people: dict[str, list[str]] = {}
    for r in _rows(store, "catalog_people"):
        people.setdefault(r["person"], []).append(r["name"])
    return [
        Entity("person", iri, names[0], tuple(dict.fromkeys(names)))
        for iri, names in people.items()
    ]


def _documents(store: ox.Store) -> list[Entity]:
    out: dict[str, Entity] = {}
    for r in _rows(store, "catalog_documents"):
        if r["doc"] in out:
            continue
        names = [r.get("title"), r.get("attached")]
        extra = tuple(
            (k, r[k]) for k in ("number", "consult_unit", "interpreter", "issuer") if r.get(k)
        )
        labels = tuple(n for n in names if n)
        out[r["doc"]] = Entity("document", r["doc"], r.get("title") or r["number"], labels, extra)
    return list(out.values())
