"""Integration tests run against real services: PostgreSQL, Redis and a Celery worker.

`.ci/run` sets DATABASE_URL (PostgreSQL) and REDIS_URL before pytest starts, so the
settings module already points Celery at Redis. Outside CI a missing service skips
these tests; with CI=true it fails them, because CI must prove the real path.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from config.celery import app as celery_app

BASE_DIR = Path(settings.BASE_DIR)
IN_CI = os.environ.get("CI", "").lower() == "true"


def _missing(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"CI requires real services: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def real_services() -> None:
    """PostgreSQL as the database and Redis as the broker, or skip/fail."""
    if connection.vendor != "postgresql":
        _missing("DATABASE_URL is not a PostgreSQL URL")
    if not settings.REDIS_URL:
        _missing("REDIS_URL is not set")
    import redis

    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_timeout=3).ping()
    except redis.RedisError as exc:
        _missing(f"Redis at {settings.REDIS_URL} does not answer: {exc}")


def _database_url() -> str:
    db = connection.settings_dict
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"


@contextmanager
def running_worker(
    log_path: Path, *, hostname: str, worker_args: tuple[str, ...]
) -> Iterator[None]:
    """A real `celery worker` subprocess on the test database and this MEDIA_ROOT,
    started with `worker_args` (pool and extra options) and stopped on exit."""
    celery_app.control.purge()
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "REDIS_URL": settings.REDIS_URL,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "DB_CONN_MAX_AGE": "0",
    }
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                *worker_args,
                "--loglevel=INFO",
                "--without-gossip",
                "--without-mingle",
                "-n",
                hostname,
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                if proc.poll() is not None:
                    pytest.fail(f"worker exited early:\n{log_path.read_text()}")
                if celery_app.control.ping(timeout=1.0):
                    break
            else:
                pytest.fail(
                    f"worker did not answer within 60 s:\n{log_path.read_text()}"
                )
            yield
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.fixture
def celery_worker_process(real_services, transactional_db, tmp_path) -> Iterator[None]:
    """A real solo-pool worker on the test database and this MEDIA_ROOT.

    Tests using it must commit their data (transactional_db) so the worker sees it.
    """
    with running_worker(
        tmp_path / "worker.log",
        hostname=f"test-{os.getpid()}@%h",
        worker_args=("--pool=solo",),
    ):
        yield
