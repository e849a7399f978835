from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from reports.urls import auth_urlpatterns

admin.site.site_header = "达标 · 目标完成情况管理"
admin.site.site_title = "达标管理后台"
admin.site.index_title = "数据管理"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("config.api")),
    path("", include(auth_urlpatterns)),
    path("review/", include("reports.urls_review")),
    path("", include("reports.urls_followup")),
    path("", include("reports.urls")),
    path("", include("saima.urls")),
]
# No media URL, whatever DEBUG is: files leave only through views that check the
# user (config/files.py).
handler404 = "config.errors.page_not_found"
