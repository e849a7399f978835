from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("", views.ReviewView.as_view(), name="review"),
    path("targets/<int:pk>/", views.TargetDetailView.as_view(), name="target"),
    path(
        "exports/scorecard/",
        views.ScorecardRequestView.as_view(),
        name="scorecard-request",
    ),
    path("exports/<int:pk>/", views.ExportStatusView.as_view(), name="export"),
    path(
        "exports/<int:pk>/bulletin/",
        views.ExportBulletinView.as_view(),
        name="export-bulletin",
    ),
    path(
        "exports/<int:pk>/download/",
        views.ExportDownloadView.as_view(),
        name="export-download",
    ),
]

# Outside the app namespace so LoginRequiredMixin and templates can say "login".
auth_urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            redirect_authenticated_user=True, next_page="reports:review"
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(next_page="login"), name="logout"),
]
