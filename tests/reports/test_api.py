"""The exports API: request a scorecard, follow it, download it; who sees what."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from reports.models import Export
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

PLAN_TEXT = (
    "芜湖市科技局2025年工作要点\n"
    "2025年,全市高新技术企业总数达到900家以上,技术合同成交额达到300亿元。\n"
)


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
    reader_client, city, monkeypatch
):
    # Queued, but no worker has taken it yet.
    monkeypatch.setattr("reports.tasks.run_export.delay", lambda *args: None)
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
