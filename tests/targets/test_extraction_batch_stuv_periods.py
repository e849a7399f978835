"""Kinds of batches S, T, U and V about a page's years, each as a table of
sentences written for this test (no corpus sentence, place or number): a year
parted from its 年 by a space (text taken from a PDF), a part-year span glued
to the year an undated release names in its lead (2020年前三季度), a span
compared with (相比于上半年) that does not unframe the page, and a year cast as
what it is (…年是…开局之年) that the text looks back on or plans."""

from __future__ import annotations

from decimal import Decimal

import pytest

from targets.extraction import extract
from targets.extraction.simplify import close_year_gaps


@pytest.mark.parametrize(
    ("text", "closed"),
    [
        ("2022 年,全区", " 2022年,全区"),
        ("较2021 年提升", "较2021年 提升"),
        ("到2025\u3000年底", "到2025年\u3000底"),
        ("共计12020 年", "共计12020 年"),  # not a year: five digits
    ],
)
def test_a_spaced_year_is_closed_up_in_the_view(text, closed):
    assert close_year_gaps(text) == closed
    assert len(close_year_gaps(text)) == len(text)


SPACED = [
    (
        "a spaced year opening an undated page",
        "2021 年,全县上下奋力拼搏,经济稳中有进。\n"
        "企业培育成效明显。新认定高新技术企业42 家,技术合同成交额12.6 亿元。\n",
        [("高新技术企业数", "42", "2021"), ("技术合同成交额", "12.6", "2021")],
    ),
    (
        "a spaced year with a full-width space, 年度 (Traditional)",
        "2020\u3000年度,本市科技工作穩步推進。\n"
        "創新主體不斷壯大,高新技術企業總數達到318家,技術合同成交額完成8.4億元。\n",
        [("高新技术企业数", "318", "2020"), ("技术合同成交额", "8.4", "2020")],
    ),
    (
        "a spaced year inside the sentence, a spaced base year",
        "回顾过去,全市在 2019 年实现地区生产总值 1520 亿元,比 2018 年增长 6.1%。\n",
        [("地区生产总值", "1520", "2019")],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in SPACED], ids=[c[0] for c in SPACED]
)
def test_a_spaced_year_dates_the_figures(text, expected):
    ex = extract(text, "k.txt")
    got = [(r.indicator, r.value, r.period) for r in ex.records]
    assert ex.info.year == int(expected[0][2])  # the page's own year
    for ind, value, period in expected:
        assert (ind, Decimal(value), period) in got, got


LEAD_SPANS = [
    (
        "a release naming the year's span it publishes (发布…前三季度…数据)",
        "本报记者 王五\n\n"
        "10月22日,市统计局发布2019年前三季度经济运行数据:全市地区生产总值905.4亿元,"
        "同比增长6.9%。\n"
        "前三季度,全市社会消费品零售总额412.3亿元,增长8.8%。\n"
        "从前三季度看,投资继续发挥关键作用,固定资产投资增长10.2%。\n",
        [
            ("地区生产总值", "905.4", "2019-01/2019-09"),
            ("社会消费品零售总额", "412.3", "2019-01/2019-09"),
            ("固定资产投资", "10.2", "2019-01/2019-09"),
        ],
    ),
    (
        "a press conference on the span, a span compared with later (Traditional)",
        "記者 李四\n"
        "7月18日,2022年上半年全市經濟運行情況新聞發布會召開。上半年,全市地區生產總值"
        "603.1億元,同比增長4.4%,相較于一季度回落0.8個百分點。\n"
        "上半年全市規模以上工業增加值增長6.2%。\n"
        "他介紹,上半年一般公共預算收入完成40.5億元。\n",
        [
            ("地区生产总值", "603.1", "2022-01/2022-06"),
            ("一般公共预算收入", "40.5", "2022-01/2022-06"),
        ],
    ),
    (
        "the months since January (前10个月) glued to the year",
        "据悉,2018年前10个月全区一般公共预算收入完成25.2亿元,增长7.1%。\n"
        "前10个月,全区固定资产投资增长9.3%,相比于前三季度加快0.4个百分点。\n"
        "前10个月社会消费品零售总额增长8%。\n",
        [
            ("一般公共预算收入", "25.2", "2018-01/2018-10"),
            ("固定资产投资", "9.3", "2018-01/2018-10"),
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in LEAD_SPANS], ids=[c[0] for c in LEAD_SPANS]
)
def test_a_span_glued_to_the_lead_year_frames_the_release(text, expected):
    got = [(r.indicator, r.value, r.period) for r in extract(text, "k.txt").records]
    for ind, value, period in expected:
        assert (ind, Decimal(value), period) in got, got


CAST = [
    (
        "a congress report: the year cast, then 这一年 and the figures",
        "现在,我代表县人民政府向大会报告工作,请予审议。\n\n"
        "2021年是开启新征程的起步之年,也是极不平凡的一年。经济运行持续向好。\n\n"
        "这一年,全县地区生产总值增长7.3%,一般公共预算收入增长9.2%。\n",
        [("地区生产总值", "7.3", "2021"), ("一般公共预算收入", "9.2", "2021")],
    ),
    (
        "a congress report: the year cast, the 一年来 review after a quotation",
        "各位代表:\n现在,我代表市人民政府,向大会报告工作。\n\n"
        "2022年是党的二十大召开之年,是砥砺奋进的一年。总书记的嘱托催人奋进,"
        "鼓舞全市干部群众。我们坚持稳中求进,攻坚克难。\n\n"
        "经济实力持续增强,地区生产总值达到1210亿元,增长4.9%。\n",
        [("地区生产总值", "1210", "2022"), ("地区生产总值", "4.9", "2022")],
    ),
    (
        "a summary: last year's figures, then the year ahead cast last",
        "2020年,全区科技工作稳步推进。\n"
        "主体培育成效明显。新认定高新技术企业35家,技术合同成交额6.2亿元。\n"
        "2021年是“十四五”开局之年,也是全区科技创新提速的关键之年。\n",
        [("高新技术企业数", "35", "2020"), ("技术合同成交额", "6.2", "2020")],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in CAST], ids=[c[0] for c in CAST]
)
def test_a_year_cast_as_what_it_is_dates_by_what_follows(text, expected):
    ex = extract(text, "k.txt")
    got = [(r.indicator, r.value, r.period) for r in ex.records]
    assert ex.info.year == int(expected[0][2])  # the year reported on
    for ind, value, period in expected:
        assert (ind, Decimal(value), period) in got, got
