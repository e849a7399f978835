"""Tables in scraped text: a header row names what each column holds, each row
under it gives one record per figure cell.

A page's table arrives flattened in one of a few layouts: cells separated by
tabs, by ｜ or |, by runs of spaces, by single spaces (指标名称 单位 2023年完成值 …;
序号 重点工作任务 主要责任单位 完成期限 over rows that open with their number),
one cell per line (序号⏎工作任务⏎目标值⏎责任单位⏎完成时限⏎1⏎…), or one cell per line
with a bar line between cells and two between rows (|⏎序号⏎|⏎考核指标⏎|⏎…). A cell
may wrap onto the lines below (a department list); those lines stay in the
table. The header words give each column a role:

- target: 目标, 目标值, 年度目标, 计划, 预期 (2024年目标: that year);
- actual: 完成, 实际, 累计完成, 1-6月, 上半年 (the months are the figure's period);
- label: 指标, 考核指标, 工作任务, 项目, 内容 (what the row counts; a sentence
  stating a figure there is read like running text, as a goal);
- progress: 序时进度, 进展情况, 推进情况 (what is done, in words: actuals, each of
  the months it names);
- unit: 单位, 计量单位;
- none: 序号, 完成时限, 时间, 责任单位, 牵头单位, 备注, 完成进度, 完成率 (no
  figure of either kind: a deadline, a department, a share of the target done;
  a deadline's year dates its row when nothing else dates the table).

A task-breakdown table (序号 | 工作任务 | 目标值 | 责任单位 | 完成时限) gives targets of
the plan's year; a progress table (指标 | 年度目标 | 1-6月完成 | 完成进度) gives the
year's target and the actual of its months, each once. Header lines and rows
are never read as running text, so 完成时限 does not turn a plan's table into
a report."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
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
from .regions import zone_city
from .sections import _Ctx, is_date_line

_SPACED_HEADER_RE = re.compile(
    r"\s*(?:序号 )?(?:指标名称|指标|主要指标|项目) (?:计量)?单位 \S+ \S+"
)
# Cheap signs that a text may hold a table at all.
_TABLE_CUES = ("\t", "  ", "|", "｜", "\u3000", "单位 ", "指标 ")
_STACKED_CUE_RE = re.compile(
    r"\n(?:序号|编号|指标|指标名称|主要指标|项目|工作任务|重点任务|主要任务|任务)\s*\n"
)
_SPACED_CELL_RE = re.compile(r"[^\s]+")
# Cells: a tab, a bar (｜ or |), two or more spaces, an ideographic space.
_SEP_RE = re.compile(r"\t| *[|｜] *| {2,}|\u3000+")
_RULE_ROW_RE = re.compile(r"[\s|｜:\-—=+]*")  # |---|---| in a markdown table

# Header words, tried in this order.
_NUM_COL_RE = re.compile(r"序号|编号|No\.?|排序|#")
_UNIT_COL_RE = re.compile(r"(?:计量)?单位")
_NONE_COL_RE = re.compile(
    r"时限|时间|节点|期限|日期|截止|进度安排|"
    r"单位|部门|领导|责任|牵头|配合|负责|主体|联系人|电话|联系方式|"
    r"备注|说明|措施|举措|路径|依据|来源|评分|分值|权重|考核|得分|"
    r"率|比例|比重|进度|排名|名次|位次|同比|差距|占比|百分比|%|幅度"
)
_LABEL_COL_RE = re.compile(
    r"(?:主要|重点|具体|年度|工作|目标|考核|评价|绩效|监测)?(?:任务|工作|内容|事项|项目|指标|"
    r"指标名称|任务名称|工作任务|工作内容|重点工作|名称|类别|分类)(?:名称|内容)?"
    r"(?:[与及和]要求)?"  # 具体任务与要求: the task as set
)
_GROWTH_COL_RE = re.compile(r"增长|增速|增幅")
_DUE_COL_RE = re.compile(r"时限|时间|节点|期限|日期|截止")
# A column telling in words how far the work has come (序时进度, 进展情况):
# what it reports is done, each figure an actual of the months it names.
_PROGRESS_COL_RE = re.compile(
    r"(?:\d{4}年度?)?(?:\d{1,2}(?:[-—~至]\d{1,2})?月(?:份|底|末)?|上半年|前三季度|截至\S{0,6})?"
    r"(?:序时进度|工作进度|进展情况|工作进展|进展|推进情况|落实情况|执行情况|完成情况)"
)
_TARGET_COL_RE = re.compile(r"目标|计划|预期|任务值|任务数|指标值")
_ACTUAL_COL_RE = re.compile(r"完成|实际|实绩|累计|实现|预计|\d月|半年|季度")
_HEADER_DIGITS_RE = re.compile(
    r"\d{4}年(?:度)?|\d{1,2}(?:[-—~至]\d{1,2})?月(?:份)?|%|No\.?|\d季度"
)
_MONTHS_RE = re.compile(
    r"(?:(\d{1,2})[-—~至])?(\d{1,2})月|(上|下)半年|前三季度|(?:第)?([一1])季度"
)
# 地区生产总值增速(%: a unit note whose close the page lost, a unit alone.
_OPEN_UNIT_NOTE_RE = re.compile(r"[(（](%|‰|个百分点|[万亿]?元|[家个项人名件次])\s*$")
_ROW_NUMBER_RE = re.compile(
    r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.、]?|[(（]\d{1,3}[)）]"
)
_CAPTION_RE = re.compile(r"表|情况|目标|任务|指标")
_PROSE_END_RE = re.compile(r"[。!?;]")
# A page title that is a table's caption (…进展情况表, …任务分解表).
# A page title that reports how a year's tasks went (2023年《政府工作报告》重点工作
# 任务完成情况, …上半年完成情况的通报): the page is the table, its year the title's.
_TITLE_CAPTION_RE = re.compile(
    r"(?:情况|任务|目标|指标|清单|分解|台账)[一览]*表$"
    r"|(?:任务|目标|工作)\S{0,8}(?:完成|进展|落实|执行)情况(?:的?(?:通报|报告))?$"
)

# What a figure cell may say around the number.
_CELL_PRE_RE = re.compile(
    r"(≥|≤|>=|<=|>|<|不低于|不少于|至少|不超过|不高于|控制在|超过|突破|达到|达|约|"
    r"力争|力争达到|争取|增长|同比增长|下降|提高|提升|新增|净增|累计)?\s*"
)
_CELL_POST_RE = re.compile(r"\s*(以上|以下|以内|左右|上下)?\s*")
_PRE_COMPARATOR = {
    "≥": ">=",
    ">=": ">=",
    "不低于": ">=",
    "不少于": ">=",
    "至少": ">=",
    "≤": "<=",
    "<=": "<=",
    "不超过": "<=",
    "不高于": "<=",
    "控制在": "<=",
    ">": ">",
    "超过": ">",
    "突破": ">",
    "<": "<",
    "约": "~",
}
_POST_COMPARATOR = {
    "以上": ">=",
    "以下": "<=",
    "以内": "<=",
    "左右": "~",
    "上下": "~",
}
_GROWTH_WORD_RE = re.compile(r"增长|增速|增幅|下降|降低|减少")
_DECLINE_WORD_RE = re.compile(r"下降|降低|减少")
_INCREASE_WORD_RE = re.compile(
    r"新增|净增|新认定|新备案|新引建|新建|引进|引入|招引|获批|培育|新培育"
)
_LABEL_REST_RE = re.compile(
    r"(?:全年|年度|全市|全区|全县)?(?:新增|净增|新认定|新培育|培育|引进|达到)?"
    r"(?:增速|增长率?|增幅|数量?|总数|总量|总额|全年)?"
)
_EMPTY_CELL_RE = re.compile(r"[-—/／\\－–]*|无|暂无|—+")


@dataclass
class _Column:
    role: str  # target | actual | label | unit | none | num | other
    year: int | None = None
    months: tuple[int, int] | None = None
    estimate: bool = False
    growth: bool = False  # 同比增长%: the figures are growth rates
    due: bool = False  # 完成时限, 考核时间: when the row's work is due
    remark: bool = False  # 备注: a bare amount there is the actual's level


def _column(cell: str) -> _Column:
    """The role of a header cell."""
    c = re.sub(r"[\s()（）]", "", cell)
    year_m = YEAR_RE.search(c)
    year = int(year_m.group(1)) if year_m else None
    months = _months(c)
    if _NUM_COL_RE.fullmatch(c):
        return _Column("num")
    if _UNIT_COL_RE.fullmatch(c):
        return _Column("unit")
    if _GROWTH_COL_RE.search(c) and not re.search(r"进度|完成率|排名|位次|差距", c):
        # 同比增长%, 增速: the growth of what the row counts, a target when the
        # header says so, else the actual of the table's period.
        if _TARGET_COL_RE.search(c):
            return _Column("target", year, None, growth=True)
        return _Column("actual", year, months, "预计" in c, growth=True)
    if _PROGRESS_COL_RE.fullmatch(c):
        return _Column("actual", year, months)
    if _LABEL_COL_RE.fullmatch(c):
        return _Column("label")  # 考核指标: what the row counts, not an assessment
    pct = re.fullmatch(r"(.+?)%", c)
    if (
        pct
        and _ACTUAL_COL_RE.search(pct.group(1))
        and not _NONE_COL_RE.search(pct.group(1))
    ):
        # 上半年完成(%): the rates of what the rows count, not a share done.
        return _Column("actual", year, months, "预计" in c, growth=True)
    if _NONE_COL_RE.search(c):
        remark = c in ("备注", "说明")
        return _Column("none", due=bool(_DUE_COL_RE.search(c)), remark=remark)
    if _TARGET_COL_RE.search(c) and not re.search(r"完成|实际|实绩", c):
        return _Column("target", year, None)
    if _ACTUAL_COL_RE.search(c):
        return _Column("actual", year, months, "预计" in c)
    return _Column("other", year)


def _months(c: str) -> tuple[int, int] | None:
    m = _MONTHS_RE.search(c)
    if not m:
        return None
    if m.group(3):
        return (1, 6) if m.group(3) == "上" else (7, 12)
    if m.group(0) == "前三季度":
        return (1, 9)
    if m.group(4):
        return (1, 3)
    last = int(m.group(2))
    first = int(m.group(1)) if m.group(1) else 1
    if not 1 <= first <= last <= 12:
        return None
    return (first, last)


def _header_word(c: str) -> _Column | None:
    """The role of a cell that reads as a header word, else None."""
    if not c or len(c) > 16 or _PROSE_END_RE.search(c) or "," in c or "、" in c:
        return None  # a heading (一、主要指标完成情况) or a list, not a header
    if re.search(r"\d", _HEADER_DIGITS_RE.sub("", c)):
        return None  # a figure: a row, not a header
    if not re.search(r"[\u4e00-\u9fff]", c) and not _NUM_COL_RE.fullmatch(c):
        return None
    return _column(c)


def _header_columns(cells: list[str]) -> list[_Column] | None:
    """Column roles when `cells` read as a header row, else None."""
    if len(cells) < 2:
        return None
    cols = []
    for c in cells:
        col = _header_word(c)
        if col is None:
            return None
        cols.append(col)
    roles = [c.role for c in cols]
    values = sum(r in ("target", "actual") for r in roles)
    if sum(r == "other" for r in roles) * 2 > len(roles):
        return None
    if values:
        return cols
    if "label" in roles and "none" in roles:
        return cols  # 工作任务 | 责任单位 | 完成时限: the figures are in the tasks
    return None


@dataclass
class _Table:
    cols: list[_Column]
    label: int
    year: int | None  # the year its caption or header names
    months: tuple[int, int] | None  # the months its caption names (1-6月)
    # The year of the row being read, from its deadline cell (2024年12月底) or
    # the last row's: the year of its figures when neither caption nor
    # document names one.
    row_year: int | None = None


class TableReader:
    """Reads table rows into records (mixed into the walker)."""

    # tables ----------------------------------------------------------------
    def _tables(self) -> set[int]:
        """Read the tables; return the line starts (in the view) they cover,
        which the walk then passes over."""
        scan = self.d.scan
        if not any(s in scan for s in _TABLE_CUES) and not _STACKED_CUE_RE.search(scan):
            return set()
        lines = _raw_lines(self.d.text)
        spans: list[tuple[int, int]] = []
        i = 0
        while i < len(lines):
            start, end = lines[i]
            cells = _cells(scan, start, end)
            single = False
            header = _header_columns([c for c, _, _ in cells]) if cells else None
            if header is not None and any(" " in c for c, _, _ in cells):
                # 序号 指标名称  2020年目标值  2020年预计值 完成情况: spaces of both
                # widths; read by single spaces when that gives a header.
                spaced = _cells(scan, start, end, single=True)
                words = _spaced_header([c for c, _, _ in spaced])
                if words is not None:
                    header, cells, single = words, spaced, True
            if header is None and not cells and " " in scan[start:end].strip():
                # A table flattened with single spaces: 指标名称 单位 2023年完成值 …,
                # 序号 重点工作任务 主要责任单位 完成期限
                spaced = _cells(scan, start, end, single=True)
                header = _spaced_header([c for c, _, _ in spaced])
                if header is None and _SPACED_HEADER_RE.match(scan, start, end):
                    header = _header_columns([c for c, _, _ in spaced])
                if header is not None:
                    cells, single = spaced, True
            if header is not None:
                j = i + 1
                if single and _numbered(header):
                    j = self._read_numbered(lines, i, header)
                if j <= i + 1:
                    j = self._read_rows(lines, i, cells, header, single)
                if j > i + 1:
                    spans.append((start, lines[j - 1][1]))
                    i = j
                    continue
            if _BAR_LINE_RE.fullmatch(scan[start:end]):
                # One cell per line between lines holding a bar (|⏎序号⏎|⏎…).
                j = self._read_barred(lines, i)
                if j > i + 1:
                    spans.append((start, lines[j - 1][1]))
                    i = j
                    continue
            # One cell per line: a run of short header words.
            k = i
            words: list[tuple[str, int, int]] = []
            while k < len(lines) and len(words) < 12:
                a, b = lines[k]
                text = scan[a:b].strip()
                if not text and words and k + 1 < len(lines):
                    # 序号⏎⏎具体任务与要求⏎⏎进展情况: a blank line between cells.
                    k += 1
                    continue
                lone = _lone_cell(scan, a, b) if text else None
                if lone is None or len(lone[0]) > 10:
                    break
                col = _header_word(lone[0])
                if col is None or col.role == "other":
                    break
                words.append(lone)
                k += 1
            if len(words) >= 3:
                header = _header_columns([w for w, _, _ in words])
                if header is not None:
                    j = self._read_stacked(lines, i, k, words, header)
                    if j > k:
                        spans.append((start, lines[j - 1][1]))
                        i = j
                        continue
            i += 1
        if not spans:
            return set()
        # The view's line starts inside the tables.
        skip: set[int] = set()
        for a, b in spans:
            pos = a
            while pos <= b:
                skip.add(pos)
                nl = scan.find("\n", pos, b)
                if nl < 0:
                    break
                pos = nl + 1
        return skip

    def _table(
        self, lines: list[tuple[int, int]], i: int, cols: list[_Column]
    ) -> _Table:
        """The table whose header is line `i`: its label column and frame."""
        scan = self.d.scan
        label = next((k for k, c in enumerate(cols) if c.role == "label"), None)
        if label is None:
            label = next((k for k, c in enumerate(cols) if c.role not in ("num",)), 0)
        year = None
        months = None
        # The caption: the header line itself or one of the two lines above it.
        for k in range(i, max(-1, i - 3), -1):
            a, b = lines[k]
            text = scan[a:b]
            if k < i and (not text.strip() or len(text) > 60):
                if text.strip():
                    break
                continue
            if k < i and (not _CAPTION_RE.search(text) or is_date_line(text)):
                continue  # 发表时间:2024-02-01: when the page came out, no caption
            ym = YEAR_RE.search(text)
            if ym and year is None and k < i:
                year = int(ym.group(1))
            if months is None and k < i:
                months = _months(text)
        if year is None:
            # 落实2025年《政府工作报告》重点工作二季度进展情况表 as the page's
            # title: the table is the page, its caption the title.
            title = self.info.title
            years = {int(y) for y in YEAR_RE.findall(title)} if title else set()
            if len(years) == 1 and _TITLE_CAPTION_RE.search(title):
                year = years.pop()
        return _Table(cols, label, year, months)

    def _read_rows(
        self,
        lines: list[tuple[int, int]],
        i: int,
        header: list[tuple[str, int, int]],
        cols: list[_Column],
        single: bool,
    ) -> int:
        """Read the rows under a header of cells on one line; return the index
        of the first line after the table."""
        scan = self.d.scan
        table = self._table(lines, i, cols)
        width = len(cols)
        j = i + 1
        while j < len(lines):
            a, b = lines[j]
            if not scan[a:b].strip():
                # A blank line inside a table, if a row follows.
                if j + 1 < len(lines) and self._is_row(lines[j + 1], width, single):
                    j += 1
                    continue
                break
            if _RULE_ROW_RE.fullmatch(scan[a:b]) and "|" in scan[a:b]:
                j += 1
                continue
            if j > i + 1 and not single and self._wrapped(lines[j], cols):
                # Cells of the row above wrapped onto this line and maybe more
                # (区商务局⏎区药投公司): the table goes on if a row follows.
                k = j + 1
                while k < len(lines) and self._wrapped(lines[k], cols):
                    k += 1
                nxt = _next_line(scan, lines, k)
                if nxt is not None and self._is_row(lines[nxt], width, single):
                    j = nxt
                    continue
                break
            if not self._is_row(lines[j], width, single):
                break
            row = _cells(scan, a, b, single=single)
            self._row(_align(row, cols), table)
            j += 1
        return j

    def _read_numbered(
        self, lines: list[tuple[int, int]], i: int, cols: list[_Column]
    ) -> int:
        """Rows of a single-space table whose rows open with their number
        (33 新培育…50家以上。 区科技局 区经信局… 2023年12月底); a cell may wrap onto
        the lines below (区商务局⏎区药投公司). Return the index of the first line
        after the table (i + 1 if no row)."""
        scan = self.d.scan
        table = self._table(lines, i, cols)
        expect: int | None = None
        rows = 0
        last = i + 1
        j = i + 1
        while j < len(lines):
            a, b = lines[j]
            body = scan[a:b].strip()
            nxt = _next_line(scan, lines, j + 1)
            following = (
                nxt is not None
                and _numbered_row(scan[lines[nxt][0] : lines[nxt][1]], expect)
                is not None
            )
            if not body:
                if not following:
                    break
                j += 1
                continue
            number = _numbered_row(scan[a:b], expect)
            if number is not None:
                tokens = _cells(scan, a, b, single=True)
                self._row(_align(_spaced_cells(tokens, cols, table.label), cols), table)
                expect = number + 1
                rows += 1
                j += 1
                last = j
                continue
            if _heading_line(body):
                if not following:
                    break  # 二、保障措施 after the table
                # 一、主要预期目标 between the header and the rows, or between rows.
                j += 1
                last = j
                continue
            if rows and len(body) <= 80 and not _figure_left(body):
                # A cell of the row above wrapped onto this line (a department).
                j += 1
                last = j
                continue
            break
        return last if rows else i + 1

    def _read_barred(self, lines: list[tuple[int, int]], i: int) -> int:
        """A table set one cell per line with a line holding a bar between
        cells, two bars between rows (|⏎序号⏎|⏎考核指标⏎|⏎…⏎|⏎|⏎1⏎|⏎…); a cell may
        take several lines (分管⏎领导). Return the index of the first line after
        the table (i if none)."""
        scan = self.d.scan

        def segment(j: int) -> tuple[tuple[str, int, int] | None, int, bool]:
            """The cell after the bar at line j: (text, start, end) or None when
            empty, the index of the bar that closes it, whether one does."""
            first = None
            end = 0
            k = j + 1
            while k < len(lines):
                a, b = lines[k]
                body = scan[a:b].strip()
                if _BAR_LINE_RE.fullmatch(scan[a:b]):
                    break
                if body:
                    lead = a + scan[a:b].index(body)
                    if first is None:
                        first = lead
                    end = lead + len(body)
                k += 1
            closed = k < len(lines)
            if first is None:
                return None, k, closed
            return (scan[first:end], first, end), k, closed

        # The header: the cells up to the first empty one (two bars in a row).
        header: list[tuple[str, int, int]] = []
        j = i
        while True:
            cell, k, closed = segment(j)
            if not closed:
                return i
            if cell is None:
                break
            header.append(cell)
            j = k
        words = [re.sub(r"\s+", "", c) for c, _, _ in header]
        cols = _header_columns(words)
        if cols is None or len(cols) < 3:
            return i
        table = self._table(lines, i, cols)
        width = len(cols)
        j = k  # the bar opening the first row
        last = i
        rows = 0
        while j < len(lines):
            row: list[tuple[str, int, int]] = []
            done = True
            for _ in range(width):
                cell, k, closed = segment(j)
                if cell is None:
                    cell = ("", lines[j][1], lines[j][1])
                row.append(cell)
                if not closed:
                    # A page cut in the middle of a row.
                    done = False
                    k = len(lines)
                    break
                j = k
            if rows == 0 and not any(QUANTITY_RE.search(c) for c, _, _ in row):
                return i  # a first row with no figure: no table
            self._row(_align(row, cols), table)
            rows += 1
            last = k if not done else j + 1
            if not done:
                break
            nxt = _next_line(scan, lines, j + 1)
            if nxt is None or not _BAR_LINE_RE.fullmatch(
                scan[lines[nxt][0] : lines[nxt][1]]
            ):
                break
            j = nxt
        return last

    def _wrapped(self, line: tuple[int, int], cols: list[_Column]) -> bool:
        """Whether a line under a table's row holds the rest of its cells: a
        department or a deadline, no figure, no heading; in a numbered table, a
        few cells without a number of their own."""
        scan = self.d.scan
        body = scan[line[0] : line[1]].strip()
        if not body or len(body) > 80 or _heading_line(body) or _figure_left(body):
            return False
        row = _cells(scan, line[0], line[1])
        if not row:
            return len(body) <= 40
        return (
            cols[0].role == "num"
            and _ROW_NUMBER_RE.fullmatch(row[0][0]) is None
            and len(row) < len(cols) - 1
        )

    def _is_row(self, line: tuple[int, int], width: int, single: bool) -> bool:
        scan = self.d.scan
        row = _cells(scan, line[0], line[1], single=single)
        if single:
            return _spaced_row(row, width)
        if len(row) < 2:
            return False
        return _header_columns([c for c, _, _ in row]) is None

    def _read_stacked(
        self,
        lines: list[tuple[int, int]],
        i: int,
        k: int,
        words: list[tuple[str, int, int]],
        cols: list[_Column],
    ) -> int:
        """Rows of a table set one cell per line under header lines i..k-1;
        return the index of the first line after the table (k if none)."""
        scan = self.d.scan
        table = self._table(lines, i, cols)
        width = len(cols)
        numbered = cols[0].role == "num"
        # 1.地区生产总值⏎增长6.5%⏎…⏎2.全员劳动生产率: rows numbered in their label,
        # so a row whose last cells are empty ends at the next number.
        label_numbered = False
        j = k
        expect = 1
        rows = 0
        while j < len(lines):
            while numbered and rows and j < len(lines):
                # 县工信局⏎县商务局⏎刘海韵: the row above's departments and
                # leaders wrapped onto more lines than it has cells.
                t = scan[lines[j][0] : lines[j][1]].strip()
                if t and (len(t) > 12 or re.search(r"\d", t)):
                    break
                j += 1
            cells: list[tuple[str, int, int]] = []
            m = j
            while m < len(lines) and len(cells) < width:
                a, b = lines[m]
                text = scan[a:b].strip()
                if not text:
                    m += 1
                    continue
                if _BAR_LINE_RE.fullmatch(scan[a:b]):
                    # |⏎地区生产总值 |⏎6左右 |⏎4 |⏎|: a bar line between rows.
                    if cells:
                        break
                    m += 1
                    continue
                if (
                    not numbered
                    and label_numbered
                    and cells
                    and re.match(rf"{expect + 1}[.、]\D", text)
                ):
                    break  # 2.全员劳动生产率: the next row; this one's last cells empty
                if (
                    not numbered
                    and not cells
                    and _heading_line(text)
                    and len(text) <= 12
                    and self._row_follows(lines, m + 1, width)
                ):
                    m += 1  # 二、创新发展 between rows: a group of the indicators
                    continue
                lone = _lone_cell(scan, a, b)
                if lone is not None:
                    text = lone[0]
                if (
                    numbered
                    and not cells
                    and _heading_line(text)
                    and self._heading_before_row(lines, m, expect)
                ):
                    m += 1  # 二、聚力强“引擎”⏎(一)…⏎8: a part of the tasks opens
                    continue
                if _heading_line(text) or (len(text) > 80 and not (numbered and cells)):
                    break  # a long cell only after its row's number (a task told)
                number = _row_number(text) if numbered and cells else None
                if number is not None and number >= expect + 1:
                    # The next row starts (this one left cells empty); an
                    # excerpt's rows may skip numbers when a task follows.
                    nxt = _next_text(scan, lines, m + 1)
                    if (
                        nxt is not None
                        and not re.match(r"\d", nxt)
                        and (number == expect + 1 or len(nxt) >= 20)
                    ):
                        break
                if lone is not None:
                    cells.append(lone)
                else:
                    lead = a + scan[a:b].index(text)
                    cells.append((text, lead, lead + len(text)))
                m += 1
            first = _row_number(cells[0][0]) if numbered and cells else None
            if numbered and (
                first is None
                or first < expect
                or (first > expect and (len(cells) < 2 or len(cells[1][0]) < 20))
            ):
                break
            if len(cells) < 2:
                break
            if not numbered and len(cells) < width and not label_numbered:
                break
            if rows == 0 and not any(QUANTITY_RE.search(c) for c, _, _ in cells):
                break  # a first row with no figure: no table
            if rows == 0 and not numbered:
                label_numbered = re.match(r"1[.、]\D", cells[0][0]) is not None
            self._row(_align(cells, cols), table)
            rows += 1
            if not numbered and label_numbered:
                lm = re.match(r"(\d{1,3})[.、]\D", cells[0][0])
                expect = int(lm.group(1)) + 1 if lm else expect + 1
            else:
                expect = (first or expect) + 1
            j = m
        return j if rows else k

    def _row_follows(self, lines: list[tuple[int, int]], m: int, width: int) -> bool:
        """Whether a row of one cell per line starts at line m: its first
        cell short, a figure among its next cells."""
        scan = self.d.scan
        texts: list[str] = []
        while m < len(lines) and len(texts) < width:
            t = scan[lines[m][0] : lines[m][1]].strip()
            m += 1
            if not t or _BAR_LINE_RE.fullmatch(t):
                continue
            if len(t) > 40 or _heading_line(t):
                return False
            texts.append(t)
        return len(texts) >= 2 and any(QUANTITY_RE.search(t) for t in texts[1:])

    def _heading_before_row(
        self, lines: list[tuple[int, int]], m: int, expect: int
    ) -> bool:
        """Whether the headings from line m on lead to the row numbered
        `expect`: a part of a numbered task table, not the text after it."""
        scan = self.d.scan
        for _ in range(4):
            nxt = _next_line(scan, lines, m)
            if nxt is None:
                return False
            lone = _lone_cell(scan, *lines[nxt])
            text = lone[0] if lone else scan[lines[nxt][0] : lines[nxt][1]].strip()
            if not _heading_line(text):
                return _row_number(text) == expect
            m = nxt + 1
        return False

    def _row(self, row: list[tuple[str, int, int] | None], table: _Table) -> None:
        """Records of one row, its cells aligned to the columns (None: empty)."""
        cols = table.cols
        cell = row[table.label] if table.label < len(row) else None
        if cell is None:
            return
        label, lstart, lend = cell
        num = _ROW_NUMBER_RE.match(label)
        # 2.7万人以上: a decimal, not row 2.
        decimal = (
            num and label[num.end() - 1] == "." and label[num.end() :][:1].isdigit()
        )
        if (
            num
            and not decimal
            and num.end() < len(label)
            and label[num.end() - 1] in ".、)）"
        ):
            lstart += num.end()  # 1.高新技术企业数: the number is no part of it
            label = label[num.end() :].lstrip()
        unit = ""
        for k, col in enumerate(cols):
            if col.role == "unit" and k < len(row) and row[k] is not None:
                unit = row[k][0]
        um = re.search(
            r"[(（]([^()（）]{1,6})[)）]\s*$", label
        ) or _OPEN_UNIT_NOTE_RE.search(label)
        if um:
            unit = unit or um.group(1)
            label = label[: um.start()]
        label = label.strip()
        for k, col in enumerate(cols):  # a row without one keeps the row above's
            if col.due and k < len(row) and row[k] is not None:
                ym = YEAR_RE.search(row[k][0])
                if ym:
                    table.row_year = int(ym.group(1))
                    break
        has_actual = any(c.role == "actual" for c in cols)
        actual_year = None
        for c in cols:
            if c.role == "actual" and c.year:
                actual_year = c.year
                break
        direct: list[Record] = []
        texts: list[tuple[int, int, str, _Column]] = []
        for k, col in enumerate(cols):
            if k >= len(row) or row[k] is None:
                continue
            text, cstart, cend = row[k]
            remark = col.remark and has_actual
            if not remark and col.role not in ("target", "actual"):
                if k == table.label and QUANTITY_RE.search(text):
                    texts.append((lstart, lend, "target", _Column("target")))
                continue
            # 增长4.8% | 1347.1亿元 under 实际完成 | 备注: the remark gives the
            # level the growth is of, an actual of the same frame.
            frame = (
                replace(next(c for c in cols if c.role == "actual"), growth=False)
                if remark
                else col
            )
            rec = self._figure(
                text,
                cstart,
                cend,
                label,
                lstart,
                "" if remark else unit,
                frame,
                table,
                has_actual,
                actual_year,
            )
            if remark:
                if rec is not None and rec.measure == "level" and rec.norm_unit != "%":
                    direct.append(rec)
            elif rec is not None:
                direct.append(rec)
            elif QUANTITY_RE.search(text):
                texts.append((cstart, cend, col.role, col))
        self.records.extend(direct)
        for cstart, cend, kind, col in texts:
            before = len(self.records)
            self._read_cell(cstart, cend, kind, col, table, has_actual, actual_year)
            new = self.records[before:]
            # A figure the value column gives as well is the same record.
            if any(
                r.norm_value == d.norm_value and r.kind == d.kind
                for r in new
                for d in direct
            ):
                del self.records[before:]
                self.records.extend(
                    r
                    for r in new
                    if not any(
                        r.norm_value == d.norm_value and r.kind == d.kind
                        for d in direct
                    )
                )

    def _frame(
        self,
        kind: str,
        col: _Column,
        table: _Table,
        has_actual: bool,
        actual_year: int | None,
    ) -> tuple[int | None, tuple[int, int] | None]:
        """The year and months a column's figures are about."""
        if kind == "actual":
            if col.growth and col.year is None and col.months is None:
                other = next(
                    (c for c in table.cols if c.role == "actual" and not c.growth),
                    None,
                )
                if other is not None:
                    col = other
            year = col.year or table.year or self.info.report_year or table.row_year
            months = col.months or table.months
            if months is None and col.year is None and self.info.span:
                months = self.info.span
            return year, months
        if has_actual:
            # A progress table repeats the target of the year it reports on.
            year = col.year or actual_year or table.year or self.info.report_year
            return year or self.info.plan_year or table.row_year, None
        return col.year or table.year or self.info.plan_year or table.row_year, None

    def _figure(
        self,
        text: str,
        cstart: int,
        cend: int,
        label: str,
        lstart: int,
        unit: str,
        col: _Column,
        table: _Table,
        has_actual: bool,
        actual_year: int | None,
    ) -> Record | None:
        """The record of a figure cell (达到650家, 5%以上, 3.2), None if the cell
        says more than a figure."""
        sign = 1
        if text[:1] in "-－−" and text[1:2].isdigit() and (col.growth or "%" in text):
            sign, text = -1, text[1:]  # -3.6 in a growth column: a fall
            cstart += 1
        pre = _CELL_PRE_RE.match(text)
        pos = pre.end() if pre else 0
        m = QUANTITY_RE.match(text, pos)
        if not m or not re.match(r"\d", text[pos:]):
            return None
        post = _CELL_POST_RE.match(text, m.end())
        if post is None or post.end() != len(text):
            return None
        qtext = m.group()
        cell_unit = "%" if col.growth else unit
        if not re.search(r"\D$", qtext) and cell_unit:
            m = QUANTITY_RE.fullmatch(qtext + cell_unit)
            if m is None:
                return None
        q = read_quantity(m)
        if q is None:
            return None
        word = pre.group(1) if pre else None
        ind = self._table_indicator(label)
        # 城镇新增就业: an increase word that names the indicator is no measure.
        own = ind is not None and _INCREASE_WORD_RE.search(ind.name)
        words = ("" if own else label) + (word or "")
        measure = "level"
        if q.norm_unit == "pp":
            measure = "change_pp"
        elif q.norm_unit == "%" and (col.growth or _GROWTH_WORD_RE.search(words)):
            measure = "growth"
        elif q.norm_unit == "count" and _INCREASE_WORD_RE.search(words):
            measure = "increase"
        value, norm = q.value, q.norm_value
        if measure in ("growth", "change_pp") and _DECLINE_WORD_RE.search(words):
            value, norm = -value, -norm
        if sign < 0:
            if measure not in ("growth", "change_pp"):
                return None
            value, norm = -value, -norm
        comparator = "="
        if post.group(1):
            comparator = _POST_COMPARATOR[post.group(1)]
        elif word in _PRE_COMPARATOR:
            comparator = _PRE_COMPARATOR[word]
        if ind is not None and not _unit_fits(ind, q, measure):
            ind = None
        if ind is None and not label:
            return None
        kind = col.role
        year, months = self._frame(kind, col, table, has_actual, actual_year)
        period = str(year) if year else None
        if year and months and months != (1, 12):
            period = f"{year}-{months[0]:02d}/{year}-{months[1]:02d}"
        start = lstart if lstart < cstart else cstart
        return Record(
            doc=self.doc,
            kind=kind,
            region=zone_city(self.info.region),
            indicator=ind.name if ind else self._noun_name(label, q),
            measure=measure,
            comparator=comparator,
            value=value,
            unit=q.unit,
            norm_value=norm,
            norm_unit=q.norm_unit,
            period=period,
            recurring=False,
            estimate=col.estimate,
            stretch=word in ("力争", "力争达到", "争取"),
            quote=self.d.text[start:cend],
            start=start,
            end=cend,
            indicator_code=ind.code if ind else None,
        )

    def _table_indicator(self, label: str) -> Any:
        if not label:
            return None
        ind = self.catalog.lookup(label)
        if ind is not None:
            return ind
        hits = self.catalog.alias_re.finditer(label) if self.catalog.alias_re else []
        for h in hits:
            rest = label[: h.start()] + label[h.end() :]
            if _LABEL_REST_RE.fullmatch(rest):
                return self.catalog.by_alias[h.group()]
        return None

    def _read_cell(
        self,
        cstart: int,
        cend: int,
        kind: str,
        col: _Column,
        table: _Table,
        has_actual: bool,
        actual_year: int | None,
    ) -> None:
        """A cell stating figures in words (新认定高新技术企业100家以上), read like
        running text, every figure of the column's kind and frame."""
        year, months = self._frame(kind, col, table, has_actual, actual_year)
        self._cell_kinds.append((cstart, cend, kind))
        qs = self.d.quantities
        k = bisect_left([m.start() for m in qs], cstart)
        cell_q = []
        while k < len(qs) and qs[k].start() < cend:
            cell_q.append(qs[k])
            k += 1
        before = len(self.records)
        ctx = _Ctx(mode=kind, section_year=year)
        self._paragraph(self.d.scan[cstart:cend], cstart, cell_q, ctx)
        text = self.d.text
        for n in range(before, len(self.records)):
            r = self.records[n]
            if r.start < cstart < r.end:
                # A quote begins inside its cell, never at the row's number.
                r = self.records[n] = replace(
                    r, start=cstart, quote=text[cstart : r.end]
                )
            if (
                kind == "actual"
                and year
                and months
                and months != (1, 12)
                and r.period == str(year)
            ):
                span = f"{year}-{months[0]:02d}/{year}-{months[1]:02d}"
                self.records[n] = replace(r, period=span)


def _raw_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of the text as it came (the view joins some)."""
    out = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        end = nl
        if end > pos and text[end - 1] == "\r":
            end -= 1
        out.append((pos, end))
        pos = nl + 1
    return out


_HEADING_LINE_RE = re.compile(
    r"[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]"
)


def _heading_line(text: str) -> bool:
    return bool(_HEADING_LINE_RE.match(text))


def _row_number(text: str) -> int | None:
    m = re.fullmatch(r"(\d{1,3})[.、]?", text)
    return int(m.group(1)) if m else None


def _next_text(scan: str, lines: list[tuple[int, int]], m: int) -> str | None:
    while m < len(lines):
        text = scan[lines[m][0] : lines[m][1]].strip()
        if text:
            return text
        m += 1
    return None


def _align(
    row: list[tuple[str, int, int]], cols: list[_Column]
) -> list[tuple[str, int, int] | None]:
    """Cells of a row in the header's columns: a row number the header has no
    column for is dropped, one the row lacks is skipped over; empty cells and
    dashes are None."""
    width = len(cols)
    cells = list(row)
    has_num = bool(cols) and cols[0].role == "num"
    first_is_num = bool(cells) and _ROW_NUMBER_RE.fullmatch(cells[0][0]) is not None
    if not has_num and first_is_num and len(cells) == width + 1:
        cells = cells[1:]
    elif has_num and not first_is_num and len(cells) == width - 1:
        cells = [("", cells[0][1], cells[0][1]), *cells]
    out: list[tuple[str, int, int] | None] = []
    for k in range(width):
        if k >= len(cells):
            out.append(None)
            continue
        c = cells[k]
        out.append(None if _EMPTY_CELL_RE.fullmatch(c[0]) else c)
    return out


_BAR_LINE_RE = re.compile(r"\s*[|｜]\s*")
_NUMBERED_ROW_RE = re.compile(r"\s*(\d{1,3})[.、]?\s+\S")
# A deadline or a date in a cell: no figure.
_DATE_CELL_RE = re.compile(
    r"(?:\d{4}\s*年(?:度)?)?(?:\d{1,2}\s*月(?:份)?(?:\s*\d{1,2}\s*日)?)?"
    r"(?:底|前|末|内|中旬|上旬|下旬|以前)?"
)


def _spaced_header(cells: list[str]) -> list[_Column] | None:
    """Column roles of a single-space line that reads as a header of a
    task-breakdown table (序号 重点工作任务 主要责任单位 协同配合单位 完成期限):
    three header words or more, among them what the row counts and a number,
    a department or a deadline column."""
    if len(cells) < 3 or any(":" in c or ":" in c for c in cells):
        return None
    cols = _header_columns(cells)
    if cols is None:
        return None
    roles = [c.role for c in cols]
    if "label" not in roles or "other" in roles:
        return None
    if "num" not in roles and "none" not in roles:
        return None
    return cols


def _numbered(cols: list[_Column]) -> bool:
    """Rows open with their number: a 序号 column, or a table of tasks and
    departments (no figure column) whose rows are numbered anyway."""
    return cols[0].role == "num" or not any(
        c.role in ("target", "actual") for c in cols
    )


def _numbered_row(line: str, expect: int | None) -> int | None:
    """The number a numbered row opens with (the one expected, if any)."""
    m = _NUMBERED_ROW_RE.match(line)
    if not m:
        return None
    n = int(m.group(1))
    if expect is not None and n != expect:
        return None
    return n


def _next_line(scan: str, lines: list[tuple[int, int]], m: int) -> int | None:
    """The index of the next non-blank line from m on."""
    while m < len(lines):
        if scan[lines[m][0] : lines[m][1]].strip():
            return m
        m += 1
    return None


def _figure_left(text: str) -> bool:
    """Whether the text gives a figure besides dates and deadlines."""
    return bool(re.search(r"\d", _DATE_CELL_RE.sub("", text)))


def _spaced_cells(
    tokens: list[tuple[str, int, int]], cols: list[_Column], label: int
) -> list[tuple[str, int, int]]:
    """The cells of a numbered single-space row. A task sentence may have a
    space in it: in a table of tasks and departments the task's cell runs to
    the last token stating a figure; with a figure column, only a row with
    more tokens than columns widens it, up to the sentence's end."""
    if label >= len(tokens):
        return tokens
    extra = len(tokens) - len(cols)
    if not any(c.role in ("target", "actual") for c in cols):
        figures = [t for t in range(label, len(tokens)) if _figure_left(tokens[t][0])]
        last = max(figures, default=label)
    elif extra > 0:
        last = label + extra
        for t in range(label, label + extra + 1):
            if _PROSE_END_RE.search(tokens[t][0][-1:]):
                last = t
                break
    else:
        return tokens
    if last == label:
        return tokens
    _, a, _ = tokens[label]
    _, _, b = tokens[last]
    merged = (" ".join(c for c, _, _ in tokens[label : last + 1]), a, b)
    return [*tokens[:label], merged, *tokens[last + 1 :]]


def _spaced_row(row: list[tuple[str, int, int]], width: int) -> bool:
    """A row of a single-space table: as many cells as the header, numbers last."""
    if len(row) != width or len(row[0][0]) > 30:
        return False
    return any(re.match(r"\d", c) for c, _, _ in row[-2:])


def _lone_cell(scan: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The one cell a line of a one-cell-per-line table holds: the line's text,
    a bar closing it dropped (目标任务 |), a word spaced out letter by letter
    (完  成  情  况) read whole; None when the line holds several cells."""
    cells = _cells(scan, start, end)
    if not cells:
        line = scan[start:end]
        body = line.strip()
        if not body:
            return None
        lead = start + line.index(body)
        return body, lead, lead + len(body)
    if len(cells) == 1:
        return cells[0]
    if all(len(c) == 1 for c, _, _ in cells):
        return "".join(c for c, _, _ in cells), cells[0][1], cells[-1][2]
    return None


def cell_kind(cells: list[tuple[int, int, str]], pos: int) -> str | None:
    """The kind a table's cell gives the figure at `pos`, if any."""
    for start, end, kind in cells:
        if start <= pos < end:
            return kind
    return None


def _cells(
    scan: str, start: int, end: int, single: bool = False
) -> list[tuple[str, int, int]]:
    """Cells of the line scan[start:end] with their offsets: none when the line
    has no separator (a plain line)."""
    line = scan[start:end]
    if single:
        return [
            (m.group(), start + m.start(), start + m.end())
            for m in _SPACED_CELL_RE.finditer(line)
        ]
    body = line.strip()
    # _SEP_RE finds a separator exactly when one of these is in the line; a
    # substring test passes a plain line over without a regex try at each place.
    if not body or not (
        "\t" in body or "|" in body or "｜" in body or "\u3000" in body or "  " in body
    ):
        return []
    lead = start + line.index(body)
    out = []
    pos = 0
    for m in _SEP_RE.finditer(body):
        out.append((body[pos : m.start()], lead + pos, lead + m.start()))
        pos = m.end()
    out.append((body[pos:], lead + pos, lead + len(body)))
    # A bar at either end (| a | b |) opens or closes the row.
    if out and not out[0][0] and body[:1] in "|｜":
        out = out[1:]
    if out and not out[-1][0] and body[-1:] in "|｜":
        out = out[:-1]
    stripped = []
    for c, s, _ in out:
        body = c.strip()
        lead = c.find(body) if body else 0
        stripped.append((body, s + lead, s + lead + len(body)))
    return stripped
