"""Every write of the checker: lookups (and their log), abuse flags, suspensions, the policy,
fragment indexes, and the SMS checker's replies.
"""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from redbrolly.accounts.models import MemberProfile
from redbrolly.checker import rules, search, sql
from redbrolly.checker.models import (
    Channel,
    CheckerPolicy,
    Flag,
    Fragment,
    Lookup,
    Result,
    Suspension,
)
from redbrolly.checker.selectors import (
    AlertLink,
    CheckerRules,
    alerts_for,
    checker_rules,
    current_policy,
    forget_rules,
    forget_suspensions,
    is_suspended,
    matches_for,
    matches_from,
)
from redbrolly.lib import audit, ratelimit
from redbrolly.lib.crypto import blind_index
from redbrolly.lib.normalise import (
    Identifier,
    IdentifierKind,
    NotAnIdentifier,
    find_identifiers_in_text,
    normalise_any,
    normalise_phone,
)
from redbrolly.lib.ratelimit import Limit

DAY = 86400
BULK_MAX = 50
WINDOW = datetime.timedelta(hours=1)
THRESHOLDS = rules.Thresholds()
PARTNER_SCALE = 10
SHARED_ACCOUNTS = 4
NEAR_CELLS_KEPT = datetime.timedelta(days=1)
INDEX_KEPT = datetime.timedelta(days=90)


# --- who asks ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Actor:
    """Who checks: a person (approved member or staff) or a partner platform."""

    user: Any = None
    partner: Any = None

    @property
    def subject(self) -> str:
        return f"partner:{self.partner.pk}" if self.partner is not None else f"user:{self.user.pk}"

    @property
    def may_check(self) -> bool:
        if self.partner is not None:
            return bool(self.partner.active and self.partner.can_check)
        user = self.user
        # `is_approved_member` reads the loaded profile before asking for staff roles.
        return user is not None and user.is_active and user.is_approved_member


class CheckRefused(Exception):
    """The check was not made; `message` is fit to show the person asking."""

    status = 403

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class RateLimited(CheckRefused):
    status = 429

    def __init__(self, retry_after: int, *, identifier: bool = False) -> None:
        minutes = max(1, -(-retry_after // 60))
        if identifier:
            message = ngettext(
                "This was checked many times just now. Please try again in %(n)s minute.",
                "This was checked many times just now. Please try again in %(n)s minutes.",
                minutes,
            )
        else:
            message = ngettext(
                "You have made a lot of checks. Please try again in %(n)s minute.",
                "You have made a lot of checks. Please try again in %(n)s minutes.",
                minutes,
            )
        super().__init__(message % {"n": minutes})
        self.retry_after = retry_after


def ensure_may_check(actor: Actor) -> None:
    if not actor.may_check:
        raise CheckRefused(_("The checker is for approved members only."))
    if is_suspended(
        user_id=None if actor.partner else actor.user.pk,
        partner_id=actor.partner.pk if actor.partner else None,
    ):
        raise CheckRefused(_("Checking is paused on this account. Please contact us."))


# --- rate limits -------------------------------------------------------------------------------


def limits_enabled() -> bool:
    # Lifted only by the benchmark, which measures the lookup path itself.
    return bool(getattr(settings, "REDBROLLY_CHECKER_RATE_LIMITS", True))


def account_limits(actor: Actor, channel: str, settings_now: CheckerRules) -> list[Limit]:
    if actor.partner is not None:
        return [
            Limit("checker.partner.minute", actor.partner.lookups_per_minute, 60),
            Limit("checker.partner.day", actor.partner.lookups_per_day, DAY),
        ]
    day = Limit("checker.member.day", settings_now.member_per_day, DAY)
    if channel == Channel.BULK:
        return [Limit("checker.member.bulk", settings_now.bulk_per_ten_minutes, 600), day]
    return [Limit("checker.member.minute", settings_now.member_per_minute, 60), day]


def charge(actor: Actor, channel: str, cost: int) -> None:
    """Counts `cost` checks against the account; all or nothing."""
    if not limits_enabled() or cost == 0:
        return
    verdict = ratelimit.hit(
        account_limits(actor, channel, checker_rules()), actor.subject, cost=cost
    )
    if not verdict.allowed:
        raise RateLimited(verdict.retry_after)


def charge_identifier(index: str) -> None:
    """One identifier checked very often, by anyone, is refused for a while (someone probing
    whether he is listed from several accounts); real members rarely share a client's number
    within minutes, and the detection job flags it to staff."""
    if not limits_enabled():
        return
    limit = Limit("checker.identifier", checker_rules().identifier_per_ten_minutes, 600)
    verdict = ratelimit.hit([limit], f"identifier:{index}")
    if not verdict.allowed:
        raise RateLimited(verdict.retry_after, identifier=True)


# --- lookups -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    identifier: Identifier
    result: Result
    reports: int
    last_reported: datetime.date | None
    severity: str | None
    alerts: list[AlertLink] = field(default_factory=list)

    @property
    def severity_label(self) -> str:
        from redbrolly.reports.models import Report

        return str(Report.Severity(self.severity).label) if self.severity else ""

    def as_json(self) -> dict[str, Any]:
        """The API's answer (and the shape partners embed)."""
        return {
            "result": self.result.value,
            "kind": self.identifier.kind.value,
            "reports": self.reports,
            "last_reported": self.last_reported.isoformat() if self.last_reported else None,
            "severity": self.severity,
            "alerts": [{"id": a.id, "title": a.title, "url": a.url} for a in self.alerts],
        }


def identifier_read(text: str, region: str | None = None) -> Identifier:
    """What a member typed, as an identifier members may check (whole plates only)."""
    return normalise_any(text, region or checker_rules().phone_region)


def index_of(identifier: Identifier) -> str:
    return blind_index(identifier.kind.value, identifier.value)


def lookup_run(*, actor: Actor, identifier: Identifier, channel: str) -> Answer:
    """One check: access, limits, one indexed query with the log row, the answer.

    Not wrapped in a transaction: the log row is the only write, in a single statement (with
    the match on PostgreSQL), and this is the hottest path of the site. The lookup log is the
    audit of checks (no AuditEntry).
    """
    ensure_may_check(actor)
    if identifier.partial:
        raise NotAnIdentifier(_("Please enter the whole number plate."))
    index = index_of(identifier)
    charge(actor, channel, 1)
    charge_identifier(index)
    return answers(actor, [(identifier, index)], channel)[0]


def answers(actor: Actor, items: list[tuple[Identifier, str]], channel: str) -> list[Answer]:
    """The answers for identifiers with their blind indexes, each written to the lookup log."""
    if not items:
        return []
    counting = checker_rules().counting
    logged = sql.logs_with_match()
    if logged:
        found = matches_logged(actor, items, channel, counting)
    else:
        found = matches_for([index for _identifier, index in items])
    made = [
        answer_from(actor, identifier, rules.counted(found.get(index, []), counting))
        for identifier, index in items
    ]
    if not logged:
        lookups_log(actor, items, made, channel)
    return made


def answer_from(actor: Actor, identifier: Identifier, reports: list[rules.Match]) -> Answer:
    return Answer(
        identifier=identifier,
        result=rules.result_for(reports),
        reports=len(reports),
        last_reported=rules.last_reported(reports),
        severity=rules.highest_severity(reports),
        alerts=alerts_for([m.report_id for m in reports if m.in_alert], actor.user),
    )


def lookups_log(
    actor: Actor, items: list[tuple[Identifier, str]], made: list[Answer], channel: str
) -> None:
    """One INSERT for all the rows, outside a transaction (SQLite; PostgreSQL writes them in
    the match statement, `matches_logged`)."""
    at, user_id, partner_id = log_author(actor)
    params: list[Any] = []
    for (identifier, index), answer in zip(items, made, strict=True):
        near_a, near_b = near_cells_of(identifier)
        row = [at, user_id, partner_id, channel, identifier.kind.value, index]
        params += [*row, answer.result.value, answer.reports, near_a, near_b]
    sql.run(sql.lookup_insert_sql(len(items)), params, log_write=True, fetch=False)


def matches_logged(
    actor: Actor, items: list[tuple[Identifier, str]], channel: str, counting: rules.Counting
) -> dict[str, list[rules.Match]]:
    """PostgreSQL: the matches, and the log rows written by the same statement (one round
    trip; `sql.match_and_log_sql`)."""
    indexes = [index for _identifier, index in items]
    params: list[Any] = list(indexes)
    for position, (identifier, index) in enumerate(items):
        params += [position, index, identifier.kind.value, *near_cells_of(identifier)]
    params += [counting.unreviewed_anonymous, counting.unreviewed_known]
    params += [*log_author(actor), channel]
    statement = sql.match_and_log_sql(len(indexes), len(items))
    return matches_from(sql.run(statement, params, log_write=True))


def log_author(actor: Actor) -> tuple[Any, int | None, int | None]:
    """When, and who: the user, or the partner platform."""
    at = sql.db_datetime(timezone.now())
    if actor.partner is not None:
        return at, None, actor.partner.pk
    return at, actor.user.pk, None


def near_cells_of(identifier: Identifier) -> tuple[str, str]:
    if identifier.kind is not IdentifierKind.PHONE:
        return "", ""
    return rules.near_cells(identifier.value)


@dataclass(frozen=True)
class BulkLine:
    """One pasted line: its answer, or why it was not checked."""

    number: int
    typed: str
    answer: Answer | None = None
    error: str = ""


def bulk_read(lines: list[str], region: str) -> list[BulkLine | tuple[int, str, Identifier]]:
    read: list[BulkLine | tuple[int, str, Identifier]] = []
    for number, typed in enumerate(lines, start=1):
        try:
            read.append((number, typed, normalise_any(typed, region)))
        except NotAnIdentifier as error:
            read.append(BulkLine(number, typed, error=_(str(error))))
    return read


def lookup_bulk(*, actor: Actor, lines: list[str], channel: str = Channel.BULK) -> list[BulkLine]:
    """Up to 50 identifiers at once; each counts as a check. Unreadable lines say why."""
    ensure_may_check(actor)
    if len(lines) > BULK_MAX:
        raise CheckRefused(_("Please check up to %(max)s at a time.") % {"max": BULK_MAX})
    read = bulk_read(lines, checker_rules().phone_region)
    wanted = [item for item in read if isinstance(item, tuple)]
    charge(actor, channel, len(wanted))
    allowed, refused = split_by_identifier_limit(wanted)
    checked = answers(
        actor, [(identifier, index) for _n, _t, identifier, index in allowed], channel
    )
    done = {
        n: BulkLine(n, typed, answer)
        for (n, typed, _i, _x), answer in zip(allowed, checked, strict=True)
    }
    done.update({line.number: line for line in refused})
    return [item if isinstance(item, BulkLine) else done[item[0]] for item in read]


def split_by_identifier_limit(
    wanted: list[tuple[int, str, Identifier]],
) -> tuple[list[tuple[int, str, Identifier, str]], list[BulkLine]]:
    """The lines within the per-identifier limit, each with its blind index (computed once)."""
    allowed, refused = [], []
    for number, typed, identifier in wanted:
        index = index_of(identifier)
        try:
            charge_identifier(index)
            allowed.append((number, typed, identifier, index))
        except RateLimited as limited:
            refused.append(BulkLine(number, typed, error=limited.message))
    return allowed, refused


# --- the SMS checker ---------------------------------------------------------------------------


def sms_sender(sender: str) -> Any:
    """The approved member whose registered mobile sent the text, or None."""
    from redbrolly.accounts.services import MEMBER_PHONE

    try:
        e164 = normalise_phone(sender, checker_rules().phone_region).value
    except NotAnIdentifier:
        return None
    return (
        MemberProfile.objects.filter(
            mobile_index=blind_index(MEMBER_PHONE, e164),
            status=MemberProfile.Status.APPROVED,
            user__is_active=True,
        )
        .select_related("user")
        .first()
    )


def sms_identifier(body: str, region: str) -> Identifier:
    """A texted number, email or plate; "check 07700 900123" works too."""
    try:
        return normalise_any(body, region)
    except NotAnIdentifier:
        found = find_identifiers_in_text(body, region)
        if not found:
            raise
        return found[0]


def sms_text(answer: Answer) -> str:
    """Short and neutral: it names no organisation and nothing about the reports."""
    if answer.result == Result.NO_REPORTS:
        return _("Checked: no reports.")
    latest = date_format(answer.last_reported, "j M") if answer.last_reported else ""
    values = {"n": answer.reports, "date": latest}
    if answer.result == Result.WARNING:
        return (
            ngettext(
                "Checked: WARNING - %(n)s report, latest %(date)s. Details in your member area.",
                "Checked: WARNING - %(n)s reports, latest %(date)s. Details in your member area.",
                answer.reports,
            )
            % values
        )
    return (
        ngettext(
            "Checked: take care - %(n)s report, latest %(date)s.",
            "Checked: take care - %(n)s reports, latest %(date)s.",
            answer.reports,
        )
        % values
    )


def sms_reply_for(user: Any, body: str) -> str:
    try:
        identifier = sms_identifier(body, checker_rules().phone_region)
        return sms_text(
            lookup_run(actor=Actor(user=user), identifier=identifier, channel=Channel.SMS)
        )
    except NotAnIdentifier:
        return _("Checked: could not read that. Send one phone number, email or plate.")
    except CheckRefused as refused:
        return refused.message


@transaction.atomic
def sms_inbound(*, sender: str, body: str, message_id: str = "") -> bool:
    """A member texted something to check; the reply goes through the outbox.

    Unknown senders get nothing back (returns False): the number reveals nothing.
    """
    from redbrolly.notify.models import Delivery
    from redbrolly.notify.services import Outgoing, deliveries_enqueue

    key = f"checker.sms.{message_id or secrets.token_hex(12)}"
    profile = sms_sender(sender)
    if profile is None or Delivery.objects.filter(idempotency_key=key).exists():
        return False
    with translation.override(profile.language or None):
        text = sms_reply_for(profile.user, body)
    deliveries_enqueue(
        [
            Outgoing(
                key=key,
                channel="sms",
                to=profile.mobile,
                body=text,
                purpose="checker.reply",
                recipient=profile.user,
            )
        ]
    )
    return True


# --- enumeration detection ---------------------------------------------------------------------


def detect_enumeration(now: datetime.datetime | None = None) -> int:
    """Worker job: flags accounts whose last hour of checks looks like enumeration."""
    now = now or timezone.now()
    since = now - WINDOW
    raised = sum(
        review_account(user_id, partner_id, since, now) for user_id, partner_id in candidates(since)
    )
    return raised + review_shared_identifiers(since, now)


def candidates(since: datetime.datetime) -> list[tuple[int | None, int | None]]:
    least = min(THRESHOLDS.sequential_flag, THRESHOLDS.random_flag)
    rows = (
        Lookup.objects.filter(at__gte=since)
        .exclude(user__isnull=True, partner__isnull=True)
        .values_list("user_id", "partner_id")
        .annotate(distinct=Count("index", distinct=True))
        .filter(distinct__gte=least)
    )
    return [(user_id, partner_id) for user_id, partner_id, _distinct in rows]


def subject_filter(user_id: int | None, partner_id: int | None) -> Q:
    return Q(user_id=user_id) if user_id is not None else Q(partner_id=partner_id, user_id=None)


def last_reviewed(subject: Q) -> datetime.datetime | None:
    """When staff last decided about this account: checks before that are not held against it."""
    closed = Flag.objects.filter(subject, closed_at__isnull=False).order_by("-closed_at").first()
    lifted = (
        Suspension.objects.filter(subject, lifted_at__isnull=False).order_by("-lifted_at").first()
    )
    times = [t for t in (closed and closed.closed_at, lifted and lifted.lifted_at) if t]
    return max(times, default=None)


def review_account(
    user_id: int | None, partner_id: int | None, since: datetime.datetime, now: datetime.datetime
) -> int:
    subject = subject_filter(user_id, partner_id)
    start = max(since, last_reviewed(subject) or since)
    rows = Lookup.objects.filter(subject, at__gte=start, at__lte=now)
    seen = [
        rules.Seen(index, result == Result.NO_REPORTS, near_a, near_b)
        for index, result, near_a, near_b in rows.values_list("index", "result", "near_a", "near_b")
    ]
    limits = THRESHOLDS.scaled(PARTNER_SCALE) if partner_id else THRESHOLDS
    raised = 0
    for finding in rules.findings(seen, limits):
        if not already_flagged(subject, finding.reason, since):
            flag_raise(user_id=user_id, partner_id=partner_id, finding=finding, window_start=start)
            raised += 1
    return raised


def already_flagged(subject: Q, reason: str, since: datetime.datetime) -> bool:
    recent = Q(raised_at__gte=since) | Q(status=Flag.Status.OPEN)
    return Flag.objects.filter(subject, recent, reason=reason).exists()


@transaction.atomic
def flag_raise(
    *,
    user_id: int | None,
    partner_id: int | None,
    finding: rules.Finding,
    window_start: datetime.datetime,
) -> Flag:
    flag = Flag(
        user_id=user_id,
        partner_id=partner_id,
        reason=finding.reason,
        window_start=window_start,
        details=finding.details,
        auto_suspended=finding.suspend and not is_suspended(user_id=user_id, partner_id=partner_id),
    )
    flag.full_clean()
    flag.save()
    audit.log(None, "checker.flag.raised", flag, reason=flag.reason, counts=finding.details)
    if flag.auto_suspended:
        suspension_start(actor=None, user_id=user_id, partner_id=partner_id, flag=flag)
    return flag


def review_shared_identifiers(since: datetime.datetime, now: datetime.datetime) -> int:
    rows = (
        Lookup.objects.filter(at__gte=since, at__lte=now, user__isnull=False)
        .values_list("index")
        .annotate(accounts=Count("user", distinct=True))
        .filter(accounts__gte=SHARED_ACCOUNTS)
    )
    raised = 0
    for index, accounts in rows:
        if not already_flagged(Q(identifier_index=index), Flag.Reason.SHARED, since):
            flag_shared(index=index, accounts=accounts, window_start=since)
            raised += 1
    return raised


@transaction.atomic
def flag_shared(*, index: str, accounts: int, window_start: datetime.datetime) -> Flag:
    flag = Flag.objects.create(
        identifier_index=index,
        reason=Flag.Reason.SHARED,
        window_start=window_start,
        details={"accounts": accounts},
    )
    audit.log(None, "checker.flag.raised", flag, reason=flag.reason, accounts=accounts)
    return flag


@transaction.atomic
def suspension_start(
    *,
    actor: Any,
    user_id: int | None = None,
    partner_id: int | None = None,
    flag: Flag | None = None,
) -> Suspension:
    suspension = Suspension(user_id=user_id, partner_id=partner_id, flag=flag, started_by=actor)
    suspension.full_clean()
    suspension.save()
    forget_suspensions()
    transaction.on_commit(forget_suspensions)
    audit.log(actor, "checker.suspension.started", suspension, flag=flag.pk if flag else None)
    return suspension


@transaction.atomic
def suspension_lift(*, actor: Any, suspension: Suspension) -> None:
    Suspension.objects.filter(pk=suspension.pk, lifted_at__isnull=True).update(
        lifted_at=timezone.now(), lifted_by=actor
    )
    forget_suspensions()
    transaction.on_commit(forget_suspensions)
    audit.log(actor, "checker.suspension.lifted", suspension)


@transaction.atomic
def flag_close(*, actor: Any, flag: Flag, confirm: bool) -> Flag:
    """Staff decide: normal use (lifts a suspension the flag caused) or abuse (suspends)."""
    flag.status = Flag.Status.CONFIRMED if confirm else Flag.Status.DISMISSED
    flag.closed_at, flag.closed_by = timezone.now(), actor
    flag.save(update_fields=["status", "closed_at", "closed_by"])
    audit.log(actor, f"checker.flag.{flag.status}", flag)
    if confirm and flag.reason != Flag.Reason.SHARED:
        suspension_ensure(actor=actor, flag=flag)
    if not confirm:
        for suspension in flag.suspensions.filter(lifted_at__isnull=True):
            suspension_lift(actor=actor, suspension=suspension)
    return flag


def suspension_ensure(*, actor: Any, flag: Flag) -> None:
    if not is_suspended(user_id=flag.user_id, partner_id=flag.partner_id):
        suspension_start(actor=actor, user_id=flag.user_id, partner_id=flag.partner_id, flag=flag)


def forget_old_details(now: datetime.datetime | None = None) -> int:
    """Worker job: the log keeps what statistics need and forgets the rest.

    Adjacency labels serve detection for an hour (kept a day); which identifier was checked
    serves detection and staff follow-up for a while (kept 90 days), then only the count stays.
    """
    now = now or timezone.now()
    near = Lookup.objects.filter(at__lt=now - NEAR_CELLS_KEPT).exclude(near_a="")
    old = Lookup.objects.filter(at__lt=now - INDEX_KEPT).exclude(index="")
    return near.update(near_a="", near_b="") + old.update(index="", near_a="", near_b="")


# --- the organisation's policy -----------------------------------------------------------------


@transaction.atomic
def policy_update(*, actor: Any, **fields: Any) -> CheckerPolicy:
    policy = current_policy()
    for name, value in fields.items():
        setattr(policy, name, value)
    policy.updated_at = timezone.now()
    policy.full_clean()
    policy.save()
    audit.log(actor, "checker.policy.updated", policy, fields=sorted(fields))
    transaction.on_commit(forget_rules)
    return policy


# --- fragment indexes for staff search ---------------------------------------------------------


def index_fragments(batch: int = 2000) -> int:
    """Worker job: fragments for identifiers that have none, or whose value changed."""
    from redbrolly.reports.models import Identifier as Reported

    current = Fragment.objects.filter(
        identifier=OuterRef("pk"), kind=Fragment.WHOLE, index=OuterRef("index")
    )
    stale = Reported.objects.filter(kind__in=search.FRAGMENTED_KINDS).filter(~Exists(current))
    done = 0
    for identifier in stale.only("pk", "kind", "value", "index")[:batch]:
        fragments_replace(identifier)
        done += 1
    return done


@transaction.atomic
def fragments_replace(identifier: Any) -> None:
    Fragment.objects.filter(identifier=identifier).delete()
    pieces = [
        (Fragment.WHOLE, identifier.index),
        *search.fragments_of(identifier.kind, identifier.value),
    ]
    Fragment.objects.bulk_create(
        [Fragment(identifier=identifier, kind=kind, index=index) for kind, index in pieces]
    )
