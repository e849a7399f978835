from __future__ import annotations

from django.core.management.base import BaseCommand

from targets.catalog import catalog_load


class Command(BaseCommand):
    help = "载入指标目录(targets/data/indicators.csv),可重复执行"

    def handle(self, *args, **options) -> None:
        result = catalog_load()
        self.stdout.write(
            f"指标目录:共 {result.total} 项(新增 {result.created},"
            f"更新 {result.updated},未变 {result.unchanged})"
        )
