"""BM25 tokenisers are pure functions over NFKC-normalised, whitespace-free text."""

import pytest

from qa.retrieval import normalise, tokenize
from qa.retrieval.tokens import TOKENIZERS, char_bigrams, char_uni_bigrams, char_unigrams


def test_normalise_folds_full_width_forms_case_and_whitespace():
    assert normalise("最低首付比例 ２０％ ，ＧＢ 50516") == "最低首付比例20%,gb50516"


def test_unigrams_bigrams_and_alphanumeric_runs():
    assert char_unigrams("加氢站") == ["加", "氢", "站"]
    assert char_bigrams("加氢站") == ["加氢", "氢站"]
    assert char_uni_bigrams("加氢站") == ["加", "氢", "站", "加氢", "氢站"]
    assert char_bigrams("市级奖励 20 万元") == ["市级", "级奖", "奖励", "20", "万元"]


def test_codes_and_decimals_stay_whole_and_punctuation_is_dropped():
    assert char_bigrams("《加氢站技术规范》（GB50516）规定 1.63 亿吨。") == [
        "加氢",
        "氢站",
        "站技",
        "技术",
        "术规",
        "规范",
        "gb50516",
        "规定",
        "1.63",
        "亿吨",
    ]


def test_a_lone_han_character_is_kept_as_a_unigram_term():
    assert char_bigrams("乡村 e镇") == ["乡村", "e", "镇"]


def test_printed_spacing_does_not_change_the_terms():
    assert tokenize("计划供应总量 213.086 公顷") == tokenize("计划供应总量213.086公顷")
    assert tokenize("１３７０万立方米") == tokenize("1370 万立方米")


@pytest.mark.parametrize("name", sorted(TOKENIZERS))
def test_every_tokeniser_is_deterministic_and_handles_empty_text(name):
    tok = TOKENIZERS[name]
    text = "对中小微企业的存量留抵税额于 6月底前一次性全额退还"
    assert tok(text) == tok(text)
    assert tok("") == []
    assert tok("，。！") == []


def test_default_tokeniser_is_unigrams_plus_bigrams():
    assert tokenize("头盔佩戴率") == char_uni_bigrams("头盔佩戴率")
