"""Celery beat tasks for 赛马. Idempotent: a rerun overwrites the same file and the
same Export row (one per race and period) and replaces stored results."""

from __future__ import annotations

import datetime as dt

from celery import shared_task
from django.utils import timezone

from saima import services
from saima.models import Race
from targets.periods import Period


def _today(today: str | None) -> dt.date:
    return dt.date.fromisoformat(today) if today else timezone.localdate()


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def export_previous_month_saima(today: str | None = None) -> list[int]:
    """On the 5th: the previous month's 月通报 for every active race."""
    month = Period.month_of(_today(today)).previous().start
    return [
        services.saima_month_export_store(
            race=race, month=month, today=_today(today)
        ).pk
        for race in Race.objects.filter(active=True)
    ]


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def export_quarter_saima(today: str | None = None) -> list[int]:
    """季调度: the roll-up of the last quarter that ended before ``today``.

    Beat runs it on the 5th after a quarter ends, beside the monthly bulletin, so the
    quarter's last month has been reported by then.
    """
    quarter = Period.quarter_of(_today(today)).previous()
    return [
        services.saima_quarter_export_store(
            race=race, year=quarter.start.year, quarter=quarter.quarter
        ).pk
        for race in Race.objects.filter(active=True)
    ]
