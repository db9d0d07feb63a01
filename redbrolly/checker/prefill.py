""" "Something happened with this person? Report it": the checked identifier travels to the report
form in the session, never in a URL.

Sessions live in the database, so the value is sealed like any identifier at rest. The reports
app reads it once with `prefill_identifier_take(request)`.
"""

from __future__ import annotations

import json

from django.http import HttpRequest

from redbrolly.lib.crypto import DecryptionError, decrypt_text, encrypt_text
from redbrolly.lib.normalise import Identifier, IdentifierKind

SESSION_KEY = "reports.prefill_identifier"


def prefill_identifier_store(request: HttpRequest, identifier: Identifier) -> None:
    data = {"kind": identifier.kind.value, "value": identifier.value}
    request.session[SESSION_KEY] = encrypt_text(json.dumps(data))


def prefill_identifier_take(request: HttpRequest) -> Identifier | None:
    """The identifier a member chose to report from the checker (removed once read)."""
    sealed = request.session.pop(SESSION_KEY, None)
    if not sealed:
        return None
    try:
        data = json.loads(decrypt_text(sealed))
        return Identifier(IdentifierKind(data["kind"]), str(data["value"]))
    except (DecryptionError, ValueError, KeyError, TypeError):
        return None
