"""python manage.py saima_sample [--out seeds/saima_sample.csv] [--months 6]

Generates the 赛马 demo figures (示例数据): the members of seeds/saima_race.json over
2024-01 … 2024-06, every indicator of the race plus the totals shown beside growth
rates. Deterministic (fixed seed), so the file in the repo can be regenerated
byte for byte. Two gaps are left on purpose to show 未报送.
"""

from __future__ import annotations

import csv
import json
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

SEEDS = Path(settings.BASE_DIR) / "seeds"
SAMPLE_MARK = "示例数据(演示用,数值均为虚构,非真实统计数据)"
# Indicator names as offices write them in their returns (aliases resolve them).
NAMES = {
    "rd_expenditure": "全社会研发经费投入",
    "fiscal_st_spending": "地方财政科技投入",
    "tech_loans": "科技贷款余额",
    "hitech_value_added": "规模以上高新技术产业增加值",
    "tech_contract_turnover": "技术合同成交额",
    "rd_blank_share": "规上工业企业研发活动空白率",
}
# Left out on purpose: (month, region, indicator) → 未报送 in the bulletin.
GAPS = {
    (6, "芜湖三山经济开发区", "tech_loans"),
    (3, "弋江区", "hitech_value_added"),
}


def _d(value: float, places: str = "0.01") -> Decimal:
    return Decimal(repr(value)).quantize(Decimal(places))


def sample_rows(config: dict[str, Any], *, months: int, year: int = 2024) -> list[list]:
    rng = random.Random(20240605)
    regions = [name for group in config["groups"] for name in group["regions"]]
    rows: list[list] = []
    profile = {
        region: {
            "size": rng.uniform(0.5, 3.0),
            "rd": rng.uniform(6, 18),
            "fiscal": rng.uniform(-5, 25),
            "loans": rng.uniform(5, 30),
            "hitech": rng.uniform(4, 20),
            "contract": rng.uniform(0.7, 1.3),
            "blank": rng.uniform(15, 45),
        }
        for region in regions
    }
    targets = next(
        item.get("targets", {}).get(str(year), {})
        for item in config["indicators"]
        if item["code"] == "tech_contract_turnover"
    )
    for month in range(1, months + 1):
        share = month / 12
        for region in regions:
            p = profile[region]

            def add(
                code: str,
                measure: str,
                value: Decimal,
                unit: str,
                month: int = month,
                region: str = region,
            ) -> None:
                if (month, region, code) not in GAPS:
                    rows.append(
                        [
                            f"{year}-{month:02d}",
                            region,
                            NAMES[code],
                            measure,
                            value,
                            unit,
                        ]
                    )

            add("rd_expenditure", "总量", _d(p["size"] * 12 * share), "亿元")
            add("rd_expenditure", "增速", _d(p["rd"] + rng.gauss(0, 1.5), "0.1"), "%")
            add("fiscal_st_spending", "总量", _d(p["size"] * 2.4 * share), "亿元")
            add(
                "fiscal_st_spending",
                "增速",
                _d(p["fiscal"] + rng.gauss(0, 3), "0.1"),
                "%",
            )
            add(
                "tech_loans",
                "总量",
                _d(p["size"] * 30 + month * rng.uniform(0, 1)),
                "亿元",
            )
            add("tech_loans", "增速", _d(p["loans"] + rng.gauss(0, 2), "0.1"), "%")
            add("hitech_value_added", "总量", _d(p["size"] * 20 * share), "亿元")
            add(
                "hitech_value_added",
                "增速",
                _d(p["hitech"] + rng.gauss(0, 2), "0.1"),
                "%",
            )
            turnover = (
                targets.get(region, 30) * share * p["contract"] * rng.uniform(0.9, 1.1)
            )
            add("tech_contract_turnover", "总量", _d(turnover), "亿元")
            add(
                "rd_blank_share",
                "总量",
                _d(p["blank"] - month * 0.3 + rng.gauss(0, 1), "0.1"),
                "%",
            )
    return rows


class Command(BaseCommand):
    help = "生成赛马示例数据 seeds/saima_sample.csv(示例数据,数值虚构)。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", type=Path, default=SEEDS / "saima_sample.csv")
        parser.add_argument("--config", type=Path, default=SEEDS / "saima_race.json")
        parser.add_argument("--months", type=int, default=6)

    def handle(
        self, *args: Any, out: Path, config: Path, months: int, **options: Any
    ) -> None:
        race = json.loads(config.read_text(encoding="utf-8"))
        rows = sample_rows(race, months=months)
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            # Written as a bare line: the import skips everything above the header.
            handle.write(SAMPLE_MARK + "\n")
            writer.writerow(["月份", "地区", "指标", "口径", "数值", "单位"])
            writer.writerows(rows)
        self.stdout.write(f"示例数据:{len(rows)} 行 → {out}")
