"""Template helpers for the document review pages (审核)."""

from __future__ import annotations

from typing import Any

from django import template

from targets.selectors_review import can_review as _can_review

register = template.Library()

STATE_LABELS = {
    "unreviewed": "待审核",
    "confirmed": "已确认",
    "corrected": "已修改",
    "added": "补录",
    "rejected": "已删除",
}
ACTION_LABELS = {"confirm": "确认", "correct": "修改", "reject": "删除", "add": "补录"}
FIELD_LABELS = {
    "kind": "类型",
    "indicator": "指标",
    "value": "数值",
    "unit": "单位",
    "period": "期间",
    "region": "地区",
    "measure": "口径",
    "comparator": "比较",
    "tier": "层级",
}
KIND_LABELS = {"target": "目标", "actual": "实际值"}


@register.filter
def can_review(user: Any) -> bool:
    return bool(user and user.is_authenticated and _can_review(user))


@register.filter
def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action)


@register.filter
def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


@register.filter
def changes(decision: Any) -> list[tuple[str, str, str]]:
    """(field, before, after) for each field a decision changed."""
    before = decision.before or {}
    after = decision.after or {}
    out = []
    for field, label in FIELD_LABELS.items():
        old, new = before.get(field, ""), after.get(field, "")
        if decision.action == "reject":
            continue
        if old != new:
            out.append((label, _show(field, old), _show(field, new)))
    return out


@register.filter
def summary(fields: dict[str, Any]) -> str:
    """A statement's fields in one line: 目标 芜湖市 高新技术企业数 2024 ≥750家."""
    if not fields:
        return ""
    from reports.templatetags.review import cmp

    return " ".join(
        part
        for part in (
            KIND_LABELS.get(fields.get("kind", ""), ""),
            str(fields.get("region", "")),
            str(fields.get("indicator", "")),
            str(fields.get("period", "")),
            f"{cmp(fields.get('comparator', ''))}{fields.get('value', '')}"
            f"{fields.get('unit', '')}",
        )
        if part
    )


def _show(field: str, value: Any) -> str:
    if value in (None, ""):
        return "—"
    if field == "kind":
        return KIND_LABELS.get(value, value)
    return str(value)
