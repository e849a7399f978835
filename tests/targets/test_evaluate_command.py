"""`manage.py evaluate` and the per-region status summary the demo prints."""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from freezegun import freeze_time

from targets.models import Actual, Mention
from targets.selectors import RegionStatusRow, status_summary_by_region, status_table


@pytest.fixture
def judged_world(make_target, high_tech_target, report, county, high_tech, plan):
    """芜湖市 misses its 750家 on an estimated 700; 南陵县 has no data."""
    Actual.objects.create(
        region=high_tech_target.region,
        indicator=high_tech,
        measure="level",
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 12, 31),
        value=Decimal("700"),
        unit="家",
        norm_value=Decimal("700"),
        norm_unit="count",
        estimate=True,
        document=report,
    )
    Mention.objects.create(
        document=plan,
        kind="target",
        start=5,
        end=20,
        quote="全市高新技术企业总数达到750家以上",
        raw_value=Decimal("750"),
        target=high_tech_target,
    )
    make_target(
        region=county,
        indicator=high_tech,
        measure="increase",
        value="12.5",
        tier="stretch",
    )


def run(*args: str) -> str:
    out = io.StringIO()
    with freeze_time("2025-06-01"):
        call_command("evaluate", *args, stdout=out)
    return out.getvalue()


def test_json_lines_carry_exactly_the_agreed_keys(judged_world):
    lines = [json.loads(line) for line in run("--json").splitlines()]

    assert lines == [
        {
            "region": "南陵县",
            "indicator": "高新技术企业数",
            "measure": "increase",
            "period": "2024",
            "tier": "stretch",
            "comparator": ">=",
            "norm_value": 12.5,
            "norm_unit": "count",
            "actual_norm_value": None,
            "actual_period": None,
            "status": "no_data",
            "provisional": False,
            "progress": None,
            "documents": [],
        },
        {
            "region": "芜湖市",
            "indicator": "高新技术企业数",
            "measure": "level",
            "period": "2024",
            "tier": "base",
            "comparator": ">=",
            "norm_value": 750,
            "norm_unit": "count",
            "actual_norm_value": 700,
            "actual_period": "2024",
            "status": "missed",
            "provisional": True,
            "progress": 0.9333,
            "documents": ["plan-2024.txt", "report-2024.txt"],
        },
    ]


def test_a_region_limits_the_output_and_includes_its_counties(judged_world):
    county_only = [
        json.loads(line)["region"]
        for line in run("--json", "--region", "南陵县").splitlines()
    ]
    city = [
        json.loads(line)["region"]
        for line in run("--json", "--region", "芜湖").splitlines()
    ]

    assert county_only == ["南陵县"]
    assert city == ["南陵县", "芜湖市"]


def test_an_unknown_region_is_an_error(judged_world):
    with pytest.raises(CommandError, match="未知地区“火星”"):
        run("--region", "火星")


def test_the_plain_output_lists_targets_and_a_summary_table(judged_world):
    lines = run().splitlines()

    assert lines[:3] == [
        "南陵县 高新技术企业数 2024年 新增量 目标≥12.5家 实际— → 暂无数据",
        "芜湖市 高新技术企业数 2024年 总量 目标≥750家 实际700(2024年) → 未完成(预计)",
        "共评估 2 个目标;新预警 2,解除 0,保持 0",
    ]
    assert lines[3].split() == [
        "地区",
        "目标数",
        "已完成",
        "进行中",
        "有风险",
        "未完成",
        "暂无数据",
        "预计",
        "预警",
    ]
    assert lines[4].split() == ["南陵县", "1", "0", "0", "0", "0", "1", "0", "1"]
    assert lines[5].split() == ["芜湖市", "1", "0", "0", "0", "1", "0", "1", "1"]


def test_status_summary_by_region_counts_statuses_and_open_flags(judged_world):
    run()

    assert status_summary_by_region() == [
        RegionStatusRow("南陵县", 1, 0, 0, 0, 0, 1, 0, 1),
        RegionStatusRow("芜湖市", 1, 0, 1, 0, 0, 0, 1, 1),
    ]


def test_the_status_table_aligns_chinese_columns():
    rows = [RegionStatusRow("连云港市", 10, 1, 2, 3, 4, 0, 0, 12)]

    header, line = status_table(rows)

    def columns(text: str) -> int:  # terminal width: CJK takes two columns
        return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)

    assert columns(header[: header.index("目标数")]) == columns(
        line[: line.index("10")]
    )
    assert line.split() == ["连云港市", "10", "1", "4", "3", "2", "0", "0", "12"]
