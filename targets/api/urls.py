"""/api/: the router, the 赛马 endpoints, the schema and a local Swagger UI."""

from __future__ import annotations

from django.urls import include, path, re_path
from django.views.static import serve
from drf_spectacular.views import SpectacularAPIView
from rest_framework.permissions import IsAuthenticated

from config.routers import Router
from reports.saima.api import router as saima_router
from targets.api import views
from targets.api.docs import SWAGGER_ASSETS, LocalSwaggerView

app_name = "api"

router = Router()
router.register("regions", views.RegionViewSet, basename="region")
router.register("indicators", views.IndicatorViewSet, basename="indicator")
router.register("documents", views.DocumentViewSet, basename="document")
router.register("targets", views.TargetViewSet, basename="target")
router.register("actuals", views.ActualViewSet, basename="actual")
router.register("flags", views.FlagViewSet, basename="flag")
router.register("exports", views.ExportViewSet, basename="export")

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
    path("saima/", include(Router.copy_of(saima_router).urls)),
    path("", include(router.urls)),
]
