"""Period expressions: years, month spans, 上半年, 今年/去年/明年, 十四五末.

A figure takes the last period written before it in its sentence, else one
that opens its paragraph, else the section year, else the document year;
relative words are read against the document year."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .catalog import finditer_from
from .lexicon import (
    _NUMBERING_RE,
    _SENTENCE_REACH,
    AIM_RE,
    FIVE_YEAR_PLAN_FIRST,
    YEAR_RE,
    last_of,
)
from .numbers import cn_to_int
from .simplify import TRAILING_GLOSSES_RE

if TYPE_CHECKING:
    from .sections import _Ctx

# Every branch starts with a literal (fast scanning); a year glued to a digit
# before it (…100%2020年 is fine, 12020年 is not) is filtered when indexing.
_SPAN = (
    # 1-3季度, 一至二季度: the quarters since January.
    r"(?:1|一|第一)\s*[-~—–至到]\s*(?:[2-4]|[二三四])季度"
    r"|(?:1|一)(?:月份?)?\s*[-~—–至到]\s*(?:1[0-2]|[2-9]|十[一二]?|[二三四五六七八九])月(?:份|末|底)?"
    r"|[上下]半年|前三季度|(?:第一|一)季度"
    # 前11月, 前10个月, 首11个月: the months since January (not 提前2个月).
    r"|(?<![提之以此])[前首](?:1[0-2]|[2-9]|十[一二]?|[二三四五六七八九])个?月(?:份)?"
    # 9月份, 10月份: one month (a month named as a span, not a date: 9月28日).
    r"|(?<![\d~—–至到-])(?:1[0-2]|[1-9])月份(?![\d~—–至到以-])"
    # 第二季度, 第四季度: one quarter (a bare 三季度 in a progress report often
    # means the year up to it, so only the written 第 is read as one quarter).
    r"|第[二三四]季度"
)
# The five-year plans by name, quoted or not (“ 十三五 ” with the spaces a
# PDF's layout leaves inside the quotes).
_FYP2 = r"“ ?十三五 ?”|十三五|“ ?十四五 ?”|十四五"
_FYP3 = r"“ ?十三五 ?”|十三五|“ ?十四五 ?”|十四五|“ ?十五五 ?”|十五五"
_FYP4 = (
    r"“ ?十二五 ?”|十二五|“ ?十三五 ?”|十三五|“ ?十四五 ?”|十四五|“ ?十五五 ?”|十五五"
)
_PERIOD_RE = re.compile(
    # A span of years: 2018年至2021年, 2018—2021年 (a total over it, or from-to).
    # A space may part the year from 年 (到 2025 年: text taken from a PDF).
    r"(?P<ys>(?:19|20)\d{2}) ?年?\s*(?:至|到|-|~)\s*(?P<ye>(?:19|20)\d{2}) ?年(?!\d)"
    # 2015年以来, 2015年来 (not 2015年来自…, 来源).
    r"|(?P<since>(?:19|20)\d{2}) ?年(?:以来|来(?![自源到访华]))"
    # 今(2024)年, 去（2023）年: the year written out in parentheses.
    r"|(?P<rel>[今去明])\s*[(（]\s*(?P<yp>(?:19|20)\d{2})\s*[)）]\s*年"
    r"|(?P<y>(?:19|20)\d{2}) ?年度?(?P<span1>" + _SPAN + r")?"
    r"|(?P<span2>" + _SPAN + r")"
    # 今后五年, 未来5年: a plan's term, from the year it is made.
    r"|(?P<aheadn>(?:今后|未来)的?(?P<n4>[2-9两三四五六七八九十])年(?![前后度底末级\d]))"
    r"|(?P<now>今年以来|今年|截至目前|截止目前|截至今年|目前|全年|本年度|本年"
    r"|截[至止](?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:底|末)?)"
    # 去年 as a time phrase, not a comparison base (比去年增长).
    # 某市去年GDP预计超过…: before the output it dates, too.
    r"|(?P<last>去年|上年)(?<![比较同与于]..)"
    r"(?=[,:]|全市|我市|全县|以来|全年|底|末|的(?!基础|水平)|GDP|地区生产总值|经济总量)"
    # 去年 opening its clause (…获悉,去年某市新认定…; 。去年该县…): the time
    # of what follows, unless it is the base of a comparison (去年同期为…).
    r"|(?<![^,;。:!?\n\s])(?P<last2>去年)(?!同期|同月|同比|[的同]?水平|基础)"
    r"|(?P<next>明年|下一年)(?<![比较同与于]..)"
    r"|(?P<fyp>" + _FYP4 + r") ?(?:期末|末)"
    # 展望“十四五”,…力争经济总量翻一番: the term ahead, its goals due at its end.
    r"|(?:展望|面向|谋划)(?P<fypa>" + _FYP4 + r")"
    r"(?!期间|时期|以来|规划)"
    r"|(?P<pastn>(?:过去|近|这)的?(?P<n1>[2-9两三四五六七八九十])年(?!前|后|[\d度底末级])"
    r"|(?P<n2>[2-9两三四五六七八九十])年(?:来|以来)"
    # 五年累计完成…, 三年间新增…: a total over that many years up to the report.
    r"|(?<![\d一二三四五六七八九十第近这])(?P<n3>[两三四五六七八九十])年(?=累计|间|中(?!期))"
    r")"
    # A five-year plan's whole term: 十三五期间累计新增… is a span.
    r"|(?P<fyps>" + _FYP2 + r") ?(?:期间|时期)"
    # “十四五”以来: since the plan's first year, as 2021年以来.
    r"|(?P<fysince>" + _FYP3 + r") ?以来"
    # 十四五前半期, “十四五”前三年: the plan's first three years.
    r"|(?P<fyph>" + _FYP2 + r") ?(?:前半期|前半程|上半程|前三年)"
    # The year a review looks back on (a 政府工作报告's 过去一年).
    r"|(?P<past>过去一年|过去的一年|一年来)"
)
# Every character a _PERIOD_RE match can start with (see finditer_from).
_PERIOD_FIRST_RE = re.compile(
    "[1-9一二三四五六七八九两上下前首第今截目全本去明“十过近这未展面谋]"
)
# The same, stricter about digits, for indexing a whole text where most digits
# are figures (12%,15%,…): a period that opens with a digit opens with a year
# (2024, 2018至2021年), a month of two digits (10月份) or a digit standing alone
# before a word or a dash (1-6月, 5年来), never before the %, point or comma of
# a figure. It opens with the one class, so the regex engine still skips to
# candidates at C speed.
_PERIOD_INDEX_FIRST_RE = re.compile(
    "[1-9一二三四五六七八九两上下前首第今截目全本去明“十过近这未展面谋]"
    r"(?:(?<![1-9])|(?![\d%‰.,、;。)])|(?<=1)9\d\d|(?<=2)0\d\d|(?<=1)[0-2]月)"
)
_SINGLE_MONTH_RE = re.compile(r"(1[0-2]|[1-9])月份$")
_SPAN_MONTH_RE = re.compile(
    r"(?:[-~—–至到]\s*|^[前首])(1[0-2]|[2-9]|十[一二]?|[二三四五六七八九])个?月"
)
# The value reached (提升到Y, 迈上了6000亿元新台阶) is the end year's.
_TO_RE = re.compile(
    r"转为|增至|增长到|增加到|提高到|提升到|上升到|达到|扩大到|到|至|迈上|跨上|跃上|站上|突破"
)
# A change against a base year (比疫情前的2019年增加了) is measured at the end.
_AGAINST_BASE_RE = re.compile(
    r"(?:比|较(?![快好大高低多少为]))[^,;。]{0,10}?(?:(?:19|20)\d{2} ?年|上年|去年)"
)
_FROM_RE = re.compile(r"[由从]")
# What joins the periods of a list heading a 分别 (一季度、上半年和全年).
_PERIOD_JOIN_RE = re.compile(r"\s*[、和及与]\s*")
# A figure, and what parts the figures of a 分别 list (6.7%、6.6%和6.2%).
_FIGURE_RE = re.compile(r"\d")
_FIGURE_JOIN_RE = re.compile(r"(?<=[\d%‰元家个人项件亿万])\s*[、和及]\s*(?=\d)")
# The later figures of a list after one 年均 (年均增长22.2%、16%和9%).
_LISTED_AVERAGE_RE = re.compile(
    r"年均(?:增长|增速|提高|递增|增幅)?\s*(?:[\d.]+\s*%\s*[、,和及]\s*)+$"
)
# A sentence that breaks the figure before it down (其中,第一产业…).
_BREAKDOWN_OPEN_RE = re.compile(r"\s*其中[,:\s]")
# The end of a from–to right before its period (增长到去年的, 增至2022年的).
_TO_END_BEFORE_RE = re.compile(r"(?:到|至)$")
_CLAUSE_STOP_RE = re.compile(r"[;。!?\n]")
# A year compared with (比2012年, 较2017年, 与2019年相比): not indexed as a period.
_COMPARED_YEAR_RE = re.compile(r"(?:比|较|與|与|同)\s*((?:19|20)\d{2})\s*年")
_WHOLE_YEAR = ("全年", "本年度", "本年")
# A total to date after a quarter (第三季度全县GDP累计…).
_CUMULATIVE_AFTER_RE = re.compile(r"[^,;。\d\n]{0,10}?累计")
# The year's goal named before its figure (年度目标增速(9.5%), 全年预期目标6%).
_YEAR_GOAL_BEFORE_RE = re.compile(r"(?:年度|全年)(?:预期)?(?:目标|计划|任务)")
# 目前 tells the stock the text describes (截至目前, up to the very day, is
# set apart from the year-end it follows: 截至2022年底…。截至目前,…).
_NOW_STOCK = ("目前",)
# What follows 全年 when it names the year's goal (全年任务, 全年170家任务, 全年目标).
_GOAL_AFTER_RE = re.compile(r"(?:[\d.]+[^\d,;。]{0,3})?(?:目标|任务|计划)")
_BULLETS = frozenset("●◆■▲★•·◎○-")
_TOTAL_RE = re.compile(r"累计|年均|平均|共计|总计|合计")
# How far back (characters) an average with no period looks for 五年来 or 过去五年.
_YEARS_BACK_REACH = 400
# Head words whose scope runs over a list up to the next ; or 。.
_HEAD_TOTAL_RE = re.compile(r"累计|共计|总计|合计")
# An increase in a clause under 五年来 is over the five years.
_SPAN_INCREASE_RE = re.compile(r"新增|净增|新认定|新引进|新培育")
_BASE_BEFORE = frozenset("比较与同")
_ABOVE_BELOW = frozenset(
    ("高于", "低于", "快于", "慢于", "好于", "优于", "多于", "少于", "大于", "小于")
)
# A news dateline before the lead (新华社成都10月20日电 (记者 张三) 前三季度,…).
_DATELINE_PREFIX_RE = re.compile(
    r"[^\n,。:]{0,16}?\d{1,2}月\d{1,2}日(?:电|讯)\s*(?:[(（][^)）\n]{0,20}[)）])?\s*"
)
# A lead-in that says who speaks or where the figures come from before the
# year that opens a paragraph or sentence (会议指出,2023年…; 据统计:2024年…;
# 记者从市统计局获悉,2022年…; 报告显示 2023年…; 会上,县长介绍说,2024年…): the
# year still opens it.
_LEAD_IN = (
    r"(?:[^,;。:!?\d\n年月季]{1,8}[,:]\s*)?[^,;。:!?\d\n]{0,16}?"
    r"(?:指出|显示|表明|表示|介绍|强调|称|获悉|了解到|透露|报道|通报|公布|披露|提到"
    r"|总结|回顾|认为|说|统计|测算|核算|数据|消息|资料|据了解|据悉|据介绍|据报道"
    # 根据广州市地区生产总值统一核算结果,2023年前三季度…
    r"|结果"
    # 在科技创新的有力带动下,今年前10月…: the circumstance a period follows.
    r"|(?<=[^\d\n年月]{2})(?:带动|推动|引领|拉动|支撑)下)"
)
_LEAD_IN_RE = re.compile(_LEAD_IN + r"\s*[,:]?\s*(?=(?:19|20)\d{2}\s*年)")
# The same lead-in before any period (王相东介绍,今年以来,…; 据统计,前三季度,…).
_LEAD_IN_ANY_RE = re.compile(_LEAD_IN + r"\s*[,:]\s*")
_SUBHEADING_RE = re.compile(
    r"\s*(?:[(（](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|\d{1,2}[.、]|[一二三四五六七八九十]{1,3}、)"
    r"[^,;。\d]{2,20}(?:,[^,;。\d]{2,20})?。$"
)
# 为2015年以来同期最好位次, 创近五年新高: a ranking remark, not a period.
# 创2015年以来10个季度新高, 为近五年同期最快, 创2012年来单季纪录: the span
# ranked over, a few words before the record it names.
_REMARK_AFTER_RE = re.compile(
    r"(?:同期|以来|来)?[^,;。:\n]{0,10}?"
    r"(?:最[高低好快佳大多优]|首次|新[高低]|纪录|记录|峰值|历史[最新]|最高点|最好水平)"
)
# 比疫情前的2019年, 较上轮规划末的2020年: 比/较, a few words of no period, 的.
_QUALIFIED_BASE_RE = re.compile(
    r"(?:比|较(?![快好大高低多少为]))[^\d,;。:\s比较]{1,8}的$"
)
_MULTIPLE_BEFORE_RE = re.compile(r"(?:是|为|為|相当于|相當於|恢复到|恢復到|达到|達到)$")
# (是2019年(2231家)的3.1倍: the base value in brackets between.)
_MULTIPLE_AFTER_RE = re.compile(
    r"(?:同期)?(?:\s*[(（][^()（）\n]{1,20}[)）])?的\s*(?:\d|[一二两兩三四五六七八九十半](?:\.\d)?[倍成]|[一二两兩三四五六七八九十百]+倍)"
)
# A sentence that opens a new item of a list (。二是, 。(二), 。2.).
_ITEM_OPEN_RE = re.compile(
    r"[。;]\s*(?:[一二三四五六七八九十]是|[(（][一二三四五六七八九十\d]{1,2}[)）]"
    r"|\d{1,2}[.、](?!\d)|[一二三四五六七八九十]{1,2}、|其[一二三四五六七八九十])"
)
# How many lines above a figure a review block's from–to years reach, and the
# from–to that names both years (从2011年的1520亿元增加到2016年的2243.1亿元).
# A sentence opening with a year's plans (。2024年,该县将…).
_PLAN_YEAR_OPEN_RE = re.compile(
    r"[。;!?]((?:19|20)\d{2}) ?年[,:]?[^。;,]{0,8}?(?:将|要|力争|计划|确保)"
)
_BLOCK_LINES = 6
_FROM_TO_YEARS_RE = re.compile(
    r"[由从]\s*(?:\([a-zü\u00c0-\u024f]{1,8}\))*((?:19|20)\d{2})\s*年(?:底|末)?的"
    r"[^;。\n]{0,30}?(?:到|至)\s*"
    r"((?:19|20)\d{2})\s*年(?:底|末)?的"
)
# How far above a figure a heading of a plan's term (今后五年的重点目标) reaches.
_AHEAD_REACH = 600
# A line that states a goal with its figure (财政总收入突破500亿元;).
_GOAL_LINE_RE = re.compile(r"\d\s*(?:%|‰|亿|万|元|家|个|项|件|吨|人|岁)")
_BASE_AFTER_RE = re.compile(r"(?:底|末)?(?:的)?基础上|(?:底|末)?(?:的)?水平上")


# A year that is part of a name (“中国制造2025”, 愿景2035, Windows2000): glued to
# the word before it and not followed by 年.
_NAME_YEAR_RE = re.compile(r"(?<=[\u4e00-\u9fffA-Za-z])(?:19|20)\d{2}(?![\d年])")


def _span_text(year: int, first: int, last: int) -> str:
    """A month span as a period; 1-12月, 1至12月份 is the whole year."""
    if (first, last) == (1, 12):
        return str(year)
    return f"{year}-{first:02d}/{year}-{last:02d}"


# A line that is only a date (- 2021年3月 -, 2021年3月8日): when a bulletin
# came out, under the title that names the year it reports on.
_DATE_ONLY_RE = re.compile(
    r"[\s\-—–()（）]*(?:19|20)\d{2}\s*年\s*(?:1[0-2]|0?[1-9])\s*月(?:\s*\d{1,2}\s*日)?"
    r"[\s\-—–()（）]*"
)


def heading_years(text: str) -> list[int]:
    """The years a heading names as years (2017年成绩单, 2023 成就), not those
    in a programme's name (推动实施“中国制造2025”) nor a release date standing
    alone on its line (-2021年3月-: the year reported on is the title's)."""
    if _DATE_ONLY_RE.fullmatch(text):
        return []
    return [
        int(m.group(1))
        for m in YEAR_RE.finditer(text)
        if not _NAME_YEAR_RE.match(text, m.start())
    ]


@dataclass(frozen=True, slots=True)
class _Period:
    start: int
    end: int
    year: int | None  # explicit year, None for 今年-like words
    months: tuple[int, int] | None  # (first, last) month of a span
    offset: int = 0  # -1 for 去年, +1 for 明年: relative to the document's year
    end_year: int | None = None  # last year of a span of years (2018年至2021年)
    review: bool = False  # 过去一年: the year the document reports on
    since: bool = False  # 2017年以来: `year` is where a span up to now starts
    past_years: int = 0  # 过去五年: the span of that many years up to the report
    plan_term: bool = False  # 十三五期间: a five-year plan's whole term
    ahead_years: int = 0  # 今后五年: the term of that many years from the plan's
    plan_end: bool = False  # 十二五末: the last year of a five-year plan


def _period_of(m: re.Match[str]) -> _Period:
    if m.group("now"):
        return _Period(m.start(), m.end(), None, None)
    if m.group("last") or m.group("last2"):
        return _Period(m.start(), m.end(), None, None, offset=-1)
    if m.group("next"):
        return _Period(m.start(), m.end(), None, None, offset=1)
    if m.group("fyp") or m.group("fypa"):
        first = _plan_first(m.group("fyp") or m.group("fypa"))
        return _Period(m.start(), m.end(), first + 4, None, plan_end=True)
    if m.group("fyps"):
        first = _plan_first(m.group("fyps"))
        return _Period(
            m.start(), m.end(), first, None, end_year=first + 4, plan_term=True
        )
    if m.group("fysince"):
        first = _plan_first(m.group("fysince"))
        return _Period(m.start(), m.end(), first, None, since=True)
    if m.group("fyph"):
        first = _plan_first(m.group("fyph"))
        return _Period(m.start(), m.end(), first, None, end_year=first + 2)
    if m.group("ys"):
        a, b = int(m.group("ys")), int(m.group("ye"))
        if b > a:
            return _Period(m.start(), m.end(), a, None, end_year=b)
        return _Period(m.start(), m.end(), b, None)
    if m.group("rel"):
        return _Period(m.start(), m.end(), int(m.group("yp")), None)
    if m.group("since"):
        return _Period(m.start(), m.end(), int(m.group("since")), None, since=True)
    if m.group("pastn"):
        n = m.group("n1") or m.group("n2") or m.group("n3")
        years = int(n) if n.isdigit() else 2 if n == "两" else cn_to_int(n)
        return _Period(m.start(), m.end(), None, None, past_years=years)
    if m.group("past"):
        return _Period(m.start(), m.end(), None, None, review=True)
    if m.group("aheadn"):
        n = m.group("n4")
        years = int(n) if n.isdigit() else 2 if n == "两" else cn_to_int(n)
        return _Period(m.start(), m.end(), None, None, ahead_years=years)
    year = int(m.group("y")) if m.group("y") else None
    span = m.group("span1") or m.group("span2")
    if not span:
        return _Period(m.start(), m.end(), year, None)
    single = _SINGLE_MONTH_RE.match(span)
    if single is not None:
        month = int(single.group(1))
        return _Period(m.start(), m.end(), year, (month, month))
    if span.startswith("第") and span[1] in "二三四":
        q = cn_to_int(span[1])
        if _CUMULATIVE_AFTER_RE.match(m.string, m.end()):
            # 第二季度GDP累计同比增长2.3%: the year up to that quarter's end.
            return _Period(m.start(), m.end(), year, (1, 3 * q))
        return _Period(m.start(), m.end(), year, (3 * q - 2, 3 * q))
    if span.endswith("半年"):
        months = (1, 6) if span[0] == "上" else (7, 12)
    elif span == "前三季度":
        months = (1, 9)
    elif span.endswith("季度") and len(span) > 3:
        q = span[-3]
        months = (1, 3 * (int(q) if q.isdigit() else cn_to_int(q)))
    elif span.endswith("季度"):
        months = (1, 3)
    else:
        last = _SPAN_MONTH_RE.search(span)
        m2 = last.group(1) if last else "12"
        months = (1, int(m2) if m2.isdigit() else cn_to_int(m2))
    return _Period(m.start(), m.end(), year, months)


_last_clause_stop = last_of(",;。:")
_last_group_stop = last_of(";。\n")
# A pinyin gloss left between the characters of a word: 季(ji)度(du).
_GLOSS_RE = re.compile(r"(?<=[\u4e00-\u9fff)])\((?:[a-zü]{1,6})\)")
_GLOSS_FIRST_RE = re.compile(r"\(")  # see finditer_from: the look-behind is tried at (
_last_sentence_stop = last_of("。\n")


def _plan_first(name: str) -> int:
    """The first year of a five-year plan by its name (“ 十三五 ”: 2016)."""
    return FIVE_YEAR_PLAN_FIRST[name.strip("“” ")[1]]


def _led_by(scan: str, i: int, words: str) -> bool:
    """Whether the character before `i`, moved glosses left out, is one of
    `words` (由2017年, 到2025年)."""
    lead = _gloss_free_start(scan, i)
    return bool(lead) and scan[lead - 1] in words


def _gloss_free_start(scan: str, i: int) -> int:
    """Where the text before `i` ends once a run of moved pinyin glosses is left
    out (由(guó)(rèn)2017年: the word before the year is 由)."""
    if i and scan[i - 1] == ")":
        g = TRAILING_GLOSSES_RE.search(scan, max(0, i - 80), i)
        if g is not None:
            return g.start()
    return i


# 比2020年2976万元, 较2021年的1.2万家: a base year with its own value after it.
# 比2020年2976万元, 是2019年(2231家)的3.1倍: the base year's own value.
_BASE_VALUE_RE = re.compile(
    r"(?:比|较|(?:是|为|為|相当于|相當於)(?=(?:19|20)\d{2} ?年(?:同期)?[(（]$))"
    r"((?:19|20)\d{2}) ?年(?:同期)?(?:的|[(（])?$"
)
_ASIDE_REACH = 40  # characters a parenthetical aside may run on either side


def _paren_close(scan: str, start: int, end: int) -> int:
    """The position of the `)` closing a parenthesis open around
    scan[start:end] in its sentence, or -1 when it stands in none."""
    lo = max(0, start - _ASIDE_REACH)
    if _unmatched(scan, range(start - 1, lo - 1, -1), "(", ")") < 0:
        return -1
    hi = min(len(scan), end + _ASIDE_REACH)
    return _unmatched(scan, range(end, hi), ")", "(")


# An aside that says what a figure leaves out (剔除…因素, 扣除…影响后), and its close.
_LEFT_OUT_OPEN_RE = re.compile(
    r"(?:剔除|扣除|除去|排除|刨除|撇除|不含|不计|不計|不考虑|不考慮)[^,,;;。!?\n]{0,24}$"
)
_LEFT_OUT_CLOSE_RE = re.compile(r"[^,,;;。!?\n]{0,40}?(?:因素|影响|影響)(?:后|後|外)?")
# A month told as an event's deadline (力争4月份正式启动运行, 计划6月底前建成投用,
# 預計9月竣工): when something is to happen, not the period of a figure.
_DEADLINE_OPEN_RE = re.compile(
    r"(?:力争|力爭|争取|爭取|计划|計劃|预计|預計|确保|確保|拟|擬|将|將|要|于|於)"
    r"[^,,;;。!?\n\d]{0,16}$"
)
_DEADLINE_EVENT_RE = re.compile(
    r"(?:份|底|末|中旬|上旬|下旬|初)?(?:前|之前|以前)?[^,,;;。!?\n\d]{0,12}?"
    r"(?:启动|啟動|建成|投运|投運|运行|運行|开工|開工|竣工|投产|投產|召开|召開|举办|舉辦|"
    r"开通|開通|上线|上線|挂牌|掛牌|交付|落地|验收|驗收|开业|開業|揭牌)"
    r"[^,,;;。!?\n\d]*(?=[,,;;。!?\n])"
)


def _bare_aside_close(scan: str, p: _Period) -> int:
    """Where an unbracketed aside around `p` ends (the end of its clause), or -1."""
    lead = scan[max(0, p.start - 24) : p.start]
    if _LEFT_OUT_OPEN_RE.search(lead):
        m = _LEFT_OUT_CLOSE_RE.match(scan, p.end)
        if m is not None:
            return m.end()
    if (
        p.months is not None
        and p.months[0] == p.months[1]
        and _DEADLINE_OPEN_RE.search(scan, max(0, p.start - 24), p.start)
    ):
        m = _DEADLINE_EVENT_RE.match(scan, p.end)
        if m is not None:
            return m.end()
    return -1


def _unmatched(scan: str, positions: range, wanted: str, nested: str) -> int:
    """The first of `positions` (walked in order) holding a `wanted` bracket
    not matched by a `nested` one met before it, within the sentence; -1 if
    none."""
    depth = 0
    for i in positions:
        c = scan[i]
        if c in "。;\n":
            return -1
        if c == nested:
            depth += 1
        elif c == wanted:
            if depth == 0:
                return i
            depth -= 1
    return -1


# A bracketed stamp closing a title (…工作报告(20221229), …(全文)).
_TITLE_STAMP_RE = re.compile(r"\s*[(（][^()（）]{1,12}[)）]\s*$")
# A total or an average over the years (累计增长154.8%, 年均增长11%) in the
# figure's clause, from its start to the figure's verb.
_OVER_YEARS_RE = re.compile(r"[^,;。]{0,12}?(?:累计|年均|年平均)")


@lru_cache(maxsize=8192)  # a pure function of the string, asked again per figure
def _strip_periods(s: str) -> str:
    if not _PERIOD_FIRST_RE.search(s):
        return s  # no period can start anywhere: skip the slow scan
    return _PERIOD_RE.sub("", s)


class PeriodReader:
    """The period of a figure (mixed into the walker)."""

    # period ----------------------------------------------------------------
    def _period(
        self, pos: int, s_start: int, kind: str, ctx: _Ctx, recurring: bool
    ) -> tuple[str | None, int | None]:
        if not recurring and _LISTED_AVERAGE_RE.search(
            self.d.scan, max(s_start, pos - 40), pos
        ):
            recurring = True  # 分别年均增长22.2%,16%: the later figures average too
        period, year = self._period_read(pos, s_start, kind, ctx, recurring)
        if (
            kind == "target"
            and period
            and "/" in period
            and _YEAR_GOAL_BEFORE_RE.search(self.d.scan, max(s_start, pos - 14), pos)
        ):
            # 一季度…比年度目标增速(9.5%)低: the year's goal quoted in a report
            # on part of it is the whole year's.
            return period[:4], year
        if kind != "actual":
            return period, year
        lo = max(s_start, pos - _SENTENCE_REACH)
        over = self._years_measured_over(lo, pos, recurring)
        return (over or period), year

    def _years_measured_over(self, lo: int, pos: int, recurring: bool) -> str | None:
        """A rate over the years since a base its sentence names: 从2012年的X
        增加到2021年的Y,年均增长6.6% (累计增长…), 2022年…是2012年的2.6倍,年均
        增长8.1% run from the year after the base to the end year (a base
        decades back, 是1965年的155倍, is history: left as read)."""
        scan = self.d.scan
        clause = max(lo, _last_clause_stop(scan, lo, pos) + 1)
        if not (recurring or _OVER_YEARS_RE.match(scan, clause, pos + 4)):
            return None
        raw = [
            p
            for p in self.d.periods_between(lo, pos)
            if p.year and p.months is None and p.end_year is None and not p.since
        ]
        if len(raw) < 2:
            return None
        a, b = raw[-2], raw[-1]
        if (
            _led_by(scan, a.start, "由从")
            and a.year < b.year
            and _TO_RE.search(scan, a.end, b.start)
            and b.end <= clause
        ):
            return f"{a.year + 1}-01/{b.year}-12"
        if (
            recurring
            and a.year - 20 <= b.year < a.year
            and self._own_period(a)
            and self._is_base(b)
        ):
            return f"{b.year + 1}-01/{a.year}-12"
        return None

    def _period_read(
        self, pos: int, s_start: int, kind: str, ctx: _Ctx, recurring: bool
    ) -> tuple[str | None, int | None]:
        default = ctx.section_year or (
            self.info.plan_year if kind == "target" else self.info.report_year
        )
        periods = self.d.periods_between(max(s_start, pos - _SENTENCE_REACH), pos)
        base = _BASE_VALUE_RE.search(self.d.scan, max(0, pos - 12), pos)
        if base is not None:
            # 比2020年2976万元增长584%: the value right after the base is the
            # base year's.
            return base.group(1), int(base.group(1))
        if periods:
            raw = periods
            periods = [
                p
                for p in periods
                if self._own_period(p)
                and not self._aside_before(p, pos)
                and not self._goal_before(p, pos)
            ]
            if periods and self._compared_with_itself(periods[-1], raw, pos):
                # 2017年我县新增高企3家,较2017年增长100%: a figure set against
                # the year just named is of a later one, the year before it.
                periods = periods[:-1]
        listed = self._listed_period(periods, pos)
        if listed is not None:
            # 一季度、上半年、前三季度、全年…分别增长A、B、C、D: the i-th figure
            # after 分别 is of the i-th period listed at the head.
            periods = periods[: periods.index(listed) + 1]
        if recurring and not periods and kind == "actual":
            block = self._block_span(pos)
            if block is not None:
                # 从2011年的A增加到2016年的B,年均增长8.6%;⏎…从C增加到D,年均增长
                # 9.6%: an average under the block's from–to is over its years.
                return f"{block[0] + 1}-01/{block[1]}-12", block[1]
        if recurring:
            last = (
                periods[-1]
                if periods
                else self._span_before(s_start) or self._years_back_before(s_start)
            )
            if kind == "target" and last is not None and last.plan_end and last.year:
                # 到“十三五”末,…年均增长10%: a yearly goal over the term, from
                # its first year.
                return str(last.year - 4), last.year - 4
            if kind == "target" and last is not None and last.ahead_years:
                # 未来五年…年均增长14%: from the first year of the term ahead.
                first = self.info.plan_year or self.info.doc_year or default
                return (str(first) if first else None), first
            if (
                kind == "target"
                and last is not None
                and last.year
                and last.year % 5 == 0
                and not (last.months or last.end_year or last.since or last.past_years)
                and _led_by(self.d.scan, last.start, "到至")
                and (default is None or last.year - 5 <= default <= last.year)
            ):
                # 力争到2015年,…年均增长32% in a plan of 2010: a yearly goal up to
                # the end of a five-year term, from the term's first year.
                return str(last.year - 4), last.year - 4
            if kind == "actual" and last is not None:
                # 2021-2024年…年均增长5.9%, 过去五年年均增长: an average over
                # the years is the span's.
                if last.end_year is not None:
                    return self._span_period(last, pos)
                if last.since or last.past_years:
                    return self._since_period(last, pos, default, periods)
                if last.plan_end and last.year is not None:
                    # “十二五”末,…达到A,年均增长B%: the average is over the term.
                    return f"{last.year - 4}-01/{last.year}-12", last.year
                if (
                    last.year is not None
                    and len(periods) >= 2
                    and periods[0].year is not None
                    and last.year < periods[0].year <= last.year + 20
                    and not (periods[0].months or periods[0].end_year)
                    and _led_by(self.d.scan, last.start, "由从")
                ):
                    # 2020年…;人均GDP由2015年X提高到Y,年均增长7%: the base
                    # year is no term's end; the average runs from the year
                    # after it to the year the paragraph reports.
                    end = periods[0].year
                    return f"{last.year + 1}-01/{end}-12", end
                if periods and (term := self._term_ending(last, s_start)):
                    # “十三五”时期,是…的五年。2020年,实现A,年均增长B%: the year
                    # the term ends on, the average over the term.
                    return term
            return (str(default) if default else None), None
        if default and (glossed := self._glossed_span(pos, periods)):
            # 前(qian)三季(ji)度(du)GDP增(zeng)长4.5%: a span its glosses hid.
            year, (a, b) = glossed
            if year is None:
                year = default
                if kind == "actual":
                    year = self._finished_span_year(default, b)
            return _span_text(year, a, b), None
        if periods and kind == "actual":
            periods = self._without_earlier_ends(periods, pos)
        if not periods and kind == "actual" and (base := self._from_base(pos)):
            # 较2020年连翻两番。…从359家增至915家: the from-value of a paragraph
            # that names its base year is that year's.
            return str(base), base
        if not periods and kind == "actual" and self._from_or_to(s_start, pos):
            span = self._span_before(s_start) or self._years_back_before(s_start)
            if span is not None and span.past_years:
                # 五年累计…。社会消费品零售总额从A增加到B: the from–to of the
                # sentence after a span of years runs over the same span.
                return self._since_period(span, pos, default, [span])
        if not periods and kind == "target" and (due := self._paragraph_deadline(pos)):
            # 目标到2023年,A突破1.3%…。B力争突破10000亿元: the deadline set for
            # the paragraph's goals holds for the sentences after it.
            return str(due), due
        if not periods:
            periods = self._breakdown_period(pos) or self._opening_period(
                pos, kind == "target"
            )
        if not periods and kind == "actual":
            block = self._block_span(pos)
            side = self._from_or_to(s_start, pos) if block else None
            if block and side:
                # …从2011年的A增加到2016年的B;⏎城市化率从59.5%提高到62.9%: the
                # from–to lines of a review block share the first one's years.
                year = block[0] if side == "from" else block[1]
                return str(year), year
        if not periods and kind == "target" and ctx.section_year is None:
            periods = self._ahead_heading(pos)
        if not periods:
            return self._unframed(kind, ctx, default, pos)
        p = periods[-1]
        scan = self.d.scan
        if (
            (p.past_years or p.since)
            and len(periods) > 1
            and scan[p.start - 1] not in "。;!?\n"
            and ("," in scan[p.end : pos] or ";" in scan[p.end : pos])
        ):
            # 2023年,…达713亿元,5年来年均增长11.82%;全市技术合同…: a 5年来
            # inside the sentence frames only its own clause.
            periods = periods[:-1]
            p = periods[-1]
        if (
            p.end_year is None
            and not (p.since or p.past_years)
            and _led_by(scan, p.start, "由从")
            and (_TO_RE.search(scan, p.end, pos) or ";" in scan[p.end : pos])
        ):
            # 由2023年的1000亿元增至1300亿元: the start year is the start value's;
            # the end value is of the period before it, or the year reported on.
            # (由一季度的下降2%转为增长2.2%;第二产业…: nor does it frame the
            # clauses after its own.)
            if len(periods) == 1:
                pair = self._sentence_from_to(s_start, pos)
                if pair is not None:
                    # 由2011年的A提高到2016年的B,…;财政收入由C提高到D: the from–to
                    # clauses after the first share its years.
                    return str(pair), pair
                return self._unframed(kind, ctx, default, pos)
            periods = periods[:-1]
            p = periods[-1]
        if (
            kind == "actual"
            and p.year is not None
            and p.end_year is None
            and not (p.since or p.past_years or p.months)
            and p.end <= _last_clause_stop(scan, p.end, pos)
            and self._from_or_to(s_start, pos) == "from"
            and (
                head := next(
                    (
                        e
                        for e in periods[:-1] or self._opening_years_back(p.start)
                        if e.past_years
                    ),
                    None,
                )
            )
            is not None
        ):
            # 五年来,…预计2021年达123亿元;一般公共预算收入由A增加到B: under the
            # span its sentence opens with, a from-value of a later clause is
            # of the span's base year, not of the year an earlier clause named.
            first = p.year - head.past_years
            return str(first), first
        anchor = self.info.doc_year or self.info.report_year
        if (
            p.year is not None
            and anchor
            and p.year < anchor - 20
            and not p.end_year
            and not self._opens_clause_group(p)
            and not self._opens_from_to(p, pos)
        ):
            # 1965年 in a text of 2025 is history (a founding, 是1965年的155倍),
            # not the period; one opening its sentence (1993年,全市实现…) dates
            # the figures after it.
            return (str(default) if default else None), None
        if (
            p.plan_end
            and kind == "actual"
            and _HEAD_TOTAL_RE.search(
                scan, max(p.end, _last_clause_stop(scan, p.end, pos) + 1), pos
            )
        ):
            # “十二五”末,…;累计完成固定资产投资1020亿元: a total over the term.
            return f"{p.year - 4}-01/{p.year}-12", p.year
        if p.end_year is not None:
            return self._span_period(p, pos)
        if p.since or p.past_years:
            return self._since_period(p, pos, default, periods)
        if p.ahead_years:
            # 今后五年…突破3000亿元 in a report of 2017 (after 赶超发展的五年,
            # 2012-2016): the term runs from the plan's year; its goal is the
            # last year's.
            first = self.info.plan_year or self.info.doc_year or default
            year = first + p.ahead_years - 1 if first else None
            return (str(year) if year else None), year
        if p.review:
            year = self.info.report_year or default
            if (
                year is not None
                and year == self.info.doc_year
                and self.info.pub_month is not None
                and self.info.pub_month <= 3
            ):
                # 一年来 on a page dated in the first months of the year looks
                # back on the year just ended.
                year -= 1
            return (str(year) if year else None), year
        if p.months is not None:
            year = p.year
            if year is None:
                for e in reversed(periods[:-1]):
                    if e.year is not None:
                        year = e.year
                        break
                    if not (e.review or e.since or e.past_years) and e.end == p.start:
                        # 今年一季度, 去年上半年: the span of that year.
                        base = self.info.doc_year or default
                        year = base + e.offset if base else None
                        break
            a, b = p.months
            if year is None and default is not None and kind == "actual":
                year = self._finished_span_year(default, b)
            year = year or default
            if year is None:
                return None, None
            return _span_text(year, a, b), p.year
        if p.year is not None:
            if kind == "actual" and self._year_so_far(p.year):
                # A report on 上半年 (its title's span) that names its own
                # year (2023年全省技术合同交易呈现三大特点:…): the year so far.
                assert self.info.span is not None
                return _span_text(p.year, *self.info.span), p.year
            return str(p.year), p.year
        word = self.d.scan[p.start : p.end]
        if word in _WHOLE_YEAR and len(periods) > 1:
            before = periods[-2]
            if before.end == p.start and before.offset and before.year is None:
                # 去年全年, 明年全年: that year.
                base = self.info.doc_year or default
                if base:
                    return str(base + before.offset), base + before.offset
        if word in _WHOLE_YEAR:
            # 2022年,…全年新增…: the year its sentence or paragraph opened with.
            for e in reversed(periods[:-1] or self._opening_period(p.start)):
                if e.year is not None and e.months is None and e.end_year is None:
                    if not (e.since or e.past_years):
                        return str(e.year), e.year
                    break
                if (
                    e.year is None
                    and e.months is None
                    and not e.since
                    and self.info.doc_year
                    and (e.offset or self.d.scan.startswith("今年", e.start))
                ):
                    # 去年面对…,全年GDP增长5.1%; 今年是…,锚定全年GDP增长7%: the
                    # year 去年 or 今年 names.
                    y = (
                        self.info.doc_year + e.offset
                        if e.offset
                        else self._this_year(kind, ctx, self.info.doc_year)
                    )
                    return str(y), y
            # 全年 is the year under discussion (a 2025年工作回顾's), not today's.
            return (str(default) if default else None), None
        # 今年, 去年, 明年 are read against the document's own date (今年 in a
        # section reviewing the year before it: that year; 去年 there is still
        # the year before the document's).
        base = self.info.doc_year or default
        if base and not p.offset and self.d.scan.startswith("今年", p.start):
            base = self._this_year(kind, ctx, base)
        if p.offset and base:
            return str(base + p.offset), base + p.offset
        span = self.info.span if kind == "actual" else None
        if span and base and word == "今年以来":
            # 今年以来 in a 1-10月 report: the report's span (截至9月底 is a date:
            # the stock then is the year's).
            return _span_text(base, *span), None
        if (
            word in _NOW_STOCK
            and kind == "actual"
            and self.info.report_year
            and base
            and self.info.report_year == base - 1
        ):
            # 目前,区内企业318家 in a text of early 2016 on 2015: the stock the
            # review ends on, the reported year's (not a goal of 2016).
            return str(self.info.report_year), None
        if span and base and word == "今年" and self._year_so_far(base):
            return _span_text(base, *span), None  # 今年 in a 一季度 report: so far
        if self.info.doc_year and base:
            return str(base), base
        if span and default:
            return _span_text(default, *span), None
        return (str(default) if default else None), None

    @staticmethod
    def _this_year(kind: str, ctx: _Ctx, base: int) -> int:
        """The year 今年 names for a figure of `kind`: the document's (`base`),
        or in a section headed by the year before it (2023年…计划执行情况
        delivered in January 2024: 今年以来,…) the year the section reviews."""
        if kind == "actual" and ctx.section_year == base - 1:
            return ctx.section_year
        return base

    def _compared_with_itself(self, p: _Period, raw: list[_Period], pos: int) -> bool:
        """Whether a base after `p` in the figure's sentence names p's own year
        (a base right after 比/较 is not indexed as a period: read it here)."""
        if p.year is None or p.months or p.end_year or p.since:
            return False
        if any(
            b.start > p.end and b.year == p.year and b.months is None
            for b in raw
            if not self._own_period(b)
        ):
            return True
        return any(
            int(m.group(1)) == p.year
            for m in _COMPARED_YEAR_RE.finditer(self.d.scan, p.end, pos)
        )

    def _year_so_far(self, year: int) -> bool:
        """Whether `year` is the one a span report (1-10月, 上半年) covers, with
        the year not over when it was written."""
        span, pub = self.info.span, self.info.pub_month
        return (
            span is not None
            and span[1] < 12
            and year == self.info.report_year
            and self.info.doc_year in (None, year)
            and (pub is None or pub <= span[1] + 3)
        )

    def _opens_from_to(self, p: _Period, pos: int) -> bool:
        """Whether `p` is the start year of a from–to whose start value is the
        figure at `pos` (从1978年的10.13亿元增长到2019年的…): the value is
        that year's, however long ago."""
        scan = self.d.scan
        return (
            _led_by(scan, p.start, "由从")
            and pos - p.end <= 4
            and _TO_RE.search(scan, pos, pos + 40) is not None
        )

    def _opens_clause_group(self, p: _Period) -> bool:
        """Whether `p` opens its sentence as its own clause (1993年,…)."""
        scan = self.d.scan
        return (p.start == 0 or scan[p.start - 1] in "。;!?\n") and scan.startswith(
            ",", p.end
        )

    def _block_span(self, pos: int) -> tuple[int, int] | None:
        """The (base, end) years of a from–to (从2011年的A增加到2016年的B) on
        one of the lines of figures right above the line of `pos`, in a block
        of such lines (a review's list under its heading), or None."""
        d = self.d
        k = bisect_left(d.newlines, pos)
        # A function of the line alone: read once for all the figures on it.
        memo = self._block_spans
        if k in memo:
            return memo[k]
        span = memo[k] = self._block_span_above(k)
        return span

    def _block_span_above(self, k: int) -> tuple[int, int] | None:
        d = self.d
        for _ in range(_BLOCK_LINES):
            if k <= 0:
                return None
            end = d.newlines[k - 1]
            start = d.newlines[k - 2] + 1 if k > 1 else 0
            line = d.scan[start:end]
            m = _FROM_TO_YEARS_RE.search(line)
            if m is not None:
                a, b = int(m.group(1)), int(m.group(2))
                return (a, b) if a < b else None
            if not _GOAL_LINE_RE.search(line) or "。" in line.rstrip("。"):
                return None  # a heading or prose ends the block
            k -= 1
        return None

    def _ahead_heading(self, pos: int) -> list[_Period]:
        """今后五年的重点目标 on a line of its own over lines of goals (地区生产
        总值突破3000亿元;…) that name no period: the heading's term, as a list
        of at most one."""
        d = self.d
        line_start = d.line_start(pos)
        found = [
            p
            for p in d.periods_between(max(0, line_start - _AHEAD_REACH), line_start)
            if p.ahead_years
        ]
        if not found:
            return []
        p = found[-1]
        scan = d.scan
        head_start = scan.rfind("\n", 0, p.start) + 1
        head_end = scan.find("\n", p.end)
        if head_end < 0 or head_end >= line_start:
            return []
        heading = scan[head_start:head_end]
        if len(heading) > 30 or _FIGURE_RE.search(heading) or "。" in heading:
            return []
        # Every line between is a goal with its figure (no other heading).
        lines = scan[head_end + 1 : line_start].split("\n")
        if not all(_GOAL_LINE_RE.search(line) for line in lines if line.strip()):
            return []
        return [p]

    def _unframed(
        self, kind: str, ctx: _Ctx, default: int | None, pos: int
    ) -> tuple[str | None, int | None]:
        """The period of a figure its sentence and paragraph give none: a span
        that framed the paragraphs before, the title's span, or the default."""
        if kind == "actual" and ctx.span is not None:
            # A heading or a lead paragraph (上半年,全市经济稳中向好。) frames
            # the paragraphs after it until another period is named.
            year, (a, b) = ctx.span
            if year is None and default is not None:
                year = self._finished_span_year(default, b)
            if year is not None:
                return _span_text(year, a, b), None
        if (
            kind == "actual"
            and default is not None
            and self.info.span is None
            and self.info.kind == "report"
            and ctx.section_year is None
            and (ahead := self._page_span_ahead(pos)) is not None
        ):
            # 地区生产总值实现A、增长B(headline figures)…。前三季度,全区…: a
            # report whose figures open the page before any period, and that
            # names one span of the year only, is about that span.
            return _span_text(self._finished_span_year(default, ahead[1]), *ahead), None
        span = self.info.span if kind == "actual" else None
        if span and default and ctx.section_year in (None, self.info.report_year):
            # A 1-10月 progress report: its span frames every figure in it.
            return _span_text(default, *span), None
        return (str(default) if default else None), None

    def _paragraph_deadline(self, pos: int) -> int | None:
        """The year of the last deadline (到2025年) an earlier sentence of the
        paragraph of `pos` sets, when no other period is named after it."""
        scan = self.d.scan
        para = self.d.line_start(pos)
        stop = max(para, _last_sentence_stop(scan, para, pos))
        if stop <= para:
            return None
        found = [
            p
            for p in self.d.periods_between(para, stop)
            if p.year is not None and not p.months and self._own_period(p)
        ]
        if not found:
            return None
        last = found[-1]
        if last.end_year is not None or last.since or last.past_years:
            return None
        lead = _gloss_free_start(scan, last.start)
        if lead and scan[lead - 1] in '“"「‘':
            lead -= 1  # 到“十三五”末
        if not lead or scan[lead - 1] not in "到至":
            return None
        return last.year

    def _opening_period(self, pos: int, target: bool = False) -> list[_Period]:
        """The period that opens the paragraph of `pos` (前三季度，…。…), or an
        earlier bullet's year in a bullet list: a list of at most one."""
        line_start = self.d.line_start(pos)
        num = _NUMBERING_RE.match(self.d.scan, line_start)
        base = num.end() if num else line_start
        # …工作报告(20221229) over a line opening …工作报告 一、…: the stamp
        # closing the title is not repeated with it.
        title = _TITLE_STAMP_RE.sub("", self.info.title or "")
        if title and len(title) >= 6 and self.d.scan.startswith(title, base, pos):
            # 2020年某县政府工作报告——2020年4月28日在…上。…一、2019年工作回顾…: a
            # page run into one line that repeats its title opens on the title's
            # year, not on the period of its figures.
            base += len(title)
        dateline = _DATELINE_PREFIX_RE.match(self.d.scan, base, pos)
        if dateline:
            base = dateline.end()  # 成都10月20日电 前三季度,…
        scan = self.d.scan
        lead = _LEAD_IN_RE.match(scan, base, pos)
        if lead:
            base = lead.end()  # 会议指出,2023年…: the year opens the paragraph
        opening = []
        found = self.d.periods_between(base, pos)
        for i, p in enumerate(found):
            if i and found[i - 1].end == p.start and p.months:
                continue  # read with the year before it (below)
            if (
                i + 1 < len(found)
                and found[i + 1].start == p.end
                and found[i + 1].months
            ):
                # 今年前10月,…: the months right after a year are the period
                # that opens, from where the year starts.
                p = replace(found[i + 1], start=p.start)
            if (
                p.start == base or scan[p.start - 1] in "。;!?" or self._led_in(p)
            ) and scan[p.start : p.end] not in _WHOLE_YEAR:
                # 。全年工业投资…: the year under discussion opens no period.
                opening.append(p)
        # The period opening the paragraph frames its sentences until a later
        # sentence opens with its own (2023年,…。今年以来,…。固定资产投资…):
        # that one frames itself only, and the rest fall back. …。(1)农业生产
        # 保持稳定。上半年,…: a span opening the first sentence after an inline
        # numbered heading opens that sub-paragraph.
        periods = (
            opening[-1:]
            if opening
            and (
                opening[-1].start == base
                or (
                    (opening[-1].months or opening[-1].year)
                    and self._after_subheading(opening[-1])
                )
                # …。在科技创新的带动下,今年前10月,…。工业增加值…: the paragraph's
                # first period, a span of months after a lead-in, frames the
                # sentences after it.
                or (
                    (opening[-1].months or opening[-1].ahead_years)
                    and opening[-1].start == found[0].start
                    and self._led_in(opening[-1])
                )
            )
            else []
        )
        if (
            target
            and periods
            # 展望“十四五”,…。…力争…: a term ahead frames the aims after it.
            and not (periods[0].plan_end or periods[0].ahead_years)
            and self._aims_past_opening(periods[0], pos)
        ):
            # 报告指出,2024年…增长5.6%。综合考虑…,全县…增长6%左右: a later
            # sentence that aims (左右, 力争, 将) is the plan's, not that year's.
            return []
        if target and periods and periods[0].year and periods[0].months is None:
            ahead = self._plans_ahead(periods[0], pos)
            if ahead is not None:
                periods = [ahead]
        if (
            not periods
            and len(opening) == 1
            and opening[0].year is not None
            and opening[0].months is None
            and not (opening[0].end_year or opening[0].since)
            and not self.d.periods_between(base, opening[0].start)
            # 一是…。2024年…。二是…: a year inside one item frames that item.
            and not _ITEM_OPEN_RE.search(scan, opening[0].end, pos)
        ):
            # 近年来,某县…稳步提升。2022年完成…。拥有…平台4家: the one year
            # that opens a sentence of a paragraph that opened with none frames
            # the sentences after it.
            periods = opening
        if not periods and self.d.scan[line_start : line_start + 1] in _BULLETS:
            periods = self._bullet_period(line_start)
        return periods

    def _glossed_span(
        self, pos: int, periods: list[_Period]
    ) -> tuple[int | None, tuple[int, int]] | None:
        """The year (None if none is given) and months of a span in the clause
        group of `pos` with pinyin glosses between its characters (上(shang)半年,
        一(yi)季(ji)度(du)), which keep it from being indexed; None when no gloss
        is there or an indexed period stands after it."""
        scan = self.d.scan
        glossy = self.__dict__.get("_glossy")
        if glossy is None:
            # Most texts have no gloss at all: looked for once per text.
            glosses = finditer_from(_GLOSS_RE, _GLOSS_FIRST_RE, scan)
            glossy = self.__dict__["_glossy"] = next(glosses, None) is not None
        if not glossy:
            return None
        lo = max(0, pos - _SENTENCE_REACH, _last_group_stop(scan, 0, pos) + 1)
        if not _GLOSS_RE.search(scan, lo, pos):
            return None
        last = periods[-1] if periods else None
        if last is not None and (
            last.end > lo
            and (last.months or last.end_year or last.since or last.year is None)
        ):
            return None
        bare = _GLOSS_RE.sub("", scan[max(lo, last.end if last else lo) : pos])
        found = None
        for m in _PERIOD_RE.finditer(bare):
            found = m
        if found is None or not (found.group("span2") or found.group("span1")):
            return None
        p = _period_of(found)
        if p.months is None:
            return None
        if p.year is not None:
            return p.year, p.months
        if last is not None and last.year is not None:
            return last.year, p.months  # 2023年,上(shang)半年…: that year's
        opening = self._opening_period(pos)
        if (
            opening
            and opening[0].year
            and not (opening[0].months or opening[0].end_year)
        ):
            return opening[0].year, p.months
        return None, p.months

    def _plans_ahead(self, opening: _Period, pos: int) -> _Period | None:
        """The next year, when a later sentence of the paragraph opens with it
        for plans (2023年,某县获评…。2024年,该县将…。力争实现…增长10%): the
        goals after it are that year's. (A sentence with no figure in it is not
        indexed for periods: it is read here.)"""
        scan = self.d.scan
        found = None
        for m in _PLAN_YEAR_OPEN_RE.finditer(scan, opening.end, pos):
            if int(m.group(1)) == opening.year + 1:
                found = m
        if found is None or _ITEM_OPEN_RE.search(scan, found.end(), pos):
            return None
        return _Period(found.start(1), found.start(1) + 5, opening.year + 1, None)

    def _without_earlier_ends(self, periods: list[_Period], pos: int) -> list[_Period]:
        """The periods less the end year of an earlier clause's from–to
        (1983年,…GDP从A增长到去年的B,财政收入从C…: 去年 dates B alone)."""
        scan = self.d.scan
        clause = _last_clause_stop(scan, 0, pos) + 1
        out = [
            p
            for p in periods
            if not (
                p.end <= clause
                and _TO_END_BEFORE_RE.search(scan, max(0, p.start - 4), p.start)
                and scan.startswith("的", p.end)
            )
        ]
        return out or periods[:0]

    def _from_base(self, pos: int) -> int | None:
        """The base year named earlier in the paragraph (较2020年…) for the
        from-value of a from–to (从359家增至915家) whose sentence names no period."""
        if self._from_or_to(max(0, pos - 40), pos) != "from":
            return None
        scan = self.d.scan
        if not _TO_RE.search(scan, pos, pos + 20):
            return None
        para = scan.rfind("\n", 0, pos) + 1
        years = [int(m.group(1)) for m in _COMPARED_YEAR_RE.finditer(scan, para, pos)]
        report = self.info.report_year
        if len(set(years)) > 1 or report is None:
            return None
        # Only in a review of several years (这五年, “十四五”期间) whose base
        # it is: in one year's review a from-value is the year before's.
        spans = [
            report - p.past_years if p.past_years else p.year - 1
            for p in self.d.periods_between(max(0, para - 1500), pos)
            if p.past_years or (p.plan_term and p.year)
        ]
        if not years:
            # “十三五”期间,…较“十二五”末均有提升。…比重由13%提升至21.2%: a
            # term its paragraph reviews (and names no base year of) is the
            # from-value's, from the year before it.
            terms = {
                p.year - 1
                for p in self.d.periods_between(para, pos)
                if p.plan_term and p.year
            }
            return terms.pop() if len(terms) == 1 else None
        return years[0] if years[0] in spans else None

    def _page_span_ahead(self, pos: int) -> tuple[int, int] | None:
        """The one span of the year from January (前三季度, 1-9月) the page
        names, opening a paragraph or sentence, for a figure before any period
        the page names; else None."""
        # 今年以来 (the year so far) opening the page frames no other span.
        periods = [p for p in self.d.periods if not (p.since and p.year is None)]
        if not periods or pos >= periods[0].start:
            return None
        spans = {p.months for p in periods if p.months is not None}
        if len(spans) != 1:
            return None
        months = next(iter(spans))
        if months[0] != 1 or months[1] >= 12:
            return None
        pub = self.info.pub_month
        if (
            pub is not None
            and self.info.doc_year == self.info.report_year
            and pub > months[1] + 2
        ):
            return None  # out months after the span closed: the page's own
        scan = self.d.scan
        opens = any(
            p.months is not None
            and (p.start == 0 or scan[p.start - 1] in "\n。;" or self._led_in(p))
            and p.year in (None, self.info.doc_year)
            for p in periods
        )
        return months if opens else None

    def _opening_years_back(self, pos: int) -> list[_Period]:
        """A span of years back (五年来, 过去五年) that opens the paragraph of
        `pos`, its indent aside: a list of at most one."""
        scan = self.d.scan
        base = self.d.line_start(pos)
        base += len(scan[base : base + 16]) - len(scan[base : base + 16].lstrip())
        return [p for p in self.d.periods_between(base, pos)[:1] if p.start == base]

    def _sentence_from_to(self, s_start: int, pos: int) -> int | None:
        """The start or end year of a from–to its sentence wrote out before the
        figure's clause (由2011年的A提高到2016年的B), as the figure is the
        from-value or the to-value of its own clause; else None."""
        scan = self.d.scan
        clause = _last_clause_stop(scan, s_start, pos) + 1
        m = _FROM_TO_YEARS_RE.search(scan, s_start, clause)
        if m is None:
            return None
        a, b = int(m.group(1)), int(m.group(2))
        side = self._from_or_to(s_start, pos)
        if a >= b or side is None:
            return None
        return a if side == "from" else b

    def _breakdown_period(self, pos: int) -> list[_Period]:
        """The period of the sentence before, for a figure in a sentence that
        opens with 其中 and names no period (2023年一季度…地区生产总值…。其中,
        第一产业…;第三产业…): the parts of a total are of the total's period."""
        scan = self.d.scan
        start = _last_sentence_stop(scan, 0, pos) + 1
        if not _BREAKDOWN_OPEN_RE.match(scan, start, pos):
            return []
        if start < 2 or scan[start - 1] != "。" or self.d.periods_between(start, pos):
            return []
        prev = _last_sentence_stop(scan, 0, start - 1) + 1
        found = [p for p in self.d.periods_between(prev, start) if self._own_period(p)]
        return found[-1:]

    def _span_before(self, s_start: int) -> _Period | None:
        """The span of years the sentence before `s_start` ends on (2021-2024年
        年均增长7.4%。规上工业增加值年均增长16%; 五年累计…。…年均增长13.2%),
        within its paragraph: an average with no period of its own is over the
        same years."""
        scan = self.d.scan
        if s_start < 2 or scan[s_start - 1] != "。":
            return None
        prev = _last_sentence_stop(scan, 0, s_start - 1) + 1
        found = self.d.periods_between(prev, s_start)
        last = found[-1] if found else None
        if last is None or not (last.end_year or last.past_years):
            return None
        return last if self._own_period(last) else None

    def _term_ending(self, last: _Period, s_start: int) -> tuple[str, int] | None:
        """The span of years the sentence before `s_start` names (十三五时期,
        2016-2020年, 过去五年), or a span back written just before it, when it
        ends on the single year `last` the figure's own sentence opens with."""
        y = last.year
        if y is None or last.end_year or last.since or last.past_years or last.months:
            return None
        # (过去五年及2021年工作回顾 ⏎ 2021年预计完成A,年均增长B: a heading
        # looking back over the years frames it as well.)
        frame = self._span_before(s_start) or self._years_back_before(
            s_start, through_years=True
        )
        if frame is None:
            return None
        if frame.end_year == y and frame.year is not None:
            return f"{frame.year}-01/{y}-12", y
        if frame.past_years and not frame.end_year:
            return f"{y - frame.past_years + 1}-01/{y}-12", y
        return None

    def _years_back_before(
        self, s_start: int, *, through_years: bool = False
    ) -> _Period | None:
        """过去五年…。五年来,…。…一般公共预算收入年均增长3.9%: an average with
        no period of its own, when the last period written before it (within a
        few paragraphs) is a span back from the report (五年来, 过去五年,
        2020年以来), is over that span. With `through_years`, the last span of
        years back (过去五年) whatever years are named after it (过去五年及2021年
        工作回顾)."""
        # The index holds only the periods of lines with figures; 五年来 often
        # opens a paragraph of prose, so the text is read here.
        lo = max(0, s_start - _YEARS_BACK_REACH)
        matches = _PERIOD_RE.finditer(self.d.scan, lo, s_start)
        if through_years:
            spans = (_period_of(m) for m in matches)
            own = [p for p in spans if p.past_years and self._own_period(p)]
            return own[-1] if own else None
        last = None
        for m in matches:
            last = m
        if last is None:
            return None
        p = _period_of(last)
        if not (p.past_years or p.since):
            return None
        return p if self._own_period(p) else None

    def _listed_period(self, periods: list[_Period], pos: int) -> _Period | None:
        """The period heading the figure at `pos` when its clause opens with a
        list of periods (一季度、上半年、全年) and gives their figures after one
        分别 in the same order; None when the clause does not read so."""
        if len(periods) < 2:
            return None
        scan = self.d.scan
        f = scan.rfind("分别", periods[-1].end, pos)
        if f < 0 or _CLAUSE_STOP_RE.search(scan, f, pos):
            return None
        heads = [periods[-1]]
        for p in reversed(periods[:-1]):
            if not _PERIOD_JOIN_RE.fullmatch(scan, p.end, heads[0].start):
                break
            heads.insert(0, p)
        if len(heads) < 2 or _CLAUSE_STOP_RE.search(scan, heads[-1].end, f):
            return None
        first = _FIGURE_RE.search(scan, f, pos + 1)
        if first is None:
            return None
        k = len(_FIGURE_JOIN_RE.findall(scan, first.start(), pos + 1))
        return heads[k] if k < len(heads) else None

    def _finished_span_year(self, default: int, last_month: int) -> int:
        """A span reported on a page dated before it ends (前三季度 on a page of
        February) is last year's: results are reported once the span is over."""
        pub = self.info.pub_month
        if pub is not None and default == self.info.doc_year and last_month > pub:
            return default - 1
        return default

    def _aims_past_opening(self, p: _Period, pos: int) -> bool:
        """Whether the figure at `pos` stands in a later sentence than the
        year `p` opening its paragraph, and its sentence aims: a modal, 将 or
        a word of aim (综合考虑, 目标是, 今年) before it, or 左右 right after it
        in its clause."""
        scan = self.d.scan
        stop = _last_sentence_stop(scan, p.end, pos)
        if stop < 0 or p.year is None or p.months is not None:
            return False
        if (
            self.d.modal.any(stop, pos)
            or self.d.will.any(stop, pos)
            or AIM_RE.search(scan, stop, pos)
        ):
            return True
        return "左右" in scan[pos : pos + 16].split(",", 1)[0]

    def _led_in(self, p: _Period) -> bool:
        """Whether `p` opens its sentence after a lead-in (。据统计,2023年…)."""
        scan = self.d.scan
        lo = max(0, p.start - 40)
        stop = max(scan.rfind(c, lo, p.start) for c in "。;!?\n")
        if stop < 0:
            return False
        lead = _LEAD_IN_RE.match(scan, stop + 1, p.start + 8)
        if lead is None and (p.months or p.ahead_years):
            # 据统计,前三季度… / …带动下,今年前10月…: a span of months needs no
            # year written out after the lead-in.
            lead = _LEAD_IN_ANY_RE.match(scan, stop + 1, p.start)
        return lead is not None and lead.end() == p.start

    def _after_subheading(self, p: _Period) -> bool:
        scan = self.d.scan
        head = scan[scan.rfind("。", 0, p.start - 1) + 1 : p.start]
        return len(head) <= 24 and bool(_SUBHEADING_RE.match(head))

    def _own_period(self, p: _Period) -> bool:
        """Neither a base nor a remark: a pure function of the period's place,
        which every figure after it in its sentence asks about; remembered per walk."""
        key = (p.start, p.end)
        found = self._own_periods.get(key)
        if found is None:
            found = self._own_periods[key] = not (
                self._is_base(p) or self._is_remark(p)
            )
        return found

    def _aside_before(self, p: _Period, pos: int) -> bool:
        """Whether `p` stands in a parenthesis that closes before `pos`
        (一般公共预算支出(扣除2022年…因素)增长3%): an aside about something else,
        which frames no figure after it; a figure inside it keeps it."""
        close = self._aside_close(p)
        return 0 <= close < pos

    def _aside_close(self, p: _Period) -> int:
        """Where the parenthesis around `p` closes, or -1 (remembered per walk);
        an aside without brackets closes where its clause does: what a figure
        leaves out (剔除…1-11月…等影响) or an event's deadline month
        (力争4月份正式启动运行)."""
        cache = self.__dict__.setdefault("_aside_closes", {})
        found = cache.get(p.start)
        if found is None:
            scan = self.d.scan
            found = _paren_close(scan, p.start, p.end)
            if found < 0:
                found = _bare_aside_close(scan, p)
            cache[p.start] = found
        return found

    def _is_base(self, p: _Period) -> bool:
        """A period a figure is compared with (比2021年增长, 较十三五末, 与上半年
        相比, 比1-8月提高), not the one it measures."""
        scan = self.d.scan
        lead = _gloss_free_start(scan, p.start)
        while lead and scan[lead - 1] == " ":
            lead -= 1  # 较 2021 年
        return (
            bool(lead)
            and (
                scan[lead - 1] in _BASE_BEFORE
                or scan[max(0, lead - 2) : lead] in ("相比", "对比", "相对")
                # 增速高于一季度0.8个百分点, 增幅低于前5个月: the rate it is set
                # against (好于全年预期目标(增长6%以上) quotes the year's target).
                or (
                    scan[max(0, lead - 2) : lead] in _ABOVE_BELOW
                    and (p.months is not None or p.year is not None)
                )
                # 比疫情前的2019年增加了: a base named with a word before it.
                or _QUALIFIED_BASE_RE.search(scan, max(0, lead - 10), lead) is not None
                # 是2012年的4.1倍, 为上年同期的九成, 相当于2015年的两倍: a
                # multiple or share of a base year's figure.
                or (
                    _MULTIPLE_BEFORE_RE.search(scan, max(0, lead - 4), lead) is not None
                    and _MULTIPLE_AFTER_RE.match(scan, p.end) is not None
                )
            )
        )

    def _goal_before(self, p: _Period, pos: int) -> bool:
        """全年 naming the year's goal a figure after it is measured against
        (完成全年任务的61.8%,…交易额13亿元) in a later clause: not that
        figure's period; the goal's own figures (全年170家任务, 全年目标增长6%)
        keep it."""
        scan = self.d.scan
        if scan[p.start : p.end] not in _WHOLE_YEAR:
            return False
        m = _GOAL_AFTER_RE.match(scan, p.end)
        return m is not None and any(c in scan[m.end() : pos] for c in ",;")

    def _is_remark(self, p: _Period) -> bool:
        """2015年以来 in a ranking remark (为2015年以来同期最好位次, 2015年以来
        最高): the years it ranks over, not the figure's period."""
        return bool(
            (p.since or p.past_years) and _REMARK_AFTER_RE.match(self.d.scan, p.end)
        )

    def lead_period(self, start: int, end: int) -> _Period | None:
        """The period that opens scan[start:end] (after its numbering), if any."""
        base = self._lead_base(start, end)
        if base is None:
            return None
        scan = self.d.scan
        m = _PERIOD_RE.match(scan, base[0], end)
        if m is None:
            return None
        p = _period_of(m)
        if m.group("now") == "今年":
            # 今年1-3季度,…: the span of this year opens the paragraph.
            m2 = _PERIOD_RE.match(scan, m.end(), end)
            if m2 is not None and m2.group("span2"):
                return _period_of(m2)
        return p

    def lead_told(self, start: int, end: int) -> bool:
        """Whether the period opening scan[start:end] follows a speaker's or a
        source's lead-in (报告指出,2023年1至11月,…)."""
        base = self._lead_base(start, end)
        return base is not None and base[1]

    def _lead_base(self, start: int, end: int) -> tuple[int, bool] | None:
        """Where the period opening scan[start:end] starts (after numbering, a
        dateline and a lead-in), and whether a lead-in came before it."""
        scan = self.d.scan
        num = _NUMBERING_RE.match(scan, start, end)
        base = num.end() if num else start
        dateline = _DATELINE_PREFIX_RE.match(scan, base, end)
        if dateline:
            base = dateline.end()
        if _PERIOD_FIRST_RE.match(scan, base):
            return base, False
        lead = _LEAD_IN_ANY_RE.match(scan, base, end)
        if lead is None or not _PERIOD_FIRST_RE.match(scan, lead.end()):
            return None
        return lead.end(), True  # 某某介绍,今年以来,…: the period opens the paragraph

    def _bullet_period(self, line_start: int) -> list[_Period]:
        """In a list of bullets (●2023年…;\n●…), the period of an earlier item."""
        scan = self.d.scan
        bullet = scan[line_start]
        end = line_start - 1
        for _ in range(12):
            if end <= 0:
                break
            start = scan.rfind("\n", 0, end) + 1
            if scan[start : start + 1] != bullet:
                break
            # 是2016年的1.4倍, 比2020年增长: a base year in an earlier item dates
            # none of the figures of the items after it.
            found = [
                p
                for p in self.d.periods_between(start, end)
                if p.year and self._own_period(p)
            ]
            if found:
                return found[-1:]
            end = start - 1
        return []

    def _since_period(
        self, p: _Period, pos: int, default: int | None, periods: list[_Period]
    ) -> tuple[str | None, int | None]:
        """After 2017年以来 or 过去五年: a from-value (从X) is the base year's, a
        total or an average over the years the span, anything else the year
        reported on (or the year its sentence names: 2023年,…,5年来年均增长)."""
        end = default or self.info.report_year
        for e in reversed(periods[: periods.index(p)] if p in periods else []):
            if e.year is not None and e.end_year is None and not e.since:
                end = e.year
                break
        if end is None:
            return None, None
        first = p.year if p.since else end - p.past_years
        assert first is not None
        span_start = first if p.since else first + 1
        side = self._from_or_to(p.end, pos)
        if side == "from":
            return str(first), first
        if side is None and self._over_the_span(p.end, pos):
            return f"{span_start}-01/{end}-12", end
        return str(end), end

    def _from_or_to(self, lo: int, pos: int) -> str | None:
        """Whether the figure at `pos` is the from-value (从X) or the to-value
        (提升到Y) of its own clause (none of an earlier clause counts)."""
        scan = self.d.scan
        start = max(lo, _last_clause_stop(scan, lo, pos) + 1)
        clause = scan[start:pos]
        to = [m.end() for m in _TO_RE.finditer(clause)]
        frm = [m.end() for m in _FROM_RE.finditer(clause)]
        if to and (not frm or to[-1] > frm[-1]):
            return "to"
        if frm:
            return "from"
        return None

    def _over_the_span(self, lo: int, pos: int) -> bool:
        """A total, an average or an increase over the years (累计…, 年均增长,
        五年来新增…) in the figure's clause or under a head word of its sentence."""
        scan = self.d.scan
        start = max(lo, scan.rfind(";", lo, pos) + 1, scan.rfind("。", lo, pos) + 1)
        if _HEAD_TOTAL_RE.search(scan, start, pos):
            return True  # 累计完成投资2543亿元,实际利用外资19亿美元
        clause = max(start, scan.rfind(",", start, pos) + 1)
        return bool(
            _TOTAL_RE.search(scan, clause, pos)
            or _SPAN_INCREASE_RE.search(scan, clause, pos)
        )

    def _span_period(self, p: _Period, pos: int) -> tuple[str, int]:
        """A figure after 2018年至2021年: the start value (由/从X) takes the first
        year, the end value (增至/增长到Y) the last, a total the whole span."""
        assert p.end_year is not None
        side = self._from_or_to(p.end, pos)
        if side is None:
            scan = self.d.scan
            clause = max(p.end, _last_clause_stop(scan, p.end, pos) + 1)
            if _AGAINST_BASE_RE.search(scan, clause, pos):
                side = "to"  # 2020年到2022年,…,比2019年增加了1300亿元
        if side == "to":
            return str(p.end_year), p.end_year
        if side == "from":
            # 十三五期间从X提升到Y: X is the year before the plan's term (its
            # base); 2018年至2021年从X: the first year written.
            first = p.year - 1 if p.plan_term and p.year else p.year
            return str(first), first or p.end_year
        return f"{p.year}-01/{p.end_year}-12", p.end_year
