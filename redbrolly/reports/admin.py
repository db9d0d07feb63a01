"""Only the retention policy is edited in the admin; reports are read through moderation
(which audits every opening), never through the admin."""

from django.contrib import admin

from redbrolly.reports.models import RetentionPolicy


@admin.register(RetentionPolicy)
class RetentionPolicyAdmin(admin.ModelAdmin):
    list_display = ["organisation", "contact_days", "evidence_days", "draft_hours"]
