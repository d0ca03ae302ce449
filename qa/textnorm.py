"""Text forms used for matching questions against the graph and passages (never for display).

`fold` is the one matching form: NFKC, traditional → simplified characters, Chinese
quotation marks and brackets dropped or unified, whitespace removed, Latin lower-cased.
The traditional → simplified step uses OpenCC when it is installed and otherwise a compact
table of the characters that occur in government-gazette questions (offices, posts, question
words); characters outside the table are kept, which only costs recall, never correctness.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Pairs (traditional, simplified). Chosen for the genre: bodies, posts, question words, the
# common characters of policy text and of common surnames. Kept as two aligned strings so the
# table stays small.
_TRAD = (
    "長組員導領門責單設誰會書務縣區報發號話電諮詢時間後們這個幾麼產業經濟礦資規劃財稅環衛"
    "農試點進開關於國證質監應統計數據醫療險穩專獎勵補貼價機構體準標實現項審批復決議見條辦"
    "處負擔當與協調領導員職稱廳傳輸運鐵鋼氣電網絡腦軟營銷場場購買賣貨幣銀行僑聯婦殘聯團黨"
    "紀檢務護園療藥衛創優勢權屬歸範圍類別級層樣態區劃鄉鎮村莊戶籍齡兒婦盡嚴禁違規罰懲處獲"
    "驗證檢測報告誌誤認識讀寫說話語詞請問答應該雖然還沒並將從裡邊麼嗎呢啥誰幾號頭兒歸管找"
    "哪兒該續補貼稅費額總計劃畫線區號碼電話傳真郵箱網站網址簡稱縮寫舊新舉辦屆隊軍團廠礦"
    "飯館車輛駕駛騎乘頭盔佩戴勸導務站縣級鄉級協會議論選舉聽證醫院學校師範課程設計劃撥繳"
    "餘額帳戶庫存財產債務擔保險種類員額編製寫錄聯絡訊報導問題難點積極極穩經濟濟態勢壓減"
    "換屬轉讓讓渡權證書務實兌現貫徹徹執執行綜綫線圖單獨斷續際優惠惠企寬鬆減輕負擔輕鬆彈"
    "煉廠鋁酒戲劇影視聽廣播電視臺灣灣區澤潤滯漲漢韓蘇齊魯晉陝豫黔滬渝瓊貴廣東進遠運達還"
    "邊過選遞遲適連週週期歲億萬億兩倆門閉問間閱闆陽陰陸隊際隨險隱雜雞難雲電霧靈靜韋頁頂項"
    "順須頒預領頻題額顏顧顯風飛飲飽餘館馬駐驗體髮鬥魚鳥鹽麥黃齊齡龍"
    "劉閆陳趙楊張鄭吳孫馮蕭葉盧鄧謝羅錢賈蔣聶鍾歐溫賀鄒閻龐喬氫償畝頃噸傷蓋築壩幹織結維緩貿賓"
    "贊較釐養廢憑擁擇歡歷況滅溝漁潔濕災為無煙爭牽盤確禮窮競筆糧細終給綠緊練興藝術裝複覽觀記許"
    "評詳談變釋針錯離鄰帶廬彎徑懷戰擴攜敵斬暫樂橋檔殺淨淺渦潛瀏灑燈爐犧瑪畢瘋眾睜窯筍簽籌紋純"
    "紗紙紛絕絲綱緒締緣縫績繩繪纜聖聞聲肅脅脈膽臉臘臨艦葷蓮蔔蘭虛蟲蠻襪覺親訂訓託訪訴診註詩誇"
    "誠諒諸謀謂講譯譽豐貝貞貢賢敗販貪貸賊賜賞賠賤賦賬賴賽趕跡踐蹤躍軌軒載輔輝輩輪輯轄辭遙遷遺"
    "遼邁醜釁釀鈔鈴鉛銅銳鋪鋒錦鍵鎖鏈鐘鑑閃閑閘閣閥闊闖闡陣階隸雙響頑頓顆願颱飄飾騰驚鬧鮮鳳鴻"
    "鵬龜"
)
_SIMP = (
    "长组员导领门责单设谁会书务县区报发号话电咨询时间后们这个几么产业经济矿资规划财税环卫"
    "农试点进开关于国证质监应统计数据医疗险稳专奖励补贴价机构体准标实现项审批复决议见条办"
    "处负担当与协调领导员职称厅传输运铁钢气电网络脑软营销场场购买卖货币银行侨联妇残联团党"
    "纪检务护园疗药卫创优势权属归范围类别级层样态区划乡镇村庄户籍龄儿妇尽严禁违规罚惩处获"
    "验证检测报告志误认识读写说话语词请问答应该虽然还没并将从里边么吗呢啥谁几号头儿归管找"
    "哪儿该续补贴税费额总计划画线区号码电话传真邮箱网站网址简称缩写旧新举办届队军团厂矿"
    "饭馆车辆驾驶骑乘头盔佩戴劝导务站县级乡级协会议论选举听证医院学校师范课程设计划拨缴"
    "余额帐户库存财产债务担保险种类员额编制写录联络讯报导问题难点积极极稳经济济态势压减"
    "换属转让让渡权证书务实兑现贯彻彻执执行综线线图单独断续际优惠惠企宽松减轻负担轻松弹"
    "炼厂铝酒戏剧影视听广播电视台湾湾区泽润滞涨汉韩苏齐鲁晋陕豫黔沪渝琼贵广东进远运达还"
    "边过选递迟适连周周期岁亿万亿两俩门闭问间阅板阳阴陆队际随险隐杂鸡难云电雾灵静韦页顶项"
    "顺须颁预领频题额颜顾显风飞饮饱余馆马驻验体发斗鱼鸟盐麦黄齐龄龙"
    "刘闫陈赵杨张郑吴孙冯萧叶卢邓谢罗钱贾蒋聂钟欧温贺邹阎庞乔氢偿亩顷吨伤盖筑坝干织结维缓贸宾"
    "赞较厘养废凭拥择欢历况灭沟渔洁湿灾为无烟争牵盘确礼穷竞笔粮细终给绿紧练兴艺术装复览观记许"
    "评详谈变释针错离邻带庐弯径怀战扩携敌斩暂乐桥档杀净浅涡潜浏洒灯炉牺玛毕疯众睁窑笋签筹纹纯"
    "纱纸纷绝丝纲绪缔缘缝绩绳绘缆圣闻声肃胁脉胆脸腊临舰荤莲卜兰虚虫蛮袜觉亲订训托访诉诊注诗夸"
    "诚谅诸谋谓讲译誉丰贝贞贡贤败贩贪贷贼赐赏赔贱赋账赖赛赶迹践踪跃轨轩载辅辉辈轮辑辖辞遥迁遗"
    "辽迈丑衅酿钞铃铅铜锐铺锋锦键锁链钟鉴闪闲闸阁阀阔闯阐阵阶隶双响顽顿颗愿台飘饰腾惊闹鲜凤鸿"
    "鹏龟"
)
assert len(_TRAD) == len(_SIMP), (len(_TRAD), len(_SIMP))
_T2S = str.maketrans(_TRAD, _SIMP)

# Quotation marks, book-title marks and similar decoration never change what is meant.
_DROP = str.maketrans("", "", "“”‘’\"'「」『』《》〈〉·•・")
_BRACKETS = str.maketrans(
    {"〔": "(", "〕": ")", "[": "(", "]": ")", "【": "(", "】": ")", "［": "(", "］": ")"}
)


@functools.lru_cache(maxsize=1)
def _opencc():  # type: ignore[no-untyped-def]
    try:
        import opencc  # optional; the table below covers the genre without it

        return opencc.OpenCC("t2s")
    except (ImportError, OSError, RuntimeError):
        return None


def to_simplified(text: str) -> str:
    """`text` with traditional characters replaced by simplified ones (OpenCC if installed)."""
    converter = _opencc()
    if converter is not None:
        return converter.convert(text)
    return text.translate(_T2S)


# A frequent homophone typo in posts: 付组长, 付市长 for 副组长, 副市长 (付 is never a post).
_DEPUTY_TYPO = re.compile(r"付(?=组长|市长|县长|区长|局长|主任|秘书长|部长|书记|处长|主席)")


def fold(text: str) -> str:
    """The matching form: NFKC, simplified, decoration dropped, brackets unified, no spaces,
    付组长-style typos of 副 repaired."""
    text = unicodedata.normalize("NFKC", text or "")
    text = to_simplified(text).translate(_DROP).translate(_BRACKETS)
    return _DEPUTY_TYPO.sub("副", "".join(text.split()).lower())


def compact(text: str) -> str:
    """NFKC with whitespace removed, for display of printed values (keeps quotes and brackets)."""
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def bigrams(text: str) -> set[str]:
    """Character bigrams of the folded text (a one-character text gives itself)."""
    t = fold(text)
    t = re.sub(r"[^\w]", "", t)
    if len(t) < 2:
        return {t} if t else set()
    return {t[i : i + 2] for i in range(len(t) - 1)}
