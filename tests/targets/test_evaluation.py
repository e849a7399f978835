"""The judgment as a table: comparators, partial periods, 序时进度, no data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from targets.evaluation import (
    ActualFacts,
    IndicatorFacts,
    TargetFacts,
    Verdict,
    judge,
    satisfies,
)

YEAR = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
TODAY = dt.date(2025, 6, 1)
STOCK = IndicatorFacts(direction="higher", accumulates=False)
FLOW = IndicatorFacts(direction="higher", accumulates=True)
LOWER = IndicatorFacts(direction="lower", accumulates=False)


def target(comparator: str, value: str, measure: str = "level") -> TargetFacts:
    return TargetFacts(
        measure=measure,
        comparator=comparator,
        norm_value=D(value),
        period_start=YEAR[0],
        period_end=YEAR[1],
    )


def actual(value: str, end_month: int = 12, *, estimate=False, comparator="="):
    end = dt.date(2024, end_month, 28) if end_month < 12 else YEAR[1]
    return ActualFacts(
        norm_value=D(value),
        period_start=YEAR[0],
        period_end=end,
        estimate=estimate,
        comparator=comparator,
    )


@pytest.mark.parametrize(
    ("comparator", "target_value", "actual_value", "indicator", "expected"),
    [
        (">=", "230", "224", STOCK, "missed"),
        (">=", "230", "230", STOCK, "met"),
        (">", "2.8", "2.8", STOCK, "missed"),
        (">", "2.8", "2.81", STOCK, "met"),
        ("=", "180000000", "244000000", STOCK, "met"),
        ("=", "100", "99", STOCK, "missed"),
        ("=", "5", "4", LOWER, "met"),
        ("=", "5", "6", LOWER, "missed"),
        ("~", "25", "24", STOCK, "met"),
        ("~", "25", "23.75", STOCK, "met"),
        ("~", "25", "23", STOCK, "missed"),
        ("~", "25", "40", STOCK, "met"),
        ("~", "25", "40", LOWER, "missed"),
        ("<=", "100", "100", STOCK, "met"),
        ("<=", "100", "101", STOCK, "missed"),
        ("<", "100", "100", STOCK, "missed"),
        ("<", "100", "99", STOCK, "met"),
    ],
)
def test_a_full_year_actual_decides_met_or_missed(
    comparator, target_value, actual_value, indicator, expected
):
    verdict = judge(
        target(comparator, target_value), actual(actual_value), indicator, TODAY
    )

    assert verdict.status == expected
    assert verdict.provisional is False
    assert verdict.progress == (D(actual_value) / D(target_value)).quantize(D("0.0001"))


@pytest.mark.parametrize(
    ("target_value", "actual_value", "indicator", "expected"),
    [
        # ±5% relative, both ends inclusive: 5.7 is exactly 5% below 6.
        ("6", "5.7", FLOW, "met"),
        ("6", "5.5", FLOW, "missed"),
        ("8", "8.4", FLOW, "met"),
        # Beyond the band in the good direction is never a miss.
        ("10", "45.9", FLOW, "met"),
        # Lower is better (居民消费价格涨幅 3.5%左右): far below is met, above the
        # band is missed.
        ("3.5", "2.3", LOWER, "met"),
        ("3.5", "3.675", LOWER, "met"),
        ("3.5", "3.7", LOWER, "missed"),
    ],
)
def test_an_approximate_rate_is_met_within_the_band_or_beyond_it_the_good_way(
    target_value, actual_value, indicator, expected
):
    verdict = judge(
        target("~", target_value, measure="growth"),
        actual(actual_value),
        indicator,
        TODAY,
    )

    assert verdict.status == expected


def test_the_tolerance_of_approximate_targets_is_configurable():
    t, a = target("~", "100"), actual("90")

    assert judge(t, a, STOCK, TODAY).status == "missed"
    assert judge(t, a, STOCK, TODAY, tolerance=D("0.10")).status == "met"


def test_an_estimate_decides_provisionally():
    verdict = judge(target(">", "2000"), actual("1950", estimate=True), STOCK, TODAY)

    assert verdict == Verdict(
        "missed",
        provisional=True,
        progress=D("0.9750"),
        reason="实际1,950(预计数),未达到目标>2,000",
    )


def test_a_lower_bound_actual_meets_a_strict_target_of_the_same_value():
    # "超过1600家" against "突破1600家".
    assert satisfies(">", D("1600"), D("1600"), actual_comparator=">") is True
    assert satisfies(">", D("1600"), D("1600"), actual_comparator="=") is False


@pytest.mark.parametrize(
    ("target_value", "actual_value", "end_month", "expected", "schedule"),
    [
        # 10 of 12 months = 83.3%; 80% done is within the 5% margin.
        ("100", "80", 10, "on_track", "0.8333"),
        ("100", "78", 10, "at_risk", "0.8333"),
        ("100", "50", 6, "on_track", "0.5000"),
        ("100", "44", 6, "at_risk", "0.5000"),
        ("100", "101", 6, "met", "0.5000"),
    ],
)
def test_a_partial_year_flow_is_compared_with_schedule_progress(
    target_value, actual_value, end_month, expected, schedule
):
    verdict = judge(
        target(">=", target_value), actual(actual_value, end_month), FLOW, TODAY
    )

    assert verdict.status == expected
    assert verdict.schedule_progress == D(schedule)


def test_the_at_risk_margin_is_configurable():
    t, a = target(">=", "100"), actual("78", 10)

    assert judge(t, a, FLOW, TODAY, at_risk_margin=D("0.10")).status == "on_track"


def test_an_increase_uses_schedule_progress_even_for_a_stock_indicator():
    verdict = judge(
        target(">=", "40", measure="increase"), actual("10", 6), STOCK, TODAY
    )

    assert verdict.status == "at_risk"
    assert verdict.progress == D("0.2500")


@pytest.mark.parametrize(
    ("actual_value", "expected"),
    [("16", "on_track"), ("14", "at_risk")],
)
def test_a_partial_year_growth_rate_is_compared_with_the_growth_target_directly(
    actual_value, expected
):
    verdict = judge(
        target(">=", "15", measure="growth"), actual(actual_value, 9), FLOW, TODAY
    )

    assert verdict.status == expected


@pytest.mark.parametrize(
    ("actual_value", "expected"), [("760", "on_track"), ("700", "at_risk")]
)
def test_a_partial_year_stock_is_compared_directly(actual_value, expected):
    verdict = judge(target(">=", "750"), actual(actual_value, 6), STOCK, TODAY)

    assert verdict.status == expected


@pytest.mark.parametrize(
    ("actual_value", "expected"), [("60", "on_track"), ("120", "missed")]
)
def test_a_partial_year_flow_over_its_cap_is_already_missed(actual_value, expected):
    verdict = judge(target("<=", "100"), actual(actual_value, 6), FLOW, TODAY)

    assert verdict.status == expected


@pytest.mark.parametrize(
    ("today", "overdue"),
    [
        (dt.date(2024, 6, 1), False),
        (dt.date(2025, 3, 31), False),
        (dt.date(2025, 4, 1), True),
    ],
)
def test_no_actual_is_no_data_and_overdue_after_the_grace_period(today, overdue):
    verdict = judge(target(">=", "750"), None, STOCK, today)

    assert verdict.status == "no_data"
    assert verdict.overdue is overdue
    assert verdict.progress is None


def test_the_grace_period_is_configurable():
    verdict = judge(target(">=", "750"), None, STOCK, dt.date(2025, 1, 5), grace_days=3)

    assert verdict.overdue is True


def test_a_zero_target_has_no_progress_ratio():
    verdict = judge(target("<=", "0"), actual("0"), STOCK, TODAY)

    assert (verdict.status, verdict.progress) == ("met", None)
