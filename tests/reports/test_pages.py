"""The review pages: login, filters, tiles, chips and bars, evidence, scorecard."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from reports.models import Export
from reports.views import highlight, locate
from targets.models import Document, Mention

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, reader):
    client.force_login(reader)
    return client


def _text(response) -> str:
    return response.content.decode()


def test_pages_need_a_login(client, evaluated):
    for url in ["/", f"/targets/{evaluated.pk}/", "/saima/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"/login/?next={url}"


def test_logging_in_leads_to_the_review_page(client, reader):
    form = client.get("/login/")
    wrong = client.post("/login/", {"username": "reader", "password": "nope"})
    response = client.post(
        "/login/", {"username": "reader", "password": "pw-123456", "next": ""}
    )

    assert form.status_code == 200
    assert "登录" in _text(form)
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert wrong.status_code == 200
    assert "请输入一个正确的" in _text(wrong)


@pytest.fixture
def spread(make_target, city, county, other_county, high_tech, contract_turnover):
    return [
        make_target(region=city, indicator=high_tech, status="met", progress="1.1"),
        make_target(
            region=county,
            indicator=high_tech,
            status="at_risk",
            progress="0.4",
            schedule_progress="0.5",
        ),
        make_target(
            region=other_county, indicator=high_tech, status="missed", progress="0.8"
        ),
        make_target(
            region=county,
            indicator=contract_turnover,
            unit="亿元",
            norm_unit="元",
            status="on_track",
            progress="0.6",
            schedule_progress="0.5",
        ),
        make_target(region=county, indicator=contract_turnover, year=2023),
    ]


def _tiles(html: str) -> dict[str, str]:
    return dict(re.findall(r'id="tile-(\w+)">([^<]*)<', html))


def test_the_review_page_shows_tiles_for_everything(signed_in, spread):
    html = _text(signed_in.get("/", {"year": "all"}))

    assert _tiles(html) == {"total": "5", "rate": "20.0%", "risk": "1", "missed": "1"}
    assert html.count('class="chip chip-') == 5


def test_the_review_page_opens_on_the_current_plan_year(signed_in, spread):
    # The targets are for 2023 and 2024; today is later, so 2024 is the plan year.
    response = signed_in.get("/")
    html = _text(response)

    assert response.context["selected"]["year"] == "2024"
    assert _tiles(html) == {"total": "4", "rate": "25.0%", "risk": "1", "missed": "1"}
    # Only years that have targets are offered (plus 全部年度).
    assert response.context["years"] == [2024, 2023]
    assert '<option value="2024" selected>2024年</option>' in html
    # Paging keeps 全部年度 when it was chosen.
    everything = signed_in.get("/", {"year": "all"})
    assert "year=all" in everything.context["query"]


@pytest.mark.parametrize(
    ("years", "today", "expected"),
    [
        ([2026, 2025, 2024], dt.date(2025, 3, 1), 2025),
        ([2024, 2023], dt.date(2026, 1, 1), 2024),
        ([2030, 2028], dt.date(2026, 1, 1), 2028),
        ([], dt.date(2026, 1, 1), None),
    ],
)
def test_default_year_is_the_current_plan_year(years, today, expected):
    from reports.views import default_year

    assert default_year(years, today) == expected


def test_filters_narrow_the_table_and_the_tiles(
    signed_in, spread, county, contract_turnover
):
    by_region = _text(signed_in.get("/", {"region": county.pk, "year": "all"}))
    by_year = _text(signed_in.get("/", {"year": 2023}))
    by_indicator = _text(
        signed_in.get("/", {"indicator": contract_turnover.pk, "year": "all"})
    )
    by_status = _text(signed_in.get("/", {"status": "at_risk", "year": "all"}))
    combined = _text(
        signed_in.get("/", {"region": county.pk, "year": 2024, "status": "on_track"})
    )

    assert _tiles(by_region)["total"] == "3"
    assert _tiles(by_year) == {"total": "1", "rate": "0.0%", "risk": "0", "missed": "0"}
    assert _tiles(by_indicator)["total"] == "2"
    assert _tiles(by_status) == {
        "total": "1",
        "rate": "0.0%",
        "risk": "1",
        "missed": "0",
    }
    assert _tiles(combined)["total"] == "1"
    assert "chip-on_track" in combined
    assert "chip-at_risk" not in combined


def test_a_bad_filter_says_so_instead_of_showing_everything(signed_in, spread):
    html = _text(signed_in.get("/", {"status": "whatever"}))

    assert "筛选条件有误" in html
    assert _tiles(html)["total"] == "0"


def test_the_progress_bar_marks_schedule_progress(signed_in, spread):
    html = _text(signed_in.get("/", {"status": "at_risk"}))

    assert 'class="progress-fill fill-at_risk" style="width: 40.0%"' in html
    assert 'class="progress-schedule" style="left: 50.0%"' in html
    assert "序时进度 50.0%" in html
    # Over-achievement fills the bar but says 110%.
    met = _text(signed_in.get("/", {"status": "met"}))
    assert 'style="width: 100.0%"' in met
    assert "110.0%" in met


def test_no_targets_is_an_explicit_empty_state(signed_in, db):
    html = _text(signed_in.get("/"))

    assert "当前筛选条件下没有目标" in html
    assert _tiles(html) == {"total": "0", "rate": "—", "risk": "0", "missed": "0"}


def test_the_review_page_is_paginated(signed_in, many_targets):
    many_targets(20)
    many_targets(40)

    first = signed_in.get("/", {"year": "all"})
    second = signed_in.get("/", {"year": "all", "page": 2})

    assert len(first.context["page"].object_list) == 50
    assert len(second.context["page"].object_list) == 10
    assert "第 1 / 2 页,共 60 条" in _text(first)


def test_the_target_page_highlights_each_quote_in_its_document(signed_in, evaluated):
    html = _text(signed_in.get(f"/targets/{evaluated.pk}/"))

    assert (
        '<blockquote class="source-snippet">2024年,<mark class="quote">'
        "全市高新技术企业总数达到750家以上</mark>。</blockquote>"
    ) in html
    assert '<mark class="quote">全市高新技术企业总数达到780家</mark>' in html
    assert "芜湖市科技局2024年工作要点" in html
    assert "780家" in html and "评估采用" in html


def test_the_target_page_lists_actuals_over_time_with_a_chart(
    signed_in, evaluated, high_tech, city
):
    from targets.models import Actual

    Actual.objects.create(
        region=city,
        indicator=high_tech,
        measure="level",
        period_start=evaluated.period_start,
        period_end=evaluated.period_start.replace(month=6, day=30),
        value=Decimal("700"),
        unit="家",
        norm_value=Decimal("700"),
        norm_unit="count",
        source="manual",
        estimate=True,
    )

    response = signed_in.get(f"/targets/{evaluated.pk}/")
    html = _text(response)

    periods = [a.period_text for a in response.context["actuals"]]
    assert periods == ["2024年1–6月", "2024年"]
    assert html.count('class="chart-dot') == 2
    assert "chart-dot estimate" in html
    assert "目标 ≥750家" in html


def test_document_text_is_escaped_around_the_highlight(signed_in, evaluated):
    plan = evaluated.plan
    plan.text = "<script>alert(1)</script>" + plan.text
    plan.save()
    Mention.objects.filter(target=evaluated).update(start=6 + 25, end=24 + 25)

    html = _text(signed_in.get(f"/targets/{evaluated.pk}/"))

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<mark class="quote">全市高新技术企业总数达到750家以上</mark>' in html


def test_a_quote_whose_offsets_went_stale_is_found_by_its_text(evaluated):
    mention = evaluated.mentions.get()
    document = Document(text="前言。" + evaluated.plan.text)

    assert locate(document.text, mention) == (9, 27)
    mention.quote = "原文中没有这句话"
    assert locate(document.text, mention) is None


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("abc", [(1, 2)], "a<mark>b</mark>c"),
        ("a<b>c", [(1, 4)], "a<mark>&lt;b&gt;</mark>c"),
        ("abcdef", [(3, 5), (0, 2)], "<mark>ab</mark>c<mark>de</mark>f"),
        ("abcdef", [(0, 3), (2, 5)], "<mark>abc</mark>def"),
        ("abc", [], "abc"),
    ],
)
def test_highlight_marks_spans_and_escapes_the_rest(text, spans, expected):
    assert highlight(text, spans) == expected


def test_the_scorecard_button_queues_an_export_and_the_file_downloads(
    signed_in, reader, evaluated, city, django_capture_on_commit_callbacks
):
    review = _text(signed_in.get("/", {"region": city.pk, "year": 2024}))
    assert 'id="scorecard-button"' in review
    assert f'name="region" value="{city.pk}"' in review

    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(
            reverse("reports:scorecard-request"), {"region": city.pk, "year": "2024"}
        )

    export = Export.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/exports/{export.pk}/"
    assert export.scope == {
        "region": city.pk,
        "year": 2024,
        "name": "计分卡-芜湖市-2024",
    }
    assert export.requested_by == reader
    status_page = _text(signed_in.get(response["Location"]))
    assert "已完成" in status_page
    assert f'data-status-url="/api/exports/{export.pk}/"' in status_page
    download = signed_in.get(f"/exports/{export.pk}/download/")
    assert download.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    assert "目标明细" in workbook.sheetnames


def test_a_bad_scorecard_scope_goes_back_with_a_message(signed_in):
    response = signed_in.post(
        reverse("reports:scorecard-request"), {"region": "999999"}, follow=True
    )

    assert response.redirect_chain == [("/", 302)]
    assert "无法导出:找不到地区:999999" in _text(response)
    assert Export.objects.count() == 0


def test_another_users_export_is_not_visible(client, make_user, reader):
    export = Export.objects.create(requested_by=reader)
    client.force_login(make_user("someone-else"))

    assert client.get(f"/exports/{export.pk}/").status_code == 404
    assert client.get(f"/exports/{export.pk}/download/").status_code == 404


def test_a_pending_export_page_polls_and_has_no_download_yet(signed_in, reader):
    export = Export.objects.create(requested_by=reader)

    html = _text(signed_in.get(f"/exports/{export.pk}/"))

    assert "排队中" in html
    assert "正在生成" in html
    assert re.search(r'id="download-link"[^>]*hidden', html)
    assert signed_in.get(f"/exports/{export.pk}/download/").status_code == 404


def test_the_scorecard_request_needs_post_and_csrf(reader):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)

    assert client.get(reverse("reports:scorecard-request")).status_code == 405
    assert client.post(reverse("reports:scorecard-request")).status_code == 403
    assert Export.objects.count() == 0


def test_pages_use_only_local_assets(client, signed_in, evaluated):
    pages = [signed_in.get(u) for u in ["/", f"/targets/{evaluated.pk}/", "/saima/"]]
    signed_in.logout()
    pages.append(client.get("/login/"))
    for page in pages:
        html = _text(page)
        external = re.findall(r'(?:src|href)="(https?:)?//', html)
        assert external == [], page.request["PATH_INFO"]
        assert "/static/dabiao/app.css" in html
