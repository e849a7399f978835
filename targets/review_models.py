"""Review decisions: what a person said about one statement of a document.

A statement is identified by its span in the document's text (start, end) and the
value the engine read there (``key_value``; empty for a statement a person added).
Decisions are never edited: each one is a new row with who, when, before and after,
and the latest row for a statement is the one that counts. Re-processing applies
them to whatever the engine reads (targets.services.review)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class DecisionAction(models.TextChoices):
    CONFIRM = "confirm", "确认"
    CORRECT = "correct", "修改"
    REJECT = "reject", "删除"
    ADD = "add", "补录"


class Decision(models.Model):
    document = models.ForeignKey(
        "targets.Document",
        verbose_name="文件",
        on_delete=models.CASCADE,
        related_name="decisions",
    )
    start = models.PositiveIntegerField("起始位置")
    end = models.PositiveIntegerField("结束位置")
    key_value = models.DecimalField(
        "原识别数值",
        max_digits=24,
        decimal_places=4,
        null=True,
        blank=True,
        help_text="引擎在该位置识别的数值;补录的语句为空。",
    )
    quote = models.TextField("原文")
    action = models.CharField("操作", max_length=8, choices=DecisionAction.choices)
    before = models.JSONField("修改前", null=True, blank=True)
    after = models.JSONField("修改后", null=True, blank=True)
    alias = models.CharField(
        "记为别名",
        max_length=128,
        blank=True,
        help_text="修改指标时存为别名的原文短语。",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        app_label = "targets"
        verbose_name = "审核记录"
        verbose_name_plural = "审核记录"
        ordering = ["document_id", "start", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")),
                name="targets_decision_span_not_empty",
            ),
            models.CheckConstraint(
                condition=Q(action="reject") | Q(after__isnull=False),
                name="targets_decision_after_unless_rejected",
            ),
        ]
        indexes = [
            models.Index(
                fields=["document", "start", "end"], name="targets_decision_span"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()}:{self.quote[:40]}"
