"""Linking: which actual answers a target? Pure functions over plain candidates.

``targets.services.judging`` collects every actual of the target's region and
indicator as :class:`Candidate` values; :func:`link` picks the one that answers the
target, or derives one from two levels when the target's own measure was never
reported. Rules, in order:

1. Same measure and unit, and a period inside the target's period. Year-to-date
   figures must start where the target's period starts (a March-only figure says
   nothing about progress on a year's flow); stock levels may be any sub-period.
2. The most complete period wins (a full year beats 1-10月), then a final figure beats
   an estimate (预计), then the later report (published date, then the document's
   year, then row id).
3. Otherwise derive: ``growth`` from two levels a year apart, ``increase`` and
   ``change_pp`` from a level minus the level at the end of the year before the
   target's period (for flows: the same months a year earlier).
4. A recurring (每年) target applies to every year from its first: the latest year
   with an answering actual is judged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

FOUR_PLACES = Decimal("0.0001")


@dataclass(frozen=True, slots=True)
class Candidate:
    id: int
    measure: str
    norm_value: Decimal
    norm_unit: str
    period_start: dt.date
    period_end: dt.date
    estimate: bool = False
    comparator: str = "="
    published: dt.date | None = None
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Link:
    actual_id: int  # the row shown as "the actual used" (the later level if derived)
    norm_value: Decimal
    period_start: dt.date
    period_end: dt.date
    estimate: bool
    comparator: str = "="
    derived_from: tuple[int, ...] = ()  # (base level id, end level id) when derived

    @property
    def derived(self) -> bool:
        return bool(self.derived_from)


@dataclass(frozen=True, slots=True)
class TargetKey:
    measure: str
    norm_unit: str
    period_start: dt.date
    period_end: dt.date
    recurring: bool = False
    accumulates: bool = False


def link(
    target: TargetKey, candidates: Sequence[Candidate]
) -> tuple[Link | None, TargetKey]:
    """The actual answering the target, and the period actually judged.

    For a recurring target the judged period is the latest year (from its first)
    with an answer; otherwise it is the target's own period.
    """
    if not target.recurring:
        return _link_period(target, candidates), target
    first = target.period_start.year
    last = max((c.period_end.year for c in candidates), default=first)
    for year in range(last, first - 1, -1):
        period = _shift(target, year - first)
        found = _link_period(period, candidates)
        if found is not None:
            return found, period
    return None, target


def answers(target: TargetKey, candidate: Candidate) -> bool:
    """Whether a candidate of the target's measure speaks to the target's period."""
    if candidate.period_start < target.period_start:
        return False
    if candidate.period_end > target.period_end:
        return False
    if candidate.period_start == target.period_start:
        return True
    # A stock may be read at any point of the period; a flow only year-to-date.
    return candidate.measure == "level" and not target.accumulates


def best(candidates: Iterable[Candidate]) -> Candidate | None:
    """The most complete, final, latest-reported candidate."""
    return max(candidates, key=_rank, default=None)


def _rank(c: Candidate) -> tuple:
    return (
        c.period_end,
        not c.estimate,
        c.published is not None,
        c.published or dt.date.min,
        c.year or 0,
        c.id,
    )


def _link_period(target: TargetKey, candidates: Sequence[Candidate]) -> Link | None:
    direct = best(
        c
        for c in candidates
        if c.measure == target.measure
        and c.norm_unit == target.norm_unit
        and answers(target, c)
    )
    if direct is not None:
        return Link(
            actual_id=direct.id,
            norm_value=direct.norm_value,
            period_start=direct.period_start,
            period_end=direct.period_end,
            estimate=direct.estimate,
            comparator=direct.comparator,
        )
    if target.measure == "growth":
        return _derive_growth(target, candidates)
    if target.measure == "increase":
        return _derive_difference(target, candidates, unit=target.norm_unit)
    if target.measure == "change_pp" and target.norm_unit == "pp":
        return _derive_difference(target, candidates, unit="%")
    return None


def _levels(candidates: Sequence[Candidate], unit: str | None) -> list[Candidate]:
    return [
        c
        for c in candidates
        if c.measure == "level" and (unit is None or c.norm_unit == unit)
    ]


def _derive_growth(target: TargetKey, candidates: Sequence[Candidate]) -> Link | None:
    levels = _levels(candidates, None)
    ends = sorted(
        (c for c in levels if _answers_as_level(target, c)), key=_rank, reverse=True
    )
    for end in ends:
        if end.period_start.year != end.period_end.year:
            continue  # growth over a multi-year span is not a yearly rate
        base = best(
            c
            for c in levels
            if c.norm_unit == end.norm_unit
            and c.period_start == _year_earlier(end.period_start)
            and c.period_end == _year_earlier(end.period_end)
        )
        if base is None or base.norm_value == 0:
            continue
        growth = (end.norm_value / base.norm_value - 1) * 100
        return _derived(end, base, growth)
    return None


def _derive_difference(
    target: TargetKey, candidates: Sequence[Candidate], *, unit: str
) -> Link | None:
    levels = _levels(candidates, unit)
    ends = sorted(
        (c for c in levels if _answers_as_level(target, c)), key=_rank, reverse=True
    )
    for end in ends:
        if target.accumulates:
            # A flow's increase compares the same months a year earlier.
            if end.period_start.year != end.period_end.year:
                continue
            pool = (
                c
                for c in levels
                if c.period_start == _year_earlier(end.period_start)
                and c.period_end == _year_earlier(end.period_end)
            )
        else:
            # A stock's increase counts from the end of the year before the period.
            opening = target.period_start - dt.timedelta(days=1)
            pool = (c for c in levels if c.period_end == opening)
        base = best(pool)
        if base is None:
            continue
        return _derived(end, base, end.norm_value - base.norm_value)
    return None


def _answers_as_level(target: TargetKey, c: Candidate) -> bool:
    probe = TargetKey(
        measure="level",
        norm_unit=c.norm_unit,
        period_start=target.period_start,
        period_end=target.period_end,
        accumulates=target.accumulates,
    )
    return answers(probe, c)


def _derived(end: Candidate, base: Candidate, value: Decimal) -> Link:
    return Link(
        actual_id=end.id,
        norm_value=value.quantize(FOUR_PLACES),
        period_start=end.period_start,
        period_end=end.period_end,
        estimate=end.estimate or base.estimate,
        derived_from=(base.id, end.id),
    )


def _year_earlier(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _shift(target: TargetKey, years: int) -> TargetKey:
    if years == 0:
        return target
    start = target.period_start.replace(year=target.period_start.year + years)
    end_year = target.period_end.year + years
    try:
        end = target.period_end.replace(year=end_year)
    except ValueError:
        end = target.period_end.replace(year=end_year, day=28)
    return TargetKey(
        measure=target.measure,
        norm_unit=target.norm_unit,
        period_start=start,
        period_end=end,
        recurring=target.recurring,
        accumulates=target.accumulates,
    )
