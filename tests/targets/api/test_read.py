"""Reading through the API: whole payloads, filters, ordering, search, pagination."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from targets.models import Flag

pytestmark = pytest.mark.django_db


def test_a_target_shows_its_latest_actual_status_progress_and_evidence(
    reader_client, evaluated, plan, report, city, high_tech
):
    response = reader_client.get("/api/targets/")

    assert response.status_code == 200
    assert response.data["count"] == 1
    assert response.json()["results"][0] == {
        "id": evaluated.pk,
        "region": {"id": city.pk, "name": "芜湖市"},
        "indicator": {
            "id": high_tech.pk,
            "code": "high_tech_enterprises",
            "name": "高新技术企业数",
            "unit": "家",
        },
        "measure": "level",
        "measure_label": "总量",
        "period": "2024",
        "period_start": "2024-01-01",
        "period_end": "2024-12-31",
        "comparator": ">=",
        "value": "750.0000",
        "unit": "家",
        "target": "≥750家",
        "norm_value": "750.0000",
        "norm_unit": "count",
        "tier": "base",
        "recurring": False,
        "plan": plan.pk,
        "status": "met",
        "status_label": "已完成",
        "provisional": False,
        "progress": "1.0400",
        "schedule_progress": None,
        "actual": {
            "id": evaluated.actual_id,
            "value": "780.0000",
            "unit": "家",
            "period": "2024",
            "estimate": False,
            "source": "document",
            "document": report.pk,
            "reported_date": "2025-01-20",
        },
        "actual_norm_value": "780.0000",
        "actual_period": "2024",
        "evaluated_at": None,
        "claimed_status": "",
        "claim_quote": "",
        "flagged": False,
        "evidence": [
            {
                "id": evaluated.mentions.get().pk,
                "kind": "target",
                "quote": "全市高新技术企业总数达到750家以上",
                "start": 6,
                "end": 24,
                "document": {
                    "id": plan.pk,
                    "name": "plan-2024.txt",
                    "title": "芜湖市科技局2024年工作要点",
                },
            },
            {
                "id": evaluated.actual.mentions.get().pk,
                "kind": "actual",
                "quote": "全市高新技术企业总数达到780家",
                "start": 6,
                "end": 22,
                "document": {
                    "id": report.pk,
                    "name": "report-2024.txt",
                    "title": "芜湖市科技局2024年工作总结",
                },
            },
        ],
    }


def test_target_detail_is_the_same_shape_as_the_list(reader_client, evaluated):
    listed = reader_client.get("/api/targets/").json()["results"][0]
    detail = reader_client.get(f"/api/targets/{evaluated.pk}/").json()

    assert detail == listed


def test_token_authentication_reads_the_api(token_client, evaluated):
    response = token_client.get("/api/targets/")

    assert response.status_code == 200
    assert [t["id"] for t in response.json()["results"]] == [evaluated.pk]


@pytest.fixture
def spread(
    make_target, city, county, other_county, high_tech, contract_turnover, county_zone
):
    """Targets across regions, years, indicators, measures and statuses."""
    return {
        "city_2024": make_target(region=city, indicator=high_tech, status="met"),
        "county_2024": make_target(
            region=county, indicator=high_tech, status="at_risk", provisional=True
        ),
        "zone_2024": make_target(
            region=county_zone, indicator=high_tech, status="missed"
        ),
        "other_2024": make_target(
            region=other_county,
            indicator=contract_turnover,
            unit="亿元",
            norm_unit="元",
            value="12",
            status="on_track",
        ),
        "county_2025_growth": make_target(
            region=county,
            indicator=contract_turnover,
            year=2025,
            measure="growth",
            unit="%",
            norm_unit="%",
            value="10",
            status="no_data",
        ),
    }


def _ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_region_filter_includes_sub_regions(reader_client, spread, county):
    got = _ids(reader_client.get("/api/targets/", {"region": county.pk}))

    assert got == {
        spread["county_2024"].pk,
        spread["zone_2024"].pk,
        spread["county_2025_growth"].pk,
    }


def test_city_filter_includes_every_county(reader_client, spread, city):
    got = _ids(reader_client.get("/api/targets/", {"region": city.pk}))

    assert got == {t.pk for t in spread.values()}


def test_filters_by_indicator_year_measure_status_and_provisional(
    reader_client, spread, contract_turnover
):
    by_indicator = _ids(
        reader_client.get("/api/targets/", {"indicator": contract_turnover.pk})
    )
    by_year = _ids(reader_client.get("/api/targets/", {"year": 2025}))
    by_measure = _ids(reader_client.get("/api/targets/", {"measure": "growth"}))
    by_status = _ids(reader_client.get("/api/targets/?status=met&status=missed"))
    provisional = _ids(reader_client.get("/api/targets/", {"provisional": "true"}))

    assert by_indicator == {spread["other_2024"].pk, spread["county_2025_growth"].pk}
    assert by_year == {spread["county_2025_growth"].pk}
    assert by_measure == {spread["county_2025_growth"].pk}
    assert by_status == {spread["city_2024"].pk, spread["zone_2024"].pk}
    assert provisional == {spread["county_2024"].pk}


def test_flagged_filter_counts_only_open_flags(reader_client, spread):
    Flag.objects.create(target=spread["zone_2024"], kind="missed", reason="未完成")
    Flag.objects.create(
        target=spread["city_2024"],
        kind="conflict",
        reason="旧预警",
        resolved_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
    )

    flagged = reader_client.get("/api/targets/", {"flagged": "true"})
    unflagged = _ids(reader_client.get("/api/targets/", {"flagged": "false"}))

    assert _ids(flagged) == {spread["zone_2024"].pk}
    assert flagged.json()["results"][0]["flagged"] is True
    assert spread["city_2024"].pk in unflagged
    assert spread["zone_2024"].pk not in unflagged


def test_unknown_filter_value_is_a_400_not_an_empty_list(reader_client, spread):
    response = reader_client.get("/api/targets/", {"status": "done-ish"})

    assert response.status_code == 400
    assert "status" in response.json()


def test_ordering_and_search(reader_client, spread):
    ordered = reader_client.get("/api/targets/", {"ordering": "-value"}).json()
    searched = _ids(reader_client.get("/api/targets/", {"search": "技术合同"}))
    by_region_name = _ids(reader_client.get("/api/targets/", {"search": "无为"}))

    assert [Decimal(t["value"]) for t in ordered["results"]] == sorted(
        (t.value for t in spread.values()), reverse=True
    )
    assert searched == {spread["other_2024"].pk, spread["county_2025_growth"].pk}
    assert by_region_name == {spread["other_2024"].pk}


def test_lists_are_paginated_with_a_bounded_page_size(reader_client, spread):
    first = reader_client.get("/api/targets/", {"page_size": 2}).json()
    last = reader_client.get("/api/targets/", {"page_size": 2, "page": 3}).json()
    capped = reader_client.get("/api/targets/", {"page_size": 100000}).json()

    assert first["count"] == 5
    assert len(first["results"]) == 2
    assert first["next"].endswith("page=2&page_size=2")
    assert first["previous"] is None
    assert len(last["results"]) == 1
    assert last["next"] is None
    assert len(capped["results"]) == 5


def test_regions_list_and_filter_by_level(reader_client, city, county, other_county):
    everything = reader_client.get("/api/regions/").json()
    counties = reader_client.get("/api/regions/", {"level": "county"}).json()
    below_city = reader_client.get("/api/regions/", {"parent": city.pk}).json()

    # Ordered by name, i.e. by code point: 南 < 无 < 芜.
    assert everything["results"] == [
        {
            "id": county.pk,
            "name": "南陵县",
            "level": "county",
            "level_label": "县区",
            "parent": city.pk,
        },
        {
            "id": other_county.pk,
            "name": "无为市",
            "level": "county",
            "level_label": "县区",
            "parent": city.pk,
        },
        {
            "id": city.pk,
            "name": "芜湖市",
            "level": "city",
            "level_label": "市",
            "parent": None,
        },
    ]
    assert [r["name"] for r in counties["results"]] == ["南陵县", "无为市"]
    assert [r["name"] for r in below_city["results"]] == ["南陵县", "无为市"]


def test_indicators_list_the_catalog_and_filter_by_code(reader_client, high_tech):
    everything = reader_client.get("/api/indicators/", {"page_size": 500}).json()
    one = reader_client.get("/api/indicators/", {"code": "high_tech_enterprises"})

    from targets.catalog import CATALOG_PATH

    rows = CATALOG_PATH.read_text(encoding="utf-8").strip().splitlines()
    assert everything["count"] == len(rows) - 1
    assert one.json()["results"] == [
        {
            "id": high_tech.pk,
            "code": "high_tech_enterprises",
            "name": "高新技术企业数",
            "aliases": high_tech.aliases,
            "unit": "家",
            "norm_unit": "count",
            "direction": "higher",
            "accumulates": False,
            "in_catalog": True,
        }
    ]
    assert "高企" in one.json()["results"][0]["aliases"]


def test_documents_list_without_text_and_detail_with_it(
    reader_client, evaluated, plan, report
):
    listed = reader_client.get("/api/documents/", {"ordering": "name"}).json()
    detail = reader_client.get(f"/api/documents/{plan.pk}/").json()

    assert [d["name"] for d in listed["results"]] == [
        "plan-2024.txt",
        "report-2024.txt",
    ]
    assert "text" not in listed["results"][0]
    assert listed["results"][0]["target_count"] == 1
    assert listed["results"][0]["mention_count"] == 1
    assert listed["results"][1]["target_count"] == 0
    assert detail["text"] == plan.text
    assert detail["kind_label"] == "计划"
    assert detail["region"]["name"] == "芜湖市"


def test_flags_list_filters_by_open_and_region(
    reader_client, spread, county, other_county
):
    open_flag = Flag.objects.create(
        target=spread["zone_2024"], kind="missed", reason="2024年未完成"
    )
    Flag.objects.create(
        target=spread["other_2024"],
        kind="at_risk",
        reason="已解除",
        resolved_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
    )
    region_flag = Flag.objects.create(
        region=county,
        kind="not_reported",
        reason="10月未报送",
        month=dt.date(2024, 10, 1),
    )

    open_in_county = reader_client.get(
        "/api/flags/", {"open": "true", "region": county.pk, "ordering": "opened_at"}
    ).json()
    closed = reader_client.get("/api/flags/", {"open": "false"}).json()

    assert [f["id"] for f in open_in_county["results"]] == [
        open_flag.pk,
        region_flag.pk,
    ]
    assert open_in_county["results"][0] == {
        "id": open_flag.pk,
        "kind": "missed",
        "kind_label": "未完成",
        "reason": "2024年未完成",
        "target": {"id": spread["zone_2024"].pk, "label": str(spread["zone_2024"])},
        "region": None,
        "month": None,
        "opened_at": open_in_county["results"][0]["opened_at"],
        "resolved_at": None,
        "is_open": True,
    }
    assert open_in_county["results"][1]["region"] == {"id": county.pk, "name": "南陵县"}
    assert [f["reason"] for f in closed["results"]] == ["已解除"]


def test_actuals_list_filters_by_region_tree_and_shows_evidence(
    reader_client, evaluated, city, county
):
    in_city = reader_client.get("/api/actuals/", {"region": city.pk}).json()
    in_county = reader_client.get("/api/actuals/", {"region": county.pk}).json()

    assert in_county["count"] == 0
    assert in_city["count"] == 1
    row = in_city["results"][0]
    assert row["period"] == "2024"
    assert row["value"] == "780.0000"
    assert row["source_label"] == "文件提取"
    assert [e["quote"] for e in row["evidence"]] == ["全市高新技术企业总数达到780家"]


def test_target_payloads_have_exactly_the_schema_fields(reader_client, evaluated):
    from targets.api.serializers import TargetSerializer

    payload = reader_client.get("/api/targets/").json()["results"][0]

    assert list(payload) == list(TargetSerializer().fields)
    assert list(payload["actual"]) == list(TargetSerializer().fields["actual"].fields)
    assert list(payload["evidence"][0]) == [
        "id",
        "kind",
        "quote",
        "start",
        "end",
        "document",
    ]
