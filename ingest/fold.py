"""A length-preserving matching form of gazette text.

`fold` maps characters one to one, so a match found in the folded text is sliced out of the
printed text at the same offsets: the printed form stays for display, the folded form is only
for matching (the NFKC-and-no-whitespace form of `text.normalise` changes lengths and is for
comparing whole strings).

Folded: full-width ASCII (０-９, Ａ-Ｚ, （）：，；) → ASCII, the ideographic space → space, and
the traditional characters that the patterns of ingest match (關於, 號, 發, 辦, 決定, 報告 …)
→ simplified. The table is deliberately small: characters that only matter for names are
left alone, and characters that are also valid simplified (覆, 乾 …) are never mapped.
"""

from __future__ import annotations

# Pairs of traditional → simplified characters; one character each side.
_TRADITIONAL = (
    "關关於于號号發发辦办廳厅決决規规見见報报復复議议紀纪會会書书記记條条細细則则綱纲劃划計计頒颁佈布"
    "轉转給给們们經经現现將将為为實实務务試试執执廢废開开簽签諮咨詢询單单電电話话讀读負负責责項项標标"
    "準准統统財财資资産产產产業业國国東东廣广處处應应該该質质監监營营運运輸输農农鄉乡鎮镇衛卫醫医療疗"
    "藥药環环護护態态礦矿熱热氣气審审貿贸稅税銀银險险證证時时間间預预級级縣县區区門门組组織织長长導导"
    "領领設设員员機机構构屬属請请對对進进廠厂軍军黨党歲岁數数兩两億亿萬万與与從从來来後后爲为並并個个"
    "這这過过還还聯联體体夥伙貫贯徹彻認认據据參参舉举簡简稱称總总縂总歷历義义幹干擬拟蘭兰陝陕晉晋遼辽"
    "瀋沈漢汉齊齐魯鲁閩闽貴贵雲云蘇苏寧宁灣湾澤泽陽阳濟济紅红綠绿華华達达興兴豐丰嚴严聖圣雙双線线網网"
    "絡络遞递選选鄰邻專专獎奖勵励補补貼贴購购銷销價价權权職职園园協协調调氫氢傳传動动勞劳輔辅銜衔銳锐"
    "鐵铁綜综戰战儲储備备檢检測测驗验藝艺術术團团顧顾問问"
)
_TABLE: dict[int, int] = {ord(a): ord(b) for a, b in zip(_TRADITIONAL[::2], _TRADITIONAL[1::2])}
_TABLE.update({code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)})  # full-width ASCII
_TABLE[0x3000] = 0x20  # ideographic space


def fold(text: str) -> str:
    """The matching form of `text`, the same length: full-width ASCII → ASCII, traditional →
    simplified for the characters gazette patterns use. Slice the printed text with offsets
    found in the folded text."""
    return text.translate(_TABLE)
