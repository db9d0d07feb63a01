from django.contrib import admin

from redbrolly.api.models import Partner


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "active", "can_check", "can_report", "lookups_per_minute"]
