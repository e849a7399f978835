"""Which region a document, and a figure inside it, is about.

Regions come only from the gazetteer of China's administrative divisions
(`data/adcodes.csv`: provinces, prefectures and county-level units with their
6-digit codes, so the parent of each is in its code: 330483 桐乡市 → 3304 嘉兴市
→ 33 浙江省). Provinces, prefectures and counties / county-level cities also
answer to their short names (浙江, 嘉兴, 桐乡); districts only to their full
names (朝阳区 is not 朝阳).

The document's own region is decided in two steps:

1. its level, from how it refers to itself (全省/我省 → a province, 全市/我市 → a
   city, 全县/我县 → a county, 全区/我区 → a district, 全州 → a prefecture);
2. the best named region of that level, scored by where it is named: the title,
   an office naming itself near the top or the end (桐乡市科技局, 浙江省人民政府),
   and plain mentions. A dateline (杭州12月1日电), a company's home city
   (杭州某某科技有限公司) or another city's bureau deep in the text weigh
   little or nothing, so a city mentioned in passing does not take over.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, pairwise
from pathlib import Path

import ahocorasick_rs

from .catalog import finditer_from, trie_regex

DATA = Path(__file__).resolve().parent / "data" / "adcodes.csv"
# Divisions abolished, merged or renamed since 2002 (上饶县, now 广信区; 莱芜市,
# now part of 济南市), under their last code: older documents name them.
FORMER = DATA.with_name("former_adcodes.csv")

PROVINCE, PREFECTURE, COUNTY = "province", "prefecture", "county"

# The 新疆生产建设兵团 (a province-level unit in the statistics, row 660000 of the
# data) and the prefix of the codes of its 师市 cities (659001 石河子市).
_CORPS_CODE, _CORPS_CITY_PREFIX = "660000", "6590"


@dataclass(frozen=True, slots=True)
class Division:
    code: str  # 6 digits: 330483
    name: str  # full name: 桐乡市
    short: str  # 桐乡, or "" when the full name is the only safe one

    @property
    def level(self) -> str:
        if self.code.endswith("0000"):
            return PROVINCE
        if self.code.endswith("00"):
            return PREFECTURE
        return COUNTY

    @property
    def suffix(self) -> str:
        """What the name says it is: 省, 市, 县, 区, 旗, 州, 盟…"""
        for s in ("自治区", "特别行政区", "地区", "林区"):
            if self.name.endswith(s):
                return s
        return self.name[-1]


def area_word_at(text: str, end: int) -> bool:
    """Whether the 区 ending at `end` is the first half of 区域 (an area:
    新建区域, 全区域), not a district's suffix."""
    return text[end - 1 : end] == "区" and text.startswith("域", end)


class Gazetteer:
    """All divisions, with parents from the codes and one name-matching regex."""

    def __init__(
        self, divisions: list[Division], former: frozenset[str] = frozenset()
    ) -> None:
        self.divisions = divisions
        # The codes of divisions that no longer exist (read by full name only).
        self.former = former
        self.by_code = {d.code: d for d in divisions}
        self.by_name: dict[str, list[Division]] = {}
        self.by_short: dict[str, list[Division]] = {}
        for d in divisions:
            self.by_name.setdefault(d.name, []).append(d)
            for abbr in _abbreviations(d.name):
                self.by_name.setdefault(abbr, []).append(d)
            if d.short:
                self.by_short.setdefault(d.short, []).append(d)
        # Higher levels first: 本溪 is 本溪市 before 本溪满族自治县.
        order = {PROVINCE: 0, PREFECTURE: 1, COUNTY: 2}
        for table in (self.by_name, self.by_short):
            for v in table.values():
                v.sort(key=lambda d: (order[d.level], d.code))
        words = sorted(set(self.by_name) | set(self.by_short))
        self.province_names = {d.name for d in divisions if d.level == PROVINCE}
        # Prefecture names by their first character (烟 → 烟台市), for a city
        # named by the character of its government's document numbers.
        self.prefectures_by_first: dict[str, set[str]] = {}
        for d in divisions:
            if d.level == PREFECTURE and d.name:
                self.prefectures_by_first.setdefault(d.name[0], set()).add(d.name)
        self.name_re = re.compile(trie_regex(words))
        # The same longest-name reading as name_re.match, walked over a trie of
        # dicts: the regex tries its first characters one by one, microseconds
        # per figure for the rules that read a name opening a clause.
        self._name_trie: dict[str, dict] = {}
        for w in words:
            node = self._name_trie
            for ch in w:
                node = node.setdefault(ch, {})
            node[""] = {}
        # An Aho-Corasick automaton finds the leftmost-longest names in one
        # linear pass (several thousand names: a regex would try them at every
        # character); ahocorasick-rs reads a page's head in microseconds.
        self.words = words
        self.automaton = ahocorasick_rs.AhoCorasick(
            words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
        )
        self._stems: tuple[list[str], ahocorasick_rs.AhoCorasick] | None = None
        self.by_stem: dict[str, list[Division]] = {}

    def stems(self) -> tuple[list[str], ahocorasick_rs.AhoCorasick]:
        """The stems of the districts and counties (黔江 of 黔江区, 东坡 of 东坡区)
        that name nothing else, with an automaton over them (built on first use:
        only a text that names no place of its own level asks)."""
        if self._stems is None:
            for d in self.divisions:
                if d.level != COUNTY or len(d.name) < 3 or d.suffix not in "区县旗":
                    continue
                if d.code in self.former:
                    continue  # 双流 of 双流县 is 双流区 now
                stem = d.name[:-1]
                if stem in self.by_name or stem in self.by_short:
                    continue  # 西安 of 西安区 is 西安市 first
                self.by_stem.setdefault(stem, []).append(d)
            words = sorted(self.by_stem)
            self._stems = (
                words,
                ahocorasick_rs.AhoCorasick(
                    words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
                ),
            )
        return self._stems

    def name_at(self, text: str, pos: int = 0, end: int | None = None) -> str:
        """The longest gazetteer name starting at text[pos] and ending by `end`
        (what `name_re.match(text, pos, end)` reads), or ""."""
        node = self._name_trie
        best = pos
        i = pos
        n = len(text) if end is None else end
        while i < n:
            node = node.get(text[i])
            if node is None:
                break
            i += 1
            if "" in node:
                best = i
        if best > pos and area_word_at(text, best):
            return ""  # 新建区域…: 区域 (an area), not the district 新建区
        return text[pos:best]

    def parent(self, d: Division) -> Division | None:
        if d.level == PROVINCE:
            return None
        if d.code.startswith(_CORPS_CITY_PREFIX):
            # 石河子市, 阿拉尔市: the cities 新疆 administers directly are the
            # 师市 of the 新疆生产建设兵团 (one unit with its 师), whose figures
            # the 兵团 reports, not the autonomous region.
            corps = self.by_code.get(_CORPS_CODE)
            if corps is not None:
                return corps
        if d.level == COUNTY:
            p = self.by_code.get(d.code[:4] + "00")
            # 北京市 has a prefecture row 110100 that repeats the province.
            if p is not None:
                return p
        return self.by_code.get(d.code[:2] + "0000")

    def ancestors(self, d: Division) -> list[Division]:
        out = []
        p = self.parent(d)
        while p is not None:
            out.append(p)
            p = self.parent(p)
        return out

    def contains(self, outer: Division, inner: Division) -> bool:
        return outer == inner or outer in self.ancestors(inner)

    def lookup(self, name: str) -> list[Division]:
        """Divisions named `name` (full or short), highest level first."""
        return self.by_name.get(name) or self.by_short.get(name) or []

    def is_region(self, name: str | None) -> bool:
        return bool(name) and name in self.by_name


_BANNER_RE = re.compile(
    r"^(.{2,4}?)(左翼|右翼)(前|中|后)旗$|^(.{2,3}?)(左|右|前|中|后)旗$"
)


def _abbreviations(name: str) -> list[str]:
    """Standard short forms of Inner Mongolia's banners: 科尔沁右翼中旗 → 科右中旗,
    土默特右旗 → 土右旗."""
    m = _BANNER_RE.match(name)
    if m is None:
        return []
    if m.group(1):
        return [m.group(1)[0] + m.group(2)[0] + m.group(3) + "旗"]
    return [m.group(4)[0] + m.group(5) + "旗"]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    with DATA.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    with FORMER.open(encoding="utf-8", newline="") as f:
        # Full names only: a former county's short form is mostly its city's
        # (上饶县 → 上饶).
        former = [Division(r["adcode"], r["name"], "") for r in csv.DictReader(f)]
    return Gazetteer(
        [Division(r["adcode"], r["name"], r["short"]) for r in rows] + former,
        frozenset(d.code for d in former),
    )


# Placeholders used when a city's name was redacted (XX市科技局).
_PLACEHOLDER_RE = re.compile(r"(?:XX|××|xx|ＸＸ|\*\*)([市县区])")
# How a document refers to itself, counted by the level word.
# 该县/该区 in a news story: the place it reports on (该县明确…); not 该市场.
_SELF_RE = re.compile(
    r"(?:全|我|本)(省|市|县|区|州|旗|盟)"
    r"|(?<![\u4e00-\u9fff])该(省|市|县|区|州|旗)(?![场民值级域块段属])"
)
# A 兵团 division speaking of itself (师市两级, 全师, 我师市), not 全师生 (all
# teachers and students) nor 教师市级.
_CORPS_CITY_VOICE_RE = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=[全我本该团]))师市|[全我本该]师(?![生资德范傅长兄徒])"
)
# The first characters of the per-document scans below (see finditer_from): re
# tries a pattern that opens with a look-behind or an alternation at every
# position of the head, a one-character class skips to the few candidates.
_SELF_FIRST_RE = re.compile(r"[全我本该]")
_SELF_LEVEL = {
    "省": "省",
    "市": "市",
    "县": "县",
    "旗": "县",
    "区": "区",
    "州": "州",
    "盟": "州",
}
# An office naming itself right after a region name.
_OFFICE_AFTER_RE = re.compile(
    r"(?:委副?书记|委常委|科学技术局|科技局|科学技术厅|科技厅|科技创新局|科学技术委员会|科委|人民政府|政府|"
    r"发展和改革委员会|发展改革委|发改委|发改局|统计局|工业和信息化局|经信局|委员会|人大|"
    r"政协|党委|委员会办公室)"
)
# The institutions only a 地区 or a 盟 has (地委, 行署, 行政公署, 盟委, 地区人大工委),
# and its text speaking of itself (全地区, 全盟): the text speaks at that level.
_PREFECTURE_VOICE_RE = re.compile(
    r"(?:地委|盟委)(?![员会])|行署|行政公署|地区(?:人大|政协|工委)|[全我]地区(?!第|前列|首位|领先)"
)
# 一年来,某市委坚持…团结带领…: the place's own party committee, opening its
# clause as the one who acts (not 某市委市政府决策部署, which the text follows).
_COMMITTEE_ACTS_RE = re.compile(
    r"委(?:坚持|团结带领|带领|始终|深入|全面|紧紧围绕|高度重视|把)"
)
# What a text says before the offices of the place above it whose lead it
# follows (按照盟委行署…, 在地委领导下, 落实地委…).
_FOLLOWS_BEFORE_RE = re.compile(r"(?:按照|根据|落实|贯彻|遵照|在|和|及)(?:上级)?$")
# 基地委托, 联盟委员: the characters before a 地委/盟委 that is a word's inside.
_PREFECTURE_VOICE_NOT_AFTER = frozenset("基阵营土园工草产联")
# What the voice needs, looked for first (the regex is slower than `in`).
_PREFECTURE_VOICE_WORDS = (
    "地委",
    "盟委",
    "行署",
    "行政公署",
    "地区人大",
    "地区政协",
    "地区工委",
    "全地区",
    "我地区",
)
_INSTITUTION_RE = re.compile(
    r"(?<![全我本各该外城地社园校])(省|市|县|区|州)"
    r"(?:委|政府|人民政府|人大|政协|十[一二三四五六七八九]?届|《)"
)
_INSTITUTION_FIRST_RE = re.compile(r"[省市县区州]")
# A congress the text is given to (在东台市第十七届人民代表大会…会议上); not a
# deputy of it (某省人大代表,某市市长…: the post a speaker holds above).
_CONGRESS_AFTER_RE = re.compile(
    # 第十七届人民代表大会, 十二届人大四次会议 (the 第 dropped).
    r"(?:(?:第?[一二三四五六七八九十]{1,3}届)?人民代表大会|(?:第?[一二三四五六七八九十]{1,3}届)?人大)"
    r"(?!代表(?!大会))"
)
# An award or a title the province gives (获评全省…, 被评为全省…, 表彰为全省…).
_AWARD_BEFORE_RE = re.compile(r"(?:获评|评为|表彰为|荣获|授予|命名为)$")
# 全省美丽乡村建设先进县, 全省首批健康脱贫示范县: the title a province awards.
_AWARD_TITLE_AFTER_RE = re.compile(
    r"[\u4e00-\u9fff\d]{0,14}?(?:先进|示范|模范|标兵|百强|十强|优秀|红旗|\d{1,3}[快强])"
    r"(县|市|区|单位|集体)"
    r"(?=[、,和及等”\s])"
)
_RANK_BEFORE = ("居", "列", "位居", "名列", "位列", "领跑", "领先")
_RANK_AFTER_RE = re.compile(
    r"(?:第[一二三四五六七八九十\d]{1,3}(?![届次批期季个条\d一二三四五六七八九十])"
    r"|前茅|前列|首位|之首|榜首"
    # 高于吉林省平均水平, 保持某省9市州第2位: the whole a place is measured in
    r"|平均|[\d一二三四五六七八九十]{1,3}个?(?:市州|地市|市县|县市区?|县区|区县|设区市|盟市|地州市?)"
    r")"
)


_INSTITUTION_DEPTH = {"省": 0, "州": 1, "市": 1, "县": 2, "区": 2}


# What a source agency does with the figures it is quoted for (江西省统计局最新
# 公布的数据显示…): it publishes another place's data, it is not the author.
_SOURCE_AFTER_RE = re.compile(r"(?:最新|近日|日前)?(?:公布|发布|披露|数据|统计数据)")
# The statistics office a figure is checked by (经某市统计局统一核算, 據某市統計局
# 初步核算, 根据某市统计局反馈): whose office counts the figures, not whose text it
# is (a county-level city's summary has its prefecture's office check them).
_SOURCE_LEAD_BEFORE_RE = re.compile(
    r"(?:经|經|经过|經過|据|據|根据|根據|依据|依據)\s*$"
)
_SOURCE_AGENCY_AFTER_RE = re.compile(
    r"(?:统计局|統計局|调查队|調查隊|统计部门|統計部門|统计调查队|統計調查隊)"
)
# A meeting of a named place's party committee in the list a text follows
# (…省委经济工作会议、某市委六届十次全会、市委十三届七次全会部署要求): the
# level above's; the text's own is the bare one after it.
_NAMED_MEETING_AFTER_RE = re.compile(
    r"[市县縣区區州]?委(?:[一二三四五六七八九十]{1,3}[届屆][一二三四五六七八九十]{1,3}次)?"
    r"(?:全会|全體會議|全体会议|经济工作会议|經濟工作會議)"
)
_BARE_MEETING_RE = re.compile(
    r"(?:^|[、,，和及与與])[市县縣区區州]委(?:[一二三四五六七八九十]{1,3}[届屆]"
    r"[一二三四五六七八九十]{1,3}次)?(?:全会|全體會議|全体会议|经济工作会议|經濟工作會議)"
)


# A line of the site's furniture rather than of the text: who runs or hosts
# the site (山东省商务厅 版权所有, 主办单位:某省人民政府办公厅, 承办, 技术支持,
# 網站標識碼, 备案号), a copyright, a contact line. The place named there owns
# the site, not the figures of the page it frames.
FURNITURE_RE = re.compile(
    r"版权所有|版權所有|[Cc]opyright|©|All Rights Reserved|主办单位|主辦單位|主办[:：]|"
    r"主辦[:：]|承办单位|承辦單位|承办[:：]|协办|技术支持|技術支持|运行维护|运维单位|"
    r"网站标识码|網站標識碼|ICP[备備证證]|[备備]案[号號]|公网安备|公網安備|联系我们|"
    r"联系电话|聯繫電話|网站地图|网站声明|免责声明|建议使用|分辨率|浏览器"
)
_FURNITURE_FIRST_RE = re.compile(r"[版Cc©A主承协技运网網I备備公联聯免建分浏]")
# A photo's caption and credit (…夜景 视觉中国 资料图, 记者 某某 摄): the
# place in the picture, not the text's.
CAPTION_RE = re.compile(
    r"资料图|资料照片|图片来源|图源[:：]|供图|视觉中国|(?:记者|通讯员)\s*\S{2,4}\s*摄"
)
_CAPTION_FIRST_RE = re.compile(r"[资图供视记通]")
# A stamp of the day and the hour (2024-03-09 21:10:19), on a masthead or a
# source line: the page's furniture, never its headline.
TIMESTAMP_RE = re.compile(
    r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*\d{1,2}:\d{2}"
)


def _furniture_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of `text` that is the site's furniture."""
    out: list[tuple[int, int]] = []
    for m in chain(
        finditer_from(FURNITURE_RE, _FURNITURE_FIRST_RE, text),
        finditer_from(CAPTION_RE, _CAPTION_FIRST_RE, text),
    ):
        a = text.rfind("\n", 0, m.start()) + 1
        b = text.find("\n", m.end())
        b = len(text) if b < 0 else b
        if b - a <= 120 and (a, b) not in out:
            out.append((a, b))
    return out


# A county's or city's own site in a page's header (某某政协网:, 某某新闻网 发布时间).
_OWN_SITE_RE = re.compile(
    r"([\u4e00-\u9fff]{2,6}?)(?:政协网|人大网|新闻网|政府网|人民政府网|融媒体中心|发布)"
    r"(?=[\s:：|｜]|$)",
    re.M,
)


def _site_place(gz: Gazetteer, head: str, voice: str | None) -> str | None:
    """The county-level place whose own site (某某政协网) a page of no other
    evidence is on, when the text's voice (我市, 全县) fits it."""
    for m in _OWN_SITE_RE.finditer(head[:300]):
        divs = [d for d in gz.lookup(m.group(1)) if d.level == COUNTY]
        if len(divs) == 1 and (voice is None or _level_fits(divs[0], voice)):
            return divs[0].name
    return None


def _ranked_in(text: str, a: int, b: int) -> bool:
    """Whether the name at text[a:b] is the group a place is ranked in (居全省
    第二, 名列金华前茅)."""
    return text[max(0, a - 2) : a].endswith(_RANK_BEFORE) or bool(
        _RANK_AFTER_RE.match(text, b)
    )


# A leader's visit a speech or instruction is named after (考察浙江重要讲话精神,
# 视察调研某市时的重要指示): where the leader spoke, not whose text it is.
_VISIT_BEFORE_RE = re.compile(r"(?:考察|视察|调研)$")
_SPEECH_AFTER_RE = re.compile(r"(?:时的?|期间)?(?:的)?重要(?:讲话|指示|批示|论述)")


# A leader's visit to a place (亲临某省考察, 莅临某市视察指导, 到某地调研):
# the place visited, named in passing.
_VISITED_BEFORE_RE = re.compile(r"(?:亲临|莅临|蒞臨|亲赴|亲自到|来到|前往|赴|到)$")
_VISITED_AFTER_RE = re.compile(
    r"[\u4e00-\u9fff]{0,4}?(?:考察|视察|調研|调研|指导|察看)"
)


def _above_county(gz: Gazetteer, name: str) -> bool:
    divs = gz.lookup(name)
    return bool(divs) and divs[0].level != COUNTY


# 全省第一, 全省平均: a comparison group; 为全省、全国大局作贡献: the wider
# wholes a place serves, listed upwards.
_SELF_NOT_AFTER_RE = re.compile(
    r"[“\"‘']?(?:第|排|前列|前|平均|首位|领先|之首|唯一|独有|仅有|之一|的|同类|各)"
    # 力争全省上游, 跃居全省榜首: the place's rank in the whole
    r"|中?上游|榜首"
    r"|[、和及与]全(?:国|省)"
    # 全省市州排名上升2位, 全市县区第一: a ranking among the whole's members
    r"|(?:市州|地市|市县|县市区?|县区|区县|城市|设区市|盟市|地州市?|乡镇|镇街)(?:中|里)?"
    r"(?:排|第|前列|前|首位|领先|之首)"
)
# The wider whole a place's work joins or serves (对接全省五大产业, 融入全省
# 大局, 服务全省发展, 助力全省…, 走在全省前列): not the text's own voice.
_WHOLE_SERVED_BEFORE_RE = re.compile(
    r"(?:对接|對接|融入|服务|服務|服从|助力|支撑|支持|带动|辐射|引领|领跑|贡献|"
    r"走在|跻身|进入|占到|高于|低于|超过|快于|慢于)$"
)
_LEVEL_AFTER_RE = re.compile(
    r"(?:级|重点|首批|认定|科技进步奖|科学技术奖|工程技术研究中心|技术创新中心|工程研究中心|"
    r"企业技术中心|专精特新|瞪羚|科技型|高新技术企业|新型研发机构|科技小巨人|院士工作站|实验室)"
)
# The start of a clause, with the year that may open it (2020年,…; 截至2022年底,).
_CLAUSE_OPEN_BEFORE_RE = re.compile(
    r"(?:^|[,;。:!?\n])\s*(?:(?:截至|截止)?(?:19|20)\d{2}\s*年(?:度|底|末)?,?)?\s*$"
)
# A newspaper or site named after a place (湖北日报, 香港商报, 浙江在线, 荆楚网):
# the usual kinds, or any paper whose name ends in 报 at a line end or a stop.
_MEDIA_AFTER_RE = re.compile(
    r"(?:[\u4e00-\u9fff]{0,2}?(?:日报|晚报|商报|时报|都市报)|在线|新闻网|网|电视台|广播|发布|频道)"
    r"|[\u4e00-\u9fff]{0,2}报(?:网|社)?(?=[\s,。:：)）]|$)"
)
# A dateline (杭州12月1日电, 杭州讯) or a company's home (杭州某某有限公司).
_DATELINE_AFTER_RE = re.compile(r"\s*(?:\d{1,2}月\d{1,2}日|讯|电)")
_COMPANY_AFTER_RE = re.compile(
    r"[\u4e00-\u9fff]{0,10}?(?:有限公司|股份|集团|公司)|(?:交通|理工|师范|科技|工业)?"
    r"(?:大学|学院|研究院|研究所|医院|银行)"
)
# What follows a county's short name when it names the place (义乌科技工作,
# 常熟高新区); 合作, 大方, 东方 are followed by anything.
_COUNTY_SHORT_AFTER_RE = re.compile(
    r"(?:科技|经济|高新|国家高新|人民|市委|县委|市政府|县政府|发改|统计|全市|全县|籍|"
    r"市场监管|工业|开发区|经开区|高质量)"
)
# Characters that may not glue to a short name on the left: 嘉兴 inside 新嘉兴人.
_HANZI = re.compile(r"[\u4e00-\u9fff]")


def _level_fits(d: Division, level: str) -> bool:
    s = d.suffix
    if level == "省":
        return d.level == PROVINCE
    if level == "市":
        return s == "市"
    if level == "县":
        return d.level == COUNTY and s in ("县", "旗")
    if level == "区":
        return (d.level == COUNTY and s in ("区", "林区")) or s == "自治区"
    if level == "州":
        return d.level == PREFECTURE and s in ("州", "盟", "地区")
    return True


def mentions(
    text: str,
    gz: Gazetteer | None = None,
    start: int = 0,
    end: int | None = None,
    *,
    county_short: bool = False,
) -> list[tuple[int, int, str]]:
    """(start, end, name) of every gazetteer name in text[start:end], longest first.

    A county's short name (桐乡 for 桐乡市) counts only when `county_short` is
    set (titles): in running text too many of them are common words (合作, 大方,
    东方). A two-character full name (和县, 范县) needs a boundary before it
    (示范县 is not 范县)."""
    gz = gz or gazetteer()
    end = len(text) if end is None else end
    out: list[tuple[int, int, str]] = []
    if start >= end:
        return out
    piece = text[start:end] if start or end != len(text) else text
    words = gz.words
    for i, a, b in gz.automaton.find_matches_as_indexes(piece):
        name = words[i]
        p = start + a
        if _mention_ok(gz, text, p, name, county_short):
            out.append((p, start + b, name))
    return out


def _mention_ok(
    gz: Gazetteer, text: str, p: int, name: str, county_short: bool
) -> bool:
    full = gz.by_name.get(name)
    if full is None:
        divs = gz.by_short.get(name, [])
        if not divs:
            return False
        if divs[0].level == COUNTY and not county_short:
            after = p + len(name)
            if not _COUNTY_SHORT_AFTER_RE.match(text, after):
                return False
        if (
            divs[0].code == _CORPS_CODE
            and _inside_word(text, p)
            and not _address_before(gz, text, p)
        ):
            return False  # 志愿服务兵团, 科技兵团: a troop, not the 兵团
        return not name.startswith(("全", "本", "我"))
    if area_word_at(text, p + len(name)):
        return False  # 新建区域综合性养老服务中心: 区域 (an area), not 新建区
    if len(name) == 2 and is_generic_area(name):
        # 城区, 郊区, 东区: a district only in its address (阳泉市城区).
        return _address_before(gz, text, p)
    if len(name) == 2 and p > 0 and _HANZI.match(text[p - 1]):
        # 示范县 is not 范县, 省市和县委 not 和县; 马鞍山市和县 (an address),
        # 建设现代化郏县, 美丽叶县 name the county.
        return (
            _address_before(gz, text, p)
            or bool(
                # The epithet ends at p (a hanzi, no newline, is before it) and
                # has at most three characters: from 0, the search read all the
                # text before every such mention.
                _SLOGAN_BEFORE_RE.search(text, max(0, p - 3), p)
            )
            or (
                # 在黟县第十七届人民代表大会上, 向歙县人民政府: after a function
                # word, the county's congress or office names the county;
                # 2024年夏县政府工作报告: so it does after a year.
                (
                    text[p - 1] in _SHORT_NAME_LEAD
                    or _YEAR_LEAD_RE.search(text, max(0, p - 5), p) is not None
                )
                and bool(
                    _CONGRESS_AFTER_RE.match(text, p + 2)
                    or _OFFICE_AFTER_RE.match(text, p + 2)
                )
            )
        )
    return True


# Two-character divisions whose name is also a common word for a part of any
# place (城区 urban area, 郊区 suburbs, 矿区, 东区 the eastern part, 海域).
_GENERIC_AREA_RE = re.compile(r"[城郊矿东西南北中]区|海域")


def is_generic_area(name: str) -> bool:
    """Whether `name` reads as a common word for an area as well as a division
    (城区, 郊区, 东区): a place only when its address says so."""
    return _GENERIC_AREA_RE.fullmatch(name) is not None


def _address_before(gz: Gazetteer, text: str, p: int) -> bool:
    """Whether a division above the county level ends right before `p` (马鞍山市|
    和县, 阳泉城区), so the name at `p` is the tail of an address."""
    for k in range(2, min(p, 8) + 1):
        divs = gz.by_name.get(text[p - k : p]) or gz.by_short.get(text[p - k : p])
        if divs and divs[0].level != COUNTY:
            return True
    return False


# The slogans a county's report calls itself by: 建设现代化郏县, 幸福X县.
_SLOGAN_BEFORE_RE = re.compile(r"(?:现代化|美丽|幸福|文明|和谐|平安|生态|活力)$")
# A place a slogan builds (建设“…美丽幸福清徐”, 打造幸福开原, 生态湛江、文明湛江):
# an epithet, then the name, then the slogan's end.
# 新 glued to the word it ends (创新资源, 更新, 革新) is no epithet: 资源 there
# is a noun, not 资源县.
_SLOGAN_PLACE_RE = re.compile(
    r"(?:现代化|美丽|幸福|文明|和谐|平安|生态|活力|富裕|魅力|宜居|锦绣|大美|"
    # “三个嵊州”建设: the places a slogan counts out.
    r"(?<=“)[两三四五六七八九十]个|"
    r"(?<![创更革最重焕全崭清翻立维出推纳迎标鲜])新)+"
    # “强富美高”新高邮现代化建设: the slogan's place before what is built there.
    r"([\u4e00-\u9fff]{2,4}?)(?=[”\"」』、,。;]|现代化建设|高质量发展)"
)
_SLOGAN_PLACE_FIRST_RE = re.compile(r"[现美幸文和平生活富魅宜锦大新两三四五六七八九十]")


# The chapter a text writes for its place (谱写中国式现代化某县新篇章, 奋力书写
# 某旗高质量发展新画卷, 开创某地全面振兴新局面): the name right before the
# chapter word (or before the 高质量发展 that qualifies it).
_CHAPTER_PLACE_RE = re.compile(
    r"(?:谱写|书写|开创|绘就|续写|描绘|奏响|开启|展现|打造)"
    r"([^,。;:!?、\n“”\"]{2,18}?)"
    r"(?:高质量发展|现代化建设|全面振兴|振兴发展|跨越发展|发展)?"
    r"(?:新篇章|新画卷|新征程|新答卷|新局面|新篇|新境界|新未来|新辉煌|新图景)"
)


# 新 that opens a word with what follows (新兴城市, 新型城镇, 新城区, 新时代):
# no epithet, so what follows is no place (新兴城市 is not 兴城市).
_NEW_WORD_SECOND = frozenset("兴型式颖生锐秀鲜近增建设时纪")


def _glued_new(gz: Gazetteer, text: str, p: int) -> bool:
    """Whether the 新 ending a slogan's epithets right before `p` makes a word
    with text[p] (a common 新X word, or a name: 新兴 of 新兴县, 新城区)."""
    if p < 1 or text[p - 1] != "新" or p >= len(text):
        return False
    return text[p] in _NEW_WORD_SECOND or len(gz.name_at(text, p - 1)) >= 2


def slogan_places(gz: Gazetteer, text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each division a slogan in `text` builds."""
    out = []
    for m in finditer_from(_SLOGAN_PLACE_RE, _SLOGAN_PLACE_FIRST_RE, text):
        name = m.group(1)
        if (
            is_generic_area(name)
            and not _glued_new(gz, text, m.start(1))
            and not _address_before(gz, text, m.start(1))
        ):
            continue  # 文明城区: a title for an urban district, no place
        if name not in gz.by_name and name not in gz.by_short:
            # 魅力藁城: a district named by its stem (藁城区), when no other
            # district or county has it.
            gz.stems()
            divs = gz.by_stem.get(name, ())
            if len(divs) == 1 and not _glued_new(gz, text, m.start(1)):
                out.append((m.start(1), m.end(1), divs[0].name))
            continue
        if _glued_new(gz, text, m.start(1)):
            # 美丽新城区: the 新 is the name's own; 新兴城市: no place.
            whole = text[m.start(1) - 1 : m.end(1)]
            if whole in gz.by_name or whole in gz.by_short:
                out.append((m.start(1) - 1, m.end(1), whole))
            continue
        out.append((m.start(1), m.end(1), name))
    for m in _CHAPTER_PLACE_RE.finditer(text):
        pre = m.group(1)
        for k in (5, 4, 3, 2):
            name = pre[-k:]
            if len(pre) >= k and (name in gz.by_name or name in gz.by_short):
                if not any(a == m.end(1) - k for a, _, _ in out):
                    out.append((m.end(1) - k, m.end(1), name))
                break
    return out


# A government's document number: 烟政发〔2017〕3号, 淄政办字〔2024〕12号; a
# repost's pinyin glosses may follow its characters (某政发(fā)〔2025〕).
_DOC_NUMBER_RE = re.compile(
    r"([\u4e00-\u9fff])政办?[发函字](?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\))*"
    r"\s*[〔\[(【](?:19|20)\d{2}"
)
# The one-character names of the provinces (鄂政发 is 湖北's, not 鄂州's).
_PROVINCE_CHARS = (
    "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼黔滇陇秦蜀"
)


def _doc_number_city(gz: Gazetteer, head: str) -> str | None:
    """The one prefecture whose name starts with the character of the document
    numbers the text cites (烟 → 烟台市), or None."""
    chars = {m.group(1) for m in _DOC_NUMBER_RE.finditer(head)}
    if len(chars) != 1:
        return None
    c = chars.pop()
    if c in _PROVINCE_CHARS:
        return None
    found = gz.prefectures_by_first.get(c, set()) - gz.province_names
    return found.pop() if len(found) == 1 else None


def _without_addresses(
    gz: Gazetteer,
    found: list[tuple[int, int, str]],
    level: str | None,
    text: str = "",
) -> list[tuple[int, int, str]]:
    """Mentions less the outer names of an address (浙江省绍兴市, 亳州市谯城区,
    四川省某市某新区某县级市): a division written right before one inside it,
    or before a zone and then one inside it, only says where that one is,
    unless the text speaks at the outer one's level (全省, 我省)."""
    out = []
    for i, (a, b, name) in enumerate(found):
        nxt = found[i + 1] if i + 1 < len(found) else None
        joined = nxt is not None and (
            nxt[0] == b
            or (text and _ZONE_GAP_RE.fullmatch(text, b, nxt[0]) is not None)
            or (text and _LABEL_GAP_RE.fullmatch(text, b, nxt[0]) is not None)
        )
        outer = gz.by_name.get(name) or gz.by_short.get(name)
        if nxt is not None and joined and outer:
            # 河北沧州…黄骅市, 浙江杭州: short names make an address as well.
            inner = gz.by_name.get(nxt[2]) or gz.by_short.get(nxt[2]) or []
            # 扬州·仪征 in a text that speaks as 全市: the county-level city
            # speaks at that level too, and is the one the address points at.
            if any(
                gz.contains(o, d)
                and o != d
                and not (level and _level_fits(o, level) and not _level_fits(d, level))
                for o in outer
                for d in inner
            ):
                continue
        out.append((a, b, name))
    return out


# A zone between two names of an address (某市天府新区某市, 某市经济技术开发区…).
_ZONE_GAP_RE = re.compile(
    r"[\u4e00-\u9fff]{1,8}?(?:新区|高新技术产业开发区|经济技术开发区|高新区|经开区|开发区|"
    r"示范区|试验区|实验区)"
)


# Brackets or a separator between two names of an address: (四川省)凉山州,
# 四川·凉山州, 【云南】大理州.
_LABEL_GAP_RE = re.compile(r"[ \u3000]*[)）】\]·・|｜—-][ \u3000]*")


# A bureau's branch (市生态环境局咸安分局, 市公安局谯城分局): the place it serves.
_BRANCH_RE = re.compile(r"局([\u4e00-\u9fff]{2,4}?)分局")


def _branch_divisions(gz: Gazetteer, stem: str) -> list[str]:
    """County-level divisions a branch's stem names (咸安 → 咸安区)."""
    out = []
    for suffix in ("区", "县", "市", "旗"):
        for d in gz.by_name.get(stem + suffix, ()):
            if d.level == COUNTY and d.name not in out:
                out.append(d.name)
    return out


# A development zone by its place and kind (无锡高新区, 平原示范区); the longer
# kinds first (无锡高新技术产业开发区 is not 产业开发区 of a place 高新技术).
_ZONE_KIND_RE = re.compile(
    r"高新技术产业开发区|经济技术开发区|高新区|示范区|经开区|开发区|新区|保税区|试验区"
)
_ZONE_SELF_RE = re.compile(r"(?:全|我|本)区(?![\u4e00-\u9fff]{0,2}第|前列|首位|领先)")


def _zone_names(gz: Gazetteer, text: str) -> Counter[str]:
    """Development zones named after a place in `text`, as written (无锡高新区):
    the kind word right after a gazetteer name (full or short) of 2-4 characters,
    unless the whole is a division itself (浦东新区)."""
    found: Counter[str] = Counter()
    for m in _ZONE_KIND_RE.finditer(text):
        for n in (4, 3, 2):
            stem = text[max(0, m.start() - n) : m.start()]
            if len(stem) == n and (stem in gz.by_name or stem in gz.by_short):
                a = m.start() - n
                if stem in _WORDLIKE_SHORTS and _inside_word(text, a):
                    break  # 湘赣边区域合作示范区: a word, not 合作市's zone
                if stem + m.group() not in gz.by_name:
                    found[stem + m.group()] += 1
                break
    return found


# Short names that are words too (合作市, 和平县, 新兴县): inside a phrase they
# name no place.
_WORDLIKE_SHORTS = frozenset(
    ("合作", "和平", "共和", "富裕", "友谊", "东方", "新兴", "兴业", "安宁", "永安")
)


def _own_zone(gz: Gazetteer, head: str, title: str) -> str | None:
    """The development zone a text is about: one that speaks as 全区/我区 and
    names the zone in its title, or names it at least three times, more often
    than the place it is named after is named on its own."""
    if not _ZONE_SELF_RE.search(head):
        return _voiceless_zone(gz, head) or _titled_zone(gz, head, title)
    in_title = _zone_names(gz, title)
    named = _zone_names(gz, head)
    if in_title:
        zone = max(in_title, key=lambda z: (named[z] + in_title[z], z))
        return zone
    if not named:
        return None
    zone, n = max(named.items(), key=lambda kv: (kv[1], kv[0]))
    kind = _ZONE_KIND_RE.search(zone).group()
    bare = n < 3 and len(named) == 1 and len(kind) >= 3
    if bare:
        # 某市高新区科技局…, 高新区规模以上…, 全区…: the one zone of its kind
        # named, then named bare (高新区, 经开区) the way its own text does,
        # in a text that names no other place than the zone's own and the
        # wholes it lies in (a district's 全区 that backs 某市高新区 is not it).
        n = head.count(kind)
    if n < 3:
        return None
    stem = zone[: -len(kind)]
    divs = gz.lookup(stem)
    wholes = set(divs)
    wholes.update(*(gz.ancestors(d) for d in divs))
    if bare and any(
        not _ZONE_KIND_RE.match(head, b) and not wholes.intersection(gz.lookup(name))
        for _a, b, name in mentions(head, gz)
    ):
        return None
    alone = 0
    for _a, b, name in mentions(head, gz, county_short=True):
        if _ZONE_KIND_RE.match(head, b):
            continue
        if any(d in gz.lookup(name) for d in divs):
            alone += 1
    return zone if n > alone else None


def _speaks_above_zone(head: str) -> bool:
    """Whether the text speaks, more than once, as a whole other than a 区
    (全市, 我县): a zone it names is one of its parts."""
    selves = finditer_from(_SELF_RE, _SELF_FIRST_RE, head)
    return sum(1 for m in selves if (m.group(1) or m.group(2)) != "区") > 1


def _titled_zone(gz: Gazetteer, head: str, title: str) -> str | None:
    """The zone a title opens with as its subject (西部科学城某某高新区2024年
    经济社会发展情况…), the title naming no place before it and no other
    zone, and the text naming it again: the zone's own report, even when it
    never says 全区."""
    in_title = _zone_names(gz, title)
    if len(in_title) != 1 or _speaks_above_zone(head):
        return None
    (zone,) = in_title
    at = title.find(zone)
    if any(a < at for a, _b, _name in mentions(title, gz, county_short=True)):
        return None
    return zone if head.count(zone) >= 2 else None


def _voiceless_zone(gz: Gazetteer, head: str) -> str | None:
    """The zone a news page is about when it speaks at no level (no 全市, 我县
    beyond one): named at least three times with its kind word (某市经开区…,
    经开区产业结构…), more often than the place it is named after (or a whole
    it lies in) is named on its own other than as the source of a list
    (某市科技局公布…名单), and no office of those places speaks in it."""
    if _speaks_above_zone(head):
        return None
    named = _zone_names(gz, head)
    if len(named) != 1:
        return None
    ((zone, _n),) = named.items()
    kind = _ZONE_KIND_RE.search(zone).group()
    stem = zone[: -len(kind)]
    if len(kind) < 3 or head.count(kind) < 3:
        return None
    # The place and the wholes it lies in (a province's plan that names its
    # capital's 高新区 again and again is still the province's).
    divs = set(gz.lookup(stem))
    divs.update(*(gz.ancestors(d) for d in list(divs)))
    alone = 0
    for _a, b, name in mentions(head, gz, county_short=True):
        if _ZONE_KIND_RE.match(head, b) or not divs.intersection(gz.lookup(name)):
            continue
        office = _OFFICE_AFTER_RE.match(head, b)
        if office and _SOURCE_AFTER_RE.match(head, office.end()):
            continue  # 某市科技局公布…名单: the list's source
        if office:
            return None  # 某省科技厅 signing: the whole's own text
        alone += 1
    return zone if head.count(kind) > alone else None


# A title that opens with a zone named bare (高新区科技创新局获评…, 经开区召开…).
_BARE_ZONE_TITLE_RE = re.compile(
    r"[ \t\u3000“]*(高新技术产业开发区|经济技术开发区|高新区|经开区|开发区)"
)
# The zone's own offices and voice in its text (区科技创新局, 全区, 我区).
_ZONE_VOICE_RE = re.compile(
    r"(?:全|我|本)区(?![\u4e00-\u9fff]{0,2}第|前列|首位|领先)|(?<![\u4e00-\u9fff])区"
    + _OFFICE_AFTER_RE.pattern
)


def _bare_zone(gz: Gazetteer, head: str, title: str) -> str | None:
    """A zone's own page that names the zone bare (高新区科技创新局获评… under
    来源:平顶山日报): the zone of the one city the page names, by its short name
    (平顶山高新区); None when the title is not the zone's or no single city
    is named."""
    m = _BARE_ZONE_TITLE_RE.match(title)
    if m is None:
        return None
    if not (
        _OFFICE_AFTER_RE.match(title, m.end())
        or _ZONE_VOICE_RE.search(head)
        or _ZONE_VOICE_RE.search(title)
    ):
        return None
    cities: Counter[Division] = Counter()
    for _a, _b, name in mentions(head, gz):
        for d in gz.lookup(name)[:1]:
            if d.suffix == "市" and d.short and not is_province_level(d.name, gz):
                cities[d] += 1
    if len(cities) != 1:
        return None
    (city,) = cities
    return city.short + m.group(1)


def is_own_zone(subject: str, own: str | None) -> bool:
    """Whether a zone opening a figure's clause (高新区拥有…, 无锡高新区新增…) is the
    document's own zone: named as the document names itself, or bare in the
    text of a zone of that kind (高新区 in 平顶山高新区's page)."""
    if not own:
        return False
    if subject.startswith(own):
        return True
    kind = _ZONE_KIND_RE.search(own)
    return kind is not None and kind.end() == len(own) and subject == kind.group()


def detect_region(text: str, title: str, gz: Gazetteer | None = None) -> str | None:
    """The document's own region: a full gazetteer name, the development zone
    a zone's own text is about (无锡高新区, as written; 平顶山高新区 for a page
    of 平顶山's 高新区), or None."""
    gz = gz or gazetteer()
    head = text[:1500] + "\n" + text[-400:] if len(text) > 1900 else text
    found = (
        _own_zone(gz, head, title)
        or _bare_zone(gz, head, title)
        or _detect_division(text, title, gz)
    )
    m = _PLACEHOLDER_RE.fullmatch(found or "")
    if m:
        # XX县科技局 in a text that lets its county's name slip once (…组织的
        # 嘉善与上海科技合作…): the redacted place is the one place of its level
        # named; a placeholder is no place of its own.
        return _unredacted(gz, text, m.group(1)) or found
    return found


_WHOLE_CITY_ZONE_KINDS = ("示范区", "试验区")


@lru_cache(maxsize=256)
def zone_city(region: str | None) -> str | None:
    """The division a zone's figures are given to: a 示范区 or 试验区 named after
    a county-level city that no prefecture stands over (济源示范区, of a city its
    province runs directly) is that city as a whole, whose figures its pages
    report; any other region or zone (平原示范区, 无锡高新区) stays as it is."""
    if not region or not region.endswith(_WHOLE_CITY_ZONE_KINDS):
        return region
    gz = gazetteer()
    stem = region[:-3]
    divs = gz.lookup(stem)
    if len(divs) != 1:
        return region
    (d,) = divs
    parent = gz.parent(d)
    if d.level != COUNTY or d.suffix != "市" or parent is None:
        return region
    return d.name if parent.level == PROVINCE else region


def _unredacted(gz: Gazetteer, text: str, suffix: str) -> str | None:
    """The one division with `suffix` (县, 市, 区) named in `text`, in full or
    by its short name, or None."""
    named: set[Division] = set()
    above: set[Division] = set()  # the provinces of the cities the text names
    for a, b, name in mentions(text, gz, county_short=True):
        if a and text[a - 1] in "全本我X×x*":
            continue
        if _ranked_in(text, a, b) or _COMPANY_AFTER_RE.match(text, b):
            continue
        divs = gz.by_name.get(name) or gz.by_short.get(name, [])
        for d in divs:
            if d.level != COUNTY:
                above.update([d, *gz.ancestors(d)])
        if _inside_word(text, a):
            continue  # 共同富裕 is not 富裕县: the short name inside a word
        named.update(
            d for d in divs if d.suffix == suffix or suffix + d.suffix == "县旗"
        )
    if len(named) > 1:
        # 的资源优势 reads as 资源县 too: of several, the one in the province
        # of a city the text names (杭州 for 嘉善).
        named = {d for d in named if above & set(gz.ancestors(d))}
    if len(named) != 1:
        return None
    return next(iter(named)).name


def _detect_division(text: str, title: str, gz: Gazetteer) -> str | None:
    """The document's own region as a full gazetteer name, or None."""
    # A place named only as the office that checked the figures (经某市统计局
    # 核算) is read again, as before, when the text names no place otherwise.
    sources: list[str] = []
    found = _scored_division(text, title, gz, sources)
    if found is None and sources:
        return _scored_division(text, title, gz, None)
    return found


def _is_parent_meeting(head: str, b: int) -> bool:
    """某市委六届十次全会 followed, in the same sentence, by a bare 市委…全会:
    the meeting of the place above the text's."""
    m = _NAMED_MEETING_AFTER_RE.match(head, b)
    if m is None:
        return False
    end = len(head)
    for stop in "。;；\n":
        i = head.find(stop, m.end())
        if i != -1:
            end = min(end, i)
    return _BARE_MEETING_RE.search(head[m.end() : end]) is not None


def _scored_division(
    text: str, title: str, gz: Gazetteer, sources: list[str] | None
) -> str | None:
    """_detect_division's scoring; with `sources`, a place named only as the
    office that checked the figures is left out (and listed there)."""
    # The opening lines say whose document it is, and the signature at the end
    # (XX县科技局 2023年12月); reading the middle costs time and adds little.
    if len(text) > 1900:
        head = text[:1500] + "\n" + text[-400:]
        tail_start = 1501
    else:
        head = text
        tail_start = max(len(head) - 400, 800)

    # 我县/本县 speak for the document; 全市 in a county's text may be its city's.
    selves: Counter[str] = Counter()
    # 高于全省平均, 居全省首位, 在全省率先: how often the text measures itself
    # against the whole of a level above it.
    set_against: Counter[str] = Counter()
    for m in finditer_from(_SELF_RE, _SELF_FIRST_RE, head):
        if (
            _SELF_NOT_AFTER_RE.match(head, m.end())
            or (m.start() and head[m.start() - 1] in "居列占位比于较在与超为")
            # 高于全国、全省、全市, 与全国全区一道: the wholes a figure is set
            # against or a place moves with, listed
            or head.endswith(
                ("全国", "全国、", "全国和", "全国与", "全国及"), 0, m.start()
            )
            or _WHOLE_SERVED_BEFORE_RE.search(head, max(0, m.start() - 4), m.start())
        ):
            if m.group().startswith("全"):
                set_against[_SELF_LEVEL[m.group(1) or m.group(2)]] += 1
            continue  # 全省第一, 居全省前列, 占全省: a comparison group, not itself
        if area_word_at(head, m.end()):
            continue  # 全区域、多层次地推进: everywhere, not a district
        if _AWARD_BEFORE_RE.search(head, max(0, m.start() - 4), m.start()):
            continue  # 获评全省…优秀单位, 表彰为全省先进县: an award of the province
        award = _AWARD_TITLE_AFTER_RE.match(head, m.end())
        if award is not None:
            # 全省首批健康脱贫示范县等多项荣誉: an award of the province, to a
            # place of the level the title names (县).
            if award.group(1) in _SELF_LEVEL:
                selves[_SELF_LEVEL[award.group(1)]] += 1
            continue
        lv = m.group(1) or m.group(2)
        selves[_SELF_LEVEL[lv]] += 2 if m.group().startswith(("我", "本")) else 1
    # 师市上下, 全师, 我师: a 兵团 division that is one with its city speaks as
    # that city (第八师石河子市), not as the 兵团 whose 党委 it names.
    if "师" in head:
        for m in _CORPS_CITY_VOICE_RE.finditer(head):
            selves["市"] += 2 if m.group().startswith(("我", "本")) else 1
    # 省委、省政府, 省十四届人大: the document's own institutions, weakly (a
    # city's text names its province's too).
    chains: dict[int, list[str]] = {}
    for m in finditer_from(_INSTITUTION_RE, _INSTITUTION_FIRST_RE, head):
        if m.start() and head[m.start() - 1] == "被":
            continue  # 被省委、省政府表彰: the province acting on the place
        selves[_SELF_LEVEL[m.group(1)]] += 0.5
        sentence = max(head.rfind("。", 0, m.start()), head.rfind("\n", 0, m.start()))
        chains.setdefault(sentence, []).append(_SELF_LEVEL[m.group(1)])
    # 省委…全会、州委…全会和县委…全会: a text lists the meetings it follows from
    # the top down, its own last.
    for sentence, named in chains.items():
        levels = set(named)
        if len(levels) >= 2:
            # The deepest; of two as deep (州委…市委), the one named last.
            own = max(
                levels,
                key=lambda lv: (
                    _INSTITUTION_DEPTH[lv],
                    len(named) - named[::-1].index(lv),
                ),
            )
            selves[own] += 1
            # The higher ones in the chain lead the place (在省委、省政府和市委
            # 的领导下): they are not the text's own voice.
            for m in finditer_from(_INSTITUTION_RE, _INSTITUTION_FIRST_RE, head):
                lv = _SELF_LEVEL[m.group(1)]
                if lv != own and sentence == max(
                    head.rfind("。", 0, m.start()), head.rfind("\n", 0, m.start())
                ):
                    selves[lv] -= 0.5
    # 地委、行署 (in a title: 行署工作报告): a 地区's or 盟's own voice.
    voiced_in = title + "\n" + head
    voiced = sum(
        1
        for m in (
            _PREFECTURE_VOICE_RE.finditer(voiced_in)
            if any(w in voiced_in for w in _PREFECTURE_VOICE_WORDS)
            else ()
        )
        if not (
            m.group()[1] == "委"
            and m.start()
            and voiced_in[m.start() - 1] in _PREFECTURE_VOICE_NOT_AFTER
        )
        # 按照盟委行署…部署, 在地委的领导下: the place above, whose lead the
        # text follows.
        and not _FOLLOWS_BEFORE_RE.search(voiced_in, max(0, m.start() - 6), m.start())
    )
    if voiced:
        selves["州"] += voiced
    # 省会成都: the province's capital, named by a province's text.
    selves["省"] += head.count("省会") - head.count("非省会")  # 非省会城市: a group
    level = None
    if selves:
        # As often 全省 as 全县: the text is the county's (the province is
        # what it measures itself against).
        top = max(selves.values())
        tied = [lv for lv, k in selves.items() if k == top]
        if len(tied) > 1 and "省" in tied:
            tied.remove("省")
        # As often 全市 as 全县 (县委县政府, 居全市第一): the county's too
        # (not 区, which a city's text says of its zones).
        if "县" in tied:
            tied = ["县"]
        level, n = tied[0], top
        if n < (1 if level in ("县", "区") else 2):
            level = None  # one 全省 in a county's report says nothing

    scores: Counter[Division] = Counter()
    strong: Counter[Division] = Counter()  # named in the title or by an office
    titled: Counter[Division] = Counter()

    def score(
        name: str, weight: float, is_strong: bool, in_title: bool = False
    ) -> None:
        divs = gz.by_name.get(name)
        full = divs is not None
        if not full:
            divs = gz.by_short.get(name, [])
        # A short name shared across levels (海南) is the higher one's.
        divs = [d for d in divs or () if d.level == divs[0].level]
        for d in divs:
            w = weight * (1.0 if full else 0.6) / len(divs)
            scores[d] += w
            if is_strong:
                strong[d] += w
            if in_title:
                titled[d] += w

    # A photo's caption taken for the title (某地某港夜景 资料图) names the
    # picture's place.
    title_names = (
        [] if CAPTION_RE.search(title) else mentions(title, gz, county_short=True)
    )
    for a, b, name in _without_addresses(gz, title_names, level, title):
        if _MEDIA_AFTER_RE.match(title, b):
            continue  # a masthead taken for the title (香港商报) names its paper
        if _DATELINE_AFTER_RE.match(title, b):
            # A dateline taken for the title (某某网晋中讯, 杭州12月1日电) names
            # where the story was filed, not what it is about.
            continue
        if _ranked_in(title, a, b):
            continue  # …均居浙江前列: the group the place is ranked in
        if _is_partner(title, a, b) and len(title_names) > 1:
            continue  # 德阳紧邻成都: the neighbour of the title's place
        # 某市某某经济技术开发区科技创新局: the city names where the zone of
        # one of its districts (named by its stem) lies; the district is the
        # title's place.
        score(
            _inner_by_stem(gz, title, b, name) or _full_named(gz, head, name) or name,
            12,
            True,
            True,
        )
    furniture = _furniture_lines(head)
    slogans = slogan_places(gz, head)
    named_all = mentions(head, gz)
    found = _without_addresses(gz, named_all, level, head)
    # Where an address begins (娄底市娄星区: the 娄星区 begins at 娄底市).
    address_start = {b: a for a, b, _ in named_all}
    # 幸福清徐 is not 福清: a slogan's place hides the names straddling it.
    found = [
        (a, b, name)
        for a, b, name in found
        if not any(sa < b and a < sb and (sa, sb) != (a, b) for sa, sb, _ in slogans)
    ]
    for sa, sb, name in slogans:
        if not any((a, b) == (sa, sb) for a, b, _ in found):
            score(name, 1.5 if sa < 800 else 1, False)
    outranked = _posts_held_above(gz, head, found)
    groups: set[Division] = set()
    for a, b, name in found:
        if any(fa <= a < fb for fa, fb in furniture):
            continue  # 某省商务厅 版权所有: the site's owner, not the page's place
        after = head[b : b + 14]
        lead = a
        while lead in address_start and address_start[lead] < lead:
            lead = address_start[lead]  # 2月28日,娄底市娄星区第十一届人大…
        if _CONGRESS_AFTER_RE.match(after) and (
            head[max(0, lead - 1) : lead] == "在"
            or _CLAUSE_START_RE.search(head, max(0, lead - 1), lead)
            or lead == 0
        ):
            # ——在东台市第十七届人民代表大会第三次会议上, 1月18日,某市第十七届
            # 人民代表大会第二次会议召开: the congress the report is given to,
            # or the one the news opens with, is the document's own place's.
            score(name, 12, True, True)
            continue
        if (
            _LEVEL_AFTER_RE.match(after)
            and _above_county(gz, name)
            and not _CLAUSE_OPEN_BEFORE_RE.search(head, max(0, a - 14), a)
        ):
            # 云南省重点实验室, 浙江省科技进步奖: a level, not a place; one that
            # opens its clause (2020年,济宁市高新技术企业拥有量…) is the subject.
            continue
        if _ranked_in(head, a, b):
            # 名列金华前茅, 居全省第二: a comparison group; 列某市各县(市区)第一
            # says the text's place lies in it.
            groups.update(gz.lookup(name)[:1])
            continue
        before = head[max(0, a - 2) : a]
        if _VISIT_BEFORE_RE.search(head, max(0, a - 6), a) and _SPEECH_AFTER_RE.match(
            after
        ):
            continue  # 贯彻总书记考察浙江重要讲话精神: where a leader spoke
        if _VISITED_BEFORE_RE.search(
            head, max(0, a - 4), a
        ) and _VISITED_AFTER_RE.match(after):
            continue  # 总书记亲临某省考察: where a leader went, not whose text it is
        if (
            before.endswith("(")
            and after.startswith(")")
            and not _ZONE_END_RE.search(head, max(0, a - 8), a - 1)
        ):
            # (上海)常熟中心: where a partner is from; not 金义新区(金东区),
            # the district a zone is one with.
            continue
        if before.endswith("省会"):
            # 省会成都 in a province's text: the capital names its province.
            for d in gz.lookup(name)[:1]:
                for p in gz.ancestors(d):
                    if p.level == PROVINCE:
                        score(p.name, 1.5, False)
            continue
        if _DATELINE_AFTER_RE.match(after) or _COMPANY_AFTER_RE.match(after):
            continue
        if _ACADEMY_BEFORE_RE.search(head, max(0, a - 6), a):
            continue  # 中科院某地物质研究院: where the academy's institute sits
        if (
            sources is not None
            and _SOURCE_LEAD_BEFORE_RE.search(head, max(0, a - 4), a)
            and _SOURCE_AGENCY_AFTER_RE.match(after)
        ):
            sources.append(name)
            continue  # 经某市统计局统一核算: the office that checked the figures
        if _is_parent_meeting(head, b):
            score(name, 0.3, False)
            continue  # 某市委…全会、市委…全会: the place above the text's
        if _MEDIA_AFTER_RE.match(after):
            line_start = head.rfind("\n", 0, a) + 1
            if "来源" in head[line_start:a]:
                # 来源:德阳日报 under a title that says 我市: the paper's city,
                # weakly (the level the text speaks at must fit).
                score(name, 1, False)
            continue
        office_m = _OFFICE_AFTER_RE.match(head, b) or (
            _COMMITTEE_ACTS_RE.match(head, b)
            if _CLAUSE_START_RE.search(head, max(0, a - 1), a)
            else None
        )
        office = office_m is not None and not _SOURCE_AFTER_RE.match(
            head, office_m.end()
        )  # 浙江省统计局公布的数据显示,…某市…: where the figures come from
        near_edge = a < 800 or a >= tail_start
        if not office and _is_partner(head, a, b):
            # 与成都共建, 距离成都最近, 仅次于成都, 融入成都: the neighbour the
            # text's place is set against, named in passing however often.
            score(name, 0.3, False)
            continue
        if office and (a, b) in outranked:
            score(name, 1.5, False)  # 某市委常委、某县委书记: the post held above
        elif office and near_edge:
            score(name, 8, True)
        else:
            score(name, 1.5 if a < 800 else 1, False)
    if level in ("县", "区"):
        # 融入大理…,把漾濞打造成…: in a county's text, the short name of a
        # county inside a prefecture the text names is that county (on its
        # own, a short name is too often a word).
        for name in _county_shorts_under_named(gz, head, scores):
            score(name, 1.5, False)
    # 市生态环境局咸安分局: a bureau's branch names the district it serves.
    for m in _BRANCH_RE.finditer(head):
        near_edge = m.start() < 800 or m.start() >= tail_start
        names = _branch_divisions(gz, m.group(1))
        for name in names:
            score(name, (8 if near_edge else 1) / len(names), near_edge)
    # A redacted name (XX市科技局) stands for the document's own region.
    for m in _PLACEHOLDER_RE.finditer(head):
        d = Division("", "XX" + m.group(1), "")
        office = bool(_OFFICE_AFTER_RE.match(head, m.end()))
        scores[d] += 8 if office else 1.5
        if office:
            strong[d] += 8
    if not scores and level == "市" and sources:
        # 经某市统计局核算,我市…, 是某某发展史上…: a county-level city whose
        # prefecture's office checked the figures names itself as the whole place.
        return _own_county_short(gz, head, level)
    if not scores and level == "市":
        # 根据烟政发〔2017〕3号文件部署 in a text that says only 全市: the city
        # is named by the first character of its government's document number;
        # or a county-level city by a firm of its name inside the prefecture it
        # ranks itself in (某某一建…, 总量领跑某市).
        return (
            _doc_number_city(gz, head)
            or _county_of_named_prefecture(gz, head, level)
            or _district_by_stem(
                gz, title + "\n" + head, None, compound=_YEARBOOK_AFTER_RE
            )
        )
    voice = level or (selves.most_common(1)[0][0] if selves else None)
    if not scores and voice in ("县", "区", "市"):
        # …(上海)常熟中心…(常熟园区) in a text that says 全市 and names no city
        # in full but as a level (苏州市级): the county-level city it names.
        # A district's yearbook (某某年鉴) says 全市 of its city as well.
        return (
            _own_county_short(gz, head, voice)
            or (
                _own_district_stem(gz, title + "\n" + head, voice)
                if voice != "市"
                else None
            )
            or (
                _district_by_stem(gz, title + "\n" + head, voice)
                if voice != "市"
                else _district_by_stem(
                    gz, title + "\n" + head, None, compound=_YEARBOOK_AFTER_RE
                )
            )
            or _county_of_named_prefecture(gz, head, voice)
            or (
                _firm_city(gz, head, _named_province(gz, head))
                if voice == "市"
                else None
            )
        )
    if not scores and voice == "州":
        # 全州完成…, 州人民政府 in a text that names its counties only by their
        # short names (某县特产, 某市口岸): the prefecture they all lie in; or
        # the one of that kind it names inside a compound (某地重点开发开放
        # 试验区, 某盟经开区 in a text of 地委、行署).
        return _prefecture_of_counties(gz, head) or _one_named_at_level(
            gz, title + "\n" + head, "州"
        )
    if not scores:
        # 推进某某经开区扩区,新增重庆市级孵化器: no place named but a district's
        # park.
        return _district_by_stem(gz, title + "\n" + head, None) if not level else None
    # 勠力同心谋发展 over a text of 昌都 and 西藏: a county's short name in the
    # title that the text never repeats, in a province no place the text names
    # lies in, is a word of the title (an idiom), not its place.
    for d in [d for d in titled if d.level == COUNTY and d.code]:
        province = _province_of(gz, d)
        others = [o for o in scores if o != d and o.code and scores[o] >= 1]
        if (
            scores[d] <= titled[d]
            and others
            and all(_province_of(gz, o) not in (province, None) for o in others)
        ):
            del titled[d]
            del scores[d]
            strong.pop(d, None)
    # A division gains a little from mentions of the places inside it, so a
    # province document that names its cities still reads as the province.
    total = Counter(scores)
    for d, s in scores.items():
        for p in gz.ancestors(d) if d.code else ():
            total[p] += 0.25 * s

    def rank(table: Counter[Division]) -> list[Division]:
        return [
            d for d, _ in sorted(table.items(), key=lambda kv: (-kv[1], kv[0].code))
        ]

    def pick(table: Counter[Division], minimum: float = 0) -> Division | None:
        named = rank(Counter({d: total[d] + table[d] for d in table}))
        named = [d for d in named if total[d] >= minimum]
        if level:
            fitting = [d for d in named if _level_fits(d, level)]
            if fitting:
                return fitting[0]
        return None

    # The title decides; how the text refers to itself (全县, 全市) picks among
    # several names in it. Then an office near the top or the end (another
    # city's bureau there does not fit the level the text speaks at), then any
    # mention of the right level, then the office, then the most named.
    # Two places in the title (某市:…开建至某市新机场联络线, 看某省|某市破圈):
    # the one the text names more itself is its own (not counting the
    # mentions of the places inside it).
    best = pick(titled) or (
        min(titled, key=lambda d: (-titled[d], -scores[d], -total[d], d.code))
        if titled
        else None
    )
    if best is not None and best.level == PREFECTURE and not level:
        # 深圳二届人大…开幕 over a text on 坪山区's congress: a district of the
        # titled city, titled too and named more in the text, is the page's.
        inner = [
            d
            for d in titled
            if d != best and best in gz.ancestors(d) and scores[d] > scores[best]
        ]
        if inner:
            best = max(inner, key=lambda d: (scores[d], d.code))
    best = best or pick(strong) or pick(total, 0.5)
    if (
        level == "省"
        and selves["省"] < 3
        and best is not None
        and not strong[best]
        and not titled
    ):
        # 全省…会议在某地召开,通报了全省…考核结果 in a district's news: the
        # province's meeting, told by a text whose own office (某区委书记)
        # stands near the top and whose name it repeats, the province's only
        # in passing (对某省工作的重要讲话).
        inner = [d for d in rank(strong) if best in gz.ancestors(d)]
        if inner and scores[inner[0]] >= 3 * scores[best]:
            best = inner[0]
    if level == "市" and (best is None or not scores[best]):
        # 全市 in a district's text (2022年度全市…奖) is its city's, which the
        # text never names itself: the one district or county it names is its
        # own when named twice (a city's text names several of its districts,
        # or itself).
        inner = {
            d
            for d in scores
            if d.code
            and d.level == COUNTY
            and (best in gz.ancestors(d) if best is not None else True)
        }
        named_city = any(
            scores[d]
            for d in scores
            if d.code and d.level != COUNTY and d.suffix == "市"
        )
        # 市委常委会, 市科技局: the city's own institutions speak; a district
        # named once (某县物流园区) is one of its parts.
        city_voice = any(
            m.group(1) == "市"
            for m in finditer_from(_INSTITUTION_RE, _INSTITUTION_FIRST_RE, head)
        )
        city_voice = city_voice or "市科技局" in head or "市科学技术局" in head
        if len(inner) == 1 and not named_city and not city_voice:
            (d,) = inner
            if scores[d] >= 2:
                best = d
    top = rank(total)[0]
    if best is None and level == "省" and total[top] >= 3:
        # 全省 in a county's text is its comparison group (居全省前列): a place
        # named again and again is the document's own.
        level = None
        best = top
    if best is None and level == "省":
        # A province's text that names only its cities in passing (省委, 大连…).
        province = next(
            (a for a in (gz.ancestors(top) if top.code else []) if a.level == PROVINCE),
            None,
        )
        if province is not None:
            return province.name
    if best is None and level in ("县", "区"):
        # 龙游加快建设…, 龙游的态度 in a text that speaks as 全县, 县委 and names
        # no county in full: the one county it names by its short name again.
        return (
            _own_county_short(gz, head, level)
            or _own_district_stem(gz, title + "\n" + head, level)
            or _slogan_place(gz, slogans, level)
            or _district_by_stem(gz, title + "\n" + head, level)
        )
    if best is None and level == "州":
        # 在自治区党委和地委领导下 … 某地重点开发开放试验区: the province named
        # does not fit a 地区's voice; the one prefecture named in a compound does.
        named = _one_named_at_level(gz, title + "\n" + head, "州")
        if named is not None:
            return named
    if best is None and level:
        # 聚焦全市…任务 in a county's text that names no place of that level
        # but builds “美丽幸福清徐”: the slogan's place is the text's.
        slogan = _slogan_place(gz, slogans)
        if slogan is not None:
            return slogan
    if best is None and level == "市":
        # A city's text that names only its province (对四川工作的指示) and,
        # bare, the stem of a district or county of it (东坡文化, 江津片区):
        # the city that district lies in, when all such stems agree.
        # Or, named by no stem, by its government's document number (十政发
        # over a text that serves its province: 服务某省…建设).
        provinces = {d for d in scores if d.code and d.level == PROVINCE}
        if len(provinces) == 1:
            (province,) = provinces
            city = _city_of_stems(gz, head, province) or _doc_number_city(gz, head)
            if city is not None and province in gz.ancestors(gz.by_name[city][0]):
                return city
    if best is None and level:
        # The text speaks as a county (全县) but names none: a place named in
        # passing (林芝, a province) is not the document's region.
        return None
    if best is None and strong:
        best = rank(strong)[0]
    if best is None and not level and top.level == PROVINCE:
        # A page that speaks at no level and names its municipality only in
        # passing (新增重庆市企业科技特派员, 数字重庆) but a district's park
        # (西部科学城江津片区): the district's page.
        stem = _district_by_stem(gz, title + "\n" + head, None, top)
        if stem is not None:
            return stem
    if best is None and voice == "市" and not titled and not strong:
        # 市科技局…工作总结 naming its province (考察安徽…) and its city only
        # inside a firm's name (某某矿业股份有限公司): that city, the one of its
        # province the firms are named after.
        provinces = {d for d in scores if d.code and d.level == PROVINCE}
        cities = {d for d in scores if d.code and d.level != PROVINCE}
        if len(provinces) == 1 and not cities:
            firm_city = _firm_city(gz, head, next(iter(provinces)))
            if firm_city is not None:
                return firm_city
    if best is None and not level and not titled and not strong:
        # 寿县、凤台县入选…试点 in a page that speaks at no level and names no
        # other place: counties named once in one list are parts of the page's
        # place, the prefecture they lie in.
        listed = _listed_parent(gz, head, found)
        if listed is not None:
            return listed
    if best is None:
        best = rank(total)[0]
        if total[best] < 0.5:
            return None
        # The share of its places' mentions lets a province outweigh each of
        # its cities; it does not let a city named less than its own county
        # take over (黄石市召开…发布会,大冶市通报…, 大冶市GDP…: 大冶市's).
        inner = [
            d
            for d in rank(scores)
            if d.code and best in gz.ancestors(d) and scores[d] > scores[best]
        ]
        if inner:
            best = inner[0]
    if best.level == PROVINCE and set_against["省"] >= 2 and not titled:
        # 高于全省平均水平, 居全省首位 in a text that names its province only in
        # passing (总书记关于某省振兴发展的重要讲话): the text is of a place in
        # that province, the one of them it names most.
        inner = [d for d in rank(scores) if d.code and best in gz.ancestors(d)]
        if inner:
            best = inner[0]
    if (
        groups
        and best.level == COUNTY
        and not titled[best]
        and not strong[best]
        and not any(g in gz.ancestors(best) for g in groups)
    ):
        # 列某市各县(市区)第一 in a text whose one county is named in passing
        # elsewhere (某地工业产业带): the text's county lies in the group; its
        # own site may name it.
        site = _site_place(gz, head, voice)
        inside = site and any(g in gz.ancestors(gz.by_name[site][0]) for g in groups)
        return site if inside else None
    if level is None and best.level == PREFECTURE and not titled and not strong:
        # 云霄发展的基础…以漳州核电为龙头,打造漳州能源高地: a text that speaks at
        # no level and names its city only in compounds names its own county,
        # one of that city's, by its short name as a whole place.
        own = _own_county_short(gz, head, "县")
        county = gz.by_name[own][0] if own is not None else None
        if (
            county is not None
            and best in gz.ancestors(county)
            and county.short != best.short  # 通化 is 通化市's before 通化县's
        ):
            return own
    if level in ("市", None) and best.level == PREFECTURE:
        best = _county_city_over(gz, head, best) or best
    return best.name


_LIST_JOIN = frozenset(("、", "和", "及", "与", "以及"))


# A firm named after a place (某某矿业股份有限公司, 某某集团).
_FIRM_AFTER_RE = re.compile(r"[\u4e00-\u9fff]{0,10}?(?:有限公司|股份|集团|公司)")
# An academy's institute named after the city it sits in (中科院某地物质研究院,
# 中国科学院某地分院).
_ACADEMY_BEFORE_RE = re.compile(
    r"(?:中科院|中国科学院|中国工程院|中国农科院|中国农业科学院|中国社科院|中国社会科学院)$"
)


def _named_province(gz: Gazetteer, head: str) -> Division | None:
    """The one province `head` names, however (考察某省重要讲话, 某省重点实验室);
    None when it names none or several."""
    provinces = {
        d
        for a, _b, name in mentions(head, gz)
        if not _ACADEMY_BEFORE_RE.search(head, max(0, a - 6), a)
        for d in gz.lookup(name)[:1]
        if d.level == PROVINCE
    }
    return next(iter(provinces)) if len(provinces) == 1 else None


def _firm_city(gz: Gazetteer, head: str, province: Division | None) -> str | None:
    """The one prefecture-level city of `province` that `head` names as the
    place a firm is named after (某某矿业股份有限公司), or None."""
    if province is None:
        return None
    cities: set[Division] = set()
    for _a, b, name in mentions(head, gz):
        if not _FIRM_AFTER_RE.match(head, b):
            continue
        for d in gz.lookup(name)[:1]:
            if (
                d.level == PREFECTURE
                and d.suffix == "市"
                and province in gz.ancestors(d)
            ):
                cities.add(d)
    return next(iter(cities)).name if len(cities) == 1 else None


def _listed_parent(
    gz: Gazetteer, head: str, found: list[tuple[int, int, str]]
) -> str | None:
    """The prefecture of the counties in `found` when they are all its, each
    named once and all in one list (某县、某县和某县), at least two; else None."""
    if len(found) < 2:
        return None
    spans = sorted(found)
    parents: set[Division] = set()
    for i, (a, _b, name) in enumerate(spans):
        divs = gz.by_name.get(name) or []
        if len(divs) != 1 or divs[0].level != COUNTY:
            return None
        parent = gz.parent(divs[0])
        if parent is None or parent.level != PREFECTURE:
            return None
        parents.add(parent)
        if i and head[spans[i - 1][1] : a] not in _LIST_JOIN:
            return None
    if len(parents) != 1 or len({n for _, _, n in spans}) != len(spans):
        return None
    return next(iter(parents)).name


def _county_city_over(gz: Gazetteer, head: str, city: Division) -> Division | None:
    """The one county-level city of `city` that `head` names more often than
    `city` itself, in full or by its short name in running text (孟州市…, 孟州
    迈向…, 在焦作转型发展中: a county-level city's text names its prefecture in
    passing), and at least once in full; None when there is none, or more than
    one (a prefecture's text names its county-level cities' parks and trades
    by the short name: 某某经济开发区, 某某机床)."""
    counts: Counter[Division] = Counter()
    in_full: set[Division] = set()
    for a, b, name in mentions(head, gz, county_short=True):
        full = name in gz.by_name
        if not full and (
            (a and head[a - 1] in "全本我")
            or _inside_word(head, a)
            or _COMPANY_AFTER_RE.match(head, b)
        ):
            continue
        for d in gz.by_name.get(name) or gz.by_short.get(name, []):
            if d == city or (
                d.level == COUNTY and d.suffix == "市" and gz.parent(d) == city
            ):
                counts[d] += 1
                if full:
                    in_full.add(d)
    inner = [d for d in counts if d != city]
    if len(inner) != 1 or counts[inner[0]] <= counts[city]:
        return None
    if inner[0] not in in_full:
        return None
    return inner[0]


# A place named as the partner, the yardstick or the whole of the text's own
# (与某市共建, 同某市合作, 距离某市, 仅次于某市, 除某市外, 融入/服务/依靠/对接
# 某市, 位于某市之南, 毗邻某市): another place than the text's.
_PARTNER_BEFORE_RE = re.compile(
    r"(?:(?<![参给赋授])与|(?<![相共如等一不])同|(?<![距])离|距离?|次于|除了?|"
    r"融入|服务|服務|依靠|依托|对接|對接|接轨|毗邻|毗連|紧邻|緊鄰|邻近|鄰近|"
    r"比肩|对标|對標|联动|聯動|携手|攜手|位于|位於|地处|地處|通往|直达|直達)$"
)
_PARTNER_LIST_BEFORE_RE = re.compile(
    r"(?:(?<![参给赋授])与|携手|攜手|联动|聯動|对接|對接|毗邻|紧邻)"
    r"[\u4e00-\u9fff]{2,8}?(?:、[\u4e00-\u9fff]{2,8}?)*[、和]$"
)
_PARTNER_AFTER_RE = re.compile(
    r"(?:之|以)?[东南西北東][部面边邊侧側]?(?![\u4e00-\u9fff])|以外|之外|外[,、]"
)


def _is_partner(text: str, a: int, b: int) -> bool:
    """Whether the name at text[a:b] is another place the text's own is set
    against (与某市共建, 仅次于某市, 位于某市之南)."""
    return bool(
        _PARTNER_BEFORE_RE.search(text, max(0, a - 2), a)
        or _PARTNER_AFTER_RE.match(text, b)
        # 与临安区、开化县等地签署…协议: a later item of the partners' list
        or (
            a
            and text[a - 1] in "、和"
            and _PARTNER_LIST_BEFORE_RE.search(text, max(0, a - 40), a)
        )
    )


# What makes a district's bare stem a name (东坡高新技术产业带, 江津片区,
# 黔江两会, 某某年鉴): a zone, a park, the sessions or the yearbook named after
# the place.
_STEM_COMPOUND_AFTER_RE = re.compile(
    r"(?:片区|高新|经开|经济技术开发区|开发区|工业园|产业园|园区|产业带|两会|"
    r"人大|政协|区委|县委|区政府|县政府|(?:统计)?年鉴)"
)
# A yearbook's running head (某某年鉴, 某某统计年鉴): the page is its place's,
# whatever level its text speaks at.
_YEARBOOK_AFTER_RE = re.compile(r"(?:统计)?年鉴")


_STEM_ZONE_RE = re.compile(r"(?:经济)?(?:" + _ZONE_KIND_RE.pattern + ")")


def _province_of(gz: Gazetteer, d: Division) -> Division | None:
    if d.level == PROVINCE:
        return d
    return next((a for a in gz.ancestors(d) if a.level == PROVINCE), None)


def _full_named(gz: Gazetteer, head: str, name: str) -> str | None:
    """The division a title's short name means when the text names, in full,
    another division of that stem (开平年鉴 over 唐山市开平区…: 开平区, not the
    county-level city 开平市 the short name alone would be)."""
    if name in gz.by_name:
        return None
    own = {d.name for d in gz.by_short.get(name, ())}
    for suffix in "区县市旗":
        full = name + suffix
        if full not in own and full in gz.by_name and full in head:
            return full
    return None


def _inner_by_stem(gz: Gazetteer, text: str, b: int, name: str) -> str | None:
    """The district or county inside `name` whose stem follows it at `b` and
    opens a zone's name (广州增城经济技术开发区: 增城区), or None."""
    outer = gz.lookup(name)[:1]
    if not outer or outer[0].level == COUNTY or not _STEM_ZONE_RE.search(text, b):
        return None
    gz.stems()  # by_stem is filled on first use
    for k in (4, 3, 2):
        stem = text[b : b + k]
        if stem not in gz.by_stem or not _STEM_ZONE_RE.match(text, b + k):
            continue
        inner = [d for d in gz.by_stem[stem] if outer[0] in gz.ancestors(d)]
        if len(inner) == 1:
            return inner[0].name
    return None


def _district_by_stem(
    gz: Gazetteer,
    text: str,
    level: str | None,
    within: Division | None = None,
    compound: re.Pattern[str] = _STEM_COMPOUND_AFTER_RE,
) -> str | None:
    """The one district or county of `level` (区, 县; either when None) that
    `text` names only by its stem inside a compound (东坡高新技术产业带, 江津片区,
    黔江两会政府工作报告; of the kind `compound` reads), inside `within` when
    given; None otherwise."""
    words, automaton = gz.stems()
    found: set[Division] = set()
    for i, _a, b in automaton.find_matches_as_indexes(text):
        if not compound.match(text, b):
            continue
        for d in gz.by_stem[words[i]]:
            if level in ("县", "区") and not _level_fits(d, level):
                continue
            if within is not None and within not in gz.ancestors(d):
                continue
            found.add(d)
    return next(iter(found)).name if len(found) == 1 else None


def _city_of_stems(gz: Gazetteer, text: str, province: Division) -> str | None:
    """The one prefecture-level city of `province` whose districts or counties
    `text` names by their bare stems (东坡 of 东坡区), or None."""
    words, automaton = gz.stems()
    cities: set[Division] = set()
    for i, _a, _b in automaton.find_matches_as_indexes(text):
        for d in gz.by_stem[words[i]]:
            p = gz.parent(d)
            if p is not None and p.level == PREFECTURE and province in gz.ancestors(d):
                cities.add(p)
    if len(cities) != 1:
        return None
    (city,) = cities
    return city.name if city.suffix == "市" else None


def _slogan_place(
    gz: Gazetteer, slogans: list[tuple[int, int, str]], level: str | None = None
) -> str | None:
    """The one city or county the slogans of a text build (幸福清徐), or None;
    a province's slogan (美丽河南) in a lower place's text is its province's,
    and a county's in a district's text (全区) is not the text's."""
    names = {name for _, _, name in slogans}
    if len(names) != 1:
        return None
    divs = gz.lookup(names.pop())
    if not divs or divs[0].level == PROVINCE:
        return None
    if level in ("县", "区") and not _level_fits(divs[0], level):
        return None
    return divs[0].name


# Where a clause starts: a stop or a comma right before a name.
_CLAUSE_START_RE = re.compile(r"[,。;:!?\n\s]$")
# The rest of a person's chain of posts, 、-joined, up to the next one named.
_POST_GAP_RE = re.compile(r"[^,;。\n]{0,24}、$")


def _posts_held_above(
    gz: Gazetteer, head: str, found: list[tuple[int, int, str]]
) -> set[tuple[int, int]]:
    """Mentions naming a post of a division whose inner division's post the
    same person's chain of posts also names (嘉兴市委常委、统战部部长、桐乡市委
    书记): the higher post is a rank the leader holds; the place the text
    speaks for is the specific one."""
    out: set[tuple[int, int]] = set()
    for (a1, b1, n1), (a2, b2, n2) in pairwise(found):
        if not (_OFFICE_AFTER_RE.match(head, b1) and _OFFICE_AFTER_RE.match(head, b2)):
            continue
        if a2 - b1 > 30 or not _POST_GAP_RE.search(head, b1, a2):
            continue
        first, second = gz.lookup(n1), gz.lookup(n2)
        if any(gz.contains(o, d) and o != d for o in first for d in second):
            out.add((a1, b1))
        elif any(gz.contains(o, d) and o != d for o in second for d in first):
            out.add((a2, b2))  # 桐乡市委书记、嘉兴市委常委: the same, written upwards
    return out


# Function characters a place's name may follow in running text (也是龙游…,
# …的龙游实践, 把龙游建成…): any other character may make a word with it.
_NAME_BEFORE = frozenset("是的在为把让将和与及对向从到“‘《")


def _inside_word(text: str, a: int) -> bool:
    """Whether a name starting at text[a] stands inside a word (共同富裕 holds
    富裕): a character before it that no name follows (是, 的, 在… do)."""
    return bool(a and _HANZI.match(text[a - 1]) and text[a - 1] not in _NAME_BEFORE)


# The function words a two-character county (黟县) may follow in running text.
_SHORT_NAME_LEAD = frozenset("在于为对向从到是")
# A year written out just before a name (2024年, 二〇二四年).
_YEAR_LEAD_RE = re.compile(r"(?:\d{4}|[〇○零一二三四五六七八九]{4})年$")


def _short_names_in_prose(gz: Gazetteer, head: str, *, companies: bool):
    """Short division names that stand on their own in the running text of
    `head`: not a full name, not 全县/本市 speaking of the text itself, not
    inside a word (共同富裕 is not 富裕县, 共和 in 人民共和国), not a ranking and,
    with `companies`, not a company's name."""
    for a, b, name in mentions(head, gz, county_short=True):
        if name in gz.by_name or (a and head[a - 1] in "全本我"):
            continue
        if _inside_word(head, a):
            continue
        if _ranked_in(head, a, b) or (companies and _COMPANY_AFTER_RE.match(head, b)):
            continue
        yield a, b, name


# What follows a place's name when the text speaks of the place as a whole
# (是泽州发展历程中…, 为某县经济…, 某县人民, 某县大地, 某县上下): one such mention
# names the county a text speaking as 全县 is about.
_WHOLE_PLACE_AFTER_RE = re.compile(
    r"(?:的)?(?:发展|经济|人民|大地|上下|全域|城乡|乡村振兴|历史|县域|干部群众|百姓|儿女|"
    r"高质量|现代化|振兴|各族|改革开放|改革发展)"
)


def _own_county_short(gz: Gazetteer, head: str, level: str) -> str | None:
    """The one division of the text's level named by its short name at least
    twice in `head` (or once as the whole place: 泽州发展, 某县人民), and no
    other such division named, as a full name."""
    named: Counter[Division] = Counter()
    whole: set[Division] = set()
    for _a, b, name in _short_names_in_prose(gz, head, companies=True):
        for d in gz.by_short.get(name, []):
            if d.level == COUNTY and _level_fits(d, level):
                named[d] += 1
                if _WHOLE_PLACE_AFTER_RE.match(head, b):
                    whole.add(d)
    if len(named) != 1 and len(whole) == 1:
        # 新兴产业 reads as 新兴县 too: a word named once gives way to the one
        # county named as a whole (泽州发展).
        (d,) = whole
        if all(n == 1 for o, n in named.items() if o != d):
            named = Counter({d: named[d]})
    if len(named) != 1:
        return None
    ((d, n),) = named.items()
    return d.name if n >= 2 or d in whole else None


def _own_district_stem(gz: Gazetteer, head: str, level: str) -> str | None:
    """The one district or county of `level` that a text speaking as 我区/全县
    names twice or more by its stem as a whole (荔湾经济, 荔湾概述, 走进荔湾: a
    district has no short name in the gazetteer), the stem standing on its own
    (乡村振兴发展 is not 振兴区); None otherwise."""
    words, automaton = gz.stems()
    named: Counter[Division] = Counter()
    for i, a, b in automaton.find_matches_as_indexes(head):
        if _inside_word(head, a):
            if not head.endswith("走进", 0, a):
                continue
        elif not (
            _WHOLE_PLACE_AFTER_RE.match(head, b)
            or _OVERVIEW_AFTER_RE.match(head, b)
            or _INTRO_AFTER_RE.match(head, b)
        ):
            continue
        # 铜梁位于重庆西北…: a text that opens on the place it introduces.
        weight = (
            2
            if (a == 0 or head[a - 1] == "\n") and _INTRO_AFTER_RE.match(head, b)
            else 1
        )
        for d in gz.by_stem[words[i]]:
            if _level_fits(d, level):
                named[d] += weight
    if len(named) != 1:
        return None
    ((d, n),) = named.items()
    return d.name if n >= 2 else None


# What introduces a place at the head of a text about it (某地位于…, 地处…).
_INTRO_AFTER_RE = re.compile(r"(?:位于|地处|坐落于|坐落在)")


# The end of a zone's name (金义新区, 某某经济技术开发区, 某某高新区).
_ZONE_END_RE = re.compile("(?:" + _ZONE_KIND_RE.pattern + "|园区)$")
# 某某概况, 某某概述: a site's page about its own place.
_OVERVIEW_AFTER_RE = re.compile(r"(?:概况|概述|简介)")


def _county_of_named_prefecture(gz: Gazetteer, head: str, level: str) -> str | None:
    """The one county fitting `level` that `head` names by its short name, even
    as a firm's (调研某某水泥有限公司, 某某一建晋升特级资质), when it lies in a
    prefecture the text names too, however (总量领跑某市, 某市某某有限公司), and
    no other county is named; None otherwise."""
    prefectures: set[Division] = set()
    counties: set[Division] = set()
    for a, b, name in mentions(head, gz, county_short=True):
        if a and head[a - 1] in "全本我":
            continue
        # 组织某某纸业有限公司: a firm's name opens after any verb.
        inside_word = _inside_word(head, a) and not _COMPANY_AFTER_RE.match(head, b)
        for d in gz.by_name.get(name) or gz.by_short.get(name, []):
            if d.level == PREFECTURE:
                prefectures.add(d)
            elif d.level == COUNTY and not inside_word:
                counties.add(d)
    if len(counties) != 1:
        return None
    (d,) = counties
    return d.name if gz.parent(d) in prefectures and _level_fits(d, level) else None


def _one_named_at_level(gz: Gazetteer, head: str, level: str) -> str | None:
    """The one division fitting `level` that `head` names, in full or by its
    short name, even inside a compound (某地重点开发开放试验区); None if none
    or several."""
    named: set[Division] = set()
    for _a, _b, name in mentions(head, gz, county_short=True):
        divs = gz.by_name.get(name) or gz.by_short.get(name, [])
        named.update(d for d in divs if _level_fits(d, level))
    if len(named) != 1:
        return None
    return next(iter(named)).name


def _prefecture_of_counties(gz: Gazetteer, head: str) -> str | None:
    """The one prefecture of the 州 kind (州, 盟, 地区) that every county named
    by its short name in `head` lies in, when at least two such counties are
    named; None otherwise."""
    counties: set[Division] = set()
    for _a, _b, name in _short_names_in_prose(gz, head, companies=False):
        divs = [d for d in gz.by_short.get(name, []) if d.level == COUNTY]
        if len(divs) == 1:
            counties.add(divs[0])
    parents = {gz.parent(d) for d in counties}
    if len(counties) < 2 or len(parents) != 1:
        return None
    (p,) = parents
    return p.name if p is not None and _level_fits(p, "州") else None


def _county_shorts_under_named(
    gz: Gazetteer, head: str, scores: Counter[Division]
) -> list[str]:
    """County short names in `head` that running text does not read on their
    own (漾濞打造成…), one per mention, for counties whose prefecture is among
    the divisions already scored."""
    named = {d for d in scores if d.code and d.level == PREFECTURE}
    if not named:
        return []
    out = []
    for a, b, name in mentions(head, gz, county_short=True):
        if name in gz.by_name:
            continue
        divs = gz.by_short.get(name, [])
        if not divs or divs[0].level != COUNTY:
            continue
        if _COUNTY_SHORT_AFTER_RE.match(head, b):
            continue  # read as a mention already
        if a and head[a - 1] in "全本我":
            continue
        if _ranked_in(head, a, b) or _COMPANY_AFTER_RE.match(head, b):
            continue
        if any(gz.parent(d) in named for d in divs):
            out.append(name)
    return out


def subregion_at(text: str, own: str | None, gz: Gazetteer | None = None) -> str | None:
    """A division named at the very start of `text` (其中，桐乡市新增…) that lies
    inside the document's own region, as a full name; None otherwise."""
    gz = gz or gazetteer()
    name = gz.name_at(text, 2 if text.startswith("省会") else 0)
    if not name or is_generic_area(name):
        return None  # 城区常住人口: the urban part, not a district named 城区
    own_divs = gz.by_name.get(own or "") or []
    divs = gz.by_name.get(name)
    if divs is None:
        # A county's short name counts only with its level word (桐乡 is too
        # often an adjective: 桐乡籍); a city's inside a province is safe (广州…).
        divs = [d for d in gz.by_short.get(name, []) if d.level == PREFECTURE]
        if not divs or not any(o.level == PROVINCE for o in own_divs):
            return None
    for d in divs:
        if d.name == own:
            return None
        if not own_divs:
            return d.name if d.level == COUNTY else None
        if any(gz.contains(o, d) and o != d for o in own_divs):
            return d.name
    return None


# A bare zone opening a split of the figure (其中:区本级…,高新区…; 经开区完成…).
_BARE_ZONE_OPEN_RE = re.compile(
    r"[(:,、\s]*(?:其中)?[:,、\s]*(高新技术产业开发区|经济技术开发区|高新区|经开区)"
    r"(?![\u4e00-\u9fff]{0,2}(?:管委会|企业|技术企业))"
)


def zone_subregion_at(
    text: str, own: str | None, gz: Gazetteer | None = None
) -> str | None:
    """The city's zone a bare 高新区/经开区 opening `text` names in a city's or
    its district's text (其中:区本级预计增长13%,高新区预计增长-11.9% in a
    district of 盘锦 → 盘锦高新区): the zone's own figure, named as the zone's
    pages name it (city short name + kind); None otherwise."""
    m = _BARE_ZONE_OPEN_RE.match(text)
    if m is None or not own:
        return None
    gz = gz or gazetteer()
    divs = gz.by_name.get(own)
    if not divs:
        return None  # the text's own zone, or no division
    d = divs[0]
    city = d if d.level == PREFECTURE else gz.parent(d) if d.level == COUNTY else None
    if city is None or not city.short or city.suffix != "市":
        return None
    if is_province_level(city.name, gz):
        return None  # 北京市's 110100 row: a municipality's zones go by name
    return city.short + m.group(1)


_ABOVE_NOT_AFTER_RE = re.compile(
    r"(?:级|委|政府|人大|政协|下达|考核|分配|要求|确定|重点|科技局|科技厅|统计局|对|给)"
)


def parent_region_at(
    text: str, own: str | None, gz: Gazetteer | None = None
) -> str | None:
    """A division above the document's own region named by its full name at the
    very start of `text` as the subject of a figure (德阳市地区生产总值增长5% in
    a county's report): that division's figure, not the county's. Its level
    (德阳市级), its offices (德阳市委) and its assignments (德阳市下达的) are not."""
    gz = gz or gazetteer()
    own_divs = gz.by_name.get(own or "") or []
    if not own_divs:
        return None
    name = gz.name_at(text)
    if not name or name == own or is_generic_area(name):
        return None
    divs = gz.by_name.get(name)
    if not divs or _ABOVE_NOT_AFTER_RE.match(text, len(name)):
        return None
    for d in divs:
        if any(d in gz.ancestors(o) for o in own_divs):
            return d.name
    return None


def is_province_level(name: str | None, gz: Gazetteer | None = None) -> bool:
    """Whether `name` is a province-level division: a province, an autonomous
    region, a special administrative region, or a municipality (北京市, 天津市,
    上海市, 重庆市: cities that are provinces)."""
    if not name:
        return False
    gz = gz or gazetteer()
    divs = gz.by_name.get(name)
    return bool(divs) and divs[0].level == PROVINCE


def other_region_at(text: str, own: str | None, gz: Gazetteer | None = None) -> bool:
    """Whether `text` names, as a city or province with its level word, a region
    that is neither the document's own, one inside it nor one above it."""
    gz = gz or gazetteer()
    own_divs = gz.by_name.get(own or "") or []
    if not own_divs:
        return False
    for _a, _b, name in mentions(text, gz):
        divs = gz.by_name.get(name)
        if not divs or divs[0].level == COUNTY:
            continue
        if any(gz.contains(o, d) or gz.contains(d, o) for o in own_divs for d in divs):
            continue
        return True
    return False


# What may open a sentence before its subject: a period (2022年, 截至2022年底,
# 今年以来), then punctuation.
_LEAD_PERIOD_RE = re.compile(
    r"(?:(?:截至|截止|到)?(?:(?:19|20)\d{2}年(?:底|末|度)?|今年|去年)(?:以来)?"
    r"(?:上半年|前三季度|\d{1,2}[-—~至]\d{1,2}月)?[,、\s]*"
    # 从各县区GDP来看,某区…: the view a comparison of the parts is read from.
    r"|(?:从|就)[^,;。]{1,12}?(?:来看|看|而言),\s*"
    # 根据政府工作报告,今年某省…: the source the figures after it are told from.
    r"|(?:根据|按照|据)[^,;。]{1,12}?(?:报告|公报|数据|规划),\s*)*"
)


def peer_region_at(
    text: str,
    own: str | None,
    gz: Gazetteer | None = None,
    start: int = 0,
    stop: int | None = None,
    *,
    above: bool = False,
) -> str | None:
    """A division of the document's own region's level (another city in a city's
    text) named by its full name as the subject opening text[start:stop]
    (2022年,包头市加快… in a news item about two cities), or a county or district
    inside the region set apart as the subject (如某某区,上半年…): the figures
    under it are that division's. The bounds read the text in place, not a copy
    of it."""
    gz = gz or gazetteer()
    own_divs = gz.by_name.get(own or "") or []
    if not own_divs:
        return None
    if stop is None:
        stop = len(text)
    at = _LEAD_PERIOD_RE.match(text, start, stop).end()
    name = gz.name_at(text, at, stop)
    example = None if name else _EXAMPLE_LEAD_RE.match(text, at, stop)
    if example is not None:  # 如某某区,…; not 如皋市
        at = example.end()
        name = gz.name_at(text, at, stop)
    if not name or name == own or is_generic_area(name):
        return None  # 2023年末城区常住人口: the urban part of the text's own place
    divs = gz.by_name.get(name)
    if divs is None and above:
        # 今年广西经济增长预期目标6.5%以上 in a county's text (`above`, read
        # for one sentence): its province, named short, opening the sentence
        # as its figures' subject.
        divs = [
            d
            for d in gz.by_short.get(name) or ()
            if d.level == PROVINCE and any(d in gz.ancestors(o) for o in own_divs)
        ] or None
    else:
        above = False
    end = at + len(name)
    if not divs or _ABOVE_NOT_AFTER_RE.match(text, end, stop):
        return None
    after = text[end : min(end + 14, stop)]
    if _LEVEL_AFTER_RE.match(after) or _MEDIA_AFTER_RE.match(after):
        return None
    if above:
        return divs[0].name
    inner_ok = bool(_INNER_AFTER_RE.match(text, end, stop))
    for d in divs:
        for o in own_divs:
            if d.level == o.level and d.suffix == o.suffix and not gz.contains(o, d):
                return d.name
            if inner_ok and d.level == COUNTY and gz.contains(o, d) and o != d:
                # 如某某区,上半年地区生产总值…: a district set apart as its own
                # sentence's subject in its city's text.
                return d.name
    return None


# 如X区, 例如X县, 比如X市: a division given as an example of those above.
_EXAMPLE_LEAD_RE = re.compile(r"(?:例如|比如|譬如|如)[,\s]*")
# What sets a division apart as its sentence's subject: a comma, or the period
# of its figures (某某区2023年…, 某某区上半年…).
# (柳北区以302.8亿元排名第一: 以 right before its figure, ranking the parts.)
_INNER_AFTER_RE = re.compile(
    r",|(?:19|20)\d{2}\s*年|[上下]半年|前三季度|今年|去年|以(?:[约近]?\d|$)"
)


# How far an opening subject frames the figures after it (a few sentences:
# the test after it reads that far for each figure).
_OPENING_REACH = 600
# 全省, 我省, 全区 (an autonomous region's): the text's own province spoken of.
_PROVINCE_SELF_RE = re.compile(r"(?:全|我|本)(?:省|自治区|区)(?!域)")


def opening_subregion_at(
    text: str,
    own: str | None,
    gz: Gazetteer | None = None,
    start: int = 0,
    stop: int | None = None,
) -> str | None:
    """A division inside the document's own province that opens text[start:stop]
    as its subject, after a lead period (延安全年完成生产总值…,仅增长1.3%;
    2022年,宝鸡市…; 榆林:全年…): the later figures of the sentence or
    paragraph are that division's, until the text speaks of the province again
    (…。全省…). The bounds read the text in place."""
    gz = gz or gazetteer()
    if stop is None:
        stop = len(text)
    at = _LEAD_PERIOD_RE.match(text, start, stop).end()
    name = gz.name_at(text, at, stop)
    if not name or stop - at > _OPENING_REACH:
        return None
    end = at + len(name)
    after = text[end : min(end + 14, stop)]
    if (
        _ABOVE_NOT_AFTER_RE.match(after)
        or _LEVEL_AFTER_RE.match(after)
        or _MEDIA_AFTER_RE.match(after)
        or _PROVINCE_SELF_RE.search(text, end, stop)
        or not _frames_after(text, end, stop)
    ):
        return None
    return subregion_at(text[at:end], own, gz)


# What sets a name apart as the frame of the clauses after it: a stop (榆林:,
# 延安,) or a period (延安全年…, 宝鸡上半年…).
_FRAME_AFTER_RE = re.compile(
    r"[,:]|(?:19|20)\d{2}\s*年|全年|今年|去年|[上下]半年|前三季度|[一二三四]季度|1-\d{1,2}月"
)
_CLAUSE_MARK_RE = re.compile(r"[,;:]")


def _frames_after(text: str, end: int, stop: int) -> bool:
    """Whether a name ending at `end` is the subject of the figure at `stop`:
    in its clause, or set apart as a frame, or the subject of a figure of its
    own clause that the later clauses go on with (延安…1082.9亿元,仅增长1.3%);
    not a modifier in a clause without figures (某市灾后重建等项目加快推进,
    新开工项目…: the province's)."""
    mark = _CLAUSE_MARK_RE.search(text, end, stop)
    if mark is None or _FRAME_AFTER_RE.match(text, end, stop):
        return True
    return any(c.isdigit() for c in text[end : mark.start()])
