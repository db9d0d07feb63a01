from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from redbrolly.insights.models import CostAssumptions, RoleSalary
from redbrolly.lib import audit


class RoleSalaryInline(admin.TabularInline):
    model = RoleSalary
    extra = 0


@admin.register(CostAssumptions)
class CostAssumptionsAdmin(admin.ModelAdmin):
    """One row of the organisation's unit costs; the evaluation's cost table reads it."""

    inlines = [RoleSalaryInline]
    list_display = ["__str__", "updated_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return super().has_add_permission(request) and not CostAssumptions.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        audit.log(request.user, "insights.cost_assumptions.changed", obj, fields=form.changed_data)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        super().save_formset(request, form, formset, change)
        changed = [f.instance.role for f in formset.forms if f.has_changed()]
        if changed:
            audit.log(request.user, "insights.role_salaries.changed", form.instance, roles=changed)
