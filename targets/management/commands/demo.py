"""`python manage.py demo` (what `make demo` runs): the main job end to end on the
embedded defaults — catalog, seeds, evaluation, scorecard, 赛马 bulletin, summary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from targets.catalog import catalog_load
from targets.models import Actual, Document, Flag, Indicator, Mention, Target
from targets.selectors import status_summary_by_region, status_table


class Command(BaseCommand):
    help = "演示:载入指标目录和 seeds/ 文件,评估目标,导出计分卡和赛马月通报,打印汇总"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--seeds", default=str(Path(settings.BASE_DIR) / "seeds"), help="示例目录"
        )
        parser.add_argument(
            "--out", default=str(Path(settings.BASE_DIR) / "out"), help="输出目录"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        seeds = Path(options["seeds"])
        out = Path(options["out"])
        out.mkdir(parents=True, exist_ok=True)

        self._step("1/5 载入指标目录")
        catalog = catalog_load()
        self.stdout.write(
            f"指标目录 {catalog.total} 项"
            f"(新增 {catalog.created},更新 {catalog.updated})"
        )

        self._step("2/5 导入 seeds/ 中的计划与总结文件")
        documents = sorted(seeds.glob("*.txt"))
        call_command("ingest", *map(str, documents), stdout=self.stdout)

        self._step("3/5 评估目标完成情况并更新预警")
        call_command("evaluate", stdout=self.stdout)

        self._step("4/5 导出目标计分卡")
        scorecard = out / "scorecard.xlsx"
        call_command("export_scorecard", "--out", str(scorecard), stdout=self.stdout)

        self._step("5/5 赛马月通报(示例数据)")
        call_command("saima_demo_setup", stdout=self.stdout)
        call_command(
            "import_monthly", str(seeds / "saima_sample.csv"), stdout=self.stdout
        )
        call_command(
            "export_saima", "--out", str(out / "saima.xlsx"), stdout=self.stdout
        )

        self._step("汇总")
        self.stdout.write(
            f"文件 {Document.objects.count()} 份:"
            + "、".join(
                Document.objects.order_by("name").values_list("name", flat=True)
            )
        )
        self.stdout.write(
            f"指标 {Indicator.objects.count()} 项(目录内 "
            f"{Indicator.objects.filter(in_catalog=True).count()}),"
            f"目标 {Target.objects.count()} 条,实际值 {Actual.objects.count()} 条,"
            f"原文依据 {Mention.objects.count()} 条,"
            f"未解除预警 {Flag.objects.open().count()} 条"
        )
        for line in status_table(status_summary_by_region()):
            self.stdout.write(line)
        self.stdout.write("输出文件:")
        for path in sorted(out.iterdir()):
            self.stdout.write(f"  {path}")

    def _step(self, title: str) -> None:
        self.stdout.write(self.style.MIGRATE_HEADING(f"== {title}"))
