"""One data-version number for everything the target API shows.

/api/targets/ answers from a response cache (targets.api.views) whose entries carry
this number, so a write never has to know which cached pages it made stale: it bumps
the version and every page stored under an older one is ignored (and rebuilt, or
expires on its TTL). The version and the page come back in one round trip.

Who bumps:
- the services in targets.services that write with bulk_create/bulk_update/
  QuerySet.update (no model signals fire for those) call bump_data_version();
- any save or delete of a model the payload is built from (admin edits, shell,
  fixtures, cascades) bumps through the signal receivers below.

The bump runs on commit: bumping before commit would let a concurrent request cache
the old rows under the new version.

The version lives in Django's cache, so it is shared by every gunicorn worker and
Celery worker only when the cache is (Redis, REDIS_URL). With the per-process
LocMemCache a bump in one process is invisible to the others, so the response cache
is off by default there (response_cache_enabled).
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from targets.models import Actual, Document, Flag, Indicator, Mention, Region, Target

VERSION_KEY = "dabiao:data-version"
# Safety net only: invalidation is by version; a missed bump is stale this long at most.
DEFAULT_TTL_SECONDS = 300


def response_cache_enabled() -> bool:
    """settings.DABIAO_API_CACHE if set, else on for a shared (non-LocMem) cache."""
    explicit = getattr(settings, "DABIAO_API_CACHE", None)
    if explicit is not None:
        return bool(explicit)
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    return not backend.endswith("LocMemCache")


def response_cache_ttl() -> int:
    return int(getattr(settings, "DABIAO_API_CACHE_SECONDS", DEFAULT_TTL_SECONDS))


def data_version() -> int:
    """The current version; starts from the clock when the key is missing (first
    start, cache flushed, evicted) so it never repeats an earlier number."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)
        version = cache.get(VERSION_KEY)
    return int(version)


def versioned_get(key: str) -> tuple[int, Any]:
    """The current version and the value stored under ``key`` for that version
    (None if absent or stored under an older one): one cache round trip.

    Keys do not carry the version; each value does. Read the version before
    building a value and store it with versioned_set under that version: if a
    write commits in between, the value is stale on arrival and the next reader
    rebuilds it.
    """
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    if version is None:
        return data_version(), None
    stored = found.get(key)
    if stored is None or stored[0] != version:
        return int(version), None
    return int(version), stored[1]


def versioned_set(key: str, version: int, value: Any) -> None:
    cache.set(key, (version, value), response_cache_ttl())


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # key missing: a fresh number unlike any earlier one
        cache.set(VERSION_KEY, time.time_ns() // 1000, timeout=None)


def bump_data_version() -> None:
    """Make every cached target page stale once the current transaction commits
    (at once outside a transaction)."""
    if not response_cache_enabled():
        return  # nothing is cached, so nothing can be stale
    # robust: the rows are committed; a cache outage must not turn that into a 500
    # (pages then stay stale for at most the TTL).
    transaction.on_commit(_bump, robust=True)


def _on_change(sender: type, **kwargs: Any) -> None:
    bump_data_version()


# Every model a target payload reads from: the target itself, its region and
# indicator, its latest actual, evidence mentions with their documents, open flags.
for _model in (Target, Actual, Mention, Flag, Region, Indicator, Document):
    post_save.connect(_on_change, sender=_model, dispatch_uid=f"bump-{_model.__name__}")
    post_delete.connect(
        _on_change, sender=_model, dispatch_uid=f"bump-del-{_model.__name__}"
    )
