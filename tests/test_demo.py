"""`make demo` end to end: every step runs and writes its files."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from targets.models import Document, Target


@pytest.mark.django_db(transaction=True)
def test_demo_ingests_the_seeds_and_writes_the_scorecard_and_bulletin(tmp_path):
    out = StringIO()

    call_command("demo", "--out", str(tmp_path), stdout=out)

    text = out.getvalue()
    assert Document.objects.count() == 5
    assert Target.objects.exclude(status="no_data").exists()
    assert "指标目录 " in text and "地区" in text and "目标数" in text
    scorecard = load_workbook(tmp_path / "scorecard.xlsx", read_only=True)
    assert scorecard.sheetnames[:2] == ["总览", "目标明细"]
    assert (tmp_path / "saima.xlsx").stat().st_size > 0
    assert (tmp_path / "saima.docx").stat().st_size > 0

    # A second run adds nothing: the same content is never stored twice.
    targets_before = Target.objects.count()
    call_command("demo", "--out", str(tmp_path), stdout=StringIO())
    assert Document.objects.count() == 5
    assert Target.objects.count() == targets_before
