"""The month's follow-up in a real browser: a county clerk reports two figures, the
city returns one and approves the other (only the approved one moves the target);
a 预警 is assigned, answered and closed, stays closed through the nightly run and
reopens when a new figure changes the verdict; the 变化 page shows the change.

DABIAO_SCREENSHOTS=docs saves the README's screenshots on the way."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from targets.models import (
    Actual,
    Flag,
    Indicator,
    Region,
    RegionGroup,
    RegionLevel,
    StatusChange,
    Target,
)
from targets.permissions import EDITOR_GROUP
from targets.services.flags import targets_refresh
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser

SHOTS = os.environ.get("DABIAO_SCREENSHOTS", "")


def _shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / name), full_page=True)


@pytest.fixture
def office(transactional_db, catalog, make_target):
    city = Region.objects.create(name="芜湖市", level=RegionLevel.CITY)
    county = Region.objects.create(name="南陵县", level=RegionLevel.COUNTY, parent=city)
    planner = User.objects.create_user(
        "planner", password="pw-planner-1", first_name="市科技局张三"
    )
    planner.groups.add(Group.objects.get_or_create(name=EDITOR_GROUP)[0])
    unit = Group.objects.create(name="南陵县填报")
    RegionGroup.objects.create(group=unit, region=county)
    clerk = User.objects.create_user(
        "nanling", password="pw-nanling-1", first_name="南陵县李四"
    )
    clerk.groups.add(unit)
    high_tech = Indicator.objects.get(code="high_tech_enterprises")
    year = timezone.localdate().year
    return {
        "city": city,
        "county": county,
        "high_tech": high_tech,
        "year": year,
        "unit": unit,
        "clerk": clerk,
        "make_target": make_target,
    }


def _enter(page, office, period: str, value: str) -> None:
    page.select_option("#e-region", str(office["county"].pk))
    page.select_option("#e-indicator", str(office["high_tech"].pk))
    page.fill("#e-period", period)
    page.fill("#e-value", value)
    page.fill("#e-unit", "家")
    page.click("#fill-button")
    page.wait_for_selector("text=已保存为草稿")


def test_only_the_approved_of_two_figures_moves_the_target(page, office):
    year = office["year"]
    target = office["make_target"](
        region=office["county"], indicator=office["high_tech"], value="60", year=year
    )
    month = timezone.localdate().month - 1 or 1
    log_in(page, "nanling", "pw-nanling-1")
    page.click("text=数据填报")
    page.wait_for_url("**/fill/")
    _enter(page, office, f"{year}-01/{year}-{month:02d}", "61")
    _enter(page, office, f"{year}-{month:02d}", "30")
    assert page.locator("#entries .approval").all_text_contents() == ["草稿", "草稿"]
    page.click("#batches .submit-batch")
    page.wait_for_selector("text=已提交审核")
    assert page.locator("#entries .approval").all_text_contents() == [
        "待审核",
        "待审核",
    ]
    _shot(page, "fill-page.png")

    log_in(page, "planner", "pw-planner-1")
    page.goto("/fill/review/")
    returned = Actual.objects.get(value=Decimal(30))
    approved = Actual.objects.get(value=Decimal(61))
    row = page.locator(f'#pending tr[data-actual="{returned.pk}"]')
    row.locator(".review-comment").fill("与统计部门数据不符,请核实")
    _shot(page, "approval-page.png")
    row.locator("button.return").click()
    page.wait_for_selector("text=已退回")
    target.refresh_from_db()
    assert target.status == "no_data"

    page.locator(f'#pending tr[data-actual="{approved.pk}"] button.approve').click()
    page.wait_for_selector("text=已通过")
    target.refresh_from_db()
    assert target.status != "no_data"
    assert target.actual_id == approved.pk
    assert page.locator("#pending tbody tr").all_text_contents()[0].strip() == (
        "没有待审核的数据。"
    )

    log_in(page, "nanling", "pw-nanling-1")
    page.goto("/fill/")
    returned_row = page.locator(f'#entries tr[data-actual="{returned.pk}"]')
    assert "已退回" in returned_row.text_content()
    assert "与统计部门数据不符,请核实" in returned_row.text_content()


def test_a_flag_is_handled_stays_closed_and_reopens_on_a_new_verdict(page, office):
    year = office["year"]
    target = office["make_target"](
        region=office["city"], indicator=office["high_tech"], value="750", year=year
    )
    Actual.objects.create(
        region=office["city"],
        indicator=office["high_tech"],
        measure="level",
        period_start=dt.date(year, 1, 1),
        period_end=dt.date(year, 12, 31),
        value=Decimal(700),
        unit="家",
        norm_value=Decimal(700),
        norm_unit="count",
        source="manual",
        reported_date=dt.date(year, 1, 15),
    )
    targets_refresh()
    flag = Flag.objects.get(target=target)

    log_in(page, "planner", "pw-planner-1")
    page.click("text=预警督办")
    page.wait_for_url("**/flags/")
    assert page.text_content("td.reason") == (
        f"实际700家({year}年),未达到目标≥750家({year}年)"
    )
    assert page.text_content(".flag-state") == "待分派"
    page.click("a.flag-link")
    page.wait_for_url(f"**/flags/{flag.pk}/")
    page.select_option("#a-group", str(office["unit"].pk))
    page.select_option("#a-assignee", str(office["clerk"].pk))
    page.fill("#a-due", (timezone.localdate() + dt.timedelta(days=10)).isoformat())
    page.click("#assign-button")
    page.wait_for_selector("text=已分派。")
    assert page.text_content("#flag-status") == "办理中"

    log_in(page, "nanling", "pw-nanling-1")
    page.goto(f"/flags/{flag.pk}/")
    page.fill("#answer-note", "部分企业认定材料尚在省厅审核,预计下月补齐。")
    page.set_input_files(
        "#answer-files",
        files=[
            {"name": "情况说明.pdf", "mimeType": "application/pdf", "buffer": b"%PDF"}
        ],
    )
    page.click("#answer-button")
    page.wait_for_selector("text=已反馈")
    assert page.text_content("#flag-status") == "已反馈"

    log_in(page, "planner", "pw-planner-1")
    page.goto(f"/flags/{flag.pk}/")
    page.fill("#close-note", "情况属实,同意办结")
    _shot(page, "flag-page.png")
    page.click("#close-button")
    page.wait_for_selector("text=已办结。")
    assert page.text_content("#flag-status") == "已办结"
    assert page.locator("#flag-events li strong").all_text_contents() == [
        "分派",
        "反馈",
        "办结",
    ]

    # The nightly run: nothing changed, so the flag stays closed.
    targets_refresh()
    page.goto("/flags/?status=closed")
    assert page.text_content("#flag-count") == "共 1 条"
    page.goto("/flags/?status=unassigned")
    assert page.text_content("#flag-count") == "共 0 条"

    # A new figure changes the verdict (still missed, but on different grounds).
    Actual.objects.create(
        region=office["city"],
        indicator=office["high_tech"],
        measure="level",
        period_start=dt.date(year, 1, 1),
        period_end=dt.date(year, 12, 31),
        value=Decimal(720),
        unit="家",
        norm_value=Decimal(720),
        norm_unit="count",
        source="manual",
        reported_date=dt.date(year, 1, 20),
    )
    targets_refresh()
    page.goto("/flags/?status=unassigned")
    assert page.text_content("#flag-count") == "共 1 条"
    assert page.text_content("td.reason") == (
        f"实际720家({year}年),未达到目标≥750家({year}年)"
    )
    _shot(page, "flags-page.png")
    page.click("a.flag-link")
    assert page.locator("#flag-previous a").text_content() == f"#{flag.pk}"

    page.goto(f"/flags/{flag.pk}/")
    assert "判断依据变化后已重新预警" in page.text_content("#flag-reopened")

    # 变化 shows what happened to the target, with the figure behind it.
    assert StatusChange.objects.filter(target=target).count() == 2
    page.click("text=变化")
    page.wait_for_url("**/changes/")
    rows = page.locator("#changes tbody tr")
    assert rows.count() == 2
    assert "新数据" in rows.nth(0).text_content()
    assert f"720家({year}年)" in rows.nth(0).text_content()
    assert "新未完成" in rows.nth(1).text_content()
    assert page.text_content("#count-newly_missed") == "1"
    _shot(page, "changes-page.png")
    with page.expect_download() as info:
        page.click("#changes-export")
    assert info.value.suggested_filename.endswith(".xlsx")
    assert Target.objects.get(pk=target.pk).status == "missed"


def test_the_saima_page_exports_the_shown_month_as_workbook_and_bulletin(page, office):
    from saima.models import (
        FigureMeasure,
        MonthlyFigure,
        Race,
        RaceIndicator,
        RaceMember,
    )

    other = Region.objects.create(
        name="无为市", level=RegionLevel.COUNTY, parent=office["city"]
    )
    rd = Indicator.objects.get(code="rd_expenditure")
    race = Race.objects.create(name="科技创新赛马", city=office["city"])
    for order, region in enumerate([office["county"], other]):
        RaceMember.objects.create(race=race, region=region, order=order)
        MonthlyFigure.objects.create(
            region=region,
            indicator=rd,
            measure=FigureMeasure.GROWTH,
            month=dt.date(2024, 6, 1),
            value=Decimal(10 + 10 * order),
            unit="%",
        )
    RaceIndicator.objects.create(
        race=race,
        indicator=rd,
        measure=FigureMeasure.GROWTH,
        weight=Decimal(100),
        method="efficacy",
        order=0,
    )
    log_in(page, "planner", "pw-planner-1")
    page.click("text=赛马排名")
    page.wait_for_url("**/saima/")
    _shot(page, "saima-export.png")
    page.click("#saima-export-button")
    page.wait_for_url("**/exports/*/")
    page.locator("#bulletin-link").wait_for(state="visible")
    with page.expect_download() as workbook:
        page.click("#download-link")
    with page.expect_download() as bulletin:
        page.click("#bulletin-link")
    assert workbook.value.suggested_filename.endswith(".xlsx")
    assert bulletin.value.suggested_filename.endswith(".docx")
    assert Path(bulletin.value.path()).read_bytes()[:2] == b"PK"
