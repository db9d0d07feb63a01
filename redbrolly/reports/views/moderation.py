"""Moderators' queue and report page; analysts (reports.view_report) read but do not act.

Every opening of a report is audited. Actions need the report's lock (15 minutes, renewed
by each action), so two moderators never work the same report at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from redbrolly.lib import audit
from redbrolly.lib.access import staff_required
from redbrolly.lib.evidence import evidence_response
from redbrolly.reports import selectors, services
from redbrolly.reports.forms import AcceptForm, NoteForm, SeverityForm, StaffMessageForm, StatusForm
from redbrolly.reports.models import Attachment, Report

QUEUE_PAGE = 200


@staff_required("reports.view_report")
def queue(request: HttpRequest) -> HttpResponse:
    found = selectors.moderation_queue(request.user, request.GET.get("status", ""))
    tabs = [(value, label, found.counts.get(value, 0)) for value, label in Report.Status.choices]
    context = {
        "queue": found,
        "reports": found.reports[:QUEUE_PAGE],
        "tabs": tabs,
        "now": timezone.now(),
    }
    return render(request, "reports/queue.html", context)


def alert_draft_url(report: Report) -> str | None:
    """Built by the alerts app; the page works before it exists."""
    if not (
        report.status == Report.Status.ACCEPTED
        and report.is_live
        and report.consent_allows(Report.Consent.ALERT)
    ):
        return None
    try:
        return reverse("alerts:draft_new") + f"?report={report.pk}"
    except NoReverseMatch:
        return None


def detail_page(
    request: HttpRequest,
    report: Report,
    http_status: int = 200,
    forms_given: dict[str, forms.Form] | None = None,
) -> HttpResponse:
    forms_given = forms_given or {}
    user: Any = request.user
    from redbrolly.linkage.selectors import profile_pk_of

    shared, shared_count = selectors.reports_sharing_identifiers(report)
    context = {
        "report": report,
        "shared": shared,
        "shared_count": shared_count,
        "profile_pk": profile_pk_of(report.pk) if user.has_perm("linkage.view_profile") else None,
        "can_moderate": user.has_perm("reports.moderate_report"),
        "locked_by_other": report.locked_for(user),
        "holds_lock": report.locked_by_id == user.pk
        and not report.locked_for(user)
        and report.locked_until is not None,
        "conversation": selectors.conversation(report),
        "notes": report.notes.select_related("author"),
        "history": selectors.report_history(report),
        "status_changes": report.status_changes.select_related("actor"),
        "alert_url": alert_draft_url(report),
        "status_form": forms_given.get("status") or StatusForm(),
        "severity_form": forms_given.get("grade")
        or SeverityForm(initial={"severity": report.severity}),
        "accept_form": forms_given.get("accept")
        or AcceptForm(initial={"severity": report.severity}),
        "note_form": forms_given.get("note") or NoteForm(),
        "message_form": forms_given.get("message") or StaffMessageForm(),
    }
    return render(request, "reports/detail.html", context, status=http_status)


@staff_required("reports.view_report")
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_for_staff(request.user, pk)
    audit.log(request.user, "reports.report.viewed", report, purpose="moderation")
    services.messages_mark_read(reports=[report], by_staff=True)
    return detail_page(request, report)


@require_POST
@staff_required("reports.moderate_report", "reports.view_report")
def act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    report = selectors.report_for_staff(request.user, pk)
    handler = ACTIONS.get(action)
    if handler is None:
        raise Http404
    try:
        problem = handler(request, report)
    except services.ReportLocked as locked:
        messages.error(request, locked_message(locked))
        return redirect("reports:detail", pk=pk)
    if problem is not None:
        return detail_page(request, report, http_status=400, forms_given={action: problem})
    return redirect("reports:detail", pk=pk)


def locked_message(locked: services.ReportLocked) -> str:
    until = formats.time_format(locked.until, "H:i") if locked.until else ""
    name = getattr(locked.holder, "username", _("another moderator"))
    return _("%(name)s is working on this report until %(until)s.") % {"name": name, "until": until}


def do_lock(request: HttpRequest, report: Report) -> forms.Form | None:
    services.report_lock(moderator=request.user, report=report)
    messages.success(request, _("This report is yours for the next 15 minutes."))
    return None


def do_unlock(request: HttpRequest, report: Report) -> forms.Form | None:
    services.report_unlock(moderator=request.user, report=report)
    return None


def form_action(
    request: HttpRequest, report: Report, form_class: type[forms.Form], service: Any, done: str
) -> forms.Form | None:
    """Validate one moderation form and hand its fields to the service; the form on failure."""
    form = form_class(request.POST)
    if not form.is_valid():
        return form
    service(moderator=request.user, report=report, **form.cleaned_data)
    messages.success(request, done)
    return None


def do_status(request: HttpRequest, report: Report) -> forms.Form | None:
    return form_action(
        request, report, StatusForm, services.report_set_status, _("Status changed.")
    )


def do_grade(request: HttpRequest, report: Report) -> forms.Form | None:
    return form_action(request, report, SeverityForm, services.report_grade, _("Severity saved."))


def do_accept(request: HttpRequest, report: Report) -> forms.Form | None:
    return form_action(request, report, AcceptForm, services.report_accept, _("Report accepted."))


def do_note(request: HttpRequest, report: Report) -> forms.Form | None:
    form = NoteForm(request.POST)
    if not form.is_valid():
        return form
    services.note_add(moderator=request.user, report=report, body=form.cleaned_data["body"])
    return None


def do_message(request: HttpRequest, report: Report) -> forms.Form | None:
    form = StaffMessageForm(request.POST)
    if not form.is_valid():
        return form
    services.message_from_staff(author=request.user, report=report, **form.cleaned_data)
    messages.success(request, _("Message sent to the reporter."))
    return None


ACTIONS: dict[str, Callable[[HttpRequest, Report], forms.Form | None]] = {
    "lock": do_lock,
    "unlock": do_unlock,
    "status": do_status,
    "grade": do_grade,
    "accept": do_accept,
    "note": do_note,
    "message": do_message,
}


@staff_required("reports.view_report")
def attachment(request: HttpRequest, pk: int) -> HttpResponse:
    """Evidence for staff only; images shown, anything else only ever downloaded."""
    found: Attachment = selectors.attachment_for_staff(request.user, pk)
    audit.log(request.user, "reports.attachment.viewed", found.report, attachment=found.pk)
    inline = found.kind == Attachment.Kind.IMAGE and request.GET.get("download") != "1"
    return evidence_response(
        found.content,
        content_type=found.content_type,
        filename=found.download_name,
        inline=inline,
    )


@staff_required("reports.take_phone_report")
def phone_start(request: HttpRequest) -> HttpResponse:
    """Staff taking a call start a fresh draft (the caller's report, marked as phone intake)."""
    if request.method == "POST":
        request.session.pop("reports.phone_draft", None)
        return redirect("reports:phone_step_what")
    return render(request, "reports/phone_start.html")
