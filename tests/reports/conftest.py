"""A scorecard world on top of tests/conftest.py: evaluated targets in the city, its
two counties and a second city, with quotes and flags."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import pytest
from django.utils import timezone

from targets.models import (
    Document,
    DocumentKind,
    Flag,
    FlagKind,
    Indicator,
    Region,
    RegionLevel,
    Status,
)

EVIL_QUOTE = '=HYPERLINK("http://evil.example/x","点击查看")技术合同成交额12亿元'
EVIL_REASON = "=cmd|' /C calc'!A0"
EVALUATED_AT = timezone.make_aware(dt.datetime(2024, 11, 20, 9, 0))


@pytest.fixture
def hefei(db) -> Region:
    return Region.objects.create(name="合肥市", level=RegionLevel.CITY)


@pytest.fixture
def county_plan(county) -> Document:
    return Document.objects.create(
        name="nanling-2024.txt",
        sha256="c" * 64,
        title="南陵县2024年科技工作要点",
        region=county,
        kind=DocumentKind.PLAN,
        year=2024,
        text=EVIL_QUOTE,
    )


@pytest.fixture
def scorecard_world(
    make_target,
    city,
    county,
    other_county,
    hefei,
    plan,
    county_plan,
    high_tech,
    contract_turnover,
) -> dict[str, Any]:
    """Five targets, one per status, in four regions; two open flags, one resolved."""
    make_target = functools.partial(make_target, evaluated_at=EVALUATED_AT)
    rd_intensity = Indicator.objects.get(code="rd_intensity")
    tech_smes = Indicator.objects.get(code="tech_smes")
    met = make_target(
        region=city,
        indicator=high_tech,
        value="750",
        unit="家",
        norm_value="750",
        norm_unit="count",
        status=Status.MET,
        progress="1.04",
        actual_norm_value="780",
        actual_period="2024",
        plan=plan,
        quote="全市高新技术企业总数达到750家以上",
    )
    at_risk = make_target(
        region=county,
        indicator=contract_turnover,
        value="12",
        unit="亿元",
        norm_value="1200000000",
        norm_unit="元",
        status=Status.AT_RISK,
        progress="0.55",
        schedule_progress="0.8333",
        actual_norm_value="660000000",
        actual_period="2024-01/2024-10",
        provisional=True,
        plan=county_plan,
        quote=EVIL_QUOTE,
    )
    missed = make_target(
        region=other_county,
        indicator=rd_intensity,
        value="2.5",
        unit="%",
        norm_value="2.5",
        norm_unit="%",
        status=Status.MISSED,
        progress="0.84",
        actual_norm_value="2.1",
        actual_period="2024",
    )
    on_track = make_target(
        region=county,
        indicator=tech_smes,
        measure="increase",
        value="30",
        unit="家",
        norm_value="30",
        norm_unit="count",
        status=Status.ON_TRACK,
        progress="0.7",
        schedule_progress="0.6667",
        actual_norm_value="21",
        actual_period="2024-01/2024-08",
        plan=county_plan,
        quote="新增科技型中小企业30家",
    )
    no_data = make_target(
        region=hefei,
        indicator=high_tech,
        year=2023,
        value="1000",
        unit="家",
        norm_value="1000",
        norm_unit="count",
        status=Status.NO_DATA,
    )
    Flag.objects.create(
        target=missed, kind=FlagKind.MISSED, reason="实际2.1%,低于目标2.5%"
    )
    Flag.objects.create(
        target=met,
        kind=FlagKind.NO_DATA,
        reason="已有实际值,预警已解除",
        resolved_at=timezone.now(),
    )
    Flag.objects.create(
        region=other_county,
        month=dt.date(2024, 5, 1),
        kind=FlagKind.NOT_REPORTED,
        reason=EVIL_REASON,
    )
    return {
        "met": met,
        "at_risk": at_risk,
        "missed": missed,
        "on_track": on_track,
        "no_data": no_data,
    }
