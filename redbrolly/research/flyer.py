"""The study link as a QR code, and the printable recruitment flyer (WeasyPrint)."""

from __future__ import annotations

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from redbrolly.core.models import Organisation
from redbrolly.research.models import Study


def study_url(study: Study) -> str:
    """The public link outreach workers and partners share (the QR code's target)."""
    return settings.SITE_URL + reverse("research:study", kwargs={"slug": study.slug})


def qr_data_uri(url: str, scale: int = 6) -> str:
    """A QR code as an SVG data URI: an <img> under our CSP, nothing fetched from elsewhere."""
    code = segno.make(url, error="m")
    return str(code.svg_data_uri(scale=scale, dark="#000", light="#fff", border=4))


def flyer_pdf(study: Study) -> bytes:
    url = study_url(study)
    html = render_to_string(
        "research/flyer.html",
        {
            "study": study,
            "url": url,
            "qr": qr_data_uri(url, scale=10),
            "organisation": Organisation.current(),
        },
    )
    import weasyprint  # imported here: loading it parses its stylesheets, for PDFs only

    # No base URL: the flyer has nothing to fetch, so WeasyPrint makes no requests at all.
    return bytes(weasyprint.HTML(string=html).write_pdf())
