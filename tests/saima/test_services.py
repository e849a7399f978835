"""Month reports from the database, stored results, 未按期报送 flags, exports and the
beat tasks (idempotent)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.storage import default_storage
from openpyxl import load_workbook

from reports.models import Export, ExportKind, ExportStatus
from saima import selectors, services, tasks
from saima.models import (
    FigureMeasure,
    PeriodKind,
    RaceIndicator,
    RaceResult,
    RaceTarget,
    ScoringMethod,
)
from targets.models import Flag, FlagKind

from .conftest import JUNE, figure


def test_month_report_ranks_groups_with_previous_month(race, june_figures, may_figures):
    report = selectors.month_report(race, JUNE)
    assert report.title == "2024年6月全市科技创新赛马通报"
    # May: 县 无为市 100 (60+40) vs 南陵县 36; 区 弋江区 100 vs 镜湖区 36.
    rows = {
        group: [(r.region, r.composite, r.rank, r.previous_rank, r.change) for r in rs]
        for group, rs in report.result.groups.items()
    }
    assert rows == {
        "县": [
            ("南陵县", Decimal("76.00"), 1, 2, "↑1"),
            ("无为市", Decimal("60.00"), 2, 1, "↓1"),
        ],
        "区": [
            ("镜湖区", Decimal("100.00"), 1, 2, "↑1"),
            ("弋江区", Decimal("60.00"), 2, 1, "↓1"),
        ],
    }
    rd_key, blank_key = (ri.key for ri in report.indicators)
    # Mean of the four reported growth rates (10, 20, 5, 5) and three shares.
    assert report.averages == {rd_key: Decimal("10.00"), blank_key: Decimal("2.00")}
    assert report.figure("南陵县", report.indicators[0], FigureMeasure.LEVEL) == (
        Decimal("3.5000"),
        "亿元",
    )


def test_city_figure_is_the_city_average(race, june_figures, city, rd):
    figure(city, rd, FigureMeasure.GROWTH, JUNE, "9.3")
    report = selectors.month_report(race, JUNE)
    assert report.averages[report.indicators[0].key] == Decimal("9.3000")
    assert report.city_reported[report.indicators[0].key] is True


def test_completion_indicator_uses_each_regions_own_target(
    race, county, other_county, catalog
):
    from targets.models import Indicator

    turnover = Indicator.objects.get(code="tech_contract_turnover")
    ri = RaceIndicator.objects.create(
        race=race,
        indicator=turnover,
        measure=FigureMeasure.LEVEL,
        weight=Decimal(10),
        method=ScoringMethod.COMPLETION,
        cap=Decimal("1.2"),
        order=2,
    )
    RaceTarget.objects.create(race_indicator=ri, region=county, year=2024, value=8)
    RaceTarget.objects.create(
        race_indicator=ri, region=other_county, year=2024, value=20
    )
    figure(county, turnover, FigureMeasure.LEVEL, JUNE, 12, "亿元")  # 150% → cap 12
    figure(other_county, turnover, FigureMeasure.LEVEL, JUNE, 15, "亿元")  # 75% → 7.5
    report = selectors.month_report(race, JUNE)
    by_region = report.result.by_region()
    assert (
        by_region["南陵县"].indicators[ri.key].score,
        by_region["南陵县"].indicators[ri.key].rank,
    ) == (Decimal(12), 1)
    assert by_region["无为市"].indicators[ri.key].score == Decimal("7.5")
    assert report.completion("南陵县", ri) == Decimal("150.0")
    assert report.averages[ri.key] == Decimal("112.50")  # mean completion rate


def test_not_reported_flag_is_raised_after_the_deadline_and_resolved_on_report(
    race, june_figures, other_district, blank_share
):
    before = services.flags_not_reported_update(
        race=race, month=JUNE, today=dt.date(2024, 7, 4)
    )
    assert (before.opened, Flag.objects.count()) == (0, 0)
    after = services.flags_not_reported_update(
        race=race, month=JUNE, today=dt.date(2024, 7, 5)
    )
    flag = Flag.objects.get()
    assert (after.opened, flag.region, flag.month, flag.kind, flag.target) == (
        1,
        other_district,
        JUNE,
        FlagKind.NOT_REPORTED,
        None,
    )
    assert flag.reason == (
        "科技创新赛马:2024年6月数据截至2024-07-05未报送:规上工业企业研发活动空白率"
    )
    # Running again does not open a second flag.
    again = services.flags_not_reported_update(
        race=race, month=JUNE, today=dt.date(2024, 7, 7)
    )
    assert (again.opened, Flag.objects.count()) == (0, 1)
    services.figures_import(
        data=(
            "月份,地区,指标,口径,数值,单位\n"
            "2024-06,弋江区,规上工业企业研发活动空白率,总量,4,%\n"
            "2024-06,弋江区,全社会研发经费投入,增速,5,%\n"
        ).encode(),
        name="late.csv",
    )
    flag.refresh_from_db()
    assert flag.resolved_at is not None
    assert Flag.objects.open().count() == 0


def test_export_writes_workbook_and_bulletin_and_stores_results(
    race, june_figures, may_figures, tmp_path
):
    files = services.saima_export(
        race=race,
        month=JUNE,
        out=tmp_path / "saima.xlsx",
        bulletin_suffix=".txt",
        today=dt.date(2024, 7, 10),
    )
    assert files.rows == 4
    assert files.bulletin == tmp_path / "saima.txt"
    stored = list(
        RaceResult.objects.filter(period_kind=PeriodKind.MONTH, period_start=JUNE)
        .order_by("group", "rank")
        .values_list("group", "rank", "region__name", "score", "previous_rank")
    )
    assert stored == [
        ("区", 1, "镜湖区", Decimal("100.00"), 2),
        ("区", 2, "弋江区", Decimal("60.00"), 1),
        ("县", 1, "南陵县", Decimal("76.00"), 2),
        ("县", 2, "无为市", Decimal("60.00"), 1),
    ]
    assert Flag.objects.open().get().region.name == "弋江区"
    # A second export replaces: same rows, no duplicates.
    services.saima_export(race=race, month=JUNE, out=tmp_path / "saima.xlsx")
    assert RaceResult.objects.count() == 4
    assert Flag.objects.count() == 1


def test_monthly_task_is_idempotent(
    race, june_figures, may_figures, django_capture_on_commit_callbacks
):
    # The task queues reports.tasks.run_export on commit (eager here).
    with django_capture_on_commit_callbacks(execute=True):
        first = tasks.export_previous_month_saima(today="2024-07-05")
    with django_capture_on_commit_callbacks(execute=True):
        second = tasks.export_previous_month_saima(today="2024-07-05")
    assert first == second
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
        workbook = load_workbook(handle)
    assert workbook["综合排名"]["A1"].value == "2024年6月全市科技创新赛马通报"
    assert RaceResult.objects.count() == 4
    # The 5th is the deadline day: 弋江区's missing June figure is flagged once.
    assert [(f.region.name, f.month) for f in Flag.objects.all()] == [("弋江区", JUNE)]


def test_quarter_task_rolls_up_the_months_with_figures(
    race, june_figures, may_figures, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        (export_id,) = tasks.export_quarter_saima(today="2024-07-05")
    with django_capture_on_commit_callbacks(execute=True):
        tasks.export_quarter_saima(today="2024-07-05")
    export = Export.objects.get()
    assert export.pk == export_id
    assert export.scope == {"race": race.pk, "period": "2024-Q2"}
    with export.file.open("rb") as handle:
        sheet = load_workbook(handle)["汇总排名"]
    assert sheet["A1"].value == "2024年第2季度全市科技创新赛马汇总"
    assert [c.value for c in sheet[3]] == [
        "名次",
        "地区",
        "平均得分",
        "分组",
        "5月得分",
        "6月得分",
    ]
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=4)]
    # 县: 南陵县 (36 + 76) / 2 = 56, 无为市 (100 + 60) / 2 = 80.
    # 区: 镜湖区 (36 + 100) / 2 = 68, 弋江区 (100 + 60) / 2 = 80.
    assert rows == [
        (1, "无为市", 80, "县", 100, 60),
        (2, "南陵县", 56, "县", 36, 76),
        (1, "弋江区", 80, "区", 100, 60),
        (2, "镜湖区", 68, "区", 36, 100),
    ]


def test_race_configure_is_idempotent_and_replaces_membership(db, catalog):
    config = {
        "name": "演示赛马",
        "city": "芜湖市",
        "sample": True,
        "groups": [
            {"name": "县", "regions": ["南陵县", "无为市"]},
            {"name": "开发区", "level": "zone", "regions": ["芜湖经济技术开发区"]},
        ],
        "indicators": [
            {"code": "rd_expenditure", "measure": "growth", "weight": 60},
            {
                "name": "研发活动空白率",
                "unit": "%",
                "norm_unit": "%",
                "measure": "level",
                "direction": "lower",
                "method": "minmax",
                "weight": 40,
            },
        ],
    }
    race = services.race_configure(config=config)
    services.race_configure(config=config)
    members = list(
        race.members.order_by("group__order", "order").values_list(
            "group__name", "region__name", "region__level", "region__parent__name"
        )
    )
    assert members == [
        ("县", "南陵县", "county", "芜湖市"),
        ("县", "无为市", "county", "芜湖市"),
        ("开发区", "芜湖经济技术开发区", "zone", "芜湖市"),
    ]
    assert [
        (ri.display_name, ri.indicator.in_catalog, ri.direction)
        for ri in race.indicators.order_by("order")
    ] == [
        ("全社会研发经费投入增速", True, "higher"),
        ("研发活动空白率", False, "lower"),
    ]
    config["groups"] = config["groups"][:1]
    services.race_configure(config=config)
    assert race.members.count() == 2
    assert race.groups.count() == 1


def test_race_configure_rejects_a_broken_config(db):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="赛马配置有误"):
        services.race_configure(config={"name": "x", "city": "芜湖市"})


def test_quarter_task_in_january_rolls_up_the_fourth_quarter_of_last_year(race):
    (export_id,) = tasks.export_quarter_saima(today="2025-01-05")

    assert Export.objects.get(pk=export_id).scope == {
        "race": race.pk,
        "period": "2024-Q4",
    }
