"""The judgment: is a target met, missed, at risk, on track, or without data?

Pure functions over plain values (no Django, no database) so the rules can be read and
table-tested in one place. ``targets.services.judging`` feeds them rows.

Rules (see docs/ingest.md for the prose version):

* A full-period actual decides met / missed with the target's comparator.
  ``=`` counts reaching the value in the indicator's good direction as met; ``~`` is
  met within the tolerance, and also when the actual is beyond it in the good
  direction (exceeding a higher-is-better goal is never a miss).
* A partial-period actual (1-10月 of a year target) gives at_risk / on_track:
  growth rates and percentage-point changes are compared with the target directly;
  flows (accumulating indicators, and every ``increase``) are compared with 序时进度
  (elapsed months / months of the target period): more than ``at_risk_margin``
  behind is at_risk. A flow that already reached a lower-bound target is met, one
  that already broke a cap is missed. Stocks (non-accumulating levels) are compared
  directly.
* No actual: no_data; ``overdue`` once the period ended more than ``grace_days`` ago
  (that is what gets flagged).
* ``provisional`` whenever the deciding figure is an estimate (预计).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from targets.display import (
    AT_RISK,
    MET,
    MISSED,
    NO_DATA,
    ON_TRACK,
    comparator_symbol,
    format_percent,
    format_value,
)
from targets.periods import Period

HIGHER = "higher"
LOWER = "lower"

RATE_MEASURES = frozenset({"growth", "change_pp"})
LOWER_BOUND = frozenset({">=", ">"})
UPPER_BOUND = frozenset({"<=", "<"})

FOUR_PLACES = Decimal("0.0001")

DEFAULT_TOLERANCE = Decimal("0.05")
DEFAULT_AT_RISK_MARGIN = Decimal("0.05")
DEFAULT_GRACE_DAYS = 90


@dataclass(frozen=True, slots=True)
class TargetFacts:
    measure: str
    comparator: str
    norm_value: Decimal
    period_start: dt.date
    period_end: dt.date
    norm_unit: str = "count"


@dataclass(frozen=True, slots=True)
class ActualFacts:
    norm_value: Decimal
    period_start: dt.date
    period_end: dt.date
    estimate: bool = False
    # "超过1600家" is a lower bound: the true figure is above the number.
    comparator: str = "="


@dataclass(frozen=True, slots=True)
class IndicatorFacts:
    direction: str = HIGHER
    accumulates: bool = False


@dataclass(frozen=True, slots=True)
class Verdict:
    status: str
    provisional: bool = False
    progress: Decimal | None = None
    schedule_progress: Decimal | None = None
    overdue: bool = False
    reason: str = ""


def judge(
    target: TargetFacts,
    actual: ActualFacts | None,
    indicator: IndicatorFacts,
    today: dt.date,
    *,
    tolerance: Decimal = DEFAULT_TOLERANCE,
    at_risk_margin: Decimal = DEFAULT_AT_RISK_MARGIN,
    grace_days: int = DEFAULT_GRACE_DAYS,
) -> Verdict:
    """Judge one target against the actual that answers it (or None)."""
    goal = describe_target(target)
    if actual is None:
        deadline = target.period_end + dt.timedelta(days=grace_days)
        if today > deadline:
            return Verdict(
                NO_DATA,
                overdue=True,
                reason=f"期间已结束超过{grace_days}天仍无实际数据(目标{goal})",
            )
        return Verdict(NO_DATA, reason=f"尚无实际数据(目标{goal})")

    progress = _ratio(actual.norm_value, target.norm_value)
    shown = format_value(actual.norm_value, target.norm_unit)
    provisional = actual.estimate
    tag = "(预计数)" if provisional else ""
    passes = satisfies(
        target.comparator,
        actual.norm_value,
        target.norm_value,
        direction=indicator.direction,
        tolerance=tolerance,
        actual_comparator=actual.comparator,
    )

    def verdict(status: str, reason: str, schedule: Decimal | None = None) -> Verdict:
        return Verdict(
            status,
            provisional=provisional,
            progress=progress,
            schedule_progress=schedule,
            reason=reason,
        )

    if actual.period_end >= target.period_end:
        verb = "达到" if passes else "未达到"
        return verdict(MET if passes else MISSED, f"实际{shown}{tag},{verb}目标{goal}")

    # A partial period: how far through the target's period is the actual?
    schedule = _schedule(target, actual)
    so_far = f"截至{actual.period_end:%Y-%m}"
    if target.measure in RATE_MEASURES or not (
        indicator.accumulates or target.measure == "increase"
    ):
        # Rates and stocks have no 序时进度: compare the latest figure directly.
        verb = "符合" if passes else "不符合"
        return verdict(
            ON_TRACK if passes else AT_RISK,
            f"{so_far}实际{shown}{tag},{verb}目标{goal}",
            schedule,
        )

    cumulative = f"{so_far}累计{shown}{tag}"
    if _is_cap(target.comparator, indicator.direction):
        verb = "未超出" if passes else "已超出"
        return verdict(
            ON_TRACK if passes else MISSED, f"{cumulative},{verb}上限{goal}", schedule
        )
    if passes:
        return verdict(MET, f"{cumulative},已达到目标{goal}", schedule)
    behind = progress is None or progress < schedule - at_risk_margin
    shown_progress = "—" if progress is None else format_percent(progress)
    verb = "落后于" if behind else "符合"
    return verdict(
        AT_RISK if behind else ON_TRACK,
        f"{cumulative},完成{shown_progress},"
        f"{verb}序时进度{format_percent(schedule)}(目标{goal})",
        schedule,
    )


def satisfies(
    comparator: str,
    actual: Decimal,
    target: Decimal,
    *,
    direction: str = HIGHER,
    tolerance: Decimal = DEFAULT_TOLERANCE,
    actual_comparator: str = "=",
) -> bool:
    """Whether an actual figure fulfils ``comparator target``.

    ``actual_comparator`` ">" / "<" marks the figure as a strict bound ("超过1600家"),
    which only matters when the figure equals the target of a strict comparator.
    """
    if comparator == ">=":
        return actual >= target
    if comparator == ">":
        return actual > target or (actual == target and actual_comparator == ">")
    if comparator == "<=":
        return actual <= target
    if comparator == "<":
        return actual < target or (actual == target and actual_comparator == "<")
    if comparator == "~":
        if abs(actual - target) <= tolerance * abs(target):
            return True
        return actual > target if direction == HIGHER else actual < target
    # "=" (达到): reaching the value in the good direction counts.
    return actual >= target if direction == HIGHER else actual <= target


def describe_target(target: TargetFacts) -> str:
    value = format_value(target.norm_value, target.norm_unit)
    return f"{comparator_symbol(target.comparator)}{value}"


def _schedule(target: TargetFacts, actual: ActualFacts) -> Decimal:
    """序时进度: the share of the target period's months the actual has covered."""
    total = Period(target.period_start, target.period_end).months
    elapsed = 0
    if actual.period_end >= target.period_start:
        elapsed = Period(target.period_start, actual.period_end).months
    elapsed = min(elapsed, total)
    return (Decimal(elapsed) / Decimal(total)).quantize(FOUR_PLACES)


def _ratio(actual: Decimal, target: Decimal) -> Decimal | None:
    if target == 0:
        return None
    return (actual / target).quantize(FOUR_PLACES)


def _is_cap(comparator: str, direction: str) -> bool:
    if comparator in UPPER_BOUND:
        return True
    return comparator in {"=", "~"} and direction == LOWER
