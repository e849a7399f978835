"""Data versions, scoped by kind and region, for the API's cached lists.

/api/targets/ and /api/actuals/ answer from a response cache (targets.api.views).
Each cached page carries the versions of its *scope*: the global epoch plus, for a
page filtered to a region, that region's version of the page's kind ("targets" or
"actuals"), else the kind's "all" version. A write in a region bumps the kind's
"all" version and the versions of the region and of every region above it, so a
clerk entering 南陵县's figures leaves the pages filtered to other counties (and,
for a target-only write, the actuals pages) alone.
Writes whose region is unknown (a region renamed, an indicator edited, a document)
bump the epoch, which every page carries. The versions and the page come back in
one round trip. A new actual bumps the actuals pages only: no target shows it until
a re-judgment links it, and the re-judgment bumps the target pages it changes.

The bumps one transaction asks for (the actual's signal, the service, the
re-judgment, the flags) are flushed together on commit: one ancestor query and, on
Redis, one pipelined round trip for all the version keys.

Finer scopes for the commonest write, a figure entered by hand:
- A re-judgment changes its targets in place (bump_rows). A target page whose
  filters and order a verdict cannot change (region, indicator, year, search,
  names and periods) is row-scoped: it also records the versions of the rows it
  shows, and only their bumps (or a broader one) make it stale. Pages filtered or
  ordered by verdicts or flags depend on the "verdicts" versions of their region.
- A new actual bumps its region's, its indicator's and its year's actuals pages
  (bump_new_actual); an actuals page filtered by indicator or year alone depends
  on those and on the "any" versions, which every other actuals bump moves.

Rebuilds are single-flight (cached_page): the first request to find its page stale
takes a short lock and rebuilds (on the process's one rebuild thread when there is a
stale copy to serve meanwhile); the others are served the stale copy, or wait briefly
for the rebuild when there is no copy at all.

A writer reads their own writes: a bump made during a signed-in user's request
(WritesSeenMiddleware) records, under that user, the version numbers it produced.
That user is never served a copy built under older numbers: they wait for, or make,
a rebuild that includes their write, while everyone else may still get the stale
copy for the short grace.

Who bumps:
- the services in targets.services that write with bulk_create/bulk_update/
  QuerySet.update (no model signals fire for those) call bump_scoped() with the
  kinds and regions they wrote (bump_data_version() when they cannot say);
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

import itertools
import logging
import os
import queue
import threading
import time
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import close_old_connections, transaction
from django.db import connection as db_connection
from django.db.models.signals import post_delete, post_save

from targets.models import Actual, Document, Flag, Indicator, Mention, Region, Target

logger = logging.getLogger(__name__)

VERSION_KEY = "dabiao:data-version"  # the epoch
TARGETS = "targets"
ACTUALS = "actuals"
KINDS = (TARGETS, ACTUALS)
# A rebuild holds its lock at most this long (a crashed builder frees it then).
LOCK_SECONDS = 30
# Without a stale copy, how long others wait for the one rebuild before building.
WAIT_SECONDS = 5.0
_POLL_SECONDS = 0.02
# Safety net only: invalidation is by version; a missed bump is stale this long at most.
DEFAULT_TTL_SECONDS = 300


WROTE_KEY = "dabiao:wrote:{user}"  # the versions a user's own writes produced
# The request being handled (set by WritesSeenMiddleware): whose writes a bump is.
_current_request: ContextVar[Any] = ContextVar("dabiao_cache_request", default=None)


class WritesSeenMiddleware:
    """Lets a bump know which signed-in user's request made it (read-your-writes)."""

    def __init__(self, get_response: Callable[[Any], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)


def _current_writer() -> int | None:
    """The signed-in user of the request being handled, if any. DRF sets the
    request's user once it authenticates (tokens too), before any view writes."""
    request = _current_request.get()
    user = getattr(request, "user", None)
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user.pk


def response_cache_enabled() -> bool:
    """settings.DABIAO_API_CACHE if set, else on for a shared (non-LocMem) cache."""
    explicit = getattr(settings, "DABIAO_API_CACHE", None)
    if explicit is not None:
        return bool(explicit)
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    return not backend.endswith("LocMemCache")


def rebuild_interval() -> float:
    """settings.DABIAO_API_REBUILD_SECONDS: a page rebuilt less than this long ago
    is served stale rather than rebuilt again (default 1 s; 0 = always fresh)."""
    return float(getattr(settings, "DABIAO_API_REBUILD_SECONDS", 1.0))


def background_rebuild() -> bool:
    """settings.DABIAO_API_BACKGROUND_REBUILD: with a stale copy at hand, the
    request that takes the rebuild lock serves it too and rebuilds in a thread
    (default on), so no reader waits for a rebuild the cache can cover."""
    return bool(getattr(settings, "DABIAO_API_BACKGROUND_REBUILD", True))


def response_cache_ttl() -> int:
    return int(getattr(settings, "DABIAO_API_CACHE_SECONDS", DEFAULT_TTL_SECONDS))


def _fresh() -> int:
    return time.time_ns() // 1000


def data_version() -> int:
    """The current epoch; starts from the clock when the key is missing (first
    start, cache flushed, evicted) so it never repeats an earlier number."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _fresh(), timeout=None)
        version = cache.get(VERSION_KEY)
    return int(version)


def scope_keys(kind: str, region_id: int | None = None) -> list[str]:
    """The version keys a page of ``kind`` depends on (filtered to a region or not)."""
    if region_id is None:
        return [VERSION_KEY, f"dabiao:v:{kind}:all"]
    return [VERSION_KEY, f"dabiao:v:{kind}:r:{int(region_id)}"]


def _versions(keys: list[str], found: dict[str, Any]) -> tuple[int, ...]:
    missing = [k for k in keys if found.get(k) is None]
    if missing:
        for k in missing:
            cache.add(k, _fresh(), timeout=None)
        found = {**found, **cache.get_many(missing)}
    return tuple(int(found[k]) for k in keys)


def versioned_get(key: str, scope: list[str] | None = None) -> tuple[Any, Any]:
    """The current versions of ``scope`` (the epoch alone by default) and the value
    stored under ``key`` for exactly those versions (None if absent or older): one
    cache round trip.

    Keys do not carry the versions; each value does. Read the versions before
    building a value and store it with versioned_set under them: if a write
    commits in between, the value is stale on arrival and the next reader
    rebuilds it.
    """
    version, stored = _lookup(key, scope or [VERSION_KEY])
    if stored is None or stored[0] != version:
        return version, None
    return version, stored[1]


def _lookup(key: str, scope: list[str]) -> tuple[tuple[int, ...], Any]:
    found = cache.get_many([*scope, key])
    return _versions(scope, found), found.get(key)


def versioned_set(key: str, version: Any, value: Any) -> None:
    cache.set(key, (version, value, time.time()), response_cache_ttl())


ROW_KEY = "dabiao:v:row:{kind}:{id}"  # one row's version (row-scoped pages)
# Bumped with every row bump: a row-scoped page built while it moved may have
# read its rows before a bump and their versions after, so it is not trusted.
ROWS_GUARD = "dabiao:v:rows-guard"


def row_key(kind: str, pk: int) -> str:
    return ROW_KEY.format(kind=kind, id=int(pk))


class Rows:
    """How a row-scoped page depends on its rows: ``of(value)`` lists the row
    keys of a built value. Such a page is fresh while its scope's versions and
    the versions of the rows it shows are unchanged: a re-judgment of targets it
    does not show leaves it cached."""

    def __init__(self, of: Callable[[Any], Iterable[str]]) -> None:
        self.of = of


def _row_versions(keys: Iterable[str]) -> dict[str, int]:
    keys = list(keys)
    found = cache.get_many(keys) if keys else {}
    return {k: int(found.get(k) or 0) for k in keys}


def _is_current(stored: Any, version: tuple[int, ...]) -> bool:
    """Whether a stored copy is the one for ``version`` (and, for a row-scoped
    copy, for its rows' current versions: one more round trip)."""
    if stored is None or stored[0] != version:
        return False
    rows = stored[3] if len(stored) > 3 else None
    return rows is None or _row_versions(rows) == rows


def _store(
    key: str, version: Any, value: Any, rows: Rows | None, guard: int | None
) -> None:
    """Store ``value`` under the versions read before it was built; a row-scoped
    value also records its rows' versions, read after the build. If any row was
    bumped since the build began (the guard moved), those versions may postdate
    the rows read, so they are recorded as -1: the copy is served stale, never as
    fresh, until it is rebuilt."""
    if rows is None:
        versioned_set(key, version, value)
        return
    keys = list(dict.fromkeys(rows.of(value)))
    now = _row_versions([*keys, ROWS_GUARD])
    moved = now.pop(ROWS_GUARD) != (guard or 0)
    recorded = {k: -1 for k in keys} if moved else now
    cache.set(key, (version, value, time.time(), recorded), response_cache_ttl())


def _covers(scope: list[str], stored: Any, needed: dict[str, int]) -> bool:
    """Whether a stored copy includes the writes that produced ``needed``
    (version numbers only grow): its scope versions, and for a row-scoped copy
    the versions of the rows it shows."""
    version = stored[0]
    if not all(version[i] >= needed[k] for i, k in enumerate(scope) if k in needed):
        return False
    rows = stored[3] if len(stored) > 3 else None
    return rows is None or all(n >= needed[k] for k, n in rows.items() if k in needed)


def cached_page(
    key: str,
    scope: list[str],
    build: Callable[[], Any],
    reader: int | None = None,
    rows: Rows | None = None,
) -> tuple[Any, str]:
    """The value under ``key`` for the current versions of ``scope``, and how it
    was got: "hit", "miss" (built here), or "stale" (the previous copy, served
    while it is rebuilt or within the grace).

    Single flight: of the requests that find the page stale, only the one that
    takes the lock builds; the others get the stale copy, or, with none, wait up
    to WAIT_SECONDS for the rebuild (and build themselves if it never comes).
    A copy built less than rebuild_interval() ago is served stale without a
    rebuild: under a stream of writes each page is rebuilt at most once per
    interval, instead of once per write.

    ``reader`` (a user id) is never served a copy older than that user's own
    writes (WROTE_KEY): such a reader waits for, or makes, a rebuild that
    includes them.

    With ``rows`` the page is row-scoped (Rows): it also depends on the versions
    of the rows it shows, checked in a second round trip when the scope matches.
    """
    wrote = WROTE_KEY.format(user=reader) if reader is not None else None
    extra = [ROWS_GUARD] if rows is not None else []
    found = cache.get_many([*scope, key, *([wrote] if wrote else []), *extra])
    version, stored = _versions(scope, found), found.get(key)
    guard = found.get(ROWS_GUARD) if rows is not None else None
    if _is_current(stored, version):
        return stored[1], "hit"
    needed = found.get(wrote) if wrote else None
    if needed and (stored is None or not _covers(scope, stored, needed)):
        return _fresh_for(key, scope, version, needed, build, rows, guard)
    built_at = stored[2] if stored is not None and len(stored) > 2 else 0.0
    if stored is not None and time.time() - built_at < rebuild_interval():
        return stored[1], "stale"
    lock = f"{key}:lock"
    if not cache.add(lock, 1, timeout=LOCK_SECONDS):
        if stored is not None:
            return stored[1], "stale"
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(_POLL_SECONDS)
            stored = cache.get(key)
            if stored is not None:
                return stored[1], "hit" if _is_current(stored, version) else "stale"
        value = build()  # the builder is gone: do not leave the request waiting
        _store(key, version, value, rows, guard)
        return value, "miss"
    if stored is not None and background_rebuild():
        _rebuilder.submit((key, version, build, lock, rows, guard))
        return stored[1], "stale"
    return _build_holding(key, version, build, lock, rows, guard), "miss"


def _build_holding(
    key: str,
    version: Any,
    build: Callable[[], Any],
    lock: str,
    rows: Rows | None = None,
    guard: int | None = None,
) -> Any:
    try:
        value = build()
        _store(key, version, value, rows, guard)
    finally:
        cache.delete(lock)
    return value


def _fresh_for(
    key: str,
    scope: list[str],
    version: tuple[int, ...],
    needed: dict[str, int],
    build: Callable[[], Any],
    rows: Rows | None = None,
    guard: int | None = None,
) -> tuple[Any, str]:
    """For a reader whose own write the stored copy predates: a copy that includes
    it, from the rebuild under way (single flight still) or built here."""
    lock = f"{key}:lock"
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        if cache.add(lock, 1, timeout=LOCK_SECONDS):
            return _build_holding(key, version, build, lock, rows, guard), "miss"
        if time.monotonic() >= deadline:
            break
        time.sleep(_POLL_SECONDS)
        stored = cache.get(key)
        if stored is not None and _covers(scope, stored, needed):
            return stored[1], "hit" if _is_current(stored, version) else "stale"
    value = build()  # the builder is gone: do not leave the writer waiting
    _store(key, version, value, rows, guard)
    return value, "miss"


class _Rebuilder:
    """The process's one background rebuild thread: started on first use (and
    again in a forked child), it keeps its database connection between rebuilds
    (CONN_MAX_AGE) instead of opening one per rebuild."""

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._pid = 0
        self._start = threading.Lock()

    def submit(self, job: tuple) -> None:
        with self._start:
            if (
                self._pid != os.getpid()
                or self._thread is None
                or not self._thread.is_alive()
            ):
                self._jobs = queue.SimpleQueue()
                self._thread = threading.Thread(
                    target=self._run, args=(self._jobs,), daemon=True
                )
                self._pid = os.getpid()
                self._thread.start()
            self._jobs.put(job)

    @staticmethod
    def _run(jobs: queue.SimpleQueue) -> None:
        while True:
            key, version, build, lock, rows, guard = jobs.get()
            close_old_connections()  # drop a broken or expired connection first
            try:
                _store(key, version, build(), rows, guard)
            except Exception:  # the next request after the lock is gone tries again
                logger.warning("background rebuild of %s failed", key, exc_info=True)
            finally:
                cache.delete(lock)
            if jobs.empty():
                close_old_connections()  # CONN_MAX_AGE=0: do not keep it idle


_rebuilder = _Rebuilder()


def _incr_all(
    keys: list[str], expiring: set[str] | frozenset = frozenset()
) -> dict[str, int]:
    """INCR every key, a key that is missing starting from a fresh number unlike
    any earlier one. On Redis one pipelined round trip; elsewhere key by key.
    The ``expiring`` ones (row versions) live as long as a cached page: a page
    that recorded a version now expired reads 0 and is rebuilt, never trusted."""
    ttl = response_cache_ttl() + LOCK_SECONDS
    client = _redis_client()
    if client is not None:
        fresh = _fresh()
        from django.core.cache import caches

        raw = [caches["default"].make_and_validate_key(k) for k in keys]
        pipe = client.pipeline(transaction=False)
        for name, key in zip(keys, raw, strict=True):
            pipe.set(key, fresh, nx=True)  # no expiry, as cache.set(timeout=None)
            pipe.incr(key)
            if name in expiring:
                pipe.expire(key, ttl)
        replies = iter(pipe.execute())
        bumped: dict[str, int] = {}
        for name in keys:
            next(replies)  # SET NX
            bumped[name] = int(next(replies))
            if name in expiring:
                next(replies)  # EXPIRE
        return bumped
    bumped: dict[str, int] = {}
    for key in keys:
        try:
            bumped[key] = int(cache.incr(key))
        except ValueError:  # key missing: a fresh number unlike any earlier one
            bumped[key] = _fresh()
            cache.set(key, bumped[key], timeout=ttl if key in expiring else None)
    return bumped


def _redis_client() -> Any:
    """The redis-py client behind Django's RedisCache, or None for other backends.
    Version numbers are stored as plain integers there (RedisSerializer leaves ints
    raw), so INCR on them is what cache.incr does."""
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        return None
    return backend._cache.get_client(write=True)


def _bump_keys(
    keys: Iterable[str],
    writer: int | None = None,
    expiring: set[str] | frozenset = frozenset(),
) -> dict[str, int]:
    """Bump ``keys``; returns their new numbers and, for a signed-in ``writer``,
    records them as the versions that user must be shown from now on."""
    keys = list(dict.fromkeys(keys))
    bumped = _incr_all(keys, expiring) if keys else {}
    if writer is not None and bumped:
        wrote = WROTE_KEY.format(user=writer)
        seen = cache.get(wrote) or {}
        for key, number in bumped.items():
            seen[key] = max(number, seen.get(key, 0))
        # No copy older than the TTL is served anyway.
        cache.set(wrote, seen, response_cache_ttl())
    return bumped


# The bumps a transaction has asked for, per connection (so per thread), flushed
# together by the first of its on_commit callbacks to run: one write that bumps
# from the actual's signal, the re-judgment, the flags and the service costs one
# ancestor query and one pipelined round trip, not one of each per call.
_PENDING_ATTR = "_dabiao_pending_bumps"
_tokens = itertools.count(1)


def _defer_bump(
    *,
    epoch: bool = False,
    kinds: Iterable[str] = (),
    region_ids: Iterable[int] = (),
    rows: Iterable[str] = (),
    extra: Iterable[str] = (),
) -> None:
    """Add to this connection's pending bumps and register a flush on commit.

    Every call registers its own callback; callbacks run in the order they were
    registered, so the first one that runs flushes its own bump and every later
    one (the later callbacks then find nothing to do), and any earlier entry still
    pending is one whose callback was discarded (its savepoint or transaction
    rolled back), so it is dropped. An entry whose savepoint rolled back after an
    earlier surviving one may still be flushed: a needless rebuild, never a stale
    page."""
    connection = transaction.get_connection()
    pending = getattr(connection, _PENDING_ATTR, None)
    if pending is None:
        pending = []
        setattr(connection, _PENDING_ATTR, pending)
    token = next(_tokens)
    ids = {int(r) for r in region_ids}
    scoped = {(kind, r) for kind in kinds for r in ids}
    pending.append((token, _current_writer(), epoch, scoped, set(rows), set(extra)))
    # robust: the rows are committed; a cache outage must not turn that into a 500
    # (pages then stay stale for at most the TTL).
    transaction.on_commit(lambda: _flush(connection, token), robust=True)


def _flush(connection: Any, token: int) -> None:
    pending = getattr(connection, _PENDING_ATTR, None) or []
    due = [entry for entry in pending if entry[0] >= token]
    setattr(connection, _PENDING_ATTR, [])
    if not due or due[0][0] != token:
        return  # flushed already by an earlier callback of the same commit
    by_writer: dict[int | None, tuple[bool, set, set[str], set[str]]] = {}
    for _, writer, epoch, scoped, rows, extra in due:
        was = by_writer.get(writer, (False, set(), set(), set()))
        by_writer[writer] = (
            was[0] or epoch,
            was[1] | scoped,
            was[2] | rows,
            was[3] | extra,
        )
    regions = {r for _, scoped, _, _ in by_writer.values() for _, r in scoped}
    above = _ancestors_map(regions)
    for writer, (epoch, scoped, rows, extra) in by_writer.items():
        keys = [VERSION_KEY] if epoch else []
        keys += sorted(extra)
        kinds = sorted({kind for kind, _ in scoped})
        keys += [f"dabiao:v:{kind}:all" for kind in kinds]
        for kind in kinds:
            written = {r for k, r in scoped if k == kind}
            reach = set().union(*(above.get(r, {r}) for r in written))
            keys += [f"dabiao:v:{kind}:r:{r}" for r in sorted(reach)]
        if rows:
            keys += [*sorted(rows), ROWS_GUARD]
        _bump_keys(keys, writer, expiring=rows)


def bump_data_version() -> None:
    """Make every cached page stale once the current transaction commits (at once
    outside a transaction). For writes whose regions are unknown."""
    if not response_cache_enabled():
        return  # nothing is cached, so nothing can be stale
    _defer_bump(epoch=True)


def _ancestors_map(region_ids: set[int]) -> dict[int, set[int]]:
    """Each region with every region above it, in one recursive query."""
    if not region_ids:
        return {}
    table = db_connection.ops.quote_name(Region._meta.db_table)
    marks = ", ".join(["%s"] * len(region_ids))
    sql = (
        f"WITH RECURSIVE up(start, id) AS ("
        f" SELECT id, id FROM {table} WHERE id IN ({marks})"
        f" UNION SELECT up.start, r.parent_id FROM up JOIN {table} r ON r.id = up.id"
        f" WHERE r.parent_id IS NOT NULL"
        f") SELECT start, id FROM up"
    )
    found: dict[int, set[int]] = {r: {r} for r in region_ids}
    with db_connection.cursor() as cursor:
        cursor.execute(sql, sorted(region_ids))
        for start, region in cursor.fetchall():
            found.setdefault(start, {start}).add(region)
    return found


def bump_scoped(kinds: Iterable[str], region_ids: Iterable[int | None]) -> None:
    """After the commit, make stale the pages of ``kinds`` that can show rows of
    these regions: pages filtered to them or to a region above them, and the
    unfiltered pages. Pages of other regions and of other kinds stay."""
    if not response_cache_enabled():
        return
    kinds = tuple(kinds)
    ids = {int(r) for r in region_ids if r is not None}
    if not ids or not kinds:
        return
    # Not knowing the actuals' indicators and years, every faceted page goes too.
    extra = ACTUAL_FACETS_ANY if ACTUALS in kinds else ()
    _defer_bump(kinds=kinds, region_ids=ids, extra=extra)


# Actuals pages filtered by indicator or year alone (no region) depend on that
# indicator's or year's version and on the "any" one, which every actuals bump
# that cannot name its indicators and years moves. A new figure names them.
ACTUAL_INDICATOR = "dabiao:v:actuals:ind:{}"
ACTUAL_YEAR = "dabiao:v:actuals:y:{}"
ACTUAL_FACETS_ANY = (ACTUAL_INDICATOR.format("any"), ACTUAL_YEAR.format("any"))


def actual_facet_scope(indicator_id: int | None, year: int | None) -> list[str]:
    """The scope of an actuals page filtered (without a region) to an indicator,
    a year (the period's end, as ActualFilter), or both."""
    keys = [VERSION_KEY]
    if indicator_id is not None:
        keys += [ACTUAL_FACETS_ANY[0], ACTUAL_INDICATOR.format(int(indicator_id))]
    if year is not None:
        keys += [ACTUAL_FACETS_ANY[1], ACTUAL_YEAR.format(int(year))]
    return keys


def bump_new_actual(actual: Actual) -> None:
    """After the commit: a new figure is on the actuals pages of its region (and
    those above), its indicator, its year, and the unfiltered ones. No target
    shows it until a re-judgment links it, which bumps the targets it changes."""
    if not response_cache_enabled():
        return
    _defer_bump(
        kinds=(ACTUALS,),
        region_ids=[actual.region_id],
        extra=[
            ACTUAL_INDICATOR.format(int(actual.indicator_id)),
            ACTUAL_YEAR.format(actual.period_end.year),
        ],
    )


VERDICTS = "verdicts"  # the target pages whose rows depend on the verdicts
# A re-judgment of more targets than this bumps their regions' target pages
# instead of each row (the nightly run: every page changes anyway).
MAX_ROW_BUMPS = 1000


def bump_rows(kind: str, region_ids: Iterable[int | None], ids: Iterable[int]) -> None:
    """After the commit: the rows ``ids`` of ``kind`` (in these regions) changed
    in place, not which rows a list holds nor their order, unless the list filters
    or orders by what changed (verdicts, flags). Makes stale the row-scoped pages
    showing one of these rows, and the verdict-dependent pages of the regions."""
    if not response_cache_enabled():
        return
    ids = {int(i) for i in ids}
    regions = {int(r) for r in region_ids if r is not None}
    if not ids:
        return
    if len(ids) > MAX_ROW_BUMPS or not regions:
        bump_scoped((kind,), regions) if regions else bump_data_version()
        return
    _defer_bump(
        kinds=(VERDICTS,), region_ids=regions, rows={row_key(kind, i) for i in ids}
    )


def _on_change(sender: type, instance: Any = None, **kwargs: Any) -> None:
    kinds = _SCOPED.get(sender)
    if sender is Actual and kwargs.get("created") and instance.region_id:
        bump_new_actual(instance)
        return
    region_id = getattr(instance, "region_id", None)
    if kinds is None or region_id is None:
        bump_data_version()
    else:
        bump_scoped(kinds, [region_id])


# Every model a payload reads from: the target itself, its region and indicator,
# its latest actual, evidence mentions with their documents, open flags. Rows that
# know their region bump their region's pages; the others bump everything.
_SCOPED: dict[type, tuple[str, ...]] = {
    Target: (TARGETS,),
    Flag: (TARGETS,),
    Actual: (ACTUALS, TARGETS),
}
for _model in (Target, Actual, Mention, Flag, Region, Indicator, Document):
    post_save.connect(_on_change, sender=_model, dispatch_uid=f"bump-{_model.__name__}")
    post_delete.connect(
        _on_change, sender=_model, dispatch_uid=f"bump-del-{_model.__name__}"
    )
