"""NUL characters are refused with a clear message before they reach the database."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_a_json_body_with_a_nul_character_gets_the_apis_validation_answer(client) -> None:
    response = client.post(
        "/api/v1/reports", data='{"narrative": "a\\u0000b"}', content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["message"] == "Text may not contain NUL characters."


def test_a_percent_sign_in_json_is_just_text(client) -> None:
    body = '{"identifier": "https://ads.example/profile%00"}'
    response = client.post("/api/v1/checker/lookups", data=body, content_type="application/json")
    assert "NUL characters" not in response.content.decode()


def test_a_urlencoded_form_or_a_query_with_a_nul_character_is_refused(client) -> None:
    body = "login=a%00b&password=x"
    form = client.post("/accounts/login/", body, content_type="application/x-www-form-urlencoded")
    assert form.status_code == 400
    assert client.get("/api/v1/regions?x=%00").status_code == 400


def test_ordinary_input_passes(client) -> None:
    assert client.get("/api/v1/regions?x=1").status_code == 200
