"""OpenAPI descriptions for mounted views that cannot describe themselves.

The 赛马 import template answers with a file, not a serializer; drf-spectacular's
view extensions are its documented way to describe views owned elsewhere.
"""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiViewExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)


class SaimaTemplateSchema(OpenApiViewExtension):
    target_class = "reports.saima.api.TemplateViewSet"

    def view_replacement(self):
        @extend_schema_view(
            list=extend_schema(
                summary="赛马月度数据导入模板",
                parameters=[
                    OpenApiParameter(
                        "fmt", str, enum=["xlsx", "csv"], description="模板格式"
                    )
                ],
                responses={
                    (200, "application/octet-stream"): OpenApiResponse(
                        OpenApiTypes.BINARY, description="xlsx 或 csv 模板文件"
                    ),
                    400: OpenApiResponse(description="fmt 不是 xlsx 或 csv"),
                },
            )
        )
        class Described(self.target_class):
            pass

        return Described
