"""Flags: open those the stored verdicts call for, resolve those that cleared."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from targets import display
from targets.cache import TARGETS, bump_rows
from targets.display import format_percent
from targets.followup_models import FlagAction
from targets.models import (
    Flag,
    FlagEvent,
    FlagKind,
    FlagState,
    Status,
    Target,
)
from targets.services.changes import figure_text
from targets.services.judging import target_batches, targets_evaluate_ids

# Flags this module opens and resolves from the judgment; conflict flags are about
# the data itself and stay open until someone resolves them by hand.
JUDGED_FLAG_KINDS = (
    FlagKind.MISSED,
    FlagKind.AT_RISK,
    FlagKind.NO_DATA,
    FlagKind.CLAIM_MISMATCH,
)
# What a flag's reason reads of a target.
FLAGGED_FIELDS = (
    "id",
    "region_id",
    "comparator",
    "value",
    "unit",
    "norm_unit",
    "period_start",
    "period_end",
    "status",
    "provisional",
    "progress",
    "schedule_progress",
    "actual_norm_value",
    "actual_period_start",
    "actual_period_end",
    "claimed_status",
    "claim_quote",
    "actual",  # flag_cause and the figure in a reason
    "norm_value",
)


@dataclass(frozen=True)
class FlagsResult:
    opened: int = 0
    resolved: int = 0
    kept: int = 0


@transaction.atomic
def flags_update(
    *, targets: QuerySet[Target] | None = None, today: dt.date | None = None
) -> FlagsResult:
    """Open the flags the stored verdicts call for and resolve those that no longer
    hold. Running it twice opens nothing the second time.

    A flag the city closed (办结) stays closed while its cause (the verdict and the
    figures behind it) is unchanged; when the cause changes a new flag opens, linked
    to the closed one (``previous``)."""
    today = today or timezone.localdate()
    queryset = Target.objects.all() if targets is None else targets
    total = FlagsResult()
    now = timezone.now()
    # In batches of slim rows: memory stays flat however many targets there are.
    for ids in target_batches(queryset):
        total = _sum(total, flags_update_ids(ids, today=today, now=now))
    return total


def _sum(a: FlagsResult, b: FlagsResult) -> FlagsResult:
    return FlagsResult(
        opened=a.opened + b.opened,
        resolved=a.resolved + b.resolved,
        kept=a.kept + b.kept,
    )


def flags_update_ids(
    ids: list[int], *, today: dt.date, now: dt.datetime | None = None
) -> FlagsResult:
    """flags_update for one batch of target ids (at most judging.BATCH_SIZE), given
    as ids. Call it inside a transaction (flags_update and targets_refresh do)."""
    if not ids:
        return FlagsResult()
    now = now or timezone.now()
    opened = resolved = kept = 0
    rows = list(Target.objects.filter(pk__in=ids).only(*FLAGGED_FIELDS).order_by())
    open_flags: dict[tuple[int, str], Flag] = {
        (f.target_id, f.kind): f
        for f in Flag.objects.open()
        .filter(kind__in=JUDGED_FLAG_KINDS, target_id__in=ids)
        .only("id", "target_id", "kind", "reason", "cause")
    }
    last_flags = _last_resolved(ids)
    new_flags: list[Flag] = []
    changed_flags: list[Flag] = []
    to_resolve: list[int] = []
    for target in rows:
        wanted = _wanted_flags(target, today)
        cause = flag_cause(target)
        for kind in JUDGED_FLAG_KINDS:
            flag = open_flags.get((target.pk, kind))
            if kind in wanted and flag is None:
                last = last_flags.get((target.pk, kind))
                handled = last is not None and last.state == FlagState.CLOSED
                if handled and last.cause == cause:
                    kept += 1  # handled, and nothing has changed since
                    continue
                new_flags.append(
                    Flag(
                        target=target,
                        region_id=target.region_id,
                        kind=kind,
                        reason=wanted[kind],
                        cause=cause,
                        previous=last,
                    )
                )
            elif kind in wanted:
                kept += 1
                if flag.reason != wanted[kind] or flag.cause != cause:
                    flag.reason, flag.cause = wanted[kind], cause
                    changed_flags.append(flag)
            elif flag is not None:
                to_resolve.append(flag.pk)
    # A concurrent ingest may open the same flag (targets_flag_one_open_per_
    # target_kind): that open flag is the one we wanted, so a conflict is
    # skipped. Skipped rows get no pk, so reopen events find their flag after.
    Flag.objects.bulk_create(new_flags, batch_size=1000, ignore_conflicts=True)
    Flag.objects.bulk_update(changed_flags, ["reason", "cause"], batch_size=1000)
    _reopen_events(new_flags)
    Flag.objects.filter(pk__in=to_resolve).update(resolved_at=now)
    opened += len(new_flags)
    resolved += len(to_resolve)
    if new_flags or to_resolve or changed_flags:
        # The targets' "flagged" changed in place (bulk writes fire no signals).
        touched = {f.target_id for f in new_flags + changed_flags}
        touched |= {f.target_id for f in open_flags.values() if f.pk in to_resolve}
        bump_rows(TARGETS, {t.region_id for t in rows if t.pk in touched}, touched)
    return FlagsResult(opened=opened, resolved=resolved, kept=kept)


def _last_resolved(target_ids: list[int]) -> dict[tuple[int, str], Flag]:
    """The latest resolved flag of each (target, kind): what a new flag follows."""
    resolved = Flag.objects.filter(
        kind__in=JUDGED_FLAG_KINDS,
        target_id__in=target_ids,
        resolved_at__isnull=False,
    )
    last: dict[tuple[int, str], Flag] = {}
    for flag in resolved.only("pk", "target_id", "kind", "state", "cause").order_by(
        "resolved_at", "pk"
    ):
        last[(flag.target_id, flag.kind)] = flag
    return last


def _reopen_events(new_flags: list[Flag]) -> None:
    """A 重新预警 event on each new flag that follows one the city had closed."""
    reopened = {
        (flag.target_id, flag.kind): flag.previous_id
        for flag in new_flags
        if flag.previous is not None and flag.previous.state == FlagState.CLOSED
    }
    if not reopened:
        return
    FlagEvent.objects.bulk_create(
        [
            FlagEvent(
                flag=flag,
                action=FlagAction.REOPEN,
                note=f"判断依据已变化,重新预警(上一次预警 #{previous} 已办结)",
                after=FlagState.NEW,
            )
            for flag in Flag.objects.open().filter(
                target_id__in={target_id for target_id, _ in reopened}
            )
            if (previous := reopened.get((flag.target_id, flag.kind)))
        ]
    )


def flag_cause(target: Target) -> str:
    """What a judged flag rests on: the verdict, the figure and the goal. A flag
    closed by hand stays closed while this is unchanged."""
    parts = (
        target.status,
        target.actual_id or "",
        ""
        if target.actual_norm_value is None
        else display.plain(target.actual_norm_value),
        target.provisional,
        target.comparator,
        display.plain(target.norm_value),
        target.claimed_status,
    )
    return "|".join(str(p) for p in parts)[:255]


def actual_text(target: Target) -> str:
    """The figure a verdict used, as a reader writes it: 实际38家(2020年)."""
    figure = figure_text(target)
    return f"实际{figure}" if figure else ""


def _wanted_flags(target: Target, today: dt.date) -> dict[str, str]:
    goal = f"目标{target.target_label}({target.period_label})"
    actual = actual_text(target)
    wanted: dict[str, str] = {}
    if target.status == Status.MISSED:
        wanted[FlagKind.MISSED] = f"{actual},未达到{goal}"
    elif target.status == Status.AT_RISK:
        schedule = ""
        if target.schedule_progress is not None and target.progress is not None:
            schedule = (
                f",完成{format_percent(target.progress)},"
                f"序时进度{format_percent(target.schedule_progress)}"
            )
        wanted[FlagKind.AT_RISK] = f"{actual}{schedule},{goal}进度滞后"
    elif target.status == Status.NO_DATA:
        grace = dt.timedelta(days=settings.DABIAO_GRACE_DAYS)
        if today > target.period_end + grace:
            wanted[FlagKind.NO_DATA] = (
                f"{goal}期间结束已超过{settings.DABIAO_GRACE_DAYS}天,仍无实际数据"
            )
    decided = target.status in (Status.MET, Status.MISSED)
    if target.claimed_status and decided and target.claimed_status != target.status:
        wanted[FlagKind.CLAIM_MISMATCH] = (
            f"文件自述“{target.claim_quote}”({Status(target.claimed_status).label}),"
            f"计算结果为{Status(target.status).label}:{actual},{goal}"
        )
    return wanted


def targets_refresh(
    *, targets: QuerySet[Target] | None = None, today: dt.date | None = None
) -> FlagsResult:
    """Re-judge the targets (every target when None: the nightly job) and bring
    their flags up to date, in bounded batches (judging.BATCH_SIZE) so that the
    nightly run's memory does not grow with the province."""
    queryset = Target.objects.all() if targets is None else targets
    today = today or timezone.localdate()
    total = FlagsResult()
    for ids in target_batches(queryset):
        now = timezone.now()
        targets_evaluate_ids(ids, today=today, now=now)
        # Its own transaction, or (in a caller's) no savepoint: an error rolls the
        # caller back anyway.
        with transaction.atomic(savepoint=False):
            total = _sum(total, flags_update_ids(ids, today=today, now=now))
    return total
