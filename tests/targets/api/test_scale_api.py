"""Response cache scoped by kind and region, single-flight rebuilds, and the bulk
actuals endpoint (POST /api/actuals/bulk/)."""

from __future__ import annotations

import threading
import time

import pytest
from django.core.cache import cache

from targets import cache as data_cache
from targets.models import Actual, Flag, Target
from targets.services.actuals import MAX_BULK_ROWS, actual_create
from tests.targets.api.caching import cache_on, cache_state  # noqa: F401 (cache_on: a fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("cache_on")]

TARGETS = "/api/targets/"
ACTUALS = "/api/actuals/"
BULK = "/api/actuals/bulk/"


def _row(region, indicator, **overrides):
    row = {
        "region": region.pk,
        "indicator": indicator.pk,
        "measure": "level",
        "period": "2024",
        "value": "780",
        "unit": "家",
    }
    row.update(overrides)
    return row


def test_a_write_in_one_county_leaves_the_other_county_s_pages_cached(
    reader_client,
    editor,
    city,
    county,
    other_county,
    high_tech,
    make_target,
    django_capture_on_commit_callbacks,
):
    make_target(region=county, indicator=high_tech)
    make_target(region=other_county, indicator=high_tech)
    pages = {
        "other targets": f"{TARGETS}?region={other_county.pk}",
        "county targets": f"{TARGETS}?region={county.pk}",
        "city targets": f"{TARGETS}?region={city.pk}",
        "all targets": TARGETS,
        "other actuals": f"{ACTUALS}?region={other_county.pk}",
        "all actuals": ACTUALS,
    }
    for url in pages.values():
        assert cache_state(reader_client, url) == "miss"

    with django_capture_on_commit_callbacks(execute=True):
        actual_create(
            user=editor,
            region=county,
            indicator=high_tech,
            measure="level",
            period="2024",
            value="780",
            unit="家",
        )

    states = {name: cache_state(reader_client, url) for name, url in pages.items()}
    assert states == {
        "other targets": "hit",
        "county targets": "miss",
        "city targets": "miss",  # 芜湖市's pages include 南陵县
        "all targets": "miss",
        "other actuals": "hit",
        "all actuals": "miss",
    }


def test_a_target_only_write_leaves_the_actuals_pages_cached(
    reader_client, evaluated, django_capture_on_commit_callbacks
):
    assert cache_state(reader_client, ACTUALS) == "miss"
    assert cache_state(reader_client, TARGETS) == "miss"
    with django_capture_on_commit_callbacks(execute=True):
        Flag.objects.create(
            target=evaluated,
            region=evaluated.region,
            kind="at_risk",
            reason="进度滞后",
        )

    assert cache_state(reader_client, TARGETS) == "miss"
    assert cache_state(reader_client, ACTUALS) == "hit"


def test_the_actuals_list_is_cached_and_refreshed_by_a_new_actual(
    reader_client,
    evaluated,
    editor,
    city,
    high_tech,
    django_capture_on_commit_callbacks,
):
    first = reader_client.get(ACTUALS)
    assert (first["X-Cache"], cache_state(reader_client, ACTUALS)) == ("miss", "hit")
    with django_capture_on_commit_callbacks(execute=True):
        Actual.objects.filter(pk=evaluated.actual_id).update(value=1)  # no signal
    assert reader_client.get(ACTUALS).json() == first.json()
    with django_capture_on_commit_callbacks(execute=True):
        editor_bulk = _bulk_as(editor)
        assert (
            editor_bulk.post(
                BULK, {"rows": [_row(city, high_tech, period="2023")]}, format="json"
            ).status_code
            == 201
        )
    after = reader_client.get(ACTUALS)
    assert after["X-Cache"] == "miss"
    assert after.json()["count"] == first.json()["count"] + 1


def test_while_one_request_rebuilds_the_others_get_the_stale_copy(
    reader_client, evaluated, django_capture_on_commit_callbacks
):
    before = reader_client.get(TARGETS).json()
    with django_capture_on_commit_callbacks(execute=True):
        Target.objects.filter(pk=evaluated.pk).update(value=800)
        data_cache.bump_scoped([data_cache.TARGETS], [evaluated.region_id])
    # Someone else holds the rebuild lock of this page.
    key = next(k for k in cache._cache if ":api:targets:" in k and "lock" not in k)
    cache.add(key.split(":", 2)[-1] + ":lock", 1, timeout=30)

    response = reader_client.get(TARGETS)
    assert response["X-Cache"] == "stale"
    assert response.json() == before

    cache.delete(key.split(":", 2)[-1] + ":lock")
    fresh = reader_client.get(TARGETS)
    assert fresh["X-Cache"] == "miss"
    assert fresh.json()["results"][0]["value"] == "800.0000"


def test_concurrent_misses_build_a_page_once():
    builds = []

    def build():
        builds.append(1)
        time.sleep(0.2)
        return "page"

    results = []
    scope = data_cache.scope_keys(data_cache.ACTUALS)

    def ask():
        results.append(data_cache.cached_page("dabiao:test:page", scope, build))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(builds) == 1
    assert sorted(value for value, _ in results) == ["page"] * 8
    assert sorted(state for _, state in results).count("miss") == 1


def test_without_a_stale_copy_a_waiter_builds_when_the_builder_never_comes(
    monkeypatch,
):
    monkeypatch.setattr(data_cache, "WAIT_SECONDS", 0.05)
    cache.add("dabiao:test:lonely:lock", 1, timeout=30)
    scope = data_cache.scope_keys(data_cache.TARGETS, 7)

    assert data_cache.cached_page("dabiao:test:lonely", scope, lambda: 1) == (1, "miss")
    assert data_cache.cached_page("dabiao:test:lonely", scope, lambda: 2) == (1, "hit")


# ---------------------------------------------------------------- bulk


def _bulk_as(user):
    from tests.conftest import client_for

    return client_for(user)


def test_bulk_entry_stores_every_row_and_judges_once(
    editor_client, high_tech_target, city, high_tech, contract_turnover
):
    rows = [
        _row(city, high_tech),
        _row(city, contract_turnover, value="25", unit="亿元"),
    ]
    response = editor_client.post(BULK, {"rows": rows}, format="json")

    assert response.status_code == 201, response.content
    assert [r["indicator"]["id"] for r in response.json()] == [
        high_tech.pk,
        contract_turnover.pk,
    ]
    assert Actual.objects.filter(source="manual").count() == 2
    high_tech_target.refresh_from_db()
    assert (high_tech_target.status, high_tech_target.actual_norm_value) == (
        "met",
        780,
    )


def test_one_bad_row_stores_nothing_and_says_which(editor_client, city, high_tech):
    rows = [
        _row(city, high_tech),
        _row(city, high_tech, unit="亿元"),  # a count in 亿元
        _row(city, high_tech, period="2024-13"),
        _row(city, high_tech, value="abc"),
    ]
    response = editor_client.post(BULK, {"rows": rows}, format="json")

    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == "3 行有误,未录入任何一行。"
    assert [e["row"] for e in body["errors"]] == [1, 2, 3]
    assert "value" in body["errors"][2]["errors"]
    assert all(isinstance(e["errors"], dict) for e in body["errors"])
    assert not Actual.objects.exists()


def test_a_county_clerk_bulk_enters_only_for_the_county(
    clerk_client, county, other_county, high_tech
):
    refused = clerk_client.post(
        BULK,
        {"rows": [_row(county, high_tech), _row(other_county, high_tech)]},
        format="json",
    )
    assert refused.status_code == 403
    assert refused.json()["errors"] == [
        {"row": 1, "errors": {"region": ["您只能录入本地区及下级地区的实际值。"]}}
    ]
    assert not Actual.objects.exists()

    allowed = clerk_client.post(
        BULK, {"rows": [_row(county, high_tech)]}, format="json"
    )
    assert allowed.status_code == 201
    stored = Actual.objects.get()
    # As for one figure: a clerk's figures wait for the city's review (填报).
    assert (stored.region, stored.approval) == (county, "pending")


def test_readers_cannot_bulk_enter(reader_client, city, high_tech):
    response = reader_client.post(
        BULK, {"rows": [_row(city, high_tech)]}, format="json"
    )
    assert response.status_code == 403
    assert not Actual.objects.exists()


def test_bulk_entry_refuses_too_many_rows_and_empty_bodies(
    editor_client, city, high_tech
):
    too_many = [_row(city, high_tech)] * (MAX_BULK_ROWS + 1)
    response = editor_client.post(BULK, {"rows": too_many}, format="json")
    assert response.status_code == 400
    assert "一次最多录入" in response.json()["rows"][0]
    assert editor_client.post(BULK, {"rows": []}, format="json").status_code == 400
    assert not Actual.objects.exists()


def test_bulk_entry_has_its_own_throttle_scope(
    settings, editor_client, city, high_tech
):
    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **rates,
            "actuals_bulk": "1/min",
            "writes": "100/min",
        },
    }
    from rest_framework.throttling import ScopedRateThrottle

    ScopedRateThrottle.THROTTLE_RATES = settings.REST_FRAMEWORK[
        "DEFAULT_THROTTLE_RATES"
    ]
    try:
        first = editor_client.post(
            BULK, {"rows": [_row(city, high_tech)]}, format="json"
        )
        second = editor_client.post(
            BULK, {"rows": [_row(city, high_tech, period="2023")]}, format="json"
        )
        single = editor_client.post(
            ACTUALS, _row(city, high_tech, period="2022"), format="json"
        )
    finally:
        ScopedRateThrottle.THROTTLE_RATES = rates
    assert (first.status_code, second.status_code) == (201, 429)
    assert single.status_code == 201  # the single-row budget is its own


def test_under_a_stream_of_writes_a_page_is_rebuilt_at_most_once_per_interval(
    settings, monkeypatch
):
    settings.DABIAO_API_REBUILD_SECONDS = 1.0
    clock = [1000.0]
    monkeypatch.setattr(data_cache.time, "time", lambda: clock[0])
    scope = data_cache.scope_keys(data_cache.TARGETS)
    builds = iter(range(1, 10))

    def page():
        return data_cache.cached_page("dabiao:test:busy", scope, lambda: next(builds))

    def write():
        data_cache._bump_keys(scope[1:])

    assert page() == (1, "miss")
    write()
    clock[0] += 0.5
    assert page() == (1, "stale")  # built half a second ago: not again yet
    clock[0] += 0.6
    assert page() == (2, "miss")
    assert page() == (2, "hit")


def test_with_a_stale_copy_the_rebuild_runs_in_the_background(settings):
    settings.DABIAO_API_BACKGROUND_REBUILD = True
    scope = data_cache.scope_keys(data_cache.ACTUALS, 3)
    release = threading.Event()

    def slow():
        release.wait(5)
        return "new"

    assert data_cache.cached_page("dabiao:test:bg", scope, lambda: "old") == (
        "old",
        "miss",
    )
    data_cache._bump_keys(scope[1:])

    # The request that takes the lock is not held up by the rebuild.
    assert data_cache.cached_page("dabiao:test:bg", scope, slow) == ("old", "stale")
    assert cache.get("dabiao:test:bg:lock") is not None
    release.set()
    deadline = time.monotonic() + 5
    while cache.get("dabiao:test:bg:lock") is not None:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    assert data_cache.cached_page("dabiao:test:bg", scope, slow) == ("new", "hit")


# ---------------------------------------------------------------- read your writes


def test_a_writer_sees_their_write_while_others_get_the_grace_copy(
    settings,
    reader_client,
    editor_client,
    evaluated,
    city,
    high_tech,
    django_capture_on_commit_callbacks,
):
    settings.DABIAO_API_REBUILD_SECONDS = 60  # a long grace: stale for everyone else
    pages = [ACTUALS, f"{ACTUALS}?region={city.pk}", TARGETS]
    before = {url: reader_client.get(url).json() for url in pages}
    for url in pages:
        assert cache_state(editor_client, url) == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        made = editor_client.post(ACTUALS, _row(city, high_tech, period="2023"))
    assert made.status_code == 201, made.content
    new_id = made.json()["id"]

    # Another reader gets the copy from before the write (within the grace) ...
    for url in pages:
        other = reader_client.get(url)
        assert other["X-Cache"] == "stale"
        assert other.json() == before[url]
    # ... the writer never does: their pages are rebuilt with the new row.
    for url in pages[:2]:
        own = editor_client.get(url)
        assert own["X-Cache"] == "miss"
        assert own.json()["count"] == before[url]["count"] + 1
        assert new_id in [row["id"] for row in own.json()["results"]]
    assert cache_state(editor_client, TARGETS) == "miss"
    # The writer's rebuild is the current copy: everyone gets it now.
    assert reader_client.get(ACTUALS).json()["count"] == before[ACTUALS]["count"] + 1


def test_a_write_outside_a_request_marks_no_writer(
    settings,
    editor_client,
    evaluated,
    editor,
    city,
    high_tech,
    django_capture_on_commit_callbacks,
):
    settings.DABIAO_API_REBUILD_SECONDS = 60
    assert cache_state(editor_client, ACTUALS) == "miss"
    with django_capture_on_commit_callbacks(execute=True):
        actual_create(  # a shell or a task: no request, so no one to remember
            user=editor,
            region=city,
            indicator=high_tech,
            measure="level",
            period="2023",
            value="780",
            unit="家",
        )
    assert cache.get(data_cache.WROTE_KEY.format(user=editor.pk)) is None
    assert cache_state(editor_client, ACTUALS) == "stale"


def test_a_writer_waits_for_the_rebuild_under_way_instead_of_building_again(
    monkeypatch,
):
    scope = data_cache.scope_keys(data_cache.ACTUALS, 3)
    key = "dabiao:test:mine"
    assert data_cache.cached_page(key, scope, lambda: "old") == ("old", "miss")
    data_cache._bump_keys(scope[1:], writer=7)  # user 7 wrote in region 3
    cache.add(f"{key}:lock", 1, timeout=30)  # someone else is rebuilding the page
    version = tuple(cache.get_many(scope)[k] for k in scope)

    def other_builder_finishes(seconds):
        data_cache.versioned_set(key, version, "new")
        cache.delete(f"{key}:lock")

    monkeypatch.setattr(data_cache.time, "sleep", other_builder_finishes)

    def must_not_build():
        raise AssertionError("built twice")

    assert data_cache.cached_page(key, scope, must_not_build, reader=8) == (
        "old",
        "stale",
    )
    assert data_cache.cached_page(key, scope, must_not_build, reader=7) == (
        "new",
        "hit",
    )


def test_a_writer_builds_when_the_rebuild_under_way_predates_the_write(monkeypatch):
    monkeypatch.setattr(data_cache, "WAIT_SECONDS", 0.05)
    scope = data_cache.scope_keys(data_cache.TARGETS)
    key = "dabiao:test:late"
    assert data_cache.cached_page(key, scope, lambda: "old") == ("old", "miss")
    data_cache._bump_keys(scope[1:], writer=7)
    cache.add(f"{key}:lock", 1, timeout=30)  # a builder that never finishes

    assert data_cache.cached_page(key, scope, lambda: "new", reader=7) == (
        "new",
        "miss",
    )
    assert data_cache.cached_page(key, scope, lambda: "x", reader=8) == ("new", "hit")


def test_a_write_elsewhere_does_not_hold_a_writer_to_a_rebuild():
    scope = data_cache.scope_keys(data_cache.ACTUALS, 3)
    key = "dabiao:test:elsewhere"
    assert data_cache.cached_page(key, scope, lambda: "old") == ("old", "miss")
    # user 7 wrote in region 4 only (and so the unfiltered pages)
    data_cache._bump_keys(
        [f"dabiao:v:{data_cache.ACTUALS}:all", f"dabiao:v:{data_cache.ACTUALS}:r:4"],
        writer=7,
    )
    assert data_cache.cached_page(key, scope, lambda: "x", reader=7) == ("old", "hit")


def test_background_rebuilds_share_one_thread(settings):
    settings.DABIAO_API_BACKGROUND_REBUILD = True
    scope = data_cache.scope_keys(data_cache.ACTUALS, 5)
    threads = []

    def build(value):
        def run():
            threads.append(threading.get_ident())
            return value

        return run

    for key in ("dabiao:test:one", "dabiao:test:two"):
        assert data_cache.cached_page(key, scope, build("old")) == ("old", "miss")
    data_cache._bump_keys(scope[1:])
    for key in ("dabiao:test:one", "dabiao:test:two"):
        assert data_cache.cached_page(key, scope, build("new")) == ("old", "stale")
    deadline = time.monotonic() + 5
    while len(threads) < 4 or cache.get("dabiao:test:two:lock") is not None:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    assert threads[2] == threads[3] != threading.get_ident()
    assert data_cache.cached_page("dabiao:test:two", scope, build("x")) == (
        "new",
        "hit",
    )
