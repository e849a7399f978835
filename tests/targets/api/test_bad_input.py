"""Item 13: bad query values and odd URLs are a 400 or 404 in Chinese, never a 500."""

from __future__ import annotations

import pytest

from targets.api.years import YEAR_MESSAGE

BAD_YEARS = ["0", "-1", "10000", "abc", "2024.5"]


@pytest.mark.parametrize("year", BAD_YEARS)
@pytest.mark.parametrize(
    "endpoint", ["/api/targets/", "/api/actuals/", "/api/documents/"]
)
def test_a_bad_year_is_a_400_in_chinese(editor_client, evaluated, endpoint, year):
    editor_client.raise_request_exception = False

    response = editor_client.get(endpoint, {"year": year})

    assert response.status_code == 400
    assert response.json() == {"year": [YEAR_MESSAGE]}


@pytest.mark.parametrize("year", ["1900", "2024", "2100"])
def test_years_in_range_filter_as_before(editor_client, evaluated, year):
    response = editor_client.get("/api/targets/", {"year": year})

    assert response.status_code == 200
    expected = 1 if year == "2024" else 0
    assert response.json()["count"] == expected


@pytest.mark.parametrize("year", BAD_YEARS)
def test_the_review_page_shows_a_chinese_error_for_a_bad_year(
    client, editor, evaluated, year
):
    client.force_login(editor)
    client.raise_request_exception = False

    response = client.get("/", {"year": year})

    assert response.status_code == 200
    page = response.content.decode()
    assert "筛选条件有误" in page
    assert YEAR_MESSAGE in page


@pytest.mark.parametrize(
    "url",
    [
        "/api/targets/abc/",
        "/api/actuals/abc/",
        "/api/exports/abc/download/",
        "/api/targets.json",
        "/api/targets/1.json",
        "/api/exports/1/download.json",
        "/api/saima/races/1/results.json",
        "/api/saima/races/abc/",
    ],
)
def test_non_numeric_ids_and_format_suffixes_are_a_404_in_chinese(
    editor_client, evaluated, url
):
    editor_client.raise_request_exception = False

    response = editor_client.get(url)

    assert response.status_code == 404
    assert response.json() == {"detail": "未找到。"}


def test_the_documented_routes_still_resolve(editor_client, evaluated):
    target = editor_client.get("/api/targets/").json()["results"][0]
    assert editor_client.get(f"/api/targets/{target['id']}/").status_code == 200
    assert editor_client.get("/api/saima/races/").status_code == 200
    assert editor_client.get("/api/").status_code == 200
