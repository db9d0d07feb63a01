from django.urls import path

from redbrolly.casework import views

app_name = "casework"

case = "casework/cases/<int:pk>/"

urlpatterns = [
    path("get-support/", views.callback, name="callback"),
    path("get-support/refer/", views.refer, name="refer"),
    path("casework/", views.dashboard, name="dashboard"),
    path("casework/notices/read/", views.notices_read, name="notices_read"),
    path("casework/queue/", views.queue, name="queue"),
    path("casework/team/", views.team, name="team"),
    path("casework/stats/", views.stats, name="stats"),
    path("casework/stats.csv", views.stats_csv, name="stats_csv"),
    path("casework/services/", views.directory, name="directory"),
    path("casework/cases/new/", views.case_new, name="case_new"),
    path(case, views.case_detail, name="case"),
    path(case + "break-glass/", views.break_glass, name="break_glass"),
    path(case + "claim/", views.claim, name="claim"),
    path(case + "assign/", views.assign, name="assign"),
    path(case + "person/", views.person, name="person"),
    path(case + "consent/", views.consent, name="consent"),
    path(case + "risk/", views.risk, name="risk"),
    path(case + "needs/", views.needs, name="needs"),
    path(case + "safety-plan/", views.safety_plan, name="safety_plan"),
    path(case + "notes/new/", views.note, name="note"),
    path(case + "actions/new/", views.action, name="action"),
    path(case + "actions/<int:action_pk>/done/", views.action_done, name="action_done"),
    path(case + "appointments/new/", views.appointment, name="appointment"),
    path(case + "time/new/", views.time, name="time"),
    path(case + "referrals/new/", views.referral_on, name="referral_on"),
    path(
        case + "referrals/<int:referral_pk>/",
        views.referral_on_status,
        name="referral_on_status",
    ),
    path(case + "police-and-court/new/", views.justice, name="justice"),
    path(case + "reports/link/", views.link_report, name="link_report"),
    path(case + "close/", views.close, name="close"),
    path(case + "reopen/", views.reopen, name="reopen"),
]
