"""An alert's facts in words, in any member's language, without a translator.

The facts (`Alert.facts`, made by `alerts.drafting.facts_from`) hold only what members may
know: the kinds of incident, the setting, the town or region, and when, rounded ("early
December", "the week of 30 November"). Every word here goes through gettext, so an alert
reaches a Romanian member in Romanian however its moderator wrote the rest.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import formats, timezone, translation
from django.utils.dates import MONTHS, MONTHS_ALT
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

SETTINGS = {
    "street": gettext_lazy("on the street"),
    "incall": gettext_lazy("at an incall"),
    "outcall": gettext_lazy("at an outcall"),
    "online": gettext_lazy("online"),
    "parlour": gettext_lazy("at a parlour or sauna"),
}
PRECISIONS = {
    "week": gettext_lazy("The week (the week of 30 November)"),
    "part": gettext_lazy("Part of the month (early December)"),
    "month": gettext_lazy("The month (December)"),
}


@dataclass(frozen=True)
class Made:
    title: str
    summary: str


def from_facts(facts: dict[str, Any], language: str) -> Made:
    """The title and the lines of facts, in `language`."""
    if not facts:
        return Made("", "")
    with translation.override(language):
        return Made(title_of(facts), summary_of(facts))


def types_of(facts: dict[str, Any]) -> str:
    labels = [_(label) for label in facts.get("types", [])]
    if not labels:
        return _("Warning")
    if len(labels) == 1:
        return labels[0]
    return pgettext("a list", "%(first)s and %(last)s") % {
        "first": ", ".join(labels[:-1]),
        "last": labels[-1],
    }


def places_of(facts: dict[str, Any]) -> list[str]:
    return list(
        dict.fromkeys(place["town"] or place["region"] for place in facts.get("places", []))
    )


def title_of(facts: dict[str, Any]) -> str:
    places = places_of(facts)
    if not places:
        return types_of(facts)
    return _("%(what)s in %(where)s") % {"what": types_of(facts), "where": ", ".join(places)}


def where_of(facts: dict[str, Any]) -> str:
    places = []
    for place in facts.get("places", []):
        town, region = place["town"], place["region"]
        places.append(f"{town} ({region})" if town and town != region else region)
    settings = [str(SETTINGS[code]) for code in facts.get("settings", []) if code in SETTINGS]
    where = ", ".join(dict.fromkeys(places))
    return "; ".join(part for part in (where, ", ".join(settings)) if part)


def summary_of(facts: dict[str, Any]) -> str:
    lines = [
        (_("What"), types_of(facts)),
        (_("Where"), where_of(facts)),
        (_("When"), when_of(facts)),
    ]
    if facts.get("reports", 1) > 1:
        lines.append((_("Reports"), formats.number_format(facts["reports"])))
    return "\n".join(f"{label}: {value}" for label, value in lines if value)


# --- when, rounded --------------------------------------------------------------------------


def when_of(facts: dict[str, Any]) -> str:
    when = facts.get("when") or {}
    if not when.get("from"):
        return ""
    start = datetime.date.fromisoformat(when["from"])
    end = datetime.date.fromisoformat(when.get("until") or when["from"])
    precision = facts.get("precision", "part")
    first, last = rounded(start, precision), rounded(end, precision)
    if first == last:
        return first
    return _("between %(start)s and %(end)s") % {"start": first, "end": last}


def rounded(day: datetime.date, precision: str) -> str:
    """A day as members read it: never the day itself."""
    if precision == "week":
        monday = day - datetime.timedelta(days=day.weekday())
        return _("the week of %(date)s") % {"date": formats.date_format(monday, "MONTH_DAY_FORMAT")}
    said = str(MONTHS[day.month]) if precision == "month" else part_of_month(day)
    return with_year(said, day)


def part_of_month(day: datetime.date) -> str:
    month = str(MONTHS_ALT[day.month])
    if day.day <= 10:
        return pgettext("alert date", "early %(month)s") % {"month": month}
    if day.day <= 20:
        return pgettext("alert date", "mid-%(month)s") % {"month": month}
    return pgettext("alert date", "late %(month)s") % {"month": month}


def with_year(said: str, day: datetime.date) -> str:
    if day.year == timezone.localdate().year:
        return said
    return _("%(when)s %(year)s") % {"when": said, "year": day.year}
