"""Reads for 赛马: race configuration, figures per month, and computed month and
roll-up reports (the engine runs on plain values loaded here)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import QuerySet

from saima import engine
from saima.importing import Lookups, lookups_from
from saima.models import (
    FigureMeasure,
    MonthlyFigure,
    Race,
    RaceIndicator,
    RaceMember,
    RaceTarget,
)
from targets.models import Indicator, Region
from targets.periods import Period, PeriodError


def parse_month_text(text: str) -> dt.date:
    """ "2024-06" → 2024-06-01 (a month is stored as its first day); raises
    ValueError with a Chinese message."""
    try:
        period = Period.from_contract(text)
    except PeriodError:
        period = None
    if period is None or not period.is_month:
        raise ValueError(f"月份格式应为 2024-06,收到“{text}”")
    return period.start


def import_lookups() -> Lookups:
    return lookups_from(
        Region.objects.values_list("pk", "name"),
        Indicator.objects.values_list("pk", "name", "code", "aliases", "unit"),
    )


def race_get(*, name: str | None = None) -> Race:
    """The named race, or the only active one; raises Race.DoesNotExist."""
    if name:
        return Race.objects.get(name=name)
    races = list(Race.objects.filter(active=True)[:2])
    if len(races) != 1:
        raise Race.DoesNotExist(
            "请用 --race 指定赛马名称" if races else "还没有启用的赛马"
        )
    return races[0]


def race_indicators(race: Race) -> list[RaceIndicator]:
    return list(race.indicators.select_related("indicator").order_by("order", "pk"))


def race_members(race: Race) -> list[RaceMember]:
    return list(
        race.members.select_related("region", "group").order_by(
            "group__order", "order", "region__name"
        )
    )


def spec_for(race_indicator: RaceIndicator) -> engine.IndicatorSpec:
    return engine.IndicatorSpec(
        key=race_indicator.key,
        name=race_indicator.display_name,
        weight=race_indicator.weight,
        method=race_indicator.method,
        direction=race_indicator.direction,
        cap=race_indicator.cap,
    )


def race_figures(
    race: Race, months: Iterable[dt.date], *, indicators: list[RaceIndicator]
) -> dict[dt.date, dict[tuple[str, str], Decimal]]:
    """Ranked figures of the race's members: month → (region name, spec key) → value.

    One query for all months; this is the database side timed by the benchmark.
    """
    wanted = {(ri.indicator_id, ri.measure) for ri in indicators}
    out: dict[dt.date, dict[tuple[str, str], Decimal]] = {m: {} for m in months}
    rows = MonthlyFigure.objects.filter(
        month__in=list(out),
        region__saima_memberships__race=race,
        indicator_id__in={indicator for indicator, _ in wanted},
    ).values_list("month", "region__name", "indicator_id", "measure", "value")
    for month, region, indicator_id, measure, value in rows.iterator(chunk_size=5000):
        if (indicator_id, measure) in wanted:
            out[month][(region, f"{indicator_id}:{measure}")] = value
    return out


def race_targets(
    race: Race, year: int, *, indicators: list[RaceIndicator]
) -> dict[tuple[str, str], Decimal]:
    """Own targets for 目标完成率 indicators: (region name, key) → target.

    A figure of measure 完成率 is already a percentage of target, so its target is 100.
    """
    targets: dict[tuple[str, str], Decimal] = {}
    completion = [ri for ri in indicators if ri.method == engine.COMPLETION]
    if not completion:
        return targets
    by_id = {ri.pk: ri for ri in completion}
    for ri in completion:
        if ri.measure == FigureMeasure.COMPLETION:
            for member in race.members.select_related("region"):
                targets[(member.region.name, ri.key)] = Decimal(100)
    rows = RaceTarget.objects.filter(race_indicator__in=by_id, year=year).values_list(
        "race_indicator_id", "region__name", "value"
    )
    for race_indicator_id, region, value in rows:
        ri = by_id[race_indicator_id]
        if ri.measure != FigureMeasure.COMPLETION:
            targets[(region, ri.key)] = value
    return targets


@dataclass
class MonthReport:
    """Everything the workbook and the bulletin show for one race and month."""

    race: Race
    month: dt.date
    indicators: list[RaceIndicator]
    members: list[RaceMember]
    result: engine.RaceResult
    has_previous: bool
    # (region name, indicator id, measure) → (value, unit), every measure imported.
    figures: dict[tuple[str, int, str], tuple[Decimal, str]] = field(
        default_factory=dict
    )
    # spec key → 全市 figure (the city's own, else the mean of the members reporting).
    averages: dict[str, Decimal | None] = field(default_factory=dict)
    city_reported: dict[str, bool] = field(default_factory=dict)
    # (region name, spec key) → own target, for 目标完成率 indicators.
    targets: dict[tuple[str, str], Decimal] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return f"{Period.month_of(self.month).label}{self.race.title}"

    @property
    def grouped(self) -> bool:
        return len(self.result.groups) > 1

    def lists(
        self, rows: list[engine.RegionResult]
    ) -> tuple[list[engine.RegionResult], list[engine.RegionResult]]:
        """红榜 and 黑榜 of one group's rows by the race's rule."""
        return engine.red_black(rows, self.race.list_rule)

    def indicator_lists(
        self, rows: list[engine.RegionResult], key: str
    ) -> tuple[set[str], set[str]]:
        """红榜 and 黑榜 names of one group on one indicator (the race's rule)."""
        ranked = {
            r.region: r.indicators[key] for r in rows if r.indicators[key].reported
        }
        ranks = {name: res.rank for name, res in ranked.items() if res.rank is not None}
        return engine.list_places(
            ranks,
            {name: Decimal(-rank) for name, rank in ranks.items()},
            members=len(rows),
            rule=self.race.list_rule,
            unreported=[r.region for r in rows if not r.indicators[key].reported],
        )

    def region_ids(self) -> dict[str, int]:
        return {m.region.name: m.region_id for m in self.members}

    def indicator_detail(
        self,
        row: engine.RegionResult,
        number: Callable[[Decimal | None], str | None],
    ) -> dict[str, dict[str, Any]]:
        """Per indicator (by display name) the region's value, score, rank and note:
        what RaceResult.detail stores and the API shows; ``number`` writes the
        Decimals."""
        return {
            ri.display_name: {
                "value": number(row.indicators[ri.key].value),
                "score": number(row.indicators[ri.key].score),
                "rank": row.indicators[ri.key].rank,
                "note": row.indicators[ri.key].note,
            }
            for ri in self.indicators
        }

    def completion(self, region: str, race_indicator: RaceIndicator) -> Decimal | None:
        """Percent of the region's own target reached (目标完成率 indicators only)."""
        value = self.result.by_region()[region].indicators[race_indicator.key].value
        target = self.targets.get((region, race_indicator.key))
        if value is None or not target:
            return None
        return (100 * value / target).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    def figure(
        self, region: str, race_indicator: RaceIndicator, measure: str
    ) -> tuple[Decimal, str] | None:
        return self.figures.get((region, race_indicator.indicator_id, measure))


def _rank(
    race: Race,
    members: list[RaceMember],
    indicators: list[RaceIndicator],
    figures: dict[tuple[str, str], Decimal],
    year: int,
    previous_ranks: dict[str, int] | None = None,
) -> engine.RaceResult:
    groups = {m.region.name: (m.group.name if m.group else "") for m in members}
    return engine.rank_race(
        [spec_for(ri) for ri in indicators],
        figures,
        groups=groups,
        regions=list(groups),
        targets=race_targets(race, year, indicators=indicators),
        previous_ranks=previous_ranks,
    )


def month_report(race: Race, month: dt.date) -> MonthReport:
    """Rank ``race`` for ``month`` (and the month before, for 上月名次)."""
    period = Period.month_of(month)
    month, before = period.start, period.previous().start
    indicators = race_indicators(race)
    members = race_members(race)
    figures = race_figures(race, [month, before], indicators=indicators)
    previous_ranks: dict[str, int] = {}
    has_previous = bool(figures[before])
    if has_previous:
        previous = _rank(race, members, indicators, figures[before], before.year)
        previous_ranks = {row.region: row.rank for row in previous.rows}
    result = _rank(
        race, members, indicators, figures[month], month.year, previous_ranks
    )
    report = MonthReport(
        race=race,
        month=month,
        indicators=indicators,
        members=members,
        result=result,
        has_previous=has_previous,
        targets=race_targets(race, month.year, indicators=indicators),
    )
    region_names = {m.region_id: m.region.name for m in members}
    region_names[race.city_id] = race.city.name
    rows = MonthlyFigure.objects.filter(
        month=month,
        region_id__in=region_names,
        indicator_id__in={ri.indicator_id for ri in indicators},
    ).values_list("region_id", "indicator_id", "measure", "value", "unit")
    for region_id, indicator_id, measure, value, unit in rows:
        report.figures[(region_names[region_id], indicator_id, measure)] = (value, unit)
    for ri in indicators:
        city_figure = report.figures.get((race.city.name, ri.indicator_id, ri.measure))
        if city_figure is not None:
            report.averages[ri.key] = city_figure[0]
            report.city_reported[ri.key] = True
            continue
        if ri.method == engine.COMPLETION:
            # The mean completion rate says more than the mean of unequal amounts.
            values = [
                rate
                for row in result.rows
                if (rate := report.completion(row.region, ri)) is not None
            ]
        else:
            values = [
                row.indicators[ri.key].value
                for row in result.rows
                if row.indicators[ri.key].value is not None
            ]
        report.averages[ri.key] = (
            (sum(values, Decimal(0)) / len(values)).quantize(
                Decimal("0.01"), rounding=ROUND_HALF_UP
            )
            if values
            else None
        )
        report.city_reported[ri.key] = False
    return report


@dataclass
class RollupReport:
    """The 季调度 / 年评价 roll-up: each region's mean monthly composite, ranked."""

    race: Race
    label: str  # "2024年第2季度" or "2024年"
    months: list[dt.date]  # the months of the period that have figures
    rows: dict[str, list[engine.RollupRow]]
    # region name → the months (of ``months``) it left any ranked figure unreported.
    missing: dict[str, list[dt.date]] = field(default_factory=dict)
    indicators: int = 0

    @property
    def title(self) -> str:
        return f"{self.label}{self.race.title.replace('通报', '')}汇总"

    @property
    def bulletin_title(self) -> str:
        """The bulletin's title, worded like the month's (2024年第2季度 + the race's
        title: 2024年第2季度全市科技创新赛马通报)."""
        return f"{self.label}{self.race.title}"

    @property
    def grouped(self) -> bool:
        return len(self.rows) > 1

    def lists(self, rows: list[engine.RollupRow]) -> tuple[set[str], set[str]]:
        """红榜 and 黑榜 names of one group by the race's rule, on the average score."""
        return engine.list_places(
            {r.region: r.rank for r in rows},
            {r.region: r.average for r in rows},
            members=len(rows),
            rule=self.race.list_rule,
        )


def rollup_report(race: Race, months: list[dt.date], label: str) -> RollupReport:
    """Quarterly or annual roll-up over the months that have any figures."""
    indicators = race_indicators(race)
    members = race_members(race)
    figures = race_figures(race, months, indicators=indicators)
    used = [month for month in months if figures[month]]
    ranked = {
        month: _rank(race, members, indicators, figures[month], month.year)
        for month in used
    }
    missing: dict[str, list[dt.date]] = {}
    for month, result in ranked.items():
        for row in result.rows:
            if row.missing:
                missing.setdefault(row.region, []).append(month)
    return RollupReport(
        race=race,
        label=label,
        months=used,
        rows=engine.rollup({f"{m:%Y-%m}": result for m, result in ranked.items()}),
        missing=missing,
        indicators=len(indicators),
    )


def months_with_figures(race: Race) -> QuerySet[MonthlyFigure, dt.date]:
    """The months any member of the race has figures for, newest first."""
    return (
        MonthlyFigure.objects.filter(region__saima_memberships__race=race)
        .order_by("-month")
        .values_list("month", flat=True)
        .distinct()
    )


def month_with_figures_latest(race: Race) -> dt.date | None:
    return months_with_figures(race).first()
