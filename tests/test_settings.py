"""Settings come from the environment with embedded defaults and fail loudly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _settings(**env: str) -> str:
    """Import config.settings in a fresh interpreter and print a few values."""
    code = (
        "import config.settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER,"
        " s.TIME_ZONE, s.LANGUAGE_CODE, s.CACHES['default']['BACKEND'])"
    )
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "DEBUG", "SECRET_KEY"}
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip() + result.stderr.strip()


def test_defaults_need_no_services():
    out = _settings(VAR_DIR="/tmp/dabiao-settings-test")

    assert out == (
        "django.db.backends.sqlite3 True Asia/Shanghai zh-hans "
        "django.core.cache.backends.locmem.LocMemCache"
    )


def test_database_and_redis_urls_switch_to_postgresql_and_a_real_broker():
    out = _settings(
        DATABASE_URL="postgres://u@db:5432/dabiao", REDIS_URL="redis://r:6379/0"
    )

    assert out == (
        "django.db.backends.postgresql False Asia/Shanghai zh-hans "
        "django.core.cache.backends.redis.RedisCache"
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "false"}, "SECRET_KEY must be set when DEBUG is off"),
        ({"DEBUG": "maybe"}, "DEBUG must be a boolean"),
        ({"DABIAO_TOLERANCE": "five"}, "DABIAO_TOLERANCE must be a number"),
    ],
)
def test_bad_settings_fail_with_a_clear_message(env, message):
    assert message in _settings(**env)
