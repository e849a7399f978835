"""Issue 14, item 2: the 赛马 import follows targets.permissions like every other
write — a region clerk imports their own regions' figures and cannot replace anyone
else's — and an .xlsx is checked for a zip bomb before openpyxl opens it."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from saima import api
from saima.importing import ImportRejected, read_table
from saima.models import FigureMeasure, MonthlyFigure
from targets import permissions
from tests.conftest import client_for
from tests.saima.conftest import JUNE, figure

pytestmark = pytest.mark.django_db

HEADER = "月份,地区,指标,口径,数值,单位\n"


def _upload(text: str) -> dict:
    return {"file": SimpleUploadedFile("june.csv", text.encode("utf-8"), "text/csv")}


def test_the_saima_api_uses_the_one_permission_module():
    assert not hasattr(api, "EDITOR_GROUP")
    for view in (api.RaceViewSet, api.FigureImportViewSet, api.TemplateViewSet):
        for permission in view.permission_classes:
            assert permission.__module__ == permissions.__name__


def test_a_clerk_cannot_replace_other_regions_figures(
    race, county_clerk, other_county, district, rd
):
    figure(other_county, rd, FigureMeasure.GROWTH, JUNE, 20)
    figure(district, rd, FigureMeasure.GROWTH, JUNE, 5)
    body = HEADER + (
        "2024-06,无为市,全社会研发经费投入,增速,1,%\n"
        "2024-06,镜湖区,全社会研发经费投入,增速,1,%\n"
    )

    response = client_for(county_clerk).post(
        "/api/saima/import/", _upload(body), format="multipart"
    )

    assert response.status_code == 400
    messages = [error["message"] for error in response.json()["errors"]]
    assert len(messages) == 2
    assert all("本地区及下级地区" in message for message in messages)
    assert sorted(MonthlyFigure.objects.values_list("value", flat=True)) == [
        Decimal(5),
        Decimal(20),
    ]


def test_a_clerk_imports_their_own_regions_figures(race, county_clerk, county, rd):
    body = HEADER + "2024-06,南陵县,全社会研发经费投入,增速,12,%\n"

    response = client_for(county_clerk).post(
        "/api/saima/import/", _upload(body), format="multipart"
    )

    assert response.status_code == 201, response.json()
    assert MonthlyFigure.objects.get().region == county


def test_a_reader_still_cannot_import(race, reader):
    body = HEADER + "2024-06,南陵县,全社会研发经费投入,增速,12,%\n"

    response = client_for(reader).post(
        "/api/saima/import/", _upload(body), format="multipart"
    )

    assert response.status_code == 403
    assert MonthlyFigure.objects.count() == 0


def test_an_xlsx_zip_bomb_is_refused_before_openpyxl_reads_it(monkeypatch):
    def explode(*args, **kwargs):
        raise AssertionError("openpyxl was asked to open the bomb")

    monkeypatch.setattr("saima.importing.load_workbook", explode)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as handle:
            for _ in range(40):
                handle.write(b" " * (1024 * 1024))
    bomb = buf.getvalue()
    assert len(bomb) < 200 * 1024

    with pytest.raises(ImportRejected) as caught:
        read_table(bomb, "june.xlsx")

    assert "Excel 文件" in str(caught.value.errors[0])
