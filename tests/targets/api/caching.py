"""The API page cache switched on for a test module, and what a read got from it."""

from __future__ import annotations

import pytest


@pytest.fixture
def cache_on(settings):
    # Off by default with the per-process LocMemCache (targets.cache); one test
    # process shares it, so it is safe to switch on here.
    settings.DABIAO_API_CACHE = True
    settings.DABIAO_API_REBUILD_SECONDS = 0  # fresh after every write
    # In the request: a thread would not see the test's uncommitted rows.
    settings.DABIAO_API_BACKGROUND_REBUILD = False


def cache_state(client, url: str) -> str:
    """The X-Cache header of a successful read of `url` (hit, miss, stale…)."""
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response["X-Cache"]
