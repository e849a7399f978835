from __future__ import annotations

from typing import Any

from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework.throttling import ScopedRateThrottle


class WriteThrottle(ScopedRateThrottle):
    """The "writes" rate (settings: API_WRITE_THROTTLE) per user, on writes only.

    Reads are not throttled: the review page and other systems page through lists.
    """

    def allow_request(self, request: Request, view: Any) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return super().allow_request(request, view)


class WriteThrottled:
    """Mixin for viewsets with writes: the "writes" rate on POST/PUT/PATCH/DELETE."""

    throttle_classes = [WriteThrottle]
    throttle_scope = "writes"
