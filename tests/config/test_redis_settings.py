"""Items 11 and 12: Celery redelivers work a killed worker held, and every Redis
connection (cache, broker, results) gives up in seconds, not minutes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, django
django.setup()
from django.conf import settings as s
from config.celery import app
c = app.conf
print(json.dumps({
    "cache": s.CACHES["default"].get("OPTIONS", {}),
    "reject_on_worker_lost": c.task_reject_on_worker_lost,
    "time_limit": c.task_time_limit,
    "soft_time_limit": c.task_soft_time_limit,
    "transport": c.broker_transport_options,
    "broker_connection_timeout": c.broker_connection_timeout,
    "redis_socket_connect_timeout": c.redis_socket_connect_timeout,
    "redis_socket_timeout": c.redis_socket_timeout,
    "publish_retry_policy": c.task_publish_retry_policy,
}))
"""


@pytest.fixture(scope="module")
def conf() -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "DEBUG", "SECRET_KEY"}
    }
    env.update(
        REDIS_URL="redis://127.0.0.1:1/0",
        DJANGO_SETTINGS_MODULE="config.settings",
        VAR_DIR="/tmp/dabiao-settings-test",
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_killed_worker_puts_its_task_back(conf):
    assert conf["reject_on_worker_lost"] is True


def test_redis_redelivers_only_after_the_task_time_limit(conf):
    assert 0 < conf["soft_time_limit"] < conf["time_limit"]
    assert conf["transport"]["visibility_timeout"] > conf["time_limit"]


def test_every_redis_connection_fails_within_seconds(conf):
    assert 0 < conf["cache"]["socket_connect_timeout"] <= 5
    assert 0 < conf["cache"]["socket_timeout"] <= 10
    assert 0 < conf["transport"]["socket_connect_timeout"] <= 5
    assert 0 < conf["transport"]["socket_timeout"] <= 10
    assert 0 < conf["broker_connection_timeout"] <= 5
    assert 0 < conf["redis_socket_connect_timeout"] <= 5
    assert 0 < conf["redis_socket_timeout"] <= 10
    policy = conf["publish_retry_policy"]
    # Worst case of publishing to a dead broker: (retries + 1) connects + waits.
    worst = (policy["max_retries"] + 1) * conf["transport"][
        "socket_connect_timeout"
    ] + policy["max_retries"] * policy["interval_max"]
    assert worst <= 6
