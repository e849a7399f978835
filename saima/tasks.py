"""Celery beat tasks for 赛马: queue this period's exports through the one export
lifecycle (reports.tasks.run_export). Idempotent: a rerun reuses the same Export
row (one per race and period), overwrites the same file and replaces stored
results."""

from __future__ import annotations

import datetime as dt

from celery import shared_task
from django.utils import timezone

from reports.tasks import run_export
from saima import services
from saima.models import Race
from targets.periods import Period


def _today(today: str | None) -> dt.date:
    return dt.date.fromisoformat(today) if today else timezone.localdate()


def _queue(period: str) -> list[int]:
    ids = []
    for race in Race.objects.filter(active=True):
        export = services.saima_export_request(race=race, period=period)
        run_export.delay_on_commit(export.pk)
        ids.append(export.pk)
    return ids


@shared_task
def export_previous_month_saima(today: str | None = None) -> list[int]:
    """On the 5th: the previous month's 月通报 for every active race."""
    month = Period.month_of(_today(today)).previous()
    return _queue(f"{month.start:%Y-%m}")


@shared_task
def export_quarter_saima(today: str | None = None) -> list[int]:
    """季调度: the roll-up of the last quarter that ended before ``today``.

    Beat runs it on the 5th after a quarter ends, beside the monthly bulletin, so the
    quarter's last month has been reported by then.
    """
    quarter = Period.quarter_of(_today(today)).previous()
    return _queue(f"{quarter.start.year}-Q{quarter.quarter}")
