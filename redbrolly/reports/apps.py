from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "redbrolly.reports"
    label = "reports"
