from django.urls import path

from redbrolly.core import views

app_name = "core"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("staff/audit/", views.audit_log, name="audit_log"),
    path("staff/audit/<str:object_type>/<str:object_id>/", views.who_viewed, name="who_viewed"),
]
