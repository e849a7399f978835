"""The 变化 download keeps document text as text, whatever it starts with."""

from __future__ import annotations

import datetime as dt
import io
from types import SimpleNamespace

from openpyxl import load_workbook

from reports.excel.changes import changes_workbook


def test_formula_like_names_and_figures_stay_text() -> None:
    target = SimpleNamespace(
        region=SimpleNamespace(name="=1+1"),
        indicator=SimpleNamespace(name="@SUM(A1)"),
        target_label="≥750家",
        period_label="2024年",
    )
    change = SimpleNamespace(
        target=target,
        get_kind_display=lambda: "新未完成",
        before="no_data",
        after="missed",
        figure="=HYPERLINK(1)",
        changed_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
    )
    sheet = load_workbook(io.BytesIO(changes_workbook([change], title="变化")))[
        "状态变化"
    ]
    cells = list(sheet[3])
    assert [c.value for c in cells[:3]] == ["新未完成", "=1+1", "@SUM(A1)"]
    assert cells[7].value == "=HYPERLINK(1)"
    assert {c.data_type for c in cells} == {"s"}
