"""Small display helpers for the review pages: percentages and bar geometry."""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from django import template

register = template.Library()


def _decimal(value: object) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _decimal_filter(
    missing: str,
) -> Callable[[Callable[[Decimal], str]], Callable[[object], str]]:
    """Register ``show`` as a filter that reads its value as a Decimal and shows
    ``missing`` for an empty or unreadable one."""

    def decorate(show: Callable[[Decimal], str]) -> Callable[[object], str]:
        @functools.wraps(show)
        def filter_(value: object) -> str:
            number = _decimal(value)
            return missing if number is None else show(number)

        return register.filter(filter_)

    return decorate


@_decimal_filter("—")
def pct(ratio: Decimal) -> str:
    """0.8342 → "83.4%"; None → "—"."""
    return f"{(ratio * 100).quantize(Decimal('0.1'))}%"


@_decimal_filter("0")
def bar(ratio: Decimal) -> str:
    """A ratio as a CSS width in percent, clamped to the bar (0–100)."""
    return f"{max(Decimal(0), min(ratio, Decimal(1))) * 100:.1f}"


@_decimal_filter("—")
def num(number: Decimal) -> str:
    """Decimal without trailing zeros: 750.0000 → 750."""
    return f"{number.normalize():f}"


COMPARATOR_SIGNS = {">=": "≥", ">": ">", "=": "", "~": "约", "<=": "≤", "<": "<"}


@register.filter
def cmp(value: str) -> str:
    """The comparator as it reads in a Chinese table: ≥, ≤, 约."""
    return COMPARATOR_SIGNS.get(value, value)
