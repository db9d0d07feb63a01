"""A reporter can ask to see any alert before it goes out: on the form's choices step and in
the API's consent. It only means something when they agree to an alert; it defaults to no."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from redbrolly.reports.models import Report
from redbrolly.reports.tests.test_submit_through_the_api import post
from redbrolly.reports.tests.test_web_intake import WHAT, go, started

pytestmark = pytest.mark.django_db


def web_report(client: Client, choices: dict[str, Any]) -> Report:
    go(client, "what", {**WHAT, "started": started(client)})
    go(client, "story", {"narrative": "He took the money back by force"})
    go(client, "people", {"people_count": "1"})
    go(client, "evidence", {})
    assert go(client, "choices", choices).url == "/report/review/"
    review = client.get("/report/review/").content.decode()
    asked = "you want to see any alert before it goes out" in review
    client.post("/report/review/", {"action": "send"})
    report = Report.objects.get()
    assert asked == report.wants_alert_review
    return report


def test_the_choices_step_asks_and_says_no_by_default(client) -> None:
    go(client, "what", {**WHAT, "started": started(client)})
    page = client.get("/report/choices/").content.decode()
    assert 'name="wants_alert_review"' in page
    assert not web_report(Client(), {"consent_level": "alert"}).wants_alert_review


def test_a_reporter_who_agrees_to_an_alert_can_ask_to_see_it_first(client) -> None:
    report = web_report(client, {"consent_level": "alert", "wants_alert_review": "on"})
    assert report.wants_alert_review


def test_asking_means_nothing_when_the_report_is_only_recorded(client) -> None:
    report = web_report(client, {"consent_level": "record_only", "wants_alert_review": "on"})
    assert not report.wants_alert_review


def test_the_api_takes_the_same_question_in_consent(client, payload) -> None:
    consent = {"level": "police_anonymous", "wants_alert_review": True}
    response = post(client, payload(consent=consent))
    assert response.status_code == 201, response.content
    assert Report.objects.get(reference=response.json()["reference"]).wants_alert_review


def test_the_api_defaults_to_no_and_refuses_a_non_answer(client, payload) -> None:
    response = post(client, payload())
    assert not Report.objects.get(reference=response.json()["reference"]).wants_alert_review
    refused = post(client, payload(consent={"level": "alert", "wants_alert_review": "maybe"}))
    assert refused.status_code == 422
