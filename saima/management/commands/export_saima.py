"""python manage.py export_saima --month 2024-06 --out FILE.xlsx [--race NAME]

Writes the 月通报 workbook and its bulletin (.docx, or .txt with --text) beside it.
Without --month, the latest month with figures is exported. ``--quarter 2024-Q2``
(季调度) or ``--year 2024`` (年评价) write the roll-up workbook and its bulletin
instead.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from saima import selectors
from saima.bulletin import PdfUnavailable, pdf_convert
from saima.models import Race
from saima.services import (
    ExportFiles,
    quarter_label,
    saima_export,
    saima_rollup_export,
)
from targets.periods import Period


class Command(BaseCommand):
    help = "导出赛马月通报工作簿(.xlsx)及通报文字(.docx/.txt)。"

    def add_arguments(self, parser: CommandParser) -> None:
        period = parser.add_mutually_exclusive_group()
        period.add_argument("--month", help="月份,如 2024-06;缺省为最新有数据的月份")
        period.add_argument("--quarter", help="季调度汇总,如 2024-Q2")
        period.add_argument("--year", type=int, help="年评价汇总,如 2024")
        parser.add_argument("--out", type=Path, required=True, help="输出 .xlsx 路径")
        parser.add_argument("--race", help="赛马名称;只有一个启用的赛马时可省略")
        parser.add_argument(
            "--text", action="store_true", help="通报文字写成 .txt 而不是 .docx"
        )
        parser.add_argument(
            "--pdf",
            action="store_true",
            help="另用 LibreOffice 将通报 .docx 转为 PDF(需已安装 LibreOffice)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            race = selectors.race_get(name=options["race"])
        except Race.DoesNotExist as exc:
            raise CommandError(f"找不到赛马:{options['race'] or exc}") from exc
        out: Path = options["out"]
        if out.suffix.lower() != ".xlsx":
            raise CommandError("--out 应为 .xlsx 文件")
        if options["quarter"] or options["year"]:
            files = self._rollup(race, out, options)
        else:
            files = self._month(race, out, options)
        if options["pdf"] and not options["text"]:
            try:
                pdf = pdf_convert(files.bulletin)
            except PdfUnavailable as exc:
                raise CommandError(str(exc)) from exc
            self.stdout.write(f"通报 PDF → {pdf}")

    def _month(self, race: Race, out: Path, options: dict[str, Any]) -> ExportFiles:
        if options["month"]:
            try:
                month = selectors.parse_month_text(options["month"])
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
        else:
            month = selectors.month_with_figures_latest(race)
            if month is None:
                raise CommandError(f"赛马“{race.name}”还没有任何月度数据")
        files = saima_export(
            race=race,
            month=month,
            out=out,
            bulletin_suffix=".txt" if options["text"] else ".docx",
        )
        self.stdout.write(
            f"{race.name} {month:%Y-%m}:{files.rows} 个地区 → {files.workbook},"
            f"通报文字 → {files.bulletin}"
        )
        return files

    def _rollup(self, race: Race, out: Path, options: dict[str, Any]) -> ExportFiles:
        quarter, year = options["quarter"], options["year"]
        if quarter:
            match = re.fullmatch(r"(\d{4})-?Q([1-4])", quarter.strip().upper())
            if not match:
                raise CommandError(f"季度格式应为 2024-Q2,收到“{quarter}”")
            year_, q = int(match[1]), int(match[2])
            months = Period.of_quarter(year_, q).month_starts()
            label = quarter_label(year_, q)
        else:
            assert year is not None
            months = Period.of_year(year).month_starts()
            label = Period.of_year(year).label
        files = saima_rollup_export(
            race=race,
            months=months,
            label=label,
            out=out,
            bulletin_suffix=".txt" if options["text"] else ".docx",
        )
        self.stdout.write(
            f"{race.name} {label}汇总:{files.rows} 个地区 → {out},"
            f"通报文字 → {files.bulletin}"
        )
        return files
