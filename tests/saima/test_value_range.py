"""Item 13: a 赛马 value too wide for its column is a 400 naming the cell."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from saima.models import FigureImport, MonthlyFigure
from targets.validators import decimal_out_of_range


@pytest.fixture
def editor(db) -> APIClient:
    user = User.objects.create_user("editor")
    user.groups.add(Group.objects.create(name="编辑"))
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.mark.parametrize("value", ["1E+30", "-1E+30", "100000000000000000000"])
def test_a_value_too_wide_for_the_column_is_refused_with_its_cell(race, editor, value):
    csv = (
        "月份,地区,指标,口径,数值,单位\n"
        f"2024-06,南陵县,全社会研发经费投入,增速,{value},%\n"
    )
    upload = {"file": SimpleUploadedFile("june.csv", csv.encode(), "text/csv")}

    response = editor.post("/api/saima/import/", upload, format="multipart")

    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert (error["row"], error["column"], error["field"]) == (2, "E", "数值")
    assert "超出可存储范围" in error["message"]
    assert MonthlyFigure.objects.count() == FigureImport.objects.count() == 0


@pytest.mark.parametrize(
    ("value", "fits"),
    [
        ("99999999999999999999.9999", True),
        ("-99999999999999999999.9999", True),
        ("99999999999999999999.99995", False),  # rounds up to 10^20
        ("1E+20", False),
        ("1E+30", False),
        ("0.00001", True),
        ("NaN", False),
    ],
)
def test_decimal_range_matches_the_stored_column(value, fits):
    assert (decimal_out_of_range(Decimal(value)) is None) is fits
