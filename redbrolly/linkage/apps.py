from django.apps import AppConfig


class LinkageConfig(AppConfig):
    name = "redbrolly.linkage"
    label = "linkage"
