from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from targets.admin_followup import FlagEventInline
from targets.models import (
    Actual,
    Document,
    DocumentKind,
    DocumentStatus,
    Flag,
    Indicator,
    Mention,
    Region,
    RegionGroup,
    Target,
)
from targets.periods import Period, PeriodError
from targets.permissions import (
    RegionScopedAdmin,
    can_write_actual_for,
)
from targets.services import actuals as actual_services
from targets.services import targets as target_services
from targets.services.documents import document_delete, upload_precheck
from targets.services.flags import targets_refresh
from targets.services.review import document_reprocess
from targets.services.uploads import (
    document_retry,
    document_upload,
    upload_check_size,
)
from targets.tasks import ingest_document


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


class DocumentUploadForm(forms.ModelForm):
    """The admin's add form: a file and what the engine may not guess right."""

    class Meta:
        model = Document
        fields = ["file", "region", "kind", "published"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].required = True
        self.fields["kind"].help_text = "“总结与计划”表示由系统识别。"

    def clean_file(self) -> Any:
        """Refuse a file that is too large or plainly unreadable here, as a form
        error; the worker parses it (document_process), never this request."""
        upload = self.cleaned_data["file"]
        upload_check_size(name=upload.name, size=upload.size)
        upload_precheck(upload.read(), upload.name)
        upload.seek(0)
        return upload


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "region", "kind", "year", "status", "created_at"]
    list_filter = ["status", "kind", "region", "year"]
    search_fields = ["name", "title", "sha256"]
    readonly_fields = ["sha256", "encoding", "status", "error", "processed_at", "text"]
    date_hierarchy = "created_at"
    actions = ["reprocess"]

    def get_form(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        if obj is None:
            kwargs["form"] = DocumentUploadForm
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return DocumentUploadForm.Meta.fields
        return super().get_fields(request, obj)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return [] if obj is None else self.readonly_fields

    def save_model(
        self, request: HttpRequest, obj: Document, form: Any, change: bool
    ) -> None:
        """An upload here is stored and processed like one on the 审核 page."""
        if change:
            super().save_model(request, obj, form, change)
            return
        upload = form.cleaned_data["file"]
        outcome = document_upload(
            data=upload.read(),
            name=upload.name,
            user=request.user,
            region=obj.region.name if obj.region_id else None,
            published=obj.published,
            kind=obj.kind if obj.kind != DocumentKind.BOTH else "auto",
        )
        if outcome.queue:
            ingest_document.delay_on_commit(outcome.document.pk)
        if not outcome.created:
            messages.warning(request, outcome.message)
        # The admin goes on with this object (log entry, redirect): make it the row.
        obj.pk = outcome.document.pk
        obj._state.adding = False
        obj.refresh_from_db()

    def delete_model(self, request: HttpRequest, obj: Document) -> None:
        # Through the service: orphaned targets go, the rest is judged again.
        document_delete(document=obj)

    def delete_queryset(
        self, request: HttpRequest, queryset: QuerySet[Document]
    ) -> None:
        for document in queryset:
            document_delete(document=document)

    @admin.action(description="重新处理(保留审核结果)")
    def reprocess(self, request: HttpRequest, queryset: QuerySet[Document]) -> None:
        done = 0
        for document in queryset:
            if document.status == DocumentStatus.FAILED:
                document_retry(document=document)
                ingest_document.delay_on_commit(document.pk)
            elif document.status in (DocumentStatus.DONE, DocumentStatus.REVIEWED):
                document_reprocess(document=document)
            else:
                continue
            done += 1
        messages.success(request, f"已重新处理 {done} 个文件。")


class TargetForm(forms.ModelForm):
    """Checks value and unit against the indicator the way the service will, so a
    bad unit is a message on the form, not an error page."""

    class Meta:
        model = Target
        fields = target_services.EDITABLE_FIELDS

    def _post_clean(self) -> None:
        super()._post_clean()
        if self.errors:
            return
        try:
            target_services.target_check(self.instance)
        except ValidationError as exc:
            self.add_error(None, exc)


@admin.register(Target)
class TargetAdmin(RegionScopedAdmin, SimpleHistoryAdmin):
    # Clerks read their regions' targets here and change none (docs/api.md).
    clerks_may_write = False
    form = TargetForm
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
        "norm_value",
        "norm_unit",
        *Target.VERDICT_FIELDS,
        "evaluated_at",
        "claimed_status",
        "claim_quote",
    ]
    inlines = [MentionInline]
    history_list_display = ["value", "comparator", "status"]
    actions = ["reevaluate"]

    @admin.action(description="重新评估", permissions=["change"])
    def reevaluate(self, request: HttpRequest, queryset: QuerySet[Target]) -> None:
        count = queryset.count()
        targets_refresh(targets=queryset)
        self.message_user(request, f"已重新评估 {count} 个目标。", messages.SUCCESS)

    def save_model(
        self, request: HttpRequest, obj: Target, form: forms.ModelForm, change: bool
    ) -> None:
        self.region_write_check(request, obj)
        # Through the service: norm_value, the verdict and the flags follow at once.
        if change:
            changes = {
                name: form.cleaned_data[name]
                for name in form.changed_data
                if name in target_services.EDITABLE_FIELDS
            }
            target_services.target_update(target=obj, **changes)
        else:
            target_services.target_create(target=obj)

    @admin.display(description="期间")
    def period_label(self, obj: Target) -> str:
        return obj.period_label

    @admin.display(description="目标")
    def target_label(self, obj: Target) -> str:
        return obj.target_label


class ActualAddForm(forms.ModelForm):
    """Manual entry in the admin goes through ``actual_create``, which checks unit
    and period and fills the normalized value, exactly like the API."""

    period = forms.CharField(
        label="期间",
        max_length=32,
        help_text="如 2024、2024-06 或 2024-01/2024-06",
    )

    class Meta:
        model = Actual
        fields = [
            "region",
            "indicator",
            "measure",
            "period",
            "comparator",
            "value",
            "unit",
            "estimate",
        ]

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        if not can_write_actual_for(self.user, cleaned["region"]):
            raise ValidationError("您只能录入本地区及下级地区的实际值。")
        # Checked only: ActualAdmin.save_model stores it through actual_create.
        try:
            checked = actual_services.actual_check(
                region=cleaned["region"],
                indicator=cleaned["indicator"],
                measure=cleaned["measure"],
                period=cleaned["period"],
                value=cleaned["value"],
                unit=cleaned.get("unit") or "",
                comparator=cleaned.get("comparator") or "=",
            )
        except ValidationError as exc:
            raise ValidationError(exc.messages) from exc
        cleaned["period"] = checked.period
        return cleaned

    def _post_clean(self) -> None:
        # The model has no "period" field: the two dates come from the check.
        period = self.cleaned_data.get("period")
        if isinstance(period, Period):
            self.instance.period_start = period.start
            self.instance.period_end = period.end
        super()._post_clean()


class ActualForm(forms.ModelForm):
    """Editing a stored actual: checked like a new one before the service saves it."""

    class Meta:
        model = Actual
        fields = actual_services.EDITABLE_FIELDS

    def _post_clean(self) -> None:
        super()._post_clean()
        if self.errors:
            return
        actual = self.instance
        try:
            actual_services.actual_check(
                region=actual.region,
                indicator=actual.indicator,
                measure=actual.measure,
                period=Period(actual.period_start, actual.period_end),
                value=actual.value,
                unit=actual.unit,
                comparator=actual.comparator,
            )
        except PeriodError as exc:
            self.add_error(None, str(exc))
        except ValidationError as exc:
            self.add_error(None, exc.messages)


@admin.register(Actual)
class ActualAdmin(RegionScopedAdmin, SimpleHistoryAdmin):
    form = ActualForm
    list_display = [
        "region",
        "indicator",
        "measure",
        "period_label",
        "value",
        "unit",
        "estimate",
        "source",
        "entered_by",
    ]
    list_filter = ["source", "estimate", "measure", "region", "indicator"]
    search_fields = ["indicator__name", "region__name", "mentions__quote"]
    list_select_related = ["region", "indicator", "document", "entered_by"]
    autocomplete_fields = ["region", "indicator"]
    readonly_fields = [
        "norm_value",
        "norm_unit",
        "source",
        "document",
        "entered_by",
        "created_at",
    ]
    inlines = [MentionInline]

    @admin.display(description="期间")
    def period_label(self, obj: Actual) -> str:
        return obj.period.label

    # Region-bound users see and touch only their regions' actuals: RegionScopedAdmin.
    def get_form(
        self, request: HttpRequest, obj: Actual | None = None, **kwargs: Any
    ) -> type[forms.ModelForm]:
        if obj is None:
            kwargs["form"] = ActualAddForm
            kwargs["fields"] = ActualAddForm.Meta.fields
            form = super().get_form(request, obj, **kwargs)

            class BoundActualAddForm(form):
                def __init__(self, *args: Any, **kw: Any) -> None:
                    super().__init__(*args, user=request.user, **kw)

            return BoundActualAddForm
        return super().get_form(request, obj, **kwargs)

    def get_fieldsets(self, request: HttpRequest, obj: Actual | None = None):
        if obj is None:
            return [(None, {"fields": ActualAddForm.Meta.fields})]
        return super().get_fieldsets(request, obj)

    def get_readonly_fields(
        self, request: HttpRequest, obj: Actual | None = None
    ) -> list[str]:
        if obj is None:
            return []
        return super().get_readonly_fields(request, obj)

    def get_inlines(self, request: HttpRequest, obj: Actual | None) -> list[Any]:
        return [] if obj is None else super().get_inlines(request, obj)

    def save_model(
        self, request: HttpRequest, obj: Actual, form: forms.ModelForm, change: bool
    ) -> None:
        if not can_write_actual_for(request.user, obj.region_id):
            raise PermissionDenied("您只能修改本地区及下级地区的实际值。")
        self.region_write_check(request, obj)
        if not change:
            data = form.cleaned_data
            created = actual_services.actual_create(
                user=request.user,
                region=data["region"],
                indicator=data["indicator"],
                measure=data["measure"],
                period=data["period"],
                value=data["value"],
                unit=data.get("unit") or "",
                estimate=data.get("estimate", False),
                comparator=data.get("comparator") or "=",
            )
            # The admin goes on with its own instance (log entry, redirect).
            obj.pk = created.pk
            obj.refresh_from_db()
            return
        changes = {
            name: form.cleaned_data[name]
            for name in form.changed_data
            if name in actual_services.EDITABLE_FIELDS
        }
        actual_services.actual_update(actual=obj, **changes)


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["quote", "kind", "document", "raw_value", "unit"]
    list_filter = ["kind", "document"]
    search_fields = ["quote"]
    list_select_related = ["document"]
    raw_id_fields = ["document", "target", "actual"]


@admin.register(Flag)
class FlagAdmin(admin.ModelAdmin):
    list_display = [
        "kind",
        "target",
        "region",
        "reason",
        "state",
        "assignee",
        "due_date",
        "opened_at",
        "resolved_at",
    ]
    list_filter = ["kind", "state", ("resolved_at", admin.EmptyFieldListFilter)]
    inlines = [FlagEventInline]  # 督办记录 (targets.admin_followup)
    search_fields = ["reason", "target__indicator__name", "region__name"]
    list_select_related = ["target__region", "target__indicator", "region"]
    raw_id_fields = ["target"]


@admin.register(RegionGroup)
class RegionGroupAdmin(admin.ModelAdmin):
    list_display = ["group", "region"]
    autocomplete_fields = ["region"]
