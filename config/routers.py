"""The API router: numeric ids only and no format-suffix URLs.

DRF's DefaultRouter accepts any text as an id (``/api/targets/abc/`` reached the
database as a lookup and failed with a 500) and adds ``.json`` variants of every
route, which actions without a ``format`` argument answered with a 500. Neither is
part of the documented API; without them such URLs are plain 404s.
"""

from __future__ import annotations

from rest_framework.routers import DefaultRouter


class Router(DefaultRouter):
    include_format_suffixes = False

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._default_value_pattern = "[0-9]+"

    @classmethod
    def copy_of(cls, router: DefaultRouter) -> Router:
        """A Router with the registrations of another app's router."""
        copy = cls()
        for prefix, viewset, basename in router.registry:
            copy.register(prefix, viewset, basename=basename)
        return copy
