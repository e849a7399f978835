"""Issue 14, item 12: with the broker unreachable, asking for a scorecard fails at
once with a Chinese message and leaves no pending Export that nothing will run."""

from __future__ import annotations

import pytest
from django.urls import reverse

from config.celery import app
from reports.models import Export, ExportStatus
from reports.tasks import QUEUE_DOWN_MESSAGE

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker_down():
    """A real publish to a Redis nobody listens on (port 1 refuses at once)."""
    saved = (app.conf.task_always_eager, app.conf.broker_url)
    app.conf.task_always_eager = False
    app.conf.broker_url = "redis://127.0.0.1:1/0"
    app._pool = None
    app.__dict__.pop("amqp", None)
    yield
    app.conf.task_always_eager, app.conf.broker_url = saved
    app._pool = None


@pytest.fixture
def signed_in(client, reader):
    client.force_login(reader)
    return client


def _statuses() -> list[str]:
    return list(Export.objects.values_list("status", flat=True))


def test_the_page_export_fails_fast_with_a_message_and_no_orphan(
    signed_in, broker_down, city
):
    response = signed_in.post(
        reverse("reports:scorecard-request"),
        {"region": city.pk, "year": "2024"},
        follow=True,
    )

    assert response.redirect_chain == [("/", 302)]
    assert QUEUE_DOWN_MESSAGE in response.content.decode()
    assert _statuses() == [ExportStatus.FAILED]
    assert Export.objects.get().error == QUEUE_DOWN_MESSAGE


def test_the_api_export_answers_503_and_leaves_no_pending_row(
    reader_client, broker_down, city
):
    response = reader_client.post(
        "/api/exports/", {"region": city.pk, "year": 2024}, format="json"
    )

    assert response.status_code == 503
    assert response.json() == {"detail": QUEUE_DOWN_MESSAGE}
    assert _statuses() == [ExportStatus.FAILED]


def test_with_the_broker_up_the_export_is_queued(signed_in, city):
    response = signed_in.post(
        reverse("reports:scorecard-request"), {"region": city.pk, "year": "2024"}
    )

    assert response.status_code == 302
    assert _statuses() == [ExportStatus.DONE]
