"""Issue 11 kinds, each as a table of sentences written for this test (no corpus
or seed sentence): last year's results in news about a work report, headlines
stating a target, dates and ranks, list-final qualifiers and 分别 names,
contributions and parts of a total, long mixed lists."""

from __future__ import annotations

from decimal import Decimal

import pytest

from targets.extraction import extract

# (kind, indicator, measure, comparator, value, period)
CASES = [
    (
        "过去一年 in a plan's text is last year's result",
        "柳州市2024年经济社会发展主要预期目标发布\n过去一年,全市地区生产总值增长4.3%。"
        "一般公共预算收入增长9.1%。\n今年全市地区生产总值增长5.5%左右。",
        [
            ("actual", "地区生产总值", "growth", "=", "4.3", "2023"),
            ("actual", "一般公共预算收入", "growth", "=", "9.1", "2023"),
            ("target", "地区生产总值", "growth", "~", "5.5", "2024"),
        ],
    ),
    (
        "去年 result next to 今年 goal",
        "柳州市2024年工作计划\n去年全市技术合同成交额达到50亿元,今年力争达到60亿元。",
        [
            ("actual", "技术合同成交额", "level", "=", "50", "2023"),
            ("target", "技术合同成交额", "level", "=", "60", "2024"),
        ],
    ),
    (
        "a byline date sets no section year",
        "梧州两会:2023年多项指标向好,2024年GDP目标定为6%\n记者 王明 2024-01-27\n"
        "报告显示,2023年全市地区生产总值增长4.1%。\n值得一提的是,全市旅游总收入增长20.5%。",
        [("actual", "旅游总收入", "growth", "=", "20.5", "2023")],
    ),
    (
        "a headline stating the year's goal",
        "陕西省:今年GDP增长5.5%左右\n来源:陕西日报 2024-01-26\n"
        "1月25日,陕西省人民代表大会开幕,省长作政府工作报告。"
        "报告显示,过去一年,全省地区生产总值增长4.3%。",
        [("target", "地区生产总值", "growth", "~", "5.5", "2024")],
    ),
    (
        "分别突破 scopes over every figure, each item its own name",
        "柳州市2024年工作总结\n2023年,全市汽车、机械、冶金三大产业产值分别突破2000亿元、"
        "800亿元、600亿元。",
        [
            ("actual", "汽车产业产值", "level", ">", "2000", "2023"),
            ("actual", "机械产业产值", "level", ">", "800", "2023"),
            ("actual", "冶金产业产值", "level", ">", "600", "2023"),
        ],
    ),
    (
        "a final 以上 scopes over a list of named figures",
        "柳州市2024年工作总结\n全年技术合同成交额50亿元、高新技术产业增加值300亿元、"
        "全社会研发经费投入80亿元以上。",
        [
            ("actual", "技术合同成交额", "level", ">=", "50", "2024"),
            ("actual", "高新技术产业增加值", "level", ">=", "300", "2024"),
            ("actual", "全社会研发经费投入", "level", ">=", "80", "2024"),
        ],
    ),
    (
        "a final 左右 after 分别",
        "柳州市2024年工作总结\n全市规上工业增加值、固定资产投资、社会消费品零售总额"
        "分别增长5%、6%和7%左右。",
        [
            ("actual", "规模以上工业增加值", "growth", "~", "5", "2024"),
            ("actual", "固定资产投资", "growth", "~", "6", "2024"),
            ("actual", "社会消费品零售总额", "growth", "~", "7", "2024"),
        ],
    ),
    (
        "four values, two shared heads",
        "柳州市2024年工作总结\n城镇、农村居民人均可支配收入和城镇、农村居民人均消费支出"
        "分别增长4.5%、6.5%、5%和7%。",
        [
            ("actual", "城镇居民人均可支配收入", "growth", "=", "4.5", "2024"),
            ("actual", "农村居民人均可支配收入", "growth", "=", "6.5", "2024"),
            ("actual", "城镇居民人均消费支出", "growth", "=", "5", "2024"),
            ("actual", "农村居民人均消费支出", "growth", "=", "7", "2024"),
        ],
    ),
    (
        "four values with mixed separators",
        "柳州市2024年工作总结\n全市地区生产总值、规上工业增加值、固定资产投资、"
        "社会消费品零售总额分别增长5.1%、6.2%,3.3%、4.4%。",
        [
            ("actual", "地区生产总值", "growth", "=", "5.1", "2024"),
            ("actual", "规模以上工业增加值", "growth", "=", "6.2", "2024"),
            ("actual", "固定资产投资", "growth", "=", "3.3", "2024"),
            ("actual", "社会消费品零售总额", "growth", "=", "4.4", "2024"),
        ],
    ),
    (
        "an item with its own verb keeps its own qualifier",
        "柳州市2025年工作要点\n一般公共预算收入增长4%、进出口总额增长5%左右。",
        [
            ("target", "一般公共预算收入", "growth", "=", "4", "2025"),
            ("target", "进出口总额", "growth", "~", "5", "2025"),
        ],
    ),
    (
        "A和B均 + one figure: the figure is every item's",
        "柳州市2025年工作要点\n3、城镇居民人均可支配收入和农民人均纯收入均增长7%。\n"
        "4、高新技术企业、科技型中小企业均突破800家。",
        [
            ("target", "城镇居民人均可支配收入", "growth", "=", "7", "2025"),
            ("target", "农村居民人均可支配收入", "growth", "=", "7", "2025"),
            ("target", "高新技术企业数", "level", ">", "800", "2025"),
            ("target", "科技型中小企业数", "level", ">", "800", "2025"),
        ],
    ),
]


def test_a_shared_figure_is_not_split_on_per_head_words():
    # 人均 and 年均 are no 均 of a list; a name that is not the catalog's stays one.
    text = (
        "柳州市2025年工作要点\n居民人均可支配收入年均增长6%;科技成果和专利均增长10%。"
    )
    got = [(r.indicator, r.value) for r in extract(text, "kinds.txt").records]
    assert got[0] == ("居民人均可支配收入", Decimal("6"))
    assert len(got) == 2


def _row(r):
    return (r.kind, r.indicator, r.measure, r.comparator, r.value, r.period)


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_list_kinds(text, expected):
    got = [_row(r) for r in extract(text, "kinds.txt").records]
    for kind, indicator, measure, comparator, value, period in expected:
        want = (kind, indicator, measure, comparator, Decimal(value), period)
        if period is None:
            assert any(g[:5] == want[:5] for g in got), f"{want} not in {got}"
        else:
            assert want in got, f"{want} not in {got}"


@pytest.mark.parametrize(
    "text",
    [
        "柳州市2024年工作总结\n2024年1月30 来源:柳州日报",
        "柳州市2024年工作总结\n大会于2024年1月30日14:30召开。",
        "柳州市2024年工作总结\n全市综合排名上升2位,前移3个位次。",
        "柳州市2024年工作总结\n详见附件3。",
        "柳州市2024年工作总结\n工业拉动全市经济增长2.1个百分点。",
        "柳州市2024年工作总结\n规上工业增加值增长6%,拉动GDP增长1.5个百分点。",
        "柳州市2024年工作总结\n第三产业对GDP增长的贡献率达到60%。",
    ],
    ids=["date", "clock", "rank", "annex", "pull", "pull after", "contribution"],
)
def test_dates_ranks_and_contributions_are_no_indicator_figure(text):
    records = extract(text, "kinds.txt").records
    assert all(r.indicator == "规模以上工业增加值" for r in records), records


@pytest.mark.parametrize(
    ("text", "not_total"),
    [
        (
            "柳州市2024年工作总结\n全市一般公共预算收入150亿元;上级转移支付收入增长8%。",
            "一般公共预算收入",
        ),
        (
            "柳州市2024年工作总结\n全市一般公共预算收入、转移支付收入分别增长5%、8%。",
            "一般公共预算收入",
        ),
        (
            "柳州市2024年工作总结\n全市研发经费投入60亿元,高等院校研发经费投入增长12%。",
            "全社会研发经费投入",
        ),
    ],
    ids=["transfer", "transfer in a list", "university R&D"],
)
def test_a_part_is_not_the_total(text, not_total):
    records = extract(text, "kinds.txt").records
    assert records
    assert not [r for r in records if r.indicator == not_total and r.value in (8, 12)]
