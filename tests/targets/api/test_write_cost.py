"""What one POST /api/actuals/ costs: a fixed number of queries whatever the region
already holds, one flush of the cache versions after the commit, and only the pages
the write changed made stale."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from targets import cache as data_cache
from targets.models import Actual, Target
from targets.services.actuals import actual_update
from tests.targets.api.caching import cache_on, cache_state  # noqa: F401 (cache_on: a fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("cache_on")]

TARGETS = "/api/targets/"
ACTUALS = "/api/actuals/"


def _post(client, region, indicator, year: int = 2024, unit: str = "家"):
    response = client.post(
        ACTUALS,
        {
            "region": region.pk,
            "indicator": indicator.pk,
            "measure": "level",
            "period": str(year),
            "value": "780",
            "unit": unit,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    return response


def _write_queries(client, region, indicator, on_commit) -> list[str]:
    """The queries of one POST, with those its on_commit callbacks run."""
    with CaptureQueriesContext(connection) as ctx, on_commit(execute=True):
        _post(client, region, indicator)
    return [q["sql"] for q in ctx.captured_queries]


def test_one_write_costs_the_same_queries_however_full_the_region_is(
    editor_client,
    county,
    other_county,
    high_tech,
    contract_turnover,
    make_target,
    django_capture_on_commit_callbacks,
):
    for region in (county, other_county):
        for year in (2023, 2024):
            make_target(region=region, indicator=high_tech, year=year)
    # The first request warms what the process keeps (the permission's regions).
    _post(editor_client, county, contract_turnover, unit="亿元")
    few = _write_queries(
        editor_client, county, high_tech, django_capture_on_commit_callbacks
    )

    # Many more targets and actuals in the region, of other indicators and years.
    for year in range(2015, 2023):
        make_target(
            region=other_county,
            indicator=contract_turnover,
            year=year,
            unit="亿元",
            norm_unit="元",
        )
        _post(editor_client, other_county, contract_turnover, year, unit="亿元")
    many = _write_queries(
        editor_client, other_county, high_tech, django_capture_on_commit_callbacks
    )

    assert len(many) == len(few)
    # The two targets of the pair are selected once (no second or third id query
    # for the flags), and the region's ancestors take one query after the commit.
    target_id_queries = [
        sql
        for sql in few
        if sql.startswith('SELECT "targets_target"."id" AS "pk" FROM')
        and "indicator_id" in sql
    ]
    assert len(target_id_queries) == 1
    assert len([sql for sql in few if "WITH RECURSIVE" in sql]) == 1
    # The service's transaction (a savepoint inside the test's), none for the flags.
    assert len([sql for sql in few if sql.startswith("SAVEPOINT")]) == 1
    assert len(few) <= 22


def test_one_write_flushes_its_bumps_once(
    editor_client,
    county,
    high_tech,
    make_target,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    target = make_target(region=county, indicator=high_tech)
    flushed: list[list[str]] = []
    real = data_cache._bump_keys

    def spy(keys, writer=None, **options):
        flushed.append(list(keys))
        return real(keys, writer, **options)

    monkeypatch.setattr(data_cache, "_bump_keys", spy)
    with django_capture_on_commit_callbacks(execute=True):
        _post(editor_client, county, high_tech)

    assert len(flushed) == 1  # signal, service, re-judgment and flags together
    keys = set(flushed[0])
    assert f"dabiao:v:actuals:r:{county.pk}" in keys
    # The target was re-judged in place: its row, and the pages of its region and
    # the city above that filter or order by verdicts.
    assert data_cache.row_key(data_cache.TARGETS, target.pk) in keys
    assert f"dabiao:v:verdicts:r:{county.pk}" in keys
    assert f"dabiao:v:verdicts:r:{county.parent_id}" in keys
    # Not every target page of the region, nor every page.
    assert f"dabiao:v:targets:r:{county.pk}" not in keys
    assert data_cache.VERSION_KEY not in keys


def test_a_figure_no_target_answers_leaves_the_target_pages_cached(
    reader_client,
    editor_client,
    county,
    high_tech,
    contract_turnover,
    make_target,
    django_capture_on_commit_callbacks,
):
    make_target(region=county, indicator=contract_turnover, unit="亿元", norm_unit="元")
    pages = {
        "all targets": TARGETS,
        "county targets": f"{TARGETS}?region={county.pk}",
        "all actuals": ACTUALS,
        "county actuals": f"{ACTUALS}?region={county.pk}",
    }
    for url in pages.values():
        assert cache_state(reader_client, url) == "miss"

    with django_capture_on_commit_callbacks(execute=True):
        _post(editor_client, county, high_tech)  # no high_tech target anywhere

    assert {name: cache_state(reader_client, url) for name, url in pages.items()} == {
        "all targets": "hit",
        "county targets": "hit",
        "all actuals": "miss",
        "county actuals": "miss",
    }


def test_a_figure_that_answers_a_target_makes_its_pages_stale(
    reader_client,
    editor_client,
    county,
    high_tech,
    make_target,
    django_capture_on_commit_callbacks,
):
    target = make_target(region=county, indicator=high_tech, value="750")
    assert reader_client.get(TARGETS).json()["results"][0]["actual"] is None

    with django_capture_on_commit_callbacks(execute=True):
        made = _post(editor_client, county, high_tech).json()

    shown = reader_client.get(TARGETS)
    assert shown["X-Cache"] == "miss"
    assert shown.json()["results"][0]["actual"]["id"] == made["id"]
    assert Target.objects.get(pk=target.pk).actual_id == made["id"]


def test_a_bump_rolled_back_with_its_savepoint_is_not_lost_nor_kept(
    county, other_county, high_tech, django_capture_on_commit_callbacks
):
    """The flush belongs to the callbacks that survive: a bump made before the
    captured block (its callback never runs) is dropped, a bump inside a rolled-back
    savepoint does not stop the surviving ones from being flushed."""
    data_cache.bump_scoped([data_cache.TARGETS], [other_county.pk])  # never runs
    flushed: list[set[str]] = []
    real = data_cache._bump_keys

    def spy(keys, writer=None, **options):
        flushed.append(set(keys))
        return real(keys, writer, **options)

    data_cache._bump_keys, saved = spy, data_cache._bump_keys
    try:
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            data_cache.bump_scoped([data_cache.ACTUALS], [county.pk])
            try:
                with transaction.atomic():
                    data_cache.bump_scoped([data_cache.TARGETS], [county.pk])
                    raise RuntimeError
            except RuntimeError:
                pass
    finally:
        data_cache._bump_keys = saved

    assert len(flushed) == 1
    assert f"dabiao:v:actuals:r:{county.pk}" in flushed[0]
    assert f"dabiao:v:targets:r:{other_county.pk}" not in flushed[0]


def test_a_re_judgment_leaves_the_pages_not_showing_its_targets_cached(
    reader_client,
    editor_client,
    county,
    other_county,
    high_tech,
    contract_turnover,
    make_target,
    django_capture_on_commit_callbacks,
):
    make_target(region=county, indicator=high_tech, value="750")
    make_target(
        region=other_county, indicator=contract_turnover, unit="亿元", norm_unit="元"
    )
    pages = {
        "shows it": f"{TARGETS}?indicator={high_tech.pk}",
        "its county": f"{TARGETS}?region={county.pk}",
        "everything": f"{TARGETS}?ordering=region__name",
        "another indicator": f"{TARGETS}?indicator={contract_turnover.pk}",
        "another county": f"{TARGETS}?region={other_county.pk}",
        # Filtered or ordered by verdicts: a re-judgment may change its rows.
        "by status": f"{TARGETS}?status=no_data",
        "by status, another county": (
            f"{TARGETS}?status=no_data&region={other_county.pk}"
        ),
        "by progress": f"{TARGETS}?ordering=-progress",
    }
    for url in pages.values():
        assert cache_state(reader_client, url) == "miss"

    with django_capture_on_commit_callbacks(execute=True):
        _post(editor_client, county, high_tech)  # answers the 南陵县 target

    assert {name: cache_state(reader_client, url) for name, url in pages.items()} == {
        "shows it": "miss",
        "its county": "miss",
        "everything": "miss",
        "another indicator": "hit",
        "another county": "hit",
        "by status": "miss",
        "by status, another county": "hit",
        "by progress": "miss",
    }


def test_a_row_scoped_page_built_while_a_row_moved_is_not_trusted():
    """Its rows were read before the bump and their versions after: the copy is
    recorded under no valid version, so the next request rebuilds it."""
    scope = data_cache.scope_keys(data_cache.TARGETS)
    row = data_cache.row_key(data_cache.TARGETS, 41)
    rows = data_cache.Rows(lambda value: [row])

    def build_during_a_bump():
        data_cache._bump_keys([row, data_cache.ROWS_GUARD], expiring={row})
        return "old rows"

    assert data_cache.cached_page(
        "dabiao:test:rows", scope, build_during_a_bump, rows=rows
    ) == ("old rows", "miss")
    assert data_cache.cached_page(
        "dabiao:test:rows", scope, lambda: "new rows", rows=rows
    ) == ("new rows", "miss")
    assert data_cache.cached_page(
        "dabiao:test:rows", scope, lambda: "never", rows=rows
    ) == ("new rows", "hit")
    data_cache._bump_keys([row, data_cache.ROWS_GUARD], expiring={row})
    assert data_cache.cached_page(
        "dabiao:test:rows", scope, lambda: "newer", rows=rows
    ) == ("newer", "miss")


def test_the_writer_sees_their_figure_on_a_row_scoped_page_at_once(
    editor_client,
    reader_client,
    county,
    high_tech,
    make_target,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.DABIAO_API_REBUILD_SECONDS = 60  # others may be served the old copy
    make_target(region=county, indicator=high_tech, value="750")
    url = f"{TARGETS}?region={county.pk}"
    assert editor_client.get(url).json()["results"][0]["actual"] is None
    assert cache_state(reader_client, url) == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        made = _post(editor_client, county, high_tech).json()

    assert cache_state(reader_client, url) == "stale"  # within the grace: old copy
    mine = editor_client.get(url)
    assert mine.json()["results"][0]["actual"]["id"] == made["id"]


def test_a_new_figure_leaves_the_actuals_pages_of_other_indicators_and_years_cached(
    reader_client,
    editor_client,
    county,
    high_tech,
    contract_turnover,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        _post(editor_client, county, contract_turnover, 2023, unit="亿元")
    pages = {
        "its indicator": f"{ACTUALS}?indicator={high_tech.pk}",
        "its year": f"{ACTUALS}?year=2024",
        "both": f"{ACTUALS}?indicator={high_tech.pk}&year=2024",
        "everything": ACTUALS,
        "another indicator": f"{ACTUALS}?indicator={contract_turnover.pk}",
        "another year": f"{ACTUALS}?year=2023",
        "another year, its indicator": f"{ACTUALS}?indicator={high_tech.pk}&year=2023",
    }
    for url in pages.values():
        assert cache_state(reader_client, url) == "miss"

    with django_capture_on_commit_callbacks(execute=True):
        made = _post(editor_client, county, high_tech, 2024).json()

    assert {name: cache_state(reader_client, url) for name, url in pages.items()} == {
        "its indicator": "miss",
        "its year": "miss",
        "both": "miss",
        "everything": "miss",
        "another indicator": "hit",
        "another year": "hit",
        "another year, its indicator": "miss",  # its indicator's version moved
    }
    shown = reader_client.get(f"{ACTUALS}?indicator={high_tech.pk}").json()
    assert [row["id"] for row in shown["results"]] == [made["id"]]

    # An edit may move a figure between indicators or years: every page goes.
    with django_capture_on_commit_callbacks(execute=True):
        actual_update(
            actual=Actual.objects.get(pk=made["id"]),
            period_start=dt.date(2023, 1, 1),
            period_end=dt.date(2023, 12, 31),
        )
    assert cache_state(reader_client, pages["another year"]) == "miss"
    assert cache_state(reader_client, pages["another indicator"]) == "miss"
