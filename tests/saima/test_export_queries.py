"""The 月通报 export's queries do not grow with the number of regions (issue 16):
the same count for a race of 4 and of 24 members, first run and rerun."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from saima.models import (
    FigureMeasure,
    MonthlyFigure,
    PeerGroup,
    Race,
    RaceIndicator,
    RaceMember,
    RaceTarget,
    ScoringMethod,
)
from saima.services import saima_export
from targets.models import Flag, Indicator, Region, RegionLevel

JUNE = dt.date(2024, 6, 1)
LATE = dt.date(2024, 8, 1)  # past the deadline: 未按期报送 flags are raised


def _race(city, size: int, tag: str) -> Race:
    race = Race.objects.create(name=f"赛马{tag}", city=city)
    groups = [
        PeerGroup.objects.create(race=race, name=f"组{i}", order=i) for i in range(2)
    ]
    indicators = [
        Indicator.objects.create(name=f"指标{tag}{i}", unit="%", in_catalog=False)
        for i in range(3)
    ]
    methods = [ScoringMethod.EFFICACY, ScoringMethod.RANK, ScoringMethod.COMPLETION]
    specs = [
        RaceIndicator.objects.create(
            race=race,
            indicator=indicator,
            measure=FigureMeasure.LEVEL if method == "completion" else "growth",
            weight=Decimal(30),
            method=method,
            order=i,
        )
        for i, (indicator, method) in enumerate(zip(indicators, methods, strict=True))
    ]
    for n in range(size):
        region = Region.objects.create(
            name=f"{tag}县{n}", level=RegionLevel.COUNTY, parent=city
        )
        RaceMember.objects.create(race=race, region=region, group=groups[n % 2])
        RaceTarget.objects.create(
            race_indicator=specs[2], region=region, year=2024, value=Decimal(100)
        )
        for i, spec in enumerate(specs):
            if n == 0 and i == 1:
                continue  # one region has not reported: a flag
            for month in (JUNE, dt.date(2024, 5, 1)):
                MonthlyFigure.objects.create(
                    region=region,
                    indicator=spec.indicator,
                    measure=spec.measure,
                    month=month,
                    value=Decimal(10 + n + i),
                )
    return race


def _queries(race: Race, tmp_path) -> int:
    with CaptureQueriesContext(connection) as captured:
        saima_export(
            race=race, month=JUNE, out=tmp_path / f"{race.pk}.xlsx", today=LATE
        )
    return len(captured)


def test_export_queries_are_constant_in_regions(
    city, tmp_path, django_assert_num_queries
):
    small = _race(city, 4, "小")
    large = _race(city, 24, "大")
    first = _queries(small, tmp_path)
    with django_assert_num_queries(first):
        saima_export(race=large, month=JUNE, out=tmp_path / "l.xlsx", today=LATE)
    # A rerun updates the stored results and finds the open flags: constant too.
    again = _queries(small, tmp_path)
    with django_assert_num_queries(again):
        saima_export(race=large, month=JUNE, out=tmp_path / "l.xlsx", today=LATE)
    assert Flag.objects.filter(region__name__in=["小县0", "大县0"]).count() == 2
    assert large.results.count() == 24
