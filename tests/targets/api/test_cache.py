"""The /api/targets/ response cache (targets.cache): served while nothing changed,
fresh after every kind of write, and never in front of authentication."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from django.urls import reverse
from rest_framework.test import APIClient

from targets import cache as data_cache
from targets.models import Flag, Region, Target
from targets.services.actuals import actual_create
from targets.services.documents import document_ingest
from targets.services.judging import targets_evaluate
from tests.targets.api.caching import cache_on  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("cache_on")]

LIST = "/api/targets/"

PLAN_TEXT = (
    "芜湖市科技局2025年工作要点\n"
    "2025年,全市高新技术企业总数达到900家以上,技术合同成交额达到300亿元。\n"
)


def _uncached(client: APIClient, url: str, settings) -> Any:
    settings.DABIAO_API_CACHE = False
    try:
        response = client.get(url)
        assert "X-Cache" not in response
        return response.json()
    finally:
        settings.DABIAO_API_CACHE = True


def _get(client: APIClient, url: str) -> tuple[str, Any]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response["X-Cache"], response.json()


def test_the_cache_is_off_by_default_with_the_per_process_locmem_cache(settings):
    del settings.DABIAO_API_CACHE
    assert data_cache.response_cache_enabled() is False
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/5",
        }
    }
    assert data_cache.response_cache_enabled() is True
    settings.DABIAO_API_CACHE = False
    assert data_cache.response_cache_enabled() is False


def test_a_second_request_is_served_from_the_cache(token_client, evaluated, settings):
    first = _get(token_client, LIST)
    second = _get(token_client, LIST)

    assert first[0] == "miss"
    assert second[0] == "hit"
    assert second[1] == first[1] == _uncached(token_client, LIST, settings)
    assert [row["id"] for row in first[1]["results"]] == [evaluated.pk]


def test_a_write_without_a_bump_is_not_seen_until_one_happens(
    reader_client, evaluated, settings, django_capture_on_commit_callbacks
):
    """Shows the cache really serves stored pages: QuerySet.update fires no signal,
    so the page stays as it was until a service or a save bumps the version."""
    before = _get(reader_client, LIST)[1]
    with django_capture_on_commit_callbacks(execute=True):
        Target.objects.filter(pk=evaluated.pk).update(value=Decimal("800"))

    assert _get(reader_client, LIST) == ("hit", before)

    with django_capture_on_commit_callbacks(execute=True):
        data_cache.bump_data_version()

    state, after = _get(reader_client, LIST)
    assert state == "miss"
    assert after == _uncached(reader_client, LIST, settings)
    assert after["results"][0]["value"] == "800.0000"


def test_a_bump_waits_for_the_commit_and_a_rollback_drops_it(
    django_capture_on_commit_callbacks,
):
    version = data_cache.data_version()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        data_cache.bump_data_version()
        assert data_cache.data_version() == version  # not before the commit
        raise RuntimeError("rolled back")
    assert callbacks == []
    assert data_cache.data_version() == version

    with django_capture_on_commit_callbacks(execute=True):
        data_cache.bump_data_version()
        assert data_cache.data_version() == version
    assert data_cache.data_version() > version


def test_evaluation_refreshes_the_list(
    reader_client,
    high_tech_target,
    report,
    high_tech,
    settings,
    django_capture_on_commit_callbacks,
):
    from targets.models import Actual

    before = _get(reader_client, LIST)[1]
    assert before["results"][0]["status"] == "no_data"
    # A bulk-created actual fires no signal; only the evaluation can bump.
    Actual.objects.bulk_create(
        [
            Actual(
                region=high_tech_target.region,
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
        ]
    )
    assert _get(reader_client, LIST) == ("hit", before)

    with django_capture_on_commit_callbacks(execute=True):
        targets_evaluate(today=dt.date(2025, 3, 1))

    state, after = _get(reader_client, LIST)
    assert state == "miss"
    assert after == _uncached(reader_client, LIST, settings)
    assert after["results"][0]["status"] == "met"
    assert after["results"][0]["actual"]["value"] == "780.0000"


def test_an_ingested_document_shows_up_in_the_list(
    reader_client, city, catalog, settings, django_capture_on_commit_callbacks
):
    assert _get(reader_client, LIST)[1]["count"] == 0
    with django_capture_on_commit_callbacks(execute=True):
        result = document_ingest(
            data=PLAN_TEXT.encode(), name="plan-2025.txt", region="芜湖市"
        )
    assert result.document.status == "done", result.document.error

    state, after = _get(reader_client, LIST)
    assert state == "miss"
    assert after == _uncached(reader_client, LIST, settings)
    assert {row["indicator"]["code"] for row in after["results"]} >= {
        "high_tech_enterprises",
        "tech_contract_turnover",
    }


def test_a_manual_actual_refreshes_list_and_detail(
    reader_client,
    editor,
    high_tech_target,
    city,
    high_tech,
    settings,
    django_capture_on_commit_callbacks,
):
    detail = f"/api/targets/{high_tech_target.pk}/"
    _get(reader_client, LIST)
    assert _get(reader_client, detail)[0] == "miss"
    assert _get(reader_client, detail)[0] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        actual = actual_create(
            user=editor,
            region=city,
            indicator=high_tech,
            measure="level",
            period="2024",
            value="780",
            unit="家",
        )

    for url in (LIST, detail):
        state, body = _get(reader_client, url)
        assert state == "miss"
        assert body == _uncached(reader_client, url, settings)
    assert _get(reader_client, detail)[1]["actual"]["id"] == actual.pk


def test_admin_edits_and_deletes_refresh_the_list(
    client, evaluated, settings, django_capture_on_commit_callbacks
):
    admin = User.objects.create_superuser("root", password="pw-123456")
    client.force_login(admin)
    reader = APIClient()
    reader.force_authenticate(admin)
    _get(reader, LIST)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:targets_region_change", args=[evaluated.region_id]),
            {"name": "芜湖市(新)", "level": "city", "parent": "", "aliases": "[]"},
        )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Region.objects.get(pk=evaluated.region_id).name == "芜湖市(新)"
    state, body = _get(reader, LIST)
    assert state == "miss"
    assert body == _uncached(reader, LIST, settings)
    assert body["results"][0]["region"]["name"] == "芜湖市(新)"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:targets_target_delete", args=[evaluated.pk]),
            {"post": "yes"},
        )
    assert response.status_code == 302
    assert _get(reader, LIST) == ("miss", _uncached(reader, LIST, settings))
    assert _get(reader, LIST)[1]["count"] == 0


def test_a_saved_flag_refreshes_the_flagged_marker(
    reader_client, evaluated, settings, django_capture_on_commit_callbacks
):
    assert _get(reader_client, LIST)[1]["results"][0]["flagged"] is False
    with django_capture_on_commit_callbacks(execute=True):
        Flag.objects.create(target=evaluated, kind="at_risk", reason="进度滞后")

    state, body = _get(reader_client, LIST)
    assert state == "miss"
    assert body["results"][0]["flagged"] is True
    assert body == _uncached(reader_client, LIST, settings)


def test_anonymous_and_bad_requests_never_meet_the_cache(
    anon, reader_client, evaluated
):
    _get(reader_client, LIST)
    assert _get(reader_client, LIST)[0] == "hit"

    refused = anon.get(LIST)
    assert refused.status_code == 401
    assert "X-Cache" not in refused
    bad_token = APIClient()
    bad_token.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    assert bad_token.get(LIST).status_code == 401

    for url in (f"{LIST}?page=9", f"{LIST}?status=nonsense", "/api/targets/999999/"):
        first, second = reader_client.get(url), reader_client.get(url)
        assert first.status_code == second.status_code != 200
        assert "X-Cache" not in first
        assert "X-Cache" not in second


def test_the_key_is_the_normalised_query(reader_client, evaluated, many_targets):
    many_targets(3)
    a = f"{LIST}?status=met&ordering=-progress"
    b = f"{LIST}?ordering=-progress&status=met"
    other = f"{LIST}?status=at_risk"

    assert _get(reader_client, a)[0] == "miss"
    assert _get(reader_client, b) == _get(reader_client, a)
    assert _get(reader_client, b)[0] == "hit"
    state, body = _get(reader_client, other)
    assert state == "miss"
    assert body["count"] == 3
    assert _get(reader_client, a)[1]["count"] == 1


def test_the_browsable_api_is_not_cached(reader_client, evaluated):
    for _ in range(2):
        response = reader_client.get(LIST, HTTP_ACCEPT="text/html")
        assert response.status_code == 200
        assert "X-Cache" not in response


def test_a_cache_outage_serves_uncached(reader_client, evaluated, settings):
    expected = _uncached(reader_client, LIST, settings)
    working = settings.CACHES
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        }
    }
    try:
        response = reader_client.get(LIST)
    finally:
        # Back before conftest's teardown clears the cache.
        settings.CACHES = working

    assert response.status_code == 200
    assert "X-Cache" not in response
    assert response.json() == expected
