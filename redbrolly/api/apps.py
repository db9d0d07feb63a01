from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "redbrolly.api"
    label = "api"
