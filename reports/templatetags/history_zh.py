"""The admin's change history (simple-history) in Chinese: column names from the
fields' verbose names, values as people read them (choice labels such as 已完成,
numbers with thousands separators, local times), never raw codes or UTC stamps."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone

from targets import display

register = template.Library()

HISTORY_TYPES = {"+": "新增", "~": "修改", "-": "删除"}


def _field(opts: Any, name: str) -> Any:
    try:
        return opts.get_field(name)
    except FieldDoesNotExist:
        return None


@register.simple_tag
def history_label(opts: Any, name: str) -> str:
    field = _field(opts, name)
    if field is not None and getattr(field, "verbose_name", None):
        return str(field.verbose_name)
    return name


@register.simple_tag
def history_time(moment: dt.datetime | None) -> str:
    if moment is None:
        return "—"
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return f"{moment:%Y-%m-%d %H:%M}"


@register.simple_tag
def history_type(record: Any) -> str:
    return HISTORY_TYPES.get(record.history_type, record.history_type)


def shown(field: Any, value: Any) -> str:
    """One stored value as people read it."""
    if value is None or value == "":
        return "—"
    if field is not None and getattr(field, "choices", None):
        labels = {str(k): str(v) for k, v in field.flatchoices}
        return labels.get(str(value), str(value))
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        return history_time(value)
    if isinstance(value, dt.date):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, (Decimal, float)) or (
        field is not None and field.get_internal_type() == "DecimalField"
    ):
        try:
            return display.format_number(Decimal(str(value)), places=4)
        except InvalidOperation:
            return str(value)
    if field is not None and field.is_relation and field.related_model is not None:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else str(value)
    is_moment = field is not None and field.get_internal_type() == "DateTimeField"
    if isinstance(value, str) and is_moment:
        try:
            return history_time(dt.datetime.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


@register.simple_tag
def history_value(record: Any, name: str) -> str:
    field = _field(record.instance_type._meta, name)
    value = getattr(record, name, None)
    if field is not None and field.is_relation:
        value = getattr(record, field.attname, None)
    elif callable(value):
        value = value()
    return shown(field, value)


@register.simple_tag
def history_change(record: Any, name: str, value: Any) -> str:
    return shown(_field(record.instance_type._meta, name), value)
