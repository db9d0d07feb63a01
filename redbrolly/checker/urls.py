from django.urls import path

from redbrolly.checker import views

app_name = "checker"

urlpatterns = [
    path("check/", views.check, name="check"),
    path("check/bulk/", views.bulk, name="bulk"),
    path("check/report-it/", views.report_it, name="report_it"),
    path("sms/inbound/", views.sms_inbound, name="sms_inbound"),
    path("staff/checker/search/", views.search, name="search"),
    path("staff/checker/flags/", views.flags, name="flags"),
    path("staff/checker/flags/<int:pk>/close/", views.flag_close, name="flag_close"),
    path(
        "staff/checker/suspensions/<int:pk>/lift/",
        views.suspension_lift,
        name="suspension_lift",
    ),
    path("staff/checker/stats/", views.stats, name="stats"),
    path("staff/checker/policy/", views.policy, name="policy"),
]
