"""The scorecard workbook (目标计分卡): 总览, 目标明细, 预警.

Written with openpyxl in write-only mode so a province-wide export streams rows to
disk instead of holding them. Write-only sheets must get their views (frozen panes)
and column widths before the first row; filters, conditional formats, print setup
and charts go into the sheet's tail and may be set any time before ``save``.

Styled cells reuse a handful of prebuilt style arrays (``_StyleBook``) instead of
assigning Font/Fill objects per cell, which openpyxl would hash on every assignment.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from decimal import Decimal
from typing import IO, Any

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.cell.rich_text import CellRichText
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.formatting.rule import DataBarRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from reports.excel.cells import safe_text
from reports.excel.printing import LANDSCAPE_WIDTH, MIN_SCALE, named_style, print_setup
from reports.selectors import FlagRow, RegionSummary, ScorecardRow
from targets import display
from targets.display import STATUS_LABELS, STATUS_ORDER
from targets.models import FlagKind, Measure, NormUnit, Status
from targets.periods import Period

SUMMARY_SHEET = "总览"
DETAIL_SHEET = "目标明细"
FLAGS_SHEET = "预警"

SUMMARY_HEADERS = [
    "地区",
    "目标数",
    *(STATUS_LABELS[s] for s in STATUS_ORDER),
    "完成率",
]
DETAIL_HEADERS = [
    "序号",
    "地区",
    "指标",
    "口径",
    "目标",
    "单位",
    "期间",
    "实际值",
    "实际期间",
    "完成度",
    "序时进度",
    "状态",
    "预计",
    "审核",
]
# Where each target comes from, on a sheet of its own so 目标明细 prints readably.
SOURCES_SHEET = "目标出处"
SOURCE_HEADERS = ["序号", "地区", "指标", "期间", "依据文件", "原文摘录"]
SOURCE_WIDTHS = [7, 12, 26, 14, 32, 70]
DETAIL_WIDTHS = [7, 12, 26, 10, 14, 10, 16, 14, 16, 10, 10, 10, 6, 9]
FLAG_HEADERS = ["序号", "地区", "指标", "期间", "目标", "类型", "原因", "发现时间"]
FLAG_WIDTHS = [7, 12, 26, 16, 16, 14, 60, 18]

# Fill and font colour per status, the conventional Excel "good/bad/neutral" palette.
STATUS_COLORS: dict[str, tuple[str, str]] = {
    Status.MET: ("C6EFCE", "006100"),  # green
    Status.MISSED: ("FFC7CE", "9C0006"),  # red
    Status.AT_RISK: ("FFEB9C", "9C5700"),  # amber
    Status.ON_TRACK: ("DDEBF7", "1F4E78"),  # blue
    Status.NO_DATA: ("E7E6E6", "595959"),  # grey
}
MEASURE_LABELS = dict(Measure.choices)
FLAG_LABELS = dict(FlagKind.choices)

PERCENT_FORMAT = "0.0%"
MONEY_FORMAT = "#,##0.00"
COUNT_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.00"
DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm"


_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_THIN = Side(style="thin", color="8EA9DB")
_HEADER_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="top", wrap_text=True)


# --- Pure formatting helpers (table-tested) ------------------------------------------


def money_scale(unit: str, value: Decimal, norm_value: Decimal) -> Decimal:
    """How many 元 one unit of ``unit`` is (targets.display.money_scale), or the
    ratio the normaliser used for a unit it does not know."""
    scale = display.money_scale(unit)
    if scale is not None:
        return scale
    if not value:
        return Decimal(1)
    # An unusual money unit: trust the ratio the normaliser used.
    return norm_value / value


def display_value(
    norm: Decimal | float | None,
    *,
    unit: str,
    norm_unit: str,
    value: Decimal,
    norm_value: Decimal,
) -> tuple[float | None, str]:
    """A normalised figure in the target's own unit, with its number format.

    Money comes back in 亿元/万元 as the target was written (two decimals); a
    percentage as a fraction with a % format; counts with thousands separators.
    """
    shown = None if norm is None else float(norm)
    if norm_unit == NormUnit.YUAN:
        if shown is not None:
            shown /= float(money_scale(unit, value, norm_value))
        return _float(shown), MONEY_FORMAT
    if norm_unit == NormUnit.PERCENT:
        return _float(None if shown is None else shown / 100), "0.00%"
    if norm_unit == NormUnit.PP:
        return _float(shown), DECIMAL_FORMAT
    if shown is not None and not shown.is_integer():
        return _float(shown), DECIMAL_FORMAT
    return _float(shown), COUNT_FORMAT


def _float(value: Decimal | float | None) -> float | None:
    # Rounded so binary noise from the normaliser (149.69999…) never shows.
    return None if value is None else round(float(value), 6)


def period_text(start: dt.date | None, end: dt.date | None) -> str:
    """The Chinese label of a stored period (Period.label); "" when there is none."""
    if start is None or end is None:
        return ""
    return Period(start, end).label


# --- Styles ---------------------------------------------------------------------------


class _StyleBook:
    """Prebuilt style arrays for one worksheet's styled cells."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self._arrays: dict[Any, Any] = {}
        self._sheet = ws.title
        # Every sheet has a header row in the same style.
        self.define(
            "header",
            font=_HEADER_FONT,
            fill=_HEADER_FILL,
            border=_HEADER_BORDER,
            alignment=_CENTER,
        )
        # Text from documents that safe_text kept literal: quotePrefix as well, so
        # Excel does not turn it into a formula when someone edits the cell.
        self.define("literal", quotePrefix=True)

    def define(self, key: Any, **style: Any) -> None:
        """A named style ``计分卡·<key>`` (one entry in the style sheet, shared by
        every sheet that defines the same key) and its style array."""
        template = Cell(self.ws, row=1, column=1)
        quote = style.pop("quotePrefix", False)
        if style:
            template.style = named_style(
                self.ws.parent, f"计分卡·{_STYLE_NAMES.get(key, key)}", **style
            )
        template.quotePrefix = quote
        self._arrays[key] = template._style

    def cell(self, value: Any, key: Any) -> Cell:
        return Cell(
            self.ws, row=1, column=1, value=value, style_array=self._arrays[key]
        )

    def text(self, value: Any) -> Any:
        """``value`` through safe_text; formula-like text as a quotePrefix cell."""
        safe = safe_text(value)
        return self.cell(safe, "literal") if isinstance(safe, CellRichText) else safe

    def define_wrapped(self, key: str) -> None:
        """A wrapped-text style, plus its twin for rich text that safe_text has
        marked as literal (quotePrefix)."""
        self.define(key, alignment=_WRAP)
        self.define(f"{key}_text", alignment=_WRAP, quotePrefix=True)

    def wrapped(self, text: str | CellRichText, key: str) -> Cell:
        """``text`` (from safe_text) in the ``define_wrapped`` style that fits it."""
        return self.cell(text, f"{key}_text" if isinstance(text, CellRichText) else key)


# Readable names for the named styles (keys that are number formats or statuses).
_STYLE_NAMES: dict[Any, str] = {
    MONEY_FORMAT: "金额",
    COUNT_FORMAT: "计数",
    DECIMAL_FORMAT: "小数",
    "0.00%": "百分比",
    PERCENT_FORMAT: "完成度",
    **{status: f"状态·{display.status_label(status)}" for status in STATUS_COLORS},
    "header": "表头",
    "title": "标题",
    "note": "说明",
    "when": "时间",
    "reason": "原因",
    "quote": "原文",
}


def _header_row(book: _StyleBook, headers: list[str]) -> list[Cell]:
    return [book.cell(header, "header") for header in headers]


def _prepare_sheet(ws: Any, widths: list[float], *, freeze: str) -> None:
    """Views and columns must be set before a write-only sheet's first row."""
    ws.freeze_panes = freeze
    for index, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _print_setup(
    ws: Any, *, title_rows: str, widths: list[float], scope: str = ""
) -> None:
    """A4 landscape, one page wide (never below MIN_SCALE), header rows repeated."""
    print_setup(
        ws,
        title=f"目标计分卡 · {ws.title}",
        period=scope,
        title_rows=title_rows,
        widths=widths,
        landscape=True,
    )
    # Fit to width, but never below MIN_SCALE: a sheet too wide for that prints at
    # MIN_SCALE on more than one page across rather than unreadably small.
    scale = math.floor(100 * LANDSCAPE_WIDTH / max(sum(widths), 1))
    if scale < 100:
        ws.sheet_properties.pageSetUpPr.fitToPage = scale >= MIN_SCALE
        ws.page_setup.scale = max(scale, MIN_SCALE)


# --- The workbook ---------------------------------------------------------------------


def write_scorecard(
    out: str | IO[bytes] | Any,
    *,
    scope_label: str,
    data_date: dt.date | None,
    exported_at: dt.datetime,
    summary: list[RegionSummary],
    rows: Iterable[ScorecardRow],
    flags: Iterable[FlagRow],
) -> int:
    """Write the scorecard workbook to ``out`` (a path or binary file); returns the
    number of target rows written to 目标明细."""
    wb = Workbook(write_only=True)
    _write_summary(
        wb.create_sheet(SUMMARY_SHEET),
        scope_label=scope_label,
        data_date=data_date,
        exported_at=exported_at,
        summary=summary,
    )
    count = _write_detail(
        wb.create_sheet(DETAIL_SHEET), wb.create_sheet(SOURCES_SHEET), rows
    )
    _write_flags(wb.create_sheet(FLAGS_SHEET), flags)
    for ws in wb.worksheets:
        ws.oddHeader.right.text = scope_label.replace("&", "&&")
    wb.save(out)
    return count


def _write_summary(
    ws: Any,
    *,
    scope_label: str,
    data_date: dt.date | None,
    exported_at: dt.datetime,
    summary: list[RegionSummary],
) -> None:
    book = _StyleBook(ws)
    book.define("title", font=Font(bold=True, size=14))
    book.define("note", font=Font(color="595959"))
    book.define("count", number_format=COUNT_FORMAT)
    book.define("rate", number_format=PERCENT_FORMAT)
    book.define("total_label", font=_HEADER_FONT)
    book.define("total_count", font=_HEADER_FONT, number_format=COUNT_FORMAT)
    book.define("total_rate", font=_HEADER_FONT, number_format=PERCENT_FORMAT)

    header_row = 4
    _prepare_sheet(ws, [16, 10, 10, 10, 10, 10, 10, 10], freeze=f"A{header_row + 1}")
    date_label = f"{data_date:%Y-%m-%d}" if data_date else "尚未评估"
    ws.append([book.cell(safe_text(f"目标计分卡 — {scope_label}"), "title")])
    ws.append(
        [
            book.cell(
                f"数据日期:{date_label}    导出时间:{exported_at:%Y-%m-%d %H:%M}",
                "note",
            )
        ]
    )
    ws.append([book.cell(f"完成率 = {STATUS_LABELS[display.MET]} ÷ 目标数", "note")])
    ws.append(_header_row(book, SUMMARY_HEADERS))
    for item in summary:
        ws.append(
            [
                book.text(item.region),
                *(book.cell(getattr(item, f), "count") for f in _COUNTS),
                book.cell(item.completion_rate, "rate"),
            ]
        )
    if summary:
        total = RegionSummary(
            "合计",
            **{f: sum(getattr(item, f) for item in summary) for f in _COUNTS},
        )
        ws.append(
            [
                book.cell("合计", "total_label"),
                *(book.cell(getattr(total, f), "total_count") for f in _COUNTS),
                book.cell(total.completion_rate, "total_rate"),
            ]
        )
    last = header_row + len(summary)
    ws.merged_cells.add("A1:H1")
    ws.merged_cells.add("A2:H2")
    ws.merged_cells.add("A3:H3")
    _print_setup(
        ws,
        title_rows=f"{header_row}:{header_row}",
        widths=[16, *([10] * 7)],
        scope=scope_label,
    )
    if summary:
        ws.add_chart(_completion_chart(ws, header_row, last), "J4")


# The 总览 columns after the region: the total, then one per status in order.
_COUNTS = ("total", *STATUS_ORDER)


def _completion_chart(ws: Any, header_row: int, last: int) -> BarChart:
    chart = BarChart()
    chart.type = "bar"  # horizontal bars: region names stay readable
    chart.title = "各地区目标完成率"
    chart.y_axis.title = "完成率"
    chart.y_axis.number_format = "0%"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    chart.x_axis.scaling.orientation = "maxMin"  # same order as the table
    chart.legend = None
    data = Reference(ws, min_col=8, min_row=header_row, max_row=last)
    categories = Reference(ws, min_col=1, min_row=header_row + 1, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    # Only the value on each bar ("六安市; 完成率; 0.0%" overlapped), and a label
    # for every region on the axis.
    labels = DataLabelList()
    labels.showVal = True
    labels.showCatName = labels.showSerName = labels.showLegendKey = False
    labels.showPercent = False
    labels.numFmt = "0%"
    chart.dataLabels = labels
    chart.x_axis.tickLblSkip = 1
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.height = max(7.5, 0.6 * (last - header_row) + 3)
    chart.width = 18
    return chart


def _write_detail(ws: Any, sources: Any, rows: Iterable[ScorecardRow]) -> int:
    """目标明细 and, row for row, 目标出处 (plan and quote) beside it."""
    book = _StyleBook(ws)
    source_book = _StyleBook(sources)
    source_book.define_wrapped("quote")
    _prepare_sheet(sources, SOURCE_WIDTHS, freeze="D2")
    sources.append(_header_row(source_book, SOURCE_HEADERS))
    for fmt in (MONEY_FORMAT, COUNT_FORMAT, DECIMAL_FORMAT, "0.00%", PERCENT_FORMAT):
        book.define(fmt, number_format=fmt)
    for status, (fill, color) in STATUS_COLORS.items():
        book.define(
            status,
            fill=PatternFill("solid", fgColor=fill),
            font=Font(color=color),
            alignment=Alignment(horizontal="center"),
        )
    _prepare_sheet(ws, DETAIL_WIDTHS, freeze="C2")
    ws.append(_header_row(book, DETAIL_HEADERS))

    # Names repeat on every row; clean each distinct one once.
    names: dict[str, Any] = {}

    def name(text: str) -> Any:
        try:
            return names[text]
        except KeyError:
            names[text] = safe_text(text)
            return names[text]

    def literal(safe: Any) -> Any:
        # A cell object belongs to one row: build a fresh one for each use.
        return cell(safe, "literal") if isinstance(safe, CellRichText) else safe

    def source_literal(safe: Any) -> Any:
        if isinstance(safe, CellRichText):
            return source_book.cell(safe, "literal")
        return safe

    targets: dict[tuple[str, Decimal, str], Any] = {}
    periods: dict[tuple[dt.date, dt.date], str] = {}
    append = ws.append
    cell = book.cell
    count = 0
    for row in rows:
        count += 1
        target_key = (row.comparator, row.value, row.tier)
        target = targets.get(target_key)
        if target is None:
            # A negative "=" target reads "-5": it goes through safe_text too.
            comparator, value, tier = target_key
            target = targets[target_key] = safe_text(
                display.target_text(comparator, value, tier=tier)
            )
        key = (row.period_start, row.period_end)
        period = periods.get(key)
        if period is None:
            period = periods[key] = period_text(*key)
        key = (row.actual_period_start, row.actual_period_end)
        actual_period = periods.get(key)
        if actual_period is None:
            actual_period = periods[key] = period_text(*key)
        actual, actual_format = display_value(
            row.actual_norm_value,
            unit=row.unit,
            norm_unit=row.norm_unit,
            value=row.value,
            norm_value=row.norm_value,
        )
        quote = safe_text(row.quote) if row.quote else None
        append(
            [
                count,
                literal(name(row.region)),
                literal(name(row.indicator)),
                MEASURE_LABELS.get(row.measure, row.measure),
                literal(target),
                literal(name(row.unit)),
                period,
                None if actual is None else cell(actual, actual_format),
                actual_period,
                None
                if row.progress is None
                else cell(_float(row.progress), PERCENT_FORMAT),
                None
                if row.schedule_progress is None
                else cell(_float(row.schedule_progress), PERCENT_FORMAT),
                cell(display.status_label(row.status), row.status),
                "是" if row.provisional else None,
                "已审核" if row.reviewed else "未审核",
            ]
        )
        sources.append(
            [
                count,
                source_literal(name(row.region)),
                source_literal(name(row.indicator)),
                period,
                source_literal(name(row.plan)),
                None if quote is None else source_book.wrapped(quote, "quote"),
            ]
        )
    last = count + 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(DETAIL_HEADERS))}{last}"
    if count:
        # 完成度 as a bar from 0 to 100%; beyond 100% the bar is simply full.
        ws.conditional_formatting.add(
            f"J2:J{last}",
            DataBarRule(
                start_type="num",
                start_value=0,
                end_type="num",
                end_value=1,
                color="63BE7B",
            ),
        )
    _print_setup(ws, title_rows="1:1", widths=DETAIL_WIDTHS)
    sources.auto_filter.ref = f"A1:{get_column_letter(len(SOURCE_HEADERS))}{last}"
    _print_setup(sources, title_rows="1:1", widths=SOURCE_WIDTHS)
    return count


def _write_flags(ws: Any, flags: Iterable[FlagRow]) -> int:
    book = _StyleBook(ws)
    book.define_wrapped("reason")
    book.define("when", number_format=DATE_TIME_FORMAT)
    _prepare_sheet(ws, FLAG_WIDTHS, freeze="A2")
    ws.append(_header_row(book, FLAG_HEADERS))
    count = 0
    for flag in flags:
        count += 1
        reason = safe_text(flag.reason)
        ws.append(
            [
                count,
                book.text(flag.region),
                book.text(flag.indicator),
                period_text(flag.period_start, flag.period_end)
                if flag.period_start and flag.period_end
                else None,
                book.text(display.target_text(flag.comparator, flag.value, flag.unit))
                if flag.value is not None
                else None,
                FLAG_LABELS.get(flag.kind, flag.kind),
                book.wrapped(reason, "reason"),
                book.cell(_naive_local(flag.opened_at), "when"),
            ]
        )
    ws.auto_filter.ref = f"A1:{get_column_letter(len(FLAG_HEADERS))}{count + 1}"
    _print_setup(ws, title_rows="1:1", widths=FLAG_WIDTHS)
    return count


def _naive_local(moment: dt.datetime) -> dt.datetime:
    # Excel has no time zones: show the office's local time.
    return timezone.localtime(moment).replace(tzinfo=None)
