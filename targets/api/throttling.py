"""The write throttle lives in config.throttling (it fails open on a cache outage)."""

from __future__ import annotations

from config.throttling import WriteThrottle


class WriteThrottled:
    """Mixin for viewsets with writes: the "writes" rate on POST/PUT/PATCH/DELETE."""

    throttle_classes = [WriteThrottle]
    throttle_scope = "writes"
