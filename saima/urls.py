from __future__ import annotations

from django.urls import path

from saima import views

app_name = "saima"

urlpatterns = [
    path("saima/", views.SaimaView.as_view(), name="page"),
    path("saima/export/", views.SaimaExportView.as_view(), name="export"),
]
