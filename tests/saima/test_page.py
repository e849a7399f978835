"""The 赛马 page shows the latest month's ranking, or says there is none."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from saima.models import (
    FigureMeasure,
    MonthlyFigure,
    Race,
    RaceIndicator,
    RaceMember,
    ScoringMethod,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, reader):
    client.force_login(reader)
    return client


@pytest.fixture
def race(city, county, other_county, catalog) -> Race:
    race = Race.objects.create(name="科技创新赛马", city=city)
    for order, region in enumerate([county, other_county]):
        RaceMember.objects.create(race=race, region=region, order=order)
    RaceIndicator.objects.create(
        race=race,
        indicator_id=_rd().pk,
        measure=FigureMeasure.GROWTH,
        weight=Decimal(100),
        method=ScoringMethod.EFFICACY,
        order=0,
    )
    return race


def _rd():
    from targets.models import Indicator

    return Indicator.objects.get(code="rd_expenditure")


def _figures(month: dt.date, values: dict) -> None:
    for region, value in values.items():
        MonthlyFigure.objects.create(
            region=region,
            indicator=_rd(),
            measure=FigureMeasure.GROWTH,
            month=month,
            value=Decimal(value),
            unit="%",
        )


def _ranked_regions(html: str) -> list[str]:
    return re.findall(
        r'<td class="rank"[^>]*>\d+</td>\s*'
        r'<td class="region"[^>]*><strong>([^<]+)</strong>',
        html,
    )


def test_no_race_is_an_explicit_empty_state(signed_in):
    html = signed_in.get("/saima/").content.decode()

    assert 'id="saima-empty"' in html
    assert "暂无赛马数据" in html
    assert "尚未配置赛马" in html


def test_a_race_without_figures_says_so(signed_in, race):
    html = signed_in.get("/saima/").content.decode()

    assert "暂无赛马数据" in html
    assert "“科技创新赛马”还没有导入任何月度数据" in html


def test_the_latest_month_is_ranked_with_the_change_since_last_month(
    signed_in, race, county, other_county
):
    _figures(dt.date(2024, 5, 1), {county: "20", other_county: "10"})
    _figures(dt.date(2024, 6, 1), {county: "10", other_county: "20"})

    html = signed_in.get("/saima/").content.decode()

    assert "2024年6月全市科技创新赛马通报" in html
    assert _ranked_regions(html) == ["无为市", "南陵县"]
    assert '<span class="up">↑1</span>' in html
    assert '<span class="down">↓1</span>' in html
    assert "上月第 2 名" in html


def test_an_earlier_month_can_be_chosen(signed_in, race, county, other_county):
    _figures(dt.date(2024, 5, 1), {county: "20", other_county: "10"})
    _figures(dt.date(2024, 6, 1), {county: "10", other_county: "20"})

    may = signed_in.get("/saima/", {"month": "2024-05"}).content.decode()
    bad = signed_in.get("/saima/", {"month": "五月"}).content.decode()

    assert "2024年5月全市科技创新赛马通报" in may
    assert _ranked_regions(may) == ["南陵县", "无为市"]
    assert "月份格式应为 2024-06" in bad
