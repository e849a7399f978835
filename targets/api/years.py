"""The ?year= filter: a calendar year in a sane range, or a 400 in Chinese.

A plain NumberFilter let ``year=0`` or ``year=10000`` through to date arithmetic,
which raised ValueError (a 500) on /api/targets/, /api/actuals/ and the review page.
"""

from __future__ import annotations

import django_filters
from django import forms

YEAR_MIN = 1900
YEAR_MAX = 2100
YEAR_MESSAGE = f"年度应为 {YEAR_MIN} 到 {YEAR_MAX} 之间的整数。"


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("label", "年度")
        kwargs.setdefault("min_value", YEAR_MIN)
        kwargs.setdefault("max_value", YEAR_MAX)
        kwargs.setdefault(
            "error_messages",
            {key: YEAR_MESSAGE for key in ("invalid", "min_value", "max_value")},
        )
        super().__init__(*args, **kwargs)
