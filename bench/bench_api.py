"""API load: 10,000 targets in PostgreSQL, gunicorn with production settings, 16
concurrent clients on /api/targets/ for 20 s, with a one-row baseline measured in the
same run (/api/regions/?search=… returning a single region).

Creates a throwaway database (dabiao_bench, or BENCH_API_DB) on 127.0.0.1:5432 as user
postgres and drops it afterwards; all traffic stays on the loopback interface. Like
production, gunicorn gets REDIS_URL (a spare Redis database, 127.0.0.1:6379/5 by
default, BENCH_REDIS_URL; flushed before and after), so /api/targets/ answers from the
response cache (targets.cache). The clients cycle through a mix of pages, filters and
orderings rather than hammering one URL; the hit ratio comes from the X-Cache header.
Prints requests/s, p50, p95 and p99 for both endpoints and their ratio, and the
latency of each mixed URL on its first (cold, cache miss) and second (warm) request.

    .venv/bin/python bench/bench_api.py [--seconds 20] [--clients 16] [--targets 10000]
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PG_BASE = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
DB_NAME = os.environ.get("BENCH_API_DB", "dabiao_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5")
HOST = "127.0.0.1"
CLIENT_PROCESSES = 4


# --- database ---------------------------------------------------------------------


def _pg(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG_BASE}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def _env(var_dir: Path, db_options: str = "") -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        # As in production: Django's cache (and so the API response cache) in Redis.
        REDIS_URL=REDIS_URL,
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=f"{PG_BASE}/{DB_NAME}{db_options}",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(40),
        ALLOWED_HOSTS=f"{HOST},localhost",
        VAR_DIR=str(var_dir),
        LOG_LEVEL="WARNING",
        DB_CONN_MAX_AGE="600",
        PYTHONPATH=str(BASE_DIR),
        # Plain HTTP on the loopback; in production a TLS proxy sits in front.
        SECURE_SSL_REDIRECT="false",
    )
    return env


def populate(n_targets: int) -> dict[str, str]:
    """Runs inside a child process with the bench settings; returns token and ids."""
    import django

    django.setup()
    import datetime as dt
    import random
    from decimal import Decimal

    from django.contrib.auth.models import User
    from rest_framework.authtoken.models import Token

    from targets.catalog import catalog_load
    from targets.models import (
        Actual,
        Document,
        Flag,
        Indicator,
        Mention,
        Region,
        RegionLevel,
        Target,
    )

    rng = random.Random(7)
    catalog_load()
    city = Region.objects.create(name="芜湖市", level=RegionLevel.CITY)
    regions = [city]
    for i in range(12):
        county = Region.objects.create(
            name=f"第{i + 1}县", level=RegionLevel.COUNTY, parent=city
        )
        regions.append(county)
        for j in range(2):
            regions.append(
                Region.objects.create(
                    name=f"第{i + 1}县园区{j + 1}",
                    level=RegionLevel.ZONE,
                    parent=county,
                )
            )
    indicators = list(Indicator.objects.all())
    sentence = "全市高新技术企业总数达到750家以上,技术合同成交额达到300亿元。"
    documents = [
        Document.objects.create(
            name=f"doc-{i}.txt",
            sha256=f"{i:064x}",
            title=f"第{i}号工作要点",
            region=city,
            kind="both",
            year=2020 + i % 6,
            text=sentence * 200,
            status="done",
        )
        for i in range(30)
    ]
    statuses = ["met", "missed", "at_risk", "on_track", "no_data"]
    keys = [
        (region, indicator, year, tier)
        for year in range(2018, 2027)
        for tier in ("base", "stretch")
        for region in regions
        for indicator in indicators
    ]
    rng.shuffle(keys)
    keys = keys[:n_targets]
    targets = Target.objects.bulk_create(
        Target(
            region=region,
            indicator=indicator,
            measure="level",
            period_start=dt.date(year, 1, 1),
            period_end=dt.date(year, 12, 31),
            comparator=">=",
            value=Decimal(rng.randint(10, 900)),
            unit=indicator.unit,
            norm_value=Decimal(rng.randint(10, 900)),
            norm_unit=indicator.norm_unit,
            tier=tier,
            plan=documents[i % len(documents)],
            status=statuses[i % len(statuses)],
            progress=Decimal(rng.randint(0, 130)) / 100,
            schedule_progress=Decimal(rng.randint(0, 100)) / 100,
        )
        for i, (region, indicator, year, tier) in enumerate(keys)
    )
    actuals = Actual.objects.bulk_create(
        Actual(
            region=t.region,
            indicator=t.indicator,
            measure="level",
            period_start=t.period_start,
            period_end=t.period_end,
            value=t.value,
            unit=t.unit,
            norm_value=t.norm_value,
            norm_unit=t.norm_unit,
            document=t.plan,
        )
        for t in targets
        if t.tier == "base"
    )
    by_key = {(a.region_id, a.indicator_id, a.period_start): a for a in actuals}
    for t in targets:
        t.actual = by_key.get((t.region_id, t.indicator_id, t.period_start))
    Target.objects.bulk_update(targets, ["actual"], batch_size=2000)
    mentions = []
    for i, t in enumerate(targets):
        start = (i * 7) % (len(t.plan.text) - 40)
        mentions.append(
            Mention(
                document=t.plan,
                kind="target",
                start=start,
                end=start + 20,
                quote=t.plan.text[start : start + 20],
                raw_value=Decimal(i),
                unit=t.unit,
                target=t,
            )
        )
        if t.actual is not None:
            mentions.append(
                Mention(
                    document=t.plan,
                    kind="actual",
                    start=start,
                    end=start + 20,
                    quote=t.plan.text[start : start + 20],
                    raw_value=Decimal(i) + Decimal("0.5"),
                    unit=t.unit,
                    actual=t.actual,
                )
            )
    Mention.objects.bulk_create(mentions, batch_size=5000)
    Flag.objects.bulk_create(
        Flag(target=t, kind="missed", reason="未完成")
        for t in targets
        if t.status == "missed"
    )
    # A live database is vacuumed and analyzed by autovacuum; a fresh one is not,
    # and autovacuum kicking in mid-run would be measured as request cost.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    user = User.objects.create_user("bench-reader")
    token = Token.objects.create(user=user)
    return {
        "token": token.key,
        "targets": str(Target.objects.count()),
        "mentions": str(Mention.objects.count()),
        "county": str(regions[1].pk),
        "indicator": str(indicators[0].pk),
    }


def _flush_redis() -> None:
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def target_paths(base: str, county: str, indicator: str) -> list[str]:
    """What clients of the list ask for: the first pages, the review page's filters
    (region incl. sub-regions, year, status, flagged, indicator), orderings and a
    search."""
    join = "&" if "?" in base else "?"
    return [
        base,
        f"{base}{join}page=2",
        f"{base}{join}page=3",
        f"{base}{join}year=2024",
        f"{base}{join}year=2025&status=at_risk",
        f"{base}{join}region={county}",
        f"{base}{join}region={county}&year=2024",
        f"{base}{join}status=missed&flagged=true",
        f"{base}{join}indicator={indicator}",
        f"{base}{join}ordering=-progress",
        f"{base}{join}ordering=region__name&page=2",
        f"{base}{join}search=%E7%AC%AC3%E5%8E%BF",  # 第3县
    ]


# --- load -------------------------------------------------------------------------


@dataclass
class Result:
    label: str
    path: str
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    hits: int = 0
    seconds: float = 0.0
    body_bytes: int = 0
    cpu: dict[str, float] = field(default_factory=dict)

    def cpu_ms_per_request(self, part: str) -> float:
        return 1000 * self.cpu.get(part, 0.0) / max(len(self.latencies), 1)

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def pct(self, q: float) -> float:
        ordered = sorted(self.latencies)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def _client(
    port: int,
    paths: list[str],
    offset: int,
    token: str,
    deadline: float,
    result: Result,
    lock,
) -> None:
    headers = {"Authorization": f"Token {token}", "Accept": "application/json"}
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    latencies: list[float] = []
    errors = 0
    hits = 0
    size = 0
    turn = offset
    while time.perf_counter() < deadline:
        # Each client walks the mix from its own starting point.
        path = paths[turn % len(paths)]
        turn += 1
        started = time.perf_counter()
        try:
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            body = response.read()
            if response.status != 200:
                errors += 1
                continue
            latencies.append(time.perf_counter() - started)
            hits += response.getheader("X-Cache") == "hit"
            size = len(body)
            if response.will_close:
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=30)
        except (OSError, http.client.HTTPException):
            errors += 1
            conn.close()
            conn = http.client.HTTPConnection(HOST, port, timeout=30)
    conn.close()
    with lock:
        result.latencies.extend(latencies)
        result.errors += errors
        result.hits += hits
        result.body_bytes = size


def _client_process(
    port: int,
    paths: list[str],
    first: int,
    token: str,
    deadline: float,
    threads: int,
    out,
) -> None:
    result = Result("", paths[0])
    lock = threading.Lock()
    workers = [
        threading.Thread(
            target=_client,
            args=(port, paths, first + i, token, deadline, result, lock),
        )
        for i in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    out.send(
        (
            result.latencies,
            result.errors,
            result.hits,
            result.body_bytes,
            time.process_time(),
        )
    )
    out.close()


def _cpu_seconds(pids: list[int]) -> float:
    """User+system CPU of these processes (Linux /proc; 0 for ones that are gone)."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def _tree(pid: int) -> list[int]:
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return [pid]
    return [pid, *(int(c) for c in children)]


def _postgres_pids() -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == "postgres":
                    pids.append(int(entry.name))
            except OSError:
                continue
    return pids


def run_load(
    label: str,
    port: int,
    paths: list[str],
    token: str,
    clients: int,
    seconds: float,
    server_pid: int | None = None,
) -> Result:
    """``clients`` keep-alive connections, spread over a few processes so the
    client's own GIL does not queue requests and inflate the latencies."""
    result = Result(label, paths[0])
    processes = min(clients, CLIENT_PROCESSES)
    app_pids = _tree(server_pid) if server_pid else []
    db_pids = _postgres_pids()
    app_before, db_before = _cpu_seconds(app_pids), _cpu_seconds(db_pids)
    started = time.perf_counter()
    deadline = started + seconds
    ctx = multiprocessing.get_context("fork")
    running = []
    first = 0
    for i in range(processes):
        threads = clients // processes + (1 if i < clients % processes else 0)
        receive, send = ctx.Pipe(duplex=False)
        process = ctx.Process(
            target=_client_process,
            args=(port, paths, first, token, deadline, threads, send),
        )
        first += threads
        process.start()
        running.append((process, receive))
    client_cpu = 0.0
    for process, receive in running:
        latencies, errors, hits, size, cpu = receive.recv()
        process.join()
        result.latencies.extend(latencies)
        result.errors += errors
        result.hits += hits
        result.body_bytes = size or result.body_bytes
        client_cpu += cpu
    result.seconds = time.perf_counter() - started
    result.cpu = {
        "app": _cpu_seconds(app_pids) - app_before,
        "db": _cpu_seconds(db_pids) - db_before,
        "client": client_cpu,
    }
    return result


def migrate(env: dict[str, str]) -> None:
    """Migrate the database `env` points at."""
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
        cwd=BASE_DIR,
        env=env,
        check=True,
    )


def populate_in_child(env: dict[str, str], n_targets: int) -> dict[str, str]:
    """`populate` in a child process on `env`'s settings; returns its token and ids."""
    made = subprocess.run(
        [sys.executable, __file__, "--populate", "--targets", str(n_targets)],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(made.stdout.strip().splitlines()[-1])


def start_gunicorn(
    port: int,
    env: dict[str, str],
    *,
    workers: int,
    worker_class: str = "gthread",
    threads: int = 1,
) -> subprocess.Popen:
    """The app behind gunicorn on HOST:port, as docker-compose.yml runs it."""
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    return subprocess.Popen(
        [
            gunicorn,
            "config.wsgi:application",
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            worker_class,
            "--threads",
            str(threads),
            "--keep-alive",
            "5",
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env=env,
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _wait_until_up(port: int, token: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request(
                "GET", "/api/regions/", headers={"Authorization": f"Token {token}"}
            )
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit("gunicorn did not answer within 30 s")


def _timed_get(port: int, path: str, token: str) -> float:
    """One request on a fresh connection; milliseconds."""
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    started = time.perf_counter()
    conn.request("GET", path, headers={"Authorization": f"Token {token}"})
    response = conn.getresponse()
    response.read()
    elapsed = (time.perf_counter() - started) * 1000
    conn.close()
    if response.status != 200:
        raise SystemExit(f"{path} answered {response.status}")
    return elapsed


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--targets", type=int, default=10_000)
    parser.add_argument(
        "--workers", type=int, default=int(os.environ.get("WEB_WORKERS", 5))
    )
    # As docker-compose.yml: 5 single-thread gthread workers measured best on two
    # cores (docs/api.md); gthread keeps connections alive, sync does not.
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument(
        "--worker-class", default="gthread", choices=["gthread", "sync"]
    )
    parser.add_argument("--path", default="/api/targets/", help="endpoint to load")
    parser.add_argument(
        "--db-options",
        default="",
        help="query string appended to DATABASE_URL, e.g. ?server_side_binding=true",
    )
    parser.add_argument("--populate", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.populate:
        print(json.dumps(populate(args.targets)))
        return

    _pg(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
    _pg(f"CREATE DATABASE {DB_NAME}")
    _flush_redis()
    server = None
    try:
        with tempfile.TemporaryDirectory(prefix="dabiao-bench-") as var_dir:
            env = _env(Path(var_dir), args.db_options)
            migrate(env)
            t0 = time.perf_counter()
            info = populate_in_child(env, args.targets)
            print(
                f"data: {info['targets']} targets, {info['mentions']} mentions "
                f"(built in {time.perf_counter() - t0:.1f} s)"
            )
            port = _free_port()
            server = start_gunicorn(
                port,
                env,
                workers=args.workers,
                worker_class=args.worker_class,
                threads=args.threads,
            )
            token = info["token"]
            _wait_until_up(port, token)
            baseline_paths = ["/api/regions/?search=%E8%8A%9C%E6%B9%96"]  # 芜湖: 1 row
            paths = target_paths(args.path, info["county"], info["indicator"])
            # Warm every worker (connections, imports, first queries) on the
            # uncached baseline, so "cold" below means an empty response cache,
            # not a worker's first request.
            run_load("warm-up", port, baseline_paths, token, args.clients, 2)
            # Cold: each URL of the mix once with an empty cache, then once more.
            cold = [_timed_get(port, path, token) for path in paths]
            warm = [_timed_get(port, path, token) for path in paths]
            run_load("warm-up", port, paths, token, args.clients, 3)
            baseline = run_load(
                "baseline /api/regions/ (1 row)",
                port,
                baseline_paths,
                token,
                args.clients,
                args.seconds,
                server.pid,
            )
            targets = run_load(
                f"{args.path} ({len(paths)} URLs)",
                port,
                paths,
                token,
                args.clients,
                args.seconds,
                server.pid,
            )
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        _pg(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        _flush_redis()

    threads = f" x {args.threads} threads" if args.worker_class == "gthread" else ""
    print(
        f"gunicorn {args.workers} workers{threads} ({args.worker_class}), "
        "DEBUG=false, PostgreSQL, Redis cache; "
        f"{args.clients} clients x {args.seconds:.0f} s, token auth"
    )
    print(
        f"one request at a time, {len(paths)} URLs of the mix: "
        f"cold (cache miss) median {_median(cold):.1f} ms, max {max(cold):.1f} ms; "
        f"warm median {_median(warm):.1f} ms, max {max(warm):.1f} ms"
    )
    for r in (baseline, targets):
        print(
            f"{r.label:34s} {len(r.latencies):7d} req {r.rps:8.1f} req/s  "
            f"p50 {r.pct(0.50):6.1f} ms  p95 {r.pct(0.95):6.1f} ms  "
            f"p99 {r.pct(0.99):6.1f} ms  errors {r.errors}  "
            f"body {r.body_bytes / 1024:.1f} KiB"
        )
    print(
        f"cache hits on {targets.label}: "
        f"{targets.hits / max(len(targets.latencies), 1):.1%}"
    )
    print("CPU per request (ms): gunicorn / PostgreSQL / load generator")
    for r in (baseline, targets):
        print(
            f"  {r.label:34s} {r.cpu_ms_per_request('app'):5.1f} / "
            f"{r.cpu_ms_per_request('db'):5.1f} / {r.cpu_ms_per_request('client'):5.1f}"
        )
    print(
        f"ratio targets/baseline: p50 x{targets.pct(0.5) / baseline.pct(0.5):.2f}, "
        f"p95 x{targets.pct(0.95) / baseline.pct(0.95):.2f}, "
        f"throughput x{targets.rps / baseline.rps:.2f}"
    )
    goal = "met" if targets.pct(0.95) < 100 else "NOT met"
    print(f"goal p95 < 100 ms on {args.path}: {goal}")


if __name__ == "__main__":
    main()
