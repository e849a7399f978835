from __future__ import annotations

from django.contrib import admin

from reports.admin_actions import export_scorecard_action
from reports.models import Export
from targets.admin import TargetAdmin
from targets.models import Target


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


# The domain's admin knows nothing of exports; reports adds its action to it.
# (INSTALLED_APPS lists targets first, so its admin is registered by now.)
admin.site.unregister(Target)


@admin.register(Target)
class TargetWithExportsAdmin(TargetAdmin):
    actions = [*TargetAdmin.actions, export_scorecard_action]
