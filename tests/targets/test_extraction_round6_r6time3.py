"""The period and the region of a record, round 6 (third pass): a leader's
chain of posts ends with the specific one; a congress opening the news names
its place; a bulletin's release date alone on its line is no section year; a
spaced day (1 月 30 日) dates a congress whose named year is told by results;
a year that goes on from a deadline is a deadline; a 州 named only through its
counties. Every sentence is written for this test (no corpus or seed sentence)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from targets.extraction import extract
from targets.extraction.document import _body_year, _told_by_results
from targets.extraction.periods import heading_years
from targets.extraction.regions import detect_region


def _find(text: str, value: str):
    records = extract(text, "t.txt").records
    found = [r for r in records if r.value == Decimal(value)]
    assert found, [(r.indicator, r.value, r.period, r.region) for r in records]
    return found[0]


# 1. The county-level unit a prefecture's leader also heads (its 市委书记, its
# congress, 全市 after it) takes the document; a county in passing does not.
# (case, text, region)
REGIONS = [
    (
        "prefecture post first, the county-level city's last",
        "3月2日,嘉兴市委常委、统战部部长、桐乡市委书记张某出席会议并讲话。"
        "全市实现地区生产总值1100亿元,增长6.3%。",
        "桐乡市",
    ),
    (
        "a congress opening the news",
        "1月9日至11日,义乌市第十七届人民代表大会第三次会议召开。"
        "金华市委常委、义乌市委书记李某主持会议。全市一般公共预算收入增长5%。",
        "义乌市",
    ),
    (
        "a deputy mayor of the prefecture, then the county's head",
        "苏州市副市长、常熟市委书记王某,市长赵某参加活动。全市规上工业产值增长8%。",
        "常熟市",
    ),
    (
        "the chain written upwards",
        "5月6日,常熟市委书记、苏州市委常委周某调研企业。全市新增高新技术企业60家。",
        "常熟市",
    ),
    (
        "negative: the prefecture's text mentions a county's leader in passing",
        "嘉兴市人民政府召开常务会议。会议听取了桐乡市委书记关于乡村振兴的汇报。"
        "嘉兴市委书记强调,全市要抓好项目建设,全市地区生产总值增长6%。",
        "嘉兴市",
    ),
    (
        "a 州 named only through two of its counties",
        "各位代表:现在,我代表州人民政府向大会报告工作。一年来,全州完成地区生产总值"
        "880亿元。我们把勐海茶叶、景洪热带水果打造成区域品牌。",
        "西双版纳傣族自治州",
    ),
    (
        "negative: a 州 text naming one county only stays unnamed",
        "各位代表:现在,我代表州人民政府向大会报告工作。全州完成地区生产总值"
        "880亿元。勐海茶叶品牌价值提升。",
        None,
    ),
]


@pytest.mark.parametrize("case,text,region", REGIONS, ids=[r[0] for r in REGIONS])
def test_document_region(case, text, region):
    assert detect_region(text, "") == region


# 2. A release date alone on its line is not the year a bulletin's figures are of.
HEADINGS = [
    ("a dashed month under the title", "-2022年4月 -", []),
    ("a full date", "2019年3月15日", []),
    ("parentheses", "(2024年2月)", []),
    ("negative: a heading naming a month's figures", "2023年3月份经济运行情况", [2023]),
    ("negative: a year heading", "2021年工作回顾", [2021]),
]


@pytest.mark.parametrize("case,line,years", HEADINGS, ids=[h[0] for h in HEADINGS])
def test_release_date_is_no_heading_year(case, line, years):
    assert heading_years(line) == years


def test_bulletin_figures_keep_the_title_year():
    text = (
        "2022年某某市国民经济和社会发展统计公报\n\n"
        "某某市统计局\n\n- 2023年3月 -\n\n"
        "2022年,全市地区生产总值1580.2亿元,比上年增长4.1%。\n\n"
        "城镇新增就业2.6万人,年末城镇登记失业率2.3%。\n"
    )
    assert _find(text, "26000").period == "2022"
    assert _find(text, "2.3").period == "2022"


# 3. A congress early in a year, its day spaced as PDF text writes it, that
# tells a year by results: that year is reviewed, not planned.
CONGRESS = [
    (
        "spaced day, 报告指出 then a year of results",
        "2 月 3 日上午,某某市第九届人民代表大会第四次会议开幕,市长作政府工作报告。\n"
        "报告指出,2022 年,全市地区生产总值增长 5.1%,固定资产投资增长 7.2%。\n",
        "5.1",
        "actual",
        "2022",
    ),
    (
        "a day without spaces, 一年来 block after it",
        "1月12日,某某县第十八届人民代表大会第二次会议开幕。\n"
        "会上,县长作报告。2023年,全县社会消费品零售总额增长6.6%。\n"
        "一年来,全县新增规上工业企业18家。\n",
        "18",
        "actual",
        "2023",
    ),
]


@pytest.mark.parametrize(
    "case,text,value,kind,period", CONGRESS, ids=[c[0] for c in CONGRESS]
)
def test_congress_year_told_by_results(case, text, value, kind, period):
    r = _find(text, value)
    assert (r.kind, r.period) == (kind, period)


# 4. A year that goes on from a deadline in its sentence is a deadline too.
BODY_YEARS = [
    (
        "a later stage of a goal",
        "到2025年,全市科技型企业达到900家,2030年达到1500家。",
        None,
    ),
    ("力争到 then 预计到", "力争到2026年研发投入强度达到3%,2028年提高到3.3%。", None),
    (
        "a result year before a deadline counts",
        "2023年,全县新增高新技术企业15家。到2027年,高新技术企业达到80家,2030年达到120家。",
        2023,
    ),
    (
        "negative: a year in the next sentence",
        "到2025年达到900家。2024年,新增企业30家。",
        2024,
    ),
]


@pytest.mark.parametrize("case,text,year", BODY_YEARS, ids=[b[0] for b in BODY_YEARS])
def test_deadline_year_is_not_the_document_year(case, text, year):
    assert _body_year(text) == year


GOALS = [
    (
        "goals with 左右 and 以上",
        "2024年,全市地区生产总值增长6%左右,固定资产投资增长8%以上。",
    ),
    ("a goal word in the clause", "2024年,力争全市规上工业增加值增长7%。"),
    ("a deadline", "到2024年,全市高新技术企业达到300家。"),
]


@pytest.mark.parametrize("case,text", GOALS, ids=[g[0] for g in GOALS])
def test_goals_do_not_tell_a_year_as_over(case, text):
    assert not _told_by_results(text, 2024)
