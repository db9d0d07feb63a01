from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "redbrolly.notify"
    label = "notify"
