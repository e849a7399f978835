"""Kinds of batches P, Q and R about target or actual and the scope of modal and
estimate cues, each as a table of sentences written for this test (no corpus
sentence, place or number): a plan quoted in a news item (报告提出:…, 目标为…,
…的目标, 冲刺/瞄准/致力于 a figure), money won from above after 争取 in a
review, 预计 before 有望, an estimate note that holds for what follows (下同),
and a target restated after its figure (…市定目标)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from targets.extraction import extract
from tests.targets.extraction_rows import catalog_kinds, kinds

# (case, text, [(kind, indicator, value)]) — every catalog record of the text.
KINDS = [
    # A plan or a meeting quoted as setting the figures that follow.
    (
        "a work report quoted with 提出 and a colon",
        "江北新闻\n"
        "2月3日,市人大会议开幕,会上审议的政府工作报告对今年工作作出安排,"
        "并提出:全市生产总值增长6%左右,一般公共预算收入增长5%。\n",
        [("target", "地区生产总值", "6"), ("target", "一般公共预算收入", "5")],
    ),
    (
        "a meeting that 明确 the year's figures, comma after the verb",
        "江北新闻\n"
        "全市经济工作会议明确,今年规上工业增加值增长8%以上,"
        "固定资产投资增长7%。\n",
        [("target", "规模以上工业增加值", "8"), ("target", "固定资产投资", "7")],
    ),
    (
        "a plan document in Traditional characters that 確定 a goal",
        "江北新聞\n據悉,全市科技創新規劃確定:到2027年,高新技術企業突破900家。\n",
        [("target", "高新技术企业数", "900")],
    ),
    (
        "a quoted plan that restates last year's result stays an actual",
        "江北新闻\n2月3日,市人大会议开幕。政府工作报告提出,2024年全市地区生产总值"
        "增长5.2%,2025年全市生产总值增长目标为6%以上。\n",
        [("actual", "地区生产总值", "5.2"), ("target", "地区生产总值", "6")],
    ),
    (
        "a report that 显示 results is no plan",
        "江北新闻\n政府工作报告显示,去年全市地区生产总值增长5.1%。\n",
        [("actual", "地区生产总值", "5.1")],
    ),
    # A goal set equal to a figure, whatever names the goal.
    (
        "预期增长目标为 a figure",
        "江北新闻\n市政府工作报告称,今年全市地区生产总值预期增长目标为5%以上。\n",
        [("target", "地区生产总值", "5")],
    ),
    (
        "目标定为 a growth rate",
        "江北新闻\n会上,全年一般公共预算收入增长目标定为4.5%。\n",
        [("target", "一般公共预算收入", "4.5")],
    ),
    (
        "主要目標是: a list, in Traditional characters",
        "江北新聞\n本年度主要目標是:全縣生產總值增長7%,社會消費品零售總額增長6%。\n",
        [("target", "地区生产总值", "7"), ("target", "社会消费品零售总额", "6")],
    ),
    # The figure is the value of a goal named right after it.
    (
        "…增长N%的目标 after a verb of setting",
        "江北新闻\n今年,我市定下地区生产总值增长6.5%的目标。\n",
        [("target", "地区生产总值", "6.5")],
    ),
    (
        "…N%的年度目标 after 确立",
        "江北新闻\n年初全县确立了规上工业增加值增长9%的年度目标,目前进展顺利。\n",
        [("target", "规模以上工业增加值", "9")],
    ),
    (
        "a bullet restating a target set by the level above",
        "江北区2025年工作总结\n◆社会消费品零售总额超额完成80亿元省定目标。\n",
        [("target", "社会消费品零售总额", "80")],
    ),
    # Verbs of aiming at a figure in the same clause.
    (
        "a headline that 冲刺 a figure",
        "市长访谈:江北冲刺全年地区生产总值增长6%\n正文从略。\n",
        [("target", "地区生产总值", "6")],
    ),
    (
        "瞄准 a level in a news item",
        "江北新闻\n今年,全区瞄准高新技术企业总数突破500家,加快培育创新主体。\n",
        [("target", "高新技术企业数", "500")],
    ),
    (
        "an official's quoted words with 致力于",
        "江北新闻\n局长表示:“今年,我们要在关键指标上有新突破。"
        "致力于新增高新技术企业40家以上,技术合同成交额突破30亿元。”\n",
        [("target", "高新技术企业数", "40"), ("target", "技术合同成交额", "30")],
    ),
    # A sentence of what will be done opens a list: its items' figures are goals.
    (
        "将…: 一是…。二是… in a news item",
        "江北新闻\n据了解,全县将重点抓好三项工作:一是壮大创新主体。高新技术企业净增20家。"
        "二是加大投入,全社会研发投入增长12%。\n",
        [("target", "高新技术企业数", "20"), ("target", "全社会研发经费投入", "12")],
    ),
    (
        "下一步要…: (一)… in Traditional characters",
        "江北新聞\n下一步,本區要著力做好以下工作:(一)培育創新主體,高新技術企業淨增15家;"
        "(二)技術合同成交額突破20億元。\n",
        [("target", "高新技术企业数", "15"), ("target", "技术合同成交额", "20")],
    ),
    (
        "a list of what was done stays a review",
        "江北新闻\n去年,全县重点抓好了三项工作:一是壮大创新主体,高新技术企业净增20家。"
        "二是加大投入,全社会研发投入增长12%。\n",
        [("actual", "高新技术企业数", "20"), ("actual", "全社会研发经费投入", "12")],
    ),
    # 争取 money or support from above in a review: what was won, not a goal.
    (
        "争取 funds of a named kind, then results",
        "江北区政府工作报告\n过去一年,全力扩大有效投资,争取超长期特别国债等"
        "政策资金超过50亿元,固定资产投资达到420亿元。\n",
        [("actual", "固定资产投资", "420")],
    ),
    (
        "爭取 bonds in Traditional characters",
        "江北區政府工作報告\n一年來,爭取上級專項債券資金12億元,一般公共預算收入增長4.5%。\n",
        [("actual", "一般公共预算收入", "4.5")],
    ),
    (
        "向上争取 with no object before the comma",
        "江北区政府工作报告\n去年,我们积极向上争取,获得各类补助8亿元,"
        "固定资产投资增长6%。\n",
        [("actual", "固定资产投资", "6")],
    ),
    # 预计 before 有望: an estimate of the year, not a goal.
    (
        "预计…有望 a count and a total",
        "江北新闻\n2025年11月28日\n今年以来创新主体快速壮大,全市高新技术企业预计全年有望净增450家,"
        "总数达2100家。\n",
        [
            ("actual", "高新技术企业数", "450"),
            ("actual", "高新技术企业数", "2100"),
        ],
    ),
]


@pytest.mark.parametrize(("case", "text", "expected"), KINDS, ids=[c[0] for c in KINDS])
def test_target_or_actual(case: str, text: str, expected: list) -> None:
    assert catalog_kinds(text) == kinds(expected), case


# (case, text, [(indicator, value, estimate)])
ESTIMATES = [
    (
        "a note after the first figure (预计数,下同) holds for the paragraph",
        "2025年计划执行情况的报告\n一、2025年计划执行情况\n"
        "全市地区生产总值增长5.6%(预计数,下同),规模以上工业增加值增长7%;"
        "固定资产投资增长4%,社会消费品零售总额增长5%。\n",
        [
            ("地区生产总值", "5.6", True),
            ("规模以上工业增加值", "7", True),
            ("固定资产投资", "4", True),
            ("社会消费品零售总额", "5", True),
        ],
    ),
    (
        "预计(下同) at a paragraph's head holds for the clauses after it",
        "2025年工作回顾\n(一)经济较快发展。2025年,预计(下同)全县固定资产投资120亿元,"
        "增长8%;一般公共预算收入9.5亿元,增长6%。\n",
        [
            ("固定资产投资", "120", True),
            ("固定资产投资", "8", True),
            ("一般公共预算收入", "9.5", True),
            ("一般公共预算收入", "6", True),
        ],
    ),
    (
        "the note's scope ends at the next numbered part",
        "县政府工作报告\n(一)经济较快发展。全县生产总值增长6%(初步核算数,下同),"
        "固定资产投资增长8%。\n(二)民生持续改善。城镇居民人均可支配收入增长5%。\n",
        [
            ("地区生产总值", "6", True),
            ("固定资产投资", "8", True),
            ("城镇居民人均可支配收入", "5", False),
        ],
    ),
    (
        "a clause opened by a year of its own is out of a head 预计's reach",
        "江北新闻\n我县预计全年新增高新技术企业6家,2017年我县新增高新技术企业3家。\n",
        [("高新技术企业数", "6", True), ("高新技术企业数", "3", False)],
    ),
    (
        "the same in Traditional, with 估計",
        "江北新聞\n全區估計全年規上工業增加值增長6%;2023年全區規上工業增加值增長5%。\n",
        [("规模以上工业增加值", "6", True), ("规模以上工业增加值", "5", False)],
    ),
    (
        "a head 预计 still covers the clauses after it",
        "江北新闻\n全市预计全年地区生产总值增长7%,一般公共预算收入增长6%。\n",
        [("地区生产总值", "7", True), ("一般公共预算收入", "6", True)],
    ),
    (
        "a glossed note in Traditional characters marks its figure",
        "江北新聞\n報告指出,全市地區生產總值增長5.1% (預(yù)計(jì)數(shù)),"
        "居全省前列。\n",
        [("地区生产总值", "5.1", True)],
    ),
]


@pytest.mark.parametrize(
    ("case", "text", "expected"), ESTIMATES, ids=[c[0] for c in ESTIMATES]
)
def test_estimate_note_scope(case: str, text: str, expected: list) -> None:
    records = [r for r in extract(text, "t.txt").records if r.indicator_code]
    got = [(r.indicator, r.value, r.estimate) for r in records]
    want = [(i, Decimal(v), e) for i, v, e in expected]
    assert got == want, case
