"""Every admin page renders for a superuser, and target edits keep their history."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse

from reports.models import Export
from targets.models import Actual, Flag, Mention, RegionGroup


@pytest.fixture
def world(high_tech_target, report, county, high_tech, admin_user):
    actual = Actual.objects.create(
        region=high_tech_target.region,
        indicator=high_tech,
        measure="level",
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 12, 31),
        value=Decimal("780"),
        unit="家",
        norm_value=Decimal("780"),
        norm_unit="count",
        document=report,
    )
    Mention.objects.create(
        document=report,
        kind="actual",
        start=5,
        end=20,
        quote="全市高新技术企业总数达到780家",
        raw_value=Decimal("780"),
        unit="家",
        actual=actual,
    )
    Mention.objects.create(
        document=high_tech_target.plan,
        kind="target",
        start=5,
        end=22,
        quote="全市高新技术企业总数达到750家以上",
        raw_value=Decimal("750"),
        unit="家",
        target=high_tech_target,
    )
    Flag.objects.create(target=high_tech_target, kind="conflict", reason="数值冲突")
    group = Group.objects.create(name="南陵县填报")
    RegionGroup.objects.create(group=group, region=county)
    Export.objects.create(kind="scorecard", requested_by=admin_user)


def _admin_urls() -> list[tuple[str, type]]:
    return [
        (f"admin:{model._meta.app_label}_{model._meta.model_name}", model)
        for model in admin.site._registry
    ]


@pytest.mark.django_db
def test_every_changelist_add_and_change_page_renders_for_a_superuser(
    admin_client, world
):
    rendered_change_pages = 0
    for name, model in _admin_urls():
        response = admin_client.get(reverse(f"{name}_changelist"))
        assert response.status_code == 200, name
        model_admin = admin.site._registry[model]
        if model_admin.has_add_permission(response.wsgi_request):
            assert admin_client.get(reverse(f"{name}_add")).status_code == 200, name
        obj = model.objects.first()
        if obj is not None:
            response = admin_client.get(reverse(f"{name}_change", args=[obj.pk]))
            assert response.status_code == 200, name
            rendered_change_pages += 1
    # The domain's own models all have a row in this world.
    assert rendered_change_pages >= 9


@pytest.mark.django_db
def test_target_changelist_filters_by_status_and_searches_quotes(admin_client, world):
    url = reverse("admin:targets_target_changelist")

    by_status = admin_client.get(url, {"status__exact": "no_data"})
    by_quote = admin_client.get(url, {"q": "750家以上"})
    none_found = admin_client.get(url, {"q": "不存在的原文"})

    assert by_status.context["cl"].result_count == 1
    assert by_quote.context["cl"].result_count == 1
    assert none_found.context["cl"].result_count == 0


@pytest.mark.django_db
def test_editing_a_target_in_the_admin_records_who_changed_what(
    admin_client, admin_user, high_tech_target
):
    url = reverse("admin:targets_target_change", args=[high_tech_target.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {
        name: form[name].value() if form[name].value() is not None else ""
        for name in form.fields
    }
    data.update(
        {
            "value": "800",
            "norm_value": "800",
            "mentions-TOTAL_FORMS": "0",
            "mentions-INITIAL_FORMS": "0",
        }
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    latest = high_tech_target.history.first()
    assert latest.value == Decimal("800")
    assert latest.history_user == admin_user
    assert latest.history_type == "~"
    assert high_tech_target.history.count() == 2
    history = admin_client.get(
        reverse("admin:targets_target_history", args=[high_tech_target.pk])
    )
    assert history.status_code == 200
    assert "800" in history.content.decode()


@pytest.mark.django_db
def test_history_reads_in_chinese_with_formatted_values(admin_client, high_tech_target):
    high_tech_target.value = Decimal("1350")
    high_tech_target.status = "no_data"
    high_tech_target.save()
    response = admin_client.get(
        reverse("admin:targets_target_history", args=[high_tech_target.pk]),
        HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9",
    )
    html = response.content.decode()
    table = html[html.index('id="change-history"') :]
    for english in ("VALUE", "STATUS", "CHANGES", "Changed by", "Date/time"):
        assert english.lower() not in table.lower()
    assert "目标值" in table or "数值" in table
    assert "暂无数据" in table and "no_data" not in table
    assert "1,350" in table
    # Local time to the minute, never a raw UTC stamp with microseconds.
    assert "+00:00" not in table
    assert re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}<", table)


@pytest.mark.django_db
def test_django_strings_stay_chinese_for_an_english_browser(admin_client):
    from django.contrib.auth.models import Permission

    page = admin_client.get(
        reverse("admin:auth_group_add"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9"
    ).content.decode()
    assert "Save and add another" not in page
    assert "保存" in page
    names = set(Permission.objects.values_list("name", flat=True))
    assert not [n for n in names if n.startswith("Can ")]
    assert any(n.startswith("可以添加") for n in names)
