from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet
from django.http import Http404

from redbrolly.accounts.models import MemberProfile, MembershipProof

WAITING = [MemberProfile.Status.PENDING, MemberProfile.Status.MORE_INFO]


def applications_to_review() -> QuerySet[MemberProfile]:
    """Oldest first, so nobody waits longest (staff applications queue)."""
    return (
        MemberProfile.objects.filter(status__in=WAITING)
        .select_related("user")
        .prefetch_related("regions")
        .annotate(proof_count=Count("proofs"))
        .order_by("applied_at")
    )


def proofs_listed(profile: MemberProfile) -> QuerySet[MembershipProof]:
    """What the review page lists: no file is decrypted for it."""
    return profile.proofs.defer("content")


def proof_for_reviewer(user: Any, profile_pk: int, pk: int) -> MembershipProof:
    """Only staff who review applications, and only while the application waits for them."""
    if not (user.is_staff_role and user.has_perm("accounts.review_membership")):
        raise Http404
    found = (
        MembershipProof.objects.filter(pk=pk, profile_id=profile_pk, profile__status__in=WAITING)
        .select_related("profile")
        .first()
    )
    if found is None:
        raise Http404
    return found
