"""Round 7, pass 2 (r7periods2): the year that opens a paragraph or a sentence
after a lead-in (会议指出,2024年…; 据统计:2023年…; 记者从统计局获悉,…) dates the
figures after it, as a year opening the paragraph with no lead-in does."""

from __future__ import annotations

import pytest

from targets.extraction import extract

LEAD_IN_ROWS = [
    (
        "meeting news: 会议指出, then the year, figures in the next sentence",
        (
            "2025年全县农业农村工作会议召开\n\n3月5日,2025年全县农业农村工作会议召开。"
            "会议总结2024年工作,安排部署2025年重点任务。\n\n"
            "会议指出,2024年在县委的坚强领导下,全县农业农村工作取得新成效。"
            "粮食产量达到45万吨,同比增长2.1%,农村居民人均可支配收入18600元。\n"
        ),
        [
            ("actual", 450000.0, "2024"),
            ("actual", 2.1, "2024"),
            ("actual", 18600.0, "2024"),
        ],
    ),
    (
        "Traditional, full-width: 會議強調：2023年…",
        (
            "2024年全市工業和信息化工作會議召開\n\n會議回顧2023年工作，部署2024年任務。\n\n"
            "會議強調：2023年，全市工業經濟穩中有進。規模以上工業增加值增長6.8%，"
            "高新技術企業達到210家。\n"
        ),
        [("actual", 6.8, "2023"), ("actual", 210.0, "2023")],
    ),
    (
        "news lead: 记者从县统计局获悉, full-width comma, no comma after the year",
        (
            "某县召开2025年经济工作会议\n\n"
            "记者从县统计局获悉，2024年全县经济运行稳中有进。"
            "规模以上工业增加值增长7.1%，社会消费品零售总额达到88亿元。\n"
        ),
        [("actual", 7.1, "2024"), ("actual", 88.0, "2024")],
    ),
    (
        "据…数据 with a space before the year; the next sentence too",
        (
            "某旗2025年重点工作\n\n"
            "据旗统计局发布的数据 2024年全旗实现地区生产总值150亿元。"
            "一般公共预算收入增长6%。\n"
        ),
        [("actual", 150.0, "2024"), ("actual", 6.0, "2024")],
    ),
    (
        "a lead-in after a sentence stop inside the paragraph (。报告显示,2023年…)",
        (
            "某区2024年工作要点\n\n"
            "一年之计在于春。报告显示,2023年全区经济回升向好。"
            "固定资产投资增长11%,城镇居民人均可支配收入达到43500元。\n"
        ),
        [("actual", 11.0, "2023"), ("actual", 43500.0, "2023")],
    ),
    (
        "negative: the lead-in opens this year's plans; targets keep the plan year",
        (
            "2025年全市经济工作会议召开\n\n"
            "会议强调,2025年全市将全力以赴稳增长。地区生产总值力争增长6%左右,"
            "固定资产投资确保增长8%。\n"
        ),
        [("target", 6.0, "2025"), ("target", 8.0, "2025")],
    ),
    (
        "negative: a lead-in with no year after it leaves the figures as they were",
        (
            "2024年全县经济运行情况\n\n"
            "据统计,全县地区生产总值增长5.2%,规模以上工业增加值增长6.1%。\n"
        ),
        [("actual", 5.2, "2024"), ("actual", 6.1, "2024")],
    ),
    (
        "negative: a year inside the lead's clause (not right after it) frames nothing",
        (
            "2025年某市政府工作报告\n\n"
            "会议指出,要在2024年的基础上加压奋进,地区生产总值力争增长6%,"
            "一般公共预算收入增长5%。\n"
        ),
        [("target", 6.0, "2025"), ("target", 5.0, "2025")],
    ),
]


# The same kind in other styles: a numbered line of a plan, a bulletin's
# bullet, a repost with full-width stops; and what a later aiming sentence keeps.
OTHER_STYLE_ROWS = [
    (
        "a numbered line of a plan: 1. 据初步核算,2024年…",
        (
            "某县2025年国民经济和社会发展计划\n\n"
            "1. 据初步核算,2024年全县经济持续恢复。地区生产总值完成98亿元,"
            "同比增长5.3%。\n"
        ),
        [("actual", 98.0, "2024"), ("actual", 5.3, "2024")],
    ),
    (
        "a bulletin's bullet: ● 统计数据表明:2023年…",
        (
            "某市2024年工作要点\n\n"
            "● 统计数据表明:2023年全市外贸逆势增长。进出口总额达到320亿元,"
            "增长12.4%。\n"
        ),
        [("actual", 320.0, "2023"), ("actual", 12.4, "2023")],
    ),
    (
        "a Traditional repost: 據介紹，2024年…",
        (
            "某州2025年重點工作部署會召開\n\n"
            "據介紹，2024年全州科技創新工作成效明顯。全州技術合同成交額達到"
            "12億元，同比增長18%。\n"
        ),
        [("actual", 12.0, "2024"), ("actual", 18.0, "2024")],
    ),
    (
        "a lead-in of two short clauses: 会上,县长介绍说,2024年…",
        (
            "2025年全县经济工作会议召开\n\n"
            "会上,县长介绍说,2024年全县经济稳中向好。地区生产总值增长5.5%,"
            "一般公共预算收入完成8.2亿元。\n"
        ),
        [("actual", 5.5, "2024"), ("actual", 8.2, "2024")],
    ),
    (
        "mid-paragraph, full-width: 。此外，据州统计局介绍：2023年…",
        (
            "某州2025年工作安排\n\n"
            "全州上下团结一心。此外，据州统计局介绍：2023年全州旅游收入增长20%。"
            "接待游客1200万人次。\n"
        ),
        [("actual", 20.0, "2023"), ("actual", 12000000.0, "2023")],
    ),
    (
        "negative: a later sentence with 左右 after the led-in year is the plan's",
        (
            "某县公布2025年主要预期目标\n\n"
            "报告指出,2024年全县地区生产总值增长5.4%。综合考虑各方面因素,"
            "全县地区生产总值增长6%左右。\n"
        ),
        [("actual", 5.4, "2024"), ("target", 6.0, "2025")],
    ),
    (
        "negative: a later sentence with 力争 after the bare opening year",
        (
            "某区2025年政府工作报告\n\n"
            "2024年全区固定资产投资增长9%。今年,全区固定资产投资力争增长10%。\n"
        ),
        [("actual", 9.0, "2024"), ("target", 10.0, "2025")],
    ),
    (
        "negative: 將 in a later Traditional sentence",
        (
            "某市2025年經濟社會發展主要預期目標\n\n"
            "會議指出，2024年全市社會消費品零售總額增長4.8%。"
            "全市社會消費品零售總額將增長6%。\n"
        ),
        [("actual", 4.8, "2024"), ("target", 6.0, "2025")],
    ),
]


@pytest.mark.parametrize(("case", "text", "expected"), OTHER_STYLE_ROWS)
def test_year_after_lead_in_other_styles(case: str, text: str, expected: list) -> None:
    got = [
        (r.kind, float(r.value), r.period)
        for r in extract(text, "t.txt").records
        if r.indicator_code
    ]
    assert got == expected, case


@pytest.mark.parametrize(("case", "text", "expected"), LEAD_IN_ROWS)
def test_year_after_lead_in(case: str, text: str, expected: list) -> None:
    got = [
        (r.kind, float(r.value), r.period)
        for r in extract(text, "t.txt").records
        if r.indicator_code
    ]
    assert got == expected, case
