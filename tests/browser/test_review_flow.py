"""A planning-office user in a real browser: log in, filter, open a target and see
its quote highlighted, request the scorecard and download it."""

from __future__ import annotations

import datetime as dt
import io
import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import Count, Q
from openpyxl import load_workbook

from targets.models import Actual, Document, Mention, Region, RegionLevel, Target
from tests.browser.conftest import submit_login

pytestmark = pytest.mark.browser

PLAN_TEXT = (
    "芜湖市科技局2024年工作要点\n"
    "2024年,全市高新技术企业总数达到750家以上,技术合同成交额达到300亿元。\n"
    "南陵县高新技术企业达到60家。\n"
)
REPORT_TEXT = (
    "芜湖市科技局2024年工作总结\n"
    "2024年,全市高新技术企业总数达到780家,技术合同成交额完成260亿元。\n"
)


def _quote(document: Document, quote: str, **fields) -> Mention:
    start = document.text.index(quote)
    return Mention.objects.create(
        document=document, start=start, end=start + len(quote), quote=quote, **fields
    )


@pytest.fixture
def world(transactional_db, catalog, make_target):
    city = Region.objects.create(name="芜湖市", level=RegionLevel.CITY)
    county = Region.objects.create(name="南陵县", level=RegionLevel.COUNTY, parent=city)
    plan = Document.objects.create(
        name="plan-2024.txt",
        sha256="a" * 64,
        title="芜湖市科技局2024年工作要点",
        region=city,
        kind="plan",
        year=2024,
        text=PLAN_TEXT,
        status="done",
    )
    report = Document.objects.create(
        name="report-2024.txt",
        sha256="b" * 64,
        title="芜湖市科技局2024年工作总结",
        region=city,
        kind="report",
        year=2024,
        text=REPORT_TEXT,
        status="done",
    )
    from targets.models import Indicator

    high_tech = Indicator.objects.get(code="high_tech_enterprises")
    turnover = Indicator.objects.get(code="tech_contract_turnover")

    def target(region, indicator, value, unit, norm, norm_unit, **evaluated):
        return make_target(
            region=region,
            indicator=indicator,
            value=value,
            unit=unit,
            norm_value=norm,
            norm_unit=norm_unit,
            plan=plan,
            **evaluated,
        )

    met = target(city, high_tech, "750", "家", "750", "count", status="met")
    missed = target(city, turnover, "300", "亿元", "30000000000", "元", status="missed")
    county_target = target(county, high_tech, "60", "家", "60", "count")
    _quote(
        plan,
        "全市高新技术企业总数达到750家以上",
        kind="target",
        raw_value=Decimal(750),
        unit="家",
        target=met,
    )
    _quote(
        plan,
        "技术合同成交额达到300亿元",
        kind="target",
        raw_value=Decimal(300),
        unit="亿元",
        target=missed,
    )
    _quote(
        plan,
        "南陵县高新技术企业达到60家",
        kind="target",
        raw_value=Decimal(60),
        unit="家",
        target=county_target,
    )
    actual = Actual.objects.create(
        region=city,
        indicator=high_tech,
        measure="level",
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 12, 31),
        value=Decimal(780),
        unit="家",
        norm_value=Decimal(780),
        norm_unit="count",
        document=report,
    )
    _quote(
        report,
        "全市高新技术企业总数达到780家",
        kind="actual",
        raw_value=Decimal(780),
        unit="家",
        actual=actual,
    )
    Target.objects.filter(pk=met.pk).update(actual=actual, progress=Decimal("1.04"))
    User.objects.create_user("planner", password="pw-planner-1")
    return {"city": city, "county": county, "met": met, "missed": missed}


def _log_in(page) -> None:
    page.goto("/")
    assert page.url.endswith("/login/?next=/")
    submit_login(page, "planner", "pw-planner-1")


def test_log_in_filter_open_a_target_and_see_the_quote_highlighted(page, world):
    _log_in(page)
    assert page.text_content("#tile-total") == "3"

    # Choosing a status submits the filter form by itself.
    page.select_option("#f-status", "met")
    page.wait_for_url("**/?*status=met*")
    assert page.text_content("#tile-total") == "1"
    assert page.locator("table.targets tbody tr").count() == 1
    assert page.text_content("table.targets tbody .chip") == "已完成"

    page.select_option("#f-region", str(world["county"].pk))
    page.wait_for_url(f"**/?*region={world['county'].pk}*")
    assert page.text_content("#tile-total") == "0"

    page.click("text=清除")
    page.wait_for_url("**/")
    assert page.text_content("#tile-total") == "3"
    page.select_option("#f-status", "met")
    page.wait_for_url("**/?*status=met*")
    page.click("a.target-link")
    page.wait_for_url(f"**/targets/{world['met'].pk}/")

    marks = page.locator(".source-snippet mark.quote")
    assert marks.count() == 2
    assert marks.nth(0).text_content() == "全市高新技术企业总数达到750家以上"
    assert marks.nth(1).text_content() == "全市高新技术企业总数达到780家"
    # The mark really is highlighted on screen, not just present in the markup.
    background = marks.nth(0).evaluate("m => getComputedStyle(m).backgroundColor")
    assert background == "rgb(255, 224, 102)"
    assert marks.nth(0).is_visible()


def test_request_a_scorecard_and_download_it(page, world, tmp_path):
    _log_in(page)
    page.select_option("#f-region", str(world["city"].pk))
    page.wait_for_url("**/?*region=*")

    page.click("#scorecard-button")
    page.wait_for_url("**/exports/*/")
    link = page.locator("#download-link")
    link.wait_for(state="visible")
    assert page.text_content("#export-status") == "已完成"

    with page.expect_download() as info:
        link.click()
    download = info.value
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)

    assert saved.suffix == ".xlsx"
    workbook = load_workbook(io.BytesIO(saved.read_bytes()))
    cells = {
        str(c.value)
        for row in workbook["目标明细"].iter_rows()
        for c in row
        if c.value is not None
    }
    assert {"高新技术企业数", "技术合同成交额"} <= cells


@pytest.fixture
def seeded(transactional_db, catalog):
    """The real seed documents plus the follow-up reports the ingest tests use
    (so some targets have actuals), ingested and judged as an office would."""
    from targets.services.documents import document_ingest

    base = Path(settings.BASE_DIR)
    seeds = sorted(base.joinpath("seeds").glob("*.txt")) + sorted(
        base.joinpath("tests", "data", "ingest").glob("*.txt")
    )
    for path in seeds:
        document_ingest(data=path.read_bytes(), name=path.name)
    User.objects.create_user("planner", password="pw-planner-1")
    return len(seeds)


def test_the_review_page_of_the_seed_documents(page, seeded, tmp_path):
    """The page as an office sees it after ingesting the seeds; a screenshot is kept
    where DABIAO_SCREENSHOT points (docs/review-page.png is made this way)."""
    _log_in(page)
    page.goto("/?year=all")  # the page opens on the current plan year otherwise
    total = Target.objects.count()
    assert page.text_content("#tile-total") == str(total)

    # The region with the most met targets (六安市 for today's seeds), unless named.
    if name := os.environ.get("DABIAO_SCREENSHOT_REGION"):
        region = Region.objects.get(name=name)
    else:
        region = (
            Region.objects.annotate(
                met=Count("targets", filter=Q(targets__status="met"))
            )
            .order_by("-met", "name")
            .first()
        )
    assert region.targets.filter(status="met").exists()
    page.select_option("#f-region", str(region.pk))
    page.wait_for_url("**/?*region=*")
    rows = page.locator("table.targets tbody tr")
    assert rows.count() == Target.objects.for_region(region).count()

    out = Path(os.environ.get("DABIAO_SCREENSHOT", tmp_path / "review.png"))
    page.screenshot(path=str(out), full_page=True)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # Large type for the projector: body text at least 16px, tiles much larger.
    size = page.evaluate("() => getComputedStyle(document.body).fontSize")
    tile = page.evaluate(
        "() => getComputedStyle(document.querySelector('.tile-value')).fontSize"
    )
    assert float(size.rstrip("px")) >= 16
    assert float(tile.rstrip("px")) >= 40

    # A met target from real documents shows both quotes marked in their text.
    page.click("tr:has(.chip-met) a.target-link >> nth=0")
    page.wait_for_url("**/targets/*/")
    assert page.locator(".source-snippet mark.quote").count() >= 2
    if detail := os.environ.get("DABIAO_SCREENSHOT_TARGET"):
        page.screenshot(path=detail, full_page=True)


def test_swagger_ui_renders_the_api_from_local_assets_only(page, world, live_server):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    _log_in(page)

    page.goto("/api/docs/")
    page.wait_for_selector(".opblock-tag >> text=targets")

    assert page.locator(".opblock-tag").count() >= 7
    assert page.text_content(".info .title").startswith("dabiao 达标 API")
    # Offline offices: every request stays on this server.
    assert requested
    assert [u for u in requested if not u.startswith(live_server.url)] == []
