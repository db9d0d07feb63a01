from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from redbrolly.core.models import AuditEntry
from redbrolly.lib.access import public, staff_required


@public
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@staff_required("core.view_auditentry")
def who_viewed(request: HttpRequest, object_type: str, object_id: str) -> HttpResponse:
    """Supervisors see every read and write of one record (SECURITY.md, "Audit")."""
    entries = AuditEntry.objects.filter(object_type=object_type, object_id=object_id)[:500]
    context = {"entries": entries, "object_type": object_type, "object_id": object_id}
    return render(request, "core/who_viewed.html", context)


@staff_required("core.view_auditentry")
def audit_log(request: HttpRequest) -> HttpResponse:
    action = request.GET.get("action", "")[:80]
    entries = AuditEntry.objects.all()
    if action:
        entries = entries.filter(action__startswith=action)
    return render(request, "core/audit_log.html", {"entries": entries[:200], "action": action})
