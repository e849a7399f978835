"""Issue 11 kinds of batch L, each as a table of sentences written for this test
(no corpus or seed sentence): a news story dated this year that reviews last
year (预计… after a sentence naming last year, 回望刚刚过去的…年 before a
paragraph) reports actuals, not targets."""

from __future__ import annotations

from decimal import Decimal

import pytest

from targets.extraction import extract

# (kind, indicator, measure, comparator, value, period, estimate)
CASES = [
    (
        "预计 after a sentence naming last year: last year's estimate",
        "聚焦主业,五项任务绘就2024发展蓝图\n2024-01-08 来源: 绵阳日报\n"
        "  ◆1月5日,记者从绵阳市经济工作会议上获悉,2023年绵阳市抢抓机遇,"
        "经济运行稳中向好。全市预计地区生产总值增长6.5%左右,一般公共预算收入增长7%,"
        "固定资产投资增长5%左右。\n",
        [
            ("actual", "地区生产总值", "growth", "~", "6.5", "2023", True),
            ("actual", "一般公共预算收入", "growth", "=", "7", "2023", True),
            ("actual", "固定资产投资", "growth", "~", "5", "2023", True),
        ],
    ),
    (
        "回望刚刚过去的…年 frames the paragraph after it",
        "聚焦主业,五项任务绘就2024发展蓝图\n2024-01-08 来源: 绵阳日报\n"
        "  “项目建设提速,创新动能增强……”回望刚刚过去的2023年,市委书记如数家珍。\n"
        "  全市创新能力持续提升,新增高新技术企业120家,总数达到860家。\n",
        [
            ("actual", "高新技术企业数", "increase", "=", "120", "2023", False),
        ],
    ),
]


def _row(r):
    return (
        r.kind,
        r.indicator,
        r.measure,
        r.comparator,
        r.value,
        r.period,
        r.estimate,
    )


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_batch_l_kinds(text, expected):
    records = extract(text, "kinds.txt").records
    got = [_row(r) for r in records]
    for kind, ind, measure, comp, value, period, estimate in expected:
        want = (kind, ind, measure, comp, Decimal(value), period, estimate)
        assert want in got, f"{want} not in {got}"
    assert not [r for r in records if r.kind == "target"], records


def test_an_estimate_of_this_year_stays_a_target():
    text = (
        "聚焦主业,五项任务绘就2024发展蓝图\n2024-01-08 来源: 绵阳日报\n"
        "  会议提出,2024年全市预计地区生产总值增长6%左右。\n"
    )
    records = extract(text, "kinds.txt").records
    assert [r.kind for r in records if r.indicator == "地区生产总值"] == ["target"]


SHARED = [
    (
        "城镇、农村居民人均可支配收入均增长6%左右",
        ["城镇居民人均可支配收入", "农村居民人均可支配收入"],
    ),
    (
        "城市居民人均可支配收入和农民人均纯收入均增长9%左右",
        ["城镇居民人均可支配收入", "农村居民人均可支配收入"],
    ),
]


@pytest.mark.parametrize(("phrase", "names"), SHARED, ids=[s[0] for s in SHARED])
def test_shared_figure_goes_to_each_item(phrase, names):
    text = f"绵阳市2024年国民经济和社会发展计划\n2024年主要预期目标:{phrase}。"
    records = extract(text, "kinds.txt").records
    got = [(r.indicator, r.comparator, r.kind) for r in records]
    assert got == [(n, "~", "target") for n in names], records
    second = records[1].quote
    assert second.startswith(names[1][:2]) or second.startswith("农民"), second


def test_respectively_opening_its_clause_takes_the_two_figures_before():
    text = (
        "绵阳市2023年国民经济和社会发展统计公报\n2023年,城镇居民人均可支配收入"
        "45210元,农村居民人均可支配收入21030元,分别增长5.1%和6.4%。"
    )
    records = extract(text, "kinds.txt").records
    growth = [(r.indicator, r.value) for r in records if r.measure == "growth"]
    assert growth == [
        ("城镇居民人均可支配收入", Decimal("5.1")),
        ("农村居民人均可支配收入", Decimal("6.4")),
    ], records


@pytest.mark.parametrize(
    "text",
    [
        "确保今年服务业增加值占比提高1.2个百分点以上,力争提高1.8个百分点。",
        "確保今年服務(wù)業(yè)增加值占比提高1.2個百分點以上,力爭提高1.8個百分點。",
    ],
    ids=["simplified", "traditional-with-glosses"],
)
def test_stretch_tier_after_a_phrase_named_figure(text):
    records = extract("绵阳市2024年工作计划\n" + text, "kinds.txt").records
    got = [(r.indicator, r.value, r.stretch) for r in records]
    assert got == [
        ("服务业增加值占比", Decimal("1.2"), False),
        ("服务业增加值占比", Decimal("1.8"), True),
    ], records


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("全市海洋生产总值达到1800亿元。", "地区生产总值"),
        ("实施数字经济重点项目21个,计划投资3.5亿元。", "重点项目完成投资"),
        ("实施数字经济重点项目21个,计划投资3.5亿元。", "固定资产投资"),
    ],
    ids=["sector-output-is-not-gdp", "planned-not-done", "planned-not-fai"],
)
def test_parts_and_plans_are_not_the_total(text, indicator):
    records = extract("绵阳市2024年工作计划\n" + text, "kinds.txt").records
    assert not [r for r in records if r.indicator == indicator], records


def test_look_back_covers_the_whole_year():
    text = (
        "聚焦主业,五项任务绘就2024发展蓝图\n2024-01-08 来源: 绵阳日报\n"
        "  “项目建设提速……”回望刚刚过去的2023年,市委书记如数家珍。\n"
        "  全市产业加快升级,全年工业技术改造投资增长12%。\n"
    )
    records = extract(text, "kinds.txt").records
    got = [(r.kind, r.indicator, r.period) for r in records]
    assert got == [("actual", "工业技术改造投资", "2023")], records


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("省市重点实验室、工程技术研究中心18家。", "市级工程技术研究中心数"),
        ("新增研发平台、工程技术研究中心6家。", "市级工程技术研究中心数"),
    ],
    ids=["two-kinds-two-levels", "two-kinds"],
)
def test_a_count_of_two_kinds_is_neither(text, indicator):
    records = extract("绵阳市2023年工作总结\n2023年," + text, "kinds.txt").records
    assert records, "the combined count is still read"
    assert not [r for r in records if r.indicator == indicator], records


def test_counts_listed_each_with_its_figure_stay_apart():
    text = "绵阳市2023年工作总结\n2023年,新增研发平台12家、工程技术研究中心6家。"
    records = extract(text, "kinds.txt").records
    assert ("市级工程技术研究中心数", Decimal("6")) in [
        (r.indicator, r.value) for r in records
    ], records
