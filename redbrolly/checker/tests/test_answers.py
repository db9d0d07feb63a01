"""What the answer says: no reports, take care or warning, and which reports count."""

import datetime

import pytest
from django.utils import timezone

from redbrolly.checker import services
from redbrolly.checker.models import Channel, Result
from redbrolly.checker.services import Actor
from redbrolly.checker.tests.factories import report_about
from redbrolly.lib.normalise import normalise_any
from redbrolly.reports.models import Report

pytestmark = pytest.mark.django_db

NUMBER = "07700 900461"


def check(member, text: str = NUMBER) -> services.Answer:
    return services.lookup_run(
        actor=Actor(user=member), identifier=normalise_any(text), channel=Channel.WEB
    )


def test_a_number_nobody_reported_has_no_reports(member) -> None:
    answer = check(member)
    assert answer.result == Result.NO_REPORTS
    assert (answer.reports, answer.last_reported, answer.severity) == (0, None, None)


def test_a_reviewed_violent_report_makes_a_warning(member) -> None:
    report_about(NUMBER, reviewed=True, violent=True, severity="medium")
    answer = check(member)
    assert answer.result == Result.WARNING
    assert answer.reports == 1
    assert answer.severity == "medium"


def test_a_reviewed_high_severity_report_makes_a_warning_even_if_not_violent(member) -> None:
    report_about(NUMBER, reviewed=True, severity="high")
    assert check(member).result == Result.WARNING


def test_a_reviewed_low_severity_report_only_asks_for_caution(member) -> None:
    report_about(NUMBER, reviewed=True, severity="low")
    assert check(member).result == Result.CAUTION


def test_an_unreviewed_violent_report_from_a_member_asks_for_caution_at_once(member) -> None:
    report_about(NUMBER, violent=True)
    answer = check(member)
    assert answer.result == Result.CAUTION
    assert answer.reports == 1


def test_an_unreviewed_anonymous_report_does_not_count_until_a_moderator_accepts(member) -> None:
    report = report_about(NUMBER, source=Report.Source.ANONYMOUS, violent=True)
    assert check(member).result == Result.NO_REPORTS
    Report.objects.filter(pk=report.pk).update(
        status=Report.Status.ACCEPTED, accepted_at=timezone.now()
    )
    assert check(member).result == Result.WARNING


def test_the_organisation_can_count_anonymous_reports_before_review(member, admin_person) -> None:
    report_about(NUMBER, source=Report.Source.ANONYMOUS)
    services.policy_update(actor=admin_person, count_unreviewed_anonymous=True)
    services.forget_rules()  # on_commit never fires inside a test transaction
    assert check(member).result == Result.CAUTION


def test_the_organisation_can_wait_for_review_of_members_reports_too(member, admin_person) -> None:
    report_about(NUMBER)
    services.policy_update(actor=admin_person, count_unreviewed_known=False)
    services.forget_rules()
    assert check(member).result == Result.NO_REPORTS


def test_a_report_a_moderator_set_aside_does_not_count(member) -> None:
    report_about(NUMBER, status=Report.Status.NOT_ACTIONABLE)
    assert check(member).result == Result.NO_REPORTS


def test_withdrawn_consent_drops_a_report_out_at_once(member) -> None:
    report = report_about(NUMBER, reviewed=True, violent=True)
    assert check(member).result == Result.WARNING
    Report.objects.filter(pk=report.pk).update(withdrawn_at=timezone.now())
    assert check(member).result == Result.NO_REPORTS


def test_a_deleted_report_drops_out_at_once(member) -> None:
    report = report_about(NUMBER, reviewed=True, violent=True)
    report.delete()
    assert check(member).result == Result.NO_REPORTS


def test_it_counts_reports_shows_the_latest_date_and_the_highest_severity(member) -> None:
    report_about(NUMBER, reviewed=True, severity="low", submitted_on=datetime.date(2026, 3, 1))
    report_about(NUMBER, reviewed=True, severity="medium", submitted_on=datetime.date(2026, 5, 9))
    report_about(NUMBER, submitted_on=datetime.date(2026, 4, 2))
    answer = check(member)
    assert (answer.reports, answer.last_reported) == (3, datetime.date(2026, 5, 9))
    assert answer.severity == "medium"
    assert answer.result == Result.CAUTION


def test_a_report_naming_the_number_twice_counts_once(member) -> None:
    report_about(NUMBER, "+447700900461", reviewed=True, violent=True)
    assert check(member).reports == 1


def test_the_answer_carries_no_reporter_detail_and_no_narrative(member, people) -> None:
    reporter = people("member2")
    report_about(NUMBER, reviewed=True, violent=True, reporter=reporter)
    data = check(member).as_json()
    assert set(data) == {"result", "kind", "reports", "last_reported", "severity", "alerts"}
    text = str(data)
    assert "member2" not in text and "narrative" not in text and "R-" not in text


def test_emails_handles_and_plates_are_checked_too(member) -> None:
    report_about(
        "Dave.Smith+ads@gmail.com", "@nightowl_77", "AB12 CDE", reviewed=True, violent=True
    )
    for typed in ("davesmith@googlemail.com", "NightOwl_77", "ab12cde"):
        answer = check(member, typed)
        assert answer.result == Result.WARNING, typed


def test_members_cannot_check_a_partial_plate(member) -> None:
    with pytest.raises(services.NotAnIdentifier):
        services.lookup_run(
            actor=Actor(user=member),
            identifier=normalise_any("AB1?CDE", allow_partial_plate=True),
            channel=Channel.WEB,
        )


def test_the_answer_links_the_alerts_made_from_its_reports_that_the_asker_may_open(
    member, people
) -> None:
    from redbrolly.alerts.testing import published_alert
    from redbrolly.api.models import Partner

    report = report_about(NUMBER, reviewed=True, violent=True, severity="high")
    assert check(member).alerts == []  # no alert made from it yet
    drafter, approver = people("moderator", "moderator2")
    alert = published_alert(drafter, approver, report)
    assert [(a.id, a.url) for a in check(member).alerts] == [(alert.pk, f"/alerts/{alert.pk}/")]
    assert check(people("member2")).alerts == []  # works in another region
    partner = Partner.objects.create(name="Adverts Example Ltd")
    asked = services.lookup_run(
        actor=Actor(partner=partner), identifier=normalise_any(NUMBER), channel=Channel.API
    )
    assert [a.url for a in asked.alerts] == [f"/api/v1/alerts/{alert.pk}"]
