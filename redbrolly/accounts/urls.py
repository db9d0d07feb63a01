from django.urls import path

from redbrolly.accounts import views

app_name = "accounts"

urlpatterns = [
    path("me/", views.home, name="home"),
    path("me/preferences/", views.preferences, name="preferences"),
    path("me/contact/", views.contact, name="contact"),
    path("me/data/", views.my_data, name="my_data"),
    path("me/delete/", views.delete_account, name="delete"),
    path("staff/", views.staff_home, name="staff_home"),
    path("staff/applications/", views.applications, name="applications"),
    path("staff/applications/<int:pk>/", views.application, name="application"),
    path(
        "staff/applications/<int:pk>/proofs/<int:proof_pk>/",
        views.application_proof,
        name="application_proof",
    ),
    path("staff/people/", views.people, name="people"),
    path("staff/people/<int:pk>/revoke-sessions/", views.revoke_sessions, name="revoke_sessions"),
]
