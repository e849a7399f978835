from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from targets.models import (
    Actual,
    Document,
    Flag,
    Indicator,
    Mention,
    Region,
    RegionGroup,
    Target,
)


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["name"]
    autocomplete_fields = ["parent"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "code",
        "unit",
        "norm_unit",
        "direction",
        "accumulates",
        "in_catalog",
    ]
    list_filter = ["in_catalog", "norm_unit", "direction", "accumulates"]
    search_fields = ["name", "code"]


class MentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    fields = ["document", "kind", "quote", "raw_value", "unit", "start", "end"]
    readonly_fields = fields
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "region", "kind", "year", "status", "created_at"]
    list_filter = ["status", "kind", "region", "year"]
    search_fields = ["name", "title", "sha256"]
    readonly_fields = ["sha256", "encoding", "status", "error", "processed_at", "text"]
    date_hierarchy = "created_at"


@admin.register(Target)
class TargetAdmin(SimpleHistoryAdmin):
    list_display = [
        "region",
        "indicator",
        "measure",
        "period_label",
        "target_label",
        "tier",
        "status",
        "provisional",
        "progress",
    ]
    list_filter = [
        "status",
        "provisional",
        "measure",
        "region",
        "indicator",
        "period_start",
    ]
    search_fields = ["indicator__name", "region__name", "mentions__quote"]
    list_select_related = ["region", "indicator"]
    autocomplete_fields = ["region", "indicator"]
    raw_id_fields = ["plan"]
    readonly_fields = [
        "status",
        "provisional",
        "progress",
        "schedule_progress",
        "actual",
        "actual_norm_value",
        "actual_period",
        "evaluated_at",
        "claimed_status",
        "claim_quote",
    ]
    inlines = [MentionInline]
    history_list_display = ["value", "comparator", "status"]

    @admin.display(description="期间")
    def period_label(self, obj: Target) -> str:
        return obj.period_label

    @admin.display(description="目标")
    def target_label(self, obj: Target) -> str:
        return obj.target_label


@admin.register(Actual)
class ActualAdmin(SimpleHistoryAdmin):
    list_display = [
        "region",
        "indicator",
        "measure",
        "period_start",
        "period_end",
        "value",
        "unit",
        "estimate",
        "source",
    ]
    list_filter = ["source", "estimate", "measure", "region", "indicator"]
    search_fields = ["indicator__name", "region__name", "mentions__quote"]
    list_select_related = ["region", "indicator", "document"]
    autocomplete_fields = ["region", "indicator"]
    raw_id_fields = ["document"]
    inlines = [MentionInline]


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["quote", "kind", "document", "raw_value", "unit"]
    list_filter = ["kind", "document"]
    search_fields = ["quote"]
    list_select_related = ["document"]
    raw_id_fields = ["document", "target", "actual"]


@admin.register(Flag)
class FlagAdmin(admin.ModelAdmin):
    list_display = ["kind", "target", "region", "reason", "opened_at", "resolved_at"]
    list_filter = ["kind", ("resolved_at", admin.EmptyFieldListFilter)]
    search_fields = ["reason", "target__indicator__name", "region__name"]
    list_select_related = ["target__region", "target__indicator", "region"]
    raw_id_fields = ["target"]


@admin.register(RegionGroup)
class RegionGroupAdmin(admin.ModelAdmin):
    list_display = ["group", "region"]
    autocomplete_fields = ["region"]
