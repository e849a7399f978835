"""Flags follow the verdicts: opened once, resolved when they no longer hold."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from freezegun import freeze_time

from targets.models import Actual, Flag, Target
from targets.services.flags import flags_update
from targets.services.judging import targets_evaluate


def add_actual(target: Target, value: str, period_end=dt.date(2024, 12, 31), **extra):
    return Actual.objects.create(
        region=target.region,
        indicator=target.indicator,
        measure=target.measure,
        period_start=dt.date(2024, 1, 1),
        period_end=period_end,
        value=Decimal(value),
        unit="家",
        norm_value=Decimal(value),
        norm_unit="count",
        **{"source": "manual", **extra},
    )


def refresh(today: dt.date) -> tuple[int, int, int]:
    targets_evaluate(today=today)
    result = flags_update(today=today)
    return result.opened, result.resolved, result.kept


def open_flags() -> list[tuple[str, str]]:
    return sorted(
        (f.target.indicator.name, f.kind) for f in Flag.objects.open().select_related()
    )


def test_a_missed_target_is_flagged_once(high_tech_target):
    add_actual(high_tech_target, "700")

    assert refresh(dt.date(2025, 2, 1)) == (1, 0, 0)
    assert refresh(dt.date(2025, 2, 2)) == (0, 0, 1)

    flag = Flag.objects.get()
    assert (flag.kind, flag.target, flag.region) == (
        "missed",
        high_tech_target,
        high_tech_target.region,
    )
    assert flag.reason == "实际700家(2024年),未达到目标≥750家(2024年)"


def test_a_flag_that_no_longer_holds_is_resolved(high_tech_target, report):
    add_actual(high_tech_target, "700")
    refresh(dt.date(2025, 2, 1))

    add_actual(high_tech_target, "780", document=report, source="document")

    with freeze_time("2025-03-01 10:00:00"):
        assert refresh(dt.date(2025, 3, 1)) == (0, 1, 0)
    flag = Flag.objects.get()
    assert flag.resolved_at.date() == dt.date(2025, 3, 1)
    assert Target.objects.get().status == "met"
    assert open_flags() == []


def test_a_target_missed_again_gets_a_new_flag(high_tech_target, report):
    add_actual(high_tech_target, "700")
    refresh(dt.date(2025, 2, 1))
    high = add_actual(high_tech_target, "780", document=report, source="document")
    refresh(dt.date(2025, 2, 2))
    high.delete()

    assert refresh(dt.date(2025, 2, 3)) == (1, 0, 0)
    assert Flag.objects.filter(kind="missed").count() == 2
    assert open_flags() == [("高新技术企业数", "missed")]


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2024, 6, 1), []),
        (dt.date(2025, 3, 31), []),
        (dt.date(2025, 4, 1), [("高新技术企业数", "no_data")]),
    ],
)
def test_no_data_is_flagged_only_after_the_grace_period(
    high_tech_target, today, expected
):
    refresh(today)

    assert Target.objects.get().status == "no_data"
    assert open_flags() == expected


def test_the_grace_period_comes_from_settings(high_tech_target, settings):
    settings.DABIAO_GRACE_DAYS = 10

    refresh(dt.date(2025, 1, 11))

    assert open_flags() == [("高新技术企业数", "no_data")]


def test_a_behind_schedule_flow_is_flagged_at_risk(
    make_target, city, contract_turnover, plan
):
    target = make_target(
        region=city,
        indicator=contract_turnover,
        value="100",
        unit="亿元",
        norm_value="10000000000",
        norm_unit="元",
        plan=plan,
    )
    Actual.objects.create(
        region=city,
        indicator=contract_turnover,
        measure="level",
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 10, 31),
        value=Decimal("50"),
        unit="亿元",
        norm_value=Decimal("5000000000"),
        norm_unit="元",
        source="manual",
    )

    refresh(dt.date(2024, 11, 15))

    target.refresh_from_db()
    assert (target.status, target.progress, target.schedule_progress) == (
        "at_risk",
        Decimal("0.5000"),
        Decimal("0.8333"),
    )
    flag = Flag.objects.get()
    assert flag.kind == "at_risk"
    assert flag.reason == (
        "实际50亿元(2024年1–10月),完成50.0%,序时进度83.3%,目标≥100亿元(2024年)进度滞后"
    )


def test_a_claim_that_disagrees_with_the_computed_status_is_flagged(high_tech_target):
    add_actual(high_tech_target, "700")
    Target.objects.filter(pk=high_tech_target.pk).update(
        claimed_status="met", claim_quote="其余指标均完成了目标任务"
    )

    refresh(dt.date(2025, 2, 1))

    assert open_flags() == [
        ("高新技术企业数", "claim_mismatch"),
        ("高新技术企业数", "missed"),
    ]
    reason = Flag.objects.get(kind="claim_mismatch").reason
    assert reason.startswith(
        "文件自述“其余指标均完成了目标任务”(已完成),计算结果为未完成"
    )


def test_a_claim_is_not_a_mismatch_while_the_status_is_undecided(high_tech_target):
    Target.objects.filter(pk=high_tech_target.pk).update(
        claimed_status="met", claim_quote="均完成了目标任务"
    )

    refresh(dt.date(2024, 6, 1))

    assert open_flags() == []


def test_conflict_flags_are_left_for_a_person_to_resolve(high_tech_target):
    Flag.objects.create(target=high_tech_target, kind="conflict", reason="两个值")
    add_actual(high_tech_target, "780")

    refresh(dt.date(2025, 2, 1))

    assert open_flags() == [("高新技术企业数", "conflict")]


def test_flags_update_can_be_limited_to_some_targets(
    make_target, high_tech_target, county, high_tech, plan
):
    other = make_target(region=county, indicator=high_tech, value="40", plan=plan)
    targets_evaluate(today=dt.date(2025, 6, 1))

    flags_update(targets=Target.objects.filter(pk=other.pk), today=dt.date(2025, 6, 1))

    assert [f.target for f in Flag.objects.all()] == [other]
