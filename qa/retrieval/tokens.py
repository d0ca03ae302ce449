"""Tokenisers for BM25 over Chinese text: pure functions from text to a list of terms.

Chinese has no spaces, so the terms of a run of Han characters are its characters and/or
overlapping character bigrams; runs of Latin letters and digits (GB50516, 1.63, 35mpa) stay
whole. Text is NFKC-normalised and lower-cased first so full-width digits, letters and
punctuation (２０％, ＧＢ) match their half-width forms, and whitespace is dropped (the
gazette's PDF text puts spaces around numbers: "20 万元" must match "20万元").

Measured on ../shared/eval/dev_retrieval.json (bench/retrieval_eval.py --tokenizers),
unigrams + bigrams beat bigrams alone, unigrams alone and jieba: bigrams carry the phrase,
unigrams let a query word match when the passage words it differently (戴头盔 / 佩戴头盔).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

Tokenizer = Callable[[str], list[str]]

# A Han run, or an alphanumeric run with decimals and dotted codes kept together.
_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[0-9a-z]+(?:\.[0-9a-z]+)*")


def normalise(text: str) -> str:
    """NFKC, lower case, all whitespace removed: the form used for matching only."""
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def runs(text: str) -> list[tuple[bool, str]]:
    """(is_han, run) for each Han or alphanumeric run of the normalised text; punctuation
    and other symbols are dropped."""
    return [(not m.group().isascii(), m.group()) for m in _RUN.finditer(normalise(text))]


def _bigrams(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)]


def char_unigrams(text: str) -> list[str]:
    """Each Han character, and each alphanumeric run whole."""
    out: list[str] = []
    for han, run in runs(text):
        out.extend(run if han else (run,))
    return out


def char_bigrams(text: str) -> list[str]:
    """Overlapping Han bigrams (a one-character run stays a unigram), alphanumeric runs whole."""
    out: list[str] = []
    for han, run in runs(text):
        out.extend(_bigrams(run) if han and len(run) > 1 else (run,))
    return out


def char_uni_bigrams(text: str) -> list[str]:
    """Han characters and overlapping Han bigrams, alphanumeric runs whole."""
    out: list[str] = []
    for han, run in runs(text):
        if han:
            out.extend(run)
            out.extend(_bigrams(run))
        else:
            out.append(run)
    return out


def jieba_words(text: str) -> list[str]:
    """jieba search-mode words of each Han run (no HMM, so no guessed new words), alphanumeric
    runs whole."""
    import jieba  # type: ignore[import-untyped]

    jieba.setLogLevel(60)
    out: list[str] = []
    for han, run in runs(text):
        out.extend(jieba.cut_for_search(run, HMM=False) if han else (run,))
    return out


def jieba_bigrams(text: str) -> list[str]:
    """jieba search-mode words plus all Han bigrams."""
    words = jieba_words(text)
    return words + [b for han, run in runs(text) if han for b in _bigrams(run)]


TOKENIZERS: dict[str, Tokenizer] = {
    "unigram": char_unigrams,
    "bigram": char_bigrams,
    "uni+bigram": char_uni_bigrams,
    "jieba": jieba_words,
    "jieba+bigram": jieba_bigrams,
}
DEFAULT_TOKENIZER = "uni+bigram"


def tokenize(text: str) -> list[str]:
    """Terms of `text` for BM25 with the default tokeniser (see module docstring)."""
    return TOKENIZERS[DEFAULT_TOKENIZER](text)
