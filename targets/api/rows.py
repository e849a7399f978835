"""Targets and actuals as API payloads straight from database rows.

/api/targets/ and /api/actuals/ are the endpoints other systems poll and the bench
loads. Building model instances (target, region, indicator, actual, mentions,
documents) and walking them field by field cost more than the queries; here a page
is two queries of plain tuples turned into dicts. The shapes are TargetSerializer's
and ActualSerializer's (the schema's), and the tests compare both on the same rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet
from rest_framework import serializers

from targets import display
from targets.api.filters import open_flags_exist
from targets.followup_choices import Approval
from targets.models import Actual, ActualSource, Measure, Mention, Status, Target
from targets.periods import Period

_DATETIME = serializers.DateTimeField()
_FOUR_PLACES = Decimal("0.0001")


def _dec(value: Decimal) -> str:
    """As DRF's DecimalField(decimal_places=4) writes it ("750.0000"), without the
    per-call field machinery: every model decimal here has four places."""
    return f"{value.quantize(_FOUR_PLACES):f}"


def _optional(value: Decimal | None) -> str | None:
    return None if value is None else _dec(value)


_MEASURES = dict(Measure.choices)
_STATUSES = dict(Status.choices)
_SOURCES = dict(ActualSource.choices)
_APPROVALS = dict(Approval.choices)

# What a target row and an actual row both carry, in the payload's order.
_COMMON_COLUMNS = (
    "id",
    "region_id",
    "region__name",
    "indicator_id",
    "indicator__code",
    "indicator__name",
    "indicator__unit",
    "measure",
    "period_start",
    "period_end",
    "comparator",
    "value",
    "unit",
    "norm_value",
    "norm_unit",
)

_TARGET_COLUMNS = (
    *_COMMON_COLUMNS,
    "tier",
    "recurring",
    "plan_id",
    "status",
    "provisional",
    "progress",
    "schedule_progress",
    "actual_id",
    "actual__value",
    "actual__unit",
    "actual__period_start",
    "actual__period_end",
    "actual__estimate",
    "actual__source",
    "actual__document_id",
    "actual__reported_date",
    "actual_norm_value",
    "actual_period_start",
    "actual_period_end",
    "evaluated_at",
    "claimed_status",
    "claim_quote",
    "flagged",
)

_MENTION_COLUMNS = (
    "id",
    "kind",
    "quote",
    "start",
    "end",
    "target_id",
    "actual_id",
    "document_id",
    "document__name",
    "document__title",
)


def target_queryset() -> QuerySet[Target]:
    """Targets with the open-flag marker, ready for filters and ordering."""
    return Target.objects.annotate(flagged=open_flags_exist())


def target_rows(queryset: QuerySet[Target]) -> QuerySet:
    """Narrow named rows of ``queryset`` (keeps its filters and order); lazy, so a
    paginator slices it in the database."""
    return queryset.values_list(*_TARGET_COLUMNS, named=True)


_ACTUAL_COLUMNS = (
    *_COMMON_COLUMNS,
    "estimate",
    "source",
    "document_id",
    "reported_date",
    "entered_by__username",
    "created_at",
    "approval",
)


def actual_rows(queryset: QuerySet[Actual]) -> QuerySet:
    """Narrow named rows of ``queryset`` (keeps its filters and order, drops the
    instance prefetches); lazy, like target_rows."""
    return queryset.prefetch_related(None).values_list(*_ACTUAL_COLUMNS, named=True)


class PagedRows:
    """What the paginator slices: narrow rows for the page, but the count taken on
    the plain queryset, which needs none of the rows' joins."""

    def __init__(
        self,
        queryset: QuerySet,
        rows: Callable[[QuerySet], QuerySet] = target_rows,
    ) -> None:
        self.queryset = queryset
        self.rows = rows
        self.ordered = queryset.ordered

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[Any]:
        return list(self.rows(self.queryset)[index])


def target_payloads(rows: Iterable[Any]) -> list[dict[str, Any]]:
    """Rows from target_rows as API dicts; one more query fetches their evidence."""
    rows = list(rows)
    evidence = _evidence_for(
        target_ids=[r.id for r in rows],
        actual_ids=[r.actual_id for r in rows if r.actual_id is not None],
    )
    return [_payload(r, evidence) for r in rows]


def actual_payloads(rows: Iterable[Any]) -> list[dict[str, Any]]:
    """Rows from actual_rows as API dicts; one more query fetches their evidence."""
    rows = list(rows)
    evidence = _evidence_for(target_ids=[], actual_ids=[r.id for r in rows])
    return [_actual_payload(r, evidence) for r in rows]


def _head(r: Any) -> dict[str, Any]:
    """The columns a target row and an actual row open with: id, region, indicator."""
    return {
        "id": r.id,
        "region": {"id": r.region_id, "name": r.region__name},
        "indicator": {
            "id": r.indicator_id,
            "code": r.indicator__code,
            "name": r.indicator__name,
            "unit": r.indicator__unit,
        },
    }


def _actual_payload(
    r: Any, evidence: dict[tuple[str, int], list[dict[str, Any]]]
) -> dict[str, Any]:
    return {
        **_head(r),
        "measure": r.measure,
        "period": Period(r.period_start, r.period_end).to_contract(),
        "period_start": r.period_start.isoformat(),
        "period_end": r.period_end.isoformat(),
        "comparator": r.comparator,
        "value": _dec(r.value),
        "unit": r.unit,
        "norm_value": _dec(r.norm_value),
        "norm_unit": r.norm_unit,
        "estimate": r.estimate,
        "source": r.source,
        "source_label": _SOURCES.get(r.source, r.source),
        "document": r.document_id,
        "reported_date": (
            None if r.reported_date is None else r.reported_date.isoformat()
        ),
        "entered_by": r.entered_by__username,
        "created_at": _DATETIME.to_representation(r.created_at),
        "evidence": evidence.get(("actual", r.id), []),
        "approval": r.approval,
        "approval_label": _APPROVALS.get(r.approval, r.approval),
    }


def _evidence_for(
    *, target_ids: list[int], actual_ids: list[int]
) -> dict[tuple[str, int], list[dict[str, Any]]]:
    found: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    if not target_ids and not actual_ids:
        return found
    mentions = (
        Mention.objects.filter(
            Q(target_id__in=target_ids) | Q(actual_id__in=actual_ids)
        )
        .order_by("document_id", "start", "id")
        .values_list(*_MENTION_COLUMNS, named=True)
    )
    for m in mentions:
        item = {
            "id": m.id,
            "kind": m.kind,
            "quote": m.quote,
            "start": m.start,
            "end": m.end,
            "document": {
                "id": m.document_id,
                "name": m.document__name,
                "title": m.document__title,
            },
        }
        if m.target_id is not None:
            found["target", m.target_id].append(item)
        else:
            found["actual", m.actual_id].append(item)
    return found


def _payload(
    r: Any, evidence: dict[tuple[str, int], list[dict[str, Any]]]
) -> dict[str, Any]:
    actual = None
    if r.actual_id is not None:
        actual = {
            "id": r.actual_id,
            "value": _dec(r.actual__value),
            "unit": r.actual__unit,
            "period": Period(
                r.actual__period_start, r.actual__period_end
            ).to_contract(),
            "estimate": r.actual__estimate,
            "source": r.actual__source,
            "document": r.actual__document_id,
            "reported_date": (
                None
                if r.actual__reported_date is None
                else r.actual__reported_date.isoformat()
            ),
        }
    return {
        **_head(r),
        "measure": r.measure,
        "measure_label": _MEASURES.get(r.measure, r.measure),
        "period": Period(r.period_start, r.period_end).to_contract(),
        "period_start": r.period_start.isoformat(),
        "period_end": r.period_end.isoformat(),
        "comparator": r.comparator,
        "value": _dec(r.value),
        "unit": r.unit,
        # Target.target_label, from the row instead of an instance.
        "target": display.target_text(r.comparator, r.value, r.unit),
        "norm_value": _dec(r.norm_value),
        "norm_unit": r.norm_unit,
        "tier": r.tier,
        "recurring": r.recurring,
        "plan": r.plan_id,
        "status": r.status,
        "status_label": _STATUSES.get(r.status, r.status),
        "provisional": r.provisional,
        "progress": _optional(r.progress),
        "schedule_progress": _optional(r.schedule_progress),
        "actual": actual,
        "actual_norm_value": _optional(r.actual_norm_value),
        "actual_period": (
            ""
            if r.actual_period_start is None
            else Period(r.actual_period_start, r.actual_period_end).to_contract()
        ),
        "evaluated_at": None
        if r.evaluated_at is None
        else _DATETIME.to_representation(r.evaluated_at),
        "claimed_status": r.claimed_status,
        "claim_quote": r.claim_quote,
        "flagged": bool(r.flagged),
        "evidence": evidence.get(("target", r.id), [])
        + (evidence.get(("actual", r.actual_id), []) if r.actual_id else []),
    }
