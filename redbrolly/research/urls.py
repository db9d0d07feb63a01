from django.urls import path

from redbrolly.research import staff_views, views

app_name = "research"

urlpatterns = [
    # Participants: public, no account (the study link and its QR code point here).
    path("study/<slug:slug>/", views.study_home, name="study"),
    path("study/<slug:slug>/eligibility/", views.eligibility, name="eligibility"),
    path("study/<slug:slug>/consent/", views.consent, name="consent"),
    path("study/<slug:slug>/questionnaire/", views.questionnaire, name="questionnaire"),
    path("study/<slug:slug>/membership/", views.membership, name="membership"),
    path("study/<slug:slug>/you/", views.participant_home, name="participant"),
    path("study/<slug:slug>/you/reminders/", views.stop_reminders, name="stop_reminders"),
    path("study/<slug:slug>/you/withdraw/", views.withdraw, name="withdraw"),
    path("study/<slug:slug>/you/leave/", views.leave, name="leave"),
    path("study/<slug:slug>/continue/", views.resume, name="resume"),
    path("study/<slug:slug>/continue/<str:signed>/", views.resume_link, name="resume_link"),
    # Members: the invitation in the member area.
    path("me/studies/", views.member_studies, name="member_studies"),
    # Researchers.
    path("staff/research/", staff_views.studies, name="studies"),
    path("staff/research/new/", staff_views.study_new, name="study_new"),
    path("staff/research/<slug:slug>/", staff_views.dashboard, name="dashboard"),
    path("staff/research/<slug:slug>/settings/", staff_views.study_settings, name="study_settings"),
    path("staff/research/<slug:slug>/consent/", staff_views.consent_edit, name="consent_edit"),
    path("staff/research/<slug:slug>/instruments/", staff_views.instruments, name="instruments"),
    path(
        "staff/research/<slug:slug>/instruments/<str:instrument_id>/",
        staff_views.instrument_preview,
        name="instrument_preview",
    ),
    path("staff/research/<slug:slug>/flyer.pdf", staff_views.flyer_pdf, name="flyer"),
    path("staff/research/<slug:slug>/incentives/", staff_views.incentives, name="incentives"),
    path(
        "staff/research/<slug:slug>/incentives/<int:pk>/",
        staff_views.incentive_record,
        name="incentive_record",
    ),
    path("staff/research/<slug:slug>/close/", staff_views.study_close, name="study_close"),
    path("staff/research/<slug:slug>/export/", staff_views.export, name="export"),
    path(
        "staff/research/<slug:slug>/export/<str:filename>",
        staff_views.export_file,
        name="export_file",
    ),
]
