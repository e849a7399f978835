"""Cell helpers shared by every workbook writer: text from documents and users is
written as text, never as a formula.

Document quotes, file names and user input can start with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return. Spreadsheet programs treat such text as a formula (or
turn it into one when the cell is edited), which is how "CSV/formula injection"
works. openpyxl itself turns any string starting with ``=`` into a formula cell and a
string such as ``#N/A`` into an error cell. The helpers here keep the exact text
and force it to be stored as an inline string:

- ``safe_text(value)`` returns a value safe to assign anywhere (``ws.append``,
  ``cell.value = ...``, ``WriteOnlyCell(ws, value)``): plain strings are cleaned of
  characters XML cannot hold and capped at Excel's cell limit; risky strings come
  back wrapped in ``CellRichText``, which openpyxl always stores as text and which
  reads back (``load_workbook``) as the same plain ``str`` with ``data_type == "s"``.
- ``safe_cell(ws, value, ...)`` builds a styled ``WriteOnlyCell`` for write-only
  sheets and also sets ``quotePrefix`` on risky text, so Excel keeps it as text
  even after someone edits the cell.
- ``set_safe_value(cell, value)`` does the same for a cell of a normal worksheet.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.cell.rich_text import CellRichText

# Leading characters that make a spreadsheet program read text as a formula.
FORMULA_TRIGGERS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
# Excel refuses longer cell text.
EXCEL_MAX_TEXT = 32767

__all__ = [
    "EXCEL_MAX_TEXT",
    "FORMULA_TRIGGERS",
    "is_formula_like",
    "safe_cell",
    "safe_text",
    "set_safe_value",
]


def is_formula_like(text: str) -> bool:
    """True when ``text`` would be read as a formula or an error code."""
    return text.startswith(FORMULA_TRIGGERS) or text in ERROR_CODES


def _clean(text: str) -> str:
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if len(text) > EXCEL_MAX_TEXT:
        text = text[: EXCEL_MAX_TEXT - 1] + "…"
    return text


def safe_text(value: Any) -> Any:
    """Make ``value`` safe to put in a cell: text stays text, whatever it starts with.

    ``None`` and non-strings (numbers, dates, Decimals) pass through unchanged. Strings
    are cleaned; a string that starts a formula (or equals an error code such as
    ``#N/A``) is returned as ``CellRichText`` so openpyxl stores it as text.
    """
    if not isinstance(value, str):
        return value
    text = _clean(value)
    if is_formula_like(text):
        return CellRichText(text)
    return text


def safe_cell(
    ws: Any,
    value: Any,
    *,
    font: Any = None,
    fill: Any = None,
    alignment: Any = None,
    border: Any = None,
    number_format: str | None = None,
) -> WriteOnlyCell:
    """A ``WriteOnlyCell`` holding ``value`` made safe by ``safe_text``, with styles."""
    safe = safe_text(value)
    cell = WriteOnlyCell(ws, safe)
    if isinstance(safe, CellRichText):
        # Excel would otherwise re-read the text as a formula when the cell is edited.
        cell.quotePrefix = True
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if alignment is not None:
        cell.alignment = alignment
    if border is not None:
        cell.border = border
    if number_format is not None:
        cell.number_format = number_format
    return cell


def set_safe_value(cell: Any, value: Any) -> None:
    """Assign ``value`` to a cell of a normal (not write-only) worksheet safely."""
    safe = safe_text(value)
    cell.value = safe
    if isinstance(safe, CellRichText):
        cell.quotePrefix = True
