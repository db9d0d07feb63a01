"""HTML to PDF with WeasyPrint, never fetching anything: every resource is inline.

The fetcher allows `data:` URIs only, so a chart, a font or a stylesheet that pointed at the
network (or at a local file) would be left out rather than fetched.
"""

from __future__ import annotations

from weasyprint import HTML
from weasyprint.urls import URLFetcher


def render_pdf(html: str) -> bytes:
    fetcher = URLFetcher(allowed_protocols=["data"])
    return bytes(HTML(string=html, url_fetcher=fetcher).write_pdf())
