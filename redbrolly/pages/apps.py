from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "redbrolly.pages"
    label = "pages"
