"""Schemathesis over every operation of our OpenAPI, as a signed-in member and as a partner
platform: whatever is sent, the answer is never a server error.

(The reports operations are also fuzzed anonymously in redbrolly/reports/tests.)
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from redbrolly.api.models import Partner
from redbrolly.api.services import api_token_issue, partner_key_issue
from redbrolly.lib import ratelimit

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("wsgi_keeps_test_connection")]


@pytest.fixture
def bearers(people: Any) -> dict[str, str]:
    member = people("member")
    partner = Partner.objects.create(name="Adverts Example Ltd", can_report=True)
    return {
        "member": api_token_issue(user=member, name="fuzz")[1],
        "partner": partner_key_issue(actor=None, partner=partner)[1],
    }


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@pytest.mark.parametrize("who", ["member", "partner"])
def test_no_operation_answers_a_member_or_a_partner_with_a_server_error(
    case: Any, who: str, bearers: dict[str, str]
) -> None:
    ratelimit.reset_all()
    headers = {"Authorization": f"Bearer {bearers[who]}"}
    case.call_and_validate(headers=headers, checks=[not_a_server_error])
