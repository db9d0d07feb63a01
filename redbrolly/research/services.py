"""Every write in the research app: atomic, validated, audited (STYLE.md, "services").

Participants act without accounts, so their audit rows carry no actor; no row ever holds an
answer, a token or a contact detail, only ids, counts and field names.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from redbrolly.lib import audit
from redbrolly.lib.crypto import blind_index
from redbrolly.notify.services import Outgoing, deliveries_enqueue
from redbrolly.research.instruments.model import Instrument
from redbrolly.research.models import (
    Arm,
    Channel,
    Consent,
    ConsentForm,
    EligibilityScreen,
    FollowUp,
    IncentivePayment,
    InstrumentResponse,
    Participant,
    ParticipantContact,
    Study,
    StudyInstrument,
    WaveResponse,
)
from redbrolly.research.questionnaires import instrument_to_dict

logger = logging.getLogger("redbrolly.research")

# Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives.
TOKEN_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TOKEN_LENGTH = 16
TOKEN_KIND = "research.token"
MEMBER_KIND = "research.member"
LINK_SALT = "research.follow-up-link"
LINK_MAX_AGE = timedelta(days=120)


# --- tokens and links -------------------------------------------------------------------------


def token_new() -> str:
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))


def token_normalise(text: str) -> str:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    return cleaned.translate(str.maketrans("OIL", "011"))


def token_display(token: str) -> str:
    return "-".join(token[i : i + 4] for i in range(0, len(token), 4))


def token_index(token: str) -> str:
    return blind_index(TOKEN_KIND, token_normalise(token))


def member_index(study: Study, user: Any) -> str:
    return blind_index(MEMBER_KIND, f"{study.pk}:{user.pk}")


def arm_of(user: Any) -> str:
    """Member if signed in with an approved membership; everyone else is a non-member."""
    profile = getattr(user, "member_profile", None) if user.is_authenticated else None
    approved = profile is not None and profile.status == profile.Status.APPROVED
    return Arm.MEMBER if approved else Arm.NON_MEMBER


def resume_link(participant: Participant) -> str:
    """A signed follow-up link that works once (the nonce changes when it is used)."""
    value = signing.dumps(
        {"p": participant.pk, "n": participant.link_nonce}, salt=LINK_SALT, compress=True
    )
    path = reverse(
        "research:resume_link",
        kwargs={"slug": participant.study.slug, "signed": value},
    )
    return f"{settings.SITE_URL}{path}"


@transaction.atomic
def resume_link_use(*, study: Study, signed: str) -> Participant | None:
    """The participant a link names, if it is genuine, unused and theirs to use now."""
    try:
        value = signing.loads(signed, salt=LINK_SALT, max_age=LINK_MAX_AGE)
    except signing.BadSignature:
        return None
    participant = (
        Participant.objects.select_for_update()
        .filter(study=study, pk=value.get("p"), status=Participant.Status.ACTIVE)
        .first()
    )
    if participant is None or not secrets.compare_digest(participant.link_nonce, value["n"]):
        return None
    participant.link_nonce = secrets.token_hex(16)
    participant.save(update_fields=["link_nonce"])
    audit.log(None, "research.participant.link_used", participant)
    return participant


# --- studies -----------------------------------------------------------------------------------


@transaction.atomic
def study_create(*, actor: Any, **fields: Any) -> Study:
    study = Study(**fields)
    if study.status == Study.Status.RECRUITING:
        study.recruiting_since = timezone.now()
    study.full_clean()
    study.save()
    audit.log(actor, "research.study.created", study)
    return study


@transaction.atomic
def study_update(*, actor: Any, study: Study, **fields: Any) -> Study:
    if fields.get("status") == Study.Status.CLOSED:
        raise ValueError("close a study with study_close, which deletes contact details")
    for name, value in fields.items():
        setattr(study, name, value)
    if study.status == Study.Status.RECRUITING and study.recruiting_since is None:
        study.recruiting_since = timezone.now()
    study.full_clean()
    study.save()
    audit.log(actor, "research.study.updated", study, fields=sorted(fields))
    return study


@transaction.atomic
def study_close(*, actor: Any, study: Study) -> int:
    """Closes the study and deletes every contact detail it held. Returns how many."""
    contacts = ParticipantContact.objects.filter(participant__study=study)
    deleted = contacts.count()
    contacts.delete()
    study.status = Study.Status.CLOSED
    study.closed_at = timezone.now()
    study.save(update_fields=["status", "closed_at"])
    audit.log(actor, "research.study.closed", study, contacts_deleted=deleted)
    return deleted


@transaction.atomic
def consent_form_publish(
    *, actor: Any, study: Study, information_sheet: str, consent_text: str, statements: list[str]
) -> ConsentForm:
    """A new version; earlier versions stay, as do the consents given to them."""
    latest = ConsentForm.objects.filter(study=study).order_by("-version").first()
    form = ConsentForm(
        study=study,
        version=(latest.version + 1) if latest else 1,
        information_sheet=information_sheet,
        consent_text=consent_text,
        statements=[statement for statement in statements if statement.strip()],
    )
    form.full_clean()
    form.save()
    audit.log(actor, "research.consent_form.published", form, version=form.version)
    return form


@transaction.atomic
def instrument_import(
    *, actor: Any, study: Study, instrument: Instrument, source_name: str, waves: Iterable[int]
) -> StudyInstrument:
    imported, _created = StudyInstrument.objects.get_or_create(
        study=study,
        instrument_id=instrument.id,
        version=instrument.version,
        defaults={
            "title": instrument.title,
            "definition": instrument_to_dict(instrument),
            "source_name": source_name[:200],
        },
    )
    for wave in waves:
        _add_to_wave(study, wave, instrument.id)
    study.save(update_fields=["baseline_instruments", "followup_instruments"])
    audit.log(actor, "research.instrument.imported", imported, version=instrument.version)
    return imported


def _add_to_wave(study: Study, wave: int, instrument_id: str) -> None:
    ids = study.baseline_instruments if wave == 0 else study.followup_instruments
    if instrument_id not in ids:
        ids.append(instrument_id)


# --- enrolment ---------------------------------------------------------------------------------


def eligibility_record(*, study: Study, eligible: bool) -> EligibilityScreen:
    screen = EligibilityScreen.objects.create(study=study, eligible=eligible)
    audit.log(None, "research.eligibility.screened", study, eligible=eligible)
    return screen


@dataclass(frozen=True)
class ContactDetails:
    """What a participant gave for follow-up; forms normalise it, the service encrypts it."""

    channel: str
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Enrolment:
    participant: Participant
    token: str


def follow_up_dates(study: Study, enrolled: date) -> tuple[date, date, date]:
    """(window opens, due, window closes) for the follow-up wave."""
    due = enrolled + timedelta(days=study.follow_up_days)
    return (
        due - timedelta(days=study.window_before_days),
        due,
        due + timedelta(days=study.window_after_days),
    )


@transaction.atomic
def participant_enrol(
    *,
    study: Study,
    consent_form: ConsentForm,
    user: Any,
    contact: ContactDetails | None,
    language: str = "en",
) -> Enrolment:
    if not study.accepts_enrolment or consent_form.study_id != study.pk:
        raise ValueError("this study is not recruiting with this consent form")
    token = token_new()
    participant = _participant_create(study, user, token, language)
    Consent.objects.create(
        participant=participant,
        form=consent_form,
        form_version=consent_form.version,
        snapshot=consent_form.snapshot(),
    )
    if contact is not None:
        contact_row = ParticipantContact(participant=participant, **contact.__dict__)
        contact_row.full_clean(exclude=["participant"])
        contact_row.save()
    _follow_up_create(participant)
    WaveResponse.objects.create(participant=participant, wave=0, arm_now=participant.arm)
    audit.log(None, "research.participant.enrolled", participant, arm=participant.arm)
    return Enrolment(participant, token)


def _participant_create(study: Study, user: Any, token: str, language: str) -> Participant:
    participant = Participant(
        study=study,
        pseudonym=_pseudonym(),
        token_index=token_index(token),
        member_index=member_index(study, user) if user.is_authenticated else "",
        arm=arm_of(user),
        language=language[:10],
        link_nonce=secrets.token_hex(16),
    )
    participant.full_clean(exclude=["study"])
    participant.save()
    return participant


def _pseudonym() -> str:
    while True:
        candidate = f"P{secrets.token_hex(4)}"
        if not Participant.objects.filter(pseudonym=candidate).exists():
            return candidate


def _follow_up_create(participant: Participant) -> FollowUp:
    opens, due, closes = follow_up_dates(
        participant.study, timezone.localdate(participant.enrolled_at)
    )
    return FollowUp.objects.create(
        participant=participant, wave=1, opens_on=opens, due_on=due, closes_on=closes
    )


# --- answering ---------------------------------------------------------------------------------


@transaction.atomic
def wave_open(*, participant: Participant, wave: int, arm_now: str) -> WaveResponse:
    """Starts a wave (idempotent), recording membership at that wave."""
    response, created = WaveResponse.objects.get_or_create(
        participant=participant, wave=wave, defaults={"arm_now": arm_now}
    )
    if created:
        audit.log(None, "research.wave.started", response, wave=wave, arm_now=arm_now)
    return response


@transaction.atomic
def instrument_answers_save(
    *,
    wave_response: WaveResponse,
    instrument: Instrument,
    answers: dict[str, Any],
    complete: bool,
    instrument_ids: list[str],
) -> InstrumentResponse:
    """Saves one page; when it completes the wave's last instrument, completes the wave."""
    if wave_response.completed_at is not None:
        raise ValueError("this questionnaire is already complete")
    response, _created = InstrumentResponse.objects.get_or_create(
        wave_response=wave_response,
        instrument_id=instrument.id,
        defaults={"instrument_version": instrument.version, "answers_sealed": "{}"},
    )
    response.instrument_version = instrument.version
    response.answers = answers
    response.complete = complete
    response.saved_at = timezone.now()
    response.save()
    audit.log(None, "research.answers.saved", response, complete=complete, count=len(answers))
    if complete and _all_complete(wave_response, instrument_ids):
        _wave_complete(wave_response)
    return response


def _all_complete(wave_response: WaveResponse, instrument_ids: list[str]) -> bool:
    done = set(
        wave_response.responses.filter(complete=True).values_list("instrument_id", flat=True)
    )
    return set(instrument_ids) <= done


def _wave_complete(wave_response: WaveResponse) -> None:
    now = timezone.now()
    wave_response.completed_at = now
    wave_response.save(update_fields=["completed_at"])
    FollowUp.objects.filter(
        participant_id=wave_response.participant_id, wave=wave_response.wave
    ).update(done_at=now)
    audit.log(None, "research.wave.completed", wave_response, wave=wave_response.wave)


# --- participants' choices ---------------------------------------------------------------------


@transaction.atomic
def reminders_stop(*, participant: Participant) -> None:
    if participant.reminders_stopped_at is None:
        participant.reminders_stopped_at = timezone.now()
        participant.save(update_fields=["reminders_stopped_at"])
        audit.log(None, "research.reminders.stopped", participant)


@transaction.atomic
def participant_withdraw(*, participant: Participant, keep_data: bool) -> None:
    """Withdraws; with keep_data False every answer and the contact details go too."""
    participant.status = Participant.Status.WITHDRAWN
    participant.withdrawn_at = timezone.now()
    participant.reminders_stopped_at = participant.reminders_stopped_at or timezone.now()
    ParticipantContact.objects.filter(participant=participant).delete()
    if not keep_data:
        InstrumentResponse.objects.filter(wave_response__participant=participant).delete()
        WaveResponse.objects.filter(participant=participant).delete()
        participant.data_deleted = True
    participant.save()
    audit.log(None, "research.participant.withdrawn", participant, kept_data=keep_data)


# --- incentives --------------------------------------------------------------------------------


@transaction.atomic
def incentive_record(
    *, actor: Any, wave_response: WaveResponse, method: str, voucher_code: str = ""
) -> IncentivePayment:
    """Logs an incentive; a voucher code goes to the participant's channel, and nowhere else."""
    if wave_response.completed_at is None:
        raise ValueError("incentives are for completed questionnaires")
    study = wave_response.participant.study
    payment = IncentivePayment(
        wave_response=wave_response,
        amount_pence=study.incentive_pence,
        description=study.incentive_description,
        method=method,
        recorded_by=actor,
    )
    payment.full_clean(exclude=["wave_response", "recorded_by"])
    try:
        with transaction.atomic():
            payment.save()
    except IntegrityError as error:
        raise ValueError("this incentive is already recorded") from error
    if method == IncentivePayment.Method.MESSAGE:
        _voucher_send(wave_response, voucher_code)
    audit.log(actor, "research.incentive.recorded", payment, method=method)
    return payment


def _voucher_send(wave_response: WaveResponse, voucher_code: str) -> None:
    participant = wave_response.participant
    contact = ParticipantContact.objects.filter(participant=participant).first()
    if contact is None or not voucher_code.strip():
        raise ValueError("a voucher code and the participant's contact details are needed")
    with translation.override(participant.language):
        body = _("Thank you for answering our questions. Your voucher code: %(code)s") % {
            "code": voucher_code.strip()
        }
        subject = _("Thank you")
    key = f"research:{participant.pk}:wave{wave_response.wave}:incentive"
    deliveries_enqueue([_outgoing(contact, key, subject, body, "research.incentive", participant)])


# --- follow-up scheduling (the worker job) ----------------------------------------------------


def _outgoing(
    contact: ParticipantContact,
    key: str,
    subject: str,
    body: str,
    purpose: str,
    source: Any,
) -> Outgoing:
    return Outgoing(
        key=key,
        channel=contact.channel,
        to=contact.address,
        subject=subject if contact.channel == Channel.EMAIL else "",
        body=body,
        purpose=purpose,
        source=source,
    )


def followups_send_due(*, today: date | None = None) -> int:
    """Worker job: follow-up invitations and reminders now due. Returns how many queued."""
    today = today or timezone.localdate()
    due = (
        FollowUp.objects.pending()
        .open_on(today)
        .filter(participant__study__status__in=[Study.Status.RECRUITING, Study.Status.FOLLOW_UP])
        .filter(participant__contact__isnull=False)
        .values_list("pk", flat=True)
    )
    queued = sum(follow_up_notify(follow_up_id=pk, today=today) for pk in list(due))
    if queued:
        logger.info("research follow-ups: %s message(s) queued", queued)
    return queued


@transaction.atomic
def follow_up_notify(*, follow_up_id: int, today: date) -> int:
    """Queues what one follow-up needs today (invitation or one reminder); idempotent."""
    follow_up = (
        FollowUp.objects.select_for_update()
        .select_related("participant__study")
        .get(pk=follow_up_id)
    )
    message = _message_due(follow_up, today)
    participant = follow_up.participant
    contact = ParticipantContact.objects.filter(participant=participant).first()
    if message is None or contact is None:
        return 0
    kind, day = message
    key = f"research:{participant.pk}:wave{follow_up.wave}:{kind}"
    subject, body = _follow_up_text(participant, reminder=kind != "invite")
    deliveries_enqueue([_outgoing(contact, key, subject, body, "research.follow_up", follow_up)])
    _mark_sent(follow_up, kind, day)
    return 1


def _message_due(follow_up: FollowUp, today: date) -> tuple[str, int] | None:
    participant = follow_up.participant
    if follow_up.done_at or not participant.is_active or not follow_up.is_open_on(today):
        return None
    if follow_up.invited_at is None:
        return ("invite", 0)
    if participant.reminders_stopped_at is not None:
        return None
    days_since = (today - timezone.localdate(follow_up.invited_at)).days
    due_days = [
        day
        for day in participant.study.reminder_days
        if follow_up.last_reminder_day < day <= days_since
    ]
    # After an outage only the latest reminder goes: never a burst of stale ones.
    return (f"reminder:{max(due_days)}", max(due_days)) if due_days else None


def _mark_sent(follow_up: FollowUp, kind: str, day: int) -> None:
    if kind == "invite":
        follow_up.invited_at = timezone.now()
    else:
        follow_up.last_reminder_day = day
    follow_up.save(update_fields=["invited_at", "last_reminder_day"])
    audit.log(None, "research.follow_up.queued", follow_up, kind=kind.split(":")[0], day=day)


def _follow_up_text(participant: Participant, *, reminder: bool) -> tuple[str, str]:
    """Neutral wording: nothing says what the questionnaire is about or who sends it."""
    link = resume_link(participant)
    code_page = settings.SITE_URL + reverse(
        "research:resume", kwargs={"slug": participant.study.slug}
    )
    with translation.override(participant.language):
        subject = _("A short follow-up")
        opening = (
            _("This is a reminder: your short follow-up questionnaire is still waiting.")
            if reminder
            else _("Your short follow-up questionnaire is ready.")
        )
        body = _(
            "%(opening)s\n\nContinue here: %(link)s\n\n"
            "The link works once. You can also go to %(page)s and enter your code.\n"
            "To stop these reminders, open the link and choose 'Stop reminders'."
        ) % {"opening": opening, "link": link, "page": code_page}
    return subject, body


# --- invitations to new members ---------------------------------------------------------------

NEW_MEMBER_DAYS = 30
MEMBER_CHANNELS = ("email", "sms", "inapp")


def member_invitations_send(*, now: datetime | None = None) -> int:
    """Worker job: invites members approved since recruiting began, once per channel."""
    now = now or timezone.now()
    queued = 0
    studies = Study.objects.filter(
        status=Study.Status.RECRUITING, invite_new_members=True, recruiting_since__isnull=False
    )
    for study in studies:
        with transaction.atomic():
            queued += deliveries_enqueue(_member_invitations(study, now))
    return queued


def _member_invitations(study: Study, now: datetime) -> list[Outgoing]:
    from redbrolly.accounts.models import MemberProfile

    since = max(study.recruiting_since or now, now - timedelta(days=NEW_MEMBER_DAYS))
    profiles = MemberProfile.objects.filter(
        status=MemberProfile.Status.APPROVED,
        membership_type=MemberProfile.MembershipType.INDIVIDUAL,
        reviewed_at__gte=since,
    ).select_related("user")
    enrolled = set(
        study.participants.exclude(member_index="").values_list("member_index", flat=True)
    )
    return [
        _member_invitation(study, profile, channel)
        for profile in profiles
        if member_index(study, profile.user) not in enrolled
        for channel in profile.channels
        if channel in MEMBER_CHANNELS
    ]


def _member_invitation(study: Study, profile: Any, channel: str) -> Outgoing:
    url = settings.SITE_URL + reverse("research:member_studies")
    with translation.override(profile.language):
        subject = _("You have a new update")
        body = _("You have a new update. Sign in to read it: %(url)s") % {"url": url}
    to = {"email": profile.email, "sms": profile.mobile}.get(channel, "")
    return Outgoing(
        key=f"research:{study.pk}:member:{profile.user_id}:invite:{channel}",
        channel=channel,
        to=to,
        subject=subject if channel == "email" else "",
        body=body,
        purpose="research.invitation",
        recipient=profile.user,
        source=study,
    )
