"""Which actual answers a target: periods, supersession, estimates, derived measures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from targets.linking import Candidate, Link, TargetKey, link
from targets.periods import Period


def key(measure="level", period="2024", unit="count", **extra) -> TargetKey:
    span = Period.from_contract(period)
    return TargetKey(
        measure=measure,
        norm_unit=unit,
        period_start=span.start,
        period_end=span.end,
        **extra,
    )


def cand(id, value, period="2024", measure="level", unit="count", **extra):
    span = Period.from_contract(period)
    return Candidate(
        id=id,
        measure=measure,
        norm_value=D(value),
        norm_unit=unit,
        period_start=span.start,
        period_end=span.end,
        **extra,
    )


def test_a_full_year_actual_answers_a_year_target():
    found, judged = link(key(), [cand(1, "780")])

    assert found == Link(
        actual_id=1,
        norm_value=D("780"),
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 12, 31),
        estimate=False,
    )
    assert judged == key()


@pytest.mark.parametrize(
    ("candidates", "expected_id"),
    [
        # Another year, another measure, another unit: nothing answers.
        ([cand(1, "1", "2023"), cand(2, "1", measure="growth", unit="%")], None),
        ([cand(3, "1", unit="元")], None),
        # The year after does not answer either (a report's figures for the
        # next year, or a later report's year).
        ([cand(1, "1", "2025"), cand(2, "1", "2025-01/2025-06")], None),
        # A full year beats 1-10月.
        ([cand(1, "700", "2024-01/2024-10"), cand(2, "780")], 2),
        # A full-year estimate (预计) beats a final figure for 前三季度: the more
        # complete period decides, the partial one never answers beside it.
        ([cand(1, "9.5", "2024-01/2024-09"), cand(2, "9", estimate=True)], 2),
        # A final figure beats an estimate for the same period.
        ([cand(1, "790", estimate=True), cand(2, "780")], 2),
        # The later report wins: published date first, then year, then id.
        (
            [
                cand(1, "780", published=dt.date(2025, 3, 1)),
                cand(2, "781", published=dt.date(2025, 1, 1)),
            ],
            1,
        ),
        ([cand(1, "780", year=2025), cand(2, "781", year=2024)], 1),
        ([cand(1, "780"), cand(2, "781")], 2),
        ([cand(1, "780", year=2030), cand(2, "781", published=dt.date(2025, 1, 1))], 2),
    ],
)
def test_the_best_candidate_is_chosen(candidates, expected_id):
    found, _ = link(key(), candidates)

    assert (found.actual_id if found else None) == expected_id


def test_a_flow_needs_a_year_to_date_figure_but_a_stock_may_be_read_any_month():
    march = cand(1, "10", "2024-03")

    assert link(key(accumulates=True), [march])[0] is None
    assert link(key(accumulates=False), [march])[0].actual_id == 1


def test_growth_is_derived_from_two_yearly_levels():
    found, _ = link(
        key("growth", "2021", "%"), [cand(1, "2054", "2020"), cand(2, "1950", "2021")]
    )

    assert found.norm_value == D("-5.0633")
    assert found.derived_from == (1, 2)
    assert found.actual_id == 2


def test_a_reported_growth_beats_a_derived_one():
    found, _ = link(
        key("growth", "2021", "%"),
        [
            cand(1, "2054", "2020"),
            cand(2, "1950", "2021"),
            cand(3, "-5", "2021", "growth", "%", estimate=True),
        ],
    )

    assert (found.actual_id, found.norm_value, found.derived) == (3, D("-5"), False)
    assert found.estimate is True


def test_a_derived_figure_is_an_estimate_when_either_level_is():
    found, _ = link(
        key("increase", "2021"),
        [cand(1, "2054", "2020"), cand(2, "1950", "2021", estimate=True)],
    )

    assert (found.norm_value, found.estimate) == (D("-104"), True)


def test_a_stock_increase_counts_from_the_previous_year_end():
    found, _ = link(
        key("increase", "2024"),
        [cand(1, "700", "2023"), cand(2, "745", "2024-01/2024-06")],
    )

    assert found.norm_value == D("45")
    assert found.period_end == dt.date(2024, 6, 30)


def test_a_flow_increase_compares_the_same_months_a_year_earlier():
    found, _ = link(
        key("increase", "2024", "元", accumulates=True),
        [
            cand(1, "100", "2023-01/2023-06", unit="元"),
            cand(2, "130", "2024-01/2024-06", unit="元"),
            cand(3, "999", "2023", unit="元"),
        ],
    )

    assert found.norm_value == D("30")
    assert found.derived_from == (1, 2)


def test_change_in_points_is_derived_from_two_ratio_levels():
    found, _ = link(
        key("change_pp", "2021", "pp"),
        [cand(1, "1.95", "2020", unit="%"), cand(2, "2.1", "2021", unit="%")],
    )

    assert found.norm_value == D("0.15")


def test_nothing_is_derived_without_the_base_level():
    assert link(key("growth", "2021", "%"), [cand(2, "1950", "2021")])[0] is None
    assert link(key("increase", "2021"), [cand(2, "1950", "2021")])[0] is None


def test_a_recurring_target_is_judged_in_the_latest_year_with_an_answer():
    target = key("level", "2022", recurring=True)
    found, judged = link(target, [cand(1, "18", "2022"), cand(2, "22", "2023")])

    assert found.actual_id == 2
    assert (judged.period_start, judged.period_end) == (
        dt.date(2023, 1, 1),
        dt.date(2023, 12, 31),
    )


def test_a_recurring_target_ignores_years_before_its_first():
    found, judged = link(key("level", "2022", recurring=True), [cand(1, "18", "2021")])

    assert found is None
    assert judged == key("level", "2022", recurring=True)


# --- In the database: targets_evaluate links rows the same way --------------------


@pytest.fixture
def doc(city):
    from targets.models import Document

    def make(name, *, published=None, year=2024):
        return Document.objects.create(
            name=name,
            sha256=name.ljust(64, "0"),
            region=city,
            year=year,
            published=published,
            status="done",
        )

    return make


def db_actual(target, value, document=None, *, measure=None, period="2024", **extra):
    from targets.models import Actual

    span = Period.from_contract(period)
    return Actual.objects.create(
        region=target.region,
        indicator=target.indicator,
        measure=measure or target.measure,
        period_start=span.start,
        period_end=span.end,
        value=D(value),
        norm_value=D(value),
        norm_unit="count",
        document=document,
        source="document" if document else "manual",
        reported_date=document.published if document else None,
        **extra,
    )


def evaluated(target):
    from targets.services.judging import targets_evaluate

    targets_evaluate(today=dt.date(2025, 6, 1))
    target.refresh_from_db()
    return target


def test_a_later_report_supersedes_an_earlier_one(high_tech_target, doc):
    db_actual(high_tech_target, "760", doc("a.txt", published=dt.date(2025, 1, 10)))
    used = db_actual(
        high_tech_target, "740", doc("b.txt", published=dt.date(2025, 3, 1))
    )
    db_actual(high_tech_target, "800", doc("c.txt", published=None, year=2025))

    target = evaluated(high_tech_target)

    assert (target.actual, target.status, target.actual_period) == (
        used,
        "missed",
        Period.of_year(2024),
    )
    assert target.actual_norm_value == D("740")
    assert target.progress == D("0.9867")


def test_a_final_figure_supersedes_an_estimate(high_tech_target, doc):
    db_actual(
        high_tech_target,
        "700",
        doc("late.txt", published=dt.date(2025, 3, 1)),
        estimate=True,
    )
    final = db_actual(
        high_tech_target, "760", doc("early.txt", published=dt.date(2025, 1, 1))
    )

    target = evaluated(high_tech_target)

    assert (target.actual, target.status, target.provisional) == (final, "met", False)


def test_an_estimate_alone_gives_a_provisional_verdict(high_tech_target, doc):
    db_actual(high_tech_target, "760", doc("r.txt"), estimate=True)

    target = evaluated(high_tech_target)

    assert (target.status, target.provisional) == ("met", True)


def test_other_regions_and_indicators_do_not_answer(
    high_tech_target, county, contract_turnover, doc
):
    from targets.models import Actual

    Actual.objects.create(
        region=county,
        indicator=high_tech_target.indicator,
        measure="level",
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 12, 31),
        value=D("800"),
        norm_value=D("800"),
        norm_unit="count",
        source="manual",
    )
    Actual.objects.create(
        region=high_tech_target.region,
        indicator=contract_turnover,
        measure="level",
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 12, 31),
        value=D("800"),
        norm_value=D("800"),
        norm_unit="count",
        source="manual",
    )

    target = evaluated(high_tech_target)

    assert (target.status, target.actual) == ("no_data", None)


def test_a_growth_target_is_judged_on_growth_derived_from_levels(
    make_target, high_tech_target
):
    growth = make_target(
        region=high_tech_target.region,
        indicator=high_tech_target.indicator,
        measure="growth",
        value="10",
        unit="%",
        norm_unit="%",
    )
    db_actual(high_tech_target, "700", period="2023")
    end = db_actual(high_tech_target, "784", period="2024")

    growth = evaluated(growth)

    assert (growth.status, growth.actual, growth.actual_norm_value) == (
        "met",
        end,
        D("12.0000"),
    )
    assert growth.progress == D("1.2000")


def test_a_progress_ratio_too_large_to_store_is_left_empty(high_tech_target):
    from targets.models import Target

    Target.objects.filter(pk=high_tech_target.pk).update(norm_value=D("0.0001"))
    db_actual(high_tech_target, "750000")

    target = evaluated(high_tech_target)

    assert (target.status, target.progress) == ("met", None)
