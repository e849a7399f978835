"""The period and the region of a record, round 6: a year compared with is not
the year reported; from-to spans and their averages; one month, one quarter;
the year's goal; the year so far in a span report; a city opening its clause.
Every sentence is written for this test (no corpus or seed sentence)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from targets.extraction import extract


def _find(text: str, indicator: str, value: str):
    records = extract(text, "t.txt").records
    # indicator None: any name (the name of an elliptic 年均 is not read here)
    found = [
        r
        for r in records
        if indicator in (None, r.indicator) and r.value == Decimal(value)
    ]
    assert found, [(r.indicator, r.value, r.period) for r in records]
    return found[0]


# (case, text, indicator, value, period)
PERIODS = [
    # 1. A year compared with does not date an undated text.
    (
        "multiples of a base year, the one year reported",
        "记者从市科技局获悉,目前全市技术合同成交额达到92.5亿元,是2014年的11倍;"
        "高新技术企业总数达到430家,是2014年的6倍。2022年,全市研发投入强度达到2.1%。",
        "技术合同成交额",
        "92.5",
        "2022",
    ),
    (
        "与…相比 names the base, not the year",
        "记者从县统计局获悉,与2016年相比,全县地区生产总值总量翻了一番;与2016年相比,"
        "财政收入增长80%。目前,全县社会消费品零售总额达到86亿元。"
        "2021年,全县固定资产投资增长12%。",
        "社会消费品零售总额",
        "86",
        "2021",
    ),
    (
        "a figure set against the year just named is the year before's",
        "2023年全县认定高新技术企业12家,2022年全县新增高新技术企业8家,较2022年增长50%。",
        "高新技术企业数",
        "50",
        "2023",
    ),
    (
        "negative: a base year before the named year keeps the named year",
        "2023年全县认定高新技术企业12家。2022年全县新增高新技术企业8家,较2021年增长60%。",
        "高新技术企业数",
        "60",
        "2022",
    ),
    # 2-3. From-to spans, and the averages over them.
    (
        "a from-to then 年均: the years after the start",
        "2023年工作回顾\n全市一般公共预算收入从2017年的45.6亿元增加到2022年的71.3亿元,"
        "年均增长9.4%。",
        "一般公共预算收入",
        "9.4",
        "2018-01/2022-12",
    ),
    (
        "the start value keeps the start year",
        "2023年工作回顾\n全市一般公共预算收入从2017年的45.6亿元增加到2022年的71.3亿元,"
        "年均增长9.4%。",
        "一般公共预算收入",
        "45.6",
        "2017",
    ),
    (
        "a multiple of a base year then 年均",
        "2023年全县规上工业增加值达到210亿元,是2013年的2.8倍,年均增长10.8%。",
        None,
        "10.8",
        "2014-01/2023-12",
    ),
    (
        "a from-to then 累计增长",
        "2022年工作回顾\n全社会研发经费投入由2016年的12亿元提高到2021年的30亿元,"
        "累计增长150%。",
        "全社会研发经费投入",
        "150",
        "2017-01/2021-12",
    ),
    (
        "negative: a base decades back is history, not a span",
        "2024年全区地区生产总值达到900亿元,是1978年的300倍,年均增长12.9%。",
        None,
        "12.9",
        "2024",
    ),
    (
        "the plan's first half",
        "2024年全县经济工作报告\n“十四五”前半期,全县地区生产总值年均增长6.2%。",
        "地区生产总值",
        "6.2",
        "2021-01/2023-12",
    ),
    # 4. One month, one quarter.
    (
        "N月份 is one month",
        "2023年10月份,全市规模以上工业增加值同比增长7.2%。",
        "规模以上工业增加值",
        "7.2",
        "2023-10/2023-10",
    ),
    (
        "the month after a year-to-date sentence",
        "2022年1-8月全市经济运行情况\n1-8月,全市固定资产投资增长6.1%。8月份,全市规模以上工业增加值同比增长8.3%。",
        "规模以上工业增加值",
        "8.3",
        "2022-08/2022-08",
    ),
    (
        "negative: 1-8月份 stays the year to date",
        "2022年1-8月份,全市固定资产投资增长6.1%。",
        "固定资产投资",
        "6.1",
        "2022-01/2022-08",
    ),
    (
        "第N季度 is one quarter",
        "2023年第三季度,全市地区生产总值增长5.6%。",
        "地区生产总值",
        "5.6",
        "2023-07/2023-09",
    ),
    # The year's goal a figure is measured against.
    (
        "全年任务 dates no figure after it",
        "2023年上半年,全市完成技术合同成交额28亿元,完成全年任务的56%,"
        "发明专利授权量1200件。",
        "发明专利授权量",
        "1200",
        "2023-01/2023-06",
    ),
    # An undated text that tells a year as over plans the next.
    (
        "预计 a year's result, 今年 plans: the next year's targets",
        "市委全会召开。今年,全市将地区生产总值增长目标定为6.5%左右。"
        "数据显示,预计2022年全市实现地区生产总值2100亿元。",
        "地区生产总值",
        "6.5",
        "2023",
    ),
    (
        "a congress early in the year after the year closed",
        "2月3日,在某市九届人大三次会议上,政府工作报告提出:地区生产总值增长7%左右。"
        "2021年全年,全市新开工项目120个。",
        "地区生产总值",
        "7",
        "2022",
    ),
    (
        "negative: a year over, no plan for 今年, keeps its year",
        "数据显示,预计2022年全市实现地区生产总值2100亿元,同比增长4%。",
        "地区生产总值",
        "2100",
        "2022",
    ),
    # The year so far in a span report.
    (
        "a span report's own year is the year so far",
        "全市上半年科技创新工作情况\n2024年,全市技术合同成交额达到45亿元,同比增长20%。",
        "技术合同成交额",
        "45",
        "2024-01/2024-06",
    ),
    (
        "negative: the year before keeps its year",
        "全市上半年科技创新工作情况\n2024年,全市技术合同成交额达到45亿元。"
        "2023年全市技术合同成交额为80亿元。",
        "技术合同成交额",
        "80",
        "2023",
    ),
]


@pytest.mark.parametrize(
    ("text", "indicator", "value", "period"),
    [c[1:] for c in PERIODS],
    ids=[c[0] for c in PERIODS],
)
def test_period(text, indicator, value, period):
    assert _find(text, indicator, value).period == period


# (case, text, indicator, value, region)
REGIONS = [
    (
        "a city opening its clause is the subject",
        "2021年,滨州市高新技术企业数量达到520家,比上年增加86家。",
        "高新技术企业数",
        "520",
        "滨州市",
    ),
    (
        "a prefecture opening its sentence",
        "近日,省科技厅发布通报。截至2022年底,德州市科技型中小企业达到1600家。",
        "科技型中小企业数",
        "1600",
        "德州市",
    ),
    (
        "negative: a province as a level is not the place",
        "2023年,全市新增56家企业入选浙江省科技型中小企业,全市研发投入增长9%。",
        "全社会研发经费投入",
        "9",
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "indicator", "value", "region"),
    [c[1:] for c in REGIONS],
    ids=[c[0] for c in REGIONS],
)
def test_region(text, indicator, value, region):
    assert _find(text, indicator, value).region == region
