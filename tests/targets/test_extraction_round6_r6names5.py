"""Round 6 (r6names5): round marks crossed before the exact amount, 累计 as a
stock, a bound after the last figure of a 分别 pair, a growth after a name the
catalog lacks, and two clauses glued without punctuation."""

import pytest

from targets.extraction import extract


def _records(text: str):
    return extract(text, "r6names5.txt").records


def _rows(records):
    return [(r.indicator, r.measure, r.comparator, str(r.value)) for r in records]


# Round marks crossed (in turn, or one of them) right before the exact amount
# of the next clause: the marks are no records, the amount is the figure.
MARKS = [
    (
        "2022年,全县税收收入连续跨越20亿、25亿两个台阶,完成26.8亿元,增长9%。",
        [("税收收入", "level", "=", "26.8"), ("税收收入", "growth", "=", "9")],
    ),
    (
        "2021年,全市一般公共预算收入先后突破40亿元、50亿元两个关口,实现52.3亿元。",
        [("一般公共预算收入", "level", "=", "52.3")],
    ),
    (
        "2020年,全区财政总收入跨越100亿关口,达到103.5亿元。",
        [("财政总收入", "level", "=", "103.5")],
    ),
    (
        "2023年,全县社会消费品零售总额突破60亿,完成61.2亿元,增长7%。",
        [
            ("社会消费品零售总额", "level", "=", "61.2"),
            ("社会消费品零售总额", "growth", "=", "7"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), MARKS)
def test_marks_crossed_before_the_amount_are_no_records(text, expected):
    assert _rows(_records(text)) == expected


# Negative: a mark crossed with no exact amount after it is the figure itself.
def test_a_mark_alone_is_the_figure():
    rows = _rows(_records("2022年,全市一般公共预算收入增长6%,首次突破30亿元。"))
    assert ("一般公共预算收入", "level", ">", "30") in rows


# 累计 before an increase verb (累计培育, 累计引进, 累计认定): the stock to date.
CUMULATIVE = [
    ("截至年底,全县累计培育高新技术企业75家。", "高新技术企业数", "level"),
    ("2023年,全市累计认定科技型中小企业410家。", "科技型中小企业数", "level"),
    ("截至目前,全区累计引进高层次人才96名。", "引进高层次人才数", "level"),
    # Negative: the additions of the period stay an increase.
    ("2023年,全市新增高新技术企业30家。", "高新技术企业数", "increase"),
]


@pytest.mark.parametrize(("text", "name", "measure"), CUMULATIVE)
def test_cumulative_additions_are_a_level(text, name, measure):
    rows = [(r.indicator, r.measure) for r in _records(text)]
    assert rows == [(name, measure)]


# A bound (以上, 以内) after the last figure of a 分别 pair is that figure's own;
# an approximation (左右) still goes to both.
RESPECTIVELY = [
    (
        "今年主要预期目标是:城乡居民人均可支配收入分别增长7%和7.5%以上。",
        ["=", ">="],
    ),
    (
        "今年主要预期目标是:城镇、农村居民人均可支配收入分别增长5.5%、6%以上。",
        ["=", ">="],
    ),
    (
        "今年主要预期目标是:城乡居民人均可支配收入分别增长6%和6.5%左右。",
        ["~", "~"],
    ),
]


@pytest.mark.parametrize(("text", "comparators"), RESPECTIVELY)
def test_bound_after_a_respectively_pair_stays_with_the_last(text, comparators):
    records = _records(text)
    assert [r.comparator for r in records] == comparators
    assert [r.indicator for r in records] == [
        "城镇居民人均可支配收入",
        "农村居民人均可支配收入",
    ]


# A growth after a name the catalog lacks keeps that name, never the catalog
# name of the clause group before.
def test_growth_after_a_name_outside_the_catalog_keeps_it():
    text = (
        "2023年,全市社会消费品零售总额实现120亿元,增长8.2%;"
        "建筑业总产值达到80亿元,增长9.5%;城镇居民人均可支配收入达到35000元,增长6%。"
    )
    rows = [(r.indicator, r.measure, str(r.value)) for r in _records(text)]
    assert ("社会消费品零售总额", "growth", "9.5") not in rows
    assert rows[3] == ("建筑业总产值", "growth", "9.5")


# Two clauses glued with no punctuation (增长4.8%规上工业…增长7.4%): the first
# figure is kept; a rate in a rule (按20%给予) is still none.
GLUED = [
    (
        "2022年,全市地区生产总值增长5.1%规上工业增加值增长6.3%。",
        [("地区生产总值", "5.1"), ("规模以上工业增加值", "6.3")],
    ),
    (
        "2023年,全县固定资产投资增长9.1%社会消费品零售总额达到120亿元。",
        [("固定资产投资", "9.1"), ("社会消费品零售总额", "120")],
    ),
    (
        "2021年,全区一般公共预算收入增长4%、并首次突破15亿元大关。",
        [("一般公共预算收入", "4"), ("一般公共预算收入", "15")],
    ),
    ("对企业按研发费用的20%给予补助。", []),
]


@pytest.mark.parametrize(("text", "expected"), GLUED)
def test_glued_clauses_keep_both_figures(text, expected):
    rows = [(r.indicator, str(r.value)) for r in _records(text)]
    assert rows == expected


# Names built from fragments: a bare number after an income counted in 元, a
# verb inside the name, a turn of the growth rate, a synonym of the catalog.
FRAGMENTS = [
    (
        "2022年,全县城镇居民人均可支配收入完成31250,增长6.1%。",
        [("城镇居民人均可支配收入", "level"), ("城镇居民人均可支配收入", "growth")],
    ),
    (
        "2021年,全市技术市场实现交易额2.6亿元,同比增长18%。",
        [("技术合同成交额", "level"), ("技术合同成交额", "growth")],
    ),
    (
        "2020年,全县规上工业增加值增长2.4%,增速由一季度的-9.8%转为增长2.4%。",
        [("规模以上工业增加值", "growth"), ("规模以上工业增加值", "growth")],
    ),
    (
        "2022年,全市地区生产总值增长3%(增速由上半年-2.1%转为增长3%)。",
        [("地区生产总值", "growth"), ("地区生产总值", "growth")],
    ),
    ("2022年末,全市城市化率达到58.4%。", [("常住人口城镇化率", "level")]),
    # Negative: a bare small number after an income is no amount of it.
    ("2022年,全县城镇居民人均可支配收入排名第3。", []),
]


@pytest.mark.parametrize(("text", "expected"), FRAGMENTS)
def test_names_built_from_fragments_reach_the_catalog(text, expected):
    rows = [(r.indicator, r.measure) for r in _records(text) if r.indicator_code]
    assert rows == expected
