from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest

from reports.admin_actions import export_scorecard_action
from reports.exports import writer_for
from reports.models import Export
from reports.services import export_request, export_requeue
from reports.tasks import export_queue
from targets.admin import TargetAdmin
from targets.models import Target


class ExportAddForm(forms.ModelForm):
    """A new export of any kind: the scope is checked by the kind's writer here, so
    a bad scope is a message on the form."""

    class Meta:
        model = Export
        fields = ["kind", "scope"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        try:
            cleaned["scope"] = writer_for(cleaned["kind"]).check(
                cleaned.get("scope") or {}
            )
        except ValidationError as exc:
            raise ValidationError(exc.messages) from exc
        return cleaned


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
        "kind",
        "scope",
        "requested_by",
        "status",
        "file",
        "error",
        "row_count",
        "created_at",
        "started_at",
        "finished_at",
    ]
    actions = ["rerun"]

    def get_form(
        self, request: HttpRequest, obj: Export | None = None, **kwargs: Any
    ) -> type[forms.ModelForm]:
        if obj is None:
            kwargs["form"] = ExportAddForm
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(
        self, request: HttpRequest, obj: Export | None = None
    ) -> list[str]:
        return [] if obj is None else list(self.readonly_fields)

    def get_fields(self, request: HttpRequest, obj: Export | None = None):
        if obj is None:
            return ExportAddForm.Meta.fields
        return super().get_fields(request, obj)

    def save_model(
        self, request: HttpRequest, obj: Export, form: forms.ModelForm, change: bool
    ) -> None:
        # The one export lifecycle: a pending row, claimed and run by the task.
        if change:
            return
        created = export_request(
            user=request.user,
            kind=form.cleaned_data["kind"],
            scope=form.cleaned_data["scope"],
        )
        export_queue(created.pk, at_commit=True)
        obj.pk = created.pk
        obj.refresh_from_db()

    @admin.action(description="重新生成", permissions=["change"])
    def rerun(self, request: HttpRequest, queryset: QuerySet[Export]) -> None:
        queued = 0
        for export in queryset:
            if export_requeue(export=export):
                export_queue(export.pk, at_commit=True)
                queued += 1
        self.message_user(
            request, f"已重新提交 {queued} 个导出任务。", messages.SUCCESS
        )


# The domain's admin knows nothing of exports; reports adds its action to it.
# (INSTALLED_APPS lists targets first, so its admin is registered by now.)
admin.site.unregister(Target)


@admin.register(Target)
class TargetWithExportsAdmin(TargetAdmin):
    actions = [*TargetAdmin.actions, export_scorecard_action]
