"""A real Celery worker over Redis runs a scorecard export on PostgreSQL."""

from __future__ import annotations

import time

import pytest
from openpyxl import load_workbook

from reports.models import Export, ExportStatus
from reports.services import export_request
from reports.tasks import run_export

# The worker fixtures live with the other real-service tests.
from tests.integration.conftest import (  # noqa: F401
    celery_worker_process,
    real_services,
)
from tests.reports.conftest import EVIL_QUOTE

pytestmark = pytest.mark.integration


def _wait_for(export: Export, timeout: float = 120) -> Export:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        export.refresh_from_db()
        if export.status in (ExportStatus.DONE, ExportStatus.FAILED):
            return export
        time.sleep(0.5)
    pytest.fail(f"export still {export.status} after {timeout} s")


@pytest.mark.usefixtures("celery_worker_process")
def test_a_worker_exports_a_region_scorecard_and_a_selection(
    scorecard_world, city, django_user_model
):
    user = django_user_model.objects.create_user("worker-export", password="x-1234567")

    # transactional_db: the request commits, so delay_on_commit sends the task.
    export = export_request(user=user, scope={"region": city.pk})
    run_export.delay_on_commit(export.pk)
    picked = [scorecard_world["met"].pk, scorecard_world["at_risk"].pk]
    selection = export_request(user=user, scope={"target_ids": picked})
    run_export.delay_on_commit(selection.pk)
    export, selection = _wait_for(export), _wait_for(selection)

    assert (export.status, export.error, export.row_count) == (
        ExportStatus.DONE,
        "",
        4,
    )
    wb = load_workbook(export.file.path)
    assert wb.sheetnames == ["总览", "目标明细", "目标出处", "预警"]
    detail = wb["目标明细"]
    assert [row[1] for row in detail.iter_rows(min_row=2, values_only=True)] == [
        "南陵县",
        "南陵县",
        "无为市",
        "芜湖市",
    ]
    quote = wb["目标出处"]["F2"]
    assert (quote.value, quote.data_type) == (EVIL_QUOTE, "s")
    assert (selection.status, selection.row_count) == (ExportStatus.DONE, 2)
