"""赛马 writes by hand go through services: exports run through the one export
lifecycle, also when an admin asks; a figure added in the admin updates its flags."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from reports.models import Export, ExportKind, ExportStatus
from reports.services import export_request
from reports.tasks import run_export
from saima.models import MonthlyFigure
from saima.services import flags_not_reported_update
from targets.models import Flag

JUNE = dt.date(2024, 6, 1)

pytestmark = pytest.mark.django_db


def test_an_export_created_in_the_admin_runs_and_stores_the_bulletin(
    admin_client, race, june_figures, may_figures, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:reports_export_add"),
            {
                "kind": "saima",
                "scope": json.dumps({"race": race.name, "period": "2024-06"}),
            },
        )

    assert response.status_code == 302, response.context["adminform"].form.errors
    export = Export.objects.get()
    assert (export.kind, export.status, export.scope, export.row_count) == (
        ExportKind.SAIMA,
        ExportStatus.DONE,
        {"race": race.pk, "period": "2024-06"},
        4,
    )
    assert export.file.name == f"exports/saima/race{race.pk}-2024-06.xlsx"
    assert default_storage.exists(f"exports/saima/race{race.pk}-2024-06.docx")
    with export.file.open("rb") as handle:
        title = load_workbook(handle)["综合排名"]["A1"].value
    assert title == "2024年6月全市科技创新赛马通报"


@pytest.mark.parametrize(
    ("scope", "message"),
    [
        ({"race": "不存在的赛马", "period": "2024-06"}, "找不到赛马"),
        ({"race": "科技创新赛马", "period": "2024年6月"}, "应如 2024-06 或 2024-Q2"),
        ({"race": "科技创新赛马"}, "赛马导出范围应包含"),
    ],
)
def test_a_bad_scope_is_a_form_message_and_stores_nothing(
    admin_client, race, scope, message
):
    response = admin_client.post(
        reverse("admin:reports_export_add"),
        {"kind": "saima", "scope": json.dumps(scope)},
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.non_field_errors()
    assert any(message in e for e in errors)
    assert Export.objects.count() == 0


@pytest.mark.parametrize(
    ("period", "label"), [("2024-Q2", "2024年第2季度"), ("2024", "2024年")]
)
def test_a_quarter_or_year_export_stores_its_bulletin_beside_the_workbook(
    race, june_figures, may_figures, period, label
):
    export = export_request(
        user=None, kind=ExportKind.SAIMA, scope={"race": race.pk, "period": period}
    )

    run_export(export.pk)

    export.refresh_from_db()
    assert (export.status, export.error) == (ExportStatus.DONE, "")
    name = f"exports/saima/race{race.pk}-{period}.docx"
    with default_storage.open(name, "rb") as handle:
        texts = [p.text for p in Document(handle).paragraphs]
    assert texts[0] == f"{label}全市科技创新赛马通报"
    assert texts[2].startswith(f"现将{label}科技创新赛马情况通报如下")
    # First places: 无为市 (县, 100 and 60) and 弋江区 (区, 100 and 60).
    assert "县组列入红榜的是无为市（80.00分）。" in texts
    assert "区组列入红榜的是弋江区（80.00分）。" in texts


def test_a_quarter_export_is_claimed_once_and_rolls_up(race, june_figures, may_figures):
    export = export_request(
        user=None, kind=ExportKind.SAIMA, scope={"race": race.pk, "period": "2024-Q2"}
    )

    run_export(export.pk)
    first = Export.objects.get(pk=export.pk)
    run_export(export.pk)  # a second delivery finds nothing pending

    again = Export.objects.get(pk=export.pk)
    assert (first.status, first.row_count) == (ExportStatus.DONE, 4)
    assert again.finished_at == first.finished_at
    with again.file.open("rb") as handle:
        title = load_workbook(handle)["汇总排名"]["A1"].value
    assert title == "2024年第2季度全市科技创新赛马汇总"


def test_a_late_figure_added_in_the_admin_resolves_its_not_reported_flag(
    admin_client, race, june_figures, other_district, blank_share
):
    flags_not_reported_update(race=race, month=JUNE, today=dt.date(2024, 7, 5))
    assert Flag.objects.open().count() == 1

    response = admin_client.post(
        reverse("admin:saima_monthlyfigure_add"),
        {
            "region": other_district.pk,
            "indicator": blank_share.pk,
            "measure": "level",
            "month": "2024-06-20",
            "value": "4",
            "unit": "%",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert (
        MonthlyFigure.objects.get(region=other_district, indicator=blank_share).month
        == JUNE
    )
    assert Flag.objects.open().count() == 0
