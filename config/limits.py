"""Refuse request bodies over the limit from the Content-Length header, unread.

Django checks DATA_UPLOAD_MAX_MEMORY_SIZE only for form fields and raw bodies; the
file parts of a multipart upload are streamed to disk whatever their size, and the
upload views then read them whole. This middleware answers 413 before a byte of
the body is read, for every view (documents, 赛马 import, admin uploads).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse

# A 64 MB document (the loader's MAX_INPUT_BYTES) plus the multipart envelope.
DEFAULT_MAX_REQUEST_BYTES = 65 * 1024 * 1024


def max_request_bytes() -> int:
    return int(getattr(settings, "DABIAO_MAX_REQUEST_BYTES", DEFAULT_MAX_REQUEST_BYTES))


def too_large_message(limit: int) -> str:
    return f"上传内容过大:请求体不能超过 {limit / (1024 * 1024):.0f} MB。"


class RequestBodyLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = max_request_bytes()
        raw = request.META.get("CONTENT_LENGTH") or "0"
        try:
            length = int(raw)
        except ValueError:
            return _answer(request, 400, "请求头 Content-Length 无效。")
        if length > limit:
            return _answer(request, 413, too_large_message(limit))
        return self.get_response(request)


def _answer(request: HttpRequest, status: int, message: str) -> HttpResponse:
    # The body stays unread; close the connection so the client stops sending it.
    if request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse(
            {"detail": message},
            status=status,
            json_dumps_params={"ensure_ascii": False},
        )
    else:
        response = HttpResponse(
            message, status=status, content_type="text/plain; charset=utf-8"
        )
    response["Connection"] = "close"
    return response
