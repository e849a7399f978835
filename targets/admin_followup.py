"""Admin for the follow-up workflow (issue 13): 督办 records, 填报 batches, status
changes and robot deliveries. Read-only where the pages and services write."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from targets.models import FlagEvent, ReportBatch, StatusChange, WebhookDelivery


class FlagEventInline(admin.TabularInline):
    model = FlagEvent
    extra = 0
    fields = ["created_at", "action", "user", "before", "after", "note"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(ReportBatch)
class ReportBatchAdmin(SimpleHistoryAdmin):
    list_display = ["region", "period_start", "period_end", "status", "locked"]
    list_filter = ["status", "locked"]
    readonly_fields = ["region", "period_start", "period_end", "status"]
    exclude = ["locked", "locked_by", "submitted_by", "submitted_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(StatusChange)
class StatusChangeAdmin(ReadOnlyAdmin):
    list_display = ["target", "kind", "before", "after", "figure", "changed_at"]
    list_filter = ["kind"]
    list_select_related = ["target__region", "target__indicator"]


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(ReadOnlyAdmin):
    list_display = ["pk", "status", "attempts", "error", "created_at", "sent_at"]
    list_filter = ["status"]
