"""A draft starts from accepted reports, with identifiers masked and nothing sent."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from redbrolly.alerts import selectors, services
from redbrolly.alerts.models import Alert, AlertPolicy
from redbrolly.alerts.testing import accepted_report, quoting
from redbrolly.notify.models import Delivery
from redbrolly.reports.models import Report

pytestmark = pytest.mark.django_db


def test_the_draft_starts_from_the_reports_facts_with_identifiers_masked(
    moderator: Any, planted: Any
) -> None:
    planted("07700 900123")
    planted("gary.d@example.com")
    alert = services.alert_draft_from_reports(moderator=moderator, reports=[accepted_report()])
    assert alert.status == Alert.Status.DRAFT
    assert alert.identifiers.splitlines() == ["07*******23", "MA** X*Z"]
    text = alert.text_in("en")
    assert text["title"] == "Physical assault and Robbery in Greater Manchester"
    assert "When: " in text["summary"] and "Where: Greater Manchester" in text["summary"]
    # The narrative is read beside the draft, never copied into it.
    assert alert.summary == ""
    for detail in ("Gary", "Acacia", "Grand Hotel", "11:45", "900123", "gary.d", "stairs"):
        assert detail not in text["title"] + text["summary"], detail
    assert "shaved head" in alert.perpetrator
    assert alert.vehicle == "silver Ford Focus"
    assert alert.severity == "danger"
    assert alert.sectors == ["outcall"]
    assert [r.code for r in alert.regions.all()] == ["greater-manchester"]
    assert {t.code for t in alert.incident_types.all()} == {"robbery", "physical_assault"}
    assert not Delivery.objects.exists()


def test_quoting_the_narrative_masks_his_identifiers_and_flags_her_details(
    moderator: Any,
) -> None:
    alert = services.alert_draft_from_reports(moderator=moderator, reports=[accepted_report()])
    alert = quoting(moderator, alert)
    assert "07*******23" in alert.summary and "g***@e***.com" in alert.summary
    assert "900123" not in alert.summary and "gary.d@" not in alert.summary
    kinds = {item.flag.kind for item in selectors.unresolved(selectors.flags_in(alert))}
    # "the Grand Hotel on 12 Acacia Avenue" is one detail: the hotel with its street
    assert {"address", "time"} <= kinds
    assert "name" not in kinds  # "Gary" is the man's alias: flagging it teaches clicking through


def test_several_reports_make_one_draft(moderator: Any) -> None:
    one = accepted_report()
    two = accepted_report(region="cheshire", phone="+447700900555")
    alert = services.alert_draft_from_reports(moderator=moderator, reports=[one, two])
    assert alert.identifiers.splitlines() == ["07*******23", "MA** X*Z", "07*******55"]
    assert {r.code for r in alert.regions.all()} == {"greater-manchester", "cheshire"}
    assert set(alert.reports.all()) == {one, two}


def test_masking_follows_the_organisations_rules(moderator: Any) -> None:
    policy = AlertPolicy.current()
    policy.masking = {"phone": [1, 1]}
    policy.save()
    alert = services.alert_draft_from_reports(moderator=moderator, reports=[accepted_report()])
    assert alert.identifiers.splitlines()[0] == "0*********3"


def test_a_report_kept_for_the_record_only_cannot_become_an_alert(moderator: Any) -> None:
    report = accepted_report(consent=Report.Consent.RECORD_ONLY)
    with pytest.raises(ValidationError):
        services.alert_draft_from_reports(moderator=moderator, reports=[report])
    assert not Alert.objects.exists()


def test_a_report_not_yet_accepted_cannot_become_an_alert(moderator: Any) -> None:
    report = accepted_report()
    Report.objects.filter(pk=report.pk).update(status=Report.Status.TRIAGE)
    report.refresh_from_db()
    with pytest.raises(ValidationError):
        services.alert_draft_from_reports(moderator=moderator, reports=[report])
