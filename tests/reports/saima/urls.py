"""Mounts the 赛马 API where the project mounts it, for tests independent of
config/urls.py."""

from __future__ import annotations

from django.urls import include, path

from reports.saima.api import urlpatterns as saima_urls

urlpatterns = [path("api/saima/", include(saima_urls))]
