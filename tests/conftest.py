"""One small named world that tests read like sentences: a city with two counties,
a few catalog indicators, one plan and one report."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from targets.catalog import catalog_load
from targets.models import (
    Document,
    DocumentKind,
    Indicator,
    Region,
    RegionLevel,
    Target,
)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def catalog(db) -> None:
    catalog_load()


@pytest.fixture
def city(db) -> Region:
    return Region.objects.create(name="芜湖市", level=RegionLevel.CITY)


@pytest.fixture
def county(city) -> Region:
    return Region.objects.create(name="南陵县", level=RegionLevel.COUNTY, parent=city)


@pytest.fixture
def other_county(city) -> Region:
    return Region.objects.create(name="无为市", level=RegionLevel.COUNTY, parent=city)


@pytest.fixture
def high_tech(catalog) -> Indicator:
    return Indicator.objects.get(code="high_tech_enterprises")


@pytest.fixture
def contract_turnover(catalog) -> Indicator:
    return Indicator.objects.get(code="tech_contract_turnover")


@pytest.fixture
def plan(city) -> Document:
    return Document.objects.create(
        name="plan-2024.txt",
        sha256="a" * 64,
        title="芜湖市科技局2024年工作要点",
        region=city,
        kind=DocumentKind.PLAN,
        year=2024,
        text="2024年,全市高新技术企业总数达到750家以上。",
    )


@pytest.fixture
def report(city) -> Document:
    return Document.objects.create(
        name="report-2024.txt",
        sha256="b" * 64,
        title="芜湖市科技局2024年工作总结",
        region=city,
        kind=DocumentKind.REPORT,
        year=2024,
        text="2024年,全市高新技术企业总数达到780家。",
    )


@pytest.fixture
def high_tech_target(city, high_tech, plan) -> Target:
    return Target.objects.create(
        region=city,
        indicator=high_tech,
        measure="level",
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 12, 31),
        comparator=">=",
        value=Decimal("750"),
        unit="家",
        norm_value=Decimal("750"),
        norm_unit="count",
        plan=plan,
    )
