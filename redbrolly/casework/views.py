"""Casework pages: thin views over selectors (who may see what) and services (every write)."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from redbrolly.casework import forms, rules, selectors, services
from redbrolly.casework.models import Action, Case, OnwardReferral, Service, TimeEntry
from redbrolly.core.models import Region
from redbrolly.lib import audit, ratelimit
from redbrolly.lib.access import member_required, public, staff_required

WORK = "casework.work_cases"
SUPERVISE = "casework.supervise_cases"
CALLBACK_LIMITS = [
    ratelimit.Limit("casework.callback.hour", 5, 3600),
    ratelimit.Limit("casework.callback.day", 20, 86400),
]
CaseView = Callable[..., HttpResponse]


def case_page(page: str, *, needs_open: bool = True) -> Callable[[CaseView], CaseView]:
    """Looks the case up for this person (404, or the break-glass page), audits the view."""

    def decorator(view: CaseView) -> CaseView:
        @wraps(view)
        def wrapper(request: HttpRequest, pk: int, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                case = selectors.case_for(request.user, pk)
            except selectors.GlassRequired as needed:
                return glass_page(request, needed.case)
            if needs_open and case.status != Case.Status.OPEN:
                messages.warning(request, not_open_message(case))
                return redirect("casework:case", pk=case.pk)
            if request.method == "GET":
                services.case_viewed(user=request.user, case=case, page=page)
            return view(request, case, *args, **kwargs)

        return wrapper

    return decorator


def not_open_message(case: Case) -> str:
    if case.is_closed:
        return _("This case is closed. Reopen it to change it.")
    return _("Allocate or claim this case before working on it.")


def glass_page(request: HttpRequest, case: Case, form: Any = None) -> HttpResponse:
    """Another worker's case: nothing of it is shown, only the way to break the glass."""
    context = {"case_pk": case.pk, "form": form or forms.GlassForm()}
    return render(request, "casework/break_glass.html", context, status=403)


def form_page(request: HttpRequest, case: Case, form: Any, title: str, button: str) -> HttpResponse:
    context = {"case": case, "form": form, "title": title, "button": button}
    return render(request, "casework/case_form.html", context)


def saved(request: HttpRequest, case: Case, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("casework:case", pk=case.pk)


def actor(request: HttpRequest) -> Any:
    return request.user


# --- ways in --------------------------------------------------------------------------------


@public
def callback(request: HttpRequest) -> HttpResponse:
    """ "Get quick access to a caseworker": no account; no address or browser details kept."""
    if request.method == "GET" and "sent" in request.GET:
        days = rules.first_contact_working_days()
        return render(request, "casework/callback_thanks.html", {"days": days})
    form = forms.CallbackForm(request.POST or None)
    if request.method == "POST" and form.is_bot:
        return thanks()
    if request.method == "POST" and form.is_valid():
        verdict = ratelimit.hit(CALLBACK_LIMITS, ratelimit.client_address(request))
        if not verdict.allowed:
            form.add_error(None, _("Too many requests from here. Please try again later."))
            return render(request, "casework/callback.html", {"form": form}, status=429)
        services.callback_request_submit(person=form.person(), urgency=form.cleaned_data["urgency"])
        return thanks()
    return render(request, "casework/callback.html", {"form": form})


def thanks() -> HttpResponse:
    # The same address, so the public list holds one name; a refresh cannot resubmit.
    return redirect(reverse("casework:callback") + "?sent=1")


@member_required
def refer(request: HttpRequest) -> HttpResponse:
    """Practitioners (project members) refer someone they work with."""
    user: Any = request.user
    profile = getattr(user, "member_profile", None)
    if profile is None or profile.membership_type != "practitioner":
        raise PermissionDenied
    form = forms.ReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        referral = services.referral_from_practitioner(
            practitioner=user,
            person=form.person(),
            urgency=form.cleaned_data["urgency"],
            reason=form.cleaned_data["reason"],
            referrer_contact=form.cleaned_data["referrer_contact"],
        )
        return render(request, "casework/refer_done.html", {"reference": referral.reference})
    return render(request, "casework/refer.html", {"form": form})


@staff_required(WORK)
def case_new(request: HttpRequest) -> HttpResponse:
    form = forms.CaseOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        case = services.case_open_by_phone(
            worker=actor(request),
            person=form.person(),
            urgency=form.cleaned_data["urgency"],
            reason=form.cleaned_data["reason"],
        )
        return saved(request, case, _("Case opened. It is yours."))
    return render(request, "casework/case_new.html", {"form": form})


# --- dashboards -----------------------------------------------------------------------------


@staff_required(WORK)
def dashboard(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    mine = {user.pk}
    context = {
        "cases": selectors.my_open_cases(user),
        "overdue_actions": selectors.overdue_actions(mine),
        "appointments": selectors.upcoming_appointments(mine),
        "quiet_cases": selectors.cases_without_contact(mine),
        "quiet_days": rules.no_contact_days(),
        "notices": selectors.unread_notices(user),
        "queue_count": Case.objects.unallocated().count(),
        "is_supervisor": selectors.is_supervisor(user),
    }
    return render(request, "casework/dashboard.html", context)


@require_POST
@staff_required(WORK)
def notices_read(request: HttpRequest) -> HttpResponse:
    services.notices_mark_read(user=actor(request))
    return redirect("casework:dashboard")


@staff_required(WORK)
def queue(request: HttpRequest) -> HttpResponse:
    cases = Case.objects.unallocated().select_related("region", "referral")
    return render(request, "casework/queue.html", {"cases": cases})


@staff_required(SUPERVISE)
def team(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    workers = selectors.team_worker_ids(user) | {user.pk}
    context = {
        "cases": selectors.team_cases(user),
        "overdue_actions": selectors.overdue_actions(workers),
        "appointments": selectors.upcoming_appointments(workers),
        "quiet_cases": selectors.cases_without_contact(workers),
        "quiet_days": rules.no_contact_days(),
        "overdue_first_contact": Case.objects.first_contact_overdue()
        .filter(Q(worker_id__in=workers) | Q(worker__isnull=True))
        .select_related("worker"),
    }
    return render(request, "casework/team.html", context)


def stats_period(request: HttpRequest) -> tuple[Any, forms.StatsForm]:
    today = timezone.localdate()
    initial = {"start": today - timedelta(days=365), "end": today}
    form = forms.StatsForm(request.GET or initial)
    data = form.cleaned_data if form.is_valid() else initial
    return data, form


@staff_required(SUPERVISE)
def stats(request: HttpRequest) -> HttpResponse:
    period, form = stats_period(request)
    figures = selectors.service_stats(period["start"], period["end"])
    minutes = dict(TimeEntry.Activity.choices)
    time_rows = [(minutes.get(code, code), total) for code, total in figures.minutes.items()]
    context = {"stats": figures, "form": form, "time_rows": time_rows}
    return render(request, "casework/stats.html", context)


@staff_required(SUPERVISE)
def stats_csv(request: HttpRequest) -> HttpResponse:
    """Counts under five are shown as "<5" so no one can be picked out of an export."""
    period, _form = stats_period(request)
    figures = selectors.service_stats(period["start"], period["end"])
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="casework-statistics.csv"'
    writer = csv.writer(response)
    for row in stats_rows(figures):
        writer.writerow(row)
    audit.log(request.user, "casework.stats.exported", None)
    return response


def stats_rows(figures: selectors.Stats) -> list[list[str]]:
    counted = rules.suppressed
    rows = [
        ["measure", "group", "value"],
        ["period", "", f"{figures.start} to {figures.end}"],
        ["cases open now", "", counted(figures.open_now)],
        ["new cases", "", counted(figures.new)],
        ["closed cases", "", counted(figures.closed)],
        ["first contact within target", "", counted(figures.first_contact_on_time)],
        ["median hours to first contact", "", str(figures.median_hours_to_first_contact or "")],
    ]
    rows += [["new cases by source", label, counted(n)] for label, n in figures.sources]
    rows += [["closure reason", label, counted(n)] for label, n in figures.closure_reasons]
    rows += [["outcome", label, counted(n)] for label, n in figures.outcomes]
    rows += [["minutes by activity", code, str(n)] for code, n in figures.minutes.items()]
    return rows


@staff_required(WORK)
def directory(request: HttpRequest) -> HttpResponse:
    region_code = request.GET.get("region", "")[:60]
    kind = request.GET.get("kind", "")[:20]
    region = Region.objects.filter(code=region_code).first() if region_code else None
    context = {
        "services": selectors.services_directory(region, kind),
        "regions": Region.objects.active(),
        "kinds": Service.Kind.choices,
        "region_code": region_code,
        "kind": kind,
    }
    return render(request, "casework/directory.html", context)


# --- one case -------------------------------------------------------------------------------


@staff_required(WORK)
@case_page("case", needs_open=False)
def case_detail(request: HttpRequest, case: Case) -> HttpResponse:
    case = selectors.case_with_everything(case)
    report_contacts = [
        report for report in case.reports.all() if getattr(report, "support_contact", "")
    ]
    context = {
        "case": case,
        "notes": case.notes.all(),
        "risk_rows": selectors.risk_history(list(case.risk_assessments.all())),
        "consents": selectors.latest_consents(case),
        "time_rows": selectors.time_summary(case),
        "viewers": selectors.who_viewed(case),
        "report_contacts": report_contacts,
        "can_assign": selectors.is_supervisor(request.user),
        "note_form": forms.NoteForm(),
    }
    return render(request, "casework/case.html", context)


@require_POST
@staff_required(WORK)
def break_glass(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk)
    if selectors.cases_visible_to(request.user).filter(pk=pk).exists():
        return redirect("casework:case", pk=case.pk)
    form = forms.GlassForm(request.POST)
    if not form.is_valid():
        return glass_page(request, case, form)
    services.glass_break(user=actor(request), case=case, reason=form.cleaned_data["reason"])
    messages.warning(request, _("You broke the glass. Your access lasts one hour."))
    return redirect("casework:case", pk=case.pk)


@require_POST
@staff_required(WORK)
def claim(request: HttpRequest, pk: int) -> HttpResponse:
    """Any caseworker may take a case from the queue; cases already taken are not found."""
    case = get_object_or_404(Case.objects.unallocated(), pk=pk)
    try:
        case = services.case_claim(worker=actor(request), case=case)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("casework:queue")
    return saved(request, case, _("The case is yours."))


@staff_required(SUPERVISE)
@case_page("assign", needs_open=False)
def assign(request: HttpRequest, case: Case) -> HttpResponse:
    if case.is_closed:
        raise Http404
    form = forms.AssignForm(request.POST or None, workers=selectors.team_members(request.user))
    if request.method == "POST" and form.is_valid():
        worker = form.cleaned_data["worker"]
        services.case_assign(supervisor=actor(request), case=case, worker=worker)
        return saved(request, case, _("Allocated to %(name)s.") % {"name": worker.username})
    return form_page(request, case, form, _("Allocate this case"), _("Allocate"))


@staff_required(WORK)
@case_page("person")
def person(request: HttpRequest, case: Case) -> HttpResponse:
    initial = {
        "working_name": case.working_name,
        "contact_route": case.contact_route,
        "contact_details": case.contact_details,
        "safe_times": case.safe_times,
        "leave_message": case.leave_message,
        "language": case.language,
        "interpreter_needed": case.interpreter_needed,
        "urgency": case.urgency,
        "region": case.region,
    }
    form = forms.PersonForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.case_person_update(
            actor=actor(request),
            case=case,
            person=form.person(),
            urgency=form.cleaned_data["urgency"],
        )
        return saved(request, case, _("Details saved."))
    return form_page(request, case, form, _("The person and safe contact"), _("Save"))


@staff_required(WORK)
@case_page("consent")
def consent(request: HttpRequest, case: Case) -> HttpResponse:
    form = forms.ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.consent_record(actor=actor(request), case=case, **form.cleaned_data)
        return saved(request, case, _("Consent recorded."))
    return form_page(request, case, form, _("Record a consent"), _("Record"))


@staff_required(WORK)
@case_page("risk")
def risk(request: HttpRequest, case: Case) -> HttpResponse:
    form = forms.RiskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        assessment = services.risk_assess(
            actor=actor(request),
            case=case,
            present=form.cleaned_data["present"],
            comment=form.cleaned_data["comment"],
        )
        message = _("Risk assessment saved: score %(score)s, %(level)s.")
        return saved(
            request, case, message % {"score": assessment.score, "level": assessment.level}
        )
    return form_page(request, case, form, _("Risk assessment"), _("Save assessment"))


@staff_required(WORK)
@case_page("needs")
def needs(request: HttpRequest, case: Case) -> HttpResponse:
    initial = {
        "needs": case.needs,
        "needs_note": case.needs_note,
        "police_involved": case.police_involved,
    }
    form = forms.NeedsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.needs_update(
            actor=actor(request),
            case=case,
            needs=data["needs"],
            note=data["needs_note"],
            police_involved=data["police_involved"],
        )
        return saved(request, case, _("Needs saved."))
    return form_page(request, case, form, _("Needs"), _("Save"))


@staff_required(WORK)
@case_page("safety_plan")
def safety_plan(request: HttpRequest, case: Case) -> HttpResponse:
    form = forms.SafetyPlanForm(request.POST or None, initial={"safety_plan": case.safety_plan})
    if request.method == "POST" and form.is_valid():
        services.safety_plan_update(
            actor=actor(request), case=case, plan=form.cleaned_data["safety_plan"]
        )
        return saved(request, case, _("Safety plan saved."))
    return form_page(request, case, form, _("Safety plan"), _("Save plan"))


@staff_required(WORK)
@case_page("note")
def note(request: HttpRequest, case: Case) -> HttpResponse:
    form = forms.NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.note_add(actor=actor(request), case=case, **form.cleaned_data)
        return saved(request, case, _("Note added."))
    return form_page(request, case, form, _("Add a note"), _("Add note"))


def action_owners(request: HttpRequest, case: Case) -> Any:
    user: Any = request.user
    ids = {user.pk, case.worker_id} | selectors.team_worker_ids(user)
    return get_user_model().objects.filter(pk__in=ids).order_by("username")


@staff_required(WORK)
@case_page("action")
def action(request: HttpRequest, case: Case) -> HttpResponse:
    owners = action_owners(request, case)
    form = forms.ActionForm(request.POST or None, owners=owners, initial={"owner": case.worker})
    if request.method == "POST" and form.is_valid():
        services.action_add(actor=actor(request), case=case, **form.cleaned_data)
        return saved(request, case, _("Action added."))
    return form_page(request, case, form, _("Add an action"), _("Add action"))


@staff_required(WORK)
@case_page("action_done")
def action_done(request: HttpRequest, case: Case, action_pk: int) -> HttpResponse:
    found = get_object_or_404(Action, pk=action_pk, case=case)
    form = forms.ActionDoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.action_complete(actor=actor(request), action=found, **form.cleaned_data)
        return saved(request, case, _("Action done."))
    return form_page(request, case, form, _("Mark the action done"), _("Done"))


@staff_required(WORK)
@case_page("appointment")
def appointment(request: HttpRequest, case: Case) -> HttpResponse:
    form = forms.AppointmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.appointment_add(actor=actor(request), case=case, **form.cleaned_data)
        return saved(request, case, _("Appointment added."))
    return form_page(request, case, form, _("Add an appointment"), _("Add appointment"))


@staff_required(WORK)
@case_page("time")
def time(request: HttpRequest, case: Case) -> HttpResponse:
    form = forms.TimeForm(request.POST or None, initial={"on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        services.time_log(actor=actor(request), case=case, **form.cleaned_data)
        return saved(request, case, _("Time logged."))
    return form_page(request, case, form, _("Log time"), _("Log time"))


@staff_required(WORK)
@case_page("referral_on")
def referral_on(request: HttpRequest, case: Case) -> HttpResponse:
    services_list = selectors.services_directory(case.region)
    form = forms.OnwardReferralForm(request.POST or None, services=services_list)
    if request.method == "POST" and form.is_valid():
        services.onward_referral_make(actor=actor(request), case=case, **form.cleaned_data)
        return saved(request, case, _("Referral recorded."))
    return form_page(request, case, form, _("Refer on to a service"), _("Record referral"))


@staff_required(WORK)
@case_page("referral_on_status")
def referral_on_status(request: HttpRequest, case: Case, referral_pk: int) -> HttpResponse:
    found = get_object_or_404(OnwardReferral, pk=referral_pk, case=case)
    form = forms.OnwardStatusForm(request.POST or None, initial={"status": found.status})
    if request.method == "POST" and form.is_valid():
        services.onward_referral_update(actor=actor(request), referral=found, **form.cleaned_data)
        return saved(request, case, _("Referral updated."))
    title = _("Referral to %(service)s") % {"service": found.service.name}
    return form_page(request, case, form, title, _("Update"))


@staff_required(WORK)
@case_page("justice")
def justice(request: HttpRequest, case: Case) -> HttpResponse:
    form = forms.JusticeForm(request.POST or None, initial={"on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        services.justice_step_add(actor=actor(request), case=case, **form.cleaned_data)
        return saved(request, case, _("Police or court step recorded."))
    return form_page(request, case, form, _("Police and court support"), _("Record step"))


@staff_required(WORK)
@case_page("link_report")
def link_report(request: HttpRequest, case: Case) -> HttpResponse:
    from redbrolly.reports.models import Report

    form = forms.LinkReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        found = Report.objects.filter(reference=form.cleaned_data["reference"]).first()
        if found is not None:
            services.report_link(actor=actor(request), case=case, report=found)
            return saved(request, case, _("Report linked."))
        form.add_error("reference", _("No report has this reference."))
    return form_page(request, case, form, _("Link a report"), _("Link"))


@staff_required(WORK)
@case_page("close")
def close(request: HttpRequest, case: Case) -> HttpResponse:
    form = forms.CloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.case_close(
            actor=actor(request),
            case=case,
            reason=data["reason"],
            outcomes=data["outcomes"],
            note=data["note"],
        )
        return saved(request, case, _("Case closed."))
    return form_page(request, case, form, _("Close the case"), _("Close case"))


@staff_required(WORK)
@case_page("reopen", needs_open=False)
def reopen(request: HttpRequest, case: Case) -> HttpResponse:
    form = forms.ReopenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.case_reopen(
                actor=actor(request), case=case, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, error.messages[0])
        else:
            return saved(request, case, _("Case reopened."))
    return form_page(request, case, form, _("Reopen the case"), _("Reopen"))
