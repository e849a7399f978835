"""The 变化 page's download: one sheet of status changes."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from typing import Any

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from reports.excel.cells import safe_text
from targets import display

# Column headings and widths.
COLUMNS = (
    ("变化类型", 12),
    ("地区", 12),
    ("指标", 24),
    ("目标", 14),
    ("期间", 12),
    ("原状态", 10),
    ("新状态", 10),
    ("数据", 24),
    ("时间", 18),
)


def changes_workbook(changes: Iterable[Any], *, title: str) -> bytes:
    """The changes under ``title`` as .xlsx bytes."""
    book = Workbook()
    sheet = book.active
    sheet.title = "状态变化"
    sheet.append([safe_text(title)])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([heading for heading, _ in COLUMNS])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for change in changes:
        target = change.target
        # Names and figures come from documents: formula-like text stays text.
        sheet.append(
            [
                safe_text(value)
                for value in (
                    change.get_kind_display(),
                    target.region.name,
                    target.indicator.name,
                    target.target_label,
                    target.period_label,
                    display.status_label(change.before),
                    display.status_label(change.after),
                    change.figure,
                    _when(change.changed_at),
                )
            ]
        )
    for index, (_, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _when(moment: dt.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")
