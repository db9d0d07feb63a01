from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse

from redbrolly.insights import selectors
from redbrolly.insights.forms import ThresholdForm
from redbrolly.insights.selectors import StudySource
from redbrolly.insights.statistics import headline_counts, visible_links
from redbrolly.lib import audit
from redbrolly.lib.access import staff_required

RUN_STUDY = "research.run_study"


def report_context(source: StudySource, extra: int | None) -> dict[str, Any]:
    # The report pulls in statsmodels, matplotlib and WeasyPrint: seconds to import, so only
    # when someone opens it, not whenever the URLconf loads.
    from redbrolly.insights.report import context

    return context(selectors.report_for(source), extra)


def report_pdf(request: HttpRequest, context: dict[str, Any]) -> bytes:
    from redbrolly.insights.pdf import render_pdf
    from redbrolly.insights.report import pdf_cache_key

    key = pdf_cache_key(context)
    found = cache.get(key)
    if found is None:
        html = render_to_string("insights/evaluation_pdf.html", context, request=request)
        found = render_pdf(html)
        cache.set(key, found, selectors.CACHE_SECONDS)
    return bytes(found)


@staff_required("insights.view_statistics")
def landing(request: HttpRequest) -> HttpResponse:
    context = {"links": visible_links(request.user), "counts": headline_counts()}
    return render(request, "insights/landing.html", context)


@staff_required(RUN_STUDY)
def evaluation(request: HttpRequest, study_id: int | None = None) -> HttpResponse:
    source = source_or_404(study_id)
    form = ThresholdForm(request.GET or None)
    extra = form.cleaned_data["wtp"] if form.is_valid() else None
    context = report_context(source, extra)
    audit.log(request.user, "insights.evaluation.viewed", study=source.key)
    return render(
        request,
        "insights/evaluation.html",
        {**context, "form": form, "studies": study_links(), "pdf_url": pdf_url(source, extra)},
    )


@staff_required(RUN_STUDY)
def evaluation_pdf(request: HttpRequest, study_id: int | None = None) -> HttpResponse:
    source = source_or_404(study_id)
    form = ThresholdForm(request.GET or None)
    extra = form.cleaned_data["wtp"] if form.is_valid() else None
    context = report_context(source, extra)
    pdf = report_pdf(request, context)
    audit.log(request.user, "insights.evaluation.pdf_downloaded", study=source.key)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="evaluation-{source.key}.pdf"'
    return response


def source_or_404(study_id: int | None) -> StudySource:
    source = selectors.study_source(study_id)
    if source is None:
        raise Http404
    return source


def study_links() -> list[dict[str, Any]]:
    """Other studies to switch to; nothing when the simulated cohort is all there is."""
    sources = selectors.study_sources()
    return [
        {"title": s.title, "url": reverse("insights:evaluation_study", args=[s.pk])}
        for s in sources
        if s.pk is not None
    ]


def pdf_url(source: StudySource, extra: int | None) -> str:
    if source.pk is None:
        url = reverse("insights:evaluation_pdf")
    else:
        url = reverse("insights:evaluation_study_pdf", args=[source.pk])
    return f"{url}?wtp={extra}" if extra is not None else url
