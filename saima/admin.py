"""Admin for 赛马: race configuration with inlines, figures with history, and an
upload page for monthly figures (月度数据 → 上传月度数据)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template import engines
from django.template.backends.base import BaseEngine
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from simple_history.admin import SimpleHistoryAdmin

from saima.importing import ImportRejected, template_bytes
from saima.models import (
    FigureImport,
    MonthlyFigure,
    PeerGroup,
    Race,
    RaceIndicator,
    RaceMember,
    RaceResult,
    RaceTarget,
)
from saima.services import figure_delete, figure_save, figures_import
from targets import display
from targets.permissions import RegionScopedAdmin

_CHANGE_LIST = """{% extends "admin/change_list.html" %}
{% block object-tools-items %}
<li><a href="{% url 'admin:saima_monthlyfigure_upload' %}">上传月度数据</a></li>
<li><a href="{% url 'admin:saima_monthlyfigure_template' %}">下载空白模板</a></li>
{{ block.super }}
{% endblock %}"""

_UPLOAD = """{% extends "admin/base_site.html" %}
{% block content %}
<h1>上传月度数据</h1>
<p>文件格式:Excel(.xlsx)或 CSV,表头为“月份 | 地区 | 指标 | 口径 | 数值 | 单位”。
<a href="{% url 'admin:saima_monthlyfigure_template' %}">下载空白模板</a>。</p>
<p>任何一处错误都会使整个文件不被导入;重新导入某地区某月的数据会替换该地区该月的全部数值,
原值保留在修改历史中。</p>
{% if errors %}
<div class="errornote">{{ summary }}</div>
<ul class="errorlist">{% for error in errors %}<li>{{ error }}</li>{% endfor %}</ul>
{% endif %}
<form method="post" enctype="multipart/form-data">{% csrf_token %}
{{ form.as_p }}
<input type="submit" value="上传并导入" class="default">
</form>
{% endblock %}"""


def _engine() -> BaseEngine:
    return engines["django"]


class UploadForm(forms.Form):
    file = forms.FileField(label="数据文件")


class PeerGroupInline(admin.TabularInline):
    model = PeerGroup
    extra = 0


class RaceMemberInline(admin.TabularInline):
    model = RaceMember
    extra = 0
    autocomplete_fields = ["region"]

    def formfield_for_foreignkey(
        self, db_field: Any, request: HttpRequest, **kwargs: Any
    ) -> Any:
        # Only this race's groups make sense here.
        if db_field.name == "group":
            race_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = PeerGroup.objects.filter(race_id=race_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class RaceIndicatorInline(admin.TabularInline):
    model = RaceIndicator
    extra = 0
    autocomplete_fields = ["indicator"]
    fields = [
        "order",
        "indicator",
        "measure",
        "label",
        "weight",
        "direction",
        "method",
        "cap",
    ]


@admin.register(Race)
class RaceAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "city",
        "deadline_day",
        "weight_total",
        "is_sample",
        "active",
    ]
    list_filter = ["active", "is_sample"]
    search_fields = ["name"]
    autocomplete_fields = ["city"]
    inlines = [PeerGroupInline, RaceMemberInline, RaceIndicatorInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "city",
                    "title",
                    "deadline_day",
                    "is_sample",
                    "active",
                ]
            },
        ),
        ("红黑榜", {"fields": ["list_mode", "list_count", "list_share"]}),
        (
            "月通报公文格式",
            {"fields": ["bulletin_header", "bulletin_number", "bulletin_issuer"]},
        ),
    ]

    @admin.display(description="权重合计")
    def weight_total(self, race: Race) -> str:
        # Weights usually add up to 100; showing the sum catches a typo at a glance.
        total = sum((ri.weight for ri in race.indicators.all()), Decimal(0))
        return display.plain(total)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Race]:
        return super().get_queryset(request).prefetch_related("indicators")


@admin.register(RaceTarget)
class RaceTargetAdmin(admin.ModelAdmin):
    list_display = ["race_indicator", "region", "year", "value"]
    list_filter = ["year", "race_indicator__race"]
    autocomplete_fields = ["region"]


@admin.register(MonthlyFigure)
class MonthlyFigureAdmin(RegionScopedAdmin, SimpleHistoryAdmin):
    # Clerks keep to their regions' figures (targets.permissions), here and in the
    # upload below (figures_import rejects other regions' rows).
    list_display = ["month", "region", "indicator", "measure", "value", "unit"]
    list_filter = ["month", "measure", "region"]
    search_fields = ["region__name", "indicator__name"]
    date_hierarchy = "month"
    autocomplete_fields = ["region", "indicator"]
    readonly_fields = ["source", "updated_at"]

    def save_model(
        self, request: HttpRequest, obj: MonthlyFigure, form: Any, change: bool
    ) -> None:
        self.region_write_check(request, obj)
        figure_save(figure=obj)

    def delete_model(self, request: HttpRequest, obj: MonthlyFigure) -> None:
        self.region_write_check(request, obj)
        figure_delete(figure=obj)

    def delete_queryset(
        self, request: HttpRequest, queryset: QuerySet[MonthlyFigure]
    ) -> None:
        for figure in queryset:
            self.region_write_check(request, figure)
            figure_delete(figure=figure)

    @property
    def change_list_template(self) -> Any:
        # A compiled template keeps this page's markup beside the admin code.
        return _engine().from_string(_CHANGE_LIST)

    def get_urls(self) -> list[URLPattern]:
        extra = [
            path(
                "upload/",
                self.admin_site.admin_view(self.upload_view),
                name="saima_monthlyfigure_upload",
            ),
            path(
                "template/",
                self.admin_site.admin_view(self.template_view),
                name="saima_monthlyfigure_template",
            ),
        ]
        return extra + super().get_urls()

    def upload_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = UploadForm(request.POST or None, request.FILES or None)
        context = {
            **self.admin_site.each_context(request),
            "title": "上传月度数据",
            "form": form,
            "opts": self.model._meta,
            "errors": [],
        }
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                record = figures_import(
                    data=upload.read(), name=upload.name, user=request.user
                )
            except ImportRejected as exc:
                context["errors"] = [str(error) for error in exc.errors]
                context["summary"] = exc.summary
            else:
                self.message_user(
                    request,
                    f"已导入“{record.name}”:{record.row_count}行,新增{record.created},"
                    f"更新{record.updated},删除{record.deleted}。",
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(
                    reverse("admin:saima_monthlyfigure_changelist")
                )
        return TemplateResponse(request, _engine().from_string(_UPLOAD), context)

    def template_view(self, request: HttpRequest) -> HttpResponse:
        response = HttpResponse(
            template_bytes("xlsx"),
            content_type=(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            ),
        )
        response["Content-Disposition"] = (
            "attachment; filename*=UTF-8''saima_template.xlsx"
        )
        return response


@admin.register(FigureImport)
class FigureImportAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "uploaded_by",
        "row_count",
        "created",
        "updated",
        "deleted",
        "created_at",
    ]
    readonly_fields = [f.name for f in FigureImport._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(RaceResult)
class RaceResultAdmin(admin.ModelAdmin):
    list_display = [
        "race",
        "period_kind",
        "period_start",
        "group",
        "rank",
        "region",
        "score",
        "previous_rank",
    ]
    list_filter = ["race", "period_kind", "period_start", "group"]
    readonly_fields = [f.name for f in RaceResult._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
