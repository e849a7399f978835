"""The write throttle lives in config.throttling (it fails open on a cache outage)."""

from __future__ import annotations

from config.throttling import WriteThrottle

__all__ = ["WriteThrottle"]
