"""The API write throttle, failing open when its cache is down."""

from __future__ import annotations

import logging
from typing import Any

from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework.throttling import ScopedRateThrottle

from config.outages import OUTAGE_ERRORS

log = logging.getLogger(__name__)


class WriteThrottle(ScopedRateThrottle):
    """The "writes" rate (settings: API_WRITE_THROTTLE) per user, on writes only.

    Reads are not throttled: the review page and other systems page through lists.
    The counters live in the cache; when it is unreachable the request goes through
    (and is logged) rather than failing: a throttle must not turn a cache outage
    into an API outage.
    """

    def allow_request(self, request: Request, view: Any) -> bool:
        if request.method in SAFE_METHODS:
            return True
        try:
            return super().allow_request(request, view)
        except OUTAGE_ERRORS as exc:
            log.warning("write throttle skipped, cache unreachable: %s", exc)
            return True
