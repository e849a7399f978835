"""Admin actions for exports: they call the export services, never redo their work."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest

from reports.models import ExportKind
from reports.services import export_request
from reports.tasks import export_queue


@admin.action(description="导出计分卡")
def export_scorecard_action(
    modeladmin: Any, request: HttpRequest, queryset: QuerySet
) -> None:
    """Export a scorecard of the targets selected in the changelist."""
    target_ids = list(queryset.order_by().values_list("pk", flat=True))
    try:
        export = export_request(
            user=request.user,
            kind=ExportKind.SCORECARD,
            scope={"target_ids": target_ids},
        )
    except ValidationError as exc:
        modeladmin.message_user(
            request, f"导出失败:{';'.join(exc.messages)}", level=messages.ERROR
        )
        return
    export_queue(export.pk, at_commit=True)
    modeladmin.message_user(
        request,
        f"已提交计分卡导出任务 #{export.pk}(共 {len(target_ids)} 个目标),"
        "生成后可在“导出任务”中下载。",
        level=messages.SUCCESS,
    )
