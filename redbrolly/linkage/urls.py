from django.urls import path

from redbrolly.linkage import views

app_name = "linkage"

urlpatterns = [
    path("staff/linkage/", views.suggestions, name="suggestions"),
    path("staff/linkage/alike/", views.alike, name="alike"),
    path("staff/linkage/same/", views.same, name="same"),
    path("staff/linkage/apart/", views.apart, name="apart"),
    path("staff/linkage/decide/", views.decide, name="decide"),
    path("staff/linkage/profiles/", views.profiles, name="profiles"),
    path("staff/linkage/profiles/<int:pk>/", views.profile, name="profile"),
    path("staff/linkage/profiles/<int:pk>/add/", views.profile_add, name="profile_add"),
    path(
        "staff/linkage/profiles/<int:pk>/intelligence.csv",
        views.intelligence,
        name="intelligence",
    ),
]
