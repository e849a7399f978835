"""Writing through the targets API: uploads and manual actuals."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from targets.models import Actual, Document, Target
from tests.conftest import client_for

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
    # Stored, not parsed: the worker reads the file (issue 14, item 6).
    assert (document.text, document.text_hash) == ("", "")
    assert document.uploaded_by == editor
    # Ingest waits for the commit, so the worker never sees a missing row.
    assert len(callbacks) == 1
    callbacks[0]()
    document.refresh_from_db()
    assert document.text == PLAN_TEXT
    assert document.text_hash


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
        "approval": "approved",
        "approval_label": "已通过",
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
