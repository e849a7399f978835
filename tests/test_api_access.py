"""Who may read and write: nobody anonymous, editors write, clerks in their region."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from rest_framework.authtoken.models import Token

from config.throttling import WriteThrottle
from targets.models import Actual, Document, RegionGroup
from targets.permissions import (
    EDITOR_GROUP,
    bound_region_ids,
    can_write_actual_for,
    is_editor,
)
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

READ_URLS = [
    "/api/regions/",
    "/api/indicators/",
    "/api/documents/",
    "/api/targets/",
    "/api/actuals/",
    "/api/flags/",
    "/api/exports/",
    "/api/saima/races/",
    "/api/saima/template/",
    "/api/schema/",
]


@pytest.mark.parametrize("url", READ_URLS)
def test_nothing_is_readable_anonymously(anon, url):
    response = anon.get(url)

    # TokenAuthentication comes first, so DRF challenges with 401 (not 403).
    assert response.status_code == 401


def test_the_docs_page_sends_anonymous_visitors_to_sign_in(anon):
    response = anon.get("/api/docs/")

    assert response.status_code == 302
    assert response["Location"] == "/login/?next=%2Fapi%2Fdocs%2F"


def test_a_detail_is_not_readable_anonymously(anon, evaluated):
    assert anon.get(f"/api/targets/{evaluated.pk}/").status_code == 401
    assert anon.get(f"/api/documents/{evaluated.plan_id}/").status_code == 401


def test_a_bad_token_is_refused(evaluated):
    client = client_for(None)
    client.credentials(HTTP_AUTHORIZATION="Token not-a-token")

    assert client.get("/api/targets/").status_code == 401


@pytest.mark.parametrize(
    ("url", "payload"),
    [
        ("/api/documents/", {}),
        ("/api/actuals/", {}),
        ("/api/exports/", {}),
    ],
)
def test_anonymous_writes_are_refused(anon, url, payload):
    assert anon.post(url, payload).status_code == 401


def test_a_reader_cannot_upload_or_enter_actuals(reader_client, city, high_tech):
    upload = reader_client.post(
        "/api/documents/", {"file": _file("plan.txt", "2024年目标")}, format="multipart"
    )
    actual = reader_client.post(
        "/api/actuals/",
        {
            "region": city.pk,
            "indicator": high_tech.pk,
            "measure": "level",
            "period": "2024",
            "value": "780",
            "unit": "家",
        },
        format="json",
    )

    assert upload.status_code == 403
    assert upload.json() == {"detail": "只有管理员或“编辑”组成员可以修改数据。"}
    assert actual.status_code == 403
    assert actual.json() == {"detail": "您没有录入实际值的权限。"}
    assert Document.objects.count() == 0
    assert Actual.objects.count() == 0


def test_read_only_endpoints_refuse_writes_even_to_editors(editor_client, evaluated):
    assert editor_client.post("/api/targets/", {}).status_code == 405
    assert (
        editor_client.patch(f"/api/targets/{evaluated.pk}/", {"value": "1"}).status_code
        == 405
    )
    assert editor_client.delete(f"/api/targets/{evaluated.pk}/").status_code == 405
    assert editor_client.post("/api/regions/", {"name": "新区"}).status_code == 405
    assert editor_client.post("/api/flags/", {}).status_code == 405


def test_who_counts_as_an_editor(make_user, county, admin_user):
    plain = make_user("plain")
    in_group = make_user("in-group", groups=(EDITOR_GROUP,))
    staff = make_user("staffer", is_staff=True)
    bound_staff = make_user("bound-staff", is_staff=True, groups=("南陵县填报",))
    RegionGroup.objects.create(
        group=Group.objects.get(name="南陵县填报"), region=county
    )
    inactive = make_user("gone", is_active=False, groups=(EDITOR_GROUP,))

    assert [
        is_editor(u)
        for u in (plain, in_group, staff, bound_staff, inactive, admin_user)
    ] == [False, True, True, False, False, True]


def test_a_clerk_is_bound_to_their_region_and_everything_below(
    county_clerk, county, county_zone, other_county, city, admin_user
):
    assert bound_region_ids(county_clerk) == {county.pk, county_zone.pk}
    assert can_write_actual_for(county_clerk, county)
    assert can_write_actual_for(county_clerk, county_zone)
    assert not can_write_actual_for(county_clerk, other_county)
    assert not can_write_actual_for(county_clerk, city)
    # Superusers are never bound, even if someone put them in a bound group.
    admin_user.groups.add(Group.objects.get(name="南陵县填报"))
    assert bound_region_ids(User.objects.get(pk=admin_user.pk)) is None


def test_session_writes_need_a_csrf_token(editor, city):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)

    refused = client.post(
        "/api/exports/", {"region": city.pk}, content_type="application/json"
    )
    client.get("/")  # the review page sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    accepted = client.post(
        "/api/exports/",
        {"region": city.pk},
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )

    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    assert accepted.status_code == 202


def test_token_writes_need_no_csrf_token(editor, city):
    token = Token.objects.create(user=editor)
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        "/api/exports/",
        {"region": city.pk},
        content_type="application/json",
        headers={"Authorization": f"Token {token.key}"},
    )

    assert response.status_code == 202


def test_writes_are_throttled_but_reads_are_not(editor_client, city, monkeypatch):
    monkeypatch.setattr(WriteThrottle, "THROTTLE_RATES", {"writes": "2/min"})

    codes = [
        editor_client.post(
            "/api/exports/", {"region": city.pk}, format="json"
        ).status_code
        for _ in range(3)
    ]
    reads = [editor_client.get("/api/exports/").status_code for _ in range(5)]

    assert codes == [202, 202, 429]
    assert reads == [200] * 5


def _file(name: str, text: str, encoding: str = "utf-8"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/plain")
