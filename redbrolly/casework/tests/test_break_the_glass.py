"""Opening another worker's case: a stated reason, an audit entry, a notice, one hour."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from redbrolly.casework.models import Notice
from redbrolly.casework.services import note_add
from redbrolly.core.models import AuditEntry

pytestmark = pytest.mark.django_db

NOTE = "moved to the hostel on Cheetham Hill on Friday"


@pytest.fixture
def someone_elses_case(team, people, make_case, planted):
    worker = people("caseworker")
    case = make_case(worker)
    note_add(actor=worker, case=case, kind="contact", body=planted(NOTE))
    return case


def test_breaking_the_glass_asks_for_a_reason_audits_it_and_tells_the_supervisor(
    client, people, someone_elses_case
) -> None:
    case, other = someone_elses_case, people("caseworker2")
    client.force_login(other)
    url = f"/casework/cases/{case.pk}/"
    assert client.get(url).status_code == 403
    response = client.post(url + "break-glass/", {"reason": "Covering while Sam is on leave"})
    assert response.status_code == 302
    entry = AuditEntry.objects.about(case).get(action="casework.case.break_glass")
    assert entry.actor == other
    assert entry.purpose == "Covering while Sam is on leave"
    notice = Notice.objects.get(kind=Notice.Kind.BREAK_GLASS)
    assert notice.recipient.username == "supervisor"
    assert notice.case == case and notice.actor == other
    opened = client.get(url)
    assert opened.status_code == 200
    assert NOTE.encode() in opened.content
    viewed = AuditEntry.objects.about(case).filter(action="casework.case.viewed", actor=other)
    assert viewed.get().details["access"] == "break_glass"


def test_the_supervisor_sees_the_notice_on_their_dashboard(client, people, someone_elses_case):
    client.force_login(people("caseworker2"))
    client.post(
        f"/casework/cases/{someone_elses_case.pk}/break-glass/", {"reason": "Emergency call now"}
    )
    client.force_login(people("supervisor"))
    page = client.get("/casework/").content.decode()
    assert "breaking the glass" in page
    assert someone_elses_case.reference in page


def test_a_reason_is_required(client, people, someone_elses_case) -> None:
    client.force_login(people("caseworker2"))
    response = client.post(f"/casework/cases/{someone_elses_case.pk}/break-glass/", {"reason": "x"})
    assert response.status_code == 403
    assert b"at least 10 characters" in response.content
    assert not AuditEntry.objects.filter(action="casework.case.break_glass").exists()
    assert not Notice.objects.exists()


def test_access_after_breaking_the_glass_ends_after_an_hour(client, people, someone_elses_case):
    client.force_login(people("caseworker2"))
    url = f"/casework/cases/{someone_elses_case.pk}/"
    client.post(url + "break-glass/", {"reason": "Covering the duty phone today"})
    assert client.get(url).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(minutes=61)):
        later = Client()  # a fresh session: the old one has hit the staff idle timeout
        later.force_login(people("caseworker2"))
        assert later.get(url).status_code == 403


def test_people_without_casework_roles_cannot_break_the_glass(client, people, someone_elses_case):
    for who in ["moderator", "analyst", "member"]:
        client.force_login(people(who))
        response = client.post(
            f"/casework/cases/{someone_elses_case.pk}/break-glass/",
            {"reason": "I would like to see it please"},
        )
        assert response.status_code == 403
    assert not AuditEntry.objects.filter(action="casework.case.break_glass").exists()


def test_every_view_of_a_case_is_audited_and_the_case_shows_who_viewed_it(
    client, people, someone_elses_case
) -> None:
    client.force_login(people("supervisor"))
    client.get(f"/casework/cases/{someone_elses_case.pk}/")
    client.force_login(people("caseworker"))
    page = client.get(f"/casework/cases/{someone_elses_case.pk}/").content.decode()
    views = AuditEntry.objects.about(someone_elses_case).filter(action="casework.case.viewed")
    assert sorted(views.values_list("actor_label", flat=True)) == ["caseworker", "supervisor"]
    assert "Who viewed this case" in page
    section = page.split("Who viewed this case")[1]
    assert "supervisor" in section and "caseworker" in section
