"""Staff pages: suggested links, perpetrator profiles, and the police intelligence export."""

from __future__ import annotations

import csv
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from redbrolly.lib import audit
from redbrolly.lib.access import staff_required
from redbrolly.linkage import selectors, services
from redbrolly.linkage.forms import AddReportForm, DecideForm
from redbrolly.linkage.models import Link
from redbrolly.reports.models import Report

# Suggestions and profiles show report details: both permissions, as the reports pages need.
VIEW = ("linkage.view_profile", "reports.view_report")
DECIDE = ("linkage.confirm_link", *VIEW)
EXPORT = ("linkage.export_intelligence", *VIEW)


@staff_required(*VIEW)
def suggestions(request: HttpRequest) -> HttpResponse:
    shown, waiting = selectors.suggestions()
    context = {"suggestions": shown, "waiting": waiting}
    return render(request, "linkage/suggestions.html", context)


@staff_required(*VIEW)
def alike(request: HttpRequest) -> HttpResponse:
    """Reports sharing no detail that describe the man alike (its own page: every description
    of the last year is decrypted and compared, bench/linkage.py)."""
    pairs, count = selectors.alike_pairs()
    return render(request, "linkage/alike.html", {"alike": pairs, "alike_count": count})


def live_report(pk: Any) -> Report:
    return get_object_or_404(Report, pk=pk, withdrawn_at__isnull=True)


def errors_of(refused: ValidationError) -> str:
    return " ".join(refused.messages)


def chosen_pks(request: HttpRequest) -> list[int]:
    values = request.POST.getlist("chosen")
    return list(dict.fromkeys(int(v) for v in values if v.isdigit() and len(v) < 12))


@require_POST
@staff_required(*DECIDE)
def same(request: HttpRequest) -> HttpResponse:
    """The ticked candidates of a suggestion are one person."""
    reason = request.POST.get("reason", "")[:500]
    reports = [live_report(pk) for pk in chosen_pks(request)]
    try:
        services.link_same(actor=request.user, reports=reports, reason=reason)
    except ValidationError as refused:
        messages.error(request, errors_of(refused))
    else:
        messages.success(request, _("Linked: they are now one profile."))
    return redirect("linkage:suggestions")


@require_POST
@staff_required(*DECIDE)
def apart(request: HttpRequest) -> HttpResponse:
    """One candidate is not the same person as the others of its suggestion."""
    value = request.POST.get("candidate", "")
    report = live_report(int(value) if value.isdigit() and len(value) < 12 else 0)
    others_pks = selectors.suggested_with(report.pk)
    if others_pks is None:
        messages.error(request, _("This suggestion was decided already."))
        return redirect("linkage:suggestions")
    others = [live_report(pk) for pk in others_pks]
    services.link_apart(
        actor=request.user,
        report=report,
        others=others,
        reason=request.POST.get("reason", "")[:500],
    )
    messages.success(request, _("Recorded: not the same person as the others."))
    return redirect("linkage:suggestions")


@require_POST
@staff_required(*DECIDE)
def decide(request: HttpRequest) -> HttpResponse:
    form = DecideForm(request.POST)
    back = request.POST.get("back", "")
    if not form.is_valid():
        messages.error(request, _("That decision could not be read. Please try again."))
        return redirect("linkage:suggestions")
    a, b = live_report(form.cleaned_data["first"]), live_report(form.cleaned_data["second"])
    try:
        link = services.link_decide(
            actor=request.user,
            a=a,
            b=b,
            decision=form.cleaned_data["decision"],
            reason=form.cleaned_data["reason"],
        )
    except ValidationError as refused:
        messages.error(request, errors_of(refused))
        return redirect("linkage:suggestions")
    if link.decision == Link.Decision.SAME:
        messages.success(request, _("Linked: both reports are now in one profile."))
    else:
        messages.success(request, _("Recorded: not the same person."))
    if back == "profile":
        profile = selectors.profile_pk_of(a.pk, b.pk)
        if profile is not None:
            return redirect("linkage:profile", pk=profile)
    if back == "alike":
        return redirect("linkage:alike")
    return redirect("linkage:suggestions")


@staff_required(*VIEW)
def profiles(request: HttpRequest) -> HttpResponse:
    return render(request, "linkage/profiles.html", {"profiles": selectors.profiles()})


def profile_or_404(pk: int) -> selectors.Profile:
    found = selectors.profile_detail(pk)
    if found is None:
        raise Http404
    return found


@staff_required(*VIEW)
def profile(request: HttpRequest, pk: int, form: AddReportForm | None = None) -> HttpResponse:
    found = profile_or_404(pk)
    audit.log(request.user, "linkage.profile.viewed", found.reports[0], reports=len(found.reports))
    user: Any = request.user
    context = {
        "profile": found,
        "shareable": found.shareable(),
        "can_decide": user.has_perm("linkage.confirm_link"),
        "can_export": user.has_perm("linkage.export_intelligence"),
        "add_form": form or AddReportForm(),
        "decisions": Link.Decision,
    }
    return render(request, "linkage/profile.html", context, status=400 if form else 200)


@require_POST
@staff_required(*DECIDE)
def profile_add(request: HttpRequest, pk: int) -> HttpResponse:
    found = profile_or_404(pk)
    form = AddReportForm(request.POST)
    if not form.is_valid():
        return profile(request, pk, form)
    other = Report.objects.filter(reference=form.cleaned_data["reference"]).first()
    if other is None:
        form.add_error("reference", _("No report has this reference."))
        return profile(request, pk, form)
    try:
        services.link_decide(
            actor=request.user,
            a=found.reports[0],
            b=other,
            decision=Link.Decision.SAME,
            reason=form.cleaned_data["reason"],
        )
    except ValidationError as refused:
        form.add_error("reference", errors_of(refused))
        return profile(request, pk, form)
    messages.success(request, _("The report was added to this profile."))
    return redirect("linkage:profile", pk=selectors.profile_pk_of(other.pk) or pk)


@staff_required(*EXPORT)
def intelligence(request: HttpRequest, pk: int) -> HttpResponse:
    """Only the reports whose reporter agreed to share with the police; audited."""
    found = profile_or_404(pk)
    rows = services.intelligence_rows(found)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="intelligence-profile-{pk}.csv"'
    csv.writer(response).writerows(rows)
    # One row per report that went out, so each report's history says it was shared.
    shared = found.shareable()
    for report in shared:
        audit.log(
            request.user,
            "linkage.intelligence.exported",
            report,
            purpose="police intelligence",
            profile=pk,
            reports=len(shared),
            withheld=len(found.reports) - len(shared),
        )
    return response
