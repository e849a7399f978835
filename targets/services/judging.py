"""Judging: link each target to the actual answering it and store the verdict.

The judgment itself is pure (``targets.linking``, ``targets.evaluation``)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from targets import evaluation, linking
from targets.cache import bump_data_version
from targets.models import (
    Actual,
    Approval,
    Direction,
    Target,
)
from targets.services.changes import status_changes_record

MAX_PROGRESS = Decimal(10) ** 8


def targets_evaluate(
    *, targets: QuerySet[Target] | None = None, today: dt.date | None = None
) -> int:
    """Link each target to the actual answering it, judge it, store the verdict.

    Returns the number of targets judged. History is not written for these fields
    (a nightly re-judgment is not an edit).
    """
    today = today or timezone.localdate()
    queryset = Target.objects.all() if targets is None else targets
    rows = list(queryset.select_related("indicator"))
    if not rows:
        return 0
    pool = _candidates_for(rows)
    changed = []
    for target in rows:
        before = _verdict_fields(target)
        _apply(target, pool.get((target.region_id, target.indicator_id), []), today)
        if _verdict_fields(target) != before:
            changed.append(target)
    # Most nightly runs change few verdicts: write only those, then stamp all.
    status_changes_record(changed)  # 变化: before the write, it reads the old status
    Target.objects.bulk_update(changed, list(Target.VERDICT_FIELDS), batch_size=500)
    now = timezone.now()
    ids = [t.pk for t in rows]
    for start in range(0, len(ids), 5000):
        Target.objects.filter(pk__in=ids[start : start + 5000]).update(evaluated_at=now)
    # After the writes: outside a transaction the bump is immediate.
    bump_data_version()  # bulk writes fire no signals (targets.cache)
    for target in rows:
        target.evaluated_at = now
    return len(rows)


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
    actuals = Actual.objects.filter(
        region_id__in=region_ids,
        indicator_id__in=indicator_ids,
        approval=Approval.APPROVED,  # 填报 figures count once approved
    ).select_related("document")
    for a in actuals:
        document = a.document
        pool[(a.region_id, a.indicator_id)].append(
            linking.Candidate(
                id=a.pk,
                measure=a.measure,
                norm_value=a.norm_value,
                norm_unit=a.norm_unit,
                period_start=a.period_start,
                period_end=a.period_end,
                estimate=a.estimate,
                comparator=a.comparator,
                published=a.reported_date or (document.published if document else None),
                year=document.year if document else None,
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
