"""Period: the contract string, the two dates and the Chinese label of one span."""

from __future__ import annotations

import datetime as dt

import pytest

from targets.periods import Period, PeriodError

D = dt.date


@pytest.mark.parametrize(
    ("text", "start", "end", "contract", "label"),
    [
        ("2024", D(2024, 1, 1), D(2024, 12, 31), "2024", "2024年"),
        ("2021/2025", D(2021, 1, 1), D(2025, 12, 31), "2021/2025", "2021–2025年"),
        (
            "2022-01/2022-10",
            D(2022, 1, 1),
            D(2022, 10, 31),
            "2022-01/2022-10",
            "2022年1–10月",
        ),
        ("2024-03", D(2024, 3, 1), D(2024, 3, 31), "2024-03/2024-03", "2024年3月"),
        ("2024-02", D(2024, 2, 1), D(2024, 2, 29), "2024-02/2024-02", "2024年2月"),
        (
            "2023-11/2024-02",
            D(2023, 11, 1),
            D(2024, 2, 29),
            "2023-11/2024-02",
            "2023年11月–2024年2月",
        ),
    ],
)
def test_a_contract_string_reads_as_two_dates_and_a_chinese_label(
    text, start, end, contract, label
):
    period = Period.from_contract(text)

    assert (period.start, period.end) == (start, end)
    assert (period.to_contract(), str(period), period.label) == (
        contract,
        contract,
        label,
    )
    assert Period.from_contract(period.to_contract()) == period


@pytest.mark.parametrize(
    "text", ["", "2024年", "2024-13", "2024-00/2024-02", "2025/2024", "24", "2024-1/3"]
)
def test_an_unreadable_or_reversed_period_is_refused_in_chinese(text):
    with pytest.raises(PeriodError, match="期间"):
        Period.from_contract(text)


def test_a_period_ending_before_it_starts_cannot_be_made():
    with pytest.raises(PeriodError, match="期间结束早于开始"):
        Period(D(2024, 5, 1), D(2024, 4, 30))


@pytest.mark.parametrize(
    ("period", "year", "months", "quarter", "is_month"),
    [
        (Period.of_year(2024), 2024, 12, None, False),
        (Period.from_contract("2022-01/2022-10"), 2022, 10, None, False),
        (Period.of_quarter(2024, 2), 2024, 3, 2, False),
        (Period.of_month(2024, 6), 2024, 1, None, True),
        (Period.from_contract("2021/2025"), None, 60, None, False),
    ],
)
def test_what_a_period_knows_about_itself(period, year, months, quarter, is_month):
    assert (period.year, period.months, period.quarter, period.is_month) == (
        year,
        months,
        quarter,
        is_month,
    )


def test_months_quarters_and_the_period_before():
    june = Period.month_of(D(2024, 6, 17))
    q1 = Period.of_quarter(2024, 1)

    assert june == Period(D(2024, 6, 1), D(2024, 6, 30))
    assert june.previous() == Period.of_month(2024, 5)
    assert Period.of_month(2024, 1).previous() == Period.of_month(2023, 12)
    assert q1.previous() == Period.of_quarter(2023, 4)
    assert Period.quarter_of(D(2024, 8, 5)) == Period.of_quarter(2024, 3)
    assert q1.month_starts() == [D(2024, 1, 1), D(2024, 2, 1), D(2024, 3, 1)]
    assert Period.of_year(2024).contains(q1)
    assert not q1.contains(Period.of_year(2024))
