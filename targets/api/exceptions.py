"""Services raise Django's ValidationError in Chinese; the API answers 400."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from config.outages import OUTAGE_ERRORS, OUTAGE_MESSAGE


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, OUTAGE_ERRORS):
        # Redis (cache or broker) is down: say so, and that nothing was done.
        return Response({"detail": OUTAGE_MESSAGE}, status=503)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(_detail(exc))
    return drf_exception_handler(exc, context)


def _detail(exc: DjangoValidationError) -> dict[str, Any]:
    if hasattr(exc, "error_dict"):
        detail: dict[str, Any] = {}
        for field, messages in exc.message_dict.items():
            key = "detail" if field == NON_FIELD_ERRORS else field
            detail[key] = " ".join(messages) if key == "detail" else messages
        return detail
    return {"detail": " ".join(exc.messages)}
