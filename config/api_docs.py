"""Swagger UI with its assets served locally (planning offices are often offline)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

import drf_spectacular_sidecar
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from drf_spectacular.views import SpectacularSwaggerView
from rest_framework.exceptions import AuthenticationFailed, NotAuthenticated

SWAGGER_ASSETS = (
    Path(drf_spectacular_sidecar.__file__).resolve().parent
    / "static"
    / "drf_spectacular_sidecar"
    / "swagger-ui-dist"
)


class LocalSwaggerView(SpectacularSwaggerView):
    def handle_exception(self, exc: Exception) -> HttpResponse:
        # People open the docs in a browser: send them to sign in, then back here.
        if isinstance(exc, NotAuthenticated | AuthenticationFailed):
            return HttpResponseRedirect(
                f"{reverse('login')}?{urlencode({'next': self.request.path})}"
            )
        return super().handle_exception(exc)

    @staticmethod
    def _swagger_ui_resource(filename: str) -> str:
        return reverse("api:docs-assets", args=[filename])

    @staticmethod
    def _swagger_ui_favicon() -> str:
        return reverse("api:docs-assets", args=["favicon-32x32.png"])
