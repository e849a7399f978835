"""Manual actuals: entered by hand, normalised, then the affected targets are
re-judged and flagged."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from targets.cache import bump_data_version
from targets.models import (
    Actual,
    ActualSource,
    Comparator,
    Indicator,
    Measure,
    NormUnit,
    Region,
    Target,
)
from targets.periods import Period, PeriodError
from targets.services.flags import flags_update
from targets.services.judging import targets_evaluate
from targets.services.places import region_resolve
from targets.services.values import decimal4

if TYPE_CHECKING:
    pass

_MONEY = {
    "亿元": Decimal(100_000_000),
    "亿": Decimal(100_000_000),
    "万元": Decimal(10_000),
    "元": Decimal(1),
}
_PERCENT = {"%", "\uff05"}
_POINTS = {"个百分点", "百分点", "pp"}


def normalise(value: Decimal, unit: str) -> tuple[Decimal, str]:
    """A value in a written unit as (norm_value, norm_unit): 2.8亿元 → 280000000 元."""
    unit = (unit or "").strip()
    if unit in _MONEY:
        return value * _MONEY[unit], NormUnit.YUAN
    if unit in _PERCENT:
        return value, NormUnit.PERCENT
    if unit in _POINTS:
        return value, NormUnit.PP
    return value, NormUnit.COUNT


@transaction.atomic
def actual_create(
    *,
    user: Any,
    region: Region | str,
    indicator: Indicator | str,
    measure: str,
    period: str,
    value: Decimal | int | float | str,
    unit: str,
    estimate: bool = False,
    comparator: str = "=",
) -> Actual:
    """Enter an actual by hand; the affected targets are re-judged and flagged."""
    if isinstance(region, str):
        region = region_resolve(name=region)
    if isinstance(indicator, str):
        found = Indicator.objects.filter(Q(code=indicator) | Q(name=indicator)).first()
        if found is None:
            raise ValidationError(f"未知指标“{indicator}”。")
        indicator = found
    if measure not in Measure.values:
        raise ValidationError(f"口径“{measure}”无效。")
    if comparator not in Comparator.values:
        raise ValidationError(f"比较符“{comparator}”无效。")
    try:
        span = Period.from_contract(period)
    except PeriodError as exc:
        raise ValidationError(
            f"期间“{period}”无效,应如 2024、2024-06 或 2024-01/2024-06。"
        ) from exc
    if span.end > timezone.localdate() + dt.timedelta(days=366):
        raise ValidationError(f"期间“{period}”在未来,不能录入实际值。")
    try:
        number = Decimal(str(value))
    except InvalidOperation as exc:
        raise ValidationError(f"数值“{value}”不是数字。") from exc
    if not number.is_finite():
        raise ValidationError(f"数值“{value}”不是数字。")
    norm_value, norm_unit = normalise(number, unit)
    expected = {
        Measure.GROWTH: NormUnit.PERCENT,
        Measure.CHANGE_PP: NormUnit.PP,
    }.get(measure, indicator.norm_unit)
    if norm_unit != expected:
        raise ValidationError(
            f"单位“{unit or '(无)'}”与指标“{indicator.name}”的"
            f"{Measure(measure).label}口径不符,应为{NormUnit(expected).label}类单位。"
        )
    actual = Actual.objects.create(
        region=region,
        indicator=indicator,
        measure=measure,
        period_start=span.start,
        period_end=span.end,
        comparator=comparator,
        value=decimal4(number),
        unit=(unit or "")[:16],
        norm_value=decimal4(norm_value),
        norm_unit=norm_unit,
        estimate=estimate,
        source=ActualSource.MANUAL,
        reported_date=timezone.localdate(),
        entered_by=user if getattr(user, "pk", None) else None,
    )
    touched = Target.objects.filter(region=region, indicator=indicator)
    targets_evaluate(targets=touched)
    flags_update(targets=touched)
    bump_data_version()  # explicit, though the create and re-judgment bump too
    return actual
