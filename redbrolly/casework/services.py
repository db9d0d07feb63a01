"""Every write of casework: atomic, validated, audited (ids and field names only).

Other apps call `referral_from_report(*, report)` (reports, on commit of a report that
asked for support) and nothing else here.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from redbrolly.casework import rules, selectors
from redbrolly.casework.models import (
    Action,
    Appointment,
    Case,
    Consent,
    GlassGrant,
    JusticeStep,
    Note,
    Notice,
    OnwardReferral,
    OutcomeOption,
    Referral,
    RiskAssessment,
    RiskItem,
    RiskLevel,
    Service,
    TimeEntry,
)
from redbrolly.lib import audit

logger = logging.getLogger("redbrolly.casework")


@dataclass(frozen=True)
class Person:
    """What we know about the person and how to reach them safely (stored encrypted)."""

    working_name: str = ""
    contact_route: str = ""
    contact_details: str = ""
    safe_times: str = ""
    leave_message: bool = False
    language: str = ""
    interpreter_needed: bool = False
    region: Any = None


@dataclass(frozen=True)
class Intake:
    """How a case comes in: who referred, why, how urgent, and the consent to store."""

    source: str
    urgency: int = Case.Urgency.SOON
    reason: str = ""
    consent_scope: str = ""
    report: Any = None
    partner: Any = None
    referred_by: Any = None
    referrer_contact: str = ""


def apply_person(case: Case, person: Person) -> None:
    for field in fields(Person):
        setattr(case, field.name, getattr(person, field.name))


@transaction.atomic
def case_open(*, actor: Any, person: Person, intake: Intake, worker: Any = None) -> Case:
    """A new case with its referral and the consent to store; allocated if `worker`."""
    now = timezone.now()
    case = Case(source=intake.source, urgency=intake.urgency, received_at=now)
    apply_person(case, person)
    case.first_contact_due_at = rules.first_contact_due(now)
    if worker is not None:
        case.worker, case.status, case.allocated_at = worker, Case.Status.OPEN, now
    case.full_clean()
    case.save()
    referral = referral_record(case, intake)
    consent_store(case, actor, intake.consent_scope)
    if intake.report is not None:
        case.reports.add(intake.report)
    audit.log(actor, "casework.case.opened", case, source=intake.source, referral=referral.pk)
    logger.info("casework case %s opened from %s", case.pk, intake.source)
    return case


def referral_record(case: Case, intake: Intake) -> Referral:
    referral = Referral(
        case=case,
        source=intake.source,
        received_at=case.received_at,
        report=intake.report,
        partner=intake.partner,
        referred_by=intake.referred_by,
        referrer_contact=intake.referrer_contact,
        reason=intake.reason,
    )
    referral.full_clean(exclude=["case"], validate_constraints=False)
    referral.save()
    return referral


def consent_store(case: Case, actor: Any, scope: str) -> None:
    Consent.objects.create(
        case=case,
        kind=Consent.Kind.STORE,
        given=True,
        scope=scope[:300],
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )


def callback_request_submit(*, person: Person, urgency: int) -> Case:
    """ "Get quick access to a caseworker": no account, nothing about the device kept."""
    scope = _("Agreed online to be contacted by a caseworker about their request")
    intake = Intake(source=Case.Source.CALLBACK, urgency=urgency, consent_scope=scope)
    return case_open(actor=None, person=person, intake=intake)


def referral_from_report(*, report: Any) -> Referral:
    """Called by reports (on commit) when a report asks for support. Idempotent.

    The person's safe contact details stay on the report; the case page reads them from
    there, so nothing sensitive is copied.
    """
    existing = Referral.objects.filter(report=report).select_related("case").first()
    if existing is not None:
        return existing
    violent = report.incident_types.filter(violent=True).exists()
    intake = Intake(
        source=Case.Source.REPORT,
        urgency=Case.Urgency.URGENT if violent else Case.Urgency.SOON,
        consent_scope=_("Asked for caseworker support when reporting"),
        report=report,
        partner=report.partner,
        referred_by=report.reporter,
    )
    person = Person(region=report.region, contact_route=Case.ContactRoute.OTHER)
    try:
        case = case_open(actor=report.reporter, person=person, intake=intake)
    except IntegrityError:
        # Called twice at once for the same report: the other call's referral stands.
        return Referral.objects.get(report=report)
    return case.referral


def referral_from_partner(
    *, partner: Any, person: Person, urgency: int, reason: str, referrer_contact: str
) -> Referral:
    intake = Intake(
        source=Case.Source.PARTNER,
        urgency=urgency,
        reason=reason,
        partner=partner,
        referrer_contact=referrer_contact,
        consent_scope=_("The referring partner confirmed the person agreed to be contacted"),
    )
    return case_open(actor=None, person=person, intake=intake).referral


def referral_from_practitioner(
    *, practitioner: Any, person: Person, urgency: int, reason: str, referrer_contact: str
) -> Referral:
    intake = Intake(
        source=Case.Source.PRACTITIONER,
        urgency=urgency,
        reason=reason,
        referred_by=practitioner,
        referrer_contact=referrer_contact,
        consent_scope=_("The practitioner confirmed the person agreed to be contacted"),
    )
    return case_open(actor=practitioner, person=person, intake=intake).referral


def case_open_by_phone(*, worker: Any, person: Person, urgency: int, reason: str) -> Case:
    """A caseworker opens a case for someone who phoned; it is theirs from the start."""
    intake = Intake(
        source=Case.Source.PHONE,
        urgency=urgency,
        reason=reason,
        referred_by=worker,
        consent_scope=_("Agreed by phone to the organisation keeping their details"),
    )
    return case_open(actor=worker, person=person, intake=intake, worker=worker)


# --- allocation -----------------------------------------------------------------------------


@transaction.atomic
def case_assign(*, supervisor: Any, case: Case, worker: Any) -> Case:
    if not worker.has_perm("casework.work_cases"):
        raise ValidationError(_("Cases can only be allocated to caseworkers."))
    previous = case.worker_id
    allocate(case, worker)
    audit.log(supervisor, "casework.case.assigned", case, worker=worker.pk, previous=previous)
    if worker.pk != supervisor.pk:
        notice_send(recipient=worker, kind=Notice.Kind.ASSIGNED, case=case, actor=supervisor)
    return case


@transaction.atomic
def case_claim(*, worker: Any, case: Case) -> Case:
    # Locked, so two caseworkers pressing "Claim" at once cannot both take it.
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status != Case.Status.UNALLOCATED:
        raise ValidationError(_("Someone has already taken this case."))
    allocate(case, worker)
    audit.log(worker, "casework.case.claimed", case)
    return case


def allocate(case: Case, worker: Any) -> None:
    case.worker = worker
    case.allocated_at = timezone.now()
    if case.status == Case.Status.UNALLOCATED:
        case.status = Case.Status.OPEN
    case.save(update_fields=["worker", "allocated_at", "status"])


# --- the person, consent, needs, plan -------------------------------------------------------


@transaction.atomic
def case_person_update(*, actor: Any, case: Case, person: Person, urgency: int) -> Case:
    apply_person(case, person)
    case.urgency = urgency
    case.full_clean()
    case.save()
    audit.log(actor, "casework.person.updated", case)
    return case


@transaction.atomic
def consent_record(*, actor: Any, case: Case, kind: str, given: bool, scope: str) -> Consent:
    consent = Consent(case=case, kind=kind, given=given, scope=scope, recorded_by=actor)
    consent.full_clean()
    consent.save()
    audit.log(actor, "casework.consent.recorded", case, kind=kind, given=given)
    return consent


@transaction.atomic
def needs_update(
    *, actor: Any, case: Case, needs: list[str], note: str, police_involved: bool
) -> Case:
    case.needs = sorted(set(needs))
    case.needs_note = note
    case.police_involved = police_involved
    case.full_clean()
    case.save(update_fields=["needs", "needs_note", "police_involved"])
    audit.log(actor, "casework.needs.updated", case, needs=case.needs)
    return case


@transaction.atomic
def safety_plan_update(*, actor: Any, case: Case, plan: str) -> Case:
    case.safety_plan = plan
    case.safety_plan_updated_at = timezone.now()
    case.save(update_fields=["safety_plan", "safety_plan_updated_at"])
    audit.log(actor, "casework.safety_plan.updated", case)
    return case


@transaction.atomic
def report_link(*, actor: Any, case: Case, report: Any) -> None:
    case.reports.add(report)
    audit.log(actor, "casework.report.linked", case, report=report.pk)


# --- risk -----------------------------------------------------------------------------------


def risk_level_for(score: int) -> str:
    level = RiskLevel.objects.filter(min_score__lte=score).order_by("-min_score").first()
    return level.label if level is not None else ""


@transaction.atomic
def risk_assess(
    *, actor: Any, case: Case, present: Iterable[RiskItem], comment: str = ""
) -> RiskAssessment:
    items = list(present)
    score = sum(item.weight for item in items)
    assessment = RiskAssessment.objects.create(
        case=case, assessed_by=actor, score=score, level=risk_level_for(score), comment=comment
    )
    assessment.present.set(items)
    audit.log(actor, "casework.risk.assessed", case, assessment=assessment.pk, score=score)
    return assessment


# --- notes, actions, appointments, time -----------------------------------------------------

NOTE_ACTIVITY: dict[str, str] = {
    Note.Kind.CONTACT: TimeEntry.Activity.CONTACT,
    Note.Kind.ATTEMPT: TimeEntry.Activity.ATTEMPT,
    Note.Kind.ADVOCACY: TimeEntry.Activity.ADVOCACY,
    Note.Kind.COURT: TimeEntry.Activity.COURT,
    Note.Kind.SUPERVISION: TimeEntry.Activity.SUPERVISION,
}


@transaction.atomic
def note_add(*, actor: Any, case: Case, kind: str, body: str, minutes: int | None = None) -> Note:
    note = Note(case=case, kind=kind, body=body, author=actor)
    note.full_clean()
    note.save()
    if kind == Note.Kind.CONTACT:
        contact_made(case, note.created_at)
    if minutes:
        time_log(
            actor=actor, case=case, activity_type=NOTE_ACTIVITY[kind], minutes=minutes, note=note
        )
    audit.log(actor, "casework.note.added", case, note=note.pk, kind=kind)
    return note


def contact_made(case: Case, at: datetime) -> None:
    case.last_contact_at = at
    case.first_contact_at = case.first_contact_at or at
    case.save(update_fields=["last_contact_at", "first_contact_at"])


@transaction.atomic
def action_add(*, actor: Any, case: Case, title: str, owner: Any, due_on: date | None) -> Action:
    action = Action(case=case, title=title, owner=owner, due_on=due_on)
    action.full_clean()
    action.save()
    audit.log(actor, "casework.action.added", case, action_id=action.pk, owner=owner.pk)
    return action


@transaction.atomic
def action_complete(
    *, actor: Any, action: Action, minutes: int | None = None, activity_type: str = ""
) -> Action:
    action.done_at = action.done_at or timezone.now()
    action.save(update_fields=["done_at"])
    if minutes:
        activity = activity_type or TimeEntry.Activity.ADMIN
        time_log(
            actor=actor, case=action.case, activity_type=activity, minutes=minutes, action=action
        )
    audit.log(actor, "casework.action.completed", action.case, action_id=action.pk)
    return action


@transaction.atomic
def appointment_add(
    *, actor: Any, case: Case, kind: str, starts_at: datetime, place: str, note: str
) -> Appointment:
    worker = case.worker or actor
    appointment = Appointment(
        case=case, kind=kind, starts_at=starts_at, worker=worker, place=place, note=note
    )
    appointment.full_clean()
    appointment.save()
    audit.log(actor, "casework.appointment.added", case, appointment=appointment.pk)
    return appointment


@transaction.atomic
def time_log(
    *,
    actor: Any,
    case: Case,
    activity_type: str,
    minutes: int,
    on: date | None = None,
    note: Note | None = None,
    action: Action | None = None,
) -> TimeEntry:
    entry = TimeEntry(
        case=case,
        worker=actor,
        activity_type=activity_type,
        minutes=minutes,
        on=on or timezone.localdate(),
        note=note,
        action=action,
    )
    entry.full_clean()
    entry.save()
    audit.log(actor, "casework.time.logged", case, entry=entry.pk, minutes=minutes)
    return entry


# --- referrals on, police and court ---------------------------------------------------------


@transaction.atomic
def onward_referral_make(
    *,
    actor: Any,
    case: Case,
    service: Service,
    consent_given: bool,
    note: str = "",
    minutes: int | None = None,
) -> OnwardReferral:
    if not consent_given:
        raise ValidationError(_("Refer someone on only when they have agreed to it."))
    referral = OnwardReferral(
        case=case, service=service, consent_given=True, made_by=actor, note=note
    )
    referral.full_clean()
    referral.save()
    scope = _("Referral to %(service)s") % {"service": service.name}
    consent_record(actor=actor, case=case, kind=Consent.Kind.SHARE, given=True, scope=scope)
    if minutes:
        time_log(actor=actor, case=case, activity_type=TimeEntry.Activity.REFERRAL, minutes=minutes)
    audit.log(actor, "casework.referral_on.made", case, referral=referral.pk, service=service.pk)
    return referral


@transaction.atomic
def onward_referral_update(
    *, actor: Any, referral: OnwardReferral, status: str, note: str = ""
) -> OnwardReferral:
    referral.status = status
    if note:
        referral.note = note
    referral.updated_at = timezone.now()
    referral.full_clean()
    referral.save()
    audit.log(
        actor, "casework.referral_on.updated", referral.case, referral=referral.pk, status=status
    )
    return referral


@transaction.atomic
def justice_step_add(*, actor: Any, case: Case, kind: str, on: date, note: str = "") -> JusticeStep:
    step = JusticeStep(case=case, kind=kind, on=on, note=note, recorded_by=actor)
    step.full_clean()
    step.save()
    if not case.police_involved:
        case.police_involved = True
        case.save(update_fields=["police_involved"])
    audit.log(actor, "casework.justice.recorded", case, step=step.pk, kind=kind)
    return step


# --- closing, reopening, retention ----------------------------------------------------------


@transaction.atomic
def case_close(
    *, actor: Any, case: Case, reason: str, outcomes: Iterable[OutcomeOption], note: str = ""
) -> Case:
    if case.is_closed:
        raise ValidationError(_("This case is already closed."))
    case.status, case.closed_at = Case.Status.CLOSED, timezone.now()
    case.closure_reason, case.closure_note = reason, note
    case.worker = case.worker or actor
    case.full_clean()
    case.save()
    chosen = list(outcomes)
    case.outcomes.set(chosen)
    audit.log(actor, "casework.case.closed", case, reason=reason, outcomes=[o.pk for o in chosen])
    return case


@transaction.atomic
def case_reopen(*, actor: Any, case: Case, reason: str) -> Case:
    if not case.is_closed:
        raise ValidationError(_("Only a closed case can be reopened."))
    if case.anonymised_at is not None:
        raise ValidationError(_("This case was anonymised under the retention policy."))
    case.status, case.closed_at = Case.Status.OPEN, None
    case.closure_reason, case.reopened_count = "", case.reopened_count + 1
    case.save(update_fields=["status", "closed_at", "closure_reason", "reopened_count"])
    case.outcomes.clear()
    audit.log(actor, "casework.case.reopened", case, purpose=reason)
    if case.worker is not None and case.worker.pk != actor.pk:
        notice_send(recipient=case.worker, kind=Notice.Kind.REOPENED, case=case, actor=actor)
    return case


SEALED_CASE_FIELDS = [
    "working_name",
    "contact_details",
    "safe_times",
    "needs_note",
    "safety_plan",
    "closure_note",
]


@transaction.atomic
def case_anonymise(case: Case) -> None:
    """Keeps what the statistics need (dates, source, region, needs, outcomes, scores, time)."""
    for name in SEALED_CASE_FIELDS:
        setattr(case, name, "")
    case.contact_route, case.language, case.anonymised_at = "", "", timezone.now()
    case.save()
    case.notes.all().delete()
    case.actions.update(title="")
    case.appointments.all().delete()
    case.justice_steps.update(note="")
    case.onward_referrals.update(note="")
    case.risk_assessments.update(comment="")
    Referral.objects.filter(case=case).update(reason="", referrer_contact="")
    audit.log(None, "casework.case.anonymised", case)


def retention_due(now: datetime | None = None) -> Any:
    cutoff = (now or timezone.now()) - timedelta(days=365 * rules.retention_years())
    closed = Case.objects.filter(status=Case.Status.CLOSED, closed_at__lt=cutoff)
    return (
        closed.filter(anonymised_at__isnull=True)
        if rules.retention_policy() == "anonymise"
        else closed
    )


def retention_apply(now: datetime | None = None) -> int:
    """Worker job: cases closed longer than the retention period are anonymised or deleted."""
    done = 0
    for case in retention_due(now).iterator():
        if rules.retention_policy() == "delete":
            case_delete(case)
        else:
            case_anonymise(case)
        done += 1
    logger.info("casework retention handled %s case(s)", done)
    return done


@transaction.atomic
def case_delete(case: Case) -> None:
    audit.log(None, "casework.case.deleted", case)
    case.delete()


# --- break the glass, notices ---------------------------------------------------------------


@transaction.atomic
def glass_break(*, user: Any, case: Case, reason: str) -> GlassGrant:
    """Opens someone else's case for an hour: audited, and their supervisor is told."""
    reason = reason.strip()
    if len(reason) < 10:
        raise ValidationError(_("Say why you need to open this case (at least 10 characters)."))
    now = timezone.now()
    grant = GlassGrant.objects.create(
        case=case, user=user, expires_at=now + timedelta(minutes=rules.BREAK_GLASS_MINUTES)
    )
    audit.log(user, selectors.BREAK_GLASS, case, purpose=reason, grant=grant.pk)
    owner = case.worker or user
    for supervisor in selectors.supervisors_of(owner).exclude(pk=user.pk):
        notice_send(recipient=supervisor, kind=Notice.Kind.BREAK_GLASS, case=case, actor=user)
    return grant


def notice_send(*, recipient: Any, kind: str, case: Case | None, actor: Any) -> Notice:
    notice = Notice.objects.create(recipient=recipient, kind=kind, case=case, actor=actor)
    email_notice(notice)
    return notice


def email_notice(notice: Notice) -> None:
    """Staff accounts hold no email; one who is also a member with an address gets a nudge."""
    from redbrolly.notify.services import Outgoing, deliveries_enqueue

    profile = getattr(notice.recipient, "member_profile", None)
    address = getattr(profile, "email", "") if profile is not None else ""
    if not address:
        return
    body = _("There is a new notice for you on the staff pages.")
    deliveries_enqueue(
        [
            Outgoing(
                key=f"casework.notice.{notice.pk}",
                channel="email",
                to=address,
                subject=_("You have a new update"),
                body=body,
                purpose="casework.notice",
                recipient=notice.recipient,
                source=notice,
            )
        ]
    )


def notices_mark_read(*, user: Any) -> int:
    return Notice.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def case_viewed(*, user: Any, case: Case, page: str) -> None:
    """Every look at a case is a line in the audit log, with the ground for access."""
    audit.log(user, selectors.VIEWED, case, page=page, access=selectors.access_reason(user, case))
