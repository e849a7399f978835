"""Round 8 (r8time2): the year a text speaks from, and periods of asides."""

from __future__ import annotations

import pytest

from targets.extraction import extract


def _by_value(text: str) -> dict[float, str | None]:
    return {float(r.value): r.period for r in extract(text, "r8time2.txt").records}


# News of a congress quoting the year's 政府工作报告 by its year: that year is the
# one the report is delivered in, so its 去年 is the year before and its 今年 is
# the year named (not the year after it).
REPORT_NAMED = [
    (
        "本报讯 3月2日,某县第十届人民代表大会第三次会议开幕。记者从2023年某县"
        "政府工作报告中了解到,去年全县实现地区生产总值320亿元,增长4.1%。今年,"
        "全县地区生产总值预期增长6%左右。",
        {320.0: "2022", 4.1: "2022", 6.0: "2023"},
    ),
    (
        "據2022年某州政府工作報告,去年全州規模以上工業增加值增長7.5%。今年,"
        "全州規模以上工業增加值目標增長8%以上。",
        {7.5: "2021", 8.0: "2022"},
    ),
]


@pytest.mark.parametrize(("text", "periods"), REPORT_NAMED)
def test_a_report_named_by_its_year_speaks_from_that_year(text, periods):
    assert _by_value(text) == periods


# An undated news item that reviews a year in one long sentence (clauses joined
# by ;) and then says 今年: it speaks from the year after the one reviewed.
REVIEWED_THEN_THIS_YEAR = [
    (
        "某网讯 近日,全市经济运行分析会召开。2015年,全市生产总值达到512亿元,"
        "增长8.1%;一般公共预算收入36亿元,增长9%,增速居全省第3位。今年,全市"
        "固定资产投资增长12%以上。",
        {512.0: "2015", 8.1: "2015", 36.0: "2015", 9.0: "2015", 12.0: "2016"},
    ),
    (
        "本報訊 近日召開的經濟工作會議透露,2019年,全縣地區生產總值增長7.2%;"
        "社會消費品零售總額增長9.5%。今年,全縣社會消費品零售總額增長10%以上。",
        {7.2: "2019", 9.5: "2019", 10.0: "2020"},
    ),
]


@pytest.mark.parametrize(("text", "periods"), REVIEWED_THEN_THIS_YEAR)
def test_this_year_after_a_reviewed_year_is_the_next(text, periods):
    assert _by_value(text) == periods


def test_this_years_part_after_a_reviewed_year_is_still_this_year():
    text = (
        "记者从会上获悉,2023年,全市地区生产总值增长5.5%,固定资产投资增长6%。"
        "今年上半年,全市地区生产总值增长5.1%。"
    )
    assert _by_value(text) == {5.5: "2023", 6.0: "2023", 5.1: "2024-01/2024-06"}


# What a figure leaves out (剔除/扣除/不考虑 … 影响/因素): the months named in
# it frame nothing after the aside.
LEFT_OUT = [
    (
        "某区2018年国民经济和社会发展计划执行情况\n2018年,全区完成地区生产总值"
        "312.5亿元,同比增长6.9%;扣除1-10月土地出让收入大幅减少的影响,一般公共"
        "预算收入增长5%;人均GDP达到9120美元,增长6.1%。",
        {312.5: "2018", 6.9: "2018", 5.0: "2018", 9120.0: "2018", 6.1: "2018"},
    ),
    (
        "某县2020年计划执行情况\n2020年,全县GDP增长3.2%;剔除上半年疫情因素后,"
        "规上工业增长4.1%,社会消费品零售总额210亿元。",
        {3.2: "2020", 4.1: "2020", 210.0: "2020"},
    ),
    (
        "某縣2019年計劃執行情況\n2019年,全縣地區生產總值達到188億元;不考慮1-9月份"
        "減稅降費影響,一般公共預算收入增長6%,固定資產投資增長9.1%。",
        {188.0: "2019", 6.0: "2019", 9.1: "2019"},
    ),
]


@pytest.mark.parametrize(("text", "periods"), LEFT_OUT)
def test_months_inside_a_left_out_aside_frame_no_later_figure(text, periods):
    assert _by_value(text) == periods


# A month told as when an event is to happen (力争4月份启动, 爭取9月份揭牌,
# 将于3月开工): a deadline, not the period of the targets after it.
DEADLINE_MONTH = [
    (
        "某县科技局2019年工作要点\n今年,产业园计划6月底前建成投用,新增孵化器3家、"
        "备案众创空间4家。",
        {3.0: "2019", 4.0: "2019"},
    ),
    (
        "某市科技局2021年工作思路\n2021年,研究院爭取9月份揭牌,培育高新技術企業"
        "20家以上。",
        {20.0: "2021"},
    ),
    (
        "2018年某区工作安排\n2018年,新城区项目将于3月开工建设;全区引进科技型企业15家。",
        {15.0: "2018"},
    ),
]


@pytest.mark.parametrize(("text", "periods"), DEADLINE_MONTH)
def test_a_deadline_month_frames_no_target_after_it(text, periods):
    assert _by_value(text) == periods


# Negative rows: a month or span that is the figures' own period keeps them.
OWN_MONTHS = [
    (
        "某县统计局\n2019年4月份,全县规模以上工业增加值增长6.5%,固定资产投资增长8%。",
        {6.5: "2019-04/2019-04", 8.0: "2019-04/2019-04"},
    ),
    (
        "某县2019年统计\n2019年1-9月,全县固定资产投资增长9%;社会消费品零售总额增长7%。",
        {9.0: "2019-01/2019-09", 7.0: "2019-01/2019-09"},
    ),
]


@pytest.mark.parametrize(("text", "periods"), OWN_MONTHS)
def test_a_month_opening_the_figures_still_frames_them(text, periods):
    assert _by_value(text) == periods
