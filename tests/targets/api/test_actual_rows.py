"""The actuals list is built from rows (targets.api.rows): same payload as
ActualSerializer on the same actuals."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from targets.api import selectors
from targets.api.rows import actual_payloads, actual_rows
from targets.api.serializers import ActualSerializer
from targets.models import Actual

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed_actuals(evaluated, county, contract_turnover, high_tech, editor):
    """The document-sourced actual of ``evaluated`` (with a quote) plus manual,
    estimated, imported ones in every approval state."""
    common = {"measure": "level", "norm_unit": "count"}
    Actual.objects.create(
        region=county,
        indicator=high_tech,
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 6, 30),
        value=Decimal("12.5"),
        unit="家",
        norm_value=Decimal("12.5"),
        estimate=True,
        source="manual",
        entered_by=editor,
        reported_date=dt.date(2024, 7, 3),
        approval="pending",
        **common,
    )
    Actual.objects.create(
        region=county,
        indicator=contract_turnover,
        period_start=dt.date(2023, 1, 1),
        period_end=dt.date(2023, 12, 31),
        value=Decimal("3.0125"),
        unit="亿元",
        norm_value=Decimal("301250000"),
        comparator=">=",
        source="import",
        approval="returned",
        measure="level",
        norm_unit="yuan",
    )
    Actual.objects.create(
        region=county,
        indicator=high_tech,
        period_start=dt.date(2025, 1, 1),
        period_end=dt.date(2025, 12, 31),
        value=Decimal("0"),
        unit="家",
        norm_value=Decimal("0"),
        source="manual",
        approval="draft",
        **common,
    )
    return Actual.objects.all()


def _plain(data) -> object:
    return json.loads(json.dumps(data, ensure_ascii=False))


def test_row_payloads_equal_the_serializers(mixed_actuals):
    queryset = selectors.actual_list().order_by("pk")
    expected = _plain(ActualSerializer(queryset, many=True).data)

    got = _plain(actual_payloads(actual_rows(queryset)))

    assert {a["approval"] for a in got} == {"approved", "pending", "returned", "draft"}
    assert {a["source"] for a in got} == {"document", "manual", "import"}
    assert any(a["estimate"] for a in got) and any(a["evidence"] for a in got)
    assert got == expected
    assert [list(a) for a in got] == [list(a) for a in expected]


def test_the_list_endpoint_answers_the_serializers_payload(
    reader_client, mixed_actuals
):
    expected = _plain(ActualSerializer(selectors.actual_list(), many=True).data)

    results = reader_client.get("/api/actuals/").json()["results"]

    assert results == expected
