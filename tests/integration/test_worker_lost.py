"""Item 11: a pool process killed mid-task (kill -9, OOM) does not lose the task.

With acks_late alone, Celery acknowledges the message when the child dies and
records WorkerLostError; task_reject_on_worker_lost puts it back on the queue.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.integration.conftest import running_worker
from tests.integration.crash_tasks import die_once

pytestmark = pytest.mark.integration


@pytest.fixture
def prefork_worker(real_services, transactional_db, tmp_path) -> Iterator[None]:
    """A real prefork worker (the production pool), with the crash task loaded."""
    with running_worker(
        tmp_path / "worker.log",
        hostname=f"lost-{os.getpid()}@%h",
        worker_args=(
            "--pool=prefork",
            "--concurrency=1",
            "-I",
            "tests.integration.crash_tasks",
        ),
    ):
        yield


def test_a_task_whose_pool_process_is_killed_runs_again(prefork_worker, tmp_path):
    marker = tmp_path / "killed-once"

    result = die_once.delay(str(marker))

    assert result.get(timeout=90).startswith("survived after")
    assert marker.exists()
