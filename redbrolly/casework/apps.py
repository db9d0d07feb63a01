from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "redbrolly.casework"
    label = "casework"
