"""Flags: open those the stored verdicts call for, resolve those that cleared."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from targets.cache import bump_data_version
from targets.display import format_percent, format_value
from targets.models import (
    Flag,
    FlagKind,
    Status,
    Target,
)
from targets.services.judging import targets_evaluate

# Flags this module opens and resolves from the judgment; conflict flags are about
# the data itself and stay open until someone resolves them by hand.
JUDGED_FLAG_KINDS = (
    FlagKind.MISSED,
    FlagKind.AT_RISK,
    FlagKind.NO_DATA,
    FlagKind.CLAIM_MISMATCH,
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
    rows = list(queryset.select_related("indicator", "region"))
    flags = Flag.objects.open().filter(kind__in=JUDGED_FLAG_KINDS)
    if targets is not None:
        flags = flags.filter(target__in=targets.values("pk"))
    open_flags: dict[tuple[int, str], Flag] = {
        (f.target_id, f.kind): f for f in flags.filter(target__isnull=False)
    }
    new_flags: list[Flag] = []
    to_resolve: list[int] = []
    kept = 0
    for target in rows:
        wanted = _wanted_flags(target, today)
        for kind in JUDGED_FLAG_KINDS:
            flag = open_flags.get((target.pk, kind))
            if kind in wanted and flag is None:
                new_flags.append(
                    Flag(
                        target=target,
                        region=target.region,
                        kind=kind,
                        reason=wanted[kind],
                    )
                )
            elif kind in wanted:
                kept += 1
            elif flag is not None:
                to_resolve.append(flag.pk)
    # A concurrent ingest may open the same flag (targets_flag_one_open_per_target_
    # kind): that open flag is the one we wanted, so a conflict is skipped.
    Flag.objects.bulk_create(new_flags, batch_size=1000, ignore_conflicts=True)
    now = timezone.now()
    for start in range(0, len(to_resolve), 5000):
        Flag.objects.filter(pk__in=to_resolve[start : start + 5000]).update(
            resolved_at=now
        )
    bump_data_version()  # bulk writes fire no signals (targets.cache)
    return FlagsResult(opened=len(new_flags), resolved=len(to_resolve), kept=kept)


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
    their flags up to date."""
    targets_evaluate(targets=targets, today=today)
    return flags_update(targets=targets, today=today)
