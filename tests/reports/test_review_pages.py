"""The 审核 pages through the Django test client: upload, status, review actions,
permissions and the 未审核 marks on the target pages."""

from __future__ import annotations

import io

import docx
import pytest
from django.contrib.auth.models import Group
from django.test import Client

from targets.models import Decision, Document, DocumentStatus, Indicator, Target

_on_commit = None

PLAN = (
    "芜湖市科技局2024年工作要点\n"
    "2024年,全市高新技术企业总数达到750家以上,省级以上研发平台达到80个,"
    "技术合同成交额达到300亿元。\n"
)


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _upload(client: Client, name: str, data: bytes, **fields):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with _on_commit(execute=True):
        return client.post(
            "/review/",
            {"files": [SimpleUploadedFile(name, data)], **fields},
            HTTP_ACCEPT="application/json",
        )


@pytest.fixture(autouse=True)
def _commits(django_capture_on_commit_callbacks):
    # Uploads queue the (eager) task on commit; run it as the commit would.
    global _on_commit
    _on_commit = django_capture_on_commit_callbacks


@pytest.fixture
def uploaded(catalog, city, editor) -> Document:
    response = _upload(_client(editor), "plan.txt", PLAN.encode())
    assert response.status_code == 200
    return Document.objects.get()


def test_an_upload_is_processed_and_waits_for_review(catalog, city, editor):
    client = _client(editor)
    response = _upload(client, "plan.txt", PLAN.encode("gbk"))

    result = response.json()["results"][0]
    assert (result["ok"], result["created"], result["message"]) == (
        True,
        True,
        "已上传,等待处理",
    )
    document = Document.objects.get()
    status = client.get(f"/review/status/?ids={document.pk}").json()["documents"][0]
    # The task runs eagerly in tests: processed by the time the page asks.
    assert (status["status"], status["status_label"]) == ("done", "待审核")
    assert (status["region"], status["year"], status["kind_label"]) == (
        "芜湖市",
        2024,
        "计划",
    )
    assert status["unreviewed"] == document.mentions.count() == 3


def test_the_same_content_as_docx_is_skipped_with_a_message(uploaded, editor):
    """The same text in another format: found by the worker, which reads the file
    (never the web request), and recorded as the copy's reason; nothing counted
    twice."""
    word = docx.Document()
    for line in PLAN.splitlines():
        word.add_paragraph(line)
    out = io.BytesIO()
    word.save(out)
    mentions = uploaded.mentions.count()

    result = _upload(_client(editor), "plan.docx", out.getvalue()).json()["results"][0]

    copy = Document.objects.get(name="plan.docx")
    assert (copy.status, copy.error) == (
        DocumentStatus.SKIPPED,
        f"与《芜湖市科技局2024年工作要点》(编号 {uploaded.pk})内容相同,已跳过。",
    )
    assert result["document"]["id"] == copy.pk
    assert copy.mentions.count() == 0
    assert uploaded.mentions.count() == mentions


def test_the_same_bytes_again_are_skipped_with_a_message(uploaded, editor):
    result = _upload(_client(editor), "copy.txt", PLAN.encode()).json()["results"][0]

    assert result["created"] is False
    assert result["message"] == "与《芜湖市科技局2024年工作要点》内容相同,已跳过"
    assert Document.objects.count() == 1


def test_a_file_over_the_limit_gets_a_clear_message(catalog, editor, settings):
    settings.DABIAO_UPLOAD_MAX_BYTES = 100
    result = _upload(_client(editor), "big.txt", PLAN.encode() * 5).json()["results"][0]
    assert result == {
        "name": "big.txt",
        "ok": False,
        "error": "文件“big.txt”过大:上限为 0.0976562 KB。",
    } or (result["ok"] is False and "过大" in result["error"])
    assert not Document.objects.exists()


def test_the_review_page_marks_targets_and_actuals_in_two_colours(uploaded, editor):
    page = _client(editor).get(f"/review/documents/{uploaded.pk}/").content.decode()

    assert page.count('class="st st-target st-unreviewed"') == 3
    assert '待审核 <b id="n-unreviewed">3</b>' in page
    assert "确认其余 3 条" in page


def test_confirm_correct_and_reject_from_the_page(uploaded, editor):
    client = _client(editor)
    url = f"/review/documents/{uploaded.pk}/decide/"
    innovation = Indicator.objects.get(name="科技创新平台数")

    def key(part: str) -> str:
        mention = next(m for m in uploaded.mentions.all() if part in m.quote)
        return f"m{mention.start}-{mention.end}"

    client.post(url, {"statement": key("高新技术企业"), "action": "confirm"})
    client.post(url, {"statement": key("技术合同"), "action": "reject"})
    platforms = next(m for m in uploaded.mentions.all() if "研发平台" in m.quote)
    client.post(
        url,
        {
            "statement": key("研发平台"),
            "action": "correct",
            "kind": "target",
            "indicator": "科技创新平台数",
            "value": "85",
            "unit": "个",
            "period": "2024",
            "region_id": platforms.target.region_id,
            "measure": "level",
            "comparator": ">=",
            "tier": "base",
            "store_alias": "1",
            "alias": "省级以上研发平台",
        },
    )

    assert [d.action for d in Decision.objects.order_by("pk")] == [
        "confirm",
        "reject",
        "correct",
    ]
    assert not Target.objects.filter(indicator__name="技术合同成交额").exists()
    corrected = Target.objects.get(indicator=innovation)
    assert corrected.value == 85
    assert "省级以上研发平台" in Indicator.objects.get(pk=innovation.pk).aliases
    page = client.get(f"/review/documents/{uploaded.pk}/").content.decode()
    assert '已确认 <b id="n-confirmed">1</b>' in page
    assert '已修改 <b id="n-corrected">1</b>' in page
    assert '已删除 <b id="n-rejected">1</b>' in page
    assert "<del>80</del> → <ins>85</ins>" in page
    uploaded.refresh_from_db()
    assert uploaded.status == DocumentStatus.REVIEWED


def test_adding_a_missed_statement_from_a_selection(uploaded, editor):
    start = uploaded.text.index("技术合同成交额")
    end = uploaded.text.index("。", start)
    _client(editor).post(
        f"/review/documents/{uploaded.pk}/add/",
        {
            "start": start,
            "end": end,
            "kind": "target",
            "indicator": "技术合同登记数",
            "value": "500",
            "unit": "项",
            "period": "2024",
            "region_id": uploaded.region_id,
            "measure": "level",
            "comparator": ">=",
            "tier": "base",
        },
    )
    added = Decision.objects.get(action="add")
    assert added.quote == "技术合同成交额达到300亿元"
    assert Target.objects.filter(indicator__name="技术合同登记数", value=500).exists()


def test_the_target_list_and_page_mark_unconfirmed_figures(uploaded, editor):
    client = _client(editor)
    listing = client.get("/").content.decode()
    assert listing.count('class="unreviewed-mark"') == 3
    target = Target.objects.get(indicator__name="高新技术企业数")
    assert "未审核" in client.get(f"/targets/{target.pk}/").content.decode()

    mention = target.mentions.get()
    client.post(
        f"/review/documents/{uploaded.pk}/decide/",
        {"statement": f"m{mention.start}-{mention.end}", "action": "confirm"},
    )
    assert client.get("/").content.decode().count('class="unreviewed-mark"') == 2


def test_readers_cannot_upload_or_review(uploaded, reader):
    client = _client(reader)
    assert client.get("/review/").status_code == 403
    assert client.get(f"/review/documents/{uploaded.pk}/").status_code == 403
    assert "文件审核" not in client.get("/").content.decode()


def test_a_county_group_sees_only_its_region(uploaded, make_user, county):
    from targets.models import RegionGroup

    group = Group.objects.create(name="南陵县审核")
    RegionGroup.objects.create(group=group, region=county)
    clerk = make_user("clerk", groups=("南陵县审核",))
    client = _client(clerk)

    assert client.get(f"/review/documents/{uploaded.pk}/").status_code == 404
    assert "芜湖市科技局2024年工作要点" not in client.get("/review/").content.decode()


def test_a_failed_document_can_be_retried(uploaded, editor):
    Document.objects.filter(pk=uploaded.pk).update(status="failed", error="boom")
    uploaded.mentions.all().delete()
    with _on_commit(execute=True):
        _client(editor).post(f"/review/documents/{uploaded.pk}/reprocess/")
    uploaded.refresh_from_db()
    assert (uploaded.status, uploaded.error) == ("done", "")
    assert uploaded.mentions.count() == 3


def test_changing_the_region_the_engine_guessed_moves_the_figures(
    uploaded, editor, county
):
    client = _client(editor)
    mention = next(m for m in uploaded.mentions.all() if "高新技术企业" in m.quote)
    client.post(
        f"/review/documents/{uploaded.pk}/decide/",
        {"statement": f"m{mention.start}-{mention.end}", "action": "confirm"},
    )

    client.post(
        f"/review/documents/{uploaded.pk}/meta/",
        {"region": county.pk, "published": "2024-02-01", "kind": "plan"},
    )

    uploaded.refresh_from_db()
    assert (uploaded.region, str(uploaded.published)) == (county, "2024-02-01")
    regions = set(Target.objects.values_list("region__name", flat=True))
    # The confirmed statement keeps the region it was confirmed with.
    assert regions == {"南陵县", "芜湖市"}
    assert Target.objects.get(indicator__name="高新技术企业数").region.name == "芜湖市"


def test_a_deleted_statement_can_be_restored(uploaded, editor):
    client = _client(editor)
    url = f"/review/documents/{uploaded.pk}/decide/"
    mention = next(m for m in uploaded.mentions.all() if "技术合同" in m.quote)
    client.post(
        url, {"statement": f"m{mention.start}-{mention.end}", "action": "reject"}
    )
    assert not Target.objects.filter(indicator__name="技术合同成交额").exists()
    rejected = Decision.objects.get(action="reject")

    client.post(url, {"statement": f"d{rejected.pk}", "action": "confirm"})

    target = Target.objects.get(indicator__name="技术合同成交额")
    assert target.mentions.get().review == "confirmed"
    page = client.get(f"/review/documents/{uploaded.pk}/").content.decode()
    assert '已删除 <b id="n-rejected">0</b>' in page


def test_a_failed_document_shows_its_reason_and_a_retry_button(uploaded, editor):
    Document.objects.filter(pk=uploaded.pk).update(
        status="failed", error="ValueError: 文本过长"
    )
    page = _client(editor).get("/review/").content.decode()

    assert "ValueError: 文本过长" in page
    assert f'action="/review/documents/{uploaded.pk}/reprocess/"' in page
    assert ">失败<" in page


def test_uploading_a_failed_document_again_on_the_page_requeues_it(uploaded, editor):
    uploaded.mentions.all().delete()
    Document.objects.filter(pk=uploaded.pk).update(
        status="failed", error="IntegrityError: raced"
    )

    response = _upload(_client(editor), "plan-again.txt", PLAN.encode())

    result = response.json()["results"][0]
    assert (result["ok"], result["created"]) == (True, False)
    assert "已重新排队处理" in result["message"]
    uploaded.refresh_from_db()
    assert (uploaded.status, uploaded.error) == (DocumentStatus.DONE, "")
    assert uploaded.mentions.count() == 3
