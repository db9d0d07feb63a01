"""Fixtures for the reports tests: a valid report payload full of planted values."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import override_settings

from redbrolly.lib import ratelimit

NARRATIVE = "He said his name was Corvin Ashgrove-Plantwell and took the money back"
PHONE = "07700 900417"
PHONE_E164 = "+447700900417"
EMAIL = "corvin.plantwell.5521@example.net"
NARRATIVE_PHONE = "07700 900638"


@pytest.fixture(autouse=True)
def fresh_limits() -> Iterator[None]:
    ratelimit.reset_all()
    with override_settings(REDBROLLY_INTAKE_LIMITS={"form_min_seconds": 0}):
        yield
    ratelimit.reset_all()


@pytest.fixture
def payload(planted: Callable[[str], str]) -> Callable[..., dict[str, Any]]:
    """payload(**changes) -> a valid API payload; every sensitive value is planted."""
    for value in (NARRATIVE, PHONE, PHONE_E164, EMAIL, NARRATIVE_PHONE):
        planted(value)

    def make(**changes: Any) -> dict[str, Any]:
        data: dict[str, Any] = {
            "incident_types": ["physical_assault", "non_payment"],
            "occurred_on": "2026-01-10",
            "region": "greater-manchester",
            "area": "Salford",
            "setting": "outcall",
            "narrative": f"{NARRATIVE}. He texted from {NARRATIVE_PHONE} later.",
            "perpetrators": [
                {
                    "names": ["Corvin"],
                    "phones": [PHONE],
                    "emails": [EMAIL],
                    "handles": ["@corvin_pw"],
                    "vehicle": {
                        "make": "Ford",
                        "model": "Focus",
                        "colour": "grey",
                        "plate": "MA19 ?XK",
                    },
                    "description": "tall, beard",
                }
            ],
            "consent": {"level": "alert", "wants_support": False},
        }
        data.update(changes)
        return data

    return make
