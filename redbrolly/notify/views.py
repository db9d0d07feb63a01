from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from redbrolly.lib import audit
from redbrolly.lib.access import staff_required
from redbrolly.notify.models import OutboxEmail


@staff_required("notify.view_outboxemail")
def outbox(request: HttpRequest) -> HttpResponse:
    audit.log(request.user, "notify.outbox.viewed")
    return render(request, "notify/outbox.html", {"emails": OutboxEmail.objects.all()[:100]})
