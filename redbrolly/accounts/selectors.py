from __future__ import annotations

from django.db.models import QuerySet

from redbrolly.accounts.models import MemberProfile


def applications_to_review() -> QuerySet[MemberProfile]:
    """Oldest first, so nobody waits longest (staff applications queue)."""
    return (
        MemberProfile.objects.filter(
            status__in=[MemberProfile.Status.PENDING, MemberProfile.Status.MORE_INFO]
        )
        .select_related("user")
        .prefetch_related("regions")
        .order_by("applied_at")
    )
