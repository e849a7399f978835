"""The 月通报 workbook (and the quarterly/annual roll-up workbook), with openpyxl.

Every text cell goes through ``reports.excel.cells.set_safe_value`` so region or
indicator names starting with = + - @ (or a tab/CR) stay text, never formulas.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reports.excel.cells import set_safe_value
from saima import engine
from saima.models import FigureMeasure
from saima.selectors import MonthReport, RollupReport
from targets import display

SAMPLE_LABEL = "示例数据"
RED = PatternFill("solid", fgColor="F8CBAD")  # 红榜: top three
GREY = PatternFill("solid", fgColor="BFBFBF")  # 黑榜: bottom three
HEADER = PatternFill("solid", fgColor="DDEBF7")
TITLE_FONT = Font(bold=True, size=14)
BOLD = Font(bold=True)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
SCORE_FORMAT = "0.00"
VALUE_FORMAT = "#,##0.00"
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def _put(ws: Worksheet, row: int, column: int, value: Any, **style: Any) -> None:
    cell = ws.cell(row=row, column=column)
    if isinstance(value, Decimal):
        value = float(value)
    set_safe_value(cell, value)
    for name, setting in style.items():
        setattr(cell, name, setting)


def _title(ws: Worksheet, text: str, subtitle: str, width: int) -> None:
    _put(ws, 1, 1, text, font=TITLE_FONT, alignment=CENTER)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.row_dimensions[1].height = 28
    _put(ws, 2, 1, subtitle, alignment=Alignment(horizontal="left"))
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)


def _header(ws: Worksheet, row: int, titles: list[str]) -> None:
    for column, title in enumerate(titles, start=1):
        _put(
            ws, row, column, title, font=BOLD, fill=HEADER, alignment=CENTER, border=BOX
        )
    ws.freeze_panes = ws.cell(row=row + 1, column=1)


def _sheet_name(name: str, used: set[str]) -> str:
    base = _SHEET_BAD.sub("", name)[:28] or "指标"
    candidate, n = base, 2
    while candidate in used:
        candidate = f"{base[:26]}{n}"
        n += 1
    used.add(candidate)
    return candidate


def _marks(report: MonthReport) -> str:
    parts = []
    if report.race.is_sample:
        parts.append(f"【{SAMPLE_LABEL}】本表数据为演示用示例数据,非真实统计数据。")
    parts.append("红色为综合得分前三名(红榜),灰色为后三名(黑榜);分组的按组排名。")
    return "".join(parts)


def month_workbook_write(report: MonthReport, out: Path | str) -> int:
    """Write the 月通报 workbook; returns the number of region rows ranked."""
    workbook = Workbook()
    ranking = workbook.active
    ranking.title = "综合排名"
    title = report.title + (f"({SAMPLE_LABEL})" if report.race.is_sample else "")
    specs = report.indicators
    titles = ["名次", "地区", "综合得分", "上月名次", "变化", "分组"]
    titles += [f"{ri.display_name}得分" for ri in specs]
    titles.append("备注")
    _title(ranking, title, _marks(report), len(titles))
    _header(ranking, 3, titles)
    row = 4
    first_data = row
    for group_rows in report.result.groups.values():
        red, black = engine.red_black(group_rows)
        fills = {r.region: RED for r in red} | {r.region: GREY for r in black}
        for result in group_rows:
            fill = fills.get(result.region)
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
                ("未报送:" + "、".join(missing)) if missing else "",
            ]
            _data_row(ranking, row, values, fill=fill)
            row += 1
    last_data = row - 1
    _widths(ranking, [6, 22, 10, 9, 7, 10, *([14] * len(specs)), 30])
    if last_data >= first_data:
        chart = BarChart()
        chart.type = "bar"
        chart.title = "综合得分" + (
            f"({SAMPLE_LABEL})" if report.race.is_sample else ""
        )
        chart.y_axis.title = "综合得分"
        chart.legend = None
        data = Reference(
            ranking, min_col=3, min_row=3, max_row=last_data
        )  # header row gives the series name
        categories = Reference(
            ranking, min_col=2, min_row=first_data, max_row=last_data
        )
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(categories)
        chart.height = max(7.5, 0.6 * (last_data - first_data + 1))
        chart.width = 18
        ranking.add_chart(chart, f"{get_column_letter(len(titles) + 2)}3")
    used = {"综合排名"}
    for ri in specs:
        _indicator_sheet(workbook, report, ri, _sheet_name(ri.display_name, used))
    workbook.save(out)
    return last_data - first_data + 1


def _indicator_sheet(
    workbook: Workbook, report: MonthReport, ri: Any, sheet_name: str
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
    completion = ri.method == engine.COMPLETION
    if completion:
        titles[4:4] = ["目标值", "完成率(%)"]
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
    _title(ws, f"{report.title} · {ri.display_name}", subtitle, len(titles))
    _header(ws, 3, titles)
    formats = [SCORE_FORMAT if t == "得分" else VALUE_FORMAT for t in titles]
    row = 4
    for group_rows in report.result.groups.values():
        ranked = [r for r in group_rows if r.indicators[ri.key].reported]
        ranked.sort(key=lambda r: r.indicators[ri.key].rank)
        unreported = [r for r in group_rows if not r.indicators[ri.key].reported]
        from_bottom = engine.competition_ranks(
            {r.region: r.indicators[ri.key].rank for r in ranked},
            higher_is_better=True,
        )
        for result in [*ranked, *unreported]:
            res = result.indicators[ri.key]
            level = report.figure(result.region, ri, FigureMeasure.LEVEL)
            growth = report.figure(result.region, ri, FigureMeasure.GROWTH)
            values: list[Any] = [
                res.rank if res.rank is not None else "—",
                result.region,
                level[0] if level else None,
                growth[0] if growth else None,
                res.score,
                "" if result.group == engine.DEFAULT_GROUP else result.group,
                res.note,
            ]
            if completion:
                rate = (
                    res.value
                    if ri.measure == FigureMeasure.COMPLETION
                    else report.completion(result.region, ri)
                )
                target = report.targets.get((result.region, ri.key))
                values[4:4] = [target, rate]
            fill = None
            if res.rank is not None and res.rank <= 3:
                fill = RED
            elif res.rank is not None and from_bottom[result.region] <= 3:
                fill = GREY
            _data_row(ws, row, values, fill=fill, formats=formats)
            row += 1
    _widths(ws, [6, 22, 14, 10, *([10] * (len(titles) - 5)), 16])


def _data_row(
    ws: Worksheet,
    row: int,
    values: list[Any],
    *,
    fill: PatternFill | None,
    formats: list[str] | None = None,
) -> None:
    """One boxed data row, filled red/grey when given; a Decimal gets the number
    format of its column in ``formats`` (the score format when not given)."""
    for column, value in enumerate(values, start=1):
        style: dict[str, Any] = {"border": BOX}
        if fill is not None:
            style["fill"] = fill
        if isinstance(value, Decimal):
            style["number_format"] = formats[column - 1] if formats else SCORE_FORMAT
        _put(ws, row, column, value, **style)


def _widths(ws: Worksheet, widths: list[int]) -> None:
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width


def rollup_workbook_write(report: RollupReport, out: Path | str) -> int:
    """Write the quarterly/annual roll-up; returns the number of region rows."""
    workbook = Workbook()
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
    sample = report.race.is_sample
    subtitle = (
        "平均得分为各月综合得分的算术平均(某月未报送任何数据计0分);分组的按组排名。"
    )
    if not months:
        subtitle = "该期间没有任何月度数据。"
    if sample:
        subtitle = f"【{SAMPLE_LABEL}】本表数据为演示用示例数据。" + subtitle
    _title(
        ws,
        report.title + (f"({SAMPLE_LABEL})" if sample else ""),
        subtitle,
        len(titles),
    )
    _header(ws, 3, titles)
    row = 4
    for group_rows in report.rows.values():
        red_names = {r.region for r in group_rows if r.rank <= 3}
        from_bottom = engine.competition_ranks(
            {r.region: r.average for r in group_rows}, higher_is_better=False
        )
        for item in group_rows:
            fill = RED if item.region in red_names else None
            if fill is None and from_bottom[item.region] <= 3:
                fill = GREY
            values: list[Any] = [
                item.rank,
                item.region,
                item.average,
                "" if item.group == engine.DEFAULT_GROUP else item.group,
                *(item.monthly.get(m, Decimal(0)) for m in months),
            ]
            _data_row(ws, row, values, fill=fill)
            row += 1
    _widths(ws, [6, 22, 10, 10, *([10] * len(months))])
    if row > 4:
        chart = BarChart()
        chart.type = "bar"
        chart.title = "平均得分" + (f"({SAMPLE_LABEL})" if sample else "")
        chart.legend = None
        chart.add_data(
            Reference(ws, min_col=3, min_row=3, max_row=row - 1), titles_from_data=True
        )
        chart.set_categories(Reference(ws, min_col=2, min_row=4, max_row=row - 1))
        chart.height = max(7.5, 0.6 * (row - 4))
        chart.width = 18
        ws.add_chart(chart, f"{get_column_letter(len(titles) + 2)}3")
    workbook.save(out)
    return row - 4
