"""Reads for commands, the demo and reports: targets with their verdicts."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from targets.display import STATUS_LABELS, STATUS_ORDER
from targets.models import Actual, Flag, Mention, Region, Target


def targets_for(*, region: Region | None = None) -> QuerySet[Target]:
    """Targets (of a region and the regions below it) with what a listing shows."""
    queryset = Target.objects.all()
    if region is not None:
        queryset = queryset.for_region(region)
    # Documents only by name: their text is megabytes per row (targets.services.
    # judging reads its own slim rows).
    return (
        queryset.select_related("region", "indicator", "plan", "actual__document")
        .defer("plan__text", "actual__document__text")
        .prefetch_related(
            Prefetch(
                "mentions",
                queryset=Mention.objects.select_related("document")
                .only("id", "target_id", "document__id", "document__name")
                .order_by(),
            )
        )
    )


def target_documents(target: Target) -> list[str]:
    """Base names of the documents behind a target: its statements and its actual."""
    names = {m.document.name for m in target.mentions.all()}
    if target.plan is not None:
        names.add(target.plan.name)
    actual: Actual | None = target.actual
    if actual is not None and actual.document is not None:
        names.add(actual.document.name)
    return sorted(names)


def target_row(target: Target) -> dict[str, Any]:
    """The `evaluate --json` line for one target (numbers as JSON numbers)."""
    return {
        "region": target.region.name,
        "indicator": target.indicator.name,
        "measure": target.measure,
        "period": target.period.to_contract(),
        "tier": target.tier,
        "comparator": target.comparator,
        "norm_value": json_number(target.norm_value),
        "norm_unit": target.norm_unit,
        "actual_norm_value": json_number(target.actual_norm_value),
        "actual_period": (
            target.actual_period.to_contract() if target.actual_period else None
        ),
        "status": target.status,
        "provisional": target.provisional,
        "progress": json_number(target.progress),
        "documents": target_documents(target),
    }


def json_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value.normalize())


@dataclass(frozen=True)
class RegionStatusRow:
    region: str
    total: int
    met: int
    missed: int
    at_risk: int
    on_track: int
    no_data: int
    provisional: int
    open_flags: int

    @property
    def counts(self) -> dict[str, int]:
        return {status: getattr(self, status) for status in STATUS_ORDER}


def status_counts_by_region(targets: QuerySet[Target]) -> QuerySet:
    """Per-region counts of the given targets in one GROUP BY query: ``total``, one
    count per status (named by its value) and ``provisional``. The demo, the
    ``evaluate`` table and the scorecard's 总览 all count through here."""
    return (
        targets.order_by()
        .values("region__name")
        .annotate(
            total=Count("pk"),
            **{status: Count("pk", filter=Q(status=status)) for status in STATUS_ORDER},
            provisional=Count("pk", filter=Q(provisional=True)),
        )
        .order_by("region__name")
    )


def status_summary_by_region() -> list[RegionStatusRow]:
    """One row per region that has targets: how many are in each status.

    For the demo and the review pages; ordered by region name.
    """
    open_flags = dict(
        Flag.objects.open()
        .filter(target__isnull=False)
        .values_list("target__region__name")
        .annotate(n=Count("id"))
        .order_by()
    )
    rows = []
    for row in status_counts_by_region(Target.objects.all()):
        region = row.pop("region__name")
        rows.append(
            RegionStatusRow(region=region, open_flags=open_flags.get(region, 0), **row)
        )
    return sorted(rows, key=lambda r: r.region)


def status_table(rows: list[RegionStatusRow]) -> list[str]:
    """The summary as printable lines (Chinese headers, aligned columns)."""
    labels = [STATUS_LABELS[s] for s in STATUS_ORDER]
    headers = ["地区", "目标数", *labels, "预计", "预警"]
    body = [
        [
            r.region,
            str(r.total),
            *[str(r.counts[s]) for s in STATUS_ORDER],
            str(r.provisional),
            str(r.open_flags),
        ]
        for r in rows
    ]
    widths = [
        max(_width(line[i]) for line in [headers, *body]) for i in range(len(headers))
    ]
    return [
        "  ".join(_pad(cell, widths[i]) for i, cell in enumerate(line)).rstrip()
        for line in [headers, *body]
    ]


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
