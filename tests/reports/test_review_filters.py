from __future__ import annotations

from decimal import Decimal

import pytest

from reports.templatetags.review import bar, cmp, num, pct


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.8342, "83.4%"),
        (Decimal("1.25"), "125.0%"),
        ("0", "0.0%"),
        (None, "—"),
        ("", "—"),
        ("abc", "—"),
    ],
)
def test_pct(value, expected):
    assert pct(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.5, "50.0"),
        (Decimal("1.7"), "100.0"),
        (-0.2, "0.0"),
        (None, "0"),
        ("x", "0"),
    ],
)
def test_bar_is_clamped_to_the_bar(value, expected):
    assert bar(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("750.0000"), "750"),
        (Decimal("0.0500"), "0.05"),
        (12, "12"),
        (None, "—"),
        ("", "—"),
    ],
)
def test_num_drops_trailing_zeros(value, expected):
    assert num(value) == expected


def test_cmp_reads_as_in_a_chinese_table():
    assert [cmp(c) for c in [">=", "<=", "~", "=", "?"]] == ["≥", "≤", "约", "", "?"]
