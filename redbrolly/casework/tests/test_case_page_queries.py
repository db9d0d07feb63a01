"""The case page stays fast however long the case: one query per list, not per note."""

from __future__ import annotations

import pytest
from django.utils import timezone

from redbrolly.casework.models import Note, RiskItem, Service
from redbrolly.casework.services import (
    action_add,
    appointment_add,
    onward_referral_make,
    risk_assess,
    time_log,
)

pytestmark = pytest.mark.django_db


def test_the_case_page_renders_500_notes_in_under_50_queries(
    client, people, team, make_case, django_assert_max_num_queries
) -> None:
    worker = people("caseworker")
    case = make_case(worker)
    Note.objects.bulk_create(
        Note(case=case, kind="contact", body=f"Spoke by phone, call number {n}.", author=worker)
        for n in range(500)
    )
    for _ in range(3):
        risk_assess(actor=worker, case=case, present=RiskItem.objects.all()[:4])
    for n in range(5):
        action_add(actor=worker, case=case, title=f"Task {n}", owner=worker, due_on=None)
        time_log(actor=worker, case=case, activity_type="advocacy", minutes=10)
    appointment_add(
        actor=worker, case=case, kind="phone", starts_at=timezone.now(), place="", note=""
    )
    service = Service.objects.create(name="Ashgrove SARC", kind="sarc")
    onward_referral_make(actor=worker, case=case, service=service, consent_given=True)
    client.force_login(worker)
    with django_assert_max_num_queries(50):
        response = client.get(f"/casework/cases/{case.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('class="note"') == 500
    assert "call number 0." in page and "call number 499." in page
