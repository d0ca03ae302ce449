"""Unit (agency) names as printed: recognise them, split printed lists of them.

Shared by `tasks` (who is assigned a measure) and `agencies` (which printed names are one
body). Matching runs on a *shadow* of the text: full-width forms folded, traditional →
simplified for the characters of administrative vocabulary, one character for one character,
so offsets found in the shadow slice the printed text unchanged.
"""

from __future__ import annotations

import re

from ingest.fold import fold

# Traditional → simplified for characters of agency names and assignment markers
# (牽頭單位 / 責任單位 / 配合單位 …) beyond those `fold` maps. One character each way.
_TRAD_PAIRS = (
    "牽牵 頭头 單单 責责 負负 協协 門门 關关 職职 別别 縣县 區区 會会 員员 機机 構构 與与 發发 展展 衛卫 務务 農农 財财 稅税 資资 規规 劃划 環环 應应 監监 "
    "審审 設设 計计 國国 產产 經经 濟济 開开 質质 檢检 驗验 場场 價价 統统 體体 廣广 電电 視视 藝艺 術术 聯联 團团 組组 織织 傳传 戰战 紀纪 編编 製制 醫医 "
    "療疗 險险 藥药 鄉乡 興兴 運运 輸输 鐵铁 郵邮 氣气 處处 隊队 執执 總总 銀银 證证 廳厅 館馆 廠厂 礦矿 園园 輔辅 導导 辦办 調调 預预 備备 護护 勞劳 動动 "
    "車车 輛辆 當当 實实 並并 個个 對对 於于 從从 來来 時时 間间 為为 這这 將将 還还 進进 過过 選选 擇择 專专 級级 類类 長长 華华 節节 點点 屬属 觀观 權权 "
    "億亿 萬万 條条 們们 說说 讀读 寫写 書书 報报 紙纸 網网 絡络 線线 圖图 畫画 數数 據据 庫库 測测 繪绘 試试 訊讯 貿贸 費费 補补 貼贴 獎奖 勵励 懲惩 違违 "
    "範范 準准 標标 誌志 誠诚 學学 師师 僑侨 衞卫 處处 區区 廳厅 鎮镇 場场 業业 農农 財财 政政 建建 設设 住住 房房 城城 鄉乡 規规 劃划 資资 源源 稅税 務务 "
    "備备 援援 災灾 黨党 委委 辦办 公公 室室 員员 會会 衛卫 健健 康康 醫医 保保 障障 險险 審审 計计 統统 計计 糧粮 儲储 漁渔 獸兽 氣气 象象 質质 監监 檢检 "
    "驗验 藥药 品品 態态 環环 護护 園园 區区 務务 級级 縣县 鄉乡 鎮镇 協协 調调 組组 織织 宣宣 傳传 戰战 僱雇 勞劳 則则 鐘钟 際际 外外 僑侨 貿贸 資资 經经 "
    "濟济 講讲 訓训 練练 獎奖 懲惩 絡络 聯联 絡络 單单 項项 頭头 責责 負负 總总 歸归 檔档 帶带 頁页 號号 闆板 龍龙 雲云 陽阳 陰阴 嶺岭 閩闽 湯汤 東东 餘余 "
    "滬沪 晉晋 遼辽 吳吴 蘇苏 贛赣 魯鲁 豐丰 齊齐 嚴严 儀仪 燈灯 熱热 電电 開开 關关 閉闭 問问 題题 證证 營营 銷销 費费 貸贷 債债 權权 幣币 匯汇 幫帮 災灾"
)
_TRAD_TABLE = {ord(p[0]): p[1] for p in _TRAD_PAIRS.split() if p[0] != p[1]}


def shadow(text: str) -> str:
    """Matching form of `text` with the same length: `fold.fold` (full-width ASCII, common
    traditional characters) plus the traditional characters of agency names. Slicing the
    printed text with offsets found in the shadow gives the printed words."""
    return fold(text).translate(_TRAD_TABLE)


def key(text: str) -> str:
    """Normalised form for comparing names: shadow with all whitespace removed."""
    return "".join(shadow(text).split())


# Suffixes that end the name of a specific body (longest first where one contains another).
STRONG_SUFFIXES = (
    "人民政府",
    "政府",
    "管理委员会",
    "管委会",
    "委员会",
    "办公室",
    "办事处",
    "中心支行",
    "支行",
    "分行",
    "银行",
    "分公司",
    "公司",
    "集团",
    "支队",
    "大队",
    "总队",
    "分局",
    "局",
    "委",
    "办",
    "厅",
    "部",
    "处",
    "中心",
    "研究院",
    "院",
    "所",
    "站",
    "社",
    "联合会",
    "工会",
    "协会",
    "会",
    "署",
    "馆",
    "台",
    "联",
    "协",
    "队",
    "室",
)
# Suffixes of collective or generic assignees ("有关主体企业", "各省级经开区", "市有关部门").
WEAK_SUFFIXES = (
    "部门",
    "单位",
    "企业",
    "主体",
    "机构",
    "机关",
    "开发区",
    "经开区",
    "示范区",
    "园区",
    "区",
    "县",
    "市",
    "乡镇",
    "街道",
    "成员单位",
    "金融机构",
)
_TAIL = re.compile(r"等(?:有关|相关|其他|各)?(?:行业主管|主管)?(?:部门|单位|机构|方面)?$")
_COLLECTIVE_HEAD = re.compile(r"^(?:各|有关|相关|其他|全市|市直|县直|市县|县级|各级|省直)")
_COLLECTIVE_ANY = re.compile(r"有关|相关|各有关|主管部门|属地")
_NOT_UNIT = re.compile(r"[。；;：:“”《》！？!?]|^(?:由|对|在|向|经|按|请|要|将|并|把|与|和|及)")
_OPEN, _CLOSE = "（(【[", "）)】]"


def strip_tail(name: str) -> str:
    """The printed name without a trailing 等 / 等有关单位 / 等行业主管部门 (traditional characters too)."""
    name = name.strip()
    m = _TAIL.search(shadow(name))
    return name[: m.start()].rstrip() if m else name


def looks_like_unit(name: str, strong: bool = False) -> bool:
    """Whether `name` reads as the name of a body: it ends with an agency suffix (only the
    specific-body suffixes when `strong`) and has no sentence punctuation or clause verbs."""
    k = strip_tail(key(name))
    if len(k) < 2 or len(k) > 40 or _NOT_UNIT.search(k):
        return False
    if k.endswith(STRONG_SUFFIXES):
        return True
    return not strong and k.endswith(WEAK_SUFFIXES)


def is_collective(name: str) -> bool:
    """Generic or collective assignees ("各县（市、区）人民政府", "市直有关单位", "有关主体企业")
    as opposed to one specific body."""
    k = key(name)
    if _COLLECTIVE_HEAD.search(k) or _COLLECTIVE_ANY.search(k):
        return True
    base = strip_tail(k)
    return base.endswith(("部门", "单位", "机构", "主体", "企业")) and not base.endswith(
        ("公司", "集团")
    )


def split_top(text: str, seps: str) -> list[tuple[int, int]]:
    """Spans of `text` between separator characters that stand outside brackets."""
    spans, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in seps:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    return spans


_JOINERS = ("以及", "和", "及", "与")


def split_units(text: str) -> list[str]:
    """Printed unit names of a list such as "市财政局、市公安局和各县市区人民政府".

    Splits on 、，, (outside brackets) and on 和/及/与/以及 only where the left side ends like a
    specific body and the right side like a unit, so "市人力资源和社会保障局" stays whole.
    Names keep their printed form (a trailing 等有关单位 included).
    """
    out: list[str] = []
    sh = shadow(text)
    for a, b in split_top(sh, "、，,/／"):
        piece = text[a:b].strip()
        offset = text[a:b].find(piece) if piece else 0
        out.extend(_split_joined(piece, sh[a + offset : a + offset + len(piece)]))
    return [u for u in (" ".join(x.split()) for x in out) if u]


def _split_joined(piece: str, piece_sh: str) -> list[str]:
    depth = 0
    for i, ch in enumerate(piece_sh):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        if depth:
            continue
        for joiner in _JOINERS:
            if piece_sh.startswith(joiner, i) and i > 0:
                left, right = piece_sh[:i], piece_sh[i + len(joiner) :]
                if looks_like_unit(left, strong=True) and looks_like_unit(right):
                    rest = _split_joined(piece[i + len(joiner) :], right)
                    return [piece[:i]] + rest
    return [piece] if piece_sh else []
