"""The lookup log forgets what it no longer needs: adjacency labels after a day, which
identifier was checked after 90 days; the rows stay for statistics."""

import datetime

import pytest
from django.utils import timezone

from redbrolly.checker import services
from redbrolly.checker.models import Lookup
from redbrolly.checker.services import Actor

pytestmark = pytest.mark.django_db


def test_old_lookups_keep_only_what_statistics_need(member) -> None:
    services.lookup_run(
        actor=Actor(user=member), identifier=services.identifier_read("07700 900661"), channel="web"
    )
    now = timezone.now()
    services.forget_old_details(now + datetime.timedelta(hours=2))
    assert Lookup.objects.get().near_a != ""
    services.forget_old_details(now + datetime.timedelta(days=2))
    kept = Lookup.objects.get()
    assert (kept.near_a, kept.near_b) == ("", "")
    assert kept.index
    services.forget_old_details(now + datetime.timedelta(days=91))
    kept = Lookup.objects.get()
    assert (kept.index, kept.result, kept.channel, kept.user) == ("", "no_reports", "web", member)
