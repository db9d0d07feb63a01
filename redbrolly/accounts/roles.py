"""Staff roles: Django groups with explicit permissions, kept in step with this table.

Adding a permission to an app means adding it here for the roles that need it. Nothing
grants case content to anyone but caseworkers and their supervisors.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.utils.translation import gettext_lazy as _


class Role(StrEnum):
    MODERATOR = "moderator"
    CASEWORKER = "caseworker"
    CASE_SUPERVISOR = "case_supervisor"
    ANALYST = "analyst"
    RESEARCHER = "researcher"
    ADMIN = "admin"


ROLE_LABELS = {
    Role.MODERATOR: _("Moderator / alerts officer"),
    Role.CASEWORKER: _("Caseworker (ISVA)"),
    Role.CASE_SUPERVISOR: _("Case supervisor"),
    Role.ANALYST: _("Analyst"),
    Role.RESEARCHER: _("Researcher"),
    Role.ADMIN: _("Administrator"),
}

ROLE_PERMISSIONS: dict[Role, list[str]] = {
    Role.MODERATOR: [
        "accounts.review_membership",
        "reports.moderate_report",
        "reports.view_report",
        "alerts.draft_alert",
        "alerts.approve_alert",
        "checker.search_identifiers",
        "linkage.view_profile",
        "linkage.confirm_link",
    ],
    Role.CASEWORKER: ["casework.work_cases", "reports.take_phone_report"],
    Role.CASE_SUPERVISOR: [
        "casework.work_cases",
        "casework.supervise_cases",
        "core.view_auditentry",
        "reports.take_phone_report",
    ],
    Role.ANALYST: [
        "insights.view_statistics",
        "checker.search_identifiers",
        "linkage.view_profile",
        "linkage.confirm_link",
        "linkage.export_intelligence",
        "reports.view_report",
    ],
    Role.RESEARCHER: ["research.run_study", "research.export_study", "insights.view_statistics"],
    Role.ADMIN: [
        "accounts.review_membership",
        "accounts.revoke_sessions",
        "accounts.view_user",
        "accounts.change_user",
        "core.view_auditentry",
        "core.change_organisation",
        "core.view_organisation",
        "core.add_region",
        "core.change_region",
        "core.view_region",
        "core.add_incidenttype",
        "core.change_incidenttype",
        "core.view_incidenttype",
        "api.manage_partners",
        "notify.view_outboxemail",
        "alerts.view_alertpolicy",
        "alerts.change_alertpolicy",
        "insights.view_costassumptions",
        "insights.change_costassumptions",
        "insights.view_rolesalary",
        "insights.add_rolesalary",
        "insights.change_rolesalary",
        "insights.delete_rolesalary",
        "casework.view_team",
        "casework.add_team",
        "casework.change_team",
        "casework.view_riskitem",
        "casework.add_riskitem",
        "casework.change_riskitem",
        "casework.view_risklevel",
        "casework.add_risklevel",
        "casework.change_risklevel",
        "casework.view_outcomeoption",
        "casework.add_outcomeoption",
        "casework.change_outcomeoption",
        "casework.view_service",
        "casework.add_service",
        "casework.change_service",
        "insights.view_statistics",
    ],
}

STAFF_ROLES = frozenset(role.value for role in Role)


def sync_roles(**kwargs: Any) -> None:
    from django.apps import apps
    from django.contrib.auth.models import Group, Permission

    if kwargs.get("app_config") is not list(apps.get_app_configs())[-1]:
        return
    for role, names in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role.value)
        group.permissions.set(find_permissions(Permission, names))


def find_permissions(permission_model: Any, names: list[str]) -> list[Any]:
    """Permissions of apps not yet built are skipped; they join once their app defines them."""
    found = []
    for name in names:
        app_label, codename = name.split(".")
        found.extend(
            permission_model.objects.filter(content_type__app_label=app_label, codename=codename)
        )
    return found
