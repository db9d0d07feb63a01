"""Schemathesis over the reports operations of our own OpenAPI: malformed input is never a 5xx."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from redbrolly.lib import ratelimit

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application()).include(
    path_regex=r"/api/v1/(reports|taxonomy)"
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("wsgi_keeps_test_connection")]


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_reports_api_never_answers_malformed_input_with_a_server_error(case) -> None:
    ratelimit.reset_all()
    case.call_and_validate(checks=[not_a_server_error])
