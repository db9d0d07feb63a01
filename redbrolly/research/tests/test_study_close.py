"""Closing a study deletes every contact detail and stops every message."""

from __future__ import annotations

import pytest

from redbrolly.core.models import AuditEntry
from redbrolly.research import services
from redbrolly.research.models import ParticipantContact, Study
from redbrolly.research.tests.helpers import answer_wave, email_contact, enrol, make_study

pytestmark = pytest.mark.django_db


def test_a_researcher_closes_the_study_and_contact_details_are_gone(client, people) -> None:
    study = make_study()
    for number in range(3):
        answer_wave(enrol(study, contact=email_contact(f"p{number}@example.org")).participant, 0)
    client.force_login(people("researcher"))
    refused = client.post("/staff/research/cohort/close/", {"confirm": "yes"})
    assert b"Type CLOSE" in refused.content
    client.post("/staff/research/cohort/close/", {"confirm": "CLOSE"})
    study.refresh_from_db()
    assert study.status == Study.Status.CLOSED and study.closed_at is not None
    assert not ParticipantContact.objects.exists()
    assert AuditEntry.objects.get(action="research.study.closed").details == {"contacts_deleted": 3}
    assert services.followups_send_due(today=study.closed_at.date().replace(year=2100)) == 0


def test_closing_is_not_done_by_editing_the_status() -> None:
    study = Study(slug="x", title="x", ethics_reference="x")
    with pytest.raises(ValueError, match="study_close"):
        services.study_update(actor=None, study=study, status=Study.Status.CLOSED)
