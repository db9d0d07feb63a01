from django.contrib import admin

from redbrolly.alerts.models import AlertPolicy


@admin.register(AlertPolicy)
class AlertPolicyAdmin(admin.ModelAdmin):
    """The organisation's approval and masking rules; alerts themselves go through services."""

    list_display = ["organisation", "single_danger_out_of_hours", "default_expiry_days"]
