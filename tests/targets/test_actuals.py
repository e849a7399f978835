"""Manual entry of actuals: validated in Chinese, then the targets are re-judged."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from freezegun import freeze_time

from targets.models import Actual, Flag
from targets.services.actuals import actual_create


@pytest.fixture
def clerk(db):
    return get_user_model().objects.create_user("clerk", password="x")


@pytest.fixture(autouse=True)
def _today():
    with freeze_time("2025-02-01"):
        yield


def test_a_manual_actual_is_stored_and_judges_the_target(
    clerk, city, high_tech, high_tech_target
):
    actual = actual_create(
        user=clerk,
        region=city,
        indicator=high_tech,
        measure="level",
        period="2024",
        value="720",
        unit="家",
    )

    assert (actual.source, actual.entered_by, actual.norm_value, actual.norm_unit) == (
        "manual",
        clerk,
        Decimal("720"),
        "count",
    )
    assert actual.reported_date == dt.date(2025, 2, 1)
    high_tech_target.refresh_from_db()
    assert (high_tech_target.status, high_tech_target.actual) == ("missed", actual)
    assert Flag.objects.get().kind == "missed"


def test_money_is_normalised_to_yuan(clerk, city, contract_turnover):
    actual = actual_create(
        user=clerk,
        region=city,
        indicator=contract_turnover,
        measure="level",
        period="2024-01/2024-06",
        value=Decimal("2.5"),
        unit="亿元",
        estimate=True,
    )

    assert (actual.norm_value, actual.norm_unit, actual.estimate) == (
        Decimal("250000000"),
        "元",
        True,
    )
    assert (actual.period_start, actual.period_end) == (
        dt.date(2024, 1, 1),
        dt.date(2024, 6, 30),
    )


def test_names_are_accepted_for_region_and_indicator(clerk, city, high_tech):
    actual = actual_create(
        user=clerk,
        region="芜湖",
        indicator="high_tech_enterprises",
        measure="growth",
        period="2024",
        value=5,
        unit="%",
    )

    assert (actual.region, actual.indicator, actual.norm_unit) == (city, high_tech, "%")


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"unit": "亿元"}, "单位“亿元”与指标“高新技术企业数”的总量口径不符"),
        ({"measure": "growth", "unit": "家"}, "应为%类单位"),
        ({"period": "2024年"}, "期间“2024年”无效"),
        ({"period": "2031"}, "在未来"),
        ({"value": "很多"}, "不是数字"),
        ({"measure": "stock"}, "口径“stock”无效"),
        ({"comparator": "≈"}, "比较符“≈”无效"),
        ({"indicator": "没有的指标"}, "未知指标“没有的指标”"),
    ],
)
def test_bad_entries_are_refused_in_chinese_and_store_nothing(
    clerk, city, high_tech, overrides, message
):
    entry = {
        "user": clerk,
        "region": city,
        "indicator": high_tech,
        "measure": "level",
        "period": "2024",
        "value": "720",
        "unit": "家",
        **overrides,
    }

    with pytest.raises(ValidationError) as excinfo:
        actual_create(**entry)

    assert message in excinfo.value.messages[0]
    assert not Actual.objects.exists()
