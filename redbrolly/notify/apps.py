from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "redbrolly.notify"
    label = "notify"

    def ready(self) -> None:
        from redbrolly.lib import exports, jobs
        from redbrolly.notify.selectors import member_data
        from redbrolly.notify.services import send_due

        jobs.register("notify.send_due", every=2)(send_due)
        exports.register("notify", member_data)
