"""Kinds of batches S, T, U and V about target or actual, each as a table of
sentences written for this test (no corpus sentence, place or number): a goal
quoted back in a result (比年初目标X高), a gap to a goal (超预期目标N), 预期 and
锚定…目标 setting a figure in news, 要 before a verb of reaching, projects won
after 争取 in a review, and results whose year comes after the year the page is
taken to report on (同比 or 是2011年的N倍 in the clause; 2023年是… with 这一年 after it;
过去五年…从2016年的A增至B in a plan section)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from targets.extraction import extract
from tests.targets.extraction_rows import catalog_kinds, kinds

# (case, text, [(kind, indicator, value)]) — every catalog record of the text.
KINDS = [
    # A goal quoted back inside a result is a target; the gap to it is nothing.
    (
        "比年初目标 a rate, 高了 a gap",
        "江北新闻\n2023年全区GDP增长7.8%,比年初目标7.5%高了0.3个百分点。\n",
        [("actual", "地区生产总值", "7.8"), ("target", "地区生产总值", "7.5")],
    ),
    (
        "较年度目标 in Traditional, 快 a gap",
        "江北新聞\n全年地區生產總值增長6.1%,較年度目標6%快0.1個百分點。\n",
        [("actual", "地区生产总值", "6.1"), ("target", "地区生产总值", "6")],
    ),
    (
        "对照全年目标 with the gap in another word order",
        "县统计局\n全县规上工业增加值增长9%,对照全年目标8%多出1个百分点。\n",
        [("actual", "规模以上工业增加值", "9"), ("target", "规模以上工业增加值", "8")],
    ),
    (
        "超预期目标 an amount is a gap",
        "县发改局\n一般公共预算收入79.9亿元、增长15.4%,超预期目标8.6亿元。\n",
        [
            ("actual", "一般公共预算收入", "79.9"),
            ("actual", "一般公共预算收入", "15.4"),
        ],
    ),
    (
        "高于计划目标 points is a gap",
        "县发改局\n固定资产投资增长11%,高于计划目标3个百分点。\n",
        [("actual", "固定资产投资", "11")],
    ),
    (
        "超出年度目标任务 in Traditional is a gap",
        "縣發改局\n社會消費品零售總額增長9%,超出年度目標任務1.5個百分點。\n",
        [("actual", "社会消费品零售总额", "9")],
    ),
    # 预期 and 锚定…目标 set a figure in a news item.
    (
        "预期 heading a year's growth",
        "江北新闻\n市长作政府工作报告。预期今年全市地区生产总值增长8%以上,居民收入同步增长。\n",
        [("target", "地区生产总值", "8")],
    ),
    (
        "预期 after the indicator, in Traditional",
        "江北新聞\n報告稱,全年一般公共預算收入預期增長5%。\n",
        [("target", "一般公共预算收入", "5")],
    ),
    (
        "好于预期 and 预期寿命 set nothing",
        "江北新闻\n人均预期寿命达到79.5岁,去年地区生产总值增长6%,好于预期。\n",
        [("actual", "地区生产总值", "6")],
    ),
    (
        "锚定 a growth rate with 目标 glued after it",
        "江北新闻\n2025年,江北将锚定全年规上工业增加值增长9%目标,集中资源要素。\n",
        [("target", "规模以上工业增加值", "9")],
    ),
    (
        "瞄准…目标 without 的, another verb",
        "江北新闻\n全区瞄准地区生产总值增长6.5%目标不放松。\n",
        [("target", "地区生产总值", "6.5")],
    ),
    # 要 before a verb of reaching, with the 将 too far away.
    (
        "要新增 after a 将 clause, in Traditional",
        "江北新聞\n2016年,全市GDP增長7%。該市將圍繞產業謀劃發展,全市要新增規模工業企業60家以上。\n",
        [("actual", "地区生产总值", "7"), ("target", "规模以上工业企业数", "60")],
    ),
    (
        "全年要完成 an investment",
        "县委经济工作会议\n会议指出,去年全县固定资产投资增长5%;全年要完成固定资产投资120亿元。\n",
        [("actual", "固定资产投资", "5"), ("target", "固定资产投资", "120")],
    ),
    (
        "主要 and 需要 are no 要",
        "江北新闻\n2023年,全区主要完成固定资产投资80亿元。\n",
        [("actual", "固定资产投资", "80")],
    ),
    # A year's result, its year later than the one the page seems to report on.
    (
        "同比 in the clause keeps a later year's figures actual",
        "江北新闻\n2019年全区GDP增长6%。\n\n产业发展\n\n2021年,全区完成规上工业总产值800亿元,"
        "实现规上工业增加值200亿元,同比增长5.4%。\n",
        [
            ("actual", "地区生产总值", "6"),
            ("actual", "规模以上工业总产值", "800"),
            ("actual", "规模以上工业增加值", "200"),
            ("actual", "规模以上工业增加值", "5.4"),
        ],
    ),
    (
        "是某年的N倍 keeps a later year's level actual",
        "江北十年发展成就综述\n\n2011年以来,江北GDP年均增速达8%。\n\n"
        "2021年全区地区生产总值为900亿元,是2011年的2.4倍。\n",
        [("actual", "地区生产总值", "8"), ("actual", "地区生产总值", "900")],
    ),
    (
        "相当于某年末的 in Traditional",
        "江北十年發展成就綜述\n\n2011年以來,江北GDP年均增速達8%。\n\n"
        "2021年,全區一般公共預算收入達到80億元,相當於2011年末的三倍。\n",
        [("actual", "地区生产总值", "8"), ("actual", "一般公共预算收入", "80")],
    ),
    (
        "到 a later year still makes a goal",
        "江北新闻\n2019年全区GDP增长6%。到2025年,全区规上工业增加值比上年增长8%。\n",
        [("actual", "地区生产总值", "6"), ("target", "规模以上工业增加值", "8")],
    ),
    (
        "2023年是… then 这一年: the year the page looks back on",
        "江北新闻\n2022年全区GDP增长3%。\n\n2023年是全面贯彻落实的开局之年。全区全面实现年度发展目标,"
        "地区生产总值512亿元。\n\n这一年,我们聚焦稳增长,规上工业增加值增长6%。\n",
        [
            ("actual", "地区生产总值", "3"),
            ("actual", "地区生产总值", "512"),
            ("actual", "规模以上工业增加值", "6"),
        ],
    ),
]


@pytest.mark.parametrize(("case", "text", "expected"), KINDS, ids=[c[0] for c in KINDS])
def test_target_or_actual(case: str, text: str, expected: list) -> None:
    assert catalog_kinds(text) == kinds(expected), case


PAST_YEARS = [
    (
        "过去五年…从A增至B in a goals section",
        "茂林市政府工作报告解读\n\n二、发展目标\n\n在过去五年中,全市综合实力迈上新台阶,"
        "地区生产总值从2016年的1800亿元增至2500亿元以上。\n",
    ),
    (
        "近五年来 in a plan section, in Traditional",
        "茂林市政府工作報告解讀\n\n二、發展目標\n\n近五年來,全市地區生產總值從2016年的1800億元"
        "增加到2500億元。\n",
    ),
]


@pytest.mark.parametrize(("case", "text"), PAST_YEARS, ids=[c[0] for c in PAST_YEARS])
def test_past_years_in_a_plan_section(case: str, text: str) -> None:
    records = [r for r in extract(text, "t.txt").records if r.indicator_code]
    assert records, case
    assert all(r.kind == "actual" for r in records), case


# (case, text, [(kind, value)]) — every record of the text, catalog or not.
WON = [
    (
        "争取 quoted programme projects in a review",
        "县政府工作报告\n一年来,全县争取“两重”项目12个,新开工项目40个。\n",
        [("actual", "12"), ("actual", "40")],
    ),
    (
        "爭取 a quoted programme's projects and money, in Traditional",
        "縣政府工作報告\n過去一年,爭取‘兩新’項目9個、5.2億元。\n",
        [("actual", "9"), ("actual", "5.2")],
    ),
    (
        "争取 a verb of doing stays a goal",
        "县政府工作报告\n一年来,全县新开工项目40个。全年争取新开工项目50个以上。\n",
        [("actual", "40"), ("target", "50")],
    ),
]


@pytest.mark.parametrize(("case", "text", "expected"), WON, ids=[c[0] for c in WON])
def test_won_after_zhengqu(case: str, text: str, expected: list) -> None:
    got = [(r.kind, r.value) for r in extract(text, "t.txt").records]
    assert got == [(k, Decimal(v)) for k, v in expected], case
