"""What changed: every change of a target's status, recorded where verdicts are
saved (targets.services.judging), with the figure that caused it."""

from __future__ import annotations

from collections.abc import Sequence

from targets.display import format_value
from targets.models import ChangeKind, NormUnit, Status, StatusChange, Target


def change_kind(before: str, after: str) -> str:
    """新完成, 新未完成, 转为有风险, or 新数据 (a first figure that decides nothing)."""
    if after == Status.MET:
        return ChangeKind.NEWLY_MET
    if after == Status.MISSED:
        return ChangeKind.NEWLY_MISSED
    if after == Status.AT_RISK:
        return ChangeKind.TURNED_AT_RISK
    if before == Status.NO_DATA:
        return ChangeKind.NEW_DATA
    return ChangeKind.OTHER


def status_changes_record(targets: Sequence[Target]) -> int:
    """Record the status changes of these judged, not yet saved targets.

    Compares each target's new status with the stored one (one query), so the
    caller only passes the targets whose verdict changed. A new figure for a
    target whose status stays the same is recorded as 新数据 too."""
    if not targets:
        return 0
    stored: dict[int, str] = {}
    stored_actual: dict[int, int | None] = {}
    for pk, status, actual_id in (
        Target.objects.filter(pk__in=[t.pk for t in targets])
        .order_by()  # no joins for Meta.ordering's region and indicator names
        .values_list("pk", "status", "actual_id")
    ):
        stored[pk] = status
        stored_actual[pk] = actual_id
    rows = []
    for target in targets:
        before = stored.get(target.pk, "")
        new_figure = target.actual_id and target.actual_id != stored_actual.get(
            target.pk
        )
        if before == target.status and not new_figure:
            continue
        kind = (
            change_kind(before, target.status)
            if before != target.status
            else ChangeKind.NEW_DATA
        )
        rows.append(
            StatusChange(
                target=target,
                kind=kind,
                before=before,
                after=target.status,
                actual_id=target.actual_id,
                figure=_figure(target),
            )
        )
    StatusChange.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def _figure(target: Target) -> str:
    return figure_text(target)[:128]


def figure_text(target: Target) -> str:
    """The figure a verdict used, as a reader writes it: 38家(2020年),
    2.44亿元(预计数)(2024年1–6月). Empty without one."""
    if target.actual_norm_value is None:
        return ""
    shown = format_value(target.actual_norm_value, target.norm_unit)
    # A count is stored in ones: 家 and 个 apply, 万人 would misstate it.
    unit = target.unit or ""
    scaled = bool(set(unit) & set("十百千万亿"))
    if target.norm_unit == NormUnit.COUNT and unit and not scaled:
        shown += unit
    tag = "(预计数)" if target.provisional else ""
    period = f"({target.actual_period.label})" if target.actual_period else ""
    return f"{shown}{tag}{period}"
