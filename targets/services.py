"""Writes: storing documents, merging their mentions into targets and actuals,
judging targets and keeping flags current.

Every entry point takes keyword-only arguments. Reads live in ``targets.selectors``;
the judgment itself is pure (``targets.evaluation``, ``targets.linking``,
``targets.claims``); this module only moves rows in and out of them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from targets import claims as claim_engine
from targets import evaluation, linking
from targets.cache import bump_data_version
from targets.models import (
    Actual,
    ActualSource,
    Comparator,
    Direction,
    Document,
    DocumentKind,
    DocumentStatus,
    Flag,
    FlagKind,
    Indicator,
    Measure,
    Mention,
    MentionKind,
    NormUnit,
    Region,
    RegionLevel,
    Status,
    Target,
)
from targets.periods import PeriodError, format_period, parse_period

if TYPE_CHECKING:
    from targets.extraction import LoadedDocument
    from targets.extraction.records import Extraction, Record

logger = logging.getLogger(__name__)

FOUR_PLACES = Decimal("0.0001")
# What the decimal columns hold (max_digits - decimal_places integer digits).
MAX_VALUE = Decimal(10) ** 20
MAX_NORM_VALUE = Decimal(10) ** 24
MAX_PROGRESS = Decimal(10) ** 8
KINDS = ("auto", "plan", "report", "both")
# Flags this module opens and resolves from the judgment; conflict flags are about
# the data itself and stay open until someone resolves them by hand.
JUDGED_FLAG_KINDS = (
    FlagKind.MISSED,
    FlagKind.AT_RISK,
    FlagKind.NO_DATA,
    FlagKind.CLAIM_MISMATCH,
)
TRANSIENT_DB_ERRORS = (OperationalError, InterfaceError)


@dataclass
class IngestResult:
    document: Document
    created: bool = False  # a new Document row was stored
    duplicate: bool = False  # the same content was already ingested
    failed: bool = False
    error: str = ""
    targets_created: int = 0
    targets_merged: int = 0  # mentions added to an existing target
    actuals_created: int = 0
    actuals_merged: int = 0
    mentions: int = 0
    conflicts: int = 0
    skipped: int = 0  # records that could not be placed (no period, no region)
    claims: int = 0  # targets whose self-claim was recorded or changed
    evaluated: int = 0
    flags_opened: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def targets(self) -> int:
        return self.targets_created + self.targets_merged

    @property
    def actuals(self) -> int:
        return self.actuals_created + self.actuals_merged

    def as_dict(self) -> dict[str, Any]:
        return {
            "document_id": self.document.pk,
            "document": self.document.name,
            "created": self.created,
            "duplicate": self.duplicate,
            "failed": self.failed,
            "error": self.error,
            "targets_created": self.targets_created,
            "targets_merged": self.targets_merged,
            "actuals_created": self.actuals_created,
            "actuals_merged": self.actuals_merged,
            "mentions": self.mentions,
            "conflicts": self.conflicts,
            "skipped": self.skipped,
            "claims": self.claims,
            "evaluated": self.evaluated,
            "flags_opened": self.flags_opened,
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class FlagsResult:
    opened: int = 0
    resolved: int = 0
    kept: int = 0


# --- Documents ----------------------------------------------------------------------


@transaction.atomic
def document_create(
    *,
    data: bytes,
    name: str,
    user: Any = None,
    region: str | None = None,
    published: dt.date | None = None,
    kind: str = "auto",
) -> tuple[Document, bool]:
    """Store an uploaded file as a pending Document.

    Returns ``(document, True)`` for new content and ``(existing, False)`` when the
    same bytes were stored before. Unreadable files raise ValidationError and store
    nothing.
    """
    name = PurePath(name or "").name or "document.txt"
    if kind not in KINDS:
        raise ValidationError(f"文件类型“{kind}”无效,应为 auto、plan、report 或 both。")
    loaded = _load(data, name)
    digest = hashlib.sha256(data).hexdigest()
    existing = Document.objects.filter(sha256=digest).first()
    if existing is not None:
        return existing, False
    document = Document(
        name=name[:255],
        sha256=digest,
        region=region_resolve(name=region) if region else None,
        kind=DocumentKind.BOTH if kind == "auto" else kind,
        published=published,
        text=loaded.text,
        encoding=loaded.encoding or "",
        uploaded_by=user if getattr(user, "pk", None) else None,
    )
    document.file.save(name, ContentFile(data), save=False)
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError:
        # Two uploads of the same bytes raced; the other one won.
        document.file.delete(save=False)
        return Document.objects.get(sha256=digest), False
    return document, True


def document_process(*, document: Document) -> IngestResult:
    """Extract a stored document and merge its mentions into targets and actuals.

    One transaction: either everything from the document is stored, evaluated and
    flagged, or nothing is and the Document is marked failed with the error.
    Processing a document that is already done does nothing.
    """
    now = timezone.now()
    # A worker that died mid-document (acks_late redelivers the task) leaves it
    # "processing"; after the task time limit it may be claimed again.
    stale = now - dt.timedelta(
        seconds=getattr(settings, "CELERY_TASK_TIME_LIMIT", 1800)
    )
    claimed = (
        Document.objects.filter(pk=document.pk)
        .filter(
            Q(status__in=[DocumentStatus.PENDING, DocumentStatus.FAILED])
            | Q(status=DocumentStatus.PROCESSING, processed_at__lt=stale)
        )
        .update(status=DocumentStatus.PROCESSING, error="", processed_at=now)
    )
    document.refresh_from_db()
    if not claimed:
        result = IngestResult(document=document, duplicate=True)
        result.warnings.append(f"文件已处理(状态:{document.get_status_display()})")
        return result
    result = IngestResult(document=document)
    try:
        with transaction.atomic():
            extraction = _extract(document)
            records_ingest(document=document, extraction=extraction, result=result)
            document.status = DocumentStatus.DONE
            document.processed_at = timezone.now()
            document.save()
    except Exception as exc:
        message = f"{type(exc).__name__}: {exc}"[:2000]
        logger.exception("ingest of document %s failed", document.pk)
        # Outside the rolled-back block, so the failure itself is kept.
        try:
            Document.objects.filter(pk=document.pk).update(
                status=DocumentStatus.FAILED, error=message
            )
            document.refresh_from_db()
        except TRANSIENT_DB_ERRORS:
            # The database is gone too: the row stays "processing" and becomes
            # claimable again after the task time limit.
            logger.warning("could not record the failure of document %s", document.pk)
            raise exc from None
        if isinstance(exc, TRANSIENT_DB_ERRORS):
            raise  # let the Celery task retry with backoff
        fresh = IngestResult(document=document, failed=True, error=message)
        return fresh
    return result


def document_ingest(
    *,
    data: bytes,
    name: str,
    user: Any = None,
    region: str | None = None,
    published: dt.date | None = None,
    kind: str = "auto",
) -> IngestResult:
    """document_create then document_process; the same content twice adds nothing."""
    document, created = document_create(
        data=data,
        name=name,
        user=user,
        region=region,
        published=published,
        kind=kind,
    )
    if not created and document.status == DocumentStatus.DONE:
        result = IngestResult(document=document, duplicate=True)
        result.warnings.append(f"内容与已导入的文件“{document.name}”相同,未重复导入")
        return result
    result = document_process(document=document)
    result.created = created
    return result


def _load(data: bytes, name: str) -> LoadedDocument:
    # Imported here: the engine is optional for everything but reading files.
    from targets.extraction import LoadError, load_bytes

    try:
        return load_bytes(data, name)
    except LoadError as exc:
        raise ValidationError(f"无法读取文件“{name}”:{exc}") from exc


def _extract(document: Document) -> Extraction:
    from targets.extraction import extract

    hint: dict[str, Any] = {}
    if document.region_id:
        hint["region"] = document.region.name
    if document.year:
        hint["year"] = document.year
    if document.kind != DocumentKind.BOTH:
        hint["kind"] = document.kind
    if document.published:
        hint["published"] = document.published.isoformat()
    return extract(document.text, document.name, info_hint=hint or None)


# --- Merging records ----------------------------------------------------------------


def records_ingest(
    *, document: Document, extraction: Extraction, result: IngestResult | None = None
) -> IngestResult:
    """Merge one document's extracted records into Target, Actual and Mention rows.

    One Target per (region, indicator, measure, period, tier): a repeated statement
    becomes another Mention; a different value for the same key opens a conflict
    flag and never overwrites. A 力争 restatement of a base goal with the same value
    is the same goal (the base row gets the mention). Then self-claims are applied
    and the document's regions are re-judged and flagged.
    """
    result = result or IngestResult(document=document)
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
            start, end = parse_period(period)
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
            self._target(record, region, indicator, start, end)
        else:
            self._actual(record, region, indicator, start, end)

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
        norm_value = _decimal(record.norm_value)
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
        if target is None:
            target = Target.objects.create(
                **key,
                tier=tier[:32],
                comparator=_comparator(record.comparator),
                value=_decimal(record.value),
                unit=record.unit[:16],
                norm_value=norm_value,
                norm_unit=_norm_unit(record.norm_unit),
                recurring=record.recurring,
                plan=self.document,
            )
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
            Flag.objects.create(
                target=target, region=target.region, kind=FlagKind.CONFLICT, reason=line
            )
        elif line not in flag.reason:
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
        norm_value = _decimal(record.norm_value)
        # The document is new, so its actuals are all made here.
        cache_key = (region.pk, indicator.pk, record.measure, start, end)
        actual = self._actuals.get(cache_key)
        if actual is None:
            actual = self._actuals[cache_key] = Actual.objects.create(
                **key,
                comparator=_comparator(record.comparator),
                value=_decimal(record.value),
                unit=record.unit[:16],
                norm_value=norm_value,
                norm_unit=_norm_unit(record.norm_unit),
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
        raw_value = _decimal(record.value)
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


def region_resolve(*, name: str, parent: Region | None = None) -> Region:
    """The region of that name (南昌 = 南昌市), created on first sight."""
    canonical = Region.canonical_name(name)
    region = Region.objects.filter(name=canonical).first()
    if region is not None:
        return region
    level = RegionLevel.CITY
    if canonical.endswith("省"):
        level = RegionLevel.PROVINCE
    elif canonical.endswith(("县", "区")):
        level = RegionLevel.COUNTY
    # A county named in a city's document sits under that city; nothing else is
    # guessed.
    if (
        level != RegionLevel.COUNTY
        or parent is None
        or parent.level != RegionLevel.CITY
    ):
        parent = None
    region, _ = Region.objects.get_or_create(
        name=canonical[:64], defaults={"level": level, "parent": parent}
    )
    return region


def indicator_resolve(
    *, code: str | None, name: str, unit: str = "", norm_unit: str = ""
) -> Indicator:
    """The catalog indicator by code or name; otherwise a non-catalog indicator."""
    if code:
        found = Indicator.objects.filter(code=code).first()
        if found is not None:
            return found
    found = Indicator.objects.filter(name=name[:128]).first()
    if found is not None:
        return found
    indicator, _ = Indicator.objects.get_or_create(
        name=name[:128],
        defaults={
            "unit": unit[:16],
            "norm_unit": norm_unit if norm_unit in NormUnit.values else NormUnit.COUNT,
            "in_catalog": False,
        },
    )
    return indicator


# --- Self-claims --------------------------------------------------------------------


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


# --- Judgment -----------------------------------------------------------------------


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
    Target.objects.bulk_update(changed, list(VERDICT_FIELDS), batch_size=500)
    now = timezone.now()
    ids = [t.pk for t in rows]
    for start in range(0, len(ids), 5000):
        Target.objects.filter(pk__in=ids[start : start + 5000]).update(evaluated_at=now)
    # After the writes: outside a transaction the bump is immediate.
    bump_data_version()  # bulk writes fire no signals (targets.cache)
    for target in rows:
        target.evaluated_at = now
    return len(rows)


VERDICT_FIELDS = (
    "status",
    "provisional",
    "progress",
    "schedule_progress",
    "actual",
    "actual_norm_value",
    "actual_period",
)


def _verdict_fields(target: Target) -> tuple:
    return (
        target.status,
        target.provisional,
        target.progress,
        target.schedule_progress,
        target.actual_id,
        target.actual_norm_value,
        target.actual_period,
    )


def _candidates_for(
    targets: list[Target],
) -> dict[tuple[int, int], list[linking.Candidate]]:
    region_ids = {t.region_id for t in targets}
    indicator_ids = {t.indicator_id for t in targets}
    pool: dict[tuple[int, int], list[linking.Candidate]] = defaultdict(list)
    actuals = Actual.objects.filter(
        region_id__in=region_ids, indicator_id__in=indicator_ids
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
    target.actual_period = (
        format_period(found.period_start, found.period_end) if found else ""
    )


# --- Flags --------------------------------------------------------------------------


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
    Flag.objects.bulk_create(new_flags, batch_size=1000)
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
        shown = evaluation.format_value(target.actual_norm_value, target.norm_unit)
        tag = "(预计数)" if target.provisional else ""
        actual = f"实际{shown}{tag}({target.actual_period})"
    wanted: dict[str, str] = {}
    if target.status == Status.MISSED:
        wanted[FlagKind.MISSED] = f"{actual},未达到{goal}"
    elif target.status == Status.AT_RISK:
        schedule = ""
        if target.schedule_progress is not None and target.progress is not None:
            schedule = (
                f",完成{target.progress * 100:.1f}%,"
                f"序时进度{target.schedule_progress * 100:.1f}%"
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


def targets_refresh(*, today: dt.date | None = None) -> FlagsResult:
    """Re-judge every target and bring every flag up to date (the nightly job)."""
    targets_evaluate(today=today)
    return flags_update(today=today)


# --- Manual actuals -----------------------------------------------------------------

_MONEY = {
    "亿元": Decimal(100_000_000),
    "亿": Decimal(100_000_000),
    "万元": Decimal(10_000),
    "元": Decimal(1),
}
_PERCENT = {"%", "\uff05"}
_POINTS = {"个百分点", "百分点", "pp"}


def normalise(value: Decimal, unit: str) -> tuple[Decimal, str]:
    """A value in a written unit as (norm_value, norm_unit): 2.8亿元 → 280000000 元."""
    unit = (unit or "").strip()
    if unit in _MONEY:
        return value * _MONEY[unit], NormUnit.YUAN
    if unit in _PERCENT:
        return value, NormUnit.PERCENT
    if unit in _POINTS:
        return value, NormUnit.PP
    return value, NormUnit.COUNT


@transaction.atomic
def actual_create(
    *,
    user: Any,
    region: Region | str,
    indicator: Indicator | str,
    measure: str,
    period: str,
    value: Decimal | int | float | str,
    unit: str,
    estimate: bool = False,
    comparator: str = "=",
) -> Actual:
    """Enter an actual by hand; the affected targets are re-judged and flagged."""
    if isinstance(region, str):
        region = region_resolve(name=region)
    if isinstance(indicator, str):
        found = Indicator.objects.filter(Q(code=indicator) | Q(name=indicator)).first()
        if found is None:
            raise ValidationError(f"未知指标“{indicator}”。")
        indicator = found
    if measure not in Measure.values:
        raise ValidationError(f"口径“{measure}”无效。")
    if comparator not in Comparator.values:
        raise ValidationError(f"比较符“{comparator}”无效。")
    try:
        start, end = parse_period(period)
    except PeriodError as exc:
        raise ValidationError(
            f"期间“{period}”无效,应如 2024、2024-06 或 2024-01/2024-06。"
        ) from exc
    if end > timezone.localdate() + dt.timedelta(days=366):
        raise ValidationError(f"期间“{period}”在未来,不能录入实际值。")
    try:
        number = Decimal(str(value))
    except InvalidOperation as exc:
        raise ValidationError(f"数值“{value}”不是数字。") from exc
    if not number.is_finite():
        raise ValidationError(f"数值“{value}”不是数字。")
    norm_value, norm_unit = normalise(number, unit)
    expected = {
        Measure.GROWTH: NormUnit.PERCENT,
        Measure.CHANGE_PP: NormUnit.PP,
    }.get(measure, indicator.norm_unit)
    if norm_unit != expected:
        raise ValidationError(
            f"单位“{unit or '(无)'}”与指标“{indicator.name}”的"
            f"{Measure(measure).label}口径不符,应为{NormUnit(expected).label}类单位。"
        )
    actual = Actual.objects.create(
        region=region,
        indicator=indicator,
        measure=measure,
        period_start=start,
        period_end=end,
        comparator=comparator,
        value=_decimal(number),
        unit=(unit or "")[:16],
        norm_value=_decimal(norm_value),
        norm_unit=norm_unit,
        estimate=estimate,
        source=ActualSource.MANUAL,
        reported_date=timezone.localdate(),
        entered_by=user if getattr(user, "pk", None) else None,
    )
    touched = Target.objects.filter(region=region, indicator=indicator)
    targets_evaluate(targets=touched)
    flags_update(targets=touched)
    bump_data_version()  # explicit, though the create and re-judgment bump too
    return actual


# --- Helpers ------------------------------------------------------------------------


def _decimal(value: Any) -> Decimal:
    return Decimal(str(value)).quantize(FOUR_PLACES)


def _comparator(value: str) -> str:
    return value if value in Comparator.values else Comparator.EQ


def _norm_unit(value: str) -> str:
    return value if value in NormUnit.values else NormUnit.COUNT
