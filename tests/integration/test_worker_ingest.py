"""A real Celery worker over Redis ingests a document and flags a missed target."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from targets.catalog import catalog_load
from targets.models import Document, DocumentStatus, Flag, Target
from targets.services.documents import document_create
from targets.tasks import flag_misses, ingest_document

pytestmark = pytest.mark.integration

SEED = Path(settings.BASE_DIR) / "seeds" / "001_6e8e892f18df78d3.txt"


def test_a_worker_ingests_a_document_and_flags_the_missed_target(
    celery_worker_process,
):
    catalog_load()
    document, created = document_create(data=SEED.read_bytes(), name=SEED.name)
    assert created

    summary = ingest_document.delay(document.pk).get(timeout=120)

    document.refresh_from_db()
    assert document.status == DocumentStatus.DONE
    assert summary["document_id"] == document.pk
    assert summary["targets_created"] == Target.objects.count() > 0
    high_tech = Target.objects.get(
        region__name="XX市", indicator__name="高新技术企业数", measure="level"
    )
    assert (high_tech.status, high_tech.actual_norm_value) == ("missed", 224)
    flag = Flag.objects.get(target=high_tech, kind="missed")
    assert flag.is_open
    assert "224" in flag.reason

    # Delivered again (acks_late), the task changes nothing.
    flags = Flag.objects.count()
    again = ingest_document.delay(document.pk).get(timeout=60)
    assert again["duplicate"] is True
    assert flag_misses.delay().get(timeout=60)["opened"] == 0
    assert Flag.objects.count() == flags
    assert Document.objects.count() == 1
