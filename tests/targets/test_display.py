"""The display vocabulary: statuses, comparators, numbers and money for Chinese
readers. Table-driven, no database."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from targets import display
from targets.models import Comparator, Status


def test_statuses_read_best_first_and_the_model_follows_the_same_order():
    assert [display.STATUS_LABELS[s] for s in display.STATUS_ORDER] == [
        "已完成",
        "进行中",
        "有风险",
        "未完成",
        "暂无数据",
    ]
    assert [s.value for s in Status] == list(display.STATUS_ORDER)
    assert [s.label for s in Status] == [
        display.STATUS_LABELS[s] for s in display.STATUS_ORDER
    ]
    assert {c.value for c in Comparator} == set(display.COMPARATOR_SYMBOLS)


@pytest.mark.parametrize(
    ("comparator", "value", "unit", "tier", "expected"),
    [
        (">=", "750.0000", "家", "base", "≥750家"),
        (">", "12.5000", "", "base", ">12.5"),
        ("<=", "5", "%", "base", "≤5%"),
        ("~", "10", "%", "base", "约10%"),
        ("=", "-3", "", "base", "-3"),
        (">=", "800", "", "stretch", "≥800(力争)"),
        (">=", "900", "", "人大报告目标", "≥900(人大报告目标)"),
        ("<", "0.0000", "", "base", "<0"),
        (">=", "1350.0000", "家", "base", "≥1,350家"),
    ],
)
def test_a_target_reads_with_its_symbol(comparator, value, unit, tier, expected):
    assert display.target_text(comparator, D(value), unit, tier) == expected


@pytest.mark.parametrize(
    ("value", "norm_unit", "shown"),
    [
        (D("280000000"), "元", "2.8亿元"),
        (D("244000000"), "元", "2.44亿元"),
        (D("1234567890000"), "元", "12,345.68亿元"),
        (D("35000000"), "元", "3,500万元"),
        (D("35000"), "元", "3.5万元"),
        (D("800"), "元", "800元"),
        (D("-50000000"), "元", "-5,000万元"),
        (D("15"), "%", "15%"),
        (D("12.3456"), "%", "12.35%"),
        (D("0.1"), "pp", "0.1个百分点"),
        (D("750"), "count", "750"),
        (D("12345.0000"), "count", "12,345"),
    ],
)
def test_values_are_shown_in_the_units_an_office_writes(value, norm_unit, shown):
    assert display.format_value(value, norm_unit) == shown


@pytest.mark.parametrize(
    ("unit", "scale"),
    [
        ("元", D(1)),
        ("万元", D(10_000)),
        ("亿元", D(100_000_000)),
        ("亿", D(100_000_000)),
        ("千万元", D(10_000_000)),
        ("万亿元", D(10) ** 12),
        ("家", None),
        ("%", None),
        ("", None),
    ],
)
def test_money_units_scale_to_yuan(unit, scale):
    assert display.money_scale(unit) == scale


@pytest.mark.parametrize(
    ("ratio", "shown"),
    [(D("1.3556"), "135.6%"), (D("0.8342"), "83.4%"), (D("0"), "0.0%")],
)
def test_ratios_are_percentages_with_one_decimal(ratio, shown):
    assert display.format_percent(ratio) == shown


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        ("300000", "万元", "30亿元"),
        ("0.35", "亿元", "3,500万元"),
        ("12", "亿元", "12亿元"),
        ("800", "元", "800元"),
        ("1350", "家", "1,350家"),
        ("12.5", "%", "12.5%"),
        # A bare 亿 is a count of something, not money: left as written.
        ("2", "亿", "2亿"),
    ],
)
def test_amounts_are_scaled_and_separated(value, unit, shown):
    assert display.amount_text(D(value), unit) == shown


@pytest.mark.parametrize(
    ("reason", "shown"),
    [
        ("尚无实际数据(目标>=50家)", "尚无实际数据(目标≥50家)"),
        ("实际120家,目标<=100家", "实际120家,目标≤100家"),
        ("目标‹=100家", "目标≤100家"),
        ("“001_6e8e892f18df78d3.txt”称“新增50家”", "《南陵县工作要点》称“新增50家”"),
        ("“unknown.docx”称“x”", "“unknown.docx”称“x”"),
        ("增速>=8%", "增速≥8%"),
    ],
)
def test_stored_reasons_read_with_symbols_and_titles(reason, shown):
    titles = {"001_6e8e892f18df78d3.txt": "南陵县工作要点"}
    assert display.reason_text(reason, titles) == shown
