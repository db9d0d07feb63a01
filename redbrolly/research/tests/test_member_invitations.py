"""New members are invited to the study through the channels they chose, once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from redbrolly.accounts.models import MemberProfile
from redbrolly.notify.models import Delivery
from redbrolly.research import services
from redbrolly.research.models import Study
from redbrolly.research.tests.helpers import enrol, make_study

pytestmark = pytest.mark.django_db


@pytest.fixture
def study():
    study = make_study()
    Study.objects.filter(pk=study.pk).update(recruiting_since=timezone.now() - timedelta(days=5))
    study.refresh_from_db()
    return study


def approve(person, days_ago: int = 1) -> None:
    MemberProfile.objects.filter(user=person).update(
        reviewed_at=timezone.now() - timedelta(days=days_ago), notify_inapp=True
    )


def test_a_newly_approved_member_is_invited_once_on_each_channel(study, people) -> None:
    member = people("member")
    approve(member)
    services.member_invitations_send()
    services.member_invitations_send()
    rows = Delivery.objects.filter(recipient=member).order_by("channel")
    assert [row.channel for row in rows] == ["email", "inapp"]
    email = rows[0]
    assert (email.to, email.subject, email.purpose) == (
        "member@example.com",
        "You have a new update",
        "research.invitation",
    )
    assert "/me/studies/" in email.body


def test_members_approved_before_recruiting_or_already_enrolled_are_not_invited(
    study, people
) -> None:
    old, enrolled, practitioner = people("member", "member2", "practitioner")
    approve(old, days_ago=10)
    approve(enrolled)
    approve(practitioner)
    enrol(study, user=enrolled)
    services.member_invitations_send()
    assert not Delivery.objects.exists()


def test_the_member_area_lists_the_study(client, people, study) -> None:
    client.force_login(people("member"))
    page = client.get("/me/studies/")
    assert b"Safety and wellbeing cohort" in page.content
    assert b"/study/cohort/" in page.content
