"""The queue, most urgent and longest waiting first; supervisors allocate, workers claim."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from redbrolly.casework.models import Case, Notice
from redbrolly.casework.rules import add_working_days
from redbrolly.casework.services import Intake, Person, case_open
from redbrolly.core.models import AuditEntry

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def pooled(urgency: int, hours_ago: int) -> Case:
    with time_machine.travel(timezone.now() - timedelta(hours=hours_ago)):
        intake = Intake(source=Case.Source.CALLBACK, urgency=urgency)
        return case_open(actor=None, person=Person(working_name="Mia"), intake=intake)


def test_the_queue_puts_urgent_cases_first_then_the_longest_waiting(client, people, team):
    routine_old, urgent_new, urgent_old = pooled(3, 50), pooled(1, 1), pooled(1, 5)
    client.force_login(people("caseworker"))
    page = client.get("/casework/queue/").content.decode()
    positions = [page.index(case.reference) for case in (urgent_old, urgent_new, routine_old)]
    assert positions == sorted(positions)


def test_a_case_past_its_first_contact_target_is_flagged_overdue(client, people, team):
    late = pooled(2, 24 * 5)
    assert late.first_contact_overdue
    assert list(Case.objects.first_contact_overdue()) == [late]
    client.force_login(people("supervisor"))
    assert b"Overdue" in client.get("/casework/queue/").content
    assert late.reference.encode() in client.get("/casework/team/").content


def test_the_first_contact_target_counts_working_days() -> None:
    friday_evening = datetime(2026, 11, 27, 18, 0, tzinfo=LONDON)
    assert add_working_days(friday_evening, 1).date().isoformat() == "2026-11-30"
    saturday = datetime(2026, 11, 28, 14, 0, tzinfo=LONDON)
    assert add_working_days(saturday, 1) == datetime(2026, 12, 1, 9, 0, tzinfo=LONDON)


def test_the_first_contact_target_is_configurable(settings) -> None:
    settings.REDBROLLY_CASE_FIRST_CONTACT_WORKING_DAYS = 3
    with time_machine.travel(datetime(2026, 11, 23, 10, 0, tzinfo=LONDON), tick=False):
        case = pooled(2, 0)
    assert timezone.localtime(case.first_contact_due_at).date().isoformat() == "2026-11-26"


def test_a_supervisor_allocates_a_case_to_a_caseworker_in_their_team(client, people, team):
    case = pooled(1, 2)
    client.force_login(people("supervisor"))
    response = client.post(
        f"/casework/cases/{case.pk}/assign/", {"worker": people("caseworker").pk}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert str(case.worker) == "caseworker" and case.status == Case.Status.OPEN
    assert AuditEntry.objects.about(case).filter(action="casework.case.assigned").exists()
    assert Notice.objects.get().recipient.username == "caseworker"


def test_a_supervisor_cannot_allocate_outside_their_team(client, people, team):
    case = pooled(1, 2)
    client.force_login(people("supervisor"))
    response = client.post(f"/casework/cases/{case.pk}/assign/", {"worker": people("moderator").pk})
    assert response.status_code == 200
    case.refresh_from_db()
    assert case.worker is None


def test_a_caseworker_claims_a_case_and_it_leaves_the_queue(client, people, team):
    case = pooled(2, 2)
    client.force_login(people("caseworker2"))
    assert client.post(f"/casework/cases/{case.pk}/claim/").status_code == 302
    case.refresh_from_db()
    assert str(case.worker) == "caseworker2"
    assert case.reference.encode() not in client.get("/casework/queue/").content


def test_a_case_already_taken_cannot_be_claimed(client, people, team, make_case):
    case = make_case(people("caseworker"))
    client.force_login(people("caseworker2"))
    assert client.post(f"/casework/cases/{case.pk}/claim/").status_code == 404
    case.refresh_from_db()
    assert str(case.worker) == "caseworker"


def test_caseworkers_see_only_a_summary_of_the_queue_until_they_claim(client, people, team):
    case = case_open(
        actor=None,
        person=Person(working_name="Mia", contact_details="+447700900202"),
        intake=Intake(source=Case.Source.CALLBACK),
    )
    client.force_login(people("caseworker"))
    queue = client.get("/casework/queue/").content
    assert case.reference.encode() in queue and b"+447700900202" not in queue
    assert client.get(f"/casework/cases/{case.pk}/").status_code == 403
    client.post(f"/casework/cases/{case.pk}/claim/")
    assert b"+447700900202" in client.get(f"/casework/cases/{case.pk}/").content


def test_caseworkers_cannot_allocate(client, people, team):
    case = pooled(2, 2)
    client.force_login(people("caseworker"))
    response = client.post(
        f"/casework/cases/{case.pk}/assign/", {"worker": people("caseworker").pk}
    )
    assert response.status_code == 403


def test_a_caseworker_opens_a_case_for_someone_who_phoned(client, people, team):
    client.force_login(people("caseworker"))
    response = client.post(
        "/casework/cases/new/",
        {
            "working_name": "Jade",
            "contact_route": "call",
            "contact_details": "07700900999",
            "language": "en",
            "urgency": "2",
            "reason": "Called the helpline",
            "consent": "on",
        },
    )
    case = Case.objects.get()
    assert response["Location"] == f"/casework/cases/{case.pk}/"
    assert str(case.worker) == "caseworker" and case.source == Case.Source.PHONE
    assert case.contact_details == "+447700900999"


def test_a_practitioner_refers_someone_from_the_member_area(client, people):
    client.force_login(people("practitioner"))
    response = client.post(
        "/get-support/refer/",
        {
            "contact_route": "via_referrer",
            "language": "pt",
            "urgency": "2",
            "reason": "Wants help with housing after an assault.",
            "referrer_contact": "Ask for Sam at the drop-in",
            "consent": "on",
        },
    )
    assert response.status_code == 200
    case = Case.objects.get()
    assert case.source == Case.Source.PRACTITIONER
    assert case.referral.reference.encode() in response.content


def test_individual_members_cannot_use_the_practitioner_referral_form(client, member):
    client.force_login(member)
    assert client.get("/get-support/refer/").status_code == 403
