from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from redbrolly.accounts.models import MemberProfile
from redbrolly.alerts import bulletin, forms, selectors, services, wording
from redbrolly.alerts.highlight import flagged_fields
from redbrolly.alerts.models import Alert, AlertPolicy, AlertReview
from redbrolly.lib import audit
from redbrolly.lib.access import member_required, signed_in, staff_required
from redbrolly.notify.models import Delivery
from redbrolly.notify.selectors import status_counts

DRAFT = "alerts.draft_alert"
APPROVE = "alerts.approve_alert"
FIELD_LABELS = {
    "title": gettext_lazy("Your own title"),
    "summary": gettext_lazy("In your words"),
    "perpetrator": gettext_lazy("Description"),
    "vehicle": gettext_lazy("Vehicle"),
    "update": gettext_lazy("Waiting to be sent"),
}


def reader_language(request: HttpRequest) -> str:
    profile = getattr(request.user, "member_profile", None)
    return profile.language if profile is not None else (get_language() or "en")


def errors_of(exc: ValidationError) -> str:
    return " ".join(exc.messages)


# --- members --------------------------------------------------------------------------------


@member_required
def feed(request: HttpRequest) -> HttpResponse:
    return feed_page(request, archive=False)


@member_required
def archive(request: HttpRequest) -> HttpResponse:
    return feed_page(request, archive=True)


def my_regions(request: HttpRequest) -> Any:
    from redbrolly.core.models import Region

    region_ids = selectors.member_region_ids(request.user)
    regions = Region.objects.active()
    return regions if region_ids is None else regions.filter(pk__in=region_ids)


def feed_page(request: HttpRequest, *, archive: bool) -> HttpResponse:
    form = forms.FeedForm(request.GET or None, regions=my_regions(request))
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    query = selectors.FeedQuery(
        q=data.get("q", ""),
        region=data.get("region", ""),
        severity=data.get("severity", ""),
        incident_type=data.get("type", ""),
        archive=archive,
    )
    language = reader_language(request)
    found = selectors.feed(request.user, query, language=language)
    page = Paginator(found, 20).get_page(request.GET.get("page"))
    items = [(alert, alert.text_in(language)) for alert in page]
    context = {"form": form, "page": page, "items": items, "archive": archive}
    return render(request, "alerts/feed.html", context)


@member_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    alert = selectors.alert_for_member(request.user, pk)
    text = alert.text_in(reader_language(request))
    return render(request, "alerts/detail.html", {"alert": alert, "text": text})


def may_print_bulletins(user: Any) -> bool:
    profile = getattr(user, "member_profile", None)
    outreach = {MemberProfile.MembershipType.PRACTITIONER, MemberProfile.MembershipType.SITE}
    return user.is_staff_role or (profile is not None and profile.membership_type in outreach)


@member_required
def bulletin_view(request: HttpRequest) -> HttpResponse:
    """Printable PDF of current alerts for outreach workers and staff."""
    if not may_print_bulletins(request.user):
        raise PermissionDenied
    form = forms.BulletinForm(request.GET or None)
    if not form.is_bound or not form.is_valid():
        return render(request, "alerts/bulletin_form.html", {"form": form})
    data = form.cleaned_data
    pdf = bulletin.render(
        request.user, region=data["region"], since=data["since"], neutral=data["cover"] == "neutral"
    )
    audit.log(request.user, "alerts.bulletin.printed", data["region"], cover=data["cover"])
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="bulletin.pdf"'
    return response


@signed_in
def reviews(request: HttpRequest) -> HttpResponse:
    found = selectors.reviews_for_reporter(request.user)
    return render(request, "alerts/reviews.html", {"reviews": found})


@signed_in
def review(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(selectors.reviews_for_reporter(request.user), pk=pk)
    form = forms.ReviewAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.alert_review_answer(
                reporter=request.user,
                review=found,
                ok=form.cleaned_data["answer"] == "ok",
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as refused:
            messages.error(request, errors_of(refused))
        else:
            messages.success(request, _("Thank you. We will take your answer into account."))
        return redirect("alerts:reviews")
    context = {"review": found, "text": found.alert.text_in(reader_language(request)), "form": form}
    return render(request, "alerts/review.html", context)


# --- receipt holders (on their report's follow-up page, reports/views/reporter.py) ------------


@dataclass(frozen=True)
class AlertToLook:
    """An alert from the report, shown to its receipt holder before it is sent."""

    review: AlertReview
    text: dict[str, str]
    regions: list[str]
    form: forms.ReceiptReviewForm


def receipt_review_form(review_pk: Any) -> forms.ReceiptReviewForm:
    return forms.ReceiptReviewForm(
        initial={"review": review_pk}, auto_id=f"id_review{review_pk}_%s"
    )


def receipt_reviews(report: Any, given: Any = None) -> list[AlertToLook]:
    """The alert text as members would read it, with an answer form for each alert. A
    receipt holder has no other channel: nothing about the alert is ever sent to them."""
    shown = []
    for look in selectors.review_texts(report, get_language() or "en"):
        mine = given is not None and given.data.get("review") == str(look.review.pk)
        form = given if mine else receipt_review_form(look.review.pk)
        shown.append(AlertToLook(look.review, look.text, look.regions, form))
    return shown


def receipt_review_answer(request: HttpRequest, report: Any) -> forms.ReceiptReviewForm | None:
    """Records the answer, or gives the form back with its errors. A review of another
    report is not found, whatever its number; a refusal (answered already, sent already)
    is told as a message on the report's page."""
    form = forms.ReceiptReviewForm(request.POST)
    valid = form.is_valid()
    review = selectors.review_for_receipt(report, form.cleaned_data.get("review"))
    if review is None:
        raise Http404
    form.auto_id = f"id_review{review.pk}_%s"
    if not valid:
        return form
    try:
        services.alert_review_answer_by_receipt(
            report=report,
            review=review,
            ok=form.cleaned_data["answer"] == "ok",
            comment=form.cleaned_data["comment"],
        )
    except ValidationError as refused:
        messages.error(request, errors_of(refused))
    else:
        messages.success(request, _("Thank you. We will take your answer into account."))
    return None


# --- staff ----------------------------------------------------------------------------------


def staff_alert(pk: int) -> Alert:
    return get_object_or_404(selectors.staff_queue(), pk=pk)


@staff_required(DRAFT)
def staff_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    status = status if status in Alert.Status.values else ""
    alerts = selectors.staff_queue(status or None)[:200]
    context = {"alerts": alerts, "status": status, "statuses": Alert.Status.choices}
    return render(request, "alerts/staff_list.html", context)


@staff_required(DRAFT)
def draft_new(request: HttpRequest) -> HttpResponse:
    """Start a draft from one or more reports (`?report=<pk>`, repeatable)."""
    if request.method == "POST":
        form = forms.DraftFromReportsForm(request.POST)
    else:
        form = forms.DraftFromReportsForm(initial={"reports": request.GET.getlist("report")})
    if request.method == "POST" and form.is_valid():
        try:
            alert = services.alert_draft_from_reports(
                moderator=request.user, reports=form.cleaned_data["chosen"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("alerts:staff_detail", pk=alert.pk)
    return render(request, "alerts/draft_new.html", {"form": form})


def staff_context(request: HttpRequest, alert: Alert) -> dict[str, Any]:
    flags = selectors.flags_in(alert)
    texts = selectors.alert_texts(alert)
    counts = status_counts(selectors.deliveries_of(alert)) if alert.published_at else {}
    own = [item for item in flags if not item.field.startswith("update:")]
    return {
        "alert": alert,
        "made": alert.text_in(get_language() or "en"),
        "facts_text": wording.from_facts(alert.facts, get_language() or "en").summary,
        "fields": flagged_fields(texts, flags, {k: str(v) for k, v in FIELD_LABELS.items()}),
        "unresolved": len(selectors.unresolved(own)),
        "kept": [item for item in flags if item.resolved],
        "pending_updates": selectors.pending_updates(alert, flags),
        "pending_translations": [
            t for t in alert.translations.all() if t.approved_at is None and not alert.is_editable
        ],
        "reports": selectors.reports_beside(alert) if alert.is_editable else [],
        "preview": selectors.preview(alert) if alert.status != Alert.Status.DRAFT else None,
        "counts": counts,
        "failed": sum(by_status.get(Delivery.Status.FAILED, 0) for by_status in counts.values()),
        "reviews": alert.reviews.select_related("report"),
        "may_approve": request.user.has_perm(APPROVE),
        "wrote_it": request.user.pk in {alert.created_by_id, alert.last_edited_by_id},
        "policy": AlertPolicy.current(),
        "approve_form": forms.ApproveForm(),
        "note_form": forms.NoteForm(),
        "can_review": services.reporters_we_can_ask(alert),
    }


@staff_required(DRAFT)
def staff_detail(request: HttpRequest, pk: int) -> HttpResponse:
    alert = staff_alert(pk)
    context = staff_context(request, alert)
    if alert.is_editable:
        audit.log(request.user, "alerts.alert.viewed", alert)
        for beside in context["reports"]:
            audit.log(
                request.user, "reports.report.viewed", beside.report, purpose="alert drafting"
            )
    return render(request, "alerts/staff_detail.html", context)


@staff_required(DRAFT)
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    alert = staff_alert(pk)
    if not alert.is_editable:
        messages.error(request, _("This alert has been sent: publish an update instead."))
        return redirect("alerts:staff_detail", pk=pk)
    form = forms.AlertForm(
        request.POST or None,
        instance=alert,
        choices=selectors.identifiers_of_reports(alert),
        rules=AlertPolicy.current().masking_rules(),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.alert_edit(moderator=request.user, alert=alert, content=form.content())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The draft is saved."))
            return redirect("alerts:staff_detail", pk=pk)
    facts_text = wording.from_facts(alert.facts, get_language() or "en").summary
    reports = selectors.reports_beside(alert)
    for beside in reports:
        audit.log(request.user, "reports.report.viewed", beside.report, purpose="alert drafting")
    context = {"alert": alert, "form": form, "facts_text": facts_text, "reports": reports}
    return render(request, "alerts/edit.html", context)


def done_or_error(request: HttpRequest, pk: int, action: Any, success: str) -> HttpResponse:
    """Runs a service; shows its refusal as a message instead of an error page."""
    try:
        action()
    except ValidationError as exc:
        messages.error(request, errors_of(exc))
    else:
        messages.success(request, success)
    return redirect("alerts:staff_detail", pk=pk)


@require_POST
@staff_required(DRAFT)
def flag_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    alert = staff_alert(pk)
    form = forms.FlagForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That detail could not be found; please try again."))
        return redirect("alerts:staff_detail", pk=pk)
    data = form.cleaned_data
    where = {"moderator": request.user, "alert": alert, "name": data["field"]}
    if data["action"] == "remove":
        return done_or_error(
            request,
            pk,
            lambda: services.alert_flag_remove(**where, fingerprint=data["fingerprint"]),
            _("The detail was taken out."),
        )
    return done_or_error(
        request,
        pk,
        lambda: services.alert_flag_keep(
            **where, fingerprint=data["fingerprint"], reason=data["reason"]
        ),
        _("The detail is kept, with your reason."),
    )


@require_POST
@staff_required(DRAFT)
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    alert = staff_alert(pk)
    return done_or_error(
        request,
        pk,
        lambda: services.alert_submit(moderator=request.user, alert=alert),
        _("Sent for approval. Another moderator must approve it."),
    )


@require_POST
@staff_required(APPROVE)
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    alert = staff_alert(pk)
    form = forms.ApproveForm(request.POST)
    form.is_valid()
    without = form.cleaned_data.get("without_reporter", False)
    return done_or_error(
        request,
        pk,
        lambda: services.alert_approve(
            moderator=request.user, alert=alert, without_reporter=without
        ),
        _("Approved and sent."),
    )


@require_POST
@staff_required(APPROVE)
def send_back(request: HttpRequest, pk: int) -> HttpResponse:
    alert = staff_alert(pk)
    form = forms.NoteForm(request.POST)
    note = form.cleaned_data["text"] if form.is_valid() else ""
    return done_or_error(
        request,
        pk,
        lambda: services.alert_return(moderator=request.user, alert=alert, note=note),
        _("Sent back to the draft with your note."),
    )


@require_POST
@staff_required(DRAFT)
def ask_reporter(request: HttpRequest, pk: int) -> HttpResponse:
    alert = staff_alert(pk)
    return done_or_error(
        request,
        pk,
        lambda: services.alert_review_request(moderator=request.user, alert=alert),
        _(
            "The reporters can now see the text: in their account, or on their report's "
            "page when they come back with their receipt code."
        ),
    )


@staff_required(DRAFT)
def translation(request: HttpRequest, pk: int) -> HttpResponse:
    alert = staff_alert(pk)
    language = request.GET.get("language", "")
    existing = alert.translations.filter(language=language).first()
    initial = {"language": language}
    if existing is not None:
        initial.update(title=existing.title, summary=existing.summary)
        initial.update(perpetrator=existing.perpetrator, vehicle=existing.vehicle)
    if alert.status == Alert.Status.WITHDRAWN:
        messages.error(request, _("This alert was withdrawn."))
        return redirect("alerts:staff_detail", pk=pk)
    form = forms.TranslationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.alert_translation_save(
                moderator=request.user, alert=alert, language=data.pop("language"), text=data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if alert.is_editable:
                messages.success(request, _("The translation is saved."))
            else:
                messages.success(
                    request, _("The translation is saved. Another moderator must approve it.")
                )
            return redirect("alerts:staff_detail", pk=pk)
    return render(request, "alerts/translation.html", {"alert": alert, "form": form})


@require_POST
@staff_required(DRAFT)
def update(request: HttpRequest, pk: int) -> HttpResponse:
    return new_version(
        request,
        pk,
        services.alert_update,
        _("The update waits for another moderator to approve it."),
    )


@require_POST
@staff_required(DRAFT)
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    return new_version(
        request,
        pk,
        services.alert_withdraw,
        _(
            "The alert is withdrawn: members no longer see it as current. The notice to those "
            "who got it waits for another moderator to approve it."
        ),
    )


def pending_update(alert: Alert, update_pk: int) -> Any:
    return get_object_or_404(alert.updates.filter(sent_at=None), pk=update_pk)


@require_POST
@staff_required(APPROVE)
def update_approve(request: HttpRequest, pk: int, update_pk: int) -> HttpResponse:
    found = pending_update(staff_alert(pk), update_pk)
    return done_or_error(
        request,
        pk,
        lambda: services.alert_update_approve(moderator=request.user, update=found),
        _("Approved and sent to everyone who got the alert."),
    )


@require_POST
@staff_required(DRAFT)
def update_change(request: HttpRequest, pk: int, update_pk: int) -> HttpResponse:
    found = pending_update(staff_alert(pk), update_pk)
    form = forms.NoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write what has changed."))
        return redirect("alerts:staff_detail", pk=pk)
    text = form.cleaned_data["text"]
    return done_or_error(
        request,
        pk,
        lambda: services.alert_update_change(moderator=request.user, update=found, text=text),
        _("Changed. Another moderator must approve it."),
    )


@require_POST
@staff_required(APPROVE)
def translation_approve(request: HttpRequest, pk: int, language: str) -> HttpResponse:
    alert = staff_alert(pk)
    found = get_object_or_404(alert.translations.filter(approved_at=None), language=language)
    return done_or_error(
        request,
        pk,
        lambda: services.alert_translation_approve(moderator=request.user, translation=found),
        _("Approved: members who read this language now get this translation."),
    )


def new_version(request: HttpRequest, pk: int, service: Any, success: str) -> HttpResponse:
    alert = staff_alert(pk)
    form = forms.NoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write what has changed."))
        return redirect("alerts:staff_detail", pk=pk)
    text = form.cleaned_data["text"]
    return done_or_error(
        request, pk, lambda: service(moderator=request.user, alert=alert, text=text), success
    )


@staff_required(DRAFT)
def deliveries(request: HttpRequest, pk: int) -> HttpResponse:
    alert = staff_alert(pk)
    rows = selectors.deliveries_of(alert).order_by("-pk")
    status = request.GET.get("status", "failed")
    if status in Delivery.Status.values:
        rows = rows.filter(status=status)
    page = Paginator(rows.only("pk", "channel", "status", "attempts", "last_error", "sent_at"), 50)
    context = {
        "alert": alert,
        "page": page.get_page(request.GET.get("page")),
        "status": status,
        "statuses": Delivery.Status.choices,
        "now": timezone.now(),
        "back": reverse("alerts:staff_detail", args=[pk]),
    }
    return render(request, "alerts/deliveries.html", context)
