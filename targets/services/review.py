"""Review: what a person decides about the statements the engine read.

Each decision (确认 confirm, 修改 correct, 删除 reject, 补录 add) is stored as a
``Decision`` row with who, when, before and after, then the document is processed
again with every decision applied (``decisions_apply``), through the same merging,
judging and flag services as an upload. So re-processing, a new engine version or
the same content uploaded again never revives a rejected statement nor overwrites
a confirmed or corrected one; targets and actuals that only rejected statements
supported disappear, and verdicts and flags follow in the same transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from targets.cache import bump_data_version
from targets.extraction.catalog import clean_alias
from targets.models import (
    Actual,
    Comparator,
    Decision,
    DecisionAction,
    Document,
    DocumentStatus,
    Indicator,
    Measure,
    Mention,
    MentionKind,
    MentionReview,
    Region,
    Target,
)
from targets.periods import Period, PeriodError
from targets.permissions import bound_region_ids
from targets.selectors_review import statement_fields
from targets.services.claims import claims_apply
from targets.services.flags import flags_update
from targets.services.judging import targets_evaluate
from targets.services.merging import Merger
from targets.services.values import decimal4, normalise

if TYPE_CHECKING:
    from targets.extraction.records import Extraction, Record
    from targets.services.documents import IngestResult

STATE_OF = {
    DecisionAction.CONFIRM: MentionReview.CONFIRMED,
    DecisionAction.CORRECT: MentionReview.CORRECTED,
    DecisionAction.ADD: MentionReview.ADDED,
}
FIELDS = (
    "kind",
    "indicator_id",
    "indicator",
    "value",
    "unit",
    "norm_value",
    "norm_unit",
    "period",
    "region_id",
    "region",
    "measure",
    "comparator",
    "tier",
    "estimate",
    "recurring",
)


# ---------------------------------------------------------------- applying


def _effective(document: Document) -> dict[tuple[int, int, Decimal | None], Decision]:
    """The latest decision for each statement (span and the value first read)."""
    latest: dict[tuple[int, int, Decimal | None], Decision] = {}
    for decision in document.decisions.order_by("created_at", "pk"):
        latest[(decision.start, decision.end, decision.key_value)] = decision
    return latest


def decisions_apply(*, document: Document, extraction: Extraction) -> Extraction:
    """The engine's records with the document's decisions applied.

    A decided statement is replaced by what the person said (its ``after``), a
    rejected one is dropped; a decided statement the engine no longer reads is
    kept. Undecided records pass unchanged."""
    latest = _effective(document)
    if not latest:
        return extraction
    decided = set(latest)
    records = [
        record
        for record in extraction.records
        if (record.start, record.end, decimal4(record.value)) not in decided
        and (record.start, record.end, None) not in decided
    ]
    for decision in latest.values():
        if decision.action != DecisionAction.REJECT:
            records.append(_record(document, decision))
    return dataclasses.replace(extraction, records=records)


def _record(document: Document, decision: Decision) -> Record:
    from targets.extraction.records import Record

    after = decision.after or {}
    tier = after.get("tier") or Target.BASE_TIER
    indicator = Indicator.objects.filter(pk=after.get("indicator_id")).first()
    return Record(
        doc=document.name,
        kind=after["kind"],
        region=after.get("region") or None,
        indicator=indicator.name if indicator else after.get("indicator", ""),
        measure=after["measure"],
        comparator=after["comparator"],
        value=Decimal(after["value"]),
        unit=after.get("unit", ""),
        norm_value=Decimal(after["norm_value"]),
        norm_unit=after["norm_unit"],
        period=after.get("period") or None,
        recurring=bool(after.get("recurring")),
        estimate=bool(after.get("estimate")),
        stretch=tier == Target.STRETCH_TIER,
        quote=decision.quote,
        start=decision.start,
        end=decision.end,
        indicator_code=(indicator.code or None) if indicator else None,
        tier=None if tier in (Target.BASE_TIER, Target.STRETCH_TIER) else tier,
    )


class _ReusingMerger(Merger):
    """The merger, reusing the targets this document alone supported before.

    Re-processing first removes the document's mentions; a target left with none
    is this document's own goal: when a record has its key again, the row is kept
    (same id, history, flags) and takes the record's value."""

    def __init__(
        self, document: Document, result: IngestResult, orphans: list[Target]
    ) -> None:
        super().__init__(document, result)
        self.orphans = {
            (
                t.region_id,
                t.indicator_id,
                t.measure,
                t.period_start,
                t.period_end,
                t.tier,
            ): t
            for t in orphans
        }
        self.reused: set[int] = set()

    def _target(self, record, region, indicator, start, end) -> None:  # type: ignore[override]
        tier = (
            record.tier or (Target.STRETCH_TIER if record.stretch else Target.BASE_TIER)
        )[:32]
        key = (region.pk, indicator.pk, record.measure, start, end, tier)
        orphan = self.orphans.pop(key, None)
        if orphan is not None:
            self.reused.add(orphan.pk)
            wanted = {
                "value": decimal4(record.value),
                "unit": record.unit[:16],
                "norm_value": decimal4(record.norm_value),
                "norm_unit": record.norm_unit,
                "comparator": record.comparator,
                "recurring": record.recurring,
                "plan_id": self.document.pk,
            }
            # Only a real change is saved: every save writes a history row.
            if any(getattr(orphan, k) != v for k, v in wanted.items()):
                for field, value in wanted.items():
                    setattr(orphan, field, value)
                orphan.save()
        super()._target(record, region, indicator, start, end)


@transaction.atomic
def document_reprocess(*, document: Document) -> IngestResult:
    """Read the document again and merge it with every decision applied.

    Keeps each confirmed, corrected and rejected statement as decided, adds what the
    engine reads that is new, removes what only this document supported and no
    longer says, then re-judges and re-flags every region involved."""
    from targets.services.documents import IngestResult, document_extract

    document = Document.objects.select_for_update().get(pk=document.pk)
    mentions = Mention.objects.filter(document=document)
    touched = set(
        mentions.filter(target__isnull=False).values_list("target_id", flat=True)
    )
    regions = set(
        Target.objects.filter(pk__in=touched).values_list("region_id", flat=True)
    ) | set(
        Actual.objects.filter(document=document).values_list("region_id", flat=True)
    )
    mentions.delete()
    Actual.objects.filter(document=document).delete()
    orphans = list(
        Target.objects.filter(pk__in=touched).annotate(n=Count("mentions")).filter(n=0)
    )
    result = IngestResult(document=document)
    extraction = document_extract(document)
    merger = _ReusingMerger(document, result, orphans)
    ordered = sorted(
        extraction.records,
        key=lambda r: (r.kind == "target" and r.stretch and not r.tier, r.start),
    )
    for record in ordered:
        merger.add(record)
    merger.finish()
    Target.objects.filter(pk__in=[t.pk for t in merger.orphans.values()]).delete()
    _mark_reviews(document)
    bump_data_version()
    regions |= merger.regions | ({document.region_id} if document.region_id else set())
    regions.discard(None)
    result.claims = claims_apply(document=document, mentions=merger.mentions())
    if regions:
        affected = Target.objects.filter(region_id__in=regions)
        result.evaluated = targets_evaluate(targets=affected)
        result.flags_opened = flags_update(targets=affected).opened
    document.status = _status_of(document)
    document.error = ""
    document.processed_at = timezone.now()
    document.save(update_fields=["status", "error", "processed_at"])
    return result


def _mark_reviews(document: Document) -> None:
    for (start, end, _), decision in _effective(document).items():
        state = STATE_OF.get(decision.action)
        if state is not None:
            Mention.objects.filter(document=document, start=start, end=end).update(
                review=state
            )


def _status_of(document: Document) -> str:
    pending = document.mentions.filter(review=MentionReview.UNREVIEWED).exists()
    return DocumentStatus.DONE if pending else DocumentStatus.REVIEWED


# ---------------------------------------------------------------- deciding


def _key_value(document: Document, mention: Mention) -> Decimal | None:
    """The value the engine first read for this statement (decisions keep it)."""
    value = f"{mention.raw_value.normalize():f}"
    for earlier in document.decisions.filter(
        start=mention.start, end=mention.end
    ).order_by("-created_at", "-pk"):
        # The statement this mention shows is the one whose decision says its value
        # (a span may hold two statements with different values).
        if (earlier.after or {}).get("value") == value:
            return earlier.key_value
    return mention.raw_value


def statement_fields_clean(
    *, user: Any, values: dict[str, Any], before: dict[str, Any] | None
) -> dict[str, Any]:
    """Validate a person's statement fields; Chinese errors, nothing stored."""
    errors: dict[str, str] = {}
    kind = values.get("kind") or (before or {}).get("kind")
    if kind not in MentionKind.values:
        errors["kind"] = "请选择目标或实际值。"
    indicator = Indicator.objects.filter(pk=values.get("indicator_id") or 0).first()
    if indicator is None and values.get("indicator"):
        indicator = Indicator.objects.filter(name=values["indicator"]).first()
    if indicator is None:
        errors["indicator"] = "请从指标目录中选择指标。"
    try:
        value = Decimal(str(values.get("value", "")).replace(",", "").strip())
        if not value.is_finite() or abs(value) >= Decimal(10) ** 20:
            raise InvalidOperation
    except InvalidOperation:
        errors["value"] = "数值无效。"
        value = Decimal(0)
    unit = str(values.get("unit") or "").strip()[:16]
    period = str(values.get("period") or "").strip()
    try:
        Period.from_contract(period)
    except PeriodError:
        errors["period"] = "期间格式应为 2024、2024-03 或 2024-01/2024-06。"
    region = Region.objects.filter(pk=values.get("region_id") or 0).first()
    if region is None:
        errors["region"] = "请选择地区。"
    else:
        bound = bound_region_ids(user)
        if bound is not None and region.pk not in bound:
            errors["region"] = f"您无权审核“{region}”的数据。"
    measure = values.get("measure")
    if measure not in Measure.values:
        errors["measure"] = "口径无效。"
    comparator = values.get("comparator")
    if comparator not in Comparator.values:
        errors["comparator"] = "比较方式无效。"
    tier = str(values.get("tier") or Target.BASE_TIER).strip()[:32]
    if errors:
        raise ValidationError(errors)
    assert indicator is not None and region is not None
    previous = before or {}
    if (
        previous.get("value") is not None
        and Decimal(previous["value"]) == value
        and previous.get("unit") == unit
    ):
        norm_value, norm_unit = Decimal(previous["norm_value"]), previous["norm_unit"]
    else:
        norm_value, norm_unit = normalise(value, unit)
    return {
        "kind": kind,
        "indicator_id": indicator.pk,
        "indicator": indicator.name,
        "value": f"{value.normalize():f}",
        "unit": unit,
        "norm_value": f"{decimal4(norm_value)}",
        "norm_unit": norm_unit,
        "period": period,
        "region_id": region.pk,
        "region": region.name,
        "measure": measure,
        "comparator": comparator,
        "tier": tier if kind == MentionKind.TARGET else "",
        "estimate": bool(values.get("estimate", previous.get("estimate", False))),
        "recurring": bool(previous.get("recurring", False)),
    }


def _check_region(user: Any, document: Document) -> None:
    bound = bound_region_ids(user)
    if bound is not None and document.region_id not in bound:
        raise ValidationError("您无权审核该文件。")


@transaction.atomic
def statement_decide(
    *,
    user: Any,
    mention: Mention | None = None,
    rejected: Decision | None = None,
    action: str,
    values: dict[str, Any] | None = None,
    alias: str = "",
) -> Decision:
    """Record one decision about an extracted statement, then apply it.

    ``mention`` is the statement as the engine read it; ``rejected`` a statement
    deleted earlier (confirming it brings it back). For 修改, ``values`` are the
    corrected fields and ``alias``, when given, is stored as an alias of the chosen
    indicator so the next document with that phrase resolves by itself."""
    if action not in (
        DecisionAction.CONFIRM,
        DecisionAction.CORRECT,
        DecisionAction.REJECT,
    ):
        raise ValidationError("未知的审核操作。")
    if mention is not None:
        document = mention.document
        before = statement_fields(mention)
        start, end, quote = mention.start, mention.end, mention.quote
        key_value = _key_value(document, mention)
    elif rejected is not None:
        document = rejected.document
        before = rejected.before
        start, end, quote = rejected.start, rejected.end, rejected.quote
        key_value = rejected.key_value
    else:
        raise ValidationError("请选择要审核的语句。")
    _check_region(user, document)
    if action == DecisionAction.REJECT:
        after = None
    elif action == DecisionAction.CONFIRM:
        if before is None:
            raise ValidationError("该语句没有可确认的内容,请使用修改。")
        after = dict(before)
    else:
        after = statement_fields_clean(user=user, values=values or {}, before=before)
    decision = Decision.objects.create(
        document=document,
        start=start,
        end=end,
        key_value=key_value,
        quote=quote,
        action=action,
        before=before,
        after=after,
        alias=alias.strip()[:128] if action == DecisionAction.CORRECT else "",
        user=user if getattr(user, "pk", None) else None,
    )
    if decision.alias and after is not None:
        indicator_alias_add(
            indicator=Indicator.objects.get(pk=after["indicator_id"]),
            phrase=decision.alias,
        )
    document_reprocess(document=document)
    return decision


@transaction.atomic
def statement_add(
    *, user: Any, document: Document, start: int, end: int, values: dict[str, Any]
) -> Decision:
    """补录: a statement the engine missed, marked by selecting its text."""
    _check_region(user, document)
    if not (0 <= start < end <= len(document.text)):
        raise ValidationError("请在原文中选中要补录的语句。")
    quote = document.text[start:end]
    if not quote.strip():
        raise ValidationError("选中的文字为空。")
    after = statement_fields_clean(user=user, values=values, before=None)
    decision = Decision.objects.create(
        document=document,
        start=start,
        end=end,
        key_value=None,
        quote=quote,
        action=DecisionAction.ADD,
        before=None,
        after=after,
        user=user if getattr(user, "pk", None) else None,
    )
    document_reprocess(document=document)
    return decision


@transaction.atomic
def document_confirm_rest(*, user: Any, document: Document) -> int:
    """确认其余: confirm every statement nobody has reviewed yet."""
    _check_region(user, document)
    pending = list(
        document.mentions.filter(review=MentionReview.UNREVIEWED).select_related(
            "target__indicator", "target__region", "actual__indicator", "actual__region"
        )
    )
    for mention in pending:
        before = statement_fields(mention)
        Decision.objects.create(
            document=document,
            start=mention.start,
            end=mention.end,
            key_value=_key_value(document, mention),
            quote=mention.quote,
            action=DecisionAction.CONFIRM,
            before=before,
            after=dict(before),
            user=user if getattr(user, "pk", None) else None,
        )
    if pending:
        document_reprocess(document=document)
    return len(pending)


# ---------------------------------------------------------------- the catalog


@transaction.atomic
def indicator_alias_add(*, indicator: Indicator, phrase: str) -> bool:
    """Store ``phrase`` as an alias of ``indicator`` (moved from another indicator's
    aliases if it was there). Returns False when it already resolves there."""
    phrase = clean_alias(phrase)[:64]
    if len(phrase) < 2:
        raise ValidationError("别名至少两个字。")
    if phrase == indicator.name or phrase in (indicator.aliases or []):
        return False
    named = Indicator.objects.filter(name=phrase).exclude(pk=indicator.pk).first()
    if named is not None:
        raise ValidationError(f"“{phrase}”是指标“{named}”的名称,请改用合并指标。")
    # The person says the phrase means this indicator: no other keeps it.
    for other in Indicator.objects.exclude(pk=indicator.pk).exclude(aliases=[]):
        if phrase in (other.aliases or []):
            other.aliases = [a for a in other.aliases if a != phrase]
            other.save(update_fields=["aliases"])
    indicator.aliases = [*(indicator.aliases or []), phrase]
    indicator.save(update_fields=["aliases"])
    return True


@transaction.atomic
def indicators_merge(*, source: Indicator, into: Indicator) -> int:
    """Merge ``source`` into ``into``: its targets, actuals and decisions move, its
    name and aliases become aliases of ``into``, and it is deleted. Returns the
    number of targets moved or joined."""
    if source.pk == into.pk:
        raise ValidationError("不能把指标合并到它自己。")
    moved = 0
    for target in Target.objects.filter(indicator=source):
        twin = Target.objects.filter(
            indicator=into,
            region_id=target.region_id,
            measure=target.measure,
            period_start=target.period_start,
            period_end=target.period_end,
            tier=target.tier,
        ).first()
        if twin is None:
            target.indicator = into
            target.save(update_fields=["indicator", "updated_at"])
        else:
            Mention.objects.filter(target=target).update(target=twin)
            target.delete()
        moved += 1
    for actual in Actual.objects.filter(indicator=source):
        twin = (
            Actual.objects.filter(
                indicator=into,
                region_id=actual.region_id,
                measure=actual.measure,
                period_start=actual.period_start,
                period_end=actual.period_end,
                document_id=actual.document_id,
            ).first()
            if actual.document_id
            else None
        )
        if twin is None:
            actual.indicator = into
            actual.save(update_fields=["indicator"])
        else:
            Mention.objects.filter(actual=actual).update(actual=twin)
            actual.delete()
    for decision in Decision.objects.filter(after__indicator_id=source.pk):
        decision.after = {
            **decision.after,
            "indicator_id": into.pk,
            "indicator": into.name,
        }
        decision.save(update_fields=["after"])
    aliases = list(into.aliases or [])
    # A name the engine made up ends in 数 (省级以上研发平台数); the text says it
    # without, so both are kept.
    bare = (
        [source.name[:-1]]
        if source.name.endswith("数") and len(source.name) > 3
        else []
    )
    for phrase in [source.name, *bare, *(source.aliases or [])]:
        if phrase not in aliases and phrase != into.name:
            aliases.append(phrase)
    source.delete()
    into.aliases = aliases
    into.save(update_fields=["aliases"])
    affected = Target.objects.filter(indicator=into)
    targets_evaluate(targets=affected)
    flags_update(targets=affected)
    bump_data_version()
    return moved


def document_meta_update(
    *,
    user: Any,
    document: Document,
    region: Region | None,
    published: dt.date | None,
    kind: str,
) -> Document:
    """Confirm or change what the engine guessed about the document, then apply it."""
    from targets.models import DocumentKind

    bound = bound_region_ids(user)
    if bound is not None and (region is None or region.pk not in bound):
        raise ValidationError("您无权把文件归入该地区。")
    if kind not in DocumentKind.values:
        raise ValidationError("文件类型无效。")
    with transaction.atomic():
        document.region = region
        document.published = published
        document.kind = kind
        if published and not document.year:
            document.year = published.year
        document.save(update_fields=["region", "published", "kind", "year"])
        document_reprocess(document=document)
    return document
