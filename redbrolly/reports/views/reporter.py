"""The reporter's side after sending: receipt holders (/report/follow-up/) and members
(/me/reports/) read the status and messages, reply, add evidence and change their consent.
Receipt holders who asked to see an alert before it is sent read and answer it here too.

A receipt is only ever sent in a POST body; once proven, the session remembers the report
(never the URL). Receipt attempts are rate limited per address and for everyone, and a
wrong receipt gets the same answer whether or not a report exists.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from redbrolly.lib import evidence
from redbrolly.lib.access import member_required, public
from redbrolly.lib.crypto import DecryptionError, decrypt_text, encrypt_text
from redbrolly.lib.ratelimit import Limit, client_address, hit
from redbrolly.reports import receipts, selectors, services
from redbrolly.reports.forms import ConsentForm, EvidenceForm, MessageForm, ReceiptForm
from redbrolly.reports.models import Report

RECEIPT_SESSION_KEY = "reports.receipt_report"
ACTIONS = ("message", "evidence", "consent", "withdraw", "review")


def receipt_allowed(request: HttpRequest) -> bool:
    limits = services.intake_limits()
    mine = hit(
        [Limit("reports.receipt_address", *limits["receipt_address"])], client_address(request)
    )
    everyone = mine.allowed and hit(
        [Limit("reports.receipt_global", *limits["receipt_global"])], "all"
    )
    return bool(mine.allowed and everyone and everyone.allowed)


@public
def follow_up(request: HttpRequest) -> HttpResponse:
    form = ReceiptForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return render(request, "reports/follow_up.html", {"form": form})
    if not receipt_allowed(request):
        form.add_error(None, _("Too many attempts. Please wait 15 minutes and try again."))
        return render(request, "reports/follow_up.html", {"form": form}, status=429)
    report = selectors.report_for_receipt(form.cleaned_data["receipt"])
    if report is None:
        form.add_error(
            "receipt",
            _("We couldn't open a report with that code. Please check the digits and try again."),
        )
        return render(request, "reports/follow_up.html", {"form": form}, status=400)
    request.session.cycle_key()
    # Sealed: a session row in a stolen dump must not say which report it follows, or when.
    request.session[RECEIPT_SESSION_KEY] = encrypt_text(str(report.pk))
    return redirect("reports:follow_up_report")


def receipt_report_pk(request: HttpRequest) -> int | None:
    sealed = request.session.get(RECEIPT_SESSION_KEY)
    try:
        opened = decrypt_text(sealed) if isinstance(sealed, str) else ""
    except DecryptionError:
        return None
    return int(opened) if opened.isdigit() else None


def receipt_report(request: HttpRequest) -> Report | None:
    pk = receipt_report_pk(request)
    if pk is None:
        return None
    return Report.objects.select_related("region").exclude(receipt_hash="").filter(pk=pk).first()


def alerts_to_look(report: Report, given: forms.Form | None, receipt_holder: bool) -> list[Any]:
    """Alerts from this report waiting for the receipt holder's look (none for members:
    they read theirs in their account)."""
    from redbrolly.alerts.views import receipt_reviews

    return receipt_reviews(report, given) if receipt_holder else []


def action_urls(base: str, *args: Any) -> dict[str, str]:
    return {action: reverse(base, args=[*args, action]) for action in ACTIONS}


def reporter_page(
    request: HttpRequest,
    report: Report,
    urls: dict[str, str],
    http_status: int = 200,
    forms_given: dict[str, forms.Form] | None = None,
) -> HttpResponse:
    forms_given = forms_given or {}
    conversation = list(selectors.conversation(report))
    services.messages_mark_read(reports=[report], by_staff=False)
    receipt_holder = receipt_report_pk(request) == report.pk
    context = {
        "report": report,
        "conversation": conversation,
        "urls": urls,
        "message_form": forms_given.get("message") or MessageForm(),
        "evidence_form": forms_given.get("evidence") or EvidenceForm(),
        "consent_form": forms_given.get("consent")
        or ConsentForm(initial={"consent_level": report.consent_level}),
        "files": report.attachments.defer("content"),
        "receipt_holder": receipt_holder,
        "alert_reviews": alerts_to_look(report, forms_given.get("review"), receipt_holder),
    }
    return render(request, "reports/reporter_report.html", context, status=http_status)


@public
def follow_up_report(request: HttpRequest) -> HttpResponse:
    report = receipt_report(request)
    if report is None:
        return redirect("reports:follow_up")
    return reporter_page(request, report, action_urls("reports:follow_up_action"))


@require_POST
@public
def follow_up_action(request: HttpRequest, action: str) -> HttpResponse:
    report = receipt_report(request)
    if report is None:
        return redirect("reports:follow_up")
    urls = action_urls("reports:follow_up_action")
    return reporter_action(request, report, action, urls, reverse("reports:follow_up_report"))


@require_POST
@public
def follow_up_leave(request: HttpRequest) -> HttpResponse:
    request.session.pop(RECEIPT_SESSION_KEY, None)
    request.session.cycle_key()
    messages.info(
        request, _("You have closed your report. Use your receipt code to open it again.")
    )
    return redirect("reports:follow_up")


@require_POST
@public
def receipt_note(request: HttpRequest) -> HttpResponse:
    """The receipt as a neutral-looking note to keep (sent back from the thanks page)."""
    receipt = receipts.receipt_clean(request.POST.get("receipt", ""))
    if receipt is None:
        return HttpResponse(_("Nothing to save."), status=400, content_type="text/plain")
    body = f"Notes\n\n{receipts.receipt_display(receipt)}\n"
    response = HttpResponse(body, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="notes.txt"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- members --------------------------------------------------------------------------------


@member_required
def mine(request: HttpRequest) -> HttpResponse:
    reports = selectors.reports_of_member(request.user)
    return render(request, "reports/mine.html", {"reports": reports})


@member_required
def mine_report(request: HttpRequest, reference: str) -> HttpResponse:
    report = selectors.report_of_member(request.user, reference)
    return reporter_page(request, report, action_urls("reports:mine_action", reference))


@require_POST
@member_required
def mine_action(request: HttpRequest, reference: str, action: str) -> HttpResponse:
    report = selectors.report_of_member(request.user, reference)
    urls = action_urls("reports:mine_action", reference)
    return reporter_action(
        request, report, action, urls, reverse("reports:mine_report", args=[reference])
    )


# --- what a reporter can do -----------------------------------------------------------------


def reporter_action(
    request: HttpRequest, report: Report, action: str, urls: dict[str, str], back: str
) -> HttpResponse:
    handlers = {
        "message": post_message,
        "evidence": post_evidence,
        "consent": post_consent,
        "withdraw": post_withdraw,
        "review": post_review,
    }
    if action not in handlers:
        raise Http404
    problem = handlers[action](request, report)
    if problem is not None:
        return reporter_page(request, report, urls, http_status=400, forms_given={action: problem})
    return redirect(back)


def post_message(request: HttpRequest, report: Report) -> forms.Form | None:
    form = MessageForm(request.POST)
    if not form.is_valid():
        return form
    services.message_from_reporter(
        report=report, body=form.cleaned_data["body"], author=request.user
    )
    messages.success(request, _("Your message was sent."))
    return None


def post_evidence(request: HttpRequest, report: Report) -> forms.Form | None:
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        return form
    upload = form.cleaned_data["file"]
    try:
        data = evidence.upload_bytes(upload)
        services.evidence_add_to_report(report=report, data=data, actor=request.user)
    except evidence.EvidenceRefused as refused:
        form.add_error("file", str(refused))
        return form
    except (services.TooManyAttachments, ValidationError):
        form.add_error("file", _("No more files can be added to this report."))
        return form
    messages.success(request, _("File added. Location and camera details were removed."))
    return None


def post_consent(request: HttpRequest, report: Report) -> forms.Form | None:
    form = ConsentForm(request.POST)
    if not form.is_valid():
        return form
    if report.withdrawn_at is not None:
        form.add_error(None, _("You withdrew this report, so its consent can't be changed."))
        return form
    services.report_change_consent(
        actor=request.user, report=report, level=form.cleaned_data["consent_level"]
    )
    messages.success(request, _("Your choice is saved and applies straight away."))
    return None


def post_withdraw(request: HttpRequest, report: Report) -> forms.Form | None:
    services.report_withdraw(actor=request.user, report=report)
    messages.success(
        request,
        _("Your report is withdrawn. We will no longer use it for alerts, checks or the police."),
    )
    return None


def post_review(request: HttpRequest, report: Report) -> forms.Form | None:
    """Only the receipt holder answers here; members answer in their account."""
    from redbrolly.alerts.views import receipt_review_answer

    if receipt_report_pk(request) != report.pk:
        raise Http404
    return receipt_review_answer(request, report)
