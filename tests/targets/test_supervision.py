"""督办: assign, answer, close or return; a closed flag stays closed while its
cause is unchanged and reopens, linked, when the verdict changes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from freezegun import freeze_time

from targets.models import Actual, Flag, FlagEvent, FlagState, Target
from targets.selectors_followup import flag_list, flag_status_label
from targets.services.flags import targets_refresh
from targets.services.supervision import (
    flag_answer,
    flag_assign,
    flag_close,
    flag_return,
)

TODAY = dt.date(2025, 2, 1)


def add_actual(target: Target, value: str) -> Actual:
    return Actual.objects.create(
        region=target.region,
        indicator=target.indicator,
        measure=target.measure,
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 12, 31),
        value=Decimal(value),
        unit="家",
        norm_value=Decimal(value),
        norm_unit="count",
        source="manual",
    )


@pytest.fixture
def missed_flag(high_tech_target) -> Flag:
    add_actual(high_tech_target, "700")
    targets_refresh(today=TODAY)
    return Flag.objects.get(target=high_tech_target, kind="missed")


@pytest.fixture
def unit(county_clerk) -> Group:
    return Group.objects.get(name="南陵县填报")


def _handle(flag, editor, clerk, unit) -> Flag:
    flag_assign(flag=flag, user=editor, unit_group=unit, assignee=clerk, due_date=TODAY)
    flag_answer(
        flag=flag,
        user=clerk,
        note="受疫情影响,认定工作延后,已补报。",
        files=[SimpleUploadedFile("说明.pdf", b"%PDF-1.4")],
    )
    return flag_close(flag=flag, user=editor, note="同意办结")


@freeze_time("2025-02-01 10:00:00+08:00")
def test_a_flag_is_assigned_answered_and_closed_with_its_history(
    missed_flag, editor, county_clerk, unit
):
    flag = _handle(missed_flag, editor, county_clerk, unit)

    assert flag.state == FlagState.CLOSED
    assert flag.resolved_at is not None
    assert [(e.action, e.before, e.after, e.user) for e in flag.events.all()] == [
        ("assign", "new", "assigned", editor),
        ("answer", "assigned", "answered", county_clerk),
        ("close", "answered", "closed", editor),
    ]
    assert flag.events.all()[0].note == "分派给南陵县填报、nanling,期限2025-02-01"
    assert [e.name for e in flag.evidence.all()] == ["说明.pdf"]


@freeze_time("2025-02-01 10:00:00+08:00")
def test_a_closed_flag_stays_closed_through_the_nightly_run(
    missed_flag, editor, county_clerk, unit
):
    _handle(missed_flag, editor, county_clerk, unit)

    targets_refresh(today=TODAY + dt.timedelta(days=1))

    assert Flag.objects.filter(kind="missed").count() == 1
    assert not Flag.objects.open().exists()


@freeze_time("2025-02-01 10:00:00+08:00")
def test_a_closed_flag_reopens_linked_when_a_new_figure_changes_the_verdict(
    missed_flag, editor, county_clerk, unit, high_tech_target
):
    _handle(missed_flag, editor, county_clerk, unit)
    newer = add_actual(high_tech_target, "720")
    Actual.objects.filter(pk=newer.pk).update(reported_date=dt.date(2025, 1, 30))

    targets_refresh(today=TODAY)

    reopened = Flag.objects.open().get(kind="missed")
    assert reopened.previous == missed_flag
    assert reopened.reason == "实际720家(2024年),未达到目标≥750家(2024年)"
    assert reopened.state == FlagState.NEW
    event = FlagEvent.objects.get(flag=reopened)
    assert (event.action, event.after) == ("reopen", "new")


def test_an_open_flag_that_is_not_handled_is_kept_not_duplicated(missed_flag):
    targets_refresh(today=TODAY)
    targets_refresh(today=TODAY)

    assert Flag.objects.filter(kind="missed").count() == 1


@freeze_time("2025-02-01 10:00:00+08:00")
def test_a_returned_answer_is_answered_again(missed_flag, editor, county_clerk, unit):
    flag_assign(
        flag=missed_flag, user=editor, unit_department="市科技局", due_date=TODAY
    )
    with pytest.raises(PermissionDenied):  # not the unit's member nor the assignee
        flag_answer(flag=missed_flag, user=county_clerk, note="说明")
    flag_assign(flag=missed_flag, user=editor, unit_group=unit, due_date=TODAY)
    flag_answer(flag=missed_flag, user=county_clerk, note="说明")
    with pytest.raises(ValidationError, match="退回时请填写意见"):
        flag_return(flag=missed_flag, user=editor, note="")

    flag = flag_return(flag=missed_flag, user=editor, note="请补充佐证材料")
    assert flag.state == FlagState.RETURNED
    assert flag_answer(flag=flag, user=county_clerk, note="已补充").state == "answered"


@pytest.mark.parametrize(
    ("user", "message"),
    [("county_clerk", "只有市级审核人员可以分派预警"), ("reader", "只有市级")],
)
def test_only_the_city_assigns(request, missed_flag, user, message):
    with pytest.raises(PermissionDenied, match=message):
        flag_assign(
            flag=missed_flag,
            user=request.getfixturevalue(user),
            unit_department="市科技局",
            due_date=dt.date(2099, 1, 1),
        )


@freeze_time("2025-02-01 10:00:00+08:00")
def test_the_list_filters_by_state_unit_and_region_and_marks_overdue(
    missed_flag, editor, unit, county, city
):
    flag_assign(flag=missed_flag, user=editor, unit_group=unit, due_date=TODAY)

    with freeze_time("2025-02-05 10:00:00+08:00"):
        today = dt.date(2025, 2, 5)
        assert list(flag_list(status="overdue", today=today)) == [missed_flag]
        assert flag_status_label(Flag.objects.get(), today) == "逾期"
    assert list(flag_list(status="in_progress")) == [missed_flag]
    assert list(flag_list(status="unassigned")) == []
    assert list(flag_list(unit=str(unit.pk))) == [missed_flag]
    assert list(flag_list(unit="市科技局")) == []
    assert list(flag_list(region=city)) == [missed_flag]
    assert list(flag_list(region=county)) == []


@pytest.mark.parametrize(
    ("unit", "norm", "expected"),
    [
        ("家", "38", "38家(2020年)"),
        ("个", "1200", "1,200个(2020年)"),
        ("万人", "50000", "50,000(2020年)"),  # stored in ones: no 万人 after it
    ],
)
def test_figures_read_with_their_unit_when_it_has_no_scale(unit, norm, expected):
    from targets.services.changes import figure_text

    target = Target(
        unit=unit,
        norm_unit="count",
        actual_norm_value=Decimal(norm),
        actual_period_start=dt.date(2020, 1, 1),
        actual_period_end=dt.date(2020, 12, 31),
    )
    assert figure_text(target) == expected


def test_an_overdue_flag_is_marked_once_in_its_history(missed_flag, editor):
    from targets.services.supervision import flags_overdue_mark

    with freeze_time("2025-02-01 10:00:00+08:00"):
        flag_assign(
            flag=missed_flag, user=editor, unit_department="市科技局", due_date=TODAY
        )
    assert flags_overdue_mark(today=TODAY) == 0
    assert flags_overdue_mark(today=dt.date(2025, 2, 3)) == 1
    assert flags_overdue_mark(today=dt.date(2025, 2, 4)) == 0

    event = missed_flag.events.get(action="overdue")
    assert event.note == "已超过办理期限(2025-02-01)"
