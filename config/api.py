"""/api/: one router over the apps' viewsets, the schema and a local Swagger UI.

Each app lists its own routes (``targets.api.urls``, ``reports.api``, ``saima.api``);
this is the only place that knows them all."""

from __future__ import annotations

from django.urls import path, re_path
from django.views.static import serve
from drf_spectacular.views import SpectacularAPIView
from rest_framework.permissions import IsAuthenticated

from config.api_docs import SWAGGER_ASSETS, LocalSwaggerView
from config.routers import Router
from reports.api import ROUTES as REPORTS_ROUTES
from saima.api import ROUTES as SAIMA_ROUTES
from targets.api.urls import ROUTES as TARGETS_ROUTES

app_name = "api"

router = Router()
for prefix, viewset, basename in [*TARGETS_ROUTES, *REPORTS_ROUTES, *SAIMA_ROUTES]:
    router.register(prefix, viewset, basename=basename)

urlpatterns = [
    path(
        "schema/",
        SpectacularAPIView.as_view(permission_classes=[IsAuthenticated]),
        name="schema",
    ),
    path(
        "docs/",
        LocalSwaggerView.as_view(
            url_name="api:schema", permission_classes=[IsAuthenticated]
        ),
        name="docs",
    ),
    # Swagger UI's own files come from the pinned drf-spectacular-sidecar package,
    # served from here so the docs work offline and without collectstatic.
    re_path(
        r"^docs/assets/(?P<path>[\w.\-]+)$",
        serve,
        {"document_root": SWAGGER_ASSETS},
        name="docs-assets",
    ),
    *router.urls,
]
