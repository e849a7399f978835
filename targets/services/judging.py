"""Judging: link each target to the actual answering it and store the verdict.

The judgment itself is pure (``targets.linking``, ``targets.evaluation``)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from django.conf import settings
from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone

from targets import evaluation, linking
from targets.cache import TARGETS, bump_rows
from targets.models import (
    Actual,
    Approval,
    Direction,
    Target,
)
from targets.services.changes import status_changes_record

MAX_PROGRESS = Decimal(10) ** 8
# Targets judged per round: memory stays flat however many there are.
BATCH_SIZE = 2000
# What judging reads of a target (never the document text, nor the quotes).
JUDGED_FIELDS = (
    "id",
    "region_id",
    "indicator_id",
    "measure",
    "comparator",
    "norm_value",
    "norm_unit",
    "unit",  # the 变化 figure text
    "period_start",
    "period_end",
    "recurring",
    "indicator__id",
    "indicator__direction",
    "indicator__accumulates",
    *(f"{name}_id" if name == "actual" else name for name in Target.VERDICT_FIELDS),
)


def target_batches(
    queryset: QuerySet[Target], size: int | None = None
) -> Iterator[list[int]]:
    """The queryset's target ids in ascending runs of at most ``size``
    (BATCH_SIZE)."""
    size = size or BATCH_SIZE
    ids = list(
        queryset.prefetch_related(None)
        .select_related(None)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def targets_evaluate(
    *, targets: QuerySet[Target] | None = None, today: dt.date | None = None
) -> int:
    """Link each target to the actual answering it, judge it, store the verdict.

    Returns the number of targets judged. History is not written for these fields
    (a nightly re-judgment is not an edit). One pass over slim rows (JUDGED_FIELDS)
    in batches of BATCH_SIZE, so memory does not grow with the number of targets.
    """
    today = today or timezone.localdate()
    queryset = Target.objects.all() if targets is None else targets
    judged = 0
    now = timezone.now()
    for ids in target_batches(queryset):
        judged += targets_evaluate_ids(ids, today=today, now=now)
    return judged


def targets_evaluate_ids(
    ids: list[int], *, today: dt.date, now: dt.datetime | None = None
) -> int:
    """targets_evaluate for one batch of target ids (at most BATCH_SIZE), given as
    ids: the caller has them already, so they are not selected again."""
    if not ids:
        return 0
    rows = list(
        Target.objects.filter(pk__in=ids)
        .select_related("indicator")
        .only(*JUDGED_FIELDS)
        .order_by()
    )
    pool = _candidates_for(rows)
    changed = []
    for target in rows:
        before = _verdict_fields(target)
        _apply(target, pool.get((target.region_id, target.indicator_id), []), today)
        if _verdict_fields(target) != before:
            changed.append(target)
    # Most nightly runs change few verdicts: write only those, then stamp all.
    status_changes_record(changed)  # 变化: before the write (reads the old status)
    _verdicts_write(changed)
    Target.objects.filter(pk__in=ids).update(evaluated_at=now or timezone.now())
    # After the writes: outside a transaction the bump is immediate. Every judged
    # row changes in place (evaluated_at, perhaps the verdict): the pages showing
    # one of them, and those filtered or ordered by verdicts, go stale
    # (targets.cache.bump_rows; bulk writes fire no signals).
    bump_rows(TARGETS, {t.region_id for t in rows}, [t.pk for t in rows])
    return len(rows)


# Column types for the PostgreSQL VALUES list, in Target.VERDICT_FIELDS order.
_VERDICT_TYPES = {
    "status": "varchar",
    "provisional": "boolean",
    "progress": "numeric",
    "schedule_progress": "numeric",
    "actual": "bigint",
    "actual_norm_value": "numeric",
    "actual_period_start": "date",
    "actual_period_end": "date",
}


def _verdicts_write(changed: list[Target], batch_size: int = 500) -> None:
    """Write Target.VERDICT_FIELDS of the changed targets.

    On PostgreSQL one ``UPDATE … FROM (VALUES …)`` per batch: Django's bulk_update
    builds a CASE WHEN expression per row and field in Python, which cost more than
    the judgment itself (1.3 ms per target). Elsewhere (SQLite) bulk_update.
    """
    if not changed:
        return
    if connection.vendor != "postgresql":
        Target.objects.bulk_update(changed, list(Target.VERDICT_FIELDS), batch_size=500)
        return
    columns = [Target._meta.get_field(name).column for name in Target.VERDICT_FIELDS]
    types = [_VERDICT_TYPES[name] for name in Target.VERDICT_FIELDS]
    row = "(%s::bigint, " + ", ".join(f"%s::{t}" for t in types) + ")"
    sets = ", ".join(f'"{c}" = v."{c}"' for c in columns)
    names = ", ".join(f'"{c}"' for c in ["id", *columns])
    table = Target._meta.db_table
    with connection.cursor() as cursor:
        for start in range(0, len(changed), batch_size):
            batch = changed[start : start + batch_size]
            params: list = []
            for target in batch:
                params.append(target.pk)
                params.extend(_verdict_fields(target))
            cursor.execute(
                f'UPDATE "{table}" AS t SET {sets} '
                f"FROM (VALUES {', '.join([row] * len(batch))}) AS v({names}) "
                "WHERE t.id = v.id",
                params,
            )


def _verdict_fields(target: Target) -> tuple:
    # "actual" compares by id: the related row is not loaded.
    return tuple(
        getattr(target, "actual_id" if name == "actual" else name)
        for name in Target.VERDICT_FIELDS
    )


def _candidates_for(
    targets: list[Target],
) -> dict[tuple[int, int], list[linking.Candidate]]:
    region_ids = {t.region_id for t in targets}
    indicator_ids = {t.indicator_id for t in targets}
    pool: dict[tuple[int, int], list[linking.Candidate]] = defaultdict(list)
    pairs = {(t.region_id, t.indicator_id) for t in targets}
    # Plain tuples of the columns linking reads: no instances, no document text.
    actuals = Actual.objects.filter(
        region_id__in=region_ids,
        indicator_id__in=indicator_ids,
        approval=Approval.APPROVED,  # 填报 figures count once approved
    ).values_list(
        "id",
        "region_id",
        "indicator_id",
        "measure",
        "norm_value",
        "norm_unit",
        "period_start",
        "period_end",
        "estimate",
        "comparator",
        "reported_date",
        "document__published",
        "document__year",
    )
    for row in actuals.order_by("-period_end", "id").iterator(chunk_size=2000):
        (pk, region_id, indicator_id, measure, norm_value, norm_unit) = row[:6]
        (start, end, estimate, comparator, reported, published, year) = row[6:]
        if (region_id, indicator_id) not in pairs:
            continue
        pool[(region_id, indicator_id)].append(
            linking.Candidate(
                id=pk,
                measure=measure,
                norm_value=norm_value,
                norm_unit=norm_unit,
                period_start=start,
                period_end=end,
                estimate=estimate,
                comparator=comparator,
                published=reported or published,
                year=year,
            )
        )
    return pool


def _apply(target: Target, candidates: list[linking.Candidate], today: dt.date) -> None:
    indicator = target.indicator
    key = linking.TargetKey(
        measure=target.measure,
        norm_unit=target.norm_unit,
        period_start=target.period_start,
        period_end=target.period_end,
        recurring=target.recurring,
        accumulates=indicator.accumulates,
    )
    found, judged = linking.link(key, candidates)
    facts = evaluation.TargetFacts(
        measure=target.measure,
        comparator=target.comparator,
        norm_value=target.norm_value,
        period_start=judged.period_start,
        period_end=judged.period_end,
        norm_unit=target.norm_unit,
    )
    actual = None
    if found is not None:
        actual = evaluation.ActualFacts(
            norm_value=found.norm_value,
            period_start=found.period_start,
            period_end=found.period_end,
            estimate=found.estimate,
            comparator=found.comparator,
        )
    verdict = evaluation.judge(
        facts,
        actual,
        evaluation.IndicatorFacts(
            direction=indicator.direction or Direction.HIGHER,
            accumulates=indicator.accumulates,
        ),
        today,
        tolerance=settings.DABIAO_TOLERANCE,
        at_risk_margin=settings.DABIAO_AT_RISK_MARGIN,
        grace_days=settings.DABIAO_GRACE_DAYS,
    )
    target.status = verdict.status
    target.provisional = verdict.provisional
    # The column holds 8 integer digits; a ratio beyond it is a unit slip, not news.
    progress = verdict.progress
    target.progress = (
        progress if progress is None or abs(progress) < MAX_PROGRESS else None
    )
    target.schedule_progress = verdict.schedule_progress
    target.actual_id = found.actual_id if found else None
    target.actual_norm_value = found.norm_value if found else None
    target.actual_period_start = found.period_start if found else None
    target.actual_period_end = found.period_end if found else None
