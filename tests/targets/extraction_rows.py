"""Rows of extracted records for the table tests of target or actual."""

from __future__ import annotations

from decimal import Decimal

from targets.extraction import extract


def catalog_kinds(text: str) -> list[tuple[str, str, Decimal]]:
    """(kind, indicator, value) of every catalog record read from `text`."""
    records = extract(text, "t.txt").records
    return [(r.kind, r.indicator, r.value) for r in records if r.indicator_code]


def kinds(expected: list[tuple[str, str, str]]) -> list[tuple[str, str, Decimal]]:
    """The table's (kind, indicator, value-as-text) rows in the same form."""
    return [(k, i, Decimal(v)) for k, i, v in expected]
