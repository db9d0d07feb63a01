from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "redbrolly.core"
    label = "core"
    verbose_name = "Organisation and audit"

    def ready(self) -> None:
        from redbrolly.core.reference import ensure_reference_data

        post_migrate.connect(ensure_reference_data, dispatch_uid="redbrolly.core.reference")
