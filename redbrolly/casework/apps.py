from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "redbrolly.casework"
    label = "casework"
    verbose_name = "Casework"

    def ready(self) -> None:
        from redbrolly.casework.services import retention_apply
        from redbrolly.lib import jobs

        # Daily is enough: retention is counted in years.
        jobs.register("casework.retention", every=24 * 3600)(retention_apply)
