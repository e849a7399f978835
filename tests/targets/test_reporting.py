"""County 填报 with approval: drafts, batch submission, approve or return, locks;
only approved figures count in the judgment; every status change is recorded."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from freezegun import freeze_time

from targets.models import (
    Actual,
    Approval,
    BatchStatus,
    ReportBatch,
    StatusChange,
    Target,
)
from targets.services.reporting import (
    actual_approve,
    actual_return,
    batch_lock,
    batch_submit,
    report_entry_create,
)


@pytest.fixture(autouse=True)
def _july():
    with freeze_time("2024-07-10 10:00:00+08:00"):
        yield


@pytest.fixture
def county_target(make_target, county, high_tech) -> Target:
    return make_target(region=county, indicator=high_tech, value="60")


def enter(clerk, county, high_tech, value: str, period: str = "2024-01/2024-06"):
    return report_entry_create(
        user=clerk,
        region=county,
        indicator=high_tech,
        period=period,
        value=value,
        unit="家",
    )


def test_a_clerk_enters_drafts_into_the_month_batch(county_clerk, county, high_tech):
    actual = enter(county_clerk, county, high_tech, "58")

    assert actual.approval == Approval.DRAFT
    assert actual.batch.period.label == "2024年6月"
    assert actual.batch.status == BatchStatus.DRAFT
    assert actual.entered_by == county_clerk


def test_a_clerk_cannot_enter_for_another_region(county_clerk, other_county, high_tech):
    with pytest.raises(PermissionDenied, match="无为市"):
        enter(county_clerk, other_county, high_tech, "58")


def test_only_approved_figures_change_a_target(
    county_clerk, editor, county, high_tech, county_target
):
    kept = enter(county_clerk, county, high_tech, "61")
    returned = enter(county_clerk, county, high_tech, "30", period="2024-06")
    assert batch_submit(user=county_clerk, batch=kept.batch) == 2

    actual_return(user=editor, actual=returned, comment="与统计局数据不符")
    county_target.refresh_from_db()
    assert county_target.status == "no_data"

    actual_approve(user=editor, actual=kept)
    county_target.refresh_from_db()
    assert (county_target.status, county_target.actual_id) == ("on_track", kept.pk)
    assert Actual.objects.get(pk=returned.pk).review_comment == "与统计局数据不符"
    change = StatusChange.objects.get(target=county_target)
    assert (change.kind, change.before, change.after, change.actual_id) == (
        "new_data",
        "no_data",
        "on_track",
        kept.pk,
    )
    assert change.figure == "61家(2024年1–6月)"
    assert ReportBatch.objects.get().status == BatchStatus.REVIEWED


def test_pending_figures_do_not_count(county_clerk, county, high_tech, county_target):
    actual = enter(county_clerk, county, high_tech, "61")
    batch_submit(user=county_clerk, batch=actual.batch)

    from targets.services.flags import targets_refresh

    targets_refresh()
    county_target.refresh_from_db()
    assert county_target.status == "no_data"
    assert Actual.objects.get().get_approval_display() == "待审核"


def test_a_reviewed_batch_locks_and_refuses_entries(
    county_clerk, editor, county, high_tech
):
    actual = enter(county_clerk, county, high_tech, "61")
    with pytest.raises(PermissionDenied):
        batch_lock(user=county_clerk, batch=actual.batch)
    with pytest.raises(ValidationError, match="未审核"):
        batch_lock(user=editor, batch=actual.batch)
    batch_submit(user=county_clerk, batch=actual.batch)
    actual_approve(user=editor, actual=actual)

    batch_lock(user=editor, batch=actual.batch)

    with pytest.raises(ValidationError, match="南陵县2024年6月的填报已锁定"):
        enter(county_clerk, county, high_tech, "62")


def test_clerks_cannot_approve(county_clerk, county, high_tech):
    actual = enter(county_clerk, county, high_tech, "61")
    batch_submit(user=county_clerk, batch=actual.batch)
    with pytest.raises(PermissionDenied, match="市级审核人员"):
        actual_approve(user=county_clerk, actual=actual)


def test_approval_keeps_history(county_clerk, editor, county, high_tech):
    actual = enter(county_clerk, county, high_tech, "61")
    batch_submit(user=county_clerk, batch=actual.batch)
    actual_approve(user=editor, actual=actual)

    assert [h.approval for h in actual.history.order_by("history_id")] == [
        "draft",
        "pending",
        "approved",
    ]


def test_a_quarter_batch(county_clerk, county, high_tech):
    actual = report_entry_create(
        user=county_clerk,
        region=county,
        indicator=high_tech,
        period="2024-05",
        value="10",
        unit="家",
        batch_kind="quarter",
    )
    assert actual.batch.period.label == "2024年4–6月"
    assert actual.batch.period_end == dt.date(2024, 6, 30)


def test_a_clerks_figure_entered_elsewhere_waits_for_review_too(
    county_clerk, editor, county, high_tech, county_target
):
    from targets.services.actuals import actual_create

    by_clerk = actual_create(
        user=county_clerk,
        region=county,
        indicator=high_tech,
        measure="level",
        period="2024-01/2024-06",
        value="61",
        unit="家",
    )
    county_target.refresh_from_db()
    assert (by_clerk.approval, county_target.status) == ("pending", "no_data")

    by_city = actual_create(
        user=editor,
        region=county,
        indicator=high_tech,
        measure="level",
        period="2024-01/2024-06",
        value="62",
        unit="家",
    )
    county_target.refresh_from_db()
    assert by_city.approval == "approved"
    assert county_target.actual_id == by_city.pk
