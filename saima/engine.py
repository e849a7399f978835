"""The 赛马 ranking engine: pure functions over plain values, no Django.

A race ranks member regions on several indicators every month. Each indicator has a
weight, a direction (higher or lower is better) and a scoring method; a region's
composite score is the sum of its indicator scores. Regions are ranked inside their
peer group (分类赛马: 县 vs 区 vs 开发区); a race without groups has one group.

Scoring methods (``x`` is a region's figure, ``min``/``max`` are over the regions of
the same peer group that reported a figure, ``w`` is the indicator weight):

- 位次赋分 (``rank``): ``w · (n − r + 1) / n`` where ``r`` is the region's rank on the
  indicator and ``n`` the number of members of its peer group. First place gets the
  full weight and each place steps down by ``w / n``; tied regions share the rank and
  therefore the score.
- 功效系数法 (``efficacy``): ``d = 60 + 40 · (x − min) / (max − min)``; where lower is
  better ``d = 60 + 40 · (max − x) / (max − min)``. The score is ``w · d / 100``.
- 极值标准化 (``minmax``): ``s = 100 · (x − min) / (max − min)``, reversed as above;
  the score is ``w · s / 100``.
- 目标完成率 (``completion``): ``w · min(x / target, cap)`` against the region's own
  target; where lower is better ``w · min(target / x, cap)``. Ratios below zero count
  as zero; a region without a positive target scores zero (无目标值). These
  indicators are ranked on the uncapped ratio, the others on the figure itself.

When every reporting region has the same figure (``max == min``) the efficacy and
min-max methods give everyone the top score (100), because nobody is behind.

A region with no figure scores zero on that indicator, has no indicator rank and is
marked 未报送. Ranks are competition ranks: ties share a rank and the next rank skips
(1, 2, 2, 4). Indicator scores are rounded to 4 decimals and composite scores to 2
decimals (half up) before ranking, so two regions that show the same composite score
in the bulletin also share its rank.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

HIGHER = "higher"
LOWER = "lower"

RANK = "rank"
EFFICACY = "efficacy"
MINMAX = "minmax"
COMPLETION = "completion"
METHODS = (RANK, EFFICACY, MINMAX, COMPLETION)

NOT_REPORTED = "未报送"
NO_TARGET = "无目标值"
DEFAULT_GROUP = "全部"

SCORE_PLACES = Decimal("0.0001")
COMPOSITE_PLACES = Decimal("0.01")
HUNDRED = Decimal(100)

__all__ = [
    "COMPLETION",
    "DEFAULT_GROUP",
    "EFFICACY",
    "HIGHER",
    "LOWER",
    "METHODS",
    "MINMAX",
    "NOT_REPORTED",
    "RANK",
    "IndicatorResult",
    "IndicatorSpec",
    "ListRule",
    "RaceResult",
    "RegionResult",
    "RollupRow",
    "competition_ranks",
    "list_places",
    "rank_change",
    "rank_race",
    "red_black",
    "rollup",
    "score_indicator",
]


@dataclass(frozen=True)
class IndicatorSpec:
    """One ranked indicator of a race, as plain values."""

    key: str
    name: str
    weight: Decimal
    method: str = EFFICACY
    direction: str = HIGHER
    cap: Decimal = Decimal("1.2")

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ValueError(f"unknown scoring method {self.method!r}")
        if self.direction not in (HIGHER, LOWER):
            raise ValueError(f"unknown direction {self.direction!r}")


@dataclass(frozen=True)
class IndicatorResult:
    value: Decimal | None
    score: Decimal
    rank: int | None
    note: str = ""

    @property
    def reported(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class RegionResult:
    region: str
    group: str
    composite: Decimal
    rank: int
    indicators: dict[str, IndicatorResult]
    previous_rank: int | None = None

    @property
    def change(self) -> str:
        return rank_change(self.rank, self.previous_rank)

    @property
    def missing(self) -> list[str]:
        return [key for key, res in self.indicators.items() if not res.reported]


@dataclass(frozen=True)
class RaceResult:
    specs: tuple[IndicatorSpec, ...]
    groups: dict[str, list[RegionResult]] = field(default_factory=dict)

    @property
    def rows(self) -> list[RegionResult]:
        """Every region, group by group, best first inside each group."""
        return [row for rows in self.groups.values() for row in rows]

    def by_region(self) -> dict[str, RegionResult]:
        return {row.region: row for row in self.rows}


def _q(value: Decimal, places: Decimal) -> Decimal:
    return value.quantize(places, rounding=ROUND_HALF_UP)


def competition_ranks(
    values: Mapping[str, Decimal], *, higher_is_better: bool = True
) -> dict[str, int]:
    """Competition ranks ("1224"): equal values share a rank and the next one skips."""
    ordered = sorted(values.values(), reverse=higher_is_better)
    first_position: dict[Decimal, int] = {}
    for position, value in enumerate(ordered, start=1):
        first_position.setdefault(value, position)
    return {key: first_position[value] for key, value in values.items()}


def score_indicator(
    spec: IndicatorSpec,
    values: Mapping[str, Decimal | None],
    *,
    targets: Mapping[str, Decimal | None] | None = None,
) -> dict[str, IndicatorResult]:
    """Score and rank one indicator among the regions of one peer group.

    ``values`` maps every member region to its figure (``None`` if not reported).
    ``targets`` (only for 目标完成率) maps regions to their own targets; those
    indicators are ranked on the completion ratio (before the cap), the others on
    the figure itself.
    """
    reported = {key: value for key, value in values.items() if value is not None}
    higher = spec.direction == HIGHER
    if spec.method == COMPLETION:
        ratios = {
            key: _completion_ratio(spec, value, (targets or {}).get(key))
            for key, value in reported.items()
        }
        ranks = competition_ranks(
            {key: ratio or Decimal(0) for key, ratio in ratios.items()}
        )
    else:
        ranks = competition_ranks(reported, higher_is_better=higher)
    n = len(values)
    low = min(reported.values()) if reported else Decimal(0)
    high = max(reported.values()) if reported else Decimal(0)
    span = high - low
    results: dict[str, IndicatorResult] = {}
    for key, value in values.items():
        if value is None:
            results[key] = IndicatorResult(None, Decimal(0), None, NOT_REPORTED)
            continue
        note = ""
        if spec.method == RANK:
            score = spec.weight * (n - ranks[key] + 1) / n
        elif spec.method in (EFFICACY, MINMAX):
            if span == 0:
                share = Decimal(1)
            else:
                share = (value - low) / span if higher else (high - value) / span
            if spec.method == EFFICACY:
                score = spec.weight * (60 + 40 * share) / HUNDRED
            else:
                score = spec.weight * share
        else:
            ratio = ratios[key]
            if ratio is None:
                score, note = Decimal(0), NO_TARGET
            else:
                score = spec.weight * min(ratio, spec.cap)
        results[key] = IndicatorResult(value, _q(score, SCORE_PLACES), ranks[key], note)
    return results


def _completion_ratio(
    spec: IndicatorSpec, value: Decimal, target: Decimal | None
) -> Decimal | None:
    """actual/target (target/actual where lower is better), floored at 0, uncapped;
    None without a positive target."""
    if target is None or target <= 0:
        return None
    if spec.direction == HIGHER:
        return max(Decimal(0), value / target)
    if value <= 0:
        # None at all of a bad thing beats any target.
        return Decimal("Infinity")
    return target / value


def rank_race(
    specs: Sequence[IndicatorSpec],
    figures: Mapping[tuple[str, str], Decimal | None],
    *,
    groups: Mapping[str, str] | None = None,
    regions: Iterable[str] | None = None,
    targets: Mapping[tuple[str, str], Decimal | None] | None = None,
    previous_ranks: Mapping[str, int] | None = None,
) -> RaceResult:
    """Rank a race for one month.

    ``figures`` maps ``(region, indicator key)`` to a figure; missing keys or ``None``
    mean 未报送. ``groups`` maps region → peer group name (a race without groups puts
    everyone in 全部); ``regions`` lists the members (defaults to the keys of
    ``groups`` or the regions seen in ``figures``). ``targets`` maps
    ``(region, key)`` to the region's own target for 目标完成率 indicators.
    ``previous_ranks`` (region → last month's composite rank) feeds the ↑↓ column.
    """
    if regions is None:
        regions = groups.keys() if groups else sorted({r for r, _ in figures})
    # Member order is kept (it breaks ties in listings); duplicates are dropped.
    members = list(dict.fromkeys(regions))
    position = {region: i for i, region in enumerate(members)}
    group_of = {
        region: (groups or {}).get(region) or DEFAULT_GROUP for region in members
    }
    ordered_groups: list[str] = []
    for region in members:
        if group_of[region] not in ordered_groups:
            ordered_groups.append(group_of[region])
    if groups:
        # Keep the configured group order (dict order of ``groups`` values).
        configured = list(dict.fromkeys(groups.values()))
        ordered_groups.sort(
            key=lambda g: configured.index(g) if g in configured else len(configured)
        )
    target_map = targets or {}
    previous = previous_ranks or {}
    result_groups: dict[str, list[RegionResult]] = {}
    for group in ordered_groups:
        group_regions = [r for r in members if group_of[r] == group]
        per_indicator = {
            spec.key: score_indicator(
                spec,
                {r: figures.get((r, spec.key)) for r in group_regions},
                targets={r: target_map.get((r, spec.key)) for r in group_regions},
            )
            for spec in specs
        }
        composites = {
            r: _q(
                sum(
                    (per_indicator[spec.key][r].score for spec in specs),
                    Decimal(0),
                ),
                COMPOSITE_PLACES,
            )
            for r in group_regions
        }
        ranks = competition_ranks(composites)
        rows = [
            RegionResult(
                region=r,
                group=group,
                composite=composites[r],
                rank=ranks[r],
                indicators={spec.key: per_indicator[spec.key][r] for spec in specs},
                previous_rank=previous.get(r),
            )
            for r in group_regions
        ]
        rows.sort(key=lambda row: (row.rank, position[row.region]))
        result_groups[group] = rows
    return RaceResult(specs=tuple(specs), groups=result_groups)


def rank_change(current: int, previous: int | None) -> str:
    """ "↑2" when a region climbed two places, "↓1" when it fell one, "—" otherwise
    (same place, or no rank last month)."""
    if previous is None or previous == current:
        return "—"
    if current < previous:
        return f"↑{previous - current}"
    return f"↓{current - previous}"


COUNT = "count"
SHARE = "share"


@dataclass(frozen=True)
class ListRule:
    """How many places of a peer group make the 红榜 and the 黑榜.

    ``mode`` is ``count`` (the top and bottom ``count`` places) or ``share`` (the
    top and bottom ``share`` percent of the group's members, rounded half up, at
    least one). Either way the size is cut to ``(n − 1) // 2`` so that the lists
    never meet and at least one region of a group of three or more is on neither.
    A group too small for both lists (one or two members) has only a 红榜: its
    first place.
    """

    mode: str = COUNT
    count: int = 3
    share: Decimal = Decimal(30)

    def __post_init__(self) -> None:
        if self.mode not in (COUNT, SHARE):
            raise ValueError(f"unknown list rule {self.mode!r}")

    def size(self, members: int) -> int:
        """Places on each list for a group of ``members`` (0: only a 红榜)."""
        if self.mode == COUNT:
            wanted = self.count
        else:
            wanted = int(_q(members * self.share / HUNDRED, Decimal(1)))
        return max(0, min(max(wanted, 1), (members - 1) // 2))


def list_places(
    ranks: Mapping[str, int],
    scores: Mapping[str, Decimal],
    *,
    members: int,
    rule: ListRule | None = None,
    unreported: Iterable[str] = (),
) -> tuple[set[str], set[str]]:
    """红榜 and 黑榜 names of one peer group (one indicator or the composite).

    ``ranks`` are the competition ranks of the ranked regions, ``scores`` the
    values they were ranked on (higher is better), ``members`` the size of the
    group. Ties follow the ranks: every region ranked ``size`` or better is red,
    every region with fewer than ``size`` regions below it is black. A region in
    ``unreported`` (a missing figure) is never red; it may be black.
    """
    rule = rule or ListRule()
    size = rule.size(members)
    excluded = set(unreported)
    if size == 0:
        red = {k for k, rank in ranks.items() if rank == 1 and k not in excluded}
        return red, set()
    red = {k for k, rank in ranks.items() if rank <= size and k not in excluded}
    from_bottom = competition_ranks(dict(scores), higher_is_better=False)
    black = {k for k, place in from_bottom.items() if place <= size and k not in red}
    return red, black


def red_black(
    rows: Sequence[RegionResult], rule: ListRule | None = None
) -> tuple[list[RegionResult], list[RegionResult]]:
    """红榜 and 黑榜 of one peer group by composite score (see ``list_places``):
    the lists in ranking order; a region missing any figure is never red."""
    red, black = list_places(
        {row.region: row.rank for row in rows},
        {row.region: row.composite for row in rows},
        members=len(rows),
        rule=rule,
        unreported=[row.region for row in rows if row.missing],
    )
    return (
        [row for row in rows if row.region in red],
        [row for row in rows if row.region in black],
    )


@dataclass(frozen=True)
class RollupRow:
    region: str
    group: str
    monthly: dict[str, Decimal]
    average: Decimal
    rank: int


def rollup(months: Mapping[str, RaceResult]) -> dict[str, list[RollupRow]]:
    """Quarterly (季调度) or annual (年评价) roll-up of monthly results.

    A region's roll-up score is the mean of its monthly composite scores over the
    months given (a month in which it was a member but reported nothing counts as
    0), rounded to 2 decimals; regions are ranked by it inside their peer group of
    the latest month. ``months`` maps a month label (e.g. "2024-06") to its result.
    """
    if not months:
        return {}
    latest = months[max(months)]
    scores: dict[str, dict[str, Decimal]] = {}
    for month, result in sorted(months.items()):
        for row in result.rows:
            scores.setdefault(row.region, {})[month] = row.composite
    out: dict[str, list[RollupRow]] = {}
    for group, rows in latest.groups.items():
        averages = {
            row.region: _q(
                sum(scores[row.region].values(), Decimal(0)) / len(months),
                COMPOSITE_PLACES,
            )
            for row in rows
        }
        ranks = competition_ranks(averages)
        group_rows = [
            RollupRow(
                region=region,
                group=group,
                monthly=scores[region],
                average=averages[region],
                rank=ranks[region],
            )
            for region in averages
        ]
        group_rows.sort(key=lambda r: (r.rank, r.region))
        out[group] = group_rows
    return out
