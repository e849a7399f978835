from __future__ import annotations

from django.urls import path

from reports import views_review as views

app_name = "review"

urlpatterns = [
    path("", views.UploadView.as_view(), name="upload"),
    path("status/", views.StatusView.as_view(), name="status"),
    path("documents/<int:pk>/", views.DocumentReviewView.as_view(), name="document"),
    path("documents/<int:pk>/decide/", views.DecideView.as_view(), name="decide"),
    path("documents/<int:pk>/add/", views.AddView.as_view(), name="add"),
    path(
        "documents/<int:pk>/confirm-rest/",
        views.ConfirmRestView.as_view(),
        name="confirm-rest",
    ),
    path("documents/<int:pk>/meta/", views.MetaView.as_view(), name="meta"),
    path(
        "documents/<int:pk>/reprocess/",
        views.ReprocessView.as_view(),
        name="reprocess",
    ),
    path("indicators/merge/", views.MergeIndicatorsView.as_view(), name="merge"),
]
