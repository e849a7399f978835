"""The domain: regions, indicators, documents, targets, actuals, evidence, flags."""

from __future__ import annotations

import re

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from targets import display
from targets.followup_choices import Approval as _Approval
from targets.followup_choices import FlagState as _FlagState
from targets.periods import Period


class RegionLevel(models.TextChoices):
    PROVINCE = "province", "省"
    CITY = "city", "市"
    COUNTY = "county", "县区"
    ZONE = "zone", "开发区"


class NormUnit(models.TextChoices):
    YUAN = "元", "元"
    USD = "美元", "美元"
    PERCENT = "%", "%"
    PERMILLE = "‰", "‰"
    PP = "pp", "百分点"
    COUNT = "count", "个数"


# A physical unit as the engine writes it: 吨标准煤/万元, 微克/立方米, 立方米.
_PHYSICAL_UNIT_RE = re.compile(r"[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z²³·/]{0,31}")
NORM_UNIT_MAX_LENGTH = 32


def is_norm_unit(value: str) -> bool:
    """One of the NormUnit choices, or a physical unit (never a number or blank)."""
    return value in NormUnit.values or bool(_PHYSICAL_UNIT_RE.fullmatch(value or ""))


def norm_unit_label(value: str) -> str:
    return NormUnit(value).label if value in NormUnit.values else value


def validate_norm_unit(value: str) -> None:
    if not is_norm_unit(value):
        raise ValidationError(f"基准单位“{value}”无效。")


class Direction(models.TextChoices):
    HIGHER = "higher", "越高越好"
    LOWER = "lower", "越低越好"


class Measure(models.TextChoices):
    LEVEL = "level", "总量"
    INCREASE = "increase", "新增量"
    GROWTH = "growth", "增速"
    CHANGE_PP = "change_pp", "百分点变化"


class Comparator(models.TextChoices):
    GTE = ">=", display.COMPARATOR_LABELS[">="]
    GT = ">", display.COMPARATOR_LABELS[">"]
    EQ = "=", display.COMPARATOR_LABELS["="]
    APPROX = "~", display.COMPARATOR_LABELS["~"]
    LTE = "<=", display.COMPARATOR_LABELS["<="]
    LT = "<", display.COMPARATOR_LABELS["<"]


class Status(models.TextChoices):
    """In display.STATUS_ORDER, labelled by display.STATUS_LABELS."""

    MET = display.MET, display.STATUS_LABELS[display.MET]
    ON_TRACK = display.ON_TRACK, display.STATUS_LABELS[display.ON_TRACK]
    AT_RISK = display.AT_RISK, display.STATUS_LABELS[display.AT_RISK]
    MISSED = display.MISSED, display.STATUS_LABELS[display.MISSED]
    NO_DATA = display.NO_DATA, display.STATUS_LABELS[display.NO_DATA]


class RegionQuerySet(models.QuerySet):
    def with_descendants(self, region: Region) -> RegionQuerySet:
        """The region and every region below it (at most four levels deep)."""
        ids = {region.pk}
        frontier = {region.pk}
        while frontier:
            frontier = (
                set(
                    self.model.objects.filter(parent_id__in=frontier).values_list(
                        "pk", flat=True
                    )
                )
                - ids
            )
            ids |= frontier
        return self.filter(pk__in=ids)


class Region(models.Model):
    name = models.CharField("名称", max_length=64, unique=True)
    level = models.CharField(
        "层级", max_length=16, choices=RegionLevel.choices, default=RegionLevel.CITY
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="上级地区",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )

    objects = RegionQuerySet.as_manager()

    class Meta:
        verbose_name = "地区"
        verbose_name_plural = "地区"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def canonical_name(name: str) -> str:
        """南昌 and 南昌市 are one region: bare two-character city names get 市."""
        name = name.strip()
        if len(name) == 2 and not name.endswith(("市", "县", "区", "省")):
            return name + "市"
        return name


class Indicator(models.Model):
    code = models.CharField("编码", max_length=64, unique=True, null=True, blank=True)
    name = models.CharField("指标名称", max_length=128, unique=True)
    aliases = models.JSONField("别名", default=list, blank=True)
    unit = models.CharField("常用单位", max_length=16, blank=True)
    norm_unit = models.CharField(
        "基准单位",
        max_length=NORM_UNIT_MAX_LENGTH,
        default=NormUnit.COUNT,
        validators=[validate_norm_unit],
    )
    direction = models.CharField(
        "方向", max_length=8, choices=Direction.choices, default=Direction.HIGHER
    )
    accumulates = models.BooleanField(
        "年内累计",
        default=False,
        help_text="流量指标(如技术合同成交额)按序时进度考核;存量指标(如高企数)不累计。",
    )
    in_catalog = models.BooleanField("目录内指标", default=False)

    class Meta:
        verbose_name = "指标"
        verbose_name_plural = "指标"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class DocumentKind(models.TextChoices):
    PLAN = "plan", "计划"
    REPORT = "report", "总结"
    BOTH = "both", "总结与计划"


class DocumentStatus(models.TextChoices):
    PENDING = "pending", "待处理"
    PROCESSING = "processing", "处理中"
    DONE = "done", "待审核"  # processed; a person has not reviewed every statement
    REVIEWED = "reviewed", "已审核"
    FAILED = "failed", "失败"
    # The same normalised text as a stored document: kept only to say so.
    SKIPPED = "skipped", "已跳过"


class Document(models.Model):
    file = models.FileField("文件", upload_to="documents/%Y/%m/", blank=True)
    name = models.CharField("文件名", max_length=255)
    sha256 = models.CharField("内容哈希", max_length=64, unique=True)
    text_hash = models.CharField(
        "文本哈希",
        max_length=64,
        blank=True,
        db_index=True,
        help_text="规范化文本的哈希:同一内容的 .txt、.docx 等只保存一次。",
    )
    title = models.CharField("标题", max_length=255, blank=True)
    region = models.ForeignKey(
        Region,
        verbose_name="地区",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
    )
    kind = models.CharField(
        "类型", max_length=8, choices=DocumentKind.choices, default=DocumentKind.BOTH
    )
    year = models.PositiveSmallIntegerField("年度", null=True, blank=True)
    published = models.DateField("发布日期", null=True, blank=True)
    text = models.TextField("提取文本", blank=True)
    encoding = models.CharField("编码", max_length=32, blank=True)
    status = models.CharField(
        "处理状态",
        max_length=16,
        choices=DocumentStatus.choices,
        default=DocumentStatus.PENDING,
    )
    error = models.TextField("错误信息", blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="上传人",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField("上传时间", auto_now_add=True)
    processed_at = models.DateTimeField("处理时间", null=True, blank=True)

    class Meta:
        verbose_name = "文件"
        verbose_name_plural = "文件"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title or self.name


class TargetQuerySet(models.QuerySet):
    def for_region(self, region: Region) -> TargetQuerySet:
        return self.filter(region__in=Region.objects.with_descendants(region))

    def in_year(self, year: int) -> TargetQuerySet:
        return self.filter(period_start__year__lte=year, period_end__year__gte=year)


class Target(models.Model):
    BASE_TIER = display.BASE_TIER
    STRETCH_TIER = display.STRETCH_TIER
    # What targets_evaluate writes (and the admin shows read-only).
    VERDICT_FIELDS = (
        "status",
        "provisional",
        "progress",
        "schedule_progress",
        "actual",
        "actual_norm_value",
        "actual_period_start",
        "actual_period_end",
    )

    region = models.ForeignKey(
        Region, verbose_name="地区", on_delete=models.PROTECT, related_name="targets"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name="指标", on_delete=models.PROTECT, related_name="targets"
    )
    measure = models.CharField("口径", max_length=16, choices=Measure.choices)
    period_start = models.DateField("期间开始")
    period_end = models.DateField("期间结束")
    comparator = models.CharField(
        "比较", max_length=2, choices=Comparator.choices, default=Comparator.GTE
    )
    value = models.DecimalField("目标值", max_digits=24, decimal_places=4)
    unit = models.CharField("单位", max_length=16, blank=True)
    norm_value = models.DecimalField("基准值", max_digits=28, decimal_places=4)
    norm_unit = models.CharField(
        "基准单位", max_length=NORM_UNIT_MAX_LENGTH, validators=[validate_norm_unit]
    )
    tier = models.CharField(
        "目标层级",
        max_length=32,
        default=BASE_TIER,
        help_text="base 为基本目标,stretch 为力争目标,也可为“人大报告目标”等具名层级。",
    )
    recurring = models.BooleanField("每年目标", default=False)
    plan = models.ForeignKey(
        Document,
        verbose_name="来源计划",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="targets",
    )
    # Evaluation results, written by targets_evaluate; read-only in the admin.
    status = models.CharField(
        "状态", max_length=16, choices=Status.choices, default=Status.NO_DATA
    )
    provisional = models.BooleanField("预计数", default=False)
    progress = models.DecimalField(
        "完成度", max_digits=12, decimal_places=4, null=True, blank=True
    )
    schedule_progress = models.DecimalField(
        "序时进度", max_digits=6, decimal_places=4, null=True, blank=True
    )
    actual = models.ForeignKey(
        "Actual",
        verbose_name="采用的实际值",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    actual_norm_value = models.DecimalField(
        "实际值(基准)", max_digits=28, decimal_places=4, null=True, blank=True
    )
    actual_period_start = models.DateField("实际期间开始", null=True, blank=True)
    actual_period_end = models.DateField("实际期间结束", null=True, blank=True)
    evaluated_at = models.DateTimeField("评估时间", null=True, blank=True)
    claimed_status = models.CharField(
        "文件自述", max_length=16, choices=Status.choices, blank=True
    )
    claim_quote = models.TextField("自述原文", blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    history = HistoricalRecords(verbose_name="目标修改历史")
    objects = TargetQuerySet.as_manager()

    class Meta:
        verbose_name = "目标"
        verbose_name_plural = "目标"
        ordering = ["region__name", "indicator__name", "period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "region",
                    "indicator",
                    "measure",
                    "period_start",
                    "period_end",
                    "tier",
                ],
                name="targets_target_one_per_key",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="targets_target_period_ordered",
            ),
            models.CheckConstraint(
                condition=Q(
                    actual_period_start__isnull=True, actual_period_end__isnull=True
                )
                | Q(actual_period_end__gte=models.F("actual_period_start")),
                name="targets_target_actual_period_ordered",
            ),
        ]
        indexes = [models.Index(fields=["status"], name="targets_target_status")]

    def __str__(self) -> str:
        return f"{self.region} {self.indicator} {self.period_label} {self.target_label}"

    @property
    def period(self) -> Period:
        return Period(self.period_start, self.period_end)

    @property
    def period_label(self) -> str:
        """The period in Chinese: 2024年, 2022年1–10月."""
        return self.period.label

    @property
    def actual_period(self) -> Period | None:
        """The period of the actual the verdict used, if any."""
        if self.actual_period_start is None or self.actual_period_end is None:
            return None
        return Period(self.actual_period_start, self.actual_period_end)

    @property
    def target_label(self) -> str:
        """The goal as a reader writes it (display.target_text)."""
        return display.target_text(self.comparator, self.value, self.unit)


class ActualSource(models.TextChoices):
    DOCUMENT = "document", "文件提取"
    MANUAL = "manual", "手工录入"
    IMPORT = "import", "批量导入"


class Actual(models.Model):
    region = models.ForeignKey(
        Region, verbose_name="地区", on_delete=models.PROTECT, related_name="actuals"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name="指标", on_delete=models.PROTECT, related_name="actuals"
    )
    measure = models.CharField("口径", max_length=16, choices=Measure.choices)
    period_start = models.DateField("期间开始")
    period_end = models.DateField("期间结束")
    comparator = models.CharField(
        "比较", max_length=2, choices=Comparator.choices, default=Comparator.EQ
    )
    value = models.DecimalField("数值", max_digits=24, decimal_places=4)
    unit = models.CharField("单位", max_length=16, blank=True)
    norm_value = models.DecimalField("基准值", max_digits=28, decimal_places=4)
    norm_unit = models.CharField(
        "基准单位", max_length=NORM_UNIT_MAX_LENGTH, validators=[validate_norm_unit]
    )
    estimate = models.BooleanField("预计数", default=False)
    source = models.CharField(
        "来源",
        max_length=16,
        choices=ActualSource.choices,
        default=ActualSource.DOCUMENT,
    )
    document = models.ForeignKey(
        Document,
        verbose_name="来源文件",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="actuals",
    )
    reported_date = models.DateField("报告日期", null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="录入人",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    # County reporting (填报): only approved figures count (targets.followup_models).
    approval = models.CharField(
        "审核状态",
        max_length=16,
        choices=_Approval.choices,
        default=_Approval.APPROVED,
        db_index=True,
    )
    review_comment = models.TextField("审核意见", blank=True)
    evidence = models.FileField("佐证材料", upload_to="evidence/%Y/%m/", blank=True)
    batch = models.ForeignKey(
        "targets.ReportBatch",
        verbose_name="填报批次",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actuals",
    )

    history = HistoricalRecords(verbose_name="实际值修改历史")

    class Meta:
        verbose_name = "实际值"
        verbose_name_plural = "实际值"
        ordering = ["region__name", "indicator__name", "-period_end"]
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "region",
                    "indicator",
                    "measure",
                    "period_start",
                    "period_end",
                    "document",
                ],
                condition=Q(document__isnull=False),
                name="targets_actual_one_per_document",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="targets_actual_period_ordered",
            ),
            models.CheckConstraint(
                condition=~Q(source=ActualSource.DOCUMENT) | Q(document__isnull=False),
                name="targets_actual_document_source_has_document",
            ),
        ]

    def __str__(self) -> str:
        value = f"{display.plain(self.value)}{self.unit}"
        return f"{self.region} {self.indicator} {self.period.label} {value}"

    @property
    def period(self) -> Period:
        return Period(self.period_start, self.period_end)


class MentionKind(models.TextChoices):
    TARGET = "target", "目标"
    ACTUAL = "actual", "实际"


class MentionReview(models.TextChoices):
    UNREVIEWED = "unreviewed", "未审核"
    CONFIRMED = "confirmed", "已确认"
    CORRECTED = "corrected", "已修改"
    ADDED = "added", "补录"


class Mention(models.Model):
    document = models.ForeignKey(
        Document, verbose_name="文件", on_delete=models.CASCADE, related_name="mentions"
    )
    kind = models.CharField("类型", max_length=8, choices=MentionKind.choices)
    start = models.PositiveIntegerField("起始位置")
    end = models.PositiveIntegerField("结束位置")
    quote = models.TextField("原文")
    raw_value = models.DecimalField("原始数值", max_digits=24, decimal_places=4)
    unit = models.CharField("原始单位", max_length=16, blank=True)
    indicator_text = models.CharField("原文指标", max_length=128, blank=True)
    stretch = models.BooleanField("力争", default=False)
    estimate = models.BooleanField("预计", default=False)
    target = models.ForeignKey(
        Target,
        verbose_name="目标",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="mentions",
    )
    actual = models.ForeignKey(
        Actual,
        verbose_name="实际值",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="mentions",
    )
    review = models.CharField(
        "审核",
        max_length=16,
        choices=MentionReview.choices,
        default=MentionReview.UNREVIEWED,
    )

    class Meta:
        verbose_name = "原文依据"
        verbose_name_plural = "原文依据"
        ordering = ["document", "start"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(target__isnull=False, actual__isnull=True)
                    | Q(target__isnull=True, actual__isnull=False)
                ),
                name="targets_mention_supports_one_row",
            ),
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")),
                name="targets_mention_span_not_empty",
            ),
            models.UniqueConstraint(
                fields=["document", "kind", "start", "end", "raw_value"],
                name="targets_mention_unique_span",
            ),
        ]

    def __str__(self) -> str:
        return self.quote[:60]


class FlagKind(models.TextChoices):
    MISSED = display.MISSED, display.STATUS_LABELS[display.MISSED]
    AT_RISK = display.AT_RISK, "进度滞后"
    NO_DATA = display.NO_DATA, display.STATUS_LABELS[display.NO_DATA]
    CLAIM_MISMATCH = "claim_mismatch", "自述与计算不符"
    CONFLICT = "conflict", "数值冲突"
    NOT_REPORTED = "not_reported", "未按期报送"


class FlagQuerySet(models.QuerySet):
    def open(self) -> FlagQuerySet:
        return self.filter(resolved_at__isnull=True)


class Flag(models.Model):
    target = models.ForeignKey(
        Target,
        verbose_name="目标",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="flags",
    )
    region = models.ForeignKey(
        Region,
        verbose_name="地区",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="flags",
        help_text="不针对具体目标的预警(如赛马未按期报送)所属地区。",
    )
    month = models.DateField("月份", null=True, blank=True)
    kind = models.CharField("类型", max_length=16, choices=FlagKind.choices)
    reason = models.TextField("原因")
    opened_at = models.DateTimeField("发现时间", auto_now_add=True)
    resolved_at = models.DateTimeField("解除时间", null=True, blank=True)
    # 督办 (targets.services.supervision): who handles it, by when, and why it was
    # raised (``cause``: a handled flag stays handled while the cause is unchanged).
    state = models.CharField(
        "办理状态",
        max_length=16,
        choices=_FlagState.choices,
        default=_FlagState.NEW,
        db_index=True,
    )
    unit_group = models.ForeignKey(
        Group,
        verbose_name="责任单位(用户组)",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    unit_department = models.CharField("责任部门", max_length=64, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="责任人",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_flags",
    )
    due_date = models.DateField("办理期限", null=True, blank=True)
    cause = models.CharField("触发依据", max_length=255, blank=True)
    previous = models.ForeignKey(
        "self",
        verbose_name="上一次预警",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reopened_as",
    )
    handled_at = models.DateTimeField("办结时间", null=True, blank=True)

    objects = FlagQuerySet.as_manager()

    class Meta:
        verbose_name = "预警"
        verbose_name_plural = "预警"
        ordering = ["-opened_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["target", "kind"],
                condition=Q(resolved_at__isnull=True, target__isnull=False),
                name="targets_flag_one_open_per_target_kind",
            ),
            models.UniqueConstraint(
                fields=["region", "kind", "month"],
                condition=Q(resolved_at__isnull=True, target__isnull=True),
                name="targets_flag_one_open_per_region_kind_month",
            ),
            models.CheckConstraint(
                condition=Q(target__isnull=False) | Q(region__isnull=False),
                name="targets_flag_has_subject",
            ),
        ]

    def __str__(self) -> str:
        subject = self.target or self.region
        return f"{self.get_kind_display()}: {subject}"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None


class RegionGroup(models.Model):
    """Binds a user group to a region: its members may enter actuals only there."""

    group = models.OneToOneField(
        Group,
        verbose_name="用户组",
        on_delete=models.CASCADE,
        related_name="region_binding",
    )
    region = models.ForeignKey(
        Region,
        verbose_name="地区",
        on_delete=models.CASCADE,
        related_name="groups",
    )

    class Meta:
        verbose_name = "地区用户组"
        verbose_name_plural = "地区用户组"

    def __str__(self) -> str:
        return f"{self.group} → {self.region}"


# The review decisions live in their own module; imported so Django registers them.
# 督办, 填报 and 变化 (issue 13) likewise.
# Self-claims resolved at ingest (incremental claims); own module like the decisions.
from targets.claim_models import SelfClaim  # noqa: E402, F401
from targets.followup_models import (  # noqa: E402, F401
    Approval,
    BatchStatus,
    ChangeKind,
    FlagEvent,
    FlagEvidence,
    FlagState,
    ReportBatch,
    StatusChange,
    WebhookDelivery,
)
from targets.review_models import Decision, DecisionAction  # noqa: E402, F401
