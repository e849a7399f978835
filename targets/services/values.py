"""Small value helpers shared by the writers: what the decimal columns take."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from targets.models import Comparator, NormUnit

FOUR_PLACES = Decimal("0.0001")


def decimal4(value: Any) -> Decimal:
    """A number as the 4-decimal-place columns store it."""
    return Decimal(str(value)).quantize(FOUR_PLACES)


def comparator_or_eq(value: str) -> str:
    return value if value in Comparator.values else Comparator.EQ


def norm_unit_or_count(value: str) -> str:
    return value if value in NormUnit.values else NormUnit.COUNT
