from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "redbrolly.insights"
    label = "insights"
