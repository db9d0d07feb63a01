"""The cost table counts the organisation's own records over the study period, inclusive."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from redbrolly.accounts.models import MemberProfile
from redbrolly.casework import services as casework
from redbrolly.casework.models import Case
from redbrolly.core.models import Region
from redbrolly.insights.selectors import service_counts
from redbrolly.notify.models import Delivery
from redbrolly.reports.models import Report

LONDON = ZoneInfo("Europe/London")
START, END = date(2025, 3, 1), date(2025, 3, 31)


def delivery(key, channel, status, when, source=("", "")):
    return Delivery.objects.create(
        idempotency_key=key,
        channel=channel,
        purpose="alert",
        status=status,
        created_at=when,
        source_type=source[0],
        source_id=source[1],
    )


@pytest.mark.django_db
def test_messages_sent_or_delivered_in_the_period_are_counted_by_channel():
    inside = datetime(2025, 3, 31, 23, 30, tzinfo=LONDON)
    delivery("a", "sms", Delivery.Status.SENT, inside)
    delivery("b", "sms", Delivery.Status.DELIVERED, datetime(2025, 3, 1, 0, 5, tzinfo=LONDON))
    delivery("c", "email", Delivery.Status.SENT, inside)
    delivery("d", "sms", Delivery.Status.FAILED, inside)
    delivery("e", "sms", Delivery.Status.PENDING, inside)
    delivery("f", "sms", Delivery.Status.SENT, datetime(2025, 4, 1, 0, 5, tzinfo=LONDON))
    delivery("g", "email", Delivery.Status.SENT, datetime(2025, 2, 28, 23, 55, tzinfo=LONDON))
    assert service_counts(START, END).deliveries == {"email": 1, "sms": 2}


@pytest.mark.django_db
def test_alerts_published_are_the_distinct_alerts_among_the_deliveries():
    when = datetime(2025, 3, 10, 12, tzinfo=LONDON)
    for key, alert in (("1", "7"), ("2", "7"), ("3", "8"), ("4", "9")):
        delivery(key, "email", Delivery.Status.SENT, when, ("alerts.alert", alert))
    delivery("5", "email", Delivery.Status.SENT, when, ("research.followup", "7"))
    assert service_counts(START, END).alerts_published == 3


@pytest.mark.django_db
def test_reports_count_once_a_moderator_has_handled_them(planted):
    region = Region.objects.first()
    assert region is not None
    for status, day in (
        (Report.Status.ACCEPTED, date(2025, 3, 2)),
        (Report.Status.NOT_ACTIONABLE, date(2025, 3, 31)),
        (Report.Status.NEW, date(2025, 3, 3)),
        (Report.Status.ACCEPTED, date(2025, 4, 1)),
    ):
        Report.objects.create(
            status=status,
            source=Report.Source.ANONYMOUS,
            consent_level=Report.Consent.RECORD_ONLY,
            region=region,
            occurred_on=day,
            setting=Report.Setting.STREET,
            narrative=planted("He took the money back at knifepoint"),
            submitted_on=day,
        )
    assert service_counts(START, END).reports_moderated == 2


@pytest.mark.django_db
def test_members_are_those_approved_who_applied_before_the_period_ended(people):
    people("member", "member2", "applicant")
    late = people("practitioner").member_profile
    MemberProfile.objects.filter(pk=late.pk).update(applied_at=datetime(2025, 4, 2, tzinfo=LONDON))
    MemberProfile.objects.exclude(pk=late.pk).update(applied_at=datetime(2025, 1, 2, tzinfo=LONDON))
    assert service_counts(START, END).members == 2


@pytest.mark.django_db
def test_casework_minutes_come_from_the_time_log_by_activity(people, planted):
    worker = people("caseworker")
    person = casework.Person(
        working_name=planted("Scarlett"),
        contact_route=Case.ContactRoute.TEXT,
        contact_details=planted("+447700900456"),
        language="en",
    )
    intake = casework.Intake(source=Case.Source.PHONE, reason="Wants support")
    case = casework.case_open(actor=worker, person=person, intake=intake, worker=worker)
    for activity, minutes, day in (
        ("contact", 30, date(2025, 3, 1)),
        ("contact", 45, date(2025, 3, 31)),
        ("court", 120, date(2025, 3, 15)),
        ("contact", 60, date(2025, 4, 1)),
    ):
        casework.time_log(actor=worker, case=case, activity_type=activity, minutes=minutes, on=day)
    found = service_counts(START, END)
    assert found.casework_logged
    assert dict(found.casework_minutes) == {"contact": 75, "court": 120}
    assert found.activity_labels["court"] == "Court or police support"
