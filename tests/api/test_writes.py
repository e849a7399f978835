"""Writing through the API: uploads, manual actuals, export requests and downloads."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from reports.models import Export
from targets.models import Actual, Document, Target
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db

PLAN_TEXT = (
    "芜湖市科技局2025年工作要点\n"
    "2025年,全市高新技术企业总数达到900家以上,技术合同成交额达到300亿元。\n"
)


def _upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def _stored_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


# --- documents --------------------------------------------------------------------


def test_an_upload_is_stored_pending_and_queued_for_ingest_after_commit(
    editor_client, editor, city, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = editor_client.post(
            "/api/documents/",
            {"file": _upload("要点.txt", PLAN_TEXT.encode()), "kind": "plan"},
            format="multipart",
        )

    assert response.status_code == 201, response.content
    document = Document.objects.get()
    assert response.json()["id"] == document.pk
    assert response.json()["status"] == "pending"
    assert response.json()["uploaded_by"] == "editor"
    assert document.kind == "plan"
    assert document.text == PLAN_TEXT
    assert document.uploaded_by == editor
    # Ingest waits for the commit, so the worker never sees a missing row.
    assert len(callbacks) == 1


def test_an_uploaded_plan_is_ingested_into_targets(
    editor_client, city, catalog, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            "/api/documents/",
            {"file": _upload("plan-2025.txt", PLAN_TEXT.encode()), "region": "芜湖市"},
            format="multipart",
        )

    assert response.status_code == 201, response.content
    document = Document.objects.get()
    assert document.status == "done", document.error
    targets = {
        (t.indicator.code, t.norm_value)
        for t in Target.objects.filter(plan=document).select_related("indicator")
    }
    assert ("high_tech_enterprises", Decimal("900")) in targets
    assert ("tech_contract_turnover", Decimal("30000000000")) in targets


def test_a_binary_file_is_refused_in_chinese_and_nothing_is_stored(editor_client):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10"

    response = editor_client.post(
        "/api/documents/", {"file": _upload("photo.txt", png)}, format="multipart"
    )

    assert response.status_code == 400
    detail = response.json()["detail"]
    assert "无法读取文件" in detail
    assert "photo.txt" in detail
    assert Document.objects.count() == 0
    assert _stored_files() == []


def test_an_empty_file_or_no_file_is_a_400(editor_client):
    empty = editor_client.post(
        "/api/documents/", {"file": _upload("empty.txt", b"")}, format="multipart"
    )
    missing = editor_client.post("/api/documents/", {}, format="multipart")

    assert empty.status_code == 400
    assert list(empty.json()) == ["file"]
    assert missing.status_code == 400
    assert list(missing.json()) == ["file"]
    assert Document.objects.count() == 0


def test_a_bad_kind_is_a_400(editor_client):
    response = editor_client.post(
        "/api/documents/",
        {"file": _upload("a.txt", PLAN_TEXT.encode()), "kind": "memo"},
        format="multipart",
    )

    assert response.status_code == 400
    assert list(response.json()) == ["kind"]
    assert Document.objects.count() == 0


def test_the_same_content_twice_returns_the_first_document(
    editor_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        first = editor_client.post(
            "/api/documents/",
            {"file": _upload("a.txt", PLAN_TEXT.encode())},
            format="multipart",
        )
        second = editor_client.post(
            "/api/documents/",
            {"file": _upload("copy-of-a.txt", PLAN_TEXT.encode())},
            format="multipart",
        )

    assert (first.status_code, second.status_code) == (201, 200)
    assert second.json()["id"] == first.json()["id"]
    assert second.json()["name"] == "a.txt"
    assert Document.objects.count() == 1
    assert len(callbacks) == 1


# --- actuals ----------------------------------------------------------------------


def _actual(where, indicator, **overrides) -> dict:
    return {
        "region": where.pk,
        "indicator": indicator.pk,
        "measure": "level",
        "period": "2024",
        "value": "780",
        "unit": "家",
        **overrides,
    }


def test_an_editor_enters_an_actual_and_the_target_is_judged(
    editor_client, editor, high_tech_target, city, high_tech
):
    response = editor_client.post(
        "/api/actuals/", _actual(city, high_tech), format="json"
    )

    assert response.status_code == 201, response.content
    actual = Actual.objects.get()
    body = response.json()
    assert body == {
        "id": actual.pk,
        "region": {"id": city.pk, "name": "芜湖市"},
        "indicator": {
            "id": high_tech.pk,
            "code": "high_tech_enterprises",
            "name": "高新技术企业数",
            "unit": "家",
        },
        "measure": "level",
        "period": "2024",
        "period_start": "2024-01-01",
        "period_end": "2024-12-31",
        "comparator": "=",
        "value": "780.0000",
        "unit": "家",
        "norm_value": "780.0000",
        "norm_unit": "count",
        "estimate": False,
        "source": "manual",
        "source_label": "手工录入",
        "document": None,
        "reported_date": body["reported_date"],
        "entered_by": "editor",
        "created_at": body["created_at"],
        "evidence": [],
    }
    assert actual.entered_by == editor
    target = client_for(editor).get(f"/api/targets/{high_tech_target.pk}/").json()
    assert target["status"] == "met"
    assert target["actual"]["id"] == actual.pk


def test_an_actual_in_yuan_is_normalised(editor_client, city, contract_turnover):
    response = editor_client.post(
        "/api/actuals/",
        _actual(city, contract_turnover, value="12.5", unit="亿元", period="2024-06"),
        format="json",
    )

    assert response.status_code == 201, response.content
    assert response.json()["norm_value"] == "1250000000.0000"
    assert response.json()["norm_unit"] == "元"
    assert response.json()["period"] == "2024-06/2024-06"


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"unit": "亿元"}, "detail", "单位"),
        ({"period": "2024-13"}, "detail", "期间"),
        ({"period": "去年"}, "detail", "期间"),
        ({"value": "七百八十"}, "value", ""),
        ({"value": ""}, "value", ""),
        ({"measure": "volume"}, "measure", ""),
        ({"region": 999999}, "region", ""),
    ],
)
def test_bad_actuals_are_refused_in_chinese_and_nothing_is_stored(
    editor_client, city, high_tech, overrides, field, words
):
    response = editor_client.post(
        "/api/actuals/", _actual(city, high_tech, **overrides), format="json"
    )

    assert response.status_code == 400
    errors = response.json()
    assert list(errors) == [field]
    message = errors[field] if isinstance(errors[field], str) else errors[field][0]
    assert words in message
    # Every message is in Chinese.
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message)
    assert Actual.objects.count() == 0


def test_a_clerk_enters_actuals_for_their_county_and_the_zone_below(
    clerk_client, county, county_zone, high_tech
):
    own = clerk_client.post("/api/actuals/", _actual(county, high_tech), format="json")
    below = clerk_client.post(
        "/api/actuals/", _actual(county_zone, high_tech), format="json"
    )

    assert (own.status_code, below.status_code) == (201, 201)
    assert set(Actual.objects.values_list("region__name", flat=True)) == {
        "南陵县",
        "南陵经济开发区",
    }


def test_a_clerk_cannot_enter_actuals_for_another_region(
    clerk_client, other_county, city, high_tech
):
    sibling = clerk_client.post(
        "/api/actuals/", _actual(other_county, high_tech), format="json"
    )
    parent = clerk_client.post("/api/actuals/", _actual(city, high_tech), format="json")

    assert sibling.status_code == 403
    assert sibling.json() == {"detail": "您只能录入本地区及下级地区的实际值。"}
    assert parent.status_code == 403
    assert Actual.objects.count() == 0


def test_a_clerk_cannot_upload_documents(clerk_client):
    response = clerk_client.post(
        "/api/documents/",
        {"file": _upload("a.txt", PLAN_TEXT.encode())},
        format="multipart",
    )

    assert response.status_code == 403
    assert Document.objects.count() == 0


# --- exports ----------------------------------------------------------------------


def test_a_scorecard_is_requested_polled_and_downloaded(
    reader_client, reader, evaluated, city, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = reader_client.post(
            "/api/exports/", {"region": city.pk, "year": 2024}, format="json"
        )

    assert response.status_code == 202, response.content
    export = Export.objects.get()
    assert response.json()["id"] == export.pk
    assert export.requested_by == reader
    assert export.scope == {"region": city.pk, "year": 2024}

    status = reader_client.get(f"/api/exports/{export.pk}/").json()
    assert status["status"] == "done", status["error"]
    assert status["status_label"] == "已完成"
    assert status["download_url"] == (
        f"http://testserver/api/exports/{export.pk}/download/"
    )

    download = reader_client.get(f"/api/exports/{export.pk}/download/")
    assert download.status_code == 200
    assert "attachment" in download["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    assert workbook.sheetnames[:2] == ["总览", "目标明细"]
    cells = [
        str(c.value)
        for row in workbook["目标明细"].iter_rows()
        for c in row
        if c.value is not None
    ]
    assert "高新技术企业数" in cells
    assert "芜湖市" in cells


def test_a_pending_export_reports_its_status_and_cannot_be_downloaded(
    reader_client, city, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        response = reader_client.post("/api/exports/", {}, format="json")

    assert response.status_code == 202
    body = response.json()
    assert body["status"] == "pending"
    assert body["status_label"] == "排队中"
    assert body["download_url"] is None
    download = reader_client.get(f"/api/exports/{body['id']}/download/")
    assert download.status_code == 404
    assert download.json() == {"detail": "导出尚未完成(当前状态:排队中)。"}


def test_a_bad_export_scope_is_a_400_and_stores_nothing(reader_client):
    unknown_region = reader_client.post(
        "/api/exports/", {"region": 999999}, format="json"
    )
    saima = reader_client.post("/api/exports/", {"kind": "saima"}, format="json")
    bad_year = reader_client.post("/api/exports/", {"year": "明年"}, format="json")

    assert [r.status_code for r in (unknown_region, saima, bad_year)] == [400] * 3
    assert list(unknown_region.json()) == ["region"]
    assert list(saima.json()) == ["kind"]
    assert list(bad_year.json()) == ["year"]
    assert Export.objects.count() == 0


def test_users_see_their_own_exports_and_staff_see_all(
    reader_client, editor_client, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        mine = reader_client.post("/api/exports/", {}, format="json").json()
        theirs = editor_client.post("/api/exports/", {}, format="json").json()

    listed = reader_client.get("/api/exports/").json()
    as_staff = client_for(staff).get("/api/exports/").json()

    assert [e["id"] for e in listed["results"]] == [mine["id"]]
    assert reader_client.get(f"/api/exports/{theirs['id']}/").status_code == 404
    assert {e["id"] for e in as_staff["results"]} == {mine["id"], theirs["id"]}
