"""python manage.py saima_demo_setup [--config seeds/saima_race.json]

Creates (or updates) the demo race from a small JSON config; running it twice
changes nothing. Loads the indicator catalog first so race indicators find their
catalog rows.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from saima.services import race_configure
from targets.catalog import catalog_load

DEFAULT_CONFIG = Path(settings.BASE_DIR) / "seeds" / "saima_race.json"


class Command(BaseCommand):
    help = "按配置文件创建赛马(地区、分组、指标、权重、赋分方法),可重复执行。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG)

    def handle(self, *args: Any, config: Path, **options: Any) -> None:
        try:
            data = json.loads(config.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"无法读取赛马配置 {config}:{exc}") from exc
        catalog_load()
        try:
            race = race_configure(config=data)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        self.stdout.write(
            f"赛马“{race.name}”:{race.members.count()} 个地区,"
            f"{race.groups.count()} 个分组,{race.indicators.count()} 项指标"
        )
