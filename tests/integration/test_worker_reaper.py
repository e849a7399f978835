"""Issue 14, item 11: a document a killed ingest left 处理中 is returned to 待处理 by
the beat task on a real worker, queued again over Redis and processed."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from targets.catalog import catalog_load
from targets.models import Document, DocumentStatus, Target
from targets.services.documents import document_create
from targets.tasks import reap_stale_documents

pytestmark = pytest.mark.integration

SEED = Path(settings.BASE_DIR) / "seeds" / "001_6e8e892f18df78d3.txt"


def test_the_reaper_requeues_a_stale_processing_document(celery_worker_process):
    catalog_load()
    document, _ = document_create(data=SEED.read_bytes(), name=SEED.name)
    # As a worker killed mid-ingest leaves it: claimed long ago, never finished.
    long_ago = timezone.now() - dt.timedelta(
        seconds=settings.CELERY_TASK_TIME_LIMIT + 60
    )
    Document.objects.filter(pk=document.pk).update(
        status=DocumentStatus.PROCESSING, processed_at=long_ago
    )

    reaped = reap_stale_documents.delay().get(timeout=60)

    assert reaped == [document.pk]
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        document.refresh_from_db()
        if document.status not in (DocumentStatus.PENDING, DocumentStatus.PROCESSING):
            break
        time.sleep(0.5)
    assert document.status == DocumentStatus.DONE
    assert Target.objects.filter(mentions__document=document).exists()
