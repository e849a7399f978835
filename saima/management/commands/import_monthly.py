"""python manage.py import_monthly FILE — import 赛马 monthly figures (CSV or Excel)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from saima.importing import ImportRejected
from saima.services import figures_import


class Command(BaseCommand):
    help = (
        "导入赛马月度数据(月份 | 地区 | 指标 | 口径 | 数值 | 单位),"
        "有错误则整个文件不导入。"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, file: Path, **options: Any) -> None:
        if not file.is_file():
            raise CommandError(f"找不到文件:{file}")
        try:
            record = figures_import(data=file.read_bytes(), name=file.name)
        except ImportRejected as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError(exc.summary) from exc
        self.stdout.write(
            f"已导入 {record.name}:{record.row_count} 行(新增 {record.created},"
            f"更新 {record.updated},删除 {record.deleted}),月份 "
            + "、".join(record.months)
        )
