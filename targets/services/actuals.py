"""Manual actuals: entered or edited by hand, normalised, then the affected targets
are re-judged and flagged at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from targets.cache import bump_data_version
from targets.models import (
    Actual,
    ActualSource,
    Approval,
    Comparator,
    Indicator,
    Region,
    Target,
)
from targets.periods import Period, PeriodError
from targets.permissions import is_region_bound
from targets.services.flags import targets_refresh
from targets.services.places import region_resolve
from targets.services.values import measured

# What an edit may change; the normalised value follows from value and unit.
EDITABLE_FIELDS = (
    "region",
    "indicator",
    "measure",
    "period_start",
    "period_end",
    "comparator",
    "value",
    "unit",
    "estimate",
    "reported_date",
)


@dataclass(frozen=True)
class ActualInput:
    """A hand-entered actual that passed every check, ready to store."""

    region: Region
    indicator: Indicator
    measure: str
    period: Period
    comparator: str
    value: Decimal
    unit: str
    norm_value: Decimal
    norm_unit: str


def actual_check(
    *,
    region: Region,
    indicator: Indicator,
    measure: str,
    period: str | Period,
    value: Any,
    unit: str,
    comparator: str = "=",
) -> ActualInput:
    """Every check of a hand-entered actual, without writing anything.

    Forms call it in ``clean`` so the Chinese message shows beside the fields;
    ``actual_create`` and ``actual_update`` call it again before they write.
    """
    if comparator not in Comparator.values:
        raise ValidationError(f"比较符“{comparator}”无效。")
    if isinstance(period, Period):
        span = period
    else:
        try:
            span = Period.from_contract(period)
        except PeriodError as exc:
            raise ValidationError(
                f"期间“{period}”无效,应如 2024、2024-06 或 2024-01/2024-06。"
            ) from exc
    if span.end > timezone.localdate() + dt.timedelta(days=366):
        raise ValidationError(f"期间“{span.label}”在未来,不能录入实际值。")
    written, norm_value, norm_unit = measured(
        value=value, unit=unit, indicator=indicator, measure=measure
    )
    return ActualInput(
        region=region,
        indicator=indicator,
        measure=measure,
        period=span,
        comparator=comparator,
        value=written,
        unit=(unit or "")[:16],
        norm_value=norm_value,
        norm_unit=norm_unit,
    )


@transaction.atomic
def actual_create(
    *,
    user: Any,
    region: Region | str,
    indicator: Indicator | str,
    measure: str,
    period: str | Period,
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
    checked = actual_check(
        region=region,
        indicator=indicator,
        measure=measure,
        period=period,
        value=value,
        unit=unit,
        comparator=comparator,
    )
    actual = Actual.objects.create(
        region=checked.region,
        indicator=checked.indicator,
        measure=checked.measure,
        period_start=checked.period.start,
        period_end=checked.period.end,
        comparator=checked.comparator,
        value=checked.value,
        unit=checked.unit,
        norm_value=checked.norm_value,
        norm_unit=checked.norm_unit,
        estimate=estimate,
        source=ActualSource.MANUAL,
        reported_date=timezone.localdate(),
        entered_by=user if getattr(user, "pk", None) else None,
        # A county clerk's figure waits for the city's review (targets.services
        # .reporting); the city's own entries count at once.
        approval=Approval.PENDING if _region_bound(user) else Approval.APPROVED,
    )
    _refresh_targets_of([(actual.region_id, actual.indicator_id)])
    return actual


@transaction.atomic
def actual_update(*, actual: Actual, **changes: Any) -> Actual:
    """Edit a stored actual: the normalised value is recomputed from value and unit,
    and the targets it may answer (before and after the edit) are re-judged and
    their flags brought up to date in the same transaction."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(f"不能修改字段:{'、'.join(sorted(unknown))}。")
    before = Actual.objects.get(pk=actual.pk)
    for name, value in changes.items():
        setattr(actual, name, value)
    try:
        span = Period(actual.period_start, actual.period_end)
    except PeriodError as exc:
        raise ValidationError(str(exc)) from exc
    checked = actual_check(
        region=actual.region,
        indicator=actual.indicator,
        measure=actual.measure,
        period=span,
        value=actual.value,
        unit=actual.unit,
        comparator=actual.comparator,
    )
    actual.value = checked.value
    actual.unit = checked.unit
    actual.norm_value = checked.norm_value
    actual.norm_unit = checked.norm_unit
    actual.save()
    _refresh_targets_of(
        [
            (before.region_id, before.indicator_id),
            (actual.region_id, actual.indicator_id),
        ]
    )
    return actual


def _region_bound(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and is_region_bound(user)


def _refresh_targets_of(keys: Iterable[tuple[int, int]]) -> None:
    """Re-judge and flag the targets of these (region, indicator) pairs."""
    query = Q()
    for region_id, indicator_id in set(keys):
        query |= Q(region_id=region_id, indicator_id=indicator_id)
    targets_refresh(targets=Target.objects.filter(query))
    bump_data_version()  # explicit, though the writes and re-judgment bump too
