"""Target-or-actual kinds of batches M and N, each as a table of sentences
written for this test (no corpus sentence): targets quoted back in brackets
after an estimate, the scope of a mid-clause 预计 and of a trailing
(预计,下同), a future year's milestone in news, and counts of the goals
themselves or a completion ratio taken for figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from targets.extraction import extract

# (kind, indicator, measure, comparator, value, estimate)
CASES = [
    (
        "a goal quoted in brackets after 高于预期目标 is a target of the year",
        "常德市2023年国民经济和社会发展计划执行情况\n一、2023年计划执行情况\n"
        "全年主要预期目标基本完成,具体如下:\n"
        "——预计地区生产总值增长7%,高于预期目标(增长5.5%以上);\n"
        "——预计研发经费投入强度达2.6%,高于预期目标(达到2.5%);\n"
        "——一般公共预算收入增长6.1%,高于预期目标(增长5%左右)。\n",
        [
            ("actual", "地区生产总值", "growth", "=", "7", True),
            ("target", "地区生产总值", "growth", ">=", "5.5", False),
            ("actual", "研发投入强度", "level", "=", "2.6", True),
            ("target", "研发投入强度", "level", "=", "2.5", False),
            ("actual", "一般公共预算收入", "growth", "=", "6.1", False),
            ("target", "一般公共预算收入", "growth", "~", "5", False),
        ],
    ),
    (
        "a result set against the goal states no goal for the figures after it",
        "常德市2024年政府工作报告\n一、2023年工作回顾\n2023年,全市地区生产总值增长"
        "6.5%,高于预期目标(增长6%以上);一般公共预算收入增长5%。全市固定资产投资"
        "增长6.5%,高于预期目标1个百分点,社会消费品零售总额增长4%。",
        [
            ("target", "地区生产总值", "growth", ">=", "6", False),
            ("actual", "一般公共预算收入", "growth", "=", "5", False),
            ("actual", "社会消费品零售总额", "growth", "=", "4", False),
        ],
    ),
    (
        "a 预计 after its item's subject covers that item alone",
        "常德市2023年国民经济和社会发展计划执行情况\n一、2023年计划执行情况\n"
        "全市完成一般公共预算收入180亿元,研发经费投入占地区生产总值比重预计达2.4%,"
        "居民消费价格涨幅为1.8%,城镇新增就业人数30210人。",
        [
            ("actual", "研发投入强度", "level", "=", "2.4", True),
            ("actual", "居民消费价格涨幅", "level", "=", "1.8", False),
        ],
    ),
    (
        "a 预计 heading its clause covers the items after it",
        "常德市2023年工作总结\n2023年,全市预计实现地区生产总值增长6.2%,"
        "一般公共预算收入增长5.1%,固定资产投资增长3%。",
        [
            ("actual", "地区生产总值", "growth", "=", "6.2", True),
            ("actual", "一般公共预算收入", "growth", "=", "5.1", True),
            ("actual", "固定资产投资", "growth", "=", "3", True),
        ],
    ),
    (
        "a 预计 after the place's own name heads its clause",
        "常德市2023年工作总结\n2023年,常德市预计实现地区生产总值增长6.2%,"
        "一般公共预算收入增长5.1%。",
        [
            ("actual", "地区生产总值", "growth", "=", "6.2", True),
            ("actual", "一般公共预算收入", "growth", "=", "5.1", True),
        ],
    ),
    (
        "a mid-clause 预计 covers a 分别 list going on after a 、",
        "常德市2023年工作总结\n2023年,全市实现社会消费品零售总额600亿元,"
        "地区生产总值、一般公共预算收入预计分别增长6%、5%,固定资产投资增长3%。",
        [
            ("actual", "社会消费品零售总额", "level", "=", "600", False),
            ("actual", "地区生产总值", "growth", "=", "6", True),
            ("actual", "一般公共预算收入", "growth", "=", "5", True),
            ("actual", "固定资产投资", "growth", "=", "3", False),
        ],
    ),
    (
        "a 预计 in the first figure of its clause group speaks for the group",
        "常德市2023年上半年工作进展情况\n1-6月份,全市地区生产总值预计增长6%左右,"
        "一般公共预算收入增长4.2%,固定资产投资增长3%。",
        [
            ("actual", "地区生产总值", "growth", "~", "6", True),
            ("actual", "一般公共预算收入", "growth", "=", "4.2", True),
            ("actual", "固定资产投资", "growth", "=", "3", True),
        ],
    ),
    (
        "a note (预计,下同) marks the figure before it and those after",
        "常德市2023年工作总结\n一年来,全市经济回升向好,"
        "地区生产总值增长 6.5%(预计,下同),社会消费品零售总额增长 7%,"
        "固定资产投资增长 4%。",
        [
            ("actual", "地区生产总值", "growth", "=", "6.5", True),
            ("actual", "社会消费品零售总额", "growth", "=", "7", True),
            ("actual", "固定资产投资", "growth", "=", "4", True),
        ],
    ),
    (
        "a year after the report's, behind a lead-in that says 已, is a goal",
        "常德经济再上新台阶\n2024-02-03 来源:湘北日报\n"
        "2023年,常德市地区生产总值增长5.8%。\n"
        "常德的目标已经清楚:2028年地区生产总值突破6500亿元,建成区域中心城市。",
        [
            ("actual", "地区生产总值", "growth", "=", "5.8", False),
            ("target", "地区生产总值", "level", ">", "6500", False),
        ],
    ),
]


def _row(r):
    return (r.kind, r.indicator, r.measure, r.comparator, r.value, r.estimate)


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_batch_mn_split_kinds(text, expected):
    got = [_row(r) for r in extract(text, "kinds.txt").records]
    for kind, indicator, measure, comparator, value, estimate in expected:
        want = (kind, indicator, measure, comparator, Decimal(value), estimate)
        assert want in got, f"{want} not in {got}"


@pytest.mark.parametrize(
    ("gap", "kept"),
    [
        ("高于预期目标2个百分点", []),
        ("低于预期目标(5%)1.2个百分点", [("target", Decimal("5"))]),
        ("低于年度目标(增长6%)2个百分点", [("target", Decimal("6"))]),
    ],
    ids=["bare gap", "gap after the quoted target", "gap after a year's target"],
)
def test_a_gap_to_the_goal_is_still_no_figure(gap, kept):
    text = (
        "常德市2023年国民经济和社会发展计划执行情况\n一、2023年计划执行情况\n"
        f"全市固定资产投资增长3.8%,{gap}。"
    )
    records = extract(text, "kinds.txt").records
    assert [(r.kind, r.value) for r in records] == [
        ("actual", Decimal("3.8")),
        *kept,
    ]


@pytest.mark.parametrize(
    "text",
    [
        "常德市2023年上半年计划执行情况\n2023年全市12项主要预期目标中,除单位地区生产总值"
        "能耗下降幅度和研发投入强度2项未公布半年数据外,其余10项均进展良好。",
        "常德市2023年上半年计划执行情况\n今年以来,全市共有8项指标达到序时进度,"
        "3项指标未达到。",
        "常德市2023年上半年计划执行情况\n上半年外贸进出口完成全年预期目标"
        "(总额与上年持平)的58.3%。",
    ],
    ids=["counts of goals", "counts of indicators", "share of the goal reached"],
)
def test_counts_of_goals_and_progress_ratios_are_no_records(text):
    records = extract(text, "kinds.txt").records
    assert not [r for r in records if r.kind == "target"], records
    counts = (2, 10, 8, 3, Decimal("58.3"))
    assert not [r for r in records if r.value in counts], records
