"""`python manage.py evaluate [--region R] [--json]`: re-judge and print targets."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from targets import selectors
from targets.display import format_value
from targets.models import Region, Status
from targets.services.flags import flags_update
from targets.services.judging import targets_evaluate


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"日期“{text}”无效,应为 YYYY-MM-DD") from exc


class Command(BaseCommand):
    help = "重新评估目标完成情况并更新预警;--json 每个目标输出一行 JSON"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--region", help="只评估该地区(含下级地区)")
        parser.add_argument("--json", action="store_true", help="每个目标一行 JSON")
        parser.add_argument("--today", type=_date, help="按该日期评估(默认今天)")

    def handle(self, *args: Any, **options: Any) -> None:
        region = None
        if options["region"]:
            name = Region.canonical_name(options["region"])
            region = Region.objects.filter(name=name).first()
            if region is None:
                raise CommandError(f"未知地区“{options['region']}”")
        targets = selectors.targets_for(region=region)
        targets_evaluate(targets=targets, today=options["today"])
        flags = flags_update(targets=targets, today=options["today"])
        rows = list(selectors.targets_for(region=region))
        if options["json"]:
            for target in rows:
                line = json.dumps(selectors.target_row(target), ensure_ascii=False)
                self.stdout.write(line)
            return
        for target in rows:
            actual = "—"
            if target.actual_norm_value is not None:
                actual = format_value(target.actual_norm_value, target.norm_unit)
                actual += f"({target.actual_period.label})"
            mark = "(预计)" if target.provisional else ""
            self.stdout.write(
                f"{target.region} {target.indicator} {target.period_label} "
                f"{target.get_measure_display()} 目标{target.target_label} "
                f"实际{actual} → {Status(target.status).label}{mark}"
            )
        self.stdout.write(
            f"共评估 {len(rows)} 个目标;新预警 {flags.opened},"
            f"解除 {flags.resolved},保持 {flags.kept}"
        )
        for line in selectors.status_table(selectors.status_summary_by_region()):
            self.stdout.write(line)
