"""Dollars, ‰ and physical units are stored as the engine reads them and judged
only against figures in the same unit (美元 is never compared with 元)."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from targets.models import Actual, Target, is_norm_unit, validate_norm_unit

PLAN = (
    "桂平市2024年工作要点\n"
    "主要预期目标:实际使用外资3.2亿美元;单位GDP能耗下降到0.45吨标准煤/万元;"
    "人口自然增长率控制在3.5‰以内。\n"
)
REPORT = (
    "桂平市2024年工作总结\n"
    "2024年,全市实际使用外资3.5亿美元,单位GDP能耗0.47吨标准煤/万元,"
    "人口自然增长率3.1‰。\n"
)
# The same year's figures in 元 only: they must not answer the dollar target.
REPORT_IN_YUAN = "桂平市2024年工作总结\n2024年,全市实际使用外资25亿元。\n"


@pytest.mark.parametrize(
    ("unit", "valid"),
    [
        ("元", True),
        ("美元", True),
        ("‰", True),
        ("count", True),
        ("吨标准煤/万元", True),
        ("微克/立方米", True),
        ("", False),
        ("12", False),
        ("吨 煤", False),
        ("x" * 33, False),
    ],
)
def test_norm_unit_values(unit, valid):
    assert is_norm_unit(unit) is valid
    if not valid:
        with pytest.raises(ValidationError):
            validate_norm_unit(unit)


def _ingest(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    call_command("ingest", str(path), stdout=io.StringIO())


def test_dollars_and_physical_units_are_stored_and_judged(catalog, tmp_path):
    _ingest(tmp_path, "plan.txt", PLAN)
    _ingest(tmp_path, "report.txt", REPORT)
    call_command("evaluate", "--today", "2025-03-01", stdout=io.StringIO())
    targets = {t.indicator.name: t for t in Target.objects.select_related("indicator")}
    fdi = targets["实际使用外资"]
    assert (fdi.norm_value, fdi.norm_unit) == (Decimal("320000000"), "美元")
    energy = targets["单位地区生产总值能耗"]
    assert (energy.norm_value, energy.norm_unit) == (Decimal("0.45"), "吨标准煤/万元")
    assert Actual.objects.filter(norm_unit="‰", norm_value=Decimal("3.1")).exists()
    assert fdi.status == "met"
    assert energy.status == "missed"  # lower is better: 0.47 > 0.45


def test_dollar_target_is_not_answered_by_yuan(catalog, tmp_path):
    _ingest(tmp_path, "plan.txt", PLAN)
    _ingest(tmp_path, "report.txt", REPORT_IN_YUAN)
    call_command("evaluate", "--today", "2025-03-01", stdout=io.StringIO())
    fdi = Target.objects.get(indicator__name="实际使用外资")
    assert Actual.objects.filter(norm_unit="元").exists()
    assert fdi.status == "no_data"
