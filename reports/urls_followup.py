from __future__ import annotations

from django.urls import path

from reports import views_followup as views

app_name = "followup"

urlpatterns = [
    path("flags/", views.FlagListView.as_view(), name="flags"),
    path("flags/<int:pk>/", views.FlagDetailView.as_view(), name="flag"),
    path(
        "flags/evidence/<int:pk>/",
        views.FlagEvidenceView.as_view(),
        name="flag-evidence",
    ),
    path("fill/", views.FillView.as_view(), name="fill"),
    path("fill/review/", views.ApprovalView.as_view(), name="approval"),
    path("fill/evidence/<int:pk>/", views.EvidenceView.as_view(), name="evidence"),
    path("changes/", views.ChangesView.as_view(), name="changes"),
]
