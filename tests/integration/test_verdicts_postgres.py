"""On PostgreSQL the verdicts are written with one UPDATE … FROM (VALUES …) per batch
(targets.services.judging._verdicts_write), not Django's bulk_update: the same
values must arrive, NULLs and dates included."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection

from targets.models import Actual, Target
from targets.services.judging import targets_evaluate

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_verdicts_written_with_values_match_the_judgment(
    make_target, city, county, high_tech, report
):
    if connection.vendor != "postgresql":
        pytest.skip("the VALUES path is PostgreSQL's")
    met = make_target(region=city, indicator=high_tech, value="750")
    unanswered = make_target(region=county, indicator=high_tech, value="10")
    Target.objects.filter(pk=unanswered.pk).update(
        status="met", progress=Decimal("2"), actual_norm_value=Decimal("20")
    )
    actual = Actual.objects.create(
        region=city,
        indicator=high_tech,
        measure="level",
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 12, 31),
        value=Decimal("780"),
        unit="家",
        norm_value=Decimal("780"),
        norm_unit="count",
        document=report,
    )

    assert targets_evaluate(today=dt.date(2025, 3, 1)) == 2

    met.refresh_from_db()
    unanswered.refresh_from_db()
    assert (met.status, met.actual_id, met.actual_norm_value) == ("met", actual.pk, 780)
    assert met.progress == Decimal("1.04")
    assert (met.actual_period_start, met.actual_period_end) == (
        dt.date(2024, 1, 1),
        dt.date(2024, 12, 31),
    )
    assert (unanswered.status, unanswered.progress, unanswered.actual_id) == (
        "no_data",
        None,
        None,
    )
    assert unanswered.actual_norm_value is None
