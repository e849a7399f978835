"""Kinds of batches P, Q and R about line breaks, each as a table of texts
written for this test (no corpus sentence, place or number): an infographic
that sets a label on one line and its figure on the next (a qualifier after
it, a list of two, an English abbreviation ending the label), and a hard wrap
that cuts a number in two. The view joins them at the same length: quotes
are cut from the original text, line break included."""

from __future__ import annotations

from decimal import Decimal

import pytest

from targets.extraction import extract
from targets.extraction.simplify import join_figure_lines, unwrap_lines

POSTERS = [
    (
        "an abbreviation ends the label, a qualifier the figure",
        "2024年成绩单\n全年GDP\n增长6.1%左右\n",
        [("地区生产总值", "6.1")],
    ),
    (
        "a list of two after 分别",
        "2024年成绩单\n规上工业增加值和固定资产投资\n分别增长5.2%、7.4%\n",
        [("规模以上工业增加值", "5.2"), ("固定资产投资", "7.4")],
    ),
    (
        "a level reached, with 以上 (Traditional)",
        "2024年成績單\n社會消費品零售總額\n突破820億元以上\n規模以上工業增加值\n增長9%\n",
        [("社会消费品零售总额", "820"), ("规模以上工业增加值", "9")],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in POSTERS], ids=[c[0] for c in POSTERS]
)
def test_a_label_and_its_figure_on_two_lines(text, expected):
    assert len(join_figure_lines(text)) == len(text)
    records = extract(text, "g.txt").records
    got = [(r.indicator, r.value) for r in records]
    for ind, value in expected:
        assert (ind, Decimal(value)) in got, got
    for r in records:
        assert text[r.start : r.end] == r.quote


WRAPS = [
    (
        "a whole number cut before its last digit",
        "2024年,预计全市实现地区生产总值(按可比价格计算)增长7.5%,总量达到51\n"
        "2亿元,一般公共预算收入增长9%。\n",
        ("地区生产总值", "512"),
        "51\n2亿元",
    ),
    (
        "a decimal cut after its point",
        "二〇二四年的主要工作:经济运行稳中有进,结构持续优化,全年完成固定资产投资76.\n"
        "4亿元,增长8%,为全年经济打下基础。\n",
        ("固定资产投资", "76.4"),
        "76.\n4亿元",
    ),
    (
        "a rate cut in the middle (Traditional)",
        "2024年全縣經濟運行總體平穩、穩中有進,規模以上工業增加值同比增長1\n"
        "2.5%,社會消費品零售總額增長6%。\n",
        ("规模以上工业增加值", "12.5"),
        "1\n2.5%",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected", "cut"), [c[1:] for c in WRAPS], ids=[c[0] for c in WRAPS]
)
def test_a_number_cut_by_a_hard_wrap(text, expected, cut):
    assert len(unwrap_lines(text)) == len(text)
    records = extract(text, "w.txt").records
    got = {(r.indicator, r.value): r for r in records}
    ind, value = expected
    r = got.get((ind, Decimal(value)))
    assert r is not None, list(got)
    assert r.quote.endswith(cut) and text[r.start : r.end] == r.quote


def test_lines_that_are_not_a_cut_number_stay_apart():
    # A year at a line's end and a count opening the next line are not one
    # number; a short line is no wrap.
    text = (
        "二〇二四年重点工作安排如下,主要内容列示于后,有关数据截至2023\n"
        "12月底。\n全市新增企业12\n3家。\n"
    )
    view = unwrap_lines(text)
    assert "2023\n" in view and "12\n3" in view
