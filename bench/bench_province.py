"""Province scale on PostgreSQL (issue 16): ingest that stays flat, judgment in
bounded memory, an API that holds under writes.

1. Ingest: DOCS generated plans and reports (default 2,000) for 300 counties, about
   200 of them for one county, spread over the run, through document_ingest (the
   real engine). Prints docs/s, the mean time and queries per document of the first
   and last 200, and the ratio last/first (goal ≤ 1.3).
2. Judgment: 10k and 100k targets (one actual each, documents with 20 KB of text),
   each size in its own database; `targets_evaluate` over every target, then the
   nightly `targets_refresh`, each in a fresh process: seconds and peak RSS (goal at
   100k < 300 MB; time linear).
3. API: bench_api's 10,000 targets behind gunicorn (Redis cache, db 8), 8 clients on
   the target list and on the actuals list, read-only and with a writer entering 5
   actuals a second (POST /api/actuals/), alternating for --rounds rounds: p95 of
   each phase, and the write/read ratio per round and over all rounds (goal ≤ 1.5).

Databases dabiao_scale_bench* on 127.0.0.1:5432 (BENCH_PG_URL), dropped afterwards.
Without a reachable PostgreSQL it prints why and exits 0, except in CI (CI set),
where that is a failure.

    .venv/bin/python bench/bench_province.py [--docs 2000] [--sizes 10000,100000]
        [--seconds 10] [--rounds 3] [--skip ingest,judge,api]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import bench_api

BASE_DIR = Path(__file__).resolve().parent.parent
PG_BASE = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
DB_PREFIX = os.environ.get("BENCH_PROVINCE_DB_PREFIX", "dabiao_scale_bench")
REDIS_URL = os.environ.get("BENCH_PROVINCE_REDIS_URL", "redis://127.0.0.1:6379/8")
COUNTIES = 300
HEAVY_SHARE = 200  # documents of the one busy county (at the default 2,000)
WINDOW = 200  # first and last documents compared


def _reachable() -> str:
    try:
        bench_api._pg("SELECT 1")
    except Exception as exc:  # any failure to connect: skip with the reason
        return " ".join(f"{type(exc).__name__}: {exc}".split())
    return ""


def _env(db: str, var_dir: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=f"{PG_BASE}/{db}",
        VAR_DIR=var_dir,
        MEDIA_ROOT=str(Path(var_dir) / "media"),
        LOG_LEVEL="ERROR",
        PYTHONPATH=str(BASE_DIR),
        DEBUG="false",
        SECRET_KEY="bench-province-not-secret-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost",
    )
    return env


def _child(args: list[str], env: dict[str, str]) -> dict:
    """Run this script in a fresh process (its own peak RSS); its last line is JSON."""
    done = subprocess.run(
        [sys.executable, __file__, *args],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _fresh_db(name: str, env: dict[str, str]) -> None:
    bench_api._pg(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    bench_api._pg(f"CREATE DATABASE {name}")
    bench_api.migrate(env)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- 1. ingest ---------------------------------------------------------------------


def _documents(total: int) -> list[tuple[str, str, str, str]]:
    """(name, region, published, text): plans and reports, ~10% for county 1."""
    rng = random.Random(16)
    heavy = max(1, total * HEAVY_SHARE // 2000)
    owners = [1] * heavy + [2 + i % (COUNTIES - 1) for i in range(total - heavy)]
    rng.shuffle(owners)
    made = []
    seen: dict[int, int] = {}
    for i, county in enumerate(owners):
        n = seen[county] = seen.get(county, 0) + 1
        year = 2019 + n % 7
        region = f"省辖第{county}县"
        a, b, c = 300 + (i * 7) % 600, 10 + (i * 13) % 90, 50 + (i * 3) % 40
        if n % 2:
            kind = "plan"
            text = (
                f"{region}科技局{year}年工作要点(第{n}号)\n"
                f"{year}年,全县高新技术企业总数达到{a}家以上,"
                f"技术合同成交额达到{b}亿元,科技型中小企业达到{c * 10}家。\n"
                f"力争全县高新技术企业总数达到{a + 20}家。\n"
            )
        else:
            kind = "report"
            text = (
                f"{region}科技局{year}年工作总结(第{n}号)\n(一)完成情况\n"
                f"{year}年,全县高新技术企业总数达到{a}家,"
                f"技术合同成交额达到{b}亿元,科技型中小企业达到{c * 10}家。"
                "以上指标均完成年度目标任务。\n"
            )
        published = f"{year + (kind == 'report')}-{1 + n % 12:02d}-15"
        made.append((f"{kind}-{i}.txt", region, published, text * 3))
    return made


def ingest_child(total: int) -> dict:
    import django

    django.setup()
    import datetime as dt

    from django.db import connection

    from targets.catalog import catalog_load
    from targets.services.documents import document_ingest

    catalog_load()
    counter = {"n": 0}

    def count(execute, sql, params, many, context):
        counter["n"] += 1
        return execute(sql, params, many, context)

    times, queries, failed = [], [], 0
    started = time.perf_counter()
    with connection.execute_wrapper(count):
        for name, region, published, text in _documents(total):
            counter["n"] = 0
            t0 = time.perf_counter()
            result = document_ingest(
                data=text.encode(),
                name=name,
                region=region,
                published=dt.date.fromisoformat(published),
            )
            times.append(time.perf_counter() - t0)
            queries.append(counter["n"])
            failed += result.failed
    elapsed = time.perf_counter() - started
    from targets.models import Target

    return {
        "docs": total,
        "seconds": elapsed,
        "times": times,
        "queries": queries,
        "failed": failed,
        "targets": Target.objects.count(),
        "peak_mb": _peak_mb(),
    }


def run_ingest(total: int) -> dict:
    db = f"{DB_PREFIX}_ingest"
    with tempfile.TemporaryDirectory(prefix="dabiao-province-") as var_dir:
        env = _env(db, var_dir)
        _fresh_db(db, env)
        try:
            got = _child(["--ingest-child", str(total)], env)
        finally:
            bench_api._pg(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
    window = min(WINDOW, total // 2)
    t, q = got["times"], got["queries"]
    first_t, last_t = sum(t[:window]) / window, sum(t[-window:]) / window
    first_q, last_q = sum(q[:window]) / window, sum(q[-window:]) / window
    ratio = last_t / first_t
    print(
        f"ingest: {total} documents over {COUNTIES} counties "
        f"(~{max(1, total * HEAVY_SHARE // 2000)} in one), {got['targets']} targets, "
        f"{got['failed']} failed; {total / got['seconds']:.2f} docs/s"
    )
    print(
        f"  first {window}: {first_t * 1000:.0f} ms, {first_q:.0f} queries per document"
    )
    print(
        f"  last {window}:  {last_t * 1000:.0f} ms, {last_q:.0f} queries per document"
    )
    print(
        f"  ratio last/first: time x{ratio:.2f}, queries x{last_q / first_q:.2f} "
        f"(goal ≤ 1.3: {'met' if ratio <= 1.3 else 'NOT met'})"
    )
    return {"ratio": ratio, **got}


# --- 2. judgment -------------------------------------------------------------------


def populate_child(n: int) -> dict:
    import django

    django.setup()
    import datetime as dt
    from decimal import Decimal

    from django.db import connection

    from targets.catalog import catalog_load
    from targets.models import Actual, Document, Indicator, Region, RegionLevel, Target

    rng = random.Random(100)
    catalog_load()
    indicators = list(Indicator.objects.filter(in_catalog=True))
    years = list(range(2019, 2026))
    per_region = len(indicators) * len(years)
    province = Region.objects.create(name="某省", level=RegionLevel.CITY)
    regions = Region.objects.bulk_create(
        Region(name=f"省辖第{i}县", level=RegionLevel.COUNTY, parent=province)
        for i in range(n // per_region + 1)
    )
    text = "全县高新技术企业总数达到750家以上,技术合同成交额达到30亿元。" * 640
    documents = Document.objects.bulk_create(
        Document(
            name=f"doc-{r.pk}.txt",
            sha256=f"{r.pk:064x}",
            region=r,
            year=2024,
            kind="both",
            text=text,
            status="done",
            published=dt.date(2025, 1, 20),
        )
        for r in regions
    )
    keys = [
        (r, d, i, y)
        for r, d in zip(regions, documents, strict=True)
        for i in indicators
        for y in years
    ][:n]
    for start in range(0, len(keys), 10_000):
        chunk = keys[start : start + 10_000]
        Target.objects.bulk_create(
            Target(
                region=r,
                indicator=i,
                measure="level",
                period_start=dt.date(y, 1, 1),
                period_end=dt.date(y, 12, 31),
                comparator=">=",
                value=Decimal(100),
                unit=i.unit,
                norm_value=Decimal(100),
                norm_unit=i.norm_unit,
                plan=d,
            )
            for r, d, i, y in chunk
        )
        Actual.objects.bulk_create(
            Actual(
                region=r,
                indicator=i,
                measure="level",
                period_start=dt.date(y, 1, 1),
                period_end=dt.date(y, 12, 31),
                value=Decimal(rng.randint(60, 140)),
                unit=i.unit,
                norm_value=Decimal(rng.randint(60, 140)),
                norm_unit=i.norm_unit,
                document=d,
            )
            for r, d, i, y in chunk
        )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return {"targets": Target.objects.count(), "actuals": Actual.objects.count()}


def judge_child(job: str) -> dict:
    import django

    django.setup()
    import datetime as dt

    from targets.services.flags import targets_refresh
    from targets.services.judging import targets_evaluate

    today = dt.date(2025, 3, 1)
    started = time.perf_counter()
    if job == "evaluate":
        targets_evaluate(today=today)
    else:
        targets_refresh(today=today)
    return {"seconds": time.perf_counter() - started, "peak_mb": _peak_mb()}


def run_judge(sizes: list[int]) -> list[dict]:
    rows = []
    for n in sizes:
        db = f"{DB_PREFIX}_judge"
        with tempfile.TemporaryDirectory(prefix="dabiao-province-") as var_dir:
            env = _env(db, var_dir)
            _fresh_db(db, env)
            try:
                made = _child(["--populate-child", str(n)], env)
                evaluate = _child(["--judge-child", "evaluate"], env)
                nightly = _child(["--judge-child", "refresh"], env)
            finally:
                bench_api._pg(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
        rows.append({"n": made["targets"], "evaluate": evaluate, "nightly": nightly})
        print(
            f"judgment at {made['targets']:,} targets ({made['actuals']:,} actuals): "
            f"evaluate {evaluate['seconds']:.1f} s, peak {evaluate['peak_mb']:.0f} MB; "
            f"nightly refresh {nightly['seconds']:.1f} s, "
            f"peak {nightly['peak_mb']:.0f} MB"
        )
    if len(rows) >= 2:
        small, big = rows[0], rows[-1]
        scale = big["n"] / small["n"]
        for job in ("evaluate", "nightly"):
            growth = big[job]["seconds"] / small[job]["seconds"]
            print(
                f"  {job}: x{scale:.0f} targets took x{growth:.1f} the time "
                f"(per target {1e6 * small[job]['seconds'] / small['n']:.0f} → "
                f"{1e6 * big[job]['seconds'] / big['n']:.0f} µs)"
            )
        peak = max(big["evaluate"]["peak_mb"], big["nightly"]["peak_mb"])
        goal = "met" if peak < 300 else "NOT met"
        print(f"  peak at {big['n']:,}: {peak:.0f} MB (goal < 300 MB: {goal})")
    return rows


# --- 3. API under writes -----------------------------------------------------------


def actual_paths(county: str, indicator: str) -> list[str]:
    base = "/api/actuals/"
    return [
        base,
        f"{base}?page=2",
        f"{base}?page=3",
        f"{base}?year=2024",
        f"{base}?region={county}",
        f"{base}?region={county}&year=2024",
        f"{base}?indicator={indicator}",
        f"{base}?ordering=-period_end",
        f"{base}?search=%E7%AC%AC3%E5%8E%BF",
    ]


def writer_setup_child() -> dict:
    import django

    django.setup()
    from django.contrib.auth.models import User
    from rest_framework.authtoken.models import Token

    from targets.models import Indicator, Region

    user = User.objects.create_superuser("bench-writer", password=None)
    return {
        "token": Token.objects.create(user=user).key,
        "regions": list(
            Region.objects.filter(level="county").values_list("pk", flat=True)
        ),
        "indicators": list(
            Indicator.objects.filter(in_catalog=True, norm_unit="count").values_list(
                "pk", "unit"
            )
        ),
    }


def _writer(port: int, token: str, setup: dict, rate: float, stop, out: list) -> None:
    import http.client

    rng = random.Random(5)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {
        "Authorization": f"Token {token}",
        "Content-Type": "application/json",
        "Accept": "application/json",
    }
    next_at = time.perf_counter()
    while not stop.is_set():
        indicator, unit = rng.choice(setup["indicators"])
        body = json.dumps(
            {
                "region": rng.choice(setup["regions"]),
                "indicator": indicator,
                "measure": "level",
                "period": str(rng.choice(range(2018, 2027))),
                "value": str(rng.randint(10, 900)),
                "unit": unit,
            }
        )
        try:
            conn.request("POST", "/api/actuals/", body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            out.append(response.status)
        except (OSError, http.client.HTTPException):
            out.append(0)
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        next_at += 1 / rate
        time.sleep(max(0.0, next_at - time.perf_counter()))
    conn.close()


def _own_writes_seen(
    port: int, setup: dict, paths: list[str], token: str, clients: int
) -> tuple[int, int]:
    """While readers keep the actuals pages cached (and served stale under the
    writes), the writer enters a figure and at once reads the unfiltered list and
    its region's list, newest first: how many of those reads showed the write."""
    import http.client

    load = threading.Thread(
        target=bench_api.run_load,
        args=("own writes", port, paths, token, clients, 4),
    )
    load.start()
    time.sleep(1)
    rng = random.Random(11)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {
        "Authorization": f"Token {setup['token']}",
        "Content-Type": "application/json",
        "Accept": "application/json",
    }
    seen = tries = 0
    try:
        for _ in range(10):
            region = rng.choice(setup["regions"])
            indicator, unit = rng.choice(setup["indicators"])
            body = {
                "region": region,
                "indicator": indicator,
                "measure": "level",
                "period": str(rng.choice(range(2018, 2027))),
                "value": str(rng.randint(10, 900)),
                "unit": unit,
            }
            conn.request("POST", "/api/actuals/", json.dumps(body), headers)
            made = json.loads(conn.getresponse().read())
            for path in (
                "/api/actuals/?ordering=-created_at",
                f"/api/actuals/?region={region}&ordering=-created_at",
            ):
                conn.request("GET", path, headers=headers)
                rows = json.loads(conn.getresponse().read())["results"]
                tries += 1
                seen += bool(rows) and rows[0]["id"] == made["id"]
            time.sleep(0.2)
    finally:
        conn.close()
        load.join()
    return seen, tries


def run_api(seconds: float, clients: int, n_targets: int, n_rounds: int = 3) -> dict:
    bench_api.DB_NAME = f"{DB_PREFIX}_api"
    bench_api.REDIS_URL = REDIS_URL
    bench_api.PG_BASE = PG_BASE
    db = bench_api.DB_NAME
    bench_api._pg(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
    bench_api._pg(f"CREATE DATABASE {db}")
    bench_api._flush_redis()
    server = None
    results = {}
    try:
        with tempfile.TemporaryDirectory(prefix="dabiao-province-") as var_dir:
            env = bench_api._env(Path(var_dir))
            # The writer enters 5 figures a second, above the default 2/s budget.
            env["API_WRITE_THROTTLE"] = "100000/min"
            bench_api.migrate(env)
            info = bench_api.populate_in_child(env, n_targets)
            writer = _child(["--writer-setup-child"], env)
            port = bench_api._free_port()
            server = bench_api.start_gunicorn(
                port,
                env,
                workers=int(os.environ.get("WEB_WORKERS", "5")),
                threads=int(os.environ.get("WEB_THREADS", "1")),
            )
            token = info["token"]
            bench_api._wait_until_up(port, token)
            mixes = {
                "targets": bench_api.target_paths(
                    "/api/targets/", info["county"], info["indicator"]
                ),
                "actuals": actual_paths(info["county"], info["indicator"]),
            }
            bench_api.run_load("warm-up", port, mixes["targets"], token, clients, 3)
            bench_api.run_load("warm-up", port, mixes["actuals"], token, clients, 3)
            # Read-only and write phases alternate, so a neighbour's load on the
            # shared machine lands on both sides of the ratio rather than one.
            for name, paths in mixes.items():
                rounds = []
                for _ in range(n_rounds):
                    load = os.getloadavg()[0]
                    read = bench_api.run_load(
                        f"{name} read-only",
                        port,
                        paths,
                        token,
                        clients,
                        seconds,
                        server.pid,
                    )
                    stop, statuses = threading.Event(), []
                    thread = threading.Thread(
                        target=_writer,
                        args=(port, writer["token"], writer, 5.0, stop, statuses),
                    )
                    thread.start()
                    try:
                        written = bench_api.run_load(
                            f"{name} + 5 writes/s",
                            port,
                            paths,
                            token,
                            clients,
                            seconds,
                            server.pid,
                        )
                    finally:
                        stop.set()
                        thread.join()
                    rounds.append((read, written, statuses, load))
                results[name] = rounds
            own = _own_writes_seen(port, writer, mixes["actuals"], token, clients)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        bench_api._pg(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
        bench_api._flush_redis()
    print(
        f"API: {n_targets:,} targets, gunicorn {os.environ.get('WEB_WORKERS', '5')} "
        f"workers x {os.environ.get('WEB_THREADS', '1')} threads, Redis cache, "
        f"{clients} clients, {n_rounds} rounds of "
        f"{seconds:.0f} s read-only then {seconds:.0f} s with writes"
    )
    print(
        f"  read-your-writes under load: {own[0]}/{own[1]} of the writer's reads "
        "right after its write showed it"
    )
    summary = {}
    for name, rounds in results.items():
        for turn, (read, written, statuses, load) in enumerate(rounds, 1):
            ok = sum(200 <= s < 300 for s in statuses)
            print(f"  {name} round {turn} (load {load:.1f} at its start):")
            for r in (read, written):
                print(
                    f"    {r.label:24s} {r.rps:7.1f} req/s  p50 {r.pct(0.5):6.1f} ms  "
                    f"p95 {r.pct(0.95):6.1f} ms  p99 {r.pct(0.99):6.1f} ms  "
                    f"hits {r.hits / max(len(r.latencies), 1):.0%}  errors {r.errors}  "
                    f"CPU/req app {r.cpu_ms_per_request('app'):.1f} "
                    f"db {r.cpu_ms_per_request('db'):.1f} ms"
                )
            print(
                f"    {ok}/{len(statuses)} writes accepted "
                f"({len(statuses) / seconds:.1f}/s); p95 ratio "
                f"x{written.pct(0.95) / read.pct(0.95):.2f}"
            )
        read = bench_api.Result(f"{name} read-only", "")
        written = bench_api.Result(f"{name} + 5 writes/s", "")
        for r, w, _, _ in rounds:
            read.latencies += r.latencies
            written.latencies += w.latencies
        ratio = written.pct(0.95) / read.pct(0.95)
        summary[name] = ratio
        print(
            f"  {name}, all rounds: p95 read-only {read.pct(0.95):.1f} ms, with writes "
            f"{written.pct(0.95):.1f} ms: x{ratio:.2f} "
            f"(goal ≤ 1.5: {'met' if ratio <= 1.5 else 'NOT met'})"
        )
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--api-targets", type=int, default=10_000)
    parser.add_argument(
        "--rounds", type=int, default=3, help="API: read-only/write rounds per list"
    )
    parser.add_argument("--skip", default="", help="ingest,judge,api")
    parser.add_argument("--ingest-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--populate-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--judge-child", help=argparse.SUPPRESS)
    parser.add_argument(
        "--writer-setup-child", action="store_true", help=argparse.SUPPRESS
    )
    args = parser.parse_args()

    if args.ingest_child:
        got = ingest_child(args.ingest_child)
    elif args.populate_child:
        got = populate_child(args.populate_child)
    elif args.judge_child:
        got = judge_child(args.judge_child)
    elif args.writer_setup_child:
        got = writer_setup_child()
    else:
        got = None
    if got is not None:
        print(json.dumps(got))
        return

    why = _reachable()
    if why:
        if os.environ.get("CI"):
            raise SystemExit(f"province bench: PostgreSQL unreachable in CI: {why}")
        print(f"province bench skipped: no PostgreSQL at {PG_BASE} ({why})")
        return
    skip = set(filter(None, args.skip.split(",")))
    started = time.perf_counter()
    if "ingest" not in skip:
        run_ingest(args.docs)
    if "judge" not in skip:
        run_judge([int(s) for s in args.sizes.split(",") if s])
    if "api" not in skip:
        run_api(args.seconds, args.clients, args.api_targets, args.rounds)
    print(f"province bench: {time.perf_counter() - started:.0f} s in all")


if __name__ == "__main__":
    main()
