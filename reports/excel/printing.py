"""Print setup and named styles shared by the workbook writers.

A sheet printed by an office should come out on A4, fitted to the page width, with
its header rows repeated on every page and a header/footer naming the report, its
period and the page. Styles are registered as named styles (``NamedStyle``) so every
styled cell refers to one entry of the style sheet instead of carrying its own font,
fill and border, and a user sees them by name in the spreadsheet's style list.
"""

from __future__ import annotations

import math
from typing import Any

from openpyxl.styles import NamedStyle
from openpyxl.worksheet.worksheet import Worksheet

# Column width units a sheet may have before it prints landscape (A4 portrait
# holds about 95 units of the default font between 0.4-inch margins).
PORTRAIT_WIDTH = 90
LANDSCAPE_WIDTH = 140
MIN_SCALE = 55  # percent: below this a fitted page is unreadable


def named_style(workbook: Any, name: str, **style: Any) -> str:
    """Register ``name`` on ``workbook`` once (font, fill, border, alignment,
    number_format, protection) and return the name to assign to ``cell.style``."""
    if name not in workbook.named_styles:
        workbook.add_named_style(NamedStyle(name=name, **style))
    return name


def print_setup(
    ws: Worksheet,
    *,
    title: str,
    period: str,
    title_rows: str | None,
    widths: list[float],
    fit_height: bool = False,
    landscape: bool | None = None,
) -> None:
    """A4, landscape when the columns are wider than a portrait page, fitted to one
    page wide (and one page tall with ``fit_height``), ``title_rows`` (e.g. "3:3")
    repeated on every page, the title and period in the page header and
    ``第 N 页,共 M 页`` in the footer."""
    wide = sum(widths) > PORTRAIT_WIDTH if landscape is None else landscape
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if wide else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if fit_height else 0
    if title_rows:
        ws.print_title_rows = title_rows
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.7
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.oddHeader.left.text = _escape(title)
    ws.oddHeader.left.size = 9
    ws.oddHeader.right.text = _escape(period)
    ws.oddHeader.right.size = 9
    ws.oddFooter.center.text = "第 &P 页,共 &N 页"
    ws.oddFooter.center.size = 9


def _escape(text: str) -> str:
    # "&" starts a header/footer code.
    return text.replace("&", "&&")


def text_lines(text: str, width: float) -> int:
    """Lines ``text`` wraps to in a column ``width`` units wide (a CJK character
    takes two units): what a row's height must hold, since a spreadsheet does not
    grow a row for wrapped text it was given with a height."""
    units = sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
    return max(1, math.ceil(units / max(width - 1, 1)))


def row_height(lines: int, *, size: float = 11) -> float:
    """Points for ``lines`` lines of a ``size``-point font."""
    return round(lines * size * 1.45 + 4, 1)
