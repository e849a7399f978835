"""The follow-up workflow (issue 13): 督办 events and evidence of flags, county
填报 batches, the record of every target status change, webhook deliveries."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from targets.followup_choices import (
    Approval,
    BatchStatus,
    ChangeKind,
    FlagState,
)
from targets.periods import Period

__all__ = [
    "Approval",
    "BatchStatus",
    "ChangeKind",
    "FlagEvent",
    "FlagEvidence",
    "FlagState",
    "ReportBatch",
    "StatusChange",
    "WebhookDelivery",
]


class FlagAction(models.TextChoices):
    ASSIGN = "assign", "分派"
    ANSWER = "answer", "反馈"
    CLOSE = "close", "办结"
    RETURN = "return", "退回"
    REOPEN = "reopen", "重新预警"
    OVERDUE = "overdue", "逾期"


class FlagEvent(models.Model):
    """One step of a flag's handling: who did what, when, with which note."""

    flag = models.ForeignKey(
        "targets.Flag",
        verbose_name="预警",
        on_delete=models.CASCADE,
        related_name="events",
    )
    action = models.CharField("操作", max_length=16, choices=FlagAction.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    note = models.TextField("说明", blank=True)
    before = models.CharField("原状态", max_length=16, blank=True)
    after = models.CharField("新状态", max_length=16, blank=True)
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "督办记录"
        verbose_name_plural = "督办记录"
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.created_at:%Y-%m-%d %H:%M}"


class FlagEvidence(models.Model):
    flag = models.ForeignKey(
        "targets.Flag",
        verbose_name="预警",
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    event = models.ForeignKey(
        FlagEvent,
        verbose_name="督办记录",
        on_delete=models.CASCADE,
        related_name="files",
    )
    file = models.FileField("佐证材料", upload_to="flag-evidence/%Y/%m/")
    name = models.CharField("文件名", max_length=255)

    class Meta:
        verbose_name = "预警佐证材料"
        verbose_name_plural = "预警佐证材料"

    def __str__(self) -> str:
        return self.name


class ReportBatch(models.Model):
    """A county's figures for one month or quarter, submitted and reviewed together;
    an approved batch can be locked so its figures are no longer changed."""

    region = models.ForeignKey(
        "targets.Region",
        verbose_name="地区",
        on_delete=models.CASCADE,
        related_name="batches",
    )
    period_start = models.DateField("期间开始")
    period_end = models.DateField("期间结束")
    status = models.CharField(
        "状态", max_length=16, choices=BatchStatus.choices, default=BatchStatus.DRAFT
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="提交人",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True)
    locked = models.BooleanField("已锁定", default=False)
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="锁定人",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    history = HistoricalRecords(verbose_name="填报批次修改历史")

    class Meta:
        verbose_name = "填报批次"
        verbose_name_plural = "填报批次"
        ordering = ["-period_start", "region__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "period_start", "period_end"],
                name="targets_reportbatch_one_per_region_period",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="targets_reportbatch_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.period.label}"

    @property
    def period(self) -> Period:
        return Period(self.period_start, self.period_end)


class StatusChange(models.Model):
    """A target's status moved: from what to what, because of which figure, when."""

    target = models.ForeignKey(
        "targets.Target",
        verbose_name="目标",
        on_delete=models.CASCADE,
        related_name="status_changes",
    )
    kind = models.CharField("变化类型", max_length=16, choices=ChangeKind.choices)
    before = models.CharField("原状态", max_length=16, blank=True)
    after = models.CharField("新状态", max_length=16)
    actual = models.ForeignKey(
        "targets.Actual",
        verbose_name="引起变化的实际值",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    figure = models.CharField("数据", max_length=128, blank=True)
    changed_at = models.DateTimeField("变化时间", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "状态变化"
        verbose_name_plural = "状态变化"
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.target_id} {self.before}→{self.after}"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "待发送"
    SENT = "sent", "已发送"
    FAILED = "failed", "发送失败"


class WebhookDelivery(models.Model):
    """One message to the group robot; failures keep their attempts and error."""

    url = models.URLField("地址", max_length=500)
    payload = models.JSONField("内容")
    status = models.CharField(
        "状态",
        max_length=16,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.PENDING,
    )
    attempts = models.PositiveSmallIntegerField("尝试次数", default=0)
    error = models.TextField("错误信息", blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    sent_at = models.DateTimeField("发送时间", null=True, blank=True)

    class Meta:
        verbose_name = "群机器人消息"
        verbose_name_plural = "群机器人消息"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_status_display()}"
