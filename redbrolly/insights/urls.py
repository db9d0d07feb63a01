from django.urls import path

from redbrolly.insights import views

app_name = "insights"

urlpatterns = [
    path("staff/insights/", views.landing, name="landing"),
    path("staff/evaluation/", views.evaluation, name="evaluation"),
    path("staff/evaluation/report.pdf", views.evaluation_pdf, name="evaluation_pdf"),
    path("staff/evaluation/<int:study_id>/", views.evaluation, name="evaluation_study"),
    path(
        "staff/evaluation/<int:study_id>/report.pdf",
        views.evaluation_pdf,
        name="evaluation_study_pdf",
    ),
]
