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


def _docx_bytes(text: str) -> bytes:
    import io

    import docx

    word = docx.Document()
    for line in text.splitlines():
        word.add_paragraph(line)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def test_the_web_request_stores_the_file_and_the_worker_parses_it(
    editor_client, catalog, city, monkeypatch, django_capture_on_commit_callbacks
):
    """Issue 14, item 6: no .docx or PDF parser runs inside the upload request."""
    from targets.extraction import loading

    real_docx = loading._docx
    in_request = {"parsing": True}

    def guarded(data: bytes) -> str:
        assert not in_request["parsing"], "the web request parsed the .docx"
        return real_docx(data)

    monkeypatch.setattr(loading, "_docx", guarded)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = editor_client.post(
            "/api/documents/",
            {"file": SimpleUploadedFile("plan.docx", _docx_bytes(PLAN))},
            format="multipart",
        )
    assert response.status_code == 201, response.json()
    document = Document.objects.get()
    assert document.text == ""

    in_request["parsing"] = False
    callbacks[0]()  # the queued ingest task

    document.refresh_from_db()
    assert document.status == DocumentStatus.DONE
    assert "750家" in document.text
    assert document.mentions.count() == 1


def test_a_docx_bomb_is_refused_in_the_request_from_its_zip_directory(
    editor_client, monkeypatch
):
    import io
    import zipfile

    from targets.extraction import loading

    monkeypatch.setattr(loading, "_docx", lambda data: 1 / 0)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as handle:
            for _ in range(40):
                handle.write(b" " * (1024 * 1024))

    response = editor_client.post(
        "/api/documents/",
        {"file": SimpleUploadedFile("bomb.docx", buf.getvalue())},
        format="multipart",
    )

    assert response.status_code == 400
    assert "无法读取文件“bomb.docx”" in str(response.json())
    assert not Document.objects.exists()


def test_an_unreadable_pdf_fails_in_the_worker_with_its_reason(
    editor_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            "/api/documents/",
            {"file": SimpleUploadedFile("broken.pdf", b"%PDF-1.4\nnot really")},
            format="multipart",
        )

    assert response.status_code == 201
    document = Document.objects.get()
    assert document.status == DocumentStatus.FAILED
    assert document.error.startswith("无法读取文件“broken.pdf”")
