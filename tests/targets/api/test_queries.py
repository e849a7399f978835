"""No N+1: a list costs the same number of queries for 2 rows as for 20."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports.models import Export
from targets.models import Flag, Indicator, Region

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, {"page_size": 100})
    assert response.status_code == 200, response.content
    return len(ctx.captured_queries), response.json()["count"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/targets/",
        "/api/targets/?flagged=true",
        "/api/actuals/",
        "/api/documents/",
        "/api/flags/",
    ],
)
def test_list_query_count_does_not_grow_with_rows(
    reader_client, many_targets, url, city
):
    many_targets(2)
    Flag.objects.create(region=city, kind="not_reported", reason="未报送")
    few, few_rows = _queries(reader_client, url)

    many_targets(20)
    Flag.objects.create(region=city, kind="no_data", reason="暂无数据")
    lots, lots_rows = _queries(reader_client, url)

    assert lots_rows > few_rows
    assert lots == few


def test_regions_and_indicators_query_count_does_not_grow(reader_client, catalog):
    Region.objects.create(name="芜湖市")
    few_regions, _ = _queries(reader_client, "/api/regions/")
    few_indicators, _ = _queries(reader_client, "/api/indicators/")
    parent = Region.objects.get()
    Region.objects.bulk_create(
        Region(name=f"区{i}", level="county", parent=parent) for i in range(20)
    )

    Indicator.objects.bulk_create(Indicator(name=f"新指标{i}") for i in range(20))

    assert _queries(reader_client, "/api/regions/") == (few_regions, 21)
    rows = _catalog_rows() + 20
    assert _queries(reader_client, "/api/indicators/") == (few_indicators, rows)


def _catalog_rows() -> int:
    from targets.catalog import CATALOG_PATH

    return len(CATALOG_PATH.read_text(encoding="utf-8").strip().splitlines()) - 1


def test_exports_list_query_count_does_not_grow(reader_client, reader):
    Export.objects.create(requested_by=reader)
    few, _ = _queries(reader_client, "/api/exports/")
    Export.objects.bulk_create(Export(requested_by=reader) for _ in range(20))
    lots, rows = _queries(reader_client, "/api/exports/")

    assert rows == 21
    assert lots == few


def test_the_review_page_query_count_does_not_grow(client, reader, many_targets):
    client.force_login(reader)
    many_targets(2)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/?year=all").status_code == 200
    many_targets(20)
    with CaptureQueriesContext(connection) as lots:
        page = client.get("/?year=all")

    assert page.context["summary"].total == 22
    assert len(lots.captured_queries) == len(few.captured_queries)
