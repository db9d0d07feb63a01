"""Every write about people goes through here: atomic, validated, audited."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from redbrolly.accounts.models import MemberProfile, MembershipProof, User
from redbrolly.core.models import Organisation, Region
from redbrolly.lib import audit
from redbrolly.lib.crypto import blind_index
from redbrolly.lib.evidence import PreparedEvidence

MEMBER_EMAIL = "member.email"
MEMBER_PHONE = "member.phone"


@dataclass(frozen=True)
class Contact:
    """Normalised contact details; forms produce it, services store it encrypted."""

    email: str = ""
    mobile: str = ""


def contact_indexes(contact: Contact) -> dict[str, str]:
    return {
        "email_index": blind_index(MEMBER_EMAIL, contact.email) if contact.email else "",
        "mobile_index": blind_index(MEMBER_PHONE, contact.mobile) if contact.mobile else "",
    }


@transaction.atomic
def member_profile_create(
    *,
    user: User,
    membership_type: str,
    contact: Contact,
    regions: Iterable[Region],
    sectors: list[str],
    language: str,
    applicant_note: str = "",
    proof: PreparedEvidence | None = None,
) -> MemberProfile:
    profile = MemberProfile(
        user=user,
        membership_type=membership_type,
        email=contact.email,
        mobile=contact.mobile,
        sectors=sectors,
        language=language,
        applicant_note=applicant_note,
        notify_email=bool(contact.email),
        **contact_indexes(contact),
    )
    profile.full_clean(exclude=["user"])
    profile.save()
    profile.regions.set(regions)
    audit.log(user, "accounts.membership.applied", profile, type=membership_type)
    if proof is not None:
        membership_proof_add(actor=user, profile=profile, prepared=proof)
    return profile


@transaction.atomic
def membership_proof_add(
    *, actor: User, profile: MemberProfile, prepared: PreparedEvidence
) -> MembershipProof:
    """Stores an applicant's proof-of-work file, sealed; forms have already prepared it."""
    if not Organisation.current().offers_proof_upload(profile.membership_type):
        raise ValueError("no proof-of-work file is asked for this membership type")
    proof = membership_proof_from(profile, prepared)
    audit.log(actor, "accounts.membership.proof.added", profile, proof=proof.pk)
    return proof


def membership_proof_from(profile: MemberProfile, prepared: PreparedEvidence) -> MembershipProof:
    proof = MembershipProof(
        profile=profile,
        kind=prepared.kind,
        content_type=prepared.content_type,
        extension=prepared.extension,
        size=len(prepared.content),
        width=prepared.width,
        height=prepared.height,
        content=prepared.content,
    )
    proof.full_clean(exclude=["content"])
    proof.save()
    return proof


DECISIONS = {
    "approve": MemberProfile.Status.APPROVED,
    "more_info": MemberProfile.Status.MORE_INFO,
    "refuse": MemberProfile.Status.REFUSED,
}


@transaction.atomic
def membership_review(
    *, reviewer: User, profile: MemberProfile, decision: str, reason: str
) -> MemberProfile:
    if decision not in DECISIONS:
        raise ValueError("unknown decision")
    profile.status = DECISIONS[decision]
    profile.status_reason = reason
    profile.reviewed_at = timezone.now()
    profile.reviewed_by = reviewer
    profile.save(update_fields=["status", "status_reason", "reviewed_at", "reviewed_by"])
    # Proof files are kept only while staff still need them to decide.
    decided = profile.status != MemberProfile.Status.MORE_INFO
    deleted = MembershipProof.objects.filter(profile=profile).delete()[0] if decided else 0
    audit.log(reviewer, f"accounts.membership.{decision}", profile, proofs_deleted=deleted)
    if profile.email:
        transaction.on_commit(lambda: tell_applicant(profile.pk))
    return profile


def proofs_expire(now: Any = None) -> int:
    """Worker job: a proof-of-work file is kept at most REDBROLLY_PROOF_KEEP_DAYS, even when
    nobody has decided the application yet (a decision deletes it at once)."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.REDBROLLY_PROOF_KEEP_DAYS)
    expired = MembershipProof.objects.filter(uploaded_at__lt=cutoff)
    profiles = set(expired.values_list("profile_id", flat=True))
    deleted = expired.delete()[0]
    for profile in MemberProfile.objects.filter(pk__in=profiles):
        audit.log(None, "accounts.membership.proof.expired", profile)
    return deleted


def tell_applicant(profile_pk: int) -> None:
    """A neutral email: the subject and body name no organisation purpose."""
    profile = MemberProfile.objects.get(pk=profile_pk)
    body = _("There is an update on your account. Sign in to read it: %(url)s") % {
        "url": settings.SITE_URL
    }
    send_mail(_("An update on your account"), body, None, [profile.email])


@transaction.atomic
def membership_add_information(
    *, user: User, profile: MemberProfile, note: str, proof: PreparedEvidence | None = None
) -> None:
    """The applicant answers "we asked for more information": back into the review queue."""
    if profile.status != MemberProfile.Status.MORE_INFO:
        raise ValueError("no information was asked for")
    previous = profile.applicant_note
    if note:
        profile.applicant_note = f"{previous}\n\n{note}".strip() if previous else note
    profile.status = MemberProfile.Status.PENDING
    profile.save(update_fields=["applicant_note", "status"])
    audit.log(user, "accounts.membership.information_added", profile)
    if proof is not None:
        membership_proof_add(actor=user, profile=profile, prepared=proof)


@transaction.atomic
def member_preferences_update(
    *, user: User, profile: MemberProfile, regions: Iterable[Region], **fields: Any
) -> MemberProfile:
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.full_clean(exclude=["user"])
    profile.save()
    profile.regions.set(regions)
    audit.log(user, "accounts.preferences.updated", profile, fields=sorted(fields))
    return profile


@transaction.atomic
def member_contact_update(*, user: User, profile: MemberProfile, contact: Contact) -> None:
    profile.email = contact.email
    profile.mobile = contact.mobile
    for name, value in contact_indexes(contact).items():
        setattr(profile, name, value)
    profile.notify_email = profile.notify_email and bool(contact.email)
    profile.notify_sms = profile.notify_sms and bool(contact.mobile)
    profile.save()
    audit.log(user, "accounts.contact.updated", profile)


def member_data_export(*, user: User) -> dict[str, Any]:
    """Everything we hold about the person, for them (SECURITY.md: rights)."""
    profile = getattr(user, "member_profile", None)
    audit.log(user, "accounts.data.exported", user)
    data: dict[str, Any] = {
        "account": {"working_name": user.username, "joined": user.date_joined.isoformat()},
    }
    if profile is not None:
        data["membership"] = profile_export(profile)
    from redbrolly.lib.exports import collect_member_data

    data.update(collect_member_data(user))
    return data


def profile_export(profile: MemberProfile) -> dict[str, Any]:
    return {
        "type": profile.membership_type,
        "status": profile.status,
        "email": profile.email,
        "mobile": profile.mobile,
        "regions": [region.code for region in profile.regions.all()],
        "sectors": profile.sectors,
        "channels": profile.channels,
        "language": profile.language,
        "discreet_mode": profile.discreet_mode,
        "dark_screen": profile.dark_screen,
        # That a file is held, not the file: it is deleted once the application is decided.
        "proof_files": [
            {
                "uploaded_at": proof["uploaded_at"].isoformat(),
                "type": proof["content_type"],
                "size": proof["size"],
            }
            for proof in profile.proofs.values("uploaded_at", "content_type", "size")
        ],
    }


@transaction.atomic
def member_delete(*, user: User) -> None:
    user_pk = user.pk
    audit.log(user, "accounts.member.deleted", user)
    sessions_revoke(actor=None, user=user, log=False)
    user.delete()
    audit.log(None, "accounts.member.deleted.done", None, user=user_pk)


@transaction.atomic
def sessions_revoke(*, actor: User | None, user: User, log: bool = True) -> int:
    """Signs the person out everywhere: sessions are checked against the epoch per request."""
    User.objects.filter(pk=user.pk).update(session_epoch=user.session_epoch + 1)
    user.session_epoch += 1
    removed = delete_sessions_of(user)
    if log:
        audit.log(actor, "accounts.sessions.revoked", user, sessions=removed)
    return removed


def delete_sessions_of(user: User) -> int:
    # Session rows are opaque blobs; decoding each is fine at this scale and keeps
    # revocation immediate even before the epoch check runs.
    doomed = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == str(user.pk)
    ]
    Session.objects.filter(pk__in=doomed).delete()
    return len(doomed)
