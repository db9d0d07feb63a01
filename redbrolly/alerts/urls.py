from django.urls import path

from redbrolly.alerts import views

app_name = "alerts"

urlpatterns = [
    path("alerts/", views.feed, name="feed"),
    path("alerts/archive/", views.archive, name="archive"),
    path("alerts/<int:pk>/", views.detail, name="detail"),
    path("alerts/bulletin/", views.bulletin_view, name="bulletin"),
    path("alerts/reviews/", views.reviews, name="reviews"),
    path("alerts/reviews/<int:pk>/", views.review, name="review"),
    path("staff/alerts/", views.staff_list, name="staff_list"),
    path("staff/alerts/new/", views.draft_new, name="draft_new"),
    path("staff/alerts/<int:pk>/", views.staff_detail, name="staff_detail"),
    path("staff/alerts/<int:pk>/edit/", views.edit, name="edit"),
    path("staff/alerts/<int:pk>/flags/", views.flag_resolve, name="flag_resolve"),
    path("staff/alerts/<int:pk>/submit/", views.submit, name="submit"),
    path("staff/alerts/<int:pk>/approve/", views.approve, name="approve"),
    path("staff/alerts/<int:pk>/send-back/", views.send_back, name="send_back"),
    path("staff/alerts/<int:pk>/ask-reporter/", views.ask_reporter, name="ask_reporter"),
    path("staff/alerts/<int:pk>/translation/", views.translation, name="translation"),
    path("staff/alerts/<int:pk>/update/", views.update, name="update"),
    path("staff/alerts/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path(
        "staff/alerts/<int:pk>/updates/<int:update_pk>/approve/",
        views.update_approve,
        name="update_approve",
    ),
    path(
        "staff/alerts/<int:pk>/updates/<int:update_pk>/change/",
        views.update_change,
        name="update_change",
    ),
    path(
        "staff/alerts/<int:pk>/translations/<str:language>/approve/",
        views.translation_approve,
        name="translation_approve",
    ),
    path("staff/alerts/<int:pk>/deliveries/", views.deliveries, name="deliveries"),
]
