"""The one audit log: `audit.log(actor, "casework.case.viewed", case, purpose=...)`.

Records who did or looked at what, when and why. Callers pass ids, names of fields and
counts in `details`, never the sensitive values themselves.
"""

from __future__ import annotations

from typing import Any

from django.db import models


def log(
    actor: Any,
    action: str,
    obj: models.Model | None = None,
    *,
    purpose: str = "",
    **details: Any,
) -> Any:
    from redbrolly.core.models import AuditEntry

    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEntry.objects.create(
        actor=actor if authenticated else None,
        actor_label=actor.get_username() if authenticated else "anonymous",
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        purpose=purpose[:300],
        details=details,
    )
