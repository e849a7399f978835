"""Thin API views: reads are viewsets over targets.api.selectors; each write validates
its input, calls one service, and shows the result."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from pathlib import Path

from django.http import HttpResponse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from targets import cache as data_cache
from targets import tasks as target_tasks
from targets.api import selectors
from targets.api.filters import (
    ActualFilter,
    DocumentFilter,
    FlagFilter,
    IndicatorFilter,
    RegionFilter,
    TargetFilter,
)
from targets.api.rows import (
    PagedRows,
    actual_payloads,
    actual_rows,
    target_payloads,
    target_queryset,
    target_rows,
)
from targets.api.serializers import (
    ActualBulkSerializer,
    ActualCreateSerializer,
    ActualSerializer,
    DocumentDetailSerializer,
    DocumentSerializer,
    DocumentUploadSerializer,
    FlagSerializer,
    IndicatorSerializer,
    RegionSerializer,
    TargetSerializer,
)
from targets.api.throttling import WriteThrottled
from targets.models import Indicator, Region
from targets.permissions import (
    CanEnterActuals,
    IsEditorOrReadOnly,
    can_write_actual_for,
)
from targets.services.actuals import (
    MAX_BULK_ROWS,
    BulkRowsError,
    actual_create,
    actuals_check_bulk,
    actuals_create_bulk,
)
from targets.services.uploads import document_retry, document_upload

logger = logging.getLogger(__name__)


class RegionViewSet(viewsets.ReadOnlyModelViewSet):
    """地区:市、县区、开发区。"""

    queryset = Region.objects.all()
    serializer_class = RegionSerializer
    filterset_class = RegionFilter
    search_fields = ["name"]
    ordering_fields = ["name", "level"]


class IndicatorViewSet(viewsets.ReadOnlyModelViewSet):
    """指标目录。"""

    queryset = Indicator.objects.all()
    serializer_class = IndicatorSerializer
    filterset_class = IndicatorFilter
    search_fields = ["name", "code"]
    ordering_fields = ["name", "code"]


class DocumentViewSet(
    WriteThrottled,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """计划与总结文件。上传后在后台提取目标与实际值。"""

    permission_classes = [IsEditorOrReadOnly]
    filterset_class = DocumentFilter
    search_fields = ["name", "title"]
    ordering_fields = ["created_at", "year", "name"]

    def get_queryset(self):
        if self.action == "retrieve":
            return selectors.document_detail()
        return selectors.document_list()

    def get_serializer_class(self):
        if self.action == "retrieve":
            return DocumentDetailSerializer
        if self.action == "create":
            return DocumentUploadSerializer
        return DocumentSerializer

    def get_parsers(self):
        if getattr(self, "action", None) == "create" or self.request is None:
            return [MultiPartParser(), FormParser()]
        return super().get_parsers()

    @extend_schema(
        request={"multipart/form-data": DocumentUploadSerializer},
        responses={
            201: DocumentSerializer,
            200: OpenApiResponse(
                DocumentSerializer, description="内容相同的文件已存在"
            ),
            202: OpenApiResponse(
                DocumentSerializer,
                description="内容相同的文件曾处理失败,已重新排队处理",
            ),
            400: OpenApiResponse(description="文件无法读取或参数有误"),
        },
    )
    def create(self, request: Request, *args, **kwargs) -> Response:
        form = DocumentUploadSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        upload = form.validated_data["file"]
        outcome = document_upload(
            data=upload.read(),
            name=Path(upload.name).name,
            user=request.user,
            region=form.validated_data.get("region") or None,
            published=form.validated_data.get("published"),
            kind=form.validated_data["kind"],
        )
        if outcome.queue:
            target_tasks.ingest_document.delay_on_commit(outcome.document.pk)
        document = selectors.document_list().get(pk=outcome.document.pk)
        if outcome.created:
            code = status.HTTP_201_CREATED
        elif outcome.retried:
            code = status.HTTP_202_ACCEPTED  # a failed copy: queued again
        else:
            code = status.HTTP_200_OK
        return Response(
            DocumentSerializer(document, context={"request": request}).data,
            status=code,
        )

    @extend_schema(
        request=None,
        responses={
            202: DocumentSerializer,
            400: OpenApiResponse(description="只有处理失败的文件可以重试"),
        },
    )
    @action(detail=True, methods=["post"])
    def retry(self, request: Request, pk: str | None = None) -> Response:
        """重试处理失败的文件。"""
        document = document_retry(document=self.get_object())
        target_tasks.ingest_document.delay_on_commit(document.pk)
        document = selectors.document_list().get(pk=document.pk)
        return Response(
            DocumentSerializer(document, context={"request": request}).data,
            status=status.HTTP_202_ACCEPTED,
        )


class _BuildFailed(Exception):
    """What build() raised (a bad filter, a missing page), carried past the cache."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


# Target list parameters that select and order rows by what a re-judgment never
# changes (region, indicator, period, plan, names): such a page holds the same
# rows in the same order after one, so it depends on the rows it shows only.
_ROW_SCOPED_PARAMS = {"page", "page_size", "region", "indicator", "year", "measure"}
_ROW_SCOPED_PARAMS |= {"plan", "search", "ordering", "format"}
_ROW_SCOPED_ORDERING = {"region__name", "indicator__name", "period_start"}
_ROW_SCOPED_ORDERING |= {"period_end", "value"}


def _row_scoped(request: Request) -> bool:
    params = request.query_params
    if not set(params) <= _ROW_SCOPED_PARAMS:
        return False
    ordering = [
        field.strip().lstrip("-")
        for value in params.getlist("ordering")
        for field in value.split(",")
        if field.strip()
    ]
    return set(ordering) <= _ROW_SCOPED_ORDERING


_ACTUAL_FACET_PARAMS = {"page", "page_size", "ordering", "format", "indicator"}
_ACTUAL_FACET_PARAMS |= {"year"}


def _actual_facets(request: Request) -> tuple[int | None, int | None] | None:
    """(indicator, year) of an actuals page filtered by those alone, else None."""
    params = request.query_params
    if not set(params) <= _ACTUAL_FACET_PARAMS:
        return None
    indicator, year = params.get("indicator", ""), params.get("year", "")
    if not (indicator.isdigit() or year.isdigit()) or any(
        value and not value.isdigit() for value in (indicator, year)
    ):
        return None
    return (int(indicator) if indicator else None, int(year) if year else None)


class CachedResponses:
    """Answers from the response cache (targets.cache), scoped by kind and region,
    rebuilt single-flight."""

    cache_kind = data_cache.TARGETS

    def _cached(self, request: Request, build: Callable[[], Response]) -> HttpResponse:
        """The rendered response from the cache, or built, rendered and stored.

        Runs inside the action, so DRF has already authenticated the user and
        checked permissions: an anonymous or refused request never reaches the
        cache. The payload does not depend on who asks (every signed-in user reads
        every row; no per-user filtering or fields), so the key has no user in
        it. It does carry the scheme and host, which the pagination links embed,
        and the negotiated media type. Errors (bad filter, missing page or row)
        are raised by build() and never stored. Only JSON is cached, not the
        browsable API's HTML. A page filtered to one region is made stale only by
        writes in that region or below it (targets.cache.scope_keys). A user who
        has just written is never served a copy older than the write.
        """
        if (
            not data_cache.response_cache_enabled()
            or request.accepted_renderer.format != "json"
        ):
            return build()
        query = sorted(request.query_params.lists())
        raw_key = json.dumps(
            [
                request.build_absolute_uri(request.path),
                query,
                request.accepted_media_type,
            ],
            ensure_ascii=False,
        )
        digest = hashlib.sha256(raw_key.encode()).hexdigest()
        # "v2": the value carries the ids of the rows shown (row-scoped pages); a
        # copy stored by an older release under the old key is never read.
        key = f"dabiao:api:{self.cache_kind}:v2:{digest}"
        region = request.query_params.get("region")
        region_id = int(region) if region and region.isdigit() else None
        scope = data_cache.scope_keys(self.cache_kind, region_id)
        rows = None
        facets = _actual_facets(request) if region_id is None else None
        if self.cache_kind == data_cache.ACTUALS and facets is not None:
            # A new figure of another indicator or year leaves it cached.
            scope = data_cache.actual_facet_scope(*facets)
        if self.cache_kind == data_cache.TARGETS:
            if _row_scoped(request):
                # Its rows and their order do not depend on the verdicts: a
                # re-judgment of targets it does not show leaves it cached.
                rows = data_cache.Rows(
                    lambda value: [
                        data_cache.row_key(data_cache.TARGETS, pk) for pk in value[2]
                    ]
                )
            else:
                scope.append(data_cache.scope_keys(data_cache.VERDICTS, region_id)[1])

        def render() -> tuple[bytes, str, list[int]]:
            try:
                response = build()
            except Exception as exc:
                raise _BuildFailed(exc) from exc
            response.accepted_renderer = request.accepted_renderer
            response.accepted_media_type = request.accepted_media_type
            response.renderer_context = self.get_renderer_context()
            response.render()
            data = response.data
            shown = data.get("results", [data]) if isinstance(data, dict) else []
            ids = [item["id"] for item in shown if isinstance(item, dict)]
            return response.content, response["Content-Type"], ids

        try:
            (content, content_type, _), state = data_cache.cached_page(
                key, scope, render, reader=request.user.pk, rows=rows
            )
        except _BuildFailed as failed:
            raise failed.error from None
        except Exception:  # the cache is an optimisation: serve uncached if it is down
            logger.warning("API response cache unavailable", exc_info=True)
            return build()
        response = HttpResponse(content, content_type=content_type)
        response["X-Cache"] = state
        return response


class TargetViewSet(CachedResponses, viewsets.ReadOnlyModelViewSet):
    """目标及其评估结果、最新实际值与原文依据。"""

    queryset = target_queryset()
    serializer_class = TargetSerializer
    filterset_class = TargetFilter
    search_fields = ["indicator__name", "indicator__code", "region__name", "tier"]
    ordering_fields = [
        "region__name",
        "indicator__name",
        "period_start",
        "period_end",
        "status",
        "progress",
        "value",
        "evaluated_at",
    ]

    # Both build TargetSerializer's shape from rows (targets.api.rows): the list is
    # the busiest endpoint and instances cost more than the queries.
    def list(self, request: Request, *args, **kwargs) -> HttpResponse:
        def build() -> Response:
            queryset = self.filter_queryset(self.get_queryset())
            page = self.paginate_queryset(PagedRows(queryset))
            return self.get_paginated_response(target_payloads(page))

        return self._cached(request, build)

    def retrieve(self, request: Request, *args, **kwargs) -> HttpResponse:
        def build() -> Response:
            queryset = self.get_queryset().filter(pk=kwargs["pk"])
            payloads = target_payloads(target_rows(queryset))
            if not payloads:
                raise NotFound("目标不存在。")
            return Response(payloads[0])

        return self._cached(request, build)


class ActualViewSet(
    CachedResponses,
    WriteThrottled,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """实际值。手工录入时校验单位、期间与数值;县区用户只能录入本地区及下级地区。"""

    queryset = selectors.actual_list()
    permission_classes = [CanEnterActuals]
    filterset_class = ActualFilter
    search_fields = ["indicator__name", "region__name"]
    ordering_fields = ["period_end", "created_at", "region__name", "indicator__name"]

    cache_kind = data_cache.ACTUALS

    def get_serializer_class(self):
        if self.action == "create":
            return ActualCreateSerializer
        if self.action == "bulk":
            return ActualBulkSerializer
        return ActualSerializer

    # The list builds ActualSerializer's shape from rows (targets.api.rows), as the
    # target list does; create, bulk and retrieve still show serialized instances.
    def list(self, request: Request, *args, **kwargs) -> HttpResponse:
        def build() -> Response:
            queryset = self.filter_queryset(self.get_queryset())
            page = self.paginate_queryset(PagedRows(queryset, actual_rows))
            return self.get_paginated_response(actual_payloads(page))

        return self._cached(request, build)

    @extend_schema(
        request=ActualCreateSerializer,
        responses={
            201: ActualSerializer,
            400: OpenApiResponse(description="单位、期间或数值不合规"),
            403: OpenApiResponse(description="无权录入该地区的实际值"),
        },
    )
    def create(self, request: Request, *args, **kwargs) -> Response:
        form = ActualCreateSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        if not can_write_actual_for(request.user, data["region"]):
            raise PermissionDenied("您只能录入本地区及下级地区的实际值。")
        actual = actual_create(
            user=request.user,
            region=data["region"],
            indicator=data["indicator"],
            measure=data["measure"],
            period=data["period"],
            value=data["value"],
            unit=data["unit"],
            estimate=data["estimate"],
            comparator=data["comparator"],
        )
        actual = selectors.actual_list().get(pk=actual.pk)
        return Response(
            ActualSerializer(actual, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(
        request=ActualBulkSerializer,
        responses={
            201: ActualSerializer(many=True),
            400: OpenApiResponse(description="有行不合规(逐行说明),未录入任何一行"),
            403: OpenApiResponse(description="有行超出本地区,未录入任何一行"),
        },
    )
    @action(detail=False, methods=["post"], throttle_scope="actuals_bulk")
    def bulk(self, request: Request) -> Response:
        """批量录入实际值:全部成功或全部不录入,错误逐行列出(行号从 0 开始)。"""
        form = ActualBulkSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        raw = form.validated_data["rows"]
        if len(raw) > MAX_BULK_ROWS:
            raise ValidationError(
                {"rows": [f"一次最多录入 {MAX_BULK_ROWS} 条,收到 {len(raw)} 条。"]}
            )
        rows, errors, refused = [], {}, set()
        for index, item in enumerate(raw):
            row = ActualCreateSerializer(data=item)
            if not row.is_valid():
                errors[index] = row.errors
                continue
            data = row.validated_data
            if not can_write_actual_for(request.user, data["region"]):
                errors[index] = {"region": ["您只能录入本地区及下级地区的实际值。"]}
                refused.add(index)
                continue
            rows.append((index, data))
        try:
            if errors:  # nothing is written; still say what else is wrong
                _, found = actuals_check_bulk(rows=[data for _, data in rows])
                raise BulkRowsError(found)
            actuals = actuals_create_bulk(
                user=request.user, rows=[data for _, data in rows]
            )
        except BulkRowsError as exc:
            for position, messages in exc.errors.items():
                errors[rows[position][0]] = {"non_field_errors": messages}
        if errors:
            code = (
                status.HTTP_403_FORBIDDEN
                if set(errors) == refused
                else status.HTTP_400_BAD_REQUEST
            )
            return Response(
                {
                    "detail": f"{len(errors)} 行有误,未录入任何一行。",
                    "errors": [
                        {"row": index, "errors": errors[index]}
                        for index in sorted(errors)
                    ],
                },
                status=code,
            )
        shown = selectors.actual_list().filter(pk__in=[a.pk for a in actuals])
        return Response(
            ActualSerializer(
                shown.order_by("pk"), many=True, context={"request": request}
            ).data,
            status=status.HTTP_201_CREATED,
        )


class FlagViewSet(viewsets.ReadOnlyModelViewSet):
    """预警:未完成、进度滞后、数据缺失、自述与计算不符等。"""

    queryset = selectors.flag_list()
    serializer_class = FlagSerializer
    filterset_class = FlagFilter
    search_fields = ["reason", "target__indicator__name", "region__name"]
    ordering_fields = ["opened_at", "resolved_at", "kind"]
