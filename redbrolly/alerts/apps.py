from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "redbrolly.alerts"
    label = "alerts"

    def ready(self) -> None:
        from redbrolly.alerts.selectors import member_data
        from redbrolly.alerts.services import alerts_withdraw_without_consent
        from redbrolly.lib import exports, jobs

        exports.register("alerts", member_data)
        jobs.register("alerts.withdraw_without_consent", every=60)(alerts_withdraw_without_consent)
