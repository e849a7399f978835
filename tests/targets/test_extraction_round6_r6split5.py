"""Round 6 (r6split5): target or actual in reviews of past years, results told
with verbs of reaching, and sentences opening on the years to come."""

import pytest

from targets.extraction import extract
from tests.targets.extraction_rows import catalog_kinds, kinds

# A review of the years before a plan: a change from a dated base to a dated
# end (从2012年的A增长到2016年的B) reports both ends, and the block's other
# figures are results too.
FIVE_YEAR_REVIEWS = [
    (
        "2017年政府工作报告\n过去五年，全市一般公共预算收入从2012年的35.2亿元"
        "增长到2016年的58.6亿元，年均增长13.6%。\n"
        "今年的主要预期目标是：地区生产总值增长7%。\n",
        [
            ("actual", "一般公共预算收入", "35.2"),
            ("actual", "一般公共预算收入", "58.6"),
            ("actual", "一般公共预算收入", "13.6"),
            ("target", "地区生产总值", "7"),
        ],
    ),
    (
        "2022年政府工作报告\n过去五年，全市地区生产总值由2016年的900亿元跃升到"
        "2021年的1500亿元；财政总收入突破200亿元；高新技术企业达到320家。\n"
        "今年主要预期目标：地区生产总值增长6.5%左右。\n",
        [
            ("actual", "地区生产总值", "900"),
            ("actual", "地区生产总值", "1500"),
            ("actual", "财政总收入", "200"),
            ("actual", "高新技术企业数", "320"),
            ("target", "地区生产总值", "6.5"),
        ],
    ),
    (
        "某市2023年工作要点\n五年来，全市城镇居民人均可支配收入从2017年的31000元"
        "增加到2022年的43500元。\n2023年，地区生产总值增长6%。\n",
        [
            ("actual", "城镇居民人均可支配收入", "31000"),
            ("actual", "城镇居民人均可支配收入", "43500"),
            ("target", "地区生产总值", "6"),
        ],
    ),
    # Negative: a plan's own change to a later year, with 力争, is a goal at
    # its end (the base is the year before's level).
    (
        "某市2024年工作要点\n力争研发经费投入强度由2.1%提高到2.4%。\n",
        [
            ("actual", "研发投入强度", "2.1"),
            ("target", "研发投入强度", "2.4"),
        ],
    ),
]


@pytest.mark.parametrize("text,expected", FIVE_YEAR_REVIEWS)
def test_five_year_review_ends_are_actuals(text, expected):
    assert catalog_kinds(text) == kinds(expected)


# Results told with verbs of reaching (发展到, 完成…入库, 达) about a year that
# is over, with no modal: actuals, in a news story or a plan's review part.
RESULT_VERBS = [
    (
        "某县科技局2023年工作计划\n2022年，全县完成科技型中小企业入库55家，"
        "高新技术企业发展到17家。\n2023年，力争高新技术企业达到25家。\n",
        [
            ("actual", "科技型中小企业数", "55"),
            ("actual", "高新技术企业数", "17"),
            ("target", "高新技术企业数", "25"),
        ],
    ),
    (
        "2023年2月10日 新闻 去年，全市高新技术企业发展到320家，研发经费投入强度"
        "达到2.3%。今年，力争高新技术企业突破400家。\n",
        [
            ("actual", "高新技术企业数", "320"),
            ("actual", "研发投入强度", "2.3"),
            ("target", "高新技术企业数", "400"),
        ],
    ),
    (
        "某县2023年科技工作要点\n过去一年，全县高新技术企业发展到42家，"
        "研发经费投入强度达1.9%。\n2023年主要目标：高新技术企业达到50家。\n",
        [
            ("actual", "高新技术企业数", "42"),
            ("actual", "研发投入强度", "1.9"),
            ("target", "高新技术企业数", "50"),
        ],
    ),
    # Negative: the same verbs under a modal in a plan are goals.
    (
        "2024年工作要点：力争高新技术企业发展到40家，完成科技型中小企业入库100家，"
        "研发经费投入强度达2.5%。\n",
        [
            ("target", "高新技术企业数", "40"),
            ("target", "科技型中小企业数", "100"),
            ("target", "研发投入强度", "2.5"),
        ],
    ),
]


@pytest.mark.parametrize("text,expected", RESULT_VERBS)
def test_result_verbs_of_a_past_year_are_actuals(text, expected):
    assert catalog_kinds(text) == kinds(expected)


# A sentence opening on the years to come (今后五年,…, 未来三年,…) sets goals,
# even when it follows a review of the years before in the same paragraph.
YEARS_AHEAD = [
    (
        "2018年县委经济工作会议 五年来，全县高新技术企业由12家发展到45家。"
        "今后五年，高新技术企业发展到100家。\n",
        [
            ("actual", "高新技术企业数", "12"),
            ("actual", "高新技术企业数", "45"),
            ("target", "高新技术企业数", "100"),
        ],
    ),
    (
        "五年来，全区一般公共预算收入由18亿元增加到31亿元。"
        "未来三年，全区地区生产总值年均增长7%，研发经费投入强度达到2.6%。\n",
        [
            ("actual", "一般公共预算收入", "18"),
            ("actual", "一般公共预算收入", "31"),
            ("target", "地区生产总值", "7"),
            ("target", "研发投入强度", "2.6"),
        ],
    ),
    (
        "过去一年，全市高新技术企业达到210家。同时，今后一个时期，"
        "高新技术企业总数突破300家。\n",
        [
            ("actual", "高新技术企业数", "210"),
            ("target", "高新技术企业数", "300"),
        ],
    ),
    # In a plan's text, the years ahead after a look back stay goals.
    (
        "某市2017年重点工作安排\n五年来，全市高新技术企业由86家增加到230家。"
        "今后五年，全市高新技术企业突破500家。\n",
        [
            ("actual", "高新技术企业数", "86"),
            ("actual", "高新技术企业数", "230"),
            ("target", "高新技术企业数", "500"),
        ],
    ),
    # Negative: 今后五年 inside a review sentence opens nothing.
    (
        "五年来，全县高新技术企业发展到45家，为今后五年发展打下基础。\n",
        [("actual", "高新技术企业数", "45")],
    ),
]


@pytest.mark.parametrize("text,expected", YEARS_AHEAD)
def test_years_ahead_open_goals(text, expected):
    assert catalog_kinds(text) == kinds(expected)


# A result's gap to the year's goal (超过年度目标8家, 高于全年目标0.3个百分点)
# quotes no goal: the figures after it in the sentence stay results.
GAP_TO_GOAL = [
    (
        "2024年1月15日 新闻 2023年，全县新增高新技术企业12家，超过年度目标3家；"
        "技术合同成交额完成5.6亿元。\n",
        [
            ("actual", "高新技术企业数", "12"),
            ("actual", "技术合同成交额", "5.6"),
        ],
    ),
    (
        "全市科技工作综述\n2024年2月1日 2023年，全市研发经费投入强度达到2.4%，"
        "高于全年目标0.3个百分点；规模以上工业增加值增长7.1%。\n",
        [
            ("actual", "研发投入强度", "2.4"),
            ("actual", "规模以上工业增加值", "7.1"),
        ],
    ),
    (
        "2024年1月20日 新闻 2023年，全区高新技术企业总数达到86家，超年度目标6家，"
        "科技型中小企业入库210家。\n",
        [
            ("actual", "高新技术企业数", "86"),
            ("actual", "科技型中小企业数", "210"),
        ],
    ),
    # Negative: the year's goal quoted with its figure is still a goal.
    (
        "全市上半年经济运行情况\n2023年7月20日 上半年，全市地区生产总值增长5.8%，"
        "全年目标增长6%。\n",
        [
            ("actual", "地区生产总值", "5.8"),
            ("target", "地区生产总值", "6"),
        ],
    ),
]


@pytest.mark.parametrize("text,expected", GAP_TO_GOAL)
def test_gap_to_goal_quotes_no_goal(text, expected):
    assert catalog_kinds(text) == kinds(expected)


# A headline that sets a result against the goal (高于全年目标, 超额完成年度
# 目标任务, 完成年度目标的112%) names the goal as a measure: the page reports.
HEADLINES_AGAINST_GOAL = [
    (
        "上半年全市地区生产总值增长5.8%，高于全年目标0.3个百分点\n"
        "2023年7月20日 上半年，全市地区生产总值增长5.8%，"
        "规模以上工业增加值增长7.1%。\n",
        [
            ("actual", "地区生产总值", "5.8"),
            ("actual", "地区生产总值", "5.8"),
            ("actual", "规模以上工业增加值", "7.1"),
        ],
    ),
    (
        "我县超额完成年度目标任务\n2024年1月10日 2023年，全县高新技术企业达到64家，"
        "科技型中小企业入库150家。\n",
        [
            ("actual", "高新技术企业数", "64"),
            ("actual", "科技型中小企业数", "150"),
        ],
    ),
    (
        "全区技术合同成交额完成年度目标的112%\n2024年1月8日 2023年，全区技术合同成交额"
        "达到5.6亿元。\n",
        [("actual", "技术合同成交额", "5.6")],
    ),
    # Negative: a headline naming the year's goals is a plan.
    (
        "2024年全市科技工作目标\n高新技术企业达到650家，科技型中小企业入库1500家。\n",
        [
            ("target", "高新技术企业数", "650"),
            ("target", "科技型中小企业数", "1500"),
        ],
    ),
]


@pytest.mark.parametrize("text,expected", HEADLINES_AGAINST_GOAL)
def test_headline_against_goal_is_a_report(text, expected):
    assert catalog_kinds(text) == kinds(expected)


# A rate per year over the years up to now (过去五年,…年均增长8.6%) in a plan's
# review paragraph reports those years, like the other figures of the block.
RATES_OVER_PAST_YEARS = [
    (
        "某市2017年重点工作安排\n过去五年，全市地区生产总值年均增长8.6%，"
        "财政总收入突破300亿元。\n2017年，全市地区生产总值增长7.5%以上。\n",
        [
            ("actual", "地区生产总值", "8.6"),
            ("actual", "财政总收入", "300"),
            ("target", "地区生产总值", "7.5"),
        ],
    ),
    (
        "某县2021年工作要点\n五年来，全县一般公共预算收入年均增长9.3%，"
        "城镇居民人均可支配收入年均增长8.1%。\n2021年，一般公共预算收入增长6%。\n",
        [
            ("actual", "一般公共预算收入", "9.3"),
            ("actual", "城镇居民人均可支配收入", "8.1"),
            ("target", "一般公共预算收入", "6"),
        ],
    ),
    (
        "某区2019年工作计划\n过去三年，全区规模以上工业增加值年均增长10.2%。\n"
        "2019年，规模以上工业增加值增长8%。\n",
        [
            ("actual", "规模以上工业增加值", "10.2"),
            ("target", "规模以上工业增加值", "8"),
        ],
    ),
    (
        "2021年全市工作要点\n“十三五”时期，全市地区生产总值年均增长7.2%，"
        "高新技术企业由80家发展到260家。\n2021年，地区生产总值增长7%以上。\n",
        [
            ("actual", "地区生产总值", "7.2"),
            ("actual", "高新技术企业数", "80"),
            ("actual", "高新技术企业数", "260"),
            ("target", "地区生产总值", "7"),
        ],
    ),
    (
        "某县2021年工作计划\n“十三五”期间，全县一般公共预算收入年均增长11.5%。\n"
        "2021年，一般公共预算收入增长8%。\n",
        [
            ("actual", "一般公共预算收入", "11.5"),
            ("target", "一般公共预算收入", "8"),
        ],
    ),
    # Negative: a rate per year over the plan's own term is a goal.
    (
        "某市2021年工作要点\n“十四五”期间，全市地区生产总值年均增长6.5%左右。\n"
        "2021年，地区生产总值增长7%。\n",
        [
            ("target", "地区生产总值", "6.5"),
            ("target", "地区生产总值", "7"),
        ],
    ),
]


@pytest.mark.parametrize("text,expected", RATES_OVER_PAST_YEARS)
def test_rate_over_past_years_is_a_result(text, expected):
    assert catalog_kinds(text) == kinds(expected)


def test_rate_over_past_years_spans_the_years_before_the_plan():
    text = "某市2017年重点工作安排\n过去五年，全市地区生产总值年均增长8.6%。\n"
    (record,) = [r for r in extract(text, "t.txt").records if r.indicator_code]
    assert (record.kind, record.period) == ("actual", "2012-01/2016-12")


# 到2023年底,… on a page written before that year is over sets the year's
# goal; a page written after it (or 截至…年底) reports the count.
YEAR_END_DEADLINES = [
    (
        "我县科技创新工作综述\n2023-05-18 今年以来，全县高新技术企业发展到17家。"
        "到2023年底，高新技术企业发展到30家，研发经费投入强度达到2.2%。\n",
        [
            ("actual", "高新技术企业数", "17"),
            ("target", "高新技术企业数", "30"),
            ("target", "研发投入强度", "2.2"),
        ],
    ),
    (
        "全市上半年科技工作情况\n2024-07-10 上半年，全市新增高新技术企业40家。"
        "至2024年末，全市高新技术企业总数突破600家。\n",
        [
            ("actual", "高新技术企业数", "40"),
            ("target", "高新技术企业数", "600"),
        ],
    ),
    (
        "全区科技工作动态\n2022-03-02 到2022年底，全区技术合同成交额达到8亿元。\n",
        [("target", "技术合同成交额", "8")],
    ),
    # Negatives: the year is over when the page is written, or the count was
    # taken at that date.
    (
        "全县科技工作回顾\n2024-01-20 到2023年底，全县高新技术企业发展到30家。\n",
        [("actual", "高新技术企业数", "30")],
    ),
    (
        "我县科技工作综述\n2023-06-18 截至2023年5月底，全县高新技术企业发展到25家。\n",
        [("actual", "高新技术企业数", "25")],
    ),
]


@pytest.mark.parametrize("text,expected", YEAR_END_DEADLINES)
def test_year_end_deadline_before_it_is_a_goal(text, expected):
    assert catalog_kinds(text) == kinds(expected)


def test_year_end_goal_takes_the_year_not_the_span():
    text = (
        "全市上半年科技工作情况\n2024-07-10 上半年，全市新增高新技术企业40家。"
        "至2024年末，全市高新技术企业总数突破600家。\n"
    )
    records = [r for r in extract(text, "t.txt").records if r.indicator_code]
    assert [(r.kind, r.period) for r in records] == [
        ("actual", "2024-01/2024-06"),
        ("target", "2024"),
    ]
