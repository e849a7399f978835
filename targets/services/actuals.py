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

    def row_fields(self) -> dict[str, Any]:
        """The checked values as Actual fields (a manual entry's own ones aside)."""
        return {
            "region": self.region,
            "indicator": self.indicator,
            "measure": self.measure,
            "period_start": self.period.start,
            "period_end": self.period.end,
            "comparator": self.comparator,
            "value": self.value,
            "unit": self.unit,
            "norm_value": self.norm_value,
            "norm_unit": self.norm_unit,
            "source": ActualSource.MANUAL,
        }


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
        **checked.row_fields(),
        estimate=estimate,
        reported_date=timezone.localdate(),
        entered_by=user if getattr(user, "pk", None) else None,
        # A county clerk's figure waits for the city's review (targets.services
        # .reporting); the city's own entries count at once.
        approval=Approval.PENDING if _region_bound(user) else Approval.APPROVED,
    )
    targets_refresh_of([(actual.region_id, actual.indicator_id)])
    return actual


# One bulk request enters at most this many figures (a county's month, twice over).
MAX_BULK_ROWS = 500


class BulkRowsError(Exception):
    """Some rows of a bulk entry are invalid; nothing was written.

    ``errors`` maps each bad row's index to its Chinese messages."""

    def __init__(self, errors: dict[int, list[str]]) -> None:
        super().__init__(f"{len(errors)} 行有误")
        self.errors = errors


def actuals_check_bulk(
    *, rows: list[dict[str, Any]]
) -> tuple[list[tuple[ActualInput, bool]], dict[int, list[str]]]:
    """actual_check on every row, writing nothing: the checked rows (with their
    estimate flag) and each bad row's messages by index."""
    if len(rows) > MAX_BULK_ROWS:
        raise ValidationError(f"一次最多录入 {MAX_BULK_ROWS} 条,收到 {len(rows)} 条。")
    checked: list[tuple[ActualInput, bool]] = []
    errors: dict[int, list[str]] = {}
    for index, row in enumerate(rows):
        try:
            checked.append(
                (
                    actual_check(
                        region=row["region"],
                        indicator=row["indicator"],
                        measure=row["measure"],
                        period=row["period"],
                        value=row["value"],
                        unit=row.get("unit", ""),
                        comparator=row.get("comparator", Comparator.EQ),
                    ),
                    bool(row.get("estimate", False)),
                )
            )
        except ValidationError as exc:
            errors[index] = list(exc.messages)
    return checked, errors


@transaction.atomic
def actuals_create_bulk(*, user: Any, rows: list[dict[str, Any]]) -> list[Actual]:
    """Enter many actuals by hand in one transaction: every row is checked first
    (BulkRowsError with per-row messages, nothing written, if any is bad); then all
    are stored and the targets of their (region, indicator) pairs are re-judged and
    flagged once, not once per row.

    Each row has what actual_create takes (region and indicator as rows).
    """
    checked, errors = actuals_check_bulk(rows=rows)
    if errors:
        raise BulkRowsError(errors)
    today = timezone.localdate()
    entered_by = user if getattr(user, "pk", None) else None
    # As for one figure: a county clerk's figures wait for the city's review.
    approval = Approval.PENDING if _region_bound(user) else Approval.APPROVED
    actuals = [
        Actual.objects.create(
            **c.row_fields(),
            estimate=estimate,
            reported_date=today,
            entered_by=entered_by,
            approval=approval,
        )
        for c, estimate in checked
    ]
    if actuals:
        targets_refresh_of({(a.region_id, a.indicator_id) for a in actuals})
    return actuals


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
    targets_refresh_of(
        [
            (before.region_id, before.indicator_id),
            (actual.region_id, actual.indicator_id),
        ]
    )
    return actual


def _region_bound(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and is_region_bound(user)


def targets_refresh_of(keys: Iterable[tuple[int, int]]) -> None:
    """Re-judge and flag the targets of these (region, indicator) pairs."""
    keys = set(keys)
    query = Q()
    for region_id, indicator_id in keys:
        query |= Q(region_id=region_id, indicator_id=indicator_id)
    # The actuals pages are bumped by the actuals' own saves (targets.cache: a new
    # figure its region, indicator and year; an edit every actuals page of its
    # region); the target pages by the re-judgment and the flags, for the targets
    # they touched: a figure no target answers leaves every target page as it was.
    targets_refresh(targets=Target.objects.filter(query))
