"""Celery tasks for exports: claim the row, call one service, record the outcome."""

from __future__ import annotations

import logging

from celery import shared_task
from django.db import InterfaceError, OperationalError, transaction

from config.outages import OUTAGE_ERRORS
from reports.services import export_claim, export_fail, export_release, export_run

logger = logging.getLogger(__name__)

TRANSIENT_ERRORS = (OperationalError, InterfaceError)


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=3,
)
def run_export(self, export_id: int) -> None:
    """Run one export of any kind. Safe to deliver twice: only the worker that moves
    the row from pending to running does the work, and the file name is fixed per
    export."""
    if not export_claim(export_id=export_id):
        return
    try:
        export_run(export_id=export_id)
    except TRANSIENT_ERRORS as exc:
        # Without a broker (eager mode) there is no queue to retry through.
        if self.request.is_eager or self.request.retries >= self.max_retries:
            export_fail(
                export_id=export_id, error=f"数据库暂时不可用,已重试仍失败:{exc}"
            )
            return
        export_release(export_id=export_id)
        raise
    except Exception as exc:
        logger.exception("export %s failed", export_id)
        export_fail(export_id=export_id, error=_message(exc))


def _message(exc: Exception) -> str:
    messages = getattr(exc, "messages", None)
    return ";".join(messages) if messages else f"{type(exc).__name__}: {exc}"


QUEUE_DOWN_MESSAGE = "任务队列(Redis)暂时不可用,导出未能开始,请稍后重试。"


def export_queue(export_id: int, *, at_commit: bool = False) -> bool:
    """Queue ``run_export`` for a stored, committed export. With the broker
    unreachable the publish fails fast (CELERY_TASK_PUBLISH_RETRY_POLICY) and the
    export is marked failed with a Chinese reason, so no pending row waits for a
    task that was never sent. Returns False when that happened.

    The page and the API call it in autocommit, right after the row is stored, so
    the user hears at once; the admin (inside its transaction) passes
    ``at_commit=True`` and reads the outcome on the export's row.
    """
    outcome = {"queued": True}

    def publish() -> None:
        try:
            run_export.delay(export_id)
        except OUTAGE_ERRORS as exc:
            logger.warning(
                "export %s not queued, broker unreachable: %s", export_id, exc
            )
            export_fail(export_id=export_id, error=QUEUE_DOWN_MESSAGE)
            outcome["queued"] = False

    if at_commit:
        transaction.on_commit(publish)
    else:
        publish()
    return outcome["queued"]
