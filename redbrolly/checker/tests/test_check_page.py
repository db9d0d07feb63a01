"""/check/: one field, the answer on the same page in colour, word and icon."""

import pytest

from redbrolly.checker.prefill import SESSION_KEY, prefill_identifier_take
from redbrolly.checker.tests.factories import report_about
from redbrolly.lib.normalise import IdentifierKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, member):
    client.force_login(member)
    return client


def test_the_page_has_one_field_and_works_without_javascript(signed_in) -> None:
    page = signed_in.get("/check/").content.decode()
    assert page.count('name="identifier"') == 1
    assert 'method="post"' in page
    assert "<script>" not in page and "style=" not in page


def test_a_reported_number_shows_warning_in_colour_word_and_icon(signed_in) -> None:
    report_about("07700 900611", reviewed=True, violent=True, severity="high")
    page = signed_in.post("/check/", {"identifier": "07700 900611"}).content.decode()
    assert "answer-warning" in page
    assert ">Warning</h2>" in page
    assert "checker/warning.svg" in page
    assert "High" in page


def test_an_unreviewed_report_shows_take_care(signed_in) -> None:
    report_about("07700 900612")
    page = signed_in.post("/check/", {"identifier": "07700 900612"}).content.decode()
    assert "answer-caution" in page and ">Take care</h2>" in page


def test_a_number_never_reported_shows_no_reports(signed_in) -> None:
    page = signed_in.post("/check/", {"identifier": "07700 900613"}).content.decode()
    assert "answer-no_reports" in page and ">No reports</h2>" in page


def test_bad_input_gets_a_message_and_keeps_what_was_typed(signed_in) -> None:
    response = signed_in.post("/check/", {"identifier": "!!!?"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="errorlist"' in page
    assert 'value="!!!?"' in page
    assert "answer-" not in page


def test_the_page_is_never_cached(signed_in) -> None:
    response = signed_in.post("/check/", {"identifier": "07700 900613"})
    assert "no-store" in response["Cache-Control"]


def test_a_person_whose_membership_is_not_approved_cannot_check(client, people) -> None:
    client.force_login(people("applicant"))
    assert client.post("/check/", {"identifier": "07700 900613"}).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client) -> None:
    response = client.get("/check/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_report_it_carries_the_identifier_to_the_report_form_in_the_session(signed_in) -> None:
    response = signed_in.post("/check/report-it/", {"identifier": "07700 900614"})
    assert response.status_code == 302
    assert response["Location"] == "/report/"
    assert "900614" not in response["Location"]
    sealed = signed_in.session[SESSION_KEY]
    assert "900614" not in sealed
    request = type("Request", (), {"session": signed_in.session})()
    found = prefill_identifier_take(request)
    assert found is not None
    assert (found.kind, found.value) == (IdentifierKind.PHONE, "+447700900614")
    assert prefill_identifier_take(request) is None


def test_the_answer_offers_to_report_the_checked_identifier(signed_in) -> None:
    page = signed_in.post("/check/", {"identifier": "07700 900615"}).content.decode()
    assert 'action="/check/report-it/"' in page
    assert 'value="+447700900615"' in page
