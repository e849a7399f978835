from __future__ import annotations

from django.contrib import admin

from reports.models import Export


@admin.register(Export)
class ExportAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "kind",
        "status",
        "requested_by",
        "created_at",
        "row_count",
    ]
    list_filter = ["kind", "status"]
    readonly_fields = [
        "status",
        "file",
        "error",
        "row_count",
        "created_at",
        "started_at",
        "finished_at",
    ]


# The 赛马 admin lives beside its models; importing it registers it.
import reports.saima.admin  # noqa: E402, F401
