"""The 赛马 page: the latest ranking of a race, or a clear empty state."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views import View
from django.views.generic import TemplateView

from reports.tasks import run_export
from reports.views import ReviewLoginRequired
from saima import selectors
from saima.api import results_payload
from saima.models import Race
from saima.services import saima_export_request


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
            quarter=(month.month - 1) // 3 + 1 if month else None,
        )
        return context


def _pick(races: list[Race], wanted: str) -> Race | None:
    for race in races:
        if str(race.pk) == wanted:
            return race
    return races[0] if races else None


class SaimaExportView(ReviewLoginRequired, View):
    """导出月通报 from the page: the shown month (workbook and .docx), its quarter
    or its year, through the one export lifecycle."""

    def post(self, request: HttpRequest) -> HttpResponse:
        race = Race.objects.filter(pk=request.POST.get("race") or 0).first()
        period = request.POST.get("period", "").strip()
        if race is None:
            messages.error(request, "无法导出:找不到赛马。")
            return redirect("saima:page")
        try:
            export = saima_export_request(race=race, period=period, user=request.user)
        except ValidationError as exc:
            messages.error(request, "无法导出:" + ";".join(exc.messages))
            return redirect("saima:page")
        run_export.delay_on_commit(export.pk)
        return redirect("reports:export", pk=export.pk)
