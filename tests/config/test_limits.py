"""Item 9: request bodies over the limit are refused before anything reads them."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import RequestFactory

from config.limits import RequestBodyLimitMiddleware


class Unreadable(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def read(self, *args, **kwargs):
        raise AssertionError("the body was read")

    readline = readinto = read


def _view(request):
    request.body  # noqa: B018 - a view that reads its body
    return HttpResponse("read")


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/api/saima/import/", "application/json"),
        ("/api/documents/", "application/json"),
        ("/admin/reports/monthlyfigure/upload/", "text/plain; charset=utf-8"),
    ],
)
def test_a_body_over_the_limit_is_a_413_without_reading_it(
    settings, path, content_type
):
    settings.DABIAO_MAX_REQUEST_BYTES = 1024 * 1024
    request = RequestFactory().post(path, data=b"", content_type="text/csv")
    request.META["CONTENT_LENGTH"] = str(200 * 1024 * 1024)
    request.META["wsgi.input"] = Unreadable()
    request._stream = Unreadable()

    response = RequestBodyLimitMiddleware(_view)(request)

    assert response.status_code == 413
    assert response["Content-Type"] == content_type
    assert "上传内容过大" in response.content.decode()
    assert "1 MB" in response.content.decode()


def test_a_body_within_the_limit_reaches_the_view(settings):
    settings.DABIAO_MAX_REQUEST_BYTES = 1024
    request = RequestFactory().post(
        "/api/x/", data=b"a" * 1024, content_type="text/csv"
    )

    assert RequestBodyLimitMiddleware(_view)(request).content == b"read"


def test_a_bad_content_length_is_a_400(settings):
    request = RequestFactory().post("/api/x/", data=b"", content_type="text/csv")
    request.META["CONTENT_LENGTH"] = "lots"

    assert RequestBodyLimitMiddleware(_view)(request).status_code == 400


def test_the_saima_import_over_the_limit_stores_nothing(editor_client, settings):
    from saima.models import FigureImport

    settings.DABIAO_MAX_REQUEST_BYTES = 4096
    csv = "月份,地区,指标,口径,数值,单位\n" + "2024-06,南陵县,x,增速,1,%\n" * 400
    upload = SimpleUploadedFile("june.csv", csv.encode(), "text/csv")

    response = editor_client.post(
        "/api/saima/import/", {"file": upload}, format="multipart"
    )

    assert response.status_code == 413
    assert "上传内容过大" in response.json()["detail"]
    assert FigureImport.objects.count() == 0


def test_the_limits_are_configured_and_the_middleware_runs_first(settings):
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 10 * 1024 * 1024
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 10 * 1024 * 1024
    # Room for the loader's largest document, and not much more.
    from targets.extraction.loading import MAX_INPUT_BYTES

    assert MAX_INPUT_BYTES < settings.DABIAO_MAX_REQUEST_BYTES
    assert settings.DABIAO_MAX_REQUEST_BYTES <= 2 * MAX_INPUT_BYTES
    middleware = settings.MIDDLEWARE
    limit = middleware.index("config.limits.RequestBodyLimitMiddleware")
    assert limit < middleware.index("django.middleware.csrf.CsrfViewMiddleware")
    assert limit < middleware.index(
        "django.contrib.sessions.middleware.SessionMiddleware"
    )
