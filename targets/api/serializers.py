"""Output serializers (what the API shows) and input serializers (what it accepts).

List serializers read only what the viewsets fetched up front (select_related /
prefetch_related in targets.api.selectors); none of them may touch the database.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from targets.models import (
    Actual,
    Comparator,
    Document,
    DocumentKind,
    Flag,
    Indicator,
    Measure,
    Mention,
    Region,
    Target,
)

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
UPLOAD_KINDS = [("auto", "自动识别"), *DocumentKind.choices]


class RegionSerializer(serializers.ModelSerializer):
    level_label = serializers.CharField(source="get_level_display", read_only=True)

    class Meta:
        model = Region
        fields = ["id", "name", "level", "level_label", "parent"]


class RegionRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Region
        fields = ["id", "name"]


class IndicatorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Indicator
        fields = [
            "id",
            "code",
            "name",
            "aliases",
            "unit",
            "norm_unit",
            "direction",
            "accumulates",
            "in_catalog",
        ]


class IndicatorRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Indicator
        fields = ["id", "code", "name", "unit"]


class DocumentRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Document
        fields = ["id", "name", "title"]


class EvidenceSerializer(serializers.ModelSerializer):
    """One quote in a source document; start/end index Document.text."""

    document = DocumentRefSerializer(read_only=True)

    class Meta:
        model = Mention
        fields = ["id", "kind", "quote", "start", "end", "document"]


class DocumentSerializer(serializers.ModelSerializer):
    region = RegionRefSerializer(read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    uploaded_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    target_count = serializers.IntegerField(read_only=True)
    mention_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Document
        fields = [
            "id",
            "name",
            "title",
            "region",
            "kind",
            "kind_label",
            "year",
            "published",
            "status",
            "status_label",
            "error",
            "encoding",
            "sha256",
            "uploaded_by",
            "created_at",
            "processed_at",
            "target_count",
            "mention_count",
        ]


class DocumentDetailSerializer(DocumentSerializer):
    class Meta(DocumentSerializer.Meta):
        fields = [*DocumentSerializer.Meta.fields, "text"]


@extend_schema_field({"type": "string", "format": "binary"})
class UploadFileField(serializers.FileField):
    """A file in a multipart request: Swagger shows a file picker, not a text box."""


class DocumentUploadSerializer(serializers.Serializer):
    file = UploadFileField(label="文件", allow_empty_file=False)
    region = serializers.CharField(
        label="地区", required=False, allow_blank=True, max_length=64
    )
    published = serializers.DateField(label="发布日期", required=False)
    kind = serializers.ChoiceField(
        label="类型",
        choices=UPLOAD_KINDS,
        default="auto",
    )

    def validate_file(self, value: Any) -> Any:
        from django.conf import settings

        limit = getattr(settings, "DABIAO_UPLOAD_MAX_BYTES", MAX_UPLOAD_BYTES)
        if value.size > limit:
            raise serializers.ValidationError(
                f"文件过大:上限为 {limit / (1024 * 1024):g} MB。"
            )
        return value


class ActualRefSerializer(serializers.ModelSerializer):
    period = serializers.SerializerMethodField()

    class Meta:
        model = Actual
        fields = [
            "id",
            "value",
            "unit",
            "period",
            "estimate",
            "source",
            "document",
            "reported_date",
        ]

    def get_period(self, obj: Actual) -> str:
        return obj.period.to_contract()


class TargetSerializer(serializers.ModelSerializer):
    """The contract of a target in the API (and the schema).

    The views build this shape with targets.api.rows.target_payloads, straight from
    database rows: generic serialization cost ~1.5 ms per target on the busiest
    endpoint. tests/targets/api/test_read.py holds the two to the same fields and
    values.
    """

    region = RegionRefSerializer(read_only=True)
    indicator = IndicatorRefSerializer(read_only=True)
    period = serializers.SerializerMethodField(help_text="如 2024 或 2022-01/2022-10")
    actual_period = serializers.SerializerMethodField(
        help_text="评估采用的实际值期间,如 2024-01/2024-10;无则为空"
    )
    target = serializers.CharField(source="target_label", read_only=True)
    measure_label = serializers.CharField(source="get_measure_display", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    actual = ActualRefSerializer(read_only=True, allow_null=True)
    flagged = serializers.BooleanField(read_only=True, help_text="有未解除的预警")
    evidence = serializers.SerializerMethodField(help_text="目标与实际值的原文依据")

    class Meta:
        model = Target
        fields = [
            "id",
            "region",
            "indicator",
            "measure",
            "measure_label",
            "period",
            "period_start",
            "period_end",
            "comparator",
            "value",
            "unit",
            "target",
            "norm_value",
            "norm_unit",
            "tier",
            "recurring",
            "plan",
            "status",
            "status_label",
            "provisional",
            "progress",
            "schedule_progress",
            "actual",
            "actual_norm_value",
            "actual_period",
            "evaluated_at",
            "claimed_status",
            "claim_quote",
            "flagged",
            "evidence",
        ]

    def get_period(self, obj: Target) -> str:
        return obj.period.to_contract()

    def get_actual_period(self, obj: Target) -> str:
        period = obj.actual_period
        return "" if period is None else period.to_contract()

    @extend_schema_field(EvidenceSerializer(many=True))
    def get_evidence(self, obj: Target) -> list[dict[str, Any]]:
        mentions = list(obj.mentions.all())
        if obj.actual is not None:
            mentions += list(obj.actual.mentions.all())
        return EvidenceSerializer(mentions, many=True).data


class ActualSerializer(serializers.ModelSerializer):
    region = RegionRefSerializer(read_only=True)
    indicator = IndicatorRefSerializer(read_only=True)
    period = serializers.SerializerMethodField()
    source_label = serializers.CharField(source="get_source_display", read_only=True)
    entered_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    evidence = EvidenceSerializer(source="mentions", many=True, read_only=True)
    approval_label = serializers.CharField(
        source="get_approval_display", read_only=True
    )

    class Meta:
        model = Actual
        fields = [
            "id",
            "region",
            "indicator",
            "measure",
            "period",
            "period_start",
            "period_end",
            "comparator",
            "value",
            "unit",
            "norm_value",
            "norm_unit",
            "estimate",
            "source",
            "source_label",
            "document",
            "reported_date",
            "entered_by",
            "created_at",
            "evidence",
            # 填报: only approved figures count (待审核 ones are listed, not judged).
            "approval",
            "approval_label",
        ]

    def get_period(self, obj: Actual) -> str:
        return obj.period.to_contract()


class ActualCreateSerializer(serializers.Serializer):
    """Manual entry. Unit and period are checked by ``actual_create``."""

    region = serializers.PrimaryKeyRelatedField(
        label="地区", queryset=Region.objects.all()
    )
    indicator = serializers.PrimaryKeyRelatedField(
        label="指标", queryset=Indicator.objects.all()
    )
    measure = serializers.ChoiceField(label="口径", choices=Measure.choices)
    period = serializers.CharField(
        label="期间",
        max_length=32,
        help_text="如 2024、2024-06 或 2024-01/2024-06",
    )
    value = serializers.DecimalField(label="数值", max_digits=24, decimal_places=4)
    unit = serializers.CharField(label="单位", max_length=16, allow_blank=True)
    estimate = serializers.BooleanField(label="预计数", default=False)
    comparator = serializers.ChoiceField(
        label="比较", choices=Comparator.choices, default=Comparator.EQ
    )


class ActualBulkSerializer(serializers.Serializer):
    """Bulk manual entry: the rows as ActualCreateSerializer takes them."""

    rows = serializers.ListField(
        label="实际值",
        child=serializers.DictField(),
        allow_empty=False,
        help_text="每行同单条录入:region、indicator、measure、period、value、unit…",
    )


class FlagTargetSerializer(serializers.ModelSerializer):
    label = serializers.CharField(source="__str__", read_only=True)

    class Meta:
        model = Target
        fields = ["id", "label"]


class FlagSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    target = FlagTargetSerializer(read_only=True, allow_null=True)
    region = RegionRefSerializer(read_only=True, allow_null=True)
    is_open = serializers.BooleanField(read_only=True)

    class Meta:
        model = Flag
        fields = [
            "id",
            "kind",
            "kind_label",
            "reason",
            "target",
            "region",
            "month",
            "opened_at",
            "resolved_at",
            "is_open",
        ]
