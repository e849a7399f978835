"""Swagger UI with its assets served locally (planning offices are often offline)."""

from __future__ import annotations

from pathlib import Path

import drf_spectacular_sidecar
from django.urls import reverse
from drf_spectacular.views import SpectacularSwaggerView

SWAGGER_ASSETS = (
    Path(drf_spectacular_sidecar.__file__).resolve().parent
    / "static"
    / "drf_spectacular_sidecar"
    / "swagger-ui-dist"
)


class LocalSwaggerView(SpectacularSwaggerView):
    @staticmethod
    def _swagger_ui_resource(filename: str) -> str:
        return reverse("api:docs-assets", args=[filename])

    @staticmethod
    def _swagger_ui_favicon() -> str:
        return reverse("api:docs-assets", args=["favicon-32x32.png"])
