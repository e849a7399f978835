"""What goes out: export jobs (scorecards, 赛马 bulletins)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ExportKind(models.TextChoices):
    SCORECARD = "scorecard", "目标计分卡"
    SAIMA = "saima", "赛马通报"


class ExportStatus(models.TextChoices):
    PENDING = "pending", "排队中"
    RUNNING = "running", "生成中"
    DONE = "done", "已完成"
    FAILED = "failed", "失败"


class Export(models.Model):
    kind = models.CharField(
        "类型", max_length=16, choices=ExportKind.choices, default=ExportKind.SCORECARD
    )
    scope = models.JSONField(
        "范围", default=dict, blank=True, help_text="如 {'region': 1, 'year': 2024}"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="申请人",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    status = models.CharField(
        "状态",
        max_length=16,
        choices=ExportStatus.choices,
        default=ExportStatus.PENDING,
    )
    file = models.FileField("文件", upload_to="exports/", blank=True)
    error = models.TextField("错误信息", blank=True)
    row_count = models.PositiveIntegerField("行数", null=True, blank=True)
    created_at = models.DateTimeField("申请时间", auto_now_add=True)
    started_at = models.DateTimeField("开始时间", null=True, blank=True)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)

    class Meta:
        verbose_name = "导出任务"
        verbose_name_plural = "导出任务"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk} ({self.get_status_display()})"

    @property
    def duration_seconds(self) -> float | None:
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None
