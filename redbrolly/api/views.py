from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from redbrolly.api import services
from redbrolly.api.forms import TokenForm
from redbrolly.api.models import ApiToken, Partner, PartnerKey
from redbrolly.lib.access import member_required, staff_required


@member_required
def tokens(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        _token, secret = services.api_token_issue(user=request.user, name=form.cleaned_data["name"])  # type: ignore[arg-type]
    mine = ApiToken.objects.live().filter(user=request.user).order_by("-created_at")
    return render(request, "api/tokens.html", {"form": form, "tokens": mine, "secret": secret})


@require_POST
@member_required
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken.objects.live(), pk=pk, user=request.user)
    services.api_token_revoke(actor=request.user, token=token)  # type: ignore[arg-type]
    messages.success(request, _("The token was revoked."))
    return redirect("api:tokens")


@staff_required("api.manage_partners")
def partners(request: HttpRequest) -> HttpResponse:
    listing = Partner.objects.prefetch_related("keys").order_by("name")
    return render(request, "api/partners.html", {"partners": listing})


@require_POST
@staff_required("api.manage_partners")
def partner_key_issue(request: HttpRequest, pk: int) -> HttpResponse:
    partner = get_object_or_404(Partner, pk=pk)
    _key, secret = services.partner_key_issue(actor=request.user, partner=partner)  # type: ignore[arg-type]
    listing = Partner.objects.prefetch_related("keys").order_by("name")
    context = {"partners": listing, "secret": secret, "issued_for": partner}
    return render(request, "api/partners.html", context)


@require_POST
@staff_required("api.manage_partners")
def partner_key_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    key = get_object_or_404(PartnerKey.objects.live(), pk=pk)
    services.partner_key_revoke(actor=request.user, key=key)  # type: ignore[arg-type]
    messages.success(request, _("The key was revoked."))
    return redirect("api:partners")
