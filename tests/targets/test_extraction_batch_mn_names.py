"""Kinds of error of batches M and N in the indicator, list, measure, number and
exclusion modules, each as a table of sentences written for this test (no
corpus sentence, place or number): two 分别 lists in one sentence, 城、乡 and
一、二、三产业 ellipses, a minus inside a list, ranges, figures without a digit
(近万亿元), milestones after a rate, bare flows (出口), shares moved 提升至,
counting qualifiers (剔除…因素后), kinds of services, and the move of a rate
against an earlier quarter."""

from __future__ import annotations

from decimal import Decimal

import pytest

from targets.extraction import extract
from targets.extraction.numbers import parse_quantity

# (indicator, measure, comparator, value)
CASES = [
    (
        "a second 分别 list names its own items",
        "2022年,全县规上工业增加值、社会消费品零售总额分别增长7.1%、4.2%,"
        "城乡居民人均可支配收入分别增长5.3%、7.4%。",
        [
            ("规模以上工业增加值", "growth", "=", "7.1"),
            ("社会消费品零售总额", "growth", "=", "4.2"),
            ("城镇居民人均可支配收入", "growth", "=", "5.3"),
            ("农村居民人均可支配收入", "growth", "=", "7.4"),
        ],
    ),
    (
        "城、乡 written as one character each",
        "2022年,全县城、乡居民人均可支配收入分别增长6.1%、8.2%。",
        [
            ("城镇居民人均可支配收入", "growth", "=", "6.1"),
            ("农村居民人均可支配收入", "growth", "=", "8.2"),
        ],
    ),
    (
        "乡村居民 is the catalog's 农村居民",
        "2022年,全县城镇和乡村居民人均可支配收入分别增长4.4%、6.6%。",
        [
            ("城镇居民人均可支配收入", "growth", "=", "4.4"),
            ("农村居民人均可支配收入", "growth", "=", "6.6"),
        ],
    ),
    (
        "a year before the first subject of a shared head",
        "2022年城镇、农村居民人均可支配收入分别达到41200元、19800元。",
        [
            ("城镇居民人均可支配收入", "level", "=", "41200"),
            ("农村居民人均可支配收入", "level", "=", "19800"),
        ],
    ),
    (
        "一、二、三产业 share 产业 and the head",
        "2022年,全区一、二、三产业增加值分别同比增长2.9%、6.4%和4.8%。",
        [
            ("第一产业增加值", "growth", "=", "2.9"),
            ("第二产业增加值", "growth", "=", "6.4"),
            ("服务业增加值", "growth", "=", "4.8"),
        ],
    ),
    (
        "a later item of a 分别 list written with a minus",
        "2022年,全县固定资产投资、进出口总额分别增长3.3%、-12.7%。",
        [
            ("固定资产投资", "growth", "=", "3.3"),
            ("进出口总额", "growth", "=", "-12.7"),
        ],
    ),
    (
        "the upper end of a range counts what the lower end counted",
        "2022年,全市地区生产总值增长6%—6.5%。",
        [
            ("地区生产总值", "growth", "=", "6"),
            ("地区生产总值", "growth", "=", "6.5"),
        ],
    ),
    (
        "a round figure without a digit",
        "2022年,全市固定资产投资近万亿元,技术合同成交额突破千亿。",
        [
            ("固定资产投资", "level", "~", "1000000000000"),
            ("技术合同成交额", "level", ">", "1000"),
        ],
    ),
    (
        "a milestone after a growth rate, ranked among the province's cities",
        "2023年主要预期目标:地区生产总值增长6.5%、在全省地级市中率先突破2500亿元,"
        "固定资产投资增长8%。",
        [
            ("地区生产总值", "growth", "=", "6.5"),
            ("地区生产总值", "level", ">", "2500"),
            ("固定资产投资", "growth", "=", "8"),
        ],
    ),
    (
        "a sentence restating the one before counts what it named",
        "2022年,全区生产总值站上了900亿元的台阶。\n即,2019年突破700亿,2022年突破900亿。",
        [
            ("地区生产总值", "level", ">", "700"),
            ("地区生产总值", "level", ">", "900"),
        ],
    ),
    (
        "a first place in the province is the place's own figure",
        "2022年,全市技术合同成交额在全省率先突破60亿元。",
        [("技术合同成交额", "level", ">", "60")],
    ),
    (
        "a counting qualifier between the alias and its figure",
        "2022年,全县税收收入扣除退税因素后增长3.8%。",
        [("税收收入", "growth", "=", "3.8")],
    ),
    (
        "bare 出口 and 进口 are the catalog's totals",
        "2022年,全市出口增长9.4%,进口下降2.1%。",
        [
            ("出口总额", "growth", "=", "9.4"),
            ("进口总额", "growth", "=", "-2.1"),
        ],
    ),
    (
        "a share moved 提升至 is the share's level",
        "2022年,全社会研发经费投入96.2亿元,占地区生产总值比重提升至3.14%。",
        [("研发投入强度", "level", "=", "3.14")],
    ),
    (
        "a counting qualifier is not the name",
        "2022年,一般公共预算收入48.6亿元,扣除减税降费因素后同口径增长4.9%。",
        [
            ("一般公共预算收入", "level", "=", "48.6"),
            ("一般公共预算收入", "growth", "=", "4.9"),
        ],
    ),
    (
        "a size class before the counted noun is not the whole stock",
        "2022年,全区拥有高新技术企业215家,其中营收超亿元工业高新技术企业28家。",
        [
            ("高新技术企业数", "level", "=", "215"),
            ("营收超亿元工业高新技术企业数", "level", "=", "28"),
        ],
    ),
    (
        "入库备案 is the register's stock, like 入库",
        "2022年,全县入库备案科技型中小企业265家。",
        [("科技型中小企业数", "level", "=", "265")],
    ),
    (
        "an adverb before the verb of a from-to span",
        "2022年,全县科技型中小企业数量由86家跃攀升至203家。",
        [
            ("科技型中小企业数", "level", "=", "86"),
            ("科技型中小企业数", "level", "=", "203"),
        ],
    ),
    (
        "稳居在 names nothing",
        "2022年,全县研发投入强度稳居在2.6%以上。",
        [("研发投入强度", "level", ">=", "2.6")],
    ),
    (
        "the field a figure is counted in, once",
        "2022年,全年共在新能源领域引进项目31个。",
        [("新能源领域引进项目数", "increase", "=", "31")],
    ),
    (
        "a name keeps no verb of its figure",
        "2022年,全县星级农家乐发展到23家。",
        [("星级农家乐数", "level", "=", "23")],
    ),
    (
        "a share moved from one level to another: both are levels",
        "2022年,全县高端装备产业占比由31.4%提升至36.2%。",
        [
            ("高端装备产业占比", "level", "=", "31.4"),
            ("高端装备产业占比", "level", "=", "36.2"),
        ],
    ),
    (
        "a price rise that falls back to a level",
        "2022年,全县居民消费价格涨幅回落到1.6%。",
        [("居民消费价格涨幅", "level", "=", "1.6")],
    ),
    (
        "a joiner after the counted noun is not part of its name",
        "2022年,建成2个省级现代农业园区和5个市级现代农业园区。",
        [("省级现代农业园区数", "level", "=", "2")],
    ),
    (
        "units newly recognised as what they are counted as",
        "2022年,全县有2家单位获批省级工程技术研究中心,6家企业入选省级专精特新中小企业。",
        [
            ("省级工程技术研究中心数", "increase", "=", "2"),
            ("省级专精特新中小企业数", "increase", "=", "6"),
        ],
    ),
    (
        "高新技术企业保有量 is the stock of 高新技术企业",
        "2022年,全市高新技术企业保有量达到362家。",
        [("高新技术企业数", "level", "=", "362")],
    ),
]


def _row(r):
    return (r.indicator, r.measure, r.comparator, r.value)


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_batch_mn_kinds(text, expected):
    got = [_row(r) for r in extract(text, "kinds.txt").records]
    for ind, measure, comp, value in expected:
        want = (ind, measure, comp, Decimal(value))
        assert want in got, f"{want} not in {got}"
    assert not [g for g in got if g[0].endswith("-")], got


NOT_RECORDS = [
    (
        "a kind of services is not 服务业增加值",
        "2022年,全市现代服务业增加值增长5.7%。",
        "服务业增加值",
    ),
    (
        "the move of a rate against an earlier quarter",
        "1-8月,全市固定资产投资同比增长6.2%、较上半年提高0.9个百分点。",
        "固定资产投资",
    ),
]


@pytest.mark.parametrize(
    ("text", "indicator"), [c[1:] for c in NOT_RECORDS], ids=[c[0] for c in NOT_RECORDS]
)
def test_batch_mn_not_records(text, indicator):
    records = extract(text, "kinds.txt").records
    assert not [r for r in records if r.indicator == indicator and r.unit != "%"], (
        records
    )
    assert not [r for r in records if r.unit == "个百分点"], records
    if indicator == "服务业增加值":
        assert not [r for r in records if r.indicator == indicator], records


@pytest.mark.parametrize(
    ("figure", "value"),
    [
        ("近万亿元", "1000000000000"),
        ("超千亿元", "100000000000"),
        ("突破五百亿", "50000000000"),
    ],
)
def test_round_magnitudes_after_a_bound(figure, value):
    text = "2022年,全市技术合同成交额" + figure + "。"
    found = [r.norm_value for r in extract(text, "x.txt").records]
    assert found == [Decimal(value)]


def test_bare_magnitude_alone_is_no_number():
    assert parse_quantity("万亿元") is None
    assert not extract("打造千亿级产业集群,撬动数万亿元资金。", "x.txt").records


@pytest.mark.parametrize(
    "text",
    [
        "2021年全县8项主要预期目标中,除能耗下降幅度等2项暂无数据外,其余6项均好于序时进度。",
        "2021年,全县15项指标达到或超过预期,4项指标未达预期。",
        "上半年外贸进出口总额完成210亿元,完成全年预期目标(增长5%左右)的55.3%。",
        "全县上下深入学习贯彻市委五届四次、五次全会精神。",
    ],
    ids=["goals counted", "indicators counted", "completion rate", "session numbers"],
)
def test_batch_mn_counts_that_are_no_indicator(text):
    records = extract(text, "kinds.txt").records
    assert not [r for r in records if r.unit in ("项", "次")], records
    assert not [r for r in records if r.value == Decimal("55.3")], records
