"""`python manage.py ingest FILE [FILE ...]`: store, extract, merge, judge, flag."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from targets.services.documents import IngestResult, document_ingest


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"发布日期“{text}”无效,应为 YYYY-MM-DD") from exc


class Command(BaseCommand):
    help = "导入文件:提取目标与实际值,合并入库,评估并更新预警"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE", help="要导入的文件")
        parser.add_argument("--region", help="文件所属地区,如 南昌市(默认自动识别)")
        parser.add_argument(
            "--published", type=_date, help="发布日期 YYYY-MM-DD(用于判断新旧)"
        )
        parser.add_argument(
            "--kind",
            choices=["auto", "plan", "report", "both"],
            default="auto",
            help="文件类型(默认自动识别)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        files: list[str] = options["files"]
        many = len(files) > 1
        totals = {
            "new": 0,
            "duplicate": 0,
            "failed": 0,
            "targets_created": 0,
            "targets_merged": 0,
            "actuals_created": 0,
            "mentions": 0,
            "conflicts": 0,
            "skipped": 0,
            "flags": 0,
        }
        for index, name in enumerate(files, start=1):
            prefix = f"[{index}/{len(files)}] " if many else ""
            path = Path(name)
            try:
                data = path.read_bytes()
                result = document_ingest(
                    data=data,
                    name=path.name,
                    region=options["region"],
                    published=options["published"],
                    kind=options["kind"],
                )
            except (OSError, ValidationError) as exc:
                totals["failed"] += 1
                self.stderr.write(f"{prefix}{path.name}: 错误:{_message(exc)}")
                continue
            self.stdout.write(f"{prefix}{path.name}: {_line(result)}")
            if result.failed:
                totals["failed"] += 1
                self.stderr.write(f"{prefix}{path.name}: 错误:{result.error}")
                continue
            if result.duplicate:
                totals["duplicate"] += 1
                continue
            totals["new"] += 1
            totals["targets_created"] += result.targets_created
            totals["targets_merged"] += result.targets_merged
            totals["actuals_created"] += result.actuals_created
            totals["mentions"] += result.mentions
            totals["conflicts"] += result.conflicts
            totals["skipped"] += result.skipped
            totals["flags"] += result.flags_opened
            for warning in result.warnings:
                if options["verbosity"] >= 2 or warning.startswith("目标冲突"):
                    self.stdout.write(f"    {warning}")
        self.stdout.write(
            f"共 {len(files)} 个文件:导入 {totals['new']},"
            f"重复 {totals['duplicate']},失败 {totals['failed']}。"
            f"新增目标 {totals['targets_created']},"
            f"合并重复表述 {totals['targets_merged']},"
            f"新增实际值 {totals['actuals_created']},"
            f"原文依据 {totals['mentions']},冲突 {totals['conflicts']},"
            f"跳过 {totals['skipped']},新预警 {totals['flags']}"
        )
        if totals["failed"]:
            raise CommandError(f"{totals['failed']} 个文件导入失败", returncode=1)


def _line(result: IngestResult) -> str:
    if result.failed:
        return "失败"
    if result.duplicate:
        return "内容重复,已跳过(与“" + result.document.name + "”相同)"
    parts = [f"目标 {result.targets}", f"实际 {result.actuals}"]
    if result.targets_merged:
        parts.append(f"其中合并 {result.targets_merged}")
    if result.conflicts:
        parts.append(f"冲突 {result.conflicts}")
    if result.skipped:
        parts.append(f"跳过 {result.skipped}")
    return ", ".join(parts)


def _message(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return ";".join(exc.messages)
    if isinstance(exc, FileNotFoundError):
        return "文件不存在"
    return str(exc)
