"""Edits in the admin go through the services: the normalised value, the verdict,
the progress and the flags follow the moment the form is saved."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from targets.models import Actual, Flag, FlagKind, Status, Target
from targets.services.actuals import actual_create
from targets.services.flags import targets_refresh

pytestmark = pytest.mark.django_db


@pytest.fixture
def turnover_target(make_target, city, contract_turnover) -> Target:
    """芜湖市 2024 技术合同成交额 ≥1.8亿元, answered by a full-year 2.44亿元."""
    target = make_target(
        region=city,
        indicator=contract_turnover,
        value="1.8",
        unit="亿元",
        norm_value="180000000",
        norm_unit="元",
    )
    actual_create(
        user=None,
        region=city,
        indicator=contract_turnover,
        measure="level",
        period="2024",
        value="2.44",
        unit="亿元",
    )
    target.refresh_from_db()
    return target


def _post_change(client, obj, inline: str, **changes):
    """Submit the change form of ``obj`` as the admin shows it, with ``changes``."""
    name = f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change"
    url = reverse(name, args=[obj.pk])
    form = client.get(url).context["adminform"].form
    data = {
        field: "" if form[field].value() is None else form[field].value()
        for field in form.fields
    }
    data.update({f"{inline}-TOTAL_FORMS": "0", f"{inline}-INITIAL_FORMS": "0"})
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    obj.refresh_from_db()
    return obj


def _open_flags(target: Target) -> set[str]:
    return set(Flag.objects.open().filter(target=target).values_list("kind", flat=True))


def test_editing_a_target_and_then_its_actual_in_the_admin_rejudges_at_once(
    admin_client, turnover_target
):
    assert (turnover_target.status, turnover_target.progress) == (
        Status.MET,
        Decimal("1.3556"),
    )

    target = _post_change(admin_client, turnover_target, "mentions", value="3")

    assert (target.value, target.unit, target.norm_value) == (
        Decimal("3"),
        "亿元",
        Decimal("300000000"),
    )
    assert (target.status, target.progress) == (Status.MISSED, Decimal("0.8133"))
    assert _open_flags(target) == {FlagKind.MISSED}

    actual = Actual.objects.get(pk=target.actual_id)
    actual = _post_change(admin_client, actual, "mentions", value="3.2")
    target.refresh_from_db()

    assert (actual.value, actual.norm_value) == (Decimal("3.2"), Decimal("320000000"))
    assert (target.status, target.progress) == (Status.MET, Decimal("1.0667"))
    assert target.actual_norm_value == Decimal("320000000")
    assert _open_flags(target) == set()


def test_norm_value_cannot_be_set_by_hand_in_the_admin(admin_client, turnover_target):
    target = _post_change(
        admin_client, turnover_target, "mentions", norm_value="1", norm_unit="count"
    )

    assert (target.norm_value, target.norm_unit) == (Decimal("180000000"), "元")
    form = (
        admin_client.get(reverse("admin:targets_target_change", args=[target.pk]))
        .context["adminform"]
        .form
    )
    assert "norm_value" not in form.fields
    assert "norm_value" not in (
        admin_client.get(
            reverse("admin:targets_actual_change", args=[target.actual_id])
        )
        .context["adminform"]
        .form.fields
    )


def test_a_target_unit_that_does_not_fit_the_indicator_is_a_form_message(
    admin_client, turnover_target
):
    url = reverse("admin:targets_target_change", args=[turnover_target.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {f: "" if form[f].value() is None else form[f].value() for f in form.fields}
    data.update({"mentions-TOTAL_FORMS": "0", "mentions-INITIAL_FORMS": "0"})
    data.update(unit="家")

    response = admin_client.post(url, data)

    assert response.status_code == 200
    errors = response.context["adminform"].form.non_field_errors()
    assert any("单位“家”与指标“技术合同成交额”" in e for e in errors)
    turnover_target.refresh_from_db()
    assert (turnover_target.unit, turnover_target.status) == ("亿元", Status.MET)


def test_the_reevaluate_action_brings_verdict_and_flags_up_to_date(
    admin_client, turnover_target
):
    # A write that bypassed the services (a raw update) is repaired by 重新评估.
    Target.objects.filter(pk=turnover_target.pk).update(
        value=Decimal("3"), norm_value=Decimal("300000000")
    )

    response = admin_client.post(
        reverse("admin:targets_target_changelist"),
        {"action": "reevaluate", "_selected_action": [turnover_target.pk]},
    )

    assert response.status_code == 302
    turnover_target.refresh_from_db()
    assert turnover_target.status == Status.MISSED
    assert _open_flags(turnover_target) == {FlagKind.MISSED}
    targets_refresh(targets=Target.objects.filter(pk=turnover_target.pk))
    assert Flag.objects.filter(target=turnover_target).count() == 1
