"""The printable bulletin: current alerts for one region as a PDF (WeasyPrint).

For outreach workers to print and hand out, and for members who are not online. The
neutral cover and PDF title say nothing about what is inside, for a bag that gets searched.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone

from redbrolly.alerts import selectors
from redbrolly.alerts.models import Alert
from redbrolly.core.models import Organisation

DEFAULT_DAYS = 28


def bulletin_alerts(user: Any, region: Any, since: datetime.date) -> list[Alert]:
    visible = selectors.alerts_visible_to(user).current().for_regions([region.pk])
    found = visible.filter(published_at__date__gte=since).order_by("-published_at")
    return list(found.prefetch_related("regions", "translations", "updates"))


def document(
    user: Any, *, region: Any, since: datetime.date | None, neutral: bool, language: str = "en"
) -> str:
    """The bulletin as HTML, before it becomes a PDF."""
    since = since or timezone.localdate() - datetime.timedelta(days=DEFAULT_DAYS)
    alerts = bulletin_alerts(user, region, since)
    context = {
        "items": [(alert, alert.text_in(language)) for alert in alerts],
        "region": region,
        "since": since,
        "today": timezone.localdate(),
        "neutral": neutral,
        "organisation": Organisation.current(),
    }
    return render_to_string("alerts/bulletin_pdf.html", context)


def render(user: Any, **options: Any) -> bytes:
    from weasyprint import CSS, HTML

    stylesheet = CSS(filename=finders.find("alerts/bulletin.css"))
    html = HTML(string=document(user, **options))
    return bytes(html.write_pdf(stylesheets=[stylesheet]))
