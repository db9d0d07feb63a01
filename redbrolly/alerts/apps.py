from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "redbrolly.alerts"
    label = "alerts"
