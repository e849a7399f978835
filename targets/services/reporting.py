"""County reporting (填报) with approval.

A region-bound clerk enters figures for their region (and below) into the batch
of a month or a quarter; submitting the batch makes its figures 待审核; the city's
reviewers approve or return each figure (or the whole batch) with a comment. Only
approved figures count (targets.services.judging reads approved actuals only);
an approved batch can be locked. Actual and ReportBatch keep their history."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from targets.models import (
    Actual,
    Approval,
    BatchStatus,
    Indicator,
    Region,
    ReportBatch,
)
from targets.periods import Period
from targets.permissions import can_write_actual_for, is_editor
from targets.services.actuals import actual_check, targets_refresh_of

BATCH_KINDS = ("month", "quarter")
MAX_EVIDENCE_BYTES = 20 * 1024 * 1024


def batch_period(period: Period, kind: str) -> Period:
    """The month or quarter a figure is reported in: the one its period ends in
    (1–6月累计 is June's report, or Q2's)."""
    if kind not in BATCH_KINDS:
        raise ValidationError("填报批次应为月报或季报。")
    if kind == "quarter":
        return Period.quarter_of(period.end)
    return Period.month_of(period.end)


def can_approve(user: Any) -> bool:
    """The city's reviewers: unrestricted writers (not region-bound clerks)."""
    return is_editor(user)


@transaction.atomic
def report_entry_create(
    *,
    user: Any,
    region: Region,
    indicator: Indicator,
    period: str | Period,
    value: Decimal | str,
    unit: str,
    estimate: bool = False,
    batch_kind: str = "month",
    evidence: UploadedFile | None = None,
    measure: str = "level",
) -> Actual:
    """One figure in the batch of its month or quarter, as a draft (草稿)."""
    if not can_write_actual_for(user, region):
        raise PermissionDenied(f"您不能为{region.name}填报数据。")
    if evidence is not None and evidence.size > MAX_EVIDENCE_BYTES:
        raise ValidationError("佐证材料超过20MB。")
    checked = actual_check(
        region=region,
        indicator=indicator,
        measure=measure,
        period=period,
        value=value,
        unit=unit,
    )
    span = batch_period(checked.period, batch_kind)
    batch, _ = ReportBatch.objects.select_for_update().get_or_create(
        region=region, period_start=span.start, period_end=span.end
    )
    if batch.locked:
        raise ValidationError(f"{region.name}{span.label}的填报已锁定,不能再录入。")
    if batch.status != BatchStatus.DRAFT:
        batch.status = BatchStatus.DRAFT
        batch.save(update_fields=["status"])
    return Actual.objects.create(
        **checked.row_fields(),
        estimate=estimate,
        reported_date=timezone.localdate(),
        entered_by=user,
        approval=Approval.DRAFT,
        evidence=evidence or "",
        batch=batch,
    )


@transaction.atomic
def batch_submit(*, user: Any, batch: ReportBatch) -> int:
    """提交: the batch's drafts become 待审核. Returns how many were submitted."""
    if not can_write_actual_for(user, batch.region):
        raise PermissionDenied(f"您不能提交{batch.region.name}的填报。")
    batch = ReportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.locked:
        raise ValidationError("该批次已锁定。")
    drafts = list(batch.actuals.filter(approval=Approval.DRAFT))
    if not drafts:
        raise ValidationError("该批次没有待提交的数据。")
    for actual in drafts:  # one save each: the history keeps who and when
        actual.approval = Approval.PENDING
        actual._change_reason = "提交审核"
        actual.save(update_fields=["approval"])
    batch.status = BatchStatus.SUBMITTED
    batch.submitted_by = user
    batch.submitted_at = timezone.now()
    batch.save(update_fields=["status", "submitted_by", "submitted_at"])
    return len(drafts)


def _review(actual: Actual, user: Any, approval: str, comment: str) -> Actual:
    if not can_approve(user):
        raise PermissionDenied("只有市级审核人员可以审核填报数据。")
    actual = Actual.objects.select_for_update().get(pk=actual.pk)
    if actual.approval != Approval.PENDING:
        raise ValidationError("只有待审核的数据可以审核。")
    if actual.batch_id and actual.batch.locked:
        raise ValidationError("该批次已锁定。")
    actual.approval = approval
    actual.review_comment = comment
    actual._change_reason = f"{Approval(approval).label}:{comment}" if comment else ""
    actual.save(update_fields=["approval", "review_comment"])
    _batch_settle(actual.batch)
    return actual


def _batch_settle(batch: ReportBatch | None) -> None:
    if batch is None:
        return
    if not batch.actuals.filter(approval__in=[Approval.PENDING, Approval.DRAFT]):
        batch.status = BatchStatus.REVIEWED
        batch.save(update_fields=["status"])


@transaction.atomic
def actual_approve(*, user: Any, actual: Actual, comment: str = "") -> Actual:
    """通过: the figure counts from now on; its targets are re-judged and flagged."""
    actual = _review(actual, user, Approval.APPROVED, (comment or "").strip())
    targets_refresh_of([(actual.region_id, actual.indicator_id)])
    return actual


@transaction.atomic
def actual_return(*, user: Any, actual: Actual, comment: str) -> Actual:
    """退回 with a comment: the figure does not count; the clerk enters it anew."""
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError("退回时请填写意见。")
    return _review(actual, user, Approval.RETURNED, comment)


@transaction.atomic
def batch_approve(*, user: Any, batch: ReportBatch) -> int:
    """Approve every pending figure of a batch at once."""
    pending = list(batch.actuals.filter(approval=Approval.PENDING))
    for actual in pending:
        actual_approve(user=user, actual=actual)
    return len(pending)


@transaction.atomic
def batch_lock(*, user: Any, batch: ReportBatch, locked: bool = True) -> ReportBatch:
    """锁定 an approved period (or unlock it): no entries, no reviews."""
    if not can_approve(user):
        raise PermissionDenied("只有市级审核人员可以锁定填报期间。")
    batch = ReportBatch.objects.select_for_update().get(pk=batch.pk)
    if (
        locked
        and batch.actuals.filter(
            approval__in=[Approval.PENDING, Approval.DRAFT]
        ).exists()
    ):
        raise ValidationError("该批次还有未审核的数据,审核完成后才能锁定。")
    batch.locked = locked
    batch.locked_by = user if locked else None
    batch.save(update_fields=["locked", "locked_by"])
    return batch


@transaction.atomic
def report_entry_delete(*, user: Any, actual: Actual) -> None:
    """A clerk removes a draft or a returned figure (approved ones stay)."""
    if not can_write_actual_for(user, actual.region_id):
        raise PermissionDenied("您不能删除该数据。")
    if actual.approval not in (Approval.DRAFT, Approval.RETURNED):
        raise ValidationError("只有草稿或已退回的数据可以删除。")
    if actual.batch_id and actual.batch.locked:
        raise ValidationError("该批次已锁定。")
    actual.delete()
