"""A small 赛马 world on top of tests/conftest.py: 芜湖市 with two counties (县 group)
and two districts (区 group), ranked on R&D growth (功效系数法, weight 60) and the
share of firms without R&D (极值标准化, lower is better, weight 40)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from saima.models import (
    FigureMeasure,
    MonthlyFigure,
    PeerGroup,
    Race,
    RaceIndicator,
    RaceMember,
    ScoringMethod,
)
from targets.models import Indicator, Region, RegionLevel

JUNE = dt.date(2024, 6, 1)
MAY = dt.date(2024, 5, 1)


@pytest.fixture
def district(city) -> Region:
    return Region.objects.create(name="镜湖区", level=RegionLevel.COUNTY, parent=city)


@pytest.fixture
def other_district(city) -> Region:
    return Region.objects.create(name="弋江区", level=RegionLevel.COUNTY, parent=city)


@pytest.fixture
def rd(catalog) -> Indicator:
    return Indicator.objects.get(code="rd_expenditure")


@pytest.fixture
def blank_share(db) -> Indicator:
    return Indicator.objects.create(
        name="规上工业企业研发活动空白率",
        unit="%",
        norm_unit="%",
        direction="lower",
        in_catalog=False,
    )


@pytest.fixture
def race(city, county, other_county, district, other_district, rd, blank_share) -> Race:
    race = Race.objects.create(name="科技创新赛马", city=city)
    counties = PeerGroup.objects.create(race=race, name="县", order=0)
    districts = PeerGroup.objects.create(race=race, name="区", order=1)
    for order, region in enumerate([county, other_county]):
        RaceMember.objects.create(race=race, region=region, group=counties, order=order)
    for order, region in enumerate([district, other_district]):
        RaceMember.objects.create(
            race=race, region=region, group=districts, order=order
        )
    RaceIndicator.objects.create(
        race=race,
        indicator=rd,
        measure=FigureMeasure.GROWTH,
        weight=Decimal(60),
        method=ScoringMethod.EFFICACY,
        order=0,
    )
    RaceIndicator.objects.create(
        race=race,
        indicator=blank_share,
        measure=FigureMeasure.LEVEL,
        weight=Decimal(40),
        direction="lower",
        method=ScoringMethod.MINMAX,
        order=1,
    )
    return race


def figure(region, indicator, measure, month, value, unit="%") -> MonthlyFigure:
    return MonthlyFigure.objects.create(
        region=region,
        indicator=indicator,
        measure=measure,
        month=month,
        value=Decimal(str(value)),
        unit=unit,
    )


@pytest.fixture
def june_figures(race, county, other_county, district, other_district, rd, blank_share):
    """June: 南陵县 10 / 1, 无为市 20 / 3, 镜湖区 5 / 2, 弋江区 5 / 未报送.

    县: 无为市 60 + 0 = 60, 南陵县 36 + 40 = 76. 区: 镜湖区 60 + 40 = 100,
    弋江区 60 + 0 = 60. (The engine test computes the same numbers by hand.)
    """
    for region, growth, share in [
        (county, 10, 1),
        (other_county, 20, 3),
        (district, 5, 2),
        (other_district, 5, None),
    ]:
        figure(region, rd, FigureMeasure.GROWTH, JUNE, growth)
        if share is not None:
            figure(region, blank_share, FigureMeasure.LEVEL, JUNE, share)
    figure(county, rd, FigureMeasure.LEVEL, JUNE, "3.5", "亿元")


@pytest.fixture
def may_figures(race, county, other_county, district, other_district, rd, blank_share):
    """May: 无为市 first among 县 and 弋江区 first among 区."""
    for region, growth, share in [
        (county, 5, 3),
        (other_county, 20, 1),
        (district, 4, 2),
        (other_district, 8, 1),
    ]:
        figure(region, rd, FigureMeasure.GROWTH, MAY, growth)
        figure(region, blank_share, FigureMeasure.LEVEL, MAY, share)
