"""What the organisation maintains itself: teams, the risk checklist, outcomes, services.

Cases are deliberately absent: case content is for caseworkers and their supervisors only,
never for administrators.
"""

from django.contrib import admin

from redbrolly.casework.models import OutcomeOption, RiskItem, RiskLevel, Service, Team


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "supervisor"]
    filter_horizontal = ["members"]


@admin.register(RiskItem)
class RiskItemAdmin(admin.ModelAdmin):
    list_display = ["text", "weight", "sort_order", "active"]
    list_editable = ["weight", "sort_order", "active"]


@admin.register(RiskLevel)
class RiskLevelAdmin(admin.ModelAdmin):
    list_display = ["label", "min_score", "guidance"]


@admin.register(OutcomeOption)
class OutcomeOptionAdmin(admin.ModelAdmin):
    list_display = ["label", "code", "sort_order", "active"]


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "active"]
    list_filter = ["kind", "active", "regions"]
    search_fields = ["name"]
    filter_horizontal = ["regions"]
