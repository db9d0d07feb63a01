"""Reads of the outbox that are not trivial."""

from __future__ import annotations

from typing import Any

from django.db.models import Count

from redbrolly.notify.models import Delivery, PushSubscription


def member_data(user: Any) -> dict[str, Any]:
    """What the outbox holds about a member, for their data download (lib/exports)."""
    deliveries = Delivery.objects.filter(recipient=user).order_by("pk")
    return {
        "messages": [
            {
                "channel": row.channel,
                "about": row.purpose,
                "status": row.status,
                "queued": row.created_at.isoformat(),
                "sent": row.sent_at.isoformat() if row.sent_at else None,
            }
            for row in deliveries
        ],
        "notification_devices": PushSubscription.objects.filter(user=user).count(),
    }


def status_counts(deliveries: Any) -> dict[str, dict[str, int]]:
    """{channel: {status: count}} for a set of deliveries (staff delivery reports)."""
    counts: dict[str, dict[str, int]] = {}
    rows = deliveries.order_by().values("channel", "status").annotate(count=Count("pk"))
    for row in rows:
        counts.setdefault(row["channel"], {})[row["status"]] = row["count"]
    return counts
