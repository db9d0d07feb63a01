"""Every URL of redbrolly. Each view declares who may use it (lib/access.py)."""

from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from redbrolly.api.api import urlpatterns as api_urlpatterns
from redbrolly.lib.access import public

admin.site.site_header = "redbrolly administration"
admin.site.site_title = "redbrolly"

urlpatterns = [
    # First: every API call resolves here without walking the rest.
    path("api/v1/", (api_urlpatterns(), "api-v1", "api-v1")),
    path("", include("redbrolly.pages.urls")),
    path("", include("redbrolly.core.urls")),
    path("", include("redbrolly.accounts.urls")),
    path("", include("redbrolly.notify.urls")),
    path("", include("redbrolly.api.urls")),
    path("", include("redbrolly.reports.urls")),
    path("", include("redbrolly.alerts.urls")),
    path("", include("redbrolly.checker.urls")),
    path("", include("redbrolly.linkage.urls")),
    path("", include("redbrolly.casework.urls")),
    path("", include("redbrolly.research.urls")),
    path("", include("redbrolly.insights.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/setlang/", public(set_language), name="set_language"),
    path("admin/", admin.site.urls),
]
