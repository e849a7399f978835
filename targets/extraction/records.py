"""The records the extraction engine returns: plain dataclasses, no Django."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


@dataclass(frozen=True, slots=True)
class Record:
    """One quantified statement (a *mention*) as defined in EXTRACTION.md."""

    doc: str
    kind: str  # "target" | "actual"
    region: str | None
    indicator: str
    measure: str  # "level" | "increase" | "growth" | "change_pp"
    comparator: str  # ">=", ">", "<=", "<", "~", "="
    value: Decimal
    unit: str
    norm_value: Decimal
    norm_unit: str  # "元" | "%" | "pp" | "count"
    period: str | None  # "2024" or "2022-01/2022-10"
    recurring: bool
    estimate: bool
    stretch: bool
    quote: str
    start: int
    end: int
    # Extra fields beyond the JSON contract, used by ingest.
    indicator_code: str | None = (
        None  # catalog code when the indicator is in the catalog
    )
    tier: str | None = None  # named tier such as "人大报告目标" / "工作目标"

    def to_json(self) -> dict[str, Any]:
        """The record as the JSON object of the command-line contract."""
        return {
            "doc": self.doc,
            "kind": self.kind,
            "region": self.region,
            "indicator": self.indicator,
            "measure": self.measure,
            "comparator": self.comparator,
            "value": _number(self.value),
            "unit": self.unit,
            "norm_value": _number(self.norm_value),
            "norm_unit": self.norm_unit,
            "period": self.period,
            "recurring": self.recurring,
            "estimate": self.estimate,
            "stretch": self.stretch,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
        }


def run_template(prev: Record) -> Any:
    """A maker of records like `prev` with their own value, norm_value, quote,
    start and end (the figures of one list). A list of 300,000 figures makes
    300,000 of them, and the frozen dataclass's __init__ (or its slots' setters,
    one call each) costs three to four times what plain slot stores do: the
    record is filled as a _Blank, a class with the same slots and nothing else,
    and then made a Record (the layouts are the same, so Python allows the
    __class__ assignment; it raises if they ever differ; see new_record)."""
    doc, kind, region, indicator = prev.doc, prev.kind, prev.region, prev.indicator
    measure, comparator, unit = prev.measure, prev.comparator, prev.unit
    norm_unit, period, recurring = prev.norm_unit, prev.period, prev.recurring
    estimate, stretch = prev.estimate, prev.stretch
    indicator_code, tier = prev.indicator_code, prev.tier

    def make(
        value: Decimal, norm_value: Decimal, quote: str, start: int, end: int
    ) -> Record:
        return new_record(
            doc, kind, region, indicator, measure, comparator, value, unit,
            norm_value, norm_unit, period, recurring, estimate, stretch, quote,
            start, end, indicator_code, tier,
        )  # fmt: skip

    return make


def new_record(
    doc: str,
    kind: str,
    region: str | None,
    indicator: str,
    measure: str,
    comparator: str,
    value: Decimal,
    unit: str,
    norm_value: Decimal,
    norm_unit: str,
    period: str | None,
    recurring: bool,
    estimate: bool,
    stretch: bool,
    quote: str,
    start: int,
    end: int,
    indicator_code: str | None,
    tier: str | None,
) -> Record:
    """Record(...) with every field given, filled as a _Blank (see
    run_template): a third of what the frozen dataclass's __init__ costs."""
    r = _new(_Blank)
    r.doc = doc
    r.kind = kind
    r.region = region
    r.indicator = indicator
    r.measure = measure
    r.comparator = comparator
    r.value = value
    r.unit = unit
    r.norm_value = norm_value
    r.norm_unit = norm_unit
    r.period = period
    r.recurring = recurring
    r.estimate = estimate
    r.stretch = stretch
    r.quote = quote
    r.start = start
    r.end = end
    r.indicator_code = indicator_code
    r.tier = tier
    r.__class__ = Record  # type: ignore[assignment]
    return r  # type: ignore[return-value]


_new = object.__new__


class _Blank:
    """A Record's slots without the dataclass (see run_template)."""

    __slots__ = Record.__slots__  # the same layout, so __class__ can be set


# A new field needs its store in run_template and new_record.
assert len(Record.__slots__) == 19


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What the engine learned about the document as a whole."""

    region: str | None  # the document's own city/county, e.g. "芜湖市"
    year: int | None  # the plan's or report's year
    title: str
    kind: str  # "plan" | "report" | "both"


@dataclass(frozen=True, slots=True)
class Extraction:
    info: DocumentInfo
    records: list[Record] = field(default_factory=list)


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)
