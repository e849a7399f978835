"""The period and the region of a record, round 6 (second pass): a short place
name only as a whole word; 去年 opening its clause; a plan's year only from
evidence in its text; the periods of a list heading a 分别, the span of a
sentence before, the period of the total a 其中 breaks down, and the start of
a from–to. Every sentence is written for this test (no corpus or seed sentence)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from targets.extraction import extract
from targets.extraction.regions import (
    detect_region,
    gazetteer,
    mentions,
    peer_region_at,
)


def _find(text: str, value: str, indicator: str | None = None):
    records = extract(text, "t.txt").records
    found = [
        r
        for r in records
        if indicator in (None, r.indicator) and r.value == Decimal(value)
    ]
    assert found, [(r.indicator, r.value, r.period, r.region) for r in records]
    return found[0]


# 1. A short place name must be a whole word in its context.
# (case, text, name, whether it is read as a mention)
MENTIONS = [
    ("和 + 县委 is not 和县", "按照省委、市委和县委的部署要求", "和县", False),
    ("和 after 省市 is not 和县", "自觉与中央、省市和县委的部署对标", "和县", False),
    ("an address names 和县", "安徽省马鞍山市和县召开大会", "和县", True),
    ("城区 is the urban part", "2023年末城区常住人口45万人", "城区", False),
    ("城区 in its address", "山西省阳泉市城区召开会议", "城区", True),
    ("东区 is a part of a place", "开发区东区新建厂房10万平方米", "东区", False),
    ("示范县 is not 范县", "创建国家级示范县", "范县", False),
]


@pytest.mark.parametrize("case,text,name,found", MENTIONS, ids=[m[0] for m in MENTIONS])
def test_short_name_is_a_whole_word(case, text, name, found):
    names = [n for _a, _b, n in mentions(text, gazetteer())]
    assert (name in names) is found, names


# (case, text, region)
REGIONS = [
    (
        "a county's text naming itself only by its short name, after 和县委",
        "2024年是永嘉加快发展的关键之年。按照市委全会和县委全会的部署,"
        "我们要把永嘉建设成为山水名城。全县地区生产总值增长6.5%。",
        "永嘉县",
    ),
    (
        "a district's own voice with a district named in full",
        "2023年,青秀区经济平稳增长。全区地区生产总值增长5%。",
        "青秀区",
    ),
    (
        "a county-level city's text naming it by its short name as a place",
        "一批重大科创载体在昆山落地,为昆山打造创新高地提供支撑。"
        "全市新增高新技术企业210家,获评省级研发机构12家。",
        "昆山市",
    ),
    (
        "negative: 共同富裕 is not 富裕县",
        "今年是推进共同富裕的关键之年,全县上下推动共同富裕示范区建设。"
        "全县地区生产总值增长6%。",
        None,
    ),
]


@pytest.mark.parametrize("case,text,region", REGIONS, ids=[r[0] for r in REGIONS])
def test_document_region(case, text, region):
    assert detect_region(text, "") == region


def test_urban_part_keeps_the_districts_region():
    text = (
        "2023年,青秀区经济平稳增长,全区地区生产总值增长5%。"
        "2023年末城区常住人口80万人,城镇化率90.2%。"
    )
    assert _find(text, "90.2").region == "青秀区"


# (case, text, value, period)
PERIODS = [
    # 2. 去年 opening its clause is last year's.
    (
        "去年 after a comma, before the place",
        "记者从日前召开的2022年全县科技工作会议上获悉,去年桐庐县新认定高新技术企业"
        "52家,技术合同成交额达到3.2亿元。",
        "52",
        "2021",
    ),
    (
        "the next figure of the same clause group",
        "记者从日前召开的2022年全县科技工作会议上获悉,去年桐庐县新认定高新技术企业"
        "52家,技术合同成交额达到3.2亿元。",
        "3.2",
        "2021",
    ),
    (
        "去年 after a colon",
        "记者从12日召开的2023年全市工业工作会议上获悉:去年,全市规模以上工业增加值"
        "增长7.1%。",
        "7.1",
        "2022",
    ),
    (
        "negative: 比去年 compares, the year stays",
        "2023年,全市技术合同成交额比去年增长20%。",
        "20",
        "2023",
    ),
    # 3. A plan's year from evidence in its text only.
    (
        "the first year of a five-year plan",
        "今年是“十四五”开局之年。今年全县经济社会发展的主要预期目标是:"
        "地区生产总值增长7.5%左右,一般公共预算收入增长6%。",
        "7.5",
        "2021",
    ),
    (
        "the latest year reviewed, plus one",
        "过去一年,全市地区生产总值增长5.2%。2022年,全市固定资产投资增长9%。"
        "今年经济社会发展的主要预期目标是:地区生产总值增长6%左右,固定资产投资增长10%。",
        "10",
        "2023",
    ),
    (
        "a dateline with its year",
        "新华社南宁2023年1月12日电 今年全区主要目标是地区生产总值增长6.5%,"
        "一般公共预算收入增长5%。",
        "5",
        "2023",
    ),
    (
        "negative: no year anywhere, no period",
        "今年全市主要目标是力争地区生产总值增长6%,固定资产投资增长11%。",
        "11",
        None,
    ),
    # 4. Sub-year heads and spans.
    (
        "the i-th period of the list heading 分别 (first)",
        "2023年全县经济运行报告。一季度、上半年、前三季度全县规模以上工业增加值"
        "分别增长5.1%、5.6%和6.0%。",
        "5.1",
        "2023-01/2023-03",
    ),
    (
        "the i-th period of the list heading 分别 (last, after 和)",
        "2023年全县经济运行报告。一季度、上半年、前三季度全县规模以上工业增加值"
        "分别增长5.1%、5.6%和6.0%。",
        "6.0",
        "2023-01/2023-09",
    ),
    (
        "the whole year in the list",
        "2022年,全市经济稳中有进。上半年、全年全市固定资产投资分别增长8.2%、9.5%。",
        "9.5",
        "2022",
    ),
    (
        "periods after the place",
        "2024年,全市一季度、上半年社会消费品零售总额分别增长4.4%、5.0%。",
        "5.0",
        "2024-01/2024-06",
    ),
    (
        "negative: one period over a list of indicators",
        "2024年,一季度全市社会消费品零售总额、固定资产投资分别增长4.4%、5.0%。",
        "5.0",
        "2024-01/2024-03",
    ),
    (
        "an average in the sentence after a span of years",
        "2019-2023年,全市地区生产总值年均增长6.1%。一般公共预算收入、固定资产投资"
        "分别年均增长5.2%、7.4%。",
        "5.2",
        "2019-01/2023-12",
    ),
    (
        "the later figure of a list after one 年均",
        "2019-2023年,全市地区生产总值年均增长6.1%。一般公共预算收入、固定资产投资"
        "分别年均增长5.2%、7.4%。",
        "7.4",
        "2019-01/2023-12",
    ),
    (
        "negative: a figure that is no average keeps its own year",
        "2020—2024年,全县地区生产总值年均增长5.5%,居全市前列。2024年,"
        "全县社会消费品零售总额增长6%。",
        "6",
        "2024",
    ),
    (
        "N年累计 is a total over the N years to the year reviewed",
        "2023-01-10 09:00:00\n过去一年,全县各项工作取得新进展。五年累计完成固定资产投资"
        "860亿元,年均增长9.2%。一般公共预算收入从21亿元增加到35亿元,年均增长10.8%。",
        "860",
        "2018-01/2022-12",
    ),
    (
        "an average in the sentence after N年累计",
        "2023-01-10 09:00:00\n过去一年,全县各项工作取得新进展。五年累计完成固定资产投资"
        "860亿元,年均增长9.2%。一般公共预算收入从21亿元增加到35亿元,年均增长10.8%。",
        "10.8",
        "2018-01/2022-12",
    ),
    (
        "the from-value in the sentence after N年累计",
        "2023-01-10 09:00:00\n过去一年,全县各项工作取得新进展。五年累计完成固定资产投资"
        "860亿元,年均增长9.2%。一般公共预算收入从21亿元增加到35亿元,年均增长10.8%。",
        "21",
        "2017",
    ),
    (
        "三年间 is a span",
        "2022-01-10 09:00:00\n2021年,全市经济稳步增长。三年间新增高新技术企业120家。",
        "120",
        "2019-01/2021-12",
    ),
    (
        "negative: a three-year programme is no span",
        "2024-01-10 09:00:00\n2023年,全县实施三年行动计划,"
        "全县社会消费品零售总额增长7%。",
        "7",
        "2023",
    ),
    (
        "其中 breaks down a half-year's total",
        "2023年上半年,全县地区生产总值85.2亿元,同比增长6.1%。其中,第三产业增加值"
        "40.1亿元,同比增长5.5%。",
        "40.1",
        "2023-01/2023-06",
    ),
    (
        "其中 after a quarter, the growth of the part",
        "2024年一季度,全市地区生产总值560亿元。其中,第二产业增加值210亿元,"
        "同比增长4.8%;第三产业增加值300亿元,同比增长5.2%。",
        "5.2",
        "2024-01/2024-03",
    ),
    (
        "negative: a sentence naming its own year is not a breakdown",
        "2022年前三季度,全市地区生产总值2100亿元。2022年,第三产业增加值1000亿元。",
        "1000",
        "2022",
    ),
    (
        "from a founding year to 去年: the start",
        "2024-03-01 09:00:00\n1990年,该县撤地设市,全市地区生产总值从2.1亿元增长到"
        "去年的88亿元,一般公共预算收入从3000万元增长到去年的9.6亿元。",
        "3000",
        "1990",
    ),
    (
        "from a founding year to 去年: the end",
        "2024-03-01 09:00:00\n1990年,该县撤地设市,全市地区生产总值从2.1亿元增长到"
        "去年的88亿元,一般公共预算收入从3000万元增长到去年的9.6亿元。",
        "9.6",
        "2023",
    ),
    (
        "a five-year review's from-value is of its base year",
        "通报了全市“十三五”时期经济社会发展的总体情况和“十四五”时期的目标举措。\n"
        "过去五年,全市综合实力大幅提升,全市固定资产投资较2015年翻了一番。"
        "全市高新技术企业从120家增至480家。",
        "120",
        "2015",
    ),
    (
        "a five-year review's to-value is of its last year",
        "通报了全市“十三五”时期经济社会发展的总体情况和“十四五”时期的目标举措。\n"
        "过去五年,全市综合实力大幅提升,全市固定资产投资较2015年翻了一番。"
        "全市高新技术企业从120家增至480家。",
        "480",
        "2020",
    ),
    (
        "negative: a one-year review's base year does not date the from-value",
        "2023年,全市研发经费投入较2020年增长30%。全市高新技术企业从500家增至600家。",
        "500",
        "2023",
    ),
]


@pytest.mark.parametrize("case,text,value,period", PERIODS, ids=[p[0] for p in PERIODS])
def test_period(case, text, value, period):
    assert _find(text, value).period == period


# A district inside the text's city set apart by 以 right before its figure,
# after the view the parts are compared from (从各县区…来看,某区以N亿元…).
# (case, text up to the figure, subject or None)
PARTS = [
    ("after 从…看", "从各区县地区生产总值看,鹿城区以", "鹿城区"),
    ("after 就…而言", "就各县区增速而言,瓯海区以", "瓯海区"),
    ("after 从…来看", "从各县市区规上工业增加值来看,乐清市以", "乐清市"),
    ("negative: 以 + a means, not a figure", "鹿城区以创新为引领,全区", None),
]


@pytest.mark.parametrize("case,text,subject", PARTS, ids=[p[0] for p in PARTS])
def test_part_ranked_by_its_figure(case, text, subject):
    assert peer_region_at(text, "温州市", None, 0, len(text)) == subject
