from django.apps import AppConfig


class CheckerConfig(AppConfig):
    name = "redbrolly.checker"
    label = "checker"
