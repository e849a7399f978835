"""The 赛马 page: the latest ranking of a race, or a clear empty state."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.views.generic import TemplateView

from reports.views import ReviewLoginRequired
from saima import selectors
from saima.api import results_payload
from saima.models import Race


class SaimaView(ReviewLoginRequired, TemplateView):
    """The latest 赛马 ranking (saima.selectors.month_report), or an empty state."""

    template_name = "saima/page.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        races = list(Race.objects.filter(active=True).select_related("city"))
        race = _pick(races, self.request.GET.get("race", ""))
        months: list[dt.date] = []
        month = None
        payload = None
        error = ""
        if race is not None:
            months = list(selectors.months_with_figures(race))
            month = months[0] if months else None
            wanted = self.request.GET.get("month", "")
            if wanted:
                try:
                    month = selectors.parse_month_text(wanted)
                except ValueError as exc:
                    error = str(exc)
            if month is not None and not error:
                payload = results_payload(selectors.month_report(race, month))
        context.update(
            races=races,
            race=race,
            months=months,
            month=month,
            ranking=payload,
            error=error,
        )
        return context


def _pick(races: list[Race], wanted: str) -> Race | None:
    for race in races:
        if str(race.pk) == wanted:
            return race
    return races[0] if races else None
