"""Item 11: a pool process killed mid-task (kill -9, OOM) does not lose the task.

With acks_late alone, Celery acknowledges the message when the child dies and
records WorkerLostError; task_reject_on_worker_lost puts it back on the queue.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from config.celery import app as celery_app
from tests.integration.conftest import BASE_DIR, _database_url
from tests.integration.crash_tasks import die_once

pytestmark = pytest.mark.integration


@pytest.fixture
def prefork_worker(real_services, transactional_db, tmp_path) -> Iterator[None]:
    """A real prefork worker (the production pool), with the crash task loaded."""
    celery_app.control.purge()
    log_path = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
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
                "--pool=prefork",
                "--concurrency=1",
                "--loglevel=INFO",
                "--without-gossip",
                "--without-mingle",
                "-I",
                "tests.integration.crash_tasks",
                "-n",
                f"lost-{os.getpid()}@%h",
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 60
            while not celery_app.control.ping(timeout=1.0):
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"worker did not start:\n{log_path.read_text()}")
            yield
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def test_a_task_whose_pool_process_is_killed_runs_again(prefork_worker, tmp_path):
    marker = tmp_path / "killed-once"

    result = die_once.delay(str(marker))

    assert result.get(timeout=90).startswith("survived after")
    assert marker.exists()
