"""python manage.py export_scorecard --out FILE.xlsx [--region R] [--year Y]
[--document NAME]"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from reports.services import scorecard_write


class Command(BaseCommand):
    help = "导出目标计分卡(Excel):全部地区,或按地区(含下辖地区)、年度、依据文件筛选。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--out", required=True, help="输出文件路径,如 out/scorecard.xlsx"
        )
        parser.add_argument("--region", help="地区名称或编号(含下辖地区)")
        parser.add_argument("--year", type=int, help="年度,如 2024")
        parser.add_argument("--document", help="依据文件的文件名、标题或编号")

    def handle(self, *args: Any, **options: Any) -> None:
        out = Path(options["out"])
        if out.suffix.lower() != ".xlsx":
            raise CommandError("输出文件须以 .xlsx 结尾")
        out.parent.mkdir(parents=True, exist_ok=True)
        # Write beside the target and rename, so a failed run never leaves half a file.
        partial = out.with_name(out.name + ".part")
        try:
            count = scorecard_write(
                out=partial,
                region=options["region"],
                year=options["year"],
                document=options["document"],
            )
        except ValidationError as exc:
            partial.unlink(missing_ok=True)
            raise CommandError(";".join(exc.messages)) from exc
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        partial.replace(out)
        self.stdout.write(f"已导出 {count} 个目标 → {out}")
