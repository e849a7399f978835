"""Kinds of batches P, Q and R about periods, each as a table of sentences
written for this test (no corpus sentence, place or number): a year in a
ranking remark (创…以来…新高), a base year a figure is a multiple of (是…年的N倍),
a year in a programme's name on a line of its own, 1-12月 as the whole year, a
part-year span named by an untitled report's opening sentence and again
further on, a span opening the sentence after a sub-heading numbered in
Chinese, a page reposted years after the period it reports on."""

from __future__ import annotations

from decimal import Decimal

import pytest

from targets.extraction import extract
from targets.extraction.document import document_context

# (case, text, [(indicator, value, period)])
PERIODS = [
    (
        "a ranking remark names the years it ranks over (创…以来…新高)",
        "会议听取了市政府关于2021年上半年全市经济运行情况的通报。\n"
        "市长在通报中指出,今年上半年,全市地区生产总值增长9.1%,创2016年以来8个季度"
        "新高;完成固定资产投资120.5亿元,增速从去年上半年的-2.1%转为4.5%;"
        "社会消费品零售总额增长7%。\n",
        [
            ("地区生产总值", "9.1", "2021-01/2021-06"),
            ("固定资产投资", "120.5", "2021-01/2021-06"),
            ("社会消费品零售总额", "7", "2021-01/2021-06"),
        ],
    ),
    (
        "a ranking remark said another way (为…以来同期最快, Traditional)",
        "發布時間:2020-10-25\n"
        "前三季度,全市固定資產投資增長12.5%,為2014年以來同期最快水平,"
        "一般公共預算收入增長6.1%。\n",
        [
            ("固定资产投资", "12.5", "2020-01/2020-09"),
            ("一般公共预算收入", "6.1", "2020-01/2020-09"),
        ],
    ),
    (
        "a ranking remark without 以 (创…年来…最好成绩)",
        "会上通报了2020年前三季度经济运行情况。\n"
        "他说,今年前三季度全市固定资产投资增长12.5%,创2015年来单季最好成绩,"
        "一般公共预算收入增长6.1%。\n",
        [("一般公共预算收入", "6.1", "2020-01/2020-09")],
    ),
    (
        "a base year the figure before is a multiple of (是…年的N倍)",
        "发布时间:2024-03-01\n"
        "2023年全市高新技术企业达到860家,是2015年的3.2倍;"
        "有效发明专利拥有量达到5120件,为2015年的两倍多。\n",
        [
            ("高新技术企业数", "860", "2023"),
            ("有效发明专利拥有量", "5120", "2023"),
        ],
    ),
    (
        "a share of a base year's level (恢复到…年的九成) frames nothing after it",
        "发布时间:2022-02-10\n"
        "2021年,全市接待游客恢复到2019年的九成,社会消费品零售总额增长8.4%。\n",
        [("社会消费品零售总额", "8.4", "2021")],
    ),
    (
        "a programme named by its year on a line of its own dates nothing",
        "2019年工作回顾\n"
        "推进“智造2030”行动,获省政府通报表扬。\n"
        "全市规模以上工业增加值增长7.2%。\n",
        [("规模以上工业增加值", "7.2", "2019")],
    ),
    (
        "1-12月 is the whole year",
        "2023年全市经济运行情况\n"
        "初步核算,1-12月全市实现地区生产总值1200.5亿元,同比增长5.1%。"
        "1至12月份,规模以上工业增加值增长6.3%。\n",
        [
            ("地区生产总值", "1200.5", "2023"),
            ("规模以上工业增加值", "6.3", "2023"),
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in PERIODS], ids=[c[0] for c in PERIODS]
)
def test_stray_years_do_not_date_the_figures(text, expected):
    got = [(r.indicator, r.value, r.period) for r in extract(text, "k.txt").records]
    for ind, value, period in expected:
        assert (ind, Decimal(value), period) in got, got


SPAN_PAGES = [
    (
        "the opening sentence after a source, the span named again further on",
        "据市统计局消息,2021年,前三季度全市实现地区生产总值830.2亿元,增长7.7%。\n"
        "从其他指标看,前三季度规上工业增加值增长9%,工业用电量平稳。\n"
        "社会消费品零售总额完成310亿元,增长11.2%。\n"
        "总的来看,前三季度经济运行稳中向好。\n",
        ("社会消费品零售总额", "310", "2021-01/2021-09"),
    ),
    (
        "上半年 in the lead and after, with a base span that does not count",
        "记者从市统计局获悉,2022年上半年全市地区生产总值增长4.2%,较一季度回落0.6个百分点。\n"
        "上半年,全市固定资产投资增长6%。\n"
        "一般公共预算收入完成52.1亿元。\n"
        "上半年全市经济总体平稳。\n",
        ("一般公共预算收入", "52.1", "2022-01/2022-06"),
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in SPAN_PAGES], ids=[c[0] for c in SPAN_PAGES]
)
def test_a_span_an_untitled_report_is_about_frames_its_figures(text, expected):
    got = [(r.indicator, r.value, r.period) for r in extract(text, "k.txt").records]
    ind, value, period = expected
    assert (ind, Decimal(value), period) in got, got


def test_a_report_with_another_span_later_keeps_the_year():
    # The counter-case: a lead span, then the whole year: no span for the page.
    text = (
        "据市统计局消息,2021年前三季度全市地区生产总值增长7.7%。\n"
        "前三季度规上工业增加值增长9%。\n"
        "全年,社会消费品零售总额有望增长10%。\n"
        "前三季度经济运行稳中向好;上半年,固定资产投资增长5%。\n"
    )
    assert document_context(text).span is None


@pytest.mark.parametrize(
    "numbering", ["(二)", "二、", "(2)"], ids=["paren-cn", "cn-comma", "paren-digit"]
)
def test_a_span_after_a_numbered_sub_heading_frames_its_paragraph(numbering):
    text = (
        "发布日期:2024年11月02日\n"
        "从市统计局获悉,2023年前三季度,全市地区生产总值增长6.1%。\n"
        f"{numbering}消费市场回暖,内需持续扩大。2023年前三季度,社会消费品零售总额"
        "增长8%。从价格看,居民消费价格同比上涨0.6%。\n"
    )
    got = [(r.indicator, r.value, r.period) for r in extract(text, "k.txt").records]
    assert ("居民消费价格涨幅", Decimal("0.6"), "2023-01/2023-09") in got, got


def test_a_repost_years_later_reports_on_the_year_its_lead_names():
    text = (
        "某市前三季度经济稳中有进\n"
        "发布日期:2025年06月30日\n"
        "从市统计局获悉,2023年前三季度,全市实现地区生产总值980.6亿元,同比增长6.2%,"
        "增速高于全省平均水平。\n"
    )
    assert document_context(text).report_year == 2023
