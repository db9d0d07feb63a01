"""The researchers' dashboard: counts by arm and wave, overdue follow-ups, incentives."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from django.utils import timezone

from redbrolly.research.demo import seed_cohort
from redbrolly.research.models import FollowUp, Participant
from redbrolly.research.selectors import dashboard
from redbrolly.research.tests.helpers import consent_form, make_study

pytestmark = pytest.mark.django_db


@pytest.fixture
def study():
    study = make_study(target_member=30, target_non_member=30)
    seed_cohort(study, consent_form(study), n=40, rng=random.Random(7))
    return study


def test_the_counts_add_up_by_arm(study) -> None:
    board = dashboard(study)
    assert board.totals.enrolled == 40
    assert board.totals.withdrawn == 5
    by_arm = {arm.arm: arm for arm in board.arms}
    for arm, summary in by_arm.items():
        assert summary.enrolled == Participant.objects.filter(arm=arm).count()
        assert summary.target == 30
    opened = FollowUp.objects.filter(opens_on__lte=timezone.localdate()).exclude(
        participant__data_deleted=True
    )
    assert board.totals.follow_up_open == opened.count()
    assert board.totals.follow_up_complete == opened.filter(done_at__isnull=False).count()
    assert board.screened == board.eligible + 6
    assert board.incentives_paid + board.incentives_waiting >= board.totals.baseline_complete


def test_an_open_follow_up_past_its_due_date_is_overdue(study) -> None:
    today = timezone.localdate()
    follow_up = FollowUp.objects.pending().first()
    assert follow_up is not None
    FollowUp.objects.filter(pk=follow_up.pk).update(
        opens_on=today - timedelta(days=20), due_on=today - timedelta(days=6), closes_on=today
    )
    assert follow_up.pk in {f.pk for f in dashboard(study).overdue}


def test_the_page_shows_counts_and_no_answers_or_pseudonyms(client, people, study) -> None:
    client.force_login(people("researcher"))
    response = client.get("/staff/research/cohort/")
    page = response.content.decode()
    assert "Participants by arm against target" in page
    assert "data:image/svg+xml" in page  # the QR code of the study link
    for participant in Participant.objects.all():
        assert participant.pseudonym not in page
    for word in ("phq9", "Little interest", "viol_"):
        assert word not in page
