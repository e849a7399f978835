"""The admin: region-bound clerks keep to their region; bulk actions call services."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from reports.models import Export
from targets.models import Actual, Target

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk_admin(client, county_clerk):
    """The 南陵县 clerk as an admin user with the actual permissions."""
    county_clerk.is_staff = True
    county_clerk.save()
    county_clerk.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["view_actual", "add_actual", "change_actual", "delete_actual"]
        )
    )
    client.force_login(county_clerk)
    return client


def _actual(region, indicator, value="10") -> Actual:
    return Actual.objects.create(
        region=region,
        indicator=indicator,
        measure="level",
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 12, 31),
        value=Decimal(value),
        unit="家",
        norm_value=Decimal(value),
        norm_unit="count",
        source="manual",
    )


def _add(client, region, indicator, **overrides):
    data = {
        "region": region.pk,
        "indicator": indicator.pk,
        "measure": "level",
        "period": "2024",
        "comparator": "=",
        "value": "66",
        "unit": "家",
        **overrides,
    }
    return client.post(reverse("admin:targets_actual_add"), data)


def test_a_clerk_sees_only_their_regions_actuals(
    clerk_admin, county, county_zone, other_county, high_tech
):
    mine = _actual(county, high_tech)
    below = _actual(county_zone, high_tech)
    _actual(other_county, high_tech)

    response = clerk_admin.get(reverse("admin:targets_actual_changelist"))

    assert response.status_code == 200
    assert {a.pk for a in response.context["cl"].result_list} == {mine.pk, below.pk}


def test_a_clerk_can_only_pick_their_regions_when_adding(
    clerk_admin, county, county_zone
):
    response = clerk_admin.get(reverse("admin:targets_actual_add"))

    choices = response.context["adminform"].form.fields["region"].queryset
    assert set(choices) == {county, county_zone}


def test_a_clerk_adds_an_actual_through_the_service(
    clerk_admin, county_clerk, county_zone, high_tech
):
    response = _add(clerk_admin, county_zone, high_tech, value="66")

    assert response.status_code == 302, response.context["adminform"].form.errors
    actual = Actual.objects.get()
    assert (actual.region, actual.value, actual.norm_value, actual.norm_unit) == (
        county_zone,
        Decimal("66"),
        Decimal("66"),
        "count",
    )
    assert (actual.source, actual.entered_by) == ("manual", county_clerk)
    assert (actual.period_start, actual.period_end) == (
        dt.date(2024, 1, 1),
        dt.date(2024, 12, 31),
    )
    assert actual.history.count() == 1


def test_a_clerk_cannot_add_for_another_region(clerk_admin, other_county, high_tech):
    response = _add(clerk_admin, other_county, high_tech)

    assert response.status_code == 200
    assert "region" in response.context["adminform"].form.errors
    assert Actual.objects.count() == 0


def test_a_bad_unit_or_period_shows_the_services_message(
    clerk_admin, county, high_tech
):
    bad_unit = _add(clerk_admin, county, high_tech, unit="亿元")
    bad_period = _add(clerk_admin, county, high_tech, period="2024-13")

    unit_errors = bad_unit.context["adminform"].form.non_field_errors()
    period_errors = bad_period.context["adminform"].form.non_field_errors()
    assert any("单位" in e for e in unit_errors)
    assert any("期间" in e for e in period_errors)
    assert Actual.objects.count() == 0


def test_a_clerk_cannot_open_or_change_another_regions_actual(
    clerk_admin, other_county, county, high_tech
):
    theirs = _actual(other_county, high_tech, value="10")
    url = reverse("admin:targets_actual_change", args=[theirs.pk])

    opened = clerk_admin.get(url)
    posted = clerk_admin.post(url, {"region": county.pk, "value": "99"})

    # The admin treats objects outside get_queryset as missing.
    assert opened.status_code == 302
    assert posted.status_code == 302
    theirs.refresh_from_db()
    assert (theirs.region, theirs.value) == (other_county, Decimal("10"))


def test_a_clerk_can_change_their_own_actual(clerk_admin, county, high_tech):
    mine = _actual(county, high_tech, value="10")
    url = reverse("admin:targets_actual_change", args=[mine.pk])
    form = clerk_admin.get(url).context["adminform"].form
    data = {
        name: form[name].value() if form[name].value() is not None else ""
        for name in form.fields
    }
    data.update(
        {
            "value": "12",
            "norm_value": "12",
            "mentions-TOTAL_FORMS": "0",
            "mentions-INITIAL_FORMS": "0",
        }
    )

    response = clerk_admin.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    mine.refresh_from_db()
    assert mine.value == Decimal("12")


def test_an_unbound_superuser_adds_for_any_region(
    admin_client, other_county, high_tech
):
    response = _add(admin_client, other_county, high_tech)

    assert response.status_code == 302
    assert Actual.objects.get().region == other_county


def test_reevaluate_action_judges_the_selected_targets(
    admin_client, high_tech_target, city, high_tech
):
    _actual(city, high_tech, value="780")

    response = admin_client.post(
        reverse("admin:targets_target_changelist"),
        {"action": "reevaluate", "_selected_action": [high_tech_target.pk]},
        follow=True,
    )

    high_tech_target.refresh_from_db()
    assert high_tech_target.status == "met"
    assert high_tech_target.evaluated_at is not None
    assert "已重新评估 1 个目标" in response.content.decode()


def test_export_scorecard_action_queues_an_export_of_the_selection(
    admin_client, high_tech_target
):
    response = admin_client.post(
        reverse("admin:targets_target_changelist"),
        {
            "action": "export_scorecard_action",
            "_selected_action": [high_tech_target.pk],
        },
        follow=True,
    )

    export = Export.objects.get()
    assert export.scope == {"target_ids": [high_tech_target.pk]}
    assert "已提交计分卡导出任务" in response.content.decode()


def test_target_admin_shows_mentions_inline_and_keeps_results_read_only(
    admin_client, evaluated
):
    url = reverse("admin:targets_target_change", args=[evaluated.pk])
    page = admin_client.get(url)
    html = page.content.decode()
    form = page.context["adminform"].form

    assert "全市高新技术企业总数达到750家以上" in html
    for computed in ["status", "progress", "actual", "evaluated_at", "provisional"]:
        assert computed not in form.fields
    assert Target.objects.get(pk=evaluated.pk).status == "met"
