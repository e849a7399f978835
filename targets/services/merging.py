"""Merging: one document's extracted records into Target, Actual and Mention rows.

One Target per (region, indicator, measure, period, tier); a different value for
the same key opens a conflict flag and never overwrites."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet

from targets.cache import ACTUALS, TARGETS, bump_scoped
from targets.models import (
    Actual,
    ActualSource,
    Document,
    DocumentKind,
    Flag,
    FlagKind,
    Indicator,
    Measure,
    Mention,
    MentionKind,
    Region,
    Target,
)
from targets.periods import Period, PeriodError
from targets.services.claims import claims_apply
from targets.services.flags import flags_update
from targets.services.judging import targets_evaluate
from targets.services.places import indicator_resolve, region_resolve
from targets.services.values import (
    MAX_NORM_VALUE,
    MAX_VALUE,
    comparator_or_eq,
    decimal4,
    norm_unit_or_count,
)

if TYPE_CHECKING:
    from targets.extraction.records import Extraction, Record
    from targets.services.documents import IngestResult


def records_ingest(
    *, document: Document, extraction: Extraction, result: IngestResult
) -> IngestResult:
    """Merge one document's extracted records into Target, Actual and Mention rows.

    One Target per (region, indicator, measure, period, tier): a repeated statement
    becomes another Mention; a different value for the same key opens a conflict
    flag and never overwrites. A 力争 restatement of a base goal with the same value
    is the same goal (the base row gets the mention). Then self-claims are applied
    and the document's regions are re-judged and flagged.
    """
    _document_apply_info(document, extraction)
    merger = Merger(document, result)
    # Base statements first, so a 力争 restatement can find the goal it repeats.
    ordered = sorted(
        extraction.records,
        key=lambda r: (r.kind == "target" and r.stretch and not r.tier, r.start),
    )
    for record in ordered:
        merger.add(record)
    merger.finish()
    regions = merger.regions | ({document.region_id} if document.region_id else set())
    # bulk writes fire no signals (targets.cache)
    bump_scoped((TARGETS, ACTUALS), regions)
    result.claims = claims_apply(document=document, mentions=merger.mentions())
    touched = touched_targets(merger.mentions())
    if touched is not None:
        # Only what this document can change: the targets of the (region,
        # indicator) pairs it speaks of; the nightly run re-judges the rest.
        result.evaluated = targets_evaluate(targets=touched)
        result.flags_opened = flags_update(targets=touched).opened
    return result


def touched_targets(mentions: list[Mention]) -> QuerySet[Target] | None:
    """The targets sharing a (region, indicator) with the mentions' rows: those a
    new statement or figure can re-judge. None when there are none."""
    pairs = {
        ((m.target or m.actual).region_id, (m.target or m.actual).indicator_id)
        for m in mentions
        if (m.target or m.actual) is not None
    }
    if not pairs:
        return None
    where = Q()
    for region_id, indicator_id in sorted(pairs):
        where |= Q(region_id=region_id, indicator_id=indicator_id)
    return Target.objects.filter(where)


def _document_apply_info(document: Document, extraction: Extraction) -> None:
    info = extraction.info
    if info.title and not document.title:
        document.title = info.title[:255]
    if document.region_id is None and info.region:
        document.region = region_resolve(name=info.region)
    if document.year is None and info.year:
        document.year = info.year
    if document.kind == DocumentKind.BOTH and info.kind in DocumentKind.values:
        document.kind = info.kind
    document.save()


class Merger:
    """Places one document's records; keeps small caches for the document."""

    def __init__(self, document: Document, result: IngestResult) -> None:
        self.document = document
        self.result = result
        self.regions: set[int] = set()
        self._regions: dict[str, Region] = {}
        self._indicators: dict[tuple[str | None, str], Indicator] = {}
        self._actuals: dict[tuple, Actual] = {}
        self._mentions: dict[tuple, Mention] = {}
        self._conflicts: dict[int, tuple[Target, list[str]]] = {}

    def add(self, record: Record) -> None:
        region = self._region(record)
        if region is None:
            self._skip(record, "无法确定地区")
            return
        period = record.period or self._default_period(record)
        if period is None:
            self._skip(record, "无法确定期间")
            return
        try:
            span = Period.from_contract(period)
        except PeriodError as exc:
            self._skip(record, str(exc))
            return
        if record.end <= record.start:
            self._skip(record, "原文位置无效")
            return
        if (
            abs(Decimal(str(record.value))) >= MAX_VALUE
            or abs(Decimal(str(record.norm_value))) >= MAX_NORM_VALUE
        ):
            self._skip(record, "数值超出范围")
            return
        indicator = self._indicator(record)
        self.regions.add(region.pk)
        if record.kind == MentionKind.TARGET:
            self._target(record, region, indicator, span.start, span.end)
        else:
            self._actual(record, region, indicator, span.start, span.end)

    def _default_period(self, record: Record) -> str | None:
        """The document's year, where it is the year the statement is about."""
        year = self.document.year
        if year is None:
            return None
        # A 总结与计划 document's year is the year summarised; its goals are
        # usually for the next year, so an undated goal there is ambiguous.
        ambiguous = self.document.kind == DocumentKind.BOTH
        if record.kind == MentionKind.TARGET and ambiguous:
            return None
        return str(year)

    def _skip(self, record: Record, why: str) -> None:
        self.result.skipped += 1
        self.result.warnings.append(f"跳过“{record.quote[:40]}”:{why}")

    def _region(self, record: Record) -> Region | None:
        if not record.region:
            return self.document.region
        key = Region.canonical_name(record.region)
        if key not in self._regions:
            self._regions[key] = region_resolve(name=key, parent=self.document.region)
        return self._regions[key]

    def _indicator(self, record: Record) -> Indicator:
        if not self._indicators:
            if not Indicator.objects.filter(in_catalog=True).exists():
                # Without the catalog every indicator would be "non-catalog" and
                # flows would not be judged by 序时进度: load it first.
                from targets.catalog import catalog_load

                catalog_load()
            # One query for the whole catalog instead of two per record.
            for indicator in Indicator.objects.all():
                self._indicators[(indicator.code, indicator.name)] = indicator
                self._indicators[(None, indicator.name)] = indicator
                if indicator.code:
                    self._indicators[(indicator.code, "")] = indicator
        key = (record.indicator_code, record.indicator)
        known = self._indicators.get(key) or self._indicators.get(
            (record.indicator_code, "")
        )
        if known is None and not record.indicator_code:
            known = self._indicators.get((None, record.indicator))
        if known is not None:
            return known
        if key not in self._indicators:
            self._indicators[key] = indicator_resolve(
                code=record.indicator_code,
                name=record.indicator,
                unit=record.unit,
                norm_unit=record.norm_unit if record.measure == Measure.LEVEL else "",
            )
        return self._indicators[key]

    def _target(
        self,
        record: Record,
        region: Region,
        indicator: Indicator,
        start: dt.date,
        end: dt.date,
    ) -> None:
        norm_value = decimal4(record.norm_value)
        key = {
            "region": region,
            "indicator": indicator,
            "measure": record.measure,
            "period_start": start,
            "period_end": end,
        }
        tier = record.tier or (
            Target.STRETCH_TIER if record.stretch else Target.BASE_TIER
        )
        target = None
        if not record.tier:
            # "力争750家" repeating the base goal of 750家 (or a base statement
            # repeating a 力争 goal) is the same goal: its own tier first.
            same = [
                t
                for t in Target.objects.filter(
                    **key, tier__in=[Target.BASE_TIER, Target.STRETCH_TIER]
                )
                .select_related("region", "indicator")
                .order_by()
                if t.norm_value == norm_value
            ]
            same.sort(key=lambda t: t.tier != tier)
            target = same[0] if same else None
        if target is None:
            target = (
                Target.objects.filter(**key, tier=tier)
                .select_related("region", "indicator")
                .first()
            )
        created = False
        if target is None:
            target, created = _target_create_or_get(
                key,
                tier=tier[:32],
                comparator=comparator_or_eq(record.comparator),
                value=decimal4(record.value),
                unit=record.unit[:16],
                norm_value=norm_value,
                norm_unit=norm_unit_or_count(record.norm_unit),
                recurring=record.recurring,
                plan=self.document,
            )
        if created:
            self.result.targets_created += 1
        elif target.norm_value != norm_value:
            self._conflict(target, record)
        else:
            self.result.targets_merged += 1
        self._mention(record, target=target)

    def _conflict(self, target: Target, record: Record) -> None:
        self.result.conflicts += 1
        line = (
            f"“{self.document.name}”称“{record.quote[:80]}”,"
            f"与已有目标值{target.target_label}不一致"
        )
        self.result.warnings.append(f"目标冲突:{target}:{line}")
        # Written in bulk by finish(): one read and one write however many.
        self._conflicts.setdefault(target.pk, (target, []))[1].append(line)

    def _actual(
        self,
        record: Record,
        region: Region,
        indicator: Indicator,
        start: dt.date,
        end: dt.date,
    ) -> None:
        key = {
            "region": region,
            "indicator": indicator,
            "measure": record.measure,
            "period_start": start,
            "period_end": end,
            "document": self.document,
        }
        norm_value = decimal4(record.norm_value)
        # The document is new, so its actuals are all made here.
        cache_key = (region.pk, indicator.pk, record.measure, start, end)
        actual = self._actuals.get(cache_key)
        if actual is None:
            actual = self._actuals[cache_key] = Actual.objects.create(
                **key,
                comparator=comparator_or_eq(record.comparator),
                value=decimal4(record.value),
                unit=record.unit[:16],
                norm_value=norm_value,
                norm_unit=norm_unit_or_count(record.norm_unit),
                estimate=record.estimate,
                source=ActualSource.DOCUMENT,
                reported_date=self.document.published,
            )
            self.result.actuals_created += 1
        else:
            self.result.actuals_merged += 1
            if actual.norm_value != norm_value:
                # Two figures for one key in one document (e.g. 省级 and 市级
                # counts read as one indicator): keep the first, say so.
                self.result.conflicts += 1
                self.result.warnings.append(
                    f"实际值冲突:{actual}:另有“{record.quote[:60]}”,已保留前者"
                )
        self._mention(record, actual=actual)

    def _mention(
        self,
        record: Record,
        *,
        target: Target | None = None,
        actual: Actual | None = None,
    ) -> None:
        raw_value = decimal4(record.value)
        span = (record.kind, record.start, record.end, raw_value)
        if span in self._mentions:
            return
        self._mentions[span] = Mention(
            document=self.document,
            kind=record.kind,
            start=record.start,
            end=record.end,
            raw_value=raw_value,
            quote=record.quote,
            unit=record.unit[:16],
            indicator_text=record.indicator[:128],
            stretch=record.stretch,
            estimate=record.estimate,
            target=target,
            actual=actual,
        )

    def finish(self) -> None:
        """Write the mentions in one go (the document is new: none exist yet), and
        the conflicts."""
        Mention.objects.bulk_create(self._mentions.values(), batch_size=500)
        self.result.mentions += len(self._mentions)
        conflicts_record(self._conflicts.values())

    def mentions(self) -> list[Mention]:
        """The document's mentions as written, with their targets and actuals."""
        return list(self._mentions.values())


# A conflict flag lists at most this many statements, then counts the others.
MAX_CONFLICT_LINES = 20
_MORE = "另有{n}处表述与已有目标值不一致"


def conflicts_record(
    conflicts: Iterable[tuple[Target, list[str]]], *, attempts: int = 3
) -> None:
    """Open or extend the conflict flags of the targets, in bulk. A reason keeps
    its first MAX_CONFLICT_LINES statements and a count of the rest, so a target
    stated differently by thousands of documents costs the same as by one."""
    conflicts = list(conflicts)
    if not conflicts:
        return
    open_flags = {
        f.target_id: f
        for f in Flag.objects.open().filter(
            kind=FlagKind.CONFLICT, target_id__in=[t.pk for t, _ in conflicts]
        )
    }
    new, changed = [], []
    for target, lines in conflicts:
        flag = open_flags.get(target.pk)
        if flag is None:
            flag = Flag(
                target=target, region_id=target.region_id, kind=FlagKind.CONFLICT
            )
            new.append(flag)
        reason = _conflict_reason(flag.reason, lines)
        if reason != flag.reason:
            flag.reason = reason
            if flag.pk:
                changed.append(flag)
    try:
        # A savepoint: a concurrent ingest may open one of these flags meanwhile
        # (targets_flag_one_open_per_target_kind); then extend that one instead.
        with transaction.atomic():
            Flag.objects.bulk_create(new, batch_size=500)
    except IntegrityError:
        if attempts <= 1:
            raise
        conflicts_record([(t, lines) for t, lines in conflicts], attempts=attempts - 1)
        return
    Flag.objects.bulk_update(changed, ["reason"], batch_size=500)


def _conflict_reason(reason: str, lines: list[str]) -> str:
    kept = [line for line in reason.split("\n") if line] if reason else []
    more = 0
    if kept and kept[-1].startswith("另有") and kept[-1].endswith("不一致"):
        digits = "".join(ch for ch in kept.pop() if ch.isdigit())
        more = int(digits or 0)
    for line in lines:
        if line in kept:
            continue
        if len(kept) < MAX_CONFLICT_LINES:
            kept.append(line)
        else:
            more += 1
    if more:
        kept.append(_MORE.format(n=more))
    return "\n".join(kept)


def _target_create_or_get(key: dict, **fields) -> tuple[Target, bool]:
    """Create the target of ``key`` + tier, or take the one a concurrent ingest just
    committed (targets_target_one_per_key).

    The INSERT runs in a savepoint: on PostgreSQL it waits for the other
    transaction, and when that one commits it fails with IntegrityError; the
    savepoint is rolled back and the committed row, now visible (READ COMMITTED),
    is used instead. Returns (target, created).
    """
    try:
        with transaction.atomic():
            return Target.objects.create(**key, **fields), True
    except IntegrityError:
        existing = Target.objects.filter(**key, tier=fields["tier"]).first()
        if existing is None:
            raise
        return existing, False
