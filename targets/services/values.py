"""Value helpers shared by the writers: what the decimal columns take, and a value
in a written unit as the normalised value the judgment compares."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError

from targets.models import (
    Comparator,
    Indicator,
    Measure,
    NormUnit,
    is_norm_unit,
    norm_unit_label,
)

FOUR_PLACES = Decimal("0.0001")
# What the decimal columns hold (max_digits - decimal_places integer digits).
MAX_VALUE = Decimal(10) ** 20
MAX_NORM_VALUE = Decimal(10) ** 24


def decimal4(value: Any) -> Decimal:
    """A number as the 4-decimal-place columns store it."""
    return Decimal(str(value)).quantize(FOUR_PLACES)


def comparator_or_eq(value: str) -> str:
    return value if value in Comparator.values else Comparator.EQ


def norm_unit_or_count(value: str) -> str:
    return value if is_norm_unit(value) else NormUnit.COUNT


def normalise(value: Decimal, unit: str) -> tuple[Decimal, str]:
    """A value in a written unit as (norm_value, norm_unit): 2.8亿元 → 280000000 元.

    Read by the engine's own quantity grammar, so a hand-entered 2.8亿元 means what
    the same words mean in a document. A unit the grammar does not know counts.
    """
    from targets.extraction.numbers import parse_quantity

    unit = (unit or "").strip()
    quantity = parse_quantity(f"{abs(value):f}{unit}")
    if quantity is None or not is_norm_unit(quantity.norm_unit):
        return value, NormUnit.COUNT
    sign = -1 if value < 0 else 1
    return sign * quantity.norm_value, quantity.norm_unit


def number(value: Any) -> Decimal:
    """A finite Decimal, or a ValidationError in Chinese."""
    try:
        result = Decimal(str(value))
    except InvalidOperation as exc:
        raise ValidationError(f"数值“{value}”不是数字。") from exc
    if not result.is_finite():
        raise ValidationError(f"数值“{value}”不是数字。")
    return result


def measured(
    *, value: Any, unit: str, indicator: Indicator, measure: str
) -> tuple[Decimal, Decimal, str]:
    """(value, norm_value, norm_unit) of a hand-entered figure, checked against what
    the indicator and measure are counted in. Raises ValidationError in Chinese."""
    if measure not in Measure.values:
        raise ValidationError(f"口径“{measure}”无效。")
    written = number(value)
    norm_value, norm_unit = normalise(written, unit)
    expected = {
        Measure.GROWTH: NormUnit.PERCENT,
        Measure.CHANGE_PP: NormUnit.PP,
    }.get(measure, indicator.norm_unit)
    if norm_unit != expected:
        raise ValidationError(
            f"单位“{unit or '(无)'}”与指标“{indicator.name}”的"
            f"{Measure(measure).label}口径不符,应为{norm_unit_label(expected)}类单位。"
        )
    if abs(written) >= MAX_VALUE or abs(norm_value) >= MAX_NORM_VALUE:
        raise ValidationError(f"数值“{value}”超出范围。")
    return decimal4(written), decimal4(norm_value), norm_unit
