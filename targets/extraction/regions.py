"""Which city or county a document is about.

A plan rarely writes its own city in full (`市科技局`, `全市`, `为六安高质量发展`),
so the engine counts mentions of prefecture-level city names (a gazetteer we
own), boosts the title and the source line, and also recognises counties that
name themselves (`XX县科技局`, `全县`).
"""

from __future__ import annotations

import re
from collections import Counter

from .catalog import finditer_from, trie_regex

# Prefecture-level cities and municipalities, short names (the 市 is added back).
_CITIES = """
北京 天津 上海 重庆
石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水
太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁
呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布
沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 葫芦岛
长春 四平 辽源 通化 白山 松原 白城
哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化
南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁
杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水
合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城
福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德
南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶
济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽
郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡
南阳 商丘 信阳 周口 驻马店
武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州
长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底
广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞
潮州 揭阳 云浮
南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左
海口 三亚 儋州
成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山
宜宾 广安 达州 雅安 巴中 资阳
贵阳 六盘水 遵义 安顺 毕节 铜仁
昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧
拉萨 日喀则 昌都 林芝
西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛
兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南
西宁 海东 银川 石嘴山 吴忠 固原 中卫
乌鲁木齐 克拉玛依 吐鲁番 哈密
""".split()  # noqa: SIM905 - one province per line reads better than a list

# Placeholders used when a city's name was redacted.
_PLACEHOLDERS = ["XX", "××", "xx", "ＸＸ", "**", "某"]

_CITY_RE = re.compile("(" + trie_regex(_CITIES + _PLACEHOLDERS) + ")(市)?")
# A city written with its 市, for telling another city's figures from our own.
CITY_WITH_SUFFIX_RE = re.compile("(" + trie_regex(_CITIES) + ")市")
# An office naming itself: 芜湖市科技局, 舒城县科学技术局, 蜀山区人民政府.
_OFFICE_RE = re.compile(
    r"(?<=[\u4e00-\u9fffXx×])(市|县|区|旗)"
    r"(?:科学技术局|科技局|科技创新局|科学技术委员会|科委|人民政府|发展和改革委员会|统计局)"
)
# The office word a match of _OFFICE_RE starts with (see finditer_from).
_OFFICE_FIRST_RE = re.compile("[市县区旗]")
_CITY_TAIL_RE = re.compile(
    "("
    + "|".join(sorted(map(re.escape, _CITIES + _PLACEHOLDERS), key=len, reverse=True))
    + ")$"
)
_NAME_TAIL_RE = re.compile(r"([\u4e00-\u9fff]{2,4})$")
# Characters that end a name when read backwards (与XX县, 在XX区).
_CUT_CHARS = "与和及在对向是的为由从省、,，:："
# 全县/我县, 全区/我区, 全市/我市: one scan, counted by the last character.
_SELF_RE = re.compile(r"[全我本]([县区市])")


def _office_name(text: str, m: re.Match[str]) -> str:
    before = text[max(0, m.start() - 6) : m.start()]
    suffix = m.group(1)
    city = _CITY_TAIL_RE.search(before)
    if city and suffix == "市":
        return city.group(1) + "市"
    for ch in _CUT_CHARS:
        k = before.rfind(ch)
        if k >= 0:
            before = before[k + 1 :]
    tail = _NAME_TAIL_RE.search(before)
    if not tail or tail.group(1).startswith(("全", "我", "本", "各")):
        return ""
    name = tail.group(1)
    if suffix == "市":
        return ""  # a city outside the gazetteer is too easy to misread
    return name[-3:] + suffix if len(name) > 3 else name + suffix


def detect_region(text: str, title: str) -> str | None:
    """The document's own city or county, or None."""
    # The opening pages name the city often enough; reading further only costs time.
    text = text[:20000]
    # 1. An office named in the title or the source lines.
    offices: Counter[str] = Counter()
    for m in finditer_from(_OFFICE_RE, _OFFICE_FIRST_RE, text):
        name = _office_name(text, m)
        if name:
            offices[name] += 3 if m.start() < 800 else 1
    for m in finditer_from(_OFFICE_RE, _OFFICE_FIRST_RE, title):
        name = _office_name(title, m)
        if name:
            offices[name] += 3

    selves = Counter(_SELF_RE.findall(text))
    self_county, self_district, self_city = selves["县"], selves["区"], selves["市"]

    if offices:
        best, score = offices.most_common(1)[0]
        if score >= 3:
            if best.endswith("县") or (
                best.endswith("区") and self_district > self_city
            ):
                return best
            if best.endswith("市"):
                return best

    # 2. A county or district that talks about itself (全县) more than about a city.
    if self_county > self_city:
        m = re.search(r"([\u4e00-\u9fff]{1,4}县)", title) or _county_in(text)
        if m:
            return m.group(1)

    # 3. The most mentioned prefecture-level city, title and source weighted.
    counts: Counter[str] = Counter()
    for m in _CITY_RE.finditer(text):
        counts[m.group(1)] += 2 if m.group(2) else 1
    for m in _CITY_RE.finditer(title):
        counts[m.group(1)] += 10
    for name, n in offices.items():
        short = name[:-1] if name.endswith("市") else name
        if short in counts:
            counts[short] += n * 3
    if not counts:
        return None
    name, n = counts.most_common(1)[0]
    if n < 2:
        return None
    if name in ("ＸＸ", "xx"):
        name = "XX"
    return name + "市"


def _county_in(text: str) -> re.Match[str] | None:
    counts: Counter[str] = Counter(
        m.group(1)
        for m in re.finditer(
            r"([\u4e00-\u9fff]{2,3}县)(?:委|政府|人民|科技|经济)", text
        )
    )
    if not counts:
        return None
    best = counts.most_common(1)[0][0]
    return re.search(re.escape(best), text)
