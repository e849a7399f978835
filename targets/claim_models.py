"""Self-claims as resolved at their document's ingest (targets.services.claims).

One row per (document, indicator and period spoken of): the claim a document made,
kept so that a plan ingested after the report still finds it by an indexed lookup
instead of re-reading every document of the region."""

from __future__ import annotations

from django.db import models

from targets.models import Document, Indicator, Region, Status, Target


class SelfClaim(models.Model):
    document = models.ForeignKey(
        Document,
        verbose_name="来源文件",
        on_delete=models.CASCADE,
        related_name="self_claims",
    )
    # Set when the claim is about a goal the document quotes (省厅下达的1.8亿元目标).
    target = models.ForeignKey(
        Target,
        verbose_name="目标",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="self_claims",
    )
    region = models.ForeignKey(Region, verbose_name="地区", on_delete=models.CASCADE)
    indicator = models.ForeignKey(
        Indicator, verbose_name="指标", on_delete=models.CASCADE
    )
    period_start = models.DateField("期间开始")
    period_end = models.DateField("期间结束")
    status = models.CharField("自述", max_length=16, choices=Status.choices)
    quote = models.TextField("自述原文")

    class Meta:
        verbose_name = "文件自述"
        verbose_name_plural = "文件自述"
        indexes = [
            models.Index(
                fields=["region", "indicator"], name="targets_selfclaim_lookup"
            )
        ]

    def __str__(self) -> str:
        return f"{self.region_id}/{self.indicator_id}: {self.quote[:30]}"
