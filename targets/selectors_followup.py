"""Reads of the follow-up workflow: flags by 督办 state, 填报 batches, changes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from targets.models import (
    Actual,
    Approval,
    Flag,
    FlagState,
    Region,
    ReportBatch,
    StatusChange,
)
from targets.permissions import bound_region_ids

# The list's 状态 filter: what a 督办 officer asks for.
FLAG_FILTERS = {
    "unassigned": "待分派",
    "in_progress": "办理中",
    "closed": "已办结",
    "overdue": "逾期",
}


def flag_status_label(flag: Flag, today: dt.date | None = None) -> str:
    today = today or timezone.localdate()
    if flag.state == FlagState.CLOSED:
        return "已办结"
    if flag.resolved_at is not None:
        return "已解除"
    if flag.due_date and flag.due_date < today:
        return "逾期"
    return FlagState(flag.state).label


def flag_list(
    *,
    status: str = "",
    unit: str = "",
    region: Region | None = None,
    today: dt.date | None = None,
) -> QuerySet[Flag]:
    """Flags by 督办 state (FLAG_FILTERS), responsible unit and region (with the
    regions below it). Auto-resolved flags that nobody handled are left out unless
    asked for by region alone."""
    today = today or timezone.localdate()
    flags = Flag.objects.select_related(
        "target__region",
        "target__indicator",
        "region",
        "assignee",
        "unit_group",
    ).order_by("-opened_at", "-pk")
    open_unhandled = Q(resolved_at__isnull=True) & ~Q(state=FlagState.CLOSED)
    if status == "unassigned":
        flags = flags.filter(open_unhandled, state=FlagState.NEW)
    elif status == "in_progress":
        flags = flags.filter(open_unhandled).exclude(state=FlagState.NEW)
    elif status == "closed":
        flags = flags.filter(state=FlagState.CLOSED)
    elif status == "overdue":
        flags = flags.filter(open_unhandled, due_date__lt=today)
    else:
        flags = flags.filter(open_unhandled | Q(state=FlagState.CLOSED))
    if unit:
        if unit.isdigit():
            flags = flags.filter(unit_group_id=int(unit))
        else:
            flags = flags.filter(unit_department=unit)
    if region is not None:
        ids = Region.objects.with_descendants(region).values("pk")
        flags = flags.filter(Q(region__in=ids) | Q(target__region__in=ids))
    return flags


def flag_units() -> list[tuple[str, str]]:
    """The units flags were assigned to: groups by id, departments by name."""
    groups = (
        Flag.objects.filter(unit_group__isnull=False)
        .values_list("unit_group_id", "unit_group__name")
        .distinct()
    )
    departments = (
        Flag.objects.exclude(unit_department="")
        .values_list("unit_department", flat=True)
        .distinct()
    )
    return [(str(pk), name) for pk, name in groups] + [(d, d) for d in departments]


def batches_for(user: Any) -> QuerySet[ReportBatch]:
    batches = ReportBatch.objects.select_related("region", "submitted_by")
    bound = bound_region_ids(user)
    if bound is not None:
        batches = batches.filter(region_id__in=bound)
    return batches


def entries_for(user: Any) -> QuerySet[Actual]:
    """The 填报 figures a user may see: their regions' (all for the city)."""
    actuals = Actual.objects.filter(batch__isnull=False).select_related(
        "region", "indicator", "batch", "entered_by"
    )
    bound = bound_region_ids(user)
    if bound is not None:
        actuals = actuals.filter(region_id__in=bound)
    return actuals.order_by("-created_at", "-pk")


def pending_entries() -> QuerySet[Actual]:
    return (
        Actual.objects.filter(approval=Approval.PENDING)
        .select_related("region", "indicator", "batch", "entered_by")
        .order_by("batch__period_start", "region__name", "pk")
    )


def default_since(today: dt.date | None = None) -> dt.date:
    """The first day of last month."""
    today = today or timezone.localdate()
    first = today.replace(day=1)
    return (first - dt.timedelta(days=1)).replace(day=1)


def change_list(
    *,
    since: dt.date,
    region: Region | None = None,
    indicator_id: int | None = None,
    kind: str = "",
) -> QuerySet[StatusChange]:
    start = dt.datetime.combine(
        since, dt.time.min, tzinfo=timezone.get_current_timezone()
    )
    changes = StatusChange.objects.filter(changed_at__gte=start).select_related(
        "target__region", "target__indicator"
    )
    if region is not None:
        changes = changes.filter(
            target__region__in=Region.objects.with_descendants(region).values("pk")
        )
    if indicator_id:
        changes = changes.filter(target__indicator_id=indicator_id)
    if kind:
        changes = changes.filter(kind=kind)
    return changes.order_by("-changed_at", "-pk")
