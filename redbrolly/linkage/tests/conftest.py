from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from redbrolly.reports.tests.conftest import fresh_limits, payload  # noqa: F401 (fixtures)
from redbrolly.reports.tests.helpers import submitted


@pytest.fixture
def report_about(payload: Callable[..., dict[str, Any]]) -> Callable[..., Any]:  # noqa: F811
    """report_about(phone=..., consent=..., **changes) -> a stored report naming that phone."""

    def make(phone: str = "07700 900417", consent: str = "alert", **changes: Any) -> Any:
        person = {
            "names": ["Corvin"],
            "phones": [phone],
            "emails": [],
            "handles": [],
            "description": "tall, beard",
        }
        data = payload(perpetrators=[person], consent={"level": consent}, **changes)
        return submitted(data).report

    return make
