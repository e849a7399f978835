"""赛马 configuration (races, peer groups, members, indicators, targets), the monthly
figures regions report, and stored monthly results."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from saima import engine
from targets.models import Direction, Indicator, Region

# The tables keep the reports_ names they had while 赛马 lived inside the reports
# app (see saima/migrations/0001_initial.py): moving the code moved no data.


class FigureMeasure(models.TextChoices):
    LEVEL = "level", "总量"
    GROWTH = "growth", "增速"
    COMPLETION = "completion", "完成率"


class ScoringMethod(models.TextChoices):
    RANK = "rank", "位次赋分"
    EFFICACY = "efficacy", "功效系数法"
    MINMAX = "minmax", "极值标准化"
    COMPLETION = "completion", "目标完成率"


class ListMode(models.TextChoices):
    COUNT = "count", "按名次数"
    SHARE = "share", "按比例"


class Race(models.Model):
    name = models.CharField("赛马名称", max_length=64, unique=True)
    city = models.ForeignKey(
        Region,
        verbose_name="所属城市",
        on_delete=models.PROTECT,
        related_name="saima_races",
        help_text="通报中的“全市”;若导入了该地区的数值,全市平均取该值。",
    )
    title = models.CharField(
        "通报标题",
        max_length=128,
        default="全市科技创新赛马通报",
        help_text="月通报标题为“2024年6月”加此标题。",
    )
    deadline_day = models.PositiveSmallIntegerField(
        "报送截止日",
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(28)],
        help_text="次月几日前未报送的地区产生“未按期报送”预警。",
    )
    is_sample = models.BooleanField(
        "示例数据", default=False, help_text="勾选后通报和工作簿均标注“示例数据”。"
    )
    active = models.BooleanField("启用", default=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    list_mode = models.CharField(
        "红黑榜规则",
        max_length=8,
        choices=ListMode.choices,
        default=ListMode.COUNT,
        help_text="按名次数:各组前N名为红榜、后N名为黑榜;按比例:各组前、后若干百分比。"
        "未报送的地区不列入红榜;只有一两个地区的分组只列红榜(第一名)。",
    )
    list_count = models.PositiveSmallIntegerField(
        "红黑榜名次数",
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text="按名次数时每组红榜、黑榜各列几名(不超过组内地区数减一的一半)。",
    )
    list_share = models.PositiveSmallIntegerField(
        "红黑榜比例(%)",
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text="按比例时每组红榜、黑榜各占组内地区数的百分比(四舍五入,至少1名)。",
    )
    bulletin_header = models.CharField(
        "版头",
        max_length=64,
        blank=True,
        help_text="公文红色版头(发文机关标志),如“芜湖市科学技术局文件”;留空则不印版头。",
    )
    bulletin_number = models.CharField(
        "发文字号",
        max_length=64,
        blank=True,
        help_text="版头下的发文字号,如“芜科〔2024〕12号”;可留空。",
    )
    bulletin_issuer = models.CharField(
        "发文机关署名",
        max_length=64,
        blank=True,
        help_text="正文后的发文机关署名,成文日期为导出当日;留空则不加署名和日期。",
    )

    class Meta:
        verbose_name = "赛马"
        db_table = "reports_race"
        verbose_name_plural = "赛马"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def list_rule(self) -> engine.ListRule:
        """The 红黑榜 rule as the engine takes it."""
        return engine.ListRule(
            mode=self.list_mode, count=self.list_count, share=Decimal(self.list_share)
        )


class PeerGroup(models.Model):
    race = models.ForeignKey(
        Race, verbose_name="赛马", on_delete=models.CASCADE, related_name="groups"
    )
    name = models.CharField("分组名称", max_length=32)
    order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = "赛马分组"
        db_table = "reports_peergroup"
        verbose_name_plural = "赛马分组"
        ordering = ["race", "order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["race", "name"], name="reports_peergroup_unique_name"
            )
        ]

    def __str__(self) -> str:
        return f"{self.race} · {self.name}"


class RaceMember(models.Model):
    race = models.ForeignKey(
        Race, verbose_name="赛马", on_delete=models.CASCADE, related_name="members"
    )
    region = models.ForeignKey(
        Region,
        verbose_name="地区",
        on_delete=models.PROTECT,
        related_name="saima_memberships",
    )
    group = models.ForeignKey(
        PeerGroup,
        verbose_name="分组",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        help_text="留空则不分组,与其他未分组地区一起排名。",
    )
    order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = "参赛地区"
        db_table = "reports_racemember"
        verbose_name_plural = "参赛地区"
        ordering = ["race", "order", "region__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["race", "region"], name="reports_racemember_unique_region"
            )
        ]

    def __str__(self) -> str:
        return f"{self.race} · {self.region}"


class RaceIndicator(models.Model):
    race = models.ForeignKey(
        Race, verbose_name="赛马", on_delete=models.CASCADE, related_name="indicators"
    )
    indicator = models.ForeignKey(
        Indicator,
        verbose_name="指标",
        on_delete=models.PROTECT,
        related_name="saima_uses",
    )
    measure = models.CharField(
        "口径",
        max_length=16,
        choices=FigureMeasure.choices,
        default=FigureMeasure.GROWTH,
    )
    label = models.CharField(
        "通报名称",
        max_length=128,
        blank=True,
        help_text="留空则为指标名称加口径,如“全社会研发经费投入增速”。",
    )
    weight = models.DecimalField(
        "权重",
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
    )
    direction = models.CharField(
        "方向", max_length=8, choices=Direction.choices, default=Direction.HIGHER
    )
    method = models.CharField(
        "赋分方法",
        max_length=16,
        choices=ScoringMethod.choices,
        default=ScoringMethod.EFFICACY,
    )
    cap = models.DecimalField(
        "完成率上限",
        max_digits=6,
        decimal_places=2,
        default=Decimal("1.20"),
        help_text="目标完成率法的封顶倍数,如 1.2 表示最多得权重的120%。",
    )
    order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = "赛马指标"
        db_table = "reports_raceindicator"
        verbose_name_plural = "赛马指标"
        ordering = ["race", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["race", "indicator", "measure"],
                name="reports_raceindicator_unique_measure",
            ),
            models.CheckConstraint(
                condition=Q(weight__gte=0), name="reports_raceindicator_weight_positive"
            ),
            models.CheckConstraint(
                condition=Q(cap__gt=0), name="reports_raceindicator_cap_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.race} · {self.display_name}"

    @property
    def display_name(self) -> str:
        if self.label:
            return self.label
        if self.measure == FigureMeasure.LEVEL:
            return self.indicator.name
        return f"{self.indicator.name}{self.get_measure_display()}"

    @property
    def key(self) -> str:
        return f"{self.indicator_id}:{self.measure}"


class RaceTarget(models.Model):
    """A region's own annual target for a 目标完成率 indicator."""

    race_indicator = models.ForeignKey(
        RaceIndicator,
        verbose_name="赛马指标",
        on_delete=models.CASCADE,
        related_name="targets",
    )
    region = models.ForeignKey(
        Region, verbose_name="地区", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("年度")
    value = models.DecimalField("目标值", max_digits=24, decimal_places=4)

    class Meta:
        verbose_name = "赛马目标值"
        db_table = "reports_racetarget"
        verbose_name_plural = "赛马目标值"
        ordering = ["race_indicator", "year", "region__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["race_indicator", "region", "year"],
                name="reports_racetarget_one_per_year",
            )
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.year} {self.value.normalize():f}"


class FigureImport(models.Model):
    """One accepted import file (rejected files store nothing)."""

    name = models.CharField("文件名", max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="导入人",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    row_count = models.PositiveIntegerField("行数", default=0)
    created = models.PositiveIntegerField("新增", default=0)
    updated = models.PositiveIntegerField("更新", default=0)
    deleted = models.PositiveIntegerField("删除", default=0)
    months = models.JSONField("月份", default=list, blank=True)
    created_at = models.DateTimeField("导入时间", auto_now_add=True)

    class Meta:
        verbose_name = "月度数据导入记录"
        db_table = "reports_figureimport"
        verbose_name_plural = "月度数据导入记录"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name}({self.row_count}行)"


class MonthlyFigureQuerySet(models.QuerySet):
    def in_month(self, month: dt.date) -> MonthlyFigureQuerySet:
        return self.filter(month=month)


class MonthlyFigure(models.Model):
    region = models.ForeignKey(
        Region,
        verbose_name="地区",
        on_delete=models.PROTECT,
        related_name="monthly_figures",
    )
    indicator = models.ForeignKey(
        Indicator,
        verbose_name="指标",
        on_delete=models.PROTECT,
        related_name="monthly_figures",
    )
    measure = models.CharField("口径", max_length=16, choices=FigureMeasure.choices)
    month = models.DateField("月份", help_text="该月1日。")
    value = models.DecimalField("数值", max_digits=24, decimal_places=4)
    unit = models.CharField("单位", max_length=16, blank=True)
    source = models.ForeignKey(
        FigureImport,
        verbose_name="导入记录",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="figures",
    )
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    history = HistoricalRecords(
        verbose_name="月度数据修改历史", table_name="reports_historicalmonthlyfigure"
    )
    objects = MonthlyFigureQuerySet.as_manager()

    class Meta:
        verbose_name = "月度数据"
        db_table = "reports_monthlyfigure"
        verbose_name_plural = "月度数据"
        ordering = ["-month", "region__name", "indicator__name", "measure"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "indicator", "measure", "month"],
                name="reports_monthlyfigure_one_per_month",
            )
        ]
        indexes = [models.Index(fields=["month"], name="reports_monthlyfigure_month")]

    def __str__(self) -> str:
        return (
            f"{self.month:%Y-%m} {self.region} {self.indicator}"
            f"{self.get_measure_display()} {self.value.normalize():f}{self.unit}"
        )


class PeriodKind(models.TextChoices):
    MONTH = "month", "月通报"
    QUARTER = "quarter", "季调度"
    YEAR = "year", "年评价"


class RaceResult(models.Model):
    """A region's stored composite result for one period (written by an export)."""

    race = models.ForeignKey(
        Race, verbose_name="赛马", on_delete=models.CASCADE, related_name="results"
    )
    period_kind = models.CharField(
        "期间类型", max_length=8, choices=PeriodKind.choices, default=PeriodKind.MONTH
    )
    period_start = models.DateField("期间开始")
    region = models.ForeignKey(
        Region, verbose_name="地区", on_delete=models.PROTECT, related_name="+"
    )
    group = models.CharField("分组", max_length=32, blank=True)
    score = models.DecimalField("综合得分", max_digits=10, decimal_places=2)
    rank = models.PositiveIntegerField("名次")
    previous_rank = models.PositiveIntegerField("上期名次", null=True, blank=True)
    detail = models.JSONField("指标明细", default=dict, blank=True)
    computed_at = models.DateTimeField("计算时间", auto_now=True)

    class Meta:
        verbose_name = "赛马结果"
        db_table = "reports_raceresult"
        verbose_name_plural = "赛马结果"
        ordering = ["race", "-period_start", "group", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["race", "period_kind", "period_start", "region"],
                name="reports_raceresult_one_per_period",
            )
        ]

    def __str__(self) -> str:
        return f"{self.race} {self.period_start:%Y-%m} {self.region} 第{self.rank}名"
