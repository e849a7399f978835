"""The targets API's viewsets, mounted with the others by config/api.py."""

from __future__ import annotations

from targets.api import views

ROUTES = [
    ("regions", views.RegionViewSet, "region"),
    ("indicators", views.IndicatorViewSet, "indicator"),
    ("documents", views.DocumentViewSet, "document"),
    ("targets", views.TargetViewSet, "target"),
    ("actuals", views.ActualViewSet, "actual"),
    ("flags", views.FlagViewSet, "flag"),
]
