from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "redbrolly.reports"
    label = "reports"

    def ready(self) -> None:
        from redbrolly.lib import exports, jobs
        from redbrolly.reports import services
        from redbrolly.reports.exports import member_reports

        jobs.register("reports.drafts_expire", every=600)(services.drafts_expire)
        jobs.register("reports.retention", every=3600)(services.retention_apply)
        jobs.register("reports.referrals", every=120)(services.referrals_retry)
        exports.register("reports", member_reports)
