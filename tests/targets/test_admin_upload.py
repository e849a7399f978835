"""The admin document upload stores and processes the file like the 审核 page."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from targets.models import Document, DocumentStatus

PLAN = "芜湖市科技局2024年工作要点\n2024年,全市高新技术企业总数达到750家以上。\n"


def _add(admin_client, name: str, data: bytes):
    return admin_client.post(
        "/admin/targets/document/add/",
        {"file": SimpleUploadedFile(name, data), "kind": "both", "published": ""},
        follow=True,
    )


def test_an_admin_upload_is_processed(
    admin_client, catalog, city, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _add(admin_client, "plan.txt", PLAN.encode())

    assert response.status_code == 200
    document = Document.objects.get()
    assert (document.status, document.region, document.year) == (
        DocumentStatus.DONE,
        city,
        2024,
    )
    assert document.text.startswith("芜湖市科技局")
    assert document.mentions.count() == 1


def test_a_second_admin_upload_of_the_same_text_is_skipped_not_a_500(
    admin_client, catalog, city, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _add(admin_client, "plan.txt", PLAN.encode())
    with django_capture_on_commit_callbacks(execute=True):
        response = _add(admin_client, "plan-gbk.txt", PLAN.encode("gbk"))

    # Other bytes, the same text: the worker (not this request) reads the copy and
    # records why it adds nothing.
    assert response.status_code in (200, 302)
    first, copy = Document.objects.order_by("pk")
    assert (copy.status, copy.error) == (
        DocumentStatus.SKIPPED,
        f"与《芜湖市科技局2024年工作要点》(编号 {first.pk})内容相同,已跳过。",
    )
    assert copy.mentions.count() == 0


def test_an_unreadable_admin_upload_is_a_form_error(admin_client, catalog):
    response = _add(admin_client, "broken.docx", b"PK\x03\x04garbage")

    assert response.status_code == 200
    assert "无法读取文件“broken.docx”" in response.content.decode()
    assert not Document.objects.exists()
