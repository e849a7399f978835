"""Small display helpers for the review pages: percentages and bar geometry."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import template

register = template.Library()


def _ratio(value: object) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


@register.filter
def pct(value: object) -> str:
    """0.8342 → "83.4%"; None → "—"."""
    ratio = _ratio(value)
    if ratio is None:
        return "—"
    return f"{(ratio * 100).quantize(Decimal('0.1'))}%"


@register.filter
def bar(value: object) -> str:
    """A ratio as a CSS width in percent, clamped to the bar (0–100)."""
    ratio = _ratio(value)
    if ratio is None:
        return "0"
    return f"{max(Decimal(0), min(ratio, Decimal(1))) * 100:.1f}"


@register.filter
def num(value: object) -> str:
    """Decimal without trailing zeros: 750.0000 → 750."""
    number = _ratio(value)
    if number is None:
        return "—"
    return f"{number.normalize():f}"


COMPARATOR_SIGNS = {">=": "≥", ">": ">", "=": "", "~": "约", "<=": "≤", "<": "<"}


@register.filter
def cmp(value: str) -> str:
    """The comparator as it reads in a Chinese table: ≥, ≤, 约."""
    return COMPARATOR_SIGNS.get(value, value)
