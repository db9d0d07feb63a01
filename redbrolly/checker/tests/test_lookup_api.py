"""POST /api/v1/checker/lookups: members and partner platforms get the same answer."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redbrolly.checker.models import Lookup
from redbrolly.checker.tests.factories import bearer, member_token, partner_with_key, report_about

pytestmark = pytest.mark.django_db

URL = "/api/v1/checker/lookups"
NUMBER = "07700 900462"


@pytest.fixture
def no_limits(settings) -> None:
    settings.REDBROLLY_CHECKER_RATE_LIMITS = False


def post(client, secret: str, body: dict, url: str = URL):
    return client.post(url, body, content_type="application/json", **bearer(secret))


def test_a_member_gets_the_answer_as_json(client, member, planted) -> None:
    report_about(planted("+447700900462"), reviewed=True, violent=True, severity="high")
    response = post(client, member_token(member), {"identifier": "+44 7700 900462"})
    assert response.status_code == 200
    data = response.json()
    assert data["result"] == "warning"
    assert data["kind"] == "phone"
    assert data["reports"] == 1
    assert len(data["last_reported"]) == 10
    assert data["severity"] == "high"
    assert data["alerts"] == []


def test_a_number_never_reported_gives_no_reports(client, member) -> None:
    response = post(client, member_token(member), {"identifier": NUMBER})
    assert response.json() == {
        "result": "no_reports",
        "kind": "phone",
        "reports": 0,
        "last_reported": None,
        "severity": None,
        "alerts": [],
    }


def test_a_partner_key_gets_the_same_answer_as_a_member(client, member) -> None:
    report_about(NUMBER, reviewed=True, violent=True)
    _partner, key = partner_with_key()
    as_partner = post(client, key, {"identifier": NUMBER}).json()
    as_member = post(client, member_token(member), {"identifier": NUMBER}).json()
    assert as_partner == as_member


def test_input_that_is_not_an_identifier_gets_422_with_a_message(client, member) -> None:
    response = post(client, member_token(member), {"identifier": "!!!"})
    assert response.status_code == 422
    problem = response.json()["detail"][0]
    assert problem["field"] == "identifier"
    assert problem["message"]
    assert not Lookup.objects.exists()


@pytest.mark.parametrize("body", [{}, {"identifier": 5}, {"identifier": "x" * 5000}, []])
def test_malformed_bodies_get_422_not_500(client, member, body) -> None:
    assert post(client, member_token(member), body).status_code == 422


def test_a_partial_plate_is_refused_to_members(client, member) -> None:
    assert post(client, member_token(member), {"identifier": "AB1?CDE"}).status_code == 422


def test_a_bad_key_is_refused(client) -> None:
    assert post(client, "rbp_not-a-real-key", {"identifier": NUMBER}).status_code == 401
    assert post(client, "rbt_not-a-real-token", {"identifier": NUMBER}).status_code == 401


def test_no_key_is_refused(client) -> None:
    response = client.post(URL, {"identifier": NUMBER}, content_type="application/json")
    assert response.status_code == 401


def test_a_revoked_partner_key_is_refused(client) -> None:
    partner, key = partner_with_key()
    partner.keys.update(revoked_at="2026-01-01T00:00:00Z")
    assert post(client, key, {"identifier": NUMBER}).status_code == 401


def test_a_person_whose_membership_is_not_approved_is_refused(client, people) -> None:
    applicant = people("applicant")
    response = post(client, member_token(applicant), {"identifier": NUMBER})
    assert response.status_code == 403
    assert response.json()["detail"]
    assert not Lookup.objects.exists()


def test_a_partner_without_the_checker_is_refused(client) -> None:
    _partner, key = partner_with_key(can_check=False)
    assert post(client, key, {"identifier": NUMBER}).status_code == 403


def test_the_list_form_answers_each_line(client, member) -> None:
    report_about(NUMBER, reviewed=True, violent=True)
    body = {"identifiers": [NUMBER, "nonsense !!", "07700 900999"]}
    response = post(client, member_token(member), body, url=URL + "/bulk")
    results = response.json()["results"]
    assert [r["line"] for r in results] == [1, 2, 3]
    assert results[0]["answer"]["result"] == "warning"
    assert results[1]["answer"] is None and results[1]["error"]
    assert results[2]["answer"]["result"] == "no_reports"
    assert Lookup.objects.count() == 2


def test_the_list_form_takes_at_most_50(client, member) -> None:
    body = {"identifiers": [f"07700 900{n:03d}" for n in range(51)]}
    response = post(client, member_token(member), body, url=URL + "/bulk")
    assert response.status_code == 422


def test_a_partner_sees_its_own_usage(client) -> None:
    _partner, key = partner_with_key(lookups_per_minute=90, lookups_per_day=900)
    post(client, key, {"identifier": NUMBER})
    usage = client.get("/api/v1/checker/usage", **bearer(key)).json()
    assert usage == {"today": 1, "last_30_days": 1, "per_minute": 90, "per_day": 900}


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_whatever_is_typed_gets_an_answer_or_a_message_never_an_error(
    client, member, no_limits, text
) -> None:
    response = post(client, member_token(member), {"identifier": text})
    assert response.status_code in {200, 422}
    if response.status_code == 422:
        assert response.json()["detail"][0]["message"]
