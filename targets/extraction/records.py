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
