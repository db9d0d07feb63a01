"""A member's own reports, for "Download my data" (lib/exports.py)."""

from __future__ import annotations

from typing import Any

from redbrolly.reports.selectors import reports_of_member


def member_reports(user: Any) -> list[dict[str, Any]]:
    reports = reports_of_member(user).prefetch_related(
        "incident_types", "perpetrators__identifiers", "messages"
    )
    return [report_data(report) for report in reports]


def report_data(report: Any) -> dict[str, Any]:
    return {
        "reference": report.reference,
        "submitted_on": report.submitted_on.isoformat(),
        "status": report.status,
        "consent_level": report.consent_level,
        "withdrawn": report.withdrawn_at is not None,
        "incident_types": [t.code for t in report.incident_types.all()],
        "region": report.region.code,
        "area": report.area,
        "occurred_on": report.occurred_on.isoformat(),
        "setting": report.setting,
        "narrative": report.narrative,
        "wants_support": report.wants_support,
        "perpetrators": [
            {
                "names": person.names,
                "description": person.description,
                "behaviour": person.behaviour,
                "identifiers": [
                    {"kind": i.kind, "value": i.value} for i in person.identifiers.all()
                ],
            }
            for person in report.perpetrators.all()
        ],
        "messages": [
            {"from_staff": m.from_staff, "sent_on": m.sent_on.isoformat(), "body": m.body}
            for m in report.messages.all()
        ],
    }
