"""Template filters for the review pages; the wording itself is targets.display."""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from django import template

from targets import display

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
    return display.format_percent(ratio)


@_decimal_filter("0")
def bar(ratio: Decimal) -> str:
    """A ratio as a CSS width in percent, clamped to the bar (0–100)."""
    return f"{max(Decimal(0), min(ratio, Decimal(1))) * 100:.1f}"


@_decimal_filter("—")
def num(number: Decimal) -> str:
    """Thousands separators, no trailing zeros: 12345.6000 → 12,345.6."""
    return display.format_number(number, places=4)


@_decimal_filter("—")
def money(yuan: Decimal) -> str:
    """An amount in 元, scaled: 244000000 → 2.44亿元."""
    return display.format_money(yuan)


@register.filter
def cmp(value: str) -> str:
    """The comparator as it reads in a Chinese table (display.comparator_symbol)."""
    return display.comparator_symbol(value)


@register.filter
def amount(value: object, unit: str = "") -> str:
    """A figure and its unit as people read them: 300000|amount:"万元" → 30亿元."""
    number = _decimal(value)
    return "—" if number is None else display.amount_text(number, unit or "")
