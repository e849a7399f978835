"""The 赛马 API: import (400 lists bad cells), template, results, permissions."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook
from rest_framework.test import APIClient

from saima.models import FigureImport, MonthlyFigure


@pytest.fixture
def reader(db) -> APIClient:
    client = APIClient()
    client.force_authenticate(User.objects.create_user("reader"))
    return client


@pytest.fixture
def editor(db) -> APIClient:
    user = User.objects.create_user("editor")
    user.groups.add(Group.objects.create(name="编辑"))
    client = APIClient()
    client.force_authenticate(user)
    return client


def _upload(text: str, name: str = "june.csv") -> dict:
    return {"file": SimpleUploadedFile(name, text.encode("utf-8"), "text/csv")}


GOOD = (
    "月份,地区,指标,口径,数值,单位\n"
    "2024-06,南陵县,全社会研发经费投入,增速,10,%\n"
    "2024-06,无为市,全社会研发经费投入,增速,20,%\n"
)


def test_import_with_a_bad_cell_returns_400_naming_row_and_column(race, editor):
    bad = GOOD + "2024-06,黄山区,全社会研发经费投入,增速,1O,%\n"
    response = editor.post("/api/saima/import/", _upload(bad), format="multipart")
    assert response.status_code == 400
    assert response.json() == {
        "detail": "导入文件有2处错误,未导入任何数据。",
        "errors": [
            {
                "row": 4,
                "column": "B",
                "field": "地区",
                "message": "第4行B列(地区):未知地区“黄山区”",
            },
            {
                "row": 4,
                "column": "E",
                "field": "数值",
                "message": "第4行E列(数值):“1O”不是数字",
            },
        ],
    }
    assert MonthlyFigure.objects.count() == 0
    assert FigureImport.objects.count() == 0


def test_editor_imports_and_gets_the_import_record(race, editor):
    response = editor.post("/api/saima/import/", _upload(GOOD), format="multipart")
    assert response.status_code == 201
    body = response.json()
    assert {
        k: body[k] for k in ("name", "row_count", "created", "updated", "months")
    } == {
        "name": "june.csv",
        "row_count": 2,
        "created": 2,
        "updated": 0,
        "months": ["2024-06"],
    }
    assert MonthlyFigure.objects.count() == 2


def test_reader_may_not_import(race, reader):
    response = reader.post("/api/saima/import/", _upload(GOOD), format="multipart")
    assert response.status_code == 403
    assert MonthlyFigure.objects.count() == 0


def test_anonymous_may_not_read(race):
    assert APIClient().get("/api/saima/races/").status_code in (401, 403)


def test_template_download(reader):
    response = reader.get("/api/saima/template/")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content))["月度数据"]
    assert [c.value for c in sheet[1]] == [
        "月份",
        "地区",
        "指标",
        "口径",
        "数值",
        "单位",
    ]
    csv_response = reader.get("/api/saima/template/?fmt=csv")
    assert (
        csv_response.content.decode("utf-8-sig") == "月份,地区,指标,口径,数值,单位\r\n"
    )


def test_results_for_a_month(race, june_figures, may_figures, reader):
    response = reader.get(f"/api/saima/races/{race.pk}/results/?month=2024-06")
    assert response.status_code == 200
    body = response.json()
    assert (body["title"], body["month"], body["sample"]) == (
        "2024年6月全市科技创新赛马通报",
        "2024-06",
        False,
    )
    assert [
        (i["name"], i["weight"], i["method"], i["direction"], i["average"])
        for i in body["indicators"]
    ] == [
        ("全社会研发经费投入增速", "60.00", "efficacy", "higher", "10.00"),
        ("规上工业企业研发活动空白率", "40.00", "minmax", "lower", "2.00"),
    ]
    county_group = body["groups"][0]
    assert county_group["name"] == "县"
    assert county_group["rows"][0] == {
        "rank": 1,
        "region": "南陵县",
        "composite": "76.00",
        "previous_rank": 2,
        "change": "↑1",
        "red": True,
        "black": False,
        "indicators": {
            "全社会研发经费投入增速": {
                "value": "10.0000",
                "score": "36.0000",
                "rank": 2,
                "note": "",
            },
            "规上工业企业研发活动空白率": {
                "value": "1.0000",
                "score": "40.0000",
                "rank": 1,
                "note": "",
            },
        },
    }
    missing = body["groups"][1]["rows"][1]["indicators"]["规上工业企业研发活动空白率"]
    assert missing == {"value": None, "score": "0", "rank": None, "note": "未报送"}
    bad = reader.get(f"/api/saima/races/{race.pk}/results/?month=June")
    assert bad.status_code == 400
    assert bad.json() == {"detail": "月份格式应为 2024-06,收到“June”"}


def test_race_list(race, reader):
    body = reader.get("/api/saima/races/").json()
    (item,) = body["results"]
    assert item["name"] == "科技创新赛马"
    assert item["members"] == [
        {"region": "南陵县", "group": "县"},
        {"region": "无为市", "group": "县"},
        {"region": "镜湖区", "group": "区"},
        {"region": "弋江区", "group": "区"},
    ]
