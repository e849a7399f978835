"""Celery tasks called directly: they take ids, re-fetch and are idempotent."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import InterfaceError, OperationalError
from django.utils import timezone
from freezegun import freeze_time

from targets import tasks
from targets.models import Actual, DocumentStatus, Flag, Target
from targets.services import documents


@pytest.fixture(autouse=True)
def _today():
    with freeze_time("2025-02-01"):
        yield


@pytest.mark.parametrize(
    "task",
    [
        tasks.ingest_document,
        tasks.evaluate_targets,
        tasks.flag_misses,
        tasks.evaluate_and_flag_all,
        tasks.reap_stale_documents,
    ],
)
def test_every_task_acks_late_and_retries_transient_database_errors(task):
    assert task.acks_late is True
    assert set(task.autoretry_for) == {OperationalError, InterfaceError}
    assert task.retry_backoff is True
    assert task.max_retries == 5


def test_ingest_document_processes_a_stored_document_once(engine, make_record):
    engine.returns(
        "report.txt",
        [make_record(), make_record(kind="actual", comparator="=", value="700")],
    )
    document, _ = documents.document_create(data="总结".encode(), name="report.txt")

    first = tasks.ingest_document(document.pk)
    second = tasks.ingest_document(document.pk)

    assert (first["targets_created"], first["actuals_created"]) == (1, 1)
    assert first["flags_opened"] == 1
    assert second["duplicate"] is True
    assert engine.calls == ["report.txt"]
    assert Target.objects.get().status == "missed"
    assert Flag.objects.get().kind == "missed"


def test_ingest_document_of_a_deleted_row_does_nothing(db):
    assert tasks.ingest_document(12345) is None


def test_a_transient_error_marks_the_document_failed_and_is_raised_for_retry(
    engine, make_record, monkeypatch
):
    document, _ = documents.document_create(data="总结".encode(), name="report.txt")
    engine.returns("report.txt", [make_record()])

    def down(_document):
        raise OperationalError("server closed the connection")

    monkeypatch.setattr(documents, "document_extract", down)
    with pytest.raises(OperationalError):
        tasks.ingest_document(document.pk)
    document.refresh_from_db()
    assert document.status == DocumentStatus.FAILED
    assert "server closed the connection" in document.error

    # The retry finds the row failed, claims it again and succeeds.
    monkeypatch.setattr(documents, "document_extract", engine.extract)
    assert tasks.ingest_document(document.pk)["targets_created"] == 1
    document.refresh_from_db()
    assert (document.status, document.error) == (DocumentStatus.DONE, "")


def test_evaluate_targets_judges_only_the_given_targets(
    make_target, high_tech_target, county
):
    other = make_target(region=county, indicator=high_tech_target.indicator, value="40")

    assert tasks.evaluate_targets([high_tech_target.pk]) == 1
    other.refresh_from_db()
    high_tech_target.refresh_from_db()
    assert high_tech_target.evaluated_at is not None
    assert other.evaluated_at is None

    assert tasks.evaluate_targets() == 2
    other.refresh_from_db()
    assert other.evaluated_at is not None


def test_flag_misses_twice_adds_no_flag(high_tech_target):
    Actual.objects.create(
        region=high_tech_target.region,
        indicator=high_tech_target.indicator,
        measure="level",
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 12, 31),
        value=Decimal("700"),
        norm_value=Decimal("700"),
        norm_unit="count",
        source="manual",
    )
    tasks.evaluate_targets()

    assert tasks.flag_misses() == {"opened": 1, "resolved": 0, "kept": 0}
    assert tasks.flag_misses() == {"opened": 0, "resolved": 0, "kept": 1}
    assert Flag.objects.count() == 1


def test_the_nightly_job_judges_and_flags_everything(high_tech_target):
    with freeze_time("2025-06-01"):
        assert tasks.evaluate_and_flag_all() == {"opened": 1, "resolved": 0, "kept": 0}

    assert Flag.objects.get().kind == "no_data"
    assert Target.objects.get().status == "no_data"


def test_the_nightly_job_is_on_the_beat_schedule(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["nightly-evaluate-and-flag"]

    assert entry["task"] == tasks.evaluate_and_flag_all.name


def test_a_document_left_processing_by_a_dead_worker_is_claimed_after_the_limit(
    engine, make_record
):
    engine.returns("report.txt", [make_record()])
    document, _ = documents.document_create(data="总结".encode(), name="report.txt")
    with freeze_time("2025-02-01 08:00:00"):
        document.__class__.objects.filter(pk=document.pk).update(
            status=DocumentStatus.PROCESSING, processed_at=timezone.now()
        )

    with freeze_time("2025-02-01 08:10:00"):
        assert tasks.ingest_document(document.pk)["duplicate"] is True
    with freeze_time("2025-02-01 08:31:00"):
        assert tasks.ingest_document(document.pk)["targets_created"] == 1

    document.refresh_from_db()
    assert document.status == DocumentStatus.DONE


def test_the_reaper_requeues_only_documents_stale_past_the_time_limit(
    engine, make_record, monkeypatch
):
    """Issue 14, item 11: a killed ingest's document does not stay 处理中 for good."""
    engine.returns("report.txt", [make_record()])
    engine.returns("fresh.txt", [make_record()])
    stale, _ = documents.document_create(data="总结".encode(), name="report.txt")
    fresh, _ = documents.document_create(data="另一份".encode(), name="fresh.txt")
    Document = stale.__class__
    with freeze_time("2025-02-01 08:00:00"):
        Document.objects.filter(pk=stale.pk).update(
            status=DocumentStatus.PROCESSING, processed_at=timezone.now()
        )
    with freeze_time("2025-02-01 08:30:00"):
        Document.objects.filter(pk=fresh.pk).update(
            status=DocumentStatus.PROCESSING, processed_at=timezone.now()
        )
    queued: list[int] = []
    monkeypatch.setattr(tasks.ingest_document, "delay", queued.append)

    with freeze_time("2025-02-01 08:35:00"):
        assert tasks.reap_stale_documents() == [stale.pk]

    assert queued == [stale.pk]
    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert (stale.status, fresh.status) == (
        DocumentStatus.PENDING,
        DocumentStatus.PROCESSING,
    )
    # Queued again, it is processed like any pending document.
    assert tasks.ingest_document(stale.pk)["targets_created"] == 1


def test_the_reaper_is_on_the_beat_schedule(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["reap-stale-documents"]

    assert entry["task"] == tasks.reap_stale_documents.name
