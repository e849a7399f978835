"""Issue 14, items 1 and 3: a region clerk in the admin reads and writes only their
regions' rows — also through the history views, whose per-version form is an edit
form — and cannot edit targets at all (docs/api.md: clerks enter actuals, nothing
else)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from saima.models import MonthlyFigure
from targets.models import Actual, Target

pytestmark = pytest.mark.django_db

MODEL_PERMISSIONS = [
    f"{verb}_{model}"
    for verb in ("view", "add", "change", "delete")
    for model in ("actual", "target", "monthlyfigure")
]


@pytest.fixture
def clerk_admin(client, county_clerk):
    """The 南陵县 clerk, staff, with every target/actual/figure right."""
    county_clerk.is_staff = True
    county_clerk.save()
    county_clerk.user_permissions.add(
        *Permission.objects.filter(codename__in=MODEL_PERMISSIONS)
    )
    client.force_login(county_clerk)
    return client


def _actual(region, indicator, value="10") -> Actual:
    actual = Actual.objects.create(
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
    return actual


def _form_data(actual: Actual, **changes) -> dict:
    data = {
        "region": actual.region_id,
        "indicator": actual.indicator_id,
        "measure": actual.measure,
        "period_start": actual.period_start.isoformat(),
        "period_end": actual.period_end.isoformat(),
        "comparator": actual.comparator,
        "value": str(actual.value),
        "unit": actual.unit,
        "mentions-TOTAL_FORMS": "0",
        "mentions-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


def _history_urls(app_model: str, pk: int, history_id: int) -> tuple[str, str]:
    return (
        reverse(f"admin:{app_model}_history", args=[pk]),
        reverse(f"admin:{app_model}_simple_history", args=[pk, history_id]),
    )


def test_a_clerk_cannot_open_another_regions_actual_history(
    clerk_admin, other_county, high_tech
):
    theirs = _actual(other_county, high_tech)
    version = theirs.history.latest()
    listing, form = _history_urls("targets_actual", theirs.pk, version.history_id)

    assert clerk_admin.get(listing).status_code in (403, 404)
    assert clerk_admin.get(form).status_code in (403, 404)


def test_posting_an_old_version_with_my_region_does_not_rewrite_theirs(
    clerk_admin, county, other_county, high_tech
):
    theirs = _actual(other_county, high_tech, value="10")
    version = theirs.history.latest()
    _, form = _history_urls("targets_actual", theirs.pk, version.history_id)

    response = clerk_admin.post(form, _form_data(theirs, region=county.pk, value="99"))

    assert response.status_code in (403, 404)
    theirs.refresh_from_db()
    assert (theirs.region, theirs.value) == (other_county, Decimal("10"))


def test_a_clerk_cannot_move_their_actual_through_an_old_version_of_it(
    clerk_admin, county, other_county, high_tech
):
    """A row that used to be another region's: its old version is not theirs to see."""
    moved = _actual(other_county, high_tech, value="10")
    old = moved.history.latest()
    moved.region = county
    moved.save()
    _, form = _history_urls("targets_actual", moved.pk, old.history_id)

    assert clerk_admin.get(form).status_code in (403, 404)


def test_the_history_list_of_a_clerks_actual_shows_only_their_regions_versions(
    clerk_admin, county, other_county, high_tech
):
    moved = _actual(other_county, high_tech, value="10")
    moved.region = county
    moved.value = Decimal("11")
    moved.save()
    listing, _ = _history_urls("targets_actual", moved.pk, 0)

    response = clerk_admin.get(listing)

    assert response.status_code == 200
    regions = {row.region_id for row in response.context["page_obj"].object_list}
    assert regions == {county.pk}


def test_a_clerk_reverts_their_own_actual_through_the_service(
    clerk_admin, county, high_tech
):
    mine = _actual(county, high_tech, value="10")
    version = mine.history.latest()
    mine.value = Decimal("12")
    mine.save()
    _, form = _history_urls("targets_actual", mine.pk, version.history_id)

    assert clerk_admin.get(form).status_code == 200
    response = clerk_admin.post(form, _form_data(mine, value="10"))

    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.value == Decimal("10")


def test_a_clerk_cannot_edit_any_target_in_the_admin(
    clerk_admin, make_target, county, other_county, high_tech
):
    """Item 3: target permissions in the clerk's group do not make them a target
    editor, in their own region or elsewhere."""
    for region in (county, other_county):
        target = make_target(region=region, indicator=high_tech, value="100")
        change = reverse("admin:targets_target_change", args=[target.pk])
        version = target.history.latest()
        _, history_form = _history_urls("targets_target", target.pk, version.history_id)

        clerk_admin.post(change, {"value": "1", "unit": "家"})
        clerk_admin.post(history_form, {"value": "1", "unit": "家"})

        target.refresh_from_db()
        assert target.value == Decimal("100"), region.name
    add = clerk_admin.get(reverse("admin:targets_target_add"))
    assert add.status_code == 403
    assert Target.objects.count() == 2


def test_a_clerk_sees_only_their_regions_target_histories(
    clerk_admin, make_target, county, other_county, high_tech
):
    mine = make_target(region=county, indicator=high_tech)
    theirs = make_target(region=other_county, indicator=high_tech)

    mine_list, mine_form = _history_urls(
        "targets_target", mine.pk, mine.history.latest().history_id
    )
    theirs_list, theirs_form = _history_urls(
        "targets_target", theirs.pk, theirs.history.latest().history_id
    )

    assert clerk_admin.get(mine_list).status_code == 200
    assert clerk_admin.get(mine_form).status_code == 200
    assert clerk_admin.get(theirs_list).status_code in (403, 404)
    assert clerk_admin.get(theirs_form).status_code in (403, 404)


def test_an_editor_still_edits_targets_in_the_admin(
    admin_client, make_target, other_county, high_tech
):
    target = make_target(region=other_county, indicator=high_tech)
    version = target.history.latest()
    _, history_form = _history_urls("targets_target", target.pk, version.history_id)

    assert admin_client.get(history_form).status_code == 200


def test_a_clerk_cannot_change_another_regions_saima_figure_in_the_admin(
    clerk_admin, county, other_county, high_tech
):
    theirs = MonthlyFigure.objects.create(
        region=other_county,
        indicator=high_tech,
        measure="level",
        month=dt.date(2024, 6, 1),
        value=Decimal("5"),
        unit="家",
    )
    version = theirs.history.latest()
    change = reverse("admin:saima_monthlyfigure_change", args=[theirs.pk])
    listing, form = _history_urls("saima_monthlyfigure", theirs.pk, version.history_id)
    data = {
        "region": county.pk,
        "indicator": high_tech.pk,
        "measure": "level",
        "month": "2024-06-01",
        "value": "99",
        "unit": "家",
    }

    for url in (change, form):
        clerk_admin.post(url, data)
    assert clerk_admin.get(listing).status_code in (403, 404)

    theirs.refresh_from_db()
    assert (theirs.region, theirs.value) == (other_county, Decimal("5"))


def test_a_clerk_picks_only_their_regions_for_a_saima_figure(
    clerk_admin, county, county_zone, other_county
):
    response = clerk_admin.get(reverse("admin:saima_monthlyfigure_add"))

    choices = response.context["adminform"].form.fields["region"].queryset
    assert set(choices) == {county, county_zone}
