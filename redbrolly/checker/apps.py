from django.apps import AppConfig


class CheckerConfig(AppConfig):
    name = "redbrolly.checker"
    label = "checker"
    verbose_name = "Checker"

    def ready(self) -> None:
        from redbrolly.checker import selectors, services
        from redbrolly.lib import exports, jobs

        jobs.register("checker.index_fragments", every=60)(services.index_fragments)
        jobs.register("checker.detect_enumeration", every=60)(services.detect_enumeration)
        jobs.register("checker.forget_old_details", every=3600)(services.forget_old_details)
        exports.register("checker", selectors.lookups_export)
