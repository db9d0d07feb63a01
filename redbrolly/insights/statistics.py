"""The staff statistics landing page: links to each app's statistics and a few headline counts."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.urls import NoReverseMatch, resolve, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from redbrolly.insights import selectors
from redbrolly.insights.suppression import suppress
from redbrolly.lib.access import ACCESS_ATTR

# Statistics pages of other apps, by URL name; those not built yet are left out.
STATISTICS_PAGES = [
    (
        "insights:evaluation",
        gettext_lazy("Evaluation: members against non-members, value for money"),
    ),
    ("reports:stats", gettext_lazy("Reports")),
    ("alerts:stats", gettext_lazy("Alerts and deliveries")),
    ("checker:stats", gettext_lazy("Checker lookups")),
    ("casework:stats", gettext_lazy("Casework")),
    ("linkage:stats", gettext_lazy("Linked reports")),
    ("research:dashboard", gettext_lazy("Research cohort")),
]


def visible_links(user: Any) -> list[dict[str, str]]:
    """Pages that exist and whose own access rule lets this person in."""
    links = []
    for name, label in STATISTICS_PAGES:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        if may_open(user, getattr(resolve(url).func, ACCESS_ATTR, "")):
            links.append({"url": url, "label": str(label)})
    return links


def may_open(user: Any, rule: str) -> bool:
    if not rule.startswith("staff:"):
        return rule in {"public", "signed_in"} or (rule == "member" and user.is_approved_member)
    perms = [perm for perm in rule.removeprefix("staff:").split(",") if perm]
    return bool(user.is_staff_role and user.has_perms(perms))


def headline_counts() -> list[dict[str, str]]:
    """The last twelve months in four numbers, small ones suppressed."""
    end = timezone.localdate()
    start = end - timedelta(days=364)
    counts = selectors.service_counts(start, end)
    return [
        {"label": _("Approved members"), "value": suppress(counts.members)},
        {"label": _("Reports moderated"), "value": suppress(counts.reports_moderated)},
        {"label": _("Alerts sent"), "value": suppress(counts.alerts_published)},
        {"label": _("Text messages sent"), "value": suppress(counts.deliveries.get("sms", 0))},
        {"label": _("Emails sent"), "value": suppress(counts.deliveries.get("email", 0))},
    ]
