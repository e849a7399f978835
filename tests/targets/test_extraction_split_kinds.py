"""Issue 11 kinds of batch J, each as a table of sentences written for this test
(no corpus or seed sentence): where a review stops and a plan starts inside one
text, figures that are no records of the indicator, the scope of 预计(下同), and
figures worded so that they were missed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from targets.extraction import extract

# (kind, indicator, measure, comparator, value, estimate)
CASES = [
    (
        "a heading of effort in news about a work report opens its plan",
        "衡阳市政府工作报告发布 今年怎么干\n"
        "3月10日上午,衡阳市人民代表大会开幕,市长作政府工作报告。2024年衡阳怎么干?\n"
        "【关键词1:经济增长】衡阳今年地区生产总值增长6%以上\n"
        "报告提到,主要预期目标是:地区生产总值增长6%以上,一般公共预算收入增长5%。\n"
        "【关键词2:科技创新】着力建设区域科创高地,走好创新发展之路\n"
        "新增国家高新技术企业60家以上、科技型中小企业200家以上。",
        [
            ("target", "高新技术企业数", "increase", ">=", "60", False),
            ("target", "科技型中小企业数", "increase", ">=", "200", False),
        ],
    ),
    (
        "a review heading keeps headings of effort under it in the review",
        "衡阳市政府工作报告\n一、2023年工作回顾\n(一)全力以赴稳增长,经济保持平稳运行\n"
        "全市新增高新技术企业80家。\n二、2024年工作安排\n"
        "全市新增高新技术企业100家。",
        [
            ("actual", "高新技术企业数", "increase", "=", "80", False),
            ("target", "高新技术企业数", "increase", "=", "100", False),
        ],
    ),
    (
        "review figures before 报告又提出今(2024)年…预期目标 are last year's",
        "衡阳市人民代表大会昨日开幕\n报告指出,2023年,衡阳市地区生产总值为4100亿元"
        "(人民币,下同)、增长4.5%,一般公共预算收入160亿元、增长8%。此外,规模以上"
        "工业增加值增长6%。报告又提出今(2024)年经济社会发展的各项预期目标,包括预期"
        "今年地区生产总值增长6%,固定资产投资增长5%,外贸进出口总额增长3%等。",
        [
            ("actual", "地区生产总值", "level", "=", "4100", False),
            ("actual", "地区生产总值", "growth", "=", "4.5", False),
            ("actual", "一般公共预算收入", "growth", "=", "8", False),
            ("target", "地区生产总值", "growth", "=", "6", False),
            ("target", "进出口总额", "growth", "=", "3", False),
        ],
    ),
    (
        "回顾去年工作 frames the year it names as the one reviewed",
        "衡阳市人民代表大会昨日开幕\n市长在报告中回顾去年工作时指出,2023年,"
        "全市地区生产总值4100亿元、增长4.5%。",
        [
            ("actual", "地区生产总值", "level", "=", "4100", False),
            ("actual", "地区生产总值", "growth", "=", "4.5", False),
        ],
    ),
    (
        "a part of last year in a plan's text is a result",
        "衡阳市2025年经济社会发展主要预期目标\n消费仍然偏弱,去年首11个月社会消费品"
        "零售总额按年跌2.1%。今年社会消费品零售总额增长5%左右。",
        [
            ("actual", "社会消费品零售总额", "growth", "=", "-2.1", False),
            ("target", "社会消费品零售总额", "growth", "~", "5", False),
        ],
    ),
    (
        "预计(下同) covers every later figure of the paragraph",
        "衡阳市2023年工作总结\n过去一年,我们顶住了压力。预计(下同)全年完成GDP900亿元,"
        "增长5%;地方税收收入增长10%;固定资产投资增长4%。",
        [
            ("actual", "地区生产总值", "level", "=", "900", True),
            ("actual", "地区生产总值", "growth", "=", "5", True),
            ("actual", "税收收入", "growth", "=", "10", True),
            ("actual", "固定资产投资", "growth", "=", "4", True),
        ],
    ),
    (
        "实现5.2%的成长: the growth named after the figure",
        "衡阳市2023年工作总结\n2023年全市GDP实现5.2%的成长,总量约4100亿元。",
        [("actual", "地区生产总值", "growth", "=", "5.2", False)],
    ),
    (
        "Traditional 成長 and a list closed by 等",
        "衡陽市2024年經濟社會發展目標\n2023年全市GDP實現5.2%的成長。今年的目標是:地區生產總值"
        "增長6%,外貿進出口總額增長3%等。",
        [
            ("actual", "地区生产总值", "growth", "=", "5.2", False),
            ("target", "进出口总额", "growth", "=", "3", False),
        ],
    ),
    (
        "降幅为 is a fall",
        "衡阳市2024年工作总结\n2024年,全市单位地区生产总值能耗降幅为4%左右。",
        [("actual", "单位地区生产总值能耗", "growth", "~", "-4", False)],
    ),
    (
        "双双突破 gives the figure to each of two indicators",
        "衡阳市科技局2023年工作总结\n2023年,全市高新技术企业和科技型中小企业"
        "双双突破800家。",
        [
            ("actual", "高新技术企业数", "level", ">", "800", False),
            ("actual", "科技型中小企业数", "level", ">", "800", False),
        ],
    ),
    (
        "突破人民币… after a growth is the level of the same indicator",
        "衡阳市2023年工作总结\n2023年,全市一般公共预算收入增长8.2%、突破人民币300亿元,"
        "城镇调查失业率4.5%。",
        [
            ("actual", "一般公共预算收入", "growth", "=", "8.2", False),
            ("actual", "一般公共预算收入", "level", ">", "300", False),
        ],
    ),
]


def _row(r):
    return (r.kind, r.indicator, r.measure, r.comparator, r.value, r.estimate)


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_split_kinds(text, expected):
    got = [_row(r) for r in extract(text, "kinds.txt").records]
    for kind, indicator, measure, comparator, value, estimate in expected:
        want = (kind, indicator, measure, comparator, Decimal(value), estimate)
        assert want in got, f"{want} not in {got}"


def test_review_figures_take_the_year_reviewed():
    text = CASES[2][1]
    records = extract(text, "kinds.txt").records
    dated = [r for r in records if r.kind == "actual" and r.start < text.index("此外")]
    assert len(dated) == 4
    assert {r.period for r in dated} == {"2023"}, records


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        (
            "衡阳市2023年国民经济运行情况\n2023年全市城镇调查失业率5.1%。"
            "中国大陆去年全年城镇调查失业率平均值为5.2%。",
            "城镇调查失业率",
        ),
        (
            "衡阳市1-7月经济运行情况\n1-7月全市社会消费品零售总额增长3.2%,"
            "增速较上半年提高0.2个百分点。",
            "社会消费品零售总额",
        ),
        (
            "衡阳市1-11月经济运行情况\n1-11月全市社会消费品零售总额下降2.8%,"
            "跌幅比首10月扩大1.3个百分点。",
            "社会消费品零售总额",
        ),
    ],
    ids=["national figure", "gap to the half year", "gap to ten months"],
)
def test_no_record_of_the_indicator(text, indicator):
    records = extract(text, "kinds.txt").records
    ours = [r for r in records if r.indicator == indicator]
    assert len(ours) == 1, records
    assert ours[0].value in (Decimal("5.1"), Decimal("3.2"), Decimal("-2.8"))
    assert not [r for r in records if r.measure == "change_pp"], records
