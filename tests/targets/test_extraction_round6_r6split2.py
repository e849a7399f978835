"""Round 6 (second pass), target or actual: a paragraph that says what its
year is (2024年是…) in a review-and-plan text, the statistics' first count
(初步统计) in a plan's text, a target list whose label carries pinyin
glosses. Each row is a text written for this test (no corpus sentence,
place or number). Also: 力促/力推 aiming at a figure, a goal quoted back beside
its result (低于4%的全年调控目标), and a look back over years (连续三年超过8%)
that reaches a later year."""

from __future__ import annotations

import pytest

from targets.extraction import extract
from tests.targets.extraction_rows import catalog_kinds, kinds

# (case, text, [(kind, indicator, value)]) — every catalog record of the text.
KINDS = [
    # A work meeting's news: the paragraph opened by the coming year plans.
    (
        "2024年是… opens the plan; 要 in a later sentence stays a target",
        "北城区科技工作会议召开\n\n2024年03月02日\n\n"
        "记者从全区科技工作会议上获悉,去年北城区新认定高新技术企业42家,"
        "技术合同成交额达到5.6亿元。\n\n"
        "会议强调,2024年是实现“十四五”规划目标任务的关键一年,要加快科技成果转化,"
        "全年技术合同成交额达到7亿元。要强化企业主体地位,新认定高新技术企业50家。\n",
        [
            ("actual", "高新技术企业数", "42"),
            ("actual", "技术合同成交额", "5.6"),
            ("target", "技术合同成交额", "7"),
            ("target", "高新技术企业数", "50"),
        ],
    ),
    (
        "a speaker's 2025年是… with 要 in the same sentence",
        "西岭县召开经济工作会议\n\n2025年01月12日\n\n"
        "记者从全县经济工作会议上获悉,去年全县地区生产总值增长5.8%。\n\n"
        "王县长说,2025年是“十四五”规划收官之年,各乡镇要坚定信心,"
        "培育规模以上工业企业20家,全年固定资产投资增长8%。\n",
        [
            ("actual", "地区生产总值", "5.8"),
            ("target", "规模以上工业企业数", "20"),
            ("target", "固定资产投资", "8"),
        ],
    ),
    # Negative: the paragraph names the year under review, it reports.
    (
        "2024年是极不平凡的一年 opens a review: actuals",
        "西岭县召开经济工作会议\n\n2025年01月12日\n\n"
        "记者从全县经济工作会议上获悉,去年全县地区生产总值增长5.8%。\n\n"
        "会议指出,2024年是极不平凡的一年,全县新增规模以上工业企业18家,"
        "固定资产投资增长6.5%。\n",
        [
            ("actual", "地区生产总值", "5.8"),
            ("actual", "规模以上工业企业数", "18"),
            ("actual", "固定资产投资", "6.5"),
        ],
    ),
    # A congress's news lists the report's parts, then reviews last year.
    (
        "the review paragraph after an outline that names the new year",
        "1月8日上午,东江市第九届人民代表大会第三次会议在市会展中心开幕。\n"
        "会议号召,坚定信心、奋勇争先,在建设现代化新东江的征程上阔步前进。\n\n"
        "会上,市长代表市政府作政府工作报告。\n报告分为三部分:\n"
        "一、2023年工作回顾;\n二、全力做好2024年工作;\n"
        "三、以群众满意为目标,建设人民满意政府。\n"
        "报告指出,2023年是全面贯彻党的二十大精神的开局之年。一年来,我们坚持稳中求进"
        "工作总基调,扎实推进各项工作,全市经济运行稳中向好、进中提质。\n"
        "初步统计,全市地区生产总值预计完成1860亿元,增长6.2%;社会消费品零售总额"
        "712亿元,增长5.1%;固定资产投资增长3.4%。\n",
        [
            ("actual", "地区生产总值", "1860"),
            ("actual", "地区生产总值", "6.2"),
            ("actual", "社会消费品零售总额", "712"),
            ("actual", "社会消费品零售总额", "5.1"),
            ("actual", "固定资产投资", "3.4"),
        ],
    ),
    (
        "初步统计 after the outline, with no year-opening paragraph",
        "1月8日上午,东江市第九届人民代表大会第三次会议在市会展中心开幕。\n"
        "会议号召,坚定信心、奋勇争先,在建设现代化新东江的征程上阔步前进。\n\n"
        "会上,市长代表市政府作政府工作报告。\n报告分为三部分:\n"
        "一、2023年工作回顾;\n二、全力做好2024年工作;\n"
        "三、以群众满意为目标,建设人民满意政府。\n"
        "报告指出,全市上下团结奋斗,扎实推进各项工作,经济社会发展取得新成效,"
        "为今年工作打下了坚实基础。\n"
        "初步统计,全市地区生产总值预计完成1860亿元,增长6.2%。\n",
        [
            ("actual", "地区生产总值", "1860"),
            ("actual", "地区生产总值", "6.2"),
        ],
    ),
    # A target list whose label's glosses stand before its colon.
    (
        "a glossed 主要預期目標是: list goes on past a stray 。",
        "政府工作报告提出:雪城今年经济社会发展预期目标\n\n"
        "市长在政府工作报告中回顾了2023年工作,全市地区生产总值增长5.2%。\n"
        "經(jīng)濟社會發(fā)展的主要預(yù)期目標是:地區生產總值增長6%;"
        "人口自然增長率控制在5%,。以內;城鎮居民人均可支配收入實際增長6.5%。\n",
        [
            ("actual", "地区生产总值", "5.2"),
            ("target", "地区生产总值", "6"),
            ("target", "人口自然增长率", "5"),
            ("target", "城镇居民人均可支配收入", "6.5"),
        ],
    ),
    # 力促/力推 + a figure in its clause: a verb of aiming at it.
    (
        "力促 before a growth figure is a goal",
        "南岭市委书记访谈\n\n今年全市重点抓实体经济发展,力促规上工业增加值增长7.5%。\n",
        [("target", "规模以上工业增加值", "7.5")],
    ),
    (
        "力推 before a growth figure is a goal",
        "南岭市委书记访谈\n\n今年全市突出扩大有效投资,力推固定资产投资增长9%。\n",
        [("target", "固定资产投资", "9")],
    ),
    (
        "大力推进 names no goal: the figure after it reports",
        "南岭市经济运行情况\n\n全年全市大力推进项目建设,固定资产投资增长9%。\n",
        [("actual", "固定资产投资", "9")],
    ),
    # A goal quoted back beside its result in a bulletin.
    (
        "低于4%的全年调控目标 after the result",
        "东江市2023年国民经济和社会发展统计公报\n\n"
        "年末城镇登记失业率为2.8%,低于4%的全年调控目标。\n",
        [
            ("actual", "城镇登记失业率", "2.8"),
            ("target", "城镇登记失业率", "4"),
        ],
    ),
    (
        "低于3%的年度控制目标 after a price rise",
        "东江市2023年国民经济和社会发展统计公报\n\n"
        "全年居民消费价格上涨1.9%,低于3%的年度控制目标。\n",
        [
            ("actual", "居民消费价格涨幅", "1.9"),
            ("target", "居民消费价格涨幅", "3"),
        ],
    ),
    (
        "实现低于5.5%的…目标 says the goal was met: no record for it",
        "东江市2022年工作总结\n\n"
        "全年城镇新增就业3.2万人,城镇调查失业率实现低于5.5%的宏观调控目标。\n",
        [("actual", "城镇新增就业", "32000")],
    ),
]


# (case, text, [(kind, value)]) — every record of the text, catalog or not.
ALL_KINDS = [
    (
        "回顾…以来 and 连续三年 over a plan period: a result",
        "东江市2024年工作总结\n\n"
        "回顾“十四五”时期以来,全市固定资产投资增速连续三年超过8%,排全省第3位。\n",
        [("actual", "8")],
    ),
    (
        "连续四年 in a plan period: a result",
        "东江市2024年工作总结\n\n“十四五”时期,全市规上工业增加值连续四年增长10%以上。\n",
        [("actual", "10")],
    ),
    (
        "力争 in the same plan period stays a goal",
        "东江市2024年工作总结\n\n“十四五”时期,全市规上工业增加值力争年均增长10%以上。\n",
        [("target", "10")],
    ),
]


@pytest.mark.parametrize("case,text,expected", ALL_KINDS, ids=[k[0] for k in ALL_KINDS])
def test_kind_of_every_record(case: str, text: str, expected: list) -> None:
    got = [(r.kind, str(r.value)) for r in extract(text, "t.txt").records]
    assert got == expected


@pytest.mark.parametrize("case,text,expected", KINDS, ids=[k[0] for k in KINDS])
def test_target_or_actual(case: str, text: str, expected: list) -> None:
    assert catalog_kinds(text) == kinds(expected)


# (case, text, [(indicator, value, stretch)]) — every catalog target of the text.
STRETCH = [
    (
        "a 力争 after a figure of its own is its second tier only",
        "东江市2024年政府工作报告摘要\n\n今年全市经济社会发展主要预期目标:地区生产总值"
        "增长6%、力争达到6.5%,一般公共预算收入增长5%,固定资产投资增长8%。\n",
        [
            ("地区生产总值", "6", False),
            ("地区生产总值", "6.5", True),
            ("一般公共预算收入", "5", False),
            ("固定资产投资", "8", False),
        ],
    ),
    (
        "争取 as the second tier of 左右",
        "东江市2024年政府工作报告摘要\n\n"
        "今年主要预期目标:社会消费品零售总额增长7%左右、争取8%,进出口总额增长5%。\n",
        [
            ("社会消费品零售总额", "7", False),
            ("社会消费品零售总额", "8", True),
            ("进出口总额", "5", False),
        ],
    ),
    # Negative: a 力争 heading the list still reaches every item of its group.
    (
        "a head 力争 carries to the items after it",
        "东江市2024年政府工作报告摘要\n\n今年主要目标:力争地区生产总值增长6.5%,"
        "一般公共预算收入增长5%,固定资产投资增长8%。\n",
        [
            ("地区生产总值", "6.5", True),
            ("一般公共预算收入", "5", True),
            ("固定资产投资", "8", True),
        ],
    ),
    (
        "努力目标为: names the main list, no stretch on any item",
        "建议2024年全县经济社会发展的努力目标为:全县生产总值增长6.5%;"
        "固定资产投资增长9%以上;一般公共预算收入增长6%以上。\n",
        [
            ("地区生产总值", "6.5", False),
            ("固定资产投资", "9", False),
            ("一般公共预算收入", "6", False),
        ],
    ),
]


@pytest.mark.parametrize("case,text,expected", STRETCH, ids=[k[0] for k in STRETCH])
def test_stretch_scope(case: str, text: str, expected: list) -> None:
    got = [
        (r.indicator, str(r.value), r.stretch)
        for r in extract(text, "t.txt").records
        if r.indicator_code and r.kind == "target"
    ]
    assert got == expected
