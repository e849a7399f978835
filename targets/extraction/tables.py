"""Tables flattened to tab- or space-separated lines: a header row names the
target and actual columns, each row gives one record per value cell."""

from __future__ import annotations

import re
from typing import Any

from .indicators import (
    _unit_fits,
)
from .lexicon import YEAR_RE
from .numbers import (
    QUANTITY_RE,
    read_quantity,
)
from .records import (
    Record,
)

_SPACED_HEADER_RE = re.compile(
    r"\s*(?:序号 )?(?:指标名称|指标|主要指标|项目) (?:计量)?单位 \S+ \S+"
)
_SPACED_CELL_RE = re.compile(r"[^\s]+")
_RATE_COL_RE = re.compile(r"率|比例|进度|排名|名次|位次|同比|差距|备注|说明")
_UNIT_COL_RE = re.compile(r"(?:计量)?单位")
_TARGET_COL_RE = re.compile(r"目标|计划|预期|任务")
_ACTUAL_COL_RE = re.compile(r"完成|实际|实绩|预计")


class TableReader:
    """Reads table rows into records (mixed into the walker)."""

    # tables ----------------------------------------------------------------
    def _tables(self) -> set[int]:
        """Read tables flattened to tab-separated lines; return their line starts."""
        scan = self.d.scan
        spaced = "单位 " in scan or "指标 " in scan or "指标名称 " in scan
        if "\t" not in scan and "  " not in scan and not spaced:
            return set()
        lines: list[tuple[int, str]] = []
        pos = 0
        for line in scan.split("\n"):
            lines.append((pos, line))
            pos += len(line) + 1
        skip: set[int] = set()
        i = 0
        while i < len(lines):
            start, line = lines[i]
            header = _cells(line, start)
            single = False
            if not header and spaced and _SPACED_HEADER_RE.match(line):
                # A table flattened with single spaces: 指标名称 单位 2023年完成值 …
                header = _cells(line, start, single=True)
                single = True
            if len(header) == 2 and _task_header(header):
                # 任务 | 完成情况: sentences in cells, the first column the
                # goals, the second what was done; the walk reads them.
                j = i + 1
                while j < len(lines):
                    row = _cells(lines[j][1], lines[j][0])
                    if len(row) != 2:
                        break
                    self._cell_kinds.append((row[0][1], row[0][2], "target"))
                    self._cell_kinds.append((row[1][1], row[1][2], "actual"))
                    j += 1
                i = j
                continue
            cols = _table_columns([c for c, _, _ in header])
            if len(header) < 3 or cols is None:
                i += 1
                continue
            cols["years"] = {
                k: int(y.group(1))
                for k, (c, _, _) in enumerate(header)
                if (y := YEAR_RE.search(c))
            }
            skip.add(start)
            year = None
            ym = YEAR_RE.search(line)
            if ym:
                year = int(ym.group(1))
            j = i + 1
            while j < len(lines):
                rstart, rline = lines[j]
                row = _cells(rline, rstart, single=single)
                if len(row) < 2 or (single and not _spaced_row(row, len(header))):
                    break
                skip.add(rstart)
                self._table_row(row, cols, year)
                j += 1
            i = j
        return skip

    def _table_row(
        self, row: list[tuple[str, int, int]], cols: dict[str, Any], year: int | None
    ) -> None:
        if cols["label"] >= len(row):
            return
        label, lstart, _ = row[cols["label"]]
        unit = ""
        if cols["unit"] is not None and cols["unit"] < len(row):
            unit = row[cols["unit"]][0]
        um = re.search(r"[(]([^()]{1,6})[)]\s*$", label)
        if um:
            unit = unit or um.group(1)
            label = label[: um.start()]
        label = label.strip()
        ind = self.catalog.lookup(label)
        name = label
        if ind is None:
            hits = (
                self.catalog.alias_re.finditer(label) if self.catalog.alias_re else []
            )
            for h in hits:
                rest = label[: h.start()] + label[h.end() :]
                if re.fullmatch(
                    r"(?:增速|增长率?|增幅|数量?|总数|总量|总额|全年)?", rest
                ):
                    ind = self.catalog.by_alias[h.group()]
                    break
        first = True
        for kind, idx, estimate in cols["values"]:
            if idx >= len(row):
                continue
            cell, cstart, cend = row[idx]
            m = QUANTITY_RE.fullmatch(cell + ("" if re.search(r"\D$", cell) else unit))
            if not m or not re.match(r"\d", cell):
                continue
            q = read_quantity(m)
            if q is None:
                continue
            measure = "level"
            if q.norm_unit == "pp":
                measure = "change_pp"
            elif q.norm_unit == "%" and re.search(r"增速|增长|增幅", label):
                measure = "growth"
            use = ind
            if use is not None and not _unit_fits(use, q, measure):
                use = None
            if use is None and not name:
                continue
            years = cols.get("years") or {}
            default = (
                years.get(idx)
                or (None if years else year)
                or (self.info.plan_year if kind == "target" else self.info.report_year)
            )
            start = lstart if first else cstart
            first = False
            self.records.append(
                Record(
                    doc=self.doc,
                    kind=kind,
                    region=self.info.region,
                    indicator=use.name if use else self._noun_name(name, q),
                    measure=measure,
                    comparator="=",
                    value=q.value,
                    unit=q.unit,
                    norm_value=q.norm_value,
                    norm_unit=q.norm_unit,
                    period=str(default) if default else None,
                    recurring=False,
                    estimate=estimate,
                    stretch=False,
                    quote=self.d.text[start:cend],
                    start=start,
                    end=cend,
                    indicator_code=use.code if use else None,
                )
            )


def _spaced_row(row: list[tuple[str, int, int]], width: int) -> bool:
    """A row of a single-space table: as many cells as the header, numbers last."""
    if len(row) != width or len(row[0][0]) > 30:
        return False
    return any(re.match(r"\d", c) for c, _, _ in row[-2:])


def _task_header(header: list[tuple[str, int, int]]) -> bool:
    first, second = header[0][0], header[1][0]
    return (
        len(first) <= 10
        and len(second) <= 10
        and bool(_TARGET_COL_RE.search(first))
        and not _ACTUAL_COL_RE.search(first)
        and bool(_ACTUAL_COL_RE.search(second))
    )


def cell_kind(cells: list[tuple[int, int, str]], pos: int) -> str | None:
    """The kind a task table's cell gives the figure at `pos`, if any."""
    for start, end, kind in cells:
        if start <= pos < end:
            return kind
    return None


def _cells(line: str, offset: int, single: bool = False) -> list[tuple[str, int, int]]:
    """Cells of a tab- (or wide-space-) separated line with their offsets."""
    if single:
        return [
            (m.group(), offset + m.start(), offset + m.end())
            for m in _SPACED_CELL_RE.finditer(line)
        ]
    if "\t" not in line and "  " not in line.strip():
        return []
    out = []
    for m in re.finditer(r"[^\t ]+(?: [^\t ]+)*", line):
        out.append((m.group(), offset + m.start(), offset + m.end()))
    return out


def _table_columns(header: list[str]) -> dict[str, Any] | None:
    """Which columns of a header row hold targets, actuals and the unit."""
    values: list[tuple[str, int, bool]] = []
    unit = None
    # A leading 序号 column numbers the rows; the label is the next column.
    label = 1 if header and re.fullmatch(r"序号|编号|No\.?", header[0]) else 0
    for i, cell in enumerate(header):
        if i <= label:
            continue
        if _RATE_COL_RE.search(cell):
            continue
        if _UNIT_COL_RE.fullmatch(cell):
            unit = i
        elif _TARGET_COL_RE.search(cell):
            values.append(("target", i, False))
        elif _ACTUAL_COL_RE.search(cell):
            values.append(("actual", i, "预计" in cell))
    if not values:
        return None
    return {"values": values, "unit": unit, "label": label}
