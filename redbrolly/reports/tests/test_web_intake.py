"""The web report, step by step, without JavaScript (Django's test client)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from redbrolly.reports.models import Draft, Identifier, Report
from redbrolly.reports.tests.conftest import EMAIL, NARRATIVE, PHONE
from redbrolly.reports.tests.helpers import found

pytestmark = pytest.mark.django_db

WHAT = {
    "incident_types": ["physical_assault"],
    "occurred_precision": "approximate",
    "occurred_on": "2026-02-03",
    "occurred_note": "last night",
    "region": "greater-manchester",
    "area": "12 Chapel Street, Salford",
    "setting": "incall",
}


def started(client: Client) -> str:
    page = client.get("/report/").content.decode()
    return found(r'name="started" value="([^"]+)"', page)


def go(client: Client, step: str, data: dict[str, Any], action: str = "next") -> Any:
    return client.post(f"/report/{step}/", {**data, "action": action, "step": step})


def fill_to_review(client: Client, planted: Any, person: dict[str, Any] | None = None) -> None:
    planted(NARRATIVE)
    assert go(client, "what", {**WHAT, "started": started(client)}).url == "/report/story/"
    assert (
        go(client, "story", {"narrative": f"{NARRATIVE}, call 07700 900638"}).url
        == "/report/people/"
    )
    person = person or {
        "people_count": "1",
        "phones": PHONE,
        "emails": EMAIL,
        "vehicle_plate": "MA19 ?XK",
    }
    assert go(client, "people", person).url == "/report/evidence/"
    assert go(client, "evidence", {}).url == "/report/choices/"
    assert go(client, "choices", {"consent_level": "alert"}).url == "/report/review/"


def test_an_anonymous_person_reports_step_by_step_and_gets_a_receipt(client, planted) -> None:
    fill_to_review(client, planted)
    review = client.get("/report/review/").content.decode()
    assert "+447700900638" in review  # offered from the narrative
    response = client.post("/report/review/", {"add_phones": ["+447700900638"], "action": "send"})
    assert response.status_code == 200
    receipt = found(r'name="receipt" value="(\d{16})"', response.content.decode())
    report = Report.objects.get()
    assert report.narrative.startswith(NARRATIVE) and report.source == "anonymous"
    assert report.occurred_precision == "approximate" and report.occurred_note == "last night"
    assert Identifier.objects.filter(report=report).count() == 4
    assert receipt not in report.receipt_hash
    assert not Draft.objects.exists()


def test_a_street_address_is_coarsened_to_the_town(client, planted) -> None:
    fill_to_review(client, planted)
    client.post("/report/review/", {"action": "send"})
    assert Report.objects.get().area == "Salford"


def test_what_was_typed_is_kept_when_the_person_comes_back(client, planted) -> None:
    planted(NARRATIVE)
    go(client, "what", {**WHAT, "started": started(client)})
    client.post("/report/autosave/", {"step": "story", "narrative": NARRATIVE})
    assert client.get("/report/").url == "/report/story/"
    assert NARRATIVE in client.get("/report/story/").content.decode()


def test_the_draft_token_never_appears_in_a_url(client, planted) -> None:
    go(client, "what", {**WHAT, "started": started(client)})
    token = client.session["reports.draft"]
    page = client.get("/report/story/").content.decode()
    assert token not in page


def test_a_step_with_mistakes_shows_them_and_keeps_the_text(client, planted) -> None:
    response = go(
        client,
        "what",
        {**WHAT, "started": started(client), "region": "", "occurred_note": "around midnight"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Please choose a region from the list." in page and "around midnight" in page


def test_a_step_is_written_to_the_draft_once(client, planted) -> None:
    """Each step is one encrypted write, valid or not (it was two for a valid step)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    table = Draft._meta.db_table

    def draft_writes(step: str, data: dict[str, Any]) -> int:
        with CaptureQueriesContext(connection) as queries:
            go(client, step, data)
        return sum(
            q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT")) and table in q["sql"]
            for q in queries
        )

    planted(NARRATIVE)
    go(client, "what", {**WHAT, "started": started(client)})
    assert draft_writes("story", {"narrative": NARRATIVE}) == 1
    assert Draft.objects.get().step == "people"
    assert draft_writes("what", {**WHAT, "region": ""}) == 1  # refused, and still kept
    assert Draft.objects.get().step == "what"


def test_a_bad_phone_number_is_named_by_line_without_repeating_it(client, planted) -> None:
    go(client, "what", {**WHAT, "started": started(client)})
    response = go(client, "people", {"people_count": "1", "phones": f"{PHONE}\n12345"})
    assert response.status_code == 400
    assert "Line 2:" in response.content.decode()


def test_the_honeypot_refuses_a_bot(client, planted) -> None:
    fill_to_review(client, planted)
    response = client.post("/report/review/", {"website": "http://spam.example", "action": "send"})
    assert response.status_code == 400 and not Report.objects.exists()


def test_sending_faster_than_a_person_could_is_refused(client, planted, settings) -> None:
    settings.REDBROLLY_INTAKE_LIMITS = {"form_min_seconds": 60}
    fill_to_review(client, planted)
    response = client.post("/report/review/", {"action": "send"})
    assert response.status_code == 400 and not Report.objects.exists()
    assert "very quick" in response.content.decode()


def test_too_many_reports_from_one_address_are_refused_but_kept(client, planted, settings) -> None:
    settings.REDBROLLY_INTAKE_LIMITS = {"form_min_seconds": 0, "address": [0, 3600]}
    fill_to_review(client, planted)
    response = client.post("/report/review/", {"action": "send"})
    assert response.status_code == 429 and Draft.objects.count() == 1


def test_people_can_be_added_and_removed(client, planted) -> None:
    go(client, "what", {**WHAT, "started": started(client)})
    assert go(client, "people", {"names": "Dan"}, action="add").url == "/report/people/?n=1"
    go(client, "people", {"names": "Rob", "person": "1"}, action="add")
    go(client, "people", {"person": "2"}, action="remove")
    page = client.get("/report/people/?n=1").content.decode()
    assert "Rob" in page and "Edit person 1" in page


def test_starting_again_deletes_the_draft(client, planted) -> None:
    go(client, "what", {**WHAT, "started": started(client)})
    client.post("/report/start-again/")
    assert not Draft.objects.exists() and "reports.draft" not in client.session


def test_a_member_report_is_linked_to_the_account(client, planted, people) -> None:
    member = people("member")
    client.force_login(member)
    fill_to_review(client, planted)
    response = client.post("/report/review/", {"action": "send"})
    report = Report.objects.get()
    assert report.reporter == member and report.source == "member" and not report.receipt_hash
    assert report.reference in response.content.decode()


def test_a_practitioner_reports_for_someone_who_agreed(client, planted, people) -> None:
    client.force_login(people("practitioner"))
    fill_to_review(client, planted)
    choices = {"consent_level": "record_only", "on_behalf": "on", "behalf_who": "J, drop-in"}
    assert go(client, "choices", choices).status_code == 400  # consent not ticked
    go(client, "choices", {**choices, "behalf_consent": "on"})
    client.post("/report/review/", {"action": "send"})
    report = Report.objects.get()
    assert report.source == "practitioner" and report.on_behalf_of_someone
    assert report.behalf_who == "J, drop-in" and report.behalf_consent


def test_staff_take_a_phone_report_and_get_a_receipt_to_read_out(client, planted, people) -> None:
    client.force_login(people("caseworker"))
    client.post("/staff/reports/phone/")
    page = client.get("/staff/reports/phone/what/").content.decode()
    stamp = found(r'name="started" value="([^"]+)"', page)
    base = "/staff/reports/phone"
    client.post(f"{base}/what/", {**WHAT, "started": stamp, "action": "next"})
    client.post(f"{base}/story/", {"narrative": planted(NARRATIVE), "action": "next"})
    client.post(
        f"{base}/choices/",
        {
            "consent_level": "alert",
            "behalf_who": "caller",
            "behalf_consent": "on",
            "action": "next",
        },
    )
    response = client.post(f"{base}/review/", {"action": "send"})
    report = Report.objects.get()
    assert report.source == "staff_phone" and report.on_behalf_of_someone
    assert "Read this receipt code to the caller" in response.content.decode()
