from django.urls import path

from redbrolly.pages import views

app_name = "pages"

urlpatterns = [
    path("", views.home, name="home"),
    path("get-help/", views.get_help, name="get_help"),
    path("privacy/", views.privacy, name="privacy"),
    path("staying-safe/", views.staying_safe_online, name="staying_safe"),
]
