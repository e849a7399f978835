"""Kinds of error of batches P, Q and R in the indicator, list, measure and
exclusion modules, each as a table of sentences written for this test (no
corpus sentence, place or number): 城乡 figures given two by two, names the
catalog spells another way, and a share of the same period's whole."""

from __future__ import annotations

from decimal import Decimal

import pytest

from targets.extraction import extract

URBAN = "城镇居民人均可支配收入"
RURAL = "农村居民人均可支配收入"

# (indicator, measure, value)
CASES = [
    (
        "城乡 levels, then 分别 growths",
        "2021年,全县城乡居民人均可支配收入36120元、15430元,分别增长7.2%、9.6%。",
        [
            (URBAN, "level", "36120"),
            (RURAL, "level", "15430"),
            (URBAN, "growth", "7.2"),
            (RURAL, "growth", "9.6"),
        ],
    ),
    (
        "城镇、农村 with levels and growths joined by 和",
        "城镇、农村常住居民人均可支配收入达到4.1万元和2.2万元,同比增长6%和8.1%。",
        [
            (URBAN, "level", "4.1"),
            (RURAL, "level", "2.2"),
            (URBAN, "growth", "6"),
            (RURAL, "growth", "8.1"),
        ],
    ),
    (
        "Traditional 城、鄉, 分別 before the levels",
        "去年全市城、鄉居民人均可支配收入分別為39880元、17650元,分別增長5.5%、7.7%。",
        [
            (URBAN, "level", "39880"),
            (RURAL, "level", "17650"),
            (URBAN, "growth", "5.5"),
            (RURAL, "growth", "7.7"),
        ],
    ),
    (
        "城镇和农村, growths only, no 分别",
        "2022年,全区城镇和农村居民人均可支配收入增长4.9%、6.8%。",
        [(URBAN, "growth", "4.9"), (RURAL, "growth", "6.8")],
    ),
    (
        "拥有数 is the catalog's 拥有量",
        "截至2022年底,全县有效发明专利拥有数达到1288件。",
        [("有效发明专利拥有量", "level", "1288")],
    ),
    (
        "拥有数量 in a list",
        "全区技术合同成交额9.2亿元,有效发明专利拥有数量640件。",
        [("有效发明专利拥有量", "level", "640")],
    ),
    (
        "地方公共财政收入 is 一般公共预算收入",
        "2013年,全市完成地方公共財政收入31.6億元,增長12%。",
        [("一般公共预算收入", "level", "31.6"), ("一般公共预算收入", "growth", "12")],
    ),
    (
        "规模以上工业企业工业增加值 is 规上工业增加值",
        "今年上半年,全县規模以上工業企業工業增加值同比增長6.3%。",
        [("规模以上工业增加值", "growth", "6.3")],
    ),
    (
        "R&D over the same period's GDP, after the level",
        "2020年,全县R&D经费投入2.3亿元,占同期GDP比重0.91%。",
        [("全社会研发经费投入", "level", "2.3"), ("研发投入强度", "level", "0.91")],
    ),
    (
        "研发经费支出 over 当年地区生产总值, Traditional",
        "2021年全市研發經費支出45億元,占當年地區生產總值的比例為2.2%。",
        [("研发投入强度", "level", "2.2")],
    ),
]


def _row(r):
    return (r.indicator, r.measure, r.value)


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_batch_pqr_names(text, expected):
    got = [_row(r) for r in extract(text, "kinds.txt").records]
    for ind, measure, value in expected:
        want = (ind, measure, Decimal(value))
        assert want in got, f"{want} not in {got}"


def test_share_of_a_period_total_is_no_intensity():
    # 占同期全市出口的…: a share of a total, not an indicator of its own.
    text = "2022年,全市机电产品出口80亿元,占同期全市出口总额的45%。"
    records = extract(text, "x.txt").records
    assert not [r for r in records if r.indicator == "研发投入强度"]


@pytest.mark.parametrize(
    "text",
    [
        "2022年,全市固定资产投资增长8.1%,增速较去年同期提升3.2个百分点。",
        "上半年全县規上工業增加值增長13%,比上年同期提高9.2個百分點。",
        "前三季度,全区社会消费品零售总额同比增长4%,比上半年加快1.5个百分点。",
    ],
    ids=["增速较去年同期提升", "Traditional 比上年同期提高", "比上半年加快"],
)
def test_points_on_an_amount_move_its_rate(text):
    records = extract(text, "x.txt").records
    assert [r.measure for r in records] == ["growth"], records


def test_points_on_a_ratio_are_its_change():
    text = "2022年,全市研发投入强度2.3%,较上年提升0.2个百分点。"
    got = [(r.indicator, r.measure) for r in extract(text, "x.txt").records]
    assert ("研发投入强度", "change_pp") in got, got
