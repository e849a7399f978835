"""A task that kills its own pool process the first time it runs (item 11).

Loaded into the test worker with ``-I tests.integration.crash_tasks``.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

from celery import shared_task


@shared_task(name="tests.die_once", acks_late=True)
def die_once(marker: str) -> str:
    path = Path(marker)
    if not path.exists():
        path.write_text(str(os.getpid()))
        os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer or kill -9 would
    return f"survived after {path.read_text()} was killed"
