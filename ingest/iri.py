"""Content-derived IRIs: the same printed key gives the same IRI on every run and machine.

Entity IRIs are `https://w3id.org/gazette-kg/id/{kind}/{slug}`. The slug is the first 16 hex
digits of the SHA-1 of the normalised keys joined with U+001F (a character that never occurs
in printed text, so ("ab", "c") and ("a", "bc") differ). Hashing keeps IRIs short, ASCII and
free of characters that need escaping in Turtle local names; the readable form stays in the
labels. 64 bits make an accidental collision between two keys of one kind negligible.

Normalisation before hashing (`normalise_key`): NFKC, every whitespace character removed, and
document-number brackets unified — [] 【】 ［］ (and round brackets around a 4-digit year,
as in 吕政发(2022)7号) all become 〔〕, the form the gazettes print. Brackets are unified
in every key, because document numbers are part of the keys of tasks, groups and paragraphs.

Named graphs are `https://w3id.org/gazette-kg/graph/{file name}`, the base name of the source
file percent-encoded but otherwise readable, so re-ingesting the same file replaces its graph.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import PurePath
from urllib.parse import quote

ID_BASE = "https://w3id.org/gazette-kg/id/"
GRAPH_BASE = "https://w3id.org/gazette-kg/graph/"

_KIND = re.compile(r"[a-z][a-z0-9-]*")
_YEAR_IN_BRACKETS = re.compile(r"[\[【(]\s*(\d{4})\s*[\]】)]")
_BRACKETS = str.maketrans({"[": "〔", "]": "〕", "【": "〔", "】": "〕"})


def normalise_text(text: str) -> str:
    """NFKC with all whitespace removed: the form printed strings are matched in."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def normalise_key(key: str) -> str:
    """`normalise_text` plus document-number brackets unified to 〔〕."""
    text = _YEAR_IN_BRACKETS.sub(r"〔\1〕", normalise_text(key))
    return text.translate(_BRACKETS)


def mint(kind: str, *keys: str) -> str:
    """Stable IRI of a `kind` of entity ("doc", "org", "person" …) identified by `keys`.

    `mint("doc", "某政发〔2023〕7号") == mint("doc", "某政发[2023] 7号")`.
    Raises ValueError for a kind that is not lower-case ASCII or when no key is given.
    """
    if not _KIND.fullmatch(kind):
        raise ValueError(f"IRI kind {kind!r} must be lower-case ASCII like 'doc' or 'org'")
    if not keys:
        raise ValueError(f"mint({kind!r}) needs at least one key")
    joined = "\x1f".join(normalise_key(k) for k in keys)
    return f"{ID_BASE}{kind}/{hashlib.sha1(joined.encode('utf-8')).hexdigest()[:16]}"


def graph_iri(source_name: str) -> str:
    """IRI of the named graph (and gkg:Gazette node) of the source file `source_name`.

    Only the base name counts, so `/a/b/x.txt` and `x.txt` share a graph.
    """
    name = unicodedata.normalize("NFKC", PurePath(source_name).name).strip()
    if not name:
        raise ValueError(f"cannot derive a graph IRI from source name {source_name!r}")
    return GRAPH_BASE + quote(name, safe="-._~")
