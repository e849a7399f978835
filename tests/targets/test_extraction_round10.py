"""Round 10: kinds of error seen on pages nobody here had seen (batch SB),
each as a table of sentences written for this test."""

from __future__ import annotations

from decimal import Decimal

import pytest

from targets.extraction import extract


@pytest.mark.parametrize(
    ("sentence", "indicator", "comparator", "value"),
    [
        ("全市社会消费品零售总额接近200亿元", "社会消费品零售总额", "~", "200"),
        ("全市全年技术合同成交额接近50亿元", "技术合同成交额", "~", "50"),
        ("全市高新技术企业接近300家", "高新技术企业数", "~", "300"),
        ("全市財政總收入接近40億元", "财政总收入", "~", "40"),
    ],
)
def test_jiejin_is_near_a_figure_and_names_nothing(
    sentence: str, indicator: str, comparator: str, value: str
) -> None:
    # 接近 is 近 (~), as the contract's 约/近; its 接 is no part of the name.
    records = extract(f"2023年工作总结\n{sentence}。\n", "x.txt").records
    assert [(r.indicator, r.comparator, r.value) for r in records] == [
        (indicator, comparator, Decimal(value))
    ]
