"""Self-claims: what the documents say about their own targets (完成/未完成),
recorded on the targets. The reading itself is pure (``targets.claims``).

A document's claims are read once, when it is ingested: each is resolved against
the document's own mentions and stored as SelfClaim rows (region, indicator,
period). The targets they speak of are then found by indexed lookups on
(region, indicator), so the work per document does not grow with the number of
documents the region already has. A plan ingested after its report finds the
report's claims the same way."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Q

from targets import claims as claim_engine
from targets.cache import bump_scoped
from targets.models import (
    Document,
    Indicator,
    Mention,
    SelfClaim,
    Target,
)


def claims_apply(
    *, document: Document, mentions: Iterable[Mention] | None = None
) -> int:
    """Read the document's self-claims, store them, and record on the targets of
    the (region, indicator) pairs the document touches what the latest claims say.

    ``mentions`` are the document's stored mentions with their target or actual
    (and indicator) attached; read from the database when not given. Later
    documents win (published date, year, id). Returns the number of targets whose
    claim changed.
    """
    if mentions is None:
        mentions = Mention.objects.filter(document=document).select_related(
            "target__indicator", "actual__indicator"
        )
    mentions = [m for m in mentions if (m.target or m.actual) is not None]
    SelfClaim.objects.filter(document=document).delete()
    pairs = {
        ((m.target or m.actual).region_id, (m.target or m.actual).indicator_id)
        for m in mentions
    }
    claims = claim_engine.find_claims(document.text or "")
    if claims and mentions:
        SelfClaim.objects.bulk_create(
            _resolve(document, claims, mentions), batch_size=500
        )
    if not pairs:
        return 0
    return _targets_claim(pairs)


def claims_refresh(*, pairs: set[tuple[int, int]]) -> int:
    """Record on the targets of these (region, indicator) pairs what the latest
    stored claims say, e.g. after a document and its claims were deleted."""
    return _targets_claim(pairs)


def _resolve(
    document: Document, claims: list[claim_engine.Claim], mentions: list[Mention]
) -> list[SelfClaim]:
    aliases = _aliases({(m.target or m.actual).indicator_id for m in mentions})
    spans = [
        claim_engine.MentionSpan(
            indicator=(m.target or m.actual).indicator.name,
            start=m.start,
            end=m.end,
            kind=m.kind,
        )
        for m in mentions
    ]
    # One row per thing spoken of; a later claim in the same text wins.
    found: dict[tuple, SelfClaim] = {}
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
            key = (
                mention.target_id,
                row.region_id,
                row.indicator_id,
                row.period_start,
                row.period_end,
            )
            found[key] = SelfClaim(
                document=document,
                target_id=mention.target_id,
                region_id=row.region_id,
                indicator_id=row.indicator_id,
                period_start=row.period_start,
                period_end=row.period_end,
                status=statuses[row.indicator.name],
                quote=claim.quote,
            )
    return list(found.values())


def _aliases(indicator_ids: set[int]) -> dict[str, list[str]]:
    """Name → aliases of the mentioned indicators (the only ones looked up)."""
    return {
        name: list(values or [])
        for name, values in Indicator.objects.filter(pk__in=indicator_ids).values_list(
            "name", "aliases"
        )
    }


def _targets_claim(pairs: set[tuple[int, int]]) -> int:
    """Bring the claims of the pairs' targets in line with their latest SelfClaims."""
    where = Q()
    for region_id, indicator_id in pairs:
        where |= Q(region_id=region_id, indicator_id=indicator_id)
    targets = list(
        Target.objects.filter(where).only(
            "id",
            "region_id",
            "indicator_id",
            "measure",
            "period_start",
            "period_end",
            "tier",
            "claimed_status",
            "claim_quote",
        )
    )
    if not targets:
        return 0
    rows = list(
        SelfClaim.objects.filter(where)
        .select_related("document")
        .only(
            "target_id",
            "region_id",
            "indicator_id",
            "period_start",
            "period_end",
            "status",
            "quote",
            "document__id",
            "document__published",
            "document__year",
        )
    )
    by_pair: dict[tuple[int, int], list[Target]] = defaultdict(list)
    for target in targets:
        by_pair[(target.region_id, target.indicator_id)].append(target)
    wanted: dict[int, tuple[tuple, str, str]] = {}
    for claim in rows:
        order = _document_order(claim.document)
        if claim.target_id:
            spoken = [t for t in targets if t.pk == claim.target_id]
        else:
            spoken = _claimed_targets(
                claim, by_pair[(claim.region_id, claim.indicator_id)]
            )
        for target in spoken:
            if target.pk not in wanted or wanted[target.pk][0] <= order:
                wanted[target.pk] = (order, claim.status, claim.quote)
    changed = []
    for target in targets:
        if target.pk not in wanted:
            continue
        _, status, quote = wanted[target.pk]
        if (target.claimed_status, target.claim_quote) != (status, quote):
            target.claimed_status, target.claim_quote = status, quote
            changed.append(target)
    Target.objects.bulk_update(
        changed, ["claimed_status", "claim_quote"], batch_size=500
    )
    if changed:
        # bulk writes fire no signals (targets.cache)
        bump_scoped(("targets",), {t.region_id for t in changed})
    return len(changed)


def _claimed_targets(claim: SelfClaim, targets: list[Target]) -> list[Target]:
    """The targets a claim about a reported figure speaks of: those of its region
    and indicator whose period holds the figure's."""
    # A report's figure for a year is weighed against that year's targets.
    inside = [
        t
        for t in targets
        if t.period_start <= claim.period_start and t.period_end >= claim.period_end
    ]
    # "完成了目标任务" speaks of the goal, not of a 力争 stretch beside it.
    keys = {
        (t.measure, t.period_start, t.period_end)
        for t in inside
        if t.tier != Target.STRETCH_TIER
    }
    return [
        t
        for t in inside
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
