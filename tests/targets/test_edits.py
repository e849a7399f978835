"""Hand edits through the services: the normalised value follows value and unit
(read by the engine's unit grammar), and the verdict and flags follow the edit."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from targets.models import Flag, FlagKind, Status
from targets.services.actuals import actual_create, actual_update
from targets.services.targets import target_update
from targets.services.values import normalise


@pytest.mark.parametrize(
    ("value", "unit", "norm_value", "norm_unit"),
    [
        ("2.8", "亿元", D("280000000"), "元"),
        ("2.8", "亿", D("280000000"), "元"),
        ("3500", "万元", D("35000000"), "元"),
        ("100", "元", D("100"), "元"),
        ("12.5", "%", D("12.5"), "%"),
        ("-5", "%", D("-5"), "%"),
        ("0.3", "个百分点", D("0.3"), "pp"),
        ("750", "家", D("750"), "count"),
        ("1.2", "万家", D("12000"), "count"),
        ("10", "亩", D("10"), "count"),
        ("5", "", D("5"), "count"),
    ],
)
def test_a_written_value_normalises_as_the_engine_reads_it(
    value, unit, norm_value, norm_unit
):
    assert normalise(D(value), unit) == (norm_value, norm_unit)


@pytest.fixture
def judged(high_tech_target, city, high_tech):
    """≥750家, answered by a manual 780家 for 2024: met."""
    actual = actual_create(
        user=None,
        region=city,
        indicator=high_tech,
        measure="level",
        period="2024",
        value="780",
        unit="家",
    )
    high_tech_target.refresh_from_db()
    return high_tech_target, actual


def test_raising_a_target_above_its_actual_misses_it_and_flags_it(judged):
    target, _ = judged
    assert target.status == Status.MET

    target_update(target=target, value=D("800"))

    assert (target.norm_value, target.status, target.progress) == (
        D("800"),
        Status.MISSED,
        D("0.9750"),
    )
    assert [f.kind for f in Flag.objects.open()] == [FlagKind.MISSED]


def test_lowering_the_actual_and_moving_it_to_another_year(judged):
    target, actual = judged

    actual_update(actual=actual, value=D("700"))
    target.refresh_from_db()
    assert (actual.norm_value, target.status) == (D("700"), Status.MISSED)

    actual_update(
        actual=actual,
        period_start=dt.date(2023, 1, 1),
        period_end=dt.date(2023, 12, 31),
    )
    target.refresh_from_db()
    # The 2024 target has no 2024 actual any more.
    assert (target.status, target.actual) == (Status.NO_DATA, None)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"unit": "亿元"}, "与指标“高新技术企业数”的总量口径不符"),
        ({"value": "很多"}, "不是数字"),
        ({"norm_value": D("1")}, "不能修改字段:norm_value"),
        ({"status": "met"}, "不能修改字段:status"),
        ({"period_end": dt.date(2023, 1, 1)}, "期间结束早于开始"),
    ],
)
def test_a_bad_target_edit_is_refused_in_chinese_and_stores_nothing(
    judged, changes, message
):
    target, _ = judged

    with pytest.raises(ValidationError, match=message):
        target_update(target=target, **changes)

    target.refresh_from_db()
    assert (target.value, target.unit, target.status) == (D("750"), "家", Status.MET)


def test_a_bad_actual_edit_is_refused_in_chinese(judged):
    _, actual = judged

    with pytest.raises(ValidationError, match="不能修改字段:source"):
        actual_update(actual=actual, source="document")
    with pytest.raises(ValidationError, match="口径不符"):
        actual_update(actual=actual, unit="%")

    actual.refresh_from_db()
    assert (actual.value, actual.unit, actual.source) == (D("780"), "家", "manual")
