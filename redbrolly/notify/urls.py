from django.urls import path

from redbrolly.notify import views

app_name = "notify"

urlpatterns = [path("staff/outbox/", views.outbox, name="outbox")]
