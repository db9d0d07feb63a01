"""Casework fixtures: a team (supervisor over caseworker and caseworker2) and cases."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from redbrolly.casework import services
from redbrolly.casework.models import Case, Team


@pytest.fixture
def team(people: Callable[..., Any]) -> Team:
    supervisor, worker, worker2 = people("supervisor", "caseworker", "caseworker2")
    made = Team.objects.create(name="North", supervisor=supervisor)
    made.members.set([worker, worker2])
    return made


@pytest.fixture
def make_case(people: Callable[..., Any]) -> Callable[..., Case]:
    """make_case(worker=None, contact="+447700900123", name="Ruby") -> an open or pooled case."""

    def make(worker: Any = None, **person: Any) -> Case:
        details = {
            "working_name": person.pop("name", "Ruby"),
            "contact_route": Case.ContactRoute.TEXT,
            "contact_details": person.pop("contact", "+447700900123"),
            "safe_times": "after 6pm",
            "language": "en",
            **person,
        }
        intake = services.Intake(source=Case.Source.PHONE, reason="Wants support")
        case = services.case_open(
            actor=worker, person=services.Person(**details), intake=intake, worker=worker
        )
        return case

    return make
