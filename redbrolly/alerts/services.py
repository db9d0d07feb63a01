"""Every write about alerts: draft, edit, resolve flags, approve, publish, update, withdraw.

Publishing creates one Delivery row per member and channel in the same transaction as the
status change (the outbox), keyed `alert:<id>:v<version>:<member>:<channel>`, so an alert
is never marked sent without its messages queued, and never queued twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from redbrolly.alerts import drafting, selectors
from redbrolly.alerts.detect import REMOVED, sanitise
from redbrolly.alerts.messages import Update, Wording, wording
from redbrolly.alerts.models import (
    TEXT_FIELDS,
    Alert,
    AlertPolicy,
    AlertReview,
    AlertTranslation,
    AlertUpdate,
    FlagDecision,
)
from redbrolly.lib import audit
from redbrolly.notify.services import Outgoing, deliveries_cancel, deliveries_enqueue

PURPOSE = "alert"


@dataclass
class AlertContent:
    """What the drafting form edits; services validate it like the model does.

    `identifier_rows` are chosen among the reports' own identifiers (never typed); `title`
    empty means the title made from the facts; `precision` says how `when` is rounded.
    """

    title: str = ""
    summary: str = ""
    perpetrator: str = ""
    vehicle: str = ""
    identifier_rows: list[Any] = field(default_factory=list)
    precision: str = "part"
    regions: list[Any] = field(default_factory=list)
    national: bool = False
    severity: str = "caution"
    incident_types: list[Any] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    expires_at: Any = None
    reporter_review: bool = False


def delivery_key(alert: Alert, member_id: int, channel: str) -> str:
    return f"alert:{alert.pk}:v{alert.version}:{member_id}:{channel}"


def refuse(message: str) -> None:
    raise ValidationError(message)


# --- drafting -------------------------------------------------------------------------------


@transaction.atomic
def alert_draft_from_reports(*, moderator: Any, reports: list[Any]) -> Alert:
    """A new draft from accepted reports whose reporters agreed to an alert."""
    if not reports:
        refuse(_("Choose at least one report."))
    if any(not report.consent_allows("alert") or not report.is_live for report in reports):
        refuse(_("Only reports whose reporter agreed to an alert can be used."))
    if any(report.status != "accepted" for report in reports):
        refuse(_("Only accepted reports can be used."))
    rules = AlertPolicy.current().masking_rules()
    content = drafting.compose(
        reports,
        drafting.facts_of(reports, rules),
        expiry_days=AlertPolicy.current().default_expiry_days,
    )
    alert = Alert(
        facts=content.facts,
        perpetrator=content.perpetrator,
        vehicle=content.vehicle,
        identifiers=drafting.masked_lines(content.identifier_rows, rules),
        severity=content.severity,
        sectors=content.sectors,
        expires_at=content.expires_at,
        reporter_review=any(report.wants_alert_review for report in reports),
        created_by=moderator,
        last_edited_by=moderator,
    )
    alert.full_clean()
    alert.save()
    alert.regions.set(content.region_ids)
    alert.incident_types.set(content.type_ids)
    alert.reports.set(reports)
    alert.shown_identifiers.set(content.identifier_rows)
    audit.log(moderator, "alerts.alert.drafted", alert, reports=[r.pk for r in reports])
    return alert


@transaction.atomic
def alert_edit(*, moderator: Any, alert: Alert, content: AlertContent) -> Alert:
    """Saves the moderator's text, his identifiers masked and hers taken out; an alert waiting
    for approval goes back to draft."""
    if not alert.is_editable:
        refuse(_("This alert has been sent: publish an update instead."))
    facts = selectors.facts_for(alert)
    for name in ("title", "summary", "perpetrator", "vehicle"):
        setattr(alert, name, sanitise(getattr(content, name), facts))
    rows = identifiers_chosen(alert, content.identifier_rows)
    alert.identifiers = drafting.masked_lines(rows, facts.rules)
    alert.facts = {**alert.facts, "precision": content.precision}
    alert.severity, alert.national, alert.sectors = (
        content.severity,
        content.national,
        content.sectors,
    )
    alert.expires_at, alert.reporter_review = content.expires_at, content.reporter_review
    alert.status, alert.last_edited_by = Alert.Status.DRAFT, moderator
    alert.full_clean()
    alert.save()
    alert.regions.set(content.regions)
    alert.incident_types.set(content.incident_types)
    alert.shown_identifiers.set(rows)
    audit.log(moderator, "alerts.alert.edited", alert)
    return alert


def identifiers_chosen(alert: Alert, chosen: Iterable[Any]) -> list[Any]:
    """Only the reports' own whole identifiers can be shown: a typed one could be anyone's."""
    allowed = {row.pk: row for row in selectors.identifiers_of_reports(alert)}
    rows = [allowed.get(getattr(row, "pk", row)) for row in chosen]
    if any(row is None for row in rows):
        refuse(_("Choose the identifiers from the reports' own."))
    return [row for row in rows if row is not None]


def field_text(alert: Alert, name: str) -> tuple[Any, str, str]:
    """(object, attribute, text) for a field name from selectors.alert_texts."""
    if name.startswith("translation:"):
        _prefix, language, attribute = name.split(":", 2)
        translation = alert.translations.get(language=language)
        return translation, attribute, getattr(translation, attribute)
    if name.startswith("update:"):
        update = alert.updates.filter(pk=name.split(":", 1)[1], sent_at=None).first()
        if update is None:
            raise ValidationError(_("That update has been sent already."))
        return update, "text", update.text
    if name not in TEXT_FIELDS:
        raise ValidationError(_("That part of the alert does not exist."))
    return alert, name, getattr(alert, name)


def flag_at(alert: Alert, name: str, fingerprint: str) -> Any:
    for item in selectors.flags_in(alert, fields=[name]):
        if item.field == name and item.fingerprint == fingerprint:
            return item
    raise ValidationError(_("That detail is no longer in the text."))


def may_change(alert: Alert, name: str) -> None:
    """A sent alert's own words are fixed; its pending update and translations are not."""
    if not alert.is_editable and not name.startswith(("update:", "translation:")):
        refuse(_("This alert has been sent: publish an update instead."))


@transaction.atomic
def alert_flag_remove(*, moderator: Any, alert: Alert, name: str, fingerprint: str) -> Alert:
    """Takes a flagged detail out of the text."""
    may_change(alert, name)
    item = flag_at(alert, name, fingerprint)
    target, attribute, text = field_text(alert, name)
    hit = item.flag
    # The same detail wherever else it is written in these words ("Chelle … Chelle").
    same = [
        f.flag for f in selectors.flags_in(alert, fields=[name]) if f.fingerprint == fingerprint
    ]
    for flag in sorted(same or [hit], key=lambda f: f.start, reverse=True):
        text = text[: flag.start] + REMOVED + text[flag.end :]
    setattr(target, attribute, text)
    target.full_clean()
    target.save()
    changed_by(moderator, alert, target)
    audit.log(moderator, "alerts.flag.removed", alert, field=name, kind=hit.kind)
    return alert


def changed_by(moderator: Any, alert: Alert, target: Any) -> None:
    """Whoever changes the words cannot be the second pair of eyes on them."""
    if isinstance(target, AlertUpdate):
        AlertUpdate.objects.filter(pk=target.pk).update(created_by=moderator)
    elif isinstance(target, AlertTranslation) and not alert.is_editable:
        AlertTranslation.objects.filter(pk=target.pk).update(written_by=moderator)
    else:
        Alert.objects.filter(pk=alert.pk).update(
            last_edited_by=moderator, status=Alert.Status.DRAFT
        )


@transaction.atomic
def alert_flag_keep(
    *, moderator: Any, alert: Alert, name: str, fingerprint: str, reason: str
) -> FlagDecision:
    """Keeps a flagged detail on purpose; the approver sees the reason."""
    may_change(alert, name)
    if len(reason.strip()) < 3:
        refuse(_("Say why this detail is safe to keep."))
    item = flag_at(alert, name, fingerprint)
    decision = FlagDecision(
        alert=alert,
        field=name,
        kind=item.flag.kind,
        fingerprint=fingerprint,
        reason=reason.strip(),
        decided_by=moderator,
    )
    decision.full_clean()
    decision.save()
    audit.log(moderator, "alerts.flag.kept", alert, field=name, kind=item.flag.kind)
    return decision


@transaction.atomic
def alert_translation_save(
    *, moderator: Any, alert: Alert, language: str, text: dict[str, str]
) -> AlertTranslation:
    """Saves the moderator's words in another language, scanned like the original. Added to a
    sent alert, members read it only once a second moderator approves it."""
    if alert.status == Alert.Status.WITHDRAWN:
        refuse(_("This alert was withdrawn."))
    facts = selectors.facts_for(alert)
    translation, _created = AlertTranslation.objects.get_or_create(alert=alert, language=language)
    for name in TEXT_FIELDS:
        setattr(translation, name, sanitise(text.get(name, ""), facts))
    translation.written_by, translation.approved_by, translation.approved_at = moderator, None, None
    translation.full_clean()
    translation.save()
    if alert.is_editable:
        Alert.objects.filter(pk=alert.pk).update(
            last_edited_by=moderator, status=Alert.Status.DRAFT
        )
    audit.log(moderator, "alerts.translation.saved", alert, language=language)
    return translation


@transaction.atomic
def alert_translation_approve(*, moderator: Any, translation: AlertTranslation) -> AlertTranslation:
    """A second moderator lets members read a translation added after the alert was sent."""
    translation = AlertTranslation.objects.select_for_update().get(pk=translation.pk)
    alert = translation.alert
    if alert.is_editable:
        refuse(_("This translation is approved with the alert."))
    if translation.approved_at is not None:
        refuse(_("This translation is approved already."))
    fields = [f"translation:{translation.language}:{name}" for name in TEXT_FIELDS]
    if selectors.unresolved(selectors.flags_in(alert, fields=fields)):
        refuse(_("Remove or keep (with a reason) every highlighted detail first."))
    mode = approval_mode(moderator, {translation.written_by_id}, alert, AlertPolicy.current())
    translation.approved_by, translation.approved_at = moderator, timezone.now()
    translation.save(update_fields=["approved_by", "approved_at"])
    audit.log(
        moderator, f"alerts.translation.approved.{mode}", alert, language=translation.language
    )
    return translation


# --- the reporter's look before sending -----------------------------------------------------


@transaction.atomic
def alert_review_request(*, moderator: Any, alert: Alert) -> list[AlertReview]:
    """Shows the draft to every reporter we can ask who is not already looking at it:
    reporters with accounts (an in-app notice), and reports without one whose reporter
    asked to see it (no notice: they have no channel; their report's page shows it)."""
    if not alert.is_editable:
        refuse(_("This alert has been sent: publish an update instead."))
    if not reporters_we_can_ask(alert):
        refuse(
            _(
                "None of the reporters can be asked: they have no account, or did not ask "
                "to see the alert when they reported."
            )
        )
    waiting = alert.reviews.filter(answer=AlertReview.Answer.WAITING)
    accounts = selectors.reports_asked_in_account(alert).exclude(
        reporter__in=waiting.exclude(reporter=None).values("reporter_id")
    )
    people = {report.reporter for report in accounts.select_related("reporter")}
    reports = list(
        selectors.reports_asked_by_receipt(alert).exclude(
            pk__in=waiting.exclude(report=None).values("report_id")
        )
    )
    in_account = [AlertReview.objects.create(alert=alert, reporter=who) for who in people]
    by_receipt = [AlertReview.objects.create(alert=alert, report=report) for report in reports]
    deliveries_enqueue([review_notice(review) for review in in_account])
    audit.log(
        moderator,
        "alerts.review.requested",
        alert,
        reviewers=len(in_account) + len(by_receipt),
        by_receipt=len(by_receipt),
    )
    return in_account + by_receipt


def review_notice(review: AlertReview) -> Outgoing:
    """In-app only, and it never carries the alert's words."""
    return Outgoing(
        key=f"alert-review:{review.pk}:inapp",
        channel="inapp",
        to="",
        body=f"alert review {review.pk}",
        purpose="alert_review",
        recipient=review.reporter,
        source=review,
    )


def reporters_we_can_ask(alert: Alert) -> bool:
    """Someone can see the draft first: a reporter with an account, or a receipt holder
    who asked to."""
    in_account = selectors.reports_asked_in_account(alert).exists()
    return in_account or selectors.reports_asked_by_receipt(alert).exists()


def answered(review: AlertReview, ok: bool, comment: str) -> None:
    review.answer = AlertReview.Answer.OK if ok else AlertReview.Answer.CHANGES
    review.comment = comment.strip()[:2000]
    review.full_clean()
    review.save()


def review_to_answer(review: AlertReview) -> AlertReview:
    """The review, locked, while the alert it shows can still change (both kinds of reporter)."""
    review = AlertReview.objects.select_for_update().select_related("alert").get(pk=review.pk)
    if not review.alert.is_editable:
        refuse(_("This alert has already been sent."))
    return review


@transaction.atomic
def alert_review_answer(*, reporter: Any, review: AlertReview, ok: bool, comment: str) -> None:
    """A reporter with an account answers (and may change their answer until it is sent)."""
    review = review_to_answer(review)
    if review.reporter_id != reporter.pk:
        refuse(_("This is not yours to answer."))
    review.answered_at = timezone.now()
    answered(review, ok, comment)
    audit.log(reporter, "alerts.review.answered", review.alert, answer=review.answer)


@transaction.atomic
def alert_review_answer_by_receipt(
    *, report: Any, review: AlertReview, ok: bool, comment: str
) -> None:
    """The receipt holder of `report` answers on its follow-up page, once.

    Like every write by someone without an account it leaves a day, not a time, and no
    audit row with a time (docs/security.md): when they came back is as identifying as
    when they reported. The review row itself records the answer and the day.
    """
    review = review_to_answer(review)
    if review.report_id != report.pk:
        refuse(_("This is not yours to answer."))
    if not report.is_live:
        refuse(_("You withdrew this report, so we will not use it for an alert."))
    if review.answer != AlertReview.Answer.WAITING:
        refuse(_("You have already answered. Write to us if you want to add something."))
    review.answered_at = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    answered(review, ok, comment)


# --- approval and publishing ----------------------------------------------------------------


@transaction.atomic
def alert_submit(*, moderator: Any, alert: Alert) -> Alert:
    """Asks a second person to approve; every flag must be resolved first."""
    if alert.status != Alert.Status.DRAFT:
        refuse(_("Only a draft can be sent for approval."))
    ready_to_send(alert)
    if alert.reporter_review and not alert.reviews.exists() and reporters_we_can_ask(alert):
        refuse(_("The reporter asked to see the text first: show it to them before sending."))
    alert.status, alert.submitted_at = Alert.Status.AWAITING, timezone.now()
    alert.returned_note = ""
    alert.save(update_fields=["status", "submitted_at", "returned_note"])
    audit.log(moderator, "alerts.alert.submitted", alert)
    return alert


def ready_to_send(alert: Alert) -> None:
    if alert.reports.filter(pk__in=selectors.reports_without_consent()).exists():
        refuse(_("A reporter withdrew their consent: this alert cannot be sent."))
    if selectors.unresolved(selectors.flags_in(alert)):
        refuse(_("Remove or keep (with a reason) every highlighted detail first."))
    if not alert.national and not alert.regions.exists():
        refuse(_("Choose at least one region, or make the alert national."))
    if alert.expires_at <= timezone.now():
        refuse(_("The archive date has passed; choose a later one."))


@transaction.atomic
def alert_return(*, moderator: Any, alert: Alert, note: str) -> Alert:
    """The approver sends the draft back with a note instead of approving it."""
    if alert.status != Alert.Status.AWAITING:
        refuse(_("Only an alert waiting for approval can be sent back."))
    alert.status, alert.returned_note = Alert.Status.DRAFT, note.strip()[:2000]
    alert.save(update_fields=["status", "returned_note"])
    audit.log(moderator, "alerts.alert.returned", alert)
    return alert


def approval_mode(moderator: Any, writers: set[Any], alert: Alert, policy: AlertPolicy) -> str:
    """How this approval of words `writers` wrote satisfies the four-eyes rule, or a refusal
    saying why not (the same rule for a first send, an update and a translation)."""
    if moderator.pk not in writers:
        return Alert.ApprovalMode.FOUR_EYES
    if not policy.needs_second_person(alert.severity):
        return Alert.ApprovalMode.SINGLE_BY_SEVERITY
    alone_allowed = alert.severity == "danger" and policy.single_danger_out_of_hours
    if alone_allowed and policy.out_of_hours():
        return Alert.ApprovalMode.SINGLE_OUT_OF_HOURS
    refuse(_("A second moderator must approve words you wrote or changed."))
    return ""


@transaction.atomic
def alert_approve(*, moderator: Any, alert: Alert, without_reporter: bool = False) -> int:
    """Approves and publishes at once. Returns how many messages were queued."""
    alert = Alert.objects.select_for_update().get(pk=alert.pk)
    if alert.status != Alert.Status.AWAITING:
        refuse(_("Only an alert waiting for approval can be approved."))
    ready_to_send(alert)
    waiting = alert.reviews.filter(answer=AlertReview.Answer.WAITING).exists()
    if waiting and not without_reporter:
        refuse(_("The reporter has not answered yet. Wait, or confirm sending without them."))
    writers = {alert.created_by_id, alert.last_edited_by_id}
    mode = approval_mode(moderator, writers, alert, AlertPolicy.current())
    alert.approved_by, alert.approved_at, alert.approval_mode = moderator, timezone.now(), mode
    alert.save(update_fields=["approved_by", "approved_at", "approval_mode"])
    alert.translations.update(approved_by=moderator, approved_at=alert.approved_at)
    audit.log(moderator, f"alerts.alert.approved.{mode}", alert, severity=alert.severity)
    return alert_publish(actor=moderator, alert=alert)


def outgoing(alert: Alert, people: Iterable[Any], update: Update = "") -> list[Outgoing]:
    """One message per member and channel; wording made once per language and mode."""
    made: dict[tuple[str, str, bool], Wording] = {}
    messages = []
    for person in people:
        for channel in person.channels:
            key = (channel, person.language, person.discreet)
            if key not in made:
                made[key] = wording(
                    alert,
                    channel,
                    language=person.language,
                    discreet=person.discreet,
                    update=update,
                )
            messages.append(message(alert, person, channel, made[key]))
    return messages


def message(alert: Alert, person: Any, channel: str, words: Wording) -> Outgoing:
    address = {"email": person.email, "sms": person.mobile}.get(channel, "")
    return Outgoing(
        key=delivery_key(alert, person.user_id, channel),
        channel=channel,
        to=address,
        subject=words.subject,
        body=words.body,
        purpose=PURPOSE,
        recipient=person.user_id,
        source=alert,
    )


@transaction.atomic
def alert_publish(*, actor: Any, alert: Alert) -> int:
    """Marks an approved alert sent and queues its deliveries in the same transaction."""
    if alert.approved_by_id is None or alert.status != Alert.Status.AWAITING:
        refuse(_("Only an approved alert can be sent."))
    alert.status, alert.published_at = Alert.Status.PUBLISHED, timezone.now()
    alert.save(update_fields=["status", "published_at"])
    queued = deliveries_enqueue(outgoing(alert, selectors.audience(alert)))
    audit.log(actor, "alerts.alert.published", alert, deliveries=queued)
    return queued


def reached_people(alert: Alert, pairs: list[tuple[int, str]]) -> list[Any]:
    """Who got the alert, on the channels they got it on, as they want messages now."""
    from redbrolly.accounts.models import MemberProfile

    channels: dict[int, list[str]] = {}
    for user_id, channel in pairs:
        channels.setdefault(user_id, []).append(channel)
    profiles = MemberProfile.objects.filter(user_id__in=list(channels))
    return [
        selectors.Recipient(
            user_id=p.user_id,
            email=p.email,
            mobile=p.mobile,
            channels=tuple(c for c in channels[p.user_id] if c in p.channels),
            language=p.language or "en",
            discreet=p.discreet_mode,
        )
        for p in profiles
    ]


def proposed(moderator: Any, alert: Alert, kind: str, text: str) -> AlertUpdate:
    update = AlertUpdate(
        alert=alert,
        kind=kind,
        text=sanitise(text.strip(), selectors.facts_for(alert)),
        created_by=moderator,
    )
    update.full_clean()
    update.save()
    return update


@transaction.atomic
def alert_update(*, moderator: Any, alert: Alert, text: str) -> AlertUpdate:
    """Proposes what has changed ("he was arrested"); it goes to everyone who got the alert
    once a second moderator approves its words (`alert_update_approve`)."""
    alert = Alert.objects.select_for_update().get(pk=alert.pk)
    if alert.status != Alert.Status.PUBLISHED:
        refuse(_("Only a sent alert can be updated."))
    if alert.updates.filter(sent_at=None).exists():
        refuse(_("An update is already waiting for approval: approve or change it first."))
    update = proposed(moderator, alert, AlertUpdate.Kind.UPDATE, text)
    audit.log(moderator, "alerts.update.proposed", alert, kind=update.kind)
    return update


@transaction.atomic
def alert_withdraw(*, moderator: Any, alert: Alert, text: str) -> AlertUpdate:
    """Withdraws a sent alert at once: members no longer see it as current and what has not
    gone out never will. The notice to those who got it waits for a second moderator, as
    every word sent does; the system's own notice (consent withdrawn) goes at once."""
    alert = Alert.objects.select_for_update().get(pk=alert.pk)
    if alert.status != Alert.Status.PUBLISHED:
        refuse(_("Only a sent alert can be withdrawn."))
    cancelled = deliveries_cancel(source=alert)
    alert.status, alert.withdrawn_at = Alert.Status.WITHDRAWN, timezone.now()
    alert.save(update_fields=["status", "withdrawn_at"])
    AlertUpdate.objects.filter(alert=alert, sent_at=None).delete()
    if moderator is None:
        update = AlertUpdate.objects.create(
            alert=alert, kind=AlertUpdate.Kind.WITHDRAWAL, text=text
        )
        queued = update_send(update)
    else:
        update, queued = proposed(moderator, alert, AlertUpdate.Kind.WITHDRAWAL, text), 0
    audit.log(moderator, "alerts.alert.withdrawn", alert, cancelled=cancelled, deliveries=queued)
    return update


@transaction.atomic
def alert_update_approve(*, moderator: Any, update: AlertUpdate) -> int:
    """A second moderator sends an update or withdrawal notice. Returns messages queued."""
    alert = Alert.objects.select_for_update().get(pk=update.alert_id)
    update = AlertUpdate.objects.select_for_update().get(pk=update.pk)
    if update.sent_at is not None:
        refuse(_("This has been sent already."))
    if selectors.unresolved(selectors.flags_in(alert, fields=[f"update:{update.pk}"])):
        refuse(_("Remove or keep (with a reason) every highlighted detail first."))
    mode = approval_mode(moderator, {update.created_by_id}, alert, AlertPolicy.current())
    update.approved_by, update.approval_mode = moderator, mode
    queued = update_send(update)
    audit.log(
        moderator, f"alerts.update.approved.{mode}", alert, kind=update.kind, deliveries=queued
    )
    return queued


@transaction.atomic
def alert_update_change(*, moderator: Any, update: AlertUpdate, text: str) -> AlertUpdate:
    """Rewrites an update waiting for approval; whoever rewrites it cannot approve it."""
    update = AlertUpdate.objects.select_for_update().get(pk=update.pk)
    if update.sent_at is not None:
        refuse(_("This has been sent already."))
    update.text = sanitise(text.strip(), selectors.facts_for(update.alert))
    update.created_by = moderator
    update.full_clean()
    update.save(update_fields=["text", "created_by"])
    audit.log(moderator, "alerts.update.changed", update.alert, kind=update.kind)
    return update


def update_send(update: AlertUpdate) -> int:
    """The update as the alert's next version, to everyone who got any version of it."""
    alert = update.alert
    alert.version += 1
    alert.save(update_fields=["version"])
    update.version, update.sent_at = alert.version, timezone.now()
    update.save(update_fields=["version", "sent_at", "approved_by", "approval_mode"])
    notice: Update = update.text
    if update.kind == AlertUpdate.Kind.WITHDRAWAL:
        notice = format_lazy("{} {}", gettext_lazy("This alert has been withdrawn."), update.text)
    people = reached_people(alert, selectors.reached(alert))
    return deliveries_enqueue(outgoing(alert, people, update=notice))


def alerts_withdraw_without_consent() -> int:
    """Worker job: a reporter who withdraws consent takes the alerts built on their report
    with them. Members who got one are told it was withdrawn (nothing more); what was still
    waiting is cancelled. Feeds, the API and bulletins already hide these alerts."""
    affected = Alert.objects.filter(
        status=Alert.Status.PUBLISHED, reports__in=selectors.reports_without_consent()
    ).distinct()
    for alert in affected:
        alert_withdraw(moderator=None, alert=alert, text=_("It is no longer current."))
    return len(affected)
