"""赛马 ranking at scale: 300 regions × 20 indicators × 12 months in a throwaway
SQLite database.

Prints, from the same run: the time to load those 72,000 figures (and the
目标完成率 targets) from the database with the selector the exports use, the time
the pure engine takes to rank all twelve months (three peer groups, all four
scoring methods, composite, changes), and the ratio rank / load. Then the time of a
full month report (load + rank + previous month) for comparison. Best of 3 each.

Usage: python bench/bench_saima.py [REGIONS] [INDICATORS] [MONTHS]
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

from _django import setup

WORKDIR = setup("dabiao-bench-saima-")

from django.core.management import call_command  # noqa: E402

from saima import engine, selectors  # noqa: E402
from saima.models import (  # noqa: E402
    MonthlyFigure,
    PeerGroup,
    Race,
    RaceIndicator,
    RaceMember,
    RaceTarget,
)
from targets.models import Indicator, Region, RegionLevel  # noqa: E402

T = TypeVar("T")
METHODS = [engine.RANK, engine.EFFICACY, engine.MINMAX, engine.COMPLETION]


def build(regions: int, indicators: int, months: int) -> tuple[Race, list[dt.date]]:
    rng = random.Random(7)
    city = Region.objects.create(name="基准市", level=RegionLevel.CITY)
    members = Region.objects.bulk_create(
        Region(name=f"地区{i:04d}", level=RegionLevel.COUNTY, parent=city)
        for i in range(regions)
    )
    inds = Indicator.objects.bulk_create(
        Indicator(name=f"基准指标{i:02d}", unit="亿元") for i in range(indicators)
    )
    race = Race.objects.create(name="基准赛马", city=city)
    groups = [
        PeerGroup.objects.create(race=race, name=name, order=i)
        for i, name in enumerate(["县", "区", "开发区"])
    ]
    RaceMember.objects.bulk_create(
        RaceMember(race=race, region=r, group=groups[i % 3], order=i)
        for i, r in enumerate(members)
    )
    race_indicators = RaceIndicator.objects.bulk_create(
        RaceIndicator(
            race=race,
            indicator=ind,
            measure="growth",
            weight=Decimal(5),
            method=METHODS[i % 4],
            direction="lower" if i % 5 == 0 else "higher",
            order=i,
        )
        for i, ind in enumerate(inds)
    )
    RaceTarget.objects.bulk_create(
        RaceTarget(
            race_indicator=ri, region=r, year=2024, value=Decimal(rng.randint(5, 30))
        )
        for ri in race_indicators
        if ri.method == engine.COMPLETION
        for r in members
    )
    month_list = [dt.date(2024, m, 1) for m in range(1, months + 1)]
    MonthlyFigure.objects.bulk_create(
        (
            MonthlyFigure(
                region=r,
                indicator=ind,
                measure="growth",
                month=month,
                value=Decimal(rng.randint(-50, 400)) / 10,
                unit="%",
            )
            for month in month_list
            for r in members
            for ind in inds
            # about one figure in a hundred is not reported
            if rng.random() > 0.01
        ),
        batch_size=5000,
    )
    return race, month_list


def best_of(runs: int, fn: Callable[[], T]) -> tuple[float, T]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()  # the last run's result is returned
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    regions, indicators, months = (int(a) for a in ([*sys.argv[1:], 300, 20, 12][:3]))
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    race, month_list = build(regions, indicators, months)
    figures_count = MonthlyFigure.objects.count()
    print(
        f"setup: {regions} regions × {indicators} indicators × {months} months "
        f"= {figures_count:,} figures stored in {time.perf_counter() - start:.1f} s"
    )
    ris = selectors.race_indicators(race)
    members = selectors.race_members(race)
    groups = {m.region.name: m.group.name for m in members}
    specs = [selectors.spec_for(ri) for ri in ris]

    def load():
        figures = selectors.race_figures(race, month_list, indicators=ris)
        targets = selectors.race_targets(race, 2024, indicators=ris)
        return figures, targets

    load_time, (figures, targets) = best_of(3, load)

    def rank():
        previous: dict[str, int] = {}
        results = {}
        for month in month_list:
            result = engine.rank_race(
                specs,
                figures[month],
                groups=groups,
                regions=list(groups),
                targets=targets,
                previous_ranks=previous,
            )
            previous = {row.region: row.rank for row in result.rows}
            results[month] = result
        return results

    rank_time, results = best_of(3, rank)
    ranked = sum(len(r.rows) for r in results.values())
    assert ranked == regions * months, ranked
    print(f"load figures + targets from the database: {load_time:.3f} s")
    print(
        f"rank {months} months (engine, {ranked:,} region-months, "
        f"{len(specs)} indicators): {rank_time:.3f} s"
    )
    print(f"ratio rank / load: {rank_time / load_time:.2f}")
    report_time, _ = best_of(3, lambda: selectors.month_report(race, month_list[-1]))
    print(f"one full month report (load + rank, with last month): {report_time:.3f} s")


if __name__ == "__main__":
    main()
