"""Celery tasks: take ids, re-fetch, call one service. All are idempotent (a document
is claimed by its status; judging and flagging converge), so they ack late and retry
transient database errors with backoff."""

from __future__ import annotations

from typing import Any

from celery import shared_task
from django.db import InterfaceError, OperationalError

from targets.models import Document, Target
from targets.services.documents import document_process, documents_reap_stale
from targets.services.flags import flags_update, targets_refresh
from targets.services.judging import targets_evaluate
from targets.services.notify import (
    flags_digest_send,
    flags_robot_text,
    webhook_deliver,
    webhook_enqueue,
)
from targets.services.supervision import flags_overdue_mark

RETRY = {
    "acks_late": True,
    "autoretry_for": (OperationalError, InterfaceError),
    "retry_backoff": True,
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": 5,
}


@shared_task(**RETRY)
def ingest_document(document_id: int) -> dict[str, Any] | None:
    """Extract, merge, judge and flag one stored document (failure is kept on it)."""
    document = Document.objects.filter(pk=document_id).first()
    if document is None:
        return None
    return document_process(document=document).as_dict()


@shared_task(**RETRY)
def evaluate_targets(target_ids: list[int] | None = None) -> int:
    """Re-judge the given targets (all when None)."""
    targets = None if target_ids is None else Target.objects.filter(pk__in=target_ids)
    return targets_evaluate(targets=targets)


@shared_task(**RETRY)
def flag_misses() -> dict[str, int]:
    """Open flags for missed / at-risk / overdue targets; resolve those that cleared."""
    result = flags_update()
    return {"opened": result.opened, "resolved": result.resolved, "kept": result.kept}


@shared_task(**RETRY)
def evaluate_and_flag_all() -> dict[str, int]:
    """The nightly job (see CELERY_BEAT_SCHEDULE): re-judge everything, then flag."""
    result = targets_refresh()
    return {"opened": result.opened, "resolved": result.resolved, "kept": result.kept}


@shared_task(**RETRY)
def reap_stale_documents() -> list[int]:
    """Every few minutes (CELERY_BEAT_SCHEDULE): documents a killed worker left
    "processing" past the time limit go back to "pending" and are queued again."""
    reaped = documents_reap_stale()
    for document_id in reaped:
        ingest_document.delay(document_id)
    return reaped


@shared_task
def send_flags_digest() -> dict[str, int]:
    """Daily (see CELERY_BEAT_SCHEDULE): the 预警 digest email, and the group robot."""
    flags_overdue_mark()
    sent = flags_digest_send()
    delivery = webhook_enqueue(text=flags_robot_text())
    if delivery is not None:
        deliver_webhook.delay_on_commit(delivery.pk)
    return {"emails": sent, "webhook": delivery.pk if delivery else 0}


@shared_task
def deliver_webhook(delivery_id: int) -> str:
    """POST one group-robot message; retries and the outcome are on the row."""
    return webhook_deliver(delivery_id=delivery_id).status
