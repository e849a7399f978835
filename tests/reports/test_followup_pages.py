"""The follow-up pages: scorecard export of exactly the filtered rows, 赛马 page
export of both files, 预警督办 list and actions, 填报 and its review, 变化."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from urllib.parse import unquote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from freezegun import freeze_time
from openpyxl import load_workbook

from reports.models import Export
from saima.models import FigureMeasure, MonthlyFigure, Race, RaceIndicator, RaceMember
from targets.models import Actual, Flag, StatusChange, Target
from targets.services.flags import targets_refresh


@pytest.fixture(autouse=True)
def _run_on_commit(monkeypatch):
    # Exports are enqueued on commit; the test transaction never commits, so the
    # callbacks run at once (the task itself runs eagerly).
    from django.db import transaction

    monkeypatch.setattr(
        transaction, "on_commit", lambda func, using=None, robust=False: func()
    )


def _download(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    body = b"".join(response.streaming_content)
    disposition = response["Content-Disposition"]
    name = (
        unquote(disposition.split("''")[-1])
        if "filename*=" in disposition
        else disposition.split('filename="')[-1].rstrip('"')
    )
    return name, body


@pytest.fixture
def three_targets(make_target, city, county, high_tech, contract_turnover):
    return {
        "city_met": make_target(region=city, indicator=high_tech, status="met"),
        "city_missed": make_target(
            region=city, indicator=contract_turnover, status="missed"
        ),
        "county_missed": make_target(
            region=county, indicator=high_tech, status="missed"
        ),
        "other_year": make_target(
            region=city, indicator=high_tech, status="missed", year=2023
        ),
    }


def _detail_rows(body: bytes) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(body))["目标明细"]
    return [
        tuple(c for c in row if c is not None)
        for row in sheet.iter_rows(min_row=2, values_only=True)
        if any(row)
    ]


def test_the_scorecard_from_a_filtered_page_has_exactly_the_filtered_rows(
    client, reader, city, three_targets
):
    client.force_login(reader)
    response = client.post(
        "/exports/scorecard/",
        {"region": city.pk, "year": "2024", "status": "missed", "indicator": ""},
    )
    export = Export.objects.get()
    assert response["Location"] == f"/exports/{export.pk}/"
    assert export.scope["name"] == "计分卡-芜湖市-2024-未完成"

    name, body = _download(client, f"/exports/{export.pk}/download/")

    assert name == "计分卡-芜湖市-2024-未完成.xlsx"
    rows = _detail_rows(body)
    assert len(rows) == 2 == export.row_count
    assert {(r[1], r[2]) for r in rows} == {
        ("芜湖市", "技术合同成交额"),
        ("南陵县", "高新技术企业数"),
    }


def test_an_unfiltered_scorecard_is_named_for_all_regions(
    client, reader, three_targets
):
    client.force_login(reader)
    client.post("/exports/scorecard/", {})
    export = Export.objects.get()
    name, body = _download(client, f"/exports/{export.pk}/download/")
    assert name == "计分卡-全部地区.xlsx"
    assert len(_detail_rows(body)) == 4


def test_a_filter_matching_nothing_exports_nothing(client, reader, city, three_targets):
    client.force_login(reader)
    response = client.post(
        "/exports/scorecard/", {"region": city.pk, "status": "on_track"}, follow=True
    )
    assert "没有符合筛选条件的目标" in response.content.decode()
    assert not Export.objects.exists()


@pytest.fixture
def race(city, county, other_county, catalog) -> Race:
    from targets.models import Indicator

    rd = Indicator.objects.get(code="rd_expenditure")
    race = Race.objects.create(name="科技创新赛马", city=city)
    for order, region in enumerate([county, other_county]):
        RaceMember.objects.create(race=race, region=region, order=order)
    RaceIndicator.objects.create(
        race=race,
        indicator=rd,
        measure=FigureMeasure.GROWTH,
        weight=Decimal(100),
        method="efficacy",
        order=0,
    )
    for region, value in ((county, "10"), (other_county, "20")):
        MonthlyFigure.objects.create(
            region=region,
            indicator=rd,
            measure=FigureMeasure.GROWTH,
            month=dt.date(2024, 6, 1),
            value=Decimal(value),
            unit="%",
        )
    return race


def test_the_saima_page_exports_the_shown_month_as_workbook_and_bulletin(
    client, reader, race
):
    client.force_login(reader)
    page = client.get("/saima/").content.decode()
    assert "导出月通报" in page
    assert '<option value="2024-06">2024年6月(表格和通报)</option>' in page

    response = client.post("/saima/export/", {"race": race.pk, "period": "2024-06"})
    export = Export.objects.get()
    assert response["Location"] == f"/exports/{export.pk}/"
    assert 'id="bulletin-link"' in client.get(response["Location"]).content.decode()

    workbook_name, workbook = _download(client, f"/exports/{export.pk}/download/")
    bulletin_name, bulletin = _download(client, f"/exports/{export.pk}/bulletin/")
    assert workbook_name.endswith(".xlsx")
    assert load_workbook(io.BytesIO(workbook)).sheetnames
    assert bulletin_name.endswith(".docx")
    assert bulletin[:2] == b"PK"


@pytest.mark.parametrize(
    ("period", "label"), [("2024-Q2", "2024年第2季度"), ("2024", "2024年")]
)
def test_the_saima_page_exports_the_quarter_and_the_year_as_workbook_and_bulletin(
    client, reader, race, period, label
):
    client.force_login(reader)
    page = client.get("/saima/").content.decode()
    assert f">{label}{'' if 'Q' in period else '全年'}(表格和通报)</option>" in page

    client.post("/saima/export/", {"race": race.pk, "period": period})
    export = Export.objects.get()
    assert (export.status, export.error) == ("done", "")
    assert 'id="bulletin-link"' in client.get(f"/exports/{export.pk}/").content.decode()

    workbook_name, workbook = _download(client, f"/exports/{export.pk}/download/")
    bulletin_name, bulletin = _download(client, f"/exports/{export.pk}/bulletin/")
    assert workbook_name.endswith(".xlsx")
    assert load_workbook(io.BytesIO(workbook)).sheetnames[0] == "汇总排名"
    assert bulletin_name.endswith(".docx")
    texts = [p.text for p in Document(io.BytesIO(bulletin)).paragraphs]
    assert texts[0] == f"{label}全市科技创新赛马通报"
    assert "列入红榜的是无为市（100.00分）。" in texts


def test_an_admin_created_saima_export_runs(admin_client, race):
    response = admin_client.post(
        "/admin/reports/export/add/",
        {"kind": "saima", "scope": f'{{"race": {race.pk}, "period": "2024-06"}}'},
    )
    assert response.status_code == 302
    export = Export.objects.get()
    assert (export.status, export.error) == ("done", "")


# --- 填报 and review -------------------------------------------------------------


@freeze_time("2024-07-10 10:00:00+08:00")
def test_a_clerk_fills_in_submits_and_the_city_approves(
    client, county_clerk, editor, county, high_tech, make_target
):
    target = make_target(region=county, indicator=high_tech, value="60")
    client.force_login(county_clerk)
    page = client.get("/fill/").content.decode()
    assert "南陵县" in page and "无为市" not in page
    response = client.post(
        "/fill/",
        {
            "action": "add",
            "region": county.pk,
            "indicator": high_tech.pk,
            "period": "2024-01/2024-06",
            "value": "61",
            "unit": "家",
            "estimate": "0",
            "batch_kind": "month",
            "evidence": SimpleUploadedFile("证明.pdf", b"%PDF-1.4"),
        },
        follow=True,
    )
    assert "已保存为草稿" in response.content.decode()
    actual = Actual.objects.get()
    client.post("/fill/", {"action": "submit", "batch": actual.batch_id})
    assert "待审核" in client.get("/fill/").content.decode()
    detail = client.get(f"/targets/{target.pk}/").content.decode()
    assert '<span class="chip chip-outline approval-mark">待审核</span>' in detail
    assert client.get("/fill/review/").status_code == 403

    client.force_login(editor)
    assert "61家" in client.get("/fill/review/").content.decode()
    client.post("/fill/review/", {"action": "approve", "actual": actual.pk})

    target.refresh_from_db()
    assert target.actual_id == actual.pk
    assert client.get(f"/fill/evidence/{actual.pk}/").status_code == 200


def test_a_bad_figure_is_a_chinese_message(client, county_clerk, county, high_tech):
    client.force_login(county_clerk)
    response = client.post(
        "/fill/",
        {
            "action": "add",
            "region": county.pk,
            "indicator": high_tech.pk,
            "period": "六月",
            "value": "61",
        },
        follow=True,
    )
    assert "期间“六月”无效" in response.content.decode()
    assert not Actual.objects.exists()


def test_a_reader_cannot_fill_in(client, reader):
    client.force_login(reader)
    assert client.get("/fill/").status_code == 403


# --- 预警督办 and 变化 -------------------------------------------------------------


@pytest.fixture
def flagged(high_tech_target) -> Flag:
    Actual.objects.create(
        region=high_tech_target.region,
        indicator=high_tech_target.indicator,
        measure="level",
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 12, 31),
        value=Decimal(38),
        unit="家",
        norm_value=Decimal(38),
        norm_unit="count",
        source="manual",
    )
    targets_refresh(today=dt.date(2025, 2, 1))
    return Flag.objects.get()


def test_the_flag_list_reads_in_chinese_and_filters(client, editor, flagged, county):
    client.force_login(editor)
    html = client.get("/flags/").content.decode()
    assert "实际38家(2024年),未达到目标≥750家(2024年)" in html
    reasons = re.findall(r'<td class="reason">([^<]*)</td>', html)
    assert reasons == ["实际38家(2024年),未达到目标≥750家(2024年)"]
    assert "待分派" in html
    assert "共 1 条" in client.get("/flags/?status=unassigned").content.decode()
    assert "共 0 条" in client.get("/flags/?status=closed").content.decode()
    assert "共 0 条" in client.get(f"/flags/?region={county.pk}").content.decode()


def test_the_flag_page_assigns_with_a_chinese_error_for_a_missing_unit(
    client, editor, flagged
):
    client.force_login(editor)
    response = client.post(
        f"/flags/{flagged.pk}/",
        {"action": "assign", "due_date": "2099-01-01"},
        follow=True,
    )
    assert "请选择责任单位" in response.content.decode()
    response = client.post(
        f"/flags/{flagged.pk}/",
        {"action": "assign", "unit_department": "市科技局", "due_date": "2099-01-01"},
        follow=True,
    )
    assert "已分派" in response.content.decode()
    assert Flag.objects.get().state == "assigned"


def test_the_changes_page_lists_and_exports_changes(client, reader, flagged):
    target = Target.objects.get()
    change = StatusChange.objects.get(target=target)
    assert (change.kind, change.before, change.after) == (
        "newly_missed",
        "no_data",
        "missed",
    )
    client.force_login(reader)
    html = client.get("/changes/").content.decode()
    assert "新未完成" in html
    assert "38家(2024年)" in html
    assert 'id="count-newly_missed">1<' in html

    response = client.get("/changes/?format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content))["状态变化"]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert [r[:7] for r in rows] == [
        (
            "新未完成",
            "芜湖市",
            "高新技术企业数",
            "≥750家",
            "2024年",
            "暂无数据",
            "未完成",
        )
    ]


def test_the_changes_page_defaults_to_the_first_day_of_last_month(client, reader):
    client.force_login(reader)
    with freeze_time("2025-03-15 10:00:00+08:00"):
        html = client.get("/changes/").content.decode()
    assert "2025年2月1日以来的变化" in html
    html = client.get("/changes/?since=2099-01-01").content.decode()
    assert "这段时间没有目标状态变化" in html


def test_flag_evidence_is_only_for_the_city_and_the_unit(
    client, editor, county_clerk, make_user, flagged, county
):
    from django.contrib.auth.models import Group

    from targets.models import RegionGroup
    from targets.services.supervision import flag_answer, flag_assign

    flag_assign(
        flag=flagged,
        user=editor,
        unit_group=Group.objects.get(name="南陵县填报"),
        due_date=dt.date(2099, 1, 1),
    )
    flag_answer(
        flag=flagged,
        user=county_clerk,
        note="说明",
        files=[SimpleUploadedFile("说明.pdf", b"%PDF-1.4")],
    )
    evidence = flagged.evidence.get()
    other_group = Group.objects.create(name="无为市填报")
    RegionGroup.objects.create(
        group=other_group,
        region=county.parent.children.create(name="无为市", level="county"),
    )
    outsider = make_user("wuwei", groups=("无为市填报",))

    for user, status in ((editor, 200), (county_clerk, 200), (outsider, 404)):
        client.force_login(user)
        assert client.get(f"/flags/evidence/{evidence.pk}/").status_code == status
