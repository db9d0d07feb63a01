"""Reports: public intake and receipts, members' own reports, moderation, phone intake."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.urls import URLPattern, path
from django.views.decorators.http import require_POST

from redbrolly.lib.access import public, staff_required
from redbrolly.reports.views import intake, moderation, reporter

app_name = "reports"

PUBLIC = intake.Intake()
PHONE = intake.Intake(phone=True)


def intake_patterns(
    base: str, flavour: intake.Intake, rule: Callable[[Any], Any], name: str
) -> list[URLPattern]:
    steps = [
        path(f"{base}{step}/", rule(intake.step_view(flavour, step)), name=f"{name}step_{step}")
        for step in intake.STEPS
    ]
    return [
        *steps,
        path(
            f"{base}autosave/",
            require_POST(rule(intake.bound(intake.autosave, flavour))),
            name=f"{name}autosave",
        ),
        path(
            f"{base}start-again/",
            require_POST(rule(intake.bound(intake.discard, flavour))),
            name=f"{name}discard",
        ),
    ]


phone_rule = staff_required("reports.take_phone_report")

urlpatterns = [
    path("report/", public(intake.bound(intake.start, PUBLIC)), name="start"),
    path("report/follow-up/", reporter.follow_up, name="follow_up"),
    path("report/follow-up/report/", reporter.follow_up_report, name="follow_up_report"),
    path("report/follow-up/close/", reporter.follow_up_leave, name="follow_up_leave"),
    path("report/follow-up/do/<slug:action>/", reporter.follow_up_action, name="follow_up_action"),
    path("report/receipt-note/", reporter.receipt_note, name="receipt_note"),
    *intake_patterns("report/", PUBLIC, public, ""),
    path("me/reports/", reporter.mine, name="mine"),
    path("me/reports/<str:reference>/", reporter.mine_report, name="mine_report"),
    path("me/reports/<str:reference>/do/<slug:action>/", reporter.mine_action, name="mine_action"),
    path("staff/reports/", moderation.queue, name="queue"),
    path("staff/reports/phone/", moderation.phone_start, name="phone_start"),
    *intake_patterns("staff/reports/phone/", PHONE, phone_rule, "phone_"),
    path("staff/reports/evidence/<int:pk>/", moderation.attachment, name="attachment"),
    path("staff/reports/<int:pk>/", moderation.detail, name="detail"),
    path("staff/reports/<int:pk>/do/<slug:action>/", moderation.act, name="act"),
]
