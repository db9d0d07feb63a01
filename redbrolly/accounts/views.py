from __future__ import annotations

import json
from typing import Any

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from redbrolly.accounts import selectors, services
from redbrolly.accounts.forms import (
    ContactForm,
    DeleteAccountForm,
    MoreInformationForm,
    PreferencesForm,
    ReviewForm,
)
from redbrolly.accounts.models import MemberProfile, MembershipProof, User
from redbrolly.core.models import Organisation
from redbrolly.lib import audit
from redbrolly.lib.access import signed_in, staff_required
from redbrolly.lib.evidence import evidence_response


def profile_of(request: HttpRequest) -> MemberProfile | None:
    return getattr(request.user, "member_profile", None)


@signed_in
def home(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    profile = profile_of(request)
    if user.is_staff_role and profile is None:
        return redirect("accounts:staff_home")
    form = more_information_form(request, profile)
    if profile is not None and form is not None and request.method == "POST" and form.is_valid():
        services.membership_add_information(
            user=user,
            profile=profile,
            note=form.cleaned_data["note"],
            proof=form.cleaned_data.get("proof"),
        )
        messages.success(request, _("Thank you. Staff will look at your application again."))
        return redirect("accounts:home")
    return render(request, "accounts/home.html", {"profile": profile, "form": form})


def more_information_form(
    request: HttpRequest, profile: MemberProfile | None
) -> MoreInformationForm | None:
    """Only while staff have asked the applicant for more information."""
    if profile is None or profile.status != MemberProfile.Status.MORE_INFO:
        return None
    offer_proof = Organisation.current().offers_proof_upload(profile.membership_type)
    post = request.method == "POST"
    return MoreInformationForm(
        request.POST if post else None, request.FILES if post else None, offer_proof=offer_proof
    )


@signed_in
def preferences(request: HttpRequest) -> HttpResponse:
    profile = profile_of(request)
    if profile is None:
        return redirect("accounts:home")
    form = PreferencesForm(
        request.POST or None, profile=profile, initial=preference_initial(profile)
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        services.member_preferences_update(
            user=request.user,  # type: ignore[arg-type]
            profile=profile,
            regions=data.pop("regions"),
            **data,
        )
        messages.success(request, _("Your preferences are saved."))
        return redirect("accounts:preferences")
    return render(request, "accounts/preferences.html", {"form": form})


def preference_initial(profile: MemberProfile) -> dict[str, Any]:
    fields = [
        "sectors",
        "notify_email",
        "notify_sms",
        "notify_push",
        "notify_inapp",
        "language",
        "discreet_mode",
        "dark_screen",
    ]
    initial = {name: getattr(profile, name) for name in fields}
    initial["regions"] = list(profile.regions.all())
    return initial


@signed_in
@reauthentication_required
def contact(request: HttpRequest) -> HttpResponse:
    profile = profile_of(request)
    if profile is None:
        return redirect("accounts:home")
    initial = {"contact_email": profile.email, "mobile": profile.mobile}
    form = ContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.member_contact_update(user=request.user, profile=profile, contact=form.contact())  # type: ignore[arg-type]
        messages.success(request, _("Your contact details are saved."))
        return redirect("accounts:home")
    return render(request, "accounts/contact.html", {"form": form})


@signed_in
@reauthentication_required
def my_data(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "accounts/my_data.html")
    data = services.member_data_export(user=request.user)  # type: ignore[arg-type]
    response = HttpResponse(
        json.dumps(data, indent=2, default=str), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response


@signed_in
@reauthentication_required
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.member_delete(user=user)  # type: ignore[arg-type]
        messages.success(request, _("Your account and its data have been deleted."))
        return redirect("pages:home")
    return render(request, "accounts/delete.html", {"form": form})


@staff_required()
def staff_home(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/staff_home.html")


@staff_required("accounts.review_membership")
def applications(request: HttpRequest) -> HttpResponse:
    queue = selectors.applications_to_review()
    return render(request, "accounts/applications.html", {"applications": queue})


@staff_required("accounts.review_membership")
def application(request: HttpRequest, pk: int) -> HttpResponse:
    profile = get_object_or_404(selectors.applications_to_review(), pk=pk)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.membership_review(
            reviewer=request.user,  # type: ignore[arg-type]
            profile=profile,  # type: ignore[arg-type]
            decision=form.cleaned_data["decision"],
            reason=form.cleaned_data["reason"],
        )
        messages.success(request, _("Decision saved for %(name)s.") % {"name": profile.user})
        return redirect("accounts:applications")
    audit.log(request.user, "accounts.membership.viewed", profile)
    context = {"profile": profile, "form": form, "proofs": selectors.proofs_listed(profile)}
    return render(request, "accounts/application.html", context)


@staff_required("accounts.review_membership")
def application_proof(request: HttpRequest, pk: int, proof_pk: int) -> HttpResponse:
    """The applicant's proof-of-work file: images shown, anything else only downloaded."""
    proof = selectors.proof_for_reviewer(request.user, pk, proof_pk)
    audit.log(request.user, "accounts.membership.proof.viewed", proof.profile, proof=proof.pk)
    inline = proof.kind == MembershipProof.Kind.IMAGE and request.GET.get("download") != "1"
    return evidence_response(
        proof.content, content_type=proof.content_type, filename=proof.download_name, inline=inline
    )


@require_POST
@staff_required("accounts.revoke_sessions")
def revoke_sessions(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(User, pk=pk)
    count = services.sessions_revoke(actor=request.user, user=person)  # type: ignore[arg-type]
    messages.success(
        request,
        _("%(name)s was signed out of %(count)s session(s).") % {"name": person, "count": count},
    )
    return redirect("accounts:people")


@staff_required("accounts.revoke_sessions")
def people(request: HttpRequest) -> HttpResponse:
    staff = User.objects.filter(groups__isnull=False).distinct().order_by("username")
    return render(request, "accounts/people.html", {"people": staff})
