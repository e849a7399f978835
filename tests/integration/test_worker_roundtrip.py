from __future__ import annotations

import pytest

from config.celery import ping

pytestmark = pytest.mark.integration


def test_a_task_round_trips_through_redis_to_a_real_worker(celery_worker_process):
    result = ping.delay()

    assert result.get(timeout=30) == "pong"
