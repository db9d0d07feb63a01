from django.urls import path

from redbrolly.notify import views

app_name = "notify"

urlpatterns = [
    path("staff/outbox/", views.outbox, name="outbox"),
    path("me/notifications/", views.push_settings, name="push_settings"),
    path("me/notifications/subscribe/", views.push_subscribe, name="push_subscribe"),
    path("me/notifications/off/", views.push_off, name="push_off"),
]
