"""Flags: open those the stored verdicts call for, resolve those that cleared."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from targets.cache import TARGETS, bump_scoped
from targets.display import format_percent, format_value
from targets.models import (
    Flag,
    FlagKind,
    Status,
    Target,
)
from targets.services.judging import target_batches, targets_evaluate

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
    hold. Running it twice opens nothing the second time."""
    today = today or timezone.localdate()
    queryset = Target.objects.all() if targets is None else targets
    opened = resolved = kept = 0
    regions: set[int] = set()
    now = timezone.now()
    # In batches of slim rows: memory stays flat however many targets there are.
    for ids in target_batches(queryset):
        rows = list(Target.objects.filter(pk__in=ids).only(*FLAGGED_FIELDS).order_by())
        open_flags: dict[tuple[int, str], Flag] = {
            (f.target_id, f.kind): f
            for f in Flag.objects.open()
            .filter(kind__in=JUDGED_FLAG_KINDS, target_id__in=ids)
            .only("id", "target_id", "kind")
        }
        new_flags: list[Flag] = []
        to_resolve: list[int] = []
        for target in rows:
            wanted = _wanted_flags(target, today)
            for kind in JUDGED_FLAG_KINDS:
                flag = open_flags.get((target.pk, kind))
                if kind in wanted and flag is None:
                    new_flags.append(
                        Flag(
                            target=target,
                            region_id=target.region_id,
                            kind=kind,
                            reason=wanted[kind],
                        )
                    )
                elif kind in wanted:
                    kept += 1
                elif flag is not None:
                    to_resolve.append(flag.pk)
        Flag.objects.bulk_create(new_flags, batch_size=1000)
        Flag.objects.filter(pk__in=to_resolve).update(resolved_at=now)
        opened += len(new_flags)
        resolved += len(to_resolve)
        if new_flags or to_resolve:
            regions |= {t.region_id for t in rows}
    bump_scoped((TARGETS,), regions)  # bulk writes fire no signals (targets.cache)
    return FlagsResult(opened=opened, resolved=resolved, kept=kept)


def _wanted_flags(target: Target, today: dt.date) -> dict[str, str]:
    goal = f"目标{target.target_label}({target.period_label})"
    actual = ""
    if target.actual_norm_value is not None:
        shown = format_value(target.actual_norm_value, target.norm_unit)
        tag = "(预计数)" if target.provisional else ""
        actual = f"实际{shown}{tag}({target.actual_period.label})"
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
    total = FlagsResult()
    for ids in target_batches(queryset):
        batch = Target.objects.filter(pk__in=ids)
        targets_evaluate(targets=batch, today=today)
        got = flags_update(targets=batch, today=today)
        total = FlagsResult(
            opened=total.opened + got.opened,
            resolved=total.resolved + got.resolved,
            kept=total.kept + got.kept,
        )
    return total
