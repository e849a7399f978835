"""The shared cell helpers keep formula-like text as text in written workbooks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from reports.excel.cells import EXCEL_MAX_TEXT, safe_cell, safe_text, set_safe_value

RISKY = [
    '=HYPERLINK("http://evil.example","点击")',
    "+1+2",
    "-3+4",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "#N/A",
]


@pytest.mark.parametrize("text", RISKY)
def test_risky_text_is_stored_as_text_in_write_only_sheets(tmp_path, text):
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("s")
    ws.append([safe_cell(ws, text), safe_text(text)])
    wb.save(tmp_path / "w.xlsx")

    cells = load_workbook(tmp_path / "w.xlsx")["s"][1]

    assert [(c.value, c.data_type) for c in cells] == [(text, "s"), (text, "s")]
    assert cells[0].quotePrefix is True


@pytest.mark.parametrize("text", RISKY)
def test_risky_text_is_stored_as_text_in_normal_sheets(tmp_path, text):
    wb = Workbook()
    set_safe_value(wb.active["A1"], text)
    wb.active["B1"] = safe_text(text)
    wb.save(tmp_path / "n.xlsx")

    ws = load_workbook(tmp_path / "n.xlsx").active

    assert (ws["A1"].value, ws["A1"].data_type, ws["A1"].quotePrefix) == (
        text,
        "s",
        True,
    )
    assert (ws["B1"].value, ws["B1"].data_type) == (text, "s")


def test_plain_values_pass_through_and_text_is_cleaned():
    assert safe_text(None) is None
    assert safe_text(Decimal("1.5")) == Decimal("1.5")
    assert safe_text(dt.date(2024, 1, 1)) == dt.date(2024, 1, 1)
    assert safe_text("高新技术企业") == "高新技术企业"
    # Control characters XML cannot hold are dropped instead of failing the export.
    assert safe_text("甲\x01乙\x0b丙") == "甲乙丙"
    long = safe_text("字" * (EXCEL_MAX_TEXT + 10))
    assert len(long) == EXCEL_MAX_TEXT
    assert long.endswith("…")
