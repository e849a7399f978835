"""Query-string filters, shared by the API and the review page."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Exists, OuterRef, Q, QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.request import Request

from targets.api.years import YearFilter
from targets.models import (
    Actual,
    ActualSource,
    Document,
    DocumentKind,
    DocumentStatus,
    Flag,
    FlagKind,
    Indicator,
    Measure,
    Region,
    RegionLevel,
    Status,
    Target,
)


class FilterBackend(DjangoFilterBackend):
    """django-filter, but no FilterSet and form are built when the request names
    none of their filters: most list requests have none, and building them cost
    ~2 ms of a 10 ms request."""

    def filter_queryset(
        self, request: Request, queryset: QuerySet, view: Any
    ) -> QuerySet:
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None and not any(
            name in request.query_params for name in filterset_class.base_filters
        ):
            return queryset
        return super().filter_queryset(request, queryset, view)


def open_flags_exist() -> Exists:
    return Exists(
        Flag.objects.filter(target_id=OuterRef("pk"), resolved_at__isnull=True)
    )


class RegionTreeFilter(django_filters.ModelChoiceFilter):
    """A region and everything below it (芜湖市 includes 南陵县)."""

    def __init__(self, *args, field_path: str = "region", **kwargs) -> None:
        self.field_path = field_path
        kwargs.setdefault("queryset", Region.objects.all())
        kwargs.setdefault("label", "地区(含下级)")
        super().__init__(*args, **kwargs)

    def filter(self, qs: QuerySet, value: Region | None) -> QuerySet:
        if not value:
            return qs
        ids = Region.objects.with_descendants(value).values("pk")
        return qs.filter(**{f"{self.field_path}__in": ids})


class RegionFilter(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(choices=RegionLevel.choices, label="层级")
    parent = django_filters.ModelChoiceFilter(
        queryset=Region.objects.all(), label="上级地区"
    )

    class Meta:
        model = Region
        fields = ["level", "parent"]


class IndicatorFilter(django_filters.FilterSet):
    in_catalog = django_filters.BooleanFilter(label="目录内指标")
    code = django_filters.CharFilter(label="编码")

    class Meta:
        model = Indicator
        fields = ["in_catalog", "code", "norm_unit", "direction", "accumulates"]


class DocumentFilter(django_filters.FilterSet):
    region = RegionTreeFilter()
    year = YearFilter()
    kind = django_filters.ChoiceFilter(choices=DocumentKind.choices, label="类型")
    status = django_filters.ChoiceFilter(
        choices=DocumentStatus.choices, label="处理状态"
    )

    class Meta:
        model = Document
        fields = ["region", "year", "kind", "status"]


class TargetFilter(django_filters.FilterSet):
    region = RegionTreeFilter()
    indicator = django_filters.ModelChoiceFilter(
        queryset=Indicator.objects.all(), label="指标"
    )
    year = YearFilter(method="filter_year")
    measure = django_filters.ChoiceFilter(choices=Measure.choices, label="口径")
    status = django_filters.MultipleChoiceFilter(choices=Status.choices, label="状态")
    provisional = django_filters.BooleanFilter(label="预计数")
    flagged = django_filters.BooleanFilter(
        method="filter_flagged", label="有未解除预警"
    )
    plan = django_filters.ModelChoiceFilter(
        queryset=Document.objects.all(), label="来源计划"
    )

    class Meta:
        model = Target
        fields = [
            "region",
            "indicator",
            "year",
            "measure",
            "status",
            "provisional",
            "flagged",
            "plan",
        ]

    def filter_year(self, qs: QuerySet, name: str, value: int | None) -> QuerySet:
        if value is None:
            return qs
        return qs.in_year(int(value))

    def filter_flagged(self, qs: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return qs
        exists = open_flags_exist()
        return qs.filter(exists) if value else qs.filter(~exists)


class ActualFilter(django_filters.FilterSet):
    region = RegionTreeFilter()
    indicator = django_filters.ModelChoiceFilter(
        queryset=Indicator.objects.all(), label="指标"
    )
    measure = django_filters.ChoiceFilter(choices=Measure.choices, label="口径")
    year = YearFilter(method="filter_year")
    source = django_filters.ChoiceFilter(choices=ActualSource.choices, label="来源")
    estimate = django_filters.BooleanFilter(label="预计数")

    class Meta:
        model = Actual
        fields = ["region", "indicator", "measure", "year", "source", "estimate"]

    def filter_year(self, qs: QuerySet, name: str, value: int | None) -> QuerySet:
        if value is None:
            return qs
        return qs.filter(period_end__year=int(value))


class FlagFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=FlagKind.choices, label="类型")
    open = django_filters.BooleanFilter(method="filter_open", label="未解除")
    region = django_filters.ModelChoiceFilter(
        queryset=Region.objects.all(), method="filter_region", label="地区(含下级)"
    )
    target = django_filters.NumberFilter(label="目标")

    class Meta:
        model = Flag
        fields = ["kind", "open", "region", "target"]

    def filter_open(self, qs: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return qs
        return qs.filter(resolved_at__isnull=value)

    def filter_region(self, qs: QuerySet, name: str, value: Region | None) -> QuerySet:
        if not value:
            return qs
        ids = Region.objects.with_descendants(value).values("pk")
        # A flag is about a target (and so its region) or directly about a region.
        return qs.filter(Q(target__region__in=ids) | Q(region__in=ids))
