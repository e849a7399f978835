"""python manage.py export_saima --month 2024-06 --out FILE.xlsx [--race NAME]

Writes the 月通报 workbook and its bulletin (.docx, or .txt with --text) beside it.
Without --month, the latest month with figures is exported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from reports.saima import selectors
from reports.saima.models import Race
from reports.saima.services import saima_export


class Command(BaseCommand):
    help = "导出赛马月通报工作簿(.xlsx)及通报文字(.docx/.txt)。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--month", help="月份,如 2024-06;缺省为最新有数据的月份")
        parser.add_argument("--out", type=Path, required=True, help="输出 .xlsx 路径")
        parser.add_argument("--race", help="赛马名称;只有一个启用的赛马时可省略")
        parser.add_argument(
            "--text", action="store_true", help="通报文字写成 .txt 而不是 .docx"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            race = selectors.race_get(name=options["race"])
        except Race.DoesNotExist as exc:
            raise CommandError(f"找不到赛马:{options['race'] or exc}") from exc
        if options["month"]:
            try:
                month = selectors.parse_month_text(options["month"])
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
        else:
            month = selectors.month_with_figures_latest(race)
            if month is None:
                raise CommandError(f"赛马“{race.name}”还没有任何月度数据")
        out: Path = options["out"]
        if out.suffix.lower() != ".xlsx":
            raise CommandError("--out 应为 .xlsx 文件")
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
