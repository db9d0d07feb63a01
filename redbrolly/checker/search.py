"""Staff search over reported identifiers, whole or partial (last digits, part of a plate).

Values are encrypted, so partial search goes through fragment indexes: keyed HMACs of a
phone's last four digits and of every three-character run of a plate. Fragments find a few
candidates; their values are then read and matched exactly. Every search is audited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.db.models import Count
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from redbrolly.checker.models import Fragment
from redbrolly.lib import audit
from redbrolly.lib.crypto import blind_index
from redbrolly.lib.normalise import IdentifierKind

FRAGMENTED_KINDS = (IdentifierKind.PHONE.value, IdentifierKind.PLATE.value)
LAST_DIGITS = 4
NGRAM = 3
MAX_CANDIDATES = 500
MAX_RESULTS = 100
_NOT_A_DIGIT = re.compile(r"[^0-9]")


class Mode:
    WHOLE = "whole"
    LAST_DIGITS = "last_digits"
    PLATE_PART = "plate_part"

    CHOICES = [
        (WHOLE, _("A whole phone number, email, handle, link or plate")),
        (LAST_DIGITS, _("The last digits of a phone number (at least 4)")),
        (PLATE_PART, _("Part of a number plate (use ? for an unknown character)")),
    ]


def trigrams(plate: str) -> set[str]:
    """Three-character runs with no unknown character in them."""
    runs = (plate[i : i + NGRAM] for i in range(len(plate) - NGRAM + 1))
    return {run for run in runs if "?" not in run}


def fragments_of(kind: str, value: str) -> list[tuple[str, str]]:
    if kind == IdentifierKind.PHONE:
        digits = _NOT_A_DIGIT.sub("", value)
        tail = digits[-LAST_DIGITS:]
        return [(Fragment.PHONE_LAST4, blind_index(Fragment.PHONE_LAST4, tail))] if tail else []
    if kind == IdentifierKind.PLATE:
        grams = sorted(trigrams(value))
        return [(Fragment.PLATE_NGRAM3, blind_index(Fragment.PLATE_NGRAM3, g)) for g in grams]
    return []


def plate_compatible(pattern: str, stored: str) -> bool:
    """The pattern could be (part of) the stored plate; "?" on either side matches anything."""
    for offset in range(len(stored) - len(pattern) + 1):
        window = stored[offset : offset + len(pattern)]
        if all(p == s or "?" in (p, s) for p, s in zip(pattern, window, strict=True)):
            return True
    return False


@dataclass(frozen=True)
class Hit:
    kind: str
    value: str
    report: Any

    @property
    def report_url(self) -> str:
        """The report's staff page (reports app)."""
        try:
            return reverse("reports:detail", args=[self.report.pk])
        except NoReverseMatch:
            return ""


def live_identifiers() -> Any:
    from redbrolly.reports.models import Identifier

    return Identifier.objects.filter(report__withdrawn_at__isnull=True).select_related(
        "report", "report__region"
    )


def by_fragments(kind: str, indexes: set[str]) -> list[Any]:
    """Identifiers holding the most of these fragments first.

    A plate reported in part has no fragment across its unknown characters, so candidates
    need not hold every fragment; the exact comparison afterwards decides.
    """
    ranked = (
        Fragment.objects.filter(kind=kind, index__in=indexes)
        .values("identifier_id")
        .annotate(found=Count("index", distinct=True))
        .order_by("-found", "identifier_id")
        .values_list("identifier_id", flat=True)[:MAX_CANDIDATES]
    )
    return list(live_identifiers().filter(pk__in=list(ranked)))


def whole(kind: str, value: str) -> list[Any]:
    return list(live_identifiers().filter(index=blind_index(kind, value))[:MAX_RESULTS])


def ending_in(digits: str) -> list[Any]:
    tail = {blind_index(Fragment.PHONE_LAST4, digits[-LAST_DIGITS:])}
    found = by_fragments(Fragment.PHONE_LAST4, tail)
    return [row for row in found if _NOT_A_DIGIT.sub("", row.value).endswith(digits)]


def plate_like(pattern: str) -> list[Any]:
    grams = {blind_index(Fragment.PLATE_NGRAM3, gram) for gram in trigrams(pattern)}
    found = by_fragments(Fragment.PLATE_NGRAM3, grams)
    return [row for row in found if plate_compatible(pattern, row.value)]


def identifier_search(*, actor: Any, mode: str, kind: str, value: str, purpose: str) -> list[Hit]:
    """Staff search (moderators, analysts); the audit entry names no value, only counts."""
    if mode == Mode.LAST_DIGITS:
        rows = ending_in(value)
    elif mode == Mode.PLATE_PART:
        rows = plate_like(value)
    else:
        rows = whole(kind, value)
    hits = [Hit(row.kind, row.value, row.report) for row in rows[:MAX_RESULTS]]
    report_ids = sorted({hit.report.pk for hit in hits})
    audit.log(
        actor,
        "checker.search.run",
        purpose=purpose,
        mode=mode,
        results=len(hits),
        reports=report_ids[:50],
    )
    return hits
