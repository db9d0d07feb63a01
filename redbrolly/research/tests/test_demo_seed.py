"""The demo study: a few hundred participants in both arms, partial follow-up, quickly."""

from __future__ import annotations

import random
import time

import pytest
from django.utils import timezone

from redbrolly.research import datasets
from redbrolly.research.demo import seed
from redbrolly.research.models import FollowUp, Participant, Study

pytestmark = pytest.mark.django_db


def test_the_demo_cohort_looks_like_a_real_one_and_seeds_once() -> None:
    started = time.monotonic()
    seed(random.Random(20121))
    assert time.monotonic() - started < 10
    seed(random.Random(20121))
    study = Study.objects.get()
    assert (study.title, study.status) == ("Safety and wellbeing cohort 2026", "recruiting")
    arms = Participant.objects.values_list("arm", flat=True)
    assert 250 <= len(arms) <= 320 and 80 < list(arms).count("member") < 220
    opened = FollowUp.objects.filter(opens_on__lte=timezone.localdate()).exclude(
        participant__data_deleted=True
    )
    completion = opened.filter(done_at__isnull=False).count() / opened.count()
    assert 0.45 < completion < 0.75
    assert FollowUp.objects.overdue_on(timezone.localdate()).count() >= 3
    long = datasets.build(study).long
    baseline = long[long["wave"] == 0]
    assert 5 < baseline["phq9_total"].mean() < 14
    assert 0.6 < baseline["eq5d_utility"].mean() < 0.9
    assert 0.2 < baseline["any_violence"].mean() < 0.7
