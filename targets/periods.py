"""One period value: what the extraction contract writes ("2024", "2022-01/2022-10"),
what the database stores (two dates) and what a Chinese reader sees (2024年,
2022年1–10月). Pure, no Django."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_YEAR = re.compile(r"^(\d{4})$")
_YEARS = re.compile(r"^(\d{4})/(\d{4})$")
_MONTHS = re.compile(r"^(\d{4})-(\d{2})/(\d{4})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")

# The dash of a Chinese range: 2022年1–10月, 2021–2025年.
RANGE_DASH = "\u2013"


class PeriodError(ValueError):
    pass


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """A span of whole days, ``start`` to ``end`` inclusive."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError(f"期间结束早于开始:{self.start}–{self.end}")

    # --- making one ----------------------------------------------------------------

    @classmethod
    def from_contract(cls, text: str) -> Period:
        """ "2024", "2021/2025", "2024-03" or "2022-01/2022-10" as a Period."""
        text = (text or "").strip()
        try:
            if m := _YEAR.match(text):
                return cls.of_year(int(m[1]))
            if m := _YEARS.match(text):
                return cls(dt.date(int(m[1]), 1, 1), dt.date(int(m[2]), 12, 31))
            if m := _MONTHS.match(text):
                return cls(
                    dt.date(int(m[1]), int(m[2]), 1), month_end(int(m[3]), int(m[4]))
                )
            if m := _MONTH.match(text):
                return cls.of_month(int(m[1]), int(m[2]))
        except PeriodError as exc:
            raise PeriodError(f"期间结束早于开始:{text!r}") from exc
        except ValueError as exc:
            raise PeriodError(f"无法识别的期间:{text!r}") from exc
        raise PeriodError(f"无法识别的期间:{text!r}")

    @classmethod
    def of_year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def of_month(cls, year: int, month: int) -> Period:
        return cls(dt.date(year, month, 1), month_end(year, month))

    @classmethod
    def of_quarter(cls, year: int, quarter: int) -> Period:
        if not 1 <= quarter <= 4:
            raise PeriodError(f"季度应为 1–4,收到 {quarter}")
        first = 3 * (quarter - 1) + 1
        return cls(dt.date(year, first, 1), month_end(year, first + 2))

    @classmethod
    def month_of(cls, day: dt.date) -> Period:
        """The calendar month ``day`` falls in."""
        return cls.of_month(day.year, day.month)

    @classmethod
    def quarter_of(cls, day: dt.date) -> Period:
        """The calendar quarter ``day`` falls in."""
        return cls.of_quarter(day.year, (day.month - 1) // 3 + 1)

    # --- reading one ---------------------------------------------------------------

    def to_contract(self) -> str:
        """The inverse of from_contract: "2024" for a calendar year, else months."""
        if self.is_whole_years:
            if self.start.year == self.end.year:
                return str(self.start.year)
            return f"{self.start.year}/{self.end.year}"
        return f"{self.start:%Y-%m}/{self.end:%Y-%m}"

    def __str__(self) -> str:
        return self.to_contract()

    @property
    def label(self) -> str:
        """Chinese: 2024年, 2021–2025年, 2022年1–10月, 2024年3月,
        2023年11月–2024年2月."""
        start, end = self.start, self.end
        if self.is_whole_years:
            if start.year == end.year:
                return f"{start.year}年"
            return f"{start.year}{RANGE_DASH}{end.year}年"
        if start.year == end.year:
            if start.month == end.month:
                return f"{start.year}年{start.month}月"
            return f"{start.year}年{start.month}{RANGE_DASH}{end.month}月"
        return f"{start.year}年{start.month}月{RANGE_DASH}{end.year}年{end.month}月"

    @property
    def is_whole_years(self) -> bool:
        return (self.start.month, self.start.day, self.end.month, self.end.day) == (
            1,
            1,
            12,
            31,
        )

    @property
    def is_month(self) -> bool:
        return self == Period.month_of(self.start)

    @property
    def year(self) -> int | None:
        """The calendar year the period lies in, or None when it spans several."""
        return self.start.year if self.start.year == self.end.year else None

    @property
    def quarter(self) -> int | None:
        """1–4 when the period is exactly one calendar quarter."""
        quarter = Period.quarter_of(self.start)
        return (self.start.month - 1) // 3 + 1 if self == quarter else None

    @property
    def months(self) -> int:
        """How many calendar months the period touches (1–10月 → 10)."""
        return (
            (self.end.year - self.start.year) * 12
            + self.end.month
            - self.start.month
            + 1
        )

    def month_starts(self) -> list[dt.date]:
        """The first day of each month the period touches, in order."""
        return [_shift(self.start, i) for i in range(self.months)]

    def previous(self) -> Period:
        """The period of as many whole months just before this one (the previous
        month of a month, the previous quarter of a quarter)."""
        start = _shift(self.start, -self.months)
        last = _shift(self.start, -1)
        return Period(start, month_end(last.year, last.month))

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end
