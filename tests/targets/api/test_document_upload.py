"""POST /api/documents/ takes a real file (the schema says so) and a failed
document can be retried through POST /api/documents/{id}/retry/."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from drf_spectacular.generators import SchemaGenerator

from targets.models import Document, DocumentStatus

PLAN = "芜湖市科技局2024年工作要点\n2024年,全市高新技术企业总数达到750家以上。\n"


def test_the_upload_schema_has_a_binary_file_field(db):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    body = schema["paths"]["/api/documents/"]["post"]["requestBody"]["content"]
    ref = body["multipart/form-data"]["schema"]["$ref"].rsplit("/", 1)[-1]

    file = schema["components"]["schemas"][ref]["properties"]["file"]
    assert (file["type"], file["format"]) == ("string", "binary")
    assert "/api/documents/{id}/retry/" in schema["paths"]


def test_a_failed_document_is_retried(
    editor_client, catalog, city, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        created = editor_client.post(
            "/api/documents/",
            {"file": SimpleUploadedFile("plan.txt", PLAN.encode())},
            format="multipart",
        )
    document = Document.objects.get(pk=created.json()["id"])
    document.mentions.all().delete()
    Document.objects.filter(pk=document.pk).update(
        status=DocumentStatus.FAILED, error="OperationalError: gone"
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(f"/api/documents/{document.pk}/retry/")

    assert response.status_code == 202
    assert response.json()["status"] == "pending"
    document.refresh_from_db()
    assert (document.status, document.error) == (DocumentStatus.DONE, "")
    assert document.mentions.count() == 1


def test_only_a_failed_document_can_be_retried(editor_client, plan):
    response = editor_client.post(f"/api/documents/{plan.pk}/retry/")

    assert response.status_code == 400
    assert "只有处理失败的文件可以重试" in str(response.json())


def test_readers_cannot_retry(reader_client, plan):
    Document.objects.filter(pk=plan.pk).update(status=DocumentStatus.FAILED)
    assert reader_client.post(f"/api/documents/{plan.pk}/retry/").status_code == 403


def test_uploading_a_failed_documents_content_again_queues_it_again(
    editor_client, catalog, city, django_capture_on_commit_callbacks
):
    """Issue 14, item 10: a re-upload of a failed document is a retry, not a 200
    that queues nothing."""
    with django_capture_on_commit_callbacks(execute=True):
        created = editor_client.post(
            "/api/documents/",
            {"file": SimpleUploadedFile("plan.txt", PLAN.encode())},
            format="multipart",
        )
    document = Document.objects.get(pk=created.json()["id"])
    document.mentions.all().delete()
    Document.objects.filter(pk=document.pk).update(
        status=DocumentStatus.FAILED, error="IntegrityError: raced"
    )

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        again = editor_client.post(
            "/api/documents/",
            {"file": SimpleUploadedFile("plan-again.txt", PLAN.encode())},
            format="multipart",
        )

    assert again.status_code == 202
    assert (again.json()["id"], again.json()["status"]) == (document.pk, "pending")
    assert len(callbacks) == 1
    callbacks[0]()
    document.refresh_from_db()
    assert (document.status, document.error) == (DocumentStatus.DONE, "")
    assert document.mentions.count() == 1
    assert Document.objects.count() == 1
