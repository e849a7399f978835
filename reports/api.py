"""/api/exports/: request a scorecard (202), follow its status, download the file.

Thin: the input serializer checks the scope, ``reports.services.export_request``
stores the job and enqueues it, the task writes the file."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, NotFound
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from config.files import file_response
from reports.models import Export, ExportKind
from reports.selectors import export_list
from reports.services import export_request
from reports.tasks import QUEUE_DOWN_MESSAGE, export_queue
from targets.api.renderers import PassthroughRenderer
from targets.api.throttling import WriteThrottled
from targets.models import Document, Region

EXPORT_REQUEST_KINDS = [(ExportKind.SCORECARD.value, ExportKind.SCORECARD.label)]


class ExportSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Export
        fields = [
            "id",
            "kind",
            "kind_label",
            "scope",
            "status",
            "status_label",
            "error",
            "row_count",
            "created_at",
            "started_at",
            "finished_at",
            "download_url",
        ]

    def get_download_url(self, obj: Export) -> str | None:
        if obj.status != "done" or not obj.file:
            return None
        url = reverse("api:export-download", args=[obj.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


class ExportRequestSerializer(serializers.Serializer):
    """What to export. Only the scorecard is requested here; 赛马 has its own API."""

    kind = serializers.ChoiceField(
        label="类型",
        choices=EXPORT_REQUEST_KINDS,
        default=ExportKind.SCORECARD,
    )
    region = serializers.PrimaryKeyRelatedField(
        label="地区", queryset=Region.objects.all(), required=False, allow_null=True
    )
    year = serializers.IntegerField(
        label="年度", required=False, allow_null=True, min_value=2000, max_value=2100
    )
    document = serializers.PrimaryKeyRelatedField(
        label="文件", queryset=Document.objects.all(), required=False, allow_null=True
    )
    target_ids = serializers.ListField(
        label="目标编号",
        child=serializers.IntegerField(min_value=1),
        required=False,
        allow_empty=False,
        max_length=10000,
    )
    confirmed_only = serializers.BooleanField(
        label="仅含已审核数据", required=False, default=False
    )

    def scope(self) -> dict[str, Any]:
        data = self.validated_data
        scope: dict[str, Any] = {}
        if data.get("region") is not None:
            scope["region"] = data["region"].pk
        if data.get("year") is not None:
            scope["year"] = data["year"]
        if data.get("document") is not None:
            scope["document"] = data["document"].pk
        if data.get("target_ids"):
            scope["target_ids"] = data["target_ids"]
        if data.get("confirmed_only"):
            scope["confirmed_only"] = True
        return scope


class QueueDown(APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = QUEUE_DOWN_MESSAGE


class ExportViewSet(
    WriteThrottled,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """导出任务:申请计分卡(202),查询状态,完成后下载。"""

    serializer_class = ExportSerializer
    filterset_fields = ["kind", "status"]
    ordering_fields = ["created_at"]
    search_fields: list[str] = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Export.objects.none()
        return export_list(self.request.user)

    def get_serializer_class(self):
        if self.action == "create":
            return ExportRequestSerializer
        return ExportSerializer

    @extend_schema(request=ExportRequestSerializer, responses={202: ExportSerializer})
    def create(self, request: Request, *args, **kwargs) -> Response:
        form = ExportRequestSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        export = export_request(
            user=request.user,
            kind=form.validated_data["kind"],
            scope=form.scope(),
        )
        if not export_queue(export.pk):
            # Marked failed, not left pending: say the queue is down (503).
            raise QueueDown()
        # The task may already have run (Celery eager); show the row as it is now.
        export.refresh_from_db()
        return Response(
            ExportSerializer(export, context={"request": request}).data,
            status=status.HTTP_202_ACCEPTED,
        )

    @extend_schema(
        responses={
            (
                200,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ): (OpenApiResponse(description="Excel 文件")),
            404: OpenApiResponse(description="导出尚未完成或不存在"),
        }
    )
    @action(
        detail=True,
        methods=["get"],
        renderer_classes=[JSONRenderer, PassthroughRenderer],
    )
    def download(self, request: Request, pk: str | None = None) -> HttpResponse:
        export = self.get_object()
        if export.status != "done" or not export.file:
            raise NotFound(f"导出尚未完成(当前状态:{export.get_status_display()})。")
        return file_response(export.file)


# Mounted by config/api.py.
ROUTES = [("exports", ExportViewSet, "export")]
