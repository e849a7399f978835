"""Reading and validating a monthly figures file (CSV or Excel).

The file has one figure a row under the header
``月份 | 地区 | 指标 | 口径 | 数值 | 单位`` (columns may come in any order; extra
columns are ignored). Validation looks at every row and collects every bad cell —
unknown region or indicator, bad month, unknown 口径, non-numeric value, unit that
does not fit, duplicate row — each named by its row number and column letter as a
spreadsheet shows them. Any error rejects the whole file: ``parse_figures`` raises
``ImportRejected`` and nothing is written.

This module reads the database only through the lookup tables passed in
(``Lookups``), so the rules are tested without one.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from targets import display
from targets.extraction.loading import LoadError, check_zip
from targets.periods import Period
from targets.validators import decimal_out_of_range

HEADERS = ("月份", "地区", "指标", "口径", "数值", "单位")
REQUIRED = ("月份", "地区", "指标", "口径", "数值")
MEASURES = {
    "总量": "level",
    "增速": "growth",
    "完成率": "completion",
    "level": "level",
    "growth": "growth",
    "completion": "completion",
}
PERCENT_UNITS = {"", "%", "％", "百分比", "百分点"}
# Money amounts are stored in the indicator's usual unit; these convert.
MEASURE_SUFFIXES = ("增速", "总量", "完成率")

_MONTH_TEXT = re.compile(r"^(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:月(?:份)?)?$")
_MONTH_COMPACT = re.compile(r"^(\d{4})(\d{2})$")


@dataclass(frozen=True)
class CellError:
    row: int
    column: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"第{self.row}行"
        if self.column:
            where += f"{self.column}列"
        if self.field:
            where += f"({self.field})"
        return f"{where}:{self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "field": self.field,
            "message": str(self),
        }


class ImportRejected(ValidationError):
    """The file has errors; ``errors`` lists every bad cell. Nothing was imported."""

    def __init__(self, errors: Sequence[CellError]) -> None:
        self.errors = list(errors)
        super().__init__([str(error) for error in self.errors])

    @property
    def summary(self) -> str:
        return f"导入文件有{len(self.errors)}处错误,未导入任何数据。"


@dataclass(frozen=True)
class IndicatorRef:
    id: int
    name: str
    unit: str


@dataclass
class Lookups:
    """Names the file may use: region name → id; indicator name/code/alias → ref."""

    regions: dict[str, int] = field(default_factory=dict)
    indicators: dict[str, IndicatorRef] = field(default_factory=dict)

    def region(self, text: str) -> int | None:
        text = text.strip()
        if text in self.regions:
            return self.regions[text]
        # 南陵 and 南陵县 are not the same rule as cities; only the exact or the
        # canonical city spelling (芜湖 → 芜湖市) is accepted.
        if len(text) == 2 and text + "市" in self.regions:
            return self.regions[text + "市"]
        return None

    def indicator(self, text: str, measure: str | None) -> IndicatorRef | None:
        text = text.strip()
        if text in self.indicators:
            return self.indicators[text]
        # "地方财政科技投入增速" with 口径 增速 names the indicator plus its measure.
        for suffix in MEASURE_SUFFIXES:
            if text.endswith(suffix) and MEASURES.get(suffix) == measure:
                return self.indicators.get(text[: -len(suffix)])
        return None


@dataclass(frozen=True)
class ParsedFigure:
    row: int
    month: dt.date
    region_id: int
    indicator_id: int
    measure: str
    value: Decimal
    unit: str

    @property
    def key(self) -> tuple[dt.date, int, int, str]:
        return (self.month, self.region_id, self.indicator_id, self.measure)


def parse_month(value: Any) -> dt.date | None:
    """The first day of the month a cell names, or None if it names none."""
    if isinstance(value, dt.datetime):
        return Period.month_of(value.date()).start
    if isinstance(value, dt.date):
        return Period.month_of(value).start
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip() if value is not None else ""
    match = _MONTH_TEXT.match(text) or _MONTH_COMPACT.match(text)
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (1900 <= year <= 2999 and 1 <= month <= 12):
        return None
    return Period.of_month(year, month).start


def parse_value(value: Any) -> Decimal | None:
    """A finite Decimal from a number cell or text such as "1,234.5" or "12.3%"."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | Decimal):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    else:
        text = str(value or "").strip().replace(",", "").replace(",", "")
        text = text.removesuffix("%").removesuffix("％").strip()
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            return None
    if not number.is_finite():
        return None
    return number


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_table(data: bytes, name: str) -> list[tuple[int, list[Any]]]:
    """(row number, cell values) for every non-blank row of the first sheet or CSV."""
    lowered = name.lower()
    if lowered.endswith(".xls"):
        raise ImportRejected(
            [
                CellError(
                    0, "", "", "不支持旧版 .xls 文件,请另存为 .xlsx 或 CSV 后再导入。"
                )
            ]
        )
    if lowered.endswith((".xlsx", ".xlsm")) or data[:4] == b"PK\x03\x04":
        try:
            # The zip directory first: a bomb is refused before anything inflates.
            check_zip(data, label="Excel 文件", ext=".xlsx")
        except LoadError as exc:
            raise ImportRejected([CellError(0, "", "", str(exc))]) from exc
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types for broken files
            raise ImportRejected(
                [CellError(0, "", "", f"无法读取 Excel 文件:{exc.__class__.__name__}")]
            ) from exc
        sheet = workbook["月度数据"] if "月度数据" in workbook.sheetnames else None
        sheet = sheet or workbook.worksheets[0]
        rows = [
            (number, list(values))
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
        workbook.close()
    else:
        text = None
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        if text is None or "\x00" in text:
            raise ImportRejected(
                [
                    CellError(
                        0, "", "", "无法识别文件编码,请使用 UTF-8 或 GBK 编码的 CSV。"
                    )
                ]
            )
        reader = csv.reader(io.StringIO(text, newline=""))
        rows = [(number, list(values)) for number, values in enumerate(reader, start=1)]
    return [(n, v) for n, v in rows if any(_text(cell) for cell in v)]


def parse_figures(
    data: bytes,
    name: str,
    lookups: Lookups,
    allowed_regions: set[int] | None = None,
) -> list[ParsedFigure]:
    """Validate a whole file; return its figures or raise ``ImportRejected``.

    ``allowed_regions`` (a region clerk's regions, None for no restriction): a row
    for any other region is a cell error, so the file replaces nothing elsewhere.
    """
    rows = read_table(data, name)
    if not rows:
        raise ImportRejected([CellError(0, "", "", "文件为空,没有任何数据行。")])
    header_at = next(
        (
            i
            for i, (_, cells) in enumerate(rows)
            if {"月份", "地区"} <= {_text(c) for c in cells}
        ),
        None,
    )
    if header_at is None:
        raise ImportRejected(
            [
                CellError(
                    rows[0][0],
                    "",
                    "",
                    "未找到表头,第一行应为“" + " | ".join(HEADERS) + "”。",
                )
            ]
        )
    header_row, header_cells = rows[header_at]
    columns: dict[str, int] = {}
    for index, cell in enumerate(header_cells):
        title = _text(cell)
        if title in HEADERS and title not in columns:
            columns[title] = index
    missing = [title for title in REQUIRED if title not in columns]
    if missing:
        raise ImportRejected(
            [
                CellError(header_row, "", "", f"表头缺少“{title}”列。")
                for title in missing
            ]
        )
    errors: list[CellError] = []
    figures: list[ParsedFigure] = []
    first_row_of: dict[tuple[dt.date, int, int, str], int] = {}
    for row_number, cells in rows[header_at + 1 :]:
        parsed = _parse_row(row_number, cells, columns, lookups, errors)
        if parsed is None:
            continue
        if allowed_regions is not None and parsed.region_id not in allowed_regions:
            errors.append(
                CellError(
                    row_number,
                    get_column_letter(columns["地区"] + 1),
                    "地区",
                    f"您只能导入本地区及下级地区的数据,“{_text(cells[columns['地区']])}”不在其中",
                )
            )
            continue
        if parsed.key in first_row_of:
            errors.append(
                CellError(
                    row_number,
                    get_column_letter(columns["月份"] + 1),
                    "月份/地区/指标/口径",
                    f"与第{first_row_of[parsed.key]}行重复(同一月份、地区、指标、口径)",
                )
            )
            continue
        first_row_of[parsed.key] = row_number
        figures.append(parsed)
    if errors:
        raise ImportRejected(errors)
    if not figures:
        raise ImportRejected([CellError(header_row, "", "", "表头下没有任何数据行。")])
    return figures


def _parse_row(
    row_number: int,
    cells: list[Any],
    columns: dict[str, int],
    lookups: Lookups,
    errors: list[CellError],
) -> ParsedFigure | None:
    def cell(title: str) -> Any:
        index = columns.get(title)
        if index is None or index >= len(cells):
            return None
        return cells[index]

    def bad(title: str, message: str) -> None:
        errors.append(
            CellError(row_number, get_column_letter(columns[title] + 1), title, message)
        )

    before = len(errors)
    month = parse_month(cell("月份"))
    if month is None:
        raw = _text(cell("月份"))
        bad("月份", f"“{raw}”不是有效月份(应为 2024-06)" if raw else "月份为空")
    region_text = _text(cell("地区"))
    region_id = lookups.region(region_text) if region_text else None
    if region_id is None:
        bad("地区", f"未知地区“{region_text}”" if region_text else "地区为空")
    measure_text = _text(cell("口径"))
    measure = MEASURES.get(measure_text)
    if measure is None:
        bad(
            "口径",
            f"未知口径“{measure_text}”(应为 总量、增速 或 完成率)"
            if measure_text
            else "口径为空",
        )
    indicator_text = _text(cell("指标"))
    indicator = lookups.indicator(indicator_text, measure) if indicator_text else None
    if indicator is None:
        bad("指标", f"未知指标“{indicator_text}”" if indicator_text else "指标为空")
    raw_value = cell("数值")
    value = parse_value(raw_value)
    if value is None:
        raw = _text(raw_value)
        bad("数值", f"“{raw}”不是数字" if raw else "数值为空")
    unit = _text(cell("单位"))
    if measure is not None and indicator is not None and value is not None:
        converted = _check_unit(measure, indicator, value, unit)
        if isinstance(converted, str):
            if "单位" in columns:
                bad("单位", converted)
            else:
                bad("数值", converted)
        else:
            value, unit = converted
    if value is not None and (problem := decimal_out_of_range(value)):
        bad("数值", problem)
    if len(errors) > before:
        return None
    assert month is not None and region_id is not None
    assert indicator is not None and measure is not None and value is not None
    return ParsedFigure(
        row_number, month, region_id, indicator.id, measure, value, unit
    )


def _check_unit(
    measure: str, indicator: IndicatorRef, value: Decimal, unit: str
) -> tuple[Decimal, str] | str:
    """The value in the stored unit, or an error message."""
    if measure in ("growth", "completion"):
        if unit not in PERCENT_UNITS:
            return f"增速和完成率的单位应为“%”,不能是“{unit}”"
        return value, "%"
    usual = indicator.unit
    if not unit or not usual or unit == usual:
        return value, unit or usual
    scale, usual_scale = display.money_scale(unit), display.money_scale(usual)
    if scale is not None and usual_scale is not None:
        return value * scale / usual_scale, usual
    return f"单位“{unit}”与指标“{indicator.name}”的常用单位“{usual}”不一致"


def lookups_from(
    regions: Iterable[tuple[int, str]],
    indicators: Iterable[tuple[int, str, str | None, list[str] | None, str]],
) -> Lookups:
    """Build lookups from (id, name) regions and (id, name, code, aliases, unit)."""
    lookups = Lookups()
    for region_id, name in regions:
        lookups.regions[name] = region_id
    # Names win over codes, codes over aliases, when two indicators share a word.
    alias_refs: dict[str, IndicatorRef] = {}
    code_refs: dict[str, IndicatorRef] = {}
    for indicator_id, name, code, aliases, unit in indicators:
        ref = IndicatorRef(indicator_id, name, unit or "")
        lookups.indicators[name] = ref
        if code:
            code_refs[code] = ref
        for alias in aliases or []:
            alias_refs.setdefault(alias, ref)
    for mapping in (code_refs, alias_refs):
        for key, ref in mapping.items():
            lookups.indicators.setdefault(key, ref)
    return lookups


TEMPLATE_EXAMPLE = ("2024-06", "南陵县", "全社会研发经费投入", "增速", "12.5", "%")
TEMPLATE_NOTES = (
    "每行一个数值;表头必须保留:月份 | 地区 | 指标 | 口径 | 数值 | 单位。",
    "月份:2024-06 或 2024年6月。",
    "地区:系统中已有的县区、开发区名称,如“南陵县”。",
    "指标:指标名称、编码或别名,如“全社会研发经费投入”。",
    "口径:总量、增速 或 完成率。",
    "数值:纯数字,增速、完成率填百分数(12.5 表示 12.5%)。",
    "单位:总量填指标单位(如 亿元、万元),增速、完成率填 %。",
    "同一月份、地区、指标、口径只能有一行;重新导入某地区某月的数据会替换该地区该月的全部数值。",
    "任何一处错误都会使整个文件不被导入,错误信息会指出行号和列号。",
)


def template_bytes(fmt: str = "xlsx") -> bytes:
    """A blank import template: the header row (and a notes sheet in Excel)."""
    if fmt == "csv":
        buffer = io.StringIO()
        csv.writer(buffer).writerow(HEADERS)
        # utf-8-sig so Excel on Windows opens the Chinese header correctly.
        return buffer.getvalue().encode("utf-8-sig")
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "月度数据"
    sheet.append(HEADERS)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for index, _ in enumerate(HEADERS, start=1):
        sheet.cell(row=1, column=index).font = bold
        sheet.cell(row=1, column=index).fill = fill
        sheet.column_dimensions[get_column_letter(index)].width = 18
    sheet.freeze_panes = "A2"
    notes = workbook.create_sheet("填写说明")
    notes.append(["填写说明"])
    notes["A1"].font = bold
    for line in TEMPLATE_NOTES:
        notes.append([line])
    notes.append([])
    notes.append(["示例(请勿填入“月度数据”表之外):", *TEMPLATE_EXAMPLE])
    notes.column_dimensions["A"].width = 80
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
