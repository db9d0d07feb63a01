from django.apps import AppConfig


class ResearchConfig(AppConfig):
    name = "redbrolly.research"
    label = "research"
