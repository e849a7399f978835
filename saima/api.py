"""DRF endpoints for 赛马, mounted under /api/saima/ by config/api.py:

- ``GET  races/``                          races with members and indicators
- ``GET  races/{id}/results/?month=2024-06`` the month's ranking (computed live)
- ``POST import/`` (multipart ``file``)    import monthly figures; 400 lists bad cells
- ``GET  template/?fmt=xlsx|csv``          the blank import template

Reads need a logged-in user; imports follow targets.permissions: editors for any
region, region clerks only for their regions (a row elsewhere is a cell error).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Prefetch
from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from saima import selectors
from saima.importing import ImportRejected, template_bytes
from saima.models import FigureImport, Race, RaceIndicator, RaceMember
from saima.services import figures_import
from targets.permissions import CanEnterFigures, IsEditorOrReadOnly


class RaceMemberSerializer(serializers.ModelSerializer):
    region = serializers.CharField(source="region.name")
    group = serializers.CharField(source="group.name", default="")

    class Meta:
        model = RaceMember
        fields = ["region", "group"]


class RaceIndicatorSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="display_name")
    indicator = serializers.CharField(source="indicator.name")
    # Plain strings: "measure" is also targets' Measure enum in the schema, and two
    # enums of one field name collide there.
    measure = serializers.CharField(
        help_text="level 总量 / growth 增速 / completion 完成率"
    )

    class Meta:
        model = RaceIndicator
        fields = [
            "name",
            "indicator",
            "measure",
            "weight",
            "direction",
            "method",
            "cap",
        ]


class RaceSerializer(serializers.ModelSerializer):
    city = serializers.CharField(source="city.name")
    members = RaceMemberSerializer(many=True)
    indicators = RaceIndicatorSerializer(many=True)

    class Meta:
        model = Race
        fields = [
            "id",
            "name",
            "city",
            "title",
            "deadline_day",
            "is_sample",
            "members",
            "indicators",
        ]


class FigureImportSerializer(serializers.ModelSerializer):
    class Meta:
        model = FigureImport
        fields = [
            "id",
            "name",
            "row_count",
            "created",
            "updated",
            "deleted",
            "months",
            "created_at",
        ]


class UploadSerializer(serializers.Serializer):
    file = serializers.FileField()


CELL_ERRORS = inline_serializer(
    "SaimaImportErrors",
    fields={
        "detail": serializers.CharField(),
        "errors": inline_serializer(
            "SaimaCellError",
            fields={
                "row": serializers.IntegerField(),
                "column": serializers.CharField(),
                "field": serializers.CharField(),
                "message": serializers.CharField(),
            },
            many=True,
        ),
    },
)


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:f}"


def results_payload(report: selectors.MonthReport) -> dict[str, Any]:
    groups = []
    for group, rows in report.result.groups.items():
        red, black = report.lists(rows)
        red_names = {r.region for r in red}
        black_names = {r.region for r in black}
        groups.append(
            {
                "name": group,
                "rows": [
                    {
                        "rank": row.rank,
                        "region": row.region,
                        "composite": _dec(row.composite),
                        "previous_rank": row.previous_rank,
                        "change": row.change,
                        "red": row.region in red_names,
                        "black": row.region in black_names,
                        "indicators": report.indicator_detail(row, _dec),
                    }
                    for row in rows
                ],
            }
        )
    return {
        "race": report.race.name,
        "month": f"{report.month:%Y-%m}",
        "title": report.title,
        "sample": report.race.is_sample,
        "indicators": [
            {
                "name": ri.display_name,
                "measure": ri.measure,
                "weight": _dec(ri.weight),
                "method": ri.method,
                "direction": ri.direction,
                "average": _dec(report.averages.get(ri.key)),
            }
            for ri in report.indicators
        ],
        "groups": groups,
    }


class RaceViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = RaceSerializer
    permission_classes = [IsEditorOrReadOnly]
    queryset = Race.objects.select_related("city").prefetch_related(
        Prefetch(
            "members",
            queryset=RaceMember.objects.select_related("region", "group").order_by(
                "group__order", "order", "region__name"
            ),
        ),
        "indicators__indicator",
    )

    @extend_schema(
        summary="赛马某月排名结果",
        parameters=[
            OpenApiParameter("month", str, description="月份,如 2024-06;缺省为最新月份")
        ],
        responses={
            200: OpenApiResponse(OpenApiTypes.OBJECT, description="分组排名与指标得分"),
            400: OpenApiResponse(description="月份格式错误"),
            404: OpenApiResponse(description="没有任何月度数据"),
        },
    )
    @action(detail=True, methods=["get"])
    def results(self, request: Request, pk: str | None = None) -> Response:
        race = self.get_object()
        month_text = request.query_params.get("month", "")
        if month_text:
            try:
                month = selectors.parse_month_text(month_text)
            except ValueError as exc:
                return Response(
                    {"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST
                )
        else:
            month = selectors.month_with_figures_latest(race)
            if month is None:
                return Response(
                    {"detail": "该赛马还没有任何月度数据。"},
                    status=status.HTTP_404_NOT_FOUND,
                )
        return Response(results_payload(selectors.month_report(race, month)))


class FigureImportViewSet(viewsets.ViewSet):
    permission_classes = [CanEnterFigures]
    parser_classes = [MultiPartParser, FormParser]
    serializer_class = UploadSerializer

    @extend_schema(
        summary="导入赛马月度数据",
        request={"multipart/form-data": UploadSerializer},
        responses={201: FigureImportSerializer, 400: CELL_ERRORS},
    )
    def create(self, request: Request) -> Response:
        upload = UploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        file = upload.validated_data["file"]
        try:
            record = figures_import(data=file.read(), name=file.name, user=request.user)
        except ImportRejected as exc:
            return Response(
                {
                    "detail": exc.summary,
                    "errors": [error.as_dict() for error in exc.errors],
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        return Response(
            FigureImportSerializer(record).data, status=status.HTTP_201_CREATED
        )


class TemplateViewSet(viewsets.ViewSet):
    permission_classes = [IsEditorOrReadOnly]

    @extend_schema(
        summary="赛马月度数据导入模板",
        parameters=[
            OpenApiParameter("fmt", str, enum=["xlsx", "csv"], description="模板格式")
        ],
        responses={
            (200, "application/octet-stream"): OpenApiResponse(
                OpenApiTypes.BINARY, description="xlsx 或 csv 模板文件"
            ),
            400: OpenApiResponse(description="fmt 不是 xlsx 或 csv"),
        },
    )
    def list(self, request: Request) -> HttpResponse:
        fmt = request.query_params.get("fmt", "xlsx")
        if fmt not in ("xlsx", "csv"):
            return Response(
                {"detail": "fmt 只能是 xlsx 或 csv。"},
                status=status.HTTP_400_BAD_REQUEST,
            )
        content_type = (
            "text/csv; charset=utf-8"
            if fmt == "csv"
            else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response = HttpResponse(template_bytes(fmt), content_type=content_type)
        response["Content-Disposition"] = (
            f"attachment; filename*=UTF-8''saima_template.{fmt}"
        )
        return response


# Mounted by config/api.py.
ROUTES = [
    ("saima/races", RaceViewSet, "saima-race"),
    ("saima/import", FigureImportViewSet, "saima-import"),
    ("saima/template", TemplateViewSet, "saima-template"),
]
