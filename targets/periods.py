"""Periods as the extraction contract writes them ("2024", "2022-01/2022-10") and as
the database stores them (two dates). Pure functions, no Django."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_YEAR = re.compile(r"^(\d{4})$")
_YEARS = re.compile(r"^(\d{4})/(\d{4})$")
_MONTHS = re.compile(r"^(\d{4})-(\d{2})/(\d{4})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class PeriodError(ValueError):
    pass


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """Turn "2024", "2021/2025", "2024-03" or "2022-01/2022-10" into (start, end)."""
    text = (text or "").strip()
    try:
        if m := _YEAR.match(text):
            year = int(m[1])
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if m := _YEARS.match(text):
            start, end = dt.date(int(m[1]), 1, 1), dt.date(int(m[2]), 12, 31)
        elif m := _MONTHS.match(text):
            start = dt.date(int(m[1]), int(m[2]), 1)
            end = month_end(int(m[3]), int(m[4]))
        elif m := _MONTH.match(text):
            start = dt.date(int(m[1]), int(m[2]), 1)
            end = month_end(int(m[1]), int(m[2]))
        else:
            raise PeriodError(f"无法识别的期间:{text!r}")
    except ValueError as exc:
        if isinstance(exc, PeriodError):
            raise
        raise PeriodError(f"无法识别的期间:{text!r}") from exc
    if end < start:
        raise PeriodError(f"期间结束早于开始:{text!r}")
    return start, end


def format_period(start: dt.date, end: dt.date) -> str:
    """The inverse of parse_period: "2024" for a calendar year, else months."""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        if start.year == end.year:
            return str(start.year)
        return f"{start.year}/{end.year}"
    return f"{start:%Y-%m}/{end:%Y-%m}"
