"""My caseload, the team view, and statistics with small numbers suppressed in exports."""

from __future__ import annotations

import csv
from datetime import date, timedelta

import pytest
import time_machine
from django.utils import timezone

from redbrolly.casework.models import OutcomeOption
from redbrolly.casework.rules import suppressed
from redbrolly.casework.selectors import minutes_by_activity
from redbrolly.casework.services import (
    action_add,
    appointment_add,
    case_close,
    note_add,
    time_log,
)

pytestmark = pytest.mark.django_db


def test_my_caseload_shows_overdue_actions_appointments_and_quiet_cases(
    client, people, team, make_case
) -> None:
    worker = people("caseworker")
    busy, quiet = make_case(worker, name="Busy"), make_case(worker, name="Quiet")
    with time_machine.travel(timezone.now() - timedelta(days=20)):
        note_add(actor=worker, case=quiet, kind="contact", body="Last spoke")
    note_add(actor=worker, case=busy, kind="contact", body="Spoke today")
    yesterday = timezone.localdate() - timedelta(days=1)
    action_add(actor=worker, case=busy, title="Send the form", owner=worker, due_on=yesterday)
    appointment_add(
        actor=worker,
        case=busy,
        kind="meeting",
        starts_at=timezone.now() + timedelta(days=2),
        place="",
        note="",
    )
    client.force_login(worker)
    page = client.get("/casework/").content.decode()
    assert "Send the form" in page
    overdue, appointments, no_contact = (
        page.split("Overdue actions")[1],
        page.split("Upcoming appointments")[1],
        page.split("No contact for 14 days")[1],
    )
    assert busy.reference in overdue and busy.reference in appointments
    assert quiet.reference in no_contact and busy.reference not in no_contact


def test_a_supervisor_sees_the_whole_team_and_a_caseworker_only_their_own(
    client, people, team, make_case
) -> None:
    mine, theirs = make_case(people("caseworker")), make_case(people("caseworker2"))
    client.force_login(people("supervisor"))
    page = client.get("/casework/team/").content.decode()
    assert mine.reference in page and theirs.reference in page
    client.force_login(people("caseworker"))
    page = client.get("/casework/").content.decode()
    assert mine.reference in page and theirs.reference not in page
    assert client.get("/casework/team/").status_code == 403


def test_counts_under_five_are_suppressed_in_the_csv_export(
    client, people, team, make_case
) -> None:
    worker = people("caseworker")
    outcome = OutcomeOption.objects.get(code="safer")
    for n in range(6):
        case = make_case(worker)
        note_add(actor=worker, case=case, kind="contact", body="Spoke")
        if n < 3:
            case_close(actor=worker, case=case, reason="complete", outcomes=[outcome])
    client.force_login(people("supervisor"))
    today = timezone.localdate()
    response = client.get(f"/casework/stats.csv?start={today - timedelta(days=1)}&end={today}")
    assert response["Content-Disposition"].startswith("attachment")
    rows = {(r[0], r[1]): r[2] for r in csv.reader(response.content.decode().splitlines())}
    assert rows[("new cases", "")] == "6"
    assert rows[("closed cases", "")] == "<5"
    assert rows[("cases open now", "")] == "<5"
    assert rows[("outcome", "Feels safer")] == "<5"
    screen = client.get("/casework/stats/").content.decode()
    assert "Feels safer" in screen


def test_suppression_hides_every_count_under_five() -> None:
    assert [suppressed(n) for n in (0, 1, 4, 5, 12)] == ["<5", "<5", "<5", "5", "12"]


def test_minutes_by_activity_sums_time_between_two_dates_for_the_evaluation(
    people, team, make_case
) -> None:
    worker = people("caseworker")
    case = make_case(worker)
    time_log(actor=worker, case=case, activity_type="contact", minutes=30, on=date(2026, 3, 1))
    time_log(actor=worker, case=case, activity_type="contact", minutes=15, on=date(2026, 3, 31))
    time_log(actor=worker, case=case, activity_type="travel", minutes=40, on=date(2026, 3, 10))
    time_log(actor=worker, case=case, activity_type="travel", minutes=99, on=date(2026, 4, 1))
    assert minutes_by_activity(date(2026, 3, 1), date(2026, 3, 31)) == {
        "contact": 45,
        "travel": 40,
    }


def test_analysts_cannot_read_casework_statistics(client, people) -> None:
    client.force_login(people("analyst"))
    assert client.get("/casework/stats.csv").status_code == 403
