from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CaseworkConfig(AppConfig):
    name = "redbrolly.casework"
    label = "casework"
    verbose_name = "Casework"

    def ready(self) -> None:
        from redbrolly.casework.selectors import reporter_details
        from redbrolly.casework.services import retention_apply
        from redbrolly.lib import jobs
        from redbrolly.reports import reporters

        # Daily is enough: retention is counted in years.
        jobs.register("casework.retention", every=24 * 3600)(retention_apply)
        post_migrate.connect(restore_defaults, dispatch_uid="redbrolly.casework.defaults")
        reporters.register(reporter_details)


def restore_defaults(**kwargs: Any) -> None:
    """A flushed database (tests, a reset) gets the default checklist and outcomes back."""
    from django.apps import apps

    from redbrolly.casework.defaults import add_defaults

    if kwargs.get("app_config") is None or kwargs["app_config"].label != "casework":
        return
    add_defaults(apps)
