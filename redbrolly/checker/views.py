from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from redbrolly.checker import selectors, services
from redbrolly.checker.forms import BulkForm, CheckForm, PolicyForm, SearchForm
from redbrolly.checker.models import Channel, Flag, Suspension
from redbrolly.checker.prefill import prefill_identifier_store
from redbrolly.checker.search import identifier_search
from redbrolly.checker.services import Actor, CheckRefused, RateLimited
from redbrolly.lib.access import member_required, public, staff_required
from redbrolly.lib.normalise import NotAnIdentifier
from redbrolly.lib.twilio_signature import verify

# The reporting form (reports app); the identifier goes in the session, never in this URL.
REPORT_PATH = "/report/"
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'
STATS_PERMS = ("insights.view_statistics", "checker.search_identifiers")


def refusal(response: HttpResponse, refused: CheckRefused | None) -> HttpResponse:
    if isinstance(refused, RateLimited):
        response["Retry-After"] = str(refused.retry_after)
    return response


def checked(request: HttpRequest, form: CheckForm) -> tuple[Any, CheckRefused | None]:
    actor = Actor(user=request.user)
    try:
        identifier = form.cleaned_data["identifier"]
        return services.lookup_run(actor=actor, identifier=identifier, channel=Channel.WEB), None
    except CheckRefused as refused:
        return None, refused


@member_required
def check(request: HttpRequest) -> HttpResponse:
    form = CheckForm(request.POST or None)
    answer, refused = (
        checked(request, form) if request.method == "POST" and form.is_valid() else (None, None)
    )
    status = refused.status if refused else 200
    context = {"form": form, "answer": answer, "refused": refused}
    return refusal(render(request, "checker/check.html", context, status=status), refused)


@member_required
def bulk(request: HttpRequest) -> HttpResponse:
    form = BulkForm(request.POST or None)
    lines, refused = None, None
    if request.method == "POST" and form.is_valid():
        try:
            lines = services.lookup_bulk(
                actor=Actor(user=request.user), lines=form.cleaned_data["lines"]
            )
        except CheckRefused as error:
            refused = error
    context = {"form": form, "lines": lines, "refused": refused, "summary": summary(lines or [])}
    status = refused.status if refused else 200
    return refusal(render(request, "checker/bulk.html", context, status=status), refused)


def summary(lines: list[services.BulkLine]) -> dict[str, int]:
    counts = {"warning": 0, "caution": 0, "no_reports": 0, "unread": 0}
    for line in lines:
        counts[line.answer.result.value if line.answer else "unread"] += 1
    return counts


@require_POST
@member_required
def report_it(request: HttpRequest) -> HttpResponse:
    try:
        prefill_identifier_store(
            request, services.identifier_read(request.POST.get("identifier", ""))
        )
    except NotAnIdentifier:
        messages.error(request, _("We could not carry that over; please type it in the report."))
    return redirect(REPORT_PATH)


@csrf_exempt
@require_POST
@public
def sms_inbound(request: HttpRequest) -> HttpResponse:
    """The SMS provider's webhook: signed, and silent towards anyone it cannot verify."""
    if not verify(request, getattr(settings, "REDBROLLY_SMS_AUTH_TOKEN", "")):
        return HttpResponse(status=403)
    services.sms_inbound(
        sender=request.POST.get("From", ""),
        body=request.POST.get("Body", "")[:500],
        message_id=request.POST.get("MessageSid", "")[:64],
    )
    return HttpResponse(EMPTY_TWIML, content_type="text/xml")


# --- staff -------------------------------------------------------------------------------------


@staff_required("checker.search_identifiers")
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.POST or None)
    hits = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        hits = identifier_search(
            actor=request.user,
            mode=data["mode"],
            kind=data["kind"],
            value=data["value"],
            purpose=data["purpose"],
        )
    return render(request, "checker/search.html", {"form": form, "hits": hits})


@staff_required("checker.search_identifiers")
def flags(request: HttpRequest) -> HttpResponse:
    open_flags = [
        (flag, selectors.accounts_sharing(flag) if flag.identifier_index else [])
        for flag in selectors.open_flags()
    ]
    context = {
        "open_flags": open_flags,
        "suspensions": selectors.active_suspensions(),
        "closed": selectors.recent_flags(),
    }
    return render(request, "checker/flags.html", context)


@require_POST
@staff_required("checker.search_identifiers")
def flag_close(request: HttpRequest, pk: int) -> HttpResponse:
    flag = get_object_or_404(Flag, pk=pk, status=Flag.Status.OPEN)
    confirm = request.POST.get("decision") == "confirm"
    services.flag_close(actor=request.user, flag=flag, confirm=confirm)
    messages.success(
        request,
        _("Checker access suspended.")
        if confirm and not flag.identifier_index
        else _("Flag closed."),
    )
    return redirect("checker:flags")


@require_POST
@staff_required("checker.search_identifiers")
def suspension_lift(request: HttpRequest, pk: int) -> HttpResponse:
    suspension = get_object_or_404(Suspension.objects.active(), pk=pk)
    services.suspension_lift(actor=request.user, suspension=suspension)
    messages.success(request, _("Checker access restored."))
    return redirect("checker:flags")


@staff_required()
def stats(request: HttpRequest) -> HttpResponse:
    # Either permission opens it; the decorator keeps out everyone who is not staff.
    user: Any = request.user
    if not any(user.has_perm(perm) for perm in STATS_PERMS):
        raise PermissionDenied
    days = selectors.daily_stats()
    context = {
        "days": days,
        "channels": selectors.channel_totals(days),
        "channel_names": dict(Channel.choices),
        "partners": selectors.partner_usage(),
        "total": sum(day.lookups for day in days),
        "hits": sum(day.hits for day in days),
    }
    return render(request, "checker/stats.html", context)


@staff_required("core.change_organisation")
def policy(request: HttpRequest) -> HttpResponse:
    form = PolicyForm(request.POST or None, instance=selectors.current_policy())
    if request.method == "POST" and form.is_valid():
        services.policy_update(actor=request.user, **form.cleaned_data)
        messages.success(request, _("The checker settings are saved."))
        return redirect("checker:policy")
    return render(request, "checker/policy.html", {"form": form})
