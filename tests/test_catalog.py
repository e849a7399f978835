from __future__ import annotations

import csv

import pytest

from targets.catalog import CATALOG_PATH, catalog_load
from targets.models import Indicator


def _catalog_rows() -> list[dict[str, str]]:
    with CATALOG_PATH.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.django_db
def test_loading_the_catalog_twice_creates_each_indicator_once():
    first = catalog_load()
    second = catalog_load()

    assert first.created == len(_catalog_rows())
    assert (second.created, second.updated) == (0, 0)
    assert Indicator.objects.filter(in_catalog=True).count() == len(_catalog_rows())


@pytest.mark.django_db
def test_catalog_marks_flows_as_accumulating_and_stocks_not(catalog):
    turnover = Indicator.objects.get(code="tech_contract_turnover")
    high_tech = Indicator.objects.get(code="high_tech_enterprises")

    assert (turnover.accumulates, turnover.norm_unit, turnover.unit) == (
        True,
        "元",
        "亿元",
    )
    assert (high_tech.accumulates, high_tech.norm_unit) == (False, "count")
    assert "高企" in high_tech.aliases


@pytest.mark.django_db
def test_catalog_adopts_an_indicator_created_earlier_by_name():
    Indicator.objects.create(name="科技进步贡献率", norm_unit="%", in_catalog=False)

    catalog_load()

    adopted = Indicator.objects.get(name="科技进步贡献率")
    assert (adopted.code, adopted.in_catalog) == ("st_progress_contribution", True)
