"""The 月通报 workbook (and the quarterly/annual roll-up workbook), with openpyxl.

Every text cell goes through ``reports.excel.cells.set_safe_value`` so region or
indicator names starting with = + - @ (or a tab/CR) stay text, never formulas.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reports.excel.cells import set_safe_value
from reports.excel.printing import named_style, print_setup, row_height, text_lines
from saima import engine
from saima.models import FigureMeasure
from saima.selectors import MonthReport, RollupReport
from targets import display
from targets.periods import Period

SAMPLE_LABEL = "示例数据"
# 红榜 red, 黑榜 dark grey, as on the 赛马 page (app.css .row-red/.row-black).
RED_FILL = PatternFill("solid", fgColor="F4CCCC")
RED_FONT = Font(color="A50000", bold=True)
BLACK_FILL = PatternFill("solid", fgColor="404040")
BLACK_FONT = Font(color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
TITLE_FONT = Font(bold=True, size=14)
BOLD = Font(bold=True)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT_WRAP = Alignment(horizontal="left", vertical="center", wrap_text=True)
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
SCORE_FORMAT = "0.00"
VALUE_FORMAT = "#,##0.00"
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")
RED, BLACK = "红榜", "黑榜"
_FILLS = {
    None: ({}, ""),
    RED: ({"fill": RED_FILL, "font": RED_FONT}, "红榜"),
    BLACK: ({"fill": BLACK_FILL, "font": BLACK_FONT}, "黑榜"),
}


class _Styles:
    """The workbook's named styles (one entry each in the style sheet)."""

    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self.title = named_style(
            workbook, "赛马·标题", font=TITLE_FONT, alignment=CENTER
        )
        self.note = named_style(workbook, "赛马·说明", alignment=LEFT_WRAP)
        self.header = named_style(
            workbook,
            "赛马·表头",
            font=BOLD,
            fill=HEADER_FILL,
            alignment=CENTER,
            border=BOX,
        )

    def data(self, mark: str | None, number_format: str | None) -> str:
        style, label = _FILLS[mark]
        formats = {None: "", SCORE_FORMAT: "·得分", VALUE_FORMAT: "·数值"}
        name = f"赛马·数据{('·' + label) if label else ''}{formats[number_format]}"
        return named_style(
            self.workbook,
            name,
            border=BOX,
            number_format=number_format or "General",
            **style,
        )


def _put(ws: Worksheet, row: int, column: int, value: Any, style: str) -> None:
    cell = ws.cell(row=row, column=column)
    if isinstance(value, Decimal):
        value = float(value)
    set_safe_value(cell, value)
    quote = cell.quotePrefix
    cell.style = style
    if quote:
        cell.quotePrefix = True


def _title(
    ws: Worksheet, styles: _Styles, text: str, subtitle: str, widths: list[int]
) -> None:
    width = len(widths)
    _put(ws, 1, 1, text, styles.title)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.row_dimensions[1].height = 28
    _put(ws, 2, 1, subtitle, styles.note)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    ws.row_dimensions[2].height = row_height(text_lines(subtitle, sum(widths)))


def _header(
    ws: Worksheet, styles: _Styles, row: int, titles: list[str], widths: list[int]
) -> None:
    for column, title in enumerate(titles, start=1):
        _put(ws, row, column, title, styles.header)
    lines = max(text_lines(t, w) for t, w in zip(titles, widths, strict=True))
    # A wrapped header needs its height: spreadsheets do not grow a row given text.
    ws.row_dimensions[row].height = row_height(lines)
    ws.freeze_panes = ws.cell(row=row + 1, column=1)


def _sheet_name(name: str, used: set[str]) -> str:
    base = _SHEET_BAD.sub("", name)[:28] or "指标"
    candidate, n = base, 2
    while candidate in used:
        candidate = f"{base[:26]}{n}"
        n += 1
    used.add(candidate)
    return candidate


def _rule_text(report: MonthReport | RollupReport) -> str:
    race = report.race
    if race.list_mode == "share":
        size = f"前、后{race.list_share}%"
    else:
        size = f"前、后{race.list_count}名"
    return (
        f"红色为红榜、深灰为黑榜(各组{size},未报送的不列入红榜,"
        "只有一两个地区的分组只列红榜);分组的按组排名。"
    )


def _marks(report: MonthReport) -> str:
    parts = []
    if report.race.is_sample:
        parts.append(f"【{SAMPLE_LABEL}】本表数据为演示用示例数据,非真实统计数据。")
    parts.append(_rule_text(report))
    return "".join(parts)


def _period_label(report: MonthReport) -> str:
    return Period.month_of(report.month).label


def month_workbook_write(report: MonthReport, out: Path | str) -> int:
    """Write the 月通报 workbook; returns the number of region rows ranked."""
    workbook = Workbook()
    styles = _Styles(workbook)
    ranking = workbook.active
    ranking.title = "综合排名"
    title = report.title + (f"({SAMPLE_LABEL})" if report.race.is_sample else "")
    specs = report.indicators
    titles = ["名次", "地区", "综合得分", "上月名次", "变化", "分组"]
    titles += [f"{ri.display_name}得分" for ri in specs]
    titles.append("备注")
    widths = [6, 20, 9, 8, 6, 8, *([11] * len(specs)), 24]
    _widths(ranking, widths)
    _title(ranking, styles, title, _marks(report), widths)
    _header(ranking, styles, 3, titles, widths)
    row = 4
    first_data = row
    for group_rows in report.result.groups.values():
        red, black = report.lists(group_rows)
        marks = {r.region: RED for r in red} | {r.region: BLACK for r in black}
        for result in group_rows:
            missing = [
                ri.display_name
                for ri in specs
                if not result.indicators[ri.key].reported
            ]
            values: list[Any] = [
                result.rank,
                result.region,
                result.composite,
                result.previous_rank if result.previous_rank is not None else "—",
                result.change,
                "" if result.group == engine.DEFAULT_GROUP else result.group,
                *(result.indicators[ri.key].score for ri in specs),
                _note(marks.get(result.region), missing),
            ]
            _data_row(ranking, styles, row, values, mark=marks.get(result.region))
            row += 1
    last_data = row - 1
    print_setup(
        ranking,
        title=title,
        period=_period_label(report),
        title_rows="3:3",
        widths=widths,
    )
    if last_data >= first_data:
        _chart_sheet(
            workbook,
            "综合得分图",
            title=f"{title} · 综合得分",
            period=_period_label(report),
            data=Reference(ranking, min_col=3, min_row=3, max_row=last_data),
            categories=Reference(
                ranking, min_col=2, min_row=first_data, max_row=last_data
            ),
            count=last_data - first_data + 1,
        )
    used = {"综合排名", "综合得分图"}
    for ri in specs:
        _indicator_sheet(
            workbook, styles, report, ri, _sheet_name(ri.display_name, used)
        )
    workbook.save(out)
    return last_data - first_data + 1


def _note(mark: str | None, missing: list[str]) -> str:
    parts = [mark] if mark else []
    if missing:
        parts.append("未报送:" + "、".join(missing))
    return ";".join(parts)


def _chart_sheet(
    workbook: Workbook,
    name: str,
    *,
    title: str,
    period: str,
    data: Reference,
    categories: Reference,
    count: int,
) -> None:
    """A bar chart on a sheet of its own, printed on one A4 landscape page, with a
    label for every region (no skipped categories)."""
    ws = workbook.create_sheet(name)
    chart = BarChart()
    chart.type = "bar"  # horizontal bars: every region name has a line of its own
    chart.title = title
    chart.legend = None
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    chart.x_axis.tickLblSkip = 1
    chart.x_axis.tickMarkSkip = 1
    chart.x_axis.scaling.orientation = "maxMin"  # first place on top, as in the table
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.title = "得分"
    chart.y_axis.majorGridlines = None
    labels = DataLabelList()
    labels.showVal = True
    labels.showCatName = labels.showSerName = labels.showLegendKey = False
    labels.showPercent = False
    chart.dataLabels = labels
    chart.width = 25
    chart.height = max(14.0, 0.55 * count + 3)
    ws.add_chart(chart, "A2")
    ws["A1"] = title
    ws["A1"].style = named_style(workbook, "赛马·标题", font=TITLE_FONT)
    # The print area covers the chart: about 1.7 cm per default column, 0.53 cm
    # per default row.
    columns = math.ceil(chart.width / 1.7) + 1
    rows = math.ceil(chart.height / 0.53) + 3
    ws.print_area = f"A1:{get_column_letter(columns)}{rows}"
    print_setup(
        ws,
        title=title,
        period=period,
        title_rows=None,
        widths=[0],
        fit_height=True,
        landscape=True,
    )


def _indicator_sheet(
    workbook: Workbook, styles: _Styles, report: MonthReport, ri: Any, sheet_name: str
) -> None:
    ws = workbook.create_sheet(sheet_name)
    level_unit = next(
        (
            unit
            for (_, indicator_id, measure), (_, unit) in report.figures.items()
            if indicator_id == ri.indicator_id and measure == FigureMeasure.LEVEL
        ),
        ri.indicator.unit,
    )
    titles = [
        "名次",
        "地区",
        f"数值({level_unit})" if level_unit else "数值",
        "增速(%)",
        "得分",
        "分组",
        "备注",
    ]
    widths = [6, 20, 14, 10, 10, 10, 22]
    completion = ri.method == engine.COMPLETION
    if completion:
        titles[4:4] = ["目标值", "完成率(%)"]
        widths[4:4] = [12, 10]
    average = report.averages.get(ri.key)
    basis = "全市" if report.city_reported.get(ri.key) else "参赛地区平均"
    subtitle = (
        f"口径:{ri.get_measure_display()};权重 {display.plain(ri.weight)};"
        f"{ri.get_method_display()};{ri.get_direction_display()}。"
    )
    if average is not None and completion:
        subtitle += f"平均完成率:{display.format_number(average)}%。"
    elif average is not None:
        subtitle += f"{basis}:{display.format_number(average)}。"
    if report.race.is_sample:
        subtitle = f"【{SAMPLE_LABEL}】" + subtitle
    title = f"{report.title} · {ri.display_name}"
    _widths(ws, widths)
    _title(ws, styles, title, subtitle, widths)
    _header(ws, styles, 3, titles, widths)
    formats = [SCORE_FORMAT if t == "得分" else VALUE_FORMAT for t in titles]
    row = 4
    for group_rows in report.result.groups.values():
        ranked = [r for r in group_rows if r.indicators[ri.key].reported]
        ranked.sort(key=lambda r: r.indicators[ri.key].rank)
        unreported = [r for r in group_rows if not r.indicators[ri.key].reported]
        red, black = report.indicator_lists(group_rows, ri.key)
        for result in [*ranked, *unreported]:
            res = result.indicators[ri.key]
            level = report.figure(result.region, ri, FigureMeasure.LEVEL)
            growth = report.figure(result.region, ri, FigureMeasure.GROWTH)
            mark = RED if result.region in red else None
            mark = BLACK if result.region in black else mark
            values: list[Any] = [
                res.rank if res.rank is not None else "—",
                result.region,
                level[0] if level else None,
                growth[0] if growth else None,
                res.score,
                "" if result.group == engine.DEFAULT_GROUP else result.group,
                ";".join(p for p in (mark, res.note) if p),
            ]
            if completion:
                rate = (
                    res.value
                    if ri.measure == FigureMeasure.COMPLETION
                    else report.completion(result.region, ri)
                )
                target = report.targets.get((result.region, ri.key))
                values[4:4] = [target, rate]
            _data_row(ws, styles, row, values, mark=mark, formats=formats)
            row += 1
    print_setup(
        ws, title=title, period=_period_label(report), title_rows="3:3", widths=widths
    )


def _data_row(
    ws: Worksheet,
    styles: _Styles,
    row: int,
    values: list[Any],
    *,
    mark: str | None,
    formats: list[str] | None = None,
) -> None:
    """One boxed data row in the 红榜/黑榜 style when marked; a Decimal gets the
    number format of its column in ``formats`` (the score format when not given)."""
    for column, value in enumerate(values, start=1):
        number_format = None
        if isinstance(value, Decimal):
            number_format = formats[column - 1] if formats else SCORE_FORMAT
        _put(ws, row, column, value, styles.data(mark, number_format))


def _widths(ws: Worksheet, widths: list[int]) -> None:
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width


def rollup_workbook_write(report: RollupReport, out: Path | str) -> int:
    """Write the quarterly/annual roll-up; returns the number of region rows."""
    workbook = Workbook()
    styles = _Styles(workbook)
    ws = workbook.active
    ws.title = "汇总排名"
    months = [f"{m:%Y-%m}" for m in report.months]
    titles = [
        "名次",
        "地区",
        "平均得分",
        "分组",
        *(f"{m.month}月得分" for m in report.months),
    ]
    widths = [6, 20, 10, 10, *([9] * len(months))]
    sample = report.race.is_sample
    subtitle = (
        "平均得分为各月综合得分的算术平均(某月未报送任何数据计0分);"
        + _rule_text(report)
    )
    if not months:
        subtitle = "该期间没有任何月度数据。"
    if sample:
        subtitle = f"【{SAMPLE_LABEL}】本表数据为演示用示例数据。" + subtitle
    title = report.title + (f"({SAMPLE_LABEL})" if sample else "")
    _widths(ws, widths)
    _title(ws, styles, title, subtitle, widths)
    _header(ws, styles, 3, titles, widths)
    row = 4
    for group_rows in report.rows.values():
        red, black = report.lists(group_rows)
        for item in group_rows:
            mark = RED if item.region in red else None
            mark = BLACK if item.region in black else mark
            values: list[Any] = [
                item.rank,
                item.region,
                item.average,
                "" if item.group == engine.DEFAULT_GROUP else item.group,
                *(item.monthly.get(m, Decimal(0)) for m in months),
            ]
            _data_row(ws, styles, row, values, mark=mark)
            row += 1
    print_setup(ws, title=title, period=report.label, title_rows="3:3", widths=widths)
    if row > 4:
        _chart_sheet(
            workbook,
            "平均得分图",
            title=f"{title} · 平均得分",
            period=report.label,
            data=Reference(ws, min_col=3, min_row=3, max_row=row - 1),
            categories=Reference(ws, min_col=2, min_row=4, max_row=row - 1),
            count=row - 4,
        )
    workbook.save(out)
    return row - 4
