"""Round 11: kinds of error seen on held-out pages, each as a table of
sentences written for this test."""

from __future__ import annotations

from decimal import Decimal

import pytest

from targets.extraction import extract
from targets.extraction.simplify import unwrap_lines

_LINE = "全市城镇登记失业率、居民消费价格涨幅分别控制在4.5%和3%以内"


@pytest.mark.parametrize(
    ("second", "subject", "measure", "value"),
    [
        ("培训新型职业农民800人次", "新型职业农民", "level", "800"),
        ("建设美丽乡村示范村12个", "美丽乡村示范村", "level", "12"),
    ],
)
def test_a_line_closed_by_its_figure_does_not_lend_its_list(
    second: str, subject: str, measure: str, value: str
) -> None:
    # A list of headline lines: the 分别 of one line shares its two figures
    # out and nothing on the next line.
    text = f"2024年主要目标\n{_LINE}\n{second}\n"
    records = extract(text, "x.txt").records
    assert [(r.indicator, r.value) for r in records[:2]] == [
        ("城镇登记失业率", Decimal("4.5")),
        ("居民消费价格涨幅", Decimal("3")),
    ]
    assert [(subject in r.indicator, r.measure, r.value) for r in records[2:]] == [
        (True, measure, Decimal(value))
    ]


@pytest.mark.parametrize(
    ("tail", "joined"),
    [
        ("新增高新技术企业30家", False),
        ("的目标,新增高新技术企业30家", True),
        ("和5%以内,新增高新技术企业30家", True),
    ],
)
def test_a_closed_figure_ends_its_line_unless_the_next_goes_on(
    tail: str, joined: bool
) -> None:
    text = f"{_LINE}\n{tail}\n"
    assert (unwrap_lines(text)[len(_LINE)] == " ") is joined


@pytest.mark.parametrize(
    ("own", "province"),
    [("白山", "吉林"), ("鸡西", "黑龙江"), ("朔州", "山西")],
)
def test_a_text_measured_against_its_province_is_not_the_province(
    own: str, province: str
) -> None:
    # The province is named only in a leader's remarks; the text measures
    # itself against 全省 twice: it is the city's, named once by its short name.
    text = (
        f"各位代表,过去的一年是{own}转型发展的关键之年。我们坚决贯彻总书记关于"
        f"{province}振兴发展的重要讲话精神,经济运行稳中向好。\n"
        "全年地区生产总值增长6%,增速高于全省平均水平;一般公共预算收入增长8%,"
        "增幅居全省首位。\n"
    )
    records = extract(text, "x.txt").records
    assert {r.region for r in records} == {own + "市"}
