from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from redbrolly.lib import audit
from redbrolly.lib.access import member_required, staff_required
from redbrolly.notify import services
from redbrolly.notify.forms import PushSubscriptionForm
from redbrolly.notify.models import OutboxEmail, PushSubscription


@staff_required("notify.view_outboxemail")
def outbox(request: HttpRequest) -> HttpResponse:
    audit.log(request.user, "notify.outbox.viewed")
    return render(request, "notify/outbox.html", {"emails": OutboxEmail.objects.all()[:100]})


@member_required
def push_settings(request: HttpRequest) -> HttpResponse:
    return settings_page(request, PushSubscriptionForm())


def settings_page(request: HttpRequest, form: PushSubscriptionForm, status: int = 200) -> Any:
    context = {
        "form": form,
        "devices": PushSubscription.objects.filter(user_id=int(request.user.pk or 0)).count(),
        "vapid_public_key": getattr(settings, "REDBROLLY_VAPID_PUBLIC_KEY", ""),
    }
    return render(request, "notify/push_settings.html", context, status=status)


@require_POST
@member_required
def push_subscribe(request: HttpRequest) -> HttpResponse:
    form = PushSubscriptionForm(request.POST)
    if not form.is_valid():
        return settings_page(request, form, status=400)
    try:
        services.push_subscription_save(user=request.user, **form.cleaned_data)
    except ValidationError as exc:
        form.add_error(None, exc)
        return settings_page(request, form, status=400)
    messages.success(request, _("Notifications are on for this device."))
    return redirect("notify:push_settings")


@require_POST
@member_required
def push_off(request: HttpRequest) -> HttpResponse:
    services.push_subscriptions_delete(user=request.user)
    messages.success(request, _("Notifications are off on all your devices."))
    return redirect("notify:push_settings")
