"""Self-claims: what the documents say about their own targets (完成/未完成),
recorded on the targets. The reading itself is pure (``targets.claims``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Q

from targets import claims as claim_engine
from targets.cache import bump_data_version
from targets.models import (
    Document,
    DocumentStatus,
    Indicator,
    Mention,
    Target,
)


def claims_apply(*, region_ids: Iterable[int]) -> int:
    """Record on targets what the regions' documents claim about them.

    Re-reads every processed document of the regions, so a claim in a report
    ingested before the plan still reaches the plan's targets. Later documents
    win. Returns the number of targets whose claim changed.
    """
    region_ids = set(region_ids)
    if not region_ids:
        return 0
    documents = (
        Document.objects.filter(
            Q(region_id__in=region_ids)
            | Q(mentions__actual__region_id__in=region_ids)
            | Q(mentions__target__region_id__in=region_ids)
        )
        .exclude(status=DocumentStatus.FAILED)
        .distinct()
    )
    aliases = {
        name: list(values or [])
        for name, values in Indicator.objects.values_list("name", "aliases")
    }
    wanted: dict[int, tuple[str, str]] = {}
    for document in sorted(documents, key=_document_order):
        claims = claim_engine.find_claims(document.text)
        if not claims:
            continue
        mentions = list(
            document.mentions.select_related(
                "target__indicator", "actual__indicator"
            ).filter(
                Q(target__region_id__in=region_ids)
                | Q(actual__region_id__in=region_ids)
            )
        )
        spans = [
            claim_engine.MentionSpan(
                indicator=(m.target or m.actual).indicator.name,
                start=m.start,
                end=m.end,
                kind=m.kind,
            )
            for m in mentions
        ]
        for claim in claims:
            statuses = claim_engine.claimed_indicators(claim, spans, aliases)
            if not statuses:
                continue
            for mention in mentions:
                row = mention.target or mention.actual
                if row.indicator.name not in statuses:
                    continue
                if not claim.scope_start <= mention.start < claim.scope_end:
                    continue
                status = statuses[row.indicator.name]
                for target in _claimed_targets(mention):
                    wanted[target.pk] = (status, claim.quote)
    changed = 0
    for target in Target.objects.filter(pk__in=wanted):
        status, quote = wanted[target.pk]
        if (target.claimed_status, target.claim_quote) != (status, quote):
            Target.objects.filter(pk=target.pk).update(
                claimed_status=status, claim_quote=quote
            )
            changed += 1
    # After the writes: outside a transaction the bump is immediate.
    bump_data_version()  # QuerySet.update fires no signals (targets.cache)
    return changed


def _claimed_targets(mention: Mention) -> list[Target]:
    """The targets a claim about this mention speaks of."""
    if mention.target_id:
        return [mention.target]
    actual = mention.actual
    # A report's figure for a year is weighed against that year's targets.
    targets = list(
        Target.objects.filter(
            region_id=actual.region_id,
            indicator_id=actual.indicator_id,
            period_start__lte=actual.period_start,
            period_end__gte=actual.period_end,
        )
    )
    # "完成了目标任务" speaks of the goal, not of a 力争 stretch beside it.
    keys = {
        (t.measure, t.period_start, t.period_end)
        for t in targets
        if t.tier != Target.STRETCH_TIER
    }
    return [
        t
        for t in targets
        if t.tier != Target.STRETCH_TIER
        or (t.measure, t.period_start, t.period_end) not in keys
    ]


def _document_order(document: Document) -> tuple:
    return (
        document.published is not None,
        document.published or dt.date.min,
        document.year or 0,
        document.pk,
    )
