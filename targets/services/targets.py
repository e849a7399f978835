"""Targets edited by hand (the admin): the normalised value follows from value and
unit, and the target is re-judged and flagged at once."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from targets.models import Comparator, Target
from targets.periods import Period, PeriodError
from targets.services.flags import targets_refresh
from targets.services.values import measured

# What an edit may change; norm_value and norm_unit follow from value and unit, the
# verdict fields from the judgment.
EDITABLE_FIELDS = (
    "region",
    "indicator",
    "measure",
    "period_start",
    "period_end",
    "comparator",
    "value",
    "unit",
    "tier",
    "recurring",
    "plan",
)


def target_check(target: Target) -> None:
    """Every check of a target's hand-set fields, without writing anything.

    Fills ``norm_value`` and ``norm_unit`` on the instance; raises ValidationError
    in Chinese. Forms call it in ``clean``; the writers call it again.
    """
    try:
        Period(target.period_start, target.period_end)
    except PeriodError as exc:
        raise ValidationError(str(exc)) from exc
    if target.comparator not in Comparator.values:
        raise ValidationError(f"比较符“{target.comparator}”无效。")
    target.value, target.norm_value, target.norm_unit = measured(
        value=target.value,
        unit=target.unit,
        indicator=target.indicator,
        measure=target.measure,
    )


@transaction.atomic
def target_update(*, target: Target, **changes: Any) -> Target:
    """Edit a target: recompute its normalised value, re-judge it, update its flags.

    A target edited from 1.8亿元 to 3亿元 is judged against 3亿元 before this
    returns; its status, progress and flags follow.
    """
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(f"不能修改字段:{'、'.join(sorted(unknown))}。")
    for name, value in changes.items():
        setattr(target, name, value)
    target_check(target)
    target.save()
    return _judged(target)


@transaction.atomic
def target_create(*, target: Target) -> Target:
    """Store a target entered by hand (an unsaved instance built by a form)."""
    if target.pk is not None:
        raise ValidationError("目标已存在,请用修改。")
    target_check(target)
    target.save()
    return _judged(target)


def _judged(target: Target) -> Target:
    targets_refresh(targets=Target.objects.filter(pk=target.pk))
    target.refresh_from_db()
    return target
