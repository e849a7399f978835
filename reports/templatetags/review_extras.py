"""Template helpers for the review pages (审核); the wording is targets.display."""

from __future__ import annotations

from typing import Any

from django import template

from targets import display
from targets.selectors_review import can_review as _can_review

register = template.Library()


@register.filter
def can_review(user: Any) -> bool:
    return bool(user and user.is_authenticated and _can_review(user))


@register.filter
def kind_label(kind: str) -> str:
    return display.statement_kind_label(kind)


@register.filter
def changes(decision: Any) -> list[tuple[str, str, str]]:
    """(field, before, after) for each field a decision changed."""
    if decision.action == "reject":
        return []
    before = decision.before or {}
    after = decision.after or {}
    out = []
    for field, label in display.STATEMENT_FIELD_LABELS.items():
        old, new = before.get(field, ""), after.get(field, "")
        if old != new:
            out.append((label, _show(field, old), _show(field, new)))
    return out


@register.filter
def summary(fields: dict[str, Any]) -> str:
    """A statement's fields in one line: 目标 芜湖市 高新技术企业数 2024 ≥750家."""
    if not fields:
        return ""
    return " ".join(
        part
        for part in (
            display.STATEMENT_KIND_LABELS.get(fields.get("kind", ""), ""),
            str(fields.get("region", "")),
            str(fields.get("indicator", "")),
            str(fields.get("period", "")),
            f"{display.comparator_symbol(fields.get('comparator', ''))}"
            f"{fields.get('value', '')}{fields.get('unit', '')}",
        )
        if part
    )


def _show(field: str, value: Any) -> str:
    if value in (None, ""):
        return "—"
    if field == "kind":
        return display.statement_kind_label(value)
    return str(value)
