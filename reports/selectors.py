"""Reads for the scorecard: which targets are in scope, per-region counts, detail rows
streamed in chunks, open flags.

The detail rows are plain tuples from ``values_list`` read through a server-side
cursor (``iterator``), so memory stays flat at any scale. Small related tables
(regions, indicators, the plans in scope) are fetched once up front; the one
per-target related row the sheet shows (the first target quote) is fetched once per
chunk with a single ``IN`` query.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from django.db import connection
from django.db.models import F, FloatField, Max, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce, ExtractYear
from django.utils import timezone

from reports.models import Export
from targets import display
from targets.models import (
    Document,
    Flag,
    Indicator,
    Mention,
    MentionKind,
    Region,
    Target,
)
from targets.periods import Period
from targets.selectors import status_counts_by_region
from targets.selectors_review import confirmed_targets, unconfirmed_ids

CHUNK_SIZE = 2000


@dataclass(frozen=True)
class ScorecardScope:
    """What a scorecard covers; every part is optional and they combine (AND)."""

    region: Region | None = None
    year: int | None = None
    document: Document | None = None
    target_ids: tuple[int, ...] | None = None
    confirmed_only: bool = False  # only figures a person confirmed (审核)

    @property
    def label(self) -> str:
        """The scope in words for the title row, e.g. "芜湖市(含下辖地区) 2024年"."""
        parts = []
        if self.region is not None:
            parts.append(f"{self.region.name}(含下辖地区)")
        if self.year is not None:
            parts.append(Period.of_year(self.year).label)
        if self.document is not None:
            parts.append(f"依据《{self.document.title or self.document.name}》")
        if self.target_ids is not None:
            parts.append(f"选定的{len(self.target_ids)}个目标")
        label = " ".join(parts) or "全部地区"
        return f"{label}(仅含已审核数据)" if self.confirmed_only else label


class RegionSummary(NamedTuple):
    region: str
    total: int
    met: int
    missed: int
    at_risk: int
    on_track: int
    no_data: int

    @property
    def completion_rate(self) -> float | None:
        """met ÷ total: the share of all targets in scope that are met."""
        return self.met / self.total if self.total else None


class ScorecardRow(NamedTuple):
    """One target as the detail sheet needs it, related names already resolved."""

    pk: int
    region: str
    indicator: str
    measure: str
    period_start: dt.date
    period_end: dt.date
    comparator: str
    value: Decimal
    unit: str
    norm_value: Decimal
    norm_unit: str
    tier: str
    status: str
    provisional: bool
    progress: float | None
    schedule_progress: float | None
    actual_norm_value: float | None
    actual_period_start: dt.date | None
    actual_period_end: dt.date | None
    plan: str
    quote: str
    reviewed: bool = True  # a person confirmed the target's statement (审核)


class FlagRow(NamedTuple):
    region: str
    indicator: str
    period_start: dt.date | None
    period_end: dt.date | None
    comparator: str
    value: Decimal | None
    unit: str
    kind: str
    reason: str
    opened_at: dt.datetime


def scorecard_targets(*, scope: ScorecardScope) -> QuerySet[Target]:
    """The targets a scorecard with this scope covers (unordered)."""
    qs = Target.objects.all()
    if scope.region is not None:
        qs = qs.for_region(scope.region)
    if scope.year is not None:
        qs = qs.in_year(scope.year)
    if scope.document is not None:
        qs = qs.filter(plan=scope.document)
    if scope.target_ids is not None:
        qs = qs.filter(_pk_in(scope.target_ids))
    if scope.confirmed_only:
        qs = confirmed_targets(qs)
    return qs


# Above this many ids, pass them as one JSON parameter: SQLite allows at most 32,766
# bound parameters, and an admin "select all" can pick more targets than that.
MANY_IDS = 500


def _pk_in(ids: tuple[int, ...]) -> Q:
    if len(ids) <= MANY_IDS:
        return Q(pk__in=ids)
    payload = json.dumps(list(ids))
    if connection.vendor == "sqlite":
        return Q(pk__in=RawSQL("SELECT value FROM json_each(%s)", (payload,)))
    if connection.vendor == "postgresql":
        return Q(
            pk__in=RawSQL(
                "SELECT jsonb_array_elements_text(%s::jsonb)::bigint", (payload,)
            )
        )
    return Q(pk__in=ids)


def scorecard_summary(*, scope: ScorecardScope) -> list[RegionSummary]:
    """Per-region status counts in one GROUP BY query, ordered by region name."""
    rows = status_counts_by_region(scorecard_targets(scope=scope))
    return [
        RegionSummary(row["region__name"], *(row[f] for f in RegionSummary._fields[1:]))
        for row in rows
    ]


def scorecard_data_date(*, scope: ScorecardScope) -> dt.date | None:
    """The local date of the latest evaluation in scope: how fresh the figures are."""
    latest = scorecard_targets(scope=scope).aggregate(latest=Max("evaluated_at"))[
        "latest"
    ]
    return timezone.localdate(latest) if latest else None


_ROW_FIELDS = (
    "pk",
    "region_id",
    "indicator_id",
    "measure",
    "period_start",
    "period_end",
    "comparator",
    "value",
    "unit",
    "norm_value",
    "norm_unit",
    "tier",
    "status",
    "provisional",
    "progress_float",
    "schedule_float",
    "actual_float",
    "actual_period_start",
    "actual_period_end",
    "plan_id",
)


def _first_quotes(target_ids: list[int]) -> dict[int, str]:
    """The earliest target quote of each target, in one query."""
    quotes: dict[int, str] = {}
    rows = (
        Mention.objects.filter(target_id__in=target_ids, kind=MentionKind.TARGET)
        .order_by("target_id", "document_id", "start")
        .values_list("target_id", "quote")
    )
    for target_id, quote in rows:
        quotes.setdefault(target_id, quote)
    return quotes


def scorecard_rows(
    *, scope: ScorecardScope, chunk_size: int = CHUNK_SIZE
) -> Iterator[ScorecardRow]:
    """Every target in scope, ordered by region, indicator and period, in chunks."""
    qs = scorecard_targets(scope=scope)
    regions = dict(Region.objects.values_list("pk", "name"))
    indicators = dict(Indicator.objects.values_list("pk", "name"))
    # Only the plans in scope, and never their (large) text.
    plans = {
        pk: title or name
        for pk, title, name in Document.objects.filter(
            pk__in=qs.exclude(plan=None).values("plan_id")
        ).values_list("pk", "title", "name")
    }
    # The evaluation figures are only ever shown, never computed with: read them as
    # floats and skip building a Decimal for each (a third of the read time).
    stream = (
        qs.annotate(
            progress_float=Cast("progress", FloatField()),
            schedule_float=Cast("schedule_progress", FloatField()),
            actual_float=Cast("actual_norm_value", FloatField()),
        )
        .order_by("region__name", "indicator__name", "period_start", "tier", "pk")
        .values_list(*_ROW_FIELDS)
    )
    chunk: list[tuple] = []
    for raw in stream.iterator(chunk_size=chunk_size):
        chunk.append(raw)
        if len(chunk) >= chunk_size:
            yield from _resolve(chunk, regions, indicators, plans)
            chunk = []
    if chunk:
        yield from _resolve(chunk, regions, indicators, plans)


def _resolve(
    chunk: list[tuple],
    regions: dict[int, str],
    indicators: dict[int, str],
    plans: dict[int, str],
) -> Iterator[ScorecardRow]:
    quotes = _first_quotes([raw[0] for raw in chunk])
    unreviewed = unconfirmed_ids([raw[0] for raw in chunk])
    # The raw tuple follows _ROW_FIELDS: ids to resolve at both ends, the
    # figures in between already in ScorecardRow's order.
    for pk, region_id, indicator_id, *figures, plan_id in chunk:
        yield ScorecardRow(
            pk,
            regions[region_id],
            indicators[indicator_id],
            *figures,
            plans.get(plan_id, "") if plan_id else "",
            quotes.get(pk, ""),
            pk not in unreviewed,
        )


def scorecard_flags(*, scope: ScorecardScope) -> Iterator[FlagRow]:
    """Open flags in scope: flags on targets in scope, and region-level flags (such
    as 赛马 reports not filed) for regions in scope when the scope is not narrowed to
    one plan or to picked targets."""
    condition = Q(target__in=scorecard_targets(scope=scope))
    if scope.document is None and scope.target_ids is None:
        region_q = Q(target__isnull=True)
        if scope.region is not None:
            region_q &= Q(region__in=Region.objects.with_descendants(scope.region))
        if scope.year is not None:
            region_q &= Q(month__year=scope.year)
        condition |= region_q
    rows = (
        Flag.objects.open()
        .filter(condition)
        .order_by(
            Coalesce("target__region__name", "region__name"),
            F("target__indicator__name").asc(nulls_last=True),
            "kind",
            "pk",
        )
        .values_list(
            "target__region__name",
            "region__name",
            "target__indicator__name",
            "target__period_start",
            "target__period_end",
            "target__comparator",
            "target__value",
            "target__unit",
            "kind",
            "reason",
            "opened_at",
        )
    )
    titles: dict[str, str] = {}
    chunk: list[tuple[Any, ...]] = []
    for row in rows.iterator(chunk_size=CHUNK_SIZE):
        chunk.append(row)
        if len(chunk) >= CHUNK_SIZE:
            yield from _flag_rows(chunk, titles)
            chunk = []
    yield from _flag_rows(chunk, titles)


def _flag_rows(
    chunk: list[tuple[Any, ...]], titles: dict[str, str]
) -> Iterator[FlagRow]:
    """One chunk of flag rows, reasons as people read them (display.reason_text):
    the documents a chunk quotes by file name are looked up in one query."""
    names = set().union(*(display.quoted_file_names(row[9]) for row in chunk))
    unknown = names - titles.keys()
    if unknown:
        titles.update(dict.fromkeys(unknown, ""))
        titles.update(
            Document.objects.filter(name__in=unknown)
            .exclude(title="")
            .values_list("name", "title")
        )
    for (
        target_region,
        flag_region,
        indicator,
        period_start,
        period_end,
        comparator,
        value,
        unit,
        kind,
        reason,
        opened_at,
    ) in chunk:
        reason = display.reason_text(reason, titles)
        yield FlagRow(
            region=target_region or flag_region or "",
            indicator=indicator or "",
            period_start=period_start,
            period_end=period_end,
            comparator=comparator or "",
            value=value,
            unit=unit or "",
            kind=kind,
            reason=reason,
            opened_at=opened_at,
        )


def export_list(user: Any) -> QuerySet[Export]:
    """Staff see every export; everyone else sees the ones they asked for."""
    qs = Export.objects.all()
    if not user.is_staff:
        qs = qs.filter(requested_by=user)
    return qs


# --- Filter choices of the pages ---------------------------------------------------


def region_choices() -> list[tuple[int, str]]:
    """Regions in tree order, indented by depth: 芜湖市, then its counties."""
    regions = list(Region.objects.only("id", "name", "parent_id"))
    children: dict[int | None, list[Region]] = {}
    for region in regions:
        children.setdefault(region.parent_id, []).append(region)
    ordered: list[tuple[int, str]] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for region in sorted(children.get(parent_id, []), key=lambda r: r.name):
            ordered.append((region.pk, "\u3000" * depth + region.name))
            walk(region.pk, depth + 1)

    walk(None, 0)
    return ordered


def year_choices() -> list[int]:
    """The years some target's period touches, newest first (no empty years)."""
    spans = (
        Target.objects.order_by()
        .values_list(ExtractYear("period_start"), ExtractYear("period_end"))
        .distinct()
    )
    years: set[int] = set()
    for first, last in spans:
        if first is not None and last is not None:
            years.update(range(first, last + 1))
    return sorted(years, reverse=True)
