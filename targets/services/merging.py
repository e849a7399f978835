"""Merging: one document's extracted records into Target, Actual and Mention rows.

One Target per (region, indicator, measure, period, tier); a different value for
the same key opens a conflict flag and never overwrites."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction

from targets.cache import bump_data_version
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
    merger = _Merger(document, result)
    # Base statements first, so a 力争 restatement can find the goal it repeats.
    ordered = sorted(
        extraction.records,
        key=lambda r: (r.kind == "target" and r.stretch and not r.tier, r.start),
    )
    for record in ordered:
        merger.add(record)
    merger.finish()
    bump_data_version()  # bulk writes fire no signals (targets.cache)
    regions = merger.regions | ({document.region_id} if document.region_id else set())
    result.claims = claims_apply(region_ids=regions)
    if regions:
        touched = Target.objects.filter(region_id__in=regions)
        result.evaluated = targets_evaluate(targets=touched)
        result.flags_opened = flags_update(targets=touched).opened
    return result


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


class _Merger:
    """Places one document's records; keeps small caches for the document."""

    def __init__(self, document: Document, result: IngestResult) -> None:
        self.document = document
        self.result = result
        self.regions: set[int] = set()
        self._regions: dict[str, Region] = {}
        self._indicators: dict[tuple[str | None, str], Indicator] = {}
        self._actuals: dict[tuple, Actual] = {}
        self._mentions: dict[tuple, Mention] = {}

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
                ).order_by()
                if t.norm_value == norm_value
            ]
            same.sort(key=lambda t: t.tier != tier)
            target = same[0] if same else None
        if target is None:
            target = Target.objects.filter(**key, tier=tier).first()
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
        flag = Flag.objects.open().filter(target=target, kind=FlagKind.CONFLICT).first()
        if flag is None:
            try:
                # A savepoint: another document may open the same flag meanwhile.
                with transaction.atomic():
                    Flag.objects.create(
                        target=target,
                        region=target.region,
                        kind=FlagKind.CONFLICT,
                        reason=line,
                    )
                return
            except IntegrityError:
                flag = Flag.objects.open().get(target=target, kind=FlagKind.CONFLICT)
        if line not in flag.reason:
            flag.reason = f"{flag.reason}\n{line}"
            flag.save(update_fields=["reason"])

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
        """Write the mentions in one go (the document is new: none exist yet)."""
        Mention.objects.bulk_create(self._mentions.values(), batch_size=500)
        self.result.mentions += len(self._mentions)


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
