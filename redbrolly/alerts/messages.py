"""What each channel says about an alert, in the member's language.

Discreet by default (SECURITY.md): in discreet mode SMS, push *and email* carry only a
neutral line and a link; the alert itself is read after signing in. Email is included
because phones show the start of an email on the lock screen, and a controlling partner
who reads a member's phone usually reads her mailbox too. Email subjects are always
neutral. Members who switch discreet mode off get the full text on every channel.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from redbrolly.alerts.detect import sanitise

SMS_LIMIT = 450  # three concatenated segments

# An update's lead text; lazy when it holds our own words, so each member reads it in their
# language (`wording` renders it inside their language).
Update = str | Promise


@dataclass(frozen=True)
class Wording:
    """One message before addressing: subject (email, push title) and body."""

    subject: str
    body: str


def absolute(path: str) -> str:
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def neutral_line() -> str:
    return _("You have a new update")


def alert_link(alert: Any) -> str:
    return absolute(reverse("alerts:detail", args=[alert.pk]))


def full_text(alert: Any, text: dict[str, str]) -> str:
    parts = [f"{alert.get_severity_display().upper()}: {text['title']}", text["summary"]]
    labelled = [
        (_("Description"), text["perpetrator"]),
        (_("Vehicle"), text["vehicle"]),
        (_("Numbers and names used"), text["identifiers"]),
    ]
    parts += [f"{label}:\n{value}" for label, value in labelled if value]
    return "\n\n".join(parts)


def email_footer() -> str:
    preferences = absolute(reverse("accounts:preferences"))
    return "\n\n-- \n" + _("Change how and where you get these messages: %(url)s") % {
        "url": preferences
    }


def email(alert: Any, text: dict[str, str], *, discreet: bool, update: Update = "") -> Wording:
    intro = neutral_line() + ". " + _("Sign in to read it: %(url)s") % {"url": alert_link(alert)}
    body = intro if discreet else f"{update_lead(update)}{full_text(alert, text)}\n\n{intro}"
    return Wording(subject=neutral_line(), body=body + email_footer())


def update_lead(update: Update) -> str:
    return f"{_('Update')}: {update}\n\n" if update else ""


def sms(alert: Any, text: dict[str, str], *, discreet: bool, update: Update = "") -> Wording:
    if discreet:
        return Wording(subject="", body=neutral_line())
    head = f"{alert.get_severity_display().upper()}: {text['title']}"
    body = f"{update_lead(update)}{head}. {text['summary']}"
    link = f" {alert_link(alert)}"
    if len(body) + len(link) > SMS_LIMIT:
        body = body[: SMS_LIMIT - len(link) - 1].rstrip() + "…"
    return Wording(subject="", body=body + link)


def push(alert: Any, text: dict[str, str], *, discreet: bool, update: Update = "") -> Wording:
    if discreet:
        return Wording(subject=_("New update"), body=neutral_line())
    body = f"{update_lead(update)}{text['summary']}"[:240]
    return Wording(subject=f"{alert.get_severity_display()}: {text['title']}"[:80], body=body)


def inapp(alert: Any, text: dict[str, str], *, discreet: bool, update: Update = "") -> Wording:
    # The member area shows the alert itself; the delivery row only records that it is there.
    return Wording(subject="", body=f"alert {alert.pk} v{alert.version}")


WRITERS = {"email": email, "sms": sms, "push": push, "inapp": inapp}


def wording(
    alert: Any, channel: str, *, language: str, discreet: bool, update: Update = ""
) -> Wording:
    """What one channel says in one language. Every word was scanned and approved; as a last
    look before it leaves, any identifier still written whole is masked here."""
    with translation.override(language):
        text = {name: sanitise(value) for name, value in alert.text_in(language).items()}
        update = sanitise(str(update)) if update else ""
        return WRITERS[channel](alert, text, discreet=discreet, update=update)
